"""Which schema and extractor wrote each stored article (table ``article_versions``).

``article_versions(article_id, schema_version, extractor_version)`` has one row per article, written
in the same transaction as the article's records (:meth:`components.store.Store.add_extractions`
calls :func:`record`, ``delete_article`` calls :func:`delete`). An article without a row (written
before versions were recorded) or with another ``extractor_version`` than
:data:`components.version.EXTRACTOR_VERSION` is *stale*: :func:`stale_articles` lists them and
:func:`components.upgrade.reextract_stale` re-extracts them from their stored text, so
records of two extractor versions are never mixed silently.
"""

from __future__ import annotations

from typing import Sequence

import duckdb

from ..version import EXTRACTOR_VERSION, SCHEMA_VERSION

VERSIONS_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_versions (
    article_id VARCHAR PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL
);
"""


def create(cur: duckdb.DuckDBPyConnection) -> None:
    """Create ``article_versions`` if missing (idempotent; existing rows are kept)."""
    cur.execute(VERSIONS_SCHEMA)


def record(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Mark ``article_ids`` as written by this schema and extractor (call inside the write transaction)."""
    if not article_ids:
        return
    ids = list(article_ids)
    delete(cur, ids)
    cur.execute("INSERT INTO article_versions SELECT unnest(?), ?, ?", [ids, SCHEMA_VERSION, EXTRACTOR_VERSION])


def delete(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Forget the versions of ``article_ids`` (call inside the write transaction)."""
    if article_ids:
        cur.execute("DELETE FROM article_versions WHERE list_contains(?, article_id)", [list(article_ids)])


def stale_articles(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """Ids of stored articles not written by :data:`EXTRACTOR_VERSION` (sorted; no version row counts as stale)."""
    rows = cur.execute(
        "SELECT a.id FROM articles a LEFT JOIN article_versions v ON v.article_id = a.id "
        "WHERE v.extractor_version IS DISTINCT FROM ? ORDER BY a.id", [EXTRACTOR_VERSION]).fetchall()
    return [r[0] for r in rows]
