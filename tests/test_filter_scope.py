"""Tests of the article numbers a read-only reader keeps per filter state (``SnapshotReader.filter_scope``): every
page gives the same rows with and without them, and a write (which swaps in a new file) is never answered from
the tables of the file before it."""

from __future__ import annotations

import pytest

from components.models import Article, Extraction, Place, Quote
from components.store import Store, aggregates, swap
from components.store import queries as Q
from components.store.filters import (QueryFilters, needs_quote_scope, quote_scope_cte, quote_scope_filters,
                                      where_clauses)
from components.store.swap import SnapshotReader, write_session

from .test_aggregates import CAS_STATES, INDEX_STATES, _cas_answers, _index_answers, invented, invented_casualties

STATES = {**INDEX_STATES, **{f"casualties: {k}": v for k, v in CAS_STATES.items()},
          "text + collection": QueryFilters(text="ferry timetable", collections=("ports",)),
          "text + country + topic": QueryFilters(text="spring", countries=("SE", "NG"), topics=("transport",))}


def _answers(store: Store, f: QueryFilters) -> dict:
    return {**_index_answers(store, f), **{f"cas {k}": v for k, v in _cas_answers(store, f).items()}}


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    p = tmp_path_factory.mktemp("scope") / "atlas.duckdb"
    with write_session(p) as w:
        w.add_extractions([invented(i) for i in range(24)] + [invented_casualties(i) for i in range(12)])
    return p


def _no_scope(reader: SnapshotReader):
    """``reader`` with its filter-state tables off (each statement evaluates the filters), as a context."""
    class Off:
        def __enter__(self):
            reader.filter_scope = lambda f, index=False: None
            return reader

        def __exit__(self, *exc):
            del reader.filter_scope
    return Off()


@pytest.mark.parametrize("state", list(STATES))
def test_pages_answer_the_same_with_and_without_the_kept_articles(path, state):
    f = STATES[state]
    reader = SnapshotReader(path)
    writer_side = Store(path, read_only=True)  # keeps none: the filters in every statement
    try:
        with _no_scope(reader):
            without = _answers(reader, f)
        first = _answers(reader, f)  # makes the table
        again = _answers(reader, f)  # reads it
        assert first == without == again == _answers(writer_side, f)
        assert writer_side.filter_scope(f, True) is None
        assert bool(reader._scopes) == needs_quote_scope(f)  # made only for states with a quote-level filter
    finally:
        reader.close()
        writer_side.close()


def test_a_table_is_shared_by_the_states_of_the_same_quote_filters(path):
    reader = SnapshotReader(path)
    try:
        a = reader.filter_scope(QueryFilters(text="spring"), True)
        b = reader.filter_scope(QueryFilters(text="spring", collections=("ports",), countries=("SE",)), True)
        c = reader.filter_scope(QueryFilters(text="spring", kinds=("direct",)), True)
        assert a == b != c and len(reader._scopes) == 2
        assert reader.filter_scope(QueryFilters(collections=("ports",)), True) is None  # no quote-level filter
        assert reader.filter_scope(QueryFilters(text="spring"), False) is None  # no article numbers: ids
        got = {r[0] for r in reader.execute(f"SELECT article_no FROM {a}").fetchall()}  # a set: numbers may repeat
        want = {r[0] for r in reader.execute(
            "SELECT DISTINCT article_no FROM quote_facts WHERE contains(lower(text), 'spring')").fetchall()}
        assert got == want and len(want) > 3
    finally:
        reader.close()


def _article_ids(store: Store, f: QueryFilters) -> set[str]:
    return set(Q.articles_page(store, f, 500, 0)["id"])


def test_a_write_is_never_answered_from_the_tables_of_the_file_before_it(tmp_path):
    p = tmp_path / "atlas.duckdb"
    with write_session(p) as w:
        w.add_extractions([invented(i) for i in range(6)])
    f = QueryFilters(text="spring", collections=("ports", "ferries", "fresh"))
    before = SnapshotReader(p)
    seen = _article_ids(before, f)
    assert before._scopes and seen
    # a new article whose quote passes the search, and the deletion of one that passed
    text = 'Ines Duarte said: "The spring sailings start early." '
    claim = "The spring sailings start early."
    new = Extraction(article=Article(id="n1", title="Sailings", published="2024-04-10", collection="fresh", text=text),
                     quotes=[Quote(id="n1:q1", text=claim, start=text.index(claim), end=text.index(claim) + len(claim),
                                   kind="direct", cue="said", speaker="Ines Duarte", topics=["ports"])])
    gone = sorted(seen)[0]
    with write_session(p) as w:
        w.add_extractions([new])
        assert w.delete_article(gone)
    assert _article_ids(before, f) == seen  # the open reader keeps its snapshot (the file it opened)
    after = SnapshotReader(p)
    assert after.version != before.version
    got = _article_ids(after, f)
    assert got == (seen - {gone}) | {"n1"}
    with _no_scope(after):
        assert _article_ids(after, f) == got
    assert _answers(after, f) == _answers(Store(p, read_only=True), f)
    before.close()
    after.close()


def test_the_oldest_tables_go_and_a_cleared_reader_computes_them_again(path, monkeypatch):
    monkeypatch.setattr(swap, "SCOPE_CACHE_SIZE", 2)
    monkeypatch.setattr(swap, "SCOPE_DROP_AFTER_S", 0.0)
    reader = SnapshotReader(path)
    states = [QueryFilters(text=t) for t in ("spring", "ferry", "timetable", "night")]
    try:
        want = [_index_answers(reader, f) for f in states]
        assert len(reader._scopes) == 2 and len(reader._states) == 2  # the two used last of each kind
        tables = {r[0] for r in reader.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory'").fetchall()}
        for kind in ("filter_scope_", "state_table_"):  # the evicted ones are dropped at the next table made
            assert len({t for t in tables if t.startswith(kind)}) <= 3  # (the last one retired stays)
        assert [_index_answers(reader, f) for f in states] == want
        reader.clear_filter_scopes()
        assert not reader._scopes and not reader._states and not reader.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'memory'").fetchone()[0]
        assert _index_answers(reader, states[0]) == want[0]
    finally:
        reader.close()


def test_a_scope_table_is_put_into_sql_only_by_its_name():
    f = QueryFilters(text="spring")
    bits, params = where_clauses(f, "place", index=True, scope_table="memory.main.filter_scope_3")
    assert bits == ["p.article_no IN (SELECT article_no FROM memory.main.filter_scope_3)"] and params == []
    assert quote_scope_cte(f, index=True, scope_table="memory.main.filter_scope_3") == (
        "quote_scope AS (SELECT article_no FROM memory.main.filter_scope_3)", [])
    with pytest.raises(ValueError):
        where_clauses(f, "place", index=True, scope_table="t); DROP TABLE articles; --")
    # the quote rows filter on their own columns: no table
    assert not needs_quote_scope(f, "quote") and needs_quote_scope(f, "place")
    assert not needs_quote_scope(QueryFilters(topics=("ports",)), "stance_fact")


def test_a_stance_is_kept_by_the_articles_of_the_quote_filters_it_has_no_column_for():
    # a stance has its own speaker and topic: the articles it is kept by are those with a quote of the kinds alone
    # (not those with a quote of the speaker of those kinds), so its table is that of the kinds
    f = QueryFilters(speakers=("Mara Lindqvist",), kinds=("indirect",), collections=("ports",), text="")
    assert quote_scope_filters(f, "stance_fact") == QueryFilters(kinds=("indirect",))
    assert quote_scope_filters(f, "place") == quote_scope_filters(f) == QueryFilters(speakers=("Mara Lindqvist",),
                                                                                     kinds=("indirect",))


def _place_answers(store: Store, f: QueryFilters) -> dict:
    """What the overview, its top places and the map show of the place mentions under ``f``."""
    return {"overview": Q.overview_counts(store, f), "places": Q.top_places(store, f, 4).to_dict("records"),
            "map": Q.map_places(store, f, 20, 2).to_dict("records")}


def _no_state_tables(reader: SnapshotReader):
    """``reader`` keeping no :meth:`~SnapshotReader.state_table` (each statement groups the mentions), as a context."""
    class Off:
        def __enter__(self):
            reader.state_table = lambda key, sql, params: None
            return reader

        def __exit__(self, *exc):
            del reader.state_table
    return Off()


@pytest.mark.parametrize("state", list(STATES))
def test_the_place_pages_answer_the_same_from_the_mentions_grouped_once_per_state(path, state):
    f = STATES[state]
    reader = SnapshotReader(path)
    try:
        with _no_state_tables(reader):
            without = _place_answers(reader, f)
        assert not reader._states
        first = _place_answers(reader, f)  # makes the state's groups (when the aggregates cannot answer)
        again = _place_answers(reader, f)  # reads them
        assert first == without == again
        # made under a text search the aggregates cannot answer (elsewhere the page holds the passing mentions)
        assert bool(reader._states) == (aggregates.place_rows(reader, f) is None and not Q._hold_mentions(f))
        for key, name in reader._states.items():
            if key[1] == "place_groups":  # one row per name and country, holding every passing mention
                n, keys, mentions = reader.execute(
                    f"SELECT count(*), count(DISTINCT (name, country)), sum(mentions) FROM {name}").fetchone()
                assert n == keys and (mentions or 0) == first["overview"]["mentions"]
            else:  # the map's markers, every one (the page shows the first 20)
                assert key[1] == "map_markers"
                assert reader.execute(f"SELECT count(*) FROM {name}").fetchone()[0] >= len(first["map"])
    finally:
        reader.close()


def test_new_mentions_are_never_answered_from_the_groups_of_the_file_before_them(tmp_path):
    p = tmp_path / "atlas.duckdb"
    with write_session(p) as w:
        w.add_extractions([invented(i) for i in range(6)])
    f = QueryFilters(text="spring")
    before = SnapshotReader(p)
    seen = _place_answers(before, f)
    assert before._states and seen["overview"]["mentions"] > 0
    # a new article whose quote passes the search and names a new place twice, one of them without coordinates
    text = 'Ines Duarte said: "The spring sailings leave Tromso and Tromso harbour early." '
    claim = "The spring sailings leave Tromso and Tromso harbour early."
    at = text.index("Tromso")
    second = text.index("Tromso", at + 1)
    new = Extraction(article=Article(id="n1", title="Sailings", published="2024-04-10", collection="fresh", text=text),
                     quotes=[Quote(id="n1:q1", text=claim, start=text.index(claim), end=text.index(claim) + len(claim),
                                   kind="direct", cue="said", speaker="Ines Duarte", topics=["ports"])],
                     places=[Place(name="Tromso", mention="Tromso", start=at, end=at + 6, kind="city", country="NO",
                                   lat=69.6, lon=18.9),
                             Place(name="Tromso", mention="Tromso", start=second, end=second + 6, kind="city",
                                   country="NO")])
    with write_session(p) as w:
        w.add_extractions([new])
    assert _place_answers(before, f) == seen  # the open reader keeps its snapshot
    after = SnapshotReader(p)
    got = _place_answers(after, f)
    assert got["overview"]["mentions"] == seen["overview"]["mentions"] + 2
    assert got["overview"]["places"] == seen["overview"]["places"] + 1
    tromso = [m for m in got["map"] if m["place"] == "Tromso"]
    assert len(tromso) == 1 and tromso[0]["mentions"] == 1 and (tromso[0]["lat"], tromso[0]["lon"]) == (69.6, 18.9)
    with _no_state_tables(after):
        assert _place_answers(after, f) == got
    assert got == _place_answers(Store(p, read_only=True), f)
    before.close()
    after.close()


def test_the_map_hover_read_from_the_newest_articles_first_is_the_hover_of_all_of_them(path, monkeypatch):
    # a small margin makes a window too short for some hover places (then all the mentions are read again), a
    # larger one a window that holds their samples; both give the hover of all the mentions
    monkeypatch.setattr(Q, "MAP_MENTION_SAMPLE", 2)  # samples shorter than the places' mentions: windows can hold them
    reader = SnapshotReader(path)
    writer_side = Store(path, read_only=True)  # no state tables: no window
    statements = []
    real_df = reader.df
    reader.df = lambda sql, params=None: statements.append("sample AS MATERIALIZED" in sql) or real_df(sql, params)
    seen = set()
    try:
        for margin in (0.02, 0.3, 1.0, 3.0):
            monkeypatch.setattr(Q, "MAP_WINDOW_MARGIN", margin)
            for f in STATES.values():
                statements.clear()
                got = Q.map_places(reader, f, 20, 2).to_dict("records")
                assert got == Q.map_places(writer_side, f, 20, 2).to_dict("records")
                seen.add(sum(statements))  # 0: no window, 1: the window held the samples, 2: read again
    finally:
        reader.close()
        writer_side.close()
    assert seen == {0, 1, 2}
