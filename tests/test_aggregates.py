"""Tests of components.store.aggregates: the pre-aggregated counts answer exactly as the rows do, and stay
equal to a full rebuild after adding, replacing and deleting articles."""

from __future__ import annotations

import datetime as dt

import pytest

from components.models import Article, Extraction, Place, Quote, Speaker, Stance
from components.store import Store, aggregates
from components.store import queries as Q
from components.store.filters import QueryFilters
from components.store.identities import identity

# invented people, places and outlets (no article of the seed, the cases or the dev sets)
PEOPLE = [("Mara Lindqvist", "SE", "person"), ("Tomas Okafor", "NG", "person"), ("Ines Duarte", None, "person"),
          ("port officials", None, "group"), ("Pavel Rusu", "MD", "person")]
TOWNS = [("Oskarshamn", "SE", 57.26, 16.45), ("Ibadan", "NG", 7.38, 3.9), ("Chisinau", "MD", 47.01, 28.86),
         ("Porto", "PT", 41.15, -8.61), ("Nowhere Bay", None, None, None),
         ("Porto", "BR", -9.2, -41.3)]  # one name, two countries: an article may name both
KINDS = ("direct", "indirect", "mixed", "transcript")
# topic lists of the quotes: one topic, two in either order (one set), none
TOPICS = (["transport"], ["ports", "transport"], [], ["transport", "ports"], ["ports"])
DATES = ("2024-01-03", "2024-01-31", "2024-02-01", "2024-02-15", "2024-03-09", "2024-03-31", "2024-04-02", None)


def invented(n: int, variant: int = 0) -> Extraction:
    """Article ``n`` (``variant`` changes its collection, date, speakers and places, as a re-extraction may)."""
    k = n + variant
    sentences, quotes, places = [], [], []
    text = ""
    for j in range(2 + k % 3):
        name, _, _ = PEOPLE[(k + j * j) % len(PEOPLE)]  # the 3rd and 4th quote: one speaker, two kinds
        town = TOWNS[(k + 2 * j) % len(TOWNS)]
        claim = f"The ferry timetable will change in {town[0]} next spring"
        line = f'{name} said: "{claim}." '
        start = len(text) + line.index(claim)
        pstart = start + claim.index(town[0])
        quotes.append(Quote(id=f"a{n}:q{j + 1}", text=claim, start=start, end=start + len(claim),
                            kind=KINDS[(k + j) % len(KINDS)], cue="said", speaker=name, topics=TOPICS[(k + j) % len(TOPICS)],
                            confidence=0.5))
        places.append(Place(name=town[0], mention=town[0], start=pstart, end=pstart + len(town[0]), kind="city",
                            country=town[1], lat=town[2], lon=town[3]))
        text += line
        sentences.append(line)
    names = {q.speaker for q in quotes}
    speakers = [Speaker(name=p, country=c, type=t) for p, c, t in PEOPLE if p in names]
    # a stance per speaker and topic: the evidence is the speaker's quotes (their number ranks the Stance page)
    stances = [Stance(speaker=p, topic=topic, polarity=pol, score=sc, confidence=0.5, cues=[f"cue{k % 4}", "timetable"],
                      evidence=[q.id for q in quotes if q.speaker == p][:1 + (topic == "transport")])
               for p in sorted(names) for topic, pol, sc in (("transport", "support", 0.5), ("ports", "oppose", -0.5))
               if topic == "transport" or k % 2]
    article = Article(id=f"a{n}", title=f"Timetables {n}", published=DATES[k % len(DATES)],
                      outlet=("Harbour Post", "Coast Daily", None)[k % 3], collection=("ports", "ferries")[k % 2],
                      text=text)
    return Extraction(article=article, quotes=quotes, speakers=speakers, places=places, stances=stances)


def _memory_store(extractions: list[Extraction]):
    """An in-memory store holding ``extractions``, closed after the module's tests."""
    s = Store(":memory:")
    s.add_extractions(extractions)
    yield s
    s.close()


@pytest.fixture(scope="module")
def store():
    yield from _memory_store([invented(i) for i in range(24)])


STATES = {
    "none": QueryFilters(),
    "collection": QueryFilters(collections=("ports",)),
    "outlet": QueryFilters(outlets=("Coast Daily",)),
    "speaker": QueryFilters(speakers=("Tomas Okafor", "Ines Duarte")),
    "kinds": QueryFilters(kinds=("direct", "mixed")),
    "speaker+kind+collection": QueryFilters(speakers=("Mara Lindqvist",), kinds=("indirect", "mixed"), collections=("ferries",)),
    "whole months": QueryFilters(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 3, 31)),
    "partial months": QueryFilters(date_from=dt.date(2024, 1, 15), date_to=dt.date(2024, 3, 20)),
    "inside one month": QueryFilters(date_from=dt.date(2024, 3, 2), date_to=dt.date(2024, 3, 30)),
    "from a day on": QueryFilters(date_from=dt.date(2024, 2, 10), kinds=("direct",)),
    "up to a day": QueryFilters(date_to=dt.date(2024, 3, 9), outlets=("Harbour Post",)),
    "place countries": QueryFilters(countries=("SE", "MD")),
    "one name, two countries": QueryFilters(countries=("PT", "BR"), collections=("ferries",)),
    "places": QueryFilters(places=("Porto", "Ibadan"), date_from=dt.date(2024, 1, 20)),
    "topic": QueryFilters(topics=("transport",)),
    "two topics + kind": QueryFilters(topics=("ports", "transport"), kinds=("direct", "mixed")),
    "topic + partial months": QueryFilters(topics=("ports",), date_from=dt.date(2024, 1, 20), outlets=("Harbour Post",)),
    "stance topic + speaker + partial months": QueryFilters(topics=("ports", "transport"), speakers=("Pavel Rusu", "Mara Lindqvist"),
                                                            date_from=dt.date(2024, 1, 15)),
}


def _records(df) -> list[dict]:
    """Rows as dicts, NaN as None (NaN != NaN would fail any comparison) and arrays as lists, with the column
    types."""
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    return [dict(df.dtypes.astype(str))] + [{k: v.tolist() if hasattr(v, "tolist") else v for k, v in r.items()}
                                            for r in rows]


def _answers(store: Store, f: QueryFilters) -> dict:
    return {
        "count": Q.count_quotes(store, f),
        "overview": Q.overview_counts(store, f),
        "speakers": Q.top_speakers(store, f, 4).to_dict("records"),
        "named": Q.top_speakers(store, f, 3, named_only=True).to_dict("records"),
        "places": Q.top_places(store, f, 3).to_dict("records"),
        "map": Q.map_places(store, f, 10, 2).to_dict("records"),
        "page": _records(Q.quotes_page(store, f, 5, 0)),
        "page 2": _records(Q.quotes_page(store, f, 4, 6)),
        "stance": _records(Q.stance_matrix(store, f, 3)),
        "named stance": _records(Q.stance_matrix(store, f, 2, named_only=True)),
        "evidence": _records(Q.stance_evidence(store, f, "Tomas Okafor", "transport", 3)),
        "person": identity(store, "Mara Lindqvist"),  # its names' articles from quote_totals or the quotes
        "card": Q.speaker_card(store, "Tomas Okafor", "a1"),  # its quote and article counts likewise
    }


@pytest.mark.parametrize("state", list(STATES))
def test_aggregates_answer_as_the_rows_do(store, state):
    f = STATES[state]
    store._aggregates_available = True
    from_aggregates = _answers(store, f)
    store._aggregates_available = False  # the fact path, as for a store written before the tables existed
    try:
        from_rows = _answers(store, f)
    finally:
        store._aggregates_available = True
    assert from_aggregates == from_rows
    assert from_rows["count"] > 0 and len(from_rows["map"]) > 0 and len(from_rows["stance"]) > 1


def test_speaker_card_and_article_people_by_the_article_id(store):
    ex = invented(3)
    assert Q.article_people(store, "a3") == sorted(p.name for p in ex.speakers if p.type == "person")
    assert "port officials" in {p.name for p in ex.speakers} and "port officials" not in Q.article_people(store, "a3")
    card = Q.speaker_card(store, "port officials", "a3")
    assert (card["name"], card["type"], card["n_quotes"]) == ("port officials", "group", store.execute(
        "SELECT count(*) FROM quotes WHERE speaker = 'port officials'").fetchone()[0])


def test_aggregates_route_only_the_filters_of_their_keys(store):
    assert aggregates.quote_rows(store, STATES["speaker+kind+collection"]) is not None
    assert aggregates.quote_rows(store, STATES["place countries"]) is None  # a quote's country: its article's places
    assert aggregates.quote_rows(store, QueryFilters(text="ferry")) is None
    assert "list_has_any(topics, ?)" in aggregates.quote_rows(store, STATES["two topics + kind"])[0]
    assert aggregates.place_rows(store, STATES["place countries"]) is not None
    assert aggregates.place_rows(store, STATES["speaker"]) is None  # places of articles quoting someone: rows
    whole, _ = aggregates.quote_rows(store, STATES["whole months"])
    part, _ = aggregates.quote_rows(store, STATES["partial months"])
    assert "quote_facts" not in whole and "quote_counts" in whole
    assert "quote_totals" in aggregates.quote_rows(store, STATES["speaker"])[0]
    assert "quote_facts" in part and "quote_counts" in part  # Jan 15-31 and Mar 1-20 from the rows
    inside, _ = aggregates.quote_rows(store, STATES["inside one month"])
    assert "quote_counts" not in inside


def test_newest_month_bounds_the_newest_quotes(store):
    # 9 quotes a date, two dates a month but April: the 5 newest are of 2024-04-02, the 12 newest reach
    # back to March; up to February's end, February's 18 quotes hold 12 of them but not 19
    assert aggregates.newest_month(store, QueryFilters(), 5) == dt.date(2024, 4, 1)
    assert aggregates.newest_month(store, QueryFilters(), 12) == dt.date(2024, 3, 1)
    assert aggregates.newest_month(store, QueryFilters(date_to=dt.date(2024, 2, 29)), 12) == dt.date(2024, 2, 1)
    assert aggregates.newest_month(store, QueryFilters(date_to=dt.date(2024, 2, 29)), 19) == dt.date(2024, 1, 1)
    assert aggregates.newest_month(store, STATES["inside one month"], 5) is None  # ends on a day inside March
    assert aggregates.newest_month(store, QueryFilters(), 10_000) is None  # fewer quotes than that
    assert aggregates.newest_month(store, STATES["place countries"], 5) is None  # a quote's country: rows


def test_full_months_bounds():
    assert aggregates.full_months(dt.date(2024, 1, 15), dt.date(2024, 3, 20)) == (dt.date(2024, 2, 1), dt.date(2024, 3, 1))
    assert aggregates.full_months(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == (dt.date(2024, 2, 1), dt.date(2024, 3, 1))
    assert aggregates.full_months(None, dt.date(2024, 12, 31)) == (None, dt.date(2025, 1, 1))
    assert aggregates.full_months(dt.date(2024, 3, 2), None) == (dt.date(2024, 4, 1), None)


def _tables(store: Store) -> dict[str, list[tuple]]:
    out = {}
    for table, (keys, values, _, _) in aggregates.TABLES.items():
        cols = ", ".join(f"round({c}, 9)" if c.endswith("_sum") else c for c in keys + values)
        out[table] = store.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
    out[aggregates.SAMPLE] = store.execute(f"SELECT * FROM {aggregates.SAMPLE} ORDER BY ALL").fetchall()
    out[aggregates.INDEX] = store.execute(f"SELECT * FROM {aggregates.INDEX} ORDER BY ALL").fetchall()
    return out


def _rebuilt(s: Store) -> dict[str, list[tuple]]:
    cur = s.cursor()
    cur.execute("BEGIN TRANSACTION")
    aggregates.rebuild(cur)
    cur.execute("COMMIT")
    return _tables(s)


def test_aggregates_after_add_replace_delete_equal_a_full_rebuild():
    s = Store(":memory:")
    s.add_extractions([invented(i) for i in range(10)])
    s.add_extractions([invented(i) for i in range(8, 16)])  # 8, 9 already stored: skipped
    s.add_extractions([invented(3, variant=1), invented(5, variant=4)], replace=True)  # new collection, date, places
    assert s.delete_article("a7") and s.delete_article("a12")
    incremental = _tables(s)
    assert sum(r[6] for r in incremental["quote_counts"]) == s.execute("SELECT count(*) FROM quotes").fetchone()[0]
    assert sum(r[5] for r in incremental["quote_totals"]) == s.execute("SELECT count(*) FROM quotes").fetchone()[0]
    # the topic sets: sorted, one key for ["ports", "transport"] and ["transport", "ports"]
    assert {tuple(r[4]) for r in incremental["quote_totals"]} == {(), ("ports",), ("transport",), ("ports", "transport")}
    assert sum(r[5] for r in incremental["place_counts"]) == s.execute("SELECT count(*) FROM places").fetchone()[0]
    assert len(incremental["named_speakers"]) == 4  # the group "port officials" is no named source
    assert len(incremental[aggregates.SAMPLE]) == s.execute("SELECT count(*) FROM places").fetchone()[0]  # < 40 a key
    assert {r[1] for r in incremental[aggregates.INDEX]} == {r[0] for r in s.execute("SELECT id FROM articles").fetchall()}
    assert _rebuilt(s) == incremental
    s.close()


def test_place_sample_keeps_the_first_mentions_of_each_key(monkeypatch):
    """With a sample of 2 mentions a key: new mentions push out later ones, a removed sampled mention lets
    an unsampled one back in, and the map's hover reads the same quotes from the sample as from the rows."""
    monkeypatch.setattr(aggregates, "PLACE_SAMPLE", 2)
    monkeypatch.setattr(Q, "MAP_MENTION_SAMPLE", 2)
    s = Store(":memory:")
    s.add_extractions([invented(i) for i in range(8)])
    s.add_extractions([invented(i) for i in range(8, 20)])  # stored last: the greatest numbers, first in the samples
    s.add_extractions([invented(9, variant=2), invented(4, variant=1)], replace=True)  # new numbers: the greatest
    assert s.delete_article("a8") and s.delete_article("a19")
    incremental = _tables(s)
    sample = incremental[aggregates.SAMPLE]
    # each key's sample: its mentions of the articles stored last (by number, not id: a9 > a18 as text)
    want = s.execute("SELECT a.collection, a.outlet, p.name, p.country, p.article_id FROM places p JOIN articles a "
                     "ON a.id = p.article_id QUALIFY row_number() OVER (PARTITION BY a.collection, a.outlet, p.name, "
                     "p.country ORDER BY p.article_no DESC, p.start, p.idx) <= 2 ORDER BY ALL").fetchall()
    assert s.execute(f"SELECT collection, outlet, name, country, article_id FROM {aggregates.SAMPLE} "
                     "ORDER BY ALL").fetchall() == want
    assert {r[4] for r in want} >= {"a9", "a4"}  # re-extracted last
    assert s.execute(f"SELECT max(n) FROM (SELECT count(*) AS n FROM {aggregates.SAMPLE} "
                     "GROUP BY collection, outlet, name, country)").fetchone()[0] == 2
    assert len(sample) == s.execute("SELECT sum(least(mentions, 2)) FROM place_totals").fetchone()[0]
    assert len(sample) < s.execute("SELECT count(*) FROM places").fetchone()[0]  # some keys have more
    assert not aggregates.out_of_step(s.cursor())
    assert _rebuilt(s) == incremental
    for f in (QueryFilters(), QueryFilters(collections=("ferries",)), QueryFilters(countries=("PT", "SE")),
              QueryFilters(places=("Porto",), outlets=("Harbour Post",))):
        s._aggregates_available = True
        assert aggregates.sample_rows(s, f) is not None
        hover = Q.map_places(s, f, 10, 2)
        s._aggregates_available = False
        assert _records(hover) == _records(Q.map_places(s, f, 10, 2))
        assert sum(len(q) for q in hover["top_quotes"]) > 0
    s.close()


def test_a_sample_ordered_by_article_id_is_read_by_the_rows_then_rebuilt_by_number(tmp_path):
    """A store written when the map's sample was ordered by article id (no ``article_no`` in ``place_samples``):
    a read-only reader's hover reads the mentions (the same quotes), and opening it for writing rebuilds it."""
    from components.store.swap import SnapshotReader

    path = tmp_path / "old.duckdb"
    s = Store(path)
    s.add_extractions([invented(i) for i in range(12)])
    f = QueryFilters(collections=("ferries",))
    want = _records(Q.map_places(s, f, 10, 2))
    s.execute(f"ALTER TABLE {aggregates.SAMPLE} DROP COLUMN article_no")
    s.close()
    reader = SnapshotReader(path)
    assert aggregates.available(reader) and aggregates.sample_rows(reader, f) is None  # the rows, not the sample
    assert _records(Q.map_places(reader, f, 10, 2)) == want
    reader.close()
    s = Store(path)
    assert aggregates.sample_rows(s, f) is not None and _records(Q.map_places(s, f, 10, 2)) == want
    assert not aggregates.out_of_step(s.cursor()) and _rebuilt(s)[aggregates.SAMPLE] == _tables(s)[aggregates.SAMPLE]
    s.close()


def test_aggregates_are_built_for_a_store_written_before_them(tmp_path):
    path = tmp_path / "old.duckdb"
    s = Store(path)
    s.add_extractions([invented(i) for i in range(6)])
    s.execute("DROP TABLE quote_counts")
    s.execute("DELETE FROM place_counts")
    s.close()
    s = Store(path)  # opening for writing rebuilds them
    n = s.execute("SELECT sum(quotes) FROM quote_counts").fetchone()[0]
    assert n == s.execute("SELECT count(*) FROM quotes").fetchone()[0] and aggregates.in_step(s.cursor())
    s.close()


# ---------------------------------------------------------------- article_index (aggregates.py)


def _index_keys(ex: Extraction) -> set[str]:
    """The ``article_index`` keys of an extraction, computed here from its records."""
    keys = {f"p:{p.country}" for p in ex.places if p.country} | {f"s:{s.country}" for s in ex.speakers if s.country}
    for q in ex.quotes:
        keys |= {f"q:{q.kind}:*"} | {f"q:{k}:{t}" for t in q.topics for k in (q.kind, "*")}
    return keys


def test_article_index_holds_each_articles_keys(store):
    for n in (0, 3, 5):
        rows = store.execute(f"SELECT key FROM {aggregates.INDEX} WHERE article_id = ?", [f"a{n}"]).fetchall()
        assert sorted(r[0] for r in rows) == sorted(_index_keys(invented(n)))
    # a5: Mara Lindqvist (SE) indirect on transport at Porto (BR), Tomas Okafor (NG) mixed on ports and transport
    # at Ibadan (NG), Pavel Rusu (MD) in a transcript without topic at Porto (PT), and direct on both at Porto (BR)
    rows = store.execute(f"SELECT key FROM {aggregates.INDEX} WHERE article_id = 'a5' ORDER BY key").fetchall()
    assert [r[0] for r in rows] == [
        "p:BR", "p:NG", "p:PT", "q:*:ports", "q:*:transport", "q:direct:*", "q:direct:ports", "q:direct:transport",
        "q:indirect:*", "q:indirect:transport", "q:mixed:*", "q:mixed:ports", "q:mixed:transport", "q:transcript:*",
        "s:MD", "s:NG", "s:SE"]


INDEX_STATES = {**STATES, "country + kind": QueryFilters(countries=("NG",), kinds=("transcript",)),
                "speaker country": QueryFilters(countries=("NG", "PT")),
                "kind + quote text": QueryFilters(kinds=("direct",), text="timetable")}


def _index_answers(store: Store, f: QueryFilters) -> dict:
    return {**_answers(store, f), "articles": Q.count_articles(store, f),
            "article page": _records(Q.articles_page(store, f, 6, 0)),
            "casualties": Q.casualty_totals(store, f), "places table": _records(Q.places_table(store, f))}


def _with_and_without_index(store: Store, answers, f: QueryFilters) -> tuple[dict, dict]:
    """``answers(store, f)`` with the filters reading ``article_index``, then scanning the rows."""
    store._index_available = True
    from_index = answers(store, f)
    store._index_available = False
    try:
        return from_index, answers(store, f)
    finally:
        store._index_available = True


@pytest.mark.parametrize("state", list(INDEX_STATES))
def test_article_index_answers_as_the_scans_do(store, state):
    """Every page query gives the same rows whether the filters read ``article_index`` or scan the rows."""
    assert aggregates.index_available(store)
    from_index, from_rows = _with_and_without_index(store, _index_answers, INDEX_STATES[state])
    assert from_index == from_rows
    assert from_rows["articles"] > 0


@pytest.mark.parametrize("state", ["country", "place of a part", "topic+kind", "speaker", "quote text"])
def test_article_index_answers_the_casualty_pages_as_the_scans_do(cas_store, state):
    from_index, from_rows = _with_and_without_index(cas_store, _cas_answers, CAS_STATES[state])
    assert from_index == from_rows
    assert from_rows["totals"]["events"] > 0


@pytest.mark.parametrize("state", ["topic", "speaker", "two topics + kind", "kinds"])
def test_map_and_top_places_hold_the_passing_mentions_or_join_alike(store, state, monkeypatch):
    """The map's markers and hover and the top places are the same whether the passing mentions are held
    once (:func:`queries._hold_mentions`) or semi-joined per count, as under a text search."""
    f = STATES[state]

    def answers():
        return _records(Q.map_places(store, f, 10, 2)), _records(Q.top_places(store, f, 3))

    held = answers()
    monkeypatch.setattr(Q, "_hold_mentions", lambda f: False)
    assert answers() == held and len(held[0]) > 1


def test_article_index_routes_only_country_topic_and_kind_filters():
    from components.store.filters import quote_index_keys, quote_scope_cte, where_sql

    assert quote_index_keys(("war",), ("direct", "mixed")) == ["q:direct:war", "q:mixed:war"]
    assert quote_index_keys((), ("direct",)) == ["q:direct:*"] and quote_index_keys(("war",), ()) == ["q:*:war"]
    for f in (STATES["two topics + kind"], STATES["kinds"], STATES["place countries"]):
        assert aggregates.INDEX in where_sql(f, "article", index=True)[0]
        assert aggregates.INDEX not in where_sql(f, "article")[0]
    assert aggregates.INDEX in quote_scope_cte(STATES["topic"], index=True)[0]
    # a speaker or the quote's text: on the quote itself, which the article-level index cannot answer
    for f in (STATES["speaker+kind+collection"], INDEX_STATES["kind + quote text"]):
        assert aggregates.INDEX not in where_sql(f, "place", index=True)[0]
        assert aggregates.INDEX not in quote_scope_cte(f, index=True)[0]


def test_article_index_is_built_for_a_store_written_before_it(tmp_path):
    path = tmp_path / "old.duckdb"
    s = Store(path)
    s.add_extractions([invented(i) for i in range(6)])
    want = s.execute(f"SELECT * FROM {aggregates.INDEX} ORDER BY ALL").fetchall()
    s.execute(f"DROP TABLE {aggregates.INDEX}")
    s.close()
    reader = Store(path, read_only=True)
    assert not aggregates.index_available(reader)  # a reader of the old file scans the rows
    reader.close()
    s = Store(path)  # opening for writing builds it
    assert s.execute(f"SELECT * FROM {aggregates.INDEX} ORDER BY ALL").fetchall() == want and len(want) > 20
    assert aggregates.index_available(s)
    s.close()


# ---------------------------------------------------------------- article numbers (numbers.py)


def _numbering(s: Store) -> dict:
    """Per table carrying ``article_no``: its rows whose number is not their article's (NULL included), and its
    rows; the articles' numbers in storage order."""
    from components.store import numbers

    out = {}
    for table in numbers.TABLES[1:]:
        out[table] = s.execute(
            f"SELECT count(*) FILTER (WHERE t.article_no IS DISTINCT FROM a.article_no), count(*) FROM {table} t "
            "LEFT JOIN articles a ON a.id = t.article_id").fetchone()
    out["articles"] = s.execute("SELECT id, article_no FROM articles ORDER BY rowid").fetchall()
    return out


def _with_casualty(n: int) -> Extraction:
    """Article ``n`` with a casualty record (the articles of :func:`invented` have none)."""
    from components.models import Casualty

    ex = invented(n)
    ex.casualties.append(Casualty(place="Ibadan", country="NG", killed_min=3, killed_max=3, start=0, end=10))
    return ex


def test_article_numbers_follow_each_article_through_add_replace_delete():
    s = Store(":memory:")
    s.add_extractions([invented(i) for i in range(5)])
    assert _numbering(s)["articles"] == [(f"a{i}", i + 1) for i in range(5)]  # the batch's order, from 1
    s.add_extractions([invented(i) for i in range(3, 8)])  # a3, a4 skipped: the new ones go on from 6
    s.add_extractions([invented(2, variant=3), _with_casualty(9)], replace=True)  # a2 re-written: a new number
    assert s.delete_article("a6")
    got = _numbering(s)
    assert dict(got.pop("articles")) == {"a0": 1, "a1": 2, "a3": 4, "a4": 5, "a5": 6, "a7": 8, "a2": 9, "a9": 10}
    assert all(bad == 0 and n > 0 for bad, n in got.values()), got
    s.close()


def test_filters_on_the_index_compare_article_numbers_where_the_table_has_them():
    from components.store.filters import quote_scope_cte, where_sql

    f = QueryFilters(countries=("NG",), topics=("ports",), collections=("ports",))
    assert "p.article_no IN (SELECT a.article_no FROM articles a" in where_sql(f, "place", index=True)[0]
    assert "p.article_no IN (SELECT article_no FROM article_index" in where_sql(f, "place", index=True)[0]
    assert "article_no" not in where_sql(f, "place")[0]  # a store without numbers: on the ids
    assert "article_no" not in where_sql(f, "casualty", index=True)[0]  # casualties carry no number
    assert "SELECT DISTINCT article_no FROM article_index" in quote_scope_cte(f, index=True)[0]
    # a casualty (no number) under the CTE of numbers: their articles' ids
    assert ("c.article_id IN (SELECT a.id FROM articles a WHERE a.article_no IN (SELECT article_no FROM quote_scope))"
            in where_sql(f, "casualty", use_quote_scope=True, index=True)[0])


def test_a_store_written_before_the_numbers_gets_them_on_open_for_writing(tmp_path, capsys):
    from components.store import numbers

    path = tmp_path / "old.duckdb"
    s = Store(path)
    s.add_extractions([invented(i) for i in range(7)] + [_with_casualty(7)])
    f = QueryFilters(countries=("NG",), kinds=("direct", "mixed"))
    want = _index_answers(s, f)
    for table in reversed(numbers.TABLES):  # as a store written before them
        s.execute(f"ALTER TABLE {table} DROP COLUMN article_no")
    s.close()
    capsys.readouterr()
    from components.store.swap import SnapshotReader

    for reader in (Store(path, read_only=True), SnapshotReader(path)):  # the dashboard's reader
        assert not aggregates.index_available(reader) and _index_answers(reader, f) == want  # on the ids
        reader.close()
    s = Store(path)  # numbered in storage order, with a line per table on stderr
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 + len(numbers.TABLES) and lines[1].startswith("article numbers: articles (8 rows)")
    got = _numbering(s)
    assert got.pop("articles") == [(f"a{i}", i + 1) for i in range(8)]
    assert all(bad == 0 and n > 0 for bad, n in got.values()), got
    assert aggregates.index_available(s) and _index_answers(s, f) == want and want["articles"] > 0
    s.close()
    Store(path).close()
    assert capsys.readouterr().err == ""  # once


def test_the_dashboard_numbers_an_older_store_when_it_opens_it(tmp_path):
    from components.store import numbers
    from components.store.swap import file_version
    from components.ui import loaders

    path = tmp_path / "old.duckdb"
    s = Store(path)
    s.add_extractions([invented(i) for i in range(4)])
    for table in reversed(numbers.TABLES):  # as a store written before the numbers
        s.execute(f"ALTER TABLE {table} DROP COLUMN article_no")
    s.close()
    reader = loaders.get_store(str(path), file_version(path))  # migrated once in a write session, then read
    try:
        assert aggregates.index_available(reader)
        assert reader.execute("SELECT list(article_no ORDER BY rowid) FROM articles").fetchone()[0] == [1, 2, 3, 4]
    finally:
        loaders.get_store.clear()


# ---------------------------------------------------------------- casualty_facts (casualty_facts.py)

# invented towns: the first two 13 km apart (reports there on dates a day apart, of one cause, are one event)
CAS_TOWNS = [("Velkor", "UA", 48.00, 35.00), ("Dranit", "UA", 48.10, 35.10), ("Ombesi", "KE", 0.50, 36.00),
             ("Nowhere Ridge", None, None, None)]
CAS_DATES = ("2024-05-03", "2024-05-04", "2024-05-31", "2024-06-01", "2024-06-20")
CAUSES = ("shelling", "air strike", "airstrike", None)


def invented_casualties(n: int, variant: int = 0) -> Extraction:
    """Article ``n`` with one or two casualty records (some with a breakdown into parts) and a quote."""
    from components.models import Casualty, CasualtyPart

    k = n + variant
    text = f'Pavel Rusu said: "The shelling went on all night." Figures for day {k} follow. ' * 2
    records = []
    for j in range(1 + (k % 4 == 1)):
        town = CAS_TOWNS[(k + j) % len(CAS_TOWNS)]
        killed = (k * 7 + j) % 13 + 1
        parts = []
        if k % 3 == 0 and killed > 3:  # "N killed, 2 in Velkor and 1 in Dranit"
            parts = [CasualtyPart(place=t[0], country=t[1], lat=t[2], lon=t[3], killed_min=m, killed_max=m,
                                  injured_min=1 if m == 2 else None, start=0, end=40)
                     for t, m in ((CAS_TOWNS[0], 2), (CAS_TOWNS[1], 1))]
        records.append(Casualty(place=town[0], country=town[1], lat=town[2], lon=town[3],
                                date=CAS_DATES[k % len(CAS_DATES)], killed_min=killed,
                                killed_max=killed + (k % 2), injured_min=(k % 5) or None,
                                missing_min=1 if k % 4 == 0 else None, cause=CAUSES[(k + j) % len(CAUSES)],
                                start=50 * j, end=50 * j + 40, parts=parts))
    claim = "The shelling went on all night."
    quote = Quote(id=f"c{n}:q1", text=claim, start=text.index(claim), end=text.index(claim) + len(claim),
                  kind=KINDS[k % len(KINDS)], cue="said", speaker="Pavel Rusu" if k % 2 else "Mara Lindqvist",
                  topics=["war"] if k % 3 else ["transport"], confidence=0.5)
    article = Article(id=f"c{n}", title=f"Night report {n}", published=CAS_DATES[(k + 1) % len(CAS_DATES)],
                      outlet=("Harbour Post", "Coast Daily")[k % 2], collection=("ports", "ferries")[k % 3 == 0],
                      text=text)
    return Extraction(article=article, quotes=[quote], casualties=records)


CAS_STATES = {
    "none": QueryFilters(),
    "collection": QueryFilters(collections=("ports",)),
    "outlet+date": QueryFilters(outlets=("Coast Daily",), date_from=dt.date(2024, 5, 4)),
    "dates": QueryFilters(date_from=dt.date(2024, 5, 4), date_to=dt.date(2024, 6, 1)),
    "country": QueryFilters(countries=("UA",)),
    "place of a part": QueryFilters(places=("Dranit",)),
    "speaker": QueryFilters(speakers=("Pavel Rusu",)),
    "topic+kind": QueryFilters(topics=("war",), kinds=("direct", "indirect")),
    "quote text": QueryFilters(text="all night"),
    "article text": QueryFilters(article_text="day 1"),
}


@pytest.fixture(scope="module")
def cas_store():
    yield from _memory_store([invented_casualties(i) for i in range(30)])


def _cas_answers(store: Store, f: QueryFilters) -> dict:
    return {
        "totals": Q.casualty_totals(store, f),
        "count": Q.count_casualties(store, f),
        "overview": Q.overview_counts(store, f),
        "page": _records(Q.casualties_page(store, f, 7, 0)),
        "page 2 by article": _records(Q.casualties_page(store, f, 5, 3, sort="article")),
        "page by published": _records(Q.casualties_page(store, f, 6, 0, sort="published", descending=False)),
        "chart": _records(Q.casualties_by_place_date(store, f)),
        "points": _records(Q.casualty_points(store, f)),
        "map": _records(Q.map_places(store, f, 10, 1)),
    }


@pytest.mark.parametrize("state", list(CAS_STATES))
def test_casualty_facts_answer_as_the_records_do(cas_store, state):
    f = CAS_STATES[state]
    cas_store._casualty_facts_available = True
    from_facts = _cas_answers(cas_store, f)
    cas_store._casualty_facts_available = False  # the records' path, as for a store written before the table
    try:
        from_records = _cas_answers(cas_store, f)
    finally:
        cas_store._casualty_facts_available = True
    assert from_facts == from_records
    assert from_records["totals"]["events"] > 0 and from_records["totals"]["killed"] > 0


def test_casualty_facts_hold_events_across_articles_and_parts(cas_store):
    # events of several reports exist (else the ranks prove nothing), and parts carry their event
    multi = cas_store.execute("SELECT count(*) FROM (SELECT event_id FROM casualty_facts WHERE part_of IS NULL "
                              "GROUP BY event_id HAVING count(*) > 1)").fetchone()[0]
    assert multi >= 3
    assert cas_store.execute("SELECT count(*) FROM casualty_facts c JOIN casualty_facts e ON e.article_id = c.article_id "
                             "AND e.idx = c.part_of WHERE e.event_id <> c.event_id OR e.ev_rank <> c.ev_rank"
                             ).fetchone()[0] == 0
    # without filters the totals come from the rank-1 rows; the grouped path gives the same
    assert Q.casualty_totals(cas_store, QueryFilters()) == Q.casualty_totals(cas_store, QueryFilters(collections=("ports", "ferries")))


def _cas_table(store: Store) -> list[tuple]:
    return (store.execute("SELECT * FROM casualty_facts ORDER BY article_id, idx").fetchall()
            + store.execute("SELECT * FROM casualty_chart ORDER BY ALL").fetchall())


def test_casualty_facts_after_add_replace_delete_equal_a_full_rebuild():
    from components.store import casualty_facts, events

    s = Store(":memory:")
    s.add_extractions([invented_casualties(i) for i in range(12)])
    s.add_extractions([invented_casualties(i) for i in range(10, 20)])  # 10, 11 already stored: skipped
    # re-extractions: other dates, places, figures (an event loses a report, another gains one)
    s.add_extractions([invented_casualties(3, variant=1), invented_casualties(6, variant=2)], replace=True)
    assert s.delete_article("c7") and s.delete_article("c13")
    incremental = _cas_table(s)
    assert s.execute("SELECT count(*) FROM casualty_facts").fetchone()[0] == s.execute(
        "SELECT count(*) FROM casualties").fetchone()[0]
    assert s.execute("SELECT sum(killed) FROM casualty_chart").fetchone()[0] == Q.casualty_totals(s, QueryFilters())["killed"]
    cur = s.cursor()
    cur.execute("BEGIN TRANSACTION")
    events.refresh(cur)  # regroups every event and rebuilds casualty_facts whole
    cur.execute("COMMIT")
    assert _cas_table(s) == incremental
    cur.execute("DROP TABLE casualty_facts")
    assert casualty_facts.ensure(cur) and _cas_table(s) == incremental
    cur.execute("ALTER TABLE casualty_facts DROP COLUMN ev_missing")  # as an older version wrote it
    assert casualty_facts.ensure(cur) and _cas_table(s) == incremental
    assert not casualty_facts.ensure(cur)  # in step: nothing to do
    s.close()
