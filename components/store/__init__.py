"""The DuckDB store: the one owner of the database and of all SQL.

Tables (all offsets are character offsets into ``articles.text``):

- ``articles``: one row per article (``id`` primary key, ``collection``, ``article_no``: an INTEGER number
  given when it is written, which ``places``, ``stances``, ``quote_facts``, ``casualty_facts`` and
  ``article_index`` carry too, so the dashboard's filters join on it; see :mod:`components.store.numbers`).
- ``quotes``: quotations with attribution and ``topics`` (VARCHAR[]).
- ``article_speakers``: the canonical speakers of each article (role, org, country, aliases).
- ``speakers`` (view): speakers merged across articles by canonical name.
- ``places``: one row per toponym mention, geocoded.
- ``casualties``: casualty events (``part_of`` NULL) and their parts, a breakdown by place or
  group (``part_of`` = the event's ``idx``, ``victims`` = the group): totals sum events only.
- ``stances``: (article, speaker, topic) stance with evidence quote ids.
- ``article_versions``: the schema and extractor version that wrote each article (see :mod:`.versions`).
- ``speaker_identities``: derived, every stored speaker name -> its canonical person across articles,
  with the rule that joined it; re-resolved in every write transaction for the names the write touched (see :mod:`components.store.identities`).
- ``corrections``: reviewers' corrections, kept apart and re-applied on every (re-)extraction of their
  article, keyed by article id and offsets (see :mod:`components.store.corrections`).
- ``casualty_events``: derived, every casualty record (article_id, idx) -> its event across articles
  (same place within 25 km, date within a day, same cause; :mod:`components.store.events`).
- ``quote_facts``: derived, one row per quote with its article's and speaker's filter fields and stance,
  maintained in the same write transaction (see :mod:`components.store.facts`).
- ``quote_counts``, ``place_counts`` (and ``*_totals``, the same without the month), ``named_speakers``:
  derived, quotes and place mentions counted per collection, outlet, month, speaker/place, country and (quotes) topic set, and named speaker cards per name, maintained as per-article deltas in the same write transaction; the
  dashboard's counts read them when the filters name only those keys (see :mod:`components.store.aggregates`);
  ``stance_counts``, ``stance_cue_counts`` (and ``*_totals``): stances, their evidence, polarities, score
  and confidence sums and deciding words per collection, outlet, month, speaker and topic, for the Stance page;
  ``place_samples``: per key of ``place_totals`` its first 40 mentions with the quotes around them, for the map's hover.
- ``stance_facts``: derived, each stance without its evidence list, with the list's length, its article's
  date, collection and outlet and its speaker card's country, for the Stance page's filters (kept with
  ``quote_facts``; see :mod:`components.store.stance_facts`).
- ``casualty_facts``, ``casualty_chart``: derived, each casualty record with its article's fields, its event,
  its report's rank in the event and what it places at its place, and the chart without filters; kept by
  :func:`components.store.events.refresh` for the events a write regroups (see :mod:`components.store.casualty_facts`).

Writes go through :meth:`Store.add_extractions`: one transaction per batch,
idempotent (an article already stored is skipped unless ``replace=True``).
Reads use a cursor per call, so one :class:`Store` can be shared between
Streamlit's threads; values are always bound as parameters.

The file path defaults to ``data/atlas.duckdb`` under the project root and can
be overridden with the ``NEWS_ATLAS_DB`` environment variable.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import duckdb

from ..errors import StoreError
from ..models import Extraction
from . import (aggregates, bulk, casualty_facts, corrections, events, facts, identities, numbers,
               stance_facts, versions)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DB_ENV = "NEWS_ATLAS_DB"
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "atlas.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    published DATE,
    outlet VARCHAR,
    url VARCHAR,
    source_path VARCHAR,
    collection VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp,
    article_no INTEGER
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    cue VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    speaker VARCHAR,
    speaker_type VARCHAR,
    mention VARCHAR,
    mention_start INTEGER,
    mention_end INTEGER,
    audience VARCHAR,
    topics VARCHAR[],
    confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS article_speakers (
    article_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    aliases VARCHAR[],
    type VARCHAR,
    role VARCHAR,
    org VARCHAR,
    country VARCHAR,
    PRIMARY KEY (article_id, name)
);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    mention VARCHAR,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonameid BIGINT,
    article_no INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS casualties (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    place VARCHAR,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    date DATE,
    killed_min BIGINT,
    killed_max BIGINT,
    killed_qualifier VARCHAR,
    injured_min BIGINT,
    injured_max BIGINT,
    injured_qualifier VARCHAR,
    missing_min BIGINT,
    missing_max BIGINT,
    perpetrator_killed_min BIGINT,
    perpetrator_killed_max BIGINT,
    cause VARCHAR,
    actor VARCHAR,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    part_of INTEGER,
    victims VARCHAR,
    confidence DOUBLE,
    PRIMARY KEY (article_id, idx)
);
ALTER TABLE casualties ADD COLUMN IF NOT EXISTS part_of INTEGER;
ALTER TABLE casualties ADD COLUMN IF NOT EXISTS victims VARCHAR;
-- stores made before quotes and casualties had a confidence get the column (NULL for their rows)
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS confidence DOUBLE;
ALTER TABLE casualties ADD COLUMN IF NOT EXISTS confidence DOUBLE;
CREATE TABLE IF NOT EXISTS stances (
    article_id VARCHAR NOT NULL,
    speaker VARCHAR NOT NULL,
    topic VARCHAR NOT NULL,
    polarity VARCHAR NOT NULL,
    score DOUBLE NOT NULL,
    evidence VARCHAR[],
    cues VARCHAR[],
    confidence DOUBLE,
    article_no INTEGER,
    PRIMARY KEY (article_id, speaker, topic)
);
CREATE OR REPLACE VIEW speakers AS
SELECT name,
       list_sort(list_distinct(flatten(list(coalesce(aliases, []::VARCHAR[]))))) AS aliases,
       mode(type) AS type,
       mode(role) AS role,
       mode(org) AS org,
       mode(country) AS country,
       count(DISTINCT article_id) AS n_articles
FROM article_speakers
GROUP BY name;
"""

# Table name -> (columns in insert order). Identifiers are fixed here, never taken from input.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "title", "published", "outlet", "url", "source_path", "collection", "text", "article_no"),
    "quotes": (
        "id", "article_id", "text", "start", "end", "kind", "cue", "cue_start", "cue_end", "speaker",
        "speaker_type", "mention", "mention_start", "mention_end", "audience", "topics", "confidence",
    ),
    "article_speakers": ("article_id", "name", "aliases", "type", "role", "org", "country"),
    "places": (
        "article_id", "idx", "name", "mention", "start", "end", "kind", "country", "admin1", "lat", "lon",
        "geonameid", "article_no",
    ),
    "casualties": (
        "article_id", "idx", "place", "country", "lat", "lon", "date", "killed_min", "killed_max",
        "killed_qualifier", "injured_min", "injured_max", "injured_qualifier", "missing_min", "missing_max",
        "perpetrator_killed_min", "perpetrator_killed_max", "cause", "actor", "start", "end", "part_of", "victims",
        "confidence",
    ),
    "stances": ("article_id", "speaker", "topic", "polarity", "score", "evidence", "cues", "confidence", "article_no"),
}
CHILD_TABLES = ("quotes", "article_speakers", "places", "casualties", "stances")


def default_db_path() -> Path:
    """Return the store path: ``$NEWS_ATLAS_DB`` if set, else ``data/atlas.duckdb``."""
    env = os.environ.get(DB_ENV)
    return Path(env) if env else DEFAULT_DB_PATH


def checked_db_path(named: str | None = None) -> str:
    """The store path to open: ``named`` (``--db``), else ``$NEWS_ATLAS_DB``, else ``data/atlas.duckdb``.

    The folder of a path the user named must exist, so a mistyped path does not silently make a new tree of
    folders and an empty store there (the command line and the dashboard alike); the default's folder
    (``data/``) is created by whoever writes it.

    Raises:
        StoreError: the named path's folder does not exist.
    """
    named = named or os.environ.get(DB_ENV)
    if named and named != ":memory:" and not Path(named).parent.is_dir():
        raise StoreError(f"cannot open the store at {named}: the folder {Path(named).parent} does not exist "
                         "(create it first, or name another store)")
    return named or str(DEFAULT_DB_PATH)


@dataclass
class WriteResult:
    """Outcome of one :meth:`Store.add_extractions` call.

    Attributes:
        added (list[str]): article ids written.
        skipped (list[tuple[str, str]]): ``(article_id, reason)`` not written.
        counts (dict[str, int]): rows written per table.
    """

    added: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _rows(ex: Extraction, no: int) -> dict[str, list[tuple]]:
    """The rows of ``ex`` per table (tuples in the order of :data:`_COLUMNS`); ``no``: its article number
    (:mod:`components.store.numbers`)."""
    a = ex.article
    rows: dict[str, list[tuple]] = {t: [] for t in _COLUMNS}
    rows["articles"].append((a.id, a.title, a.published, a.outlet, a.url, a.source_path, a.collection, a.text, no))
    for q in ex.quotes:
        d = q.model_dump()
        d["article_id"] = a.id
        rows["quotes"].append(tuple(d[c] for c in _COLUMNS["quotes"]))
    for s in ex.speakers:
        rows["article_speakers"].append((a.id, s.name, s.aliases, s.type, s.role, s.org, s.country))
    for i, p in enumerate(ex.places):
        d = p.model_dump()
        d.update(article_id=a.id, idx=i, article_no=no)
        rows["places"].append(tuple(d[c] for c in _COLUMNS["places"]))
    rows["casualties"] = _casualty_rows(ex)
    for s in ex.stances:
        rows["stances"].append((a.id, s.speaker, s.topic, s.polarity, s.score, s.evidence, s.cues, s.confidence, no))
    return rows


# Casualty counts are BIGINT: a count up to the world population (8.3 billion) does not fit INTEGER.
COUNT_COLUMNS = ("killed_min", "killed_max", "injured_min", "injured_max", "missing_min", "missing_max",
                 "perpetrator_killed_min", "perpetrator_killed_max")


def _widen_counts(con: duckdb.DuckDBPyConnection) -> None:
    """Turn the INTEGER casualty counts of a store made before they were BIGINT into BIGINT (one transaction)."""
    narrow = [c for (c,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'casualties' "
        "AND data_type = 'INTEGER' AND list_contains(?, column_name)", [list(COUNT_COLUMNS)]).fetchall()]
    if narrow:
        con.execute("BEGIN TRANSACTION")
        for c in narrow:
            con.execute(f"ALTER TABLE casualties ALTER COLUMN {_q(c)} SET DATA TYPE BIGINT")
        con.execute("COMMIT")


def _casualty_rows(ex: Extraction) -> list[tuple]:
    """Rows of the ``casualties`` table: each event (``part_of`` None), then its parts, each with
    ``part_of`` = the event's ``idx`` and ``victims`` = the part's group."""
    out: list[tuple] = []
    nxt = len(ex.casualties)  # parts are numbered after the events
    for i, c in enumerate(ex.casualties):
        d = c.model_dump(exclude={"parts"})
        d.update(article_id=ex.article.id, idx=i, part_of=None, victims=None)
        out.append(tuple(d.get(k) for k in _COLUMNS["casualties"]))
        for part in c.parts:
            d = part.model_dump()
            d.update(article_id=ex.article.id, idx=nxt, part_of=i, victims=d.pop("group"), date=c.date, cause=c.cause,
                     actor=c.actor, confidence=c.confidence)
            out.append(tuple(d.get(k) for k in _COLUMNS["casualties"]))
            nxt += 1
    return out


class Store:
    """Owner of one DuckDB database file (or ``":memory:"``).

    Args:
        path (str | Path | None): database file; default :func:`default_db_path`.
            Parent folders are created.
        read_only (bool): open read-only (several processes may read at once).

    Raises:
        StoreError: the file cannot be opened (locked by another writer,
            not a DuckDB file, permissions).
    """

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        self.path = str(path) if path is not None else str(default_db_path())
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self._con.execute(SCHEMA)
                _widen_counts(self._con)
                numbers.ensure(self._con.cursor())  # article numbers of a store written before them (numbers.py)
                # a store made before stances had a confidence gets the column (NULL for its rows)
                self._con.execute("ALTER TABLE stances ADD COLUMN IF NOT EXISTS confidence DOUBLE")
                aggregates.create(self._con.cursor())
                facts.ensure_facts(self._con.cursor())  # derived table for the dashboard (see facts.py)
                aggregates.ensure(self._con.cursor())  # its counts per filter key (see aggregates.py)
                stance_facts.ensure(self._con.cursor())  # the narrow stance rows (see stance_facts.py)
                versions.create(self._con.cursor())  # schema and extractor of each article (see versions.py)
                self._ensure_identities()
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        self._write_lock = threading.Lock()

    def _ensure_identities(self) -> None:
        """Create ``speaker_identities`` and ``casualty_events`` and fill them for a store written before
        they existed."""
        cur = self.cursor()
        cur.execute(identities.SCHEMA)
        cur.execute(events.SCHEMA)
        corrections.ensure(cur)
        for table, source, module in (("speaker_identities", "quotes", identities), ("casualty_events", "casualties", events)):
            empty = cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
            if empty and cur.execute(f"SELECT count(*) FROM {source}").fetchone()[0]:
                cur.execute("BEGIN TRANSACTION")
                module.refresh(cur)
                cur.execute("COMMIT")
        casualty_facts.ensure(cur)  # derived from casualties and casualty_events (casualty_facts.py)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the shared connection (one per thread or query)."""
        return self._con.cursor()

    def execute(self, sql: str, params: Sequence | dict | None = None):
        """Run one parameterised statement on a fresh cursor and return the cursor."""
        return self.cursor().execute(sql, params or [])

    def df(self, sql: str, params: Sequence | dict | None = None):
        """Run a parameterised query and return a pandas DataFrame."""
        return self.execute(sql, params).df()

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def filter_scope(self, filters, index: bool = False) -> str | None:
        """The name of a table holding the article numbers that pass the quote-level filters of ``filters``
        (:func:`components.store.filters.quote_scope_select`), computed once and shared by a page's statements,
        or None: a store open for writing keeps none (its rows change; the filters are evaluated in each
        statement). :class:`components.store.swap.SnapshotReader`, which reads a file that never changes under
        it, keeps them."""
        return None

    def state_table(self, key: tuple, sql: str, params: list) -> str | None:
        """The name of a table holding the rows of ``sql`` for the filter state named by ``key``, made once and
        shared by a page's statements and the next pages under the same state, or None: a store open for writing
        keeps none (the caller then puts ``sql`` into its statement).
        :meth:`components.store.swap.SnapshotReader.state_table` keeps them."""
        return None

    def article_ids(self) -> set[str]:
        """Ids of all stored articles."""
        return {r[0] for r in self.execute("SELECT id FROM articles").fetchall()}

    def article_collections(self) -> dict[str, str]:
        """``{article id: collection}`` of all stored articles."""
        return dict(self.execute("SELECT id, collection FROM articles").fetchall())

    def counts(self) -> dict[str, int]:
        """Row counts of every table, e.g. ``{"articles": 3, "quotes": 41, ...}``."""
        out = {}
        for table in _COLUMNS:
            out[table] = self.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]
        return out

    def add_extractions(self, extractions: Iterable[Extraction], replace: bool = False) -> WriteResult:
        """Write a batch of extractions in one transaction.

        Args:
            extractions: the batch.
            replace (bool): re-write articles already stored (their old rows are
                deleted in the same transaction). When False, stored articles are
                skipped with reason ``"already stored"``: ingest is idempotent.

        Returns:
            WriteResult: ids added, ids skipped with reasons, rows per table.

        Raises:
            StoreError: the write failed; the transaction was rolled back, so
                nothing of this batch is stored and earlier data is intact.
        """
        result = WriteResult(counts={t: 0 for t in _COLUMNS})
        with self._write_lock:
            cur = self.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                seen: set[str] = set()
                pending: dict[str, list[tuple]] = {}
                # what the write touches, for the incremental refresh of the derived tables: the speaker
                # names and casualty records of re-written articles (before) and of the new rows (after)
                touched_names: set[str] = set()
                touched_records: set[tuple[str, int]] = set()
                replaced: list[str] = []  # ids already stored (their old facts and counts go first)
                no: int | None = None  # the next article number (numbers.py)
                for ex in extractions:
                    aid = ex.article.id
                    if aid in seen:
                        result.skipped.append((aid, "duplicate in this batch"))
                        continue
                    seen.add(aid)
                    exists = cur.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone()
                    if exists and not replace:
                        result.skipped.append((aid, "already stored"))
                        continue
                    if exists:
                        replaced.append(aid)
                        touched_names |= identities.article_names(cur, [aid])
                        touched_records |= events.article_records(cur, [aid])
                        aggregates.rows_delta(cur, [aid], -1)  # before its rows go (aggregates.py)
                        for t in CHILD_TABLES:
                            cur.execute(f"DELETE FROM {_q(t)} WHERE article_id = ?", [aid])
                        cur.execute("DELETE FROM articles WHERE id = ?", [aid])
                    if no is None:
                        no = numbers.next_number(cur)  # after the deletes: a re-written article gets a new one
                    for table, rows in _rows(ex, no).items():
                        pending.setdefault(table, []).extend(rows)
                    result.added.append(aid)
                    no += 1
                for table, rows in pending.items():  # one bulk insert per table for the whole batch
                    result.counts[table] += bulk.insert_rows(cur, table, _COLUMNS[table], rows)
                aggregates.rows_delta(cur, result.added, 1)
                corrections.apply_to_articles(cur, result.added)  # reviewers' corrections survive re-extraction
                facts.refresh_articles(cur, result.added, stored=replaced)
                versions.record(cur, result.added)
                if result.added:  # only the blocks and events the batch touched (identities.py, events.py)
                    identities.refresh(cur, touched_names | identities.article_names(cur, result.added))
                    events.refresh(cur, touched_records | events.article_records(cur, result.added))
                cur.execute("COMMIT")
            except Exception as exc:
                try:
                    cur.execute("ROLLBACK")
                except duckdb.Error:
                    pass
                raise StoreError(f"write failed, batch rolled back ({type(exc).__name__}: {exc})") from exc
        return result

    def delete_article(self, article_id: str) -> bool:
        """Delete one article and all its records in one transaction; True if it existed."""
        with self._write_lock:
            cur = self.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                existed = cur.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None
                names = identities.article_names(cur, [article_id])
                records = events.article_records(cur, [article_id])
                aggregates.rows_delta(cur, [article_id], -1)
                for t in CHILD_TABLES:
                    cur.execute(f"DELETE FROM {_q(t)} WHERE article_id = ?", [article_id])
                cur.execute("DELETE FROM articles WHERE id = ?", [article_id])
                facts.delete_articles(cur, [article_id])
                aggregates.samples_refresh(cur, [article_id])  # the map's hover sample (aggregates.py)
                versions.delete(cur, [article_id])
                identities.refresh(cur, names)
                events.refresh(cur, records)
                cur.execute("COMMIT")
            except Exception:
                cur.execute("ROLLBACK")
                raise
        return existed
