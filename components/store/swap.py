"""A store that is read while it is written: writers build a new file and swap it in atomically.

DuckDB lets one process open a database file read-write and then no other process may open it, not
even read-only ("Could not set lock on file ... Conflicting lock is held"; measured by
``bench/bench_store_modes.py``). So the live file ``PATH`` is never written in place:

- :func:`write_session` (command-line ``ingest``, ``build-default``, the dashboard's upload and
  re-extraction) takes the lock ``PATH.lock`` (``filelock``; a second writer fails at once with a
  clear :class:`~components.errors.StoreError`), copies ``PATH`` to ``PATH.tmp``, yields a
  read-write :class:`Store` on the copy and, when the block ends without error, closes it
  (DuckDB checkpoints) and replaces ``PATH`` with it by ``os.replace`` (atomic on one file system).
  An error or a kill leaves ``PATH`` as it was; the next session removes the stale copy and
  starts again from ``PATH`` (ingest is idempotent, so it completes what the killed run did not).
- :class:`SnapshotReader` (the dashboard) opens ``PATH`` read-only in a private in-memory DuckDB
  instance (``ATTACH ... (READ_ONLY)``), so it never conflicts with a writer, and keeps reading the
  file it opened even after a swap (the old inode stays readable until it is closed);
  :func:`file_version` tells the dashboard when to open the new file (after a refresh).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections import OrderedDict
from pathlib import Path
from typing import Iterator

import duckdb
from filelock import FileLock, Timeout

from ..errors import StoreError
from . import Store

LOCK_SUFFIX = ".lock"
TMP_SUFFIX = ".tmp"


def file_version(path: str | Path) -> str:
    """Identity of the file at ``path`` now: ``"inode:mtime_ns:size"``, or ``"missing"``; changes at every swap."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "missing"
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}.wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


@contextlib.contextmanager
def write_session(path: str | Path, timeout: float = 0.0) -> Iterator[Store]:
    """A read-write :class:`Store` on a copy of ``path``, swapped in when the block ends without error.

    Args:
        path: the live store file (``":memory:"``: a plain in-memory store, nothing swapped).
        timeout (float): seconds to wait for another writer to finish (0: fail at once).

    Yields:
        Store: the copy, with the schema and the dashboard's indexes; write into it as usual.

    Raises:
        StoreError: another writer holds ``PATH.lock``; the live file is held read-write by a
            process of an older version; the copy cannot be made (disk full). ``PATH`` is unchanged.
    """
    if str(path) == ":memory:":
        yield Store(":memory:")
        return
    from . import queries

    live = Path(path)
    lock = FileLock(f"{live}{LOCK_SUFFIX}")
    try:
        live.parent.mkdir(parents=True, exist_ok=True)
        # filelock retries a lock file it cannot create until the timeout, then reports a Timeout as if
        # another writer held it: try the file first, so an unwritable place ("/proc/...") says so
        with open(f"{live}{LOCK_SUFFIX}", "a"):
            pass
        lock.acquire(timeout=timeout)
    except Timeout:
        raise StoreError(f"another ingest is writing into {live} (lock {live}{LOCK_SUFFIX}); "
                         "wait for it to finish and run again") from None
    except OSError as exc:  # a folder that cannot be made or written (read-only, /proc, no such device)
        raise StoreError(f"cannot open the store at {live}: its lock file {live}{LOCK_SUFFIX} cannot be "
                         f"created there ({exc.strerror or exc}); give a store path in a writable folder") from exc
    tmp = Path(f"{live}{TMP_SUFFIX}")
    try:
        _remove(tmp)  # left by a killed session
        if Path(f"{live}.wal").exists():  # written in place by an older version: fold its log in first
            Store(live).close()
        if live.exists():
            try:
                shutil.copyfile(live, tmp)
            except OSError as exc:
                _remove(tmp)
                raise StoreError(f"cannot copy the store {live} to write it: {exc}") from exc
        store = Store(tmp)
        try:
            yield store
            queries.ensure_indexes(store)
        except BaseException:
            store.close()
            _remove(tmp)
            raise
        store.close()
        os.replace(tmp, live)
    finally:
        lock.release()


# filter states whose article numbers a reader keeps (SnapshotReader.filter_scope; one number per article, or per article
# and index key: 4 MB for the 1.03 M articles with a direct quote at 10M quotes), and
# how long an evicted one stays readable
SCOPE_CACHE_SIZE = 8
SCOPE_DROP_AFTER_S = 60.0

# DuckDB's memory for the dashboard's reader: its default (80 % of the machine's memory) lets the buffer of a
# 10M-quote store grow past the 1.5 GB goal of issue 14; queries past the limit spill to disk.
MEMORY_ENV = "NEWS_ATLAS_DUCKDB_MEMORY"
DEFAULT_READER_MEMORY = "1GB"


def reader_memory_limit() -> str:
    """DuckDB ``memory_limit`` of :class:`SnapshotReader`: ``$NEWS_ATLAS_DUCKDB_MEMORY`` (e.g. ``"2GB"``) or
    :data:`DEFAULT_READER_MEMORY`."""
    return os.environ.get(MEMORY_ENV) or DEFAULT_READER_MEMORY


class SnapshotReader(Store):
    """A read-only :class:`Store` on the file at ``path`` as it is when opened (see the module docstring).

    Its DuckDB instance is limited to :func:`reader_memory_limit` of memory.

    Raises:
        StoreError: the file is missing or not a DuckDB store, or the memory limit is not a DuckDB size.
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.version = file_version(path)
        if self.version == "missing":
            raise StoreError(f"cannot open the store at {self.path}: the file does not exist")
        try:
            self._con = duckdb.connect(":memory:", config={"memory_limit": reader_memory_limit()})
            self._con.execute("ATTACH ? AS atlas (READ_ONLY)", [self.path])
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        import threading

        self._write_lock = threading.Lock()
        self._scope_lock = threading.Lock()
        self._scopes: OrderedDict[tuple, str] = OrderedDict()  # key -> table name, least recently used first
        self._states: OrderedDict[tuple, str] = OrderedDict()  # the same for state_table
        self._retired: list[tuple[float, str]] = []  # (time evicted, table) of tables to drop later
        self._scope_no = 0

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor whose default database is the attached store."""
        cur = self._con.cursor()
        cur.execute("USE atlas")
        return cur

    def filter_scope(self, filters, index: bool = False) -> str | None:
        """The name of a table in this reader's own in-memory database holding the article numbers that pass the
        quote-level filters of ``filters`` (:func:`components.store.filters.quote_scope_select`), made on first
        use and shared by every statement of every page under the same quote-level filters (a text search
        scanned the quotes once per statement: 0.13 s each at 10M quotes); None without ``index`` (article
        numbers) or quote-level filters.

        The tables are keyed by the snapshot's :attr:`version` and the filters' quote-level fields
        (:func:`~components.store.filters.quote_scope_key`); the file this reader reads never changes under it
        (a write swaps in a new file, which a new reader opens), so a table is never stale. The
        :data:`SCOPE_CACHE_SIZE` most recently used are kept; an evicted one is dropped
        :data:`SCOPE_DROP_AFTER_S` seconds later (a statement of another session may still read it).
        """
        from .filters import quote_scope_key, quote_scope_select

        key = quote_scope_key(filters, index)
        if key is None or not index:
            return None
        sql, params = quote_scope_select(filters, index, distinct=False)  # only ever semi-joined
        return self._keep(self._scopes, (self.version,) + key, sql, params, "filter_scope")

    def state_table(self, key: tuple, sql: str, params: list) -> str | None:
        """The name of a table in this reader's own in-memory database holding the rows of ``sql`` (a SELECT, with
        ``params``), made on first use and shared by every statement that asks with the same ``key`` (a hashable
        tuple naming the query and the filter state its rows depend on: the caller's promise that equal keys give
        equal rows on one file), as :meth:`filter_scope` keeps the articles of the quote filters: keyed also by the
        snapshot's :attr:`version`, so never stale; the :data:`SCOPE_CACHE_SIZE` most recently used kept (apart
        from :meth:`filter_scope`'s), an evicted one dropped :data:`SCOPE_DROP_AFTER_S` seconds later.
        :meth:`clear_filter_scopes` drops them too. A store open for writing keeps none
        (:meth:`components.store.Store.state_table` returns None)."""
        return self._keep(self._states, (self.version,) + tuple(key), sql, params, "state_table")

    def _keep(self, cache: OrderedDict, key: tuple, sql: str, params: list, prefix: str) -> str:
        """The table of ``key`` in ``cache`` (least recently used first), made from ``sql`` if missing; the
        oldest beyond :data:`SCOPE_CACHE_SIZE` retired, the retired ones older than :data:`SCOPE_DROP_AFTER_S`
        dropped."""
        with self._scope_lock:
            name = cache.get(key)
            if name is not None:
                cache.move_to_end(key)
                return name
            self._scope_no += 1
            name = f"memory.main.{prefix}_{self._scope_no}"  # a fixed prefix and a counter: never input
            self.cursor().execute(f"CREATE TABLE {name} AS {sql}", params)
            cache[key] = name
            now = time.monotonic()
            while len(cache) > SCOPE_CACHE_SIZE:
                self._retired.append((now, cache.popitem(last=False)[1]))
            for t, old in [r for r in self._retired if now - r[0] >= SCOPE_DROP_AFTER_S]:
                self._con.execute(f"DROP TABLE IF EXISTS {old}")
                self._retired.remove((t, old))
            return name

    def clear_filter_scopes(self) -> None:
        """Drop every table of :meth:`filter_scope` and :meth:`state_table` (the next use of a filter state computes it again, as its
        first visit does; the benchmark calls this to time first visits)."""
        with self._scope_lock:
            for name in list(self._scopes.values()) + list(self._states.values()) + [n for _, n in self._retired]:
                self._con.execute(f"DROP TABLE IF EXISTS {name}")
            self._scopes.clear()
            self._states.clear()
            self._retired.clear()
