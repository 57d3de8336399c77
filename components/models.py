"""Typed records that every pipeline stage produces and the store keeps.

All character offsets are 0-based, end-exclusive indices into ``Article.text``
(the stored text as supplied, line ends and odd spaces normalised), so any record can be
highlighted in its article.
Dates are ISO 8601 strings (``YYYY-MM-DD``, UTC calendar days). Coordinates are
decimal degrees, WGS84.

The JSON field names of :class:`Extraction` (``article``, ``quotes``,
``speakers``, ``places``, ``casualties``, ``stances``) and of each record are a
public contract: ``python -m components extract --json`` prints them and other
tools score that output.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

QuoteKind = Literal["direct", "mixed", "indirect", "transcript"]
SpeakerType = Literal["person", "organisation", "group", "document", "unknown"]
# People alive (UN World Population Prospects 2024: 8.2 billion in 2025, rounded up): no count of
# people in a record can exceed it (see components.worker.implausible_casualties).
WORLD_POPULATION = 8_300_000_000

PlaceKind = Literal["country", "admin", "city", "continent", "water", "feature"]
Polarity = Literal["support", "oppose", "neutral"]


class Record(BaseModel):
    """Base for all records: forbids unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Article(Record):
    """One news article as stored.

    Attributes:
        id (str): stable id; given by the source (JSONL ``id``, sidecar ``id``)
            or the first 16 hex digits of the SHA-256 of ``text``.
        title (str | None): headline.
        published (str | None): ISO date ``YYYY-MM-DD`` (UTC) or None.
        outlet (str | None): publisher name.
        url (str | None): canonical URL if known.
        source_path (str | None): file the article was read from.
        collection (str): name of the collection it belongs to (default ``"user"``).
        text (str): article text as supplied (line ends and NBSP-like spaces normalised, one
            character for one); every offset points into it. The parser reads its repaired copy
            (:func:`components.ingest.repair_text`).
    """

    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    source_path: Optional[str] = None
    collection: str = "user"
    text: str


class Quote(Record):
    """A quotation and its attribution.

    Attributes:
        id (str): ``"{article_id}:q{n}"``, n counting from 1 in text order.
        text (str): the content. For multi-paragraph quotes the paragraph-initial
            marks are removed and paragraphs joined by one space.
        start, end (int): raw content span in the article text.
        kind: ``direct`` (all content inside marks), ``mixed`` (quoted fragment
            inside a paraphrase), ``indirect`` (reported speech, no marks),
            ``transcript`` (an interview turn).
        cue (str | None): reporting verb or phrase as written ("said", "according to").
        cue_start, cue_end (int | None): offsets of the cue.
        speaker (str | None): canonical speaker name (fullest form, no titles).
        speaker_type: person | organisation | group | document | unknown.
        mention (str | None): how the text names the speaker here ("he", "Kallas").
        mention_start, mention_end (int | None): offsets of the mention.
        audience (str | None): addressee ("told ABC News" -> "ABC News").
        topics (list[str]): topic ids from the topic taxonomy.
        confidence (float | None): in [0, 1], how sure the rules are of the attribution (sieve pass,
            cue reliability, pronoun-resolved speaker; :func:`components.extract.confidence.quote_confidence`);
            None for records made elsewhere.
    """

    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    speaker: Optional[str] = None
    speaker_type: SpeakerType = "unknown"
    mention: Optional[str] = None
    mention_start: Optional[int] = None
    mention_end: Optional[int] = None
    audience: Optional[str] = None
    topics: list[str] = Field(default_factory=list)
    confidence: Optional[float] = Field(default=None, ge=0.0, le=1.0)


class Speaker(Record):
    """A canonical speaker of one article (merged across articles by ``name`` in the store).

    Attributes:
        name (str): fullest form the article gives, without titles.
        aliases (list[str]): other forms seen (surname, garbled or lower-case forms).
        type: person | organisation | group | document | unknown.
        role (str | None): title or function ("Foreign Minister").
        org (str | None): organisation ("European Union", "Brookings Institution").
        country (str | None): ISO 3166-1 alpha-2 from the text, or None.
    """

    name: str
    aliases: list[str] = Field(default_factory=list)
    type: SpeakerType = "person"
    role: Optional[str] = None
    org: Optional[str] = None
    country: Optional[str] = None


class Place(Record):
    """One toponym mention resolved to a gazetteer record.

    Attributes:
        name (str): gazetteer name ("Kyiv", "United States").
        mention (str | None): the text as written ("U.S.").
        start, end (int): mention offsets.
        kind: country | admin | city | continent | water (a sea, gulf, ocean or lake) | feature (a
            river, valley or fort the gazetteer lacks, ``name`` as written, located at the nearest
            place the article resolves: approximate, no ``geonameid``).
        country (str | None): ISO 3166-1 alpha-2.
        admin1 (str | None): first-level subdivision name.
        lat, lon (float | None): decimal degrees, WGS84.
        geonameid (int | None): GeoNames id.
    """

    name: str
    mention: Optional[str] = None
    start: int
    end: int
    kind: PlaceKind
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


class CasualtyPart(Record):
    """One part of a casualty event's breakdown by place or by group ("27 in Malatya and 14 in
    Adiyaman", "11 soldiers and 4 civilians"). Its counts are inside the event's totals and are
    never added to them again.

    Attributes:
        place, country, lat, lon: where this part happened (the event's place when the text names
            none for it).
        group (str | None): the victims' noun lemma when the breakdown is by group ("soldier").
        killed_min/max, injured_min/max, missing_min/max (int | None): as in :class:`Casualty`.
        start, end (int): offsets of the sentence this part's number came from.
    """

    place: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    group: Optional[str] = None
    killed_min: Optional[int] = None
    killed_max: Optional[int] = None
    injured_min: Optional[int] = None
    injured_max: Optional[int] = None
    missing_min: Optional[int] = None
    missing_max: Optional[int] = None
    start: int
    end: int


class Casualty(Record):
    """A casualty event: people killed, injured or missing in one incident, one record per event.

    Counts are ints; ``*_min``/``*_max`` bound the number (equal when exact,
    ``max`` None when open-ended such as "at least three"; both None when not
    stated). Vague words keep a lower bound: "several" -> 2, "dozens" -> 24.
    ``*_qualifier`` is one of ``exact``, ``at_least``, ``at_most``, ``range``,
    ``vague`` or None.

    Attributes:
        place (str | None), country (str | None), lat/lon (float | None): where,
            resolved as for :class:`Place`.
        date (str | None): ISO date, relative days resolved against the published date.
        cause (str | None): "drone attack", "shelling", ...
        actor (str | None): who is said to be responsible.
        perpetrator_killed_min/max: attackers killed, kept apart from victims.
        start, end (int): offsets of the sentence that gives the event's latest total.
        parts (list[CasualtyPart]): the event's breakdown by place or group, when the text gives
            one; the event's counts already include them.
        confidence (float | None): in [0, 1], how sure the rules are of the figures and place (exact
            or vague count, place geocoded, date known;
            :func:`components.extract.confidence.casualty_confidence`); None for records made elsewhere.
    """

    place: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    date: Optional[str] = None
    killed_min: Optional[int] = None
    killed_max: Optional[int] = None
    killed_qualifier: Optional[str] = None
    injured_min: Optional[int] = None
    injured_max: Optional[int] = None
    injured_qualifier: Optional[str] = None
    missing_min: Optional[int] = None
    missing_max: Optional[int] = None
    perpetrator_killed_min: Optional[int] = None
    perpetrator_killed_max: Optional[int] = None
    cause: Optional[str] = None
    actor: Optional[str] = None
    start: int
    end: int
    parts: list[CasualtyPart] = Field(default_factory=list)
    confidence: Optional[float] = Field(default=None, ge=0.0, le=1.0)


# the stance score from which a polarity is support (>= it) or oppose (<= minus it); neutral between
# (components.extract.stance decides it; the Stance chart marks a neutral verdict whose mean leans this far)
SUPPORT_THRESHOLD = 0.25


class Stance(Record):
    """A speaker's stance on a topic, with its evidence.

    Attributes:
        speaker (str): canonical speaker name.
        topic (str): topic id of the taxonomy.
        polarity: support | oppose | neutral; follows from ``score`` (support at >= 0.25, oppose at
            <= -0.25, neutral between).
        score (float): in [-1, 1]; negative opposes, positive supports; 0.0 when the evidence is
            mixed with no majority of the quotes on one side (see :func:`components.extract.stance.speaker_stances`).
        evidence (list[str]): quote ids that justify it (never empty).
        cues (list[str]): the words that decided the polarity.
        confidence (float | None): in [0, 1], how sure the rules are of the polarity (see
            :func:`components.extract.stance.stance_confidence`); None for records made elsewhere.
    """

    speaker: str
    topic: str
    polarity: Polarity
    score: float = Field(ge=-1.0, le=1.0)
    evidence: list[str]
    cues: list[str] = Field(default_factory=list)
    confidence: Optional[float] = Field(default=None, ge=0.0, le=1.0)


class Extraction(Record):
    """Everything extracted from one article (the ``extract --json`` line)."""

    article: Article
    quotes: list[Quote] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
