"""The learned cue lexicon: which words introduce an attribution, and how reliably.

Method: every attribution of PolNeAR's training split (``../shared/eval/polnear-train``, brat
``Cue`` spans, first annotator in name order) names a cue; the cue's *head lemma* is the lemma of
the token of the span whose syntactic head lies outside it ("said", "according to" -> "according
to", "told reporters" -> "tell"). For each (lemma, coarse part of speech) the miner counts how often
a token of that lemma heads a gold cue (``cue_count``) among all its occurrences in the split
(``occurrences``); ``reliability = cue_count / occurrences`` estimates P(an occurrence is an
attribution cue). The result is written to :data:`CUES_PATH` by ``python -m components train cues``
(deterministic: sorted input, no sampling) and read back, validated, by :func:`load_cue_lexicon`.

The extractor uses the lexicon to admit verbs beyond the hand-made reporting-verb list only when
the training split shows them reliable (:func:`learned_cue_verbs`).
"""

from __future__ import annotations

import datetime as _dt
import functools
from pathlib import Path
from typing import Iterable, Optional

import yaml
from pydantic import BaseModel, Field, ValidationError

from ..errors import GoldFormatError

CUES_PATH = Path(__file__).with_name("cues.yaml")
# parts of speech kept apart: a verb "report" and a noun "report" differ in reliability
CUE_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "ADJ": "ADJ", "ADP": "ADP", "VERB_PHRASE": "VERB"}
# entries written only when seen as a cue at least this often (rarer ones are not evidence)
MIN_CUE_COUNT = 3


class CueEntry(BaseModel):
    """One cue of the lexicon: its lemma, coarse part of speech and training-split counts."""

    lemma: str = Field(min_length=1)
    pos: str = Field(pattern=r"^(VERB|NOUN|ADJ|ADP)$")
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


def _gold_cue_spans(ann_text: str) -> list[tuple[int, int]]:
    """Character ranges of the first fragment of each attribution's Cue (brat ``E`` lines)."""
    spans: dict[str, tuple[int, int]] = {}
    cues = []
    for line in ann_text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rng = parts[1].partition(" ")
            if label == "Cue" and rng:
                a, b = rng.split(";")[0].split()
                spans[parts[0]] = (int(a), int(b))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            t = roles.get("Cue")
            if t in spans:
                cues.append(spans[t])
    return cues


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
    occ: dict[tuple[str, str], int] = {}
    hits: dict[tuple[str, str], int] = {}
    n_attr = 0
    for doc, cues in zip(nlp.pipe(texts, batch_size=16), golds):
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
            occ[key] = occ.get(key, 0) + 1
            if tok.i in heads:
                hits[key] = hits.get(key, 0) + 1
    entries = [
        CueEntry(lemma=k[0], pos=k[1], cue_count=c, occurrences=occ[k], reliability=round(c / occ[k], 3))
        for k, c in hits.items()
        if c >= min_cue_count
    ]
    entries.sort(key=lambda e: (-e.reliability, -e.cue_count, e.lemma, e.pos))
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
        return CueLexicon.model_validate(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValidationError, yaml.YAMLError) as exc:
        raise GoldFormatError(f"{path}: not a valid cue lexicon ({exc})") from exc


def learned_cues(pos: str, min_reliability: float, min_count: int, lex: Optional[CueLexicon] = None) -> frozenset[str]:
    """Lemmas of part of speech ``pos`` whose training reliability and cue count reach the thresholds."""
    lex = lex or load_cue_lexicon()
    return frozenset(e.lemma for e in lex.cues if e.pos == pos and e.reliability >= min_reliability and e.cue_count >= min_count)


@functools.lru_cache(maxsize=4)
def reliability_table(path: Path = CUES_PATH) -> dict[tuple[str, str], float]:
    """``{(lemma, pos): reliability}`` of the lexicon at ``path`` (cached); a lemma not listed has none."""
    return {(e.lemma, e.pos): e.reliability for e in load_cue_lexicon(path).cues}


def train_cues(folder: Path, out: Path = CUES_PATH, limit: Optional[int] = None) -> CueLexicon:
    """``python -m components train cues FOLDER``: mine and write the lexicon; returns it."""
    lex = mine_cues(Path(folder), limit=limit)
    write_cue_lexicon(lex, out)
    return lex
