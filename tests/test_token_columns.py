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
    from components.nlp import token_heads

    assert token_heads(doc) == [t.head.i for t in doc] and token_heads(doc)[3] == 3  # "said": the root
    dep = token_column(doc, "dep")
    assert dep == [t.dep for t in doc] and dep[3] == get_string_id("ROOT") and doc[3].dep_ == "ROOT"
    assert token_texts(doc) == [t.text for t in doc]
    assert token_texts(doc)[:5] == ["Mayor", "Ana", "Ruiz", "said", ":"]


def test_columns_are_kept_per_doc(nlp):
    doc = nlp("Rain fell on Tuesday.")
    first = token_column(doc, "idx")
    assert token_column(doc, "idx") is first  # read once, kept in user_data
    assert doc.user_data["newsx_token_idx"] == [0, 5, 10, 13, 20]
    assert token_texts(nlp("")) == [] and token_column(nlp(""), "pos") == []


def test_span_text_and_sentence_starts(nlp):
    from components.nlp import sentence_starts, span_text

    doc = nlp("Fog closed the port.  Ships waited!\n\nThe pilot said \"soon\". Fine")
    assert sentence_starts(doc) == [s.start for s in doc.sents]
    assert sentence_starts(doc)[:2] == [0, 6]  # the second space of ".  " is a token of the first
    for a in range(len(doc) + 1):  # every span, the empty ones included
        for b in range(a, len(doc) + 1):
            assert span_text(doc[a:b]) == doc[a:b].text
    assert span_text(doc[6:9]) == "Ships waited!"
    starts = sentence_starts(doc)
    assert all(doc[i].sent.start == max(s for s in starts if s <= i) for i in range(len(doc)))


def test_flag_and_lower_columns_equal_token_attributes(nlp):
    """Test the punctuation, space and letter flags, the entity types and the decoded lower-case forms
    against the Token attributes, on a text with a line break, quotation marks and a possessive."""
    from components.nlp import token_lowers

    doc = nlp("The Harbour's gate \u201cclosed\u201d.\n\nNEW Pier  opens.")
    assert token_column(doc, "is_punct") == [int(t.is_punct) for t in doc]
    assert token_column(doc, "is_space") == [int(t.is_space) for t in doc]
    assert token_column(doc, "is_alpha") == [int(t.is_alpha) for t in doc]
    assert token_column(doc, "is_title") == [int(t.is_title) for t in doc]
    assert token_column(doc, "ent_type") == [get_string_id(t.ent_type_) for t in doc]
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_lowers(doc)[:4] == ["the", "harbour", "'s", "gate"]
    assert [t for t, p in zip(token_texts(doc), token_column(doc, "is_punct")) if p] == ["\u201c", "\u201d", ".", "."]
    assert sum(token_column(doc, "is_space")) == 2
