"""Tests of the dashboard's pure parts: URL policy (components.ui.state) and safe highlighting."""

from __future__ import annotations

import datetime as dt

import pytest

from components.store.filters import QueryFilters
from components.ui.highlight import Span, escape_markdown, highlight_html
from components.ui.state import MAX_TEXT_CHARS, MAX_VALUES, parse_filters, to_query_params

ALLOWED = {"collections": ["seed", "isaf-afghanistan"], "countries": ["UA", "US"], "topics": ["nato-membership"],
           "speakers": ["Kaja Kallas"], "articles": None, "outlets": [], "places": ["Kherson"]}


def test_ui_parse_filters_absent_collection_means_default_and_empty_means_all():
    f, notes = parse_filters({}, ALLOWED, ("seed",))
    assert f == QueryFilters(collections=("seed",)) and notes == []
    f, _ = parse_filters({"collection": []}, ALLOWED, ("seed",))
    assert f.collections == ()
    # an article permalink opens the article in any collection; a named collection still applies
    f, _ = parse_filters({"article": "a1b2c3"}, ALLOWED, ("seed",))
    assert (f.collections, f.articles) == ((), ("a1b2c3",))
    f, _ = parse_filters({"article": "a1b2c3", "collection": "isaf-afghanistan"}, ALLOWED, ("seed",))
    assert f.collections == ("isaf-afghanistan",)


def test_ui_parse_filters_drops_unknown_values_with_a_notice():
    f, notes = parse_filters({"speaker": ["Kaja Kallas", "Nobody"], "country": ["ua", "ZZ"], "kind": ["direct", "x"]},
                             ALLOWED)
    assert f.speakers == ("Kaja Kallas",) and f.countries == ("UA",) and f.kinds == ("direct",)
    assert any("Nobody" in n for n in notes) and any("ZZ" in n for n in notes) and any("'x'" in n for n in notes)


def test_ui_parse_filters_clamps_counts_text_and_swaps_dates():
    many = [f"a{i}" for i in range(MAX_VALUES + 5)]
    f, notes = parse_filters({"article": many, "q": "x" * 500, "from": "2025-01-31", "to": "2024-01-01"}, ALLOWED)
    assert len(f.articles) == MAX_VALUES and len(f.text) == MAX_TEXT_CHARS
    assert (f.date_from, f.date_to) == (dt.date(2024, 1, 1), dt.date(2025, 1, 31))
    assert len(notes) == 3


def test_ui_parse_filters_ignores_bad_dates():
    f, notes = parse_filters({"from": "yesterday"}, ALLOWED)
    assert f.date_from is None and "not a YYYY-MM-DD date" in notes[0]


def test_ui_to_query_params_round_trips():
    f = QueryFilters(collections=("seed", "isaf-afghanistan"), speakers=("Kaja Kallas",), text="ceasefire",
                     date_from=dt.date(2024, 12, 1))
    qp = to_query_params(f, ("seed",))
    assert qp == {"collection": ["seed", "isaf-afghanistan"], "speaker": ["Kaja Kallas"], "from": "2024-12-01",
                  "q": "ceasefire"}
    assert parse_filters(qp, ALLOWED, ("seed",))[0] == f


def test_ui_highlight_escapes_user_text_and_nests_spans():
    text = 'A <script>alert(1)</script> said "**go** now" in Paris & Kyiv.'
    q0 = text.index('"**go')
    html = highlight_html(text, [Span(q0, q0 + 11, "quote", 'x" onmouseover="evil'),
                                 Span(text.index("Paris"), text.index("Paris") + 5, "place"),
                                 Span(q0 + 1, q0 + 7, "selected")])
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onmouseover="evil' not in html and "&quot; onmouseover=&quot;evil" in html
    assert "&amp; Kyiv" in html
    assert html.count("<mark") == html.count("</mark>") == 3
    assert '<mark class="na-quote"' in html and "**go**" in html  # Markdown is inert inside st.html


def test_ui_highlight_rejects_unknown_kinds_and_ignores_out_of_range_spans():
    with pytest.raises(ValueError):
        highlight_html("abc", [Span(0, 1, "bogus")])
    assert "<mark" not in highlight_html("abc", [Span(2, 10, "quote")])


def test_ui_escape_markdown_makes_markup_literal():
    assert escape_markdown("**bold** <b>x</b> :red[y] $x$") == (
        "\\*\\*bold\\*\\* \\<b\\>x\\</b\\> \\:red\\[y\\] \\$x\\$")


def test_ui_escape_label_makes_plotly_markup_literal():
    from components.ui.highlight import escape_label

    # quotes as numeric entities: Plotly decodes "&#34;" but shows "&quot;" literally
    assert escape_label('<b>x</b> $$y$$ & "z" \'w\'') == "&lt;b&gt;x&lt;/b&gt; &#36;&#36;y&#36;&#36; &amp; &#34;z&#34; &#39;w&#39;"
    assert escape_label(None) == ""


def _stance_df():
    import pandas as pd

    return pd.DataFrame({"speaker": ["Annalena Baerbock", "Volodymyr Zelenskyy"], "topic": ["military-aid", "nato"],
                         "score": [-0.312, 0.62], "polarity": ["neutral", "support"], "support": [0, 2],
                         "oppose": [0, 1], "neutral": [1, 0], "articles": [1, 3], "evidence": [2, 4]})


def test_ui_stance_figure_shows_the_stored_polarity_with_the_mean_score():
    from components.ui.charts import stance_figure

    fig = stance_figure(_stance_df(), {"military-aid": "Military aid"})
    by_name = {t.name: t for t in fig.data}
    assert set(by_name) == {"neutral", "support"}  # no 'oppose' bar although Baerbock's mean is negative
    assert list(by_name["neutral"].text) == ["neutral -0.31"]
    assert "stored stance of 1 article: neutral" in by_name["neutral"].hovertext[0]
    assert "majority of the articles (3 articles" in by_name["support"].hovertext[0]


def test_ui_stance_figure_writes_labels_above_bars_for_narrow_screens():
    from components.ui.charts import stance_figure

    fig = stance_figure(_stance_df(), {"military-aid": "Military aid"})
    assert fig.layout.yaxis.showticklabels is False  # no left margin of tick labels to clip
    texts = [a.text for a in fig.layout.annotations]
    assert texts == ["Annalena Baerbock · Military aid", "Volodymyr Zelenskyy · nato"]
    assert all(a.xref == "paper" and a.x == 0 and a.xanchor == "left" for a in fig.layout.annotations)
    assert all(t.cliponaxis is False for t in fig.data)


def test_ui_map_figure_draws_casualty_places_and_small_markers_on_top():
    import pandas as pd

    from components.ui.charts import map_figure

    df = pd.DataFrame({"place": ["Kherson", "Ukraine", "Kyiv"], "lat": [46.6, 49.0, 50.4], "lon": [32.6, 32.0, 30.5],
                       "mentions": [1, 9, 3], "killed": [3, 0, 0], "injured": [7, 0, 0], "country": ["UA"] * 3,
                       "top_quotes": [[], [], []]})
    fig = map_figure(df)
    order = [c[0] for c in fig.data[0].customdata]
    assert order == ["Ukraine", "Kyiv", "Kherson"]  # drawn in this order: the big bubble first, Kherson last


def test_ui_map_hover_names_no_country_as_a_question_mark():
    """A place without a country code (a sea, a region: NaN from the store) shows "(?)" in its hover, never "(nan)"."""
    import pandas as pd

    from components.ui.charts import map_figure

    df = pd.DataFrame({"place": ["Black Sea", "Odesa"], "lat": [43.0, 46.5], "lon": [34.0, 30.7], "mentions": [2, 1],
                       "killed": [0, 0], "injured": [0, 0], "country": [float("nan"), "UA"], "top_quotes": [[], []]})
    hovers = list(map_figure(df).data[0].hovertext)
    assert hovers[0].startswith("<b>Black Sea</b> (?)") and hovers[1].startswith("<b>Odesa</b> (UA)")


def test_ui_browsing_modules_do_not_load_spacy():
    """The dashboard's first load must not pay for the NLP stack (only a build or an upload needs it)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, components.ui.loaders, components.ui.sidebar, components.ui.charts, components.ui.widgets, "
            "components.ui.correct, "
            "components.ingest; print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], check=True)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr[-500:]


def test_ui_default_collections_add_uploads_when_they_exist():
    from components.ui.sidebar import default_collection_selection

    assert default_collection_selection(["isaf-afghanistan", "seed"], ("seed",)) == ("seed",)
    assert default_collection_selection(["seed", "uploads"], ("seed",)) == ("seed", "uploads")
    assert default_collection_selection(["uploads"], ("seed",)) == ("uploads",)
    assert default_collection_selection(["a", "b"], ()) == ("a", "b")
    # collections made by ingest (not in data/collections.yaml) are shown at start too
    embedded = ("seed", "isaf-afghanistan")
    assert default_collection_selection(["isaf-afghanistan", "seed", "user"], ("seed",), embedded) == ("seed", "user")
    assert default_collection_selection(["isaf-afghanistan", "seed"], ("seed",), embedded) == ("seed",)


def test_ui_article_spans_with_missing_speaker_and_country_in_dataframes():
    """A quote with a mention but no resolved speaker (NaN in the DataFrame) and a place without a
    country highlight without error, with readable tooltips (not "nan")."""
    import pandas as pd

    from components.ui.highlight import article_spans

    text = "Many remain trapped, it said. Rafah was hit."
    bundle = {
        "quotes": pd.DataFrame([{"id": "a:q1", "start": 0, "end": 20, "kind": "indirect", "speaker": None,
                                 "mention_start": 22, "mention_end": 24}]),
        "places": pd.DataFrame([{"start": 30, "end": 35, "name": "Rafah", "country": None}]),
        "casualties": pd.DataFrame(columns=["start", "end", "killed_min", "injured_min"]),
    }
    spans = article_spans(bundle)
    assert [(s.kind, s.title) for s in spans] == [
        ("quote", "unknown speaker (indirect)"), ("speaker", "unknown speaker"), ("place", "Rafah (?)")]
    html = highlight_html(text, spans)
    assert html.count("<mark") == 3 and "nan" not in html


def test_ui_first_start_builds_the_seed_now_and_the_rest_in_one_background_run(tmp_path, monkeypatch):
    """Test that the seed is stored on return, the other collections follow in one counted build, a
    restart resumes an interrupted build, and a built store is left alone."""
    import json
    import time

    from components.store import Store
    from components.ui import loaders

    monkeypatch.setattr(loaders, "BUILD_START_DELAY_S", 0.0)
    seed_dir = tmp_path / "seed"
    seed_dir.mkdir()
    (seed_dir / "a.txt").write_text("Bridge opens\n\n\"We are proud,\" the mayor of Lyon said on Monday.\n")
    lines = [{"id": f"n{i}", "title": f"Note {i}", "text": f"Rain fell in Porto on day {i}, officials said."}
             for i in range(3)]
    (tmp_path / "more.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "A storm hit Bergen, the police said."}) + "\n")
    manifest = tmp_path / "collections.yaml"
    manifest.write_text(f"- {{name: seed, label: Seed, paths: [{seed_dir}], default: true, licence: x}}\n"
                        f"- {{name: more, label: More, paths: [{tmp_path / 'more.jsonl'}], default: false, licence: x}}\n"
                        f"- {{name: bee, label: Bee, paths: [{tmp_path / 'b.jsonl'}], default: false, licence: x}}\n")
    db = tmp_path / "atlas.duckdb"
    from components.store.swap import SnapshotReader, write_session

    with write_session(db):
        pass  # an empty store, as the dashboard makes on first start

    def count(sql: str):
        """Read the live file anew: the build swaps in a new file for the seed and for each chunk."""
        reader = SnapshotReader(db)
        try:
            return reader.execute(sql).fetchall()
        finally:
            reader.close()

    seen = []
    state = loaders.first_start(SnapshotReader(db), manifest=manifest, on_seed=lambda: seen.append("seed"))
    assert seen == ["seed"]
    assert count("SELECT count(*) FROM articles WHERE collection = 'seed'") == [(1,)]
    deadline = time.monotonic() + 120
    while not state.finished and time.monotonic() < deadline:
        time.sleep(0.2)
    assert state.finished and state.error is None
    assert (state.done, state.total, state.added) == (4, 4, 4)  # one total for both collections
    assert dict(count("SELECT collection, count(*) FROM articles GROUP BY 1")) == {"seed": 1, "more": 3, "bee": 1}
    assert not (tmp_path / "atlas.duckdb.building").exists()
    # a built store (no marker) is used as it is, also by a new server process (a new state object)
    loaders.build_progress.clear()
    again = loaders.first_start(SnapshotReader(db), manifest=manifest)
    assert not again.running and not again.finished
    # an interrupted build (marker left) resumes: only the missing article is extracted
    with write_session(db) as w:
        w.delete_article("b1")
    (tmp_path / "atlas.duckdb.building").touch()
    loaders.build_progress.clear()
    resumed = loaders.first_start(SnapshotReader(db), manifest=manifest)
    while not resumed.finished and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (resumed.done, resumed.total, resumed.added) == (1, 1, 1)  # the remaining work only
    assert count("SELECT count(*) FROM articles") == [(5,)]


def test_ui_build_status_text_says_done_total_rate_and_time_left():
    from components.ui.loaders import BuildProgress
    from components.ui.widgets import build_status_text

    import time

    st_ = BuildProgress(total=477, done=120, started=time.monotonic() - 40.0, running=True)
    text = build_status_text(st_)
    assert text.startswith("Building the bundled collections: 120 of 477 articles (3.0 per second, about 2 min left)")
    assert text.endswith("more is coming.")
    assert build_status_text(BuildProgress(running=True)) == "Building the bundled collections: reading the files…"


def test_ui_display_frame_has_no_none_or_nan_and_plural_words():
    import pandas as pd

    from components.ui.widgets import display_frame, plural

    df = pd.DataFrame({"place": ["Kabul", None], "killed": [3.0, float("nan")], "n": [1, 2],
                       "date": pd.to_datetime(["2024-12-01", None])})
    out = display_frame(df)
    assert list(out["place"]) == ["Kabul", ""] and list(out["killed"]) == ["3", ""]
    assert list(out["date"]) == ["2024-12-01", ""] and out["n"].dtype == df["n"].dtype
    assert (plural(1, "place"), plural(2, "place"), plural(1204, "casualty report")) == (
        "1 place", "2 places", "1,204 casualty reports")


def test_ui_casualty_chart_bins_by_span_with_integer_ticks_and_one_unknown_place():
    import datetime as dt

    import pandas as pd

    from components.ui.charts import UNKNOWN_PLACE, bin_casualties, casualty_figure, time_bin

    assert (time_bin(10), time_bin(62), time_bin(63), time_bin(730), time_bin(731)) == (
        "day", "day", "week", "week", "month")
    df = pd.DataFrame({"place": ["Kabul", "Kabul", "unknown", None], "date": [dt.date(2010, 1, 4), dt.date(2010, 1, 6),
                                                                             dt.date(2010, 3, 1), dt.date(2010, 3, 2)],
                       "killed": [1, 2, 1, 1], "injured": [0, 1, 0, 0], "events": [1, 1, 1, 1]})
    binned, unit = bin_casualties(df)
    assert unit == "day"
    weekly, unit = bin_casualties(pd.concat([df, df.assign(date=[dt.date(2010, 7, 7)] * 4)]))
    assert unit == "week" and weekly["bin"].dt.day_of_week.eq(0).all()  # weeks start on Monday
    fig = casualty_figure(df)
    assert [t.name for t in fig.data] == ["Kabul", UNKNOWN_PLACE]  # "unknown" and a missing place: one entry
    assert fig.layout.yaxis.tickformat == ",d" and fig.layout.yaxis.dtick == 1
    assert fig.layout.title.text == "People killed per day"


def test_ui_casualty_chart_groups_the_places_beyond_the_most_killed_into_one_entry():
    """Test that with more places than CHART_PLACES the ones with most killed keep their colour and the
    rest are one "N other places" entry whose bars sum per bin (selecting it picks no place)."""
    import datetime as dt

    import pandas as pd

    from components.ui.charts import CHART_PLACES, OTHER_PLACES_COLOUR, UNKNOWN_PLACE, casualty_figure

    n = CHART_PLACES + 3
    day = dt.date(2011, 5, 2)
    df = pd.DataFrame({"place": [f"Town {i:02d}" for i in range(n)] + [None], "date": [day] * (n + 1),
                       "killed": list(range(n, 0, -1)) + [9], "injured": [0] * (n + 1), "events": [1] * (n + 1)})
    fig = casualty_figure(df)
    names = [t.name for t in fig.data]
    assert names[:CHART_PLACES] == [f"Town {i:02d}" for i in range(CHART_PLACES)]
    assert sorted(names[CHART_PLACES:]) == sorted(["3 other places", UNKNOWN_PLACE])
    other = next(t for t in fig.data if t.name == "3 other places")
    assert list(other.y) == [3 + 2 + 1] and other.customdata[0][0] == UNKNOWN_PLACE
    colours = {t.name: t.marker.color for t in fig.data}
    own = [colours[f"Town {i:02d}"] for i in range(CHART_PLACES)]
    assert len(set(own)) == CHART_PLACES  # every place its own colour (plotly's default palette has only 10)
    assert colours["3 other places"] == colours[UNKNOWN_PLACE] == OTHER_PLACES_COLOUR
    assert OTHER_PLACES_COLOUR not in own


def test_ui_map_selection_keeps_grey_neighbours_and_lists_places_under_a_marker():
    import pandas as pd

    from components.ui.charts import CONTEXT_COLOUR, map_figure

    allp = pd.DataFrame({"place": ["Afghanistan", "Kabul", "Bagram"], "lat": [34.5, 34.53, 34.9],
                         "lon": [69.2, 69.17, 69.26], "mentions": [40, 12, 2], "killed": [0, 5, 0],
                         "injured": [0, 0, 0], "country": ["AF"] * 3, "top_quotes": [[], [], []]})
    fig = map_figure(allp)
    assert [c[0] for c in fig.data[0].customdata] == ["Afghanistan", "Kabul", "Bagram"]  # largest first
    hover = list(fig.data[0].hovertext)
    assert "also here: Kabul, Bagram" in hover[0] and "also here: Afghanistan, Bagram" in hover[1]
    sel = map_figure(allp[allp["place"] == "Kabul"], context=allp)
    assert len(sel.data) == 2 and sel.data[0].marker.color == CONTEXT_COLOUR
    assert [c[0] for c in sel.data[0].customdata] == ["Afghanistan", "Bagram"]
    assert sel.data[1].mode == "markers+text" and list(sel.data[1].text) == ["Kabul"]


def test_ui_reader_draws_turn_labels_as_labels():
    from components.ui.highlight import highlight_html

    out = highlight_html("Intro **not a label** here.\n**Q:** Why?\n**Dr. Roe**: Because.", [])
    assert '<strong class="na-label">Q:</strong> Why?' in out
    assert '<strong class="na-label">Dr. Roe:</strong> Because.' in out
    assert "Intro **not a label** here." in out


def test_ui_csv_export_defuses_formula_cells():
    """Test that a stored text starting like a spreadsheet formula is written as text, numbers as numbers."""
    import pandas as pd

    from components.ui.widgets import to_csv

    df = pd.DataFrame({"title": ['=HYPERLINK("http://x.invalid","go")', "+1 call", "@sum", "Calm title", None],
                       "killed": [-3, 4, 5, 6, 7]})
    lines = to_csv(df).splitlines()
    assert lines == ["title,killed", "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"go\"\")\",-3", "'+1 call,4", "'@sum,5",
                     "Calm title,6", ",7"]


def test_ui_csv_export_writes_list_cells_as_joined_items():
    """Test that a list cell (a quote's topics, as DuckDB returns it) is written as ``a; b``, an empty list
    as an empty cell, and a missing value as an empty cell."""
    import numpy as np
    import pandas as pd

    from components.ui.widgets import to_csv

    df = pd.DataFrame({"id": ["q1", "q2", "q3", "q4"],
                       "topics": [["ports", "tariffs"], np.array(["fishing"], dtype=object), [], None]})
    assert to_csv(df).splitlines() == ["id,topics", "q1,ports; tariffs", "q2,fishing", "q3,", "q4,"]


def test_ui_reader_hides_markdown_markup_also_around_highlights():
    """Test that a heading's '## ' and a bold label's asterisks are not shown, also when a highlight
    (a speaker mention) cuts the label, while text elsewhere keeps its asterisks."""
    from components.ui.highlight import Span, highlight_html

    text = "## Port deal\n**Mara Ilic:** We sign today.\nA **real** win."
    start = text.index("Mara Ilic")
    out = highlight_html(text, [Span(start, start + len("Mara Ilic"), "speaker", None)])
    body = out[out.index('<div class="na-text">'):]
    assert "##" not in body and "**Mara" not in body and ":**" not in body
    assert "Port deal" in body and "Mara Ilic</mark>: We sign today." in body
    assert "A **real** win." in body


def test_ui_cause_groups_keep_attacks_disasters_and_unnamed_causes_apart():
    from components.ui.charts import CAUSE_DISASTER, CAUSE_NONE, CAUSE_VIOLENCE, cause_group

    assert [cause_group(c) for c in ("shelling", "drone attack", "Flood", "stampede", None, float("nan"), " ")] == [
        CAUSE_VIOLENCE, CAUSE_VIOLENCE, CAUSE_DISASTER, CAUSE_DISASTER, CAUSE_NONE, CAUSE_NONE, CAUSE_NONE]


def test_ui_playback_has_a_frame_per_period_and_every_cause_trace_in_each():
    import pandas as pd

    from components.ui.charts import CAUSE_COLOURS, CAUSE_VIOLENCE, playback_figure, playback_frames

    df = pd.DataFrame({
        "place": ["Strel", "Strel", "Vosk", "Vosk"],
        "lat": [45.5, 45.5, 44.5, 44.5], "lon": [20.5, 20.5, 19.5, 19.5],
        "date": [dt.date(2024, 1, 3), dt.date(2024, 1, 20), dt.date(2024, 6, 2), dt.date(2024, 6, 9)],
        "cause": ["shelling", "air strike", None, "flood"], "killed": [2, 3, 9, 1], "injured": [0, 1, 0, 0],
    })
    rows, unit = playback_frames(df)
    assert unit == "week"  # 158 days
    assert list(zip(rows["period"], rows["place"], rows["killed"])) == [
        ("week of 2024-01-01", "Strel", 2), ("week of 2024-01-15", "Strel", 3), ("week of 2024-05-27", "Vosk", 9),
        ("week of 2024-06-03", "Vosk", 1)]
    fig = playback_figure(df)
    assert [fr.name for fr in fig.frames] == list(rows["period"])
    assert [s.label for s in fig.layout.sliders[0].steps] == list(rows["period"])
    for fr in fig.frames:  # every group in every frame, in legend order, so a group first seen late still shows
        assert [t.name for t in fr.data] == list(CAUSE_COLOURS)
    third = {t.name: len(t.lat) for t in fig.frames[2].data}
    assert third == {CAUSE_VIOLENCE: 0, "disasters and accidents": 0, "no cause named (disease outbreaks among them)": 1}
    assert fig.layout.updatemenus[0].buttons[0].label == "▶ Play"
    assert fig.frames[0].data[0].marker.color == CAUSE_COLOURS[CAUSE_VIOLENCE]
    key = fig.layout.annotations[0].text  # every group in the key, whatever the first frame holds
    assert all(f"{c}\">●</span> {g}" in key for g, c in CAUSE_COLOURS.items())
    monthly, unit = playback_frames(df.assign(date=[dt.date(2021, 1, 3)] + list(df["date"][1:])))
    assert unit == "month" and list(monthly["period"])[:2] == ["January 2021", "January 2024"]


def test_ui_a_choice_sent_back_as_its_counted_label_keeps_its_id(monkeypatch):
    """Test that a list filter's value that came back as an outdated shown label ("extra (3)" after the
    count became 2) is read as the option's id, and that values which are options stay as they are."""
    import streamlit as st

    from components.ui import sidebar

    state = {"collection": ["extra (3)", "seed"], "country": ["UA"], "speaker": ["Ann (2)", "Ann (2)"]}
    monkeypatch.setattr(st, "session_state", state)
    sidebar._unformat("collection", ["extra", "seed"], str)
    assert state["collection"] == ["extra", "seed"]
    state["collection"] = ["Extra articles (1,204)", "seed"]
    sidebar._unformat("collection", ["extra", "seed"], {"extra": "Extra articles", "seed": "Seed"}.get)
    assert state["collection"] == ["extra", "seed"]
    sidebar._unformat("country", ["UA", "PL"], str)
    assert state["country"] == ["UA"]
    sidebar._unformat("speaker", ["Ann (2)", "Bo"], str)  # a name that ends like a count is an option itself
    assert state["speaker"] == ["Ann (2)", "Ann (2)"]


def test_ui_filters_in_force_names_each_filter_but_the_collection_with_user_text_escaped():
    from components.ui.sidebar import filters_in_force

    assert filters_in_force(QueryFilters(collections=("seed",))) is None
    f = QueryFilters(collections=("seed",), countries=("UA", "PL", "DE", "FR"), speakers=("Ada *Bold*",),
                     date_from=dt.date(2025, 1, 2), text="ceasefire")
    assert filters_in_force(f) == ("Filtered by country: UA, PL, DE +1 more · speaker: Ada \\*Bold\\* · "
                                   "from: 2025\\-01\\-02 · quote text: ceasefire (change them in the sidebar)")


def test_ui_filters_in_force_shows_labels_for_ids():
    from components.ui.sidebar import _country_name, filters_in_force

    f = QueryFilters(articles=("a1b2",), topics=("t-sanctions",), countries=("UA", "ZZ"))
    line = filters_in_force(f, labels={"articles": {"a1b2": "Port *reopens*"}.get, "topics": lambda t: "Sanctions",
                                       "countries": _country_name})
    assert line == ("Filtered by country: Ukraine \\(UA\\), ZZ · topic: Sanctions · article: Port \\*reopens\\* "
                    "(change them in the sidebar)")


def test_ui_parse_filters_unknown_collection_or_article_keeps_the_default_collections():
    f, notes = parse_filters({"collection": "nothere"}, ALLOWED, ("seed",))
    assert f.collections == ("seed",)
    assert notes == ["ignored unknown collection 'nothere'", "showing the default collections instead"]
    f, notes = parse_filters({"article": "missing"}, {**ALLOWED, "articles": ["a1b2c3"]}, ("seed",))
    assert (f.collections, f.articles) == (("seed",), ())
    assert notes == ["ignored unknown article 'missing'"]
    f, notes = parse_filters({"collection": ""}, ALLOWED, ("seed",))
    assert (f.collections, notes) == ((), [])


@pytest.mark.parametrize("text, expected", [
    ("See [site](http://bad.example) now", r"See \[site\]\(` http://bad.example `\) now"),
    ("Write to desk@paper.example, or www.paper.example.", r"Write to ` desk@paper.example `, or ` www.paper.example `\."),
    ("Mayor Ana *Diaz*", r"Mayor Ana \*Diaz\*"),
])
def test_ui_escape_markdown_shows_addresses_as_code_never_links(text, expected):
    """Test that URLs, www. and e-mail addresses in stored text become code spans (Markdown links them even
    when escaped), the rest is backslash-escaped."""
    assert escape_markdown(text) == expected


def test_ui_json_download_writes_dates_as_the_csv_does():
    """Test that a JSON download writes a column of dates as YYYY-MM-DD (as the CSV and extract --json do),
    a missing date as null, and a column with times of day in ISO 8601."""
    import json

    import pandas as pd

    from components.ui.widgets import _to_json

    import datetime as dt

    df = pd.DataFrame({"date": pd.to_datetime(["2026-12-05", None]), "at": pd.to_datetime(["2026-12-05 10:30", "2026-12-06 00:00"]),
                       "published": [dt.date(2026, 12, 4), None]})  # a DuckDB DATE column arrives as Python dates
    assert json.loads(_to_json(df)) == [{"date": "2026-12-05", "at": "2026-12-05T10:30:00.000", "published": "2026-12-04"},
                                        {"date": None, "at": "2026-12-06T00:00:00.000", "published": None}]


def test_ui_stance_figure_hatches_a_neutral_verdict_whose_mean_leans():
    """Invented counts: one article opposing and one neutral make a neutral verdict (a tie) with a mean of -0.5; its
    bar is hatched and called mixed, a plain neutral one is not."""
    import pandas as pd

    from components.ui.charts import stance_figure

    df = pd.DataFrame({"speaker": ["Ana Ruiz", "Tom Reed"], "topic": ["nato", "nato"], "score": [-0.5, -0.1],
                       "polarity": ["neutral", "neutral"], "support": [0, 0], "oppose": [1, 0], "neutral": [1, 1],
                       "articles": [2, 1], "evidence": [2, 1]})
    bar = stance_figure(df).data[0]
    assert list(bar.text) == ["neutral (mixed) -0.50", "neutral -0.10"]
    assert list(bar.marker.pattern.shape) == ["/", ""]
