"""Reading articles from files: ``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl``.

Each file may have a YAML sidecar ``NAME.meta.yaml`` with ``id``, ``title``,
``outlet``, ``published``, ``url`` (and ``collection``). Text is decoded
robustly: UTF-8 (with BOM) first, then Windows-1252. The store keeps the text as
supplied, with line ends and no-break spaces normalised (:func:`supplied_text`:
every character stays at its offset); the parser reads a repaired copy (mojibake
fixed with ``ftfy``, zero-width characters removed: :func:`repair_text`) whose
offsets are mapped back, so every offset indexes the supplied text.

A byte-order mark (UTF-8, UTF-16, UTF-32) picks the encoding. Markdown is
converted to plain text with ``markdown-it-py`` (:func:`markdown_to_text`).

HTML main text and metadata come from ``trafilatura``; dates are normalised
with ``dateparser`` to ISO ``YYYY-MM-DD`` (:func:`parse_published` for the
dates a person wrote: sidecars and JSONL). An article with no published date
takes the date of its dateline when it has one (:func:`dateline_date`).
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

import datetime as _dt
from typing import Any, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .errors import ArticleReadError
from .models import Article
from .text.dates import MONTH_PATTERN, month_number

# on_error(where, reason): reports a skipped JSONL line ("file.jsonl:3", "not valid JSON (...)").
ErrorFn = Callable[[str, str], None]
# on_warning(where, message): something was read but not kept as written (a published date that is
# only a year); the article itself is kept.
WarnFn = Callable[[str, str], None]

# Longest article accepted (characters). Parsing and extraction memory and time grow with length;
# 200,000 characters is four times a long news feature.
MAX_ARTICLE_CHARS = 200_000

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
META_SUFFIX = ".meta.yaml"

# Invisible or odd spaces that break tokenisation: NBSP, narrow NBSP, figure
# space, thin spaces -> plain space; zero-width characters and BOM -> removed.
_SPACE_CHARS = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def supplied_text(text: str) -> str:
    """The text as supplied, with only the changes that keep every character where it is.

    Line ends become ``\\n`` (what any reader in text mode sees, and what annotation offsets of a file
    index) and NBSP-like spaces become U+0020 (one character for one). This is what
    :attr:`Article.text <components.models.Article.text>` keeps, so every offset of the extraction
    (provenance) indexes the text the user supplied.

    Args:
        text (str): raw decoded text.

    Returns:
        str: the text with line ends and odd spaces normalised.
    """
    return _SPACE_CHARS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


class OffsetMap:
    """Where each character of a repaired text came from in the text it was repaired from.

    Built by :func:`repair_text` with :mod:`difflib` alignment of each line that changed length
    (mojibake ``"Ã©"`` -> ``"é"``, zero-width characters removed, NFC composition); a repaired
    character of a replaced run covers the whole run.

    Attributes:
        starts (list[int]): per repaired character, its first source offset (one more entry: the
            source length).
        ends (list[int]): per repaired character, its source end offset (exclusive).
    """

    def __init__(self, starts: list[int], ends: list[int]):
        self.starts, self.ends = starts, ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets ``(start, end)`` (0-based, end exclusive) of the repaired span ``start:end``."""
        s = self.starts[start]
        return s, (max(s, self.ends[end - 1]) if end > start else s)


# Markdown markup the parser should not read as words: a link's target ("[Ana Ruiz](https://...)" reads
# "Ana Ruiz") and emphasis around a phrase on one line ("**Major Tomas Berg** told", "__urgent__"), except
# around a label ending in a colon ("**Name:**" marks an interview turn, .transcripts)
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((?:https?://|www\.|/|mailto:)[^)\s]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{0,199}[^*_\s:])\1")


# a typographic apostrophe inside a name after a one-letter prefix ("N’Diaye", "D’Souza", "O’Neill"): the parser's copy
# reads it as the straight one, which the tagger and entity recogniser were trained on (with "’" such a name loses its
# PERSON entity); same length, so offsets do not move
_NAME_APOSTROPHE = re.compile(r"(?<=\b[A-Z])’(?=[A-Z][a-z])")


def _repair_line(line: str, markup: bool = False) -> str:
    import ftfy

    line = _ZERO_WIDTH.sub("", ftfy.fix_text(line, uncurl_quotes=False, normalization="NFC"))
    if not markup:
        return line
    if "’" in line:
        line = _NAME_APOSTROPHE.sub("'", line)
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "**" in line or "__" in line:
        line = _MD_EMPHASIS.sub(r"\2", line)
    return line


def _align(line: str, fixed: str, base: int, starts: list[int], ends: list[int]) -> None:
    """Append the source offsets of ``fixed``'s characters (``line`` starts at ``base``)."""
    from difflib import SequenceMatcher

    if len(fixed) == len(line):
        starts.extend(range(base, base + len(line)))
        ends.extend(range(base + 1, base + len(line) + 1))
        return
    for op, a, b, x, y in SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes():
        if op == "equal":
            starts.extend(range(base + a, base + b))
            ends.extend(range(base + a + 1, base + b + 1))
        else:  # replace / insert: each new character stands for the whole run; delete adds nothing
            starts.extend([base + a] * (y - x))
            ends.extend([base + b] * (y - x))


def repair_text(text: str, markup: bool = False) -> tuple[str, OffsetMap | None]:
    """Repair ``text`` for analysis and say where each repaired character came from.

    Mojibake is repaired with ``ftfy.fix_text`` (keeping curly quotes, so quotation marks survive;
    NFC), zero-width characters are removed, and with ``markup`` (the parser's copy; never for an
    article's id, which the supplied text decides) Markdown links and emphasis (not a bold label) read
    as their words (:data:`_MD_LINK`, :data:`_MD_EMPHASIS`), line by line (as ftfy works). The parser reads the
    repaired text; :meth:`OffsetMap.span` maps its offsets back to ``text``.

    Args:
        text (str): the supplied text (:func:`supplied_text`).

    Returns:
        tuple[str, OffsetMap | None]: the repaired text, and None when it has every character at the
        same offset as ``text`` (nothing to map).
    """
    lines = text.split("\n")
    fixed = [_repair_line(ln, markup) for ln in lines]
    if all(len(f) == len(ln) for f, ln in zip(fixed, lines)):
        return "\n".join(fixed), None
    starts: list[int] = []
    ends: list[int] = []
    base = 0
    for i, (ln, f) in enumerate(zip(lines, fixed)):
        _align(ln, f, base, starts, ends)
        base += len(ln)
        if i < len(lines) - 1:
            starts.append(base)
            ends.append(base + 1)
            base += 1
    starts.append(base)
    return "\n".join(fixed), OffsetMap(starts, ends)


def clean_text(text: str) -> str:
    """Return ``text`` with line ends and odd spaces normalised and mojibake repaired.

    :func:`supplied_text` then :func:`repair_text`: the text the parser reads.

    Args:
        text (str): raw decoded text.

    Returns:
        str: the cleaned text.
    """
    return repair_text(supplied_text(text))[0]


class _Meta(BaseModel):
    model_config = ConfigDict(coerce_numbers_to_str=True, extra="forbid")


class ArticleMeta(_Meta):
    """The metadata a person writes for an article (sidecar, JSONL line); see :func:`check_meta`."""

    id: Optional[str] = Field(None, max_length=200)
    title: Optional[str] = Field(None, max_length=2000)
    outlet: Optional[str] = Field(None, max_length=500)
    url: Optional[str] = Field(None, max_length=4000)
    collection: Optional[str] = Field(None, max_length=200)
    # any value: a date that cannot be read costs the date, never the article (:func:`read_published`)
    published: Any = None
    date: Any = None


# Markdown emphasis around a headline: "# **Title**", "__Title__".
_RE_MD_MARKUP = re.compile(r"^\s*(\*\*|__|\*|_)|(\*\*|__|\*|_)\s*$")


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of SHA-256 of the UTF-8 ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Numeric dates written day and month in either order: "10/03/2024", "25.12.2024", "3-10-2024".
NUMERIC_DATE_RE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ISO 8601 forms without dashes or with weeks: "20241201", "20241201T101010Z", "2024-W10-2".
_COMPACT_ISO_RE = re.compile(r"\d{8}(?:T|$)|\d{4}-?W\d{2}-?\d\b")
_SHORT_NUMERIC_RE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{1,2})(?!\d)")
# the time after an ISO date: "T25:61" is no time of day, so the value is corrupt, not a date to keep
_ISO_TIME_RE = re.compile(r"[T ](\d{2}):(\d{2})(?::(\d{2}))?")
FUTURE_DAYS = 1  # a published date more than this many days after today (UTC) is refused (time zones allow one)
_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
# Two defaults that differ in year, month and day (see _written_date).
_DEFAULT_A, _DEFAULT_B = _dt.datetime(1904, 1, 1), _dt.datetime(1908, 2, 2)


def _human(d) -> str:
    return f"{d.day} {d:%B %Y}"


def parse_published(value: object) -> tuple[str | None, str | None]:
    """Read a published date as written (sidecar, JSONL, a feed) as ISO ``YYYY-MM-DD``.

    A date more than :data:`FUTURE_DAYS` after today (UTC) is refused (no article is published in the
    future: a corrupt or placeholder value such as ``2099-12-31``); see :func:`_parse_published` for
    the forms read.

    Raises:
        ValueError: as :func:`_parse_published`, or the date lies in the future.
    """
    import datetime as dt

    iso, warning = _parse_published(value)
    if iso is not None and not isinstance(value, (dt.date, dt.datetime)):
        limit = dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=FUTURE_DAYS)
        if dt.date.fromisoformat(iso) > limit:
            raise ValueError(f"published {str(value).strip()!r} is in the future (after {limit.isoformat()}); "
                             "write the date the article was published as YYYY-MM-DD")
    return iso, warning


# a Unix timestamp: 9-10 digits of seconds (1973-2286, an optional fraction) or 12-13 of milliseconds
EPOCH_RE = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")


def _parse_published(value: object) -> tuple[str | None, str | None]:
    """Read a published date as written (sidecar, JSONL, a feed) as ISO ``YYYY-MM-DD``.

    Policy: the calendar date *as written*, whatever the time, zone or form around it; nothing
    invented and nothing guessed.

    - ``datetime.date``/``datetime``: kept.
    - A Unix timestamp (``1733443200``, ``1733443200123`` in milliseconds): its UTC day.
    - ISO 8601 / RFC 3339 (``2024-03-10``, ``2024-03-10T23:30:00-05:00``, ``2009-03-20 12:24:52.002364-05``,
      ``20240310T101010Z``, week dates): read with ``dateutil.parser.isoparse``; the date part as written
      (a time zone never moves the day); an impossible time of day (``T25:61``) refuses the value.
    - Numeric ``DD/MM/YYYY`` or ``MM/DD/YYYY`` (also with ``.`` or ``-``, a time may follow): read when only
      one order is possible (``25/12/2024``, ``12/25/2024``, ``05/05/2024``); when both are (``10/03/2024``)
      the value is refused as ambiguous, asking for ISO; so is a one-digit year (``1/2/3``).
    - RFC 2822 (``Tue, 10 Mar 2024 14:05:00 +0000``, ``GMT``, ``EST``) with :mod:`email.utils`; other text
      (``Dec. 1, 2024 11:30 PM CT``, ``Monday | March 10, 2024 | 5:04 pm``, weekdays, zone names and
      offsets) with ``dateutil.parser`` (``|`` read as a space), then ``dateparser``. A value without a
      day (``2024``, ``March 2024``) gives no date and a warning rather than an invented day.

    Args:
        value (object): the raw value (None or "" = no date).

    Returns:
        tuple[str | None, str | None]: the ISO date (or None) and a warning (or None) when the value
        was not used.

    Raises:
        ValueError: the value is ambiguous, impossible (``31/02/2024``) or not a date; the message
            says why and how to write it. :func:`read_published` turns these into warnings.
    """
    import datetime as dt

    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, (dict, list, tuple, bool)):
        kind = {dict: "a mapping", bool: "true/false"}.get(type(value), "a list")
        raise ValueError(f"published is {kind}, not a date; write it as YYYY-MM-DD")
    s = str(value).strip()
    if not s:
        return None, None
    fix = "write it as YYYY-MM-DD"
    if len(s) > 100:
        raise ValueError(f"published {s[:40]!r}... ({len(s)} characters) is not a date; {fix}")
    if EPOCH_RE.fullmatch(s):
        # a Unix timestamp, as feeds and APIs write them: seconds (10 digits) or milliseconds (13) since
        # 1970-01-01 UTC, a moment defined in UTC, so its UTC day
        seconds = float(s) / (1000 if len(s.split(".")[0]) > 10 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat(), None
    if ISO_DATE_RE.match(s):
        try:
            day = dt.date.fromisoformat(s[:10])
        except ValueError as exc:
            raise ValueError(f"published {s!r} is not a real date ({exc})") from exc
        t = _ISO_TIME_RE.match(s, 10)
        if t and (int(t.group(1)) > 24 or int(t.group(2)) > 59 or int(t.group(3) or 0) > 60):
            raise ValueError(f"published {s!r} has an impossible time of day ({t.group(0)[1:]}); {fix}")
        return day.isoformat(), None
    m = NUMERIC_DATE_RE.match(s)
    if m and (m.end() == len(s) or not s[m.end()].isdigit()):
        a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
        if 1 <= a <= 12 and 1 <= b <= 12 and a != b:
            y = int(m.group(4))
            day_first, month_first = dt.date(y, b, a), dt.date(y, a, b)
            raise ValueError(
                f"published {s!r} is ambiguous: {_human(day_first)} (day first) or {_human(month_first)} "
                f"(month first)? Write the date as ISO YYYY-MM-DD ({day_first.isoformat()} or "
                f"{month_first.isoformat()})"
            )
        fmt = f"%m{sep}%d{sep}%Y" if b > 12 else f"%d{sep}%m{sep}%Y"
        try:
            return dt.datetime.strptime(m.group(0), fmt).date().isoformat(), None
        except ValueError as exc:
            raise ValueError(f"published {s!r} is not a real date ({exc}); {fix}") from exc
    m = _SHORT_NUMERIC_RE.match(s)
    if m and len(m.group(4)) == 1:  # "1/2/3": which century, which order? nothing to read it by
        raise ValueError(f"published {s!r} has no full year; {fix}")
    if m and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(3)) <= 12 and m.group(1) != m.group(3):
        raise ValueError(f"published {s!r} is ambiguous (day or month first?); {fix}")
    day = _written_date(s)
    if day is not None:
        return day, None
    if not _YEAR_RE.search(s):  # "yesterday", "2 hours ago": a date relative to a moment nobody wrote
        raise ValueError(f"published {s!r} is not a date with a year; {fix}")
    import dateparser

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(s, languages=["en"], settings={**settings, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed:
        return parsed.date().isoformat(), None
    if dateparser.parse(s, languages=["en"], settings=settings):
        return None, f"published {s!r} is not a full date (no day); stored without a date ({fix} to set one)"
    raise ValueError(f"published {s!r} is not a date; {fix}")


def _written_date(s: str) -> str | None:
    """The calendar date of a date-time string as written (ISO 8601, RFC 2822, or text dateutil reads with
    day, month and year all given), else None. Time zones are read but never move the day."""
    import warnings
    from email.utils import parsedate_tz

    from dateutil import parser as du

    if _COMPACT_ISO_RE.match(s):
        try:
            return du.isoparse(s).date().isoformat()
        except (ValueError, OverflowError):
            pass
    t = parsedate_tz(s)
    if t is not None and t[0] > 0:
        import datetime as dt

        try:
            return dt.date(t[0], t[1], t[2]).isoformat()
        except ValueError:
            return None
    text = " ".join(s.replace("|", " ").split())
    # two different defaults: a part the value does not give shows up as a difference (no invented day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # UnknownTimezoneWarning for zone names such as "CT": the date stands
        for fuzzy in (False, True):  # fuzzy: words around the date ("Updated:", "Published 10:31 AM")
            try:
                a, b = (du.parse(text, default=d, fuzzy=fuzzy).date() for d in (_DEFAULT_A, _DEFAULT_B))
            except (ValueError, OverflowError):
                continue
            return a.isoformat() if a == b else None
    return None


def read_published(value: object) -> tuple[str | None, str | None]:
    """:func:`parse_published` that never raises: a value it refuses gives no date and the reason as a warning."""
    try:
        return parse_published(value)
    except ValueError as exc:
        return None, f"{exc}; kept without this date"


def normalise_date(value: object) -> str | None:
    """Lenient :func:`parse_published`: the ISO date, or None for empty, partial, ambiguous or bad values.

    Used for machine-written metadata (an HTML page's date found by trafilatura); never raises.
    """
    return read_published(value)[0]


# "KABUL, Afghanistan (Jan. 25, 2013)" or "(Jan. 25)"; a release number "2010-12-S-321" may give the year.
RE_DATELINE = re.compile(r"\(([A-Z][a-z]{2,8})\.? (\d{1,2})(?:, (\d{4}))?\)")
RE_HEAD_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b")
RE_RELEASE_NO = re.compile(r"\b(20\d\d)-(\d\d)-[A-Z]")
# "Beirut, 3 January 2024 -", "**Chisinau, 14 February 2024**", "3 Jan. 2024": a day-month-year date.
RE_HEAD_DMY = re.compile(rf"\b(\d{{1,2}}) ({MONTH_PATTERN})\.?,? (\d{{4}})\b", re.I)
DATELINE_WINDOW = 600


def dateline_date(text: str) -> str | None:
    """The date of a dateline near the top of ``text``, as ISO ``YYYY-MM-DD``, or None.

    Reads a parenthesised dateline such as ``KABUL, Afghanistan (Jan. 25, 2013)`` in the first
    600 characters, else the first full date written ``Jan. 10, 2011`` or ``3 January 2024`` there
    (a header such as "Operational Update, Jan. 10, 2011", a dateline "Beirut, 3 January 2024 -"
    or a byline "**Chisinau, 14 February 2024**"). When the dateline has no year, the year of a release
    number such as ``2010-12-S-321`` in the same window is used; without either, None. Used as
    the published date of articles that have none, so relative days ("yesterday") resolve.
    """
    import datetime as dt

    head = text[:DATELINE_WINDOW]
    m = RE_DATELINE.search(head)
    if not m:
        mdy = next((x for x in RE_HEAD_DATE.finditer(head) if month_number(x.group(1))), None)
        dmy = RE_HEAD_DMY.search(head)
        if dmy and (mdy is None or dmy.start() < mdy.start()):
            try:
                return dt.date(int(dmy.group(3)), month_number(dmy.group(2)), int(dmy.group(1))).isoformat()
            except ValueError:
                return None
        m = mdy
    if not m or not month_number(m.group(1)):
        return None
    year = m.group(3)
    if year is None:
        r = RE_RELEASE_NO.search(head)
        if not r:
            return None
        year = r.group(1)
    try:
        return dt.date(int(year), month_number(m.group(1)), int(m.group(2))).isoformat()
    except ValueError:
        return None


# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _drop_binary_lines(data: bytes, name: str, on_error: "ErrorFn") -> bytes:
    """JSON Lines holding a NUL byte (binary data) blanked out and reported one by one (``name:LINE``), so
    that one such line costs that line only; the data unchanged when it has no NUL byte, is UTF-16/32
    (whose text holds NUL bytes; it has a byte-order mark, see :func:`_decode`) or is mostly binary (half
    its lines or more hold a NUL byte: the file is refused whole)."""
    if b"\x00" not in data or any(data.startswith(bom) for bom, _, _ in _BOMS if bom != codecs.BOM_UTF8):
        return data
    lines = data.split(b"\n")
    bad = [i for i, line in enumerate(lines) if b"\x00" in line]
    if len(bad) * 2 > sum(1 for line in lines if line.strip()):
        return data  # mostly binary: the whole file is (see _decode)
    for i, line in enumerate(lines):
        if b"\x00" in line:
            on_error(f"{name}:{i + 1}", "this line holds binary data (a NUL byte), not text")
            lines[i] = b""
    return b"\n".join(lines)


def _decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise ArticleReadError(path, "the file is empty")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleReadError(path, f"the file starts with a {label} byte-order mark but is not valid "
                                             f"{label} ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:4096]:
        raise ArticleReadError(path, "this looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(data, path)
    _refuse_control_characters(text, path)
    return text


# Share of C0/C1 control characters (other than tab and line ends) above which a text is binary data
# (random bytes give about 25 %; mojibake that ftfy repairs, a few per thousand).
MAX_CONTROL_SHARE = 0.03


def _decode_legacy(data: bytes, path: Path) -> str:
    """Text that is not UTF-8: the encoding charset-normalizer finds (Windows-1252 first when it
    decodes as well), or :class:`ArticleReadError` when no encoding gives text (binary data)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ArticleReadError(path, "this looks like binary data, not text (no text encoding reads it)")
    if best.encoding.startswith(("utf_16", "utf_32")):
        raise ArticleReadError(path, f"this looks like {best.encoding.upper().replace('_', '-', 1)} text without a "
                                     "byte-order mark, or binary data: save it as UTF-8")
    for enc in ("cp1252", best.encoding):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return str(best)


# C0 controls but tab, line feed, form feed and carriage return; DEL and the C1 controls
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _refuse_control_characters(text: str, path: Path) -> None:
    sample = text[:100_000]
    # one regular-expression scan (a Python loop over the characters cost ~9 ms per 5,000-character article)
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > max(2, MAX_CONTROL_SHARE * len(sample)):
        raise ArticleReadError(path, f"this looks like binary data, not text ({controls:,} control characters "
                                     f"in the first {len(sample):,})")


def _read_meta(path: Path) -> dict:
    """The sidecar of article file ``path`` ({} without one).

    Raises:
        ArticleReadError: the sidecar is invalid (:func:`parse_sidecar`); the reason also says that the
            article itself was not read, so a user sees which file is missing from the store.
    """
    meta_path = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        return parse_sidecar(meta_path.read_bytes(), str(meta_path))
    except ArticleReadError as exc:
        raise ArticleReadError(exc.where, f"{exc.reason}; so {path.name} was not read (fix or remove the sidecar)") from exc


def parse_sidecar(data: bytes, name: str) -> dict:
    """The mapping of a ``NAME.meta.yaml`` sidecar's bytes (``id``, ``title``, ``outlet``, ``published``, ``url``).

    Raises:
        ArticleReadError: not text, not YAML (with line and column), or not a mapping.
    """
    if not data.strip():
        return {}
    if len(data) > MAX_SIDECAR_BYTES:
        raise ArticleReadError(name, f"the sidecar is {len(data):,} bytes; the limit is {MAX_SIDECAR_BYTES:,}")
    try:
        meta = yaml.load(_decode(data, Path(name)), Loader=SidecarLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1} column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleReadError(name, f"invalid YAML sidecar ({problem}{where})") from exc
    if not isinstance(meta, dict):
        raise ArticleReadError(name, "the sidecar must be a mapping of title/outlet/published/url")
    return check_meta(meta, name, "sidecar")


class SidecarLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases and without implicit dates.

    An alias (``*a``) is refused where it appears, so a "billion laughs" document (nested aliases that
    expand to gigabytes) fails at its first alias in microseconds; metadata never needs one. Timestamps
    stay strings, read by :func:`parse_published` (an impossible ``2024-02-31`` is a warning, not a
    crash of the YAML date constructor).
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a sidecar",
                                              event.start_mark)
        return super().compose_node(parent, index)


SidecarLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# Largest sidecar accepted (bytes): metadata is a few lines.
MAX_SIDECAR_BYTES = 64_000


def check_meta(meta: dict, where: str, what: str) -> dict:
    """``meta`` (a sidecar's mapping, a JSONL line's object) with its metadata fields type-checked.

    ``id``, ``title``, ``outlet``, ``url``, ``collection`` must be text (a number is taken as its text);
    ``published``/``date`` may be anything: :func:`read_published` reads them later, and a value that is
    no date (a list, a mapping) costs the date with a warning, never the article. Other keys are kept as they are.

    Raises:
        ArticleReadError: one line per bad field, ``"{what} field 'title': expected text, got a mapping"``.
    """
    from pydantic import ValidationError

    try:
        fields = ArticleMeta.model_validate({k: meta[k] for k in ArticleMeta.model_fields if k in meta})
    except ValidationError as exc:
        by_field: dict[str, list[str]] = {}
        for e in exc.errors(include_url=False):
            by_field.setdefault(str(e["loc"][0]), []).append(e["msg"].lower())
        problems = "; ".join(f"{what} field '{k}': " + "; ".join(dict.fromkeys(msgs)) for k, msgs in by_field.items())
        raise ArticleReadError(where, problems) from None
    return {**meta, **fields.model_dump(exclude_unset=True)}


def sidecar_stem(name: str) -> str | None:
    """``"a1.meta.yaml"`` -> ``"a1"``: the article name a sidecar belongs to; None for other names."""
    base = Path(name).name
    return base[: -len(META_SUFFIX)] if base.lower().endswith(META_SUFFIX) and len(base) > len(META_SUFFIX) else None


def _make_article(
    text: str, meta: dict, source_path: str, collection: str | None, on_warning: WarnFn | None = None,
    fallback_published: str | None = None, default_published: str | None = None,
) -> Article:
    """Clean ``text`` and build the :class:`Article`; ``meta`` holds what a person wrote (sidecar, JSONL line).

    The published date is ``meta``'s (read by :func:`parse_published`), else ``fallback_published`` (an
    HTML page's own date), else the dateline's, else ``default_published`` (a date the uploader gave
    for articles that give none; it never overrides the article's own date).
    """
    text = supplied_text(text)
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
    raw_date = meta.get("published") if meta.get("published") not in (None, "") else meta.get("date")
    published, warning = read_published(raw_date)
    own = fallback_published or dateline_date(text)
    if warning and on_warning is not None:
        used = (f"; the dateline's date {own} is used" if own else
                f"; the date given for the upload, {default_published}, is used" if default_published else "")
        on_warning(source_path, warning + used)
    published = published or own or default_published
    return Article(
        id=str(meta.get("id") or content_id(clean_text(text))),
        title=clean_text(str(title)) if title else None,
        published=published,
        outlet=str(meta["outlet"]) if meta.get("outlet") else None,
        url=str(meta["url"]) if meta.get("url") else None,
        source_path=source_path,
        collection=str(collection or meta.get("collection") or "user"),
        text=text,
    )


# Markdown block tokens whose text is markup, not article text.
_HTML_TAG = re.compile(r"<[^>]*>")
# an inline code element with its content ("<script>alert(5)</script>"): dropped whole, not just its tags
_CODE_ELEMENT_RE = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?(</\1\s*>|$)", re.I | re.S)
_CODE_OPEN_RE = re.compile(r"<(script|style|noscript|template)\b", re.I)


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Plain text of a Markdown document, and its first heading.

    Parsed with ``markdown-it-py`` (CommonMark); emphasis, link and heading marks, block
    quote ``>`` and list markers are dropped, link texts kept, inline HTML tags removed. A bold
    turn label opening a line keeps its marks (``**Dr. Roe:** answer``), as the transcript
    detector needs them.
    Each block (heading, paragraph, list item, quoted paragraph, code block) becomes one
    paragraph; paragraphs are separated by a blank line and a line break inside a
    paragraph stays a line break (so ``Q:``/``A:`` turns keep their lines).

    Args:
        md (str): the Markdown source.

    Returns:
        tuple[str, str | None]: the text (what the store keeps, offsets refer to it) and
        the text of the first heading (None without headings).
    """
    import html

    from markdown_it import MarkdownIt

    blocks: list[str] = []
    heading: str | None = None
    in_heading = False
    for tok in MarkdownIt("commonmark").parse(md):
        if tok.type == "heading_open":
            in_heading = True
        elif tok.type == "heading_close":
            in_heading = False
        elif tok.type == "inline":
            text = _inline_text(tok.children or []).strip()
            if text:
                blocks.append(text)
                if in_heading and heading is None:
                    heading = text
        elif tok.type in ("fence", "code_block"):
            if tok.content.strip():
                blocks.append(tok.content.strip("\n"))
        elif tok.type == "html_block":
            text = html.unescape(_HTML_TAG.sub("", _CODE_ELEMENT_RE.sub("", tok.content))).strip()
            if text:
                blocks.append(text)
    return "\n\n".join(blocks), heading


def _inline_text(children: list) -> str:
    """Plain text of a Markdown paragraph's inline tokens (see :func:`markdown_to_text`).

    A bold span that opens a line and ends with a colon (``**Dr. Roe:**``, also ``**Q**:``) is a
    transcript turn label: it is kept as ``**Label:**`` so the transcript detector still sees the
    label; every other emphasis mark is dropped.
    """
    parts: list[str] = []
    i = 0
    while i < len(children):
        child = children[i]
        code = _CODE_OPEN_RE.match(child.content) if child.type == "html_inline" else None
        if code:  # inline <script>...</script>: skip to its closing tag, content included
            close = f"</{code.group(1).lower()}"
            i = next((j for j in range(i + 1, len(children)) if children[j].type == "html_inline"
                      and children[j].content.lower().startswith(close)), len(children) - 1) + 1
            continue
        if child.type == "strong_open" and "".join(parts).rsplit("\n", 1)[-1].strip() == "":
            close = next((j for j in range(i + 1, len(children)) if children[j].type == "strong_close"), None)
            if close is not None:
                inner = "".join(c.content for c in children[i + 1 : close] if c.type in ("text", "code_inline"))
                label = inner.strip()
                after = children[close + 1] if close + 1 < len(children) else None
                if label.endswith(":"):
                    parts.append(f"**{label}**")
                    i = close + 1
                    continue
                if label and after is not None and after.type == "text" and after.content.startswith(":"):
                    parts.append(f"**{label}:**" + after.content[1:])
                    i = close + 2
                    continue
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        i += 1
    return "".join(parts)


def read_markdown(
    md: str, source_path: str, meta: dict | None = None, collection: str | None = None,
    on_warning: WarnFn | None = None, default_published: str | None = None,
) -> Article:
    """Build an :class:`Article` from Markdown: the plain text of :func:`markdown_to_text` is stored.

    The title is the sidecar's, else the first heading, else the first line.

    Raises:
        ArticleReadError: no text, text too long, bad published date.
    """
    text, heading = markdown_to_text(md)
    meta = dict(meta or {})
    if not meta.get("title") and heading:
        meta["title"] = heading
    return _make_article(text, meta, source_path, collection, on_warning, default_published=default_published)


# elements whose content is code or styling, never article text (wherever a page puts them, even in a heading)
CODE_ELEMENTS = ("script", "style", "noscript", "template")


def without_scripts(html: str) -> str:
    """``html`` without its :data:`CODE_ELEMENTS` and their content (lxml), so no script text reaches a
    title or the body ("Housing alert(1)"); JSON-LD metadata scripts (``application/ld+json``) are kept
    for trafilatura's metadata. A page lxml cannot parse is returned as it is."""
    from lxml import etree
    from lxml import html as lhtml

    try:
        tree = lhtml.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for el in list(tree.iter(*CODE_ELEMENTS)):
        if el.tag == "script" and "ld+json" in (el.get("type") or "").lower():
            continue
        el.drop_tree()  # the text after the element (its tail) stays
    return lhtml.tostring(tree, encoding="unicode")


def main_text(html: str) -> str | None:
    """The main text of an HTML page (scripts already removed) by trafilatura, comments and tables left
    out, recall favoured; None when it finds none."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)


def read_html(
    html: str, source_path: str, meta: dict | None = None, collection: str | None = None,
    on_warning: WarnFn | None = None, default_published: str | None = None,
) -> Article:
    """Build an :class:`Article` from an HTML page with trafilatura.

    Args:
        html (str): the page.
        source_path (str): where it came from (for messages and provenance).
        meta (dict | None): sidecar values; they win over the page's own metadata.
        collection (str | None): collection name.
        on_warning (WarnFn | None): receives warnings (a sidecar date that is only a year).
        default_published (str | None): ISO date for a page that gives none (see :func:`read_bytes`).

    Raises:
        ArticleReadError: trafilatura finds no main text; the sidecar's date is bad.
    """
    import trafilatura

    html = without_scripts(html)
    text = main_text(html)
    if not text or not text.strip():
        raise ArticleReadError(source_path, "no main text found in the HTML page")
    # the page's own date from its markup only (meta tags, <time>): trafilatura's extensive search also
    # guesses from the text and fills a missing month and day ("Jan. 12, 2026" in a dateline gave 2026-01-01);
    # a date written in the text is the dateline reader's (_make_article)
    page = trafilatura.extract_metadata(html, extensive=False)
    merged = {}
    page_date = None
    if page is not None:
        merged = {"title": page.title, "outlet": page.sitename, "url": page.url}
        page_date = normalise_date(page.date)
    merged.update({k: v for k, v in (meta or {}).items() if v})
    title = merged.get("title")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    return _make_article(text, merged, source_path, collection, on_warning, fallback_published=page_date,
                         default_published=default_published)


# HTML elements that mark a JSON text field as markup rather than plain text (feeds often carry HTML there)
_MARKUP_TAG = re.compile(r"</(?:p|b|i|em|strong|a|div|span|li|ul|ol|h[1-6]|blockquote|font|u)\s*>|<br\s*/?>", re.I)


def markup_text(text: str) -> Optional[str]:
    """The plain text of a feed field written in HTML ("<p>...</p>", "<b>Name</b>"), read as an HTML page is
    (:func:`without_scripts`, then trafilatura; lxml's text when trafilatura keeps nothing of a short
    fragment); None when ``text`` holds no such markup, so plain text that mentions a "<" stays as it is."""
    if not _MARKUP_TAG.search(text):
        return None
    from lxml import html as lhtml

    page = without_scripts(f"<html><body>{text}</body></html>")
    plain = main_text(page)
    if not plain or not plain.strip():
        try:
            plain = lhtml.document_fromstring(page).text_content()
        except Exception:  # lxml refuses the fragment: keep the text as given
            return None
    return plain


def read_jsonl(
    data: str, source_path: str, collection: str | None = None, on_error: ErrorFn | None = None,
    on_warning: WarnFn | None = None, default_published: str | None = None,
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
        on_warning (WarnFn | None): receives ``("NAME:LINE", message)`` warnings.
        default_published (str | None): ISO date for lines that give none (see :func:`read_bytes`).

    Raises:
        ArticleReadError: (without ``on_error``) a line is not JSON, not an object,
            has no ``text`` or a bad ``published``; the message gives the line number.
    """
    lines = 0
    for n, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        lines += 1
        where = f"{source_path}:{n}"
        try:
            obj = load_json_line(line, where)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise ArticleReadError(where, "each line must be an object with a string 'text'")
            text = obj["text"]
            plain = markup_text(text)
            if plain is not None:
                text = plain
                if on_warning is not None:
                    on_warning(where, "the text held HTML markup; it was read as an HTML page is (tags removed)")
            article = _make_article(text, check_meta(obj, where, "line"), where, collection, on_warning,
                                    default_published=default_published)
        except ArticleReadError as exc:
            if on_error is None:
                raise
            on_error(where, exc.reason)
            continue
        yield article
    if not lines:
        raise ArticleReadError(source_path, "no JSON line in this file (only blank lines or spaces)")


# JSON Lines limits, checked before parsing: nesting depth of arrays/objects, digits of a number.
MAX_JSON_DEPTH = 32
MAX_JSON_DIGITS = 40
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKETS = re.compile(r"[\[\]{}]")
_JSON_DIGITS = re.compile(r"\d{%d,}" % (MAX_JSON_DIGITS + 1))


def load_json_line(line: str, where: str) -> object:
    """One JSON Lines value, parsed only when its nesting and numbers are within bounds.

    Strings are blanked out first (their content may hold brackets and digits), then the depth of
    ``[``/``{`` and the length of digit runs are checked (:data:`MAX_JSON_DEPTH`, :data:`MAX_JSON_DIGITS`),
    so a line nested 100,000 deep or a 5,000-digit integer is refused in linear time, before
    ``json.loads`` (whose recursion and integer conversion they would exhaust).

    Raises:
        ArticleReadError: over a limit, or not valid JSON (with the parser's message).
    """
    skeleton = _JSON_STRING.sub('""', line)
    depth = deepest = 0
    for m in _JSON_BRACKETS.finditer(skeleton):
        depth += 1 if m.group() in "[{" else -1
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            raise ArticleReadError(where, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    big = _JSON_DIGITS.search(skeleton)
    if big:
        raise ArticleReadError(where, f"a number with more than {MAX_JSON_DIGITS} digits")
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        at = "" if exc.msg.endswith(" at") else " at"  # "Unterminated string starting at"
        raise ArticleReadError(where, f"not valid JSON ({exc.msg}{at} column {exc.colno})") from exc
    except (ValueError, RecursionError) as exc:
        raise ArticleReadError(where, f"not valid JSON ({exc})") from exc


def read_bytes(
    data: bytes, name: str, meta: dict | None = None, collection: str | None = None, on_error: ErrorFn | None = None,
    on_warning: WarnFn | None = None, default_published: str | None = None,
) -> list[Article]:
    """Read articles from the bytes of a file called ``name`` (used by uploads).

    Args:
        data (bytes): file contents.
        name (str): file name; its suffix picks the reader.
        meta (dict | None): sidecar metadata.
        collection (str | None): collection name for the articles.
        on_error (ErrorFn | None): ``.jsonl`` only: report and skip bad lines
            instead of raising (see :func:`read_jsonl`).
        on_warning (WarnFn | None): receives ``(where, message)`` for values read but not
            used (a published date without a day); without it they are dropped silently.
        default_published (str | None): ISO ``YYYY-MM-DD`` date for articles that give none of their
            own (no ``published`` in the sidecar or JSONL line, no HTML page date, no dateline); a
            date the article gives always wins.

    Returns:
        list[Article]: one article, or one per line for ``.jsonl``.

    Raises:
        ArticleReadError: unsupported suffix, empty/binary file, bad JSONL, no text,
            text longer than ``MAX_ARTICLE_CHARS``, an ambiguous, impossible or
            unreadable published date.
    """
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleReadError(
            name, f"unsupported file type '{suffix or '(none)'}'; use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if suffix == ".jsonl" and on_error is not None:
        data = _drop_binary_lines(data, name, on_error)
    text = _decode(data, path)
    if suffix == ".jsonl":
        return list(read_jsonl(text, name, collection, on_error, on_warning, default_published))
    if suffix in (".html", ".htm"):
        return [read_html(text, name, meta, collection, on_warning, default_published)]
    if suffix == ".md":
        return [read_markdown(text, name, meta, collection, on_warning, default_published)]
    return [_make_article(text, meta or {}, name, collection, on_warning, default_published=default_published)]


def read_path(
    path: str | os.PathLike, collection: str | None = None, on_error: ErrorFn | None = None,
    on_warning: WarnFn | None = None,
) -> list[Article]:
    """Read the articles of one file, with its ``.meta.yaml`` sidecar if present.

    Raises:
        ArticleReadError: see :func:`read_bytes`; also when the file cannot be opened
            (a broken symbolic link says so).
    """
    p = Path(path)
    loop = _symlink_loop(p)
    if loop:
        raise ArticleReadError(p, loop)
    if p.is_symlink() and not p.exists():
        raise ArticleReadError(p, f"broken symbolic link (its target {os.readlink(p)} does not exist)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleReadError(p, f"cannot open ({exc.strerror})") from exc
    return read_bytes(data, str(p), _read_meta(p), collection, on_error, on_warning)


def expand_paths(
    paths: Iterable[str], skipped: list[tuple[str, str]] | None = None
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files, folders (recursively) and glob patterns into article files.

    Args:
        paths: files, folders, glob patterns.
        skipped (list | None): when given, receives ``(path, reason)`` for each file found
            inside a folder that is not read: unsupported file types and broken symbolic links
            (sidecars ``*.meta.yaml`` are read with their article and not listed).

    Returns:
        tuple[list[Path], list[tuple[str, str]]]: the sorted, de-duplicated
        files with a supported suffix, and ``(path, reason)`` for inputs that
        gave no article file: no such path, a glob pattern matching nothing, a
        named file of an unsupported type, a folder without article files.
        Sidecars (``*.meta.yaml``) are never articles.
    """
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    kinds = ", ".join(SUPPORTED_SUFFIXES)
    for raw in paths:
        matches = [Path(m) for m in glob.glob(raw, recursive=True)] or (
            [Path(raw)] if os.path.lexists(raw) else [])
        if not matches:
            pattern = glob.has_magic(raw)
            problems.append((raw, "the pattern matched no file" if pattern else "no such file or folder"))
            continue
        for m in matches:
            if m.is_dir():
                found = []
                for f in _walk_files(m):
                    if f.name.endswith(META_SUFFIX):
                        continue
                    loop = _symlink_loop(f)
                    if loop:
                        problems.append((str(f), loop))
                    elif f.is_dir():
                        if skipped is not None:
                            skipped.append((str(f), "symbolic link to a folder, not followed (name that folder "
                                                    "to read it)"))
                    elif f.is_symlink() and not f.exists():
                        if skipped is not None:
                            skipped.append((str(f), f"broken symbolic link (its target {os.readlink(f)} "
                                                    "does not exist)"))
                    elif _is_article_file(f):
                        found.append(f)
                    elif skipped is not None:
                        skipped.append((str(f), f"unsupported file type '{f.suffix or '(none)'}' "
                                                f"(supported: {kinds})"))
                if not found:
                    problems.append((str(m), f"no article file ({kinds}) in this folder"))
                files.extend(found)
            elif _is_article_file(m):
                files.append(m)
            else:
                problems.append((str(m), f"unsupported file type '{m.suffix}'"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        loop = _symlink_loop(f)
        if loop:
            problems.append((str(f), loop))
            continue
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, list(dict.fromkeys(problems))


def _walk_files(folder: Path) -> list[Path]:
    """Every entry of ``folder`` and its subfolders that is not a folder, sorted; symbolic links to
    folders are not followed (a link to a parent folder would never end)."""
    out = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        out += [Path(root) / n for n in names]
        out += [Path(root) / d for d in dirs if os.path.islink(os.path.join(root, d))]
    return sorted(f for f in out if not (f.is_dir() and not f.is_symlink()))


def _symlink_loop(p: Path) -> str | None:
    """The reason ``p`` cannot be followed when it is a symbolic-link loop, else None."""
    if not p.is_symlink():
        return None
    try:
        p.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop (the link points back to itself)"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "symbolic link loop (the link points back to itself)"
    return None


def _is_article_file(p: Path) -> bool:
    return p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.endswith(META_SUFFIX)
