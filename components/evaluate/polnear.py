"""PolNeAR-style brat folders: parsing the stand-off attributions and scoring quotes and sources.

A folder holds ``text/NAME.txt`` (the article) and ``attributions/NAME_XXXX.ann`` (its annotation by
annotator ``XXXX``). Annotation lines (brat stand-off, offsets 0-based, end exclusive):

- ``T1<TAB>Source 89 106<TAB>The New York Post``; a discontinuous span is ``Content 10 20;30 40``;
- ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``: one attribution, its roles pointing at T lines.

Other line types (``A``, ``R``, ``#``, ...) are ignored.

Scoring rules: exactly those of the reference scorer ``../shared/tools/score.py polnear`` (rules in
``../shared/eval/README.md``; corpus: Newell, Margolin & Ruths, "An Attribution Relations Corpus for
Political News", LREC 2018), so ``python -m components evaluate`` prints its figures
(``tests/test_evaluate.py`` checks the agreement). A predicted unit matches a gold attribution when
their content texts have multiset word-token F1 >= 0.5; matching is one-to-one, best F1 first. Its
source is right when the predicted mention span overlaps the gold Source span, or the speaker's last
word is in it. A gold attribution is direct when its content holds two double quotation marks and a
quoted passage of 15+ characters (:func:`is_direct`); direct recall counts those matched by any
prediction, direct precision the ``direct``/``mixed`` units matched to a content with quotation marks.

Prediction units. PolNeAR's unit is the attribution: ``"X," said Y. "Z."`` is one attribution with a
discontinuous content span, while this project emits one quote per quoted sentence run (as the shared
cases require) and gives the continuation its cue's and mention's offsets. ``direct``/``all`` score
attribution units (records sharing cue and mention offsets joined, :func:`prediction_units`);
``direct_per_quote``/``all_per_quote`` score every quote record on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import NamedTuple, Optional, Sequence

from ..errors import GoldFormatError
from ..models import Article, Extraction
from .normalise import prf, share

Span = tuple[int, int]

MIN_TOKEN_F1 = 0.5
DIRECT_KINDS = ("direct", "mixed")
# the reference scorer's (../shared/tools/score.py) reading of a direct quotation: its marks, and a
# quoted passage of at least 15 characters
RE_REF_MARK = re.compile("[\"\u201c\u201d]")
RE_REF_PASSAGE = re.compile("\"[^\"]{15,}\"|\u201c[^\u201d]{15,}\u201d")
_REF_TRANS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
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
        list[GoldAttribution]: one per ``E`` line (an E line without Content has an empty
        content and is never matched); each role is the T line of its exact name (``Source``,
        ``Cue``, ``Content``; ``Source2`` is not a Source), as the reference scorer reads them.

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
                roles.append((role, ref))
            events.append((fields[0], roles, n))
    out = []
    for eid, roles, n in events:
        by_role: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for role, ref in roles:
            if ref not in spans:
                raise GoldFormatError(f"{path}:{n}: {eid} refers to {ref}, which has no T line")
            if role in by_role:
                by_role[role] = list(spans[ref])  # one T per role, the last given (as the reference scorer)
        content = by_role["Content"]
        content_text = " ".join(text[s:e] for s, e in content)
        out.append(
            GoldAttribution(
                id=eid,
                content=content,
                source=by_role["Source"],
                cue=by_role["Cue"],
                content_text=content_text,
                direct=is_direct(content_text),
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




def brat_article(doc: BratDocument) -> Article:
    """The :class:`Article` to extract from: the text file read as ``python -m components extract``
    reads it (:func:`components.ingest.read_bytes` on ``NAME.txt``), so ``evaluate`` scores what the
    reference scorer scores on the command's JSON output. Where ingest's cleaning changes the text's
    length (a zero-width space dropped, mojibake repaired), later offsets shift against the gold, for
    both alike.
    """
    from ..ingest import read_bytes

    article = read_bytes(doc.text.encode("utf-8"), f"{doc.name}.txt")[0]
    return article.model_copy(update={"id": doc.name, "collection": "polnear"})


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
        direct (bool): some record of the unit is ``direct`` or ``mixed``.
    """

    spans: list[Span]
    text: str
    mention_start: Optional[int]
    mention_end: Optional[int]
    speaker: Optional[str]
    direct: bool = False


def _ref_tokens(text: str) -> list[str]:
    """Word tokens as the reference scorer reads them: NFKC, curly quotes straightened, no-break
    spaces made spaces, white space collapsed, lower case, then runs of ``\\w``."""
    text = unicodedata.normalize("NFKC", text or "").translate(_REF_TRANS)
    return re.findall(r"\w+", re.sub(r"\s+", " ", text).strip().lower())


def _ref_token_f1(a: str, b: str) -> float:
    """Multiset token F1 of two texts over :func:`_ref_tokens` (0.0 when either is empty)."""
    ca, cb = Counter(_ref_tokens(a)), Counter(_ref_tokens(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(ca.values()), common / sum(cb.values())
    return 2 * p * r / (p + r)


def prediction_units(quotes: Sequence, join_continuations: bool) -> list[PredictedUnit]:
    """Turn quote records into scoring units as the reference scorer does.

    With ``join_continuations`` the records sharing cue and mention offsets (``cue_start``,
    ``cue_end``, ``mention_start``, ``mention_end``; a record with neither cue nor mention stays
    alone) form one unit, in order of first start: its text is theirs joined by one space, its
    mention the first record's, and it is ``direct`` when any record is ``direct`` or ``mixed``.
    Without it every record is its own unit.
    """
    if not join_continuations:
        return [PredictedUnit([(q.start, q.end)], q.text, q.mention_start, q.mention_end, q.speaker,
                              q.kind in DIRECT_KINDS) for q in quotes]
    groups: dict = {}
    for q in sorted(quotes, key=lambda q: q.start or 0):
        key = (q.cue_start, q.cue_end, q.mention_start, q.mention_end)
        if q.cue_start is None and q.mention_start is None:
            key = ("solo", q.start)
        groups.setdefault(key, []).append(q)
    return [
        PredictedUnit([(q.start, q.end) for q in g], " ".join(q.text for q in g), g[0].mention_start,
                      g[0].mention_end, g[0].speaker, any(q.kind in DIRECT_KINDS for q in g))
        for g in groups.values()
    ]


def is_direct(content_text: str) -> bool:
    """A direct quotation in the reference scorer's sense: two or more double quotation marks and a
    quoted passage of 15 or more characters."""
    return len(RE_REF_MARK.findall(content_text)) >= 2 and RE_REF_PASSAGE.search(content_text) is not None


def _ref_pairs(golds: list[GoldAttribution], preds: list[PredictedUnit]) -> dict[int, int]:
    """One-to-one gold -> prediction pairs by content token F1 >= 0.5, best first (ties: later
    gold, then later prediction first, as the reference scorer sorts)."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            f = _ref_token_f1(g.content_text, p.text)
            if f >= MIN_TOKEN_F1:
                cands.append((f, gi, pi))
    cands.sort(reverse=True)
    used_p, pairs = set(), {}
    for _, gi, pi in cands:
        if gi not in pairs and pi not in used_p:
            pairs[gi] = pi
            used_p.add(pi)
    return pairs


def _source_ok(text: str, g: GoldAttribution, p: PredictedUnit) -> bool:
    """The predicted mention overlaps the gold Source, or the speaker's last word is in it."""
    if not g.source:
        return False
    if p.mention_start is not None and _overlaps((p.mention_start, p.mention_end), g.source):
        return True
    last = _ref_tokens(p.speaker or "")[-1:]
    return bool(last) and last[0] in _ref_tokens(" ".join(text[s:e] for s, e in g.source))


def _empty_counts() -> dict:
    return {"tp": 0, "fp": 0, "fn": 0, "with_source": 0, "source_right": 0, "missed": [], "false_positives": [],
            "wrong_source": []}


def _score_units(text: str, golds: list[GoldAttribution], preds: list[PredictedUnit]) -> dict:
    """Counts for ``direct`` and ``all`` over one article, by the reference scorer's rules.

    ``all``: tp = matched gold, fp = unmatched predictions, fn = unmatched gold; source over
    matched gold with a Source. ``direct``: fn = direct gold (:func:`is_direct`) matched to no
    prediction of any kind; tp = direct/mixed predictions matched to a gold content holding two
    double quotation marks, fp = the other direct/mixed predictions; source over matched direct gold.
    """
    pairs = _ref_pairs(golds, preds)
    out = {"direct": _empty_counts(), "all": _empty_counts()}
    for gi, g in enumerate(golds):
        subsets = ("all", "direct") if g.direct else ("all",)
        if gi not in pairs:
            for k in subsets:
                out[k]["fn"] += 1
                out[k]["missed"].append(f"{g.id}: {_clip(g.content_text)}")
            continue
        out["all"]["tp"] += 1
        p = preds[pairs[gi]]
        if g.source:
            ok = _source_ok(text, g, p)
            for k in subsets:
                out[k]["with_source"] += 1
                out[k]["source_right"] += ok
                if not ok:
                    mention = text[p.mention_start:p.mention_end] if p.mention_start is not None else None
                    out[k]["wrong_source"].append({"gold": g.id, "gold_source": " ".join(text[s:e] for s, e in g.source),
                                                   "predicted_mention": mention, "predicted_speaker": p.speaker})
    gold_of = {pi: gi for gi, pi in pairs.items()}
    for pi, p in enumerate(preds):
        if pi not in gold_of:
            out["all"]["fp"] += 1
            out["all"]["false_positives"].append(_clip(p.text))
        if p.direct:
            hit = pi in gold_of and len(RE_REF_MARK.findall(golds[gold_of[pi]].content_text)) >= 2
            out["direct"]["tp" if hit else "fp"] += 1
            if not hit:
                out["direct"]["false_positives"].append(_clip(p.text))
    return out


def score_document(doc: BratDocument, extraction: Extraction) -> dict:
    """Score one article's predicted quotes against its gold attributions (reference scorer rules).

    Returns:
        dict: ``{"name", "annotator", "direct", "all", "direct_per_quote", "all_per_quote"}`` where
        each subset is ``{"tp", "fp", "fn", "with_source", "source_right", "missed",
        "false_positives", "wrong_source"}`` (``with_source``: matched gold attributions that have a
        Source span; the last three are lists of examples for error analysis). ``direct``/``all``
        score attribution units, the ``_per_quote`` subsets every record alone.
    """
    quotes = list(extraction.quotes)
    out = {"name": doc.name, "annotator": doc.annotator}
    for suffix, join in (("", True), ("_per_quote", False)):
        counts = _score_units(doc.text, list(doc.attributions), prediction_units(quotes, join))
        out["direct" + suffix], out["all" + suffix] = counts["direct"], counts["all"]
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
