"""Casualty events: people killed, injured or missing, with where, when, what and who.

Rules over the dependency parse, sentence by sentence:

1. A *trigger* is a token whose lemma reports a casualty (``KILL_LEMMAS``, ``INJURE_LEMMAS``,
   ``MISSING_LEMMAS`` in :mod:`components.lexicon`): "killed", "died", "dead", "deaths",
   "wounded", "missing", "death toll".
2. Its *victim* phrase is found from the parse: the object of an active verb ("killed 3 people",
   "injuring seven others"), the subject of a passive or intransitive one ("14 people died",
   "seven others injured", "two crew members were still missing"), the ``of`` complement of a
   noun ("the deaths of at least three people"), the noun a participle modifies, or the
   number a death toll rises to ("death toll rose to 1,032": the new total).
3. The victim phrase's pre-head words give the count (:func:`parse_count`): digits and number
   words (read by :func:`components.text.numbers.number_value`, on the numerizer library), ranges ("between 12 and 15"), qualifiers ("at least", "up to"), vague words
   ("several" -> 2, "dozens" -> 24: the lower bound, qualifier ``vague``), "both" -> 2, and "a"/"one"/a
   singular noun -> 1. The counted head must be a person noun or a bare numeral, so ages
   ("a 12-year-old"), durations ("three days") and things ("a dozen homes") never count.
4. Attackers killed ("police shot him dead" after "A gunman killed ...") go to
   ``perpetrator_killed_*``, never to the victims' count.
5. Not events: negated, modal or intended killings ("could kill", "threatened to kill", also a
   modal on the verb governing a casualty noun: "could result in the deaths of"), hypothetical,
   projected or planning counts (``HYPOTHETICAL_HEADS``: "has the potential to kill about 1,400",
   "prepared to handle only 48,000 deaths", "320,000 deaths is projected"), rates ("4,000 road deaths a
   year", "kills 20,000 people every year": ``RATE_UNITS``, ``RATE_ADVERBS``), killings the text only
   attributes as past guilt ("responsible for killing ..."), and sentences dated to an earlier
   year than the report (historical comparisons). Running totals ("since January", "over the
   past 24 hours") are dropped when the article also reports single incidents.
6. Not people: animals (``NON_HUMAN_NOUNS``) and machines (``MACHINE_NOUNS``) are never victims: an animal head ("a dead goose"),
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

Inside one sentence (:func:`_totals`), a toll's value is the total of its category ("the toll had
risen to 31 after rescuers recovered eight more bodies" is 31), and so is a first count followed by
its breakdown after a colon or "including", or at places inside its area ("killed 9 people in the
Philippines, the agency said: 5 in Cebu and 4 in Leyte" is 9 with two parts), never one of its parts.

One event, one record (:func:`_merge_events`): an update of a running toll ("the toll rose to 90,
up from 75", "raised the toll to 14", ``TOLL_UPDATE_VERBS``) replaces the event's counts; a breakdown by place or group ("27 had died in Malatya
and 14 in Adiyaman", "11 soldiers and 4 civilians") is kept in the event's ``parts``, never added
to its totals; injured, missing or more dead ("Another 40 people were injured", "eight more
bodies") reported right after an event at its place join it (:func:`_joins`); victims named "among the dead" of an event are not counted again; a later count of
the same event (same place, no other stated day, no other cause, no word adding victims such as
"also", "another", "separate") restates it, the larger count being its total. A toll summed over a
counted number of operations ("in six operations") is no record.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    ADMIN_SUFFIXES,
    CASUALTY_CAUSES,
    INCIDENT_NOUNS,
    TOTAL_NOUNS,
    BODY_VERBS,
    CITY_NOUNS,
    CUE_VERBS,
    HYPOTHETICAL_HEADS,
    RATE_ADVERBS,
    RATE_UNITS,
    INJURE_LEMMAS,
    KILL_LEMMAS,
    MISSING_LEMMAS,
    UNCONFIRMED_DEATH_VERBS,
    HOSPITAL_NOUNS,
    HOSPITAL_VERBS,
    INJURED_CONDITIONS,
    INJURY_NOUNS,
    INJURY_TAKING_VERBS,
    CARE_STATE_VERBS,
    LIVING_VERBS,
    RECOVERY_LEMMAS,
    BODILY_INJURY_VERBS,
    LIFE_TAKING_VERBS,
    TRANSITIVE_KILL_LEMMAS,
    WOUNDING_VERBS,
    GROUP_NOUNS,
    NON_COUNT_FOLLOWERS,
    INCREMENT_WORDS,
    ADDITIVE_ADVERBS,
    NON_HUMAN_NOUNS,
    MACHINE_NOUNS,
    PERPETRATOR_NOUNS,
    KIN_NOUNS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    PLACE_PREPOSITIONS,
    SEPARATE_EVENT_WORDS,
    CONTRAST_CLAUSE_WORDS,
    TOLL_NOUNS,
    TOLL_UPDATE_VERBS,
    TITLE_WORDS,
    VAGUE_COUNTS,
    DETERMINER_COUNTS,
    GROUP_COUNTS,
    IDENTIFYING_VERBS,
    ORG_HEAD_NOUNS,
)
from ..gazetteer import AREA_KINDS, get_gazetteer
from ..text.dates import MONTH_PATTERN, MONTH_RE, month_number, parse_date
from ..text.numbers import is_number_word, number_value
from ..text.words import agent_noun_stem_is_verb
from ..models import Casualty, CasualtyPart, Place
from ..nlp import doc_ents, doc_text, span_ents, span_text, token_lemmas, token_lowers
from .confidence import casualty_confidence
from .places import jurisdiction_prefix
from .quotemarks import quote_spans
from .tree import climb, head_path, is_root, sets_the_scene

# a toll stated for the whole world or for many countries at once (regular expression, matched
# case-insensitively on the sentence): no single place, not an event
GLOBAL_TOLL_PATTERN: str = (
    r"\b(?:worldwide|world-wide|globally|around the (?:world|globe)|across the (?:world|globe)|"
    r"(?:throughout|all over) the world|in \d+ countries|\d+ countries and territories)\b"
)

KIND_SPECIFICITY = {"city": 0, "feature": 0, "admin": 1, "country": 2, "continent": 3, "water": 3}
AT_LEAST = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than", "not fewer than",
            "not less than", "a minimum of")
AT_MOST = ("at most", "up to", "as many as", "nearly", "almost", "fewer than", "less than", "no more than", "not more than",
           "a maximum of")
# "no"/"not" opening a bound ("no fewer than 40", "not more than 12"): a count, not "no one"
NEGATED_BOUND = re.compile(r"^not? (?:fewer|less|more) than\b")
APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "close to", "nearly")
NON_FACTUAL_HEADS = frozenset(
    """responsible involve accuse plan suspect blame link connect charge convict sentence threaten vow
    try attempt want aim seek intend plot fear warn risk could would might may can will should""".split()
)
MODAL_AUX = frozenset({"could", "would", "might", "may", "can", "will", "should", "must"})
# modals that, before a perfect ("may have died", "might have been killed"), estimate a past event rather than
# imagine one ("would have died if ...", "could have been killed" stay hypothetical)
EPISTEMIC_MODALS = frozenset({"may", "might"})
NOBODY = frozenset({"nobody", "none", "no-one", "noone"})
PRONOUN_ONE = frozenset({"him", "her", "himself", "herself", "he", "she"})
GLOBAL_TOLL = re.compile(GLOBAL_TOLL_PATTERN, re.I)
# clause-internal links from a casualty word up to the verb that governs it ("could result in the
# deaths of", "will be at home and die"); a modal on such a verb makes the count hypothetical
_CLAUSE_INTERNAL = frozenset({"dobj", "obj", "pobj", "prep", "xcomp", "attr", "nsubj", "nsubjpass", "compound", "conj", "acomp", "oprd", "pcomp", "agent"})
COUNT_FIELDS = ("killed_min", "killed_max", "injured_min", "injured_max", "missing_min", "missing_max", "perpetrator_killed_min", "perpetrator_killed_max")
# a toll summed over a counted number of operations or raids ("killed two ... in six operations",
# "conducted a number of operations ... and killed many"): earlier events added up, never a record
ROLLUP = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|multiple|numerous|a number of|"
                    r"a series of)\s+(?:(?!(?:in|on|during|after|across|of)\b)\w+\s+){0,2}(?:operations|raids)\b", re.I)
# (the number counts the operations: "six joint raids", never the victims of "killed 30 people in raids")
# roll-up sentences that sum several incidents or a period: dropped when the article also reports single incidents
CUMULATIVE = re.compile(r"\b(since (?:" + MONTH_PATTERN + r"|\d{4}|(?:the )?(?:start|beginning|war|conflict|fighting|outbreak|invasion|offensive|escalation|uprising|pandemic|epidemic))|over the (?:past|last)|in the (?:past|last) \d|so far this|to date|separate (?:\w+ )?operations)\b", re.I)


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


MAGNITUDE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})


def _is_num_token(t: Token, before: list[Token]) -> bool:
    """True when ``t`` continues a written number (:func:`components.text.numbers.is_number_word`;
    "a" before "dozen"/"hundred", "half" before "a dozen"; a hyphen or "and" inside "Twenty - five", "two hundred
    and six")."""
    w = t.lower_
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    if before and w[:1].isdigit() and not before[-1].lower_[:1].isdigit():
        return False  # "Five (5) persons": the digits restate the word (the brackets are left out of the phrase)
    if is_number_word(w):
        return True
    if w in ("a", "an") and nxt in ("dozen", "hundred", "thousand", "million", "billion", "score"):
        return True
    if w == "half" and nxt in ("a", "an") and t.i + 2 < len(t.doc) and t.doc[t.i + 2].lower_ in ("dozen", "score"):
        return True  # "half a dozen"
    if not before or not is_number_word(nxt) or nxt[:1].isdigit():
        return False
    if w in ("-", "–"):
        return is_number_word(before[-1].lower_)  # "Twenty-five" split by the tokenizer
    return w == "and" and before[-1].lower_ in MAGNITUDE_WORDS  # "two hundred and six", not "12 and 15"


def _unit_follows(tokens: list[Token], i: int) -> bool:
    """True when the word at ``i`` (skipping hyphens: "five-year-old", "13-month-old") is a unit,
    so the number before it is an age, duration or measure, not a count."""
    while i < len(tokens) and tokens[i].text in ("-", "–"):
        i += 1
    return i < len(tokens) and tokens[i].lower_ in NON_COUNT_FOLLOWERS


def parse_count(tokens: list[Token], head: Token, person: bool = False) -> Optional[Count]:
    """Count stated by a victim phrase.

    Args:
        tokens: the phrase's words up to and including its head, in order
            ("At least three people", "Between 12 and 15 people", "dozens", "seven others").
        head: the head token (its number decides the default of 1 for "a civilian").
        person: the caller knows the head names people though no word list has it (the subject of an injury
            verb: "a flight attendant was injured"), so "a"/"an" before it counts one.

    Returns:
        Count | None: ``Count(3, None, "at_least")``, ``Count(12, 15, "range")``,
        ``Count(24, None, "vague")`` for "dozens", ``Count(2, 2, "exact")`` for "both pilots"
        (:data:`DETERMINER_COUNTS`), ``Count(1, 1, "exact")`` for "a soldier";
        None when the phrase states no number ("civilians", "those").
    """
    low = " ".join(t.lower_ for t in tokens)
    if low.split()[:1] and low.split()[0] in NOBODY | {"no"} and not NEGATED_BOUND.match(low):
        return Count(0, 0, "exact")  # "no one", "none of the passengers"
    if low.split()[:1] and low.split()[0] in DETERMINER_COUNTS:
        n = DETERMINER_COUNTS[low.split()[0]]
        return Count(n, n, "exact")  # "both pilots", "both of them"
    groups = _num_groups(tokens)
    # numbers followed by a unit are not counts ("three days", "12-year-old")
    groups = [g for g in groups if not _unit_follows(tokens, g[1])]
    if len(groups) >= 2:
        (_, e1, a), (s2, _, b) = groups[0], groups[1]
        between = " ".join(t.lower_ for t in tokens[e1:s2])
        if between in ("and", ",") and any(t.lower_ == "respectively" for t in head.sent):
            total = sum(g[2] for g in groups)  # "killed 4 and 9 villagers respectively": 13 in all, never a range
            return Count(total, total, "exact")
        if between in ("and", "to", "-", "or", "–") and a < b:
            return Count(a, b, "range")
        if a < b and re.fullmatch(r"(?:, )?and (?:possibly |perhaps |maybe )?(?:as many as|up to)", between):
            return Count(a, b, "range")  # "At least 40 and as many as 60 people": both bounds
    if groups:
        s, e, v = groups[-1]
        prefix = " ".join(t.lower_ for t in tokens[max(0, s - 4):s])
        # the longest qualifier that ends the prefix: "no more than" (at most) before "more than"
        # (a tie keeps the lists' order: "nearly" is at most before it is approximate)
        kind = max(((len(q), -rank, k) for rank, (k, qs) in enumerate((("at_least", AT_LEAST), ("at_most", AT_MOST), ("vague", APPROX)))
                    for q in qs if prefix == q or prefix.endswith(" " + q)), default=(0, 0, "exact"))[2]
        if kind == "at_least":
            strict = prefix.endswith(("more than", "over", "upwards of", "in excess of"))
            return Count(v + 1 if strict else v, None, "at_least")  # "more than 30" -> 31
        if kind == "at_most":
            return Count(None, v, "at_most")
        return Count(v, v, kind)
    if head.lower_ == "number" and low.startswith("a "):
        return Count(VAGUE_COUNTS["several"], None, "vague")
    for t in tokens:
        if t.lower_ in VAGUE_COUNTS:
            if t.lower_ == "few" and not low.startswith("a few") and " a few" not in low:
                continue
            if t.i > 0 and t.doc[t.i - 1].lower_ == "how":
                return None  # "how many people have died?" asks for the count

            return Count(VAGUE_COUNTS[t.lower_], None, "vague")
    if low.split()[:1] and low.split()[0] in NOBODY:
        return Count(0, 0, "exact")
    if head.lower_ in PRONOUN_ONE or head.lower_ == "another" and head.dep_ in ("conj", "appos", "nsubj", "nsubjpass"):
        return Count(1, 1, "exact")  # "him", "another" (one more in a list: "two in A and another in B"; "another was hurt")
    group = _fixed_group_size(head) if head.pos_ == "NOUN" else None
    if group is not None:
        return Count(group, group, "exact")
    if head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("NN", "NNP") and (
            _is_person_noun(head) or head.lower_ in PERPETRATOR_NOUNS):
        return Count(1, 1, "exact")
    if head.pos_ == "PROPN" and head.tag_ == "NNP":
        return Count(1, 1, "exact")
    if person and head.tag_ == "NN" and low.split()[0] in ("a", "an"):
        return Count(1, 1, "exact")
    return None


# ----------------------------------------------------------------------------- triggers
RECOVERY_LEMMAS = frozenset({"pull", "recover", "find", "retrieve", "discover", "exhume", "remove", "bring", "dig", "identify"})
ATTACK_VERB_LEMMAS = frozenset({"fire", "launch", "strike", "attack", "shell", "bomb", "hit", "target", "pound", "bombard"})


# the words and lemmas :func:`_category` can give a category to (any other word has none)
_TRIGGER_WORDS = MISSING_LEMMAS | INJURE_LEMMAS | KILL_LEMMAS | LIFE_TAKING_VERBS | WOUNDING_VERBS | {"lose", "condition"}
# verbs :func:`_category` can give a category to by their complements (care, injuries taken, a stay in hospital)
_STATE_VERBS = HOSPITAL_VERBS | INJURY_TAKING_VERBS | CARE_STATE_VERBS | {"leave"}  # ("left four people in hospital")


def _category(tok: Token) -> Optional[str]:
    lem, low = tok.lemma_.lower(), tok.lower_
    if lem in MISSING_LEMMAS or low in MISSING_LEMMAS or _unconfirmed_death(tok):
        return "missing"
    if lem in WOUNDING_VERBS and tok.pos_ == "VERB" and any(c.lower_ == "fatally" and not _negated_manner(c) for c in tok.subtree):
        return "killed"  # "was fatally shot", "fatally stabbed two men" (not "none / neither fatally")
    if lem in INJURY_TAKING_VERBS and any(a.lower_ in ("fatal", "mortal") for o in _injuries_taken(tok) for a in o.children):
        return "killed"  # "suffered fatal wounds"
    if lem in INJURE_LEMMAS or low in INJURE_LEMMAS or _in_condition(tok) or _wounding_assault(tok) or _in_care(tok) \
            or _injuries_taken(tok) or _in_care_state(tok) or _left_in_care(tok):
        return "injured"
    if lem in KILL_LEMMAS or low in KILL_LEMMAS:
        if lem == "body" or low in ("body", "bodies"):
            # "rescuers pulled 12 bodies from the rubble", "the bodies of five hikers were recovered": bodies
            # counted as recovered are dead, and so are counted bodies that came to rest somewhere (``body_verbs``:
            # "The bodies of 27 migrants washed ashore", "Nine bodies floated downstream"); any other "body" (a
            # governing body) is not a casualty word
            counted = any(c.dep_ == "nummod" for c in tok.children) or any(
                p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in p.children) for c in tok.children if c.lower_ == "of" for p in c.children)
            if counted and (tok.head.lemma_.lower() in RECOVERY_LEMMAS or tok.dep_ == "nsubj" and tok.head.lemma_.lower() in BODY_VERBS):
                return "killed"
            return None
        return "killed"
    if (lem == "lose" or lem in LIFE_TAKING_VERBS) and any(c.lower_ in ("life", "lives") for c in tok.children):
        return "killed"  # "lost their lives"; "the fire claimed seven lives"
    return None


def _negated_manner(adv: Token) -> bool:
    """True for a manner adverb denied by the word before it or its own modifier ("none fatally", "neither
    fatally", "not fatally"): the victims survived."""
    prev = adv.doc[adv.i - 1] if adv.i > 0 else None
    return any(w.lower_ in ("none", "neither", "not", "no") for w in [*adv.children, *([prev] if prev is not None else [])])


def _wounding_assault(tok: Token) -> bool:
    """True for a verb of a wounding assault (:data:`WOUNDING_VERBS`: "were stabbed", "shot four commuters")
    whose clause reports no death: no "dead", "to death", "fatally" or "lethally" on it, and no killing verb
    coordinated with it ("shot and killed") -- those victims are the killing's. Its victims are injured;
    for "shoot", only victims counted by a number (it also retells deaths: "the man shot by police")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in WOUNDING_VERBS:
        return False  # (a "fatally" in the clause made it a killing before: :func:`_category`)
    for c in tok.children:
        low = c.lower_
        if low in ("dead", "lethally", "mortally") or low == "to" and any(g.lower_ == "death" for g in c.children):
            return False
        if c.dep_ == "conj" and (c.lemma_.lower() in KILL_LEMMAS or c.lemma_.lower() in INJURE_LEMMAS) and not any(
                g.dep_ in ("dobj", "obj") for g in tok.children):
            return False  # "shot and killed (a man)", "stabbed and wounded": the other verb counts the shared victims
        if c.dep_ == "prt":
            return False  # "shot down", "shot up": no person wounded
        if c.dep_ in ("dobj", "obj") and any(a.dep_ == "amod" and a.lower_ == "dead" for a in c.children):
            return False  # "shot dead two policemen": the parser reads "dead policemen", a killing all the same
    head = tok.head
    if tok.dep_ == "conj" and (head.lemma_.lower() in KILL_LEMMAS or head.lemma_.lower() in INJURE_LEMMAS):
        return False
    if tok.lemma_.lower() == "shoot":
        # "shot" also reports deaths told elsewhere ("the man shot by police", "getting shot") and shots at
        # things: only victims counted by a number ("four people were shot", "shot two guards") are the injured
        return any(c.dep_ in ("nsubjpass", "dobj", "obj") and (c.like_num or any(n.dep_ == "nummod" for n in c.children))
                   for c in tok.children)
    return True


def _in_condition(tok: Token) -> bool:
    """True for "condition" in "(are / remain) in critical condition" (:data:`INJURED_CONDITIONS`): the
    subject of the verb are patients, counted as injured."""
    return tok.lower_ == "condition" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and any(
        c.dep_ == "amod" and c.lower_ in INJURED_CONDITIONS for c in tok.children)


def _in_care(tok: Token) -> bool:
    """True for a verb of care (:data:`HOSPITAL_VERBS`) taking patients to or treating them at a place of care
    (:data:`HOSPITAL_NOUNS`: "were taken to hospital", "rushed 12 people to a clinic", "treated in hospital"),
    or treating or carrying them for or with an injury (:data:`INJURY_NOUNS`: "treated for burns", "were flown to
    the capital with serious injuries"): its patients are injured."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in HOSPITAL_VERBS:
        return False
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ in ("to", "in", "at", "into") and obj.lower_ in HOSPITAL_NOUNS:
                return True
            if prep.lower_ in ("for", "with") and obj.lower_ in INJURY_NOUNS:
                return True
    return False


def _injuries_taken(tok: Token) -> list[Token]:
    """The injuries (:data:`INJURY_NOUNS`) that the object of a verb of taking an injury names
    (:data:`INJURY_TAKING_VERBS`: "11 suffered minor burns", "sustained gunshot wounds"), or its "of" complement
    ("sustained varying degrees of injuries", "various kinds of burns"): its subject is a casualty."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in INJURY_TAKING_VERBS:
        return []
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return [c for c in objs if c.lower_ in INJURY_NOUNS] + [
        p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
        if p.dep_ == "pobj" and p.lower_ in INJURY_NOUNS]


def _left_in_care(tok: Token) -> list[Token]:
    """The objects verb ``tok`` "leave" leaves in a place of care (:data:`HOSPITAL_NOUNS`: "left four people in
    hospital", "leaving one man dead and four people in hospital"): patients, counted as injured; [] otherwise."""
    if tok.lemma_.lower() != "leave" or tok.pos_ != "VERB":
        return []

    def in_care(head: Token) -> bool:
        return any(o.dep_ == "pobj" and o.lower_ in HOSPITAL_NOUNS for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                   for o in c.children)

    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj") or c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    cared = [o for o in objects if in_care(o)]
    return cared or (objects if len(objects) == 1 and in_care(tok) else [])


def _in_care_state(tok: Token) -> bool:
    """True for a verb of staying (:data:`CARE_STATE_VERBS`) in a place of care (:data:`HOSPITAL_NOUNS`: "26 people
    are in hospital", "four remain in hospital"): its subject are patients, counted as injured. "Be" only before a
    place of care without an article ("were in the hospital when the shell hit" says where they were)."""
    lem = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or lem not in CARE_STATE_VERBS:
        return False
    return any(o.dep_ == "pobj" and o.lower_ in HOSPITAL_NOUNS and (lem != "be" or not any(d.dep_ in ("det", "poss") for d in o.children))
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children)


def _unconfirmed_death(tok: Token) -> bool:
    """True for "dead" as the predicate of a verb of belief (:data:`UNCONFIRMED_DEATH_VERBS`: "are
    feared dead", "were presumed dead"): a death not confirmed, counted as missing."""
    return tok.lower_ == "dead" and tok.dep_ in ("oprd", "acomp", "xcomp") and tok.head.lemma_.lower() in UNCONFIRMED_DEATH_VERBS


# the bounds and approximations of a count as word lists, longest first (:data:`AT_LEAST`, :data:`AT_MOST`, :data:`APPROX`)
_BOUND_WORDS = sorted((q.split() for q in AT_LEAST + AT_MOST + APPROX), key=len, reverse=True)


def _phrase(head: Token) -> list[Token]:
    """Words of the noun phrase of ``head`` up to and including it (pre-modifiers only, and a bound right before them
    that the parser hung elsewhere: "upwards of 40 injured"), and a multiplier the
    parser hung after a number head ("two dozen injured": "dozen" on "two"); after "by N to" or a toll verb's "from N
    to" only what follows "to" ("rose by four to 31": the change is no part of the value; "rose from seven to 12": the
    old value is not)."""
    start = head.left_edge.i
    doc = head.doc
    bound = next((len(q) for q in _BOUND_WORDS if start >= len(q) and [t.lower_ for t in doc[start - len(q) : start]] == q), 0)
    start -= bound  # "killed in excess of 30 people", "upwards of 40 injured": a bound the parser hung elsewhere
    rise = start > 0 and doc[start - 1].lower_ == "from" and doc[start - 1].head.lemma_.lower() in TOLL_UPDATE_VERBS
    for k in range(start, head.i):
        if doc[k].lower_ == "to" and k >= 1 and doc[k - 1].like_num and (rise or k >= 2 and doc[k - 2].lower_ == "by"):
            start = k + 1
    end = head.i + 1
    while end < len(doc) and (doc[end].head.i == head.i and is_number_word(doc[end].lower_) or _number_goes_on(doc, end)):
        end += 1
    return [t for t in doc[start:end] if t.dep_ != "punct" or t.text in ("-", "–")]


def _number_entity_before(tok: Token) -> Optional[Token]:
    """The head of a number entity (CARDINAL) ending right before a state word without a subject ("and one hundred
    and five injured", the parser's "hundred" a conjunct of the verb before): the entity's token whose head lies
    outside it; None when ``tok`` is no state word or no number entity ends before it."""
    doc = tok.doc
    if tok.lower_ not in _STATE_WORDS or tok.i == 0 or doc[tok.i - 1].ent_type_ != "CARDINAL":
        return None
    start = tok.i - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    run = range(start, tok.i)
    return next((doc[k] for k in run if doc[k].head.i not in run and _states_count(doc[k])), None)


def _number_goes_on(doc: Doc, i: int) -> bool:
    """True when token ``i`` continues the written number before it inside one number entity: "and" after
    "hundred"/"thousand" before a number word, or that number word ("two hundred and thirty", which the parser may
    split into a number and its conjunct)."""
    tok, prev = doc[i], doc[i - 1]
    if tok.ent_iob_ != "I" or tok.ent_type_ != "CARDINAL":
        return False
    if tok.lower_ == "and":
        return prev.lower_ in MAGNITUDE_WORDS and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and is_number_word(doc[i + 1].lower_)
    return prev.lower_ == "and" and is_number_word(tok.lower_) and not tok.lower_[:1].isdigit()


def _is_animal(tok: Token) -> bool:
    """True when ``tok`` names animals (``non_human_nouns``) or machines and munitions (``machine_nouns``: "shot down 31
    of the 48 drones"): never people."""
    low, lem = tok.lower_, tok.lemma_.lower()
    return low in NON_HUMAN_NOUNS or lem in NON_HUMAN_NOUNS or low in MACHINE_NOUNS or lem in MACHINE_NOUNS


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
    if head.like_num or is_number_word(head.lower_) or head.lower_ in VAGUE_COUNTS:
        for t in reversed(head.doc[head.sent.start:head.i]):
            if t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in t.children):
                return _is_animal(t)  # the nearest counted noun before the bare number
    return False


def _is_countable_head(head: Token, lists_only: bool = False) -> bool:
    """True when victim head ``head`` can be counted: a number, a vague count, a person noun (no agent
    noun by its ending when ``lists_only``: missing things are common, "two trawlers are missing"), a
    person or group entity, or a named person."""
    low = head.lower_
    if _states_count(head) or low in NOBODY or low in PRONOUN_ONE or low in DETERMINER_COUNTS:
        return True  # ("both of them")
    if low == "another" and head.dep_ in ("conj", "appos", "nsubj", "nsubjpass"):
        return True  # "two soldiers in A and another in B", "One miner was killed and another was injured": one more
    if low in GROUP_COUNTS and head.pos_ == "NOUN":
        return True  # "An elderly couple was killed", "A pair of climbers died"
    if low in ("more", "others") and any(c.dep_ == "nummod" and _states_count(c) for c in head.children):
        return True  # "9 more died", parsed with "more" as the head: a bare count
    if low in PERPETRATOR_NOUNS or _is_person_noun(head, lists_only):
        return True
    if low == "number" and any(
        p.lower_ in PERSON_NOUNS for c in head.children if c.lower_ == "of" for p in c.children
    ):
        return True
    if head.ent_type_ in ("PERSON", "NORP") or head.pos_ == "PROPN" and _listed_as(head):
        return True  # (a name listed after "identified as" is a person's, whatever the entity type)
    # a named person as the object/subject of a killing ("killed Rostum")
    return head.pos_ == "PROPN" and head.tag_ == "NNP" and head.ent_type_ not in ("GPE", "LOC", "ORG", "FAC", "DATE")


def _fixed_group_size(head: Token) -> Optional[int]:
    """The fixed size of the group of people noun ``head`` names (:data:`GROUP_COUNTS`): the noun itself ("couple",
    "pair", "twins", singular but for the plurals listed) or a modifier of a plural ("twin grandsons"); None
    otherwise."""
    low = head.lower_
    if low in GROUP_COUNTS:
        return GROUP_COUNTS[low]
    if head.tag_ == "NNS":
        return next((GROUP_COUNTS[c.lower_] for c in head.children if c.dep_ in ("amod", "compound") and c.lower_ in GROUP_COUNTS), None)
    return None


def _is_person_noun(tok: Token, lists_only: bool = False) -> bool:
    """True when the common noun ``tok`` names people: a person or kinship noun of the word lists
    ("civilians", "his two sons"), a noun with a person ending ("tourists", "fishermen";
    ``PERSON_SUFFIXES``) or, unless ``lists_only``, an agent noun made
    from a verb ("hikers", "the governor"; :func:`~components.text.words.agent_noun_stem_is_verb`)
    or a singular title word with a determiner or modifier ("a village chief"; ``TITLE_WORDS``);
    never an animal."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in PERSON_NOUNS or lemma in PERSON_NOUNS or lemma in KIN_NOUNS or low in KIN_NOUNS:
        return True
    if tok.pos_ == "NOUN" and any(len(lemma) - k >= 6 and lemma[k:] in PERSON_NOUNS for k in range(3, len(lemma) - 5)):
        return True  # a compound ending in a listed person noun: "schoolteacher", "steelworker"
    if tok.pos_ != "NOUN" or _is_animal(tok):
        return False
    if not lists_only and low in TITLE_WORDS and tok.tag_ == "NN" and any(c.dep_ in ("det", "poss", "compound") for c in tok.children):
        return True  # a role held by one person: "a village chief", "the district governor"
    if len(low) <= 4:
        return False
    return low.endswith(PERSON_SUFFIXES) or not lists_only and agent_noun_stem_is_verb(low)


def _living_subject(head: Token, trigger: Token) -> bool:
    """True when a counted noun the lexicon does not know is the subject of an injury verb, which news uses of
    people (:data:`LIVING_VERBS`: "three cooks were injured", "two deckhands were hurt", "a flight attendant was
    injured", "both stewards were hurt"): they are people unless an animal noun says otherwise. Counted: by a
    number, a count determiner (:data:`DETERMINER_COUNTS`) or, singular, "a"/"an"/"one" with a verb used of bodies
    only (:data:`BODILY_INJURY_VERBS`) or before a person noun (:func:`_is_person_noun`; not "a sector was hurt by
    the sanctions"). Not for deaths (animals die: "two hundred lobsters died"), things that are "killed" ("two bills
    were killed") or go "missing"."""
    if head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != trigger.i \
            or trigger.lemma_.lower() not in LIVING_VERBS or _is_animal(head) or head.lower_ in NON_COUNT_FOLLOWERS:
        return False
    if head.tag_ == "NNS":
        return any(c.dep_ == "nummod" or c.dep_ in ("det", "predet") and c.lower_ in DETERMINER_COUNTS for c in head.children)
    bodily = trigger.lemma_.lower() in BODILY_INJURY_VERBS
    return head.tag_ == "NN" and (bodily or _is_person_noun(head)) and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "nummod" and c.lower_ == "one" for c in head.children)


def _coordinated_with_person(head: Token) -> bool:
    """True when a counted noun the lexicon does not know is coordinated with a person noun, so it
    names people too ("a commander and two senior advisors", "two paramedics and a nurse"). Not
    asked for the missing: things go missing beside people ("three trawlers and their crew")."""
    partners = ([head.head] if head.dep_ == "conj" else []) + [c for c in head.children if c.dep_ == "conj"]
    return head.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in head.children) \
        and any(_is_countable_head(p) for p in partners) and not _is_animal(head)


def _victims(tok: Token) -> list[Token]:
    """Heads of the victim phrases of a trigger (see module docstring, rule 2)."""
    kids = list(tok.children)
    lem = tok.lemma_.lower()
    toll = _toll_noun(tok)
    if toll is not None:
        return _toll_value(toll)
    named = _names_listed_as(tok) or _counts_of_state(tok) or _total_in_apposition(tok)
    if named:  # "The dead were identified as A, 34; B, 29; and C, 41": one victim per name; "Twelve of the dead were in A"
        return named
    copula = _inverted_copula(tok)
    if copula is not None:  # "Killed were four officers and two children", "The dead were three soldiers"
        return _with_conjuncts([c for c in copula.children if c.dep_ == "attr" and c.i > copula.i])
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "include" and tok.pos_ in ("NOUN", "ADJ"):
        # "The dead included 15 in Moyobamba and 8 in Rioja", "the victims included two children"
        return _with_conjuncts([c for c in tok.head.children if c.dep_ in ("dobj", "attr")])
    listed = _count_before_state(tok)
    if listed is not None:
        return [listed]
    left = _left_in_care(tok)
    if left:  # "leaving one man dead and four people in hospital": the four
        return left
    if _in_condition(tok) or _injuries_taken(tok) or _in_care_state(tok):
        # "two others are in critical condition", "11 suffered minor burns", "26 people are in hospital": the verb's
        # subject; "he remains in critical condition" is a victim counted before (a pronoun refers back), no new count
        verb = tok.head.head if _in_condition(tok) else tok
        return [c for c in _with_conjuncts([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
                if c.pos_ != "PRON" and not _back_reference(c)]
    lives = [c for c in kids if c.dep_ in ("dobj", "obj") and c.lower_ in ("life", "lives")]
    if lem in LIFE_TAKING_VERBS and lives:  # "claimed seven lives": the lives are the count; "the lives of 12 passengers": those
        of = [p for v in lives for c in v.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        return _with_conjuncts(of) if of and not any(c.dep_ == "nummod" for v in lives for c in v.children) else lives
    if _death_of_manner(tok):  # "was stabbed to death", "beat two men to death": the verb's victims
        verb = tok.head.head
        return _with_conjuncts([c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")])
    group = tok.head if tok.dep_ in ("acl", "amod", "relcl") and tok.head.dep_ == "pobj" and tok.head.i < tok.i else tok
    if group.dep_ == "pobj" and group.head.lower_ == "among" and group.head.head.pos_ in ("AUX", "VERB"):
        # "a nurse and two drivers were among the dead", "among the injured were three children",
        # "... among those killed" ("among the 12 people killed": the 12 are the victims)
        if group is not tok and any(c.dep_ == "nummod" for c in group.children):
            return [group]
        return _with_conjuncts([c for c in group.head.head.children if c.dep_ in ("nsubj", "attr")])
    return [_group_count(v) for v in _direct_victims(tok, kids, lem)] + _gapped_numbers(tok)


def _names_listed_as(tok: Token) -> list[Token]:
    """The names a verb of :data:`IDENTIFYING_VERBS` gives casualty noun ``tok`` through "as" ("The dead were identified
    as A, 34; B, 29; and C", "Police named the victims as A and B"): the proper noun after "as" and the proper nouns
    coordinated or set in apposition with it (never the ages between them); [] otherwise."""
    verb = tok.head
    if tok.dep_ not in ("nsubjpass", "dobj") or verb.lemma_.lower() not in IDENTIFYING_VERBS:
        return []
    first = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    names, todo = [], [p for p in first if p.pos_ == "PROPN"]
    while todo:
        name = todo.pop()
        names.append(name)
        todo += [c for c in name.children if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN"]
    return sorted(names, key=lambda t: t.i)


def _counts_of_state(tok: Token) -> list[Token]:
    """The counts of people in the state ``tok`` names ("dead", "injured", "wounded", "missing") when it is the "of"
    object of a number that is the subject of a clause placing them ("Twelve of the dead were in A, and 18 in B"): that
    number and the numbers coordinated with its clause, the parser's reading of the elliptical ", and 18 in B"; []
    otherwise."""
    if tok.lower_ not in _STATE_WORDS or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return []
    number = tok.head.head
    if not _states_count(number) or number.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [number] + [c for c in number.head.children if c.dep_ == "conj" and _states_count(c)]


def _total_in_apposition(tok: Token) -> list[Token]:
    """The number set off after a definite casualty noun with no number of its own as its total ("buried the dead, 23
    in all,", "The bodies, 14 in total, were ..."): [that number]; [] otherwise."""
    doc = tok.doc
    if tok.i + 4 >= len(doc) or any(c.dep_ == "nummod" for c in tok.children) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return []
    comma, number, prep, whole = doc[tok.i + 1 : tok.i + 5]
    if comma.text == "," and _states_count(number) and prep.lower_ == "in" and whole.lower_ in ("all", "total"):
        return [number]
    return []


def _listed_as(name: Token) -> bool:
    """True when proper noun ``name`` is one of the names of :func:`_names_listed_as` (after "as", or coordinated or
    in apposition with such a name)."""
    while name.dep_ in ("conj", "appos") and name.head.pos_ == "PROPN":
        name = name.head
    return name.dep_ == "pobj" and name.head.lower_ == "as" and name.head.head.lemma_.lower() in IDENTIFYING_VERBS


def _inverted_copula(tok: Token) -> Optional[Token]:
    """The "be" after a casualty participle or adjective that opens its clause, the victims after it ("Killed were
    four officers", "Wounded were 17 people", "The dead were three soldiers and a nurse"): the parser makes the
    participle the subject of "be" or "be" its passive auxiliary, the victims the attribute of "be"; else None."""
    if tok.tag_ not in ("VBN", "JJ") or tok.i > tok.sent.start + 1:
        return None
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be" and tok.i < tok.head.i:
        return tok.head
    return next((c for c in tok.children if c.dep_ == "auxpass" and c.lemma_.lower() == "be" and c.i > tok.i
                 and any(g.dep_ == "attr" for g in c.children)), None)


def _back_reference(noun: Token) -> bool:
    """True for a definite noun with no number of its own ("the driver", "the injured soldier", "the Pontiff"): victims
    counted or people named before, when a state is told of them ("the driver suffered burns"), not more."""
    return noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children) \
        and not any(c.dep_ == "nummod" for c in noun.children)


def _place_after_particle(obj: Token, kids: list[Token]) -> bool:
    """True for an "object" that is a place the parser hung on a particle ("drowned off Crotone": "off" read as
    a particle, the town as the object): a capitalised proper noun right after a locative particle of the
    verb. The victims are then the verb's subject."""
    return obj.pos_ == "PROPN" and obj.text[:1].isupper() and obj.i > 0 and any(
        c.dep_ == "prt" and c.i == obj.left_edge.i - 1 and c.lower_ in PLACE_PREPOSITIONS for c in kids)


def _group_count(victim: Token) -> Token:
    """The number that counts a group noun's people (:data:`GROUP_NOUNS`: "a family of six", "a crew of
    five sailors"): the ``of`` complement when it is or has a number, else ``victim`` itself."""
    if victim.lemma_.lower() not in GROUP_NOUNS and victim.lower_ not in GROUP_NOUNS:
        return victim
    for c in victim.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and (_states_count(p) or any(n.dep_ == "nummod" for n in p.children)):
                    return p
    return victim


def _death_of_manner(tok: Token) -> bool:
    """True for "death" in "VERB ... to death" ("was stabbed to death", "beat him to death", "burned to
    death"): the verb names the manner of a killing."""
    return tok.lower_ == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB"


# the state words of a "left N dead, M injured and K missing" list
_STATE_WORDS = frozenset({"dead", "injured", "wounded", "hurt"}) | MISSING_LEMMAS  # "missing", "unaccounted (for)"


def _count_before_state(tok: Token) -> Optional[Token]:
    """The count right before a state word in the list a form of "leave" governs ("left 41 dead, 300
    injured and about 25 missing", "leaving two people dead and five hurt"): the number, or the person
    noun it counts; None when ``tok`` is no such state word. The parser hangs such lists any way it
    likes (the second number as the subject of "injured", the third as its conjunct), so the order of
    the words decides, not the tree."""
    if tok.lower_ not in _STATE_WORDS or tok.i == 0:
        return None
    node, steps = tok.head, 0
    while node.lemma_.lower() != "leave" and node.head.i != node.i and steps < 3:
        node, steps = node.head, steps + 1
    if node.lemma_.lower() != "leave" or node.i > tok.i:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ == "NOUN" and _is_person_noun(prev) and any(c.dep_ == "nummod" for c in prev.children):
        return prev  # "two people dead"
    return prev if _states_count(prev) and prev.i > node.i else None


def _toll_noun(tok: Token) -> Optional[Token]:
    """The noun naming a toll that the casualty word ``tok`` states: itself for "toll", or the
    head of "the number / tally of dead (deaths, victims)" or "the number of people killed (confirmed dead,
    reported missing)" (``TOLL_NOUNS``); None otherwise."""
    if tok.lemma_.lower() == "toll" or tok.lower_ == "toll":
        return tok
    if tok.lower_ in _STATE_WORDS and tok.dep_ in ("oprd", "acomp", "xcomp", "advcl") and tok.head.pos_ == "VERB":
        # "the number of people confirmed dead": the participle on the counted people, or on the toll noun (its
        # subject, when the parser made the participle the toll's verb); "put the number of Georgian dead at ten":
        # the state word right after the toll's "of" phrase, taken for a clause of the toll's verb
        toll = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and c.i < tok.i
                     and (_counts_people(c) or c.lemma_.lower() in TOLL_NOUNS and c.right_edge.i == tok.i - 1)), None)
        if toll is not None:
            return toll
        tok = tok.head
    if tok.dep_ in ("acl", "amod") and tok.head.dep_ == "pobj" and tok.head.lower_ in PERSON_NOUNS:
        tok = tok.head  # "the number of people killed", "the tally of civilians wounded"
    elif tok.dep_ in ("acl", "amod") and _counts_people(tok.head) and tok.head.i < tok.i:
        return tok.head  # the parser hung the participle on the toll noun: "the number of people (killed)"
    of = tok.head
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in TOLL_NOUNS and of.head.i < tok.i:
        return of.head
    return None


def _counts_people(noun: Token) -> bool:
    """True for a toll noun (:data:`TOLL_NOUNS`) counting people: "the number of people", "the tally of civilians"."""
    return noun.lemma_.lower() in TOLL_NOUNS and any(
        p.lower_ in PERSON_NOUNS for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")


def _toll_verb(toll: Token) -> Optional[Token]:
    """The verb stating the value of ``toll`` (its subject or object): its head; or, when the parser made a participle
    of the toll's own phrase its head ("the number of people confirmed dead rose to 14": "confirmed", with "dead"
    its complement), the first toll update verb (:data:`TOLL_UPDATE_VERBS`) after it with no object, however the
    parser hung it (a conjunct, a subject clause, an adverbial clause)."""
    verb = toll.head
    if toll.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in TOLL_UPDATE_VERBS or not any(
            c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in _STATE_WORDS for c in verb.children):
        return verb
    return next((t for t in toll.doc[verb.i + 1:toll.sent.end] if t.pos_ == "VERB" and t.lemma_.lower() in TOLL_UPDATE_VERBS
                 and not any(c.dep_ in ("dobj", "obj") for c in t.children)), verb)


def _gapped_numbers(tok: Token) -> list[Token]:
    """Numbers whose verb is left out after a casualty verb, each with its own place: "27 people
    had died in Malatya and 14 in Adiyaman", "30 were killed in Kano, 12 in Kaduna and five in
    Zaria", "two in A and another in B" ("another": one). A number joined (``conj``/``appos``) to the
    verb or to its place phrase, with a locative preposition of its own (its child, or the word right
    after it), and no verb of its own."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    out = []
    for t in tok.subtree:
        one_more = t.lower_ == "another" and t.dep_ in ("conj", "appos")  # "two in A and another in B"
        if t.i <= tok.i or not (one_more or t.pos_ == "NUM" and is_number_word(t.lower_)):
            continue
        locative = [p for c in t.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS
                    for p in c.children if p.dep_ == "pobj"]
        # the word after the number, or after its "of them" ("20 of them in B")
        after = t.right_edge.i + 1 if _of_them(t) else t.i + 1
        nxt = t.doc[after] if after < len(t.doc) else None
        if not locative and (t.dep_ in ("conj", "appos", "npadvmod") or _of_them(t)) and nxt is not None and nxt.dep_ == "prep" \
                and nxt.lower_ in PLACE_PREPOSITIONS:
            # the parser hung the number's own place phrase elsewhere ("four in the village of A and three
            # in B", "in B" on "village"): the words' order says whose it is
            locative = [p for p in nxt.children if p.dep_ == "pobj"]
        if not locative:
            if t.dep_ in ("conj", "appos", "npadvmod") and _on_a_day(t, nxt) and _under_verb(t, tok):
                out.append(t)  # "killed three people on Monday, five on Tuesday and two more on Wednesday"
            continue
        # the first number of a list hung on the verb ("killed 12 people across Chile, 8 in A and 4 in
        # B") or after "including": only before a named place
        listed = t.dep_ == "npadvmod" or t.dep_ == "pobj" and _is_including(t.head)
        if t.dep_ not in ("conj", "appos") and not (listed and any(
                p.pos_ == "PROPN" or p.ent_type_ in ("GPE", "LOC", "FAC") for p in locative)):
            continue
        if any(p.ent_type_ in ("DATE", "TIME") for p in locative):
            continue  # "8 in the morning and 4 at night": times, not places
        if _under_verb(t, tok):
            out.append(t)
    return out


def _under_verb(t: Token, verb: Token) -> bool:
    """Whether number ``t`` hangs on casualty verb ``verb`` (through nouns, prepositions and "including", no other
    verb between them)."""
    node = t.head
    while node.i != verb.i and (node.pos_ not in ("VERB", "AUX") or _is_including(node)) and node.head.i != node.i:
        node = node.head
    return node.i == verb.i


def _on_a_day(t: Token, nxt: Optional[Token]) -> bool:
    """Whether number ``t`` has its own day ("five on Tuesday"): an "on" phrase of a date, its child or the word
    right after it (the parser may hang it on the verb)."""
    phrases = [c for c in t.children if c.dep_ == "prep"] + ([nxt] if nxt is not None and nxt.dep_ == "prep" else [])
    return any(c.lower_ == "on" and any(p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in c.children) for c in phrases)


def _is_including(tok: Token) -> bool:
    """True for "including" used as a preposition ("killed 12, including 8 in A")."""
    return tok.lemma_.lower() == "include" and tok.dep_ == "prep"


def _direct_victims(tok: Token, kids: list[Token], lem: str) -> list[Token]:
    """Victim heads governed by the trigger itself (object, subject, ``of`` complement, the noun
    a participle modifies; see the module docstring, rule 2)."""
    if tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in ("deaths", "death", "injuries", "fatalities", "casualties") or (
        tok.lower_ in ("dead", "injured", "wounded", "missing") and tok.dep_ in ("dobj", "obj", "oprd")
        and any(c.dep_ == "nummod" for c in kids)
    ):  # "leaving five dead", "left 12 missing" (the count is the adjective's own number)
        out = [c for c in kids if c.dep_ == "nummod"]
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("of", "among"):
                out += [p for p in c.children if p.dep_ == "pobj"]
        if tok.lower_ in ("dead", "injured", "wounded", "missing") and not out:
            out = [c for c in kids if c.dep_ in ("amod", "det", "quantmod") and (c.like_num or c.lower_ in VAGUE_COUNTS)]
        return out
    dobj = [c for c in kids if c.dep_ in ("dobj", "obj") and not _place_after_particle(c, kids)]
    if dobj and any(c.dep_ == "auxpass" for c in kids) and any(c.dep_ == "nsubjpass" for c in kids):
        dobj = []  # a passive takes no object: "dozens were injured, among them a boy" (parsed as the object)
    if not dobj and tok.pos_ == "VERB":  # "killed between 12 and 20 civilians": the parser's preposition "between"
        # (before a passive verb with no subject too: "Between eight and 11 soldiers were killed")
        before_ok = not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
        dobj = [p for c in kids if c.dep_ == "prep" and c.lower_ == "between" and (c.i > tok.i or before_ok)
                for p in c.children if p.dep_ == "pobj" and any(g.dep_ == "nummod" for g in p.children)]
        # "killed in excess of 30 people": the bound's preposition taken for the verb's ("in" > "excess" > "of")
        dobj = dobj or [p for c in kids if c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i for e in c.children
                        if e.lower_ == "excess" for o in e.children if o.lower_ == "of" for p in o.children
                        if p.dep_ == "pobj" and any(g.dep_ == "nummod" for g in p.children)]
    # "Three children, along with two police officers, were injured": the companions the parser hung on the verb
    along = [p for c in kids if c.dep_ == "prep" and c.lower_ in ("along", "together")
             for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
    if dobj and lem != "lose":
        return _with_conjuncts(dobj) + along
    objects = [c for c in tok.head.children if c.dep_ in ("dobj", "obj")]
    if tok.dep_ == "oprd" and tok.pos_ == "ADJ" or tok.lower_ == "dead" and objects and (
            tok.dep_ == "acomp" or tok.dep_ in ("advcl", "xcomp") and objects[0].i < tok.i and not any(c.dep_ == "nsubj" for c in kids)):
        # "shot him dead", "left five dead"; passive: "were found dead"; "shot dead six people" (dead as the verb's complement);
        # "shot two policemen dead" (dead taken for a clause of the verb's, after its object; "received 45 casualties, 12
        # of them dead": a clause with its own subject counts that)
        return _with_conjuncts([c for c in tok.head.children if c.dep_ in ("dobj", "obj", "nsubjpass")])
    if tok.dep_ in ("oprd", "advcl", "xcomp", "acomp") and tok.head.lemma_ == "leave":
        # "left three people missing": the object of "leave" is in the state the participle names
        return [c for c in tok.head.children if c.dep_ in ("dobj", "obj") and c.i < tok.i]
    subj = [c for c in kids if c.dep_ in ("nsubjpass", "nsubj")]
    if not subj:  # "six people were unaccounted for": the parser hung the subject on the auxiliary
        subj = [c for a in kids if a.dep_ in ("aux", "auxpass") for c in a.children if c.dep_ in ("nsubjpass", "nsubj")]
    if tok.dep_ == "relcl" and subj and all(c.tag_ in ("WP", "WDT") or c.lower_ == "that" for c in subj):
        # "the 3 protesters who died": the relative pronoun stands for the noun it follows, unless that noun refers
        # back to victims counted before ("the insurgent that died in the crash": definite, no number)
        head = tok.head
        back = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(c.dep_ == "nummod" for c in head.children)
        if back:
            return []
        subj = [head]
    if not subj and (tok.lower_ in _STATE_WORDS or any(c.dep_ == "auxpass" for c in kids)):
        # "... and up to 15 are still missing", "In an attack near X two soldiers were killed": the count the
        # parser hung on another phrase, right before the auxiliaries
        subj = _count_before_auxiliaries(tok)
    if subj and tok.tag_ in ("VB", "VBZ", "VBP") and tok.lemma_.lower() in TRANSITIVE_KILL_LEMMAS \
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
        return []  # "Gunmen Kill Six" with the count parsed away: an active killing verb's subject is the killer
    if subj:
        # a verb has one subject: of two the parser gave it ("According to the governor, Pavel Drozd, 14 people
        # were killed": the governor's name set off by commas), the one nearest before the verb, unless "as well as"
        # joins them ("Four soldiers as well as two civilians were killed": the parser's second subject)
        additive = len(subj) == 2 and any(c.dep_ == "cc" and c.lower_ == "as" for c in subj[0].children)
        one = len(subj) > 1 and all(c.i < tok.i for c in subj) and not additive
        return _with_conjuncts(subj[-1:] if one else subj) + along
    return _victims_without_subject(tok, kids)


def _victims_without_subject(tok: Token, kids: list[Token]) -> list[Token]:
    """Victim heads of a trigger with no object or subject of its own (the end of :func:`_direct_victims`): its
    "of" complement, the noun it modifies, its own count left as a modifier, a number hung on the verb before, or
    the subject of the verb it complements."""
    of = [p for c in kids if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if of:  # "the killing of several of the men"
        return _with_conjuncts(of)
    if tok.dep_ == "amod" and tok.head.dep_ in ("nsubj", "nsubjpass") and _category(tok.head.head) == "killed":
        return []  # "eight wounded people died in hospital": the wounded are now dead, counted by the death verb
    if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        if any(c.lower_ == "the" for c in tok.head.children if c.dep_ == "det") and tok.dep_ != "relcl" \
                and not any(c.dep_ == "nummod" for c in tok.head.children):
            return []  # "The insurgent killed was ...": a back-reference ("the 11 people killed" is a count)
        return [tok.head]
    own = [c for c in kids if c.dep_ == "npadvmod" and c.i < tok.i and _states_count(c)]
    if own:  # "... and at least a dozen drowned": the verb's own count, which the parser left as a modifier
        return own
    number = _number_entity_before(tok)
    if number is not None:  # "were killed and one hundred and five injured": the number hung on the first verb
        return [number]
    head = tok.head
    # (a state word right after its verb that the parser took for a clause of its own when a place follows: "went
    # missing near X")
    adjacent_state = tok.dep_ == "advcl" and tok.lower_ in _STATE_WORDS and tok.i == head.i + 1
    if (tok.dep_ in ("acomp", "ccomp", "xcomp", "conj", "oprd") or adjacent_state) and head.pos_ in ("AUX", "VERB") and not is_root(tok):
        if tok.dep_ == "conj" and _category(head) is not None:
            return []  # "were killed or injured": the subject is counted once, by the first verb
        if tok.lower_ == "missing" and head.tag_ in ("VBN", "VBD") and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return [head.head]  # "three people believed to be missing", "four hikers reported missing": the noun described
        return _with_conjuncts([c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")])
    return []


def _count_before_auxiliaries(tok: Token) -> list[Token]:
    """The count right before the auxiliaries and adverbs of state word or passive ``tok`` when the parser gave
    it no subject ("... and up to 15 are still missing": "15" hung on another phrase; "In an attack near Goma two
    soldiers were killed": "soldiers" taken for the object of "near"): the count word, or a noun counted by a
    number of its own, as ``[token]``; ``[]`` otherwise."""
    doc, k = tok.doc, tok.i - 1
    while k >= 0 and doc[k].head.i == tok.i and doc[k].dep_ in ("aux", "auxpass", "advmod"):
        k -= 1
    if k < 0 or k >= tok.i - 1:
        return []
    counted = doc[k].pos_ == "NOUN" and any(c.dep_ == "nummod" and _states_count(c) for c in doc[k].children)
    return [doc[k]] if _states_count(doc[k]) or counted else []


def _states_count(tok: Token) -> bool:
    """True when ``tok`` is a bare count word: a numeral ("12", "dozen") or a vague count ("scores", "dozens")."""
    return tok.like_num or is_number_word(tok.lower_) or tok.lower_ in VAGUE_COUNTS


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    """Add coordinated victims: "killed the commander and one additional insurgent"."""
    out = []
    for h in heads:
        out.append(h)
        conjuncts = [c for c in h.conjuncts if c.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and c.i > h.i]
        out += [] if _itemises(h, conjuncts) else conjuncts
        for c in h.children:  # "a sub-commander along with a number of insurgents"
            if c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children):
                out += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "advmod" and c.lower_ in ("along", "together"):
                for w in c.children:
                    if w.lower_ == "with":
                        out += [p for p in w.children if p.dep_ == "pobj"]
    return out


def _itemises(head: Token, conjuncts: list[Token]) -> bool:
    """True when ``head``'s conjuncts continue an appositive that names the people ``head`` counts, one by one: "The
    two survivors, the co-pilot and a passenger," (the parser's "passenger" a conjunct of "survivors"): the items
    after the appositive count what the head counts, so they are no victims of their own. A list whose items count
    otherwise ("four officers, a warden and two children") is a list of different people."""
    appositives = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    counted = [c for c in head.children if c.dep_ == "nummod"]
    if not appositives or not counted or not conjuncts or conjuncts[0].i < appositives[-1].i:
        return False
    total = number_value(counted[0].text)
    items = [appositives[-1]] + conjuncts
    counts = [parse_count(_phrase(t), t) for t in items]
    return total is not None and all(c is not None and c.qualifier == "exact" for c in counts) and \
        sum(c.min for c in counts) == total


def _toll_value(tok: Token) -> list[Token]:
    """The number a (death) toll stands at or rises to: its own number ("a toll of 31"), the
    complement of the verb it is the subject of ("the toll rose to 31", "rose by four to 31", "stands at 35"; "rose
    from nine to 14" is an update to 14, never a range) or the object of ("the agency raised the toll to 14", "officials
    put the toll at 20")."""
    out = [c for c in tok.children if c.dep_ == "nummod"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            out += [p for p in c.children if p.dep_ == "pobj"]
    verb = _toll_verb(tok)
    if verb is None:
        return out
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "at"):
            out += [p for p in c.children if p.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ == "from" and any(p.dep_ == "pobj" and _states_count(p) for p in c.children):
            # "rose from nine to 14": the parser hangs "to 14" on "from" or on "nine", or reads "nine to 14" as one
            # number phrase (its value is what follows "to": :func:`_phrase`)
            out += [v for t in [*c.children, *(g for p in c.children for g in p.children)]
                    if t.dep_ == "prep" and t.lower_ == "to" for v in t.children if v.dep_ == "pobj"]
            out += [p for p in c.children if p.dep_ == "pobj" and any(q.lower_ == "to" and q.dep_ == "quantmod" for q in p.children)]
    if tok.dep_ in ("nsubj", "nsubjpass"):
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "by":  # "rose by four to 31": the parser hangs "to 31" on "by"
                out += [p for p in c.children if p.dep_ == "pobj" and any(q.lower_ == "to" and q.dep_ == "quantmod" for q in p.children)]
            if c.dep_ in ("attr", "dobj") and (c.like_num or is_number_word(c.lower_)):
                out.append(c)
    # "the toll rose to 9 dead": the state word's own number is the value
    return [next((n for n in p.children if n.dep_ == "nummod"), p) if p.lower_ in _STATE_WORDS else p for p in out]


def _estimated_past(tok: Token) -> bool:
    """True when casualty verb ``tok`` stands under an epistemic modal and a perfect with a counted subject ("As many
    as 30 people may have died", "six miners might have been killed"; :data:`EPISTEMIC_MODALS`): an estimate of
    deaths that happened, counted as an upper bound, not a hypothetical; a surmise about someone ("the judge may have
    been murdered") is none."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not (any(c.lower_ in EPISTEMIC_MODALS for c in aux) and any(c.lemma_.lower() == "have" and c.dep_ == "aux" for c in aux)):
        return False
    # a counted subject: an estimate of a toll, not a surmise about someone ("the judge may have been murdered")
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.like_num or any(c.dep_ == "nummod" for c in subj.children))


def _not_an_event(tok: Token) -> bool:
    """Negated, modal, intended or only-attributed killings, and rates, are not events."""
    if any(c.dep_ == "neg" for c in tok.children) or _rate(tok):
        return True
    if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in tok.children) and not _estimated_past(tok):
        return True
    # "could result in the deaths of": the governing verb is modal
    for node in head_path(tok, lambda n: n.dep_ in _CLAUSE_INTERNAL)[1:]:
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in node.children):
            return True
    for anc in list(tok.ancestors)[:6]:
        if anc.i == tok.head.i and _unconfirmed_death(tok):
            continue  # "feared dead": a report of missing people, not a fear of deaths to come
        if anc.lemma_.lower() in NON_FACTUAL_HEADS or anc.lower_ in NON_FACTUAL_HEADS:
            return True
        if anc.lemma_.lower() in HYPOTHETICAL_HEADS or anc.lower_ in HYPOTHETICAL_HEADS:
            return True
        if any(c.dep_ == "neg" for c in anc.children) and anc.lemma_ in ("be", "have"):
            return True
    return False


def _rate(tok: Token) -> bool:
    """True when casualty word ``tok``, or a word it depends on (up to four links: "54 crashes each year which
    result in about 47 injuries"), is modified by a rate: "a"/"an"/"every"/"each" before a unit of
    :data:`RATE_UNITS` ("4,000 road deaths a year", "kills 20,000 people every year"), "per" before one, or an
    adverb of :data:`RATE_ADVERBS` ("die annually"). A unit with a preposition of its own is a date ("a day after
    the vote"), not a rate."""
    for node in [tok] + list(tok.ancestors)[:4]:
        for c in node.children:
            if c.lower_ in RATE_ADVERBS:
                return True
            if c.lemma_.lower() in RATE_UNITS and not any(g.dep_ == "prep" for g in c.children) and any(
                    g.lower_ in ("a", "an", "every", "each", "per") for g in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "per" and any(p.lemma_.lower() in RATE_UNITS for p in c.children):
                return True
    return False


def _is_perpetrator(victim: Token, sent: Span) -> bool:
    """Whether a killed ``victim`` is the attacker: a perpetrator noun ("gunman"), a pronoun after one ("the
    gunman ... killing himself"), or a death the killer gave himself ("killed five people before taking his own
    life", "stabbed two men and then killed himself") after a killing or wounding in the same sentence."""
    if victim.lower_ in PERPETRATOR_NOUNS or victim.lemma_.lower() in PERPETRATOR_NOUNS:
        return True
    if victim.pos_ == "NUM" and any(g.lower_ in PERPETRATOR_NOUNS or g.lemma_.lower() in PERPETRATOR_NOUNS for c in victim.children
                                    if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        return True  # "22 of the attackers": a part of the attackers
    if victim.lower_ in PRONOUN_ONE and any(t.lower_ in PERPETRATOR_NOUNS and t.i < victim.i for t in sent):
        return True
    if _reflexive_death(victim):
        return any(t.i < victim.i and t.pos_ == "VERB" and _category(t) in ("killed", "injured") and t.i != victim.head.i for t in sent)
    return False


_REFLEXIVES = frozenset({"himself", "herself", "themselves"})


def _reflexive_death(victim: Token) -> bool:
    """True for a death one gives oneself: "himself" / "themselves" as the object of a killing verb, or
    "his / her / their own life (lives)" as the object of a life-taking verb ("taking his own life")."""
    if victim.lower_ in _REFLEXIVES:
        return victim.dep_ in ("dobj", "obj")
    return victim.lower_ in ("life", "lives") and any(c.lower_ == "own" for c in victim.children) and any(
        c.dep_ == "poss" for c in victim.children)


# ----------------------------------------------------------------------------- dates, places, causes
def _base_date(doc: Doc, published: Optional[str]) -> Optional[datetime]:
    from ..ingest import dateline_date

    for value in (published, dateline_date(doc_text(doc))):
        if value:
            try:
                return datetime.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


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
    for ent in doc_ents(doc):
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
    for ent in span_ents(sent) if ents is None else ents:
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
        d = numeric or parse_date(ent.text, base)
        if d and base is not None and d > base.date().isoformat():
            d = None
        if d:
            return d
    for tok in sent:
        if base is None:
            break
        night_before = tok.lower_ == "overnight" or tok.lower_ == "night" and tok.i > 0 and doc[tok.i - 1].lower_ == "last"
        if tok.lower_ == "yesterday" or night_before:
            return parse_date("yesterday", base)  # "overnight" in a day's report: the night before
        if tok.lower_ in ("today", "tonight"):
            return base.date().isoformat()
    return None


def _is_dateline(doc: Doc, p: Place) -> bool:
    """An all-capitals place opening a line and followed by a comma ("KABUL, Afghanistan (Jan. 6)")
    says where the report was filed, not where the event happened."""
    mention = p.mention or ""
    return len(mention) > 2 and mention.isupper() and doc_text(doc)[p.end:p.end + 1] == ","


def _is_actor(doc: Doc, p: Place, clause: Optional[tuple[int, int]] = None) -> bool:
    """True when the place is the subject of an attack verb ("Russia fired more than 100 missiles
    ..."), or of a reporting verb whose clause does not hold the casualty clause ``clause`` (char
    offsets: "... were killed, while Moscow insists ..."): the attacker or a speaker (a government by
    metonymy), not where people were hurt; a national capital as the subject of a reporting verb
    always ("Kyiv said 19 were injured"). A place reporting its own toll ("Nigeria reported 12
    deaths") is kept."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb.lemma_.lower() in ATTACK_VERB_LEMMAS:
        return True
    if verb.lemma_.lower() not in CUE_VERBS:
        return False
    if p.kind == "city" and p.country and get_gazetteer().capital_country(p.name) == p.country:
        return True  # "Kyiv said 19 people were injured": a capital speaks for its government
    return clause is not None and not (
        verb.left_edge.idx <= clause[0] and clause[1] <= verb.right_edge.idx + len(verb.right_edge.text))


def _place_of_care(doc: Doc, p: Place) -> bool:
    """True when the place is where the victims were treated, not where they were hurt: the place of a
    hospital they were taken to or treated at ("taken to hospitals in Nakuru and Eldoret", "treated at a clinic in
    X": :data:`HOSPITAL_NOUNS`, :data:`HOSPITAL_VERBS`) or the destination of a hospital verb ("airlifted to
    Nairobi"); not a hospital where people were hurt ("killed in a blast at a hospital in Kandahar")."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.dep_ == "conj" and node.head.i != node.i:  # "in Nakuru and Eldoret": Eldoret as Nakuru
        node = node.head
    prep = node.head if node.dep_ == "pobj" else None
    if prep is None:
        return False
    holder = prep.head
    if prep.lower_ in ("in", "at") and holder.lower_ in HOSPITAL_NOUNS and holder.dep_ == "pobj":
        # the hospital the victims were taken to or treated at, not one where the attack was ("killed in a
        # blast at a hospital in Kandahar")
        how = holder.head
        return how.lower_ == "to" or how.head.pos_ == "VERB" and how.head.lemma_.lower() in HOSPITAL_VERBS
    return prep.lower_ == "to" and holder.pos_ == "VERB" and holder.lemma_.lower() in HOSPITAL_VERBS


def _is_locative(doc: Doc, p: Place) -> bool:
    """True when a locative preposition governs the place ("in Detroit", "city of Kherson",
    "in Andar district, Ghazni province")."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    # the name's root, else its first word: a name the parser split ("Rio Grande do Sul": "do" read as a
    # verb) keeps its preposition on its first words
    for tok in dict.fromkeys((span.root, span[0])):
        for anc in list(tok.ancestors)[:4]:
            if anc.dep_ == "prep" or anc.pos_ == "ADP":
                if anc.lower_ in PLACE_PREPOSITIONS or anc.lower_ == "of":
                    return True
                break
    return False


AMBIGUOUS_NUMERIC_DATE = re.compile(r"\b(0?[1-9]|1[0-2])[/.](0?[1-9]|1[0-2])[/.](19|20)\d\d\b")
MONTH_ONLY_RE = re.compile(r"(?:(?:in|early|late|mid|last)[\s-]+)?([A-Z][a-z]{2,8}\.?)", re.I)


# a period a month or more before the report, named relative to it ("last month", "two years ago")
RELATIVE_PAST = re.compile(r"(?:last (?:month|year)|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                           r"twenty|thirty|forty|fifty|a few|many|several|\d+) (?:months?|years?|decades?) ago"
                           r"|the (?:previous|past) (?:month|year))", re.I)


def _historical(sent: Span, base: Optional[datetime], ents: Optional[list[Span]] = None) -> bool:
    """True when every date of the sentence lies in the past of the report: a year before the
    report's year ("died in the 2010 floods", "the deadliest since 2014 when 300 were killed"), a period a
    month or more before it named relative to it (:data:`RELATIVE_PAST`: "last month", "two years ago"), or a
    full date more than 366 days earlier, or a month named alone after "in"/"during" or with
    "last"/"early"/"late" that is not the report's month ("In June, ... killing more than 30" in a
    July report; not in a sentence with "since", a running total "since the fighting began in March"):
    background, not news. A recent full date
    ("on 25/12/2024" in a report of 10 January 2025) is news."""
    if base is None:
        return False
    dated = False
    for ent in span_ents(sent) if ents is None else ents:
        if ent.label_ not in ("DATE", "EVENT"):
            continue
        years = re.findall(r"\b(?:19|20)\d\d\b", ent.text)
        month_only = MONTH_ONLY_RE.fullmatch(ent.text.strip())
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if RELATIVE_PAST.fullmatch(ent.text.strip()) and not re.search(r"\bsince\b", sent.text, re.I):
            dated = True  # "Last month, 29 soldiers were killed in a similar attack": an earlier event
            continue
        if month_only and not years and (before in ("in", "during") or ent.text.lower().startswith(("last", "early", "late", "mid"))) \
                and not re.search(r"\bsince\b", sent.text, re.I):
            # "In June, insurgents engaged the force ..." in a July report: background
            month = month_number(month_only.group(1))
            if month is None or month == base.month:
                return False
            dated = True
            continue
        if not years:
            continue
        day = _numeric_date(ent.text)
        if day is None and MONTH_RE.search(ent.text):
            day = parse_date(ent.text, base)
        if day is not None:  # a full date: recent when within a year of the report ("25 December 2024")
            if (base - datetime.fromisoformat(day)).days <= 366:
                return False
        elif max(int(y) for y in years) >= base.year:  # a year ("the 2010 floods"): this year is recent
            return False
        dated = True
    return dated


def _across_continents(ctx: "_Context", sent: Span) -> bool:
    """True when sentence ``sent`` names two continents or more ("H5N1, which has spread throughout Europe, northern
    Africa and central Asia, has killed about 100 people"): a toll over a spread, no single event's."""
    lo, hi = bisect.bisect_left(ctx.starts, sent.start_char), bisect.bisect_right(ctx.starts, sent.end_char)
    return len({p.name for p in ctx.places[lo:hi] if p.kind == "continent"}) >= 2


def _best_place(doc: Doc, places: list[Place], start: int, end: int, clause: Optional[tuple[int, int]] = None,
                starts: Optional[list[int]] = None, exclude: Iterable[tuple[int, int]] = (), care: bool = True) -> Optional[Place]:
    """The sentence's event place: one inside the casualty clause (``clause``, char offsets:
    "talks in Doha as strikes killed 27 people in Gaza" -> Gaza) before others, then one governed
    by a preposition, then one that is no journey's end (:func:`_route_end`), then the most specific kind (city >
    admin > country), then the first.
    Datelines, continents and seas (:data:`AREA_KINDS`) are skipped, and places inside ``exclude`` (character ranges, e.g. a
    quotation), and with ``care`` False the places where victims were treated (:func:`_place_of_care`). ``starts``: the places' start offsets (sorted), to find the sentence's places by
    bisection rather than a scan of the whole article."""
    lo = bisect.bisect_left(starts, start) if starts is not None else 0
    hi = bisect.bisect_right(starts, end) if starts is not None else len(places)
    exclude = list(exclude)
    inside = [p for p in places[lo:hi] if start <= p.start and p.end <= end and p.kind not in AREA_KINDS and not _is_dateline(doc, p)
              and not any(a <= p.start < b for a, b in exclude) and not _is_actor(doc, p, clause)
              and (care or not _place_of_care(doc, p)) and not _hometown(doc, p)]
    if not inside:
        return None
    def outside_clause(p: Place) -> bool:
        return clause is not None and not (clause[0] <= p.start and p.end <= clause[1])
    return min(inside, key=lambda p: (outside_clause(p), not _is_locative(doc, p), _route_end(doc, p), KIND_SPECIFICITY.get(p.kind, 9),
                                      sets_the_scene(doc, p.start, p.end) or _possessor(doc, p), p.start))


# prepositions of a journey's ends ("a bus travelling from Dhaka to Sylhet")
_ROUTE_PREPOSITIONS = frozenset({"from", "to", "toward", "towards"})


def _route_end(doc: Doc, p: Place) -> bool:
    """True when place ``p`` is governed by a preposition of a journey's end ("a bus travelling from Dhaka to Sylhet
    collided with a truck in Habiganj"): where the victims came from or went, after the place where it happened."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    prep = next((a for a in list(span.root.ancestors)[:3] if a.dep_ == "prep" or a.pos_ == "ADP"), None)
    return prep is not None and prep.lower_ in _ROUTE_PREPOSITIONS


def _possessor(doc: Doc, p: Place) -> bool:
    """True when place ``p`` is written as a possessor ("Uttarakhand's Uttarkashi district"): the area that holds the
    place it qualifies, which is the more precise."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].dep_ == "case"


def _hometown(doc: Doc, p: Place) -> bool:
    """True when place ``p`` is where a person is from, set off after them ("Capt. Aaron Cole, a company
    commander, from Bismarck, N.D.", "Jane Doe, 41, of Grovetown") or right after a noun for a person ("a 62-year-old
    man from Wokingham died"): a person's home, never an event's place."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.start
    while i >= 3 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN":  # the qualifier of a home ("Bismarck, N.D.")
        i -= 2
        while i > 0 and doc[i - 1].pos_ == "PROPN":
            i -= 1
    if i < 2:
        return False
    prep, comma = doc[i - 1], doc[i - 2]
    if prep.lower_ not in ("from", "of") or comma.text != "," and not (prep.lower_ == "from" and prep.head.i == i - 2
                                                                       and _is_person_noun(prep.head)):
        return False  # (also "a 62-year-old man from Wokingham died": "from" right after a person noun)
    head = prep.head
    return head.ent_type_ == "PERSON" or head.lower_ in TITLE_WORDS or _is_person_noun(head) or (
        head.like_num and head.dep_ == "appos" and head.head.ent_type_ == "PERSON")  # "Jane Doe, 41, of"


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
        # a word before a hyphen modifies a compound ("rocket-propelled grenades", "bomb-making
        # material", "missile-defence system"), and one before an organisation or title noun names a
        # body ("the fire service", "the flood authority", "fire chief"): the thing named is another, so
        # it is no cause; "floodwater(s)" is the flood
        for m in re.finditer(r"\b" + re.escape(pattern) + r"(?:s|waters?)?\b(?!-)", low):
            nxt = low[m.end():].split(None, 1)
            word = nxt[0].strip(".,;:!?'\"") if nxt else ""
            if word in ORG_HEAD_NOUNS or word in TITLE_WORDS:
                continue
            best = (label, sent.start_char + m.start())
            break
        if best:
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
            if m.ent_type_ in ("NORP", "GPE") and gaz.country_code(m.text) and not _placed_by(m, s):
                rec = gaz.country(gaz.country_code(m.text))
                return rec.name if rec else None
    return None


def _placed_by(tok: Token, top: Token) -> bool:
    """True when ``tok`` lies under a place preposition below ``top`` ("An explosion at a coal mine in Tabas, Iran": Iran
    says where, not who did it; "Russian forces" has none)."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in PLACE_PREPOSITIONS:
            return True
        tok = tok.head
    return False


# ----------------------------------------------------------------------------- main
# victim nouns that name no group ("27 people ... and 14"): a part with one of them has no group
GENERIC_VICTIMS = frozenset({"people", "person", "other", "victim", "individual"})


@dataclass
class _Piece:
    """One victim phrase's count in a sentence: its category (``killed``, ``injured``, ``missing``,
    ``perpetrator``), the count, the phrase's head token and its role: ``toll`` (the value of a
    toll: "a death toll of 31"), ``update`` (a toll's new value: "the toll rose to 31", "raised
    the toll to 14"), ``increment`` (a count over an earlier one: "eight more bodies", "another
    40 people") or ``""``."""

    key: str
    count: Count
    victim: Token
    role: str = ""


@dataclass
class _Context:
    """What every sentence of one article needs: the doc, its sentences and their entities, the
    places sorted by start (with their starts for bisection) and the base date."""

    doc: Doc
    sents: list[Span]
    ents: list[list[Span]]
    places: list[Place]
    starts: list[int]
    base: Optional[datetime]
    own_dates: set[int] = field(default_factory=set)  # id() of records whose sentence states their date
    own_places: set[int] = field(default_factory=set)  # id() of records whose sentence names their place
    updates: set[int] = field(default_factory=set)  # id() of records stating a toll's new value ("rose to 31")
    # id() of records whose sentence names a place the gazetteer lacks ("killed in Deir al-Balah"): elsewhere
    # than any placed event, so they restate or join none
    elsewhere: set[int] = field(default_factory=set)
    increments: dict[int, set[str]] = field(default_factory=dict)  # id() of a record -> its categories counted as increments
    # id() of a record -> its increments with a place of their own: (category, count, place name)
    placed_increments: dict[int, list[tuple[str, Count, str]]] = field(default_factory=dict)
    # id() of records whose victims were hurt in "the" incident named before ("Thirty were injured in the blast"; see
    # :func:`_refers_back`) -> whether the sentence dates that incident ("the collapse, which happened on Sunday")
    back_refs: dict[int, bool] = field(default_factory=dict)
    # id() of records of victims named among the dead before any event was reported ("Among the dead were two
    # journalists. The blast killed 9 people in all."): the next total of their area holds them
    subsets: set[int] = field(default_factory=set)


def casualty_events(doc: Doc, places: list[Place], published: str | None) -> list[Casualty]:
    """Return the casualty events of ``doc`` in text order, one record per event.

    Args:
        doc (Doc): the parsed article.
        places (list[Place]): its toponyms (:func:`components.extract.places.toponyms`).
        published (str | None): ISO date ``YYYY-MM-DD``; relative days ("on Sunday",
            "yesterday", "overnight" = the night before) are resolved against it. When None, a
            dated dateline in the first 600 characters is used, else only dates with a year
            resolve. A record whose sentence (and the three before it) states no date gets this
            base date (the day it was reported), or None without one.

    Returns:
        list[Casualty]: one per event. Counts are ints: ``killed_min``/``killed_max`` (also
        ``injured_*``, ``missing_*``) equal when exact, ``max`` None when open-ended ("at least
        three"), both None when not stated; vague words keep a lower bound ("several" -> 2,
        "dozens" -> 24, qualifier ``vague``). Attackers killed are in ``perpetrator_killed_*``.
        ``start``/``end`` are the offsets of the sentence giving the latest total; ``date`` is
        ISO; ``place``/``country``/``lat``/``lon`` come from ``places``. An update ("the toll rose
        to 90") replaces the event's counts; a breakdown by place or group ("27 in Malatya and 14
        in Adiyaman", "11 soldiers and 4 civilians", a stated total's "...: 5 in A and 4 in B") is
        kept in ``parts``, inside the totals; injured and missing reported right after an event
        are that event's.
    """
    sents = list(doc.sents)
    ordered = sorted(places, key=lambda p: p.start)
    ctx = _Context(doc, sents, _ents_by_sentence(doc, sents), ordered, [p.start for p in ordered], _base_date(doc, published))
    records: list[Casualty] = []
    cumulative: set[int] = set()  # indexes of roll-up records ("over the past 24 hours", "since January")
    # a headline ("Russian air strike kills at least 12 in Kharkiv") is read after the body, so the
    # body's sentence, with its date and details, keeps a count that both report
    order = list(range(len(sents)))
    headline_last = len(sents) > 1 and _is_headline(doc, sents[0])
    if headline_last:
        order = order[1:] + [0]
    for si in order:
        for part in _event_clauses(ctx, si):
            rec = _sentence_record(ctx, si, records, headline=headline_last and si == 0, part=part)
            for r in [] if rec is None else _separate_records(ctx, part if part is not None else sents[si],
                                                                  _respective_records(ctx, part if part is not None else sents[si], rec)):
                records.append(r)
                if CUMULATIVE.search(sents[si].text):
                    cumulative.add(len(records) - 1)
    if cumulative and len(cumulative) < len(records):
        records = [r for i, r in enumerate(records) if i not in cumulative]
    records.sort(key=lambda r: r.start)
    events = _merge_events(records, ctx)
    for rec in events:  # how sure the figures and place are (components/extract/confidence.py); decides nothing
        rec.confidence = casualty_confidence(rec.killed_qualifier, rec.killed_min, rec.killed_max, rec.place,
                                             rec.lat, rec.date)
    return events


def _number_list(sent: Span) -> list[tuple[Token, int]]:
    """The longest coordinated list of two or more one-word numbers in ``sent`` ("12 and seven people", "nine, four
    and two"), each with its value; [] without one."""
    best: list[tuple[Token, int]] = []
    for t in sent:
        if t.dep_ == "conj" or not is_number_word(t.lower_):
            continue
        chain = [t] + [c for c in t.children if c.dep_ == "conj" and is_number_word(c.lower_)]
        chain += [g for c in chain[1:] for g in c.children if g.dep_ == "conj" and is_number_word(g.lower_)]
        values = [_num_groups([c]) for c in sorted(chain, key=lambda c: c.i)]
        if len(chain) >= 2 and len(chain) > len(best) and all(len(v) == 1 for v in values):
            best = [(c, v[0][2]) for c, v in zip(sorted(chain, key=lambda c: c.i), values)]
    return best


def _coordinated_places(ctx: _Context, sent: Span) -> list[Place]:
    """The places of ``sent`` that form one coordination ("in Sylhet and Gazipur", "Idlib and Aleppo provinces"), in
    order: the first place whose name's head has conjuncts that are places, and those conjuncts; [] without one."""
    doc = sent.doc
    heads = []
    for p in ctx.places:
        span = doc.char_span(p.start, p.end, alignment_mode="expand") if sent.start_char <= p.start < sent.end_char else None
        if span is not None:
            heads.append((span.root, p))
    by_token = {h.i: p for h, p in heads}
    for h, p in heads:
        conj = sorted((c.i for c in h.conjuncts if c.i > h.i and c.i in by_token))
        if conj:
            return [p] + [by_token[i] for i in conj]
    return []


def _respective_records(ctx: _Context, sent: Span, rec: Casualty) -> list[Casualty]:
    """``rec`` as one record per place when ``sent`` pairs a list of counts with a list of places by "respectively"
    ("killed 12 and seven people in Sylhet and Gazipur respectively", "left 15 and 8 dead in A and B, respectively"):
    the i-th count is the i-th place's, of the category whose value ``rec`` took from the list (their sum:
    :func:`parse_count`); counts of other categories stay on the first place's record. ``[rec]`` when the
    sentence has no "respectively" or the two lists differ in length."""
    if not any(t.lower_ == "respectively" for t in sent):
        return [rec]
    numbers, places = _number_list(sent), _coordinated_places(ctx, sent)
    if len(numbers) < 2 or len(numbers) != len(places):
        return [rec]
    total = sum(v for _, v in numbers)
    keys = [k for k in ("killed", "injured", "missing") if (getattr(rec, f"{k}_min"), getattr(rec, f"{k}_max")) == (total, total)]
    if len(keys) != 1:
        return [rec]
    out = []
    for i, ((_, value), place) in enumerate(zip(numbers, places)):
        r = _record_at(ctx, rec, place, clear=bool(i))
        setattr(r, f"{keys[0]}_min", value)
        setattr(r, f"{keys[0]}_max", value)
        if keys[0] != "missing":
            setattr(r, f"{keys[0]}_qualifier", "exact")
        out.append(r)
    return out


def _record_at(ctx: _Context, rec: Casualty, place: Place | CasualtyPart, clear: bool = True) -> Casualty:
    """A copy of ``rec`` at ``place`` (its name, country and coordinates), without parts and, with ``clear``,
    without counts; the copy keeps ``rec``'s marks in ``ctx`` (its own date, an update, a subset) and names its own
    place."""
    r = rec.model_copy(deep=True)
    if clear:
        for k in COUNT_FIELDS + ("killed_qualifier", "injured_qualifier"):
            setattr(r, k, None)
    r.place = place.name if isinstance(place, Place) else place.place
    r.country, r.lat, r.lon, r.parts = place.country, place.lat, place.lon, []
    for ids in (ctx.own_dates, ctx.updates, ctx.subsets):
        if id(rec) in ids:
            ids.add(id(r))
    ctx.own_places.add(id(r))
    return r


def _separate_records(ctx: _Context, sent: Span, recs: list[Casualty]) -> list[Casualty]:
    """Each record of ``recs`` whose breakdown parts are at two or more places as one record per part, when ``sent``
    calls the incidents separate (``separate_event_words``: "Separate bomb attacks killed 21 people in Quetta and four
    in Peshawar"): separate incidents are separate events, never one event summed at their country. Other records are
    kept as they are."""
    if not SEPARATE_EVENT.search(sent.text):
        return recs
    out = []
    for rec in recs:
        places = [p.place for p in rec.parts]
        if len(rec.parts) < 2 or None in places or len(set(places)) != len(places):
            out.append(rec)
            continue
        for part in rec.parts:
            r = _record_at(ctx, rec, part)
            for cat in ("killed", "injured", "missing"):
                lo, hi = getattr(part, f"{cat}_min"), getattr(part, f"{cat}_max")
                setattr(r, f"{cat}_min", lo)
                setattr(r, f"{cat}_max", hi)
                if cat != "missing" and lo is not None:
                    setattr(r, f"{cat}_qualifier", "exact" if lo == hi else getattr(rec, f"{cat}_qualifier"))
            out.append(r)
    return out


def _event_clauses(ctx: _Context, si: int) -> list[Optional[Span]]:
    """The parts of sentence ``si`` that report events of their own: ``[None]`` (the whole sentence) unless a
    comma (or semicolon) opens a clause with a contrast or separation word (:data:`CONTRAST_CLAUSE_WORDS`,
    :data:`SEPARATE_EVENT_WORDS` within its first five words: ", while in B a mine wounded six", ", and in a
    separate attack near B two were killed") and the text on each side of it counts casualties and names a
    place of its own; then the spans on each side (more than one such comma: more parts). A sentence that
    names one place ("killed four and wounded six in A, while police searched") stays one record."""
    sent = ctx.sents[si]
    doc = sent.doc
    cuts = []
    for t in sent:
        if t.text not in (",", ";") or t.i + 1 >= sent.end:
            continue
        opening = [w.lower_ for w in doc[t.i + 1 : min(t.i + 6, sent.end)]]
        if opening[0] in CONTRAST_CLAUSE_WORDS or (opening[0] in ("and", "but") or opening[0] in PLACE_PREPOSITIONS) and any(
                w in CONTRAST_CLAUSE_WORDS | SEPARATE_EVENT_WORDS for w in opening):
            cuts.append(t.i)
    if not cuts:
        return [None]
    bounds = [sent.start] + [c + 1 for c in cuts] + [sent.end]
    parts = [doc[a:b] for a, b in zip(bounds, bounds[1:])]
    if any(not _sentence_pieces(part)[0] or _best_place(doc, ctx.places, part.start_char, part.end_char, None, ctx.starts) is None
           for part in parts):
        return [None]  # a side without its own count or place: one event told in one sentence
    return parts


def _sentence_record(ctx: _Context, si: int, records: list[Casualty], headline: bool,
                     part: Optional[Span] = None) -> Optional[Casualty]:
    """The casualty record of sentence ``si`` (its counts, place, date, cause, actor, parts), or
    None when it reports none, only restates ``records``, or is background (historical, worldwide).
    ``part``: the clause of the sentence to read instead of the whole (:func:`_event_clauses`)."""
    sent = part if part is not None else ctx.sents[si]
    pieces, subjects, clause = _sentence_pieces(sent)
    pieces += _colon_breakdown(sent, pieces)
    totals = _totals(ctx, sent, pieces)
    counts = _sum_pieces([p for p in pieces if p.key not in totals] + list(totals.values()))
    if headline:
        _complete_lead(sent, counts, records, subjects)
    if not counts or _historical(sent, ctx.base, ctx.ents[si]) or GLOBAL_TOLL.search(sent.text) or ROLLUP.search(sent.text) \
            or _across_continents(ctx, sent):
        return None  # a worldwide toll or a sum over several operations is no single event: not a record
    place, own_place = _sentence_place(ctx, si, clause, records, part, dead="killed" in counts)
    if not own_place and records and any(p.role == "update" for p in pieces):
        place = None  # "the death toll had risen to 19": the event's toll, not a place named in between ("in Moscow")
    place = _subset_total_place(ctx, sent, pieces, totals) or place
    date_, background = _event_date(ctx, si)
    if background:
        return None
    own_date = _sentence_date(sent, ctx.base, ctx.ents[si]) is not None
    cause, cause_at = _cause(sent)
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
    # the parts of a stated total: the other pieces of its category, not the increments inside it
    rec.parts = _breakdown(ctx, sent, [p for p in pieces if p is not totals.get(p.key)
                                       and not (p.key in totals and p.role == "increment")], rec) \
        or _subset_parts(ctx, sent, pieces, totals, rec)
    restated = _drop_repeated_counts(rec, records, {place.admin1} if place is not None and place.kind in ("city", "feature") and place.admin1 else set())
    for e in restated:  # a restatement completes what the first report left open (a headline's actor)
        e.cause = e.cause or rec.cause
        e.actor = e.actor or rec.actor
        if rec.parts and not e.parts:
            e.parts = rec.parts  # "killing 19 ... the toll by city: 12 in Piura and 7 in Tumbes": its breakdown
    _drop_subset_counts(rec, records, sent.text, {p.key for p in pieces if p.role == "increment"})
    if not any(getattr(rec, f) is not None for f in COUNT_FIELDS):
        return None
    if rec.killed_min is not None and SUBSET_CUES["killed"].search(sent.text):
        ctx.subsets.add(id(rec))  # victims named among the dead with no event before them: a later total may hold them
    if own_date:
        ctx.own_dates.add(id(rec))
    ref = _refers_back(sent)
    if ref is not None:
        lo, hi = ref.left_edge.idx, ref.right_edge.idx + len(ref.right_edge)
        ctx.back_refs[id(rec)] = own_date and any(e.label_ == "DATE" and lo <= e.start_char < hi for e in ctx.ents[si])
    if own_place:
        ctx.own_places.add(id(rec))
    elif place is None and _names_unknown_place(ctx, sent):
        ctx.elsewhere.add(id(rec))
    if any(p.role == "update" and p.key in ("killed", "injured", "missing") for p in pieces):
        ctx.updates.add(id(rec))
    # categories whose every counted piece is an increment over an earlier count ("another 40 people")
    increments = {k for k in counts if k not in totals and all(p.role == "increment" for p in pieces if p.key == k)}
    if increments:
        ctx.increments[id(rec)] = increments
    placed = []
    for p in pieces:  # "recovered eight more bodies in Arequipa": an increment at a place of its own
        if p.role == "increment":
            lo, hi = _clause_span(p.victim)
            at = _best_place(ctx.doc, ctx.places, lo, hi, None, ctx.starts)
            if at is not None:
                placed.append((p.key, p.count, at.name))
    if placed:
        ctx.placed_increments[id(rec)] = placed
    return rec


# the words that name an incident: :data:`INCIDENT_NOUNS` and every cause's last word and label ("blast", "attack",
# "bombing", "crash")
_INCIDENT_WORDS = INCIDENT_NOUNS | {w for c in CASUALTY_CAUSES for x in ((c,) if isinstance(c, str) else c) for w in x.split()[-1:]}


def _refers_back(sent: Span) -> Optional[Token]:
    """The noun of ``sent`` that names, with "the", "this" or "that" and no number, an incident already told ("Thirty
    people were wounded in the blast", "The crash also injured 12", "injuries from the collapse"): the subject of a
    clause, or the object of "in", "during", "by" or "from"; None without one. Such a sentence tells more of that
    incident whatever its own words for the cause or its dates (:func:`_joins`)."""
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lower_ not in _INCIDENT_WORDS and tok.lemma_.lower() not in _INCIDENT_WORDS:
            continue
        kids = [c for c in tok.children if c.dep_ in ("det", "nummod")]
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids) or any(c.dep_ == "nummod" for c in kids):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "by", "from"):
            return tok
    return None


def _sentence_pieces(sent: Span) -> tuple[list[_Piece], list[Token], Optional[tuple[int, int]]]:
    """Each victim phrase's count in ``sent`` (rules 1-6 of the module docstring), the subjects of
    its casualty verbs (for the actor) and the char span of the first counted clause."""
    pieces: list[_Piece] = []
    estimates: set[int] = set()  # indices in pieces of estimated past counts (:func:`_estimated_past`)
    used: set[int] = set()
    subjects: list[Token] = []
    clause: Optional[tuple[int, int]] = None
    doc = sent.doc
    low, lem = token_lowers(doc), token_lemmas(doc)
    for i in range(sent.start, sent.end):
        if low[i] not in _TRIGGER_WORDS and lem[i] not in _TRIGGER_WORDS and lem[i] not in _STATE_VERBS:
            continue  # no casualty word (:func:`_category` is None): tested on the columns before a Token is built
        tok = doc[i]
        cat = _category(tok)
        if cat is None or _not_an_event(tok) or _earlier_event(tok):
            continue
        for victim in _victims(tok):
            c = _victim_count(victim, tok, cat, used)
            if c is None:
                continue
            if _estimated_past(tok):
                estimates.add(len(pieces))
                if c.qualifier == "exact":
                    c = Count(None, c.max, "at_most")  # "five people may have died": up to five
            used.add(victim.i)
            key = "perpetrator" if cat == "killed" and _is_perpetrator(victim, sent) else cat
            if c.min == 0 and c.max == 0 or _restated_pair(victim, c, [p for p in pieces if p.key == key]):
                continue
            pieces.append(_Piece(key, c, victim, _role(tok, victim)))
            clause = clause or _clause_span(tok)
        labelled = _label_line_piece(tok)
        if labelled is not None and labelled.victim.i not in used:  # a fact-box line, "Dead: 14"
            used.add(labelled.victim.i)
            pieces.append(labelled)
            clause = clause or (tok.idx, labelled.victim.idx + len(labelled.victim.text))
            continue
        subjects += [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp") and not is_root(tok):
            # "Russia fired ... missiles, killing at least 20": the attacker is the head's subject
            head = tok.head if tok.dep_ != "conj" or tok.head.dep_ not in ("advcl", "xcomp") else tok.head.head
            subjects += [c for c in head.children if c.dep_ == "nsubj"]
    # an estimate beside a confirmed count of the same kind is no count of its own ("Up to 40 people may have been
    # killed, but officials confirmed 12 ...": 12)
    confirmed = {p.key for k, p in enumerate(pieces) if k not in estimates}
    pieces = [p for k, p in enumerate(pieces) if k not in estimates or p.key not in confirmed]
    return pieces, subjects, clause


def _victim_count(victim: Token, tok: Token, cat: str, used: set[int]) -> Optional[Count]:
    """The count of victim head ``victim`` of casualty word ``tok`` (category ``cat``; a sum's "of" phrase for a
    ``total_nouns`` head: "A total of 47 people"): an exceptive "all but N of
    the M" (:func:`_exceptive_count`; the exception's number is marked used, never a count of its own), else its
    phrase's count (:func:`parse_count`) when the head can be counted (not animals, not already counted: ``used``
    holds token indices)."""
    if victim.i in used:
        return None
    if victim.lower_ in TOTAL_NOUNS:  # "A total of 47 people": the people counted in the "of" phrase
        victim = next((g for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)), victim)
    exceptive = _exceptive_count(victim)
    if exceptive is not None:
        used.add(exceptive[1].i)
        return exceptive[0]
    if victim.dep_ == "pobj" and victim.head.lower_ == "of" and victim.head.head.lower_.split("-")[-1] in _FRACTIONS:
        victim = victim.head.head  # "A third of the 36 passengers drowned", the verb hung on "passengers": the third
    fraction = _fraction_count(victim)
    if fraction is not None:
        used.update(t.i for t in victim.subtree if t.i != victim.i)  # the whole's number is no victim of its own
        return fraction
    if not _is_countable_head(victim, cat == "missing") and (cat == "missing" or not _coordinated_with_person(victim)) \
            and not _living_subject(victim, tok) or _counts_animals(victim, tok):
        return None
    words = _phrase(victim)
    used.update(t.i for t in words if t.i > victim.i)  # "two hundred and thirty": "thirty" is no victim of its own
    count = parse_count(words, victim, person=_living_subject(victim, tok))
    times = _distributive_factor(tok, victim) if count is not None and count.min is not None else None
    if times is not None:  # "Two car bombs exploded, each killing four people": eight
        return Count(count.min * times, None if count.max is None else count.max * times, count.qualifier)
    upper = _upper_bound_after(victim) if count is not None and count.qualifier == "at_least" else None
    if upper is not None and upper[1] > count.min:
        used.add(upper[0].i)
        return Count(count.min, upper[1], "range")
    return count


def _distributive_factor(tok: Token, victim: Token) -> Optional[int]:
    """How many times a distributive "each" repeats the count of ``victim`` under casualty word ``tok``: the number of
    the main clause's subject when "each" is the subject of the casualty clause ("Two car bombs exploded ..., each
    killing four people") or follows the victims ("Three gunmen opened fire, killing five people each"); None
    otherwise."""
    clause = tok.head if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) else tok
    each = any(c.dep_ == "nsubj" and c.lower_ == "each" for c in clause.children) \
        or any(c.lower_ == "each" and c.dep_ in ("appos", "advmod", "npadvmod") for c in victim.children)
    if not each or clause.dep_ not in ("advcl", "conj", "xcomp"):
        return None  # ("each killing four and wounding six": the wounding shares the killing's "each")
    host = clause.head
    while host.dep_ == "conj" and host.head.i != host.i:
        host = host.head
    subj = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    num = next((c for c in subj.children if c.dep_ == "nummod"), None) if subj is not None else None
    value = number_value(num.text) if num is not None else None
    return int(value) if value and 1 < value <= 20 else None


def _upper_bound_after(victim: Token) -> Optional[tuple[Token, int]]:
    """The upper bound set off after a lower bound's victims ("At least 40 people, and possibly as many as 60,
    drowned"): a number conjoined to ``victim`` that "as many as" or "up to" opens, with its value; None without one."""
    for c in victim.children:
        if c.dep_ == "conj" and (c.like_num or is_number_word(c.lower_)):
            prefix = " ".join(t.lower_ for t in c.doc[max(c.left_edge.i, c.i - 3) : c.i])
            value = number_value(c.text)
            if prefix.endswith(("as many as", "up to")) and value is not None:
                return c, int(value)
    return None


# fractions of a stated whole ("a third of the 24 passengers", "half of the 40 miners", "two-thirds of the 90 people")
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}


def _fraction_count(head: Token) -> Optional[Count]:
    """A fraction of a whole the phrase states ("A third of the 24 passengers", "Half of the 40 miners", "two-thirds of
    the 90"): the whole times the fraction when that is a whole number, qualifier "exact"; None for any other phrase."""
    denominator = _FRACTIONS.get(head.lower_.split("-")[-1])
    if denominator is None:
        return None
    numerator = 1
    before = [c for c in head.lefts if c.dep_ in ("nummod", "compound", "det", "quantmod")]
    if "-" in head.text:
        numerator = number_value([head.text.split("-")[0]]) or 0
    elif any(c.like_num or is_number_word(c.lower_) for c in before):
        numerator = next((number_value([c.text]) for c in before if c.like_num or is_number_word(c.lower_)), None) or 0
    wholes = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    whole = next((parse_count(_phrase(w), w) for w in wholes), None)
    if whole is None or whole.qualifier != "exact" or not whole.min or not numerator or whole.min * numerator % denominator:
        return None
    n = whole.min * numerator // denominator
    return Count(n, n, "exact")


_EXCEPTIVES = frozenset({"but", "except", "save"})


def _exceptive_count(head: Token) -> Optional[tuple[Count, Token]]:
    """An exceptive count: "all but two of the 19 people" (``head`` "all", the exception "two" hung on "but" or
    coordinated with "all", the whole "of the 19 ...", on either) is 19 - 2 = 17. Returns (the count, the
    exception's number token), or None for any other phrase (an exception without the whole counts nothing)."""
    if head.lower_ != "all":
        return None
    marks = [c for c in head.children if c.lower_ in _EXCEPTIVES]
    if not marks:
        return None
    numbers = [p for m in marks for p in m.children if p.dep_ == "pobj"] + [c for c in head.conjuncts if c.i > marks[0].i]
    exception = next((n for n in numbers if _states_count(n)), None)
    if exception is None:
        return None
    wholes = [p for h in (head, exception) for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    whole = next((parse_count(_phrase(w), w) for w in wholes), None)
    part = number_value(exception.text)
    if whole is None or whole.qualifier != "exact" or part is None or whole.min is None or part >= whole.min:
        return None
    n = whole.min - part
    return Count(n, n, "exact"), exception


def _restated_pair(victim: Token, count: Count, before: list[_Piece]) -> bool:
    """True when a count given by a determiner (:data:`DETERMINER_COUNTS`: "both") equals a count of the same
    category told before it in the sentence: the determiner is definite, those same people ("Two workers were killed
    when a crane fell on their cabin, killing both men": two, not four)."""
    words = _phrase(victim)
    return bool(words) and words[0].lower_ in DETERMINER_COUNTS and any(p.count == count for p in before)


def _label_line_piece(tok: Token) -> Optional[_Piece]:
    """The count of a fact-box line, ``tok`` its label: a casualty word opening a line, a colon, a number
    ending the line ("Dead: 14", "Injured: 52", "Missing: 3" under a lede), as a piece of the word's category;
    None for any other shape (a label with words after its number, a mid-sentence colon)."""
    doc = tok.doc
    at_line_start = tok.i == 0 or "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_
    if not at_line_start or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ":":
        return None
    num = doc[tok.i + 2]
    ends = num.i + 1 == len(doc) or "\n" in num.whitespace_ or "\n" in doc[num.i + 1].text
    if not ends or not num.like_num:
        return None
    value = number_value(num.text)
    key = _category(tok) or ("killed" if tok.lower_ in ("dead", "deaths", "fatalities") else None)
    if key is None or value is None or value < 1:
        return None
    return _Piece(key, Count(value, value, "exact"), num)


# time words that measure the distance to another event ("a week after", "two days before")
_DURATION_WORDS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})


def _earlier_event(tok: Token) -> bool:
    """True when casualty word ``tok`` reports another event the sentence dates by its distance from this
    one: its clause is an adverbial clause opened by "after", "before" or "since" measured in time ("...,
    a week after an attack in the same area killed five", "two days before a blast killed 12"). Such a
    clause is background, not more victims of the sentence's event."""
    clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if clause.dep_ != "advcl":
        return False
    for mark in clause.children:
        if mark.dep_ in ("mark", "prep") and mark.lower_ in ("after", "before", "since") and mark.i < clause.i:
            # the measure hangs on the conjunction or on the clause, before the conjunction
            measures = list(mark.children) + [c for c in clause.children if c.i < mark.i]
            if any(c.dep_ == "npadvmod" and c.lemma_.lower() in _DURATION_WORDS for c in measures):
                return True
    return False


def _role(trigger: Token, victim: Token) -> str:
    """The role of a victim phrase's count (see :class:`_Piece`): ``update`` when the trigger is a
    toll whose verb (it is the subject or object of) states a new or current value
    (``TOLL_UPDATE_VERBS``: "the toll rose to 31", "raised the toll to 14"), ``toll`` for any
    other toll value, ``increment`` when an increment word (``INCREMENT_WORDS``) modifies the
    phrase ("eight more bodies", "another 40 people", "a further 12"; not "more than 30"), else ``""``."""
    toll = _toll_noun(trigger)
    if toll is not None:
        verb = _toll_verb(toll)
        if verb is not None and verb.lemma_.lower() in TOLL_UPDATE_VERBS:
            return "update"
        return "toll"
    words = list(victim.doc[victim.left_edge.i:victim.i + 1])
    # "Two more died": the parser hangs "more" on the number, after it
    words += [c for c in victim.children if c.dep_ in ("amod", "advmod") and c.i > victim.i]
    if trigger.pos_ == "NOUN":  # "eight more bodies", "six additional deaths": the casualty noun's modifiers
        words += [c for c in trigger.children if c.dep_ in ("amod", "det", "quantmod", "advmod")]
    else:  # "four of its members had also died": the verb's additive adverb
        words += [c for c in trigger.children if c.dep_ == "advmod" and c.lower_ in ADDITIVE_ADVERBS]
    for t in words:
        nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
        if (t.lower_ in INCREMENT_WORDS or t.lower_ in ADDITIVE_ADVERBS) and nxt != "than":
            return "increment"
    return ""


def _colon_breakdown(sent: Span, pieces: list[_Piece]) -> list[_Piece]:
    """The counts of a breakdown introduced by a colon after a casualty word, one number per
    place ("Officials gave the toll by city: 12 in Piura, 7 in Tumbes", "The dead were counted
    by province: 40 in Herat and 12 in Badghis"), or by a comma after a sentence-opening "Of the N
    dead" / "Among the injured" ("Of the 30 dead, 18 were in A and 12 in B"): a piece per bare number
    followed by a locative preposition (or "were"/"was" and one), in the category of the last casualty
    word before the colon or comma. Only when the
    sentence has no piece of that category after the colon already, and at least two numbers are
    listed (a breakdown, not one more count). Returns [] otherwise."""
    low = token_lowers(sent.doc)  # (read on the column: most sentences have no colon)
    at = next((i for i in range(sent.start, sent.end) if low[i] == ":"), None)
    if at is None and sent.end - sent.start > 2 and low[sent.start] in ("of", "among"):
        at = next((i for i in range(sent.start, sent.end) if low[i] == ","), None)  # "Of the 70 dead, 25 were in A and 45 in B"
    if at is None:
        return []
    colon = sent.doc[at]
    cats = [_category(t) for t in sent.doc[sent.start:colon.i]]
    cat = next((c for c in reversed(cats) if c is not None), None)
    if cat is None or any(p.key == cat and p.victim.i > colon.i for p in pieces):
        return []
    out = []
    for t in sent.doc[colon.i + 1:sent.end]:
        prev = t.nbor(-1)
        k = t.i + 1 + (t.i + 1 < sent.end and low[t.i + 1] in ("were", "was"))  # "25 were in A"
        if not t.like_num or k >= sent.end or low[k] not in PLACE_PREPOSITIONS:
            continue
        if prev.i != colon.i and prev.lower_ not in (",", ";", "and") or (k + 1 < sent.end and low[k] == "at" and sent.doc[k + 1].like_num):
            continue  # "... and 3 at 5 p.m.": a number in a list only, not a clock time
        value = number_value(t.text)
        if value is None:
            continue
        out.append(_Piece(cat, Count(int(value), int(value), "exact"), t))
    return out if len(out) >= 2 else []


def _totals(ctx: _Context, sent: Span, pieces: list[_Piece]) -> dict[str, _Piece]:
    """The piece of each category that states the total of the others in ``sent`` (they are its
    parts or increments inside it, never added to it):

    - the last value a toll is raised or lowered to (``TOLL_UPDATE_VERBS``: "the toll had risen to 31 after
      rescuers found eight more bodies": 31, the eight are inside it; "initially said 12 had died, but lowered
      the toll to nine": 9, the 12 superseded);
    - another toll's value, when the other pieces sum to no more than it;
    - the first count, followed by one or more that sum to no more than it, after "including" or each
      a count "of them" ("killed 50, including 12 in A", "80 died, 20 of them in A");
    - the first count, followed by two or more that sum to no more than it, after a colon
      ("killed 9 people, officials said: 5 in A and 4 in B") or each at a place inside the first
      one's area (its country or first-level division: "killed 9 people across Chile, 5 in A
      and 4 in B"), or, when the first count names no place, each at a place of its own ("killed 10
      people on Sunday, 4 in A and 3 in B": 10, with a partial breakdown). A list whose first place is
      a city ("30 in Kano, 12 in Kaduna") is summed.

    Returns:
        dict[str, _Piece]: category -> its total piece; categories without one are absent.
    """
    out: dict[str, _Piece] = {}
    for key in {p.key for p in pieces}:
        mine = sorted((p for p in pieces if p.key == key), key=lambda p: p.victim.i)
        if len(mine) < 2:
            continue
        tolls = [p for p in mine if p.role in ("toll", "update") and p.count.min is not None]
        updates = [p for p in tolls if p.role == "update"]
        if updates:  # the value a toll was raised or lowered to is the total: "said 12 had died, but lowered the toll to nine"
            out[key] = updates[-1]
            continue
        if tolls:
            toll = max(tolls, key=lambda p: p.count.min)
            if sum(p.count.min or 0 for p in mine if p is not toll) <= toll.count.min:
                out[key] = toll
            continue
        first, rest = mine[0], mine[1:]
        if first.count.min is None or sum(p.count.min or 0 for p in rest) > first.count.min:
            continue
        doc = sent.doc
        between = doc[first.victim.i:rest[0].victim.left_edge.i]
        if _subsets_follow(first, rest):
            out[key] = first  # "killed 50, including 12 in A", "80 died, 20 of them in A": one is enough
            continue
        if len(rest) < 2:
            continue
        if any(t.text == ":" for t in between):
            out[key] = first
            continue
        bounds = [p.victim.left_edge.idx for p in mine] + [sent.end_char]
        found = [_best_place(doc, ctx.places, lo, hi, None, ctx.starts) for lo, hi in zip(bounds, bounds[1:])]
        area, inner = found[0], found[1:]
        if area is None and _exact_counts(first, rest):
            named = [_piece_place_and_group(ctx, sent, p, lo, hi)[0] for p, lo, hi in zip(rest, bounds[1:], bounds[2:])]
            if None not in named and len({_place_key(p) for p in named}) == len(named):
                out[key] = first  # "killed 70 people on Monday, 25 in A and 45 in B" (or "4 in A and 3 in B" of 10): its parts
                continue
        if area is None or any(p is None for p in inner) or len({_place_key(p) for p in inner}) < len(inner):
            continue
        if area.kind == "country" and all(p.kind != "country" and p.country == area.country for p in inner) \
                or area.kind == "admin" and all(p.kind == "city" and p.admin1 == area.admin1 for p in inner):
            out[key] = first
    return out


def _exact_counts(first: _Piece, rest: list[_Piece]) -> bool:
    """True when ``first`` and ``rest`` are exact counts (the caller has checked that ``rest`` adds up to no
    more than ``first``): a count that names no place followed by counts at places is a total and its
    breakdown, complete ("70 people on Monday, 25 in A and 45 in B") or partial ("10 people on Sunday, 4 in A
    and 3 in B": 10, never 17)."""
    return all(c.min is not None and c.min == c.max for c in [first.count] + [p.count for p in rest])


def _subsets_follow(first: _Piece, rest: list[_Piece]) -> bool:
    """True when the counts ``rest`` after ``first`` are parts of it: after "including" or "among them" ("killed 50
    people in A, including 12 in B"), each a count "of them" ("80 died across A, 20 of them in B") or a bare number in
    apposition to ``first``'s noun ("11 protesters were taken to hospital, two in serious condition")."""
    between = first.victim.doc[first.victim.i:rest[0].victim.left_edge.i]
    return any(_is_including(t) or _is_among_them(t) for t in between) or all(_of_them(p.victim) for p in rest) \
        or all(_bare_number_of(p.victim, first.victim) for p in rest)


def _bare_number_of(tok: Token, head: Token) -> bool:
    """True when ``tok`` is a number standing alone in apposition to the counted noun ``head`` ("Eleven protesters
    were taken to hospital, two in serious condition"): some of them, not more."""
    return tok.dep_ == "appos" and tok.head.i == head.i and (tok.like_num or is_number_word(tok.lower_))


def _is_among_them(tok: Token) -> bool:
    """True for "among" before "them", "whom" or "those" ("dozens were injured, among them a boy"): what follows
    is inside the count before it, as after "including"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "among" and nxt is not None and nxt.lower_ in ("them", "whom", "those")


def _subset_ranges(sent: Span, total: _Piece, pieces: list[_Piece]) -> list[tuple[_Piece, int, int]]:
    """The pieces of ``total``'s category that follow it as its subsets (:func:`_subsets_follow`), each
    with the character range that names it: from its phrase to the next one's, the last to the sentence's
    end. [] when the pieces after ``total`` are no subsets of it."""
    rest = sorted((p for p in pieces if p.key == total.key and p.victim.i > total.victim.i), key=lambda p: p.victim.i)
    if total.role != "" or not rest or not _subsets_follow(total, rest):
        return []
    bounds = [p.victim.left_edge.idx for p in rest] + [sent.end_char]
    return [(p, lo, hi) for p, lo, hi in zip(rest, bounds, bounds[1:])]


def _subset_total_place(ctx: _Context, sent: Span, pieces: list[_Piece], totals: dict[str, _Piece]) -> Optional[Place]:
    """The place of a total whose parts follow it as subsets (:func:`_subsets_follow`): one the sentence
    names outside the subsets' phrases ("Bomb blasts in Assam killed 50 people, including 12 in Guwahati":
    Assam, not Guwahati), else the country of the subsets' places ("killed 40 people, including 15 in
    Dnipro": Ukraine); None when there is no such total or place."""
    for total in totals.values():
        subsets = _subset_ranges(sent, total, pieces)
        if not subsets:
            continue
        own = _best_place(ctx.doc, ctx.places, sent.start_char, sent.end_char, None, ctx.starts,
                          exclude=[(lo, hi) for _, lo, hi in subsets])
        if own is not None:
            return own
        inner = [pl for _, lo, hi in subsets if (pl := _best_place(ctx.doc, ctx.places, lo, hi, None, ctx.starts)) is not None]
        codes = {pl.country for pl in inner}
        if len(codes) == 1 and None not in codes:
            return next((p for p in ctx.places if p.kind == "country" and p.country in codes), None) or get_gazetteer().country(codes.pop())
    return None


def _subset_parts(ctx: _Context, sent: Span, pieces: list[_Piece], totals: dict[str, _Piece], rec: Casualty) -> list[CasualtyPart]:
    """The parts a total's subsets name ("killed 41 people in Malatya province, including 6 in Kale": a
    part of 6 at Kale), each at its own place (a place the gazetteer lacks as written), else for its group
    ("including two police officers"); none that is only the record's own place and no group."""
    parts = []
    for total in totals.values():
        for p, lo, hi in _subset_ranges(sent, total, pieces):
            place, group = _piece_place_and_group(ctx, sent, p, lo, hi)
            if group is not None or place is not None and _place_name(place) != rec.place:
                parts.append(_part(p, place, group, rec))
    return parts


def _piece_place_and_group(ctx: _Context, sent: Span, p: _Piece, lo: int, hi: int) -> tuple[Optional[Place | str], Optional[str]]:
    """Where and who a piece of a breakdown counts: the place named in its characters ``[lo, hi)`` (a
    name the gazetteer lacks as written: "... and three in Zorivtsi"; None when none), and its victims'
    noun lemma unless generic ("soldier"; not "people")."""
    place = _best_place(ctx.doc, ctx.places, lo, hi, None, ctx.starts)
    if place is None:
        unknown = _unknown_place(ctx, ctx.doc.char_span(lo, hi, alignment_mode="expand") or sent, orgs=True)
        place = span_text(unknown) if unknown is not None else None
    return place, _victim_group(p)


def _victim_group(p: _Piece) -> Optional[str]:
    """The noun lemma of a piece's victims unless generic ("soldier"; not "people"), else None."""
    group = p.victim.lemma_.lower() if p.victim.pos_ in ("NOUN", "PROPN") else None
    return None if group in GENERIC_VICTIMS else group


def _part(p: _Piece, place: Optional[Place | str], group: Optional[str], rec: Casualty) -> CasualtyPart:
    """The part of ``rec`` that piece ``p`` counts, at ``place`` (else the record's), for ``group``."""
    part = CasualtyPart(group=group, start=rec.start, end=rec.end, **{f"{p.key}_min": p.count.min, f"{p.key}_max": p.count.max})
    _set_place(part, place, rec)
    return part


def _of_them(victim: Token) -> bool:
    """True for a count of a group named before it ("20 of them", "four of whom", "six of those"): a
    part of an earlier count, never more victims."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lower_ in ("them", "whom", "those") for g in c.children) for c in victim.children)


def _sum_pieces(pieces: list[_Piece]) -> dict[str, Count]:
    """The sentence's total per category: the sum of its pieces' counts."""
    counts: dict[str, Count] = {}
    for p in pieces:
        counts[p.key] = counts[p.key] + p.count if p.key in counts else p.count
    return counts


def _complete_lead(sent: Span, counts: dict[str, Count], records: list[Casualty], subjects: list[Token]) -> None:
    """A headline sums up the body ("Strikes kill dozens"): a category the body already reports
    is removed from ``counts`` (in place), and what the headline adds completes the lead record
    ("Russian air strike kills ...": its cause and actor)."""
    for key in list(counts):
        field = "perpetrator_killed" if key == "perpetrator" else key
        lead = next((r for r in records if getattr(r, f"{field}_min") is not None), None)
        if lead is not None:
            del counts[key]
            cause, cause_at = _cause(sent)
            lead.cause = lead.cause or cause
            lead.actor = lead.actor or _actor(sent, cause_at, subjects)


def _sentence_place(ctx: _Context, si: int, clause: Optional[tuple[int, int]],
                    records: list[Casualty], part: Optional[Span] = None, dead: bool = False) -> tuple[Optional[Place], bool]:
    """The event place of sentence ``si`` (or of its clause ``part``) and whether the sentence names it: its own
    (:func:`_best_place`; True), a reporting body's jurisdiction (True), an earlier sentence's (up
    to three back, outside quotations), else the previous record's place (the event the article
    is reporting). A place where victims were treated (:func:`_place_of_care`) is the event's only for a sentence
    that counts deaths (``dead``: "taken to a hospital in X, where he died") or opens the article's reports ("was
    admitted to a hospital in X"), never one inherited from before ("31 injured were taken to hospitals in X ... 11
    died in the crash")."""
    sent = part if part is not None else ctx.sents[si]
    place = _best_place(ctx.doc, ctx.places, sent.start_char, sent.end_char, clause, ctx.starts, care=dead or not records)
    if place is None:
        place = _jurisdiction_place(ctx.ents[si], ctx.places)
    if place is not None:
        return place, True
    place = _the_country_meant(ctx, sent)
    k = si - 1
    while place is None and k >= 0 and si - k <= 3:
        s = ctx.sents[k]
        place = _best_place(ctx.doc, ctx.places, s.start_char, s.end_char, None, ctx.starts, exclude=_quoted_ranges(s), care=False)
        k -= 1
    if place is None and records and records[-1].place is not None and si > 0:
        # "Another 4 people are missing under the rubble": the event the article is reporting
        prev = records[-1]
        place = next((p for p in ctx.places if p.name == prev.place and p.country == prev.country), None)
    if place is not None and place.kind in ("city", "feature") and _names_unknown_place(ctx, sent):
        # "in the southern district of Saptari" (no gazetteer entry): somewhere else than the town the
        # article named before, perhaps in another country; no place is better than a wrong one (an area
        # named before may hold it: kept)
        place = None
    return place, False


def _the_country_meant(ctx: _Context, sent: Span) -> Optional[Place]:
    """The country a sentence without a place of its own means by "the country" or "nationwide" ("an epidemic sweeping
    across the country has killed 80", "the country's death toll"): of the countries of the places named before it
    (outside quotations), the one named most often (the latest on a tie), as its last country mention; not a town
    named in between ("Direct flights to London operate regularly"), nor another country named in passing ("ties
    with Britain"). None without such words or such a mention."""
    if not any(t.lower_ in ("nationwide", "countrywide") or t.lower_ == "country" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in sent):
        return None
    quoted = [r for s in ctx.sents if s.end_char <= sent.start_char for r in _quoted_ranges(s)]
    before = [p for p in ctx.places if p.end <= sent.start_char and p.country and not any(a <= p.start < b for a, b in quoted)]
    counts: dict[str, int] = {}
    for p in before:
        counts[p.country] = counts.get(p.country, 0) + 1
    last = {p.country: k for k, p in enumerate(before)}
    top = max(counts, key=lambda cc: (counts[cc], last[cc]), default=None)
    return next((p for p in reversed(before) if p.kind == "country" and p.country == top), None)


_LOCATIVE_HEADS = frozenset({"in", "near", "outside", "at"})


def _names_unknown_place(ctx: _Context, sent: Span) -> bool:
    """Whether ``sent`` names a place the places stage did not resolve (:func:`_unknown_place`)."""
    return _unknown_place(ctx, sent) is not None


def _unknown_place(ctx: _Context, tokens: Span, orgs: bool = False) -> Optional[Span]:
    """The first place named in ``tokens`` that the places stage did not resolve: a capitalised proper
    noun, no person, organisation (unless ``orgs``: a breakdown's "three in X" names a place whatever the
    tagger calls X) or date, outside every place mention, after a locative preposition ("in
    Takukot") or as the name of a place noun ("the southern district of Saptari", "the village of X"); the
    name with the proper nouns compounded into it ("Nova Zorya"). None when there is none."""
    spans = [(p.start, p.end) for p in ctx.places]
    for t in tokens:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ in ("PERSON", "NORP", "DATE", "TIME", "EVENT"):
            continue
        if any(a <= t.idx < b for a, b in spans) or t.dep_ not in ("pobj", "compound"):
            continue
        head = t.head if t.dep_ == "pobj" else t.head.head if t.head.dep_ == "pobj" else None
        if head is None:
            continue
        name = t if t.dep_ == "pobj" else t.head
        if head.lower_ == "of" and head.head.lower_ in CITY_NOUNS | ADMIN_SUFFIXES or (
                head.lower_ in _LOCATIVE_HEADS and (orgs or t.ent_type_ != "ORG")):
            # the place noun says what it is, whatever the tagger says ("district of Saptari", ORG)
            lo = min([c.i for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < name.i] + [name.i])
            return tokens.doc[lo : name.i + 1]
    return None


def _event_date(ctx: _Context, si: int) -> tuple[Optional[str], bool]:
    """``(ISO date, background)`` of sentence ``si``: its own date, else one of the three sentences
    before it that tell the same event (:func:`_tells_the_event`; ``background`` True when that earlier
    sentence is historical: "In June, insurgents engaged ... The force responded, killing 30"), else the base date; a running total ("since
    January") has no single day, nor a sentence with an ambiguous numeric date."""
    sent, base = ctx.sents[si], ctx.base
    date_ = _sentence_date(sent, base, ctx.ents[si])
    k = si - 1
    while date_ is None and k >= 0 and si - k <= 3:
        if not _tells_the_event(ctx, k, si):
            break  # "Talks resumed on Monday. || A strike killed four": another paragraph on something else
        date_ = _sentence_date(ctx.sents[k], base, ctx.ents[k])
        if date_ is not None and _historical(ctx.sents[k], base, ctx.ents[k]):
            return date_, True
        k -= 1
    if CUMULATIVE.search(sent.text):
        return None, False  # a running total has no single event day
    if date_ is None and AMBIGUOUS_NUMERIC_DATE.search(sent.text):
        return None, False  # "on 05/03/2024": a stated day we cannot read is not the report's day
    if date_ is None and base is not None:
        return base.date().isoformat(), False  # no date stated: the day it was reported
    return date_, False


def _tells_the_event(ctx: _Context, k: int, si: int) -> bool:
    """Whether earlier sentence ``k`` can date the event of sentence ``si``: it is in the same paragraph
    (no line break between them), or it names a casualty, an attack or a cause of death itself."""
    doc = ctx.doc
    between = doc_text(doc)[ctx.sents[k].start_char + len(ctx.sents[k].text.rstrip()) : ctx.sents[si].start_char]
    if "\n" not in between:
        return True
    sent = ctx.sents[k]
    lows, lemmas = token_lowers(doc), token_lemmas(doc)
    words = {lows[i] for i in range(sent.start, sent.end)} | {lemmas[i] for i in range(sent.start, sent.end)}
    return bool(words & (_TRIGGER_WORDS | ATTACK_VERB_LEMMAS)) or _cause(sent)[0] is not None


def _breakdown(ctx: _Context, sent: Span, pieces: list[_Piece], rec: Casualty) -> list[CasualtyPart]:
    """The parts of a sentence's counts when it gives two or more of one category at different
    places or for different groups ("27 had died in Malatya and 14 in Adiyaman", "killing 11
    soldiers and 4 civilians"). Each piece's place is the place named between its victim phrase
    and the next one's, else the record's. When the parts lie in different places, the record's
    place becomes their country when the article names it (a total over places is not at one of
    them). Returns [] when there is no breakdown."""
    parts: list[CasualtyPart] = []
    for key in ("killed", "injured", "missing"):
        mine = sorted((p for p in pieces if p.key == key), key=lambda p: p.victim.left_edge.i)
        if len(mine) < 2:
            continue
        found = _pieces_places(ctx, sent, mine)
        if len({_place_key(pl) or rec.place for _, pl, _ in found}) < 2 and len({g for _, _, g in found}) < 2:
            continue  # the same place and group: a list of victims, no breakdown
        parts += [_part(p, place, group, rec) for p, place, group in found]
        unknown = any(isinstance(pl, str) for _, pl, _ in found)
        known = [pl for _, pl, _ in found if isinstance(pl, Place)]
        if len({_place_key(pl) for pl in known}) >= 2 or known and unknown:
            _place_over_parts(ctx, rec, known, country_only=unknown)
    mixed = sorted((p for p in pieces if p.key in ("killed", "injured", "missing")), key=lambda p: p.victim.left_edge.i)
    if not parts and len({p.key for p in mixed}) >= 2:
        # "killed two people in Kherson and wounded five in Nikopol": each count at its own known place
        found = _pieces_places(ctx, sent, mixed)
        known = [pl for _, pl, _ in found if isinstance(pl, Place)]
        if len(known) == len(found) and len({_place_key(pl) for pl in known}) == len(found):
            parts = [_part(p, place, group, rec) for p, place, group in found]
            _place_over_parts(ctx, rec, known)
    return parts


def _pieces_places(ctx: _Context, sent: Span, mine: list[_Piece]) -> list[tuple[_Piece, Optional[Place | str], Optional[str]]]:
    """Each piece of ``mine`` (in text order) with the place and group named from its victim phrase to the
    next piece's (the last to the sentence's end): :func:`_piece_place_and_group`."""
    own = _clause_places(ctx, sent, mine)
    if own is not None:  # "In Mangu, attackers killed 15 ..., while in Barkin Ladi 11 people died": each clause's own
        return [(p, place, _victim_group(p)) for p, place in zip(mine, own)]
    starts = [p.victim.left_edge.idx for p in mine]
    return [(p, *_piece_place_and_group(ctx, sent, p, lo, hi)) for p, lo, hi in zip(mine, starts, starts[1:] + [sent.end_char])]


def _clause_verb(tok: Token) -> Optional[Token]:
    """The nearest verb at or above ``tok`` in the parse (the clause it belongs to), or None."""
    return next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), None)


def _clause_places(ctx: _Context, sent: Span, mine: list[_Piece]) -> Optional[list[Place | str]]:
    """For pieces counted in clauses of their own (a verb each), the one place each clause names ("In Mangu,
    attackers killed 15 villagers ..., while in Barkin Ladi 11 people died": Mangu, Barkin Ladi, whatever their
    order around the numbers; a name the gazetteer lacks as written, :func:`_unknown_place`, in the clause's own
    words); None unless every clause names exactly one place of its own."""
    verbs = [_clause_verb(p.victim) for p in mine]
    if None in verbs or len({v.i for v in verbs}) != len(verbs):
        return None
    lo, hi = bisect.bisect_left(ctx.starts, sent.start_char), bisect.bisect_right(ctx.starts, sent.end_char)
    by_verb: dict[int, list[Place]] = {}
    for place in ctx.places[lo:hi]:
        span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
        verb = _clause_verb(span.root) if span is not None and place.end <= sent.end_char else None
        if verb is not None:
            by_verb.setdefault(verb.i, []).append(place)
    found: list[list] = [by_verb.get(v.i, []) for v in verbs]
    for k, v in enumerate(verbs):
        if found[k]:
            continue
        # the clause's own words: up to the first clause of another piece inside it
        end = min([w.left_edge.i for w in verbs if w.i != v.i and v.is_ancestor(w) and w.left_edge.i > v.left_edge.i]
                  + [v.right_edge.i + 1])
        unknown = _unknown_place(ctx, ctx.doc[v.left_edge.i : end], orgs=True)
        found[k] = [span_text(unknown)] if unknown is not None else []
    return [f[0] for f in found] if all(len(f) == 1 for f in found) else None


def _place_key(place: Optional[Place | str]):
    """What tells two parts' places apart: a resolved place's name, first-level area and country
    ("Portland", Oregon and "Portland", Maine are two), an unknown one's name as written; None for none."""
    return (place.name, place.admin1, place.country) if isinstance(place, Place) else place


def _place_name(place: Optional[Place | str]) -> Optional[str]:
    """The name of a part's place: a resolved place's gazetteer name, or an unknown one as written."""
    return place if isinstance(place, str) or place is None else place.name


def _set_place(part: CasualtyPart, place: Optional[Place | str], rec: Casualty) -> None:
    """Give ``part`` the place ``place`` (a name the gazetteer lacks: as written, no country or
    coordinates), else the record's place."""
    if isinstance(place, str):
        part.place = place
    elif place is not None:
        part.place, part.country, part.lat, part.lon = place.name, place.country, place.lat, place.lon
    else:
        part.place, part.country, part.lat, part.lon = rec.place, rec.country, rec.lat, rec.lon


def _place_over_parts(ctx: _Context, rec: Casualty, places: list[Place], country_only: bool = False) -> None:
    """Place ``rec`` (a total over parts in several places) at the smallest area holding them all: their
    first-level area when they share one ("12 in Aleppo city and 5 in Manbij": Aleppo governorate), else
    their country, as the article mentions it or as the gazetteer has it ("23 people: 15 in Bihar and
    eight in Assam" is India's total, not Bihar's); with ``country_only`` (a part lies in a place the
    gazetteer lacks, whose area is unknown) their country. Parts in several countries leave its place as it is."""
    countries = {p.country for p in places}
    if len(countries) != 1 or None in countries:
        return
    code = next(iter(countries))
    gaz = get_gazetteer()
    areas = {p.admin1 if p.kind in ("city", "feature") else p.name if p.kind == "admin" else None for p in places}
    area = gaz.admin(code, next(iter(areas))) if len(areas) == 1 and None not in areas and not country_only else None
    country = area or next((p for p in ctx.places if p.kind == "country" and p.country == code), None) or gaz.country(code)
    if country is not None:
        rec.place, rec.country, rec.lat, rec.lon = country.name, country.country, country.lat, country.lon


# an update of a running toll: the new number replaces the event's total
# verbs saying a toll grew ("rose to", "climbed to"), in UPDATE_CUE and _RISE_CUE
_RISE_VERBS = "rose|risen|rises|rising|climbed|climbs|jumped|increased|grew|mounted|soared|surged|swelled"
UPDATE_CUE = re.compile(
    r"\b(?:toll|number of (?:the )?(?:dead|deaths|victims|fatalities)|casualties)\b[^.;]*?\b(?:" + _RISE_VERBS +
    r"|reached|stands? at|stood at)\b|\bup from\b|\bso far\b(?! (?:this|in))", re.I)

# victims named as a subset of an event's dead or injured ("two children were among the dead", "seven of
# the dead were from one family", "of those killed, four were children", "among the wounded were three
# soldiers"), not a number of them ("the number of dead"); per count category
_SUBSET_HEAD = r"\b(?:among (?:the |those )?|(?<!number )(?<!toll )of (?:the |those ))(?:[a-z]+ )?"
SUBSET_CUES = {
    "killed": re.compile(_SUBSET_HEAD + r"(?:dead|killed|victims|fatalities)\b", re.I),
    "injured": re.compile(_SUBSET_HEAD + r"(?:injured|wounded|hurt)\b", re.I),
}


def _drop_subset_counts(rec: Casualty, records: list[Casualty], sentence: str, added: set[str] = frozenset()) -> None:
    """Clear ``rec``'s count of a category (:data:`SUBSET_CUES`) that its sentence names as part of the
    latest earlier event's count of that category (wherever the victims come from), no larger than it ("Two children were among
    the dead", "Among the wounded were three soldiers"): who the event's victims were, not more victims
    (nor a report that a later restatement of the toll would be taken to repeat). Parts at two places or more that
    fit in that count become its breakdown (:func:`_breaks_down`)."""
    for key, cue in SUBSET_CUES.items():
        mine = getattr(rec, key + "_min")
        if mine is None or key in added or not cue.search(sentence):  # ("two more of the victims died": more)
            continue
        # "among the wounded were ... a tourist from Spain": the report's wounded, wherever they come from
        prev = next((e for e in reversed(records) if getattr(e, key + "_min") is not None), None)
        if prev is not None and mine <= getattr(prev, key + "_min"):
            setattr(rec, key + "_min", None)
            setattr(rec, key + "_max", None)
            setattr(rec, key + "_qualifier", None)
            if key == "killed":
                if _breaks_down(rec, prev):
                    prev.parts = rec.parts  # "Twelve of the dead were in A, and 18 in B": the event's breakdown by place
                rec.parts = []


def _merge_events(records: list[Casualty], ctx: _Context) -> list[Casualty]:
    """One event, one record: a later record that updates a running toll ("the toll rose to 90,
    up from 75") replaces the counts of the event it updates (the one at the place its sentence names,
    else the article's largest toll in the area: a smaller event told in between is not it); one that breaks a total down by
    place ("27 ... in Malatya and 14 in Adiyaman") within an earlier total ("killing at least 41")
    becomes that event's parts (victims named among an event's dead, "two children were among
    the dead", lost their count in :func:`_sentence_record`); injured, missing or more dead reported right after an
    event, at its place ("Another 40 people were injured and 6 remain missing", "Rescuers found
    eight more bodies") join it (:func:`_joins`). Such records are then dropped as records of
    their own."""
    out: list[Casualty] = []
    last: Optional[Casualty] = None  # the event the previous record reported on
    for rec in records:
        text = doc_text(ctx.doc)[rec.start:rec.end]
        held = out[-1] if out and id(out[-1]) in ctx.subsets and id(rec) not in ctx.subsets else None
        if held is not None and rec.killed_min is not None and rec.killed_min >= held.killed_min and _same_area(held, rec) \
                and not SEPARATE_EVENT.search(text):
            out.pop()  # "Among the dead were two journalists and a doctor. The blast killed 9 in all": 9, the 3 among them
            rec.parts = rec.parts or held.parts
            last = out[-1] if out else None
        prev = next((e for e in reversed(out) if e.killed_min is not None and _same_area(e, rec)), None)
        if prev is not None and (rec.killed_min is not None or id(rec) in ctx.updates) and (
                UPDATE_CUE.search(text) or id(rec) in ctx.updates):  # "the number of injured climbed to 310" too
            if id(rec) not in ctx.own_places:  # "the death toll rose to 57": the article's main toll, not the last one
                prev = max((e for e in out if e.killed_min is not None and _same_area(e, rec)), key=_killed_total)
                if _wider_toll(prev, rec) and not _RISE_CUE.search(text):
                    _unplace(rec)
                    out.append(rec)
                    last = rec
                    continue
            if _update_part(prev, rec, text, ctx):  # "raised the toll in El Obeid to 58": that part, and the total with it
                last = prev
                continue
            kept_parts = not rec.parts
            _update(prev, rec)
            if kept_parts:  # "the toll rose to 31 after eight more bodies were found in A": A's part grows
                _add_to_parts(prev, ctx.placed_increments.get(id(rec), []), rec)
            last = prev
            continue
        if last is not None and _found_missing(last, rec, ctx):
            last.missing_min = last.missing_max = last.missing_min - rec.killed_min if rec.missing_min is None else rec.missing_min
            last.killed_min, last.killed_max = rec.killed_min, rec.killed_max
            last.killed_qualifier = rec.killed_qualifier
            continue
        if last is not None and _joins(last, rec, text, ctx):
            _join(last, rec, ctx.increments.get(id(rec), set()))
            if ctx.back_refs.get(id(rec)):
                last.date = rec.date  # "injured in the collapse, which happened on Sunday": the incident's day
            _add_to_parts(last, ctx.placed_increments.get(id(rec), []), rec)
            continue
        if prev is not None and _breaks_down(rec, prev):
            prev.parts = rec.parts
            _fill_open_counts(prev, rec)
            last = prev
            continue
        area = _area_of_share(out, rec, text, ctx)
        if area is not None:  # "killed at least 47 people in Plateau state ... In Bokkos, 21 people were killed"
            _add_share(area, rec)
            last = area
            continue
        same = rec.killed_min is not None and next(
            (e for e in reversed(out) if e.killed_min is not None and _restates(e, rec, text, ctx.own_dates)
             and not (id(rec) in ctx.elsewhere and e.place is not None)), None)
        if same:
            prev = same
            if _killed_total(rec) > _killed_total(prev):
                _update(prev, rec)  # a larger count of the same event: its latest total
            else:
                _fill_open_counts(prev, rec)  # a detail of the event ("the strike killed seven")
            last = prev
            continue
        out.append(rec)
        last = rec
    return out


SEPARATE_EVENT = re.compile(r"\b(?:" + "|".join(sorted(SEPARATE_EVENT_WORDS)) + r")\b", re.I)


def _area_of_share(events: list[Casualty], rec: Casualty, text: str, ctx: _Context) -> Optional[Casualty]:
    """The event of ``events`` whose toll at an area ``rec`` tells a share of ("Gunmen killed at least 47 people in
    Plateau state ... In Bokkos, 21 people were killed"): the latest event with a death toll at a first-level area or
    a country, when ``rec``'s place (or each of its parts') lies in that area (its ``admin1`` is the area; for a
    country, its country), its sentence sets it apart by no word (``separate_event_words``) and dates it no other
    day, and the deaths of the event's parts and ``rec`` stay within the event's toll. None otherwise: a new event."""
    if rec.killed_min is None or rec.place is None or SEPARATE_EVENT.search(text) or id(rec) in ctx.updates:
        return None
    event = next((e for e in reversed(events) if e.killed_min is not None), None)
    if event is None or event.place is None or event.place == rec.place or not _same_area(event, rec):
        return None
    if event.date != rec.date and id(rec) in ctx.own_dates:
        return None
    kinds = {p.name: p for p in ctx.places}
    area = kinds.get(event.place)
    if area is None or area.kind not in ("admin", "country"):
        return None
    # (the parts' places, when it has parts: its own is their country; a part at a place the gazetteer lacks, kept
    # as written, is where the others are)
    places = [kinds[x.place] for x in rec.parts if x.place in kinds] if rec.parts else [kinds.get(rec.place)]
    inside = all(p is not None and (p.admin1 == area.name if area.kind == "admin" else p.country == area.country)
                 for p in places)
    shares = sum(x.killed_min or 0 for x in event.parts) + rec.killed_min
    return event if inside and shares <= event.killed_min else None


def _add_share(event: Casualty, rec: Casualty) -> None:
    """Make ``rec`` (a share of ``event``'s toll: :func:`_area_of_share`) parts of ``event``: its own parts, else one
    part at its place; injured it counts raise the event's injured to at least their sum."""
    if rec.parts:
        event.parts.extend(rec.parts)
    else:
        event.parts.append(CasualtyPart(place=rec.place, country=rec.country, lat=rec.lat, lon=rec.lon,
                                        killed_min=rec.killed_min, killed_max=rec.killed_max, injured_min=rec.injured_min,
                                        injured_max=rec.injured_max, missing_min=rec.missing_min,
                                        missing_max=rec.missing_max, start=rec.start, end=rec.end))
    if rec.injured_min is not None and (event.injured_min is None or event.injured_max is None):
        event.injured_min = (event.injured_min or 0) + rec.injured_min
        event.injured_max, event.injured_qualifier = None, "at_least"


def _joins(event: Casualty, rec: Casualty, text: str, ctx: _Context) -> bool:
    """True when ``rec``, reported right after ``event`` (no other record between them), gives
    more of that event's counts rather than another event: the same country (or none), its place
    inherited from the sentences before or one of the event's own or parts' places, no other
    day than the event's when both sentences state their day (unless it adds to a count: "two more
    bodies were found on Tuesday"), no other cause, no word setting it
    apart (``SEPARATE_EVENT_WORDS``: "separate", "elsewhere"), and each category it states is
    either one the event does not state yet ("Another 40 people were injured and 6 remain missing"
    after "killed 23"), an increment over it ("eight more bodies", ``INCREMENT_WORDS``) or, for
    injured and missing, the event's own count told again ("The other two are still missing").
    Attackers killed never join this way."""
    if not _same_area(event, rec) or SEPARATE_EVENT.search(text) or rec.perpetrator_killed_min is not None:
        return False
    if id(rec) in ctx.elsewhere and event.place is not None:
        return False
    back = id(rec) in ctx.back_refs  # "injured in the blast": the incident told before, whatever its words and dates
    if event.date != rec.date and id(event) in ctx.own_dates and id(rec) in ctx.own_dates and not ctx.increments.get(id(rec)) \
            and not back:
        return False  # each sentence dates its own incident: "... on Monday. On Wednesday, a grenade ... wounded nine"
        # (not "Rescuers found two more bodies on Tuesday": more of the event's victims)
    if id(rec) in ctx.own_places and rec.place not in {event.place} | {p.place for p in event.parts} \
            and (rec.lat is None or (rec.lat, rec.lon) != (event.lat, event.lon)):
        return False  # (a river or valley named there is placed at the event's place: "after the X River burst its banks")
    if event.cause and rec.cause and event.cause not in rec.cause and rec.cause not in event.cause and not back:
        return False
    increments = ctx.increments.get(id(rec), set())
    stated = [cat for cat in ("killed", "injured", "missing") if getattr(rec, f"{cat}_min") is not None]
    if not stated:
        return False
    for cat in stated:
        if cat != "killed" and (getattr(rec, f"{cat}_min"), getattr(rec, f"{cat}_max")) == (
                getattr(event, f"{cat}_min"), getattr(event, f"{cat}_max")) and cat not in increments:
            continue  # the event's injured or missing told again ("The other two are still missing")
        if cat == "killed" or getattr(event, f"{cat}_min") is not None:
            if cat not in increments or getattr(event, f"{cat}_min") is None:
                return False
    return True


def _found_missing(event: Casualty, rec: Casualty, ctx: _Context) -> bool:
    """True when ``rec``, reported right after ``event``, tells some of the event's missing people found dead: the
    event counts only missing people (an exact number, no dead), ``rec`` counts at most that many dead, names no
    place of its own and no other cause, and its sentence reports a recovery (``recovery_lemmas``: "Rescuers found
    three of them dead", "the bodies of two were recovered"). The event's dead are then ``rec``'s and its missing
    the rest (or ``rec``'s own missing count)."""
    if event.killed_min is not None or event.missing_min is None or event.missing_min != event.missing_max:
        return False
    if rec.killed_min is None or rec.killed_max is None or rec.killed_max > event.missing_min or id(rec) in ctx.own_places:
        return False
    if not _same_area(event, rec) or event.cause and rec.cause and event.cause not in rec.cause and rec.cause not in event.cause:
        return False
    return any(t.lemma_.lower() in RECOVERY_LEMMAS for t in ctx.doc.char_span(rec.start, rec.end, alignment_mode="expand"))


def _add_to_parts(event: Casualty, increments: list[tuple[str, Count, str]], rec: Casualty) -> None:
    """Add each placed increment (category, count, place name) of ``rec`` to the part of ``event``
    at that place that states the category ("eight more bodies were recovered in A" after a
    breakdown "15 in A and 8 in B": A's part becomes 23), so the parts follow the event's updated
    total; the part's ``start``/``end`` move to ``rec``'s sentence (the latest of its figures). An
    increment at no part's place changes no part."""
    for key, count, place in increments:
        part = next((p for p in event.parts if p.place == place and getattr(p, f"{key}_min", None) is not None), None)
        if part is None:
            continue
        total = Count(getattr(part, f"{key}_min"), getattr(part, f"{key}_max"), None) + count
        setattr(part, f"{key}_min", total.min)
        setattr(part, f"{key}_max", total.max)
        part.start, part.end = rec.start, rec.end


def _join(event: Casualty, rec: Casualty, increments: set[str]) -> None:
    """Give ``event`` the counts of ``rec`` (see :func:`_joins`): a count the event lacks is
    set, an increment is added to the event's count."""
    for cat in ("killed", "injured", "missing"):
        lo, hi = getattr(rec, f"{cat}_min"), getattr(rec, f"{cat}_max")
        if lo is None and hi is None:
            continue
        if cat in increments and getattr(event, f"{cat}_min") is not None:
            total = Count(getattr(event, f"{cat}_min"), getattr(event, f"{cat}_max"), getattr(event, f"{cat}_qualifier", None)) \
                + Count(lo, hi, getattr(rec, f"{cat}_qualifier", None))
            lo, hi = total.min, total.max
            if hasattr(event, f"{cat}_qualifier"):
                setattr(event, f"{cat}_qualifier", total.qualifier)
        elif hasattr(event, f"{cat}_qualifier"):
            setattr(event, f"{cat}_qualifier", getattr(rec, f"{cat}_qualifier"))
        setattr(event, f"{cat}_min", lo)
        setattr(event, f"{cat}_max", hi)


# words that make a later count add to the event, not restate it ("several insurgents were also
# killed", "another three", "in a separate attack"); not "other", which may set victims apart from a
# named one in the same sentence ("killing Jan and several other insurgents")
ADDITION_CUE = re.compile(r"\b(?:also|additional|another|further|separate|second|third|else|more(?! than))\b", re.I)


def _restates(event: Casualty, rec: Casualty, text: str, own_dates: set[int]) -> bool:
    """True when ``rec`` reports the same killing as ``event``: the same place (or either
    unplaced), the same day (or a day that one of them only inherits: ``own_dates`` holds the
    ``id()`` of records whose sentence states the date), no different cause, and no word that adds victims
    (:data:`ADDITION_CUE`). A news release tells one operation in several sentences ("killing
    four insurgents ... confirmed Qari was killed"): one event."""
    if event.place is not None and rec.place is not None and event.place != rec.place:
        return False
    if event.date != rec.date and id(event) in own_dates and id(rec) in own_dates:
        return False
    if event.cause and rec.cause and event.cause not in rec.cause and rec.cause not in event.cause:
        return False  # "air strike" and "strike" are one cause; "shelling" and "drone attack" two
    return not ADDITION_CUE.search(text)


# a toll naming no place that is this many times the article's toll (and at least WIDER_TOLL_MIN more) counts a
# wider scope ("The World Health Organisation puts the current swine flu death toll at 6,750" after four deaths in
# Mecca): a country's or the world's toll, never the event's update
WIDER_TOLL_FACTOR = 50
WIDER_TOLL_MIN = 500


# a toll said to have grown ("rose to", "climbed to", "up from"): the same running toll, however much larger
_RISE_CUE = re.compile(r"\b(?:" + _RISE_VERBS + r"|up from|so far)\b", re.I)


def _wider_toll(event: Casualty, rec: Casualty) -> bool:
    """True when ``rec``, a toll whose sentence names no place, is at least :data:`WIDER_TOLL_FACTOR` times the
    killed total of ``event`` and :data:`WIDER_TOLL_MIN` more: the toll of a wider area or of the whole outbreak,
    not the event's (kept as a record of its own without a place), unless its sentence says it grew
    (:data:`_RISE_CUE`: "the death toll rose to 140" after 12 killed is the same toll)."""
    new, old = _killed_total(rec), _killed_total(event)
    return new >= WIDER_TOLL_FACTOR * max(old, 1) and new - old >= WIDER_TOLL_MIN


def _unplace(rec: Casualty) -> None:
    """Drop the place ``rec`` inherited from the sentences before it (its own sentence names none)."""
    rec.place = rec.country = rec.lat = rec.lon = None


def _killed_total(rec: Casualty) -> int:
    return rec.killed_max if rec.killed_max is not None and rec.killed_min is None else (rec.killed_min or 0)


def _fill_open_counts(event: Casualty, rec: Casualty) -> None:
    """Give ``event`` the injured and missing counts of ``rec`` that it does not state itself."""
    for cat in ("injured", "missing"):
        if getattr(event, f"{cat}_min") is None and getattr(rec, f"{cat}_min") is not None:
            for suffix in ("_min", "_max", "_qualifier"):
                if hasattr(rec, cat + suffix):
                    setattr(event, cat + suffix, getattr(rec, cat + suffix))


def _same_area(event: Casualty, rec: Casualty) -> bool:
    """True when ``rec`` can report on ``event``: the same country, or either without one."""
    return event.country is None or rec.country is None or event.country == rec.country


def _breaks_down(rec: Casualty, event: Casualty) -> bool:
    """True when ``rec``'s parts lie in two or more places and sum to no more than ``event``'s
    killed count (a breakdown of that total, not a new event)."""
    if event.parts or len({p.place for p in rec.parts if p.killed_min is not None}) < 2:
        return False
    total = sum(p.killed_min or 0 for p in rec.parts)
    return 0 < total <= (event.killed_min or 0)


def _update_part(event: Casualty, rec: Casualty, text: str, ctx: _Context) -> bool:
    """Apply an update of the toll at one place of a multi-place event ("... 45 in A and 12 in B. The toll
    in A rose to 58"): when the update's sentence ``text`` names the toll of one of the event's parts' places
    ("the toll in A", "A's toll"; the place's gazetteer name or a spelling of it in the article, "Kupiansk"
    for "Kupyansk"; a place the gazetteer lacks as written), that part takes ``rec``'s killed count and the
    event's total changes by the same amount (70, not 58). False, changing nothing, otherwise ("the toll
    rose to 24 after five more bodies were found in A" updates the event's own total)."""
    if rec.killed_min is None or not event.parts:
        return False
    for part in event.parts:
        if part.killed_min is None or not part.place or len(event.parts) < 2 and part.place == event.place:
            continue  # a lone part at the event's own place is no place of its own
        spellings = {part.place} | {p.mention for p in ctx.places if p.name == part.place and p.mention}
        name = "(?:" + "|".join(re.escape(n) for n in sorted(spellings)) + ")"
        if re.search(rf"\btoll\b(?: of the dead)? (?:in|at|for) (?:the )?{name}\b|\b{name}['’]s (?:death )?toll\b", text, re.I):
            break
    else:
        return False
    delta = rec.killed_min - part.killed_min
    part.killed_min, part.killed_max = rec.killed_min, rec.killed_max
    event.killed_min = (event.killed_min or 0) + delta
    if event.killed_max is not None:
        event.killed_max = event.killed_max + delta if rec.killed_max is not None else None
    return True


def _update(event: Casualty, rec: Casualty) -> None:
    """Replace ``event``'s counts by those ``rec`` states (the latest total), keeping the event's
    place unless it had none; ``start``/``end`` move to the updating sentence when it states the
    death toll (an update of the injured alone keeps the toll's sentence)."""
    for cat in ("killed", "injured", "missing", "perpetrator_killed"):
        if getattr(rec, f"{cat}_min") is not None or getattr(rec, f"{cat}_max") is not None:
            for suffix in ("_min", "_max", "_qualifier"):
                if hasattr(rec, cat + suffix):
                    setattr(event, cat + suffix, getattr(rec, cat + suffix))
    if event.place is None:
        event.place, event.country, event.lat, event.lon = rec.place, rec.country, rec.lat, rec.lon
    event.parts = rec.parts or event.parts
    if rec.killed_min is not None or event.killed_min is None:  # the sentence of the latest death toll
        event.start, event.end = rec.start, rec.end
    event.cause = event.cause or rec.cause
    event.actor = event.actor or rec.actor


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
    return sent.start_char == 0 and "\n" in doc_text(doc)[sent.start_char : sent.end_char + 2] and not t.endswith((".", "!", "?", '"', "”"))


def _quoted_ranges(sent: Span) -> list[tuple[int, int]]:
    """Character ranges (document offsets) of the quotations inside ``sent``, marks included,
    paired by the quotation stage's :func:`.quotemarks.quote_spans`."""
    base = sent.start_char
    return [(base + q.open_mark, base + q.outer_end) for q in quote_spans(sent.text)]


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
