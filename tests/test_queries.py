"""Tests of components.store.queries on a real in-memory DuckDB store with hand-made extractions."""

from __future__ import annotations

import datetime as dt

import pytest

from components.store import Store
from components.store import queries as Q
from components.store.filters import QueryFilters

from tests.dashboard_data import hostile_extraction, seed_extraction


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    s.add_extractions([seed_extraction(), hostile_extraction()])
    Q.ensure_indexes(s)
    Q.ensure_indexes(s)  # idempotent
    yield s
    s.close()


def test_queries_overview_counts_unfiltered_and_by_collection(store):
    allc = Q.overview_counts(store, QueryFilters())
    assert allc["articles"] == 2 and allc["quotes"] == 5 and allc["speakers"] == 5
    assert allc["killed"] == 5 and allc["injured"] == 7 and allc["casualty_events"] == 2
    seed = Q.overview_counts(store, QueryFilters(collections=("seed",)))
    assert seed["articles"] == 1 and seed["quotes"] == 4 and seed["killed"] == 3
    other = Q.overview_counts(store, QueryFilters(topics=("economy",)))
    assert (other["articles"], other["quotes"], other["killed"], other["places"]) == (1, 1, 2, 1)
    assert list(Q.top_places(store, QueryFilters(kinds=("direct",), topics=("economy",)))["place"]) == ["Paris"]


def test_queries_top_speakers_and_places(store):
    sp = Q.top_speakers(store, QueryFilters(collections=("seed",)))
    assert set(sp["speaker"]) == {"Volodymyr Zelenskyy", "Kaja Kallas", "Jake Sullivan", "Dan Sabbagh"}
    assert sp.set_index("speaker").loc["Jake Sullivan", "country"] == "US"
    pl = Q.top_places(store, QueryFilters())
    assert pl.iloc[0]["place"] == "Ukraine" and pl.iloc[0]["mentions"] > 5


@pytest.mark.parametrize(
    "filters, expected",
    [
        (QueryFilters(speakers=("Kaja Kallas",)), {"Kaja Kallas"}),
        (QueryFilters(topics=("nuclear-weapons", "syria")), {"Jake Sullivan", "Dan Sabbagh"}),
        (QueryFilters(countries=("FR",)), {"Anne Hidalgo"}),
        (QueryFilters(countries=("SY",)), {"Volodymyr Zelenskyy", "Kaja Kallas", "Jake Sullivan", "Dan Sabbagh"}),
        (QueryFilters(text="100%"), {"Anne Hidalgo"}),
        (QueryFilters(text="100_"), set()),
        (QueryFilters(text="<script>"), {"Anne Hidalgo"}),
        (QueryFilters(date_from=dt.date(2025, 1, 1)), {"Anne Hidalgo"}),
        (QueryFilters(date_to=dt.date(2024, 12, 1)), {"Volodymyr Zelenskyy", "Kaja Kallas", "Jake Sullivan",
                                                      "Dan Sabbagh"}),
        (QueryFilters(places=("Paris",)), {"Anne Hidalgo"}),
        (QueryFilters(outlets=("Le Test",)), {"Anne Hidalgo"}),
        (QueryFilters(kinds=("indirect",)), set()),
    ],
)
def test_queries_quotes_page_filters(store, filters, expected):
    page = Q.quotes_page(store, filters, limit=50)
    assert set(page["speaker"]) == expected
    assert Q.count_quotes(store, filters) == len(page)


def test_queries_country_us_matches_speaker_country_even_without_place(store):
    # Sullivan's own country is US; no US place is in the seed, so only his quote passes.
    page = Q.quotes_page(store, QueryFilters(countries=("US",)))
    assert list(page["speaker"]) == ["Jake Sullivan"]


def test_queries_quotes_page_paging_and_stance_column(store):
    first = Q.quotes_page(store, QueryFilters(), limit=2, offset=0)
    second = Q.quotes_page(store, QueryFilters(), limit=2, offset=2)
    assert len(first) == 2 and len(second) == 2
    assert not set(first["id"]) & set(second["id"])
    assert first.iloc[0]["speaker"] == "Anne Hidalgo"  # newest article first
    allq = Q.quotes_page(store, QueryFilters(), limit=10).set_index("speaker")
    assert allq.loc["Jake Sullivan", "stance"] == "nuclear-weapons: oppose"
    assert list(allq.loc["Volodymyr Zelenskyy", "topics"]) == ["nato"]
    by_speaker = Q.quotes_page(store, QueryFilters(), limit=10, sort="speaker")
    assert list(by_speaker["speaker"]) == sorted(by_speaker["speaker"])
    assert list(first["confidence"]) == [0.65, 0.9]  # each row's own (tests/dashboard_data.py)
    least = Q.quotes_page(store, QueryFilters(), limit=2, sort="confidence", descending=False)
    assert list(least["speaker"]) == ["Kaja Kallas", "Anne Hidalgo"] and list(least["confidence"]) == [0.55, 0.65]


def test_queries_quotes_page_rejects_bad_paging(store):
    with pytest.raises(ValueError):
        Q.quotes_page(store, QueryFilters(), limit=0)
    with pytest.raises(ValueError):
        Q.quotes_page(store, QueryFilters(), sort="text; DROP")


def test_queries_quote_detail_has_article_and_card(store):
    qid = Q.quotes_page(store, QueryFilters(speakers=("Jake Sullivan",)))["id"].iloc[0]
    d = Q.quote_detail(store, qid)
    art = d["article"]["text"]
    assert art[d["quote"]["start"]:d["quote"]["end"]] == "That is not under consideration, no."
    assert d["speaker"]["role"] == "National Security Advisor" and d["speaker"]["n_quotes"] == 1
    assert d["speaker"]["stances"] == [("nuclear-weapons", "oppose", pytest.approx(-0.7))]
    assert Q.quote_detail(store, "nope") is None


def test_queries_map_places_sizes_colours_and_hover(store):
    mp = Q.map_places(store, QueryFilters()).set_index("place")
    assert mp.loc["Kherson", "killed"] == 3 and mp.loc["Kherson", "injured"] == 7
    assert mp.loc["Paris", "killed"] == 2
    assert mp.loc["Ukraine", "mentions"] > mp.loc["Kyiv", "mentions"]
    # the Zelenskyy and Kallas quotes contain a "Ukraine" mention; shortest first
    assert list(mp.loc["Ukraine", "top_quotes"]) == [
        "Volodymyr Zelenskyy: An invitation for Ukraine to join NATO is a necessary thing for our survival.",
        "Kaja Kallas: We need to definitely discuss this – if Ukraine decides to draw the line somewhere",
    ]
    assert list(mp.loc["Kherson", "top_quotes"]) == []
    only = Q.map_places(store, QueryFilters(countries=("SY",)))
    assert list(only["place"]) == ["Aleppo"]


def test_queries_casualties_page_and_chart(store):
    assert Q.count_casualties(store, QueryFilters(places=("Kherson",))) == 1
    assert Q.casualty_totals(store, QueryFilters()) == {"events": 2, "reports": 2, "killed": 5, "injured": 7, "missing": 0}
    page = Q.casualties_page(store, QueryFilters(collections=("seed",)))
    row = page.iloc[0]
    assert (row["place"], row["killed_min"], row["injured_min"], row["cause"]) == ("Kherson", 3, 7, "drone attack")
    chart = Q.casualties_by_place_date(store, QueryFilters())
    assert set(chart["place"]) == {"Kherson", "Paris"} and chart["killed"].sum() == 5


def test_queries_stance_matrix_and_evidence(store):
    m = Q.stance_matrix(store, QueryFilters()).set_index(["speaker", "topic"])
    assert m.loc[("Jake Sullivan", "nuclear-weapons"), "polarity"] == "oppose"
    assert m.loc[("Volodymyr Zelenskyy", "nato"), "polarity"] == "support"
    ev = Q.stance_evidence(store, QueryFilters(), "Volodymyr Zelenskyy", "nato")
    assert ev.iloc[0]["quote"].startswith("An invitation for Ukraine to join NATO")
    assert list(ev.iloc[0]["cues"]) == ["necessary"]
    assert Q.stance_matrix(store, QueryFilters(topics=("economy",)))["speaker"].tolist() == ["Anne Hidalgo"]


def test_queries_articles_page_and_bundle(store):
    assert Q.count_articles(store, QueryFilters(countries=("SY",))) == 1
    page = Q.articles_page(store, QueryFilters())
    assert list(page["quotes"]) == [1, 4]
    b = Q.article_bundle(store, "hostile-1")
    assert b["article"]["title"].startswith("<script>") and len(b["casualties"]) == 1
    assert Q.article_bundle(store, "missing") is None


def test_queries_exports_and_options(store):
    ex = Q.quotes_export(store, QueryFilters(collections=("seed",)))
    assert len(ex) == 4 and {"speaker", "quote", "topics", "confidence", "title", "url", "sentence"} <= set(ex.columns)
    assert "article" not in ex.columns  # the title is given once, by the citation columns
    assert len(Q.places_table(store, QueryFilters(places=("Kherson",)))) == 1
    assert len(Q.casualties_table(store, QueryFilters())) == 2
    opts = Q.filter_options(store)
    assert opts["collections"] == ["other", "seed"]
    assert {"UA", "US", "FR", "SY", "CN", "GB"} <= set(opts["countries"])
    assert "nato" in opts["topics"] and opts["speakers"][0] == "Anne Hidalgo" or "Anne Hidalgo" in opts["speakers"]
    assert opts["date_min"] == dt.date(2024, 12, 1) and opts["date_max"] == dt.date(2025, 3, 3)


def test_queries_date_span_is_that_of_the_selection_without_its_own_dates(store):
    """Test that the date slider's span follows the other filters and ignores the date range itself."""
    assert Q.date_span(store, QueryFilters()) == (dt.date(2024, 12, 1), dt.date(2025, 3, 3))
    assert Q.date_span(store, QueryFilters(collections=("seed",))) == (dt.date(2024, 12, 1), dt.date(2024, 12, 1))
    assert Q.date_span(store, QueryFilters(date_from=dt.date(2025, 1, 1))) == (dt.date(2024, 12, 1),
                                                                                dt.date(2025, 3, 3))
    assert Q.date_span(store, QueryFilters(collections=("none",))) == (None, None)


def _rebuild_aggregates(s: Store) -> None:
    """Recount the aggregate tables after rows were changed by SQL (a store's own writes keep them in step)."""
    from components.store import aggregates

    cur = s.cursor()
    cur.execute("BEGIN TRANSACTION")
    aggregates.rebuild(cur)
    cur.execute("COMMIT")


def test_queries_stance_matrix_keeps_the_stored_polarity_not_the_mean_score():
    s = Store(":memory:")
    s.add_extractions([seed_extraction(), hostile_extraction()])
    # the extraction's own verdict: neutral although the score leans negative (as Baerbock on military aid)
    s.execute("UPDATE stances SET polarity = 'neutral', score = -0.312 "
              "WHERE speaker = 'Jake Sullivan' AND topic = 'nuclear-weapons'")
    _rebuild_aggregates(s)  # written by SQL, not by a write of the store
    m = Q.stance_matrix(s, QueryFilters()).set_index(["speaker", "topic"])
    row = m.loc[("Jake Sullivan", "nuclear-weapons")]
    assert row["polarity"] == "neutral" and round(row["score"], 3) == -0.312
    assert (row["neutral"], row["articles"]) == (1, 1)
    s.close()


def test_queries_stance_matrix_takes_the_majority_of_articles_and_neutral_on_a_tie():
    s = Store(":memory:")
    s.add_extractions([seed_extraction(), hostile_extraction()])
    base = s.execute("SELECT article_id, evidence, cues FROM stances WHERE speaker = 'Volodymyr Zelenskyy' "
                     "AND topic = 'nato'").fetchone()
    # a second and a third article: two 'support' rows against one 'oppose' -> support
    for aid, pol, score in (("zz-a", "support", 0.2), ("zz-b", "oppose", -0.9)):
        s.execute("INSERT INTO stances (article_id, speaker, topic, polarity, score, evidence, cues) "
                  "VALUES (?, 'Volodymyr Zelenskyy', 'nato', ?, ?, ?, ?)", [aid, pol, score, base[1], base[2]])
    _rebuild_aggregates(s)
    pick = lambda: Q.stance_matrix(s, QueryFilters()).set_index(["speaker", "topic"]).loc[  # noqa: E731
        ("Volodymyr Zelenskyy", "nato")]
    # the speaker card says the same as the Stance page, whatever the mean score
    card = lambda: dict((t, p) for t, p, _ in Q.speaker_card(s, "Volodymyr Zelenskyy", "zz-a")["stances"])["nato"]  # noqa: E731
    assert pick()["polarity"] == "support" and pick()["articles"] == 3 and card() == "support"
    s.execute("UPDATE stances SET polarity = 'oppose' WHERE article_id = 'zz-a'")  # 1 support, 2 oppose
    _rebuild_aggregates(s)
    assert pick()["polarity"] == "oppose" and card() == "oppose"
    s.execute("UPDATE stances SET polarity = 'neutral' WHERE article_id = 'zz-a'")  # one each: a tie
    _rebuild_aggregates(s)
    assert pick()["polarity"] == "neutral" and card() == "neutral"
    s.close()


def test_queries_named_only_leaves_out_unnamed_sources():
    """'officials' (a group: no speaker card) ranks first by quotes, but named_only keeps only people
    and organisations, in the top list and in the stance matrix."""
    from components.models import Article, Extraction, Quote, Speaker, Stance

    text = "Officials said the talks failed. Officials said more. Officials said again. Anne Roe said the talks would go on."
    art = Article(id="unnamed-1", title="Talks", published="2025-03-04", collection="other", text=text)
    quotes = []
    for n, (who, typ, part) in enumerate([("officials", "group", "the talks failed"), ("officials", "group", "more"),
                                          ("officials", "group", "again"), ("Anne Roe", "person", "the talks would go on")], 1):
        s = text.index(part)
        quotes.append(Quote(id=f"unnamed-1:q{n}", text=part, start=s, end=s + len(part), kind="indirect", cue="said",
                            speaker=who, speaker_type=typ, topics=["peace-talks"]))
    ex = Extraction(article=art, quotes=quotes, speakers=[Speaker(name="Anne Roe", type="person")],
                    stances=[Stance(speaker="officials", topic="peace-talks", polarity="oppose", score=-1.0, evidence=["unnamed-1:q1"]),
                             Stance(speaker="Anne Roe", topic="peace-talks", polarity="support", score=1.0, evidence=["unnamed-1:q4"])])
    s = Store(":memory:")
    s.add_extractions([ex])
    f = QueryFilters()
    assert list(Q.top_speakers(s, f)["speaker"]) == ["officials", "Anne Roe"]
    assert list(Q.top_speakers(s, f, named_only=True)["speaker"]) == ["Anne Roe"]
    assert sorted(Q.stance_matrix(s, f)["speaker"]) == ["Anne Roe", "officials"]
    assert list(Q.stance_matrix(s, f, named_only=True)["speaker"]) == ["Anne Roe"]
    s.close()


def test_queries_facet_counts_under_the_other_filters(store):
    """Test that each facet counts articles per value under every filter but its own."""
    assert Q.facet_counts(store, QueryFilters(), "collections") == {"seed": 1, "other": 1}
    # the collection filter itself is ignored for its own facet, applied to the others
    assert Q.facet_counts(store, QueryFilters(collections=("seed",)), "collections") == {"seed": 1, "other": 1}
    assert Q.facet_counts(store, QueryFilters(collections=("seed",)), "countries") == {"UA": 1, "SY": 1, "CN": 1,
                                                                                        "US": 1, "GB": 1}
    assert Q.facet_counts(store, QueryFilters(), "countries")["FR"] == 1
    assert Q.facet_counts(store, QueryFilters(), "kinds") == {"direct": 2}
    assert Q.facet_counts(store, QueryFilters(topics=("economy",)), "speakers") == {"Anne Hidalgo": 1}
    assert Q.facet_counts(store, QueryFilters(speakers=("Jake Sullivan",)), "topics") == {"nuclear-weapons": 1}
    assert Q.facet_counts(store, QueryFilters(), "places") == {"Kyiv": 1, "Kherson": 1, "Aleppo": 1, "China": 1,
                                                               "Ukraine": 1, "Paris": 1}
    assert Q.facet_counts(store, QueryFilters(), "outlets") == {"Le Test": 1, "World Today News": 1}
    arts = Q.facet_counts(store, QueryFilters(), "articles")
    assert arts["hostile-1"] == 1 and sorted(arts.values()) == [1, 4]
    with pytest.raises(ValueError, match="unsupported facet"):
        Q.facet_counts(store, QueryFilters(), "text")


def test_queries_article_text_search_keeps_quotes_whose_article_mentions_it(store):
    """Test that the article-text search finds quotes by words outside the quote (literal, any case)."""
    page = Q.quotes_page(store, QueryFilters(article_text="TWO PEOPLE WERE KILLED"))
    assert list(page["speaker"]) == ["Anne Hidalgo"]
    assert Q.count_quotes(store, QueryFilters(article_text="two people were killed", text="rebuild")) == 0
    assert Q.count_articles(store, QueryFilters(article_text="100%")) == 1
    assert Q.count_articles(store, QueryFilters(article_text="100_")) == 0


@pytest.mark.parametrize("sort", sorted(Q.QUOTE_SORTS))
def test_queries_quotes_sort_by_any_column_both_ways(store, sort):
    col = {"date": "date", "speaker": "speaker", "quote": "quote", "kind": "kind", "stance": "stance",
           "article": "article_id", "confidence": "confidence"}[sort]
    for desc in (False, True):
        values = [v for v in Q.quotes_page(store, QueryFilters(), limit=10, sort=sort, descending=desc)[col]
                  if v is not None and v == v]
        assert values == sorted(values, reverse=desc), (sort, desc)


def test_queries_casualties_and_articles_sort_by_a_column(store):
    up = Q.casualties_page(store, QueryFilters(), sort="killed_min", descending=False)
    assert list(up["killed_min"]) == [2, 3]
    assert list(Q.casualties_page(store, QueryFilters(), sort="place")["place"]) == ["Kherson", "Paris"]
    for desc in (False, True):  # the least (most) confident record first
        conf = list(Q.casualties_page(store, QueryFilters(), sort="confidence", descending=desc)["confidence"])
        assert conf == ([0.75, 0.6] if desc else [0.6, 0.75])
    assert list(Q.articles_page(store, QueryFilters(), sort="outlet", descending=True)["outlet"]) == [
        "World Today News", "Le Test"]
    with pytest.raises(ValueError, match="unknown sort"):
        Q.articles_page(store, QueryFilters(), sort="a.id; DROP TABLE articles")


def test_queries_casualty_event_with_parts_counts_once(extract_text):
    """An invented earthquake report: a total (41) and its breakdown by place (27 + 14) are one
    event with two parts; every total counts 41, the map and chart put 27 and 14 at their places."""
    text = ("Strong earthquake hits eastern Turkey\n\n"
            "An earthquake struck eastern Turkey on Monday, killing at least 41 people, officials said. "
            "The disaster agency said 27 people had died in Malatya and 14 in Adiyaman.\n")
    ex = extract_text(text, "2025-02-10")
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Turkey", 41)]
    assert [(p.place, p.killed_min) for p in ex.casualties[0].parts] == [("Malatya", 27), ("Adiyaman", 14)]
    s = Store(":memory:")
    s.add_extractions([ex])
    f = QueryFilters()
    counts = Q.overview_counts(s, f)
    assert (counts["casualty_events"], counts["killed"]) == (1, 41)
    assert Q.casualty_totals(s, f) == {"events": 1, "reports": 1, "killed": 41, "injured": 0, "missing": 0}
    assert Q.count_casualties(s, f) == 1
    page = Q.casualties_page(s, f)
    assert list(page["killed_min"]) == [41] and page["parts"][0] == "Malatya 27 killed; Adiyaman 14 killed"
    chart = Q.casualties_by_place_date(s, f)
    assert dict(zip(chart["place"], chart["killed"])) == {"Turkey": 0, "Malatya": 27, "Adiyaman": 14}
    assert int(chart["killed"].sum()) == 41 and int(chart["events"].sum()) == 1
    m = Q.map_places(s, f)
    assert {p: int(k) for p, k in zip(m["place"], m["killed"]) if k} == {"Malatya": 27, "Adiyaman": 14}
    table = Q.casualties_table(s, f)
    assert list(zip(table["part_of"].fillna(-1).astype(int), table["killed_min"])) == [(-1, 41), (0, 27), (0, 14)]
    assert len(set(table["event_id"])) == 1 and "article" not in table.columns  # parts carry their event's id
    s.close()


def test_queries_casualty_event_listed_under_the_place_of_a_part():
    """A place filter keeps an event one of whose parts is at the place; the chart then shows
    that part's count at the place, not the other parts."""
    from components.models import Article, Casualty, CasualtyPart, Extraction

    ev = Casualty(place="Ruritania", country="RU", date="2025-01-05", killed_min=10, killed_max=10, start=0, end=20,
                  parts=[CasualtyPart(place="Strel", country="RU", killed_min=6, killed_max=6, start=21, end=40),
                         CasualtyPart(place="Vosk", country="RU", killed_min=4, killed_max=4, start=21, end=40)])
    art = Article(id="inv1", text="x" * 60, collection="c", published="2025-01-05")
    s = Store(":memory:")
    s.add_extractions([Extraction(article=art, casualties=[ev])])
    f = QueryFilters(places=("Strel",))
    assert Q.count_casualties(s, f) == 1 and Q.casualty_totals(s, f)["killed"] == 10
    chart = Q.casualties_by_place_date(s, f)
    assert dict(zip(chart["place"], chart["killed"])) == {"Ruritania": 0, "Strel": 6}
    assert Q.casualty_totals(s, QueryFilters(places=("Elsewhere",)))["events"] == 0
    s.close()


def test_queries_casualty_points_give_dated_geocoded_deaths_with_their_cause_once_each():
    """The map's playback rows: a part at its own coordinates with its event's cause, an event's remainder at its
    place (0 here: left out), a toll without coordinates or without a death left out; the article's date stands in."""
    from components.models import Article, Casualty, CasualtyPart, Extraction

    quake = Casualty(place="Ruritania", country="RU", lat=45.0, lon=20.0, date="2025-01-05", killed_min=10,
                     killed_max=10, cause="earthquake", start=0, end=20,
                     parts=[CasualtyPart(place="Strel", country="RU", lat=45.5, lon=20.5, killed_min=6, killed_max=6,
                                         start=21, end=40),
                            CasualtyPart(place="Vosk", country="RU", lat=44.5, lon=19.5, killed_min=4, killed_max=4,
                                         start=21, end=40)])
    raid = Casualty(place="Vosk", country="RU", lat=44.5, lon=19.5, killed_min=3, killed_max=3, cause="air strike",
                    start=41, end=59)
    hurt = Casualty(place="Strel", country="RU", lat=45.5, lon=20.5, injured_min=5, injured_max=5, start=41, end=59)
    nowhere = Casualty(place=None, killed_min=7, killed_max=7, start=41, end=59)
    s = Store(":memory:")
    s.add_extractions([
        Extraction(article=Article(id="inv1", text="x" * 60, collection="c", published="2025-01-05"),
                   casualties=[quake]),
        Extraction(article=Article(id="inv2", text="y" * 60, collection="c", published="2025-03-02"),
                   casualties=[raid, hurt, nowhere]),
    ])
    pts = Q.casualty_points(s, QueryFilters())
    got = [(r.place, str(r.date)[:10], r.cause, int(r.killed), round(r.lat, 1)) for r in pts.itertuples()]
    # the parts carry their event's cause
    assert got == [("Strel", "2025-01-05", "earthquake", 6, 45.5), ("Vosk", "2025-01-05", "earthquake", 4, 44.5),
                   ("Vosk", "2025-03-02", "air strike", 3, 44.5)]
    s.close()


def test_stance_evidence_newest_first_past_stances_without_evidence():
    """The page's rows come from the newest stances that have evidence: the two newest have none, two
    share a date (their quotes by id), and an undated one comes last."""
    from components.models import Article, Extraction, Quote, Stance

    dates = ("2023-05-01", "2023-05-02", "2023-05-03", "2023-05-03", "2023-05-05", "2023-05-06", None)
    exs = []
    for n, date in enumerate(dates):
        claim = f"The lighthouse fund needs {n + 2} more donors"
        text = f'Lea Brandt said: "{claim}."'
        q = Quote(id=f"lh{n}:q1", text=claim, start=text.index(claim), end=text.index(claim) + len(claim),
                  kind="direct", cue="said", speaker="Lea Brandt", topics=["heritage"])
        st = Stance(speaker="Lea Brandt", topic="heritage", polarity="support", score=0.5, cues=["needs"],
                    evidence=[] if n in (4, 5) else [q.id])
        exs.append(Extraction(article=Article(id=f"lh{n}", title=f"Lighthouse {n}", published=date, text=text),
                              quotes=[q], stances=[st]))
    s = Store(":memory:")
    s.add_extractions(exs)
    from components.store import aggregates

    assert aggregates.newest_evidence_month(s, QueryFilters(), "Lea Brandt", "heritage", 3) == dt.date(2023, 5, 1)
    assert aggregates.newest_evidence_month(s, QueryFilters(), "Lea Brandt", "heritage", 5) is None  # 4 dated evidence quotes
    three = Q.stance_evidence(s, QueryFilters(), "Lea Brandt", "heritage", 3)
    assert list(three["quote_id"]) == ["lh2:q1", "lh3:q1", "lh1:q1"]
    assert list(three["article"]) == ["Lighthouse 2", "Lighthouse 3", "Lighthouse 1"]
    every = Q.stance_evidence(s, QueryFilters(), "Lea Brandt", "heritage", 10)
    assert list(every["quote_id"]) == ["lh2:q1", "lh3:q1", "lh1:q1", "lh0:q1", "lh6:q1"]
    assert every["quote"].iloc[-1] == "The lighthouse fund needs 8 more donors"
    assert list(Q.stance_evidence(s, QueryFilters(date_to=dt.date(2023, 5, 2)), "Lea Brandt", "heritage", 1)["quote_id"]) == ["lh1:q1"]
    s.close()
