"""Derived table ``stance_facts``: each stance with the article and speaker fields the filters need, narrow.

The Stance page ranks speakers by their evidence quotes and fills its matrix from the stances passing the
filters. Read from ``stances``, that costs at 10 M quotes (5.9 M stances) 0.7-1.2 s under a country or a
topic filter: the evidence lists are read whole for their lengths, the speaker's country is a correlated
``EXISTS`` over the 4.3 M speaker cards, and the evidence list's first step joins ``articles`` for the date.
This table keeps per stance what those need, one row per ``stances`` row:

``article_id, article_no, speaker, topic, polarity, score, n_evidence, confidence, cues, speaker_country,
published, collection, outlet``: ``n_evidence`` is ``len(evidence)`` (NULL for a missing list, as ``len``
gives), ``speaker_country`` the country of the article's speaker card of that name (NULL without one; a
card is unique per article and name, so "the speaker's card is of one of the countries" is a comparison),
``published``, ``collection``, ``outlet`` the article's. The evidence lists stay in ``stances``; the
evidence page reads them for its own stances only, by key.

Kept in the write transaction wherever ``quote_facts`` is (:func:`components.store.facts.refresh_articles`
and ``delete_articles``, which every write, delete and correction calls), rows written in article order (so
a look-up by article number reads few row groups); :func:`ensure` rebuilds it when it is missing or out of
step with ``stances`` (a store written before it, or filled by bulk SQL). A read-only reader of a store
without it reads ``stances`` (:func:`available`), with the same rows.
"""

from __future__ import annotations

from typing import Any, Sequence

import duckdb

from . import bulk

TABLE = "stance_facts"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    article_id VARCHAR NOT NULL,
    article_no INTEGER,
    speaker VARCHAR,
    topic VARCHAR,
    polarity VARCHAR,
    score DOUBLE,
    n_evidence INTEGER,
    confidence DOUBLE,
    cues VARCHAR[],
    speaker_country VARCHAR,
    published DATE,
    collection VARCHAR,
    outlet VARCHAR
);
"""

# The rows of stance_facts for the stances passing {where_st}, of the articles passing {where_a} (over ``id``) and
# with the speaker cards passing {where} (over ``article_id``): fixed conditions of this module, each table
# filtered before the joins (a write's articles: three look-ups, not joins with every article and speaker card).
_SELECT = """
WITH st AS (SELECT * FROM stances WHERE {where_st}),
a AS (SELECT id, article_no, published, collection, outlet FROM articles WHERE {where_a}),
s AS (SELECT article_id, name, country FROM article_speakers WHERE {where})
SELECT st.article_id, a.article_no, st.speaker, st.topic, st.polarity, st.score,
       CAST(len(st.evidence) AS INTEGER) AS n_evidence, st.confidence, st.cues, s.country AS speaker_country,
       a.published, a.collection, a.outlet
FROM st
JOIN a ON a.id = st.article_id
LEFT JOIN s ON s.article_id = st.article_id AND s.name = st.speaker
ORDER BY a.article_no, st.article_id, st.speaker, st.topic
"""
_IDS = "{col} IN (SELECT unnest(?::VARCHAR[]))"  # a hash semi-join on the write's article ids


def create(cur: duckdb.DuckDBPyConnection) -> None:
    """Create the table if missing (idempotent)."""
    cur.execute(SCHEMA)


def refresh_articles(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                     stored: Sequence[str] | None = None) -> None:
    """Re-derive the rows of ``article_ids`` from their stored stances, articles and speaker cards (inside the
    write transaction). ``stored``: the ids among them that may have rows already (None: all)."""
    if not article_ids:
        return
    create(cur)  # a store written before the table: ensure() fills the rest when it is opened for writing
    delete_articles(cur, list(article_ids) if stored is None else list(stored))
    # the stances by their articles' numbers: a write's articles have the largest ones, so the zone maps of the
    # stances, stored in article order, skip all but the last row groups (a scan by id reads every id)
    nos = [r[0] for r in cur.execute(f"SELECT article_no FROM articles WHERE {_IDS.format(col='id')}",
                                     [list(article_ids)]).fetchall()]
    sql = _SELECT.format(where_st="article_no IN (SELECT unnest(?::INTEGER[]))",
                         where=_IDS.format(col="article_id"), where_a=_IDS.format(col="id"))
    cur.execute(f"INSERT INTO {TABLE} BY NAME {sql}", [nos, list(article_ids), list(article_ids)])


def delete_articles(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Delete the rows of ``article_ids`` (inside the write transaction)."""
    if article_ids:
        create(cur)
        cur.execute(f"DELETE FROM {TABLE} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)])


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Re-derive the whole table (inside the caller's transaction)."""
    cur.execute(f"DELETE FROM {TABLE}")
    cur.execute(f"INSERT INTO {TABLE} BY NAME {_SELECT.format(where_st='true', where='true', where_a='true')}")


def in_step(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the table has as many rows as ``stances`` and all of them numbered as their articles are
    (a cheap check on open; writes keep them equal)."""
    n_st, n_sf, unnumbered = cur.execute(
        f"SELECT (SELECT count(*) FROM stances), (SELECT count(*) FROM {TABLE}), "
        f"(SELECT count(*) FROM {TABLE} WHERE article_no IS NULL)").fetchone()
    return n_st == n_sf and not unnumbered


def ensure(cur: duckdb.DuckDBPyConnection) -> bool:
    """Create the table and rebuild it (in one transaction) when out of step; True if rebuilt."""
    return bulk.ensure_derived(cur, create, in_step, rebuild)


def available(store: Any) -> bool:
    """Whether ``store``'s file has ``stance_facts`` in step with ``stances`` (a read-only reader of an older
    store has not: the queries then read ``stances``). Cached on the store object."""
    have = getattr(store, "_stance_facts_available", None)
    if have is None:
        try:
            have = bool(in_step(store))
        except duckdb.Error:
            have = False
        store._stance_facts_available = have
    return have
