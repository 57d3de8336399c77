"""Reporting frames: a cue (reporting verb, "according to", ...), its source token, content and audience.

Method: rules over the dependency parse, in the manner of textacy's ``direct_quotations``
(``textacy/extract/triples.py``) and the Gender Gap Tracker's quote extractor (Asr et al. 2021,
PLoS ONE). Every reporting verb (:data:`components.lexicon.CUE_VERBS`) outside quotation marks gives
a frame: speaker (its ``nsubj``, inherited through ``advcl``/``xcomp``/``conj``), content (``ccomp``;
``of``-complement for "accuse"; the host clause for "according to") and audience ("told ABC News").
PolNeAR (Newell et al. 2018) defines the attribution shape: source, cue, content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from .. import lexicon as C
from ..gazetteer import capitals_place
from ..nlp import doc_ents, doc_text, token_column, token_lemmas, token_lowers
from ..text.words import verb_lemma
from .cuelex import agentless_passive, is_reliable_cue, reliable_lemmas, verb_shape
from .speakers import SpeakerIndex, clean_name, epithet_age, in_section_list, person_noun
from .tree import climb, is_root

@dataclass
class Frame:
    """A reporting frame: cue, speaker token, content char range, audience.

    ``kind`` is ``verb`` (a :data:`~components.lexicon.CUE_VERBS` verb: may attach quotations by
    proximity), ``according`` ("according to X") or ``paraphrase`` (a cue that only reports the
    content it governs: intention verbs, object-content verbs, cue nouns, "Name:" labels; it takes a
    quotation only when the quotation lies inside its content). ``rule`` names the construction
    that made a non-verb frame (``intent``, ``object``, ``noun``, ``parataxis``, ``passive``, ``label``).
    """

    cue: Span
    subject: Optional[Token]
    content: Optional[tuple[int, int]]
    audience: Optional[Span] = None
    kind: str = "verb"  # verb | according | paraphrase
    used: bool = False
    cue_text: Optional[str] = None  # normalised cue when not the surface text
    quote_only: bool = False  # a characterisation frame: never an indirect quote on its own
    rule: str = ""
    content_text: Optional[str] = None  # content without a parenthetical cue inside it ("X, she said, Y")


def cue_lemma(tok: Token) -> Optional[str]:
    """The reporting-verb lemma of ``tok`` (a :data:`components.lexicon.CUE_VERBS` entry, or a
    :data:`components.lexicon.CLAUSE_CUE_VERBS` entry with its "that"-clause: "the court held that ..."), or None.

    Falls back to the lower-cased word's verb lemma (:func:`components.text.words.verb_lemma`) for
    ALL-CAPS text, where the tagger fails.
    """
    lem = tok.lemma_.lower()
    if lem in C.CUE_VERBS:
        return lem
    if lem in C.CLAUSE_CUE_VERBS:  # "held that ...": a cue only with its "that"-clause
        return lem if any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                          for c in tok.children) else None
    lem = verb_lemma(tok.lower_)
    return lem if lem in C.CUE_VERBS else None


def _with_absolute_subject(tok: Token) -> Optional[Token]:
    """The subject of a "with" absolute clause that the parser split, for gerund cue ``tok`` hung on the main verb
    ("The talks ended, with Kenya's trade minister, Peter Kamau, insisting that ..."): the object of the main verb's
    "with" whose phrase ends right before the cue, a comma there only closing the object's appositive; None
    otherwise (an instrumental "with" and a participle clause after a comma: "weighed in with statements of
    concern, calling for ...", "filed a complaint with the board, claiming ...": the main clause's subject speaks)."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl":
        return None
    comma = tok.i > 0 and tok.doc[tok.i - 1].text == ","
    end = tok.i - 1 if comma else tok.i
    for w in tok.head.children:
        if w.dep_ == "prep" and w.lower_ == "with" and w.i < tok.i:
            obj = next((c for c in w.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            last = obj.right_edge
            while last.is_punct and last.i > obj.i:
                last = last.doc[last.i - 1]
            closes_appositive = any(c.dep_ == "appos" and c.right_edge.i == end - 1 for c in obj.children)
            if last.i == end - 1 and (not comma or closes_appositive):
                return obj
    return None


def subject_of(tok: Token, depth: int = 0) -> Optional[Token]:
    """The speaker token of cue ``tok``: ``nsubj`` (when the parser gave it two, a later one right before
    the verb after a comma: ", local authorities said"), a passive ``agent``, the noun a relative clause
    modifies ("Smith, who said ..."), the subject a raising predicate lends its infinitive ("X is understood to have
    told ...": :func:`_raised_subject`), or the subject of the verb an ``advcl``/``xcomp``/``conj`` hangs on."""
    subjects = [ch for ch in tok.children if ch.dep_ == "nsubj"]
    if subjects:
        # two subjects are a parse error ("Rains killed 40 people, local authorities said": "Rains" hung
        # on "said" too): the one right before the verb after a comma
        ch = next((c for c in subjects[1:] if c.right_edge.i == tok.i - 1 and not c.right_edge.is_punct and c.left_edge.i > 0
                   and tok.doc[c.left_edge.i - 1].text == "," and c.ent_type_ not in ("GPE", "LOC", "FAC")),
                  subjects[0])  # (not an appositive: "X, the envoy, said"; not a place's area: "in Rockville, Maryland admitted")
        if ch.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            return relative_antecedent(ch, tok)
        return ch
    if tok.lemma_.lower() in C.QUOTING_VERBS:
        # "X was quoted (by the agency) as saying ...": the passive subject of "quote" is the speaker, the agent
        # only the one who quotes
        for ch in tok.children:
            if ch.dep_ == "nsubjpass":
                return ch
    for ch in tok.children:
        if ch.dep_ == "agent":
            for g in ch.children:
                if g.dep_ == "pobj":
                    return g
    if depth < 3 and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ == "as" and not is_root(tok.head):
        host = tok.head.head
        quoted = next((c for c in host.children if c.dep_ in ("dobj", "obj")), None)
        if quoted is not None and host.lemma_.lower() in C.QUOTING_VERBS:
            return quoted  # "IRNA quoted the minister as saying ...": the one quoted speaks
        return subject_of(host, depth + 1)
    gerund_clause = tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and any(c.dep_ == "ccomp" for c in tok.children)
    if depth < 3 and gerund_clause and tok.head.head.pos_ in ("VERB", "AUX"):
        # a gerund cue with a clause under a preposition of the main clause ("responded by saying
        # ...", "After saying ..., she was taken ...", "despite admitting that ..."): the main
        # clause's subject, active or passive, is the speaker
        host = tok.head.head
        passive = next((c for c in host.children if c.dep_ == "nsubjpass"), None)
        return subject_of(host, depth + 1) or passive
    if depth < 3 and gerund_clause and tok.head.head.pos_ == "PROPN" and tok.head.head.dep_ in ("nsubj", "nsubjpass"):
        return tok.head.head  # the preposition hung on the subject: "Tom Ruiz, despite admitting ..."
    if depth < 3 and tok.dep_ == "xcomp" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in C.PERCEPTION_VERBS:
        perceived = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        if perceived is not None:
            return perceived  # "he can be heard saying", "X was recorded telling aides": the one heard speaks
    if depth < 3 and reporter_conjunct(tok):  # "X said the border would stay closed and warned that ...": X
        return subject_of(tok.head.head, depth + 1)
    absolute = _with_absolute_subject(tok)
    if absolute is not None:
        return absolute
    raised = _raised_subject(tok)
    if raised is not None:
        return raised
    if depth < 3 and tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and not is_root(tok):
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # a passive with a subject of its own ("..., while X is reported to have told ..."): its
            # reporter is unnamed, not the subject of the clause it hangs on
        subj = subject_of(tok.head, depth + 1)
        if subj is None and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in C.QUESTIONING_VERBS:
            # "X was asked about the fees, saying that ...", "would not be drawn on the talks, saying only that ...":
            # the one questioned answers (``questioning_verbs``; not "a man was infected ..., suggesting that ...")
            subj = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        return subj
    if depth == 0 and tok.lemma_.lower() not in C.CUE_AUDIENCE_VERBS:
        # inverted "..., added Novak." that the parser took for an object (never "told AFP": the addressee)
        for ch in tok.rights:
            if ch.dep_ in ("dobj", "attr", "npadvmod", "oprd") and ch.pos_ == "PROPN" and ch.i - tok.i <= 4:
                return ch
    return None


def _raised_subject(tok: Token) -> Optional[Token]:
    """The subject a raising predicate lends its "to"-infinitive cue ``tok`` (``raising_predicates``): the passive
    subject of "X is understood / said / believed to have told ...", "X is expected / set to tell ...", or the
    subject of the copula of "X is due / likely to announce ..."; None for any other cue or a subject that cannot
    speak ("the virus was reported to have been found": :func:`plausible_source`)."""
    head = tok.head
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            or head.lemma_.lower() not in C.RAISING_PREDICATES:
        return None
    if head.pos_ == "VERB":
        subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    elif head.dep_ == "acomp":
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    else:
        return None
    return subj if plausible_source(subj) else None


def reporter_conjunct(tok: Token) -> bool:
    """True when reporting verb ``tok`` is a conjunct the parser hung on the reported clause of another
    reporting verb, though it is the reporter's own: it has no subject, and the reported clause's subject
    cannot speak ("X said the bridge would reopen but did not say whether ...", "... said the border would
    stay closed and warned that ..."; not "said protesters gathered and shouted that ...", where the
    protesters shout), or it cannot share the reported clause's auxiliary (:func:`_cannot_share_auxiliary`).
    Its source is the outer verb's, and the outer content ends before it."""
    clause = tok.head
    if tok.dep_ != "conj" or tok.i < clause.i or clause.dep_ != "ccomp" or cue_lemma(tok) is None or cue_lemma(clause.head) is None:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    clause_subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return clause_subject is not None and not plausible_source(clause_subject) or _cannot_share_auxiliary(tok, clause)


# forms of a verb under a modal or "do" (VB) or a progressive "be" (VBG), and the finite forms that cannot
# share those auxiliaries
_AUXILIARY_FORMS = frozenset({"VB", "VBG"})
_FINITE_FORMS = frozenset({"VBD", "VBZ", "VBP"})


def _cannot_share_auxiliary(tok: Token, clause: Token) -> bool:
    """True when conjunct ``tok`` is finite (past or present, no auxiliary of its own) while ``clause``, the
    verb it is hung on, stands under an auxiliary it would have to share: a modal or "do" (VB: "said he
    would order a review and warned against ...", "said she did not want to run and predicted ...") or a
    progressive "be" (VBG: "announced he was leaving and vowed ..."). A coordination of two such verb
    forms is no coordination of one clause; the finite verb agrees with the outer reporting verb's form.
    Perfect "have" is left out: the tagger cannot tell a regular past participle from a past tense."""
    if tok.tag_ not in _FINITE_FORMS or tok.tag_ != clause.head.tag_ or clause.tag_ not in _AUXILIARY_FORMS:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lemma_ in ("do", "be")) for c in clause.children)


def _names_a_person(tok: Token) -> bool:
    """True when ``tok`` heads a person's mention: a PERSON entity, or a noun for a person or a title
    ("head", "spokeswoman"; :func:`.speakers.person_noun`)."""
    return tok.ent_type_ == "PERSON" or person_noun(tok)


# links inside one person's mention up the tree: a role's name ("the head, NAME"), the body of a role ("the head
# of the union"), a name's compounds, the object of the preposition or agent that holds it ("called by NAME")
_ROLE_PHRASE_LINKS = frozenset({"appos", "pobj", "prep", "compound", "poss"})


def relative_antecedent(pron: Token, clause: Token) -> Token:
    """The noun relative pronoun ``pron`` of relative clause ``clause`` refers to: the noun the clause
    modifies, except that "who" (which refers to people) hung by the parser on a noun that names no person
    ("a strike called by Mirela Dobre, the head of the union, who said ...": on "strike") refers to the
    person named by the phrase that ends right before it (before its comma): of the nouns up the tree from
    that phrase's last word through the links of one mention (:data:`_ROLE_PHRASE_LINKS`, never a
    coordination) whose subtrees end there, the highest that names a person (:func:`_names_a_person`;
    "Dobre" over "head" over "union"). The modified noun when there is none or when it is a proper noun."""
    head = clause.head
    if pron.lower_ != "who" or head.pos_ == "PROPN" or _names_a_person(head):
        return head
    doc, k = pron.doc, pron.i - 1
    if k > 0 and doc[k].text == ",":
        k -= 1
    clause_end = clause.right_edge.i

    def end_of(node: Token) -> int:  # the last word of the node's phrase, the relative clause left out
        return max((x.i for x in node.subtree if not pron.i - 1 <= x.i <= clause_end), default=node.i)

    t, best = doc[k], None
    while True:
        if _names_a_person(t):
            best = t
        if t.head.i == t.i or end_of(t.head) != k or t.dep_ not in _ROLE_PHRASE_LINKS:
            break  # (never across a coordination: "X, and his wife, Laura, who" is Laura's)
        t = t.head
    return best if best is not None else head


def relative_pronoun(tok: Token, depth: int = 0) -> Optional[Token]:
    """The relative pronoun ("who", "which", "that") that is the subject of cue ``tok`` inside a
    relative clause ("Smith, who said ..."; "the agency, which had to deny ..."), or None.

    :func:`subject_of` resolves such a cue to the modified noun (the speaker); this gives the word
    that mentions the speaker at the cue, which corpora such as PolNeAR mark as the source. It climbs
    the same ``xcomp``/``advcl``/``conj`` chain as :func:`subject_of` (at most 3 steps).
    """
    for ch in tok.children:
        if ch.dep_ == "nsubj":
            return ch if ch.lower_ in ("who", "that", "which") and tok.dep_ == "relcl" else None
    if depth < 3 and tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and not is_root(tok):
        return relative_pronoun(tok.head, depth + 1)
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
    a leading complementiser ("that", "whether", "if") and a trailing coordinator; quotation marks are kept. None
    when empty."""
    toks = [t for t in toks if not (t.is_punct and t.text not in "\"“”‘’'")]
    while toks and (toks[0].is_punct or toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct and toks[-1].text not in "\"“”’'" or toks[-1].dep_ == "cc"):
        toks = toks[:-1]  # edge punctuation, or a coordinator the parser left at the end ("released but")
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _that_clause(tok: Token) -> Optional[Token]:
    """The clause child of noun ``tok`` that opens with "that" right after it ("the claim that ..."), or after its
    source's by/from phrase ("the claim by X that ...", "a warning from the agency that ..."), or None."""
    opens = {tok.i + 1} | {ch.right_edge.i + 1 for ch in tok.rights if ch.dep_ == "prep" and ch.lower_ in ("by", "from")}
    for ch in tok.rights:
        if ch.dep_ in ("acl", "ccomp", "relcl", "appos") and ch.pos_ in ("VERB", "AUX"):
            first = ch.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and first.i in opens:
                return ch
    return None


def _to_infinitive(tok: Token) -> Optional[Token]:
    """The ``to``-infinitive complement of ``tok`` after it ("wants to win", "a pledge to cut"), or None."""
    for ch in tok.rights:
        if ch.dep_ in ("xcomp", "acl", "ccomp") and ch.pos_ in ("VERB", "AUX") and any(g.dep_ == "aux" and g.lower_ == "to" and g.i < ch.i for g in ch.children):
            return ch
    return None


def _noun_source(tok: Token) -> Optional[Token]:
    """Source of cue noun ``tok``: its possessor ("Trump's claim") or a ``by``/``from`` object."""
    for ch in tok.children:
        if ch.dep_ == "poss":
            return ch
    for ch in tok.rights:
        if ch.dep_ == "prep" and ch.lower_ in ("by", "from"):
            pobj = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _noun_frame(tok: Token, in_quote) -> Optional["Frame"]:
    """A cue-noun frame: "X's claim that ...", "a pledge by X to ...", or None."""
    if tok.lemma_.lower() not in C.CUE_NOUNS and tok.lower_ not in C.CUE_NOUNS:
        return None
    body = _that_clause(tok) or _to_infinitive(tok)
    src = _noun_source(tok)
    if body is None or src is None:
        return None
    content = span_chars(list(body.subtree))
    doc = tok.doc
    return Frame(doc[tok.i : tok.i + 1], src, content, kind="paraphrase", rule="noun")


def known_source_word(tok: Token) -> bool:
    """A single capitalised word that names a source without being tagged as one: a document noun
    ("Poll") or the last word of a PERSON entity elsewhere in the article ("Sanders")."""
    if not tok.text[:1].isupper():
        return False
    if tok.lemma_.lower() in C.DOCUMENT_HEAD_NOUNS:
        return True
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text for e in doc_ents(tok.doc))


def _names_a_source(name: list[Token]) -> bool:
    """Whether the words of a line's label before its colon can name a source: at most four tokens, a PERSON or
    ORG entity (not a storm: "Storm Elin"), or one word the article knows as a source (:func:`known_source_word`)."""
    if not name or len(name) > 4 or name[0].lower_ in C.STORM_WORDS:
        return False
    entity = name[-1].ent_type_ in ("PERSON", "ORG") and name[0].ent_iob_ == "B" and all(t.ent_type_ == name[-1].ent_type_ for t in name)
    return entity or len(name) == 1 and known_source_word(name[0])


def _label_frame(tok: Token, in_quote) -> Optional["Frame"]:
    """A "Name: statement" line (headline style): ``tok`` is the colon after a name opening its line.

    The name (at most four tokens) must be a PERSON or ORG entity, or the surname of a person the
    article names elsewhere ("Sanders: ..." after "Bernie Sanders"), or a document noun ("Poll:
    ..."); a toponym dateline is not a source, and nor is a label in a list of section labels
    (:func:`.speakers.in_section_list`). The content runs to the end of the line.
    """
    doc = tok.doc
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[start - 1].text:
        start -= 1
    name = [t for t in doc[start : tok.i] if not t.is_space]
    if not _names_a_source(name) or in_section_list(doc, doc[start].idx, _names_a_source) \
            or capitals_place(" ".join(t.text for t in name)):
        return None  # (a colon dateline: "DHAKA: The government on Sunday ...")
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end - 1].whitespace_:
        end += 1
    body = [t for t in doc[tok.i + 1 : end] if not t.is_space]
    if len(body) < 3:
        return None
    return Frame(doc[tok.i : tok.i + 1], name[-1], span_chars(body), kind="paraphrase", rule="label")


def _disclosure_frame(tok: Token, in_quote) -> Optional["Frame"]:
    """Family: a causative verb making a that-clause known ("X made clear that ...", "X made it known that ...", "X
    let it be known that ..."; ``disclosure_verbs``, ``disclosure_predicates``): the verb's subject reports the clause,
    wherever the parser hung it (under the predicate, as its clause, subject or adverbial clause, or under the verb).
    The cue is the words from the verb to the predicate."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in C.DISCLOSURE_VERBS:
        return None
    pred = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "dobj")
                 and c.lower_ in C.DISCLOSURE_PREDICATES and c.i > tok.i), None)
    if pred is None:
        return None
    body = next((c for h in (pred, tok) for c in h.children if c.i > pred.i and c.dep_ in ("ccomp", "csubj", "advcl")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    subj = subject_of(tok)
    if body is None or subj is None or in_quote(subj.idx):
        return None
    return Frame(tok.doc[tok.i : pred.i + 1], subj, span_chars(list(body.subtree)), kind="paraphrase", rule="object")


def _paraphrase_frame(tok: Token, in_quote) -> Optional["Frame"]:
    """A frame of an intention verb ("wants to ...") or an object-content verb ("cited the remarks")
    that is not a :data:`~components.lexicon.CUE_VERBS` verb, or None."""
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") \
            and not misread_finite(tok):
        return None
    lem = tok.lemma_.lower()
    if lem not in C.CUE_INTENT_VERBS and lem not in C.CUE_OBJECT_CONTENT_VERBS:
        return None
    subj = subject_of(tok)
    if subj is None or in_quote(subj.idx):
        return None
    doc = tok.doc
    if lem in C.CUE_INTENT_VERBS:
        inf = _to_infinitive(tok)
        if inf is not None:
            return Frame(doc[tok.i : tok.i + 1], subj, span_chars(list(inf.subtree)), kind="paraphrase", rule="intent")
    if lem in C.CUE_OBJECT_CONTENT_VERBS:
        obj = _object_content(tok)
        if obj is not None:
            return Frame(doc[tok.i : tok.i + 1], subj, obj, kind="paraphrase", rule="object")
    return None


# what sets off a non-restrictive relative clause from its noun ("the plan, which ...", "the envoy -- who ...")
_CLAUSE_SETTERS = frozenset({",", "--", "—", "–"})


def nominal_tokens(head: Token) -> list[Token]:
    """The tokens of noun phrase ``head``'s subtree without a relative clause set off by a comma or a dash
    ("cited the report, which ..." -> "the report"; "praised the envoy who ..." keeps its restrictive clause).

    A nominal content is what the source named, not the writer's aside about it: on polnear-train, an
    object or prepositional object followed by a comma and a relative clause ends before it in 51 of 73
    gold contents that start at the noun phrase (appositives and participles: 52 of 129 and 12 of 28, so
    those stay). The clause stays when something of the phrase follows it (the content's range is
    contiguous).

    Returns:
        list[Token]: in document order.
    """
    doc, cut = head.doc, set()
    for ch in head.children:
        le = ch.left_edge.i
        if ch.dep_ == "relcl" and ch.i > head.i and le > head.i and doc[le - 1].text in _CLAUSE_SETTERS:
            cut.update(range(le - 1, ch.right_edge.i + 1))
    return [t for t in head.subtree if t.i not in cut]


def _object_content(tok: Token) -> Optional[tuple[int, int]]:
    """Character range of the direct object of ``tok`` (with a following "as"/"for" phrase; without a
    relative clause set off by a comma, :func:`nominal_tokens`), or None."""
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    if not objs or objs[0].pos_ == "PRON" and len(list(objs[0].subtree)) == 1:
        return None
    extra = [c for c in tok.children if c.i > objs[0].i and c.dep_ == "prep" and c.lower_ in ("as", "for")]
    toks = sorted([t for c in objs for t in nominal_tokens(c)] + [t for c in extra for t in c.subtree],
                  key=lambda t: t.i)
    return span_chars(toks)


def _parataxis_content(tok: Token, in_quote) -> Optional[tuple[tuple[int, int], str]]:
    """Content of a parenthetical cue: "The museum, Mr. Obama said, would ..." (cue in ``parataxis``
    under the host clause) or "..., he said" with the host clause a ``parataxis`` child before the
    cue. None when the host touches a quotation (those quotes are linked by proximity).

    Returns:
        ((start, end), text): the host clause's character range (it may enclose the parenthetical
        "Mr. Obama said") and its text without the parenthetical, words joined by their spacing.
    """
    if tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX") and not is_root(tok):
        cut = {t.i for t in tok.subtree}
        toks = [t for t in tok.head.subtree if t.i not in cut]
    else:
        host = next((c for c in tok.children if c.dep_ == "parataxis" and c.i < tok.i and c.pos_ in ("VERB", "AUX")), None)
        if host is None:
            return None
        toks = list(host.subtree)
    return _host_clause(toks, in_quote)


def _host_clause(toks: list[Token], in_quote) -> Optional[tuple[tuple[int, int], str]]:
    """((start, end), text) of a host clause's tokens ``toks`` with a parenthetical cut out: its character
    range (which may enclose the cut) and its words joined by their spacing, without the commas or dashes
    on the cut's edges. None when a token lies in a quotation (those quotes are linked by proximity)."""
    if not toks or any(in_quote(t.idx) for t in toks):
        return None
    rng = span_chars(toks)
    if rng is None:
        return None
    kept = [t for t in toks if rng[0] <= t.idx < rng[1]]
    # a comma or dash on the edge of the cut-out parenthetical goes with it ("The bridge, ... was")
    kept = [t for k, t in enumerate(kept) if not (t.is_punct and t.text in ",;—–-" and (
        k + 1 < len(kept) and kept[k + 1].i != t.i + 1 or k > 0 and kept[k - 1].i != t.i - 1))]
    while kept and kept[-1].is_punct:
        kept = kept[:-1]
    words = "".join(t.text + (t.whitespace_ if i + 1 < len(kept) and kept[i + 1].i == t.i + 1 else " ") for i, t in enumerate(kept))
    words = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", words)).strip(" ,")
    return rng, words


def _appositive_source(tok: Token, comp: Token) -> Optional[tuple[Token, tuple[int, int]]]:
    """"... in the village of Bilozerka, the regional governor, Oleksandr Prokudin, said." The
    parser hung the source on the content's last noun as an appositive and left the cue without a
    subject. Returns the source (the named person of the appositive chain, else its head noun) and
    the content before the comma that opens it; None unless the chain ends right before the cue."""
    doc = tok.doc
    k = tok.i - 1
    while k > comp.i and doc[k].is_punct:
        k -= 1
    node = doc[k]
    while node.dep_ in ("compound", "flat", "amod", "det", "poss", "case") and node.head.i > node.i:
        node = node.head  # "Oleksandr" -> "Prokudin"
    chain = []
    while node.dep_ == "appos" and not is_root(node) and len(chain) < len(doc):
        chain.append(node)
        node = node.head
        if node.dep_ != "appos":
            break
    if not chain:
        return None
    top = chain[-1]  # the appositive attached to the content
    if top.left_edge.i == 0 or doc[top.left_edge.i - 1].text != "," or not any(t.i == top.head.i for t in comp.subtree):
        return None
    if top.pos_ not in ("NOUN", "PROPN"):
        return None
    person = next((c for c in chain if c.ent_type_ == "PERSON"), None)
    toks = [t for t in comp.subtree if t.i < top.left_edge.i - 1]
    if len(toks) < 3:
        return None
    return (person or top), span_chars(toks)


def _statement_clause(tok: Token) -> Optional[tuple[int, int]]:
    """"The ministry said in a statement that 18 ... were children": the that-clause the parser
    hung on the statement noun is the content. None when there is none."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i or prep.lower_ not in ("in", "on"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.lemma_.lower() not in C.STATEMENT_NOUNS:
                continue
            for cl in pobj.children:
                if cl.dep_ in ("acl", "relcl", "ccomp") and cl.left_edge.lower_ == "that" and cl.i > pobj.i:
                    toks = [t for t in cl.subtree if t.i > cl.left_edge.i]
                    return span_chars(toks) if len(toks) >= 3 else None
    return None


# at most this many words between a comma and a sentence-final cue read as its subject when the parser
# gave the cue none (", the provincial governor's office said.")
LATE_SUBJECT_WORDS = 6


def _phrase_before_cue(tok: Token) -> Optional[Span]:
    """The noun phrase between the last comma of cue ``tok``'s sentence and the cue (", its director Ana
    Ruiz said"): at most :data:`LATE_SUBJECT_WORDS` words, no verb, not opening with a preposition; None
    otherwise."""
    doc = tok.doc
    comma = next((t.i for t in reversed(doc[tok.sent.start : tok.i]) if t.text == ","), None)
    phrase = doc[comma + 1 : tok.i] if comma is not None else None
    if not phrase or len(phrase) > LATE_SUBJECT_WORDS or phrase[0].pos_ == "ADP" or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None  # a verb, or a prepositional phrase (", at the same time maintaining"): no source
    return phrase


def _hedge_length(doc: Doc, end: int) -> int:
    """The number of words of a hedge ending right before token index ``end`` and opening a post-posed cue after a
    comma: 2 for "or so", 1 for "so" (", or so the ministry says", ", so she claims"), else 0."""
    if end >= 1 and doc[end - 1].lower_ == "so":
        return 2 if end >= 2 and doc[end - 2].lower_ == "or" else 1
    return 0


def _late_subject(tok: Token) -> Optional[tuple[Token, tuple[int, int]]]:
    """For a cue parsed as a conjunct of an earlier clause: its subject right before it after a
    comma (", regional governor Oleh Syniehubov said"), and the character range of what precedes
    that comma in the sentence. None unless the sentence has that shape and the subject is a name
    or a noun phrase (not a pronoun standing for something in the clause)."""
    doc = tok.doc
    subs = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
    if subs:
        sub = max(subs, key=lambda c: c.i)
        left = sub.left_edge
    else:  # the subject hung elsewhere too (", including 30 in A, the governor's office said")
        phrase = _phrase_before_cue(tok)
        if phrase is None:
            return None
        sub, left = phrase[-1], phrase[0]
    comma = left.i - 1 - _hedge_length(doc, left.i)  # (", or so the ministry says")
    if sub.right_edge.i != tok.i - 1 or comma < 1 or doc[comma].text != "," or sub.pos_ not in ("PROPN", "NOUN"):
        return None
    toks = [t for t in tok.sent if t.i < comma]
    if len(toks) < 3:
        return None
    return sub, span_chars(toks)


def _name_of_role(role: Token, comma: int) -> Optional[Span]:
    """The person's name set off by commas right after a role noun phrase ending at ``comma`` ("the regional
    governor, Pavel Drozd, ...", "her chief of staff, Marta Ferri, ..."): the role a title word
    (``title_words``) whose phrase ends right before the comma (the
    parser may hang the name on it as an appositive), and a
    PERSON entity from the token after the comma up to another comma, with more of the sentence after it;
    None otherwise (a proper-noun source, a document noun: "according to Brown's account, Brown, Farrin
    and ... were"; or no such name)."""
    doc = role.doc
    appos = {t.i for c in role.children if c.dep_ == "appos" for t in c.subtree}  # the name may hang on the role
    end = max(t.i for t in role.subtree if t.i not in appos and t.i < comma)
    if role.pos_ != "NOUN" or role.lower_ not in C.TITLE_WORDS or end + 1 != comma or comma + 1 >= role.sent.end:
        return None  # (the role's phrase may run on to the comma: "the chief of staff, NAME,")
    ent = next((e for e in role.sent.ents if e.start == comma + 1 and e.label_ == "PERSON"), None)
    if ent is None or ent.end >= role.sent.end or doc[ent.end].text not in (",", ".") or doc[ent.end].text == "," and ent.end + 1 >= role.sent.end:
        return None  # (a name closing the sentence: "..., according to the governor, Pavel Drozd.")
    return ent


def _per_frame(tok: Token) -> Optional[Frame]:
    """Family "..., per X" / "Per X, ...": ``tok`` is "per" opening its sentence or after a comma or dash, never "as
    per", its object a name or a noun for a body, official, source or document ("per the Tulsa Airports Trust", "per
    officials"; not "$5 per person"): read as "according to X" (:func:`_according_frame`)."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is not None and prev.text not in (",", "—", "–", "--") or tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or not (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "PERSON", "NORP") or pobj.lemma_.lower() in
                            C.ORG_HEAD_NOUNS | C.DOCUMENT_HEAD_NOUNS | C.GROUP_HEAD_NOUNS):
        return None
    return _according_frame(tok, tok)


def _according_frame(tok: Token, to: Optional[Token] = None) -> Optional[Frame]:
    """Family "according to X": ``tok`` is "according" before "to" (or ``to``, the preposition that names the
    source, given: "per", :func:`_per_frame`). The source is the object of
    "to"; the content is the host clause without the attribution phrase ("The first convoy, according
    to X, will leave on Sunday": its words on both sides, as ``content_text``), or only what precedes
    it when three or more words with a verb do ("X were killed ..., according to the ministry, as
    rescuers dug ...": a clause after it is the reporter's). None without a source noun."""
    doc = tok.doc
    to = to if to is not None else doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        # "according to show insiders" misparsed as a verb phrase: its last noun is the source
        pobj = next((t for t in reversed(list(to.subtree)) if t.pos_ in ("NOUN", "PROPN") and t.i > to.i), None)
    if pobj is None:
        return None
    host = climb(tok.head, lambda h: h.dep_ not in ("ROOT", "ccomp", "conj") and h.pos_ not in ("VERB", "AUX"))
    # the source phrase: "to" and the source noun phrase, not a clause the parser hung on it
    # after a comma ("According to X, the move reeks ..." parsed as an appositive of X)
    comma = next((t.i for t in doc[pobj.i : pobj.sent.end] if t.text == ","), pobj.sent.end)
    src = {t.i for t in to.subtree if t.i < comma}
    name = _name_of_role(pobj, comma)
    if name is not None:  # "According to the regional governor, Pavel Drozd, 14 people ...": the governor is Drozd
        pobj, src = name.root, src | set(range(comma, name.end + 1))
    skip = {t.i for t in tok.subtree if t.i < comma or t.i > to.right_edge.i} | {tok.i, to.i} | src
    pool = host.subtree if host.pos_ in ("VERB", "AUX") else tok.sent
    toks = [t for t in pool if t.i not in skip]
    before = [t for t in toks if t.i < tok.i]
    if len(before) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in before):
        toks = before
    words = None
    if before and toks[-1].i > tok.i:  # "The first convoy, according to X, will leave on Sunday": both sides
        after = [t for t in toks if t.i > tok.i]
        while before and before[-1].is_punct:
            before = before[:-1]
        while after and after[0].is_punct:
            after = after[1:]
        words = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(t.text for t in before + after if not t.is_space)).strip(" ,.")
    return Frame(doc[tok.i : to.i + 1], pobj, span_chars(toks), kind="according", cue_text="according to" if to is not tok
                 else tok.lower_, content_text=words)


def _opening_in_frame(tok: Token, in_quote) -> Optional[Frame]:
    """Family: a poll or survey named in a sentence-opening "In ..., " phrase as the source of the sentence
    ("In a poll released on Monday, the senator leads by six points"; "In one of the first polls, ...").
    ``tok`` is "in" opening its sentence; its object's head (through "one of") must be an entry of
    :data:`~components.lexicon.OPENING_IN_SOURCES` (learned on polnear-train). The content is the rest of
    the sentence after the comma closing the phrase, three words or more, holding no quotation. Cue "in",
    kind ``according`` (the decider reads it as "according to")."""
    doc = tok.doc
    opens = tok.is_sent_start or tok.i > 0 and doc[tok.i - 1].is_sent_start and (doc[tok.i - 1].is_space or doc[tok.i - 1].is_punct)
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None) if opens and tok.dep_ == "prep" else None
    if pobj is None:
        return None
    if pobj.lemma_.lower() in C.PARTITIVE_HEADS:  # "In one of the first polls"
        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.lemma_.lower() not in C.OPENING_IN_SOURCES:
        return None
    sent = tok.sent
    comma = doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < sent.end else None
    if comma is None or comma.text != ",":
        return None  # the phrase must end in the comma (its own clauses included: "In a poll, conducted ..., ")
    rest = [t for t in doc[comma.i + 1 : sent.end] if not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if len(rest) < 3 or any(in_quote(t.idx) or t.text in _QUOTE_CHARS for t in rest):
        return None
    return Frame(doc[tok.i : tok.i + 1], pobj, span_chars(rest), kind="according", cue_text=tok.text)


def _words_of_source(tok: Token) -> Optional[tuple[int, Token]]:
    """The first token and the source of a phrase that credits a sentence to someone without a reporting
    verb, when ``tok`` heads one: "in the words of X", "in X's words" (``tok`` "in"), "as X put it" (``tok``
    the verb "put") and "to quote X" (``tok`` "quote"); None otherwise."""
    if tok.lower_ == "in":
        words = next((c for c in tok.children if c.dep_ == "pobj" and c.lower_ in ("words", "word")), None)
        if words is None:
            return None
        owner = next((c for c in words.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = owner or next((c for c in (of.children if of is not None else ()) if c.dep_ == "pobj"), None)
        return (tok.i, owner) if owner is not None else None
    if tok.lemma_.lower() == "put":
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON" or c.dep_ == "nsubj" and c.lower_ in C.PERSON_PRONOUNS), None)
        if mark is not None and subj is not None and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
            return mark.i, subj
        return None
    if tok.lower_ == "quote" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        return (tok.i - 1, obj) if obj is not None and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "to" else None
    return None


def _words_of_frame(tok: Token, in_quote) -> Optional[Frame]:
    """Family "in the words of X", "in X's words", "as X put it", "to quote X" (:func:`_words_of_source`): the
    phrase, set off by a comma, credits the rest of its sentence to X as "according to X" does. The phrase runs
    to its comma (past a name after a role: "in the words of the fire chief, NAME,"); the content is the
    sentence after it when it opens the sentence, before it when it closes it ("..., as the coach put it."),
    both sides when it stands inside ("The storm, in her words, came from nowhere"). Cue the phrase's words up
    to the source, kind ``according``. None without a comma setting the phrase off or three content words."""
    found = _words_of_source(tok)
    if found is None or in_quote(tok.idx):
        return None
    first, src = found
    owner = src
    doc, sent = tok.doc, tok.sent
    # the phrase ends at the first comma after the source's own words ("as X put it": after "put"), or the
    # sentence's end
    aside = {t.i for c in src.children if c.dep_ in ("appos", "relcl", "punct", "conj") for t in c.subtree}
    src_end = tok.i if tok.lemma_.lower() == "put" else max(t.i for t in src.subtree if t.i not in aside)
    stop = next((t.i for t in doc[src_end + 1 : sent.end] if t.text == ","), None)
    if stop is not None and src.pos_ == "NOUN":
        # a name set off after the role ("the fire chief, NAME, ..."): the person of the role
        name = next((e for e in sent.ents if e.start == stop + 1 and e.label_ in ("PERSON", "PRODUCT", "ORG")
                     and all(t.pos_ == "PROPN" for t in e)), None)
        if name is not None and name.end < sent.end and doc[name.end].text == ",":
            src, stop = name.root, name.end
    opens = all(t.is_punct or t.is_space for t in doc[sent.start : first])  # (a quotation mark may open the sentence)
    before = [t for t in doc[sent.start : first] if not t.is_space]
    after = [t for t in doc[stop + 1 : sent.end] if not t.is_space] if stop is not None and doc[stop].text == "," else []
    if opens and stop is None:
        return None
    while before and before[-1].is_punct:
        before.pop()
    while after and after[-1].is_punct and not in_quote(after[-1].idx):
        after.pop()
    toks = after if opens else before + after if after else before
    if sum(1 for t in toks if t.is_alpha) < 3:
        return None
    text = None
    if before and after and not opens:
        text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(t.text for t in before + after)).strip(" ,.")
    if tok.lower_ == "in":  # "in the words of", or "words" of "in X's words"
        of_phrase = doc[first:owner.left_edge.i] if owner.i > first and doc[owner.left_edge.i - 1].lower_ == "of" else None
        cue = of_phrase if of_phrase is not None else next(c for c in tok.children if c.dep_ == "pobj")
    else:
        cue = doc[first:tok.i + 1] if tok.lower_ == "quote" else tok  # "to quote"; "put" of "as X put it"
    cue = cue if isinstance(cue, Span) else doc[cue.i:cue.i + 1]
    return Frame(cue, src, span_chars(toks), kind="according", cue_text=cue.text.lower(), content_text=text)


def _characterisation_frame(tok: Token, lem: Optional[str], in_quote) -> Optional[Frame]:
    """Family: a verb characterising its object with a quoted "as" phrase ("admires Putin as a
    “strong leader”", "criticized the act as a “crazy system”"): a quote-only frame, or None."""
    if lem is not None and lem not in C.CUE_OBJECT_PREP_VERBS or tok.pos_ != "VERB":
        return None
    objs = [c for c in tok.children if c.i > tok.i and c.dep_ == "dobj"]
    if not objs and any(c.dep_ == "agent" for c in tok.children):
        # the passive, its agent the source: "The plan was dismissed as “reckless” by the opposition leader"
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    as_ = [c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "as"]
    if objs and as_ and any(in_quote(t.idx) for t in as_[0].subtree):
        toks = sorted([t for c in objs + as_ for t in c.subtree], key=lambda t: t.i)
        return Frame(tok.doc[tok.i : tok.i + 1], subject_of(tok), span_chars(toks), quote_only=True)
    return None


def _noun_before_cue(tok: Token, in_quote) -> Optional[Token]:
    """The head of the noun phrase right before cue ``tok`` (at most 7 tokens back, not crossing a
    quotation or punctuation other than a comma), or None."""
    doc = tok.doc
    for k in range(tok.i - 1, max(-1, tok.i - 8), -1):
        t = doc[k]
        if in_quote(t.idx) or t.is_punct and t.text not in (",",):
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            while t.dep_ in ("compound", "flat", "amod") and t.head.i < tok.i and t.head.i > t.i:
                t = t.head
            return t
    return None


def _outer_subject(tok: Token, in_quote) -> Optional[Token]:
    """The subject of the reporting clause around a quotation that cue ``tok`` was hung on: after
    an interrupted quotation ('"X," Melo said, "and Y," adding that Z') the parser attaches the
    participle to a verb of the quotation; the first verb above it outside quotation marks
    ("said") gives the speaker. None when there is no such verb or its subject is quoted too."""
    host = tok.head
    if host.i == tok.i or not in_quote(host.idx):
        return None
    while host.head.i != host.i and in_quote(host.idx):
        host = host.head
    if in_quote(host.idx) or host.pos_ not in ("VERB", "AUX"):
        return None
    outer = subject_of(host)
    return outer if outer is not None and not in_quote(outer.idx) else None


def _verb_subject(tok: Token, in_quote) -> Optional[Token]:
    """The source token of cue verb ``tok`` (:func:`subject_of`), repaired where the parser took a
    word of a quotation for the subject (then a second subject after the cue, the inverted source
    of '"... Full panic mode," said Lee Brand, a ...', else the noun phrase right before the cue)
    or folded the subject into a preceding noun phrase ("... of the Washington Post Trump said that")."""
    doc = tok.doc
    subj = subject_of(tok)
    if subj is not None and not any(c.isalnum() for c in subj.text):
        subj = _noun_before_cue(tok, in_quote) or subj  # a dash the parser took for the subject ("― Trump boasted")
    if subj is not None and in_quote(subj.idx):
        late = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i and not in_quote(c.idx)), None)
        subj = late if late is not None else _outer_subject(tok, in_quote) or _noun_before_cue(tok, in_quote)
    if subj is None and tok.i > 0 and tok.dep_ == "ROOT" and doc[tok.i - 1].pos_ == "PROPN" and not in_quote(doc[tok.i - 1].idx):
        subj = doc[tok.i - 1]
    if subj is None and misread_finite(tok):
        # a finite cue the parser took for a reduced relative of a verbless sentence's root noun
        # ("A spokeswoman, Ana Ruiz, called the claims ..."): that noun phrase is the subject
        subj = tok.head
    if subj is None and tok.i > 0 and tok.dep_ == "ccomp" and doc[tok.i - 1].lower_ in ("and", "but", "then", "later") and cue_lemma(tok.head):
        # "X said that ... but said '...'", "X said '...', then added that ...": the second verb, coordinated,
        # taken for the first one's complement
        subj = subject_of(tok.head)
    if subj is None:
        subj = age_epithet(tok)  # "“...,” the 54-year-old said"
    shown = doc[tok.i - 1] if tok.i > 0 and tok.tag_ == "VBG" else None
    if shown is not None and shown.pos_ == "PROPN" and shown.dep_ == "pobj" and shown.head.lower_ == "of" and shown.head.head.pos_ == "NOUN":
        # a recording of a person speaking ("footage of Anna Holm asking, ...", "a video of X
        # saying"): the person shown speaks, not the clause's subject (the ad, the spot)
        subj = shown
    return subj


def misread_finite(tok: Token) -> bool:
    """Whether verb ``tok`` is a sentence's finite verb the parser took for a reduced relative of the sentence's
    root noun, the sentence left verbless: "A spokeswoman, Ana Ruiz, called the claims ..." (a past tense) or
    "The finance minister, Peter Kamau, estimated on Friday that ..." (tagged a participle: only after an appositive
    name and with no agent or passive auxiliary, which a real reduced relative has: "the minister, X, appointed by
    the president, said")."""
    head = tok.head
    if tok.dep_ != "acl" or head.i > tok.i or not is_root(head) or head.pos not in (NOUN, PROPN):
        return False
    if tok.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return tok.tag_ == "VBN" and any(c.dep_ == "appos" and c.i < tok.i for c in head.children) and not any(
        c.dep_ in ("agent", "auxpass", "nsubjpass") for c in tok.children)


def age_epithet(cue: Token) -> Optional[Token]:
    """The last word of an age used as a name right before cue ``cue`` ("the 54-year-old said", "The
    61-year-old told reporters"), which the parser hangs on the cue as a modifier: the token "old", or None.
    :meth:`.speakers.SpeakerIndex.resolve` reads it as a person named before (:func:`.speakers.epithet_age`)."""
    doc = cue.doc
    k = cue.i - 1
    if k < 0 or doc[k].lower_ != "old":
        return None
    return doc[k] if epithet_age(doc[k]) is not None else None


def _reads_as_clause(head: Token) -> bool:
    """Whether a ``ccomp`` the parser gave is a clause: headed by a verb, or with a subject, a copula or a
    complementiser ("that", "whether", "if"). A noun phrase mis-tagged as a clause ("found a
    rocket-propelled grenade launcher", its head tagged as an adverb) is not."""
    return head.pos_ in ("VERB", "AUX") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "cop", "aux", "mark") for c in head.children)


def _without_leading_adjunct(comp: Token) -> list[Token]:
    """The tokens of clause ``comp`` without a participle clause that opens it between commas ("said,
    referring to the auditors, 'They have signed ...'", "said, citing the report, that ..."): the
    parser hangs it on the reported clause, but it is the reporter's comment on the speech act."""
    toks = list(comp.subtree)
    lead = next((c for c in comp.lefts if c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == toks[0].i), None)
    if lead is None:
        return toks
    after = lead.right_edge.i + 1
    if after < comp.i and comp.doc[after].text == ",":
        return [t for t in toks if t.i > after]
    return toks


def _clause_content(tok: Token, subj: Optional[Token]) -> tuple[Optional[Token], Optional[tuple[int, int]]]:
    """Family "X said that ...": the ``ccomp`` of the cue (a "that"-clause after it first, then any
    clause after it, then one before it: "Writing for X, Y noted that Z" keeps Z); a source the
    parser hung on the content as an appositive is recovered (:func:`_appositive_source`).
    Returns (subject, content range)."""
    comps = [ch for ch in tok.children if ch.dep_ == "ccomp" and ch.i > tok.i - 40 and _reads_as_clause(ch)]
    comps.sort(key=lambda ch: (not (ch.i > tok.i and ch.left_edge.lower_ == "that"), ch.i < tok.i))
    if not comps:
        return subj, None
    toks = _without_leading_adjunct(comps[0]) if comps[0].i > tok.i else list(comps[0].subtree)
    hedge = _hedge_length(tok.doc, toks[-1].i + 1) if toks and comps[0].i < tok.i else 0
    if hedge and len(toks) > hedge + 1 and toks[-hedge - 1].text == ",":
        toks = toks[: -hedge - 1]  # "The dam is safe, or so the ministry says": the hedge is the reporter's
    own = next((c for c in comps[0].children if reporter_conjunct(c)), None)
    if own is not None:  # the reporter's own conjunct ("... but did not say whether ..."), and its "but", are not content
        cut = next((c.i for c in comps[0].children if c.dep_ == "cc" and c.i < own.i and c.i > comps[0].i), own.left_edge.i)
        toks = [t for t in toks if t.i < cut]
        while toks and toks[-1].is_punct:
            toks.pop()
    content = span_chars(toks)
    if subj is None and comps[0].i < tok.i:
        late = _appositive_source(tok, comps[0])
        if late is not None:
            return late
    return subj, content


def operational_request(cue: Token) -> bool:
    """Whether ``cue`` is an appeal verb whose "for" object is a military or emergency asset ("called for
    close air support", "called for a precision airstrike": :data:`~components.lexicon.OPERATIONAL_REQUEST_NOUNS`):
    a request made in an operation, not speech, so no attribution."""
    if cue.lemma_.lower() not in C.CUE_APPEAL_VERBS:
        return False
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return False
    words = [t.lemma_.lower() for t in obj.lefts if t.dep_ == "compound"][-1:] + [obj.lemma_.lower()]
    return obj.lemma_.lower() in C.OPERATIONAL_REQUEST_NOUNS or " ".join(words) in C.OPERATIONAL_REQUEST_NOUNS


def armed_attack(cue: Token, subject: Optional[Token]) -> bool:
    """Whether ``cue`` is an attack verb (:data:`.casualties.ATTACK_VERB_LEMMAS`) done by armed actors
    (:data:`~components.lexicon.ARMED_ACTOR_NOUNS`: "insurgents attacked the patrol", "a group of armed
    men attacked ...", the subject's lemma, an "of" phrase after it or an "armed" modifier): a physical
    attack, so no attribution ("the senator attacked the plan" is one)."""
    from .casualties import ATTACK_VERB_LEMMAS

    if subject is None or cue.lemma_.lower() not in ATTACK_VERB_LEMMAS:
        return False
    words = [subject] + [p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    # (the lemma, or the word less a plural "s": a capitalised "Insurgents" opening a release is tagged a proper noun)
    return any({w.lemma_.lower(), w.lower_.removesuffix("s")} & C.ARMED_ACTOR_NOUNS or any(c.lower_ == "armed" for c in w.children)
               for w in words)


def anonymity_request(cue: Token) -> bool:
    """Whether ``cue`` asks for anonymity: its infinitive complement is a passive of a naming verb
    ("who asked not to be named", "declined to be identified": :data:`~components.lexicon.ANONYMITY_VERBS`),
    a condition of the interview, not something reported, so no attribution."""
    comp = _to_infinitive(cue)
    if comp is None:
        return False
    if comp.lemma_.lower() in C.ANONYMITY_VERBS and any(c.dep_ == "auxpass" for c in comp.children):
        return True
    # "declined to give his name", "refused to reveal her identity": the name withheld, not a statement
    return comp.lemma_.lower() in _DISCLOSING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("name", "surname", "identity") for c in comp.children)


_DISCLOSING_VERBS = frozenset({"give", "provide", "reveal", "disclose", "share", "offer", "state"})


def _complement_content(tok: Token, lem: str) -> Optional[tuple[int, int]]:
    """Content of a cue without a clause complement: an indirect question after the addressee
    (:func:`_indirect_question`), "accused the agency of hiding ..." (the "of"/"for" complement),
    "called for an inquiry", "described it as ..." (object and predicate), or
    a "to"-infinitive ("urged them to leave"), a gerund clause right after a verb that reports propositions
    (``cue_gerund_verbs``: "denied ordering the arrests"). None when there is none."""
    content = _indirect_question(tok, lem)
    if content is None and lem in C.CUE_OBJECT_PREP_VERBS:
        objs = [c for c in tok.children if c.dep_ == "dobj" and plausible_source(c)]
        for ch in [c for o in [tok] + objs for c in o.children]:
            if ch.dep_ == "prep" and ch.lower_ in ("of", "for"):
                pc = next((g for g in ch.children if g.dep_ in ("pcomp", "pobj")), None)
                if pc is not None:
                    content = span_chars(list(pc.subtree))  # the last such complement
    if content is None and lem in C.CUE_APPEAL_VERBS:
        ch = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == tok.i + 1), None)
        if ch is not None:
            content = span_chars([t for t in ch.subtree if t.i != ch.i])
    if content is None and lem in C.CUE_DESCRIBE_VERBS:
        objs = [c for c in tok.children if c.i > tok.i and (c.dep_ in ("dobj", "oprd", "xcomp", "attr", "npadvmod", "dative", "ccomp") or c.dep_ == "prep" and c.lower_ == "as")]
        if any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" for c in objs) or len(objs) >= 2:
            content = span_chars(sorted([t for c in objs for t in c.subtree], key=lambda t: t.i))
    if content is None:
        ch = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if ch is not None:
            content = span_chars(list(ch.subtree))
    if content is None and lem in C.CUE_GERUND_VERBS:
        # a gerund clause of a verb that reports propositions ("denied ordering the arrests", "admitted signing the
        # decree", "acknowledged ignoring the warnings"): what is denied or admitted
        ch = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i == tok.i + 1 and c.tag_ == "VBG"), None)
        if ch is not None:
            content = span_chars(list(ch.subtree))
    return content


_QUESTION_OPENERS = frozenset({"whether", "if"})


def _indirect_question(tok: Token, lem: str) -> Optional[tuple[int, int]]:
    """The indirect question after the addressee of an audience verb (``cue_audience_verbs``: "asked the minister
    when the power cuts would end", "told reporters how the fire started"), which the parser may hang on the verb as
    an adverbial clause: the clause opened by a wh-word, "whether" or "if" right after the verb's object; or the
    "that"-clause the parser hung on the addressee as a relative clause (:func:`_clause_read_as_relative`). None
    otherwise (the addressee is no content)."""
    if lem not in C.CUE_AUDIENCE_VERBS:
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i), None)
    if obj is None:
        return None
    told_that = _clause_read_as_relative(obj)
    if told_that is not None:
        return told_that
    clause = next((c for c in tok.children if c.dep_ in ("advcl", "ccomp") and c.left_edge.i == obj.right_edge.i + 1), None)
    if clause is None or not (clause.left_edge.tag_ in ("WRB", "WP") or clause.left_edge.lower_ in _QUESTION_OPENERS):
        return None
    if any(c.dep_ == "ccomp" for c in clause.children):
        return None  # "told his staff when he arrived that ...": a time clause holding what was told
    return span_chars(list(clause.subtree))


def _clause_read_as_relative(obj: Token) -> Optional[tuple[int, int]]:
    """The "that"-clause an audience verb's addressee ``obj`` seems to take as a relative clause ("radioed the port
    authority that the cargo had shifted", parsed "the authority that ... had shifted"): a clause right after the
    addressee that opens with "that" and has a subject of its own, after the "that" (a relative clause whose "that"
    is the subject, "the crew that stayed", stays one). Its characters without the "that", or None."""
    rel = next((c for c in obj.children if c.dep_ == "relcl" and c.left_edge.i == obj.i + 1), None)
    if rel is None or rel.left_edge.lower_ != "that" or rel.left_edge.dep_ in ("nsubj", "nsubjpass"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > rel.left_edge.i for c in rel.children):
        return None
    return span_chars([t for t in rel.subtree if t.i != rel.left_edge.i])


def _audience(tok: Token, lem: str) -> Optional[Token]:
    """The addressee of an audience verb ("told ABC News", "told reporters"), or None."""
    if lem not in C.CUE_AUDIENCE_VERBS:
        return None
    for ch in tok.children:
        if ch.dep_ in ("dative", "dobj") and ch.i > tok.i and (
            ch.ent_type_ or ch.pos_ in ("PROPN", "PRON") or ch.pos_ == "NOUN" and (ch.lemma_.lower() in C.AUDIENCE_NOUNS or ch.lower_ in C.GROUP_HEAD_NOUNS)
        ):
            return ch
    return None


def _as_clause_content(tok: Token, lem: str, in_quote, settings: "CueSettings") -> Optional[tuple[tuple[int, int], str]]:
    """Family "As X told parliament, P" / "P, as X said" / "P, as X noted, Q": a cue verb heading an adverbial
    clause opened by "as" and set off by commas reports its governing clause, the as-clause cut out. Only a
    verb the training split shows with a clause complement (:func:`is_reliable_cue`, shape ``clause``:
    "said", "noted", "reported", not "spoke"), with no object of its own but its addressee ("As she
    announced the plan, protesters ..." is a time clause) and no clause or prepositional complement.

    Returns:
        ((start, end), text) of the governing clause as :func:`_host_clause` gives it, or None.
    """
    head = tok.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.i < tok.i:
        head = head.head  # "The bridge, as engineers noted, was ...": the clause hung on the subject
    if tok.dep_ != "advcl" or head.pos not in (VERB, AUX) or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    if not is_reliable_cue(lem, "VERB", "clause", settings.min_reliability, settings.min_count):
        return None
    addressed = lem in C.CUE_AUDIENCE_VERBS  # "told parliament": the object is the addressee
    if not any(c.dep_ == "nsubj" for c in tok.children) or any(
            c.dep_ in ("ccomp", "xcomp", "attr", "oprd") or c.dep_ in ("dobj", "dative") and not addressed
            or c.dep_ == "prep" and c.lower_ in ("of", "about", "for", "against") for c in tok.children):
        return None  # "as (might be) expected" has no one who says; an object or complement is the verb's own content
    doc, first, last = tok.doc, tok.left_edge.i, tok.right_edge.i
    if any(t.pos in (VERB, AUX) and t.i != tok.i and t.head.i != tok.i for t in doc[first : last + 1]):
        return None  # a clause inside the as-clause ("even as he says his record makes him ...") is its own content
    # set off by a comma (or dash) from the clause it reports: before it when that clause comes first, after it
    # when it comes after ("Prices rose as the bank warned" is a reason, not a report)
    before = first > 0 and doc[first - 1].text in (",", "—", "–") and head.i < first
    after = next((t.i for t in doc[last + 1 : head.i] if t.text in (",", "—", "–")), None) if head.i > last else None
    if not before and after is None:
        return None
    if before:
        # "It does not answer whether Scott had a gun, as police said": the clause that ends at the comma
        head = max((t for t in head.subtree if t.pos in (VERB, AUX) and t.right_edge.i == first - 2 and t.i < first
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), key=lambda t: t.i, default=head)
    # an opening as-clause runs to its comma: words the parser hung on the main verb before it ("told parliament
    # on Tuesday, ...") are the as-clause's
    cut = set(range(first, (after if after is not None and head.left_edge.i >= first else last) + 1))
    toks = [t for t in head.subtree if t.i not in cut]
    if len(toks) < 3:
        return None
    return _host_clause(toks, in_quote)


def _verb_frame(tok: Token, lem: str, in_quote, settings: CueSettings) -> Frame:
    """The frame of reporting verb ``tok`` (lemma ``lem``): source, then content by family, first
    that applies: clause complement, "in a statement that", complements, object content,
    parenthetical host clause ("The bridge, he said, was unsafe"), a clause before a late subject
    (", governor Y said"); an expletive passive ("it was reported that") needs no source."""
    if tok.tag_ == "VBN" and _to_infinitive(tok) is not None and not any(c.dep_ in ("aux", "auxpass", "agent") for c in tok.children):
        # a reduced passive ("toll expected to rise", a headline's "deal expected to slip"): its subject is
        # what is expected, no speaker, and a clause before it is no content
        return Frame(tok.doc[tok.i : tok.i + 1], None, None, None)
    subj, content = _clause_content(tok, _verb_subject(tok, in_quote))
    rule, content_text = "", None
    if content is None:
        host = _as_clause_content(tok, lem, in_quote, settings)
        if host is not None:
            (content, content_text), rule = host, "as_clause"
    if content is None and misread_finite(tok):
        # "A commander, X, posted on Facebook that ...": the "that"-clause the parser hung on the root noun too
        comp = next((c for c in tok.head.children if c.i > tok.i and c.dep_ in ("relcl", "ccomp", "acl")
                     and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        content = span_chars(_without_leading_adjunct(comp)) if comp is not None else None
    if content is None:
        content = _statement_clause(tok) or _complement_content(tok, lem)
    if content is None and lem in C.CUE_OBJECT_CONTENT_VERBS and subj is not None:
        content = _object_content(tok)
        rule = "object" if content is not None else ""
    if content is None and subj is not None:
        shape, obj = _learned_content(tok)  # "noted the rule", "complained about the mic"
        if obj is not None and is_reliable_cue(lem, "VERB", shape, settings.min_reliability, settings.min_count):
            content, rule = obj, "object"
    if content is None and subj is not None:
        para = _parataxis_content(tok, in_quote)
        if para is not None:
            (content, content_text), rule = para, "parataxis"
    # the reported clause before ", X said" that the parser did not make the cue's complement: the cue is
    # a conjunct or a finite adverbial clause of it (", its director NAME said"), or ends the sentence (no object or complement after it) holding a second subject or
    # an unlabelled dependent from it ("Rains killed 40 people, local authorities said": "Rains" hung on "said")
    if content is None and (tok.dep_ == "conj" and tok.head.i < tok.i or _garbled_final_cue(tok)
                            or tok.dep_ == "advcl" and tok.head.i < tok.i and tok.tag_ in ("VBD", "VBZ", "VBP")):
        late = _late_subject(tok) or (_appositive_source(tok, tok.head) if tok.dep_ == "conj" else None)  # ", the governor, Y, wrote on X."
        if late is not None:
            subj, content, rule = late[0], late[1], "conj"
    if subj is not None and content is not None and content[0] <= subj.idx < content[1] <= tok.idx:
        # a content that runs into its own source (", its chairman NAME said", the name hung on the clause's
        # last noun): it ends at the comma before the source's phrase
        phrase = _phrase_before_cue(tok)
        if phrase is not None and phrase.start <= subj.i < phrase.end and phrase.start >= 2:
            content = (content[0], tok.doc[phrase.start - 1].idx)
    if subj is None and content is not None and lem in C.CUE_PASSIVE_VERBS and tok.tag_ == "VBN" and any(
        c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children
    ):
        rule = "passive"
    return Frame(tok.doc[tok.i : tok.i + 1], subj, content, _audience(tok, lem), rule=rule, content_text=content_text)


@dataclass(frozen=True)
class CueSettings:
    """Thresholds for cues learned from PolNeAR's training split (:mod:`.cuelex`).

    A verb outside the hand-made cue lists opens a frame, and a listed verb takes its object or
    prepositional complement as content, when the training split shows (lemma, complement shape)
    heading an attribution cue with reliability at least ``min_reliability`` and at least
    ``min_count`` times. A frame without a quotation becomes an indirect attribution when the
    learned decider (:mod:`.attribution_model`) gives it a probability of at least
    ``attribution_threshold`` when the hand-made rules accept it, ``tagger_threshold`` when only the
    sequence tagger (:mod:`.attribution_tagger`) proposes it, ``override_threshold`` otherwise.
    ``min_reliability`` and ``min_count`` tuned on polnear-dev; the three decider thresholds on a
    2-fold split of polnear-train (``bench/tune_attribution.py``: all-attribution F1 of a cross-fitted
    decider), ``override_threshold`` at the best point that keeps the seed gold at 1.0.
    """

    min_reliability: float = 0.25
    min_count: int = 3
    # minimum probability of the learned attribution decider (components/extract/attribution_model.py)
    # for a frame without a quotation to become an indirect attribution: a frame the hand-made rules
    # accept, and any other candidate (rule-rejected frames, learned-lexicon candidates); tuned on a 2-fold
    # split of polnear-train (bench/tune_attribution.py: 0.3-0.4 / 0.35 / 0.3 best there, F1 est. 0.720;
    # override 0.5: 0.716; below 0.5 an object of "demonstrate" enters the seed and "supports the
    # rebels' weapons program", material help, becomes an attribution)
    attribution_threshold: float = 0.3
    override_threshold: float = 0.5
    # minimum probability of the decider for an attribution proposed by the sequence tagger alone
    # (components/extract/attribution_tagger.py; tuned as above: 0.3 best, F1 est. 0.716 at override 0.5,
    # 0.5: 0.713, the lowest that keeps "spoke about the plan", no proposition, out); above 1: not run
    tagger_threshold: float = 0.5
    # minimum reliability of a noun-phrase content's head noun (components/extract/content_heads.yaml)
    # for a candidate the rules do not accept (components/extract/content_gate.py); tuned on the dev sets
    content_head_reliability: float = 0.2
    # minimum learned reliability (components/extract/cues.yaml, shape "passive") of a passive cue without
    # agent ("X is expected to ...") for its frame (source None); above 1: the family is off. Chosen on 300
    # polnear-train articles: 0.35 and 0.5 both all-attribution F1 0.735 (0.732 without), 0.35 a little ahead
    passive_reliability: float = 0.35
    # minimum probability of the decider for a candidate whose content has one or two words ("attacked
    # Machado", "declined to comment"; fewer than attribution_model.SHORT_CONTENT_WORDS), on top of its own
    # threshold; above 1: no short content. Chosen on 300 polnear-train articles (all-attribution F1 0.735
    # without short contents, 0.739 at 0.5)
    short_content_threshold: float = 0.5


DEFAULT_CUE_SETTINGS = CueSettings()


def _garbled_final_cue(tok: Token) -> bool:
    """Whether cue ``tok`` ends its clause (no object or complement after it) and holds a second subject or
    an unlabelled dependent before it: the parser hung the reported clause's words on it."""
    kids = list(tok.children)
    return (sum(c.dep_ == "nsubj" for c in kids) > 1 or any(c.dep_ == "dep" and c.i < tok.i for c in kids)) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and c.i > tok.i for c in kids)


def _learned_content(tok: Token) -> tuple[str, Optional[tuple[int, int]]]:
    """Shape and content of a verb's complement (:func:`.cuelex.verb_shape`): its clause,
    "to"-infinitive, direct object (with an "as"/"for" phrase), or the object of a prepositional
    complement ("railed against the deal"); ``("none", None)`` without one."""
    shape, comp = verb_shape(tok)
    if shape == "clause" and comp is not None and not _reads_as_clause(comp):
        return "none", None  # a noun phrase the parser hung on as a clause
    if shape != "object" and comp is not None and all(t.ent_type_ in ("DATE", "TIME") or t.is_punct
                                                      for t in comp.subtree if t.dep_ != "case"):
        return "none", None  # "said on Wednesday": when, not what
    return shape, (complement_content(tok, shape, comp) if comp is not None else None)


def complement_content(tok: Token, shape: str, comp: Token) -> Optional[tuple[int, int]]:
    """Character range of the content that complement ``comp`` of verb ``tok`` gives in ``shape``
    (:func:`.cuelex.verb_shape`): a direct object by :func:`_object_content`, a prepositional object
    without a relative clause set off by a comma (:func:`nominal_tokens`), a clause or infinitive whole."""
    if shape == "object":
        return _object_content(tok)
    return span_chars(nominal_tokens(comp) if shape == "prep" else list(comp.subtree))


def _learned_frame(tok: Token, in_quote, settings: CueSettings) -> Optional[Frame]:
    """Family: a verb the training split shows to be a reliable cue with this complement shape
    though no hand-made list has it ("chided", "railed against", "dismissed the report"):
    reliability and count of (lemma, shape) in the learned lexicon (:mod:`.cuelex`) at least those of
    ``settings`` (:class:`CueSettings`). A paraphrase frame
    (it takes only quotations inside its content)."""
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") \
            and not misread_finite(tok):
        return None
    if tok.lemma_.lower() not in reliable_lemmas("VERB", settings.min_reliability, settings.min_count):
        return None  # reliable with no complement shape: the shape need not be worked out
    shape, content = _learned_content(tok)
    if content is None or not is_reliable_cue(tok.lemma_.lower(), "VERB", shape, settings.min_reliability, settings.min_count):
        return None
    subj = subject_of(tok) or (tok.head if misread_finite(tok) else None)  # (as :func:`_verb_frame`)
    if subj is None or in_quote(subj.idx):
        return None
    return Frame(tok.doc[tok.i : tok.i + 1], subj, content, kind="paraphrase", rule="learned")


_QUOTE_CHARS = frozenset('"“”')
# the complements of a passive cue that belong to its content ("is expected TO WIN", "was accused OF
# FRAUD", "is seen AS A RISK"); not a coordinated clause, an adverbial clause or punctuation
_PASSIVE_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "oprd", "prep", "attr", "dobj", "dative", "acomp"})


def _agentless_passive_frame(tok: Token, in_quote, settings: CueSettings) -> Optional[Frame]:
    """Family: a passive cue without agent whose unnamed source judged or reported its subject ("The
    vote is expected to ...", "She was accused of ...", "The plan has been criticised as ..."). The
    content runs from the passive subject through the verb's complements (the cue words inside it);
    the source is None (PolNeAR annotates these without a Source). Only for a lemma the training
    split shows heading a cue in this shape (:func:`.cuelex.agentless_passive`, lexicon shape
    ``passive``) with reliability ``settings.passive_reliability`` and count ``settings.min_count``;
    never for a passive that names its speaker ("was quoted as saying": :func:`subject_of`) or lends its subject to
    an infinitive cue with a clause ("X is said to have warned that ...": :func:`_raised_subject`), nor for an audience verb,
    whose passive subject is the one addressed ("She was asked whether ...")."""
    subj = agentless_passive(tok)
    if subj is None or settings.passive_reliability > 1.0 or subject_of(tok) is not None or tok.dep_ in ("amod", "compound"):
        return None
    if tok.lemma_.lower() in C.CUE_AUDIENCE_VERBS:
        return None
    if any(c.dep_ == "xcomp" and cue_lemma(c) is not None and any(g.dep_ == "ccomp" for g in c.children)
           and _raised_subject(c) is not None for c in tok.children):
        return None  # "X is said to have warned that ...": X's warning, the frame of the infinitive cue
    if not is_reliable_cue(tok.lemma_.lower(), "VERB", "passive", settings.passive_reliability, settings.min_count):
        return None
    comps = [c for c in tok.rights if c.dep_ in _PASSIVE_CONTENT_DEPS]
    last = comps[-1].right_edge if comps else subj.right_edge
    doc = tok.doc
    toks = list(doc[subj.left_edge.i : last.i + 1])
    if any(in_quote(t.idx) or t.text in _QUOTE_CHARS for t in toks):
        return None  # a quotation inside: the quotation passes attach it ("She was asked, '...'")
    return Frame(doc[tok.i : tok.i + 1], None, span_chars(toks), kind="paraphrase", rule="passive")


def _token_frame(tok: Token, in_quote, settings: CueSettings) -> Optional[Frame]:
    """The frame a token outside quotations opens, if any: "according to", a "Name:" label, a cue
    noun, a paraphrase verb, a characterising verb or a reporting verb (:func:`_word_frame`); a passive
    cue without agent (:func:`_agentless_passive_frame`) where those give no frame with a source."""
    f = _word_frame(tok, in_quote, settings)
    if tok.pos == VERB and (f is None or f.subject is None and f.rule != "passive"):
        return _agentless_passive_frame(tok, in_quote, settings) or f
    return f


def _word_frame(tok: Token, in_quote, settings: CueSettings) -> Optional[Frame]:
    """The frame of ``tok`` by word family: "according to", a "Name:" label, a cue noun, a paraphrase
    verb, a characterising verb or a reporting verb."""
    doc = tok.doc
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return _according_frame(tok)
    if tok.lower_ == "per":
        return _per_frame(tok)
    if tok.text == ":":
        return _label_frame(tok, in_quote)
    if tok.lower_ == "in":
        return _opening_in_frame(tok, in_quote) or _words_of_frame(tok, in_quote)
    if tok.lower_ == "quote" or tok.lemma_ == "put":
        f = _words_of_frame(tok, in_quote)
        if f is not None:
            return f
    if tok.pos_ == "NOUN":
        f = _noun_frame(tok, in_quote)
        if f is not None:
            return f
    if tok.pos_ == "ADJ":
        return _post_quote_inverted_cue(tok)
    if tok.pos_ not in ("VERB", "AUX", "PROPN", "NOUN") or tok.pos_ == "NOUN" and tok.dep_ not in ("ROOT", "ccomp"):
        return None
    f = _retrospective_frame(tok, in_quote) if tok.dep_ in ("ccomp", "relcl") and tok.pos_ == "VERB" else None
    if f is not None:
        return f
    lem = cue_lemma(tok)
    f = (_disclosure_frame(tok, in_quote) or _paraphrase_frame(tok, in_quote) or _learned_frame(tok, in_quote, settings)) \
        if lem is None else None
    f = f or _characterisation_frame(tok, lem, in_quote)
    if f is not None or lem is None:
        return f
    if tok.pos_ == "PROPN" and not tok.is_upper:
        return None
    inverted = _inverted_opening_cue(tok) or _inverted_parenthetical_cue(tok, in_quote) or _post_quote_inverted_cue(tok)
    if inverted is not None:
        return inverted
    if tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not misread_finite(tok):
        return None
    return _verb_frame(tok, lem, in_quote, settings)


_DEMONSTRATIVES = frozenset({"that", "this"})


def _retrospective_frame(tok: Token, in_quote) -> Optional[Frame]:
    """Family: a sentence that names its source after the statement, pointing back to it with a demonstrative ("The
    dam is safe. That is what Mayor X told residents on Monday." / "Schools will stay closed. This was the message Y
    gave parents."): ``tok`` is a reporting verb with "what" for its object, or any verb of a relative clause on a
    statement noun (``statement_nouns``, ``cue_nouns``), under "That/This is/was"; the content is the sentence before,
    when it holds no quotation. The source is the verb's subject."""
    root = tok.head
    if root.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ in _DEMONSTRATIVES for c in root.children):
        if not (tok.dep_ == "relcl" and root.dep_ == "attr" and root.head.lemma_ == "be"
                and any(c.dep_ == "nsubj" and c.lower_ in _DEMONSTRATIVES for c in root.head.children)):
            return None
        if root.lemma_.lower() not in C.STATEMENT_NOUNS and root.lemma_.lower() not in C.CUE_NOUNS:
            return None
    elif tok.dep_ != "ccomp" or cue_lemma(tok) is None or not any(c.lower_ == "what" and c.i < tok.i for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    sent = tok.sent
    if subj is None or not plausible_source(subj) or sent.start == 0:
        return None
    prev = tok.doc[sent.start - 1].sent
    words = [t for t in prev if not t.is_space]
    if not words or any(in_quote(t.idx) or t.text in _QUOTE_CHARS for t in words):
        return None
    return Frame(tok.doc[tok.i : tok.i + 1], subj, span_chars(words), kind="paraphrase", rule="retrospective")


def _inverted_opening_cue(tok: Token) -> Optional[Frame]:
    """Family: a sentence opened by its reporting verb, the source after it and a colon or comma before
    the quotation ("Said Ellis: '...'", "Added the mayor, '...'"); the parser takes the verb for a
    modifier of the name, for a participle with an object, or for a sentence of its own. The frame has the name
    as source and no content (the quotation attaches)."""
    doc = tok.doc
    if tok.tag_ not in ("VBD", "VBZ", "VBN") or not (tok.i == 0 or doc[tok.i - 1].text in ".!?" or "\n" in doc[tok.i - 1].text):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    k = next((k for k in range(tok.i + 2, min(tok.i + 6, len(doc))) if doc[k].text in (":", ",")), None)
    if k is None or not all(t.pos_ in ("PROPN", "NOUN", "DET") for t in doc[tok.i + 1 : k]) or not plausible_source(doc[k - 1]):
        return None
    return Frame(doc[tok.i : tok.i + 1], doc[k - 1], None)


_CLOSING_MARKS = frozenset({'"', "”", "’", "'"})


def _post_quote_inverted_cue(tok: Token) -> Optional[Frame]:
    """Family: a reporting verb right after a quotation's closing mark and comma, with the source after it
    and nothing else to the end of the sentence or the next comma ('"...," lamented coach Abel Moyo.'); the
    tagger often takes the verb for an adjective on the role noun. The verb is read from its word form
    (:func:`cue_lemma`: an inflected form of a reporting verb). The frame has the noun phrase's head as
    source and no content (the quotation attaches). None otherwise."""
    doc = tok.doc
    if tok.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    a, b = doc[tok.i - 2].text, doc[tok.i - 1].text
    if not (a == "," and b in _CLOSING_MARKS or a in _CLOSING_MARKS and b == ","):
        return None
    lem = cue_lemma(tok)
    if lem is None or lem == tok.lower_:
        return None  # an uninflected word ("quote", "report") is no post-posed verb
    sent = tok.sent
    k = next((k for k in range(tok.i + 1, sent.end) if doc[k].text in (",", ".", "!", "?", ";") or doc[k].is_space), sent.end)
    words = doc[tok.i + 1 : k]
    if not len(words) or len(words) > 6 or not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for t in words):
        return None
    source = words.root
    if not plausible_source(source):
        return None
    return Frame(doc[tok.i : tok.i + 1], source, None)


def _inverted_parenthetical_cue(tok: Token, in_quote) -> Optional[Frame]:
    """Family: a reporting verb set off by commas inside its host sentence, with the source after it
    ("The ceasefire, said Colonel Ana Ruiz, is holding"; 'The talks, says the minister, "will
    resume"'). The parser often takes the words before the first comma for the verb's subject. The
    source is the noun phrase between the verb and the second comma; the content is the host sentence
    without the parenthetical, or None when a quotation follows (the quotation attaches to the frame).
    None unless the words before the first comma are a noun phrase (no verb of their own)."""
    doc = tok.doc
    sent = tok.sent
    if tok.tag_ not in ("VBD", "VBZ") or tok.i - 2 < sent.start or doc[tok.i - 1].text != ",":
        return None
    lead = doc[sent.start : tok.i - 1]
    if any(t.pos_ in ("VERB", "AUX") or t.text in ",;:" for t in lead) or in_quote(lead[0].idx):
        return None
    k = next((k for k in range(tok.i + 2, min(tok.i + 9, sent.end)) if doc[k].text == ","), None)
    if k is None or not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON") for t in doc[tok.i + 1 : k]):
        return None
    source = doc[tok.i + 1 : k].root
    if not plausible_source(source):
        return None
    rest = [t for t in doc[k + 1 : sent.end] if not t.is_space]
    if not rest or any(in_quote(t.idx) or t.text in "\"“”" for t in rest):
        return Frame(doc[tok.i : tok.i + 1], source, None)  # the quotation attaches to the frame
    toks = list(lead) + rest
    rng = span_chars(toks)
    if rng is None:
        return None
    words = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(t.text for t in toks)).strip(" ,.")
    return Frame(doc[tok.i : tok.i + 1], source, rng, rule="parataxis", content_text=words)


# the tokens :func:`_token_frame` may open a frame at: these parts of speech, a colon, "according", "in", "per"
_FRAME_POS = frozenset({VERB, AUX, PROPN, NOUN})
_COLON, _ACCORDING, _IN, _PER = get_string_id(":"), get_string_id("according"), get_string_id("in"), get_string_id("per")
# a comma or closing quotation mark before an adjective that may be a post-posed verb (:func:`_post_quote_inverted_cue`)
_COMMA_OR_CLOSING = frozenset(get_string_id(m) for m in _CLOSING_MARKS | {","})
# the relations under which a noun (not a cue noun) may open a frame of its own (:func:`_word_frame`)
_NOUN_FRAME_DEPS = frozenset({get_string_id("ROOT"), get_string_id("ccomp")})


def reporting_frames(doc: Doc, in_quote, settings: CueSettings = DEFAULT_CUE_SETTINGS) -> list[Frame]:
    """All reporting frames of ``doc`` whose cue lies outside quotation marks, in token order.

    Args:
        doc (Doc): the parsed article.
        in_quote (Callable[[int], bool]): True for a character offset inside quotation marks.
        settings (CueSettings): thresholds for learned cues.

    Returns:
        list[Frame]: one per cue; ``content`` is a character range (end exclusive) or None.
    """
    frames = []
    idx, pos, orth, lower, dep = (token_column(doc, a) for a in ("idx", "pos", "orth", "lower", "dep"))
    lems, lows, nouns = token_lemmas(doc), token_lowers(doc), C.CUE_NOUNS
    for i in range(len(doc)):
        # only these tokens can open a frame (the first tests of _token_frame), read from the columns
        if (pos[i] in _FRAME_POS or orth[i] == _COLON or lower[i] in (_ACCORDING, _IN, _PER)
                or pos[i] == ADJ and i >= 2 and orth[i - 1] in _COMMA_OR_CLOSING) and not in_quote(idx[i]):
            if pos[i] == NOUN and dep[i] not in _NOUN_FRAME_DEPS and lems[i] not in nouns and lows[i] not in nouns \
                    and orth[i] != _COLON and lower[i] not in (_ACCORDING, _IN):
                continue  # a noun opens a frame only as a cue noun (_noun_frame) or heading its clause
            f = _token_frame(doc[i], in_quote, settings)
            if f is not None:
                frames.append(f)
    return frames
