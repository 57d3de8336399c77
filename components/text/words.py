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


@functools.lru_cache(maxsize=1)
def _verb_index() -> frozenset[str]:
    from ..nlp import load_nlp

    return frozenset(load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])


def is_verb_lemma(word: str) -> bool:
    """True when the lower-cased ``word`` is a verb lemma of the pipeline's rule lemmatizer
    (its ``lemma_index`` table, from WordNet: "climb", "govern", not "lobst"). Loads the
    pipeline on first use."""
    return word.lower() in _verb_index()


@functools.lru_cache(maxsize=1)
def _adjective_index() -> frozenset[str]:
    from ..nlp import load_nlp

    return frozenset(load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["adj"])


def reads_as_verb_or_adjective(word: str) -> bool:
    """True when the lower-cased ``word`` is a form of a verb ("Reading" <- read, "Split") or an adjective
    ("Mobile", "Nice") by the pipeline's rule lemmatizer and its WordNet ``lemma_index``: a capitalised word
    that may be no name at all. Loads the pipeline on first use."""
    return is_verb_lemma(verb_lemma(word)) or word.lower() in _adjective_index()


def agent_noun_stem_is_verb(noun: str) -> bool:
    """True when ``noun`` reads as an agent noun made from a verb ("hikers" <- hike, "climber" <-
    climb, "shoppers" <- shop, "governor" <- govern, "visitors" <- visit): its ending -er/-or
    (plural -ers/-ors) cut off, with "e" restored or a doubled consonant undone, is a verb lemma, or
    (plural only) ends with one after a first part of 3+ letters ("dockworkers" <- work, "shipbuilders" <- build)."""
    low = noun.lower()
    plural = low.endswith(("ers", "ors"))
    low = low[:-1] if plural else low
    if not low.endswith(("er", "or")) or len(low) < 5:
        return False
    stem = low[:-2]
    if _stem_is_verb(stem):
        return True
    # a plural compound whose last part is the agent noun ("dockworkers" <- work, "shipbuilders" <-
    # build): a verb of at least 4 letters after a first part of at least 3. Plural only: a singular
    # one is as often a thing counted as one ("killed the filibuster")
    return plural and any(_stem_is_verb(stem[k:]) for k in range(3, len(stem) - 3))


def _stem_is_verb(stem: str) -> bool:
    """True when an agent noun's stem, with "e" restored or a doubled consonant undone, is a verb lemma."""
    candidates = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.add(stem[:-1])  # "shopper" <- shop
    return any(is_verb_lemma(c) for c in candidates)
