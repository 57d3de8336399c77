"""Extraction stages, one module per family of constructions.

- :mod:`.quotes` and :mod:`.speakers`: quotations, attribution, canonical speakers; built on
  :mod:`.quotemarks` (quotation-mark spans), :mod:`.frames` (reporting cues, sources, contents)
  and :mod:`.transcripts` (interview turns).
- :mod:`.places`: toponyms geocoded against the packaged gazetteer (:mod:`components.gazetteer`).
- :mod:`.casualties`: killed / injured / missing counts with place, date, cause.
- :mod:`.topics` and :mod:`.stance`: topic taxonomy matching and speaker stance.

:func:`extract_doc` runs every stage on one parsed article; :func:`extract_articles`
streams many through ``nlp.pipe`` with the model loaded once.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Article, Extraction
from ..nlp import STAGE_PIPES, add_stages, load_nlp

__all__ = ["extract_doc", "extract_article", "extract_articles"]


def extract_doc(article: Article, doc: Doc, nlp: Language | None = None) -> Extraction:
    """Run every extraction stage on ``doc`` (the parse of ``article.text``).

    The stages are the pipeline components of :data:`components.nlp.STAGE_PIPES` (places,
    quotations, casualties, stances), run in order with the settings of their config; each writes its
    records to ``Doc._`` (``places``, ``quotes``, ``speakers``, ``casualties``, ``stances``).

    Args:
        article (Article): the stored article; its ``id`` and ``published`` date
            are used for record ids and relative dates (set as ``doc._.article_id`` and
            ``doc._.published``).
        doc (spacy.tokens.Doc): ``nlp(article.text)``.
        nlp (Language | None): the pipeline that made ``doc``; defaults to
            :func:`components.nlp.load_nlp`. The stages are added to it (disabled) when missing.

    Returns:
        Extraction: quotes (with topics), speakers, places, casualties, stances.
    """
    nlp = nlp or load_nlp()
    add_stages(nlp)
    doc._.article_id, doc._.published = article.id, article.published
    for name in STAGE_PIPES:
        doc = nlp.get_pipe(name)(doc)
    x = doc._
    return Extraction(
        article=article, quotes=x.quotes, speakers=x.speakers, places=x.places, casualties=x.casualties, stances=x.stances
    )


def extract_article(article: Article, nlp: Language | None = None) -> Extraction:
    """Parse and extract one article. See :func:`extract_doc`."""
    nlp = nlp or load_nlp()
    return extract_doc(article, nlp(article.text), nlp)


def extract_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract many articles, parsing them in batches with ``nlp.pipe``.

    Yields:
        Extraction: one per article, in input order.
    """
    nlp = nlp or load_nlp()
    articles = list(articles)
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        yield extract_doc(article, doc, nlp)
