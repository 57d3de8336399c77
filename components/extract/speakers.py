"""Speaker mentions, coreference and canonical speakers of one article.

Method (rule-based, after the Gender Gap Tracker's speaker stage, Asr et al. 2021): named people are
the PERSON entities outside quotations (minus toponyms the small model mistags, checked against the
article's :class:`~components.models.Place` mentions and the gazetteer) plus proper-noun subjects of
reporting verbs. A name is split from the description written before it by nameparser's title
chain (:func:`split_name`: "Kisumu Governor Amina Nyabera" -> "Amina Nyabera"); the description
gives role, organisation and country in named passes (:meth:`SpeakerIndex._read_description`).
A short or garbled form ("Zelenskyy", "zelenskyy", "Dr.Ivanov") is snapped to the fullest form
the article gives whose last tokens it matches (headline-case lines give no fuller forms).
Pronouns and role nouns are resolved by one rule (:meth:`SpeakerIndex.antecedent`,
:meth:`SpeakerIndex.described_antecedent`): the nearest sentence back with a compatible person
(gender, role), its clause subject or quote speaker first. Organisations, groups and documents
are typed from their head noun (:data:`components.lexicon.ORG_HEAD_NOUNS` and friends) and
never snapped to a person.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Optional

from nameparser import HumanName
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .. import lexicon as C
from ..models import Place, Speaker
from ..nlp import ENTS_KEY, datelines, doc_ents, doc_text, sentence_starts, token_column
from ..text.words import reads_as_verb_or_adjective
from .tree import climb

_PAREN_RE = re.compile(r"\s*\([^)]*\)\s*")
_LINK_TARGET_RE = re.compile(r"\]\(.*$")  # a Markdown link's target glued to a name: "Perez](https://..."
# pronoun resolution window (see :meth:`SpeakerIndex.antecedent`): sentences and distinct people back
ANTECEDENT_SENTENCES = 6
ANTECEDENT_PEOPLE = 8

# leading and trailing characters of a mention that are no part of a name: markup, colons, quote marks
# (a trailing full stop stays: "Jr.")
_ALIAS_EDGE = re.compile(r"^[\W_]+|[^\w.]+$")


def join_tokens(toks) -> str:
    """Text of ``toks`` with the article's own spacing between neighbours ("Secretary-General"),
    one space between tokens that are not adjacent."""
    out = []
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        out.append(t.text_with_ws if nxt is not None and nxt.i == t.i + 1 else t.text + " ")
    return re.sub(r"\s+", " ", "".join(out)).strip()


_ABBREV_DEF_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_ABBREV_WORD_RE = re.compile(r"[\w&'’.\-]+")


def defined_abbreviations(text: str) -> list[tuple[str, str]]:
    """Abbreviations the text defines in parentheses after their full form.

    The full form is the shortest run of words before ``(ABBR)`` that starts with a capital and
    whose capitalised words' initials spell the abbreviation (small words such as "for", "in"
    may sit between): "World Today News (WTN)", "Organization for Security and Co-operation in
    Europe (OSCE)". Parentheses that spell nothing ("Kyiv (AP)", "Joe Biden (D)") are ignored.

    Returns:
        list[tuple[str, str]]: ``(abbreviation, full form)`` in text order.
    """
    out = []
    for m in _ABBREV_DEF_RE.finditer(text):
        abbrev = m.group(1)
        letters = abbrev.replace("&", "")
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = _ABBREV_WORD_RE.findall(text[max(line_start, m.start() - 160) : m.start()])[-12:]
        for k in range(len(letters), len(words) + 1):
            cand = words[-k:]
            initials = "".join(w[0] for w in cand if w[0].isupper())
            if len(initials) > len(letters):
                break
            if initials == letters and cand[0][0].isupper():
                out.append((abbrev, " ".join(cand)))
                break
    return out


def _gaz():
    """The shared gazetteer, or None when it cannot be built (imported lazily)."""
    try:
        from ..gazetteer import get_gazetteer

        return get_gazetteer()
    except Exception:  # pragma: no cover - gazetteer missing or broken
        return None


def _is_place_name(text: str) -> bool:
    """True when the gazetteer knows ``text`` as a place name (False without a gazetteer)."""
    g = _gaz()
    try:
        return g is not None and bool(g.is_place_name(text))
    except Exception:
        return False


def country_of(text: str) -> Optional[str]:
    """ISO alpha-2 code for a country name, demonym or seat-of-government metonym, else None."""
    key = re.sub(r"^the\s+", "", text.strip().lower())
    key = re.sub(r"['’]s$", "", key)
    if key in C.ORG_COUNTRY:
        return C.ORG_COUNTRY[key]
    g = _gaz()
    if g is None:
        return None
    try:
        return g.country_code(text)
    except Exception:
        return None


# nouns naming a document or a statement, whose author speaks through it ("a report by X said")
_DOCUMENT_NOUNS = C.DOCUMENT_HEAD_NOUNS | C.STATEMENT_NOUNS


def _is_document_noun(tok: Token) -> bool:
    """Whether noun ``tok`` names a document or statement (``document_head_nouns``, ``statement_nouns``), by its
    lemma or its word: the lists hold plurals the lemma loses ("figures" -> "figure", "data" -> "datum")."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in _DOCUMENT_NOUNS or tok.lower_ in _DOCUMENT_NOUNS)


def capital_country(text: str) -> Optional[str]:
    """ISO alpha-2 code of the country whose national capital ``text`` names ("Kyiv", "Lilongwe"), else None
    (GeoNames capitals, via the gazetteer): a capital as a source is its government by metonymy."""
    g = _gaz()
    return g.capital_country(text) if g is not None else None


def repair_case(name: str) -> str:
    """Title-case a lower-case or ALL-CAPS name ("aoife o'brien" -> "Aoife O'Brien"); else unchanged."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not (all(c.islower() for c in letters) or all(c.isupper() for c in letters)):
        return name
    if all(c.isupper() for c in letters) and len(name) <= 4 and " " not in name:
        return name  # an acronym such as "WTN" or "NATO"
    out = name.lower().title()  # capitalises after apostrophes and hyphens: O'Brien, Smith-Jones
    out = re.sub(r"(\w)['’]S\b", lambda m: m.group(1) + "'s", out)
    return out


def _name_constants():
    """nameparser's constants extended with the article vocabulary of offices and ranks
    (:data:`components.lexicon.TITLE_WORDS`), so "Defence Minister" or "Deputy Police Chief"
    parse as one title chain, and with "for" as a conjunction of titles ("Minister for Health"). A private :class:`nameparser.config.Constants`: the library's
    shared set is left alone."""
    from nameparser.config import Constants

    consts = Constants()
    consts.titles.add(*{w.rstrip(".") for w in C.TITLE_WORDS})
    consts.conjunctions.add("for")  # a portfolio after "for", as after "of": "Minister for Health Ana Diaz"
    return consts


_NAME_CONSTANTS = _name_constants()


# hyphens inside a name ("Hilton-Ward")
_NAME_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _written_words(span: Span) -> str:
    """The words of ``span`` without determiners, possessive marks and punctuation, joined as written: an
    inner hyphen stays with the words it joins ("Paris Hilton-Ward", "52-year-old engineer"; the hyphen is a
    punct token), other words are joined by one space."""
    kept = [t for t in span if t.dep_ not in ("det", "case") and (t.dep_ != "punct" or t.text in _NAME_HYPHENS and span.start < t.i < span.end - 1)]
    return "".join((" " if k and (kept[k - 1].whitespace_ or t.i != kept[k - 1].i + 1) else "") + t.text
                   for k, t in enumerate(kept)).strip()


def _untagged_compounds_start(tok: Token) -> int:
    """Index of the first of the untagged capitalised proper nouns right before ``tok`` on its line that are its
    compounds and no title word, country or demonym (a given name the model left out: "Tomasz" of "Tomasz
    Wrona"); ``tok.i`` when there is none."""
    doc, k = tok.doc, tok.i
    while k > 0:
        t = doc[k - 1]
        if (t.ent_type_ or t.pos_ != "PROPN" or t.dep_ != "compound" or t.head.i != tok.i or "\n" in t.whitespace_
                or not t.text[:1].isupper() or is_title_word(t.text) or country_of(t.text)):
            return k
        k -= 1
    return k


def name_shaped(words: Span) -> bool:
    """True for two or three proper nouns written as a name ("Oleh Syniehubov": a capital, then lower case)."""
    return 2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in words)


def _title_and_name(span: Span) -> bool:
    """True when ``span`` is a capitalised title word (``title_words``) and a name after it ("Councillor Priya
    Shah", "Inspector Ana Ruiz"; :func:`name_shaped`): a person, whatever label the model gave the whole."""
    words = [t for t in span if t.dep_ not in ("det", "punct")]
    if len(words) < 3 or not words[0].text[:1].isupper() or words[0].lower_ not in C.TITLE_WORDS:
        return False
    if words[-1].lower_ in C.ORG_HEAD_NOUNS or reads_as_verb_or_adjective(words[0].text):
        return False  # a body's name: "Health Protection Agency", "National Public Radio"
    return name_shaped(span.doc[words[1].i : words[-1].i + 1])


def _org_name(text: str) -> str:
    """An organisation as a speaker's ``org``: without an opening "the" or a closing possessive ("Al Jazeera's Hani
    Mahmoud"), expanded when listed (``org_expansions``)."""
    org = re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", text, flags=re.I)).strip()
    return C.ORG_EXPANSIONS.get(org.lower(), org)


def _affiliated_name(span: Span, tok: Token) -> bool:
    """True when ``span`` (headed by ``tok``) is two or three words shaped as a name (:func:`name_shaped`), no
    organisation's head noun, followed by "of" or "from" and an organisation ("Olesya Vartanyan of the
    International Crisis Group"): a person and the body they belong to, whatever label the model gave the name."""
    words = span.doc[span.start + (span[0].dep_ == "det") : span.end]
    if not name_shaped(words) or words[-1].lower_ in C.ORG_HEAD_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
        g.dep_ == "pobj" and g.ent_type_ == "ORG" for g in c.children) for c in tok.rights)


def _partitive(tok: Token) -> bool:
    """True when ``tok`` heads a partitive, a count or quantifier with its "of" phrase ("One of the nurses",
    "two of them", "some of the residents"; ``partitive_heads``)."""
    return (tok.pos_ == "NUM" or tok.lower_ in C.PARTITIVE_HEADS) and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _person_like(tok: Token) -> bool:
    """True when ``tok`` heads a person's name: tagged PERSON, or untagged and the last of two or three
    capitalised proper nouns ("Oleh Syniehubov", which the small model leaves without a label)."""
    if tok.ent_type_ == "PERSON":
        return True
    words = tok.doc[tok.left_edge.i : tok.i + 1]
    return not tok.ent_type_ and name_shaped(words)


def _joined_persons(ents: list[Span]) -> list[Span]:
    """``ents`` (in text order) with each PERSON entity joined to the PERSON entity right after it when the model cut
    one name in two at its particles ("Nasser bin Abdulrahman" + "Al Thani", "Hamad bin Jassim" + "Al Kuwari": a
    surname particle in the first or opening the second, ``surname_particles``): every word of the first is a compound
    of a word of the two and no title word, on one line (not "Charlotte Mayor" + "Jennifer Roberts", "Fire Marshal" +
    "Tim Tharau": a title before a name). So the later "Al Kuwari said" is the whole name's."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and ent.label_ == prev.label_ == "PERSON" and prev.end == ent.start and "\n" not in prev[-1].whitespace_ \
                and any(t.lower_ in C.SURNAME_PARTICLES for t in (*prev, ent[0])) \
                and all(t.dep_ in ("compound", "flat") and prev.start <= t.head.i < ent.end and not is_title_word(t.text) for t in prev):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def _with_surname_particles(ents: list[Span]) -> list[Span]:
    """``ents`` with every PERSON entity that the model cut at a surname particle
    (:data:`components.lexicon.SURNAME_PARTICLES`: PERSON "Ursula von der" and GPE "Leyen"; "Hans van" and
    "Broek") run on over the lower-case particles and the capitalised proper noun after them; an entity
    that word belonged to is dropped, or joined when it runs on past it ("Abdullah bin" and "Salem Al Sabah"). Other
    entities are returned unchanged, in order."""
    out: list[Span] = []
    swallowed = -1
    for ent in ents:
        if ent.start < swallowed:
            if ent.label_ == "PERSON" and ent.end > swallowed and out and out[-1].label_ == "PERSON":
                out[-1] = Span(ent.doc, out[-1].start, ent.end, label="PERSON")  # "Abdullah bin" + "Salem Al Sabah"
            continue
        given = _given_names_before_particles(ent)
        if given is not None:  # "Ursula von der" untagged, "Leyen" tagged GPE
            ent = Span(ent.doc, given, ent.end, label="PERSON")
            out = [e for e in out if e.end <= ent.start]
        elif ent.label_ == "PERSON":
            doc, k = ent.doc, ent.end
            while k < len(doc) and doc[k].is_lower and doc[k].lower_ in C.SURNAME_PARTICLES:
                k += 1
            cut = k > ent.end or ent[-1].is_lower and ent[-1].lower_ in C.SURNAME_PARTICLES
            if cut and k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and "\n" not in doc[k - 1].whitespace_:
                ent, swallowed = Span(doc, ent.start, k + 1, label="PERSON"), k + 1
                out = [e for e in out if e.end <= ent.start]
        out.append(ent)
    return out


def _given_names_before_particles(ent: Span) -> Optional[int]:
    """Start of the given names before the surname particles before a one-word entity ("Ursula" in "Ursula
    von der Leyen" when the model tagged only "Leyen"): capitalised proper nouns, no title word, on the
    entity's line; None when no particle or no given name stands right before ``ent``."""
    doc, j = ent.doc, ent.start
    if len(ent) != 1 or not ent[0].text[:1].isupper():
        return None
    while j > 0 and doc[j - 1].is_lower and doc[j - 1].lower_ in C.SURNAME_PARTICLES and "\n" not in doc[j - 1].whitespace_:
        j -= 1
    g = j
    while g > 0 and doc[g - 1].pos_ == "PROPN" and doc[g - 1].text[:1].isupper() and doc[g - 1].is_alpha \
            and not is_title_word(doc[g - 1].text) and "\n" not in doc[g - 1].whitespace_ and not doc[g - 1].ent_type_ in ("GPE", "NORP"):
        g -= 1
    return g if j < ent.start and g < j else None


def _titled_person(ent: Span) -> Span:
    """``ent`` as a PERSON entity when the model tagged ORG, LOC or GPE a name of two or three capitalised proper
    nouns right after a title word or a noun for a person ("Mayor Aleksandra Dulkiewicz", "police spokesperson
    Resila Onyango", "the farmer Ines Rocha"; :func:`is_title_word`, ``person_nouns``), else ``ent`` itself. Not an
    organisation's head noun ("Commissioner Office") or a country."""
    if ent.label_ not in ("ORG", "LOC", "GPE") or ent.start == 0 or ent[-1].lower_ in C.ORG_HEAD_NOUNS or not name_shaped(ent):
        return ent
    before = ent.doc[ent.start - 1]
    described = is_title_word(before.text) or before.lower_ in C.PERSON_NOUNS
    return Span(ent.doc, ent.start, ent.end, label="PERSON") if described and country_of(ent.text) is None else ent


_LABEL_RE = re.compile(r"[ \t]*([^:\n]{1,40}?)[ \t]*:")


def _label_at(doc: Doc, char: int) -> Optional[list[Token]]:
    """The words before the colon of the line starting at character ``char`` when it opens with a short label
    ("Parking: ..."; at most four words), else None."""
    m = _LABEL_RE.match(doc_text(doc), char)
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand") if m else None
    words = [t for t in span if not t.is_space] if span is not None else []
    return words if 0 < len(words) <= 4 else None


def in_section_list(doc: Doc, char: int, names_a_source) -> bool:
    """True when the line starting at character ``char`` stands in a list of section labels: the nearest
    non-empty line before or after it opens with a short label ("Parking: ...") for whose words
    ``names_a_source`` (a function of a list of tokens) is False. Such labels name topics, not speakers,
    and so does a neighbour the model tags as a person or an organisation ("Schools: ...")."""
    text = doc_text(doc)
    starts = []
    k = text.rfind("\n", 0, char)
    while k > 0 and not text[text.rfind("\n", 0, k) + 1 : k].strip():
        k = text.rfind("\n", 0, k)  # over empty lines
    if k > 0:
        starts.append(text.rfind("\n", 0, k) + 1)
    k = text.find("\n", char)
    while 0 <= k < len(text) - 1 and not text[k + 1 : (text.find("\n", k + 1) + 1 or len(text) + 1) - 1].strip():
        k = text.find("\n", k + 1)
    if k >= 0 and k + 1 < len(text):
        starts.append(k + 1)
    for ch in starts:
        label = _label_at(doc, ch)
        if label is not None and not names_a_source(label):
            return True
    return False


def _holds_entity(words: list[Token]) -> bool:
    """Whether ``words`` hold an entity; a label without one ("Parking") names no one (:func:`in_section_list`)."""
    return any(t.ent_type_ for t in words)


def section_label(ent: Span) -> bool:
    """True when entity ``ent`` is the label of a line in a list of section labels ("Schools: ..." beside
    "Parking: ...", :func:`in_section_list`): a topic the model tagged as a name, no person or body."""
    doc, text = ent.doc, doc_text(ent.doc)
    line = text.rfind("\n", 0, ent.start_char) + 1
    after = text[ent.end_char : ent.end_char + 2].lstrip(" \t")
    return not text[line : ent.start_char].strip() and after.startswith(":") and in_section_list(doc, line, _holds_entity)


def person_noun(tok: Token) -> bool:
    """True when common noun ``tok`` names a person: a noun for a person or a title word ("nurse",
    "spokesman", "director"; :data:`~components.lexicon.PERSON_NOUNS`, ``TITLE_WORDS``)."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in C.PERSON_NOUNS or tok.lower_ in C.TITLE_WORDS)


def described_as_person(tok: Token) -> bool:
    """Whether proper noun ``tok`` has an appositive that only a person takes: an age ("Tomas Brand,
    61,") or a noun phrase headed by a person noun or title word ("..., a nurse at the clinic,",
    "..., the mission's spokesman,"; :func:`person_noun`)."""
    for c in tok.children:
        if c.dep_ != "appos":
            continue
        if c.like_num and c.text.isdigit() and 0 < int(c.text) < 120 and len(list(c.subtree)) == 1:
            return True
        if person_noun(c):
            return True
    return False


def _appositive_person(ent: Span) -> Span:
    """``ent`` as a PERSON entity when the model tagged ORG, LOC or GPE a name of two or three capitalised
    proper nouns that an apposition says is a person's: the name is the appositive of a noun for a person or
    a title ("The director of the library, Petra Novak, said"), or has such an appositive or an age ("Petra
    Novak, 52, a nurse, said": :func:`described_as_person`); else ``ent`` itself. Never a country or a name
    ending on an organisation's head noun. The speaker index then counts the name among the people a later
    pronoun may refer to, as the quotation's speaker already is."""
    if ent.label_ not in ("ORG", "LOC", "GPE") or not name_shaped(ent) or ent[-1].lower_ in C.ORG_HEAD_NOUNS \
            or country_of(ent.text) is not None:
        return ent
    root = ent.root
    if root.dep_ == "appos" and root.head.i < ent.start and person_noun(root.head) or described_as_person(root):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


def _described_person(ent: Span) -> Span:
    """A PERSON entity of a capitalised noun for a person and a two-word name ("Farmer Jonas Ekberg", the noun
    opening a sentence; ``person_nouns``) without the noun, which describes the person (the role, as in "local
    farmer Jonas Ekberg"); else ``ent`` itself ("Farmer Jones" is a name; "National Public Radio", which the model
    may tag PERSON, ends on a body's noun)."""
    last = ent[-1].lower_
    if ent.label_ != "PERSON" or len(ent) != 3 or ent[0].lower_ not in C.PERSON_NOUNS or not ent[0].text[:1].isupper() \
            or not name_shaped(ent[1:]) or last in C.ORG_HEAD_NOUNS or last in C.MEDIA_NOUNS or last in C.ORGANISATION_HEADS:
        return ent
    return Span(ent.doc, ent.start + 1, ent.end, label="PERSON")


def _named_kind(ent: Span) -> Span:
    """``ent`` as an ORG entity when the model tagged PERSON the name an organisation's kind introduces ("the
    ride-sharing company Zipcar said": :func:`_named_organisation`), else ``ent`` itself ("the company Tom Reed
    founded": the name is the clause's subject, a person)."""
    root = ent.root
    if ent.label_ != "PERSON" or root.dep_ != "appos" or not _named_organisation(root.head, root):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="ORG")


def _named_organisation(head: Token, appos: Token) -> bool:
    """True when common noun ``head`` is an organisation's kind and proper noun ``appos``, right after it, its
    name: "the ride-hailing company Uber said", "the charity Save the Children said", "the union, Dock Workers
    United, said" (the parser takes the kind for the subject and the name for its appositive); the name is
    the source."""
    gap = head.doc[head.i + 1 : appos.left_edge.i]
    return appos.dep_ == "appos" and appos.pos_ == "PROPN" and appos.head.i == head.i and head.pos_ == "NOUN" \
        and not head.ent_type_ and head.lower_ in C.ORG_HEAD_NOUNS and all(t.text == "," for t in gap) and len(gap) <= 1


def _named_body(head: Token, appos: Token) -> bool:
    """True when common noun ``head``, which names no person (no title word or person noun: "the operator",
    "the insurer"), has an organisation entity as its appositive ("the operator, Baltic Lines, said"): the
    appositive names the body that speaks."""
    return appos.dep_ == "appos" and appos.head.i == head.i and appos.ent_type_ == "ORG" and head.pos_ == "NOUN" \
        and not head.ent_type_ and not person_noun(head)


# words a title-case organisation name may hold uncapitalised or capitalised ("Save the Children", "Doctors Without
# Borders", "Friends of the Earth", "Committee to Protect Journalists")
_NAME_JOINERS = frozenset({"and", "for", "of", "on", "the", "to", "without"})


def _title_case_name(tok: Token, described: bool = False) -> Optional[Span]:
    """The title-case name ``tok`` is part of, when the model saw none: the run of words on its line, without
    punctuation, of capitalised words and joining words (:data:`_NAME_JOINERS`), opening and ending with a
    capitalised word that is no joiner, holding two or more capitalised words and a joiner ("Save the Children said", "Doctors
    Without Borders said"); never one holding a PERSON entity, a title word or a reporting cue. None
    otherwise. Such a name is an organisation's: a person's name has no joiners (particles are
    :data:`components.lexicon.SURNAME_PARTICLES`). ``described``: an organisation's kind names it ("the charity
    Save the Children"), so a run of proper nouns only is one too."""
    doc = tok.doc
    if not tok.text[:1].isupper() or tok.ent_type_ == "PERSON":
        return None

    def part(t: Token) -> bool:  # no person, title or reporting cue ("According to X", "X Vows To ...")
        return (t.text[:1].isupper() and t.is_alpha or t.lower_ in _NAME_JOINERS) and t.ent_type_ != "PERSON" \
            and not is_title_word(t.text) and t.lower_ != "according" and t.lemma_.lower() not in C.CUE_VERBS

    a = b = tok.i  # within the line, across the parser's sentence splits ("Save | the Children said")
    while a > 0 and part(doc[a - 1]) and "\n" not in doc[a - 1].whitespace_:
        a -= 1
    while b + 1 < len(doc) and part(doc[b + 1]) and "\n" not in doc[b].whitespace_:
        b += 1
    while a < b and (not doc[a].text[:1].isupper() or doc[a].lower_ in _NAME_JOINERS):
        a += 1  # a sentence's capitalised "The" opens no name
    while b > a and not doc[b].text[:1].isupper():
        b -= 1
    run = doc[a : b + 1]
    caps = [t for t in run if t.text[:1].isupper() and t.lower_ not in _NAME_JOINERS]
    joiners = [t for t in run if t.lower_ in _NAME_JOINERS and run.start < t.i < run.end - 1]
    if len(caps) < 2 or not joiners:
        return None
    # common words before the first joiner ("Doctors", "Save", "Bank"): a person's name and a place ("Tom Reed of
    # Leeds", all proper nouns) is no organisation's name
    return run if described or any(t.pos_ in ("NOUN", "VERB") for t in doc[run.start : joiners[0].i]) else None


def _without_opening_verb(ent: Span) -> Span:
    """``ent`` without its first word when that word is a verb governing the rest as its subject: a sentence
    opened by its reporting verb ("Said Ruth Abebe: ...", "Says Omar Farah, ...") where the model ran the
    person's name over the verb; also when the parser hung such a verb opening the sentence, before the colon or
    comma that sets off the name, on the name. Else ``ent`` itself."""
    first = ent[0]
    if len(ent) < 2 or ent.label_ != "PERSON" or first.tag_ not in ("VBD", "VBZ"):
        return ent
    rest, doc = ent[1:], ent.doc
    opening = first.is_sent_start and ent.end < len(doc) and doc[ent.end].text in (":", ",")
    if not (rest.root.head.i == first.i and rest.root.dep_ == "nsubj" or opening and first.dep_ == "compound"):
        return ent  # (the parser may hang the verb on the name as a compound: "Said Ellis:")
    return Span(doc, ent.start + 1, ent.end, label=ent.label_)


def _body_name(ent: Span) -> Span:
    """``ent`` as an ORG when the model tagged a person the name that modifies an organisation's noun ("the
    semi-official Tasnim agency", "the Kibera Youth group"): the body's name, never a person nor a pronoun's
    antecedent. Else ``ent`` itself."""
    root = ent.root
    if ent.label_ == "PERSON" and root.dep_ == "compound" and root.head.i >= ent.end and root.head.lower_ in C.ORG_HEAD_NOUNS:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def _storm_name(ent: Span) -> Span:
    """``ent`` as an EVENT when it names a storm (``storm_words``: "Storm Elin", "Hurricane Milton", tagged PERSON
    by the model): never a speaker or a pronoun's antecedent. Else ``ent`` itself."""
    if len(ent) > 1 and ent[0].lower_ in C.STORM_WORDS and ent.label_ in ("PERSON", "ORG"):
        return Span(ent.doc, ent.start, ent.end, label="EVENT")
    return ent


def is_title_word(word: str) -> bool:
    """True when ``word`` is an honorific, office or rank word ("Dr.", "Minister", "Gen.",
    "Secretary-General", "President-elect"): nameparser's title set plus the article vocabulary."""
    w = word.lower().strip(".,;:")
    if w in _NAME_CONSTANTS.titles:
        return True
    return "-" in w and any(p in _NAME_CONSTANTS.titles for p in w.split("-") if len(p) > 2)


def _after_split_honorific(text: str, span: Optional[Span]) -> str:
    """``text`` (the words of ``span``) without its first word when that word ends an honorific phrase the word
    before the span opens ("Dato' [Sri Faridah Osman]": the entity took the honorific's second word) and two words
    are left; else ``text``."""
    if span is None or len(text.split()) <= 2:
        return text
    before = doc_text(span.doc)[max(0, span.start_char - 12) : span.start_char].split()[-1:]
    return text.split(None, 1)[1] if honorific_length(before + text.split()[:1], 0) else text


# the honorifics of two words (:data:`components.lexicon.HONORIFIC_PHRASES`), as tuples of lower-case words
_HONORIFIC_PHRASES = frozenset(tuple(p.split()) for p in C.HONORIFIC_PHRASES)


def honorific_length(words: list[str], j: int) -> int:
    """Number of words of the honorific phrase of two words at ``words[j]`` ("Tan Sri", "Datuk Seri"; case and
    closing punctuation aside), 0 when none opens there."""
    pair = tuple(w.lower().strip(".,;:") for w in words[j : j + 2])
    return 2 if pair in _HONORIFIC_PHRASES else 0


def _title_length(words: list[str], j: int) -> int:
    """Number of words of the title at ``words[j]``: an honorific phrase (:func:`honorific_length`), one title word
    (:func:`is_title_word`), or 0."""
    return honorific_length(words, j) or (1 if j < len(words) and is_title_word(words[j]) else 0)


def _title_chain_length(words: list[str]) -> int:
    """Number of words of the title chain opening ``words``: the run of title words and honorific phrases ("Deputy
    Police Chief", "Home Minister Datuk Seri"), extended by nameparser over a conjunction ("Minister of Commerce
    Joseph Mbeki" -> 3, "Secretary of State ..." -> 3). nameparser (about a millisecond a call) runs only
    when a conjunction follows the run."""
    n = 0
    while n < len(words) and (step := _title_length(words, n)):
        n += step
    if n and n < len(words) - 1 and words[n].lower() in _NAME_CONSTANTS.conjunctions:
        hn = HumanName(" ".join(words), constants=_NAME_CONSTANTS)
        k = len(hn.title.split())
        if k > n and [w.lower() for w in words[:k]] == hn.title.lower().split() and (hn.first or hn.last):
            return k
    return n


@lru_cache(maxsize=8192)
def split_name(text: str) -> tuple[str, str]:
    """Split a person mention into its name and the description written before it.

    Method: leading lower-case words ("farmer", "dr.") are description unless they are name
    particles ("de Blasio"); then everything up to the end of the first title chain
    (nameparser's title set, extended with :data:`~components.lexicon.TITLE_WORDS`) is
    description, when a name follows it: "Kisumu Governor Amina Nyabera" -> ("Amina Nyabera",
    "Kisumu Governor"); "Estonian Prime Minister Liis Tamm" -> ("Liis Tamm", "Estonian Prime
    Minister"); "Minister of Commerce Joseph Mbeki" -> ("Joseph Mbeki", "Minister of
    Commerce"). A title word ending the mention stays ("Martin Luther King Jr.").

    Args:
        text (str): a mention without parentheses or outer punctuation.

    Returns:
        tuple[str, str]: (name, description); the description is "" when there is none.
    """
    words = text.split()
    k = 0
    if any(w[:1].isupper() for w in words):
        while k < len(words) - 1 and not words[k][:1].isupper() and words[k].lower() not in _NAME_CONSTANTS.prefixes:
            k += 1
    f = next((j for j in range(k, len(words) - 1) if _title_length(words, j)), None)
    if f is not None:
        n = _title_chain_length(words[f:])
        rest = words[f + n :]
        if n and any(w[:1].isupper() and w.lower().rstrip(".") not in C.NAME_SUFFIXES for w in rest):
            k = f + n
    return " ".join(words[k:]), " ".join(words[:k])


@lru_cache(maxsize=8192)
def _between_initials(text: str, i: int) -> bool:
    """True when the period at ``text[i]`` joins two initials written together ("P.K. Rao", "J.R.R. Tolkien"):
    one letter on each side, each its own initial; such a name keeps its spelling ("Dr.Ivanov" is spaced)."""
    return i >= 1 and text[i - 1].isalpha() and (i < 2 or not text[i - 2].isalpha()) \
        and i + 2 < len(text) and text[i + 1].isalpha() and text[i + 2] == "."


def clean_name(text: str) -> str:
    """Canonical surface of a name: no titles, offices, parentheses, possessive or outer
    punctuation, case repaired (the description before the name goes: :func:`split_name`).

    Args:
        text (str): a mention as written ("Dr.Ivanov", "MEHTA (voice-over)", "Deputy Police Chief Tomas Reyes",
            "[Jo Roe](https://...)": Markdown link syntax goes).

    Returns:
        str: e.g. "Ivanov", "Mehta", "Tomas Reyes" (may be a title alone when only a title was given).
    """
    text = _NICKNAME_RE.sub(" ", text)  # "Thomas “Tommy” Reilly": the name without its nickname
    text = _PAREN_RE.sub(" ", _LINK_TARGET_RE.sub("", text)).strip(" \t\n*:,;\"'“”‘’[]")
    if not _KEEPS_STOP.search(text):  # an initial or an abbreviated suffix keeps its period ("H. S.", "Jr.")
        text = text.strip(" .")
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"\.(?=[A-Za-z])", lambda m: "." if _between_initials(text, m.start()) else ". ", text)  # Dr.Ivanov
    name, _ = split_name(text)
    name = _without_post_nominals(name.strip(" ,")).strip(" ,")
    if not _KEEPS_STOP.search(name):
        name = name.strip(" .")
    return repair_case(name)


# post-nominal letters closing a name of two words or more (:data:`components.lexicon.POST_NOMINALS`, case-sensitive,
# with a comma or full stop or not): "Jane Whitfield KC", "Amina Bello, OBE", "Ruth Mensah QC MP"
_POST_NOMINALS_RE = re.compile(r"(?<=\S)(?:,?\s+(?:" + "|".join(sorted(map(re.escape, C.POST_NOMINALS))) + r")\.?)+$")


def _without_post_nominals(name: str) -> str:
    """``name`` without the post-nominal letters closing it (:data:`_POST_NOMINALS_RE`), when two words are left."""
    cut = _POST_NOMINALS_RE.sub("", name)
    return cut if len(cut.split()) >= 2 else name


# a nickname in quotation marks or brackets between a given name and a surname (one to three words):
# "Thomas “Tommy” Reilly", "Anna 'Nan' Kowal", "Ali (Ace) Demir"
_NICKNAME_OPENERS = ("“", '"', "'", "‘", "(")
_NICKNAME_CLOSERS = ("”", '"', "'", "’", ")")
_NICKNAME_RE = re.compile(r"(?<=\w)\s+[“\"'‘(][A-Z][\w.-]*(?:\s[\w.-]+){0,2}[”\"'’)]\s+(?=[A-Z])")


# a name ending on an initial or on an abbreviated suffix (:data:`components.lexicon.NAME_SUFFIXES` less the
# Roman numerals, which take no stop) keeps its full stop: "H. S.", "Robert Mensah Jr."
_KEEPS_STOP = re.compile(r"(?:^|\s)(?:[A-Z]|" + "|".join(sorted(w.capitalize() for w in C.NAME_SUFFIXES if set(w) - set("ivx")))
                         + r")\.$")


_AGE_EPITHET = re.compile(r"^(?:the|The) (\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old$")


def epithet_age(tok: Token) -> Optional[str]:
    """The age of an age epithet ending at ``tok`` ("the 54-year-old", "the six-year-old": "54", "six"), when
    the words from the article before it up to ``tok`` are one (no noun after it), else None."""
    doc = tok.doc
    if tok.lower_ != "old" or tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN"):
        return None
    start = next((j for j in range(tok.i - 1, max(tok.i - 7, -1), -1) if doc[j].lower_ == "the"), None)
    m = _AGE_EPITHET.match(doc[start : tok.i + 1].text) if start is not None else None
    return m.group(1).lower() if m else None


# gendered honorifics, role and kinship nouns: a person's gender for pronoun resolution (never guessed
# from a first name); nouns ending in "woman"/"man" are gendered too ("spokeswoman", "chairman")
GENDERED_WORDS: dict[str, str] = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "duke": "m", "father": "m", "brother": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "duchess": "f", "sister": "f", "mother": "f", "actress": "f",
    # kinship nouns of an apposition ("her husband Tomas", "his daughter Ana")
    "husband": "m", "son": "m", "uncle": "m", "nephew": "m", "grandson": "m", "grandfather": "m", "widower": "m",
    "boyfriend": "m", "stepson": "m", "wife": "f", "daughter": "f", "aunt": "f", "niece": "f", "granddaughter": "f",
    "grandmother": "f", "widow": "f", "girlfriend": "f", "stepdaughter": "f",
}
# abbreviated titles as written before names ("Sen. Lindsey Graham"), read in full when a role noun
# ("the senator") is matched against a person's role
ROLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "capt": "captain", "sgt": "sergeant", "maj": "major", "adm": "admiral", "prof": "professor",
    "dr": "doctor", "amb": "ambassador", "atty": "attorney", "supt": "superintendent", "insp": "inspector",
    "cmdr": "commander", "brig": "brigadier", "pres": "president", "sec": "secretary",
}
# offices of a state, province, county or city: a place named before them ("Georgia Governor")
# is the office's jurisdiction, not a country
SUBNATIONAL_OFFICES: frozenset[str] = frozenset(
    {"governor", "mayor", "sheriff", "councillor", "councilor", "alderman", "assemblyman", "assemblywoman", "legislator"}
)
_HE_SHE = frozenset(get_string_id(w) for w in ("he", "she"))  # lower-case forms, as string hashes
_NOT_GENDERED_MAN = frozenset({"human", "german", "roman", "ottoman", "shaman", "oman", "woman"})


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the headline-case lines of ``text``: lines of 2 to 25 words that end
    without a full stop and whose words of four letters or more nearly all start with a capital
    (at least 80%, at least two such words), such as an article's title. Spans there glue
    capitalised verbs and adjectives to names ("Obama Says ...")."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        words = m.group().split()
        if not 2 <= len(words) <= 25 or m.group().rstrip().endswith("."):
            continue  # (checked first: most lines are paragraphs of more words)
        long = [w for w in words if sum(c.isalpha() for c in w) >= 4]
        if len(long) < 2:
            continue
        if sum(w.lstrip("\"'“‘(")[:1].isupper() for w in long) >= 0.8 * len(long):
            out.append((m.start(), m.end()))
    return out


def gender_of_words(words: list[str]) -> Optional[str]:
    """Grammatical gender ("f"/"m") a title or role gives its bearer, else None: the first
    gendered honorific or role noun of ``words`` (:data:`GENDERED_WORDS`, nouns ending in
    "woman" or "man" such as "spokeswoman", "congressman"; demonyms such as "German" excluded)."""
    for w in words:
        low = w.lower().strip(".,;:")
        if low in GENDERED_WORDS:
            return GENDERED_WORDS[low]
        if low.endswith("woman") and len(low) > 5:
            return "f"
        if low.endswith("man") and len(low) > 4 and low not in _NOT_GENDERED_MAN and country_of(low) is None:
            return "m"
    return None


# an age before a role noun ("52-year-old", "six-year-old", "52 year old")
_AGE_PREFIX = re.compile(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week)s?[- ]old\s+", re.I)


@dataclass
class SpeakerRecord:
    """A speaker being built: canonical name, aliases and attributes (see :class:`Speaker`)."""

    name: str
    type: str = "person"
    aliases: set = field(default_factory=set)
    role: Optional[str] = None
    org: Optional[str] = None
    country: Optional[str] = None
    # head nouns of the descriptions the person's name is in apposition to ("the witness" in "The witness, former
    # officer X,"): what a later "THE WITNESS:" label or a role lookup may call the person (:meth:`SpeakerIndex.role_holder`)
    described_as: set = field(default_factory=set)

    def to_model(self) -> Speaker:
        """Return the pydantic :class:`Speaker` (aliases sorted, the name itself excluded)."""
        return Speaker(
            name=self.name,
            aliases=sorted({a for a in self.aliases if a.lower() != self.name.lower()}),
            type=self.type,
            role=self.role,
            org=self.org,
            country=self.country,
        )


@lru_cache(maxsize=4096)
def _without_particle(word: str) -> str:
    """Lower-case name word ``word`` without a particle joined to it by a hyphen ("al-jubouri" -> "jubouri",
    "el-sisi" -> "sisi"; ``surname_particles``), else ``word``."""
    head, sep, rest = word.partition("-")
    return rest if sep and rest and head in C.SURNAME_PARTICLES else word


def _name_words(full: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lower-case words of the full name ``full``, and the same without closing name suffixes
    (:data:`~components.lexicon.NAME_SUFFIXES`; at least two words kept: "Lloyd J. Austin III" ends
    with "austin"), as :meth:`SpeakerIndex.canonical` compares them (memoised: it compares every
    full name of the article at each mention)."""
    words = tuple(full.lower().split())
    fl = words
    while len(fl) > 2 and fl[-1].rstrip(".,") in C.NAME_SUFFIXES:
        fl = fl[:-1]
    return words, fl


class SpeakerIndex:
    """Named people, organisations and pronoun antecedents of one article.

    Args:
        doc (Doc): the parsed article.
        places (list[Place] | None): toponym mentions of the places stage (None: not run) (character offsets); entities overlapping them are
            not people.
        quoted (list[tuple[int, int]]): character ranges inside quotation marks; names there are
            not antecedents (the speaker of a quote is not someone it mentions).
    """

    def __init__(self, doc: Doc, places: Optional[list[Place]], quoted: list[tuple[int, int]]):
        self.doc = doc
        self.records: dict[str, SpeakerRecord] = {}
        self._places_run = places is not None
        self._place_spans = sorted((p.start, p.end) for p in places or [])
        self._quoted = sorted(quoted)
        self._quoted_starts = [a for a, _ in self._quoted]
        self._persons: list[tuple[int, str]] = []  # (char offset, record key) of named people outside quotes
        self._salient: set[tuple[int, str]] = set()  # mentions that are clause subjects or quote speakers
        if doc.has_annotation("SENT_START"):  # the sentences' first characters, from the columns
            idx = token_column(doc, "idx")
            self._sent_starts = [idx[i] for i in sentence_starts(doc)] if len(doc) else []
        else:
            self._sent_starts = [s.start_char for s in doc.sents]
        text = doc_text(doc)
        self._headlines = headline_lines(text)
        first = text.split("\n", 1)[0]  # a first line without a final stop is the title ("Ferry service halted")
        self._title_end = len(first) if first.strip() and not first.rstrip().endswith((".", "?", "!", ":")) else 0
        self._body_persons: list[Span] = []  # PERSON entities outside quotes and headlines
        self._abbrev: dict[str, str] = {}  # "WTN" -> "World Today News"
        self._gender: dict[str, str] = {}  # record key -> "f"/"m", from resolved pronouns and Mr/Mrs/Ms
        self._full_names: list[str] = []
        self._datelines = datelines(doc)  # wire datelines ("BRUSSELS (Reuters) — "), text order
        for abbrev, full in defined_abbreviations(text):
            self._abbrev.setdefault(abbrev.lower(), full)
        # doc.ents builds new Spans on every access; given names the model left out are taken in
        self._ents: list[Span] = _joined_persons(_with_surname_particles([
            _storm_name(_named_kind(_appositive_person(_titled_person(_described_person(self._with_given_names(
                _body_name(_without_opening_verb(e))))))))
            for e in doc_ents(doc)]))
        self._ents = [e for e in self._ents if not section_label(e)]  # "Schools:" in a list of topics
        self._ent_of_tok: dict[int, Span] = {t: ent for ent in self._ents for t in range(ent.start, ent.end)}
        for ent in self._ents:
            if ent.label_ != "PERSON" or self.in_quote(ent.start_char) or self.is_place(ent):
                continue
            if not self._looks_like_name(ent):
                continue
            name = clean_name(_after_split_honorific(ent.text, ent))
            if name and not self.in_headline(ent.start_char):
                self._full_names.append(name)
                self._body_persons.append(ent)
        untagged = self._untagged_names()  # their full names known before any short form is recorded
        self._full_names.extend(n for n in (clean_name(u.text) for u in untagged) if n and n not in self._full_names)
        self._full_names.sort(key=lambda n: -len(n.split()))
        for ent in self._ents:
            if ent.label_ == "PERSON" and not self.in_quote(ent.start_char) and not self.is_place(ent) and self._looks_like_name(ent):
                key = self.add_person(ent.text, ent)
                if key and self._in_display_line(ent.start_char) and self.records[key].name not in self._full_names:
                    continue  # a headline's "person" no body sentence names ("Bridge Reopens"): no pronoun's antecedent
                if key:
                    self._persons.append((ent.start_char, key))
                    if self._is_salient(ent):
                        self._salient.add((ent.start_char, key))
                    self._possessor_gender(ent, key)
        self._add_kin_appositions()
        self._add_untagged_names(untagged)
        self._add_untagged_mentions()
        self._persons.sort()
        # clause-subject "he"/"she" outside quotations, (offset, gender): salient pronoun mentions
        lower = token_column(doc, "lower")  # tested before a Token is built
        self._subject_pronouns = [(t.idx, C.PRONOUN_GENDER[t.lower_]) for t in (doc[i] for i, h in enumerate(lower) if h in _HE_SHE)
                                  if t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(t.idx)]

    def _possessor_gender(self, ent: Span, key: str) -> None:
        """Note the gender a possessive pronoun gives a person, unless it is known already: right after
        their name ("Mayor Lena Fisk and her deputy", "Tomas Berg, his wife and ...": she, he), or on the
        object of the verb the name is the subject of, with no other person named in between ("Minister
        Lars Holm met his Danish counterpart": he; the possessive of a clause's object is its subject's)."""
        doc = self.doc
        k = ent.end
        if k < len(doc) and doc[k].lower_ in ("and", ","):
            k += 1
        if k < len(doc) and doc[k].lower_ in ("her", "his") and doc[k].dep_ == "poss" and doc[k].head.i > k:
            self._gender.setdefault(key, C.PRONOUN_GENDER.get(doc[k].lower_))
            return
        if ent.root.dep_ != "nsubj":
            return
        for obj in ent.root.head.children:
            if obj.dep_ not in ("dobj", "obj") or obj.i < ent.end:
                continue
            poss = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in ("her", "his")), None)
            if poss is not None and not any(t.ent_type_ == "PERSON" for t in doc[ent.end : poss.i]):
                self._gender.setdefault(key, C.PRONOUN_GENDER.get(poss.lower_))

    def _add_kin_appositions(self) -> None:
        """Add the person a kinship noun names right after it ("his sister Lina", "her son Tomas
        Berg") when the model left the name untagged or tagged it as something else: one to three
        capitalised proper nouns outside quotations, headlines and place mentions (the kinship list is
        ``kin_nouns`` of ``lexicon/places.yaml``, which reads the same apposition for toponyms)."""
        doc = self.doc
        kin = {get_string_id(w) for w in C.KIN_NOUNS}
        for t in (doc[i] for i, h in enumerate(token_column(doc, "lower")) if h in kin):  # tested before a Token is built
            if t.i + 1 >= len(doc) or self.in_quote(t.idx):
                continue
            end = t.i + 1
            while end < len(doc) and end - t.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1
            span = doc[t.i + 1 : end]
            if not len(span) or span[0].ent_type_ == "PERSON" or self.is_place(span) or self.in_headline(span.start_char):
                continue
            key = self.add_person(span.text, span)
            if key:
                self._persons.append((span.start_char, key))
                if self._is_salient(span):
                    self._salient.add((span.start_char, key))

    def _untagged_names(self) -> list[Span]:
        """The people the model left without any entity ("Rescuers found Ana Pereira alive", no label): two or
        three capitalised proper nouns written as a name (:func:`name_shaped`) that are a clause's subject or
        object, outside quotations, headlines and places, with no title word, country or demonym among them and
        no organisation head noun last. In text order."""
        doc, out = self.doc, []
        for t in doc:
            if t.ent_type_ or t.pos_ != "PROPN" or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
                continue
            span = doc[_untagged_compounds_start(t) : t.i + 1]
            if not name_shaped(span) or span[0].lower_ in C.STORM_WORDS or self.in_quote(span.start_char) or self.in_headline(span.start_char) or self.is_place(span) \
                    or t.lower_ in C.ORG_HEAD_NOUNS or any(is_title_word(w.text) or country_of(w.text) for w in span):
                continue
            out.append(span)
        return out

    def _add_untagged_names(self, spans: list[Span]) -> None:
        """Add the people of :meth:`_untagged_names` (``spans``) as pronoun antecedents."""
        for span in spans:
            key = self.add_person(span.text, span)
            if key:
                bisect.insort(self._persons, (span.start_char, key))
                if self._is_salient(span):
                    self._salient.add((span.start_char, key))

    def _add_untagged_mentions(self) -> None:
        """Add, as pronoun antecedents, the surnames of the article's named people that the model
        left untagged ("Oz's advice earned him ..." with "Oz" no entity) or tagged as a place that is
        none ("Okoro disagreed. She said ...", "Okoro" GPE): a proper noun outside quotations, other
        entities and headlines that is the last word of exactly one person's name."""
        last: dict[str, Optional[str]] = {}
        for key, rec in self.records.items():
            if rec.type == "person" and len(rec.name.split()) >= 2:
                w = rec.name.split()[-1]
                last[w] = None if w in last and last[w] != key else key
        if not last:
            return
        wanted = {get_string_id(w) for w in last}
        for t in (self.doc[i] for i, h in enumerate(token_column(self.doc, "orth")) if h in wanted):
            key = last.get(t.text)
            # untagged, or tagged a place the places stage did not resolve ("Okoro disagreed", GPE)
            misread = t.ent_type_ in ("GPE", "LOC", "NORP") and not self.is_place(self.doc[t.i : t.i + 1])
            if key and t.pos_ == "PROPN" and (not t.ent_type_ or misread) and not self.in_quote(t.idx) and not self.in_headline(t.idx):
                self._persons.append((t.idx, key))
                if self._is_salient(self.doc[t.i : t.i + 1]):
                    self._salient.add((t.idx, key))

    # ----- helpers
    def in_quote(self, char: int) -> bool:
        """True when character offset ``char`` lies inside a quotation."""
        i = bisect.bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and self._quoted[i][0] <= char < self._quoted[i][1]

    def dateline_at(self, char: int) -> Optional[int]:
        """End offset of the wire dateline holding character ``char``, or None outside datelines."""
        i = bisect.bisect_right(self._datelines, (char, float("inf"))) - 1
        return self._datelines[i][1] if i >= 0 and self._datelines[i][0] <= char < self._datelines[i][1] else None

    def is_place(self, span: Span) -> bool:
        """True when ``span`` overlaps a toponym mention of the places stage (or, when that stage
        did not run, when it is a single-token gazetteer place name). When the stage ran and found
        no toponym there, its decision stands: a surname that is also some village's name
        ("Ivanov") stays a person."""
        for a, b in self._place_spans:
            if a < span.end_char and span.start_char < b:
                return True
        if len(span) == 1 and not self._places_run:
            # no toponym stage output: fall back to the gazetteer (a lone "Kherson" is a city)
            g = _gaz()
            if g is not None:
                try:
                    return bool(g.is_place_name(span.text)) and not span.text.isupper()
                except Exception:
                    return False
        return False

    @staticmethod
    def _looks_like_name(span: Span) -> bool:
        toks = [t for t in span if not t.is_punct]
        if not toks or len(toks) > 5:
            return False
        if any(t.tag_ in ("VBZ", "VBD", "VBP") and t.pos_ == "VERB" for t in toks):
            return False  # headline fragments such as "X Pushes"
        return sum(c.isalpha() for c in span.text) >= 2  # not a lone initial ("a post on X.")

    @property
    def full_names(self) -> list[str]:
        """Fullest person names seen so far (longest first)."""
        return self._full_names

    def define_abbreviation(self, abbrev: str, full: str) -> None:
        """Record that label ``abbrev`` stands for ``full`` ("WTN" -> "World Today News")."""
        self._abbrev[abbrev.lower()] = full

    # ----- canonical names
    def canonical(self, name: str) -> str:
        """Fullest form in the article that ``name`` (already cleaned) is a short form of: its last
        words ("Kallas" -> "Kaja Kallas"), first and last word, two or more opening words of exactly one
        longer full name of a described person ("Ahmad Zulkifli" -> "Ahmad Zulkifli Hamzah"), or, for a single word that no full
        name ends with, the first word of exactly one full name ("Lin" -> "Lin Jian": family name first), else a
        later word of exactly one ("Lopez" -> "Ana Maria Lopez Garcia", "Jubouri" -> "Haidar al-Jubouri")."""
        if name.lower() in self._abbrev:
            return self._abbrev[name.lower()]
        low = tuple(name.lower().split())
        if not low:
            return name
        for full in self._full_names:
            words, fl = _name_words(full)
            if words == low:
                continue  # the name itself: a longer form may still follow
            if len(fl) >= len(low) and (fl[-len(low):] == low or (len(low) == 2 and fl[0] == low[0] and fl[-1] == low[-1])):
                return full
        if len(low) >= 2:
            # the given names without the father's or family name ("Ahmad Zulkifli" of "Ahmad Zulkifli Hamzah", Malay and
            # Arabic patronymics): the opening words of exactly one longer full name, of a person the article described
            # (a role or organisation: not a business or road named after one, "Glenn Polk AutoPlex")
            opening = [f for f in self._full_names if _name_words(f)[1][: len(low)] == low and len(_name_words(f)[1]) > len(low)]
            rec = self.records.get(opening[0].lower()) if len(opening) == 1 else None
            if rec is not None and (rec.role or rec.org):
                return opening[0]
        if len(low) == 1:
            # a family name written first ("Lin Jian", "Choe Son Hui", "Xi Jinping"): a single word
            # that opens exactly one full name of the article and ends none is that person
            first = [f for f in self._full_names if _name_words(f)[0][0] == low[0] and len(f.split()) >= 2]
            if len(first) == 1:
                return first[0]
            # a surname that does not end the name (the first of two: "Lopez" of "Ana Maria Lopez Garcia") or written
            # without its particle ("Jubouri" of "Haidar al-Jubouri"): a later word of exactly one full name
            inner = [f for f in self._full_names if low[0] in {_without_particle(w) for w in _name_words(f)[1][1:]}]
            if len(inner) == 1:
                return inner[0]
        return name

    def add_person(self, text: str, span: Span | None = None) -> Optional[str]:
        """Register a person mention; return its record key (lower-case canonical name) or None."""
        name = clean_name(_after_split_honorific(text, span))
        if not name or not any(c.isalpha() for c in name):
            return None
        headline = span is not None and self.in_headline(span.start_char)
        if headline:
            # a headline glues title-case verbs to names ("Lindqvist Pushes"): the verbs go first
            kept = [t for t in span if not (t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBZ", "VBD", "VBP"))]
            name = self._headline_name(clean_name(join_tokens(kept)) if kept and len(kept) < len(span) else name)
            if not name:
                return None
        full = self.canonical(name)
        if full == name and len(name.split()) >= 2 and name not in self._full_names and not headline:
            self._full_names.append(name)
            self._full_names.sort(key=lambda n: -len(n.split()))
        key = full.lower()
        rec = self.records.get(key)
        if rec is None:
            rec = self.records[key] = SpeakerRecord(name=full, type="person")
        before = [t.text for t in span.doc[max(0, span.start - 3, span.sent.start) : span.start]] if span is not None else []
        gender = gender_of_words(before[::-1] + text.split()[:4])
        if gender:
            self._gender.setdefault(key, gender)
        if name != full:
            rec.aliases.add(name)
        # the mention as written, without markup or punctuation the entity took along ("Lena Okafor:**")
        written = _ALIAS_EDGE.sub("", text.strip())
        if written not in (full, name, "") and span is not None and not headline:
            rec.aliases.add(written)  # a headline run glues verbs to names ("Zelenskyy Pushes"): no alias
        if span is not None:
            self._describe(rec, span)
        return key

    def in_headline(self, char: int) -> bool:
        """True when character ``char`` lies in a headline-case line (:func:`headline_lines`)."""
        return any(a <= char < b for a, b in self._headlines)

    def _in_display_line(self, char: int) -> bool:
        """True when character ``char`` lies in a headline-case line or the title line (a first line without a
        final stop), whose title case says nothing about which words are names."""
        return self.in_headline(char) or char < self._title_end

    def _headline_name(self, name: str) -> str:
        """The person a name-like run of a headline stands for: capitalised headline words glue
        verbs and adjectives to a name ("Obama Says", "Derelict Obama"), so the run is the
        body's person whose name one of its words is ("Barack Obama"); else the run itself."""
        known = {n.lower() for n in self._full_names} | {clean_name(e.text).lower() for e in self._body_persons}
        for w in name.split():
            full = self.canonical(w)
            if full.lower() in known:
                return full
        return name

    def set_role(self, key: str, role: str) -> None:
        """Set the role of record ``key`` from a label descriptor ("TRANSPORT COMMISSIONER") if unset."""
        rec = self.records.get(key)
        if rec is not None and rec.role is None and role.strip():
            rec.role = repair_case(role.strip())

    def add_organisation(self, name: str, type_: str = "organisation", country: Optional[str] = None) -> str:
        """Register an organisation/group/document speaker; return its record key. An abbreviation
        the article defines ("the Organization for Security and Co-operation in Europe (OSCE)")
        resolves to its full form, with the abbreviation as an alias."""
        short = name.strip()
        name = self._abbrev.get(short.lower(), short)
        key = name.lower()
        rec = self.records.get(key)
        if rec is None:
            rec = self.records[key] = SpeakerRecord(name=name, type=type_)
            rec.country = country if country is not None else country_of(name)
        if short != name:
            rec.aliases.add(short)
        return key

    # ----- role, organisation, country
    def _describe(self, rec: SpeakerRecord, span: Span) -> None:
        """Fill role/org/country from pre-modifiers ("Ukrainian President X") or appositives."""
        root = span.root
        parts: list[list[Token]] = []
        # tokens before the name inside its noun phrase: compounds, amod, poss; a mention that holds its
        # own titles ("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani", where the model's entity
        # stopped short of "Al Thani") is described by the words before its name
        first = clean_name(span.text).split()[:1]
        start = next((t.i for t in span if first and t.text == first[0]), span.start)
        pre = [t for t in root.subtree if t.i < start and t.dep_ in ("compound", "amod", "poss", "case", "nmod", "det", "punct", "prep", "pobj")]
        if pre and pre[-1].i == start - 1 or (pre and all(t.i < start for t in pre)):
            parts.append(self._unattached_before(pre) + [t for t in pre if t.i >= (pre[0].i)])
        # the name is an appositive of a title noun: "Germany's Foreign Minister, Annalena Baerbock"
        # (not when the head is itself a person: "Dr. Ivanov, Ukrainian President Zelenskyy" is a
        # vocative before another person's title)
        # (not a rubric before a colon: "Interview: Dr. Jane Roe on ..." labels the piece)
        if root.dep_ == "appos" and root.head.i < span.start and root.head.ent_type_ != "PERSON" \
                and not any(t.text == ":" for t in self.doc[root.head.i + 1 : span.start]):
            head = root.head  # (not the name's own titles: "The head of X, Gen. Ivan Boyko," keeps "Gen." out of X)
            if head.pos_ == "NOUN":
                rec.described_as.add(head.lemma_.lower())
            parts.append([t for t in head.subtree if t.i < min(span.start, root.left_edge.i) and t.i >= head.left_edge.i and t.dep_ != "punct"
                          or t.i == head.i])
        # appositive after the name: "Kaja Kallas, the EU's new top diplomat,"; another named person
        # ("Dr. Ivanov, Ukrainian President Zelenskyy has ...") describes nobody: its title and
        # demonym are that person's own
        for ch in root.children:
            if ch.dep_ == "appos" and ch.i > span.end - 1 and ch.ent_type_ != "PERSON":
                cut = {x.i for g in ch.children if g.dep_ in ("conj", "cc", "relcl", "acl", "appos") for x in g.subtree}
                parts.append([t for t in ch.subtree if t.i not in cut])
        for toks in parts:
            self._apply_description(rec, toks)
        if rec.org is None and not is_title_word(rec.name):
            # "Olesya Vartanyan of the International Crisis Group": the body the person belongs to (not a place the model
            # tagged as an organisation: "Mindy Miller of Ravenel"; "at" is more often where: "a mentor to X at Harvard")
            body = next((g for c in root.rights if c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == span.end
                         for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "ORG"), None)
            ent = self._ent_of_tok.get(body.i) if body is not None else None
            if ent is not None and ent.label_ == "ORG" and not self.is_place(ent):
                rec.org = _org_name(ent.text)

    def _unattached_before(self, pre: list[Token]) -> list[Token]:
        """Capitalised proper nouns glued before a title the parser left outside the noun phrase
        ("Georgia" in a "Georgia Governor Brian Kemp" parsed as two sentences): at most three,
        on the same line, none a person's name."""
        if not pre or pre[0].lower_.rstrip(".") not in C.TITLE_WORDS:
            return []
        out: list[Token] = []
        k = pre[0].i - 1
        while k >= 0 and len(out) < 3:
            t = self.doc[k]
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.whitespace_ or "\n" in t.whitespace_ or t.ent_type_ == "PERSON":
                break
            out.insert(0, t)
            k -= 1
        return out

    def _apply_description(self, rec: SpeakerRecord, toks: list[Token]) -> None:
        """Fill ``rec``'s role, organisation and country (each only if unset) from the tokens
        of a description ("Estonian Prime Minister", "Kisumu Governor", "a fisherman in
        Nyando", "Minister of Commerce", "Senior Fellow at the Harbor Institution")."""
        # punctuation goes, except "." and "&" and a hyphen glued inside a word ("Secretary-General")
        toks = [t for t in toks if not t.is_punct or t.text in ".&" or t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_]
        role_toks, org, country = self._read_description(toks)
        role = join_tokens(role_toks).strip(" -")
        role = _AGE_PREFIX.sub("", role)  # "a 52-year-old farmer": the age is no part of the role
        if role and not any(t.pos_ in ("NOUN", "PROPN") for t in role_toks):
            role = ""
        if role_toks and role_toks[-1].lower_ in C.RELATIONAL_NOUNS:
            role = ""  # "Her Russian counterpart": a relation to someone, not a role
        if role and rec.role is None and len(role_toks) <= 6:
            rec.role = role
            gender = gender_of_words(role.split())
            if gender:
                self._gender.setdefault(rec.name.lower(), gender)
        if org and rec.org is None:
            rec.org = _org_name(org)
        if country and rec.country is None:
            rec.country = country

    def _read_description(self, toks: list[Token]) -> tuple[list[Token], Optional[str], Optional[str]]:
        """One pass over a description: ``(role tokens, organisation, country)``. A prepositional
        phrase ends the role (:meth:`_prep_phrase`); a named modifier is read by
        :meth:`_named_modifier`; determiners, honorifics and markup are skipped."""
        role_toks: list[Token] = []
        org: Optional[str] = None
        country: Optional[str] = None
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.dep_ == "prep" and role_toks:
                more, p_org, p_country = self._prep_phrase(role_toks, t, toks[i + 1 :])
                if more is None:
                    org, country = org or p_org, country or p_country
                    break
                role_toks.extend(more)
                i += 1 + len(more)
                continue
            if t.dep_ in ("relcl",) or t.lower_ in ("who", "which", "that"):
                break
            office = next((x for x in toks[i + 1 :] if x.lower_ in C.TITLE_WORDS), None)
            named = self._named_modifier(toks, i, office)
            if named is not None:
                i, tail, n_org, n_country = named
                role_toks.extend(tail)
                org, country = org or n_org, country or n_country
                continue
            skip = honorific_length([x.text for x in toks[i : i + 2]], 0)  # "Tan Sri": no role
            if skip:
                i += skip
                continue
            if not (t.dep_ in ("det", "case") or t.pos_ in ("DET", "PRON") or t.lower_.rstrip(".") in C.HONORIFICS or t.text.startswith("*")):
                role_toks.append(t)
            i += 1
        return role_toks, org, country

    def _prep_phrase(self, role_toks: list[Token], prep: Token, rest: list[Token]):
        """Read the prepositional phrase after a role: ``(role continuation, org, country)``.

        The role continues (a list of tokens, first item ``prep``) over a portfolio after "of"
        ("Minister of Commerce", "Secretary of State": capitalised words that name no
        organisation, acronym or place). Otherwise the role ends (``None``): "at/of/for/with"
        an organisation gives the org ("Senior Fellow at the Harbor Institution", "ambassador to
        the U.N."); "of" a country gives the country ("President of Ghana"); "of" a place after
        an office gives that jurisdiction as org ("Governor of Kisumu"). "in"/"from" a place
        ("a fisherman in Nyando") is where the person is, never an org.
        """
        words = [x for x in rest if x.dep_ != "det"]
        low = prep.lower_
        if not words or low not in ("at", "of", "for", "with", "to"):
            return None, None, None
        text = join_tokens(words)
        if low == "of" and country_of(text) and not any(x.ent_type_ == "ORG" for x in words):
            return None, None, country_of(text)
        is_place = any(x.ent_type_ in ("GPE", "LOC") for x in words) or self._is_toponym(words)
        portfolio = (low == "of" and len(words) <= 4 and not is_place and all(x.text[:1].isupper() or x.lower_ in ("and", "&") for x in words)
                     and not any(x.lower_ in C.ORG_HEAD_NOUNS or x.text.isupper() for x in words))
        if portfolio:
            return [prep] + [x for x in rest], None, None
        if is_place:
            office = low == "of" and role_toks[-1].lower_ in C.TITLE_WORDS
            return None, (text if office else None), None
        if any(x.ent_type_ == "ORG" for x in words) or low != "to" and any(x.pos_ == "PROPN" for x in words):
            return None, text, None  # "ambassador to the U.N." -> org; "envoy to Ukraine" -> no org
        return None, None, None

    def _is_toponym(self, toks: list[Token]) -> bool:
        """True when ``toks`` overlap a toponym mention of the places stage."""
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return any(x < b and a < y for x, y in self._place_spans)

    def _named_modifier(self, toks: list[Token], i: int, office: Optional[Token]):
        """Read a country, demonym, place or organisation named at ``toks[i]`` before a role;
        ``(next index, role tail, org, country)`` or None when ``toks[i]`` names none.

        A demonym or country gives the country ("Estonian Prime Minister"); an organisation the
        org ("White House National Security Advisor": its trailing title words stay the role).
        Before a subnational office (:data:`SUBNATIONAL_OFFICES`: "Georgia Governor", "Kisumu
        Governor") a place is the office's jurisdiction: the org, never the country.
        """
        t = toks[i]
        subnational = office is not None and office.lower_ in SUBNATIONAL_OFFICES
        if t.text[:1].isupper() and t.ent_iob_ != "I" and t.lower_ not in C.TITLE_WORDS and t.pos_ == "PROPN" \
                and t.ent_type_ in ("", "PERSON") and (self._is_toponym([t]) or office is not None and _is_place_name(t.text)):
            step = 2 if i + 1 < len(toks) and toks[i + 1].dep_ == "case" else 1
            cc = None if subnational else country_of(t.text)
            return i + step, [], (None if cc else t.text), cc
        if t.text[:1].isupper() and t.ent_iob_ != "I" \
                and t.ent_type_ not in ("GPE", "NORP", "ORG", "FAC", "LOC") and t.pos_ in ("ADJ", "PROPN") and country_of(t.text):
            # a demonym or country the model tagged as something else ("The Moldovan president"
            # with "Moldovan" as PERSON, "Macedonian Foreign" as one PERSON)
            step = 2 if i + 1 < len(toks) and toks[i + 1].dep_ == "case" else 1
            return i + step, [], (t.text if subnational else None), (None if subnational else country_of(t.text))
        if not (t.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "LOC") or t.dep_ == "poss" and t.pos_ != "PRON"):
            return None
        ent_toks = [t]
        while i + 1 < len(toks) and toks[i + 1].ent_iob_ == "I" and toks[i + 1].ent_type_ == t.ent_type_:
            i += 1
            ent_toks.append(toks[i])
        tail: list[Token] = []
        while len(ent_toks) > 1 and ent_toks[-1].lower_ in C.TITLE_WORDS:
            tail.insert(0, ent_toks.pop())
        text = join_tokens(ent_toks)
        org = None
        # a one-word "organisation" that names a country or its people is the country ("Emirati Foreign
        # Minister" with "Emirati" tagged ORG)
        cc = country_of(text) if t.ent_type_ in ("GPE", "NORP", "LOC") or t.dep_ == "poss" or len(ent_toks) == 1 else None
        if subnational and t.ent_type_ in ("GPE", "LOC", ""):
            org, cc = text, None  # "Georgia Governor Brian Kemp": a state, not the country Georgia
        elif cc and t.ent_type_ == "ORG" and C.ORG_COUNTRY.get(text.lower()) is None:
            pass  # "Slovakia's Robert Fico" with "Slovakia" tagged ORG: a country
        elif t.ent_type_ == "ORG" or (t.ent_type_ in ("", "FAC") and cc is None):
            org, cc = text, C.ORG_COUNTRY.get(text.lower())
        step = 2 if i + 1 < len(toks) and toks[i + 1].dep_ == "case" else 1
        return i + step, tail, org, cc

    # ----- resolving a subject token to a speaker
    def noun_phrase(self, tok: Token) -> Span:
        """The name-like part of the noun phrase headed by ``tok`` (entity, or NP without clauses)."""
        if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
            ent = self._ent_of_tok.get(tok.i)
            if ent is not None:
                # a name the model split in two ("Ursula von der" PERSON + "Leyen" GPE): the head's
                # contiguous proper-noun compounds are one person's name when they start a PERSON
                if ent.label_ != "PERSON" and ent.start == tok.i and tok.i > 0:
                    k = tok.i
                    while k > 0 and self.doc[k - 1].dep_ in ("compound", "flat") and self.doc[k - 1].head.i >= k \
                            and self.doc[k - 1].pos_ == "PROPN" and self.doc[k - 1].ent_type_ == "PERSON":
                        k -= 1
                    if k < tok.i:
                        return Span(self.doc, k, tok.i + 1, label="PERSON")
                    given = self._untagged_given_names(ent)
                    if given is not None:
                        return given
                ent = self._with_given_name(ent)
                comma = next((t.i for t in ent if t.text == "," and t.i > tok.i), None)
                if comma is not None and not any(ent.start <= t.head.i < comma for t in self.doc[comma + 1 : ent.end]):
                    # the model ran the entity over a comma into the next phrase ("Politico,
                    # Democratic party insiders say"): what follows hangs elsewhere, not a name part
                    ent = Span(self.doc, ent.start, comma, label=ent.label_)
                return ent
        surname = self._with_untagged_surname(tok)
        if surname is not None:
            return surname
        left = tok.i
        for t in tok.lefts:
            if t.dep_ in ("det", "compound", "amod", "poss", "nummod", "case", "nmod", "quantmod") or t.dep_ == "punct" and t.text in "'’":
                left = min(left, t.left_edge.i)
        # a misparse can hang a clause on the head ("Trump accused Holt of being a"): a noun
        # phrase holds no verb, so it starts after the last one
        verbs = [t.i for t in self.doc[left : tok.i] if t.pos_ in ("VERB", "AUX")]
        if verbs:
            left = verbs[-1] + 1
        # a dash or bracket set off by spaces that the parser hung on the phrase ("No - police said", "Not quite -
        # police said") ends what came before it: no part of a name (not the hyphen of "Al-Shabaab")
        cuts = [t.i for t in self.doc[left : tok.i] if t.is_punct and t.text not in "'’" and (t.whitespace_ or self.doc[t.i - 1].whitespace_)]
        if cuts:
            left = cuts[-1] + 1
        return self.doc[left : tok.i + 1]

    def _with_given_name(self, ent: Span) -> Span:
        """``ent`` with the given name before a nickname in quotation marks or brackets that the model's entity
        starts at ("Thomas “Tommy” Reilly" tagged as "Tommy” Reilly"): the whole name from the given name, as a
        PERSON span; ``ent`` itself otherwise. (:func:`clean_name` then drops the nickname.)"""
        doc, k = self.doc, ent.start
        close = next((t.i for t in ent[1:4] if t.text in _NICKNAME_CLOSERS), None)
        if close is not None and close + 1 < ent.end and k >= 2 and doc[k - 1].text in _NICKNAME_OPENERS:
            opener = k - 1  # the entity starts at the nickname: "Thomas “[Tommy” Reilly]"
        elif k >= 3 and doc[k - 1].text in _NICKNAME_CLOSERS:  # ... or at the surname: "Marek 'Mac' [Nowicki]"
            opener = next((j for j in range(k - 3, max(k - 6, -1), -1) if doc[j].text in _NICKNAME_OPENERS), None)
            if opener is None or not all(t.text[:1].isupper() for t in doc[opener + 1 : k - 1]):
                return ent
        else:
            return ent
        given = doc[opener - 1] if opener >= 1 else None
        if given is not None and given.pos_ == "PROPN" and given.text[:1].isupper():
            return Span(doc, opener - 1, ent.end, label="PERSON")
        return ent

    def _untagged_given_names(self, ent: Span) -> Optional[Span]:
        """A one-word ORG entity that the model cut off a person's name ("Tomasz" untagged, "Wrona" ORG in
        "Tomasz Wrona said"): with the untagged capitalised proper nouns right before it that are its
        compounds (no title word, country or demonym) it makes a name of two or three words
        (:func:`name_shaped`), returned as a PERSON span. None otherwise, or for an organisation's head
        noun ("Defence Ministry")."""
        tok = ent[0]
        if len(ent) != 1 or ent.label_ != "ORG" or tok.lower_ in C.ORG_HEAD_NOUNS:
            return None
        k = _untagged_compounds_start(tok)
        return Span(self.doc, k, tok.i + 1, label="PERSON") if k < tok.i and name_shaped(self.doc[k : tok.i + 1]) else None

    def _with_given_names(self, ent: Span) -> Span:
        """``ent`` (a PERSON) widened over the given names the model left outside it ("The mayor
        Ana Diaz" with only "Diaz" tagged): the untagged capitalised proper nouns right before it,
        on its line, that are compounds of the entity and neither a title word ("Mayor", "Senators") nor a
        country or people ("Kenyan"), nor an initial or a sentence's first word before a name of two or more
        words (capitalised whatever it is: "Rival Jane Roe said"; before a lone surname it is the given
        name: "Jamal Idris said" with only "Idris" tagged). A gazetteer place is not excluded: given names are often
        also towns ("Ana", "Florence"); a place the model tagged has an entity type, and so has an
        organisation, unless it is one word right before the surname and no acronym ("Oleksandr" tagged
        ORG in "regional head Oleksandr Prokudin", "Jamal" or "Victoria" tagged GPE; a country is
        never a given name here). Else ``ent``."""
        if ent.label_ != "PERSON":
            return ent
        k = ent.start
        while k > 0:
            t = self.doc[k - 1]
            if k > 1 and t.text in _NAME_HYPHENS and not t.whitespace_ and not self.doc[k - 2].whitespace_ \
                    and self.doc[k - 2].pos_ == "PROPN" and self.doc[k - 2].text[:1].isupper() and self.doc[k - 2].is_alpha:
                k -= 2  # "Jean-Pierre Lacroix" with only "Lacroix" tagged: a hyphenated given name is one
                continue
            # a one-word ORG right before the surname it qualifies is a given name the model mistook
            # ("regional head Oleksandr Prokudin", "Oleksandr" tagged ORG); an acronym is none
            lone_org = t.ent_type_ in ("ORG", "GPE") and t.ent_iob_ == "B" and not t.is_upper and (
                k - 1 == 0 or self.doc[k - 2].ent_type_ != t.ent_type_)
            if (t.ent_type_ and not lone_org or t.pos_ != "PROPN" or t.dep_ not in ("compound", "flat")
                    or not ent.start <= t.head.i < ent.end or not t.text[:1].isupper() or not t.is_alpha
                    or len(t) < 2 or t.is_sent_start and k < ent.end - 1 or "\n" in t.whitespace_ or is_title_word(t.text) or country_of(t.text)
                    or t.text.endswith("s") and is_title_word(t.text[:-1])):  # "Senators Jo Roe and ..." 
                break
            k -= 1
        return ent if k == ent.start else Span(self.doc, k, ent.end, label="PERSON")

    def _with_untagged_surname(self, tok: Token) -> Optional[Span]:
        """The PERSON entity right before untagged proper noun ``tok`` widened to it, when the model stopped the name
        short of its surname ("Mohammed bin Abdulrahman" tagged, "Al Thani" not): ``tok`` and the untagged
        capitalised proper nouns before it are the entity's right neighbours, and every word of the entity is a
        compound of a word up to ``tok``, on one line. Else None."""
        doc = self.doc
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            return None
        k = tok.i
        while k > 0 and not doc[k - 1].ent_type_ and doc[k - 1].pos_ == "PROPN" and doc[k - 1].dep_ in ("compound", "flat") \
                and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha and k - 1 < doc[k - 1].head.i <= tok.i:
            k -= 1
        ent = self._ent_of_tok.get(k - 1) if k > 0 else None
        if ent is None or ent.label_ != "PERSON" or ent.end != k or any("\n" in t.whitespace_ for t in doc[ent.start : tok.i]):
            return None
        if not all(t.dep_ in ("compound", "flat") and ent.start <= t.head.i <= tok.i for t in ent):
            return None
        return Span(doc, ent.start, tok.i + 1, label="PERSON")


    def resolve(self, tok: Token) -> tuple[Optional[str], str, Optional[Span]]:
        """Resolve a subject/agent token to ``(canonical name, speaker_type, mention span)``.

        Passes: a pronoun (:meth:`_resolve_pronoun`, the rule of :meth:`antecedent`); the token
        that names the source (:meth:`_named_head`: a title noun with a named appositive,
        "Minister, Annalena Baerbock", takes the appositive); the typed noun phrase
        (:meth:`_resolve_phrase`; role nouns by :meth:`described_antecedent`). Returns
        ``(None, "unknown", span)`` when nothing fits.
        """
        low = tok.lower_
        if self.dateline_at(tok.idx) is not None:
            return None, "unknown", None  # "BRUSSELS (Reuters) —" is where, not who
        if tok.pos_ == "PRON" or low in C.PERSON_PRONOUNS | C.GROUP_PRONOUNS | C.NON_SPEAKER_PRONOUNS:
            return self._resolve_pronoun(tok)
        if low in ("former", "latter") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            key = self.former_or_latter(tok.idx, low == "former")  # "The former said ...": of two people named
            return (self.records[key].name if key else None), "person", self.doc[tok.i - 1 : tok.i + 1]
        age = epithet_age(tok)
        if age is not None:  # "the 54-year-old said": a person named before, as a pronoun refers
            start = next(j for j in range(tok.i, -1, -1) if self.doc[j].lower_ == "the")
            key = self.aged_antecedent(tok.idx, age) or self._name_shaped_person(tok)
            return (self.records[key].name if key else None), "person", self.doc[start : tok.i + 1]
        author = self._document_author(tok) or self._earlier_document_author(tok)
        if author is not None:
            name, type_, _ = self.resolve(author)
            if name is not None:  # "a statement from the ministry said": the ministry's words
                return name, type_, self._name_part(self.noun_phrase(tok))
        named = self._self_named(tok)
        if named is not None:
            key = self.add_person(named.text, named)
            if key:
                return self.records[key].name, "person", named
        titled = self._title_case_source(tok)
        if titled is not None:  # "Save the Children said", "Doctors Without Borders said"
            return self.records[self.add_organisation(titled.text)].name, "organisation", titled
        head, title_toks = self._named_head(tok)
        if _named_organisation(tok, head):  # "the company Zipcar said", "the charity Save the Children said"
            named = self._title_case_source(head, described=True) or self._name_part(self.noun_phrase(head))
            return self.records[self.add_organisation(named.text)].name, "organisation", named
        tok = head
        span = self._name_part(self.noun_phrase(tok))
        if title_toks and (span.label_ == "PERSON" or all(t.pos_ == "PROPN" for t in span)):
            key = self.add_person(span.text, None)
            if key:
                self._apply_description(self.records[key], title_toks)
                return self.records[key].name, "person", span
        return self._resolve_phrase(tok, span)

    def _title_case_source(self, tok: Token, described: bool = False) -> Optional[Span]:
        """:func:`_title_case_name` of ``tok`` outside the headlines and the title line (title case there
        says nothing about names), else None."""
        return None if self._in_display_line(tok.idx) else _title_case_name(tok, described)

    @staticmethod
    def _self_named(tok: Token) -> Optional[Span]:
        """The name an unnamed person source gives in a clause on it (``self_naming_verbs``): "the woman,
        who gave her name only as Amira", "a farmer who identified himself as Abu Karim", "a nurse,
        identified only as Leila": the capitalised proper noun (with its compounds) after "as"; or the name a
        participle on it gives ("a fisherman named Wilmer Cortes", "a taxi driver called Ali Hassan", also on its
        appositive: "One witness, a driver named X,"). None for another token or clause ("gave her name" needs the
        noun "name")."""
        if tok.pos_ != "NOUN":
            return None
        nouns = [tok] + [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        for verb in [v for n in nouns for v in n.children]:
            if verb.dep_ not in ("relcl", "acl") or verb.lemma_.lower() not in C.SELF_NAMING_VERBS:
                continue
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                name = next((c for c in verb.children if c.dep_ in ("oprd", "dobj") and c.i == verb.right_edge.i
                             and c.pos_ == "PROPN" and c.text[:1].isupper()), None)
                if name is not None:
                    return tok.doc[name.left_edge.i : name.i + 1]
            if verb.lemma_.lower() == "give" and not any(c.dep_ == "dobj" and c.lemma_.lower() == "name" for c in verb.children):
                continue
            for prep in verb.children:
                if prep.dep_ != "prep" or prep.lower_ != "as":
                    continue
                name = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.text[:1].isupper()), None)
                if name is not None:
                    return tok.doc[name.left_edge.i : name.i + 1]
        return None

    @staticmethod
    def _document_author(tok: Token) -> Optional[Token]:
        """The author of a document noun that is a source ("the ministry's statement", "a statement
        from the ministry", "a report by X", "the letter, signed by X,"; word lists
        ``document_head_nouns``, ``statement_nouns``): the possessor, or the object of "from"/"by"
        on the noun or on a participle modifying it. None for any other token or without an author."""
        if not _is_document_noun(tok):
            return None
        for c in tok.children:
            if c.dep_ == "poss" and c.i < tok.i:
                return c
            preps = [c] if c.dep_ == "prep" else [g for g in c.children if g.dep_ == "agent"] if c.dep_ == "acl" and c.tag_ == "VBN" else []
            for prep in preps:
                if prep.lower_ not in ("from", "by"):
                    continue
                obj = next((g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")), None)
                if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ or obj.pos_ == "NOUN" and (
                        obj.tag_ == "NNS" or any(g.dep_ in ("det", "poss", "compound", "amod") for g in obj.children))):
                    return obj  # a name, a body, people ("regional authorities"), not "from prison"
        return None

    def _earlier_document_author(self, tok: Token) -> Optional[Token]:
        """The author of the document a definite document noun refers back to ("The statement said ...",
        "This report added ..."): of the earlier mentions of the same noun in the article, latest first, the
        first with an author: its own (:meth:`_document_author`), the subject of a verb that issues it
        ("The ministry issued a statement": ``document_issuing_verbs``), or the subject of the verb it is
        "in" ("X said in a statement"). None for another token, a noun with a determiner other than
        "the"/"this"/"that", or no such mention."""
        lemma = tok.lemma_.lower()
        if not _is_document_noun(tok):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        for t in reversed(self.doc[: tok.i]):
            if t.pos_ != "NOUN" or t.lemma_.lower() != lemma:
                continue
            author = self._document_author(t)
            if author is None and t.dep_ == "dobj" and t.head.lemma_.lower() in C.DOCUMENT_ISSUING_VERBS:
                verb = t.head
            elif author is None and t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ in ("VERB", "AUX"):
                verb = t.head.head
            else:
                verb = None
            if verb is not None:
                author = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if author is not None:
                return author
        return None

    def _resolve_pronoun(self, tok: Token) -> tuple[Optional[str], str, Optional[Span]]:
        """A pronoun subject: a person pronoun goes to :meth:`antecedent` (and marks that
        person's gender), "they" to the collective a governing clause or the sentence before names
        (:meth:`_governing_body`, :meth:`_group_antecedent`), else "they"/"we" is an unnamed group; "it" to an
        organisation (:meth:`_organisation_antecedent`); others name nobody."""
        low = tok.lower_
        span = self.doc[tok.i : tok.i + 1]
        if low in C.PERSON_PRONOUNS or tok.dep_ == "poss" and low in C.PRONOUN_GENDER:  # "his answer was:": his
            gender = C.PRONOUN_GENDER.get(low)
            key = self.antecedent(tok.idx, gender)
            if key:
                if gender:
                    self._gender.setdefault(key, gender)  # "she said" -> she from now on
                return self.records[key].name, "person", span
            role = self._role_antecedent(tok, gender)
            if role is not None:
                return role, "person", span
            key = self._name_shaped_person(tok) if gender else None
            if key:  # "Ewa Sobczak has kept bees ... she said" (the name tagged ORG)
                self._gender.setdefault(key, gender)
                return self.records[key].name, "person", span
            return None, "person", span
        if low == "they":
            body = self._governing_body(tok) or self._group_antecedent(tok)
            if body is not None:
                name, typ, _ = self._resolve_phrase(body, self.noun_phrase(body))
                if name:
                    return name, typ, span
        if low in C.GROUP_PRONOUNS:
            return None, "group", span
        if low == "it":
            body = self._organisation_antecedent(tok)
            if body is not None:
                return body, "organisation", span
        return None, "unknown", span

    def _name_shaped_person(self, tok: Token) -> Optional[str]:
        """For a person's pronoun or age epithet ``tok`` that no person can take: the entity the model tagged as
        something else that is written as a person's name (:func:`name_shaped`: two or three capitalised proper
        nouns, no organisation head noun) and is the subject of a clause in ``tok``'s sentence (before it) or the
        sentence before, the latest such, registered as a person; its record key. A pronoun of a person refers to
        a person, so the name is one ("Ewa Sobczak has kept bees for 40 years. She said ...": "Ewa Sobczak" tagged
        ORG). None otherwise."""
        k = bisect.bisect_right(self._sent_starts, tok.idx) - 1
        lo = self._sent_starts[max(0, k - 1)] if self._sent_starts else 0
        named = [ent for ent in self.doc.ents if lo <= ent.start_char and ent.end <= tok.i
                 and ent.label_ not in ("PERSON", "DATE", "TIME", "GPE", "LOC") and name_shaped(ent)
                 and not any(t.lower_ in C.ORG_HEAD_NOUNS for t in ent) and ent.root.dep_ in ("nsubj", "nsubjpass")]
        return self.add_person(named[-1].text, named[-1]) if named else None

    def _organisation_antecedent(self, tok: Token, depth: int = 0) -> Optional[str]:
        """The organisation an "it" source refers to ("The foreign ministry summoned the envoy. It said
        ..."): the latest clause subject outside quotations in the pronoun's sentence (before it) or the
        sentence before, when that subject names an organisation (an ORG entity or an organisation head
        noun, ``org_head_nouns``), or is an earlier "it" that refers to one ("The bank cut its forecast. It
        said ... It also warned ...": the chain, up to three links); None when the latest subject is anything
        else (a thing: "The bridge collapsed. It said nothing" is no source)."""
        for t in self._main_subjects_before(tok):
            if t.pos_ == "PRON":
                if t.lower_ == "it" and depth < 2:
                    return self._organisation_antecedent(t, depth + 1)
                continue
            if t.ent_type_ != "ORG" and t.lower_ not in C.ORG_HEAD_NOUNS and t.lemma_.lower() not in C.ORG_HEAD_NOUNS:
                return None
            name, typ, _ = self._resolve_phrase(t, self._name_part(self.noun_phrase(t)))
            return name if typ == "organisation" and name else None
        return None

    def _main_subjects_before(self, tok: Token):
        """The main-clause subjects outside quotations before ``tok`` in its sentence and the sentence before, latest
        first (a subject inside a reported clause is what was said about, not who spoke)."""
        sents = self._sent_starts
        k = bisect.bisect_right(sents, tok.idx) - 1
        lo = sents[max(0, k - 1)] if sents else 0
        for t in reversed(self.doc[: tok.i]):
            if t.idx < lo:
                return
            if t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(t.idx) and t.head.dep_ == "ROOT":
                yield t

    def _group_antecedent(self, tok: Token, depth: int = 0) -> Optional[Token]:
        """The collective a "they" source refers to ("Police said the driver fled. They added that ...", "Neighbours
        heard shots. They said ..."): the latest main-clause subject outside quotations in the pronoun's sentence
        (before it) or the sentence before, when it is an organisation (an ORG entity or ``org_head_nouns``) or a
        plural noun (a group that can speak), or an earlier "they" that refers to one (up to three links); None when
        the latest subject is anything else (a person, a thing: "The talks stalled. They said ..." names nobody)."""
        for t in self._main_subjects_before(tok):
            if t.pos_ == "PRON":
                return self._group_antecedent(t, depth + 1) if t.lower_ == "they" and depth < 2 else None
            collective = t.ent_type_ in ("ORG", "NORP") or t.lower_ in C.ORG_HEAD_NOUNS or t.tag_ == "NNS" and (
                person_noun(t) or t.lemma_.lower() in C.GROUP_HEAD_NOUNS)
            return t if collective and t.ent_type_ not in ("PERSON", "GPE", "LOC") else None
        return None

    def _role_antecedent(self, tok: Token, gender: Optional[str]) -> Optional[str]:
        """When no named person is in reach: the unnamed person a role noun was the subject of before
        ("Qatar's foreign minister said ... '...,' he said" -> "Qatar's foreign minister"; "The minister
        arrived late. Reporters pressed him ... '...,' he said" -> "minister"): the latest clause subject
        headed by a title word (``title_words``) outside quotations whose role gives no other gender, in
        the pronoun's sentence or the one before, and further back while the sentence after holds a
        pronoun of the pronoun's gender outside quotations (the chain of mentions that links them; at
        most :data:`ANTECEDENT_SENTENCES` sentences). None otherwise."""
        sents = list(self.doc.sents)
        k = next((n for n, sent in enumerate(sents) if sent.start <= tok.i < sent.end), 0)
        for n in range(k, max(-1, k - ANTECEDENT_SENTENCES), -1):
            sent = sents[n]
            for t in reversed(self.doc[sent.start : min(sent.end, tok.i)]):
                if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.lower_ in C.TITLE_WORDS and not self.in_quote(t.idx):
                    other = gender_of_words([t.text])
                    if gender and other and other != gender:
                        continue
                    name, typ, _ = self._resolve_phrase(t, self.noun_phrase(t))
                    return name if typ == "person" and name else None
            if n < k and not any(t.lower_ in C.PERSON_PRONOUNS and C.PRONOUN_GENDER.get(t.lower_) == gender and not self.in_quote(t.idx)
                                 for t in sent):
                return None  # no mention links this sentence to the one before it
        return None

    def _governing_body(self, tok: Token) -> Optional[Token]:
        """The antecedent of a "they" inside a clause that another clause of its sentence governs ("Clinton's
        campaign is seeking to contrast her approach with what they call ..."): the nearest governing
        clause's subject when it is an organisation or a plural noun that can speak. None otherwise."""
        head = tok.head
        while head.i != head.head.i and head.i != tok.i:
            head = head.head
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if subj is None or self.in_quote(subj.idx) or subj.pos_ == "PRON":
                continue
            collective = subj.ent_type_ in ("ORG", "NORP") or subj.lower_ in C.ORG_HEAD_NOUNS or subj.tag_ == "NNS"
            return subj if collective and subj.ent_type_ != "PERSON" else None
        return None

    def _named_head(self, tok: Token) -> tuple[Token, list[Token]]:
        """The token that names the source behind ``tok`` and the title tokens describing it:
        a vocative the parser took for the subject ("Dr. Ivanov, President X has stated ..."),
        a title noun with a named appositive ("Minister, Annalena Baerbock"), or a name hung on
        the title's prepositional object ("Iran's ambassador to the U.N., Amir Saeid Iravani")."""
        # a vocative that the parser took for the subject: "Dr. Ivanov, President X has stated ..."
        left = tok.left_edge
        if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == "," and (left.is_sent_start or left.i == 0 or self.doc[left.i - 1].is_punct or left.text.startswith("*")):
            for ch in tok.children:
                if ch.dep_ == "appos" and ch.pos_ == "PROPN" and (ch.ent_type_ == "PERSON" or clean_name(ch.text) and self.canonical(clean_name(ch.text)) in self._full_names):
                    tok = ch
                    break
        # a person "of" a described organisation, parsed as a modifier of the organisation's name ("Miguel Santos of
        # radio station DZMM asked": Santos hangs on DZMM): the person is the source, the organisation their body
        if tok.ent_type_ == "ORG":
            person = next((c for c in tok.children if c.dep_ == "nmod" and c.i < tok.i and c.ent_type_ == "PERSON"
                           and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)), None)
            if person is not None:
                tok = person
        # a description and the name after it parsed as two subjects of one verb ("His Ukrainian
        # counterpart Rustem Umerov told ..."): the name is the source, the description its title
        split = self._split_subject(tok)
        if split is not None:
            return split, list(tok.subtree)
        # title noun with an appositive name; a common noun the parser took for the subject with a
        # person as its appositive ("With 50 days until the election, Mina Cole, an adviser, called ..."),
        # or a partitive with a person as its appositive ("One of the nurses, Grace Wanjiru, said"), or naming
        # no person with an organisation as its appositive ("the operator, Baltic Lines, said")
        title_toks: list[Token] = []
        for ch in tok.children:
            if ch.dep_ == "appos" and (ch.ent_type_ == "PERSON" or ch.pos_ == "PROPN") and tok.lower_ in C.TITLE_WORDS \
                    and tok.ent_type_ != "PERSON" or \
                    ch.dep_ == "appos" and ch.ent_type_ == "PERSON" and (tok.pos_ == "NOUN" and not tok.ent_type_ or _partitive(tok)) or \
                    _named_organisation(tok, ch) or _named_body(tok, ch):
                if ch.ent_type_ != "PERSON" and tok.lower_ in C.TITLE_WORDS:
                    # "the district commissioner, Yohane Mwale," with the name tagged ORG: a title's
                    # appositive names its holder, a person, whom the title phrase describes
                    title_toks = [t for t in tok.subtree if t.i < ch.left_edge.i and not t.is_punct]
                tok = ch
                break
        else:
            # the parser hung the name on the title's prepositional object: "Iran's ambassador to
            # the U.N., Amir Saeid Iravani, insisted ..." (appos of "U.N."); the whole title phrase
            # before the name describes the person
            if tok.lower_ in C.TITLE_WORDS:
                deep = next((t for t in tok.subtree if t.dep_ == "appos" and _person_like(t) and t.i > tok.i
                             and t.head.i != tok.i and t.head.dep_ == "pobj"), None)
                if deep is not None:
                    title_toks = [t for t in tok.subtree if t.i < deep.left_edge.i]
                    tok = deep
        return tok, title_toks

    @staticmethod
    def _split_subject(tok: Token) -> Optional[Token]:
        """The PERSON subject right after the common-noun subject ``tok`` of the same verb (the
        parser's reading of "ROLE NAME" as two subjects), or None."""
        if tok.pos_ != "NOUN" or tok.ent_type_ or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        nxt = tok.right_edge.i + 1
        return next((s for s in tok.head.children if s.dep_ == tok.dep_ and s.i > tok.i
                     and s.left_edge.i == nxt and s.ent_type_ == "PERSON"), None)

    def _resolve_phrase(self, tok: Token, span: Span) -> tuple[Optional[str], str, Optional[Span]]:
        """Type and name the noun phrase ``span`` headed by ``tok``: a known or tagged person,
        a bare "the agency", an organisation (with its owner country), a document, a group, an
        untagged proper noun, a definite description (:meth:`described_antecedent`), or an
        unnamed common-noun source."""
        ent = span.label_ if isinstance(span, Span) and span.label_ else tok.ent_type_
        head = tok.lower_
        words = [t for t in span if t.dep_ not in ("det", "case", "punct")]
        plain = _written_words(span)
        if any(t.dep_ == "case" for t in span) and head in C.TITLE_WORDS:
            # "Nadia Rahim's spokesman": keep the possessive, the role belongs to the possessor
            plain = "".join(t.text_with_ws for t in span if t.dep_ not in ("det", "punct") or t.dep_ == "case").strip()
        if not any(c.isalnum() for c in plain):
            return None, "unknown", span  # markup ("**critics** say") names nobody
        body = self._body_or_outlet(tok, span, plain)
        if body is not None:
            return body
        cleaned = clean_name(span.text)
        if cleaned and tok.pos_ in ("PROPN", "NOUN") and (tok.text[:1].isupper() or tok.is_lower):
            full = self.canonical(cleaned)
            if full in self._full_names:
                key = self.add_person(span.text, span)
                return (self.records[key].name if key else None), "person", span
        capital = capital_country(plain) if tok.pos_ == "PROPN" and ent != "ORG" and len(words) <= 3 else None
        if capital is not None:  # "Lilongwe insists", "Kyiv said": the government, whatever the model tagged
            key = self.add_organisation(plain, "organisation", country=capital)
            return self.records[key].name, "organisation", span
        if ent == "PERSON" and not self.is_place(span) and head not in C.ORG_HEAD_NOUNS:
            key = self.add_person(span.text, span)
            return (self.records[key].name if key else None), "person", span
        if not ent and tok.pos_ == "NOUN" and tok.is_lower and head in C.ORG_HEAD_NOUNS and [t.lower_ for t in span] == ["the", head]:
            named = self._bare_organisation(tok, head)  # "the agency", "the ministry"
            return (named, "organisation", span) if named is not None else (head, "unknown", span)
        if not ent and tok.pos_ == "NOUN" and head in C.ORG_HEAD_NOUNS and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children):
            return (plain or None), "unknown", span  # "his office", "their ministry": someone's, no named body
        if ent == "ORG" and tok.pos_ == "PROPN" and (described_as_person(tok) or self._titled_name(tok) or _title_and_name(span)
                                                      or _affiliated_name(span, tok)):
            # "Ilse Varga, 54, a nurse at ...", "Mayor Aleksandra Dulkiewicz", "X Y of the Crisis Group": the tagger's ORG is wrong
            key = self.add_person(span.text, span)
            return (self.records[key].name if key else None), "person", span
        if ent in ("ORG", "NORP", "FAC") or head in C.ORG_HEAD_NOUNS or (ent == "GPE" and head != "i"):
            return self._owned_organisation(tok, span, plain, ent), "organisation", span
        if head in C.DOCUMENT_HEAD_NOUNS:
            key = self.add_organisation(plain, "document")
            return self.records[key].name, "document", span
        if head in C.GROUP_HEAD_NOUNS or tok.tag_ in ("NNS",):
            return (plain or None), "group", span
        if tok.pos_ == "PROPN" and any(t.tag_ == "NNPS" for t in span) and self.canonical(clean_name(span.text)) \
                not in self._full_names:
            # an untagged proper name with a plural word ("Human Rights Watch", "Doctors Without Borders")
            # names a body: no person's name holds one
            key = self.add_organisation(plain, "organisation")
            return self.records[key].name, "organisation", span
        if tok.pos_ == "PROPN" and tok.is_lower and tok.lower_ in C.TITLE_WORDS and not ent:
            key = self.described_antecedent(tok)  # "the minister" tagged as a proper noun: a role, not a name
            return (self.records[key].name if key else plain or None), "person", span
        if tok.pos_ == "PROPN" and not self.is_place(span):
            # a proper noun the model did not tag: a person if it matches a known name or looks like one
            cleaned = clean_name(span.text)
            if cleaned and (self.canonical(cleaned) != cleaned or len(cleaned.split()) >= 2 or cleaned[:1].isupper() or cleaned.islower()):
                key = self.add_person(span.text, span)
                return (self.records[key].name if key else None), "person", span
        if tok.lower_ in C.TITLE_WORDS:
            key = self.described_antecedent(tok)
            if key:
                return self.records[key].name, "person", span
            return (plain or None), "person", span
        if tok.pos_ == "NOUN" and plain:
            key = self.described_antecedent(tok)
            if key:
                return self.records[key].name, "person", span
            return plain, "unknown", span  # "a narrator in the ad" -> "narrator"
        return None, "unknown", span

    def _titled_name(self, tok: Token) -> bool:
        """Whether proper noun ``tok`` ends an entity that :func:`_titled_person` reads as a person's name."""
        ent = self._ent_of_tok.get(tok.i)
        return ent is not None and tok.i == ent.end - 1 and ent.label_ == "PERSON"

    def _owned_organisation(self, tok: Token, span: Span, plain: str, ent: str) -> str:
        """The name of the organisation ``span`` (headed by ``tok``, entity label ``ent``), recorded:
        "EU"/"UN" expanded, and a country owner kept in the name and as its country ("Russia's Defence
        Ministry", "Lebanon's state news agency": the country is part of the organisation's identity)."""
        name = C.ORG_EXPANSIONS.get(plain.lower(), plain) if ent == "ORG" and plain.lower() in ("eu", "un") else plain
        country = None
        owner = [c for c in tok.children if c.dep_ == "poss" and c.i < tok.i and c.ent_type_ in ("GPE", "NORP") and c.pos_ == "PROPN"]
        owner_ent = self._ent_of_tok.get(owner[0].i) if owner else None
        owner_text = self.doc[owner_ent.start : owner[0].i + 1].text if owner_ent is not None else (owner[0].text if owner else "")
        if owner and ent != "GPE" and country_of(owner_text):
            country = country_of(owner_text)
            rest = [t for t in span if t.i > owner[0].i and t.dep_ not in ("case", "punct", "det")] if span.start <= owner[0].i else None
            name = f"{owner_text}'s {join_tokens(rest) if rest else name}"
        elif ent != "GPE" and tok.lower_ in C.ORG_HEAD_NOUNS:
            of = self._country_of_phrase(tok)  # "the foreign ministry of Armenia"
            if of is not None:
                name, country = f"{name} of {of[0]}", of[1]
        return self.records[self.add_organisation(name, "organisation", country=country)].name

    def _country_of_phrase(self, tok: Token) -> Optional[tuple[str, str]]:
        """(name, ISO code) of the country an "of" phrase right after organisation noun ``tok`` names ("the
        foreign ministry of Armenia", "the defence ministry of the United Kingdom"), else None."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.lower_ != "of" or nxt.head.i != tok.i:
            return None
        pobj = next((c for c in nxt.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if pobj is None or pobj.ent_type_ not in ("", "GPE"):
            return None
        text = join_tokens(list(pobj.subtree))
        code = country_of(text)
        return (text, code) if code else None

    def _described_organisation(self, tok: Token, head: str) -> Optional[str]:
        """The organisation a bare "the agency" (``head``) refers back to when the article introduced
        it by a description with that noun before its name ("the disaster agency AFAD", "the state
        broadcaster NHK"): the last such organisation entity before ``tok``, outside quotations. In a headline or
        the title line the entity's head word must be that noun ("Mayo County Council" for "the council"), as title
        case makes the model tag a whole headline an organisation ("Hospital Workers Strike" for "the hospital")."""
        for e in reversed(self._ents):
            if e.label_ != "ORG" or e.end_char > tok.idx or self.in_quote(e.start_char):
                continue
            if self._in_display_line(e.start_char) and e.root.lower_ != head:
                continue
            before = self.doc[max(e.sent.start, e.start - 3) : e.start]
            if any(t.lower_ == head for t in before) or head in e.text.lower().split():
                return self.records[self.add_organisation(_written_words(e), "organisation")].name  # no "The"
        return None

    def _bare_organisation(self, tok: Token, head: str) -> Optional[str]:
        """The organisation a bare "the agency"/"the ministry" (``head``, an ``org_head_nouns`` word) refers back
        to: the last organisation record whose name ends with that noun, else one introduced by a description with
        it (:meth:`_described_organisation`), else, for "the group" (``member_group_nouns``), one named through its
        members (:meth:`_organisation_of_members`). None: an unnamed source (no card of its own)."""
        named = [r for r in self.records.values() if r.type == "organisation" and r.name.lower().split()[-1] == head
                 and r.name.lower() != head]
        if named:
            return named[-1].name
        return self._described_organisation(tok, head) or (
            self._organisation_of_members(tok) if head in C.MEMBER_GROUP_NOUNS else None)

    def _organisation_of_members(self, tok: Token) -> Optional[str]:
        """The organisation a bare "the group"/"the organisation" (``member_group_nouns``) refers back to when the
        article named it only through its members ("Al-Shabaab fighters attacked ... The group said", "M23
        rebels"): the last entity before ``tok`` in its sentence or the two before, outside quotations, that
        modifies a plural person noun (:func:`person_noun`), is no place and no country's demonym. None when there
        is none."""
        first = tok.sent.start
        for _ in range(2):  # back to the start of the sentence two before
            if first > 0:
                first = self.doc[first - 1].sent.start
        for e in reversed(self._ents):
            if e.end_char > tok.idx or e.start < first:
                continue
            root = e.root
            if e.label_ not in ("ORG", "GPE", "NORP") or self.in_quote(e.start_char) or root.dep_ not in ("compound", "amod", "nmod"):
                continue
            if root.head.tag_ != "NNS" or not person_noun(root.head) or self.is_place(e) or country_of(e.text):
                continue
            return self.records[self.add_organisation(_written_words(e), "organisation")].name
        return None

    def _body_or_outlet(self, tok: Token, span: Span, plain: str) -> Optional[tuple[Optional[str], str, Span]]:
        """Families of collective sources (word lists: ``lexicon/speakers.yaml``): a capitalised body
        whose head is a collective noun ("the General Staff", "the State Border Guard") is one
        organisation named by the whole phrase, never a person named by its last word; a news
        outlet's common noun ("the newspaper", "the network", "the paper") is an outlet, never a
        person: a bare one ("the newspaper said") is the outlet the article named last before it
        (an ORG entity with an outlet word, "The Daily Ledger"), else an unnamed source. None
        when ``tok`` heads neither."""
        head = tok.lower_
        if head in C.ORGANISATION_HEADS and tok.text[:1].isupper() and tok.ent_type_ != "PERSON" or \
                head in C.ORGANISATION_HEADS and tok.ent_type_ == "PERSON" and len(span) > 1:
            country = next((country_of(t.text) for t in span if t.i < tok.i and t.text[:1].isupper() and country_of(t.text)), None)
            key = self.add_organisation(plain, "organisation", country=country)
            return self.records[key].name, "organisation", span
        if head not in C.MEDIA_NOUNS or tok.pos_ != "NOUN" or not tok.is_lower:
            return None
        if [t.lower_ for t in span] != ["the", head]:
            if head in C.ORG_HEAD_NOUNS:
                return None  # the organisation branch reads owners ("Lebanon's state news agency")
            key = self.add_organisation(plain, "organisation")
            return self.records[key].name, "organisation", span
        outlets = [e for e in self._ents if e.label_ == "ORG" and e.end_char <= tok.idx and not self.in_quote(e.start_char)
                   and any(w.lower() in C.OUTLET_NAME_WORDS for w in re.findall(r"[\w']+", e.text))]
        if outlets:
            key = self.add_organisation(re.sub(r"^the\s+", "", outlets[-1].text, flags=re.I), "organisation")
            return self.records[key].name, "organisation", span
        return (None if head in C.ORG_HEAD_NOUNS else (head, "unknown", span))

    def interviewee(self, before: int) -> Optional[str]:
        """Record key of the person an interview's introduction names first before ``before``
        (the first turn label), skipping the journalist ("... spoke to our correspondent Anna
        Reid": a person within three words after a :data:`~components.lexicon.JOURNALIST_NOUNS`
        noun); a full name ("Maia Sandu") before a single word, which is more often a mis-tagged
        place ("the Transnistria question"); a single word in a headline line or the title ("Ferry service
        halted") is no one. None when the introduction names nobody else."""
        found = []
        for char, key in self._persons:
            if char >= before:
                break
            if self._is_journalist(char):
                continue
            if len(self.records[key].name.split()) < 2 and (self.in_headline(char) or char < self._title_end):
                continue
            found.append(key)
        full = [k for k in found if len(self.records[k].name.split()) >= 2]
        return (full or found or [None])[0]

    def interviewer(self, before: int) -> Optional[str]:
        """Record key of the journalist an interview's introduction names before ``before`` (the
        first turn label): a person within three words after a
        :data:`~components.lexicon.JOURNALIST_NOUNS` noun ("our correspondent Anna Reid");
        None when it names none."""
        for char, key in self._persons:
            if char >= before:
                break
            if self._is_journalist(char):
                return key
        return None

    def _is_journalist(self, char: int) -> bool:
        """True when the person mentioned at ``char`` follows a
        :data:`~components.lexicon.JOURNALIST_NOUNS` noun within three words."""
        tok = self._tok_at(char)
        return tok is not None and any(t.lower_ in C.JOURNALIST_NOUNS for t in self.doc[max(0, tok.i - 3) : tok.i])

    def _tok_at(self, char: int) -> Optional[Token]:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    @staticmethod
    def _name_part(span: Span) -> Span:
        """The name after a leading description inside one noun phrase: "Swiss Foreign Minister
        Ignazio Cassis" (no entity tagged) -> "Ignazio Cassis"; the description stays outside the
        span for :meth:`_describe`. Unchanged unless what follows the last title word or demonym
        is one or more capitalised proper nouns."""
        if len(span) < 2 or span.label_ or span[-1].lower_ in C.ORGANISATION_HEADS:
            return span  # "General Staff": a body's name, not a title before a name
        cut = None
        for k, t in enumerate(span[:-1]):
            if t.lower_.rstrip(".") in C.TITLE_WORDS or t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() and country_of(t.text):
                cut = k
        if cut is None:
            return span
        rest = span[cut + 1 :]
        if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in C.TITLE_WORDS for t in rest):
            return rest
        return span

    def former_or_latter(self, char: int, former: bool) -> Optional[str]:
        """Record key of the person "the former" (``former`` True) or "the latter" at ``char`` refers to: the
        first or the last of the people named in the nearest earlier sentence that names two or more (within
        :data:`ANTECEDENT_SENTENCES`), else None."""
        here = self._sentence_of(char)
        i = bisect.bisect_left(self._persons, (char, "")) - 1
        by_sentence: dict[int, list[str]] = {}
        for k in range(i, -1, -1):
            at, key = self._persons[k]
            sent = self._sentence_of(at)
            if here - sent > ANTECEDENT_SENTENCES:
                break
            people = by_sentence.setdefault(sent, [])
            if key not in people:
                people.insert(0, key)  # walking back: the earliest mention first
        for sent in sorted(by_sentence, reverse=True):
            if sent < here and len(by_sentence[sent]) >= 2:
                return by_sentence[sent][0] if former else by_sentence[sent][-1]
        return None

    def aged_antecedent(self, char: int, age: str) -> Optional[str]:
        """Record key of the person an age epithet at ``char`` ("the 54-year-old") refers to: of the people
        :meth:`antecedent` may consider, the latest mention set off with that age ("Kofi Asante, 54, ...") wins;
        without one, the pronoun rule without gender (:meth:`antecedent`)."""
        i = bisect.bisect_left(self._persons, (char, "")) - 1
        text = doc_text(self.doc)
        for k in range(i, max(i - ANTECEDENT_PEOPLE * 2, -1), -1):
            at, key = self._persons[k]
            m = re.match(r"[^,.;:“”\"]{1,60}?,\s*(\w+(?:-\w+)?)\s*,", text[at:at + 80])
            if m and m.group(1).lower() == age:
                return key
        return self.antecedent(char, None)

    def antecedent(self, char: int, gender: Optional[str] = None) -> Optional[str]:
        """Record key of the person a third-person pronoun at ``char`` refers to, or None.

        The resolution rule (one mechanism for every pronoun): candidates are the named-person
        mentions before ``char`` outside quotations (resolved speaker mentions included), taken
        sentence by sentence going back, at most :data:`ANTECEDENT_SENTENCES` sentences and
        :data:`ANTECEDENT_PEOPLE` distinct people. In the nearest sentence holding an acceptable
        candidate, the latest *salient* one wins (the subject of a clause or the speaker of a
        quote: "Obama said after meeting Putin. He ..." -> Obama), else the latest one there.
        With a gendered pronoun ("f" for she/her, "m" for he/him/his) a person of the other
        gender is not acceptable ("Mr. Ochieng ... Ms. Kamau ... He" -> Ochieng); a person whose
        gender is unknown is, unless that sentence also holds a person known to be of the pronoun's
        gender ("X and her husband Y ... he" -> Y). A person's gender comes from Mr/Mrs/Ms/Sir/Dame, a gendered role
        noun ("spokeswoman"), a kinship noun before the name ("her husband Tomas") and pronouns
        already resolved to them (:func:`gender_of_words`),
        never from a first name. When nobody is acceptable, the nearest person, unless that person is
        known to be of the other gender ("Mr. Osei ... His wife nodded. '...,' she said": None).
        """
        i = bisect.bisect_left(self._persons, (char, "")) - 1
        if i < 0:
            return None
        found = self._walk_back(i, lambda k: not gender or self._gender.get(k, gender) == gender)
        if gender and found is not None and found[0] not in self._gender:
            # in the same sentence, a person known to be of the pronoun's gender beats one of unknown gender
            # ("Carla Mendes and her husband Tomas ran the bakery. ... he said" -> Tomas)
            known = self._walk_back(i, lambda k: self._gender.get(k) == gender)
            if known is not None and self._sentence_of(known[1]) == self._sentence_of(found[1]) and not self._modifier_mention(known[1]):
                found = known
        if gender:
            chain = self._pronoun_subject_before(char, gender)
            if chain is not None and (found is None or self._sentence_of(chain) > self._sentence_of(found[1])
                                      or self._sentence_of(chain) == self._sentence_of(found[1]) and not found[2]):
                return self.antecedent(chain, gender)  # "X ... She thanked Y. She said": she is X
        if found:
            return found[0]
        nearest = self._persons[i][1]  # nobody acceptable: the nearest person, never one of the other gender
        return None if gender and self._gender.get(nearest, gender) != gender else nearest

    def _modifier_mention(self, char: int) -> bool:
        """True when the person mention at ``char`` only modifies another noun ("Clinton communication
        director Jennifer Palmieri", "Obama's spokesman"): it names whose the noun is, not someone who acts."""
        tok = self.doc.char_span(char, char + 1, alignment_mode="expand")
        ent = self._ent_of_tok.get(tok.start) if tok is not None else None
        return ent is not None and ent.root.dep_ in ("compound", "poss", "nmod") and ent.root.head.i >= ent.end

    def _pronoun_subject_before(self, char: int, gender: str) -> Optional[int]:
        """Offset of the latest clause-subject pronoun of ``gender`` ("she", "he") before ``char``
        in its sentence or the previous :data:`ANTECEDENT_SENTENCES` sentences, outside quotations;
        None when there is none. A subject pronoun is a salient mention of its own antecedent."""
        lo = self._sent_starts[max(0, self._sentence_of(char) - ANTECEDENT_SENTENCES + 1)] if self._sent_starts else 0
        k = bisect.bisect_left(self._subject_pronouns, (char, "")) - 1
        while k >= 0 and self._subject_pronouns[k][0] >= lo:
            if self._subject_pronouns[k][1] == gender:
                return self._subject_pronouns[k][0]
            k -= 1
        return None

    def _walk_back(self, i: int, acceptable) -> Optional[tuple[str, int, bool]]:
        """The salience walk of :meth:`antecedent` from person mention ``i`` back, keeping the
        record keys for which ``acceptable(key)`` is true: ``(key, mention offset, salient)``, or
        None when none is in the window."""
        seen: set[str] = set()
        cur_sent, best_other, sentences = self._sentence_of(self._persons[i][0]), None, 1
        for k in range(i, -1, -1):
            m_char, key = self._persons[k]
            s = self._sentence_of(m_char)
            if s != cur_sent:
                if best_other is not None:
                    return best_other
                sentences += 1
                if sentences > ANTECEDENT_SENTENCES or len(seen) >= ANTECEDENT_PEOPLE:
                    return None
                cur_sent = s
            seen.add(key)
            if not acceptable(key):
                continue
            if (m_char, key) in self._salient:
                return key, m_char, True
            best_other = best_other or (key, m_char, False)
        return best_other

    def _sentence_of(self, char: int) -> int:
        """Index of the sentence holding character ``char``."""
        return bisect.bisect_right(self._sent_starts, char) - 1

    def _is_salient(self, span: Span) -> bool:
        """True when the mention ``span`` is a clause subject (through compound, flat and
        appositive links: "Governor Hal Stern, 52, said")."""
        t = climb(span.root, lambda n: n.dep_ in ("compound", "flat", "appos"))
        return t.dep_ in ("nsubj", "nsubjpass")

    def described_antecedent(self, tok: Token) -> Optional[str]:
        """Record key for a definite description used as a name ("the governor", "the former
        secretary", "the South Carolina senator"), or None.

        The same rule as :meth:`antecedent`, with role instead of gender as the compatibility
        test: going back from the description (at most 3000 characters), the latest named person
        whose role holds the head noun ("Kisumu Governor ..." for "the governor", "fisherman" for
        "the fisherman", "Sen." for "the senator": :data:`ROLE_ABBREVIATIONS`; "the leader" for a president:
        ``role_hypernyms``) wins over nearer
        people whose role is another; a modifier naming a country must agree with the person's
        country. A
        :data:`~components.lexicon.DEFINITE_TITLE_NOUNS` head with no other modifier ("the
        minister") also takes the person named just before it (within 400 characters) when that
        person's role is unknown ("Her counterpart Sergei Lavrov ... The minister said" ->
        Lavrov). The
        description must be definite ("the"/"this"/"that") without a possessive ("her
        spokesman" is someone else).
        """
        kids = [c for c in tok.children if c.dep_ != "punct" and c.i < tok.i]
        if not kids or kids[0].lower_ not in ("the", "this", "that") or any(c.dep_ in ("poss", "case") for c in kids):
            return None
        head = tok.lemma_.lower() if tok.tag_ == "NNS" else tok.lower_
        countries = {country_of(c.text) for c in kids[1:] if c.text[:1].isupper()} - {None}
        # a general noun stands for a role only with no modifier but a country ("the Tanzanian leader"; not "the band
        # leader")
        general = all(c.text[:1].isupper() and country_of(c.text) for c in kids[1:])
        i = bisect.bisect_left(self._persons, (tok.idx, "")) - 1
        if i >= 0 and tok.lower_ in C.DEFINITE_TITLE_NOUNS and len(kids) == 1:
            char, near = self._persons[i]
            if not self.records[near].role and tok.idx - char <= 400:
                return near  # the person named just before, of no known role ("Her counterpart Sergei Lavrov")
        return self.role_holder(tok.idx, {head}, countries, general)

    def role_holder(self, char: int, heads: set[str], countries: set = frozenset(), general: bool = False) -> Optional[str]:
        """Record key of the latest person named before offset ``char`` (at most 3000 characters back) whose role
        holds one of the words ``heads`` ("governor" for "Kisumu Governor ..."; :data:`ROLE_ABBREVIATIONS`) or who was
        described by one in apposition ("The witness, former officer X,": :attr:`SpeakerRecord.described_as`), or, with
        ``general``, a role whose general noun is one of them ("leader" for a president, ``role_hypernyms``); of a
        country in ``countries`` when given. None when nobody holds it."""
        i = bisect.bisect_left(self._persons, (char, "")) - 1
        for k in range(i, -1, -1):
            at, key = self._persons[k]
            if char - at > 3000:
                break
            rec = self.records[key]
            role = [ROLE_ABBREVIATIONS.get(w.rstrip("."), w) for w in re.split(r"[\s\-]+", (rec.role or "").lower())]
            if (heads & (set(role) | rec.described_as) or general and any(C.ROLE_HYPERNYMS.get(w) in heads for w in role)) \
                    and (not countries or rec.country in countries):
                return key
        return None

    def note_mention(self, char: int, key: Optional[str]) -> None:
        """Add a resolved speaker mention at ``char`` as a later pronoun antecedent."""
        if key and key in self.records and self.records[key].type == "person":
            bisect.insort(self._persons, (char, key))
            self._salient.add((char, key))

    def may_be(self, name: Optional[str], pronoun: str) -> bool:
        """Whether the person ``name`` can be referred to by ``pronoun`` ("she", "his"): False only
        when the person is known to be of the other gender (:meth:`antecedent`'s evidence)."""
        want = C.PRONOUN_GENDER.get(pronoun.lower())
        key = self.key_of(name)
        return not (want and key and self._gender.get(key, want) != want)

    def key_of(self, name: Optional[str]) -> Optional[str]:
        """Record key for a canonical name (or None)."""
        return name.lower() if name and name.lower() in self.records else None

    def speakers(self, names: set[str]) -> list[Speaker]:
        """:class:`Speaker` records for the canonical ``names`` that carry quotes, in name order."""
        out = []
        for key in sorted({n.lower() for n in names}):
            if key in self.records:
                out.append(self.records[key].to_model())
        return out


def join_hyphenated_given_names(doc: Doc) -> int:
    """Repair ``doc.ents`` where the model cut a person's name after a hyphenated given name ("Jean-Pierre" PERSON,
    then "Kasongo" as a place or nothing): a PERSON entity of a hyphenated given name alone, whose words the parser
    hangs as compounds on the title-case proper noun right after it, takes that noun in (a one-word entity there is
    dropped). Changes ``doc.ents`` in place and clears :func:`components.nlp.doc_ents`' copy.

    Returns:
        int: the number of names joined.
    """
    ents, out, joined, k = doc_ents(doc), [], 0, 0
    while k < len(ents):
        e = ents[k]
        nxt = doc[e.end] if e.end < len(doc) else None
        if (e.label_ == "PERSON" and nxt is not None and len(e) <= 3 and any(t.text == "-" for t in e) and e[-1].whitespace_
                and nxt.pos_ == "PROPN" and nxt.is_title and all(t.head.i == nxt.i or e.start <= t.head.i < e.end for t in e)):
            following = ents[k + 1] if k + 1 < len(ents) and ents[k + 1].start == nxt.i else None
            if following is None or len(following) == 1:
                out.append(Span(doc, e.start, nxt.i + 1, label="PERSON"))
                joined += 1
                k += 2 if following is not None else 1
                continue
        out.append(e)
        k += 1
    if joined:
        doc.ents = out
        doc.user_data.pop(ENTS_KEY, None)
    return joined
