"""Tests of components.store.stance_facts: the Stance page reads the same rows from ``stance_facts`` as from
``stances``, and the table stays equal to a full rebuild after adding, replacing and deleting articles."""

from __future__ import annotations

import pytest

from components.models import Article, Extraction, Speaker, Stance
from components.store import Store, stance_facts
from components.store import queries as Q
from components.store.filters import QueryFilters, where_clauses

from .test_aggregates import INDEX_STATES, _records, invented


def uncarded(n: int) -> Extraction:
    """An invented article whose stances name a speaker without a speaker card, one with an empty evidence list
    and one, of a carded speaker, without evidence."""
    art = Article(id=f"u{n}", title=f"Quay works {n}", published="2024-02-20", outlet="Harbour Post",
                  collection="ports", text="Quay works were discussed at length.")
    return Extraction(article=art, speakers=[Speaker(name="Ines Duarte", country="PT", type="person")], stances=[
        Stance(speaker="Ludo Varga", topic="transport", polarity="oppose", score=-0.4, confidence=0.3,
               cues=["delay"], evidence=[]),
        Stance(speaker="Ines Duarte", topic="ports", polarity="neutral", score=0.0, confidence=None, cues=[],
               evidence=[])])


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    s.add_extractions([invented(i) for i in range(24)] + [uncarded(i) for i in range(3)])
    yield s
    s.close()


def _answers(store: Store, f: QueryFilters) -> dict:
    return {
        "stance": _records(Q.stance_matrix(store, f, 4)),
        "named stance": _records(Q.stance_matrix(store, f, 2, named_only=True)),
        "evidence": _records(Q.stance_evidence(store, f, "Tomas Okafor", "transport", 3)),
        "evidence 2": _records(Q.stance_evidence(store, f, "Mara Lindqvist", "ports", 50)),
    }


STATES = {**INDEX_STATES, "uncarded speaker": QueryFilters(speakers=("Ludo Varga",)),
          "card country": QueryFilters(countries=("PT",), topics=("ports",))}


@pytest.mark.parametrize("index", [True, False])
@pytest.mark.parametrize("state", list(STATES))
def test_stance_facts_answer_as_the_stances_do(store, state, index):
    """Every Stance page query gives the same rows from ``stance_facts`` as from ``stances`` (on the article
    index and numbers, and on the scans by article id); the row aggregates are off, so both read rows."""
    assert stance_facts.available(store)
    f = STATES[state]
    store._aggregates_available = False
    store._index_available = index
    try:
        from_facts = _answers(store, f)
        store._stance_facts_available = False
        from_stances = _answers(store, f)
    finally:
        store._stance_facts_available = True
        store._index_available = None
        store._aggregates_available = True
    assert from_facts == from_stances
    assert len(from_stances["stance"]) > 1 or state in ("uncarded speaker", "card country")


def test_stance_facts_filter_the_speaker_country_without_article_speakers():
    bits, _ = where_clauses(QueryFilters(countries=("UA",)), "stance_fact", index=True)
    assert "st.speaker_country" in bits[0] and "article_speakers" not in bits[0]
    bits, _ = where_clauses(QueryFilters(collections=("ports",), date_from=None), "stance_fact", index=True)
    assert bits == ["list_contains(?, st.collection)"]  # its own column: no semi-join on articles


def _rows(s: Store) -> list[tuple]:
    return s.execute(f"SELECT * FROM {stance_facts.TABLE} ORDER BY ALL").fetchall()


def test_stance_facts_after_add_replace_delete_equal_a_full_rebuild():
    s = Store(":memory:")
    s.add_extractions([invented(i) for i in range(10)] + [uncarded(0)])
    s.add_extractions([invented(i) for i in range(8, 16)] + [uncarded(1)])
    s.add_extractions([invented(3, variant=1), invented(5, variant=4)], replace=True)  # new speakers, stances
    assert s.delete_article("a7") and s.delete_article("u0")
    incremental = _rows(s)
    assert len(incremental) == s.execute("SELECT count(*) FROM stances").fetchone()[0]
    # the speaker card's country, the article's fields and the evidence length, per stance
    assert s.execute(
        "SELECT count(*) FROM stance_facts sf JOIN stances st USING (article_id, speaker, topic) "
        "JOIN articles a ON a.id = st.article_id LEFT JOIN article_speakers c ON c.article_id = st.article_id "
        "AND c.name = st.speaker WHERE sf.n_evidence = len(st.evidence) AND sf.published IS NOT DISTINCT FROM "
        "a.published AND sf.collection = a.collection AND sf.article_no = a.article_no "
        "AND sf.speaker_country IS NOT DISTINCT FROM c.country").fetchone()[0] == len(incremental)
    assert ("u1", "Ludo Varga") in {(r[0], r[2]) for r in incremental}
    cur = s.cursor()
    cur.execute("BEGIN TRANSACTION")
    stance_facts.rebuild(cur)
    cur.execute("COMMIT")
    assert _rows(s) == incremental
    s.close()


def test_stance_facts_are_built_for_a_store_written_before_them(tmp_path):
    path = tmp_path / "old.duckdb"
    s = Store(path)
    s.add_extractions([invented(i) for i in range(6)])
    s.execute(f"DROP TABLE {stance_facts.TABLE}")
    s.close()
    r = Store.__new__(Store)  # a read-only reader of the older store reads stances
    r._con = __import__("duckdb").connect(str(path), read_only=True)
    assert not stance_facts.available(r)
    assert len(Q.stance_matrix(r, QueryFilters(topics=("transport",)), 3)) > 0
    r._con.close()
    s = Store(path)  # opening for writing builds it
    assert stance_facts.available(s)
    assert len(_rows(s)) == s.execute("SELECT count(*) FROM stances").fetchone()[0] > 0
    s.close()
