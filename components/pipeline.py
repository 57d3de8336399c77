"""Files in, store filled: reading, extraction and storage for the CLI and the dashboard.

:func:`ingest_paths` and :func:`ingest_articles` read and extract articles
outside any transaction, then write each batch in one transaction, so a file
that cannot be read or extracted is reported and skipped and never
half-written. Each article is one unit: whatever goes wrong while reading one
file (:func:`read_files`), extracting one article (:func:`components.worker.process_article`,
in worker processes with a wall-clock budget) or writing it (a batch that cannot be
written is retried one article at a time) is reported as ``(where, reason)`` and
the run goes on. :func:`ensure_default_store` builds the embedded default corpus
(``data/collections.yaml``) into the store when it is missing.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .collections import COLLECTIONS_FILE, load_collections  # noqa: F401  (re-exported)
from .errors import ArticleReadError, StoreError
from .ingest import SUPPORTED_SUFFIXES, clean_text, expand_paths, read_path
from .models import Article, Extraction
from .store import Store
from .worker import DEFAULT_ARTICLE_TIMEOUT, ArticleOutcome, ExtractionPool, process_articles

# progress(done, total, label) -> None
ProgressFn = Callable[[int, int, str], None]

# How a caller lets its user overwrite a stored article, in the message of an id clash; the dashboard
# passes its own ("tick 'Replace articles already stored'"), the command line this one.
CLI_REPLACE_HINT = "use --replace to overwrite it"


# a reason for skipping shared by more inputs than this is summarised in one line of IngestReport.summary
SKIPPED_LISTED = 3


@dataclass
class IngestReport:
    """What an ingest run did.

    Attributes:
        added (list[str]): article ids written to the store.
        replaced (list[str]): the ids among ``added`` that were stored before and were overwritten
            (``replace``).
        skipped (list[tuple[str, str]]): ``(article id or file, reason)``, e.g.
            ``"already stored"``, and files of a folder that are not articles
            (unsupported type, broken symbolic link).
        failed (list[tuple[str, str]]): ``(file, error message)`` for inputs
            that could not be read or extracted, and articles whose id is already
            used by a different stored text.
        warnings (list[tuple[str, str]]): ``(file, message)`` for articles stored
            with a value left out (a published date without a day).
        files (int): article files found in the inputs (0: nothing to read).
        counts (dict[str, int]): rows written per table.
        details (list[tuple[str, str]]): ``(where, traceback)`` of unexpected exceptions behind
            failures (printed with ``--debug``).
    """

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    details: list[tuple[str, str]] = field(default_factory=list)

    def merge_counts(self, counts: dict[str, int]) -> None:
        """Add rows-per-table ``counts`` to :attr:`counts`."""
        for k, v in counts.items():
            self.counts[k] = self.counts.get(k, 0) + v

    def summary(self) -> str:
        """One human-readable paragraph: added, skipped, failed (warnings when any), rows per table; then one line
        per input skipped (a reason shared by more than :data:`SKIPPED_LISTED` inputs, such as "already stored" on
        a re-run, in one line with the first of them and their number), warned or failed."""
        rows = ", ".join(f"{v} {k}" for k, v in self.counts.items() if v) or "no rows"
        head = f"added {len(self.added)} article(s) ({rows})"
        if self.replaced:  # the replaced are among the added: one article is never counted twice
            head += f", {len(self.replaced)} of them replacing the stored version"
        head += f"; skipped {len(self.skipped)}; failed {len(self.failed)}"
        if self.warnings:
            head += f"; warnings {len(self.warnings)}"
        lines = [head]
        by_reason: dict[str, list[str]] = {}
        for what, why in self.skipped:
            by_reason.setdefault(why, []).append(str(what))
        for what, why in self.skipped:  # a reason shared by many (a re-run: "already stored") is one line
            group = by_reason.get(why)
            if group is None:
                continue
            if len(group) <= SKIPPED_LISTED:
                lines.append(f"  skipped {what}: {why}")
                continue
            lines.append(f"  skipped {len(group)} {why}: {', '.join(group[:SKIPPED_LISTED])} and {len(group) - SKIPPED_LISTED} more")
            del by_reason[why]
        lines += [f"  warning {what}: {why}" for what, why in self.warnings]
        lines += [f"  FAILED {what}: {why}" for what, why in self.failed]
        return "\n".join(lines)


def take_outcome(outcome: ArticleOutcome, report: IngestReport) -> Extraction | None:
    """Report ``outcome``'s warnings and failure in ``report``; its extraction, or None when it failed."""
    where = outcome.article.source_path or outcome.article.id
    report.warnings += [(where, w) for w in outcome.warnings]
    if outcome.extraction is None:
        report.failed.append((where, outcome.error or "not extracted"))
        if outcome.detail:
            report.details.append((where, outcome.detail))
    return outcome.extraction


def _write(store: Store, extractions: list[Extraction], replace: bool, report: IngestReport,
           stored: dict[str, str]) -> None:
    """Write one batch in one transaction; when it cannot be written, each article on its own, so an
    article the store refuses fails alone (earlier batches and the other articles are stored)."""
    if not extractions:
        return
    try:
        results = [store.add_extractions(extractions, replace=replace)]
    except StoreError:
        results = []
        for ex in extractions:
            try:
                results.append(store.add_extractions([ex], replace=replace))
            except StoreError as exc:
                report.failed.append((ex.article.source_path or ex.article.id, f"not stored: {exc}"))
    for written in results:
        report.added += written.added
        report.replaced += [i for i in written.added if i in stored]
        report.skipped += written.skipped
        report.merge_counts(written.counts)
    added = {i for written in results for i in written.added}
    for ex in extractions:  # a replaced article given another collection moves: said, never silent
        a = ex.article
        if a.id in added and a.id in stored and stored[a.id] != a.collection:
            report.warnings.append((a.source_path or a.id, f"replaced; moved from collection {stored[a.id]!r} "
                                                           f"to {a.collection!r}"))


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    replace: bool = False,
    batch_size: int = 32,
    progress: ProgressFn | None = None,
    report: IngestReport | None = None,
    keep_collection: bool = False,
    replace_hint: str = CLI_REPLACE_HINT,
    workers: int = 1,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    pool: ExtractionPool | None = None,
) -> IngestReport:
    """Extract and store articles, one transaction per batch.

    Articles already stored are skipped before parsing (unless ``replace``). An article
    whose id is stored with a *different* text (a sidecar or JSONL ``id`` reused for
    another article) is a failure, never a silent skip, and the stored article is kept
    (``replace`` overwrites it). Within one call, a second article with the id of an
    earlier one is skipped when its text is the same, else a failure.

    Args:
        articles: the articles.
        store (Store): destination.
        replace (bool): re-extract and overwrite stored articles.
        keep_collection (bool): with ``replace``, a re-extracted article stays in the
            collection it is stored in (used when no collection was asked for).
        batch_size (int): articles per transaction.
        progress (ProgressFn | None): called as ``progress(done, total, label)``.
        report (IngestReport | None): report to extend (a new one by default).
        replace_hint (str): how the user overwrites a stored article, said in the failure of an id
            used by another stored text (default :data:`CLI_REPLACE_HINT`, "use --replace ...").
        workers (int): extraction processes (see :class:`components.worker.ExtractionPool`); this
            process stays the one writer.
        article_timeout (float | None): wall-clock seconds per article; an article past it is stored
            without extraction results, with a warning. None or 0: extract in this process, no budget.
        pool (ExtractionPool | None): started workers to extract in (with their own number and budget)
            instead of the process's shared pool for ``workers`` and ``article_timeout``.

    Returns:
        IngestReport. An article whose extraction fails is in ``failed``; a batch the store refuses is
        written one article at a time, and an article it still refuses is in ``failed``.
    """
    report = report or IngestReport()
    articles = list(articles)
    stored = store.article_collections()
    stored_texts = _stored_texts(store, [a.id for a in articles if a.id in stored and not replace])
    todo = []
    first: dict[str, Article] = {}
    for a in articles:
        where = a.source_path or a.id
        if a.id in stored and not replace:
            old_title, old_text = stored_texts.get(a.id, (None, a.text))
            # the same text (stores before 2026-12 kept the repaired text); under another collection: said
            if old_text == a.text or clean_text(old_text) == clean_text(a.text):
                elsewhere = a.collection is not None and stored[a.id] != a.collection
                report.skipped.append((where, f"already stored (in collection {stored[a.id]!r})" if elsewhere
                                       else "already stored"))
                # what reading it warned (a date it could not use) concerns an article left as stored
                report.warnings = [w for w in report.warnings if w[0] != where]
            else:
                report.failed.append((where, f"id '{a.id}' is already used by another stored article "
                                             f"({old_title or 'untitled'!r}); nothing was changed: {replace_hint}, "
                                             "or give this article another id"))
            continue
        if is_repeat(a, first, report):
            continue
        if a.id in stored and keep_collection:
            todo.append(a.model_copy(update={"collection": stored[a.id]}))
        else:
            todo.append(a)
    total = len(todo)
    if progress:
        progress(0, total, "extracting")
    batch: list[Extraction] = []
    for done, outcome in enumerate(process_articles(todo, workers, article_timeout, pool), 1):
        ex = take_outcome(outcome, report)
        if ex is not None:
            batch.append(ex)
        if len(batch) >= batch_size or done == total:
            _write(store, batch, replace, report, stored)
            batch = []
        if progress and (done % batch_size == 0 or done == total):
            progress(done, total, outcome.article.title or outcome.article.id)
    return report


def is_repeat(article: Article, first: dict[str, Article], report: IngestReport) -> bool:
    """Whether ``article`` repeats the id of an earlier article of this run (``first``: id -> first article).

    A repeat with the same text goes to ``report.skipped``, with another text to ``report.failed``;
    a new id is recorded in ``first``. Returns True for a repeat (leave it out).
    """
    where = article.source_path or article.id
    earlier = first.get(article.id)
    if earlier is None:
        first[article.id] = article
        return False
    if earlier.text == article.text:
        report.skipped.append((where, f"same article as {earlier.source_path or earlier.id}"))
    else:
        report.failed.append((where, f"id '{article.id}' is also used by {earlier.source_path or earlier.id} "
                                     "for a different text; give one of them another id"))
    return True


def _stored_texts(store: Store, ids: list[str]) -> dict[str, tuple[str | None, str]]:
    """``{id: (title, text)}`` of the stored articles among ``ids``."""
    if not ids:
        return {}
    rows = store.execute("SELECT id, title, text FROM articles WHERE list_contains(?, id)", [sorted(set(ids))])
    return {i: (t, x) for i, t, x in rows.fetchall()}


NOTHING_TO_READ = f"no article file ({', '.join(SUPPORTED_SUFFIXES)}) found in the given paths"


def read_files(paths: Iterable[str | Path], report: IngestReport, collection: str | None = None,
               fetch: Callable[[str], bytes] | None = None) -> list[Article]:
    """Read every article of ``paths`` (files, folders, globs, web addresses, feed files).

    Web addresses (``http(s)://``: a page, or an RSS/Atom feed and its items) and named feed files
    (``*.xml``, ``*.rss``, ``*.atom``) are read by :func:`components.fetch.read_web_source` with ``fetch``
    (default :func:`components.fetch.fetch_bytes`, which refuses private addresses); each counts as one
    input file, and each page or item that cannot be fetched or read is one failure.

    Unreadable files, bad lines of JSONL files (whose good lines are kept), inputs that give no
    article file (an empty folder, a pattern matching nothing) go to ``report.failed``; files of a
    folder that are not articles (unsupported type, broken link) to ``report.skipped``; warnings to
    ``report.warnings``; the number of article files found to ``report.files``.
    """
    from .fetch import fetch_bytes, is_web_source, read_web_source

    paths = [str(p) for p in paths]
    web = [p for p in paths if is_web_source(p)]
    files, problems = expand_paths([p for p in paths if p not in web], skipped=report.skipped)
    report.failed += problems
    report.files += len(files)
    articles: list[Article] = []
    for f in files:
        try:
            articles += read_path(f, collection=collection,
                                  on_error=lambda where, msg: report.failed.append((where, msg)),
                                  on_warning=lambda where, msg: report.warnings.append((where, msg)))
        except ArticleReadError as exc:
            report.failed.append((exc.where, exc.reason))
        except Exception as exc:  # the boundary of one file: an unexpected error costs only this file
            report.failed.append((str(f), f"cannot be read: {type(exc).__name__}: {exc}"))
            report.details.append((str(f), traceback.format_exc()))
    for source in web:
        got = read_web_source(source, collection=collection, fetch=fetch or fetch_bytes)
        report.files += 1
        report.failed += got.problems
        articles += got.articles
    return articles


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    collection: str | None = None,
    replace: bool = False,
    progress: ProgressFn | None = None,
    workers: int = 1,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    batch_size: int = 32,
    fetch: Callable[[str], bytes] | None = None,
    pool: ExtractionPool | None = None,
) -> IngestReport:
    """Read files/folders/globs, web addresses and feeds (with ``fetch``, see :func:`read_files`) and
    ingest their articles. See :func:`ingest_articles`.

    With ``replace`` and no ``collection``, re-extracted articles keep their stored collection.
    ``pool``: started workers to extract in (see :func:`ingest_articles`).
    """
    report = IngestReport()
    articles = read_files(paths, report, collection, fetch=fetch)
    return ingest_articles(articles, store, replace=replace, progress=progress, report=report,
                           keep_collection=collection is None, workers=workers, article_timeout=article_timeout,
                           batch_size=batch_size, pool=pool)


def ensure_default_store(
    store: Store, progress: ProgressFn | None = None, manifest: Path | None = None, workers: int = 1,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> IngestReport | None:
    """Ingest the default collections (of ``manifest``, default ``data/collections.yaml``) not yet in ``store``.

    A collection counts as present when the store has any article of it. Articles written by an
    older extractor are re-extracted first (:func:`components.upgrade.reextract_stale`).
    Returns the report of what was ingested or re-extracted, or None when nothing was missing or stale.
    """
    from .upgrade import reextract_stale

    stale = reextract_stale(store, progress=progress)  # articles of an older extractor first
    present = {r[0] for r in store.execute("SELECT DISTINCT collection FROM articles").fetchall()}
    missing = [c for c in load_collections(manifest) if c["name"] not in present]
    if not missing:
        return stale
    report = stale or IngestReport()
    for c in missing:
        articles = read_files(c["paths"], report, collection=c["name"])
        ingest_articles(articles, store, progress=progress, report=report, workers=workers,
                        article_timeout=article_timeout)
    return report
