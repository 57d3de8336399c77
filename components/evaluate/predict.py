"""Running the real extraction pipeline over an evaluation corpus, with progress on stderr."""

from __future__ import annotations

import sys
from typing import Sequence

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
