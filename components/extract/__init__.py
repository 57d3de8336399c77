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
from ..nlp import load_nlp
from .casualties import casualty_events
from .places import toponyms
from .quotes import quotations
from .stance import speaker_stances
from .topics import get_topic_tagger

__all__ = ["extract_doc", "extract_article", "extract_articles"]


def extract_doc(article: Article, doc: Doc, nlp: Language | None = None) -> Extraction:
    """Run every extraction stage on ``doc`` (the parse of ``article.text``).

    Args:
        article (Article): the stored article; its ``id`` and ``published`` date
            are used for record ids and relative dates.
        doc (spacy.tokens.Doc): ``nlp(article.text)``.
        nlp (Language | None): the pipeline that made ``doc`` (for the topic
            matcher); defaults to :func:`components.nlp.load_nlp`.

    Returns:
        Extraction: quotes (with topics), speakers, places, casualties, stances.
    """
    nlp = nlp or load_nlp()
    places = toponyms(doc)
    quotes, speakers = quotations(doc, article_id=article.id, places=places)
    casualties = casualty_events(doc, places, published=article.published)
    tagger = get_topic_tagger(nlp)
    for q in quotes:
        q.topics = tagger.topics_of(doc.char_span(q.start, q.end, alignment_mode="expand") or doc[0:0])
    stances = speaker_stances(doc, quotes, speakers, tagger)
    return Extraction(
        article=article, quotes=quotes, speakers=speakers, places=places, casualties=casualties, stances=stances
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
