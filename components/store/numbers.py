"""Article numbers: a dense INTEGER key of each article, carried by the tables the dashboard's filters join.

The filters find the passing articles in milliseconds (``article_index``, :mod:`components.store.aggregates`),
but at 10 M quotes the pages then semi-join 16.6 M place mentions, 6.7 M stances and 10 M quote facts to
them; on the VARCHAR article id each such join hashes every row's id string (0.4-2.4 s), on an INTEGER
2-9 times less (measured at 10 M, see docs/SCALE.md). So every article gets ``article_no`` when it is
written (the store's largest number plus one, in the order of the batch: rows of later articles have larger
numbers, so a table written article after article is ordered by it), and ``articles``, ``places``,
``stances``, ``quote_facts``, ``casualty_facts`` and ``article_index`` carry it next to ``article_id``.
A re-written article gets a new number (its rows are written anew); a deleted one leaves a gap.

The number is internal to one store file: the Parquet tree of ``ingest --engine dask`` does not carry it
(:mod:`components.scale.parquet` leaves it out), as each batch's in-memory store numbers from 1.

A store written before the numbers existed gets them when it is opened for writing (:func:`ensure`, in one
transaction, with progress on stderr); a read-only reader of such a store keeps the filters on article
ids (:func:`components.store.aggregates.index_available` is False), with the same rows.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Callable

import duckdb

from . import bulk

COLUMN = "article_no"
# tables that carry the number, in the order :func:`ensure` fills them (articles first: the others copy it)
TABLES = ("articles", "places", "stances", "quote_facts", "casualty_facts", "article_index")


def _columns(cur: Any, table: str) -> set[str] | None:
    """The column names of ``table`` (None when it does not exist)."""
    rows = cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                       "AND table_schema = 'main' AND table_catalog = current_database()", [table]).fetchall()
    return {r[0] for r in rows} or None


def next_number(cur: duckdb.DuckDBPyConnection) -> int:
    """The number the next written article gets: the largest stored one plus 1 (1 for an empty store)."""
    return int(cur.execute(f"SELECT coalesce(max({COLUMN}), 0) + 1 FROM articles").fetchall()[0][0])


def missing(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables of :data:`TABLES` that exist without the ``article_no`` column, or hold rows without a number
    (a store written before the numbers, or filled by bulk SQL that did not set them)."""
    out = []
    for table in TABLES:
        cols = _columns(cur, table)
        if cols is None:
            continue
        if COLUMN not in cols or cur.execute(
                f"SELECT EXISTS (SELECT 1 FROM {table} WHERE {COLUMN} IS NULL)").fetchone()[0]:
            out.append(table)
    return out


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fill(cur: duckdb.DuckDBPyConnection, progress: Callable[[str], None] | None = None) -> list[str]:
    """Add the ``article_no`` column where missing and number the rows without one (inside the caller's
    transaction): articles without a number get the next ones in storage order, the other tables copy their
    article's. Returns the tables filled; ``progress`` is called with one line per table."""
    todo = missing(cur)
    for table in TABLES:
        cols = _columns(cur, table)
        if cols is not None and COLUMN not in cols:
            cur.execute(f"ALTER TABLE {table} ADD COLUMN {COLUMN} INTEGER")  # a name of TABLES
    for table in todo:
        t0 = time.perf_counter()
        if table == "articles":
            cur.execute(
                f"UPDATE articles SET {COLUMN} = n.no FROM (SELECT rowid AS r, (SELECT coalesce(max({COLUMN}), 0) "
                f"FROM articles) + row_number() OVER (ORDER BY rowid) AS no FROM articles WHERE {COLUMN} IS NULL) n "
                "WHERE articles.rowid = n.r")
        else:
            cur.execute(f"UPDATE {table} SET {COLUMN} = a.{COLUMN} FROM articles a "
                        f"WHERE a.id = {table}.article_id AND {table}.{COLUMN} IS NULL")
        if progress:
            n = cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            progress(f"article numbers: {table} ({n:,} rows) in {time.perf_counter() - t0:.1f} s")
    return todo


def ensure(cur: duckdb.DuckDBPyConnection, progress: Callable[[str], None] | None = _say) -> list[str]:
    """:func:`fill` in one transaction (a failure leaves the store as it was), when something is missing.

    Args:
        cur: a cursor of a store opened for writing (outside a transaction).
        progress: called with one line per table filled (default: printed to stderr); None for silence.

    Returns:
        list[str]: the tables filled (empty when nothing was missing: no transaction is opened).
    """
    if not missing(cur):
        return []
    if progress:
        progress("article numbers: numbering the articles of a store written before them (once)")
    with bulk.transaction(cur):
        done = fill(cur, progress)
    return done


def available(cur: Any) -> bool:
    """Whether every table of :data:`TABLES` that exists has the ``article_no`` column (a read-only reader of
    an older store has not: its filters stay on article ids). ``cur``: anything with DuckDB's ``execute``
    (a connection, a cursor, a :class:`~components.store.Store`)."""
    for table in TABLES:
        cols = _columns(cur, table)
        if cols is not None and COLUMN not in cols:
            return False
    return True
