"""Running the real extraction pipeline over an evaluation corpus, with progress on stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from ..models import Article, Extraction


def extractions(articles: Sequence[Article], desc: str = "extracting", progress: bool = True) -> list[Extraction]:
    """Extract every article with :func:`components.extract.extract_articles` (model loaded once).

    Args:
        articles (Sequence[Article]): the corpus, in order.
        desc (str): label of the tqdm progress bar (written to stderr).
        progress (bool): show the bar (it is also hidden when stderr is not a terminal
            and there are fewer than 2 articles).

    Returns:
        list[Extraction]: one per article, same order.
    """
    from tqdm import tqdm

    from ..extract import extract_articles

    bar = tqdm(
        extract_articles(articles),
        total=len(articles),
        desc=desc,
        unit="art",
        file=sys.stderr,
        disable=not progress or len(articles) < 2,
        leave=False,
    )
    return list(bar)


def score_corpus(
    path: Path,
    data: Sequence[tuple[Article, Any]],
    score: Callable[[Any, Extraction], dict],
    summarise: Callable[[list[dict]], dict],
    progress: bool = True,
) -> dict:
    """Extract every article of ``data`` and score it against its gold.

    Args:
        path (Path): the corpus file (its name labels the progress bar; kept as ``report["path"]``).
        data (Sequence[tuple[Article, Any]]): ``(article, gold)`` pairs, as a corpus reader returns them.
        score (Callable): ``score(gold, extraction) -> dict`` for one article.
        summarise (Callable): per-article dicts -> the corpus report.
        progress (bool): show a progress bar on stderr.

    Returns:
        dict: ``summarise(...)`` with ``"path"`` added.
    """
    preds = extractions([a for a, _ in data], desc=Path(path).name, progress=progress)
    report = summarise([score(g, e) for (_, g), e in zip(data, preds)])
    report["path"] = str(path)
    return report
