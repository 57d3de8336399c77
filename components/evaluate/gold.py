"""Gold annotation files (``../shared/gold/FORMAT.md``): loading, validation, finding the article, scoring.

A gold file is YAML with the top-level keys ``article`` (the article file stem), ``published``,
``speakers``, ``quotes``, ``not_speakers``, ``places``, ``not_places``, ``casualties``, ``stances``.
Any key may be absent; what is absent is not scored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from ..errors import ArticleReadError, GoldFormatError
from ..models import Article, Extraction

TOP_KEYS = {"article", "published", "speakers", "quotes", "not_speakers", "places", "not_places", "casualties",
            "stances"}
QUOTE_KINDS = {"direct", "mixed", "indirect", "transcript"}
PLACE_KINDS = {"country", "city", "continent", "admin", "water"}
POLARITIES = {"support", "oppose", "neutral"}
COUNT_KEYS = ("killed_min", "killed_max", "injured_min", "injured_max", "missing_min", "missing_max")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def looks_like_gold(path: Path) -> bool:
    """True when ``path`` is a ``.yaml``/``.yml`` file (a candidate gold file)."""
    return path.is_file() and path.suffix.lower() in (".yaml", ".yml") and not path.name.endswith(".meta.yaml")


def _need_list(gold: dict, key: str, path: Path) -> list:
    value = gold.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise GoldFormatError(f"{path}: '{key}' must be a list, not {type(value).__name__}")
    return value


def _need_mapping(item, key: str, n: int, path: Path, required: tuple[str, ...]) -> dict:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{path}: {key}[{n}] must be a mapping, not {item!r}")
    missing = [k for k in required if item.get(k) in (None, "")]
    if missing:
        label = item.get("id") or item.get("name")
        raise GoldFormatError(f"{path}: {key}[{n}]{f' ({label})' if label else ''} lacks {', '.join(missing)}")
    return item


def validate_gold(gold: object, path: Path) -> dict:
    """Check a parsed gold file against FORMAT.md and return it with list keys filled in.

    Args:
        gold (object): the YAML document.
        path (Path): for messages.

    Returns:
        dict: the gold mapping; absent list keys stay absent (so they are not scored).

    Raises:
        GoldFormatError: not a mapping, unknown top-level key, a list key that is not a list,
        an entry missing a required field (quote ``speaker``/``key``, speaker ``name``, place
        ``name``, city ``lat``/``lon``, stance ``speaker``/``topic``/``polarity``), an unknown
        ``kind``/``polarity``, or a count that is not an integer.
    """
    if not isinstance(gold, dict):
        raise GoldFormatError(f"{path}: a gold file must be a YAML mapping with keys such as 'article' and 'quotes'")
    unknown = set(gold) - TOP_KEYS
    if unknown:
        raise GoldFormatError(f"{path}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(TOP_KEYS)}")
    for n, s in enumerate(_need_list(gold, "speakers", path)):
        _need_mapping(s, "speakers", n, path, ("name",))
        if not isinstance(s.get("aliases") or [], list):
            raise GoldFormatError(f"{path}: speakers[{n}] aliases must be a list")
    for n, q in enumerate(_need_list(gold, "quotes", path)):
        _need_mapping(q, "quotes", n, path, ("speaker", "key"))
        if q.get("kind") is not None and q["kind"] not in QUOTE_KINDS:
            raise GoldFormatError(f"{path}: quotes[{n}] kind {q['kind']!r} is not one of {sorted(QUOTE_KINDS)}")
    for n, p in enumerate(_need_list(gold, "places", path)):
        _need_mapping(p, "places", n, path, ("name",))
        if p.get("kind") is not None and p["kind"] not in PLACE_KINDS:
            raise GoldFormatError(f"{path}: places[{n}] kind {p['kind']!r} is not one of {sorted(PLACE_KINDS)}")
        if p.get("kind") == "city":
            for k in ("lat", "lon"):
                if not isinstance(p.get(k), (int, float)):
                    raise GoldFormatError(f"{path}: places[{n}] ({p['name']}) is a city and needs numeric {k}")
    for n, c in enumerate(_need_list(gold, "casualties", path)):
        _need_mapping(c, "casualties", n, path, ())
        for k in COUNT_KEYS:
            if c.get(k) is not None and (not isinstance(c[k], int) or isinstance(c[k], bool)):
                raise GoldFormatError(f"{path}: casualties[{n}] {k} must be an integer or null, not {c[k]!r}")
    for n, s in enumerate(_need_list(gold, "stances", path)):
        _need_mapping(s, "stances", n, path, ("speaker", "topic", "polarity"))
        if s["polarity"] not in POLARITIES:
            raise GoldFormatError(f"{path}: stances[{n}] polarity {s['polarity']!r} is not one of {sorted(POLARITIES)}")
    for key in ("not_speakers", "not_places"):
        for n, v in enumerate(_need_list(gold, key, path)):
            if not isinstance(v, str):
                raise GoldFormatError(f"{path}: {key}[{n}] must be a string, not {v!r}")
    return gold


def load_gold(path: Path) -> dict:
    """Read and validate a gold YAML file.

    Raises:
        GoldFormatError: unreadable file, invalid YAML, or see :func:`validate_gold`.
    """
    path = Path(path)
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read the gold file ({exc})") from exc
    except yaml.YAMLError as exc:
        raise GoldFormatError(f"{path}: invalid YAML ({exc})") from exc
    return validate_gold(gold, path)


def find_article_file(gold: dict, gold_path: Path) -> Path:
    """Locate the article a gold file annotates.

    ``article:`` is a file stem (or a file name). Searched, in order: beside the gold
    file, in ``../seed`` relative to it, in the project's ``data/articles/``; with the
    suffixes ``.txt``, ``.md``, ``.html``, ``.htm``.

    Raises:
        GoldFormatError: no ``article`` key, or no such file in those places (the message
        lists where it looked and suggests ``--article``).
    """
    stem = gold.get("article")
    if not stem:
        raise GoldFormatError(f"{gold_path}: no 'article:' key; pass the article with --article PATH")
    gold_path = Path(gold_path).resolve()
    dirs = [gold_path.parent, gold_path.parent.parent / "seed", PROJECT_ROOT / "data" / "articles"]
    names = [str(stem)] if Path(str(stem)).suffix in ARTICLE_SUFFIXES else [f"{stem}{s}" for s in ARTICLE_SUFFIXES]
    for d in dirs:
        for n in names:
            if (d / n).is_file():
                return d / n
    raise GoldFormatError(
        f"{gold_path}: article {stem!r} not found in {', '.join(str(d) for d in dirs)}; pass it with --article PATH"
    )


def read_gold_article(gold: dict, gold_path: Path, article_path: Optional[Path] = None) -> Article:
    """Read the annotated article (as ingest reads it); the gold ``published`` fills a missing date.

    Raises:
        GoldFormatError: the article cannot be found or read.
    """
    from ..ingest import read_path

    path = Path(article_path) if article_path else find_article_file(gold, gold_path)
    try:
        articles = list(read_path(str(path)))
    except ArticleReadError as exc:
        raise GoldFormatError(f"{gold_path}: cannot read its article: {exc}") from exc
    if not articles:
        raise GoldFormatError(f"{gold_path}: {path} holds no article")
    article = articles[0]
    if not article.published and gold.get("published"):
        article = article.model_copy(update={"published": str(gold["published"])})
    return article


def score_gold(gold: dict, extraction: Extraction) -> dict:
    """Score one extraction against one gold file, section by section (absent sections are None).

    Returns:
        dict: ``{"quotes", "speakers", "places", "casualties", "stances"}``, each the report of
        :func:`.quotes.score_quotes`, :func:`.quotes.score_speakers`, :func:`.places.score_places`,
        :func:`.casualties.score_casualties`, :func:`.stances.score_stances`, or None.
    """
    from .casualties import score_casualties
    from .places import score_places
    from .quotes import score_quotes, score_speakers
    from .stances import score_stances

    return {
        "quotes": score_quotes(gold, extraction) if "quotes" in gold or "not_speakers" in gold else None,
        "speakers": score_speakers(gold, extraction) if "speakers" in gold else None,
        "places": score_places(gold, extraction) if "places" in gold or "not_places" in gold else None,
        "casualties": score_casualties(gold, extraction) if "casualties" in gold else None,
        "stances": score_stances(gold, extraction) if "stances" in gold else None,
    }


def evaluate_gold(path: Path, article_path: Optional[Path] = None, progress: bool = True) -> dict:
    """Run the pipeline on a gold file's article and score it (FORMAT.md rules).

    Returns:
        dict: ``{"dataset": "gold", "path", "article", **score_gold(...)}``.

    Raises:
        GoldFormatError: malformed gold file or unreadable article.
    """
    from .predict import extractions

    gold = load_gold(path)
    article = read_gold_article(gold, Path(path), article_path)
    extraction = extractions([article], desc=f"gold {Path(path).name}", progress=progress)[0]
    return {"dataset": "gold", "path": str(path), "article": article.source_path or article.id,
            **score_gold(gold, extraction)}
