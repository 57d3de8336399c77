"""End-to-end ingest against bare spaCy parsing, one worker against two, Dask against ``--workers 2``.

Usage: python bench/bench_ingest.py [--corpus DIR_OR_JSONL] [--rounds N] [--workers N]

Default corpus: ../shared/eval/polnear-dev/text (84 US political news articles). Every side reads the
same files from disk and (except the bare parse) writes every record:

- ``nlp.pipe``: bare parsing of the texts in this process (the model loaded once before timing);
- ``ingest 1``: :func:`components.pipeline.ingest_paths` with a pool of one worker process (read the
  files, check them against the store, extract in the worker under the default time budget, store in
  a new DuckDB file: its creation, the bulk inserts and the derived tables of every write session);
- ``ingest N``: the same with a pool of N workers;
- ``dask N``: :func:`components.scale.dask_ingest.dask_ingest` on a ``LocalCluster`` of N one-thread
  workers into a new Parquet tree.

Every side starts from the same point: its model(s) loaded before the clock starts. The bare parse
loads its model in this process; each ingest side has its own :class:`components.worker.ExtractionPool`
(``ingest_paths(pool=...)``), started and warmed by a first run, and the cluster is warmed the same way
(one model per worker); that start-up (process start, imports, model load) is printed apart. Without
pools of their own the two ingest sides would share the process's pool, which is rebuilt whenever the
number of workers changes, so every timed run would pay its workers' start again.

Rounds alternate the sides so machine noise hits all of them. The table prints seconds per side and
round, and the medians of the ratios the scale issue sets goals for: ingest 1 ÷ nlp.pipe throughput
(goal >= 0.75), ingest N speed-up over ingest 1 (goal >= 1.8 for N = 2), Dask ÷ ingest N throughput
(goal >= 0.9). A second table gives the CPU seconds of each side (this process, and the side's worker
processes: the pool's for an ingest side, the cluster's for Dask), which machine load inflates far less
than wall time; this process also runs the Dask scheduler, which costs a little CPU all along. The
load average is printed: on a shared machine the speed-up cannot reach the number of cores.
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

from bench.bench_extract import bench_parser, load_texts  # noqa: E402
from components import pipeline, worker  # noqa: E402
from components.nlp import load_nlp  # noqa: E402
from components.scale.dask_ingest import dask_ingest, local_cluster  # noqa: E402
from components.store import Store  # noqa: E402


def _cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) so far of each living process of ``pids``, by pid."""
    import psutil

    out = {}
    for pid in pids:
        try:
            out[pid] = sum(psutil.Process(pid).cpu_times()[:2])
        except psutil.Error:  # ended meanwhile
            pass
    return out


def _timed(fn, pids=lambda: []) -> tuple[float, float, float]:
    """``(wall s, CPU s of this process, CPU s of the processes ``pids()``)`` of one call of ``fn``
    (a process that ends during the call is not counted: the pools' workers and the cluster live on)."""
    c0, p0, t0 = _cpu(pids()), time.process_time(), time.perf_counter()
    fn()
    wall, own, c1 = time.perf_counter() - t0, time.process_time() - p0, _cpu(pids())
    return wall, own, sum(v - c0.get(pid, 0.0) for pid, v in c1.items())


def main() -> None:
    args = bench_parser(__doc__, workers=True).parse_args()
    from distributed import Client

    n_art = len(load_texts(args.corpus))
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    runs = iter(range(10_000))
    pools = {n: worker.ExtractionPool(n) for n in {1, args.workers}}

    def ingest(workers: int) -> None:
        store = Store(tmp / f"s{next(runs)}.duckdb")
        try:
            rep = pipeline.ingest_paths([args.corpus], store, collection="bench", pool=pools[workers])
        finally:
            store.close()
        assert len(rep.added) == n_art, (len(rep.added), n_art, rep.failed)

    try:
        nlp = load_nlp()
        list(nlp.pipe(load_texts(args.corpus)[:5]))
        start = {1: _timed(lambda: ingest(1))[0], args.workers: _timed(lambda: ingest(args.workers))[0]}
        t0 = time.perf_counter()
        cluster = local_cluster(args.workers)
        client = Client(cluster)
        dask_ingest([args.corpus], tmp / "warm", scheduler=cluster.scheduler_address)
        start_dask = time.perf_counter() - t0

        def cluster_pids() -> list[int]:
            import psutil

            ours = set(pools[1].pids + pools[args.workers].pids)
            return [c.pid for c in psutil.Process().children(recursive=True) if c.pid not in ours]

        def bare() -> None:
            for _ in nlp.pipe(load_texts(args.corpus), batch_size=16):
                pass

        rows = []
        for r in range(args.rounds):
            b = _timed(bare)
            i1 = _timed(lambda: ingest(1), lambda: pools[1].pids)
            iN = _timed(lambda: ingest(args.workers), lambda: pools[args.workers].pids)
            d = _timed(lambda: dask_ingest([args.corpus], tmp / f"tree{r}", collection="bench",
                                           scheduler=cluster.scheduler_address), cluster_pids)
            rows.append((r + 1, b, i1, iN, d, os.getloadavg()[0]))
        client.close()
        cluster.close()
    finally:
        for pool in pools.values():
            pool.close()
        shutil.rmtree(tmp, ignore_errors=True)

    n = args.workers
    print(f"corpus: {args.corpus} ({n_art} articles); {os.cpu_count()} cores")
    print(f"start-up + first run: ingest 1 worker {start[1]:.1f} s, ingest {n} workers {start[n]:.1f} s, "
          f"Dask cluster {start_dask:.1f} s")
    print(f"| round | nlp.pipe s | ingest 1 s | ingest {n} s | dask {n} s | ingest 1 ÷ pipe | "
          f"{n} vs 1 speed-up | dask ÷ ingest {n} | load 1m |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    walls = [(r, b[0], i1[0], iN[0], d[0], load) for r, b, i1, iN, d, load in rows]
    for r, b, i1, iN, d, load in walls:
        print(f"| {r} | {b:.1f} | {i1:.1f} | {iN:.1f} | {d:.1f} | {b / i1:.2f} | {i1 / iN:.2f} | {iN / d:.2f} | {load:.1f} |")
    med = lambda xs: statistics.median(xs)  # noqa: E731
    print(f"medians: ingest 1 ÷ nlp.pipe {med([b / i1 for _, b, i1, *_ in walls]):.2f} (goal >= 0.75); "
          f"{n} workers vs 1 {med([i1 / iN for _, _, i1, iN, *_ in walls]):.2f} (goal >= 1.8); "
          f"Dask ÷ ingest {n} {med([iN / d for _, _, _, iN, d, _ in walls]):.2f} (goal >= 0.9)")
    print("CPU seconds (this process + the side's worker processes; this process also runs the Dask "
          "scheduler, alive throughout):")
    print(f"| round | nlp.pipe | ingest 1 | ingest {n} | dask {n} |")
    print("|---:|---:|---:|---:|---:|")
    for r, *sides, _ in rows:
        print(f"| {r} | " + " | ".join(f"{own:.1f} + {kids:.1f}" for _, own, kids in sides) + " |")


if __name__ == "__main__":
    main()
