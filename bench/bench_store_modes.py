"""How can the dashboard read the store while an ingest writes it? The three candidates, measured.

Usage: python bench/bench_store_modes.py [--quotes N]   (after bench_dashboard.py built bench/out/bench_N.duckdb)

(c) the dashboard opens the DuckDB file read-only while an ingest holds it read-write in another
    process: tried in two processes; DuckDB refuses the second open (the error is printed).
(b) every write session copies the store, writes the copy and swaps it in with ``os.replace``; readers
    reopen the new file after a refresh: the cost is the copy (and reopening), timed here.
(a) the Parquet partitions are the table of record and the dashboard queries DuckDB views over
    ``read_parquet(..., hive_partitioning = true)``: the store's tables are exported to a
    collection/month-partitioned tree and every dashboard page's queries are timed over the views
    and over the native tables (same filter states as bench_dashboard.py, best of 3 each).
Prints a table per candidate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_dashboard import FILTER_STATES, OUT, best_ms, page_workloads  # noqa: E402
from components.store import Store  # noqa: E402
from components.store import queries as Q  # noqa: E402

TABLES = ("articles", "quotes", "article_speakers", "places", "casualties", "stances", "quote_facts")


class ViewStore:
    """The part of :class:`components.store.Store` the queries use, over a connection holding views."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con

    def cursor(self):
        return self._con.cursor()

    def execute(self, sql, params=None):
        return self.cursor().execute(sql, params or [])

    def df(self, sql, params=None):
        return self.execute(sql, params).df()


def try_read_only_while_written(path: Path) -> str:
    """Open ``path`` read-write here and read-only in a child process; the child's outcome."""
    tmp = Path(tempfile.mkdtemp()) / "c.duckdb"
    shutil.copyfile(path, tmp)
    con = duckdb.connect(str(tmp))
    code = ("import duckdb,sys\ntry:\n duckdb.connect(sys.argv[1], read_only=True); print('opened')\n"
            "except duckdb.Error as e:\n print(type(e).__name__ + ': ' + str(e).split(chr(10))[0][:120])")
    out = subprocess.run([sys.executable, "-c", code, str(tmp)], capture_output=True, text=True).stdout.strip()
    con.close()
    shutil.rmtree(tmp.parent)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=1_000_000)
    args = ap.parse_args()
    path = OUT / f"bench_{args.quotes}.duckdb"
    if not path.exists():
        sys.exit(f"{path} is missing: run bench/bench_dashboard.py --sizes {args.quotes} first")
    size_mb = path.stat().st_size / 2**20

    print(f"(c) read-only open while another process writes: {try_read_only_while_written(path)}")

    tmp = Path(tempfile.mkdtemp(prefix="store-modes-"))
    try:
        copies = []
        for _ in range(3):
            t0 = time.perf_counter()
            shutil.copyfile(path, tmp / "copy.duckdb")
            Store(tmp / "copy.duckdb").close()
            os.replace(tmp / "copy.duckdb", tmp / "live.duckdb")
            copies.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            Store(tmp / "live.duckdb", read_only=True).close()
            reopen = time.perf_counter() - t0
        print(f"(b) copy + open + swap of a {size_mb:.0f} MB store: {statistics.median(copies):.2f} s median of 3; "
              f"reader reopen {reopen * 1000:.0f} ms")

        store = Store(path, read_only=True)
        t0 = time.perf_counter()
        tree = tmp / "tree"
        tree.mkdir()
        for t in TABLES:
            if t == "articles":
                sel = "SELECT a.*, strftime(a.published, '%Y-%m') AS month FROM articles a"
            elif t == "quote_facts":
                sel = "SELECT f.*, strftime(f.published, '%Y-%m') AS month FROM quote_facts f"
            else:
                sel = (f"SELECT t.*, a.collection, strftime(a.published, '%Y-%m') AS month FROM {t} t "
                       "JOIN articles a ON a.id = t.article_id")
            store.execute(f"COPY ({sel}) TO '{tree / t}' (FORMAT parquet, PARTITION_BY (collection, month))")
        export_s = time.perf_counter() - t0
        n_files = sum(1 for _ in tree.rglob("*.parquet"))
        tree_mb = sum(f.stat().st_size for f in tree.rglob("*.parquet")) / 2**20
        con = duckdb.connect()
        for t in TABLES:
            con.execute(f"CREATE VIEW {t} AS SELECT * EXCLUDE (month) FROM read_parquet('{tree / t}/**/*.parquet', "
                        "hive_partitioning = true, hive_types = {'collection': VARCHAR, 'month': VARCHAR})")
        views = ViewStore(con)
        print(f"(a) Parquet tree: {n_files} files, {tree_mb:.0f} MB (store {size_mb:.0f} MB), exported in {export_s:.1f} s")
        print("| page | native median ms | native worst | Parquet views median ms | Parquet views worst | ratio |")
        print("|---|---:|---:|---:|---:|---:|")
        native: dict[str, list[float]] = {}
        parq: dict[str, list[float]] = {}
        Q.filter_options(views)
        for label, f in FILTER_STATES.items():
            wn, wp = page_workloads(store, f), page_workloads(views, f)
            for page in wn:
                native.setdefault(page, []).append(best_ms(wn[page], 3))
                parq.setdefault(page, []).append(best_ms(wp[page], 3))
        for page in native:
            mn, mp = statistics.median(native[page]), statistics.median(parq[page])
            print(f"| {page} | {mn:.0f} | {max(native[page]):.0f} | {mp:.0f} | {max(parq[page]):.0f} | {mp / mn:.1f}x |")
        print(f"load average {os.getloadavg()[0]:.1f}")
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
