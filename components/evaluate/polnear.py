"""PolNeAR-style brat folders: parsing the stand-off attributions and scoring quotes and sources.

A folder holds ``text/NAME.txt`` (the article) and ``attributions/NAME_XXXX.ann`` (its annotation by
annotator ``XXXX``). Annotation lines (brat stand-off, offsets 0-based, end exclusive):

- ``T1<TAB>Source 89 106<TAB>The New York Post``; a discontinuous span is ``Content 10 20;30 40``;
- ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``: one attribution, its roles pointing at T lines.

Other line types (``A``, ``R``, ``#``, ...) are ignored.

Scoring rules (``../shared/eval/README.md``; corpus: Newell, Margolin & Ruths, "An Attribution Relations
Corpus for Political News", LREC 2018): a predicted quote matches a gold attribution when the word tokens
covered by their content spans have F1 >= 0.5; matching is one-to-one, best F1 first. Its source is right
when the predicted speaker mention span (``Quote.mention_start``/``mention_end``, even when the speaker was
resolved from a pronoun) overlaps the gold Source span. Direct quotations (gold content containing a
double quotation mark, i.e. a quoted passage; predicted quotes of kind ``direct`` or ``mixed``) are
scored apart from all attributions (every gold attribution against every predicted quote).

Prediction units. PolNeAR's unit is the attribution: ``"X," said Y. "Z."`` is one attribution with a
discontinuous content span, while this project emits one quote per quoted sentence run (as the shared
cases require) and links the continuation to its cue (same ``cue_start`` and ``mention_start``, see
:func:`components.extract.quotes.continuation_groups`). Both are reported: ``direct``/``all`` score
attribution units (each continuation group joined into one discontinuous prediction, its source the
group's mention), ``direct_per_quote``/``all_per_quote`` score every quote record on its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple, Optional, Sequence

from ..errors import GoldFormatError
from ..models import Article, Extraction
from .normalise import RE_TOKEN, pair_best_first, prf, set_f1, share

Span = tuple[int, int]

MIN_TOKEN_F1 = 0.5
# A quoted passage: any double quotation mark, straight, curly or guillemet.
RE_DOUBLE_QUOTE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]")
DIRECT_KINDS = ("direct", "mixed")
# Reported subsets: attribution units (continuations joined) and per-quote records.
SUBSETS = ("direct", "all", "direct_per_quote", "all_per_quote")
_T_SPANS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")


class GoldAttribution(NamedTuple):
    """One gold attribution (brat ``E`` line).

    Attributes:
        id (str): the E id ("E3").
        content, source, cue (list[Span]): character fragments, 0-based, end exclusive.
        content_text (str): the article text of the content fragments, joined by one space.
        direct (bool): the content contains a quoted passage.
    """

    id: str
    content: list[Span]
    source: list[Span]
    cue: list[Span]
    content_text: str
    direct: bool


class BratDocument(NamedTuple):
    """One annotated article of a brat folder.

    Attributes:
        name (str): the file stem of ``text/NAME.txt``.
        annotator (str): the annotator code of the scored ``.ann`` file.
        text (str): the article text exactly as in the file (offsets point into it).
        attributions (list[GoldAttribution]): in E-line order.
        ann_path (str): the scored annotation file.
    """

    name: str
    annotator: str
    text: str
    attributions: list[GoldAttribution]
    ann_path: str


def is_brat_folder(path: Path) -> bool:
    """True when ``path`` is a directory with ``text/`` and ``attributions/`` subfolders."""
    return path.is_dir() and (path / "text").is_dir() and (path / "attributions").is_dir()


def parse_spans(value: str, where: str) -> list[Span]:
    """Parse brat offsets ``"10 20"`` or ``"10 20;30 40"`` into ``[(10, 20), (30, 40)]``.

    Raises:
        GoldFormatError: the offsets are not integers, or a fragment ends before it starts.
    """
    value = value.strip()
    if not _T_SPANS.match(value):
        raise GoldFormatError(f"{where}: bad brat offsets {value!r} (expected 'START END' or 'S1 E1;S2 E2')")
    spans = []
    for frag in value.split(";"):
        s, e = (int(x) for x in frag.split())
        if e < s:
            raise GoldFormatError(f"{where}: span ends before it starts ({s} {e})")
        spans.append((s, e))
    return spans


def parse_ann(ann: str, text: str, path: str = "<ann>") -> list[GoldAttribution]:
    """Parse a brat ``.ann`` file's content into gold attributions.

    Args:
        ann (str): the annotation file's text.
        text (str): the article text the offsets point into (used for ``content_text`` and range checks).
        path (str): file name for error messages.

    Returns:
        list[GoldAttribution]: one per ``E`` line that has a Content role; an E line
        with several fragments of a role (``Source2:T7``) gets all of them.

    Raises:
        GoldFormatError: a malformed T or E line, an offset beyond the text, or an
        E line pointing at an unknown T id.
    """
    spans: dict[str, list[Span]] = {}
    events: list[tuple[str, list[tuple[str, str]], int]] = []
    for n, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) < 2 or " " not in fields[1]:
                raise GoldFormatError(f"{where}: a T line needs 'Tn<TAB>Type START END<TAB>text'")
            _label, offsets = fields[1].split(" ", 1)
            frags = parse_spans(offsets, where)
            if any(e > len(text) for _, e in frags):
                raise GoldFormatError(f"{where}: offsets {offsets} run past the end of the text ({len(text)} chars)")
            spans[fields[0]] = frags
        elif line.startswith("E"):
            if len(fields) < 2:
                raise GoldFormatError(f"{where}: an E line needs 'En<TAB>Role:Tn Role:Tn ...'")
            roles = []
            for arg in fields[1].split():
                if ":" not in arg:
                    raise GoldFormatError(f"{where}: bad E argument {arg!r} (expected Role:Tn)")
                role, ref = arg.split(":", 1)
                roles.append((re.sub(r"\d+$", "", role), ref))
            events.append((fields[0], roles, n))
    out = []
    for eid, roles, n in events:
        by_role: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for role, ref in roles:
            if ref not in spans:
                raise GoldFormatError(f"{path}:{n}: {eid} refers to {ref}, which has no T line")
            if role in by_role:
                by_role[role].extend(spans[ref])
        if not by_role["Content"]:
            continue
        content = sorted(by_role["Content"])
        content_text = " ".join(text[s:e] for s, e in content)
        out.append(
            GoldAttribution(
                id=eid,
                content=content,
                source=sorted(by_role["Source"]),
                cue=sorted(by_role["Cue"]),
                content_text=content_text,
                direct=bool(RE_DOUBLE_QUOTE.search(content_text)),
            )
        )
    return out


def read_brat_folder(folder: Path, all_annotators: bool = False) -> tuple[list[BratDocument], list[str]]:
    """Read every annotated article of a PolNeAR-style brat folder.

    Args:
        folder (Path): has ``text/NAME.txt`` and ``attributions/NAME_XXXX.ann``.
        all_annotators (bool): score every annotation of an article (each as its own
            document) instead of only the first in name order.

    Returns:
        tuple[list[BratDocument], list[str]]: documents sorted by name, and the
        ``.ann`` files left out because another annotator of the same article comes first.

    Raises:
        GoldFormatError: the folder has no ``.ann`` files, an ``.ann`` file has no
        matching text, or a file is malformed.
    """
    folder = Path(folder)
    anns = sorted((folder / "attributions").glob("*.ann"))
    if not anns:
        raise GoldFormatError(f"{folder}: no .ann files in attributions/")
    texts = {p.stem: p for p in (folder / "text").glob("*.txt")}
    docs, skipped, seen = [], [], set()
    for ann_path in anns:
        name, _, annotator = ann_path.stem.rpartition("_")
        if name not in texts:
            raise GoldFormatError(f"{ann_path}: no text/{name}.txt beside it (expected NAME_ANNOTATOR.ann)")
        if name in seen and not all_annotators:
            skipped.append(ann_path.name)
            continue
        seen.add(name)
        text = texts[name].read_text(encoding="utf-8")
        attributions = parse_ann(ann_path.read_text(encoding="utf-8"), text, str(ann_path))
        docs.append(BratDocument(name, annotator, text, attributions, str(ann_path)))
    return docs, skipped


_SAME_WIDTH_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"})


def brat_article(doc: BratDocument) -> Article:
    """The :class:`Article` to extract from, with offsets identical to the file's.

    The text gets ingest's cleaning (:func:`components.ingest.clean_text`) when that keeps its
    length (e.g. no-break spaces become spaces); otherwise (mojibake repairs change the length)
    only the no-break-like spaces are replaced, so gold offsets stay valid either way.
    """
    from ..ingest import clean_text

    cleaned = clean_text(doc.text)
    text = cleaned if len(cleaned) == len(doc.text) else doc.text.translate(_SAME_WIDTH_SPACES)
    return Article(id=doc.name, text=text, title=None, collection="polnear")


def _token_offsets(text: str) -> list[Span]:
    return [m.span() for m in RE_TOKEN.finditer(text)]


def _covered(tok: list[Span], frags: Sequence[Span]) -> frozenset[int]:
    return frozenset(i for i, (ts, te) in enumerate(tok) for s, e in frags if ts < e and te > s)


def _overlaps(a: Optional[Span], frags: Sequence[Span]) -> bool:
    if a is None or a[0] is None or a[1] is None:
        return False
    return any(a[0] < e and a[1] > s for s, e in frags)


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


class PredictedUnit(NamedTuple):
    """A prediction as scored: one quote, or a continuation group of quotes joined.

    Attributes:
        spans (list[Span]): content fragments (one per quote).
        text (str): the quotes' texts joined by one space.
        mention_start, mention_end (int | None): the speaker mention of the unit.
        speaker (str | None): canonical speaker.
    """

    spans: list[Span]
    text: str
    mention_start: Optional[int]
    mention_end: Optional[int]
    speaker: Optional[str]


def prediction_units(quotes: Sequence, join_continuations: bool) -> list[PredictedUnit]:
    """Turn quote records into scoring units; with ``join_continuations`` each continuation group is one unit."""
    from ..extract.quotes import continuation_groups

    groups = continuation_groups(list(quotes)) if join_continuations else [[q] for q in quotes]
    return [
        PredictedUnit([(q.start, q.end) for q in g], " ".join(q.text for q in g), g[0].mention_start,
                      g[0].mention_end, g[0].speaker)
        for g in groups
    ]


def _score_subset(tok, text: str, golds: list[GoldAttribution], preds: list[PredictedUnit]) -> dict:
    g_sets = [_covered(tok, g.content) for g in golds]
    p_sets = [_covered(tok, q.spans) for q in preds]

    def score(i, j):
        f1 = set_f1(p_sets[i], g_sets[j])
        return (f1,) if f1 >= MIN_TOKEN_F1 else None

    pairs = pair_best_first(range(len(preds)), range(len(golds)), score)
    with_source = right = 0
    wrong_source = []
    for i, j, _ in pairs:
        g, q = golds[j], preds[i]
        if g.source:
            with_source += 1
            ok = _overlaps((q.mention_start, q.mention_end), g.source)
            right += ok
            if not ok:
                mention = text[q.mention_start:q.mention_end] if q.mention_start is not None else None
                wrong_source.append({"gold": g.id, "gold_source": " ".join(text[s:e] for s, e in g.source),
                                     "predicted_mention": mention, "predicted_speaker": q.speaker})
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    return {
        "tp": len(pairs),
        "fp": len(preds) - len(pairs),
        "fn": len(golds) - len(pairs),
        "with_source": with_source,
        "source_right": right,
        "missed": [f"{golds[j].id}: {_clip(golds[j].content_text)}" for j in range(len(golds)) if j not in matched_g],
        "false_positives": [_clip(preds[i].text) for i in range(len(preds)) if i not in matched_p],
        "wrong_source": wrong_source,
    }


def score_document(doc: BratDocument, extraction: Extraction) -> dict:
    """Score one article's predicted quotes against its gold attributions.

    Returns:
        dict: ``{"name", "annotator", "direct": counts, "all": counts}`` where counts are
        ``{"tp", "fp", "fn", "with_source", "source_right", "missed", "false_positives", "wrong_source"}``
        (``with_source``: matched gold attributions that have a Source span; the last three are
        lists of examples for error analysis).
    """
    tok = _token_offsets(doc.text)
    quotes = list(extraction.quotes)
    direct_gold = [g for g in doc.attributions if g.direct]
    direct_quotes = [q for q in quotes if q.kind in DIRECT_KINDS]
    out = {"name": doc.name, "annotator": doc.annotator}
    for suffix, join in (("", True), ("_per_quote", False)):
        out["direct" + suffix] = _score_subset(tok, doc.text, direct_gold, prediction_units(direct_quotes, join))
        out["all" + suffix] = _score_subset(tok, doc.text, list(doc.attributions), prediction_units(quotes, join))
    return out


def summarise(per_doc: list[dict], skipped: Sequence[str] = ()) -> dict:
    """Micro-average per-document counts into the PolNeAR report.

    Returns:
        dict: ``{"dataset": "polnear", "documents", "skipped_annotations", "direct": m, "all": m}``
        with ``m = {"tp", "fp", "fn", "precision", "recall", "f1", "source_accuracy",
        "source_right", "with_source"}``. ``source_accuracy`` = matched gold attributions
        with a Source whose source the prediction got right, over those matched.
    """
    out = {"dataset": "polnear", "documents": len(per_doc), "skipped_annotations": list(skipped)}
    for subset in SUBSETS:
        tp = sum(d[subset]["tp"] for d in per_doc)
        fp = sum(d[subset]["fp"] for d in per_doc)
        fn = sum(d[subset]["fn"] for d in per_doc)
        ws = sum(d[subset]["with_source"] for d in per_doc)
        sr = sum(d[subset]["source_right"] for d in per_doc)
        out[subset] = {**prf(tp, fp, fn), "source_accuracy": share(sr, ws), "source_right": sr, "with_source": ws}
    out["per_document"] = [{"name": d["name"], "annotator": d["annotator"], **{k: d[k] for k in SUBSETS}}
                           for d in per_doc]
    return out


def evaluate_polnear(
    folder: Path, limit: Optional[int] = None, all_annotators: bool = False, progress: bool = True
) -> dict:
    """Run the pipeline on a brat folder and score it (see the module docstring for the rules).

    Args:
        folder (Path): PolNeAR-style folder (``text/``, ``attributions/``).
        limit (int | None): score only the first ``limit`` documents (name order).
        all_annotators (bool): score every annotator's file instead of the first in name order.
        progress (bool): tqdm progress bar on stderr.

    Returns:
        dict: see :func:`summarise`; also ``"path"``.

    Raises:
        GoldFormatError: malformed folder or annotation files.
    """
    from .predict import extractions

    docs, skipped = read_brat_folder(folder, all_annotators=all_annotators)
    if limit is not None:
        docs = docs[:limit]
        kept = {d.name for d in docs}
        skipped = [s for s in skipped if s.rpartition("_")[0] in kept]
    preds = extractions([brat_article(d) for d in docs], desc=f"polnear {Path(folder).name}", progress=progress)
    report = summarise([score_document(d, e) for d, e in zip(docs, preds)], skipped)
    report["path"] = str(folder)
    return report
