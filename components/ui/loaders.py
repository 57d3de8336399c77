"""Streamlit loaders: the shared store (``cache_resource``) and cached query results (``cache_data``).

The only module of the dashboard that talks to :mod:`components.store`; the
pages call :func:`query` with the name of a function of
:mod:`components.store.queries` (an allowlist) and its arguments. Results are
cached per (store path, query, arguments) for :data:`TTL_SECONDS`;
:func:`clear_data` empties the cache after an upload so every page shows the
new articles at once.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import streamlit as st

from ..collections import load_collections
from ..store import Store, checked_db_path
from ..store import queries as Q

if TYPE_CHECKING:  # the pipeline imports spaCy: loaded only to build or ingest, not to browse
    from ..pipeline import IngestReport

TTL_SECONDS = 600
# tables a store gets when opened read-write (components.store.Store); one missing: written by an older version
DERIVED_TABLES = {"article_versions", "corrections", "speaker_identities", "casualty_events", "quote_facts",
                  "casualty_facts", "casualty_chart", "stance_counts", "stance_cue_counts", "stance_facts"}
# columns added to existing tables later (ALTER ... ADD COLUMN IF NOT EXISTS when opened read-write)
ADDED_COLUMNS = {("quotes", "confidence"), ("casualties", "confidence"), ("quote_facts", "confidence"),
                 # the article numbers the filters join on (components/store/numbers.py)
                 ("articles", "article_no"), ("places", "article_no"), ("stances", "article_no"),
                 ("quote_facts", "article_no"), ("article_index", "article_no"),
                 ("place_samples", "article_no")}  # the map's hover sample ordered by article number
# the kinds of record the Review page's queue lists (components.store.queries.review_queue), with labels
REVIEW_LABELS = {"quote": "quotes", "casualty": "casualty records", "stance": "stances"}
BUILD_START_DELAY_S = 4.0  # the background build starts this long after the seed is stored
BUILD_CHUNK = 64  # articles per write session of the background build (each one swapped in when written)
_BUILD_LOCK = threading.Lock()

# Query name -> function(store, *args, **kwargs). Nothing outside this table can be called.
QUERIES: dict[str, Callable[..., Any]] = {
    name: getattr(Q, name)
    for name in (
        "filter_options", "known_values", "overview_counts", "top_speakers", "top_places", "count_quotes", "quotes_page",
        "quote_detail", "speaker_card", "map_places", "places_table", "count_casualties", "casualty_totals", "casualties_page",
        "casualties_table", "casualties_by_place_date", "casualty_points", "stance_matrix", "stance_evidence", "count_articles",
        "articles_page", "article_bundle", "quotes_export", "facet_counts", "review_queue", "article_people",
        "article_casualties", "casualty_event_reports", "casualty_event_summary", "speaker_names", "date_span",
    )
}


def db_path() -> str:
    """The store path in use: ``$NEWS_ATLAS_DB`` or ``data/atlas.duckdb``.

    Raises:
        StoreError: ``$NEWS_ATLAS_DB`` names a file in a folder that does not exist
            (:func:`components.store.checked_db_path`; the dashboard shows the message and stops).
    """
    return checked_db_path()


@st.cache_resource(show_spinner=False, max_entries=4)
def get_store(path: str, version: str) -> Store:
    """The read-only :class:`~components.store.swap.SnapshotReader` of this server process for ``path`` as
    it is at ``version`` (:func:`components.store.swap.file_version`; thread-safe: a cursor per query).

    The dashboard never holds the file read-write, so an ``ingest`` from the command line can run
    meanwhile; it swaps in a new file, whose new version makes the next refresh open it.

    Raises:
        StoreError: the file cannot be opened (not a DuckDB store).
    """
    from ..store.swap import SnapshotReader, write_session

    reader = SnapshotReader(path)
    tables = {r[0] for r in reader.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    columns = set(reader.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall())
    if not (DERIVED_TABLES <= tables and ADDED_COLUMNS <= columns):  # an older version's store: migrate it once
        reader.close()
        with write_session(path, timeout=60):
            pass
        reader = SnapshotReader(path)
    return reader


def store() -> Store:
    """The shared store for :func:`db_path`, as it is now (an empty store is created on first start)."""
    from ..store.swap import file_version, write_session

    path = db_path()
    version = file_version(path)
    if version == "missing":
        with write_session(path, timeout=60):
            pass
        version = file_version(path)
    return get_store(path, version)


@st.cache_data(ttl=TTL_SECONDS, max_entries=1024, show_spinner=False)
def query(path: str, version: str, name: str, *args: Any, **kwargs: Any) -> Any:
    """Run ``components.store.queries.<name>(store, *args, **kwargs)``, cached per arguments.

    Args:
        path (str): store path (use :func:`db_path`).
        version (str): the file's version (part of the cache key, so a swapped-in store is queried anew).
        name (str): a key of :data:`QUERIES`.

    Raises:
        KeyError: ``name`` is not an allowed query.
    """
    return QUERIES[name](get_store(path, version), *args, **kwargs)


def q(name: str, *args: Any, **kwargs: Any) -> Any:
    """Shorthand for :func:`query` on the current store."""
    s = store()
    return query(s.path, s.version, name, *args, **kwargs)


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


# the taxonomy the extraction uses (components.extract.topics.TOPICS_ENV; not imported: it loads spaCy)
TOPICS_ENV = "NEWS_ATLAS_TOPICS"


def topic_labels() -> dict[str, str]:
    """Topic id -> label from ``$NEWS_ATLAS_TOPICS`` or ``data/topics.yaml`` (empty when missing or malformed)."""
    env = os.environ.get(TOPICS_ENV, "").strip()
    path = Path(env).expanduser() if env else Path(__file__).resolve().parents[2] / "data" / "topics.yaml"
    return _topic_labels(str(path))


@st.cache_data(show_spinner=False)
def _topic_labels(path: str) -> dict[str, str]:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        return {str(t["id"]): str(t.get("label") or t["id"]) for t in data.get("topics", []) if "id" in t}
    except (OSError, yaml.YAMLError, TypeError, AttributeError):
        return {}


def store_is_empty(s: Store) -> bool:
    """True when the store has no article at all (first start)."""
    return s.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def stale_articles(s: Store) -> list[str]:
    """Ids of stored articles written by another extractor version (see :mod:`components.store.versions`)."""
    from ..store import versions

    return versions.stale_articles(s.cursor())


def reextract(s: Store, progress: Callable[[int, int, str], None] | None = None) -> IngestReport | None:
    """Re-extract the stale articles (one builder at a time), then clear the query cache.
    See :func:`components.upgrade.reextract_stale`."""
    from ..store.swap import write_session
    from ..upgrade import reextract_stale

    with _BUILD_LOCK, write_session(s.path, timeout=600) as w:
        report = reextract_stale(w, progress=progress)
    clear_data()
    return report


@dataclass
class BuildProgress:
    """The state of the background build of the bundled collections (one per store, shared by sessions).

    Attributes:
        total (int): articles to extract (those of the bundled collections not yet stored).
        done (int): articles extracted so far. started (float): ``time.monotonic()`` at the start.
        running (bool): the build thread is at work. finished (bool): it ended (see ``error``).
        added (int): articles stored by the build. error (str | None): why it stopped early.
    """

    total: int = 0
    done: int = 0
    started: float = 0.0
    running: bool = False
    finished: bool = False
    added: int = 0
    error: str | None = None
    _last_clear: float = field(default=0.0, repr=False)

    def rate(self) -> float:
        """Articles per second since the build started (0.0 before the first batch)."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if self.done and elapsed > 0 else 0.0

    def seconds_left(self) -> float | None:
        """Estimated seconds to the end at the current rate (None before the first batch)."""
        r = self.rate()
        return (self.total - self.done) / r if r else None


@st.cache_resource(show_spinner=False)
def build_progress(path: str) -> BuildProgress:
    """The :class:`BuildProgress` of the store at ``path`` (one object per server process)."""
    return BuildProgress()


def _marker(path: str) -> Path | None:
    """``<store>.building``: exists while a first build is unfinished, so a restart resumes it."""
    return None if path == ":memory:" else Path(path + ".building")


def _not_stored(path: str, articles: list) -> list:
    """The ``articles`` whose id the store at ``path`` does not hold yet (read from a fresh snapshot)."""
    from ..store.swap import SnapshotReader

    reader = SnapshotReader(path)
    try:
        ids = [a.id for a in articles]
        stored = {r[0] for r in reader.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()}
    finally:
        reader.close()
    return [a for a in articles if a.id not in stored]


def first_start(s: Store, manifest: Path | None = None, on_seed: Callable[[], None] | None = None) -> BuildProgress:
    """On a fresh store, extract the default collections (the seed) now and the others in the background.

    Runs when the store has no article, or when an earlier first build was interrupted (its marker file
    ``<store>.building`` is left); otherwise the store is used as it is. The default collections of the
    manifest (``default: true``: the seed, one article) are ingested in the caller's thread, and extracted
    in this process (no worker to start; the bundled seed needs no time budget; the model stays loaded in
    the server), so the first page shows them within seconds; every other collection is then read and ingested by one daemon thread
    of this server process, :data:`BUILD_CHUNK` articles per write session (:func:`write_session`: a copy
    of the store swapped in when written, so browsing sessions keep reading and see each chunk after a
    refresh). Articles already stored are skipped, so an interrupted build resumes where it stopped.
    The query cache is cleared as batches land (at most every 5 s) and at the end. The thread waits
    :data:`BUILD_START_DELAY_S` before its first read, so the first page is drawn without competing with it.

    Args:
        s (Store): the dashboard's store. manifest (Path | None): collections file (default
            ``data/collections.yaml``). on_seed (Callable | None): called before the seed is extracted
            (the dashboard shows a status box).

    Returns:
        BuildProgress: the shared state (``running`` while the thread works).
    """
    from ..pipeline import IngestReport, ingest_articles, read_files
    from ..store.swap import write_session

    state = build_progress(s.path)
    marker = _marker(s.path)
    with _BUILD_LOCK:
        if state.running or state.finished:
            return state
        if not store_is_empty(s) and not (marker and marker.exists()):
            return state
        if marker:
            marker.touch()
        collections = load_collections(manifest)
        first = [c for c in collections if c["default"]] or collections[:1]
        rest = [c for c in collections if c not in first]
        if on_seed:
            on_seed()
        report = IngestReport()
        with write_session(s.path, timeout=600) as w:
            for c in first:  # in this process: a worker's start (spawn, imports, model) would cost seconds
                ingest_articles(read_files(c["paths"], report, collection=c["name"]), w, report=report,
                                article_timeout=None)
        clear_data()
        state.running, state.started = True, time.monotonic()

    def progress(done: int, total: int, label: str) -> None:
        state.done, state.total = done, total
        now = time.monotonic()
        if done and now - state._last_clear >= 5.0:
            state._last_clear = now
            clear_data()

    def work() -> None:
        rep = IngestReport()
        # let the first page draw the seed before this thread competes with it for the interpreter
        time.sleep(BUILD_START_DELAY_S)
        try:
            articles = [a for c in rest for a in read_files(c["paths"], rep, collection=c["name"])]
            articles = _not_stored(s.path, articles)  # a resumed build counts only what is left
            state.total = len(articles)
            # one write session (a copy swapped in) per chunk, so the pages show each chunk after a refresh
            for k in range(0, len(articles), BUILD_CHUNK):
                with write_session(s.path, timeout=600) as w:
                    ingest_articles(articles[k : k + BUILD_CHUNK], w, report=rep, batch_size=8,
                                    progress=lambda d, t, label, k=k: progress(k + d, len(articles), label))
                clear_data()
                state.added = len(rep.added)
            if marker:
                marker.unlink(missing_ok=True)
        except Exception as exc:  # the thread's boundary: the pages say why the build stopped
            state.error = f"{type(exc).__name__}: {exc}"
        finally:
            state.running, state.finished = False, True
            clear_data()

    threading.Thread(target=work, name="news-atlas-first-build", daemon=True).start()
    return state


def correct(*args: Any, **kwargs: Any) -> Any:
    """Store a reviewer's correction (:func:`components.store.corrections.add`, same arguments after the
    store) in a write session on the live store (:func:`components.store.swap.write_session`: the
    dashboard reads a read-only snapshot), then clear the query cache.

    Raises:
        StoreError: another writer kept the store for more than 30 s. ValueError: see ``corrections.add``.
    """
    from ..store import corrections
    from ..store.swap import write_session

    with write_session(db_path(), timeout=30) as w:
        result = corrections.add(w, *args, **kwargs)
    clear_data()
    return result


def speaker_review(action: str, name: str, into: str | None = None, author: str = "anonymous") -> int:
    """Merge two speakers or split a name off (:func:`components.store.corrections.speaker_review`) in a
    write session on the live store, then clear the query cache. Returns the correction's id.

    Raises:
        StoreError: another writer kept the store for more than 30 s; CorrectionError: see ``speaker_review``.
    """
    from ..store import corrections
    from ..store.swap import write_session

    with write_session(db_path(), timeout=30) as w:
        cid = corrections.speaker_review(w, action, name, into=into, author=author)
    clear_data()
    return cid


def undo_correction(correction_id: int, author: str = "anonymous") -> bool:
    """Undo a correction (:func:`components.store.corrections.undo`) in a write session; True when undone."""
    from ..store import corrections
    from ..store.swap import write_session

    with write_session(db_path(), timeout=30) as w:
        done = corrections.undo(w, correction_id, author=author)
    clear_data()
    return done


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
    from ..store.swap import write_session

    with write_session(s.path, timeout=30) as w:  # waits up to 30 s for a command-line ingest, then StoreError
        report = ingest_articles(articles, w, progress=progress, replace=replace, keep_collection=replace,
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
