"""Token columns read once per doc (components.nlp.token_column / token_texts), which the extraction
stages test before building Token objects: the values equal the Token attributes, and stay kept."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.symbols import PROPN, PUNCT, VERB

from components.nlp import token_column, token_texts


def test_columns_equal_token_attributes(nlp):
    doc = nlp("Mayor Ana Ruiz said: 'The ferry runs again.'\n\nShe left.")
    assert token_column(doc, "idx") == [t.idx for t in doc]
    assert token_column(doc, "idx")[:4] == [0, 6, 10, 15]
    assert token_column(doc, "lower") == [get_string_id(t.lower_) for t in doc]
    assert token_column(doc, "orth")[0] == get_string_id("Mayor")
    pos = token_column(doc, "pos")
    assert pos == [t.pos for t in doc]
    assert pos[1:5] == [PROPN, PROPN, VERB, PUNCT]
    assert token_texts(doc) == [t.text for t in doc]
    assert token_texts(doc)[:5] == ["Mayor", "Ana", "Ruiz", "said", ":"]


def test_columns_are_kept_per_doc(nlp):
    doc = nlp("Rain fell on Tuesday.")
    first = token_column(doc, "idx")
    assert token_column(doc, "idx") is first  # read once, kept in user_data
    assert doc.user_data["newsx_token_idx"] == [0, 5, 10, 13, 20]
    assert token_texts(nlp("")) == [] and token_column(nlp(""), "pos") == []
