"""Reporting frames: a cue (reporting verb, "according to", ...), its source token, content and audience.

Method: rules over the dependency parse, in the manner of textacy's ``direct_quotations``
(``textacy/extract/triples.py``) and the Gender Gap Tracker's quote extractor (Asr et al. 2021,
PLoS ONE). Every reporting verb (:data:`components.constants.CUE_VERBS`) outside quotation marks gives
a frame: speaker (its ``nsubj``, inherited through ``advcl``/``xcomp``/``conj``), content (``ccomp``;
``of``-complement for "accuse"; the host clause for "according to") and audience ("told ABC News").
PolNeAR (Newell et al. 2018) defines the attribution shape: source, cue, content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .. import constants as C
from .speakers import SpeakerIndex, clean_name

@dataclass
class Frame:
    """A reporting-verb frame: cue, speaker token, content char range, audience."""

    cue: Span
    subject: Optional[Token]
    content: Optional[tuple[int, int]]
    audience: Optional[Span] = None
    kind: str = "verb"  # verb | according
    used: bool = False
    cue_text: Optional[str] = None  # normalised cue when not the surface text
    quote_only: bool = False  # a characterisation frame: never an indirect quote on its own


def cue_lemma(tok: Token) -> Optional[str]:
    """The reporting-verb lemma of ``tok`` (a :data:`components.constants.CUE_VERBS` entry), or None.

    Falls back to irregular forms and suffix stripping for ALL-CAPS text, where the lemmatiser fails.
    """
    lem = tok.lemma_.lower()
    if lem in C.CUE_VERBS:
        return lem
    low = tok.lower_
    if low in C.CUE_IRREGULAR_FORMS:
        return C.CUE_IRREGULAR_FORMS[low]
    for suf in ("ed", "d", "s", "es", "ing"):
        if low.endswith(suf) and low[: -len(suf)] in C.CUE_VERBS:
            return low[: -len(suf)]
    return None


def subject_of(tok: Token, depth: int = 0) -> Optional[Token]:
    """The speaker token of cue ``tok``: ``nsubj``, a passive ``agent``, the noun a relative clause
    modifies ("Smith, who said ..."), or the subject of the verb an ``advcl``/``xcomp``/``conj`` hangs on."""
    for ch in tok.children:
        if ch.dep_ == "nsubj":
            if ch.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                return tok.head
            return ch
    for ch in tok.children:
        if ch.dep_ == "agent":
            for g in ch.children:
                if g.dep_ == "pobj":
                    return g
    if depth < 3 and tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and tok.head is not tok:
        return subject_of(tok.head, depth + 1)
    if depth == 0:
        # inverted "..., added Novak." that the parser took for an object
        for ch in tok.rights:
            if ch.dep_ in ("dobj", "attr", "npadvmod", "oprd") and ch.pos_ == "PROPN" and ch.i - tok.i <= 4:
                return ch
    return None


def plausible_source(tok: Optional[Token], index: Optional[SpeakerIndex] = None) -> bool:
    """True when ``tok`` can name who said something: a name, a personal pronoun, an organisation,
    group, document or person noun ("spokesman", "narrator"); False for "the election", "a comment"."""
    if tok is None:
        return False
    low = tok.lower_
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if low in C.PERSON_PRONOUNS or low in C.GROUP_PRONOUNS:
        return True
    if tok.pos_ == "PRON":
        return False
    if index is not None and tok.text[:1].isupper() and index.canonical(clean_name(tok.text)) in index.full_names:
        return True  # a surname the tagger took for a common noun
    lem = tok.lemma_.lower()
    for w in (low, lem):
        if w in C.ORG_HEAD_NOUNS or w in C.GROUP_HEAD_NOUNS or w in C.DOCUMENT_HEAD_NOUNS or w in C.TITLE_WORDS or w in C.SOURCE_MEDIA_NOUNS:
            return True
    if lem in C.NOT_SOURCE_NOUNS:
        return False
    return lem.endswith(C.SOURCE_NOUN_SUFFIXES)


def span_chars(toks: list[Token]) -> Optional[tuple[int, int]]:
    """Character range ``(start, end)`` (end exclusive) covering ``toks`` without edge punctuation and
    a leading complementiser ("that", "whether", "if"); quotation marks are kept. None when empty."""
    toks = [t for t in toks if not (t.is_punct and t.text not in "\"“”‘’'")]
    while toks and (toks[0].is_punct or toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if")):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "\"“”’'":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def reporting_frames(doc: Doc, in_quote) -> list[Frame]:
    """All reporting frames of ``doc`` whose cue lies outside quotation marks, in token order.

    Args:
        doc (Doc): the parsed article.
        in_quote (Callable[[int], bool]): True for a character offset inside quotation marks.

    Returns:
        list[Frame]: one per cue; ``content`` is a character range (end exclusive) or None.
    """
    frames = []
    for tok in doc:
        if in_quote(tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            host = tok.head
            while host.dep_ not in ("ROOT", "ccomp", "conj") and host.head is not host and host.pos_ not in ("VERB", "AUX"):
                host = host.head
            skip = set(t.i for t in tok.subtree) | {tok.i, to.i} | set(t.i for t in to.subtree)
            sent = tok.sent
            if host.pos_ in ("VERB", "AUX"):
                toks = [t for t in host.subtree if t.i not in skip]
            else:
                toks = [t for t in sent if t.i not in skip]
            frames.append(Frame(doc[tok.i : tok.i + 2], pobj, span_chars(toks), kind="according"))
            frames[-1].cue_text = "according to"
            continue
        if tok.pos_ not in ("VERB", "AUX", "PROPN", "NOUN") or tok.pos_ in ("NOUN",) and tok.dep_ not in ("ROOT", "ccomp"):
            continue
        lem = cue_lemma(tok)
        if lem is None or lem in C.CUE_OBJECT_PREP_VERBS:
            # "admires Putin as a “strong leader”", "criticized the act as a “crazy system”":
            # any verb characterising its object with a quoted "as" phrase
            objs = [c for c in tok.children if c.i > tok.i and c.dep_ == "dobj"]
            as_ = [c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "as"]
            if tok.pos_ == "VERB" and objs and as_ and any(in_quote(t.idx) for t in as_[0].subtree):
                toks = sorted([t for c in objs + as_ for t in c.subtree], key=lambda t: t.i)
                frames.append(Frame(doc[tok.i : tok.i + 1], subject_of(tok), span_chars(toks)))
                frames[-1].quote_only = True
                continue
        if lem is None:
            continue
        if tok.pos_ == "PROPN" and not tok.is_upper:
            continue
        if tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
            continue
        subj = subject_of(tok)
        if subj is not None and in_quote(subj.idx):
            # the parser took a word of the quote for the subject: use the NP right before the cue
            subj = None
            for k in range(tok.i - 1, max(-1, tok.i - 8), -1):
                t = doc[k]
                if in_quote(t.idx) or t.is_punct and t.text not in (",",):
                    break
                if t.pos_ in ("PROPN", "NOUN", "PRON"):
                    while t.dep_ in ("compound", "flat", "amod") and t.head.i < tok.i and t.head.i > t.i:
                        t = t.head
                    subj = t
                    break
        content = None
        audience = None
        for ch in tok.children:
            if ch.dep_ in ("ccomp",) and ch.i > tok.i - 40:
                content = span_chars(list(ch.subtree))
                break
        if content is None and lem in C.CUE_OBJECT_PREP_VERBS:
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            for ch in [c for o in [tok] + objs for c in o.children]:
                if ch.dep_ == "prep" and ch.lower_ in ("of", "for"):
                    pc = next((g for g in ch.children if g.dep_ in ("pcomp", "pobj")), None)
                    if pc is not None:
                        content = span_chars(list(pc.subtree))
        if content is None and lem in ("call", "push", "press", "appeal"):
            # "called for an inquiry", "called on X to resign"
            for ch in tok.children:
                if ch.dep_ == "prep" and ch.lower_ in ("for", "on") and ch.i == tok.i + 1:
                    content = span_chars([t for t in ch.subtree if t.i != ch.i])
                    break
        if content is None and lem in C.CUE_DESCRIBE_VERBS:
            objs = [c for c in tok.children if c.i > tok.i and (c.dep_ in ("dobj", "oprd", "xcomp", "attr", "npadvmod", "dative", "ccomp") or c.dep_ == "prep" and c.lower_ == "as")]
            if any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" for c in objs) or len(objs) >= 2:
                toks = [t for c in objs for t in c.subtree]
                content = span_chars(sorted(toks, key=lambda t: t.i))
        if content is None:
            for ch in tok.children:
                if ch.dep_ == "xcomp" and ch.i > tok.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children):
                    toks = list(ch.subtree)
                    content = span_chars(toks)
                    break
        if lem in C.CUE_AUDIENCE_VERBS:
            for ch in tok.children:
                if ch.dep_ in ("dative", "dobj") and ch.i > tok.i and (ch.ent_type_ or ch.pos_ in ("PROPN", "PRON")):
                    audience = ch
                    break
        frames.append(Frame(doc[tok.i : tok.i + 1], subj, content, audience))
    return frames
