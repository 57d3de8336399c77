"""The table attribute ruler (components.nlp_speed) annotates exactly as spaCy's stock AttributeRuler."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from components.nlp import build_nlp, load_nlp
from components.nlp_speed import TableAttributeRuler, speed_up_attribute_ruler

# invented text touching the ruler's exception families: contractions, "gonna"/"gotta", "y'all",
# "let's", expletive "there is", auxiliaries, subordinators, object pronouns, spaces and newlines
TEXTS = [
    "Y'all gonna see it. There's a man who ain't here, let's go. C'mon, we gotta leave now.",
    "The mayor of Brookfield said on Tuesday that the bridge would not reopen until 2031.\n\n"
    "\"We haven't decided,\" she told reporters, although her deputy had promised it to them.",
    "They're fine, aren't they? I'd've said so, but nothin' was certain  because it rained.",
    "  Whether or not the council   votes, it is the residents who pay.\nAn  appeal was filed.",
    "HEADLINE IN CAPITALS: Three Farmers Sue Over Water Rights\nBy Ann Example",
]
COLS = [POS, TAG, DEP, MORPH, LEMMA, HEAD, ENT_TYPE, ENT_IOB, SENT_START]


@pytest.fixture(scope="module")
def stock():
    return build_nlp(table_ruler=False)


def test_the_shared_pipeline_uses_the_table_ruler_and_the_baseline_the_stock_one(stock):
    assert type(load_nlp().get_pipe("attribute_ruler")) is TableAttributeRuler
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_attribute_equals_the_stock_ruler(stock, text):
    a, b = stock(text), load_nlp()(text)
    assert a.to_array(COLS).tolist() == b.to_array(COLS).tolist()
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in a] == [(t.pos_, t.lemma_, str(t.morph)) for t in b]


def test_the_matches_are_the_stock_matches(stock):
    fast = load_nlp().get_pipe("attribute_ruler")
    ruler = stock.get_pipe("attribute_ruler")
    for text in TEXTS:
        with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
            doc = stock(text)
        expected = ruler.match(doc)
        assert sorted(set(fast.match(doc))) == sorted(set(expected))
        assert len(expected) >= len(doc)  # the tag map matches every token


def test_a_rule_added_later_is_applied_as_by_the_stock_ruler():
    stock, fresh = build_nlp(table_ruler=False), build_nlp()
    text = "The committee will vote on the zoning plan tomorrow."
    before = [t.lemma_ for t in fresh(text)]
    # a later rule overrides the tag map and earlier exceptions for the same attribute
    rule = ([[{"LOWER": "zoning", "TAG": {"IN": ["NN", "VBG"]}}]], {"LEMMA": "zone-plan", "POS": "NOUN"})
    for nlp in (fresh, stock):
        nlp.get_pipe("attribute_ruler").add(*rule)
    a, b = stock(text), fresh(text)
    assert a.to_array(COLS).tolist() == b.to_array(COLS).tolist()
    assert [t.lemma_ for t in b][6] == "zone-plan" != before[6]
    # cleared, then the stock rules again: the table follows
    ruler = fresh.get_pipe("attribute_ruler")
    ruler.clear()
    with pytest.warns(UserWarning, match="W108"):  # the lemmatizer finds no part of speech
        assert [t.pos_ for t in fresh(text)] == [""] * 10
    ruler.add_patterns(build_nlp(table_ruler=False).get_pipe("attribute_ruler").patterns)
    assert fresh(text).to_array(COLS).tolist() == build_nlp(table_ruler=False)(text).to_array(COLS).tolist()


def test_a_ruler_setting_other_attributes_is_left_stock():
    nlp = build_nlp(table_ruler=False)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "xyz"}]], {"NORM": "abc"})
    assert speed_up_attribute_ruler(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
