"""Content gate: an attribution's content is a proposition or an attitude's object, never a thing.

PARC-style attribution (PolNeAR) reports what someone said, believed or intended: "said the plan
failed", "confirmed the capture", "called for a ban". A verb that the learned cue lexicon or the
sequence tagger reads as a cue may also take a concrete object ("identified a van", "did not fire
their weapons", "found a cache"); those are actions, not speech. The gate keeps a candidate whose
content is a clause, and a noun-phrase content only when its head noun can carry content.

Method (:func:`mine_content_heads`): over PolNeAR's training split, for every verb the cue lexicon
lists (any shape) with a noun-phrase complement (direct object, or the object of a content
preposition: :data:`.cuelex.CONTENT_PREPS`), the head lemma of that phrase is counted (``occurrences``)
and counted as gold (``gold``) when the phrase is a gold attribution's content (token F1 >= 0.5, the
scorer's match). ``reliability = gold / occurrences`` estimates P(the noun heads a content | it is a
cue verb's object): "capture", "ban", "plan", "report" are content; "weapon", "truck", "cache",
"insurgent" are not. Written to :data:`HEADS_PATH` by ``python -m components train content-heads``
(deterministic) and read back, validated, by :func:`load_content_heads`.

The extractor calls :func:`content_admissible` once per indirect candidate (``quotes.indirect_candidates``).
"""

from __future__ import annotations

import datetime as _dt
import functools
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, Field, ValidationError
from spacy.tokens import Doc, Token

from ..errors import GoldFormatError
from ..nlp import token_column, token_heads
from ..yamlio import safe_load
from .cuelex import CONTENT_PREPS, brat_role_spans, cue_key, cue_table

HEADS_PATH = Path(__file__).with_name("content_heads.yaml")
# lemmas written only when seen at least this often as a cue verb's object (rarer ones are no evidence)
MIN_OCCURRENCES = 3
# gold cues a verb needs in the cue lexicon before its reliability counts as evidence
MIN_VERB_CUES = 5
# a verb heading an attribution this often (cue lexicon, any shape) reports whatever its object ("blasted him",
# "urged them"); tuned on polnear-dev and isaf-dev (0.5: all-attribution F1 0.753, 0.4: 0.755)
MIN_VERB_RELIABILITY = 0.4
NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")
# prepositions after a cue's object that carry what is said of it ("named X as Y", "thanked X for Y"; the
# phrases frames._object_content adds to an object content)
PREDICATE_PREPS = ("as", "for")
# dependencies that make a clause inside a content: its own subject ("he had insurgents place ...")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")


class ContentHead(BaseModel):
    """One head lemma of cue verbs' noun-phrase complements, with its training counts."""

    lemma: str = Field(min_length=1)
    gold: int = Field(ge=0)
    occurrences: int = Field(ge=1)
    reliability: float = Field(ge=0.0, le=1.0)


class ContentHeads(BaseModel):
    """The file: provenance and the entries, most reliable first."""

    source: str
    articles: int = Field(ge=1)
    built: str
    min_occurrences: int = Field(ge=1)
    heads: list[ContentHead]


def _np_complements(tok: Token) -> list[Token]:
    """Head tokens of the noun-phrase complements of verb ``tok`` after it: its direct object, the
    objects of its content prepositions ("called for a ban")."""
    out = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "dobj" and c.pos_ in NOMINAL:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in CONTENT_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj" and g.pos_ in NOMINAL)
    return out


def _lexicon_verb(tok: Token) -> bool:
    """Whether ``tok`` is a verb the learned cue lexicon lists (any shape)."""
    key = cue_key(tok)
    return key is not None and key[1] == "VERB" and (key[0], "VERB", "any") in cue_table()


def mine_content_heads(docs: list[Doc], anns: list[str], source: str, min_occurrences: int = MIN_OCCURRENCES) -> ContentHeads:
    """Count the head lemmas of cue verbs' noun-phrase complements and how often they are gold content.

    Args:
        docs (list[Doc]): the parsed training articles.
        anns (list[str]): their brat annotations (first annotator), in the same order.
        source (str): provenance written into the file (the training folder).
        min_occurrences (int): keep lemmas seen at least this often.

    Returns:
        ContentHeads: entries sorted by reliability, then occurrences, descending.

    Raises:
        GoldFormatError: no article given.
    """
    from .attribution_model import token_f1

    if not docs:
        raise GoldFormatError(f"{source}: no annotated article")
    occ: dict[str, int] = {}
    gold: dict[str, int] = {}
    for doc, ann in zip(docs, anns):
        contents = [(segs[0][0], segs[-1][1], " ".join(doc.text[a:b] for a, b in segs)) for segs in brat_role_spans(ann, "Content")]
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or not _lexicon_verb(tok):
                continue
            for obj in _np_complements(tok):
                lem = obj.lemma_.lower()
                occ[lem] = occ.get(lem, 0) + 1
                a, b = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
                phrase = doc.text[a:b]
                if any(ga <= obj.idx < gb and token_f1(phrase, gt) >= 0.5 for ga, gb, gt in contents):
                    gold[lem] = gold.get(lem, 0) + 1
    heads = [ContentHead(lemma=k, gold=gold.get(k, 0), occurrences=n, reliability=round(gold.get(k, 0) / n, 3))
             for k, n in occ.items() if n >= min_occurrences]
    heads.sort(key=lambda h: (-h.reliability, -h.occurrences, h.lemma))
    return ContentHeads(source=source, articles=len(docs), built=_dt.date.today().isoformat(),
                        min_occurrences=min_occurrences, heads=heads)


def write_content_heads(heads: ContentHeads, path: Path = HEADS_PATH) -> None:
    """Write ``heads`` as YAML (a header comment says how it was made)."""
    head = ("# Head nouns of cue verbs' noun-phrase complements in PolNeAR's training split:\n"
            "# reliability = P(the phrase is a gold attribution content). Rebuild:\n"
            "# python -m components train content-heads ../shared/eval/polnear-train  (components/extract/content_gate.py)\n")
    body = yaml.safe_dump(heads.model_dump(), sort_keys=False, allow_unicode=True, width=120)
    Path(path).write_text(head + body, encoding="utf-8")


@functools.lru_cache(maxsize=4)
def head_table(path: Path = HEADS_PATH) -> dict[str, float]:
    """``{lemma: reliability}`` of the validated file at ``path`` (cached).

    Raises:
        GoldFormatError: the file is missing or does not match :class:`ContentHeads`.
    """
    try:
        data = ContentHeads.model_validate(safe_load(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValidationError, yaml.YAMLError) as exc:
        raise GoldFormatError(f"{path}: not a valid content-head table ({exc})") from exc
    return {h.lemma: h.reliability for h in data.heads}


def train_content_heads(folder: Path, out: Path = HEADS_PATH, limit: Optional[int] = None, docs=None) -> ContentHeads:
    """``python -m components train content-heads FOLDER``: parse the split (or take ``docs``, parsed
    in the folder's order), mine and write the table; returns it.

    Raises:
        GoldFormatError: the folder holds no annotated article.
    """
    from ..nlp import load_nlp
    from .cuelex import _first_annotations

    pairs = _first_annotations(Path(folder))[:limit]
    if not pairs:
        raise GoldFormatError(f"{folder}: no text/NAME.txt with attributions/NAME_*.ann")
    anns = [a.read_text(encoding="utf-8") for _, a in pairs]
    if docs is None:
        nlp = load_nlp()
        texts = [t.read_text(encoding="utf-8") for t, _ in pairs]
        docs = list(nlp.pipe(texts, batch_size=16, disable=[p for p in ("ner",) if p in nlp.pipe_names]))
    heads = mine_content_heads(list(docs)[: len(pairs)], anns, str(folder))
    write_content_heads(heads, out)
    return heads


def _content_heads(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens of the content ``[start, end)`` (characters) whose syntactic head lies outside it, in order."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    a, b = span.start, span.end  # tested on the token columns; a Token is built for each head only
    heads, punct = token_heads(doc), token_column(doc, "is_punct")
    return [doc[i] for i in range(a, b) if not punct[i] and (heads[i] < a or heads[i] >= b or heads[i] == i)]


def own_clause(tok: Token) -> bool:
    """Whether ``tok`` heads a clause with its own subject and verb ("he planned attacks")."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def content_admissible(doc: Doc, cue: Token, start: int, end: int, tagger_only: bool,
                       min_reliability: float, table: Optional[dict[str, float]] = None,
                       min_cue_reliability: float = 0.25) -> bool:
    """Whether a candidate's content ``[start, end)`` (characters) can be what cue ``cue`` reports.

    A content holding the cue itself, or a cue that modifies a noun ("suspected gunmen"), is refused.
    A content whose first head is a noun phrase ("a motorcycle being driven ...", "their weapons and
    ...") is admitted only when its head lemma reaches ``min_reliability`` in :func:`head_table`
    (a lemma missing from the table counts 0: a cue verb's object never seen as content in training),
    or when the cue verb itself reports at least :data:`MIN_VERB_RELIABILITY` of the time;
    a clause, an infinitive or an object with an "as" or "for" predicate ("identified the driver as a
    courier", "thanked her for the help")
    is admitted. A candidate proposed by the sequence tagger alone
    (``tagger_only``) also needs a cue the learned lexicon lists (:func:`.cuelex.cue_table`, any
    shape) or a content with a clause of its own (subject and verb), and, for a noun-phrase content
    of a verb, the lexicon's ``object`` or ``prep`` shape of that verb with reliability at least
    ``min_cue_reliability`` ("found a woman" is no report: "find" heads 12 % of its objects' attributions).

    Args:
        doc (Doc): the parsed article.
        cue (Token): the cue's head token.
        start (int): content start (character offset).
        end (int): content end (exclusive).
        tagger_only (bool): the candidate comes from the sequence tagger alone.
        min_reliability (float): minimum reliability of a noun-phrase content's head lemma, in [0, 1].
        table (dict[str, float] | None): ``{lemma: reliability}`` (default :func:`head_table`).
        min_cue_reliability (float): minimum learned reliability of a tagger-only verb cue's noun-phrase shape.

    Raises:
        GoldFormatError: the head table file is missing or invalid.
    """
    heads = _content_heads(doc, start, end)
    if not heads or start <= cue.idx < end or cue.dep_ in ("amod", "compound"):
        return False  # a content holding its own cue reports nothing; "two suspected gunmen" is no reporting clause
    if tagger_only and not _lexicon_cue_word(cue) and not any(own_clause(h) for h in heads):
        return False
    first = heads[0]
    if first.pos_ not in NOMINAL or any(h.dep_ == "prep" and h.lower_ in PREDICATE_PREPS for h in heads):
        return True  # a clause, or a small clause "the ruling as an attack on voters", "him for his work"
    key = cue_key(cue)
    if tagger_only and key is not None and key[1] == "VERB" and not any(
            cue_table().get((*key, shape), (0, 0.0))[1] >= min_cue_reliability for shape in ("object", "prep")):
        return False  # "found a woman who ...": training shows this verb rarely reporting a noun phrase
    if _reporting_verb(cue, MIN_VERB_RELIABILITY):
        return True
    table = head_table() if table is None else table
    return table.get(first.lemma_.lower(), 0.0) >= min_reliability


def _reporting_verb(cue: Token, min_reliability: float) -> bool:
    """Whether the learned cue lexicon shows ``cue``'s lemma heading an attribution at least
    ``min_reliability`` of the time, over :data:`MIN_VERB_CUES` gold cues or more ("blasted him",
    "urged them": such a verb reports whatever its object)."""
    key = cue_key(cue)
    if key is None:
        return False
    count, rel = cue_table().get((key[0], key[1], "any"), (0, 0.0))
    return count >= MIN_VERB_CUES and rel >= min_reliability


def _lexicon_cue_word(tok: Token) -> bool:
    """Whether the learned cue lexicon lists ``tok``'s (lemma, part of speech), any shape."""
    key = cue_key(tok)
    return key is not None and (key[0], key[1], "any") in cue_table()
