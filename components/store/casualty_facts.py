"""Derived table ``casualty_facts``: each casualty record with its article's fields, its event and its rank.

The Casualties page, the Overview and the map count each event once, at its largest report
(:func:`components.store.queries._leaf_sql`). Computed from ``casualties`` on every filter change, that
needs a join with ``articles`` (for the date, collection and outlet filters and the title), a look-up of
each record's event in ``casualty_events``, the sums of each event's parts and a window ranking the
reports of each event: ~5 s at 10 M quotes (1 M casualty records). This table keeps all of it per record
(events and their parts alike), so the pages read one table:

the columns of ``casualties`` (:data:`RECORD_COLUMNS`), then ``published``, ``collection``, ``outlet``,
``article`` (the title, else the id) of the article; ``event_id``: the event across articles
(:mod:`components.store.events`) of the record, or for a part of its event record (a record without
an event row is its own: ``article_id:idx``); ``ev_rank``: the position of the record's report (a
part: its event record's) among the reports of its event by the largest ``killed_min``, then
``injured_min`` (NULL last), then article id and index (1 = the report the totals count when every
report passes the filters; under filters the smallest rank among the passing reports is the one the
totals count, as the rows ranked on the fly give); ``leaf_killed`` / ``leaf_injured``: what the record
places at its own place (an event: its count minus its parts' counts, at least 0; a part: its own);
``ev_reports``, ``ev_killed``, ``ev_injured``, ``ev_missing``: the event's number of reports and the
largest lower bounds of its reports (the totals without filters, read from the rank-1 rows only).

``casualty_chart(place, date, killed, injured, events, n)``: the Casualties chart without filters (what the
rank-1 reports and their parts place at each place and date), kept as deltas of the rows
:func:`refresh` replaces (about as many rows as the chart has bars: a top-n instead of a grouping of
every record).

It is maintained in the write transaction by :func:`components.store.events.refresh`, which every write
of casualty records calls (add, replace, delete, corrections): the rows of the records whose events it
regrouped are recomputed (events are whole inside that set, so their ranks and maxima are complete),
the rest is untouched; a full refresh rebuilds the table. :func:`ensure` rebuilds it when it is
missing or out of step with ``casualties``.
"""

from __future__ import annotations

from typing import Sequence

import duckdb

from . import bulk

RECORD_COLUMNS = ("article_id", "idx", "place", "country", "lat", "lon", "date", "killed_min", "killed_max",
                  "killed_qualifier", "injured_min", "injured_max", "injured_qualifier", "missing_min",
                  "missing_max", "perpetrator_killed_min", "perpetrator_killed_max", "cause", "actor", "start",
                  "end", "part_of", "victims", "confidence")

_KEY = "c.article_id || ':' || CAST(coalesce(c.part_of, c.idx) AS VARCHAR)"  # the record's report, as a key

# The rows of casualty_facts for the records whose report passes {where} (a fixed fragment of this module,
# over ``c``); {where} must keep whole events (every record of an event, or none) for ranks and maxima.
_SELECT = f"""
WITH c AS (SELECT * FROM casualties c WHERE {{where}}),
ps AS (SELECT article_id, part_of, sum(killed_min) AS k, sum(injured_min) AS i FROM c
       WHERE part_of IS NOT NULL GROUP BY ALL),
ev AS (SELECT c.article_id, c.idx, coalesce(e.event_id, c.article_id || ':' || CAST(c.idx AS VARCHAR)) AS event_id,
              c.killed_min, c.injured_min, c.missing_min
       FROM c LEFT JOIN casualty_events e ON e.article_id = c.article_id AND e.idx = c.idx
       WHERE c.part_of IS NULL),
rk AS (SELECT article_id, idx, event_id,
              row_number() OVER (PARTITION BY event_id ORDER BY killed_min DESC NULLS LAST,
                                 injured_min DESC NULLS LAST, article_id, idx) AS ev_rank,
              count(*) OVER (PARTITION BY event_id) AS ev_reports,
              max(killed_min) OVER (PARTITION BY event_id) AS ev_killed,
              max(injured_min) OVER (PARTITION BY event_id) AS ev_injured,
              max(missing_min) OVER (PARTITION BY event_id) AS ev_missing FROM ev)
SELECT {', '.join(f'c."{col}"' for col in RECORD_COLUMNS)},
       a.published, a.collection, a.outlet, coalesce(a.title, a.id) AS article,
       coalesce(rk.event_id, {_KEY}) AS event_id, CAST(rk.ev_rank AS INTEGER) AS ev_rank,
       CASE WHEN c.part_of IS NULL THEN greatest(coalesce(c.killed_min, 0) - coalesce(ps.k, 0), 0)
            ELSE coalesce(c.killed_min, 0) END AS leaf_killed,
       CASE WHEN c.part_of IS NULL THEN greatest(coalesce(c.injured_min, 0) - coalesce(ps.i, 0), 0)
            ELSE coalesce(c.injured_min, 0) END AS leaf_injured,
       rk.ev_reports, rk.ev_killed, rk.ev_injured, rk.ev_missing, a.article_no
FROM c LEFT JOIN articles a ON a.id = c.article_id
LEFT JOIN rk ON rk.article_id = c.article_id AND rk.idx = coalesce(c.part_of, c.idx)
LEFT JOIN ps ON ps.article_id = c.article_id AND ps.part_of = c.idx
ORDER BY c.article_id, c.idx
"""


# The chart's rows without filters (``casualty_chart``): per place ("unknown" when not resolved) and date (the
# record's, else its article's), what the rank-1 reports and their parts place there (each death once, as
# :func:`components.store.queries._leaf_sql` without filters), the events among them and the rows (``n``,
# so a key is dropped when its last row goes). Over the casualty_facts rows passing {where}.
_CHART_GROUP = """
SELECT coalesce(c.place, 'unknown') AS place, coalesce(c.date, c.published) AS date,
       CAST(sum(c.leaf_killed) AS BIGINT) AS killed, CAST(sum(c.leaf_injured) AS BIGINT) AS injured,
       count(*) FILTER (WHERE c.part_of IS NULL) AS events, count(*) AS n
FROM casualty_facts c WHERE (c.ev_rank = 1 OR c.ev_rank IS NULL) AND {where} GROUP BY ALL
"""
CHART_SCHEMA = ("CREATE TABLE IF NOT EXISTS casualty_chart (place VARCHAR, date DATE, killed BIGINT, "
                "injured BIGINT, events BIGINT, n BIGINT)")


def create(cur: duckdb.DuckDBPyConnection) -> None:
    """Create ``casualty_facts`` (its column types are those of its SELECT) and ``casualty_chart`` if missing
    (idempotent); a ``casualty_facts`` lacking a column of the SELECT is dropped and made anew (empty: the
    caller's :func:`ensure` then fills it)."""
    want = [d[0] for d in cur.execute(f"{_SELECT.format(where='false')}").description]
    have = {r[0] for r in cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'casualty_facts'").fetchall()}
    if have and not set(want) <= have:  # written by an older version: rebuilt by ensure (its rows are gone)
        cur.execute("DROP TABLE casualty_facts")
        have = set()
    if not have:
        cur.execute(f"CREATE TABLE casualty_facts AS {_SELECT.format(where='false')}")
    cur.execute(CHART_SCHEMA)


def _chart_delta(cur: duckdb.DuckDBPyConnection, where: str, params: list, sign: int) -> None:
    """Add (``sign`` 1) or subtract (-1) the chart rows of the casualty_facts rows passing ``where`` (fixed
    SQL of this module) to ``casualty_chart``; drop the keys left without rows."""
    cur.execute(f"CREATE OR REPLACE TEMP TABLE _chart_delta AS {_CHART_GROUP.format(where=where)}", params)
    op = "+" if sign > 0 else "-"
    sets = ", ".join(f"{v} = t.{v} {op} d.{v}" for v in ("killed", "injured", "events", "n"))
    insert = (" WHEN NOT MATCHED THEN INSERT (place, date, killed, injured, events, n) "
              "VALUES (d.place, d.date, d.killed, d.injured, d.events, d.n)") if sign > 0 else ""
    cur.execute("MERGE INTO casualty_chart t USING _chart_delta d ON t.place = d.place "
                f"AND t.date IS NOT DISTINCT FROM d.date WHEN MATCHED THEN UPDATE SET {sets}{insert}")
    if sign < 0:
        cur.execute("DELETE FROM casualty_chart WHERE n <= 0")


def refresh(cur: duckdb.DuckDBPyConnection, reports: Sequence[str] | None = None) -> None:
    """Recompute the rows of the records whose report key (``article_id:idx`` of the event record) is in
    ``reports``, or the whole table when None (inside the caller's transaction, after ``casualty_events``
    is written). ``reports`` must hold whole events (see :func:`components.store.events.refresh`)."""
    create(cur)
    if reports is None:
        cur.execute("DELETE FROM casualty_facts")
        cur.execute(f"INSERT INTO casualty_facts BY NAME {_SELECT.format(where='true')}")
        cur.execute("DELETE FROM casualty_chart")
        cur.execute(f"INSERT INTO casualty_chart BY NAME {_CHART_GROUP.format(where='true')}")
        return
    if not reports:
        return
    keys = list(reports)
    arts = sorted({k.rsplit(":", 1)[0] for k in keys})
    # the reports' records, and the parts of those articles whose event record is missing (their own event);
    # the articles first (a semi-join on a plain column), then the keys of their rows only
    arts_of = "c.article_id IN (SELECT unnest(?::VARCHAR[]))"
    cond = (f"({arts_of} AND ({_KEY} IN (SELECT unnest(?::VARCHAR[])) OR (c.part_of IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM casualties r WHERE r.article_id = c.article_id AND r.idx = c.part_of))))")
    gone = ("NOT EXISTS (SELECT 1 FROM casualties r "
            "WHERE r.article_id = c.article_id AND r.idx = c.idx)")  # records deleted meanwhile
    old = f"({arts_of} AND ({_KEY} IN (SELECT unnest(?::VARCHAR[])) OR (c.part_of IS NOT NULL AND {gone.replace('c.idx', 'c.part_of')}) OR {gone}))"
    # the chart follows the rows: subtract the old rows' share, replace the rows, add the new rows' share
    _chart_delta(cur, old, [arts, keys], -1)
    cur.execute(f"DELETE FROM casualty_facts c WHERE {old}", [arts, keys])
    cur.execute(f"INSERT INTO casualty_facts BY NAME {_SELECT.format(where=cond)}", [arts, keys])
    _chart_delta(cur, cond, [arts, keys], 1)


def in_step(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``casualty_facts`` has one row per casualty record and ``casualty_chart`` counts its rank-1
    rows (writes keep them equal)."""
    nc, nf, nl, nch = cur.execute(
        "SELECT (SELECT count(*) FROM casualties), (SELECT count(*) FROM casualty_facts), "
        "(SELECT count(*) FROM casualty_facts WHERE ev_rank = 1 OR ev_rank IS NULL), "
        "(SELECT coalesce(sum(n), 0) FROM casualty_chart)").fetchone()
    return nc == nf and nl == nch


def ensure(cur: duckdb.DuckDBPyConnection) -> bool:
    """Create the table and rebuild it (in one transaction) when out of step; True if rebuilt."""
    return bulk.ensure_derived(cur, create, in_step, refresh)


def available(store) -> bool:
    """Whether ``store``'s file has ``casualty_facts`` (a read-only reader of an older store has not: the
    queries then read ``casualties``). Cached on the store object."""
    have = getattr(store, "_casualty_facts_available", None)
    if have is None:
        try:
            store.execute("SELECT event_id, ev_rank, leaf_killed, ev_missing FROM casualty_facts LIMIT 0")
            store.execute("SELECT place, date, killed, injured, events, n FROM casualty_chart LIMIT 0")
            have = True
        except duckdb.Error:
            have = False
        store._casualty_facts_available = have
    return have
