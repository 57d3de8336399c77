"""Reading articles from files: ``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl``.

Each file may have a YAML sidecar ``NAME.meta.yaml`` with ``id``, ``title``,
``outlet``, ``published``, ``url`` (and ``collection``). Text is decoded
robustly: UTF-8 (with BOM) first, then Windows-1252; mojibake is repaired with
``ftfy`` and no-break/zero-width spaces are normalised. The cleaned text is
what the store keeps, so every offset is valid against it.

HTML main text and metadata come from ``trafilatura``; dates are normalised
with ``dateparser`` to ISO ``YYYY-MM-DD``. An article with no published date
takes the date of its dateline when it has one (:func:`dateline_date`).
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

import yaml

from .errors import ArticleReadError
from .models import Article

# on_error(where, reason): reports a skipped JSONL line ("file.jsonl:3", "not valid JSON (...)").
ErrorFn = Callable[[str, str], None]

# Longest article accepted (characters). Parsing and extraction memory and time grow with length;
# 200,000 characters is four times a long news feature.
MAX_ARTICLE_CHARS = 200_000

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
META_SUFFIX = ".meta.yaml"

# Invisible or odd spaces that break tokenisation: NBSP, narrow NBSP, figure
# space, thin spaces -> plain space; zero-width characters and BOM -> removed.
_SPACE_CHARS = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def clean_text(text: str) -> str:
    """Return ``text`` with mojibake repaired and odd spaces normalised.

    Uses ``ftfy.fix_text`` (keeping curly quotes, so quotation marks survive),
    then maps NBSP-like spaces to U+0020, removes zero-width characters and
    normalises line ends to ``\\n``.

    Args:
        text (str): raw decoded text.

    Returns:
        str: the cleaned text that offsets refer to.
    """
    import ftfy

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    text = _SPACE_CHARS.sub(" ", text)
    text = _ZERO_WIDTH.sub("", text)
    return text


# Markdown emphasis around a headline: "# **Title**", "__Title__".
_RE_MD_MARKUP = re.compile(r"^\s*(\*\*|__|\*|_)|(\*\*|__|\*|_)\s*$")


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of SHA-256 of the UTF-8 ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_date(value: object) -> str | None:
    """Parse a date-like value into ISO ``YYYY-MM-DD`` or None.

    Accepts ``datetime.date``/``datetime`` objects and free-text dates
    ("Dec. 1, 2024", "2024-12-01T10:00Z"), parsed with ``dateparser``.
    Returns None for empty or unparseable values (never raises).
    """
    import datetime as dt

    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return s
    import dateparser

    parsed = dateparser.parse(s, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), 1)}
# "KABUL, Afghanistan (Jan. 25, 2013)" or "(Jan. 25)"; a release number "2010-12-S-321" may give the year.
RE_DATELINE = re.compile(r"\(([A-Z][a-z]{2,8})\.? (\d{1,2})(?:, (\d{4}))?\)")
RE_HEAD_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b")
RE_RELEASE_NO = re.compile(r"\b(20\d\d)-(\d\d)-[A-Z]")
DATELINE_WINDOW = 600


def dateline_date(text: str) -> str | None:
    """The date of a dateline near the top of ``text``, as ISO ``YYYY-MM-DD``, or None.

    Reads a parenthesised dateline such as ``KABUL, Afghanistan (Jan. 25, 2013)`` in the first
    600 characters, else the first full date written ``Jan. 10, 2011`` there (a header such as
    "Operational Update, Jan. 10, 2011"). When the dateline has no year, the year of a release
    number such as ``2010-12-S-321`` in the same window is used; without either, None. Used as
    the published date of articles that have none, so relative days ("yesterday") resolve.
    """
    import datetime as dt

    head = text[:DATELINE_WINDOW]
    m = RE_DATELINE.search(head) or RE_HEAD_DATE.search(head)
    if not m or m.group(1)[:3].lower() not in _MONTHS:
        return None
    year = m.group(3)
    if year is None:
        r = RE_RELEASE_NO.search(head)
        if not r:
            return None
        year = r.group(1)
    try:
        return dt.date(int(year), _MONTHS[m.group(1)[:3].lower()], int(m.group(2))).isoformat()
    except ValueError:
        return None


def _decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise ArticleReadError(path, "the file is empty")
    if b"\x00" in data[:4096]:
        raise ArticleReadError(path, "this looks like a binary file, not text")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _read_meta(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ArticleReadError(meta_path, f"invalid YAML sidecar ({exc})") from exc
    if not isinstance(meta, dict):
        raise ArticleReadError(meta_path, "the sidecar must be a mapping of title/outlet/published/url")
    return meta


def _make_article(text: str, meta: dict, source_path: str, collection: str | None) -> Article:
    text = clean_text(text)
    if not text.strip():
        raise ArticleReadError(source_path, "no article text found")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleReadError(
            source_path,
            f"the article is {len(text):,} characters long; the limit is {MAX_ARTICLE_CHARS:,} "
            "(a long news feature is about 50,000): split it into several articles",
        )
    title = meta.get("title")
    if not title:
        first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
        title = _RE_MD_MARKUP.sub("", first.lstrip("#")).strip()[:300] or None
    return Article(
        id=str(meta.get("id") or content_id(text)),
        title=clean_text(str(title)) if title else None,
        published=normalise_date(meta.get("published") or meta.get("date")) or dateline_date(text),
        outlet=str(meta["outlet"]) if meta.get("outlet") else None,
        url=str(meta["url"]) if meta.get("url") else None,
        source_path=source_path,
        collection=str(collection or meta.get("collection") or "user"),
        text=text,
    )


def read_html(html: str, source_path: str, meta: dict | None = None, collection: str | None = None) -> Article:
    """Build an :class:`Article` from an HTML page with trafilatura.

    Args:
        html (str): the page.
        source_path (str): where it came from (for messages and provenance).
        meta (dict | None): sidecar values; they win over the page's own metadata.
        collection (str | None): collection name.

    Raises:
        ArticleReadError: trafilatura finds no main text.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise ArticleReadError(source_path, "no main text found in the HTML page")
    page = trafilatura.extract_metadata(html)
    merged = {}
    if page is not None:
        merged = {"title": page.title, "outlet": page.sitename, "published": page.date, "url": page.url}
    merged.update({k: v for k, v in (meta or {}).items() if v})
    title = merged.get("title")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    return _make_article(text, merged, source_path, collection)


def read_jsonl(
    data: str, source_path: str, collection: str | None = None, on_error: ErrorFn | None = None
) -> Iterator[Article]:
    """Yield one :class:`Article` per non-empty JSON line (``text`` required).

    Optional keys: ``id``, ``title``, ``published``, ``outlet``, ``url``. Lines are
    separated by ``\n`` only: U+2028/U+2029 inside a JSON string are text, not line breaks.

    Args:
        data (str): the file's text.
        source_path (str): file name for messages (``NAME:LINE``).
        collection (str | None): collection name.
        on_error (ErrorFn | None): when given, a bad line is reported as
            ``on_error("NAME:LINE", reason)`` and skipped, so the good lines are kept;
            when None, the first bad line raises.

    Raises:
        ArticleReadError: (without ``on_error``) a line is not JSON, not an object,
            or has no ``text``; the message gives the line number.
    """
    for n, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source_path}:{n}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ArticleReadError(where, f"not valid JSON ({exc.msg})") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise ArticleReadError(where, "each line must be an object with a string 'text'")
            article = _make_article(obj["text"], obj, where, collection)
        except ArticleReadError as exc:
            if on_error is None:
                raise
            on_error(where, exc.reason)
            continue
        yield article


def read_bytes(
    data: bytes, name: str, meta: dict | None = None, collection: str | None = None, on_error: ErrorFn | None = None
) -> list[Article]:
    """Read articles from the bytes of a file called ``name`` (used by uploads).

    Args:
        data (bytes): file contents.
        name (str): file name; its suffix picks the reader.
        meta (dict | None): sidecar metadata.
        collection (str | None): collection name for the articles.
        on_error (ErrorFn | None): ``.jsonl`` only: report and skip bad lines
            instead of raising (see :func:`read_jsonl`).

    Returns:
        list[Article]: one article, or one per line for ``.jsonl``.

    Raises:
        ArticleReadError: unsupported suffix, empty/binary file, bad JSONL, no text,
            text longer than ``MAX_ARTICLE_CHARS``.
    """
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleReadError(
            name, f"unsupported file type '{suffix or '(none)'}'; use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    text = _decode(data, path)
    if suffix == ".jsonl":
        return list(read_jsonl(text, name, collection, on_error))
    if suffix in (".html", ".htm"):
        return [read_html(text, name, meta, collection)]
    return [_make_article(text, meta or {}, name, collection)]


def read_path(
    path: str | os.PathLike, collection: str | None = None, on_error: ErrorFn | None = None
) -> list[Article]:
    """Read the articles of one file, with its ``.meta.yaml`` sidecar if present.

    Raises:
        ArticleReadError: see :func:`read_bytes`; also when the file cannot be opened.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleReadError(p, f"cannot open ({exc.strerror})") from exc
    return read_bytes(data, str(p), _read_meta(p), collection, on_error)


def expand_paths(paths: Iterable[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files, folders (recursively) and glob patterns into article files.

    Returns:
        tuple[list[Path], list[tuple[str, str]]]: the sorted, de-duplicated
        files with a supported suffix, and ``(path, reason)`` for inputs that
        matched nothing. Sidecars (``*.meta.yaml``) are never articles.
    """
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        matches = [Path(m) for m in glob.glob(raw, recursive=True)] or ([Path(raw)] if Path(raw).exists() else [])
        if not matches:
            problems.append((raw, "no such file or folder"))
            continue
        for m in matches:
            if m.is_dir():
                files.extend(sorted(f for f in m.rglob("*") if f.is_file() and _is_article_file(f)))
            elif _is_article_file(m):
                files.append(m)
            else:
                problems.append((str(m), f"unsupported file type '{m.suffix}'"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, problems


def _is_article_file(p: Path) -> bool:
    return p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.endswith(META_SUFFIX)
