"""``ingest PATH... --engine dask --out DIR``: the per-article extraction on a Dask cluster.

The client reads the inputs (folders, globs, JSON Lines shards) with the same reader as the
single-process ingest (:func:`components.pipeline.read_files`), leaves out the articles already
committed in the Parquet tree (idempotent by article id: a second run over the same input adds
nothing) and sends batches of articles to the workers. Each worker extracts a batch with the
function the single-process ingest's workers use (:func:`components.worker.process_article`:
language check, parse, every stage, record checks) and writes it straight into the tree
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


# Dask's statistical profiler samples every worker thread's stack every 10 ms for the dashboard's
# profile page, which nobody reads during an ingest; off in the clusters this package starts (cProfile
# serves when a profile is wanted). Measured 2026-12-06: no visible change in the workers' CPU seconds
# over 84 articles (25.6 s against 24.6-25.7 s with it on), so it is not where Dask's extra CPU goes.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def local_cluster(n_workers: int):
    """A ``distributed.LocalCluster`` of ``n_workers`` one-thread worker processes, logs below ERROR
    silenced, a dashboard on a free port and the statistical profiler off (:data:`WORKER_CONFIG`).
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


def extract_and_write(articles: Sequence[Article], out_dir: str, batch_id: str) -> dict:
    """Worker task: extract ``articles`` and commit them as one batch of the tree.

    Returns:
        dict: ``{"added": [ids], "failed": [(where, message)], "warnings": [(where, message)],
        "counts": {folder: rows}}``.
    """
    from ..pipeline import IngestReport, take_outcome
    from ..worker import process_article

    report = IngestReport()
    extractions = [ex for ex in (take_outcome(process_article(a), report) for a in articles) if ex is not None]
    counts = parquet.write_batch(extractions, out_dir, batch_id)
    return {"added": [e.article.id for e in extractions], "failed": report.failed, "warnings": report.warnings,
            "counts": counts}


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
    batch_size: int = 16,
    progress: ProgressFn | None = None,
):
    """Extract the articles of ``paths`` on a Dask cluster into the Parquet tree ``out_dir``.

    Args:
        paths: files (.txt .md .html .jsonl), folders or glob patterns.
        out_dir: root of the Parquet tree (created).
        collection (str | None): collection of these articles (default: the reader's, ``"user"``).
        scheduler (str | None): address of a running Dask scheduler (``tcp://host:8786``); None
            starts a ``LocalCluster`` of ``n_workers`` processes with one thread each.
        n_workers (int): workers of the local cluster.
        batch_size (int): articles per task (one Parquet part file per table and partition).
        progress (ProgressFn | None): ``progress(done, total, label)`` over the articles to extract.

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
            batches = [todo[i : i + batch_size] for i in range(0, total, batch_size)]
            futures = [client.submit(extract_and_write, b, str(out), parquet.new_batch_id(), pure=False)
                       for b in batches]
            done = 0
            errors = []
            for fut in as_completed(futures):
                try:
                    res = fut.result()
                except Exception as exc:  # a worker lost or a write failed: that batch stays uncommitted
                    errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                report.added += res["added"]
                report.failed += [tuple(f) for f in res["failed"]]
                report.warnings += [tuple(w) for w in res.get("warnings", [])]
                report.merge_counts(res["counts"])
                done += len(res["added"]) + len(res["failed"])
                if progress:
                    progress(min(done, total), total, res["added"][-1] if res["added"] else "")
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
