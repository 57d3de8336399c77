"""Bulk writes: a batch of rows goes into a table in one statement through a pandas frame; a block of
statements runs as one transaction (:func:`transaction`).

DuckDB's ``executemany`` runs the statement once per row; a registered frame is scanned in one pass
(https://duckdb.org/docs/guides/python/import_pandas). Every column is kept as Python objects
(``dtype=object``) so that ``None`` stays SQL NULL (pandas would turn an integer column with a missing
value into floats with NaN), lists stay lists (DuckDB reads them as LIST) and ISO date strings are cast
to the column's DATE type by the insert.
"""

from __future__ import annotations

import contextlib
import itertools
from typing import Callable, Iterator, Sequence

import pandas as pd

_FRAME_IDS = itertools.count()


def ensure_derived(cur, create: Callable, in_step: Callable, rebuild: Callable) -> bool:
    """Create a derived table (``create(cur)``) and, when ``in_step(cur)`` is false, rebuild it
    (``rebuild(cur)``) in one :func:`transaction`. Returns True when it was rebuilt."""
    create(cur)
    if in_step(cur):
        return False
    with transaction(cur):
        rebuild(cur)
    return True


@contextlib.contextmanager
def transaction(cur) -> Iterator:
    """Run the statements of a ``with`` block on DuckDB cursor ``cur`` as one transaction: committed when the
    block ends, rolled back when it raises (the error is raised again), so a failed rebuild leaves the
    tables as they were."""
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
        cur.execute("COMMIT")
    except Exception:
        cur.execute("ROLLBACK")
        raise


def insert_rows(cur, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> int:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` in one statement.

    Args:
        cur: a DuckDB connection or cursor (inside the caller's transaction, if any).
        table (str): the table, a name of this module's callers (never user input).
        columns: the column names the tuples fill, in order.
        rows: the rows.

    Returns:
        int: the number of rows inserted.

    Raises:
        duckdb.Error: a value does not fit its column (the caller's transaction decides what is kept).
    """
    if not rows:
        return 0
    frame = pd.DataFrame({c: pd.Series([r[i] for r in rows], dtype=object) for i, c in enumerate(columns)})
    name = f"_bulk_rows_{next(_FRAME_IDS)}"
    cols = ", ".join(f'"{c}"' for c in columns)
    cur.register(name, frame)
    try:
        cur.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM {name}')
    finally:
        cur.unregister(name)
    return len(rows)
