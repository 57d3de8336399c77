"""Pre-aggregated tables (``quote_counts``, ``quote_totals``, ``place_counts``, ``place_totals``,
``named_speakers``, ``stance_counts``, ``stance_totals``): the dashboard's counts without a scan of every row.

At 10 M quotes a ``GROUP BY`` over ``quote_facts`` or ``places`` costs seconds; most filter changes only
name collections, outlets, speakers, quote kinds, topics, countries (of a place) and whole months, so the store
keeps the counts per combination of those keys (10^5-10^6 rows instead of 10^7):

``quote_counts(collection, outlet, month, speaker, speaker_country, topics, quotes, direct, mixed, indirect,
transcript, articles)``: quotes of the key (all kinds, then one column per kind of
:data:`~components.store.filters.QUOTE_KINDS`) and the number of articles with at least one of them.
``topics`` is the quote's topic list sorted: a topic set as a key (19 sets at 10 M synthetic quotes, 10 %
more rows than without it), so a topic filter (``list_has_any``) is answered for any number of topics.
``articles`` counts an article on the row of the speaker's smallest topic set in it only, so it stays additive:
an article has one collection, outlet and month, and one country per speaker, so summing ``articles`` over
months, collections, outlets, countries or topic sets counts each article once per speaker (under a topic or
kind filter the page counts articles on the rows).

``place_counts(collection, outlet, month, name, country, mentions, geo_mentions, lat_sum, lon_sum,
articles, name_articles)``: place mentions of the key, those with coordinates, the sums of their coordinates (the map
shows their mean, rounded to :data:`COORD_DECIMALS` on both paths), the articles mentioning the key, and
``name_articles``: each article counted once per place name, on the row of the smallest country it gives
the name (so summed over countries it counts the articles naming the place, even when an article names
"Porto" in two countries).

``named_speakers(name, cards)``: the speaker cards (``article_speakers``) of a named type
(:data:`NAMED_TYPES`) per name, so "named sources only" is a look-up in a table of names instead of a
semi-join over every card.

``stance_counts(collection, outlet, month, speaker, topic, stances, evidence, support, oppose, neutral,
score_sum, conf_sum, conf_n)``: the article-level stances of the key, their evidence quotes
(``len(evidence)``), their number per polarity and the sums of their scores and confidences; and
``stance_cue_counts(..., topic, cue, n)``: how often the key's stances name each deciding word. The Stance
page ranks its speakers by the evidence and fills its matrix (mean score and confidence rounded to
:data:`STANCE_DECIMALS` on both paths) from them, under the filters they answer (collections, outlets,
dates, speakers, topics), instead of from every stance row.

``place_samples(collection, outlet, name, country, article_id, article_no, idx, start, end, quotes)``: per key of
``place_totals`` its first :data:`PLACE_SAMPLE` mentions (greatest article number first, i.e. the articles written
last, then position), each with
the quotes whose span contains it (``quotes``: ``(text_len, id, speaker)`` shortest first): the map's hover
quotes without a scan of the mentions (:func:`sample_rows`; kept by :func:`samples_refresh`).

``article_index(key, article_id, article_no)``: an inverted index of article-level keys (with the article's
number, :mod:`components.store.numbers`, which the filters join on), sorted by key (DuckDB's zone maps
then read a key's rows from a few row groups): ``p:<country>`` (the article mentions a place in the country),
``s:<country>`` (it has a speaker card of the country), ``q:<kind>:<topic>``, ``q:<kind>:*``, ``q:*:<topic>`` (it
has a quote of the kind with the topic, of the kind, with the topic). The filters
(:mod:`components.store.filters`, ``index=True``) read from it "the articles with a quote of these topics and
kinds" and "the articles of these countries" in ~10 ms at 10 M quotes, where the scan of ``quote_facts`` or
``places`` took 0.1-0.5 s; it is rewritten per article (:func:`index_delete`, :func:`index_add`) wherever
``quote_facts`` is, and rebuilt when empty while the store has rows.

``month`` is the first day of the article's month (``NULL`` when it has no date). ``quote_totals`` and
``place_totals`` (and ``stance_totals``) hold the same counts without the month (10-100 times fewer rows): they answer the filter
states without a date range, the dashboard's first view and most visits. The tables are
maintained as per-article deltas in the write transaction (the totals' delta summed from the monthly one), as ``quote_facts`` is: the quote counts in
:func:`components.store.facts.refresh_articles` / ``delete_articles`` (subtract the articles' old facts,
add the new ones), the place counts, named cards and stance counts in :meth:`components.store.Store.add_extractions` and
``delete_article`` (subtract before the old rows are deleted, add after the new ones are inserted); a
key whose counts reach zero is dropped. :func:`ensure` rebuilds them when they are missing or out of
step (a store written before they existed, or filled by bulk SQL).

The query layer (:mod:`components.store.queries`) asks :func:`quote_rows` / :func:`place_rows` for an
aggregate relation under a filter state; they return None when a filter cannot be answered from the
keys (text search, article ids or text, a country filter on quotes, a place filter on quotes)
and the query falls back to the facts. A day-precise date range reads the whole months inside it from
the aggregates and the partial months at its ends from the rows, grouped the same way, so the answer is
the same either way. :func:`newest_month` tells the Quotes table, sorted newest first, from which month on
its page's rows lie, so it sorts those rows instead of every quote.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any, Sequence

import duckdb

from . import bulk, numbers
from .filters import QUOTE_KINDS, QueryFilters

NAMED_TYPES = ("person", "organisation")  # speaker types of named sources (a speaker card on the Quotes page)
COORD_DECIMALS = 6  # the map's mean coordinates, rounded on both paths (sums in another order differ at ~1e-13)

_QUOTE_KEYS = ("collection", "outlet", "month", "speaker", "speaker_country", "topics")
_QUOTE_VALUES = ("quotes",) + QUOTE_KINDS + ("articles",)
_PLACE_KEYS = ("collection", "outlet", "month", "name", "country")
_PLACE_VALUES = ("mentions", "geo_mentions", "lat_sum", "lon_sum", "articles", "name_articles")
_STANCE_KEYS = ("collection", "outlet", "month", "speaker", "topic")
_STANCE_VALUES = ("stances", "evidence", "support", "oppose", "neutral", "score_sum", "conf_sum", "conf_n")
_CUE_KEYS = _STANCE_KEYS + ("cue",)
STANCE_DECIMALS = 6  # the Stance page's mean score and confidence, rounded on both paths (sums in another order)

_MONTH = "CAST(date_trunc('month', {d}) AS DATE) AS month, "


def _quote_group(month: bool) -> str:
    """SELECT of the quote counts of the quote_facts rows passing ``{where}`` (fixed SQL), grouped by the keys
    (with ``month`` or without); ``topics`` is the quote's topic list sorted (a set as a key)."""
    return (f"SELECT q.collection, q.outlet, {_MONTH.format(d='q.published') if month else ''}q.speaker, "
            "q.speaker_country, q.topics, count(*) AS quotes, "
            + ", ".join(f"count(*) FILTER (WHERE q.kind = '{k}') AS {k}" for k in QUOTE_KINDS)
            # each article once per speaker: on the row of the speaker's smallest topic set in it (NULL last);
            # {where} may name only q's columns, as the window sees what it keeps
            + ", count(DISTINCT q.article_id) FILTER (WHERE q.topics IS NOT DISTINCT FROM q.first_topics) AS articles "
            "FROM (SELECT q.collection, q.outlet, q.published, q.speaker, q.speaker_country, q.kind, q.article_id, "
            "list_sort(q.topics) AS topics, "
            "min(list_sort(q.topics)) OVER (PARTITION BY q.article_id, q.speaker) AS first_topics "
            "FROM quote_facts q WHERE {where}) q GROUP BY ALL")


def _place_group(month: bool) -> str:
    """SELECT of the place counts of the places rows passing ``{where}``, grouped by the keys."""
    geo = "FILTER (WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL)"
    return (f"SELECT a.collection, a.outlet, {_MONTH.format(d='a.published') if month else ''}p.name, p.country, "
            f"count(*) AS mentions, count(*) {geo} AS geo_mentions, coalesce(sum(p.lat) {geo}, 0) AS lat_sum, "
            f"coalesce(sum(p.lon) {geo}, 0) AS lon_sum, count(DISTINCT p.article_id) AS articles, "
            # each article once per name: on the row of the smallest country it gives the name (NULL last);
            # {where} may name only p's columns (and articles in a subquery), as the window sees what it keeps
            "count(DISTINCT p.article_id) FILTER (WHERE p.country IS NOT DISTINCT FROM p.first_country) AS name_articles "
            "FROM (SELECT p.*, min(p.country) OVER (PARTITION BY p.article_id, p.name) AS first_country "
            "FROM places p WHERE {where}) p JOIN articles a ON a.id = p.article_id GROUP BY ALL")


def _stance_group(month: bool) -> str:
    """SELECT of the stance counts of the stances rows passing ``{where}``, grouped by the keys: article-level
    stances and their evidence quotes (``len(evidence)``, a missing list counting 0)."""
    return (f"SELECT a.collection, a.outlet, {_MONTH.format(d='a.published') if month else ''}st.speaker, st.topic, "
            "count(*) AS stances, CAST(sum(coalesce(len(st.evidence), 0)) AS BIGINT) AS evidence, "
            + ", ".join(f"count(*) FILTER (WHERE st.polarity = '{p}') AS {p}" for p in ("support", "oppose", "neutral"))
            + ", sum(st.score) AS score_sum, coalesce(sum(st.confidence), 0) AS conf_sum, "
            "count(st.confidence) AS conf_n FROM stances st LEFT JOIN articles a ON a.id = st.article_id "
            "WHERE {where} GROUP BY ALL")


def _cue_group(month: bool) -> str:
    """SELECT of the deciding words (``cues``) of the stances rows passing ``{where}``: per key and word, how
    often the stances name it."""
    # the stances are filtered before their lists are unnested (a lateral unnest is not filtered first)
    return (f"SELECT a.collection, a.outlet, {_MONTH.format(d='a.published') if month else ''}st.speaker, st.topic, "
            "st.cue, count(*) AS n FROM (SELECT st.article_id, st.speaker, st.topic, unnest(st.cues) AS cue "
            "FROM stances st WHERE {where}) st LEFT JOIN articles a ON a.id = st.article_id "
            "WHERE st.cue IS NOT NULL GROUP BY ALL")


_NAMED_GROUP = ("SELECT s.name, count(*) AS cards FROM article_speakers s "
                f"WHERE s.type IN {NAMED_TYPES} AND {{where}} GROUP BY ALL")

# table -> (keys, values, grouped SELECT with a {where} condition, its article id column, the source it counts).
# ``*_counts`` per month answer date filters; ``*_totals`` (the same without the month, 10-100 times fewer
# rows) answer the filter states without dates, the dashboard's first view and most visits.
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, str]] = {
    "quote_counts": (_QUOTE_KEYS, _QUOTE_VALUES, _quote_group(True), "q.article_id"),
    "quote_totals": (tuple(k for k in _QUOTE_KEYS if k != "month"), _QUOTE_VALUES, _quote_group(False),
                     "q.article_id"),
    "place_counts": (_PLACE_KEYS, _PLACE_VALUES, _place_group(True), "p.article_id"),
    "place_totals": (tuple(k for k in _PLACE_KEYS if k != "month"), _PLACE_VALUES, _place_group(False),
                     "p.article_id"),
    "named_speakers": (("name",), ("cards",), _NAMED_GROUP, "s.article_id"),
    "stance_counts": (_STANCE_KEYS, _STANCE_VALUES, _stance_group(True), "st.article_id"),
    "stance_totals": (tuple(k for k in _STANCE_KEYS if k != "month"), _STANCE_VALUES, _stance_group(False),
                      "st.article_id"),
    "stance_cue_counts": (_CUE_KEYS, ("n",), _cue_group(True), "st.article_id"),
    "stance_cue_totals": (tuple(k for k in _CUE_KEYS if k != "month"), ("n",), _cue_group(False), "st.article_id"),
}


def _schema() -> str:
    def col(c: str) -> str:
        kind = "DATE" if c == "month" else "VARCHAR[]" if c == "topics" else "DOUBLE" if c.endswith("_sum") else (
            "VARCHAR" if c in _QUOTE_KEYS + _PLACE_KEYS + _CUE_KEYS + ("name",) else "BIGINT")
        return f"{c} {kind}"
    return "\n".join(f"CREATE TABLE IF NOT EXISTS {t} ({', '.join(col(c) for c in keys + values)});"
                      for t, (keys, values, _, _) in TABLES.items())


SCHEMA = _schema()


# ---------------------------------------------------------------- the map's hover sample

SAMPLE = "place_samples"
PLACE_SAMPLE = 40  # mentions per place searched for the quotes around it (the greatest article numbers first)
_SAMPLE_KEYS = ("collection", "outlet", "name", "country")  # the keys of place_totals
_SAMPLE_COLS = 'collection, outlet, name, country, article_id, idx, "start", "end", quotes'
SAMPLE_SCHEMA = (f"CREATE TABLE IF NOT EXISTS {SAMPLE} (collection VARCHAR, outlet VARCHAR, name VARCHAR, "
                 'country VARCHAR, article_id VARCHAR, article_no INTEGER, idx INTEGER, "start" INTEGER, "end" INTEGER, '
                 "quotes STRUCT(text_len INTEGER, id VARCHAR, speaker VARCHAR)[])")
# the sample's order within a key: the greatest article number first, then the mention's position (and index); by
# number, not id, so the map's scan of the mentions (queries.map_places) reads no article ids (an INTEGER, where
# ordering by the VARCHAR id read and held the ids of 1.08 M mentions under topic+kind at 10M quotes)
_SAMPLE_ORDER = "article_no DESC, \"start\", idx"


def _sample_select(where: str) -> str:
    """SELECT of the sample rows of the places rows passing ``where`` (over ``p`` and ``a``; fixed SQL): per
    key of ``place_totals`` its :data:`PLACE_SAMPLE` first mentions in :data:`_SAMPLE_ORDER`, each with the
    quotes (``quote_facts``) whose span contains it, as ``(text_len, id, speaker)`` by length then id."""
    return (
        "WITH m AS (SELECT a.collection, a.outlet, p.name, p.country, p.article_id, p.article_no, p.idx, p.\"start\", "
        "p.\"end\" "
        f"FROM places p JOIN articles a ON a.id = p.article_id WHERE {where} "
        "QUALIFY row_number() OVER (PARTITION BY a.collection, a.outlet, p.name, p.country "
        f"ORDER BY p.{_SAMPLE_ORDER.replace(', ', ', p.')}) <= {PLACE_SAMPLE}) "
        "SELECT m.*, coalesce(list(struct_pack(text_len := q.text_len, id := q.id, speaker := q.speaker) "
        "ORDER BY q.text_len, q.id) FILTER (WHERE q.id IS NOT NULL), []) AS quotes FROM m "
        "LEFT JOIN quote_facts q ON q.article_id = m.article_id AND m.\"start\" >= q.\"start\" "
        "AND m.\"end\" <= q.\"end\" GROUP BY ALL")


def _sample_rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute(f"DELETE FROM {SAMPLE}")
    cur.execute(f"INSERT INTO {SAMPLE} BY NAME {_sample_select('true')}")


_ON_KEY = " AND ".join(f"{{t}}.{k} IS NOT DISTINCT FROM k.{k}" for k in _SAMPLE_KEYS)


def samples_refresh(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Bring ``place_samples`` in step with ``article_ids``' current places and quote facts (inside the write
    transaction, after their rows and facts are written or deleted).

    A key's sample is its first :data:`PLACE_SAMPLE` mentions, so new mentions merge (add, keep the first
    ones) but a removed one may let an unsampled mention in: a key that loses a row while full is
    recomputed from the places rows (a scan of ``places``, on a re-extraction or deletion only)."""
    if not article_ids:
        return
    ids = [list(article_ids)]
    cur.execute(
        "CREATE OR REPLACE TEMP TABLE _sample_keys AS SELECT collection, outlet, name, country, bool_or(lost) AS lost "
        f"FROM (SELECT collection, outlet, name, country, true AS lost FROM {SAMPLE} WHERE {_IDS.format(aid='article_id')} "
        "UNION ALL SELECT a.collection, a.outlet, p.name, p.country, false FROM places p JOIN articles a "
        f"ON a.id = p.article_id WHERE {_IDS.format(aid='p.article_id')}) GROUP BY ALL", ids * 2)
    if not cur.execute("SELECT count(*) FROM _sample_keys").fetchone()[0]:
        return
    # keys that lose a row while full: recomputed whole; the others: the articles' mentions merged in
    cur.execute(
        "CREATE OR REPLACE TEMP TABLE _sample_redo AS SELECT k.collection, k.outlet, k.name, k.country "
        f"FROM _sample_keys k JOIN {SAMPLE} s ON {_ON_KEY.format(t='s')} WHERE k.lost GROUP BY ALL "
        f"HAVING count(*) >= {PLACE_SAMPLE}")
    cur.execute(f"DELETE FROM {SAMPLE} WHERE {_IDS.format(aid='article_id')}", ids)
    cur.execute(f"DELETE FROM {SAMPLE} s WHERE EXISTS (SELECT 1 FROM _sample_redo k WHERE {_ON_KEY.format(t='s')})")
    redo = ("EXISTS (SELECT 1 FROM _sample_redo k WHERE "
            + " AND ".join(f"{c} IS NOT DISTINCT FROM k.{k}" for c, k in
                           zip(("a.collection", "a.outlet", "p.name", "p.country"), _SAMPLE_KEYS)) + ")")
    new = _IDS.format(aid="p.article_id")
    cur.execute(f"INSERT INTO {SAMPLE} BY NAME {_sample_select(f'{new} AND NOT {redo}')}", ids)
    if cur.execute("SELECT count(*) FROM _sample_redo").fetchone()[0]:
        cur.execute(f"INSERT INTO {SAMPLE} BY NAME {_sample_select(redo)}")
    # keep the first PLACE_SAMPLE of each key the articles' mentions joined
    cur.execute(
        f"DELETE FROM {SAMPLE} WHERE rowid IN (SELECT s.rowid FROM {SAMPLE} s WHERE EXISTS "
        f"(SELECT 1 FROM _sample_keys k WHERE {_ON_KEY.format(t='s')}) QUALIFY row_number() OVER "
        f"(PARTITION BY s.collection, s.outlet, s.name, s.country ORDER BY s.{_SAMPLE_ORDER.replace(', ', ', s.')}) "
        f"> {PLACE_SAMPLE})")


# ---------------------------------------------------------------- the article index

INDEX = "article_index"
INDEX_SCHEMA = f"CREATE TABLE IF NOT EXISTS {INDEX} (key VARCHAR, article_id VARCHAR, article_no INTEGER)"


def _index_select(where: str) -> str:
    """SELECT of the distinct ``(key, article_id, article_no)`` rows of the articles passing ``where`` (a condition on an
    unqualified ``article_id``, fixed SQL): ``p:<country>`` for a place mentioned in the country,
    ``s:<country>`` for a speaker card of the country, ``q:<kind>:<topic>``, ``q:<kind>:*`` and
    ``q:*:<topic>`` for a quote of that kind with that topic, of that kind, with that topic."""
    # quote_facts is read once (its kind and topic keys from one scan): a write's cost is the scans by article id
    return (
        f"WITH q AS MATERIALIZED (SELECT article_id, kind, topics FROM quote_facts WHERE {where}) "
        "SELECT DISTINCT ix.key, ix.article_id, a.article_no FROM ("
        f"SELECT 'p:' || country AS key, article_id FROM places WHERE country IS NOT NULL AND {where} "
        f"UNION ALL SELECT 's:' || country, article_id FROM article_speakers WHERE country IS NOT NULL AND {where} "
        "UNION ALL SELECT 'q:' || k || ':' || coalesce(t, '*'), article_id FROM (SELECT article_id, kind, "
        "unnest(coalesce(topics, []) || [NULL]) AS t FROM q), unnest([kind, '*']) AS u(k) "
        "WHERE k IS NOT NULL AND NOT (k = '*' AND t IS NULL)) ix JOIN articles a ON a.id = ix.article_id")


def _index_rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    # sorted by key: a key's rows lie in a few row groups, which DuckDB's zone maps find without a scan
    cur.execute(f"DELETE FROM {INDEX}")
    cur.execute(f"INSERT INTO {INDEX} BY NAME {_index_select('true')} ORDER BY key, article_no")


def index_delete(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Delete the ``article_index`` rows of ``article_ids`` (inside the write transaction)."""
    if article_ids:
        cur.execute(f"DELETE FROM {INDEX} WHERE {_IDS.format(aid='article_id')}", [list(article_ids)])


def index_add(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Add the ``article_index`` rows of ``article_ids`` from their current places, speaker cards and quote
    facts (inside the write transaction, after :func:`index_delete` of their old rows and the new facts)."""
    if article_ids:
        sql = _index_select(_IDS.format(aid="article_id"))
        cur.execute(f"INSERT INTO {INDEX} BY NAME {sql} ORDER BY key", [list(article_ids)] * sql.count("?"))


def index_available(store: Any) -> bool:
    """Whether ``store``'s file has a filled ``article_index`` and article numbers
    (:mod:`components.store.numbers`; a store written before them has not, and a read-only reader cannot
    build them: the filters then scan the rows, on article ids). Cached on the store object."""
    have = getattr(store, "_index_available", None)
    if have is None:
        try:
            have = bool(store.execute(
                f"SELECT (SELECT count(*) FROM {INDEX}) > 0 OR ((SELECT count(*) FROM quote_facts) = 0 AND "
                "(SELECT count(*) FROM places) = 0 AND (SELECT count(*) FROM article_speakers) = 0)").fetchone()[0])
            # the filters on the index compare article numbers (numbers.py): a store written before them
            # (read-only, so not yet numbered) keeps the filters on article ids
            have = have and numbers.available(store)
        except duckdb.Error:
            have = False
        store._index_available = have
    return have


def create(cur: duckdb.DuckDBPyConnection) -> None:
    """Create the tables of :data:`TABLES` and ``place_samples`` if missing (idempotent); an older table
    lacking a column of :data:`TABLES` is dropped (:func:`ensure` then rebuilds it)."""
    for table, (keys, values, _, _) in TABLES.items():
        cols = {r[0] for r in cur.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        if cols and not set(keys + values) <= cols:
            cur.execute(f"DROP TABLE {table}")  # a name of TABLES
    cur.execute(SCHEMA)
    cols = {r[0] for r in cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [SAMPLE]).fetchall()}
    if cols and "article_no" not in cols:  # ordered by article id (an older version): rebuilt by number
        cur.execute(f"DROP TABLE {SAMPLE}")
    cur.execute(SAMPLE_SCHEMA)
    cur.execute(INDEX_SCHEMA)


_IDS = "{aid} IN (SELECT unnest(?::VARCHAR[]))"  # a hash semi-join (list_contains per row costs ~2 times more)


def _merge(cur: duckdb.DuckDBPyConnection, table: str, delta: str, sign: int) -> None:
    """Add (``sign`` 1) or subtract (-1) the rows of the temp table ``delta`` (a fixed name of this module)
    to ``table``; drop the keys a subtraction emptied."""
    keys, values, _, _ = TABLES[table]
    on = " AND ".join(f"t.{k} IS NOT DISTINCT FROM d.{k}" for k in keys)
    op = "+" if sign > 0 else "-"
    sets = ", ".join(f"{v} = coalesce(t.{v}, 0) {op} coalesce(d.{v}, 0)" for v in values)
    insert = (f" WHEN NOT MATCHED THEN INSERT ({', '.join(keys + values)}) "
              f"VALUES ({', '.join(f'd.{c}' for c in keys + values)})") if sign > 0 else ""
    cur.execute(f"MERGE INTO {table} t USING {delta} d ON {on} WHEN MATCHED THEN UPDATE SET {sets}{insert}")
    if sign < 0:  # only a subtraction can empty a key
        cur.execute(f"DELETE FROM {table} WHERE {values[0]} <= 0")


def _delta(cur: duckdb.DuckDBPyConnection, monthly: str, totals: str | None, article_ids: Sequence[str],
           sign: int) -> None:
    """Merge the counts of ``article_ids`` into ``monthly`` and, summed over the months (every count is
    additive: an article has one month), into ``totals``: the rows are read once."""
    _, _, group, aid = TABLES[monthly]
    cur.execute(f"CREATE OR REPLACE TEMP TABLE _aggregate_delta AS {group.format(where=_IDS.format(aid=aid))}",
                [list(article_ids)])
    if not cur.execute("SELECT count(*) FROM _aggregate_delta").fetchone()[0]:
        return  # new articles: nothing to subtract
    _merge(cur, monthly, "_aggregate_delta", sign)
    if totals:
        keys, values, _, _ = TABLES[totals]
        sums = ", ".join(f"sum({v}) AS {v}" if v.endswith("_sum") else f"CAST(sum({v}) AS BIGINT) AS {v}"
                         for v in values)
        cur.execute(f"CREATE OR REPLACE TEMP TABLE _aggregate_total AS SELECT {', '.join(keys)}, {sums} "
                    "FROM _aggregate_delta GROUP BY ALL")
        _merge(cur, totals, "_aggregate_total", sign)


def quotes_delta(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str], sign: int) -> None:
    """Add (``sign`` 1) or subtract (-1) the quote counts of ``article_ids``' current ``quote_facts`` rows
    (inside the write transaction: subtract before their facts are deleted, add after they are derived)."""
    if article_ids:
        _delta(cur, "quote_counts", "quote_totals", article_ids, sign)


def rows_delta(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str], sign: int) -> None:
    """Add (``sign`` 1) or subtract (-1) the place counts and named speaker cards of ``article_ids``' current
    ``places`` and ``article_speakers`` rows (inside the write transaction: subtract before the rows or their
    article are deleted, add after they are inserted)."""
    if article_ids:
        _delta(cur, "place_counts", "place_totals", article_ids, sign)
        _delta(cur, "named_speakers", None, article_ids, sign)
        _delta(cur, "stance_counts", "stance_totals", article_ids, sign)
        _delta(cur, "stance_cue_counts", "stance_cue_totals", article_ids, sign)


def rebuild(cur: duckdb.DuckDBPyConnection, tables: Sequence[str] | None = None) -> None:
    """Recompute the tables of :data:`TABLES`, ``place_samples`` and ``article_index`` named in ``tables``
    (None: every one) from their source (the caller holds the transaction); rows written by bulk SQL
    without an article number get theirs first (:func:`components.store.numbers.fill`)."""
    numbers.fill(cur)
    create(cur)
    for table, (_, _, group, _) in TABLES.items():
        if tables is None or table in tables:
            cur.execute(f"DELETE FROM {table}")
            cur.execute(f"INSERT INTO {table} BY NAME {group.format(where='true')}")
    if tables is None or SAMPLE in tables:
        _sample_rebuild(cur)
    if tables is None or INDEX in tables:
        _index_rebuild(cur)


def out_of_step(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables that do not count as many quotes, place mentions, named cards or stances as their source
    holds (a table added by a newer version is empty, the others stay in step)."""
    nq, np_, nn, ns, nc = cur.execute(
        "SELECT (SELECT count(*) FROM quote_facts), (SELECT count(*) FROM places), "
        f"(SELECT count(*) FROM article_speakers WHERE type IN {NAMED_TYPES}), (SELECT count(*) FROM stances), "
        "(SELECT count(*) FROM (SELECT unnest(cues) AS cue FROM stances) WHERE cue IS NOT NULL)"
    ).fetchone()
    want = {"quote_counts": nq, "quote_totals": nq, "place_counts": np_, "place_totals": np_, "named_speakers": nn,
            "stance_counts": ns, "stance_totals": ns, "stance_cue_counts": nc, "stance_cue_totals": nc}
    stale = [t for t, n in want.items()
             if cur.execute(f"SELECT coalesce(sum({TABLES[t][1][0]}), 0) FROM {t}").fetchone()[0] != n]
    # the sample holds min(PLACE_SAMPLE, mentions) rows per key of place_totals (rebuilt with it)
    if "place_totals" in stale or cur.execute(
            f"SELECT (SELECT count(*) FROM {SAMPLE}) <> (SELECT coalesce(sum(least(mentions, {PLACE_SAMPLE})), 0) "
            "FROM place_totals)").fetchone()[0]:
        stale.append(SAMPLE)
    # the index is kept in step by every write once filled: rebuilt when empty while it has sources
    if cur.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {INDEX}) AND (EXISTS (SELECT 1 FROM quote_facts) OR "
                   "EXISTS (SELECT 1 FROM places) OR EXISTS (SELECT 1 FROM article_speakers))").fetchone()[0]:
        stale.append(INDEX)
    return stale


def in_step(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether every table is in step with its source (:func:`out_of_step` is empty)."""
    return not out_of_step(cur)


def ensure(cur: duckdb.DuckDBPyConnection) -> bool:
    """Create the tables and rebuild those out of step (in one transaction); True if any was rebuilt."""
    create(cur)
    stale = out_of_step(cur)
    if not stale:
        return False
    with bulk.transaction(cur):
        rebuild(cur, stale)
    return True


def available(store: Any) -> bool:
    """Whether ``store``'s file has the aggregate tables (a store written before them has not, and a
    read-only reader cannot create them: the queries then read the facts). Cached on the store object."""
    return _probe(store, "_aggregates_available", [f"SELECT {', '.join(keys + values)} FROM {table} LIMIT 0"
                                                  for table, (keys, values, _, _) in TABLES.items()]
                  + [f"SELECT {_SAMPLE_COLS} FROM {SAMPLE} LIMIT 0"])


def _probe(store: Any, attr: str, statements: list[str]) -> bool:
    """Whether every statement of ``statements`` (fixed ``SELECT ... LIMIT 0`` probes of tables and columns) runs
    on ``store``; the answer is cached on the store object as ``attr`` (a store's schema is fixed while open)."""
    have = getattr(store, attr, None)
    if have is None:
        try:
            for sql in statements:
                store.execute(sql)
            have = True
        except duckdb.Error:
            have = False
        setattr(store, attr, have)
    return have


# ---------------------------------------------------------------- query side

# Filters each aggregate answers on its own keys; any other active filter sends the query to the facts.
QUOTE_FILTERS = frozenset({"collections", "outlets", "date_from", "date_to", "speakers", "kinds", "topics"})
PLACE_FILTERS = frozenset({"collections", "outlets", "date_from", "date_to", "countries", "places"})
STANCE_FILTERS = frozenset({"collections", "outlets", "date_from", "date_to", "speakers", "topics"})

_SAME_PERSON = ("(list_contains(?, speaker) OR speaker IN (SELECT i.name FROM speaker_identities i "
                "JOIN speaker_identities j ON i.canonical = j.canonical WHERE list_contains(?, j.name)))")


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _next_month(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def full_months(date_from: dt.date | None, date_to: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The whole months inside ``[date_from, date_to]`` as ``[lo, hi)`` month starts (None = unbounded);
    ``lo >= hi`` when the range holds no whole month."""
    lo = hi = None
    if date_from is not None:
        lo = date_from if date_from.day == 1 else _next_month(date_from)
    if date_to is not None:
        last = calendar.monthrange(date_to.year, date_to.month)[1]
        hi = _next_month(date_to) if date_to.day == last else _month_start(date_to)
    return lo, hi


def _key_bits(f: QueryFilters, target: str) -> tuple[list[str], list[Any]]:
    """WHERE fragments over the aggregate's key columns for the key filters of ``f`` (dates excluded)."""
    bits, params = [], []
    if f.collections:
        bits.append("list_contains(?, collection)"); params.append(list(f.collections))  # noqa: E702
    if f.outlets:
        bits.append("list_contains(?, outlet)"); params.append(list(f.outlets))  # noqa: E702
    if target in ("quote", "stance", "stance_cue") and f.speakers:
        bits.append(_SAME_PERSON); params += [list(f.speakers)] * 2  # noqa: E702
    if target == "quote" and f.topics:  # a quote of any of the topics: its sorted topic list has one
        bits.append("list_has_any(topics, ?)"); params.append(list(f.topics))  # noqa: E702
    if target in ("stance", "stance_cue") and f.topics:
        bits.append("list_contains(?, topic)"); params.append(list(f.topics))  # noqa: E702
    if target == "place" and f.countries:
        bits.append("list_contains(?, country)"); params.append(list(f.countries))  # noqa: E702
    if target == "place" and f.places:
        bits.append("list_contains(?, name)"); params.append(list(f.places))  # noqa: E702
    return bits, params


def _rows(f: QueryFilters, target: str, cols: str) -> tuple[str, list] | None:
    """The relation ``SELECT cols`` over the aggregate of ``target`` under ``f`` (see :func:`quote_rows`)."""
    from .filters import where_clauses

    allowed = {"quote": QUOTE_FILTERS, "place": PLACE_FILTERS, "stance": STANCE_FILTERS,
               "stance_cue": STANCE_FILTERS}[target]
    if not set(f.active()) <= allowed:
        return None
    bits, params = _key_bits(f, target)
    dated = f.date_from is not None or f.date_to is not None
    if not dated:  # the totals without months
        table = f"{target}_totals"
        where = " WHERE " + " AND ".join(bits) if bits else ""
        return f"SELECT {cols} FROM {table}{where}", params
    table = f"{target}_counts"
    lo, hi = full_months(f.date_from, f.date_to)
    whole = lo is None or hi is None or lo < hi
    agg_bits, agg_params = list(bits), list(params)
    if lo is not None:
        agg_bits.append("month >= ?"); agg_params.append(lo)  # noqa: E702
    if hi is not None:
        agg_bits.append("month < ?"); agg_params.append(hi)  # noqa: E702
    parts, out_params = [], []
    if whole:
        parts.append(f"SELECT {cols} FROM {table} WHERE {' AND '.join(agg_bits)}")
        out_params += agg_params
    partial = (not whole or (f.date_from is not None and lo != f.date_from)
               or (f.date_to is not None and hi != _next_month(f.date_to)))
    if partial:
        # the partial months at the ends: the rows themselves, outside the whole months, grouped alike
        fbits, fparams = where_clauses(f, "stance" if target == "stance_cue" else target)
        col = "q.published" if target == "quote" else "a.published"
        aid = {"place": "p.article_id", "stance": "st.article_id", "stance_cue": "st.article_id"}.get(target)
        if whole:
            out = []
            if lo is not None:
                out.append(f"{col} < ?"); fparams.append(lo)  # noqa: E702
            if hi is not None:
                out.append(f"{col} >= ?"); fparams.append(hi)  # noqa: E702
            cond = "(" + " OR ".join(out) + ")"
            fbits.append(cond if target == "quote" else f"{aid} IN (SELECT a.id FROM articles a WHERE {cond})")
        group = TABLES[table][2].format(where=" AND ".join(fbits))
        parts.append(f"SELECT {cols} FROM ({group})")
        out_params += fparams
    return " UNION ALL ".join(f"({p})" for p in parts), out_params


def quote_rows(store: Any, f: QueryFilters) -> tuple[str, list] | None:
    """An aggregate relation of the quotes passing ``f``, or None when ``f`` needs the facts.

    Returns:
        tuple[str, list] | None: SQL of a parenthesised relation with columns ``collection``, ``outlet``,
        ``speaker``, ``speaker_country``, ``quotes`` (of the kinds of ``f.kinds`` when set) and
        ``articles`` (articles with such a quote; summed over rows it counts each article once per
        speaker, and is exact only when ``f.kinds`` and ``f.topics`` are empty), possibly several rows per key; and its
        parameters. None when the store has no aggregates or ``f`` has a filter outside
        :data:`QUOTE_FILTERS`.
    """
    if not available(store):
        return None
    quotes = "quotes"
    if f.kinds:  # the kinds' own columns (fixed names of QUOTE_KINDS); an unknown kind matches no quote
        quotes = " + ".join(k for k in QUOTE_KINDS if k in f.kinds) or "0"
    found = _rows(f, "quote", f"collection, outlet, speaker, speaker_country, {quotes} AS quotes, articles")
    if found is None:
        return None
    sql, params = found
    return f"(SELECT * FROM ({sql}) WHERE quotes > 0)", params


def place_rows(store: Any, f: QueryFilters) -> tuple[str, list] | None:
    """An aggregate relation of the place mentions passing ``f``, or None when ``f`` needs the rows.

    Returns:
        tuple[str, list] | None: SQL of a relation with the columns of ``place_totals`` (possibly several
        rows per key) and its parameters. None when the store has no aggregates or ``f`` has a filter
        outside :data:`PLACE_FILTERS`.
    """
    if not available(store):
        return None
    return _rows(f, "place", ", ".join(TABLES["place_totals"][0] + TABLES["place_totals"][1]))


def samples_numbered(store: Any) -> bool:
    """Whether ``store``'s ``place_samples`` is ordered by article number (has ``article_no``; a store written
    before it was is rebuilt when opened for writing). Cached on the store object."""
    return _probe(store, "_samples_numbered", [f"SELECT article_no FROM {SAMPLE} LIMIT 0"])


def sample_rows(store: Any, f: QueryFilters) -> tuple[str, list] | None:
    """The ``place_samples`` rows of the keys passing ``f``, or None when ``f`` needs the places rows (a date
    filter: the sample has no month; or a filter outside :data:`PLACE_FILTERS`).

    Returns:
        tuple[str, list] | None: SQL of a relation with the columns of ``place_samples`` (per key its first
        :data:`PLACE_SAMPLE` mentions by article number descending, position ascending, with the quotes around
        each) and its parameters. The first :data:`PLACE_SAMPLE` mentions of a name under ``f`` are among
        them, as the first ones of a union are among the first ones of its parts.
    """
    if not available(store) or not set(f.active()) <= PLACE_FILTERS or f.date_from or f.date_to:
        return None
    if not samples_numbered(store):  # a read-only reader of a store whose sample is ordered by article id
        return None
    bits, params = _key_bits(f, "place")
    return f"SELECT * FROM {SAMPLE}" + (" WHERE " + " AND ".join(bits) if bits else ""), params


def stance_rows(store: Any, f: QueryFilters) -> tuple[str, list] | None:
    """An aggregate relation of the stances passing ``f``, or None when ``f`` needs the rows.

    Returns:
        tuple[str, list] | None: SQL of a relation with columns ``speaker``, ``topic``, ``stances``
        (article-level stances), ``evidence`` (their evidence quotes), ``support``, ``oppose``, ``neutral``
        (stances of each polarity), ``score_sum``, ``conf_sum`` and ``conf_n`` (the sum of their scores,
        of their confidences and the number of confidences), possibly several rows per key, and
        its parameters. None when the store has no aggregates or ``f`` has a filter outside
        :data:`STANCE_FILTERS` (kinds, text, countries and places need the rows).
    """
    if not available(store):
        return None
    return _rows(f, "stance", "speaker, topic, " + ", ".join(_STANCE_VALUES))


def stance_cue_rows(store: Any, f: QueryFilters) -> tuple[str, list] | None:
    """An aggregate relation ``speaker, topic, cue, n`` of the deciding words of the stances passing ``f`` (as
    :func:`stance_rows`; possibly several rows per word), or None when ``f`` needs the rows."""
    if not available(store):
        return None
    return _rows(f, "stance_cue", "speaker, topic, cue, n")


def newest_month(store: Any, f: QueryFilters, n: int) -> dt.date | None:
    """The latest month from whose first day on at least ``n`` quotes pass ``f`` (by ``quote_counts``),
    or None when unknown (no aggregates, a filter outside :data:`QUOTE_FILTERS`, an end date inside a
    month, or fewer than ``n`` dated quotes).

    The ``n`` newest quotes under ``f`` are then all published on or after it, so a page sorted newest
    first may add ``published >= month`` to its filters and get the same rows. A start date inside a
    month only removes rows the filters remove anyway, so it is ignored here.
    """
    quotes = "quotes"
    if f.kinds:
        quotes = " + ".join(k for k in QUOTE_KINDS if k in f.kinds) or "0"
    return _newest(store, f, "quote", quotes, [], [], n)


def newest_evidence_month(store: Any, f: QueryFilters, speaker: str, topic: str, n: int) -> dt.date | None:
    """As :func:`newest_month` for the evidence quotes of ``speaker``'s stances on ``topic`` (by
    ``stance_counts``, under a filter state of :data:`STANCE_FILTERS`): the ``n`` newest evidence rows of
    the Stance page lie in the articles published on or after it."""
    return _newest(store, f, "stance", "evidence", ["speaker = ?", "topic = ?"], [speaker, topic], n)


def _newest(store: Any, f: QueryFilters, target: str, value: str, bits: list[str], params: list, n: int
            ) -> dt.date | None:
    """The latest month from which on ``sum(value)`` of ``target``'s monthly counts under ``f`` and ``bits``
    reaches ``n`` (see :func:`newest_month`)."""
    allowed = QUOTE_FILTERS if target == "quote" else STANCE_FILTERS
    if not available(store) or not set(f.active()) <= allowed:
        return None
    if f.date_to is not None and f.date_to.day != calendar.monthrange(f.date_to.year, f.date_to.month)[1]:
        return None  # the last month would count rows after the end date
    kbits, kparams = _key_bits(f, target)
    bits, params = kbits + bits + ["month IS NOT NULL"], kparams + params
    if f.date_to is not None:
        bits.append("month < ?"); params.append(_next_month(f.date_to))  # noqa: E702
    row = store.execute(
        f"SELECT month FROM (SELECT month, sum(n) OVER (ORDER BY month DESC) AS cum FROM "
        f"(SELECT month, sum({value}) AS n FROM {target}_counts WHERE {' AND '.join(bits)} GROUP BY month)) "
        "WHERE cum >= ? ORDER BY month DESC LIMIT 1", params + [n]).fetchone()
    return row[0] if row else None
