"""Bring a store up to the current extractor: re-extract the stale articles from their stored text.

A store keeps, per article, the extractor version that wrote it (:mod:`components.store.versions`).
When the extractor changes (:data:`components.version.EXTRACTOR_VERSION`), :func:`reextract_stale`
re-runs extraction on the stored text of every stale article and rewrites its records, one
transaction per batch through :func:`components.pipeline.ingest_articles` (``replace=True``): the
articles themselves (id, text, collection, metadata) are kept, a run stopped half way leaves every
batch either old or new (never mixed inside an article), and the next call finishes the rest.
"""

from __future__ import annotations

from .models import Article
from .store import Store, versions


def reextract_stale(store: Store, progress=None, batch_size: int = 32):
    """Re-extract the articles of ``store`` written by another extractor version.

    Args:
        store (Store): a store opened read-write.
        progress (ProgressFn | None): ``progress(done, total, label)`` over the stale articles.
        batch_size (int): articles per write transaction.

    Returns:
        IngestReport | None: what was re-extracted (``added`` = re-extracted ids, all also in
        ``replaced``), or None when no article was stale.

    Raises:
        StoreError: a batch could not be written (rolled back; earlier batches stay re-extracted).
    """
    from .pipeline import IngestReport, ingest_articles

    stale = versions.stale_articles(store.cursor())
    if not stale:
        return None
    rows = store.execute(
        "SELECT id, title, strftime(published, '%Y-%m-%d'), outlet, url, source_path, collection, text "
        "FROM articles WHERE list_contains(?, id) ORDER BY id", [stale]).fetchall()
    fields = ("id", "title", "published", "outlet", "url", "source_path", "collection", "text")
    articles = [Article(**dict(zip(fields, r))) for r in rows]
    report = IngestReport(files=0)
    return ingest_articles(articles, store, replace=True, batch_size=batch_size, progress=progress,
                           report=report, keep_collection=True)
