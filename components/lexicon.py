"""The word lists of the extraction stages, one YAML file beside each owning module, validated on import.

Each file holds the closed classes one stage keys on, each list with a comment saying which family of
constructions it serves:

- ``components/extract/lexicon/quotes.yaml`` (:mod:`.extract.frames`, :mod:`.extract.quotes`): reporting
  cues by complement type, cue nouns, the nouns a source or statement can be.
- ``.../speakers.yaml`` (:mod:`.extract.speakers`): titles, honorifics, pronouns, organisation/group/document
  head nouns, seats of government -> country.
- ``.../transcripts.yaml`` (:mod:`.extract.transcripts`): turn labels of interviews.
- ``.../places.yaml`` (:mod:`.extract.places`): words that make a name a place, an area, or no place.
- ``.../casualties.yaml`` (:mod:`.extract.casualties`): trigger lemmas, counted people, causes, vague
  quantities.
- ``components/nlp_lexicon.yaml`` (:mod:`.nlp`): sentence openers and title abbreviations (case-sensitive).

This module imports neither spaCy nor the extraction stages (the dashboard reads ``DISASTER_CAUSES``
without loading a model). Every file is read once per process with
:func:`components.yamlio.load_lexicon` against the pydantic models below (lists non-empty, unique,
lower-case): a broken file raises :class:`components.errors.LexiconError` naming the file and the field
at import. ``counts.tsv`` (``python -m components train lexicon-counts``, :mod:`.lexicon_counts`)
gives, per entry, its gold cue heads and occurrences in the training split (PolNeAR train) and how many
documents of each dev set, the seed and the hard cases use it; an entry that no training article and at
most one other document uses (column ``candidate``) serves one sentence and is removed unless it is a
member of a general class (a month, a pronoun, an honorific, a spelling or inflection of a used entry,
a sibling of a used entry such as a further seat of government or animal).

The Python names (``CUE_VERBS``, ``TITLE_WORDS`` ...) are frozensets (tuples where order or ``endswith``
matters, dicts for mappings), as the modules have always used them.
"""

from __future__ import annotations

import re
from pathlib import Path

from .yamlio import CountMap, LabelledPhrases, LexiconFile, TokenList, WordList, WordMap, load_lexicon

LEXICON_DIR = Path(__file__).resolve().parent / "extract" / "lexicon"
NLP_LEXICON_PATH = Path(__file__).resolve().parent / "nlp_lexicon.yaml"


class TokenizerLexicon(LexiconFile):
    """``components/nlp_lexicon.yaml``: the case-sensitive word lists of tokenisation and sentence splitting
    (owner: :mod:`components.nlp`)."""

    sentence_openers: TokenList
    title_abbreviations: TokenList
    place_abbreviations: TokenList


class QuotesLexicon(LexiconFile):
    """``quotes.yaml``: Quotation attribution: reporting cues, their complements, the sources they take (owners:
    components/extract/frames.py, quotes.py)."""

    cue_verbs: WordList
    cue_intent_verbs: WordList
    disclosure_verbs: WordList
    disclosure_predicates: WordList
    questioning_verbs: WordList
    raising_predicates: WordList
    clause_cue_verbs: WordList
    cue_object_content_verbs: WordList
    cue_nouns: WordList
    cue_passive_verbs: WordList
    cue_object_prep_verbs: WordList
    cue_appeal_verbs: WordList
    cue_gerund_verbs: WordList
    perception_verbs: WordList
    operational_request_nouns: WordList
    armed_actor_nouns: WordList
    anonymity_verbs: WordList
    cue_audience_verbs: WordList
    audience_nouns: WordList
    cue_quote_only: WordList
    cue_describe_verbs: WordList
    naming_verbs: WordList
    statement_nouns: WordList
    byline_dashes: WordList
    source_noun_suffixes: WordList
    not_source_nouns: WordList
    source_media_nouns: WordList
    opening_in_sources: WordList
    partitive_heads: WordList
    closer_followers: WordList
    recap_verbs: WordList
    recap_objects: WordList
    work_title_words: WordList
    quoting_verbs: WordList


class SpeakersLexicon(LexiconFile):
    """``speakers.yaml``: Speakers: titles, pronouns and head nouns that decide a source's kind and canonical name
    (owner: components/extract/speakers.py; also frames.py, confidence.py)."""

    title_words: WordList
    name_suffixes: WordList
    post_nominals: TokenList
    court_roles: WordList
    honorifics: WordList
    honorific_phrases: WordList
    person_pronouns: WordList
    group_pronouns: WordList
    non_speaker_pronouns: WordList
    org_head_nouns: WordList
    group_head_nouns: WordList
    document_head_nouns: WordList
    org_country: WordMap
    org_expansions: WordMap
    pronoun_gender: WordMap
    role_hypernyms: WordMap
    definite_title_nouns: WordList
    relational_nouns: WordList
    organisation_heads: WordList
    media_nouns: WordList
    outlet_name_words: WordList
    self_naming_verbs: WordList
    document_issuing_verbs: WordList
    member_group_nouns: WordList
    surname_particles: WordList
    storm_words: WordList


class TranscriptsLexicon(LexiconFile):
    """``transcripts.yaml``: Interview transcripts: turn labels and the interviewer (owner:
    components/extract/transcripts.py; also speakers.py)."""

    non_speaker_labels: WordList
    interviewer_labels: WordList
    answer_labels: WordList
    journalist_nouns: WordList
    interview_cues: WordList


class PlacesLexicon(LexiconFile):
    """``places.yaml``: Toponyms: words around a name that make it a place, an area, or no place (owner:
    components/extract/places.py; also casualties.py)."""

    non_place_names: WordList
    admin_suffixes: WordList
    compass_words: WordList
    area_nouns: WordList
    portion_nouns: WordList
    city_nouns: WordList
    place_prepositions: WordList
    attack_nouns: WordList
    alert_nouns: WordList
    advance_verbs: WordList
    camp_nouns: WordList
    admin_prefix_words: WordList
    admin_office_nouns: WordList
    calendar_words: WordList
    name_modified_nouns: WordList
    jurisdiction_nouns: WordList
    jurisdiction_phrases: WordList
    city_office_nouns: WordList
    state_body_nouns: WordList
    county_words: WordList
    county_plurals: WordList
    area_plurals: WordList
    resident_nouns: WordList
    people_of_nouns: WordList
    person_titles: WordList
    kin_nouns: WordList
    name_particles: WordList
    street_plurals: WordList
    feature_heads_after: WordList
    definite_feature_heads: WordList
    feature_heads_before: WordList
    institution_heads: WordList
    not_state_before_noun: WordList


class CasualtiesLexicon(LexiconFile):
    """``casualties.yaml``: Casualty counts: trigger lemmas, counted people, causes (owner:
    components/extract/casualties.py; also components/ui/charts.py)."""

    vague_counts: CountMap
    determiner_counts: CountMap
    group_counts: CountMap
    identifying_verbs: WordList
    kill_lemmas: WordList
    injure_lemmas: WordList
    missing_lemmas: WordList
    recovery_lemmas: WordList
    injured_conditions: WordList
    hospital_verbs: WordList
    hospital_nouns: WordList
    injury_nouns: WordList
    injury_taking_verbs: WordList
    care_state_verbs: WordList
    living_verbs: WordList
    bodily_injury_verbs: WordList
    unconfirmed_death_verbs: WordList
    life_taking_verbs: WordList
    wounding_verbs: WordList
    transitive_kill_lemmas: WordList
    group_nouns: WordList
    person_nouns: WordList
    person_suffixes: WordList
    perpetrator_nouns: WordList
    casualty_causes: LabelledPhrases
    disaster_causes: WordList
    incident_nouns: WordList
    total_nouns: WordList
    body_verbs: WordList
    non_human_nouns: WordList
    machine_nouns: WordList
    hypothetical_heads: WordList
    rate_units: WordList
    rate_adverbs: WordList
    non_count_followers: WordList
    toll_update_verbs: WordList
    toll_nouns: WordList
    increment_words: WordList
    additive_adverbs: WordList
    separate_event_words: WordList
    contrast_clause_words: WordList
    generic_attack_nouns: WordList


_QUOTES = load_lexicon(LEXICON_DIR / "quotes.yaml", QuotesLexicon)
CUE_VERBS = frozenset(_QUOTES.cue_verbs)
CUE_INTENT_VERBS = frozenset(_QUOTES.cue_intent_verbs)
DISCLOSURE_VERBS = frozenset(_QUOTES.disclosure_verbs)
DISCLOSURE_PREDICATES = frozenset(_QUOTES.disclosure_predicates)
QUESTIONING_VERBS = frozenset(_QUOTES.questioning_verbs)
RAISING_PREDICATES = frozenset(_QUOTES.raising_predicates)
CLAUSE_CUE_VERBS = frozenset(_QUOTES.clause_cue_verbs)
CUE_OBJECT_CONTENT_VERBS = frozenset(_QUOTES.cue_object_content_verbs)
CUE_NOUNS = frozenset(_QUOTES.cue_nouns)
CUE_PASSIVE_VERBS = frozenset(_QUOTES.cue_passive_verbs)
CUE_OBJECT_PREP_VERBS = frozenset(_QUOTES.cue_object_prep_verbs)
CUE_APPEAL_VERBS = frozenset(_QUOTES.cue_appeal_verbs)
CUE_GERUND_VERBS = frozenset(_QUOTES.cue_gerund_verbs)
PERCEPTION_VERBS = frozenset(_QUOTES.perception_verbs)
OPERATIONAL_REQUEST_NOUNS = frozenset(_QUOTES.operational_request_nouns)
ARMED_ACTOR_NOUNS = frozenset(_QUOTES.armed_actor_nouns)
ANONYMITY_VERBS = frozenset(_QUOTES.anonymity_verbs)
CUE_AUDIENCE_VERBS = frozenset(_QUOTES.cue_audience_verbs)
AUDIENCE_NOUNS = frozenset(_QUOTES.audience_nouns)
CUE_QUOTE_ONLY = frozenset(_QUOTES.cue_quote_only)
CUE_DESCRIBE_VERBS = frozenset(_QUOTES.cue_describe_verbs)
NAMING_VERBS = frozenset(_QUOTES.naming_verbs)
STATEMENT_NOUNS = frozenset(_QUOTES.statement_nouns)
# a regular-expression character class body (each dash escaped)
BYLINE_DASHES = "".join(re.escape(c) for c in _QUOTES.byline_dashes)
SOURCE_NOUN_SUFFIXES = tuple(_QUOTES.source_noun_suffixes)
NOT_SOURCE_NOUNS = frozenset(_QUOTES.not_source_nouns)
SOURCE_MEDIA_NOUNS = frozenset(_QUOTES.source_media_nouns)
OPENING_IN_SOURCES = frozenset(_QUOTES.opening_in_sources)
PARTITIVE_HEADS = frozenset(_QUOTES.partitive_heads)
CLOSER_FOLLOWERS = frozenset(_QUOTES.closer_followers)
RECAP_VERBS = frozenset(_QUOTES.recap_verbs)
RECAP_OBJECTS = frozenset(_QUOTES.recap_objects)
WORK_TITLE_WORDS = frozenset(_QUOTES.work_title_words)
QUOTING_VERBS = frozenset(_QUOTES.quoting_verbs)

_SPEAKERS = load_lexicon(LEXICON_DIR / "speakers.yaml", SpeakersLexicon)
TITLE_WORDS = frozenset(_SPEAKERS.title_words)
NAME_SUFFIXES = frozenset(_SPEAKERS.name_suffixes)
POST_NOMINALS = frozenset(_SPEAKERS.post_nominals)
COURT_ROLES = frozenset(_SPEAKERS.court_roles)
HONORIFICS = frozenset(_SPEAKERS.honorifics)
HONORIFIC_PHRASES = frozenset(_SPEAKERS.honorific_phrases)
PERSON_PRONOUNS = frozenset(_SPEAKERS.person_pronouns)
GROUP_PRONOUNS = frozenset(_SPEAKERS.group_pronouns)
NON_SPEAKER_PRONOUNS = frozenset(_SPEAKERS.non_speaker_pronouns)
ORG_HEAD_NOUNS = frozenset(_SPEAKERS.org_head_nouns)
GROUP_HEAD_NOUNS = frozenset(_SPEAKERS.group_head_nouns)
DOCUMENT_HEAD_NOUNS = frozenset(_SPEAKERS.document_head_nouns)
ORG_COUNTRY = dict(_SPEAKERS.org_country)
ORG_EXPANSIONS = dict(_SPEAKERS.org_expansions)
PRONOUN_GENDER = dict(_SPEAKERS.pronoun_gender)
ROLE_HYPERNYMS = dict(_SPEAKERS.role_hypernyms)
DEFINITE_TITLE_NOUNS = frozenset(_SPEAKERS.definite_title_nouns)
RELATIONAL_NOUNS = frozenset(_SPEAKERS.relational_nouns)
ORGANISATION_HEADS = frozenset(_SPEAKERS.organisation_heads)
MEDIA_NOUNS = frozenset(_SPEAKERS.media_nouns)
OUTLET_NAME_WORDS = frozenset(_SPEAKERS.outlet_name_words)
SELF_NAMING_VERBS = frozenset(_SPEAKERS.self_naming_verbs)
DOCUMENT_ISSUING_VERBS = frozenset(_SPEAKERS.document_issuing_verbs)
MEMBER_GROUP_NOUNS = frozenset(_SPEAKERS.member_group_nouns)
SURNAME_PARTICLES = frozenset(_SPEAKERS.surname_particles)
STORM_WORDS = frozenset(_SPEAKERS.storm_words)

_TRANSCRIPTS = load_lexicon(LEXICON_DIR / "transcripts.yaml", TranscriptsLexicon)
NON_SPEAKER_LABELS = frozenset(_TRANSCRIPTS.non_speaker_labels)
INTERVIEWER_LABELS = frozenset(_TRANSCRIPTS.interviewer_labels)
ANSWER_LABELS = frozenset(_TRANSCRIPTS.answer_labels)
JOURNALIST_NOUNS = frozenset(_TRANSCRIPTS.journalist_nouns)
INTERVIEW_CUES = frozenset(_TRANSCRIPTS.interview_cues)

_PLACES = load_lexicon(LEXICON_DIR / "places.yaml", PlacesLexicon)
NON_PLACE_NAMES = frozenset(_PLACES.non_place_names)
ADMIN_SUFFIXES = frozenset(_PLACES.admin_suffixes)
COMPASS_WORDS = frozenset(_PLACES.compass_words)
AREA_NOUNS = frozenset(_PLACES.area_nouns)
PORTION_NOUNS = frozenset(_PLACES.portion_nouns)
CITY_NOUNS = frozenset(_PLACES.city_nouns)
PLACE_PREPOSITIONS = frozenset(_PLACES.place_prepositions)
ATTACK_NOUNS = frozenset(_PLACES.attack_nouns)
ALERT_NOUNS = frozenset(_PLACES.alert_nouns)
ADVANCE_VERBS = frozenset(_PLACES.advance_verbs)
CAMP_NOUNS = frozenset(_PLACES.camp_nouns)
JURISDICTION_NOUNS = frozenset(_PLACES.jurisdiction_nouns)
JURISDICTION_PHRASES = frozenset(_PLACES.jurisdiction_phrases)
STATE_BODY_NOUNS = frozenset(_PLACES.state_body_nouns)
CITY_OFFICE_NOUNS = frozenset(_PLACES.city_office_nouns)
COUNTY_WORDS = frozenset(_PLACES.county_words)
COUNTY_PLURALS = frozenset(_PLACES.county_plurals)
AREA_PLURALS = frozenset(_PLACES.area_plurals)
RESIDENT_NOUNS = frozenset(_PLACES.resident_nouns)
PEOPLE_OF_NOUNS = frozenset(_PLACES.people_of_nouns)
PERSON_TITLES = frozenset(_PLACES.person_titles)
KIN_NOUNS = frozenset(_PLACES.kin_nouns)
NAME_PARTICLES = frozenset(_PLACES.name_particles)
STREET_PLURALS = frozenset(_PLACES.street_plurals)
FEATURE_HEADS_AFTER = frozenset(_PLACES.feature_heads_after)
DEFINITE_FEATURE_HEADS = frozenset(_PLACES.definite_feature_heads)
FEATURE_HEADS_BEFORE = frozenset(_PLACES.feature_heads_before)
INSTITUTION_HEADS = frozenset(_PLACES.institution_heads)
NOT_STATE_BEFORE_NOUN = frozenset(_PLACES.not_state_before_noun)
ADMIN_PREFIX_WORDS = frozenset(_PLACES.admin_prefix_words)
ADMIN_OFFICE_NOUNS = frozenset(_PLACES.admin_office_nouns)
CALENDAR_WORDS = frozenset(_PLACES.calendar_words)
NAME_MODIFIED_NOUNS = frozenset(_PLACES.name_modified_nouns)

_CASUALTIES = load_lexicon(LEXICON_DIR / "casualties.yaml", CasualtiesLexicon)
VAGUE_COUNTS = dict(_CASUALTIES.vague_counts)
DETERMINER_COUNTS = dict(_CASUALTIES.determiner_counts)
GROUP_COUNTS = dict(_CASUALTIES.group_counts)
IDENTIFYING_VERBS = frozenset(_CASUALTIES.identifying_verbs)
KILL_LEMMAS = frozenset(_CASUALTIES.kill_lemmas)
INJURE_LEMMAS = frozenset(_CASUALTIES.injure_lemmas)
MISSING_LEMMAS = frozenset(_CASUALTIES.missing_lemmas)
RECOVERY_LEMMAS = frozenset(_CASUALTIES.recovery_lemmas)
INJURED_CONDITIONS = frozenset(_CASUALTIES.injured_conditions)
HOSPITAL_VERBS = frozenset(_CASUALTIES.hospital_verbs)
HOSPITAL_NOUNS = frozenset(_CASUALTIES.hospital_nouns)
INJURY_NOUNS = frozenset(_CASUALTIES.injury_nouns)
INJURY_TAKING_VERBS = frozenset(_CASUALTIES.injury_taking_verbs)
CARE_STATE_VERBS = frozenset(_CASUALTIES.care_state_verbs)
LIVING_VERBS = frozenset(_CASUALTIES.living_verbs)
BODILY_INJURY_VERBS = frozenset(_CASUALTIES.bodily_injury_verbs)
UNCONFIRMED_DEATH_VERBS = frozenset(_CASUALTIES.unconfirmed_death_verbs)
LIFE_TAKING_VERBS = frozenset(_CASUALTIES.life_taking_verbs)
WOUNDING_VERBS = frozenset(_CASUALTIES.wounding_verbs)
TRANSITIVE_KILL_LEMMAS = frozenset(_CASUALTIES.transitive_kill_lemmas)
GROUP_NOUNS = frozenset(_CASUALTIES.group_nouns)
PERSON_NOUNS = frozenset(_CASUALTIES.person_nouns)
PERSON_SUFFIXES = tuple(_CASUALTIES.person_suffixes)
PERPETRATOR_NOUNS = frozenset(_CASUALTIES.perpetrator_nouns)
CASUALTY_CAUSES = tuple(x if isinstance(x, str) else tuple(x) for x in _CASUALTIES.casualty_causes)
DISASTER_CAUSES = frozenset(_CASUALTIES.disaster_causes)
INCIDENT_NOUNS = frozenset(_CASUALTIES.incident_nouns)
TOTAL_NOUNS = frozenset(_CASUALTIES.total_nouns)
BODY_VERBS = frozenset(_CASUALTIES.body_verbs)
NON_HUMAN_NOUNS = frozenset(_CASUALTIES.non_human_nouns)
MACHINE_NOUNS = frozenset(_CASUALTIES.machine_nouns)
HYPOTHETICAL_HEADS = frozenset(_CASUALTIES.hypothetical_heads)
RATE_UNITS = frozenset(_CASUALTIES.rate_units)
RATE_ADVERBS = frozenset(_CASUALTIES.rate_adverbs)
NON_COUNT_FOLLOWERS = frozenset(_CASUALTIES.non_count_followers)
TOLL_UPDATE_VERBS = frozenset(_CASUALTIES.toll_update_verbs)
TOLL_NOUNS = frozenset(_CASUALTIES.toll_nouns)
INCREMENT_WORDS = frozenset(_CASUALTIES.increment_words)
ADDITIVE_ADVERBS = frozenset(_CASUALTIES.additive_adverbs)
SEPARATE_EVENT_WORDS = frozenset(_CASUALTIES.separate_event_words)
CONTRAST_CLAUSE_WORDS = frozenset(_CASUALTIES.contrast_clause_words)
GENERIC_ATTACK_NOUNS = frozenset(_CASUALTIES.generic_attack_nouns)

_TOKENIZER = load_lexicon(NLP_LEXICON_PATH, TokenizerLexicon)
SENTENCE_OPENERS: frozenset[str] = frozenset(_TOKENIZER.sentence_openers)
TITLE_ABBREVIATIONS: tuple[str, ...] = tuple(_TOKENIZER.title_abbreviations)
PLACE_ABBREVIATIONS: tuple[str, ...] = tuple(_TOKENIZER.place_abbreviations)

__all__ = [n for n in dir() if n.isupper() and not n.startswith("_")]
