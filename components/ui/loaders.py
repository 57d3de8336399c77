"""Streamlit loaders: the shared store (``cache_resource``) and cached query results (``cache_data``).

The only module of the dashboard that talks to :mod:`components.store`; the
pages call :func:`query` with the name of a function of
:mod:`components.store.queries` (an allowlist) and its arguments. Results are
cached per (store path, query, arguments) for :data:`TTL_SECONDS`;
:func:`clear_data` empties the cache after an upload so every page shows the
new articles at once.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import streamlit as st

from ..collections import load_collections
from ..store import Store, default_db_path
from ..store import queries as Q

if TYPE_CHECKING:  # the pipeline imports spaCy: loaded only to build or ingest, not to browse
    from ..pipeline import IngestReport

TTL_SECONDS = 600
_BUILD_LOCK = threading.Lock()

# Query name -> function(store, *args, **kwargs). Nothing outside this table can be called.
QUERIES: dict[str, Callable[..., Any]] = {
    name: getattr(Q, name)
    for name in (
        "filter_options", "known_values", "overview_counts", "top_speakers", "top_places", "count_quotes", "quotes_page",
        "quote_detail", "speaker_card", "map_places", "places_table", "count_casualties", "casualty_totals", "casualties_page",
        "casualties_table", "casualties_by_place_date", "stance_matrix", "stance_evidence", "count_articles",
        "articles_page", "article_bundle", "quotes_export", "review_queue", "article_people", "article_casualties",
        "casualty_event_reports", "casualty_event_summary",
    )
}


def db_path() -> str:
    """The store path in use: ``$NEWS_ATLAS_DB`` or ``data/atlas.duckdb``."""
    return str(default_db_path())


@st.cache_resource(show_spinner=False)
def get_store(path: str) -> Store:
    """The one :class:`Store` of this server process for ``path`` (thread-safe: a cursor per query).

    Raises:
        StoreError: the file cannot be opened (e.g. another process holds the write lock).
    """
    store = Store(path)
    Q.ensure_indexes(store)
    return store


def store() -> Store:
    """The shared store for :func:`db_path`."""
    return get_store(db_path())


@st.cache_data(ttl=TTL_SECONDS, max_entries=1024, show_spinner=False)
def query(path: str, name: str, *args: Any, **kwargs: Any) -> Any:
    """Run ``components.store.queries.<name>(store, *args, **kwargs)``, cached per arguments.

    Args:
        path (str): store path (part of the cache key; use :func:`db_path`).
        name (str): a key of :data:`QUERIES`.

    Raises:
        KeyError: ``name`` is not an allowed query.
    """
    return QUERIES[name](get_store(path), *args, **kwargs)


def q(name: str, *args: Any, **kwargs: Any) -> Any:
    """Shorthand for :func:`query` on the current store path."""
    return query(db_path(), name, *args, **kwargs)


def clear_data() -> None:
    """Forget every cached query result (after the store changed)."""
    query.clear()


@st.cache_data(show_spinner=False)
def collection_labels() -> dict[str, str]:
    """Collection name -> human label from ``data/collections.yaml`` (name itself if unlisted)."""
    return {c["name"]: c["label"] for c in load_collections()}


@st.cache_data(show_spinner=False)
def default_collections() -> tuple[str, ...]:
    """Names of the collections marked ``default: true`` (the seed)."""
    return tuple(c["name"] for c in load_collections() if c["default"])


@st.cache_data(show_spinner=False)
def topic_labels() -> dict[str, str]:
    """Topic id -> label from ``data/topics.yaml`` (empty when the file is missing or malformed)."""
    import yaml

    path = Path(__file__).resolve().parents[2] / "data" / "topics.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return {str(t["id"]): str(t.get("label") or t["id"]) for t in data.get("topics", []) if "id" in t}
    except (OSError, yaml.YAMLError, TypeError, AttributeError):
        return {}


def store_is_empty(s: Store) -> bool:
    """True when the store has no article at all (first start)."""
    return s.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def build_default(s: Store, progress: Callable[[int, int, str], None] | None = None) -> IngestReport | None:
    """Build the embedded default collections into an empty store (one builder at a time).

    Policy: only a store without any article is built; a store that already has
    articles is used as it is (so a store built from a subset, or filled from
    the command line, is respected).

    Returns:
        IngestReport | None: what was ingested, or None when the store was not empty.
    """
    from ..pipeline import ensure_default_store

    with _BUILD_LOCK:
        if not store_is_empty(s):
            return None
        report = ensure_default_store(s, progress=progress)
    clear_data()
    return report


# The upload form's checkbox that overwrites stored articles; the id-clash message points to it.
REPLACE_LABEL = "Replace articles already stored"
UPLOAD_REPLACE_HINT = f"tick '{REPLACE_LABEL}' and upload it again to overwrite it"


def ingest_upload(
    s: Store, articles: list, progress: Callable[[int, int, str], None] | None = None, replace: bool = False
) -> IngestReport:
    """Extract and store uploaded articles, then clear the query cache. See :func:`components.pipeline.ingest_articles`.

    With ``replace``, articles already stored are re-extracted and overwritten, each in the collection it
    is stored in. A failure for an id used by another stored text points to the :data:`REPLACE_LABEL` box.
    """
    from ..pipeline import ingest_articles

    report = ingest_articles(articles, s, progress=progress, replace=replace, keep_collection=replace,
                             replace_hint=UPLOAD_REPLACE_HINT)
    clear_data()
    return report


@st.cache_resource(show_spinner=False, ttl=300)
def tiles_reachable(host: str = "basemaps.cartocdn.com", timeout: float = 1.0) -> bool:
    """Whether the map tile host answers (checked at most every 5 minutes); False when offline."""
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False
