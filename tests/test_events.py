"""One casualty event across articles (components/store/events.py), on invented multi-article reports."""

from __future__ import annotations

from components.models import Article, Casualty, Extraction
from components.store import Store
from components.store import queries as Q
from components.store.events import describe
from components.store.filters import QueryFilters


def report(aid, place, lat, lon, date, killed, cause="drone attack", killed_max=None):
    text = f"{killed} people were killed in {place} ({cause or 'unknown cause'})."
    c = Casualty(place=place, lat=lat, lon=lon, date=date, killed_min=killed,
                 killed_max=killed if killed_max is None else killed_max, cause=cause,
                 start=0, end=len(text))
    return Extraction(article=Article(id=aid, title=f"Report {aid}", text=text, published=date), casualties=[c])


def test_reports_of_one_strike_count_once_with_the_highest_figure_and_range(tmp_path):
    store = Store(tmp_path / "e.duckdb")
    store.add_extractions([
        report("a1", "Velmora", 47.10, 33.20, "2025-03-04", 3),
        report("a2", "Velmora outskirts", 47.15, 33.30, "2025-03-05", 4, cause="Drone-attack"),  # 9 km, next day
    ])
    store.add_extractions([
        report("a3", "Velmora", 47.10, 33.20, "2025-03-04", 2, cause="shelling"),  # another cause
        report("a4", "Dornik", 47.60, 33.20, "2025-03-04", 5),                      # 56 km away
        report("a5", "Velmora", 47.10, 33.20, "2025-03-07", 6),                     # three days later
        report("a6", "Velmora", 47.10, 33.20, "2025-03-04", 1, cause=None),         # no cause: its own event
        report("a7", "Velmora", 47.10, 33.20, "2025-03-04", 1, cause=None),
    ])
    totals = Q.casualty_totals(store, QueryFilters())
    assert totals == {"events": 6, "reports": 7, "killed": 4 + 2 + 5 + 6 + 1 + 1, "injured": 0, "missing": 0}
    assert Q.overview_counts(store, QueryFilters())["killed"] == 19
    page = Q.casualties_page(store, QueryFilters(), limit=10)
    assert page.loc[page["article_id"] == "a6", "event_id"].item() == "a6:0"
    strike = page[page["article_id"].isin(["a1", "a2"])]
    assert set(strike["event_id"]) == {"a1:0"} and list(strike["event_killed"]) == ["at least 4 killed; reports 3-4"] * 2
    assert page.loc[page["article_id"] == "a4", "event_killed"].item() == "5 killed"
    # the chart and the map count each event once too, with its highest report at that report's place
    chart = Q.casualties_by_place_date(store, QueryFilters())
    assert int(chart["killed"].sum()) == 19 and int(chart["events"].sum()) == 6
    by_place = chart.groupby("place")["killed"].sum().to_dict()
    assert by_place == {"Velmora outskirts": 4, "Velmora": 2 + 6 + 1 + 1, "Dornik": 5}
    assert int(Q.casualty_points(store, QueryFilters())["killed"].sum()) == 19
    store.delete_article("a1")  # the event keeps its other report, under a new id
    assert Q.casualty_totals(store, QueryFilters())["events"] == 6


def test_describe():
    assert describe(4, 3, 4, 2) == "at least 4 killed; reports 3-4"
    assert describe(4, 4, 4, 2) == "at least 4 killed"
    assert describe(3, 3, 5, 1) == "at least 3 killed" and describe(3, 3, 3, 1) == "3 killed"
    assert describe(3, 3, None, 1) == "at least 3 killed" and describe(4, 2, None, 3) == "at least 4 killed; reports 2-4"
    assert describe(None, None, None, 2) == ""


def test_incremental_refresh_equals_the_full_recomputation(tmp_path):
    """Test that the write-time refresh, which regroups only the events a write can change, leaves exactly
    the table a full recomputation gives: a new report that bridges two events, a replace that breaks a
    chain in two, and deletes."""
    from components.store import events

    def table(store):
        return store.execute("SELECT article_id, idx, event_id FROM casualty_events ORDER BY 1, 2").fetchall()

    def full(store):
        cur = store.cursor()
        cur.execute("BEGIN TRANSACTION")
        events.refresh(cur)
        got = cur.execute("SELECT article_id, idx, event_id FROM casualty_events ORDER BY 1, 2").fetchall()
        cur.execute("ROLLBACK")
        return got

    store = Store(tmp_path / "e.duckdb")
    store.add_extractions([
        report("b1", "Karsk", 50.00, 30.00, "2025-06-01", 2),
        report("b3", "Karsk east", 50.00, 30.55, "2025-06-01", 3),  # 39 km from b1: another event
        report("b9", "Ulmen", 10.00, 10.00, "2025-06-01", 1),       # far away, untouched by what follows
    ])
    assert table(store) == full(store)
    assert {e for _, _, e in table(store)} == {"b1:0", "b3:0", "b9:0"}
    store.add_extractions([report("b2", "between", 50.00, 30.27, "2025-06-02", 4)])  # 19 km from each: bridges
    assert table(store) == full(store)
    assert {a: e for a, _, e in table(store)} == {"b1": "b1:0", "b2": "b1:0", "b3": "b1:0", "b9": "b9:0"}
    store.add_extractions([report("b2", "elsewhere", 52.00, 20.00, "2025-06-02", 4)], replace=True)  # chain breaks
    assert table(store) == full(store)
    assert {a: e for a, _, e in table(store)} == {"b1": "b1:0", "b2": "b2:0", "b3": "b3:0", "b9": "b9:0"}
    store.add_extractions([report("b4", "Karsk", 50.00, 30.10, "2025-06-01", 5), report("b5", "Karsk", 50.0, 30.5,
                                                                                        "2025-06-02", 1)])
    assert table(store) == full(store)  # b4 is 7 km from b1; b5 is 4 km from b3, 29 km from b4
    assert {a: e for a, _, e in table(store)} == {"b1": "b1:0", "b2": "b2:0", "b3": "b3:0", "b4": "b1:0",
                                                  "b5": "b3:0", "b9": "b9:0"}
    store.delete_article("b1")
    assert table(store) == full(store)
    assert {a: e for a, _, e in table(store)}["b4"] == "b4:0"  # the event keeps b4 under its own id


def test_causes_agree_without_the_word_naming_the_act(tmp_path):
    """Test that two reports of one strike agree on the cause when only the act's noun differs ("drone attack",
    "drone strike"; "air raid", "airstrike"), never when the means differs ("rocket attack")."""
    store = Store(tmp_path / "c.duckdb")
    store.add_extractions([
        report("d1", "Velmora", 47.10, 33.20, "2025-04-04", 27, cause="drone attack"),
        report("d2", "Velmora", 47.10, 33.20, "2025-04-04", 26, cause="Drone strike"),
        report("d3", "Velmora", 47.10, 33.20, "2025-04-04", 4, cause="rocket attack"),
        report("d4", "Dornik", 47.60, 33.20, "2025-04-05", 3, cause="air raid"),
        report("d5", "Dornik", 47.60, 33.20, "2025-04-05", 3, cause="airstrike"),
    ])
    totals = Q.casualty_totals(store, QueryFilters())
    assert (totals["events"], totals["reports"], totals["killed"]) == (3, 5, 27 + 4 + 3)
