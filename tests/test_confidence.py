"""Confidence of quotes and casualty records (components/extract/confidence.py), stored and queued for review.

Invented sentences and values only."""

from __future__ import annotations

import duckdb
import pytest

from components.extract.confidence import PASS_CONFIDENCE, casualty_confidence, quote_confidence
from components.models import Article, Casualty, Extraction, Quote
from components.store import Store
from components.store.filters import QueryFilters
from components.store.queries import review_queue


def test_quote_confidence_factors():
    assert quote_confidence("frame_content", 1.0, "Ada Invented", "Invented") == 0.9
    assert quote_confidence("frame_content", 0.5, "Ada Invented", "Invented") == 0.675  # 0.9 * 0.75
    assert quote_confidence("nearest_cue", None, "Ada Invented", "Invented") == 0.75  # no cue: no factor
    assert quote_confidence("nearest_cue", 0.0, "Ada Invented", "Invented") == 0.375  # unknown cue: half
    assert quote_confidence("nearest_cue", 1.0, "Ada Invented", "she") == 0.637  # 0.75 * 0.85 (pronoun)
    assert quote_confidence("transcript", None, None, None) == 0.2  # no speaker: capped
    assert quote_confidence("floating", None, None, None) == 0.2
    with pytest.raises(KeyError):
        quote_confidence("no-such-pass", None, "X", None)
    assert all(0.0 < v <= 1.0 for v in PASS_CONFIDENCE.values())


def test_casualty_confidence_factors():
    assert casualty_confidence("exact", 4, 4, "Invented Town", 10.0, "2030-01-02") == 1.0
    assert casualty_confidence("at_least", 4, None, "Invented Town", 10.0, "2030-01-02") == 0.85
    assert casualty_confidence("vague", 24, None, "Invented Town", 10.0, "2030-01-02") == 0.6
    assert casualty_confidence("exact", 4, 4, "Invented Town", None, "2030-01-02") == 0.8  # not geocoded
    assert casualty_confidence("exact", 4, 4, None, None, None) == 0.54  # 0.6 * 0.9
    assert casualty_confidence(None, None, None, "Invented Town", 10.0, "2030-01-02") == 0.8  # no killed figure


def test_extraction_gives_every_quote_and_casualty_a_confidence(extract_text):
    ex = extract_text(
        'Mayor Lina Varga said on Tuesday that the bridge would reopen next month. "We will rebuild it '
        'stone by stone," she told reporters.\n\nAt least 7 people were killed in Kherson when a missile '
        "hit a market on Monday, officials said.\n\nIn a separate incident, dozens of people were killed in a flood "
        "in the north of the country on Sunday, a witness said.",
        published="2025-03-05")
    by_text = {q.text[:9]: q for q in ex.quotes}
    direct = by_text["We will r"]
    assert direct.kind == "direct" and direct.speaker == "Lina Varga"
    # a direct quote whose speaker comes from a pronoun ("she told") is less sure than a named indirect one
    assert all(q.confidence is not None and 0.0 <= q.confidence <= 1.0 for q in ex.quotes)
    assert direct.confidence < PASS_CONFIDENCE["frame_content"]
    # an "at least" count is surer than a vague "dozens" one (both geocoded, both dated)
    assert [(c.killed_qualifier, c.confidence) for c in ex.casualties] == [("at_least", 0.85), ("vague", 0.6)]
    said = [q for q in ex.quotes if q.kind == "indirect"]
    assert said and all(q.confidence < PASS_CONFIDENCE["indirect"] for q in said)  # "said" is no perfect cue
    for c in ex.casualties:
        assert c.confidence == casualty_confidence(c.killed_qualifier, c.killed_min, c.killed_max, c.place, c.lat,
                                                   c.date)


def _extraction(aid: str, qconf: list[float], cconf: float) -> Extraction:
    text = "Ada Invented said the plan works. Bo Invented said it fails. Two died in Nowhere."
    return Extraction(
        article=Article(id=aid, text=text, collection="c", title="T " + aid),
        quotes=[Quote(id=f"{aid}:q1", text="the plan works", start=18, end=32, kind="indirect", speaker="Ada Invented",
                      speaker_type="person", confidence=qconf[0]),
                Quote(id=f"{aid}:q2", text="it fails", start=51, end=59, kind="indirect", speaker="Bo Invented",
                      speaker_type="person", confidence=qconf[1])],
        casualties=[Casualty(place="Nowhere", killed_min=2, killed_max=2, killed_qualifier="exact", start=61, end=82,
                             confidence=cconf)],
    )


def test_confidence_is_stored_and_the_review_queue_orders_all_kinds(tmp_path):
    s = Store(tmp_path / "a.duckdb")
    s.add_extractions([_extraction("a1", [0.9, 0.3], 0.6)])
    assert s.execute("SELECT confidence FROM quotes ORDER BY id").fetchall() == [(0.9,), (0.3,)]
    q = review_queue(s, QueryFilters(collections=("c",)), 10)
    assert list(q["record"]) == ["quote", "casualty", "quote"]
    assert list(q["confidence"]) == [0.3, 0.6, 0.9]
    assert list(q["ref"])[0] == "a1:q2" and q["what"].iloc[1] == "2 killed at Nowhere"
    assert list(review_queue(s, QueryFilters(), 10, kinds=("casualty",))["record"]) == ["casualty"]
    assert len(review_queue(s, QueryFilters(), 1)) == 1
    with pytest.raises(ValueError):
        review_queue(s, QueryFilters(), 10, kinds=())
    s.close()


def test_a_store_made_before_confidences_gets_the_columns(tmp_path):
    path = str(tmp_path / "old.duckdb")
    s = Store(path)
    s.add_extractions([_extraction("a1", [0.9, 0.3], 0.6)])
    s.close()
    con = duckdb.connect(path)
    con.execute("ALTER TABLE quotes DROP COLUMN confidence")
    con.execute("ALTER TABLE casualties DROP COLUMN confidence")
    con.close()
    s = Store(path)  # opened read-write: the columns come back, NULL for the old rows
    assert s.execute("SELECT count(*), count(confidence) FROM quotes").fetchone() == (2, 0)
    q = review_queue(s, QueryFilters(), 10, kinds=("quote", "casualty"))
    assert q["confidence"].isna().all() and len(q) == 3
    s.close()
