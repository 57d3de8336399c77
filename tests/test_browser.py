"""Real-browser test: Debian's chromium driven by Playwright against ``streamlit run dashboard.py``.

The server runs on a free port with a temporary store built from the seed
article only. Screenshots go to ``tests/screenshots/`` (git-ignored). Never
downloads a browser: the test is skipped when ``/usr/bin/chromium`` is absent
(install it with ``apt-get install -y chromium``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.serve import CHROMIUM, CHROMIUM_ARGS, dashboard_server  # noqa: F401  (used by the other browser tests)

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "tests" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``streamlit run dashboard.py`` on a free port with a seed-only store; yields ``(base_url, db_path)``."""
    from components.pipeline import ingest_paths, load_collections
    from components.store import Store

    db = tmp_path_factory.mktemp("browser") / "atlas.duckdb"
    store = Store(db)
    seed = next(c for c in load_collections() if c["name"] == "seed")
    ingest_paths(seed["paths"], store, collection="seed")
    store.close()
    with dashboard_server(db) as base:
        yield base, db


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    ctx.close()


def _open(page, url: str, ready_text: str):
    page.goto(url)
    page.get_by_text(ready_text, exact=False).first.wait_for()
    # wait until Streamlit has finished the run (no "Running..." status widget)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(1500)


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _expected_quote_count(db: Path, **filters) -> int:
    import duckdb

    from components.store import queries as Q
    from components.store.filters import QueryFilters

    # the server holds the write lock; read a copy of the file
    con_path = db.parent / "copy.duckdb"
    con_path.write_bytes(db.read_bytes())
    con = duckdb.connect(str(con_path), read_only=True)

    class _S:  # the queries only need .execute / .df
        def execute(self, sql, params=None):
            return con.cursor().execute(sql, params or [])

        def df(self, sql, params=None):
            return self.execute(sql, params).df()

    try:
        return Q.count_quotes(_S(), QueryFilters(collections=("seed",), **filters))
    finally:
        con.close()


def test_browser_overview(server, page):
    base, _ = server
    _open(page, base + "/", "Who said what, where")
    page.get_by_test_id("stMetric").nth(4).wait_for()  # the first run can finish after the status widget goes
    assert page.get_by_test_id("stMetric").count() == 5
    assert "3 killed" in page.get_by_test_id("stMarkdownContainer").filter(has_text="Casualties reported").first.inner_text()
    page.get_by_text("Top speakers").first.wait_for()
    _shot(page, "overview")


def test_browser_quotes_table_shows_seed_speakers(server, page):
    base, _ = server
    _open(page, base + "/quotes", "Quotes")
    grid = page.get_by_test_id("stDataFrame").first
    grid.wait_for()
    names = ("Volodymyr Zelenskyy", "Kaja Kallas", "Jake Sullivan")
    for _ in range(40):  # the grid fills its rows after it appears (a loaded CI machine: up to ~20 s)
        text = grid.inner_text() + page.content()
        if all(name in text for name in names):
            break
        page.wait_for_timeout(500)
    for name in names:
        assert name in text, name
    # the selected quote is highlighted in its article, with the speaker card
    assert page.locator("mark.na-selected").count() >= 1
    _shot(page, "quotes")


def test_browser_map_has_markers(server, page):
    base, _ = server
    _open(page, base + "/map", "Map")
    plot = page.locator(".js-plotly-plot").first
    plot.wait_for()
    n = page.evaluate("() => { const d = document.querySelector('.js-plotly-plot'); "
                      "if (!d || !d._fullData) return -1; const lat = d._fullData[0].lat; "
                      "return lat ? lat.length : -2; }")
    assert n >= 3, f"map has {n} markers"
    page.wait_for_timeout(2000)
    _shot(page, "map")


def test_browser_stance_chart(server, page):
    base, _ = server
    _open(page, base + "/stance", "Stance")
    page.locator(".js-plotly-plot").first.wait_for()
    bars = page.locator(".js-plotly-plot g.point").count()
    assert bars >= 3
    labels = page.locator(".js-plotly-plot text").evaluate_all("els => els.map(e => e.textContent)")
    assert any(re.match(r"(support|oppose|neutral) [+-]\d\.\d\d$", t) for t in labels), labels[:10]
    _shot(page, "stance")


def test_browser_casualties_show_kherson(server, page):
    base, _ = server
    _open(page, base + "/casualties", "Casualties")
    page.get_by_text("Kherson").first.wait_for()
    assert "3 killed" in page.inner_text("body")
    _shot(page, "casualties")


def test_browser_articles_reader_highlights(server, page):
    base, _ = server
    _open(page, base + "/articles", "Articles")
    page.locator("mark.na-quote").first.wait_for()
    assert page.locator("mark.na-place").count() >= 3
    assert page.locator("mark.na-casualty").count() >= 1
    _shot(page, "articles")


def test_browser_shared_url_reproduces_the_view_across_pages(server, page):
    base, db = server
    expected = _expected_quote_count(db, speakers=("Kaja Kallas",))
    assert expected > 0
    _open(page, base + "/quotes?speaker=Kaja+Kallas", "Quotes")
    page.get_by_text(f"{expected} quotes").first.wait_for()
    _shot(page, "shared_url_quotes")
    # follow the sidebar link to another page: the filter stays in the URL and in the view
    page.get_by_test_id("stSidebarNav").get_by_text("Overview").click()
    page.wait_for_url(re.compile(r"/(overview)?\?(.*&)?speaker=Kaja"))  # the default page is served at /
    page.get_by_test_id("stMetric").first.wait_for()
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.wait_for_timeout(1000)
    metrics = page.get_by_test_id("stMetric").all_inner_texts()
    assert any(re.search(rf"Quotes\s+{expected}\b", m) for m in metrics), metrics
    # a fresh browser tab on the copied address shows the same view
    url = page.url
    other = page.context.new_page()
    _open(other, url, "Who said what, where")
    other.get_by_test_id("stMetric").first.wait_for()
    assert other.get_by_test_id("stMetric").all_inner_texts() == metrics
    _shot(other, "shared_url_overview")


def test_browser_changing_a_filter_updates_the_url(server, page):
    base, _ = server
    _open(page, base + "/quotes", "Quotes")
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Speaker")
    box.locator("input").click()
    page.keyboard.type("Jake Sullivan")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"speaker=Jake"), timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.wait_for_timeout(1500)
    assert "Jake Sullivan" in page.content()
    _shot(page, "filter_to_url")


def test_browser_stance_bar_click_shows_its_evidence(server, page):
    base, _ = server
    _open(page, base + "/stance", "Stance")
    traces = page.locator(".js-plotly-plot g.trace.bars")
    traces.first.wait_for()
    # the last bar of the last trace, and the (speaker, topic) plotly holds for it
    speaker, topic = page.evaluate("() => { const fd = document.querySelector('.js-plotly-plot')._fullData; "
                                   "const t = fd[fd.length - 1]; return t.customdata[t.customdata.length - 1]; }")
    traces.nth(traces.count() - 1).locator("g.point path").last.click(force=True)
    page.wait_for_timeout(1500)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    body = page.inner_text("body")
    assert f"{speaker} on " in body, (speaker, topic)
    assert page.get_by_test_id("stDataFrame").count() >= 1  # the evidence table
    _shot(page, "stance_selected")


def test_browser_map_selection_filters_other_pages(server, page):
    base, _ = server
    _open(page, base + "/map", "Map")
    page.locator(".js-plotly-plot").first.wait_for()
    page.wait_for_timeout(1500)
    # emit the selection event plotly fires after a box/lasso selection of the Kherson marker
    place = page.evaluate("""() => {
        const gd = document.querySelector('.js-plotly-plot');
        const fd = gd._fullData[0];
        const i = fd.customdata.findIndex(c => c[0] === 'Kherson');
        const pt = {curveNumber: 0, pointNumber: i, pointIndex: i, customdata: fd.customdata[i],
                    lat: fd.lat[i], lon: fd.lon[i], data: gd.data[0], fullData: fd};
        gd.emit('plotly_selected', {points: [pt], selections: []});
        return fd.customdata[i][0];
    }""")
    assert place == "Kherson"
    page.wait_for_url(re.compile(r"place=Kherson"), timeout=30_000)
    page.get_by_test_id("stSidebarNav").get_by_text("Casualties").click()
    page.wait_for_url(re.compile(r"/casualties\?(.*&)?place=Kherson"))
    page.get_by_text("1 casualty report").first.wait_for()
    assert "1 casualty report · showing" in page.inner_text("body")  # singular: one report
    _shot(page, "map_selection_casualties")


def test_browser_overview_is_reachable_at_its_own_path(server, page):
    base, _ = server
    _open(page, base + "/overview?speaker=Kaja+Kallas", "Who said what, where")
    assert "Page not found" not in page.inner_text("body")
    page.get_by_test_id("stMetric").first.wait_for()


def test_browser_url_holds_ids_and_codes_across_pages(server, page):
    base, db = server
    expected = _expected_quote_count(db, countries=("UA",), topics=("nato-membership",))
    assert expected > 0
    _open(page, base + "/quotes?collection=seed&country=UA&topic=nato-membership", "Quotes")
    page.get_by_text(f"{expected} quotes").first.wait_for()
    page.get_by_test_id("stSidebar").get_by_text("UA · Ukraine").first.wait_for()  # drawn after the main column
    sidebar = page.get_by_test_id("stSidebar").inner_text()
    assert "UA · Ukraine" in sidebar  # labels in the widgets ...
    assert re.search(r"country=UA(&|$)", page.url) and "topic=nato-membership" in page.url  # ... ids in the URL
    assert "%C2%B7" not in page.url and "Seed%3A" not in page.url
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Map").click()
    page.wait_for_url(re.compile(r"/map\?"))
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.wait_for_timeout(1500)
    assert re.search(r"country=UA(&|$)", page.url) and "topic=nato-membership" in page.url, page.url
    assert "UA · Ukraine" in page.get_by_test_id("stSidebar").inner_text()
    _shot(page, "url_ids_map")


def test_browser_unknown_url_value_is_reported(server, page):
    base, _ = server
    _open(page, base + "/quotes?country=ZZ&speaker=Nobody", "Quotes")
    text = page.get_by_test_id("stSidebar").inner_text()
    assert "not used" in text and "'ZZ'" in text and "'Nobody'" in text, text
    _shot(page, "url_notice")


def test_browser_stance_chart_is_readable_on_a_phone(server, browser):
    base, _ = server
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                              has_touch=True)
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    try:
        _open(page, base + "/stance", "Stance")
        page.locator(".js-plotly-plot").first.wait_for()
        page.wait_for_timeout(1000)
        # every text of the chart (speaker · topic labels, stance texts) lies inside the figure
        out = page.evaluate("""() => {
            const plot = document.querySelector('.js-plotly-plot').getBoundingClientRect();
            const bad = [];
            document.querySelectorAll('.js-plotly-plot .annotation-text, .js-plotly-plot .bartext').forEach(e => {
                const r = e.getBoundingClientRect();
                if (r.width > 0 && (r.left < plot.left - 1 || r.right > plot.right + 1)) bad.push(e.textContent);
            });
            return {bad, n: document.querySelectorAll('.js-plotly-plot .annotation-text').length};
        }""")
        assert out["n"] >= 3 and out["bad"] == [], out
        labels = page.locator(".js-plotly-plot .annotation-text").evaluate_all("els => els.map(e => e.textContent)")
        assert any(t.startswith("Volodymyr Zelenskyy") for t in labels), labels
        _shot(page, "stance_mobile")
    finally:
        ctx.close()


def test_browser_unnamed_sources_checkbox_is_in_the_url_across_pages(server, page):
    """Test that ticking 'Include unnamed sources' writes ?unnamed=true, which a page switch keeps."""
    base, _ = server
    _open(page, base + "/", "Who said what, where")
    page.get_by_text("Top speakers (people and organisations)").first.wait_for()
    page.get_by_test_id("stCheckbox").filter(has_text="Include unnamed sources").locator("label").click()
    page.wait_for_url(re.compile(r"unnamed=true"), timeout=30_000)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Stance").click()
    page.wait_for_url(re.compile(r"/stance\?(.*&)?unnamed=true"), timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    box = page.get_by_test_id("stCheckbox").filter(has_text="Include unnamed sources").locator("input")
    assert box.is_checked()


def test_browser_overview_speaker_table_shows_the_country_at_1400px(server, page):
    """Test that the speaker table's columns (country included) fit its half of a 1400 px window."""
    base, _ = server
    _open(page, base + "/", "Who said what, where")
    grid = page.get_by_test_id("stDataFrame").first
    grid.wait_for()
    page.wait_for_timeout(1000)
    # the grid is drawn on a canvas: its columns fit when its scroller needs no horizontal scrolling
    widths = grid.locator(".dvn-scroller").first.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] <= widths[1], widths
    _shot(page, "overview_speakers")


def _phone(browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                              has_touch=True)
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    return ctx, pg


def test_browser_facet_counts_in_the_sidebar_and_ids_in_the_url(server, page):
    """Test that a sidebar option shows its count, and choosing it writes the id (not the label) to the URL."""
    base, db = server
    _open(page, base + "/quotes?country=UA", "Quotes")
    chip = page.get_by_test_id("stSidebar").get_by_text(re.compile(r"UA · Ukraine \(\d+\)")).first
    chip.wait_for()
    assert "country=UA" in page.url and "Ukraine" not in page.url
    _shot(page, "facets")


def test_browser_quotes_text_is_on_screen_at_phone_width(server, browser):
    """Test that at 390 px the quote column is the first one and lies inside the viewport; Cards wrap it."""
    ctx, pg = _phone(browser)
    try:
        _open(pg, server[0] + "/quotes", "Quotes")
        grid = pg.get_by_test_id("stDataFrame").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        cols = grid.locator('[role="columnheader"]')
        cols.first.wait_for(state="attached")
        pg.wait_for_timeout(1000)
        headers = [h.strip() for h in cols.evaluate_all("els => els.map(e => e.textContent || '')") if h.strip()]
        assert headers[:2] == ["quote", "speaker"], headers  # the quote is the first column on screen
        _shot(pg, "quotes_390")
        pg.get_by_text("Cards", exact=True).first.click()
        card = pg.get_by_text(re.compile("necessary thing for our survival")).first
        card.wait_for()
        cbox = card.bounding_box()
        assert cbox["x"] >= 0 and cbox["x"] + cbox["width"] <= 390
        assert pg.evaluate("() => document.documentElement.scrollWidth") <= 390
        body = pg.inner_text("body")
        assert "2024-12-01" in body and "00:00:00" not in body and "None" not in body
        _shot(pg, "quotes_cards_390")
    finally:
        ctx.close()


def test_browser_casualty_chart_is_binned_with_integer_ticks_at_both_sizes(server, browser, page):
    """Test the casualty chart's title (bin), integer y ticks and the date slider, at 1400 and 390 px."""
    for pg, name in ((page, "casualties_1400"), (None, "casualties_390")):
        ctx = None
        if pg is None:
            ctx, pg = _phone(browser)
        try:
            _open(pg, server[0] + "/casualties", "Casualties")
            pg.locator(".js-plotly-plot").first.wait_for()
            texts = pg.locator(".js-plotly-plot text").evaluate_all("els => els.map(e => e.textContent)")
            assert "People killed per day" in texts
            ticks = pg.locator(".js-plotly-plot .ytick text").evaluate_all("els => els.map(e => e.textContent)")
            assert ticks and all(re.fullmatch(r"\d+", t) for t in ticks), ticks
            _shot(pg, name)
        finally:
            if ctx:
                ctx.close()


def test_browser_selected_place_keeps_grey_neighbours_and_a_label(server, page):
    base, _ = server
    _open(page, base + "/map?place=Kherson", "Map")
    page.locator(".js-plotly-plot").first.wait_for()
    page.wait_for_timeout(1500)
    info = page.evaluate("() => { const d = document.querySelector('.js-plotly-plot'); return d._fullData.map("
                         "t => [t.name, t.lat ? t.lat.length : 0, t.mode]); }")
    assert info[0][0] == "other places" and info[0][1] >= 2, info
    assert info[1][1] == 1 and "text" in info[1][2], info
    assert page.get_by_text("Filtered to: Kherson").count() >= 1
    _shot(page, "map_selected")


def test_browser_sees_a_command_line_ingest_after_a_refresh(server, page, tmp_path):
    """Test that `ingest` runs while the dashboard serves the same store, and a refresh shows the new article."""
    base, db = server
    _open(page, base + "/?collection=", "Who said what, where")
    metric = page.get_by_test_id("stMetric").filter(has_text="Articles").first
    metric.wait_for()  # the metrics are drawn after the title: wait for them, not a fixed delay
    assert re.search(r"Articles\s+1\b", metric.inner_text()), metric.inner_text()
    doc = tmp_path / "ferry.txt"
    doc.write_text("Ferry service resumes\n\n“The ferries sail again from Friday,” said Tomas Lind, the harbour "
                   "master.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "components", "ingest", str(doc), "--collection", "cli"], cwd=ROOT,
                         env=dict(os.environ, NEWS_ATLAS_DB=str(db)), capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    _open(page, base + "/?collection=", "Who said what, where")
    metric = page.get_by_test_id("stMetric").filter(has_text="Articles").first
    metric.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stMetric\"]')]"
                           ".some(e => /Articles\\s+2\\b/.test(e.innerText))", timeout=60_000)
    _shot(page, "ingest-while-serving")
    assert re.search(r"Articles\s+2\b", metric.inner_text()), metric.inner_text()
