"""Headless tests of the dashboard with streamlit.testing.v1.AppTest on a store built from the seed article.

The store is built once per session with the real pipeline (seed collection
only, to stay fast) and copied for tests that write to it (upload).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from components.pipeline import ingest_paths, load_collections
from components.store import Store
from components.store import queries as Q
from components.store.filters import QueryFilters

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
PAGES = ["overview", "quotes", "map", "stance", "casualties", "articles"]


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """A store file holding only the seed collection, built with the real extractors."""
    path = tmp_path_factory.mktemp("atlas") / "seed.duckdb"
    store = Store(path)
    seed = next(c for c in load_collections() if c["name"] == "seed")
    report = ingest_paths(seed["paths"], store, collection="seed")
    assert report.added and not report.failed
    store.close()
    return path


@pytest.fixture
def db(seed_db, tmp_path, monkeypatch) -> Path:
    """A private copy of the seed store, selected through NEWS_ATLAS_DB."""
    path = tmp_path / "atlas.duckdb"
    shutil.copy(seed_db, path)
    monkeypatch.setenv("NEWS_ATLAS_DB", str(path))
    return path


def _app(query_params: dict | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    if query_params:
        at.query_params.update(query_params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _goto(at, page: str):
    at.switch_page(f"components/ui/pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# AppTest does not expose a dataframe's key, so tables are found by a column only they have.
TABLE_COLUMNS = {"quotes_table": "stance", "cas_table": "killed_min", "stance_evidence": "cues",
                 "articles_table": "collection"}


def _rows(at, key: str):
    col = TABLE_COLUMNS[key]
    tables = [d.value for d in at.dataframe if col in d.value.columns]
    assert tables, f"no table with column {col!r} on the page"
    return tables[0]


def _n_points(trace: dict, axis: str) -> int:
    """Number of values of a plotly trace axis (plain list or Plotly's base64 typed array)."""
    import base64

    import numpy as np

    v = trace[axis]
    if isinstance(v, dict):
        return len(np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])))
    return len(v)


def _read_copy(db: Path) -> Store:
    """A store on a copy of ``db``: the app under test holds ``db`` open in this process (read-only, attached),
    and DuckDB lets one process open a file once."""
    copy = db.with_name(db.stem + "-read.duckdb")
    shutil.copy(db, copy)
    return Store(copy)


def _expected_quotes(db: Path, f: QueryFilters):
    store = _read_copy(db)
    try:
        return Q.quotes_page(store, f, limit=50)
    finally:
        store.close()


def test_dashboard_every_page_renders_without_error(db):
    at = _app()
    assert at.title[0].value == "Who said what, where"
    for page in PAGES[1:]:
        _goto(at, page)
        assert at.title[0].value.lower() == page
        assert not at.error, [e.value for e in at.error]


def test_dashboard_overview_counts_match_the_store(db):
    at = _app()
    metrics = {m.label: m.value for m in at.metric}
    store = _read_copy(db)
    counts = Q.overview_counts(store, QueryFilters(collections=("seed",)))
    store.close()
    assert metrics["Quotes"] == f"{counts['quotes']:,}" and counts["quotes"] > 0
    assert metrics["Articles"] == "1"


def test_dashboard_quotes_page_lists_the_seed_speakers(db):
    at = _goto(_app(), "quotes")
    speakers = set(_rows(at, "quotes_table")["speaker"])
    assert {"Volodymyr Zelenskyy", "Kaja Kallas", "Jake Sullivan"} <= speakers
    # the quote is shown highlighted in its article, with the speaker's card
    assert any("na-selected" in h.value for h in at.get("html"))


def test_dashboard_url_speaker_filter_gives_the_same_rows_as_the_query(db):
    at = _goto(_app({"speaker": "Kaja Kallas"}), "quotes")
    assert at.multiselect(key="speaker").value == ["Kaja Kallas"]
    shown = _rows(at, "quotes_table")
    expected = _expected_quotes(db, QueryFilters(collections=("seed",), speakers=("Kaja Kallas",)))
    assert len(shown) == len(expected) > 0
    assert list(shown["quote"]) == list(expected["quote"])
    assert set(shown["speaker"]) == {"Kaja Kallas"}
    # the filter survives a page change and stays in the URL
    _goto(at, "overview")
    assert at.query_params.get("speaker") in ("Kaja Kallas", ["Kaja Kallas"])
    assert at.multiselect(key="speaker").value == ["Kaja Kallas"]


def test_dashboard_url_filters_combine_and_bad_values_are_dropped(db):
    at = _goto(_app({"kind": ["direct", "bogus"], "q": "NATO", "country": "ZZ"}), "quotes")
    assert at.multiselect(key="kind").value == ["direct"]
    assert at.multiselect(key="country").value == []
    shown = _rows(at, "quotes_table")
    expected = _expected_quotes(db, QueryFilters(collections=("seed",), kinds=("direct",), text="NATO"))
    assert list(shown["quote"]) == list(expected["quote"])
    assert all("nato" in q.lower() for q in shown["quote"])


def test_dashboard_sidebar_widget_change_filters_the_table(db):
    at = _goto(_app(), "quotes")
    at.multiselect(key="speaker").set_value(["Jake Sullivan"]).run()
    shown = _rows(at, "quotes_table")
    assert set(shown["speaker"]) == {"Jake Sullivan"}
    # (the URL update itself is done by the browser; tests/test_browser.py checks it)


def test_dashboard_map_page_draws_places(db):
    at = _goto(_app(), "map")
    assert any("places" in m.value for m in at.markdown)
    charts = at.get("plotly_chart")
    assert charts, "no map figure"
    import json

    fig = json.loads(charts[0].proto.spec)
    assert _n_points(fig["data"][0], "lat") >= 3  # Ukraine, Kherson, Kyiv ...
    assert fig["layout"]["uirevision"] == "news-atlas-map"


def test_dashboard_map_plays_the_seed_casualties_by_period_and_cause(db):
    import json

    from components.ui.charts import CAUSE_COLOURS

    at = _goto(_app(), "map")
    figs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    play = [f for f in figs if f.get("frames")]
    assert len(play) == 1, "no playback figure on the Map page"
    fig = play[0]
    steps = [s["label"] for s in fig["layout"]["sliders"][0]["steps"]]
    assert steps == [fr["name"] for fr in fig["frames"]] and len(steps) >= 1
    assert [t["name"] for t in fig["data"]] == list(CAUSE_COLOURS)
    assert sum(_n_points(t, "lat") for fr in fig["frames"] for t in fr["data"]) >= 1
    assert any("Play over time" in e.label for e in at.expander)


def test_dashboard_map_place_from_url_filters_casualties(db):
    at = _goto(_app({"place": "Kherson"}), "casualties")
    table = _rows(at, "cas_table")
    assert list(table["place"]) == ["Kherson"]
    assert int(table["killed_min"].iloc[0]) == 3


def test_dashboard_stance_page_shows_chart_and_evidence(db):
    at = _goto(_app(), "stance")
    assert at.get("plotly_chart"), "no stance chart"
    evidence = _rows(at, "stance_evidence")
    assert len(evidence) >= 1 and evidence["quote"].str.len().min() > 0


def test_dashboard_articles_page_highlights_and_escapes(db):
    at = _goto(_app(), "articles")
    html = [h.value for h in at.get("html")]
    assert any("na-quote" in h and "na-place" in h for h in html)


def _uploaded(name: str, text: bytes):
    """The Articles page after uploading one file ``name`` holding ``text`` (no exception raised)."""
    at = _goto(_app(), "articles")
    at.file_uploader(key="upload").set_value((name, text, "text/plain")).run()
    assert not at.exception, [e.stack_trace for e in at.exception]
    return at


def test_dashboard_upload_appears_everywhere_and_is_escaped(db):
    at = _uploaded("hostile.txt", ('<script>alert(1)</script> **bold** headline\n'
                                   'The mayor, Anne Hidalgo, said: "We will rebuild the bridge in Paris by spring." '
                                   'She added that "nobody was hurt".\n').encode())
    assert any("Added 1 article" in s.value for s in at.success)
    # the new article is in the collection filter and in the reader, escaped
    assert "uploads" in at.multiselect(key="collection").value
    heads = [h.value for h in at.subheader]
    assert any("\\<script\\>" in h and "\\*\\*bold\\*\\*" in h for h in heads), heads
    html = " ".join(h.value for h in at.get("html"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _goto(at, "overview")
    assert {m.label: m.value for m in at.metric}["Articles"] == "2"


def test_dashboard_unreadable_upload_shows_a_clear_message(db):
    at = _goto(_app(), "articles")
    at.file_uploader(key="upload").set_value(("empty.txt", b"   \n", "text/plain")).run()
    assert not at.exception
    assert any("empty" in e.value for e in at.error), [e.value for e in at.error]


def _qp(at, key: str) -> list[str]:
    v = at.query_params.get(key)
    return [] if v is None else ([v] if isinstance(v, str) else list(v))


def _sidebar_text(at) -> str:
    return " ".join([c.value for c in at.sidebar.caption] + [m.value for m in at.sidebar.markdown]
                    + [i.value for i in at.sidebar.info]).replace("\\", "")


def test_dashboard_url_ids_select_the_widgets_and_stay_ids_in_the_url(db):
    at = _goto(_app({"collection": "seed", "country": "UA", "topic": "nato-membership", "kind": "direct",
                     "speaker": "Volodymyr Zelenskyy"}), "quotes")
    assert at.multiselect(key="collection").value == ["seed"]
    assert at.multiselect(key="country").value == ["UA"]
    assert at.multiselect(key="topic").value == ["nato-membership"]
    shown = _rows(at, "quotes_table")
    expected = _expected_quotes(db, QueryFilters(collections=("seed",), countries=("UA",), topics=("nato-membership",),
                                                 kinds=("direct",), speakers=("Volodymyr Zelenskyy",)))
    assert list(shown["quote"]) == list(expected["quote"]) and len(expected) > 0
    # the address keeps ids and codes, never the labels shown in the widgets
    assert _qp(at, "country") == ["UA"] and _qp(at, "topic") == ["nato-membership"]
    assert _qp(at, "kind") == ["direct"] and _qp(at, "speaker") == ["Volodymyr Zelenskyy"]
    assert _qp(at, "collection") == []  # the default selection is left out of the URL
    _goto(at, "overview")
    assert _qp(at, "country") == ["UA"] and at.multiselect(key="country").value == ["UA"]


def test_dashboard_widget_change_writes_ids_to_the_url(db):
    at = _app()
    at.multiselect(key="country").set_value(["UA"]).run()
    at.multiselect(key="collection").set_value(["seed"]).run()
    at.multiselect(key="topic").set_value(["military-aid"]).run()
    assert _qp(at, "country") == ["UA"] and _qp(at, "topic") == ["military-aid"]
    at.multiselect(key="collection").set_value([]).run()
    assert _qp(at, "collection") == [""]  # ?collection= : all collections
    assert not any("·" in v or ":" in v for k in ("country", "topic", "collection") for v in _qp(at, k))


def test_dashboard_unknown_url_values_are_reported_in_the_sidebar(db):
    at = _app({"country": ["UA", "ZZ"], "speaker": "Nobody Atall", "topic": "bogus-topic", "kind": "x"})
    assert at.multiselect(key="country").value == ["UA"] and at.multiselect(key="speaker").value == []
    text = _sidebar_text(at)
    for bad in ("'ZZ'", "'Nobody Atall'", "'bogus-topic'", "'x'"):
        assert bad in text, text
    # the notice stays across reruns until dismissed
    at.run()
    assert "'ZZ'" in _sidebar_text(at)
    at.button(key="_na_dismiss").click().run()
    assert "'ZZ'" not in _sidebar_text(at)


def test_dashboard_url_date_outside_the_data_is_kept_with_a_message(db):
    at = _goto(_app({"from": "2030-01-01"}), "quotes")
    import datetime as dt

    assert at.date_input(key="from").value == dt.date(2030, 1, 1)
    assert _qp(at, "from") == ["2030-01-01"]
    assert any("No article in the chosen dates" in i.value for i in at.sidebar.info)
    assert not [d for d in at.dataframe if "stance" in d.value.columns and len(d.value)]


def test_dashboard_country_has_no_select_all_and_all_means_no_filter(db):
    at = _app()
    assert at.multiselect(key="country").proto.select_all == 0  # the bulk "Select all" is not offered
    assert _qp(at, "country") == []


def test_dashboard_uploads_are_selected_by_default_in_a_new_session(db):
    at = _goto(_app(), "articles")
    text = b'The mayor, Anne Hidalgo, said: "We will rebuild the bridge in Paris by spring."\n'
    at.file_uploader(key="upload").set_value(("paris.txt", text, "text/plain")).run()
    assert any("Added 1 article" in s.value for s in at.success)
    fresh = _app()  # another visitor
    assert fresh.multiselect(key="collection").value == ["seed", "uploads"]
    assert {m.label: m.value for m in fresh.metric}["Articles"] == "2"
    assert _qp(fresh, "collection") == []


def test_dashboard_map_selector_shows_the_style_really_drawn_offline(db, monkeypatch):
    from components.ui import loaders

    monkeypatch.setattr(loaders, "tiles_reachable", lambda *a, **k: False)
    at = _goto(_app(), "map")
    box = at.selectbox(key="map_style_offline")
    assert box.value == "white-bg" and box.disabled
    assert any("Offline" in c.value and "white-bg" in c.value for c in at.caption)
    import json

    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["layout"]["map"]["style"] == "white-bg"
    monkeypatch.setattr(loaders, "tiles_reachable", lambda *a, **k: True)
    at = _goto(_app(), "map")
    assert at.selectbox(key="map_style").value == "carto-positron"


def _plain(text: str) -> str:
    """A message's text without the Markdown escapes of user text."""
    return text.replace("\\", "")


def test_dashboard_upload_errors_stay_visible_with_the_success(db):
    """Test that with several files, the unreadable ones are still reported after the rerun that follows an add."""
    at = _goto(_app(), "articles")
    good = b'Bridge plan\n\nThe mayor, Anne Hidalgo, said: "We will rebuild the bridge in Paris by spring."\n'
    at.file_uploader(key="upload").set_value([("paris.txt", good, "text/plain"),
                                              ("empty.txt", b"   \n", "text/plain"),
                                              ("scan.txt", b"\x00\x01\x02binary", "text/plain")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Added 1 article to the collection 'uploads'. It now appears on every page."]
    assert [_plain(e.value) for e in at.error] == ["Could not read empty.txt: the file is empty",
                                                   "Could not read scan.txt: this looks like a binary file, not text"]
    at.run()  # still there on the next rerun, until dismissed
    assert len(at.error) == 2
    at.button(key="upload_dismiss").click().run()
    assert not at.error and not at.success


def test_dashboard_upload_jsonl_keeps_good_lines_and_reports_the_bad_one(db):
    import json

    at = _goto(_app(), "articles")
    data = (json.dumps({"id": "jl-1", "title": "Talks in Cairo", "text": "Talks in Cairo\n\nTalks resumed in Cairo."})
            + '\n{"id": "broken", "text": "not closed\n'
            + json.dumps({"id": "jl-2", "title": "Floods", "text": "Floods\n\nThe river rose in Porto Alegre."})
            + "\n").encode()
    at.file_uploader(key="upload").set_value(("two.jsonl", data, "application/jsonl")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Added 2 articles to the collection 'uploads'. They now appear on every page."]
    assert [_plain(e.value) for e in at.error] == [
        "Could not read two.jsonl:2: not valid JSON (Unterminated string starting at column 26)"]
    store = _read_copy(db)
    try:
        ids = {r[0] for r in store.execute("SELECT id FROM articles WHERE collection = 'uploads'").fetchall()}
    finally:
        store.close()
    assert ids == {"jl-1", "jl-2"}


def test_dashboard_upload_of_a_stored_article_says_already_stored(db):
    at = _goto(_app(), "articles")
    text = b'Bridge plan\n\nThe mayor, Anne Hidalgo, said: "We will rebuild the bridge in Paris by spring."\n'
    at.file_uploader(key="upload").set_value(("paris_bridge.txt", text, "text/plain")).run()
    assert len(at.success) == 1
    at.file_uploader(key="upload").set_value(("paris_bridge.txt", text, "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.success
    assert [_plain(i.value) for i in at.info] == [
        "0 added; 1 already stored: paris_bridge.txt (tick 'Replace articles already stored' and upload again to "
        "re-extract)."]


def _stored_article(db: Path, aid: str) -> tuple:
    store = _read_copy(db)
    try:
        return store.execute("SELECT title, outlet, published, collection FROM articles WHERE id = ?",
                             [aid]).fetchone()
    finally:
        store.close()


def test_dashboard_upload_date_for_files_without_one(db):
    """Test that the upload's date is given to an undated file only; a dateline's own date wins."""
    from components.ingest import content_id

    at = _goto(_app(), "articles")
    undated = b"Bridge plan\n\nThe mayor, Anne Hidalgo, said: \"We will rebuild the bridge in Paris by spring.\"\n"
    dated = b"Floods\n\nPORTO ALEGRE (Jan. 25, 2013) The river rose in Porto Alegre, the mayor said.\n"
    at.date_input(key="upload_published").set_value(__import__("datetime").date(2024, 5, 6))
    at.file_uploader(key="upload").set_value([("undated.txt", undated, "text/plain"),
                                              ("dated.txt", dated, "text/plain")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Added 2 articles to the collection 'uploads'. They now appear on every page."]
    assert _stored_article(db, content_id(undated.decode()))[2].isoformat() == "2024-05-06"
    assert _stored_article(db, content_id(dated.decode()))[2].isoformat() == "2013-01-25"


def test_dashboard_upload_pairs_a_sidecar_with_its_article_by_name(db):
    at = _goto(_app(), "articles")
    text = b"Bridge plan\n\nThe mayor, Anne Hidalgo, said: \"We will rebuild the bridge in Paris by spring.\"\n"
    meta = b"id: paris-1\ntitle: Paris bridge plan\noutlet: Le Test\npublished: 2024-02-14\n"
    at.file_uploader(key="upload").set_value([("paris.meta.yaml", meta, "application/yaml"),
                                              ("paris.txt", text, "text/plain"),
                                              ("alone.meta.yaml", b"title: X\n", "application/yaml")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Added 1 article to the collection 'uploads'. It now appears on every page."]
    assert [_plain(e.value) for e in at.error] == [
        "Could not read alone.meta.yaml: a sidecar needs its article in the same upload: choose alone.txt (or .md, "
        ".html) together with alone.meta.yaml"]
    title, outlet, published, collection = _stored_article(db, "paris-1")
    assert (title, outlet, published.isoformat(), collection) == ("Paris bridge plan", "Le Test", "2024-02-14",
                                                                 "uploads")


def test_dashboard_upload_replace_box_re_extracts_and_the_id_clash_points_to_it(db):
    """Test that a corrected sidecar is applied with the Replace box, and an id clash names the box (no CLI flag)."""
    at = _goto(_app(), "articles")
    text = b"Bridge plan\n\nThe mayor, Anne Hidalgo, said: \"We will rebuild the bridge in Paris by spring.\"\n"
    at.file_uploader(key="upload").set_value([("paris.txt", text, "text/plain"),
                                              ("paris.meta.yaml", b"id: paris-1\n", "application/yaml")]).run()
    assert _stored_article(db, "paris-1")[2] is None
    other = b"Floods\n\nThe river rose in Porto Alegre.\n"
    at.file_uploader(key="upload").set_value([("floods.txt", other, "text/plain"),
                                              ("floods.meta.yaml", b"id: paris-1\n", "application/yaml")]).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [_plain(e.value) for e in at.error]
    assert errors == ["Not added floods.txt: id 'paris-1' is already used by another stored article ('Bridge plan'); "
                      "nothing was changed: tick 'Replace articles already stored' and upload it again to overwrite "
                      "it, or give this article another id"]
    assert "--replace" not in " ".join(errors)
    at.checkbox(key="upload_replace").check()
    at.file_uploader(key="upload").set_value([("paris.txt", text, "text/plain"),
                                              ("paris.meta.yaml", b"id: paris-1\npublished: 2024-02-14\n",
                                               "application/yaml")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [_plain(s.value) for s in at.success] == [
        "Replaced 1 stored article, re-extracted in their collection: paris.txt. It now appears on every page."]
    assert _stored_article(db, "paris-1")[2].isoformat() == "2024-02-14"


def test_dashboard_casualties_without_a_date_are_counted_and_titles_shown(db):
    """Test that undated casualty records are said to be missing from the chart, and the table shows titles."""
    from components.ingest import read_bytes
    from components.pipeline import ingest_articles

    text = (b"Strike in Beirut (no date)\n\nFive people were killed on Tuesday in an Israeli strike on a building "
            b"in Beirut, the health ministry said.\n")
    store = Store(db)
    try:
        report = ingest_articles(read_bytes(text, "nodate.txt", collection="seed"), store)
        assert report.added and not report.failed
        n_undated = store.execute("SELECT count(*) FROM casualties c JOIN articles a ON a.id = c.article_id "
                                  "WHERE c.date IS NULL AND a.published IS NULL").fetchone()[0]
    finally:
        store.close()
    assert n_undated == 1
    at = _goto(_app(), "casualties")
    assert "1 record without a date is not in the chart (it is in the table)." in [c.value for c in at.caption]
    table = _rows(at, "cas_table")
    assert "Strike in Beirut (no date)" in set(table["article"])
    cols = list(table.columns)
    assert cols[:7] == ["place", "date", "killed_min", "killed_max", "injured_min", "injured_max", "article"]
    assert cols[-1] == "article_id"


UNNAMED_ARTICLE = (b"Bridge to reopen\n\nKYIV - Officials said the Paton bridge would reopen on Monday. \"We are working "
                   b"day and night,\" officials said. Initial reports said two lanes would stay closed. Ukraine must "
                   b"join NATO, officials said, because membership is the only guarantee of security.")


def _add_unnamed_sources(db: Path) -> None:
    from components.ingest import read_bytes
    from components.pipeline import ingest_articles

    store = Store(db)
    try:
        report = ingest_articles(read_bytes(UNNAMED_ARTICLE, "bridge.txt", collection="seed"), store)
    finally:
        store.close()
    assert report.added and not report.failed


def _overview_speakers(at) -> list[str]:
    tables = [d.value for d in at.dataframe if "role" in d.value.columns]
    assert tables, "no speaker table"
    return list(tables[0]["speaker"])


def _stance_speakers(at) -> set[str]:
    import json

    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {c[0] for trace in fig["data"] for c in trace["customdata"]}


def test_dashboard_overview_shows_named_speakers_unless_asked(db):
    """Test that 'Officials' and 'Initial reports' are left out of the top speakers until the box is ticked."""
    _add_unnamed_sources(db)
    at = _app()
    assert at.checkbox(key="unnamed_box").value is False
    named = _overview_speakers(at)
    assert {"Volodymyr Zelenskyy", "Kaja Kallas", "Jake Sullivan"} <= set(named)
    assert not {"Officials", "officials", "Initial reports"} & set(named)
    assert _qp(at, "unnamed") == []
    at.checkbox(key="unnamed_box").check().run()
    assert {"Officials", "officials", "Initial reports"} <= set(_overview_speakers(at))
    assert _qp(at, "unnamed") == ["true"]
    # kept across pages (in the URL on every page) and on the Stance page too
    _goto(at, "map")
    assert _qp(at, "unnamed") == ["true"]
    _goto(at, "stance")
    assert at.checkbox(key="unnamed_box").value is True and "officials" in _stance_speakers(at)
    at.checkbox(key="unnamed_box").uncheck().run()
    assert "officials" not in _stance_speakers(at) and _qp(at, "unnamed") == []


def test_dashboard_stance_shows_named_speakers_unless_asked(db):
    _add_unnamed_sources(db)
    at = _goto(_app(), "stance")
    assert "officials" not in _stance_speakers(at) and "Kaja Kallas" in _stance_speakers(at)
    shared = _goto(_app({"unnamed": "true"}), "stance")  # a shared link
    assert shared.checkbox(key="unnamed_box").value is True
    assert "officials" in _stance_speakers(shared)


def test_dashboard_bad_unnamed_value_is_a_notice(db):
    at = _app({"unnamed": "maybe"})
    assert at.checkbox(key="unnamed_box").value is False
    assert "ignored unnamed='maybe': use unnamed=true or unnamed=false" in _sidebar_text(at)


def test_dashboard_overview_speaker_table_column_widths(db):
    at = _app()
    table = next(d for d in at.dataframe if "role" in d.value.columns)
    import json

    config = json.loads(table.proto.columns)
    widths = {k: v.get("width") for k, v in config.items() if k != "_index"}
    assert widths == {"speaker": 150, "quotes": 60, "articles": 62, "country": 62, "role": 100}
    assert sum(widths.values()) <= 440  # the half-page column of a 1400 px window
    assert list(table.proto.column_order) == ["speaker", "quotes", "articles", "country", "role"]


def test_dashboard_upload_of_hostile_files_keeps_the_good_one(db):
    """Issue 9: each hostile file gives one line for itself; the good file of the same upload is stored."""
    from tests.hostile import BOMB

    at = _goto(_app(), "articles")
    good = b'Ferry plan\n\nThe mayor, Ana Costa, said: "We will add two ferries in Porto by May."\n'
    at.file_uploader(key="upload").set_value([
        ("porto.txt", good, "text/plain"),
        ("digits.jsonl", b'{"text": "T", "id": ' + b"9" * 5000 + b"}\n", "application/jsonl"),
        ("deep.jsonl", b'{"text": "T", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "application/jsonl"),
        ("bomb.txt", b"Bomb\n\nA text.", "text/plain"), ("bomb.meta.yaml", BOMB.encode(), "application/yaml"),
        ("map.txt", b"Map\n\nA text.", "text/plain"), ("map.meta.yaml", b"title: {a: 1}\n", "application/yaml"),
    ]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Added 1 article to the collection 'uploads'. It now appears on every page."]
    assert sorted(_plain(e.value) for e in at.error) == sorted([
        "Could not read digits.jsonl:1: a number with more than 40 digits",
        "Could not read deep.jsonl:1: JSON nested deeper than 32 levels",
        "Could not read bomb.meta.yaml: invalid YAML sidecar (aliases (*name) are not allowed in a sidecar, "
        "line 2 column 8)",
        "Could not read bomb.txt: not read: its sidecar bomb.meta.yaml is invalid",
        "Could not read map.meta.yaml: sidecar field 'title': input should be a valid string",
        "Could not read map.txt: not read: its sidecar map.meta.yaml is invalid",
    ])


def test_dashboard_reextracts_articles_of_an_older_extractor(db):
    """Test that a store written by another extractor version is re-extracted on start, articles kept."""
    store = Store(db)
    before = store.execute("SELECT count(*) FROM quotes").fetchone()[0]
    store.execute("UPDATE article_versions SET extractor_version = 'an older one'")
    store.close()
    at = _app()
    assert any("re-extracted 1 article" in s.label for s in at.status), [s.label for s in at.status]
    from components.store import versions

    store = _read_copy(db)
    try:
        assert versions.stale_articles(store.cursor()) == []
        assert store.execute("SELECT count(*) FROM quotes").fetchone()[0] == before
        assert store.execute("SELECT collection FROM articles").fetchall() == [("seed",)]
    finally:
        store.close()


# Markup a stored text may carry; each must reach the page literally (issue 9, point 7).
MARKUP = "`tick` **PWN** :red[PWN] $$PWN$$ [PWN](http://evil.example) <b>PWN</b>"
RAW_MARKUP = ("`tick`", "**PWN**", ":red[PWN]", "$$PWN$$", "[PWN](http", "<b>PWN")


def _add_markup_article(db: Path) -> None:
    """Store an article whose title, outlet, speaker, place, cause and quote all hold :data:`MARKUP`."""
    from components.models import Article, Casualty, Extraction, Place, Quote, Speaker, Stance

    text = f"{MARKUP} said: \"The bridge in {MARKUP} must reopen.\" Two people were killed in {MARKUP} on Monday."
    name = f"Ann {MARKUP}"
    art = Article(id="markup-1", title=f"Title {MARKUP}", published="2024-12-02", outlet=f"Outlet {MARKUP}",
                  collection="seed", text=text)
    qs = text.index("The bridge")
    qe = text.index(" must reopen.") + len(" must reopen.")
    q = Quote(id="markup-1:q1", text=text[qs:qe], start=qs, end=qe, kind="direct", cue="said", speaker=name,
              topics=["peace-talks"])
    ps = text.index(MARKUP, qs)
    place = Place(name=MARKUP, mention=MARKUP, start=ps, end=ps + len(MARKUP), kind="city", country="UA",
                  lat=48.0, lon=37.8)
    cs = text.index("Two people")
    cas = Casualty(place=MARKUP, country="UA", lat=48.0, lon=37.8, date="2024-12-02", killed_min=2, killed_max=2,
                   killed_qualifier="exact", cause=MARKUP, start=cs, end=len(text))
    ext = Extraction(article=art, quotes=[q], speakers=[Speaker(name=name, role=MARKUP, country="UA")],
                     places=[place], casualties=[cas],
                     stances=[Stance(speaker=name, topic="peace-talks", polarity="support", score=0.5,
                                     evidence=[q.id])])
    store = Store(db)
    try:
        store.add_extractions([ext])
    finally:
        store.close()


def _rendered_texts(at) -> list[str]:
    """Every Markdown-rendered string of the page (bodies and widget labels)."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success", "error"):
        out += [e.value for e in at.get(kind)]
    for kind in ("button", "selectbox", "multiselect", "checkbox", "radio", "text_input", "number_input"):
        out += [e.label for e in at.get(kind)]
    return out


def _plotly_labels(at) -> list[str]:
    import json

    out = []
    for chart in at.get("plotly_chart"):
        fig = json.loads(chart.proto.spec)
        for trace in fig["data"]:
            for key in ("name", "hovertext", "text", "y", "x", "hovertemplate"):
                v = trace.get(key)
                out += [str(x) for x in (v if isinstance(v, list) else [v]) if x is not None]
        out += [a.get("text", "") for a in fig["layout"].get("annotations", [])]
    return out


def test_dashboard_stored_markup_is_literal_on_every_page(db):
    """Test that Markdown, Streamlit directives, LaTeX, links and HTML in stored text are escaped on every page."""
    _add_markup_article(db)
    at = _app({"place": MARKUP})
    seen = 0
    for page in PAGES:
        _goto(at, page)
        for text in _rendered_texts(at):
            if "PWN" in text:
                seen += 1
                assert not any(raw in text for raw in RAW_MARKUP), (page, text)
        for label in _plotly_labels(at):
            assert "<b>PWN" not in label and "$$PWN" not in label, (page, label)
    assert seen >= 5  # the filter line, titles, captions, the speaker card ...
    _goto(at, "map")
    assert any(t.startswith("Filtered to: **") and "\\`tick\\`" in t for t in _rendered_texts(at))


def test_dashboard_facets_show_counts_sorted_and_the_url_keeps_ids(db):
    """Test that sidebar options carry their count under the other filters, sorted by it, and the URL ids."""
    store = Store(db)
    try:
        n_ua = Q.facet_counts(store, QueryFilters(collections=("seed",)), "countries")["UA"]
        speakers = Q.facet_counts(store, QueryFilters(collections=("seed",)), "speakers")
    finally:
        store.close()
    at = _app()
    country = at.multiselect(key="country")
    assert country.format_func("UA") == f"UA · Ukraine ({n_ua:,})"
    ranked = list(at.multiselect(key="speaker").options)
    counts = [int(o.rsplit("(", 1)[1].rstrip(")")) for o in ranked]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(speakers.values())
    at.multiselect(key="country").select("UA").run()
    assert at.query_params["country"] in ("UA", ["UA"])
    top = max(speakers, key=lambda s: (speakers[s], -list(speakers).index(s)))
    at.multiselect(key="speaker").select(top).run()
    assert not at.exception
    assert at.query_params["speaker"] in (top, [top])


def test_dashboard_sort_control_and_article_text_search(db):
    """Test that the Quotes page sorts the whole result by a chosen column and searches article text."""
    at = _goto(_app(), "quotes")
    at.selectbox(key="quotes_sort").set_value("speaker").run()
    names = [s for s in _rows(at, "quotes_table")["speaker"] if isinstance(s, str)]
    assert names == sorted(names)
    at.toggle(key="quotes_desc").set_value(True).run()
    names = [s for s in _rows(at, "quotes_table")["speaker"] if isinstance(s, str)]
    assert names == sorted(names, reverse=True)
    at.text_input(key="aq").input("KHERSON").run()
    assert not at.exception
    store = _read_copy(db)
    try:
        want = Q.count_quotes(store, QueryFilters(collections=("seed",), article_text="KHERSON"))
        n_all = Q.count_quotes(store, QueryFilters(collections=("seed",)))
    finally:
        store.close()
    assert want == n_all > 0  # the seed article mentions Kherson outside its quotes: all its quotes pass
    at.text_input(key="aq").input("no such words anywhere").run()
    assert "No quotes match these filters." in [i.value for i in at.info]


def test_dashboard_add_by_url_reports_a_fetch_error_in_one_line(db):
    """Test that a link the dashboard will not fetch gives one clear line in the upload report and nothing
    else changes."""
    at = _goto(_app(), "articles")
    at.text_input(key="add_url").input("http://127.0.0.1:9/none.html").run()
    at.button(key="add_url_go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    # a local address is refused before any fetch (the dashboard may be public), with that reason
    # (the address is shown as code: Markdown would make it a link even escaped)
    assert any(e.startswith("Could not read ` http://127.0.0.1:9/none.html `:") and "a local or private network address" in e
               for e in errors), errors
    _goto(at, "overview")
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"


def test_dashboard_reader_says_why_a_non_english_article_has_no_records(db):
    at = _uploaded("pont.txt", ("Le maire de la ville a déclaré lundi que le pont serait reconstruit avant le printemps. "
                                "Les habitants du quartier attendent depuis des mois une réponse claire de la mairie, "
                                "et plusieurs associations ont demandé une réunion publique la semaine prochaine.\n"
                                ).encode())
    box = at.selectbox(key="article_pick")
    box.set_value(next(i for i in box.options if box.format_func(i).startswith("Le maire"))).run()
    infos = [i.value for i in at.info]
    assert any("not English (language detected: fr)" in i for i in infos), infos


def test_dashboard_unknown_article_in_the_address_keeps_the_default_view_and_says_so(db):
    at = _goto(_app({"article": "missing"}), "quotes")
    assert at.multiselect(key="collection").value == ["seed"]
    warnings = [w.value for w in at.warning]
    assert any("ignored unknown article" in w and "missing" in w for w in warnings), warnings


def test_dashboard_reader_counts_a_breakdown_as_one_casualty_report(db):
    at = _uploaded("storm.txt", ("Typhoon toll\n\nMANILA, Philippines - A typhoon killed 9 people on Sunday: 5 in Cebu "
                                 "and 4 in Leyte, officials said.\n").encode())
    box = at.selectbox(key="article_pick")
    box.set_value(next(i for i in box.options if box.format_func(i).startswith("Typhoon"))).run()
    captions = [c.value for c in at.caption]
    assert any(c.endswith("1 casualty report (2 parts)") for c in captions), captions


def test_dashboard_upload_waits_for_the_build_of_the_bundled_collections(db):
    from components.ui import loaders

    at = _goto(_app(), "articles")
    state = loaders.build_progress(loaders.store().path)  # the server's one object for this store
    state.running = True
    try:
        at.run()
        assert at.get("file_uploader")[0].proto.disabled
        assert any("uploads open when it finishes" in i.value for i in at.info), [i.value for i in at.info]
    finally:
        state.running = False
    at.run()
    assert not any("uploads open when it finishes" in i.value for i in at.info)
    assert not at.get("file_uploader")[0].proto.disabled


def test_dashboard_reader_says_why_an_english_article_may_have_no_records(db):
    """Test that an English article without records gets a note naming both reasons (nothing found, or
    past the time budget) and the command that re-extracts it with more time."""
    at = _uploaded("calm.txt", ("The weather was mild on the coast this week and the ferry timetable did not change. "
                                "Shops opened at the usual hours and the market sold apples and bread as on any other "
                                "week of the year.\n").encode())
    box = at.selectbox(key="article_pick")
    box.set_value(next(i for i in box.options if box.format_func(i).startswith("The weather"))).run()
    infos = [i.value for i in at.info]
    assert any(i.startswith("Nothing was extracted from this article (") and "--article-timeout 300" in i
               for i in infos), infos


def test_dashboard_reader_says_a_headline_alone_has_little_to_extract(db):
    """Test that an article that is one short line gets the known reason (a headline without body text), not the
    note about the time budget."""
    at = _uploaded("headline.txt", b"Parliament approves new budget after all-night session\n")
    box = at.selectbox(key="article_pick")
    box.set_value(next(i for i in box.options if box.format_func(i).startswith("Parliament approves"))).run()
    infos = [i.value for i in at.info]
    assert "Nothing was extracted: the text is one short line (a headline without body text?): there is little to " \
           "extract. The article is kept as it was supplied." in infos, infos
    assert not any("--article-timeout" in i for i in infos), infos


def test_dashboard_event_link_shows_injured_missing_and_parts(db):
    """Test that ?event=ID shows the event's injured and missing beside its death toll, its breakdown
    parts, and the note on summing the casualties download."""
    _uploaded("quake.txt", ("Quake strikes the hills\nA strong earthquake struck the hills near Tabriz on Monday, killing "
                            "at least 30 people and injuring 150, officials said. Eighteen people died in Tabriz and 12 "
                            "in Marand. Another 9 people were missing.\n").encode())
    store = Store(db, read_only=True)
    event_id = store.df("SELECT e.event_id FROM casualty_events e JOIN articles a ON a.id = e.article_id "
                        "WHERE a.title = 'Quake strikes the hills'")["event_id"].iloc[0]
    store.close()
    at = _goto(_app({"event": event_id}), "casualties")
    head = next(m.value for m in at.markdown if m.value.startswith("**Event "))
    assert "at least 30 killed" in head and "150 injured" in head and "9 missing" in head, head
    reports = next(d.value for d in at.dataframe if "parts" in d.value.columns)
    assert list(reports["parts"]) == ["Tabriz 18 killed; Marand 12 killed"]
    assert any(c.value.startswith("The casualties download holds each event") for c in at.caption)


def test_quotes_unknown_quote_link_warns_and_opens_nothing():
    """A ?quote= id the store does not hold gives one warning (placed above the table) and no quote opened
    in its place."""
    at = _goto(_app({"quote": "no-such-article:q9"}), "quotes")
    assert [w.value for w in at.warning if "No shown quote has the id" in w.value] == [
        "No shown quote has the id no\\-such\\-article\\:q9: it was marked wrong, or its article is no longer stored. "
        "Select a row of the table to open a quote."]
    assert not [s for s in at.selectbox if s.label.startswith("Quote shown in its article")]


def test_dashboard_a_page_number_beyond_a_narrowed_result_is_clamped(db):
    """A page number kept from a wider result (page 5 of the quotes) comes back to the last page of the narrowed
    one, the page still shows rows, and the pager widget raises nothing."""
    at = _goto(_app(), "quotes")
    at.session_state["quotes_page"] = 5
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    pager = next(n for n in at.number_input if n.key == "quotes_page")
    assert pager.value == 1
    assert len(_rows(at, "quotes_table")) > 0


def test_a_store_named_in_a_missing_folder_is_a_clear_error_and_no_folder_is_made(tmp_path, monkeypatch):
    """The dashboard refuses a ``NEWS_ATLAS_DB`` whose folder does not exist, as the command line does (a
    mistyped path is no new tree of folders and empty store): one error naming the folder, nothing created."""
    missing = tmp_path / "no-such-folder"
    monkeypatch.setenv("NEWS_ATLAS_DB", str(missing / "atlas.duckdb"))
    from components.ui.highlight import escape_markdown

    at = _app().run()
    assert [e.value for e in at.error] == ["The data store cannot be opened: " + escape_markdown(
        f"cannot open the store at {missing / 'atlas.duckdb'}: the folder {missing} does not exist (create it first, "
        "or name another store)")]
    assert not missing.exists()
