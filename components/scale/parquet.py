"""The Parquet tree written by distributed ingest: layout, atomic batch commits, reading it back.

Layout (hive partitioning, one folder per record type)::

    DIR/articles/collection=NAME/month=YYYY-MM/part-<batch id>-<n>.parquet
    DIR/quotes/...  DIR/speakers/...  DIR/places/...  DIR/casualties/...  DIR/stances/...
    DIR/versions/...                 # schema and extractor version of each article
    DIR/_committed/<batch id>        # commit marker of a batch (empty file)

``month`` is the article's publication month (``__HIVE_DEFAULT_PARTITION__``, read back as NULL,
when the date is unknown); every table carries its article's partition, so a query on one
collection or period reads only its folders. Columns and types are those of the DuckDB store's
tables (:data:`TABLES` maps folder -> store table; ``speakers`` is the store's
``article_speakers``), because a batch is first written into an in-memory :class:`~components.store.Store`
by the very code the single-process ingest uses, then copied out with DuckDB's ``COPY ... PARTITION_BY``.
``collection`` and ``month`` come back as the hive columns (read them with :func:`read_sql`, which
types them as VARCHAR so a collection named ``2024`` stays a string).

Commit protocol (readers never see half a batch for long, a killed run never leaves duplicates):
a batch is written under ``DIR/_staging/<batch id>/``, its files are moved into place with
``os.replace`` (child tables first, ``articles`` last), then the marker ``DIR/_committed/<batch id>``
is created. :func:`recover` (run at the start of every ingest, under the tree's lock) deletes the
staging folder and every part file whose batch has no marker, so the articles of a batch killed
half way are simply extracted again by the next run.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from pathlib import Path
from typing import Sequence

import duckdb

from ..models import Extraction
from ..store import numbers

# Parquet folder -> store table.
TABLES = {
    "articles": "articles",
    "quotes": "quotes",
    "speakers": "article_speakers",
    "places": "places",
    "casualties": "casualties",
    "stances": "stances",
    "versions": "article_versions",
}
COMMITTED = "_committed"
STAGING = "_staging"
LOCK_NAME = ".ingest.lock"
_PART_RE = re.compile(r"^part-([0-9a-f]{32})-\d+\.parquet$")
# The partition of an article; children join their article to get it.
_MONTH = "strftime(a.published, '%Y-%m')"


def new_batch_id() -> str:
    """A fresh batch id (32 hex digits, a random UUID)."""
    return uuid.uuid4().hex


def write_batch(extractions: Sequence[Extraction], out_dir: str | Path, batch_id: str) -> dict[str, int]:
    """Write one batch of extractions into the tree and commit it.

    The rows are made by :meth:`components.store.Store.add_extractions` on an in-memory store
    (same rows, columns and types as the single-process store), then copied to Parquet partitions
    under the staging folder, moved into place and committed (see the module docstring).

    Args:
        extractions: the batch (articles with distinct ids).
        out_dir: the tree's root.
        batch_id (str): from :func:`new_batch_id`; names the part files and the commit marker.

    Returns:
        dict[str, int]: rows written per folder of :data:`TABLES` (``{}`` for an empty batch).

    Raises:
        StoreError: the in-memory write failed (nothing of the batch is committed).
        OSError: a file could not be written or moved (the batch stays uncommitted; :func:`recover`
            removes its files).
    """
    from ..store import Store

    if not extractions:
        return {}
    out = Path(out_dir)
    staging = out / STAGING / batch_id
    staging.mkdir(parents=True, exist_ok=True)
    mem = Store(":memory:")
    try:
        written = mem.add_extractions(extractions)
        cur = mem.cursor()
        counts = {}
        for folder, table in TABLES.items():
            # the article number is internal to one store file (components/store/numbers.py): not in the tree
            if folder == "articles":
                sql = f"SELECT a.* EXCLUDE (article_no), {_MONTH} AS month FROM articles a"
            else:
                star = "t.* EXCLUDE (article_no)" if table in numbers.TABLES else "t.*"
                sql = f"SELECT {star}, a.collection, {_MONTH} AS month FROM {table} t JOIN articles a ON a.id = t.article_id"
            counts[folder] = cur.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
            if not counts[folder]:
                continue
            target = (staging / folder).as_posix().replace("'", "''")
            cur.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet, PARTITION_BY (collection, month), "
                        f"FILENAME_PATTERN 'part-{batch_id}-{{i}}')")
    finally:
        mem.close()
    # Move into place: children first, articles last, then the marker.
    for folder in [f for f in TABLES if f != "articles"] + ["articles"]:
        src_root = staging / folder
        if not src_root.is_dir():
            continue
        for src in sorted(src_root.rglob("*.parquet")):
            dst = out / folder / src.relative_to(src_root)
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
    (out / COMMITTED).mkdir(parents=True, exist_ok=True)
    (out / COMMITTED / batch_id).touch()
    shutil.rmtree(staging, ignore_errors=True)
    assert counts["articles"] == len(written.added)
    return counts


def recover(out_dir: str | Path) -> int:
    """Remove what a killed run left: the staging folder and part files of uncommitted batches.

    Call it only while holding the tree's lock (:data:`LOCK_NAME`), as another run's files in
    flight would look uncommitted. Returns the number of part files removed.
    """
    out = Path(out_dir)
    shutil.rmtree(out / STAGING, ignore_errors=True)
    marker_dir = out / COMMITTED
    committed = {p.name for p in marker_dir.iterdir()} if marker_dir.is_dir() else set()
    removed = 0
    for folder in TABLES:
        for f in (out / folder).rglob("part-*.parquet") if (out / folder).is_dir() else ():
            m = _PART_RE.match(f.name)
            if m and m.group(1) not in committed:
                f.unlink()
                removed += 1
    return removed


def _glob(out_dir: str | Path, folder: str) -> str:
    return (Path(out_dir) / folder / "**" / "*.parquet").as_posix()


def read_sql(out_dir: str | Path, folder: str) -> str:
    """A ``read_parquet(...)`` table expression over one folder of the tree (hive columns as VARCHAR).

    The path is embedded as a quoted SQL literal (DuckDB table functions take no parameters for
    their file list); quotes in it are escaped.
    """
    path = _glob(out_dir, folder).replace("'", "''")
    return (f"read_parquet('{path}', hive_partitioning = true, "
            f"hive_types = {{'collection': VARCHAR, 'month': VARCHAR}}, union_by_name = true)")


def has_rows(out_dir: str | Path, folder: str) -> bool:
    """True when the folder holds at least one part file."""
    d = Path(out_dir) / folder
    return d.is_dir() and any(d.rglob("*.parquet"))


def text_digest(text: str) -> str:
    """MD5 hex digest of ``text`` in UTF-8 (equal to DuckDB's ``md5(text)``): tells a reused id from a re-read."""
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def stored_ids(out_dir: str | Path, con: duckdb.DuckDBPyConnection | None = None) -> dict[str, str]:
    """``{article id: text_digest(text)}`` of the articles committed in the tree (empty for a new tree)."""
    if not has_rows(out_dir, "articles"):
        return {}
    con = con or duckdb.connect()
    return dict(con.execute(f"SELECT id, md5(text) FROM {read_sql(out_dir, 'articles')}").fetchall())


def create_views(con: duckdb.DuckDBPyConnection, out_dir: str | Path) -> list[str]:
    """Create one DuckDB view per store table over the tree (``quotes``, ``article_speakers``, ...).

    Tables with no part file yet get no view. Returns the names of the views created.
    """
    made = []
    for folder, table in TABLES.items():
        if has_rows(out_dir, folder):
            con.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT * FROM {read_sql(out_dir, folder)}')
            made.append(table)
    return made
