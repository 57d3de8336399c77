"""``ingest PATH... --engine dask --out DIR``: the per-article extraction on a Dask cluster.

The client reads the inputs (folders, globs, JSON Lines shards) with the same reader as the
single-process ingest (:func:`components.pipeline.read_files`), leaves out the articles already
committed in the Parquet tree (idempotent by article id: a second run over the same input adds
nothing) and sends small batches of articles to the workers. Each worker extracts a batch with the
function the single-process ingest's workers use (:func:`components.worker.process_article`:
language check, parse, every stage, record checks) and keeps the result; a write task on the same
worker commits what it holds into the tree every :data:`WRITE_SIZE` articles and at the end
(:func:`components.scale.parquet.write_batch`), so the rows are those of a single-process run.

The spaCy model is loaded once per worker process: :class:`LoadModel`, a Dask worker plugin, loads
it when the worker starts (:func:`components.nlp.load_nlp` is cached per process). The cluster is
a ``LocalCluster`` (processes, one thread each; default 2 workers) unless ``scheduler`` gives the
address of a running one, whose workers must have this package and its requirements installed
(``requirements-dask.txt``) and see ``out_dir`` (a shared file system).

Only one run writes into a tree at a time: a second one fails at once with a clear error
(a lock file, ``DIR/.ingest.lock``), and every run starts by removing what a killed run left
uncommitted (:func:`components.scale.parquet.recover`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Iterable, Sequence

from distributed import WorkerPlugin
from filelock import FileLock, Timeout

from ..errors import StoreError
from ..models import Article
from . import parquet

ProgressFn = Callable[[int, int, str], None]

# extracted articles a worker gathers before committing them as one batch of the tree (see dask_ingest)
WRITE_SIZE = 200


# Dask's statistical profiler samples every worker thread's stack every 10 ms for the dashboard's
# profile page, which nobody reads during an ingest; off in the clusters this package starts (cProfile
# serves when a profile is wanted). Measured 2026-12-06: no visible change in the workers' CPU seconds
# over 84 articles (25.6 s against 24.6-25.7 s with it on), so it is not where Dask's extra CPU goes.
#
# Dask also starts its workers with MALLOC_TRIM_THRESHOLD_=65536 (``distributed.nanny.pre-spawn-environ``),
# so that glibc hands freed memory back to the system at once. spaCy allocates and frees large arrays
# for every article: with that setting, extracting the 84 PolNeAR dev articles in one process took
# 21.7 user + 3.4 system CPU s and 1.28 M page faults, against 19.8 + 0.4 s and 0.13 M without
# (2026-12-06): all of the Dask workers' extra CPU against the ingest pool. The clusters this package
# starts keep Dask's other pre-spawn variables (one BLAS/OpenMP thread) and leave glibc's adaptive
# default; a cluster started by the user (``--scheduler``) should do the same (docs/SCALE.md).
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


def local_cluster(n_workers: int):
    """A ``distributed.LocalCluster`` of ``n_workers`` one-thread worker processes, logs below ERROR
    silenced, a dashboard on a free port, the statistical profiler off and glibc's memory trimming
    left at its default (:data:`WORKER_CONFIG`).
    The caller's main script is not re-run in the workers (:func:`components.worker.without_main`).
    The caller closes it."""
    import dask
    from distributed import LocalCluster

    from ..worker import without_main

    with dask.config.set(WORKER_CONFIG), without_main():
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                            dashboard_address=":0", silence_logs=logging.ERROR)


class LoadModel(WorkerPlugin):
    """Dask worker plugin: load the spaCy pipeline once when a worker starts (``name`` ``"news-atlas-nlp"``)."""

    name = "news-atlas-nlp"

    def setup(self, worker) -> None:
        """Load :func:`components.nlp.load_nlp` in the worker process (cached there for every task)."""
        from ..nlp import load_nlp

        load_nlp()


def extract_batch(articles: Sequence[Article]) -> dict:
    """Worker task: extract ``articles`` with the single-process ingest's per-article function
    (:func:`components.worker.process_article`). The result stays on the worker until
    :func:`write_extracted` writes it there.

    Returns:
        dict: ``{"extractions": [Extraction], "failed": [(where, message)], "warnings": [(where, message)]}``.
    """
    from ..pipeline import IngestReport, take_outcome
    from ..worker import process_article

    report = IngestReport()
    extractions = [ex for ex in (take_outcome(process_article(a), report) for a in articles) if ex is not None]
    return {"extractions": extractions, "failed": report.failed, "warnings": report.warnings}


def write_extracted(out_dir: str, batch_id: str, *parts: dict) -> dict:
    """Worker task: commit the extractions of ``parts`` (results of :func:`extract_batch`, held by
    this worker) as one batch of the tree (:func:`components.scale.parquet.write_batch`).

    Returns:
        dict: ``{"added": [ids], "failed": [...], "warnings": [...], "counts": {folder: rows}}``.
    """
    extractions = [ex for p in parts for ex in p["extractions"]]
    counts = parquet.write_batch(extractions, out_dir, batch_id)
    return {"added": [e.article.id for e in extractions], "failed": [f for p in parts for f in p["failed"]],
            "warnings": [w for p in parts for w in p["warnings"]], "counts": counts}


def extract_and_write(articles: Sequence[Article], out_dir: str, batch_id: str) -> dict:
    """Worker task: extract ``articles`` and commit them as one batch of the tree
    (:func:`extract_batch`, then :func:`write_extracted`).

    Returns:
        dict: ``{"added": [ids], "failed": [(where, message)], "warnings": [(where, message)],
        "counts": {folder: rows}}``.
    """
    return write_extracted(out_dir, batch_id, extract_batch(articles))


def _error(fut) -> str:
    """``"ExceptionName: message"`` of a task that did not finish (its exception, or its status)."""
    try:
        exc = fut.exception()
    except Exception as e:  # cancelled or lost: no exception to fetch
        exc = e
    return f"{type(exc).__name__}: {exc}" if exc is not None else fut.status


def task_size(total: int, n_workers: int, cap: int = 16) -> int:
    """Articles per extraction task: at most ``cap``, and small enough that every worker gets at
    least 4 tasks (a worker that finishes early takes the next task, so the last ones end together).
    ``total`` articles, ``n_workers`` >= 1 workers; returns >= 1."""
    return max(1, min(cap, -(-total // (4 * max(1, n_workers)))))


def _select_new(articles: Iterable[Article], stored: dict[str, str], report) -> list[Article]:
    """The articles to extract: not committed yet, first of their id in this run (others reported)."""
    from ..pipeline import is_repeat

    todo: list[Article] = []
    first: dict[str, Article] = {}
    for a in articles:
        where = a.source_path or a.id
        if a.id in stored:
            if stored[a.id] == parquet.text_digest(a.text):
                report.skipped.append((where, "already stored"))
            else:
                report.failed.append((where, f"id '{a.id}' is already used by another stored article; "
                                             "nothing was changed: give this article another id"))
            continue
        if not is_repeat(a, first, report):
            todo.append(a)
    return todo


def dask_ingest(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    collection: str | None = None,
    scheduler: str | None = None,
    n_workers: int = 2,
    batch_size: int | None = None,
    write_size: int = WRITE_SIZE,
    progress: ProgressFn | None = None,
):
    """Extract the articles of ``paths`` on a Dask cluster into the Parquet tree ``out_dir``.

    Tasks: small extraction tasks (:func:`extract_batch`, ``batch_size`` articles, default
    :func:`task_size`: at least 4 per worker), whose results stay on the worker that made them; when a
    worker holds ``write_size`` extracted articles, and for what it holds at the end, one write task
    on that worker commits them as one batch (:func:`write_extracted`: one set of Parquet part files
    per table and partition). Writing per task of 16 articles cost 4 times the CPU of writing per 84
    (an in-memory store and a ``COPY`` per table each time; 2026-12-06).

    Args:
        paths: files (.txt .md .html .jsonl), folders or glob patterns.
        out_dir: root of the Parquet tree (created).
        collection (str | None): collection of these articles (default: the reader's, ``"user"``).
        scheduler (str | None): address of a running Dask scheduler (``tcp://host:8786``); None
            starts a ``LocalCluster`` of ``n_workers`` processes with one thread each.
        n_workers (int): workers of the local cluster.
        batch_size (int | None): articles per extraction task (None: :func:`task_size`).
        write_size (int): extracted articles a worker gathers before it commits them as one batch
            (a killed run loses at most the batches not yet committed).
        progress (ProgressFn | None): ``progress(done, total, label)`` over the articles extracted.

    Returns:
        IngestReport: ids added, skipped (already stored), failed, rows per table folder.

    Raises:
        StoreError: another ingest holds the tree's lock, or a batch could not be written
            (committed batches stay; the next run completes the rest).
    """
    from distributed import Client, as_completed

    from ..pipeline import IngestReport, read_files

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / parquet.LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise StoreError(f"another ingest is writing into {out} (lock {out / parquet.LOCK_NAME}); "
                         "wait for it to finish and run again") from None
    try:
        parquet.recover(out)
        report = IngestReport()
        articles = read_files(paths, report, collection)
        todo = _select_new(articles, parquet.stored_ids(out), report)
        total = len(todo)
        if progress:
            progress(0, total, "extracting")
        if not todo:
            return report
        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            cluster = local_cluster(n_workers)
            client = Client(cluster)
        try:
            client.register_plugin(LoadModel())
            size = batch_size or task_size(total, len(client.scheduler_info()["workers"]) or n_workers)
            batches = [todo[i : i + size] for i in range(0, total, size)]
            futures = [client.submit(extract_batch, b, pure=False) for b in batches]
            n_of = {f.key: len(b) for f, b in zip(futures, batches)}
            held: dict[str | None, list] = {}  # worker address -> its extraction futures not yet written
            writes, errors, done = [], [], 0

            def write(addr: str | None) -> None:
                futs = held.pop(addr)
                where = {"workers": [addr], "allow_other_workers": True} if addr else {}
                writes.append(client.submit(write_extracted, str(out), parquet.new_batch_id(), *futs,
                                            pure=False, **where))

            for fut in as_completed(futures):
                if fut.status != "finished":  # a worker lost, or the task raised: that batch is not written
                    errors.append(_error(fut))
                    continue
                done += n_of[fut.key]
                addr = (client.who_has([fut]).get(fut.key) or [None])[0]
                held.setdefault(addr, []).append(fut)
                if sum(n_of[f.key] for f in held[addr]) >= write_size:
                    write(addr)
                if progress:
                    progress(done, total, "extracted")
            for addr in list(held):
                write(addr)
            for fut in as_completed(writes):
                if fut.status != "finished":
                    errors.append(_error(fut))
                    continue
                res = fut.result()
                report.added += res["added"]
                report.failed += [tuple(f) for f in res["failed"]]
                report.warnings += [tuple(w) for w in res.get("warnings", [])]
                report.merge_counts(res["counts"])
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        if errors:
            raise StoreError(f"{len(errors)} batch(es) could not be extracted or written ({errors[0]}); "
                             f"{len(report.added)} article(s) were committed, run again to complete the rest")
        return report
    finally:
        lock.release()
