"""End-to-end ingest against bare spaCy parsing, one worker against two, Dask against ``--workers 2``.

Usage: python bench/bench_ingest.py [--corpus DIR_OR_JSONL] [--rounds N] [--workers N]

Default corpus: ../shared/eval/polnear-dev/text (84 US political news articles). Every side reads the
same files from disk and (except the bare parse) writes every record:

- ``nlp.pipe``: bare parsing of the texts in this process (the model loaded once before timing);
- ``ingest 1``: :func:`components.pipeline.ingest_paths` with ``workers=1`` (read, extract in one worker
  process under the default time budget, store in a new DuckDB file);
- ``ingest N``: the same with ``workers=N``;
- ``dask N``: :func:`components.scale.dask_ingest.dask_ingest` on a ``LocalCluster`` of N one-thread
  workers into a new Parquet tree.

Worker processes and the cluster are started and warmed (model loaded) before timing; their start-up
is printed apart. Rounds alternate the sides so machine noise hits all of them. The table prints seconds
per side and round, and the medians of the ratios the scale issue sets goals for: ingest 1 ÷ nlp.pipe
throughput (goal >= 0.75), ingest N speed-up over ingest 1 (goal >= 1.8 for N = 2), Dask ÷ ingest N
throughput (goal >= 0.9). The load average is printed: on a shared machine the speed-up cannot reach
the number of cores.
"""

from __future__ import annotations

import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_extract import bench_parser, load_texts, timed as _timed  # noqa: E402
from components import pipeline, worker  # noqa: E402
from components.nlp import load_nlp  # noqa: E402
from components.scale.dask_ingest import dask_ingest  # noqa: E402
from components.store import Store  # noqa: E402


def main() -> None:
    args = bench_parser(__doc__, workers=True).parse_args()
    from distributed import Client, LocalCluster

    n_art = len(load_texts(args.corpus))
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    runs = iter(range(10_000))

    def ingest(workers: int) -> None:
        store = Store(tmp / f"s{next(runs)}.duckdb")
        try:
            rep = pipeline.ingest_paths([args.corpus], store, collection="bench", workers=workers)
        finally:
            store.close()
        assert len(rep.added) == n_art, (len(rep.added), n_art, rep.failed)

    try:
        nlp = load_nlp()
        list(nlp.pipe(load_texts(args.corpus)[:5]))
        start = {1: _timed(lambda: ingest(1)), args.workers: _timed(lambda: ingest(args.workers))}
        with worker.without_main():
            t0 = time.perf_counter()
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(cluster)
        dask_ingest([args.corpus], tmp / "warm", scheduler=cluster.scheduler_address)
        start_dask = time.perf_counter() - t0

        def bare() -> None:
            for _ in nlp.pipe(load_texts(args.corpus), batch_size=16):
                pass

        rows = []
        for r in range(args.rounds):
            b = _timed(bare)
            i1 = _timed(lambda: ingest(1))
            iN = _timed(lambda: ingest(args.workers))
            d = _timed(lambda: dask_ingest([args.corpus], tmp / f"tree{r}", collection="bench",
                                           scheduler=cluster.scheduler_address))
            rows.append((r + 1, b, i1, iN, d, os.getloadavg()[0]))
        client.close()
        cluster.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    n = args.workers
    print(f"corpus: {args.corpus} ({n_art} articles); {os.cpu_count()} cores")
    print(f"start-up + first run: ingest 1 worker {start[1]:.1f} s, ingest {n} workers {start[n]:.1f} s, "
          f"Dask cluster {start_dask:.1f} s")
    print(f"| round | nlp.pipe s | ingest 1 s | ingest {n} s | dask {n} s | ingest 1 ÷ pipe | "
          f"{n} vs 1 speed-up | dask ÷ ingest {n} | load 1m |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r, b, i1, iN, d, load in rows:
        print(f"| {r} | {b:.1f} | {i1:.1f} | {iN:.1f} | {d:.1f} | {b / i1:.2f} | {i1 / iN:.2f} | {iN / d:.2f} | {load:.1f} |")
    med = lambda xs: statistics.median(xs)  # noqa: E731
    print(f"medians: ingest 1 ÷ nlp.pipe {med([b / i1 for _, b, i1, *_ in rows]):.2f} (goal >= 0.75); "
          f"{n} workers vs 1 {med([i1 / iN for _, _, i1, iN, *_ in rows]):.2f} (goal >= 1.8); "
          f"Dask ÷ ingest {n} {med([iN / d for _, _, _, iN, d, _ in rows]):.2f} (goal >= 0.9)")


if __name__ == "__main__":
    main()
