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

    assert escape_label('<b>x</b> $$y$$ & "z"') == "&lt;b&gt;x&lt;/b&gt; &#36;&#36;y&#36;&#36; &amp; &quot;z&quot;"
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


def test_ui_browsing_modules_do_not_load_spacy():
    """The dashboard's first load must not pay for the NLP stack (only a build or an upload needs it)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, components.ui.loaders, components.ui.sidebar, components.ui.charts, components.ui.widgets, "
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
