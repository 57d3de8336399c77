"""Casualty events: people killed, injured or missing, with where, when, what and who.

Rules over the dependency parse, sentence by sentence:

1. A *trigger* is a token whose lemma reports a casualty (``KILL_LEMMAS``, ``INJURE_LEMMAS``,
   ``MISSING_LEMMAS`` in :mod:`components.constants`): "killed", "died", "dead", "deaths",
   "wounded", "missing", "death toll".
2. Its *victim* phrase is found from the parse: the object of an active verb ("killed 3 people",
   "injuring seven others"), the subject of a passive or intransitive one ("14 people died",
   "seven others injured", "two crew members were still missing"), the ``of`` complement of a
   noun ("the deaths of at least three people"), the noun a participle modifies, or the
   number a death toll rises to ("death toll rose to 1,032": the new total).
3. The victim phrase's pre-head words give the count (:func:`parse_count`): digits and number
   words, ranges ("between 12 and 15"), qualifiers ("at least", "up to"), vague words
   ("several" -> 2, "dozens" -> 24: the lower bound, qualifier ``vague``), and "a"/"one"/a
   singular noun -> 1. The counted head must be a person noun or a bare numeral, so ages
   ("a 12-year-old"), durations ("three days") and things ("a dozen homes") never count.
4. Attackers killed ("police shot him dead" after "A gunman killed ...") go to
   ``perpetrator_killed_*``, never to the victims' count.
5. Not events: negated, modal or intended killings ("could kill", "threatened to kill", also a
   modal on the verb governing a casualty noun: "could result in the deaths of"), hypothetical,
   projected or planning counts (``HYPOTHETICAL_HEADS``: "has the potential to kill about 1,400",
   "prepared to handle only 48,000 deaths", "320,000 deaths is projected"), killings the text only
   attributes as past guilt ("responsible for killing ..."), and sentences dated to an earlier
   year than the report (historical comparisons). Running totals ("since January", "over the
   past 24 hours") are dropped when the article also reports single incidents.
6. Not people: animals (``NON_HUMAN_NOUNS``) are never victims: an animal head ("a dead goose"),
   "thousands of birds", "270 swine deaths", or a bare number after a count of animals in the
   same sentence ("1,000 turkeys ... a further 1,600 have died"). Deaths from a disease in one
   place ("three people died of cholera in Harare") are records like any other.
7. Worldwide tolls ("worldwide", "globally", "around the world", "214 countries and
   territories": ``GLOBAL_TOLL_PATTERN``) are not records: they have no single place (filing one
   under the sentence's first place is wrong) and they sum events the collection may already
   count, so keeping them would double-count in totals.

Each sentence with at least one count gives one :class:`Casualty`, with the sentence's event
place (a toponym inside the casualty clause first -- "talks in Doha as strikes killed 27 in Gaza"
is Gaza --, then one after a preposition, then the most specific: city > admin > country; else
the nearest in the three sentences before),
its date (relative days resolved against the published date with ``dateparser``), the cause
(``CASUALTY_CAUSES``) and the actor (a country named as the cause's modifier, "a Russian drone
attack" -> "Russia"). A later sentence that only repeats an earlier record's counts at the same
place is dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..constants import (
    CASUALTY_CAUSES,
    GLOBAL_TOLL_PATTERN,
    HYPOTHETICAL_HEADS,
    INJURE_LEMMAS,
    KILL_LEMMAS,
    MISSING_LEMMAS,
    NON_COUNT_FOLLOWERS,
    NON_HUMAN_NOUNS,
    NUMBER_MULTIPLIERS,
    NUMBER_WORDS,
    PERPETRATOR_NOUNS,
    PERSON_NOUNS,
    PLACE_PREPOSITIONS,
    VAGUE_COUNTS,
    ORG_HEAD_NOUNS,
)
from ..gazetteer import get_gazetteer
from ..models import Casualty, Place
from .places import jurisdiction_prefix
from .tree import climb, head_path, is_root

KIND_SPECIFICITY = {"city": 0, "admin": 1, "country": 2, "continent": 3}
AT_LEAST = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than", "a minimum of")
AT_MOST = ("at most", "up to", "as many as", "nearly", "almost", "fewer than", "less than", "no more than", "a maximum of")
APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "close to", "nearly")
NON_FACTUAL_HEADS = frozenset(
    """responsible involve accuse plan suspect blame link connect charge convict sentence threaten vow
    try attempt want aim seek intend plot fear warn risk could would might may can will should""".split()
)
MODAL_AUX = frozenset({"could", "would", "might", "may", "can", "will", "should", "must"})
NOBODY = frozenset({"nobody", "none", "no-one", "noone"})
PRONOUN_ONE = frozenset({"him", "her", "himself", "herself", "he", "she"})
GLOBAL_TOLL = re.compile(GLOBAL_TOLL_PATTERN, re.I)
# clause-internal links from a casualty word up to the verb that governs it ("could result in the
# deaths of", "will be at home and die"); a modal on such a verb makes the count hypothetical
_CLAUSE_INTERNAL = frozenset({"dobj", "obj", "pobj", "prep", "xcomp", "attr", "nsubj", "nsubjpass", "compound", "conj", "acomp", "oprd", "pcomp", "agent"})
COUNT_FIELDS = ("killed_min", "killed_max", "injured_min", "injured_max", "missing_min", "missing_max", "perpetrator_killed_min", "perpetrator_killed_max")
# roll-up sentences that sum several incidents or a period: dropped when the article also reports single incidents
CUMULATIVE = re.compile(r"\b(since (?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|\d{4}|(?:the )?(?:start|beginning|war|conflict|fighting|outbreak|invasion|offensive|escalation|uprising|pandemic|epidemic))|over the (?:past|last)|in the (?:past|last) \d|so far this|to date|separate (?:\w+ )?operations)\b", re.I)


@dataclass
class Count:
    """A bounded count: ``min``/``max`` ints (``max`` None when open-ended) and its qualifier."""

    min: Optional[int]
    max: Optional[int]
    qualifier: Optional[str]

    def __add__(self, other: "Count") -> "Count":
        lo = (self.min or 0) + (other.min or 0)
        hi = None if self.max is None or other.max is None else self.max + other.max
        q = self.qualifier if self.qualifier == other.qualifier else ("at_least" if hi is None else "range")
        return Count(lo, hi, q)


# ----------------------------------------------------------------------------- numbers
def number_value(words: list[str]) -> Optional[int]:
    """Value of a cardinal written in digits or words: ``["1,032"]`` -> 1032,
    ``["twenty", "five"]`` -> 25, ``["a", "dozen"]`` -> 12, ``["two", "hundred"]`` -> 200. None if not a number."""
    total, current, seen = 0, 0, False
    for w in words:
        w = w.lower().strip()
        if not w or w in ("and", "-"):
            continue
        if re.fullmatch(r"\d[\d,]*(\.\d+)?", w):
            current += float(w.replace(",", ""))
            seen = True
        elif w in NUMBER_MULTIPLIERS:
            current = (current or 1) * NUMBER_MULTIPLIERS[w]
            if NUMBER_MULTIPLIERS[w] >= 1000:
                total, current = total + current, 0
            seen = True
        elif w in NUMBER_WORDS and w not in ("no", "both"):
            if w in ("a", "an") and seen:
                return None
            current += NUMBER_WORDS[w] if w not in ("a", "an") else 0
            if w not in ("a", "an"):
                seen = True
        elif "-" in w and all(p in NUMBER_WORDS for p in w.split("-")):
            current += sum(NUMBER_WORDS[p] for p in w.split("-"))
            seen = True
        else:
            return None
    return int(total + current) if seen else None


def _num_groups(tokens: list[Token]) -> list[tuple[int, int, int]]:
    """Maximal runs of number tokens: (start index, end index, value)."""
    out = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _is_num_token(tokens[j], tokens[i:j]):
            j += 1
        if j > i:
            run = tokens[i:j]
            while run and run[-1].lower_ in ("and", "a", "an"):
                run = run[:-1]
            v = number_value([t.text for t in run]) if run else None
            if v is not None:
                out.append((i, i + len(run), v))
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _is_num_token(t: Token, before: list[Token]) -> bool:
    w = t.lower_
    if re.fullmatch(r"\d[\d,]*(\.\d+)?", w):
        return True
    if w in NUMBER_MULTIPLIERS or (w in NUMBER_WORDS and w not in ("no", "both", "a", "an", "couple", "pair")):
        return True
    if w in ("a", "an") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("dozen", "hundred", "thousand"):
        return True
    if w in ("-", "–") and before and before[-1].lower_ in NUMBER_WORDS and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in NUMBER_WORDS:
        return True  # "Twenty-five" split by the tokenizer
    if w == "and" and before and before[-1].lower_ in NUMBER_MULTIPLIERS and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in NUMBER_WORDS:
        return True
    return "-" in w and all(p in NUMBER_WORDS for p in w.split("-"))


def _unit_follows(tokens: list[Token], i: int) -> bool:
    """True when the word at ``i`` (skipping hyphens: "five-year-old", "13-month-old") is a unit,
    so the number before it is an age, duration or measure, not a count."""
    while i < len(tokens) and tokens[i].text in ("-", "–"):
        i += 1
    return i < len(tokens) and tokens[i].lower_ in NON_COUNT_FOLLOWERS


def parse_count(tokens: list[Token], head: Token) -> Optional[Count]:
    """Count stated by a victim phrase.

    Args:
        tokens: the phrase's words up to and including its head, in order
            ("At least three people", "Between 12 and 15 people", "dozens", "seven others").
        head: the head token (its number decides the default of 1 for "a civilian").

    Returns:
        Count | None: ``Count(3, None, "at_least")``, ``Count(12, 15, "range")``,
        ``Count(24, None, "vague")`` for "dozens", ``Count(1, 1, "exact")`` for "a soldier";
        None when the phrase states no number ("civilians", "those").
    """
    low = " ".join(t.lower_ for t in tokens)
    if low.split()[:1] and low.split()[0] in NOBODY | {"no"}:
        return Count(0, 0, "exact")  # "no one", "none of the passengers"
    groups = _num_groups(tokens)
    # numbers followed by a unit are not counts ("three days", "12-year-old")
    groups = [g for g in groups if not _unit_follows(tokens, g[1])]
    if len(groups) >= 2:
        (s1, e1, a), (s2, e2, b) = groups[0], groups[1]
        between = " ".join(t.lower_ for t in tokens[e1:s2])
        if between in ("and", "to", "-", "or", "–") and a < b:
            return Count(a, b, "range")
    if groups:
        s, e, v = groups[-1]
        prefix = " ".join(t.lower_ for t in tokens[max(0, s - 4):s])
        if any(prefix.endswith(q) for q in AT_LEAST):
            strict = prefix.endswith(("more than", "over", "upwards of", "in excess of"))
            return Count(v + 1 if strict else v, None, "at_least")  # "more than 30" -> 31
        if any(prefix.endswith(q) for q in AT_MOST):
            return Count(None, v, "at_most")
        if any(prefix.endswith(q) for q in APPROX):
            return Count(v, v, "vague")
        return Count(v, v, "exact")
    if head.lower_ == "number" and low.startswith("a "):
        return Count(VAGUE_COUNTS["several"], None, "vague")
    for t in tokens:
        if t.lower_ in VAGUE_COUNTS:
            if t.lower_ == "few" and not low.startswith("a few") and " a few" not in low:
                continue
            return Count(VAGUE_COUNTS[t.lower_], None, "vague")
    if low.split()[:1] and low.split()[0] in NOBODY:
        return Count(0, 0, "exact")
    if head.lower_ in PRONOUN_ONE:
        return Count(1, 1, "exact")
    if head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("NN", "NNP") and head.lower_ in PERSON_NOUNS | PERPETRATOR_NOUNS:
        return Count(1, 1, "exact")
    if head.pos_ == "PROPN" and head.tag_ == "NNP":
        return Count(1, 1, "exact")
    return None


# ----------------------------------------------------------------------------- triggers
RECOVERY_LEMMAS = frozenset({"pull", "recover", "find", "retrieve", "discover", "exhume", "remove", "bring", "dig", "identify"})
ATTACK_VERB_LEMMAS = frozenset({"fire", "launch", "strike", "attack", "shell", "bomb", "hit", "target", "pound", "bombard"})


def _category(tok: Token) -> Optional[str]:
    lem, low = tok.lemma_.lower(), tok.lower_
    if lem in MISSING_LEMMAS or low in MISSING_LEMMAS:
        return "missing"
    if lem in INJURE_LEMMAS or low in INJURE_LEMMAS:
        return "injured"
    if lem in KILL_LEMMAS or low in KILL_LEMMAS:
        if lem == "body" or low in ("body", "bodies"):
            # "rescuers pulled 12 bodies from the rubble": bodies counted as recovered are dead;
            # any other "body" (a governing body) is not a casualty word
            if any(c.dep_ == "nummod" for c in tok.children) and tok.head.lemma_.lower() in RECOVERY_LEMMAS:
                return "killed"
            return None
        return "killed"
    if lem == "lose" and any(c.lower_ in ("life", "lives") for c in tok.children):
        return "killed"
    return None


def _phrase(head: Token) -> list[Token]:
    """Words of the noun phrase of ``head`` up to and including it (pre-modifiers only)."""
    return [t for t in head.doc[head.left_edge.i:head.i + 1] if t.dep_ != "punct" or t.text in ("-", "–")]


def _is_animal(tok: Token) -> bool:
    return tok.lower_ in NON_HUMAN_NOUNS or tok.lemma_.lower() in NON_HUMAN_NOUNS


def _counts_animals(head: Token, trigger: Token) -> bool:
    """True when the victims are animals, not people: an animal head ("a dead goose"), a number
    of animals ("thousands of birds"), an animal-modified casualty noun ("270 swine deaths"), or a
    bare number whose noun is left out after a count of animals in the same sentence ("1,000
    turkeys ... and a further 1,600 have died")."""
    if _is_animal(head):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(_is_animal(p) for p in c.children if p.dep_ == "pobj") for c in head.children):
        return True
    if any(c.dep_ in ("compound", "amod", "nmod") and _is_animal(c) for c in trigger.children):
        return True
    if head.like_num or head.lower_ in NUMBER_WORDS or head.lower_ in VAGUE_COUNTS:
        for t in reversed(head.doc[head.sent.start:head.i]):
            if t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in t.children):
                return _is_animal(t)  # the nearest counted noun before the bare number
    return False


def _is_countable_head(head: Token) -> bool:
    low = head.lower_
    if head.like_num or low in NUMBER_WORDS or low in VAGUE_COUNTS or low in NOBODY or low in PRONOUN_ONE:
        return True
    if low in PERSON_NOUNS or low in PERPETRATOR_NOUNS or head.lemma_.lower() in PERSON_NOUNS:
        return True
    if low == "number" and any(
        p.lower_ in PERSON_NOUNS for c in head.children if c.lower_ == "of" for p in c.children
    ):
        return True
    if head.ent_type_ in ("PERSON", "NORP"):
        return True
    # a named person as the object/subject of a killing ("killed Rostum")
    return head.pos_ == "PROPN" and head.tag_ == "NNP" and head.ent_type_ not in ("GPE", "LOC", "ORG", "FAC", "DATE")


def _victims(tok: Token) -> list[Token]:
    """Heads of the victim phrases of a trigger (see module docstring, rule 2)."""
    kids = list(tok.children)
    lem = tok.lemma_.lower()
    if lem == "toll" or tok.lower_ == "toll":
        return _toll_value(tok)
    if tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in ("deaths", "death", "injuries", "fatalities", "casualties") or (
        tok.lower_ in ("dead", "injured", "wounded") and tok.dep_ in ("dobj", "obj") and any(c.dep_ == "nummod" for c in kids)
    ):  # "leaving five dead" (the count is the adjective's own number)
        out = [c for c in kids if c.dep_ == "nummod"]
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("of", "among"):
                out += [p for p in c.children if p.dep_ == "pobj"]
        if tok.lower_ in ("dead", "injured", "wounded", "missing") and not out:
            out = [c for c in kids if c.dep_ in ("amod", "det", "quantmod") and (c.like_num or c.lower_ in VAGUE_COUNTS)]
        return out
    dobj = [c for c in kids if c.dep_ in ("dobj", "obj")]
    if dobj and lem != "lose":
        along = [
            p for c in kids if c.dep_ == "prep" and c.lower_ in ("along", "together")
            for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"
        ]
        return _with_conjuncts(dobj) + along
    if tok.dep_ == "oprd" and tok.pos_ == "ADJ":  # "shot him dead", "left five dead"
        return _with_conjuncts([c for c in tok.head.children if c.dep_ in ("dobj", "obj")])
    subj = [c for c in kids if c.dep_ in ("nsubjpass", "nsubj")]
    if subj:
        return _with_conjuncts(subj)
    of = [p for c in kids if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if of:  # "the killing of several of the men"
        return _with_conjuncts(of)
    if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        if any(c.lower_ == "the" for c in tok.head.children if c.dep_ == "det") and tok.dep_ != "relcl":
            return []  # "The insurgent killed was ...": a back-reference
        return [tok.head]
    head = tok.head
    if tok.dep_ in ("acomp", "ccomp", "xcomp", "conj", "oprd") and head.pos_ in ("AUX", "VERB") and not is_root(tok):
        if tok.dep_ == "conj" and _category(head) is not None:
            return []  # "were killed or injured": the subject is counted once, by the first verb
        return _with_conjuncts([c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")])
    return []


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    """Add coordinated victims: "killed the commander and one additional insurgent"."""
    out = []
    for h in heads:
        out.append(h)
        out += [c for c in h.conjuncts if c.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and c.i > h.i]
        for c in h.children:  # "a sub-commander along with a number of insurgents"
            if c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children):
                out += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "advmod" and c.lower_ in ("along", "together"):
                for w in c.children:
                    if w.lower_ == "with":
                        out += [p for p in w.children if p.dep_ == "pobj"]
    return out


def _toll_value(tok: Token) -> list[Token]:
    """The number a (death) toll stands at or rises to."""
    out = [c for c in tok.children if c.dep_ == "nummod"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            out += [p for p in c.children if p.dep_ == "pobj"]
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                out += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ in ("attr", "dobj") and (c.like_num or c.lower_ in NUMBER_WORDS):
                out.append(c)
    return out


def _not_an_event(tok: Token) -> bool:
    """Negated, modal, intended or only-attributed killings are not events."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in tok.children):
        return True
    # "could result in the deaths of": the governing verb is modal
    for node in head_path(tok, lambda n: n.dep_ in _CLAUSE_INTERNAL)[1:]:
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in node.children):
            return True
    for anc in list(tok.ancestors)[:6]:
        if anc.lemma_.lower() in NON_FACTUAL_HEADS or anc.lower_ in NON_FACTUAL_HEADS:
            return True
        if anc.lemma_.lower() in HYPOTHETICAL_HEADS or anc.lower_ in HYPOTHETICAL_HEADS:
            return True
        if any(c.dep_ == "neg" for c in anc.children) and anc.lemma_ in ("be", "have"):
            return True
    return False


def _is_perpetrator(victim: Token, sent: Span) -> bool:
    if victim.lower_ in PERPETRATOR_NOUNS or victim.lemma_.lower() in PERPETRATOR_NOUNS:
        return True
    if victim.lower_ in PRONOUN_ONE:
        return any(t.lower_ in PERPETRATOR_NOUNS and t.i < victim.i for t in sent)
    return False


# ----------------------------------------------------------------------------- dates, places, causes
def _base_date(doc: Doc, published: Optional[str]) -> Optional[datetime]:
    from ..ingest import dateline_date

    for value in (published, dateline_date(doc.text)):
        if value:
            try:
                return datetime.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _parse_date(text: str, base: Optional[datetime]) -> Optional[str]:
    import dateparser

    text = re.sub(r"^(on|last|this|early|late|on the)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"['’]s$", "", text)
    if not text or re.fullmatch(r"\d+", text):
        return None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = base
        if base.strftime("%A").lower() == text.lower():
            return base.date().isoformat()
    try:
        d = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    if d is None:
        return None
    if base is not None and d.date() > base.date():
        return None
    return d.date().isoformat()


def _numeric_date(text: str) -> Optional[str]:
    """ISO date of an all-digit date whose reading is certain, else None: ISO ``2024-03-05``, or
    ``D/M/YYYY`` / ``M/D/YYYY`` (``/``, ``.`` or ``-``) where only one order is possible
    ("25/12/2024", "12/25/2024"). "05/03/2024" is 5 March in Europe and 3 May in the US: None.
    The reading is :func:`components.ingest.parse_published`'s (the same rules as for sidecar dates)."""
    from ..ingest import ISO_DATE_RE, NUMERIC_DATE_RE, parse_published

    if not (ISO_DATE_RE.fullmatch(text) or NUMERIC_DATE_RE.fullmatch(text)):
        return None
    try:
        return parse_published(text)[0]
    except ValueError:  # ambiguous or impossible
        return None


def _ents_by_sentence(doc: Doc, sents: list[Span]) -> list[list[Span]]:
    """Entities of each sentence of ``sents`` (in order), computed in one pass over ``doc.ents``.
    ``Span.ents`` scans every entity of the document on each call, so calling it per sentence
    is quadratic in the article's length."""
    out: list[list[Span]] = [[] for _ in sents]
    starts = [s.start for s in sents]
    for ent in doc.ents:
        k = bisect.bisect_right(starts, ent.start) - 1
        if k >= 0 and ent.end <= sents[k].end:
            out[k].append(ent)
    return out


def _sentence_date(sent: Span, base: Optional[datetime], ents: Optional[list[Span]] = None) -> Optional[str]:
    """ISO date of the first date expression of ``sent`` that resolves, skipping ages and
    durations ("12-year-old", "three days"), a dateline in parentheses ("(Jan. 6, 2013)") and,
    with no base date, anything relative (only dates with a year resolve then). ``ents``: the
    sentence's entities when already known (:func:`_ents_by_sentence`), else ``sent.ents``."""
    doc = sent.doc
    for ent in sent.ents if ents is None else ents:
        if ent.label_ != "DATE" or re.search(r"year|old|decade|century|week|month", ent.text, re.I) and not re.search(r"last|this|next", ent.text, re.I):
            continue
        if re.search(r"\b(days|hours|nights)\b", ent.text, re.I) and not re.search(r"\b(ago|earlier|before)\b", ent.doc[ent.start : min(len(ent.doc), ent.end + 1)].text, re.I):
            continue  # "Three days of mourning", "the past 24 hours": durations, not dates
        if ent.start > 0 and doc[ent.start - 1].text == "(":
            continue  # dateline: when the report was filed
        if base is None and not re.search(r"\b(19|20)\d\d\b", ent.text):
            continue
        numeric = _numeric_date(ent.text)
        if numeric is None and re.fullmatch(r"[\d\-–/.,]+", ent.text):
            continue  # release numbers, bare years ("2010-12", "2011") and "05/03/2024" (day or month first?)
        d = numeric or _parse_date(ent.text, base)
        if d and base is not None and d > base.date().isoformat():
            d = None
        if d:
            return d
    for tok in sent:
        if base is None:
            break
        night_before = tok.lower_ == "overnight" or tok.lower_ == "night" and tok.i > 0 and doc[tok.i - 1].lower_ == "last"
        if tok.lower_ == "yesterday" or night_before:
            return _parse_date("yesterday", base)  # "overnight" in a day's report: the night before
        if tok.lower_ in ("today", "tonight"):
            return base.date().isoformat()
    return None


def _is_dateline(doc: Doc, p: Place) -> bool:
    """An all-capitals place opening a line and followed by a comma ("KABUL, Afghanistan (Jan. 6)")
    says where the report was filed, not where the event happened."""
    mention = p.mention or ""
    return len(mention) > 2 and mention.isupper() and doc.text[p.end:p.end + 1] == ","


def _is_attacker(doc: Doc, p: Place) -> bool:
    """True when the place is the subject of an attack verb ("Russia fired more than 100 missiles
    ..."): the attacker (a country by metonymy), not where people were hurt."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ATTACK_VERB_LEMMAS


def _is_locative(doc: Doc, p: Place) -> bool:
    """True when a locative preposition governs the place ("in Detroit", "city of Kherson",
    "in Andar district, Ghazni province")."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    for anc in list(span.root.ancestors)[:4]:
        if anc.dep_ == "prep" or anc.pos_ == "ADP":
            return anc.lower_ in PLACE_PREPOSITIONS or anc.lower_ == "of"
    return False


AMBIGUOUS_NUMERIC_DATE = re.compile(r"\b(0?[1-9]|1[0-2])[/.](0?[1-9]|1[0-2])[/.](19|20)\d\d\b")
MONTH_ONLY_RE = re.compile(r"(?:(?:in|early|late|mid|last)[\s-]+)?([A-Z][a-z]{2,8}\.?)", re.I)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]


def _month_number(name: str) -> Optional[int]:
    """1-12 for an English month name or its abbreviation ("June", "Sept.", "Oct"), else None."""
    key = name.lower().rstrip(".")
    for n, month in enumerate(_MONTHS, 1):
        if key == month or key in (month[:3], month[:4]) and len(key) >= 3:
            return n
    return None


MONTH_RE = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b"


def _historical(sent: Span, base: Optional[datetime], ents: Optional[list[Span]] = None) -> bool:
    """True when every date of the sentence lies in the past of the report: a year before the
    report's year ("died in the 2010 floods", "the deadliest since 2014 when 300 were killed") or a
    full date more than 366 days earlier, or a month named alone after "in"/"during" or with
    "last"/"early"/"late" that is not the report's month ("In June, ... killing more than 30" in a
    July report; not in a sentence with "since", a running total "since the fighting began in March"):
    background, not news. A recent full date
    ("on 25/12/2024" in a report of 10 January 2025) is news."""
    if base is None:
        return False
    dated = False
    for ent in sent.ents if ents is None else ents:
        if ent.label_ not in ("DATE", "EVENT"):
            continue
        years = re.findall(r"\b(?:19|20)\d\d\b", ent.text)
        month_only = MONTH_ONLY_RE.fullmatch(ent.text.strip())
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if month_only and not years and (before in ("in", "during") or ent.text.lower().startswith(("last", "early", "late", "mid"))) \
                and not re.search(r"\bsince\b", sent.text, re.I):
            # "In June, insurgents engaged the force ..." in a July report: background
            month = _month_number(month_only.group(1))
            if month is None or month == base.month:
                return False
            dated = True
            continue
        if not years:
            continue
        day = _numeric_date(ent.text)
        if day is None and re.search(MONTH_RE, ent.text, re.I):
            day = _parse_date(ent.text, base)
        if day is not None:  # a full date: recent when within a year of the report ("25 December 2024")
            if (base - datetime.fromisoformat(day)).days <= 366:
                return False
        elif max(int(y) for y in years) >= base.year:  # a year ("the 2010 floods"): this year is recent
            return False
        dated = True
    return dated


def _best_place(doc: Doc, places: list[Place], start: int, end: int, clause: Optional[tuple[int, int]] = None,
                starts: Optional[list[int]] = None, exclude: Iterable[tuple[int, int]] = ()) -> Optional[Place]:
    """The sentence's event place: one inside the casualty clause (``clause``, char offsets:
    "talks in Doha as strikes killed 27 people in Gaza" -> Gaza) before others, then one governed
    by a preposition, then the most specific kind (city > admin > country), then the first.
    Datelines and continents are skipped, and places inside ``exclude`` (character ranges, e.g. a
    quotation). ``starts``: the places' start offsets (sorted), to find the sentence's places by
    bisection rather than a scan of the whole article."""
    lo = bisect.bisect_left(starts, start) if starts is not None else 0
    hi = bisect.bisect_right(starts, end) if starts is not None else len(places)
    exclude = list(exclude)
    inside = [p for p in places[lo:hi] if start <= p.start and p.end <= end and p.kind != "continent" and not _is_dateline(doc, p)
              and not any(a <= p.start < b for a, b in exclude) and not _is_attacker(doc, p)]
    if not inside:
        return None
    def outside_clause(p: Place) -> bool:
        return clause is not None and not (clause[0] <= p.start and p.end <= clause[1])
    return min(inside, key=lambda p: (outside_clause(p), not _is_locative(doc, p), KIND_SPECIFICITY.get(p.kind, 9), p.start))


def _clause_span(tok: Token) -> tuple[int, int]:
    """Char offsets of the clause of a casualty word: the subtree of its nearest verb (itself
    when it is one)."""
    node = climb(tok, lambda n: n.pos_ not in ("VERB", "AUX"))
    return node.left_edge.idx, node.right_edge.idx + len(node.right_edge.text)


def _cause(sent: Span) -> tuple[Optional[str], Optional[int]]:
    low = sent.text.lower()
    best = None
    for phrase in CASUALTY_CAUSES:
        if isinstance(phrase, tuple):
            pattern, label = phrase
        else:
            pattern, label = phrase, phrase
        m = re.search(r"\b" + re.escape(pattern) + r"s?\b", low)
        if m:
            best = (label, sent.start_char + m.start())
            break
    return best if best else (None, None)


def _actor(sent: Span, cause_at: Optional[int], subjects: list[Token]) -> Optional[str]:
    gaz = get_gazetteer()
    if cause_at is not None:
        toks = [t for t in sent if t.idx < cause_at][-3:]
        for t in reversed(toks):
            cc = gaz.country_code(t.text)
            if cc and t.pos_ in ("ADJ", "PROPN", "NOUN"):
                rec = gaz.country(cc)
                return rec.name if rec else cc
        # "by Russian forces"
    for t in sent:
        if t.lower_ == "by" and t.dep_ == "agent":
            for p in t.children:
                for m in p.subtree:
                    cc = gaz.country_code(m.text)
                    if cc:
                        rec = gaz.country(cc)
                        return rec.name if rec else cc
    for s in subjects:
        for m in s.subtree:
            if m.ent_type_ in ("NORP", "GPE") and gaz.country_code(m.text):
                rec = gaz.country(gaz.country_code(m.text))
                return rec.name if rec else None
    return None


# ----------------------------------------------------------------------------- main
def casualty_events(doc: Doc, places: list[Place], published: str | None) -> list[Casualty]:
    """Return casualty records of ``doc`` in text order.

    Args:
        doc (Doc): the parsed article.
        places (list[Place]): its toponyms (:func:`components.extract.places.toponyms`).
        published (str | None): ISO date ``YYYY-MM-DD``; relative days ("on Sunday",
            "yesterday", "overnight" = the night before) are resolved against it. When None, a
            dated dateline in the first 600 characters is used, else only dates with a year
            resolve. A record whose sentence (and the three before it) states no date gets this
            base date (the day it was reported), or None without one.

    Returns:
        list[Casualty]: one per sentence that reports at least one count. Counts are ints:
        ``killed_min``/``killed_max`` (also ``injured_*``, ``missing_*``) equal when exact,
        ``max`` None when open-ended ("at least three"), both None when not stated; vague words
        keep a lower bound ("several" -> 2, "dozens" -> 24, qualifier ``vague``). Attackers killed
        are in ``perpetrator_killed_*``. ``start``/``end`` are the sentence's char offsets;
        ``date`` is ISO; ``place``/``country``/``lat``/``lon`` come from ``places``.
    """
    base = _base_date(doc, published)
    records: list[Casualty] = []
    cumulative: set[int] = set()  # indexes of roll-up records ("over the past 24 hours", "since January")
    sents = list(doc.sents)
    sent_ents = _ents_by_sentence(doc, sents)
    places = sorted(places, key=lambda p: p.start)
    place_starts = [p.start for p in places]
    # a headline ("Russian air strike kills at least 12 in Kharkiv") is read after the body, so the
    # body's sentence, with its date and details, keeps a count that both report
    order = list(range(len(sents)))
    headline_last = len(sents) > 1 and _is_headline(doc, sents[0])
    if headline_last:
        order = order[1:] + [0]
    for si in order:
        sent = sents[si]
        counts: dict[str, Count] = {}
        used: set[int] = set()
        subjects: list[Token] = []
        clause: Optional[tuple[int, int]] = None
        for tok in sent:
            cat = _category(tok)
            if cat is None or _not_an_event(tok):
                continue
            for victim in _victims(tok):
                if victim.i in used or not _is_countable_head(victim) or _counts_animals(victim, tok):
                    continue
                c = parse_count(_phrase(victim), victim)
                if c is None:
                    continue
                used.add(victim.i)
                key = cat
                if cat == "killed" and _is_perpetrator(victim, sent):
                    key = "perpetrator"
                if c.min == 0 and c.max == 0:
                    continue
                counts[key] = counts[key] + c if key in counts else c
                clause = clause or _clause_span(tok)
            subjects += [c for c in tok.children if c.dep_ == "nsubj"]
            if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp") and not is_root(tok):
                # "Russia fired ... missiles, killing at least 20": the attacker is the head's subject
                head = tok.head if tok.dep_ != "conj" or tok.head.dep_ not in ("advcl", "xcomp") else tok.head.head
                subjects += [c for c in head.children if c.dep_ == "nsubj"]
        if headline_last and si == 0:
            # a headline sums up the body ("Strikes kill dozens"); what the body reports in detail
            # is not counted again
            for key in list(counts):
                field = "perpetrator_killed" if key == "perpetrator" else key
                lead = next((r for r in records if getattr(r, f"{field}_min") is not None), None)
                if lead is not None:
                    del counts[key]
                    # what the headline adds completes the lead ("Russian air strike kills ...")
                    cause, cause_at = _cause(sent)
                    lead.cause = lead.cause or cause
                    lead.actor = lead.actor or _actor(sent, cause_at, subjects)
        if not counts or _historical(sent, base, sent_ents[si]) or GLOBAL_TOLL.search(sent.text):
            continue  # a worldwide toll has no single place and sums events: not a record
        place = _best_place(doc, places, sent.start_char, sent.end_char, clause, place_starts)
        if place is None:
            place = _jurisdiction_place(sent_ents[si], places)
        k = si - 1
        while place is None and k >= 0 and si - k <= 3:
            # an earlier sentence's place, outside quotation marks ("We will enter Rafah," he said)
            place = _best_place(doc, places, sents[k].start_char, sents[k].end_char, None, place_starts,
                                exclude=_quoted_ranges(sents[k]))
            k -= 1
        if place is None and records and records[-1].place is not None and si > 0:
            # "Another 4 people are missing under the rubble": the event the article is reporting
            prev = records[-1]
            place = next((p for p in places if p.name == prev.place and p.country == prev.country), None)
        cause, cause_at = _cause(sent)
        date_ = _sentence_date(sent, base, sent_ents[si])
        k = si - 1
        while date_ is None and k >= 0 and si - k <= 3:
            date_ = _sentence_date(sents[k], base, sent_ents[k])
            if date_ is not None and _historical(sents[k], base, sent_ents[k]):
                break  # "In June, insurgents engaged ... The force responded, killing 30": background
            k -= 1
        else:
            k = None
        if k is not None and date_ is not None and k < si:
            continue
        cumulative_sentence = bool(CUMULATIVE.search(sent.text))
        if cumulative_sentence:
            date_ = None  # a running total has no single event day
        elif date_ is None and AMBIGUOUS_NUMERIC_DATE.search(sent.text):
            date_ = None  # "on 05/03/2024": a stated day we cannot read is not the report's day
        elif date_ is None and base is not None:
            date_ = base.date().isoformat()  # no date stated: the day it was reported
        rec = Casualty(
            place=place.name if place else None, country=place.country if place else None,
            lat=place.lat if place else None, lon=place.lon if place else None, date=date_,
            cause=cause, actor=_actor(sent, cause_at, subjects), start=sent.start_char,
            end=sent.start_char + len(sent.text.rstrip()),
        )
        for key, c in counts.items():
            if key == "perpetrator":
                rec.perpetrator_killed_min, rec.perpetrator_killed_max = c.min, c.max
            else:
                setattr(rec, f"{key}_min", c.min)
                setattr(rec, f"{key}_max", c.max)
                if key != "missing":
                    setattr(rec, f"{key}_qualifier", c.qualifier)
        restated = _drop_repeated_counts(rec, records, {place.admin1} if place is not None and place.kind == "city" and place.admin1 else set())
        for e in restated:  # a restatement completes what the first report left open (a headline's actor)
            e.cause = e.cause or rec.cause
            e.actor = e.actor or rec.actor
        if any(getattr(rec, f) is not None for f in COUNT_FIELDS):
            records.append(rec)
            if cumulative_sentence:
                cumulative.add(len(records) - 1)
    if cumulative and len(cumulative) < len(records):
        records = [r for i, r in enumerate(records) if i not in cumulative]
    records.sort(key=lambda r: r.start)
    return records


def _jurisdiction_place(ents: list[Span], places: list[Place]) -> Optional[Place]:
    """The place of a reporting body named in the sentence ("The Gaza health ministry said 29
    ... had been killed"), when the article names that place elsewhere (so it is resolved in the
    article's context): the first such mention. See :func:`.places.jurisdiction_prefix`."""
    for ent in ents:
        if ent.label_ == "ORG":
            prefix = jurisdiction_prefix(ent, get_gazetteer())
        elif ent.label_ == "GPE" and ent.root.dep_ in ("compound", "nmod") and ent.root.head.lower_ in ORG_HEAD_NOUNS:
            prefix = ent  # "Gaza" tagged apart from "health ministry"
        else:
            continue
        if prefix is not None:
            found = next((p for p in places if (p.mention or "").lower() == prefix.text.lower()), None)
            if found is not None:
                return found
    return None


def _is_headline(doc: Doc, sent: Span) -> bool:
    """True when ``sent`` is the article's first line without final punctuation (a headline)."""
    t = sent.text.rstrip()
    return sent.start_char == 0 and "\n" in doc.text[sent.start_char : sent.end_char + 2] and not t.endswith((".", "!", "?", '"', "”"))


def _quoted_ranges(sent: Span) -> list[tuple[int, int]]:
    """Character ranges (document offsets) of the quotation-mark pairs inside ``sent``."""
    base = sent.start_char
    return [(base + m.start(), base + m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", sent.text)]


def _drop_repeated_counts(rec: Casualty, earlier: Iterable[Casualty], within: frozenset[str] | set[str] = frozenset()) -> list[Casualty]:
    """Blank, in place, each count of ``rec`` that restates the same count of an earlier record at
    the same (or an unnamed) place: "killed 18 insurgents ... resulting in 18 insurgents killed".
    ``within`` names the areas that contain ``rec``'s place (its admin1 for a city): a record in
    "Helmand" followed by the same definite count in "Lashkar Gah district" is the same event
    (open-ended counts such as "several" -> (2, None) only repeat at the same place).

    Returns:
        list[Casualty]: the earlier records whose counts ``rec`` restated.
    """
    restated: list[Casualty] = []
    for e in earlier:
        nested = rec.place is not None and e.place is not None and rec.place != e.place
        if nested and e.place not in within:
            continue
        for cat in ("killed", "injured", "missing", "perpetrator_killed"):
            mine = (getattr(rec, f"{cat}_min"), getattr(rec, f"{cat}_max"))
            if nested and mine[1] is None:
                continue
            if mine != (None, None) and mine == (getattr(e, f"{cat}_min"), getattr(e, f"{cat}_max")):
                setattr(rec, f"{cat}_min", None)
                setattr(rec, f"{cat}_max", None)
                if hasattr(rec, f"{cat}_qualifier"):
                    setattr(rec, f"{cat}_qualifier", None)
                if e not in restated:
                    restated.append(e)
    return restated
