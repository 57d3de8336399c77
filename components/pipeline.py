"""Files in, store filled: reading, extraction and storage for the CLI and the dashboard.

:func:`ingest_paths` and :func:`ingest_articles` read and extract articles
outside any transaction, then write each batch in one transaction, so a file
that cannot be read or extracted is reported and skipped and never
half-written. :func:`ensure_default_store` builds the embedded default corpus
(``data/collections.yaml``) into the store when it is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .collections import COLLECTIONS_FILE, load_collections  # noqa: F401  (re-exported)
from .errors import ArticleReadError, NewsAtlasError
from .extract import extract_doc
from .ingest import expand_paths, read_path
from .models import Article, Extraction
from .nlp import load_nlp
from .store import Store

# progress(done, total, label) -> None
ProgressFn = Callable[[int, int, str], None]


@dataclass
class IngestReport:
    """What an ingest run did.

    Attributes:
        added (list[str]): article ids written to the store.
        skipped (list[tuple[str, str]]): ``(article id or file, reason)``, e.g.
            ``"already stored"``.
        failed (list[tuple[str, str]]): ``(file, error message)`` for inputs
            that could not be read or extracted.
        counts (dict[str, int]): rows written per table.
    """

    added: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def merge_counts(self, counts: dict[str, int]) -> None:
        """Add rows-per-table ``counts`` to :attr:`counts`."""
        for k, v in counts.items():
            self.counts[k] = self.counts.get(k, 0) + v

    def summary(self) -> str:
        """One human-readable paragraph: added, skipped, failed, rows per table."""
        rows = ", ".join(f"{v} {k}" for k, v in self.counts.items() if v) or "no rows"
        lines = [f"added {len(self.added)} article(s) ({rows}); skipped {len(self.skipped)}; failed {len(self.failed)}"]
        lines += [f"  skipped {what}: {why}" for what, why in self.skipped]
        lines += [f"  FAILED {what}: {why}" for what, why in self.failed]
        return "\n".join(lines)


def extract_batch(articles: Sequence[Article], report: IngestReport, batch_size: int = 16) -> list[Extraction]:
    """Parse and extract ``articles``; an article whose extraction raises goes to ``report.failed``."""
    nlp = load_nlp()
    out: list[Extraction] = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        try:
            out.append(extract_doc(article, doc, nlp))
        except Exception as exc:  # an extractor bug must not lose the batch
            report.failed.append((article.source_path or article.id, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    replace: bool = False,
    batch_size: int = 32,
    progress: ProgressFn | None = None,
    report: IngestReport | None = None,
    keep_collection: bool = False,
) -> IngestReport:
    """Extract and store articles, one transaction per batch.

    Articles already stored are skipped before parsing (unless ``replace``).

    Args:
        articles: the articles.
        store (Store): destination.
        replace (bool): re-extract and overwrite stored articles.
        keep_collection (bool): with ``replace``, a re-extracted article stays in the
            collection it is stored in (used when no collection was asked for).
        batch_size (int): articles per transaction.
        progress (ProgressFn | None): called as ``progress(done, total, label)``.
        report (IngestReport | None): report to extend (a new one by default).

    Returns:
        IngestReport.

    Raises:
        StoreError: a batch could not be written (it was rolled back; earlier
            batches stay stored).
    """
    report = report or IngestReport()
    articles = list(articles)
    stored = store.article_collections()
    todo = []
    for a in articles:
        if a.id in stored and not replace:
            report.skipped.append((a.source_path or a.id, "already stored"))
        elif a.id in stored and keep_collection:
            todo.append(a.model_copy(update={"collection": stored[a.id]}))
        else:
            todo.append(a)
    total = len(todo)
    if progress:
        progress(0, total, "extracting")
    for i in range(0, total, batch_size):
        batch = todo[i : i + batch_size]
        extractions = extract_batch(batch, report)
        written = store.add_extractions(extractions, replace=replace)
        report.added += written.added
        report.skipped += written.skipped
        report.merge_counts(written.counts)
        if progress:
            progress(min(i + batch_size, total), total, batch[-1].title or batch[-1].id)
    return report


def read_files(paths: Iterable[str | Path], report: IngestReport, collection: str | None = None) -> list[Article]:
    """Read every article of ``paths`` (files, folders, globs).

    Unreadable files, and bad lines of JSONL files (whose good lines are kept), go to ``report.failed``.
    """
    files, problems = expand_paths([str(p) for p in paths])
    report.failed += problems
    articles: list[Article] = []
    for f in files:
        try:
            articles += read_path(f, collection=collection, on_error=lambda where, msg: report.failed.append((where, msg)))
        except ArticleReadError as exc:
            report.failed.append((exc.where, exc.reason))
    return articles


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    collection: str | None = None,
    replace: bool = False,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Read files/folders/globs and ingest their articles. See :func:`ingest_articles`.

    With ``replace`` and no ``collection``, re-extracted articles keep their stored collection.
    """
    report = IngestReport()
    articles = read_files(paths, report, collection)
    return ingest_articles(articles, store, replace=replace, progress=progress, report=report,
                           keep_collection=collection is None)


def ensure_default_store(
    store: Store, progress: ProgressFn | None = None, manifest: Path | None = None
) -> IngestReport | None:
    """Ingest the default collections (of ``manifest``, default ``data/collections.yaml``) not yet in ``store``.

    A collection counts as present when the store has any article of it.
    Returns the report of what was ingested, or None when nothing was missing.
    """
    present = {r[0] for r in store.execute("SELECT DISTINCT collection FROM articles").fetchall()}
    missing = [c for c in load_collections(manifest) if c["name"] not in present]
    if not missing:
        return None
    report = IngestReport()
    for c in missing:
        articles = read_files(c["paths"], report, collection=c["name"])
        ingest_articles(articles, store, progress=progress, report=report)
    return report
