"""Derived table ``quote_facts``: each quote with the article and speaker fields the filters need.

The dashboard filters quotes by their article (collection, outlet, date), by
and by their speaker's country. Answering those with joins and semi-joins
over a million quotes on every filter change costs hundreds of milliseconds, so the store keeps one
row per quote with those fields copied in:

``id, article_id, text, "start", "end", text_len, speaker, kind, topics, stance,
published, collection, outlet, speaker_country, confidence`` (``stance``: the ``"topic: polarity"``
of the stances whose evidence includes the quote, ``"; "``-joined, as the quotes
table shows it; reading it from ``stances.evidence`` per page costs ~400 ms at 1M
quotes, as DuckDB reads list columns slowly for scattered rows; ``confidence``: the quote's, so the
Quotes table sorts by it without a join, which costs ~12 times the page at 1M quotes)

It is maintained on write, in the same transaction as the rows it derives from
(:meth:`components.store.Store.add_extractions` and ``delete_article`` call
:func:`refresh_articles` and :func:`delete_articles`), so it is exactly as
idempotent and transactional as the tables themselves. :func:`ensure_facts`
rebuilds it when it is out of step with ``quotes`` (a store written before the
table existed, or filled by bulk SQL such as the benchmark's replication).
"""

from __future__ import annotations

from typing import Sequence

import duckdb

from . import aggregates, bulk, stance_facts

FACTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS quote_facts (
    id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    text VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    text_len INTEGER,
    speaker VARCHAR,
    kind VARCHAR,
    topics VARCHAR[],
    stance VARCHAR,
    published DATE,
    collection VARCHAR,
    outlet VARCHAR,
    speaker_country VARCHAR,
    confidence DOUBLE,
    article_no INTEGER
);
"""
# added later: appended to older tables (last, as the SELECT below gives it), which are then rebuilt
_ADDED_COLUMNS = (("confidence", "DOUBLE"), ("article_no", "INTEGER"))

# The rows of quote_facts for the quotes passing {where} (a fixed fragment of this module).
_SELECT_FACTS = """
SELECT q.id, q.article_id, q.text, q."start", q."end", length(q.text) AS text_len, q.speaker, q.kind, q.topics,
       st.stance, a.published, a.collection, a.outlet, s.country AS speaker_country, q.confidence,
       a.article_no
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN article_speakers s ON s.article_id = q.article_id AND s.name = q.speaker
LEFT JOIN (SELECT e.quote_id, string_agg(e.topic || ': ' || e.polarity, '; ' ORDER BY e.topic) AS stance
           FROM (SELECT unnest(evidence) AS quote_id, topic, polarity FROM stances {swhere}) e
           GROUP BY e.quote_id) st ON st.quote_id = q.id
{where}
ORDER BY q.article_id, q."start", q.id
"""


def create(cur: duckdb.DuckDBPyConnection) -> bool:
    """Create ``quote_facts`` if missing, and add the columns an older version's table lacks (idempotent).
    Returns True when a column was added (the table must then be rebuilt: the new column is empty)."""
    cur.execute(FACTS_SCHEMA)
    have = {r[0] for r in cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'quote_facts'").fetchall()}
    added = False
    for name, kind in _ADDED_COLUMNS:  # fixed names and types of this module
        if name not in have:
            cur.execute(f"ALTER TABLE quote_facts ADD COLUMN {name} {kind}")
            added = True
    return added


def refresh_articles(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                     stored: Sequence[str] | None = None) -> None:
    """Re-derive the facts of ``article_ids`` from their stored rows (call inside the write transaction).

    ``stored``: the ids among them that may have facts already (None: all of them); a write that knows
    which of its articles are new saves the look-up of their old facts and counts."""
    if not article_ids:
        return
    ids = list(article_ids)
    delete_articles(cur, ids if stored is None else list(stored))
    sql = _SELECT_FACTS.format(swhere="WHERE list_contains(?, article_id)",
                               where="WHERE list_contains(?, q.article_id)")
    cur.execute(f"INSERT INTO quote_facts BY NAME {sql}", [ids, ids])
    aggregates.index_add(cur, ids)  # the article index, from the final places, speaker cards and facts
    aggregates.quotes_delta(cur, ids, 1)  # the quote counts follow their facts (aggregates.py)
    aggregates.samples_refresh(cur, ids)  # and the map's hover sample, from the final places and facts
    # the narrow stance rows (stance_facts.py); their old rows went with delete_articles above
    stance_facts.refresh_articles(cur, ids, stored=[])


def delete_articles(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Delete the facts of ``article_ids``, their quote counts, their ``article_index`` rows and their
    ``stance_facts`` rows (call inside the write transaction)."""
    if article_ids:
        aggregates.quotes_delta(cur, article_ids, -1)
        aggregates.index_delete(cur, article_ids)
        stance_facts.delete_articles(cur, article_ids)
        cur.execute("DELETE FROM quote_facts WHERE list_contains(?, article_id)", [list(article_ids)])


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Re-derive the whole table, and the aggregate tables (:mod:`.aggregates`), in one transaction."""
    with bulk.transaction(cur):
        cur.execute("DELETE FROM quote_facts")
        cur.execute(f"INSERT INTO quote_facts BY NAME {_SELECT_FACTS.format(swhere='', where='')}")
        aggregates.rebuild(cur)


def in_step(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``quote_facts`` has as many rows as ``quotes`` (a cheap check on open; writes keep them equal)."""
    nq, nf = cur.execute("SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM quote_facts)").fetchone()
    return nq == nf


def ensure_facts(cur: duckdb.DuckDBPyConnection) -> bool:
    """Create ``quote_facts`` and rebuild it when it is out of step with ``quotes`` or was missing a column;
    True if rebuilt."""
    if not create(cur) and in_step(cur):
        return False
    rebuild(cur)
    return True
