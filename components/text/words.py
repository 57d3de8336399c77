"""Word forms: lemmas from the spaCy pipeline's own rule lemmatizer, for words met without a parse
(a cue string from the lexicon) or where the tagger fails (ALL-CAPS text)."""

from __future__ import annotations

import functools

from spacy.tokens import Doc


@functools.lru_cache(maxsize=8192)
def verb_lemma(word: str) -> str:
    """Lower-cased lemma of ``word`` read as a verb ("slammed" -> "slam", "told" -> "tell",
    "SAID" -> "say"), by the rule lemmatizer of :func:`components.nlp.load_nlp`'s pipeline
    (its exceptions table covers irregular forms). Loads the pipeline on first use."""
    from ..nlp import load_nlp

    nlp = load_nlp()
    doc = Doc(nlp.vocab, words=[word.lower()])
    doc[0].pos_ = "VERB"
    return nlp.get_pipe("lemmatizer").rule_lemmatize(doc[0])[0].lower()
