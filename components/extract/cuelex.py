"""The learned cue lexicon: which words introduce an attribution, and how reliably.

Method: every attribution of PolNeAR's training split (``../shared/eval/polnear-train``, brat
``Cue`` spans, first annotator in name order) names a cue; the cue's *head lemma* is the lemma of
the token of the span whose syntactic head lies outside it ("said", "according to" -> "according
to", "told reporters" -> "tell"). For each (lemma, coarse part of speech, complement shape) the
miner counts how often a token of that lemma heads a gold cue (``cue_count``) among all its
occurrences in the split (``occurrences``); ``reliability = cue_count / occurrences`` estimates
P(an occurrence is an attribution cue). The shape (:func:`verb_shape`: clause, infinitive, object,
preposition, none; ``any`` for all) separates "cited the report" (reliable) from "added a layer"
(not); a verb also counts in shape ``passive`` when it is a passive without agent
(:func:`agentless_passive`: "is expected to ..."). Parsing: the project's pipeline without NER (about 7
minutes for 840 articles on 2 cores).
The result is written to :data:`CUES_PATH` by ``python -m components train cues`` (deterministic:
sorted input, no sampling) and read back, validated, by :func:`load_cue_lexicon`.

The extractor (:mod:`.frames`) admits a verb beyond the hand-made reporting-verb lists, or a listed
verb's object as content, only when the training split shows it reliable with that complement
(:func:`is_reliable_cue`, thresholds in :class:`components.extract.frames.CueSettings`).
"""

from __future__ import annotations

import datetime as _dt
import functools
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, Field, ValidationError

from ..errors import GoldFormatError
from ..yamlio import safe_load

CUES_PATH = Path(__file__).with_name("cues.yaml")
# parts of speech kept apart: a verb "report" and a noun "report" differ in reliability
CUE_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "ADJ": "ADJ", "ADP": "ADP", "VERB_PHRASE": "VERB"}
# entries written only when seen as a cue at least this often (rarer ones are not evidence)
MIN_CUE_COUNT = 3


# the complement shapes of a verb, in the order :func:`verb_shape` tries them
SHAPES = ("clause", "infinitive", "object", "prep", "none")
# prepositions whose object can be an attribution's content ("railed against the deal"); not "to"/"with",
# whose object is an addressee or partner ("spoke to reporters")
CONTENT_PREPS = frozenset({"against", "about", "on", "for", "of"})


class CueEntry(BaseModel):
    """One cue of the lexicon: its lemma, coarse part of speech, complement shape (``any`` for all
    occurrences; a verb also gets one entry per shape of :func:`verb_shape`) and training counts."""

    lemma: str = Field(min_length=1)
    pos: str = Field(pattern=r"^(VERB|NOUN|ADJ|ADP)$")
    shape: str = Field(default="any", pattern=r"^(any|clause|infinitive|object|prep|none|passive)$")
    cue_count: int = Field(ge=0)
    occurrences: int = Field(ge=1)
    reliability: float = Field(ge=0.0, le=1.0)


class CueLexicon(BaseModel):
    """The lexicon file: provenance and the entries, most reliable first."""

    source: str
    articles: int = Field(ge=1)
    attributions: int = Field(ge=0)
    built: str
    min_cue_count: int = Field(ge=1)
    cues: list[CueEntry]


def cue_head(tokens: list) -> Optional[object]:
    """The head token of a cue span: the first token whose syntactic head lies outside the span.

    Args:
        tokens (list[Token]): the tokens overlapping the gold cue span, in order.

    Returns:
        Token | None: None for an empty list.
    """
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            if not t.is_punct:
                return t
    return tokens[0] if tokens else None


def verb_shape(tok):
    """The complement of verb ``tok`` an attribution's content would be, with its shape.

    Returns:
        tuple[str, Token | None]: ``("clause", ccomp)`` ("said the plan failed"), ``("infinitive",
        xcomp)`` ("vowed to fight"), ``("object", dobj)`` ("cited the report"; not a lone pronoun),
        ``("prep", pobj)`` ("railed against the deal"; :data:`CONTENT_PREPS`), else ``("none", None)``;
        only complements after the verb count, tried in that order.
    """
    right = [c for c in tok.children if c.i > tok.i]
    comp = next((c for c in right if c.dep_ == "ccomp"), None)
    if comp is not None:
        return "clause", comp
    for c in right:
        if c.dep_ in ("xcomp", "ccomp", "acl") and c.pos_ in ("VERB", "AUX") and any(g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i for g in c.children):
            return "infinitive", c
    obj = next((c for c in right if c.dep_ == "dobj"), None)
    if obj is not None and not (obj.pos_ == "PRON" and obj.left_edge.i == obj.right_edge.i):
        return "object", obj
    for c in right:
        if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return "prep", pobj
    return "none", None


def agentless_passive(tok):
    """The passive subject of verb ``tok`` when it is a passive without agent whose subject is no
    expletive ("the vote is expected to ...", "she was accused of ..."; not "it was reported that",
    not "was praised by X"), else None. Its learned reliability is the lexicon's ``passive`` shape:
    P(such a verb heads a gold cue), counted beside the complement shapes of :func:`verb_shape`.
    """
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return None if subj is None or subj.lower_ in ("it", "there") else subj


def cue_key(tok) -> Optional[tuple[str, str]]:
    """(lemma, coarse POS) of a cue head token, or None for a POS the lexicon does not keep.

    "according" before "to" is the phrase "according to" (POS ``ADP``).
    """
    doc = tok.doc
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return "according to", "ADP"
    pos = CUE_POS.get(tok.pos_)
    if pos is None or pos == "ADP":
        return None
    return tok.lemma_.lower(), pos


def _first_annotations(folder: Path) -> list[tuple[Path, Path]]:
    """(text, first annotation) pairs of a brat folder, sorted by name."""
    ann_dir = folder / "attributions"
    anns = sorted(p.name for p in ann_dir.glob("*.ann"))
    out = []
    for txt in sorted((folder / "text").glob("*.txt")):
        first = next((a for a in anns if a.startswith(txt.stem + "_")), None)
        if first is not None:
            out.append((txt, ann_dir / first))
    return out


def brat_role_spans(ann_text: str, role: str) -> list[list[tuple[int, int]]]:
    """The character ranges of one role ("Cue", "Content", "Source") of each attribution of a brat
    annotation (``E`` lines, in file order): one list of fragments (end exclusive) per attribution
    that has the role."""
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in ann_text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rng = parts[1].partition(" ")
            if label == role and rng:
                spans[parts[0]] = [(int(a), int(b)) for a, b in (seg.split() for seg in rng.split(";"))]
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            if roles.get(role) in spans:
                out.append(spans[roles[role]])
    return out


def _gold_cue_spans(ann_text: str) -> list[tuple[int, int]]:
    """Character ranges of the first fragment of each attribution's Cue (brat ``E`` lines)."""
    return [segs[0] for segs in brat_role_spans(ann_text, "Cue")]


def mine_cues(folder: Path, nlp=None, min_cue_count: int = MIN_CUE_COUNT, limit: Optional[int] = None) -> CueLexicon:
    """Count cue lemmas and their occurrences over a PolNeAR-style brat folder.

    Args:
        folder (Path): holds ``text/`` and ``attributions/`` (the training split).
        nlp (Language | None): the pipeline (default :func:`components.nlp.load_nlp`).
        min_cue_count (int): keep lemmas heading at least this many gold cues.
        limit (int | None): read only the first ``limit`` articles (tests).

    Returns:
        CueLexicon: entries sorted by reliability, then count, descending.

    Raises:
        GoldFormatError: the folder holds no annotated article.
    """
    from ..nlp import load_nlp

    nlp = nlp or load_nlp()
    pairs = _first_annotations(Path(folder))[:limit]
    if not pairs:
        raise GoldFormatError(f"{folder}: no text/NAME.txt with attributions/NAME_*.ann")
    texts = [t.read_text(encoding="utf-8") for t, _ in pairs]
    golds = [_gold_cue_spans(a.read_text(encoding="utf-8")) for _, a in pairs]
    occ: dict[tuple[str, str, str], int] = {}
    hits: dict[tuple[str, str, str], int] = {}
    n_attr = 0
    for doc, cues in zip(nlp.pipe(texts, batch_size=16, disable=[p for p in ("ner",) if p in nlp.pipe_names]), golds):
        n_attr += len(cues)
        heads = set()
        for a, b in cues:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None or not len(span):
                continue
            h = cue_head(list(span))
            if h is not None:
                heads.add(h.i)
        for tok in doc:
            key = cue_key(tok)
            if key is None:
                continue
            keys = [(*key, "any")] + ([(*key, verb_shape(tok)[0])] if key[1] == "VERB" else [])
            if key[1] == "VERB" and agentless_passive(tok) is not None:
                keys.append((*key, "passive"))
            for k in keys:
                occ[k] = occ.get(k, 0) + 1
                if tok.i in heads:
                    hits[k] = hits.get(k, 0) + 1
    entries = [
        CueEntry(lemma=k[0], pos=k[1], shape=k[2], cue_count=c, occurrences=occ[k], reliability=round(c / occ[k], 3))
        for k, c in hits.items()
        if c >= min_cue_count
    ]
    entries.sort(key=lambda e: (-e.reliability, -e.cue_count, e.lemma, e.pos, e.shape))
    return CueLexicon(
        source=str(folder), articles=len(pairs), attributions=n_attr, built=_dt.date.today().isoformat(),
        min_cue_count=min_cue_count, cues=entries,
    )


def write_cue_lexicon(lex: CueLexicon, path: Path = CUES_PATH) -> None:
    """Write ``lex`` as YAML (a header comment says how it was made)."""
    head = (
        "# Cue lexicon learned from PolNeAR's training split: reliability = P(token heads a gold attribution cue).\n"
        "# Rebuild: python -m components train cues ../shared/eval/polnear-train  (components/extract/cuelex.py)\n"
    )
    body = yaml.safe_dump(lex.model_dump(), sort_keys=False, allow_unicode=True, width=120)
    Path(path).write_text(head + body, encoding="utf-8")


@functools.lru_cache(maxsize=4)
def load_cue_lexicon(path: Path = CUES_PATH) -> CueLexicon:
    """Read and validate the cue lexicon (cached).

    Raises:
        GoldFormatError: the file is missing or does not match :class:`CueLexicon`.
    """
    try:
        return CueLexicon.model_validate(safe_load(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValidationError, yaml.YAMLError) as exc:
        raise GoldFormatError(f"{path}: not a valid cue lexicon ({exc})") from exc


@functools.lru_cache(maxsize=4)
def cue_table(path: Path = CUES_PATH) -> dict[tuple[str, str, str], tuple[int, float]]:
    """``{(lemma, pos, shape): (cue_count, reliability)}`` of the lexicon at ``path`` (cached)."""
    return {(e.lemma, e.pos, e.shape): (e.cue_count, e.reliability) for e in load_cue_lexicon(path).cues}


def is_reliable_cue(lemma: str, pos: str, shape: str, min_reliability: float, min_count: int) -> bool:
    """Whether the training split shows ``lemma`` (as ``pos``, with complement ``shape`` or
    ``any``) heading an attribution cue at least ``min_count`` times with reliability at least
    ``min_reliability``. A lemma missing from the lexicon is not reliable."""
    count, rel = cue_table().get((lemma, pos, shape), (0, 0.0))
    return count >= min_count and rel >= min_reliability


# (pos, min_reliability, min_count) -> (the cue table it was read from, the lemmas): reliable_lemmas
_RELIABLE_LEMMAS: dict = {}


def reliable_lemmas(pos: str, min_reliability: float, min_count: int) -> frozenset[str]:
    """The lemmas that :func:`is_reliable_cue` accepts as ``pos`` with at least one shape (``any``
    included): a lemma outside this set is no reliable cue whatever its complement, so a caller can
    skip working out the shape. Kept per thresholds, and read again when :func:`cue_table` changes."""
    table, key = cue_table(), (pos, min_reliability, min_count)
    hit = _RELIABLE_LEMMAS.get(key)
    if hit is None or hit[0] is not table:
        hit = _RELIABLE_LEMMAS[key] = (table, frozenset(
            lemma for (lemma, p, _), (count, rel) in table.items() if p == pos and count >= min_count and rel >= min_reliability))
    return hit[1]


def train_cues(folder: Path, out: Path = CUES_PATH, limit: Optional[int] = None) -> CueLexicon:
    """``python -m components train cues FOLDER``: mine and write the lexicon; returns it."""
    lex = mine_cues(Path(folder), limit=limit)
    write_cue_lexicon(lex, out)
    return lex
