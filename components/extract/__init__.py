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

from ..ingest import OffsetMap, repair_text
from ..models import Article, Extraction
from ..nlp import ENTS_KEY, STAGE_PIPES, add_stages, doc_text, load_nlp

__all__ = ["extract_doc", "extract_article", "extract_articles", "analysis_text"]

# Offset pairs of the records (Quote, Place, Casualty, CasualtyPart): mapped from the repaired text the
# parser read back to the supplied text.
_OFFSET_PAIRS = (("start", "end"), ("cue_start", "cue_end"), ("mention_start", "mention_end"))


def analysis_text(article: Article) -> str:
    """The text the parser reads for ``article``: ``article.text`` with mojibake repaired and Markdown
    links and emphasis read as their words (:func:`components.ingest.repair_text`); offsets found in it are mapped back by :func:`extract_doc`."""
    return repair_text(article.text, markup=True)[0]


def _map_record(record, offsets: OffsetMap):
    update = {}
    for a, b in _OFFSET_PAIRS:
        s, e = getattr(record, a, None), getattr(record, b, None)
        if s is not None and e is not None:
            update[a], update[b] = offsets.span(s, e)
    if getattr(record, "parts", None):
        update["parts"] = [_map_record(p, offsets) for p in record.parts]
    return record.model_copy(update=update)


def _to_supplied(ex: Extraction, doc: Doc) -> Extraction:
    """``ex`` with every offset indexing ``ex.article.text`` when ``doc`` read a repaired copy of it.

    Raises:
        ValueError: ``doc`` is neither the parse of ``article.text`` nor of its :func:`analysis_text`.
    """
    text = doc_text(doc)
    if text == ex.article.text:
        return ex
    repaired, offsets = repair_text(ex.article.text, markup=True)
    if repaired != text:
        raise ValueError(f"article {ex.article.id}: the doc is not a parse of the article's text")
    if offsets is None:
        return ex
    return ex.model_copy(update={k: [_map_record(r, offsets) for r in getattr(ex, k)]
                                 for k in ("quotes", "places", "casualties")})


def extract_doc(article: Article, doc: Doc, nlp: Language | None = None) -> Extraction:
    """Run every extraction stage on ``doc`` (the parse of ``article.text`` or its :func:`analysis_text`).

    The stages are the pipeline components of :data:`components.nlp.STAGE_PIPES` (places,
    quotations, casualties, stances), run in order with the settings of their config; each writes its
    records to ``Doc._`` (``places``, ``quotes``, ``speakers``, ``casualties``, ``stances``).

    Args:
        article (Article): the stored article; its ``id`` and ``published`` date
            are used for record ids and relative dates (set as ``doc._.article_id`` and
            ``doc._.published``).
        doc (spacy.tokens.Doc): ``nlp(analysis_text(article))`` (or ``nlp(article.text)``); the
            records' offsets are mapped back to ``article.text`` (the supplied text).
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
    doc.user_data.pop(ENTS_KEY, None)  # the kept entity Spans refer back to the doc: no cycle left behind
    x = doc._
    return _to_supplied(Extraction(
        article=article, quotes=x.quotes, speakers=x.speakers, places=x.places, casualties=x.casualties, stances=x.stances
    ), doc)


def extract_article(article: Article, nlp: Language | None = None) -> Extraction:
    """Parse and extract one article. See :func:`extract_doc`."""
    nlp = nlp or load_nlp()
    return extract_doc(article, nlp(analysis_text(article)), nlp)


def extract_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract many articles, parsing them in batches with ``nlp.pipe``.

    Yields:
        Extraction: one per article, in input order.
    """
    nlp = nlp or load_nlp()
    articles = list(articles)
    for article, doc in zip(articles, nlp.pipe((analysis_text(a) for a in articles), batch_size=batch_size)):
        yield extract_doc(article, doc, nlp)
