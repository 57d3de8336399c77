"""Dask ``LocalCluster`` (2 workers) against a single process: ingest throughput and cost per article.

Usage: python bench/bench_dask.py [--corpus DIR_OR_JSONL] [--rounds N] [--workers N]

Default corpus: ../shared/eval/polnear-dev/text (84 US political news articles, ~4,900 characters each).
Both sides read the same files and write every record: the single process with
:func:`components.pipeline.ingest_paths` into a new DuckDB store, the cluster with
:func:`components.scale.dask_ingest.dask_ingest` into a new Parquet tree. The model is loaded before
timing on both sides (the cluster is started once, its workers load the model through the worker
plugin on a warm-up run), so the rounds time steady-state work; the start-up costs are printed apart.
Rounds alternate single / Dask so machine noise hits both; the table prints each round, the median
speed-up (single time / Dask time; 2 workers on 2 idle cores would give up to 2.0) and the load
average (the machine may be shared). It also prints the cost per article that docs/SCALE.md uses:
CPU seconds per article (single process), resident memory per worker, bytes of Parquet and of
DuckDB per 1,000 articles.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_extract import bench_parser  # noqa: E402
from components.nlp import load_nlp  # noqa: E402
from components.pipeline import ingest_paths  # noqa: E402
from components.scale.dask_ingest import dask_ingest, local_cluster  # noqa: E402
from components.store import Store  # noqa: E402


def du(path: Path) -> int:
    """Bytes of the files under ``path``."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def worker_rss_mb() -> float:
    """Resident memory of the calling process in MB (run on each worker)."""
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def main() -> None:
    args = bench_parser(__doc__, workers=True).parse_args()
    from distributed import Client

    tmp = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    try:
        t0 = time.perf_counter()
        load_nlp()
        load_single = time.perf_counter() - t0
        t0 = time.perf_counter()
        cluster = local_cluster(args.workers)
        client = Client(cluster)
        warm = dask_ingest([args.corpus], tmp / "warm", scheduler=cluster.scheduler_address)  # loads the model
        start_dask = time.perf_counter() - t0
        n = len(warm.added)
        rows = []
        for r in range(args.rounds):
            store_path = tmp / f"single-{r}.duckdb"
            store = Store(store_path)
            c0, t0 = time.process_time(), time.perf_counter()
            single = ingest_paths([args.corpus], store, collection="bench")
            t_single, cpu_single = time.perf_counter() - t0, time.process_time() - c0
            store.close()
            t0 = time.perf_counter()
            dist = dask_ingest([args.corpus], tmp / f"tree-{r}", collection="bench", scheduler=cluster.scheduler_address)
            t_dask = time.perf_counter() - t0
            assert len(single.added) == len(dist.added) == n, (len(single.added), len(dist.added), n)
            rows.append((r + 1, t_single, cpu_single, t_dask, t_single / t_dask, os.getloadavg()[0]))
        rss = client.run(worker_rss_mb)
        parquet_bytes = du(tmp / "tree-0")
        duckdb_bytes = (tmp / "single-0.duckdb").stat().st_size
        n_files = sum(1 for _ in (tmp / "tree-0").rglob("*.parquet"))
        client.close()
        cluster.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"corpus: {args.corpus} ({n} articles); Dask LocalCluster {args.workers} workers x 1 thread")
    print(f"start-up: single process model load {load_single:.1f} s; cluster start + first run {start_dask:.1f} s")
    print(f"{'round':>5} | {'single s':>8} | {'single CPU s':>12} | {'Dask s':>7} | {'speed-up':>8} | {'load 1m':>7}")
    print("-" * 62)
    for r, ts, cs, td, ratio, load in rows:
        print(f"{r:>5} | {ts:>8.1f} | {cs:>12.1f} | {td:>7.1f} | {ratio:>8.2f} | {load:>7.1f}")
    print("-" * 62)
    med = statistics.median(x[4] for x in rows)
    cpu = statistics.median(x[2] for x in rows) / n
    print(f"median speed-up Dask {args.workers} workers vs single process: {med:.2f}x")
    print(f"cost per article: {cpu:.3f} CPU s (single process, extraction + store write); "
          f"worker RSS {', '.join(f'{v:.0f}' for v in rss.values())} MB")
    print(f"per 1,000 articles: Parquet {parquet_bytes / n * 1000 / 2**20:.2f} MiB ({n_files} part files for {n}); "
          f"DuckDB {duckdb_bytes / n * 1000 / 2**20:.2f} MiB")


if __name__ == "__main__":
    main()
