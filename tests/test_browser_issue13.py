"""Browser test of issue 13 ("explore like the tools people like"), every point at both window sizes.

One ``streamlit run dashboard.py`` for the module, on a store holding the seed (collection ``seed``, the
default selection) and three invented articles (stored under the embedded collection name
``isaf-afghanistan``, :data:`EXTRA_COLLECTION`, which the dashboard does not select at start, unlike a
collection made by ``ingest``: a trade deal, an earthquake, and a
blast without a named place whose article carries a Q/A transcript), dated apart from the seed, and one
local HTTP server for the *Add by URL* box. Each test runs at 1400x900 and at 390x844 (a phone: touch,
mobile viewport), saves a screenshot under pytest's temporary directory and checks the elements named by
the issue through DOM queries (Plotly's ``_fullData``/``_fullLayout`` for charts, the data grid's
accessible cells for tables). Debian's chromium only (``/usr/bin/chromium``), never a downloaded browser.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .test_browser import CHROMIUM, CHROMIUM_ARGS, dashboard_server

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"1400": dict(viewport={"width": 1400, "height": 900}),
         "390": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)"),
]

# Invented articles, each dated, none copied from the seed, a case or a dev set; under an embedded
# collection's name, so the first page hides them behind "N more articles in other collections"
EXTRA_COLLECTION = "isaf-afghanistan"
EXTRA = [
    {"id": "t13-trade", "title": "Portugal and Chile sign trade pact", "outlet": "Test Wire", "published": "2025-03-03",
     "text": "Portugal and Chile sign trade pact\n\nThe governments of Portugal and Chile concluded negotiations on "
             "a free trade agreement on Tuesday. \u201cTariffs on wine and copper will fall to zero within five "
             "years,\u201d said Lena Voss, the Portuguese trade minister. Exports between the two countries doubled "
             "over the past decade.\n"},
    {"id": "t13-quake", "title": "Earthquake shakes western Turkey", "outlet": "Test Wire", "published": "2025-03-10",
     "text": "Earthquake shakes western Turkey\n\nA magnitude 6.1 earthquake struck near Izmir on Monday, killing "
             "four people and injuring 30, officials said. \u201cSeveral old buildings collapsed in the centre of "
             "the town,\u201d said Deniz Arslan, the regional governor. Rescue teams searched the rubble through "
             "the night.\n"},
    {"id": "t13-blast", "title": "Bridge closed after blast", "outlet": "Test Wire", "published": "2025-03-20",
     "text": "Bridge closed after blast\n\nTwo people were killed and five were injured on Sunday when a gas "
             "cylinder exploded under a road bridge, the police said.\n\n**Q:** When will the bridge reopen?\n\n"
             "**A:** Not before the engineers have checked every pillar, the chief engineer said.\n\n"
             "\u201cWe expect to reopen it in May,\u201d said Mara Quell, the chief engineer.\n"},
]
EXTRA_SPAN = ("2025-03-03", "2025-03-20")
PAGE_HTML = ("<html><head><title>Harbour crane collapses</title></head><body><article><h1>Harbour crane collapses"
             "</h1><p>" + "A crane fell onto a cargo ship in the port of Gdansk on Friday morning, port officials "
             "said, and the quay was closed for the day. " * 4 + "</p><p>\u201cNobody was on the deck when it "
             "fell,\u201d said Ola Brandt, the harbour master.</p></article></body></html>")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A local HTTP server with a news page per window size (``/crane-390.html``); yields its base address."""
    root = tmp_path_factory.mktemp("site13")
    for size in SIZES:  # one page per window size (an article is stored once, by its text)
        (root / f"crane-{size}.html").write_text(PAGE_HTML.replace("Friday", f"Friday at pier {size}"), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """``streamlit run dashboard.py`` on the seed + invented store; yields ``(base_url, db_path)``."""
    from components.pipeline import ingest_paths, load_collections
    from components.store import Store

    tmp = tmp_path_factory.mktemp("browser13")
    db = tmp / "atlas.duckdb"
    extra = tmp / "extra.jsonl"
    extra.write_text("".join(json.dumps(a) + "\n" for a in EXTRA), encoding="utf-8")
    store = Store(db)
    seed = next(c for c in load_collections() if c["name"] == "seed")
    ingest_paths(seed["paths"], store, collection="seed")
    ingest_paths([extra], store, collection=EXTRA_COLLECTION)
    store.close()
    with dashboard_server(db, NEWS_ATLAS_FETCH_PRIVATE="1") as base:
        yield base, db


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """The directory of this module's screenshots (under pytest's temporary directory)."""
    return tmp_path_factory.mktemp("shots13")


@pytest.fixture(params=list(SIZES), ids=[f"{k}px" for k in SIZES])
def view(request, browser, shots):
    """A fresh browser context at one window size; yields ``(page, width, shot)`` where ``shot(name)`` saves
    a screenshot of the viewport under :func:`shots` and returns its path."""
    ctx = browser.new_context(**SIZES[request.param])
    page = ctx.new_page()
    page.set_default_timeout(60_000)

    def shot(name: str) -> Path:
        path = shots / f"{name}_{request.param}.png"
        page.screenshot(path=str(path))
        assert path.stat().st_size > 5000  # a drawn page, not a blank one
        return path

    yield page, int(request.param), shot
    ctx.close()


def _idle(page) -> None:
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
    page.wait_for_timeout(1200)


def _open(page, url: str, title: str) -> None:
    page.goto(url)
    page.locator("h1", has_text=title).first.wait_for()
    _idle(page)


def _grid_cells(page, nth: int = 0) -> list[list[str]]:
    """The rows of the ``nth`` data grid, from its accessible table (the grid itself is a canvas)."""
    grid = page.get_by_test_id("stDataFrame").nth(nth)
    grid.wait_for()
    grid.scroll_into_view_if_needed()
    grid.locator('[role="row"]').first.wait_for(state="attached")
    return grid.locator('[role="row"]').evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('[role=\"gridcell\"]')].map(c => (c.textContent || '').trim()))"
        ".filter(r => r.length)")


def _grid_records(page, nth: int = 0) -> list[dict[str, str]]:
    """The rows of the ``nth`` data grid as ``{column: text}`` over every column: the grid draws only the
    columns in view (a phone shows two or three), so it is scrolled sideways until all have been read."""
    grid = page.get_by_test_id("stDataFrame").nth(nth)
    grid.wait_for()
    grid.scroll_into_view_if_needed()
    grid.locator('[role="row"]').first.wait_for(state="attached")
    rows: dict[str, dict[str, str]] = {}
    for step in range(12):
        part = grid.evaluate("""g => {
            const heads = {};
            g.querySelectorAll('[role="columnheader"]').forEach(h => heads[h.getAttribute('aria-colindex')] =
                                                                         (h.textContent || '').trim());
            return [...g.querySelectorAll('[role="row"]')].map(r => [r.getAttribute('aria-rowindex'),
                Object.fromEntries([...r.querySelectorAll('[role="gridcell"]')].map(c =>
                    [heads[c.getAttribute('aria-colindex')], (c.textContent || '').trim()]))]);
        }""")
        for idx, cells in part:
            if cells:
                rows.setdefault(idx, {}).update(cells)
        done = grid.locator(".dvn-scroller").first.evaluate(
            "s => { const end = s.scrollLeft + s.clientWidth >= s.scrollWidth - 2; s.scrollLeft += s.clientWidth * 0.8;"
            " return end; }")
        if done:
            break
        page.wait_for_timeout(300)
    return [rows[k] for k in sorted(rows, key=lambda k: int(k or 0))]


def _headers(page, nth: int = 0) -> list[str]:
    grid = page.get_by_test_id("stDataFrame").nth(nth)
    return [h.strip() for h in grid.locator('[role="columnheader"]').evaluate_all(
        "els => els.map(e => e.textContent || '')") if h.strip()]


def _open_sidebar(page, width: int) -> None:
    """At phone width the sidebar starts collapsed: open it."""
    if width < 500:
        page.get_by_test_id("stExpandSidebarButton").click()
        page.get_by_test_id("stSidebar").get_by_text("Filters").first.wait_for()
        page.wait_for_timeout(600)


def _slider_span(page) -> tuple[str, str]:
    slider = page.get_by_test_id("stSlider").filter(has_text="Dates").first
    slider.wait_for()
    ends = [t.strip() for t in slider.get_by_test_id("stSliderTickBar").inner_text().split("\n") if t.strip()]
    return ends[0], ends[-1]


def _count(app, sql: str, params=()) -> int:
    """A count read from a copy of the store (the server holds the file)."""
    import duckdb

    db = app[1]
    copy = db.parent / "copy13.duckdb"
    copy.write_bytes(db.read_bytes())
    con = duckdb.connect(str(copy), read_only=True)
    try:
        return int(con.execute(sql, list(params)).fetchone()[0])
    finally:
        con.close()


# ------------------------------------------------------------------------------------------ point 1


def test_issue13_first_page_shows_the_seed_and_one_click_to_all_collections(app, view):
    """Test that the first page shows the seed's quotes, says how many articles the collection filter hides,
    and that one click shows every collection with its article count."""
    page, width, shot = view
    base, _ = app
    total = _count(app, "SELECT count(*) FROM articles")
    _open(page, base + "/", "Who said what, where")
    metric = page.get_by_test_id("stMetric").filter(has_text="Articles").first
    assert re.search(r"Articles\s+1\b", metric.inner_text()), metric.inner_text()
    assert "Volodymyr Zelenskyy" in page.content()  # the seed's speakers
    note = page.get_by_text(re.compile(rf"{total - 1} more articles in other collections")).first
    note.wait_for()
    shot("first_page")
    page.get_by_role("button", name="Show all collections").click()
    page.wait_for_function(f"() => [...document.querySelectorAll('[data-testid=\"stMetric\"]')]"
                           f".some(e => /Articles\\s+{total}\\b/.test(e.innerText))", timeout=60_000)
    assert re.search(r"[?&]collection=(&|$)", page.url), page.url  # all collections, in the address
    _idle(page)
    assert page.get_by_text("more articles in other collections").count() == 0
    shot("all_collections")
    _open(page, base + "/quotes", "Quotes")
    text = page.content()
    assert all(n in text for n in ("Volodymyr Zelenskyy", "Kaja Kallas")), "seed quotes missing"


# ------------------------------------------------------------------------------------------ point 2


def test_issue13_facet_counts_sorting_and_article_text_search(app, view):
    """Test sidebar options with their counts sorted by count, the table's sort control, and the search
    over article text (a word only in an article's text, not in its quotes)."""
    page, width, shot = view
    base, _ = app
    # sort the whole result by speaker, A to Z
    _open(page, base + "/quotes?collection=", "Quotes")
    page.get_by_test_id("stSelectbox").filter(has_text="Sort by").click()
    page.get_by_role("option", name="speaker", exact=True).click()
    _idle(page)
    desc = page.get_by_test_id("stCheckbox").filter(has_text="Descending").locator("input")
    if desc.is_checked():
        desc.click(force=True)
        _idle(page)
    headers = _headers(page)
    col = headers.index("speaker")
    speakers = [r[col] for r in _grid_cells(page) if len(r) > col and r[col]]
    assert len(speakers) >= 3 and speakers == sorted(speakers), speakers
    shot("sorted")
    # "rubble" is in the earthquake article's text, in none of its quotes
    _open(page, base + "/quotes?collection=&aq=rubble", "Quotes")
    page.get_by_text(re.compile(r"^1 quote\b")).first.wait_for()
    assert "Several old buildings collapsed" in " ".join(" ".join(r) for r in _grid_cells(page))
    shot("article_text_search")
    # the facets last: at phone width the sidebar, once opened, covers the page
    _open(page, base + "/quotes?collection=", "Quotes")
    _open_sidebar(page, width)
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Country")
    box.locator("input").click()
    page.get_by_role("option").first.wait_for()
    options = page.get_by_role("option").all_inner_texts()
    counts = [int(m.group(1)) for o in options if (m := re.search(r"\((\d+)\)$", o.strip()))]
    assert len(counts) == len(options) >= 5, options
    assert counts == sorted(counts, reverse=True), options
    assert any(re.fullmatch(r"UA · Ukraine \(\d+\)", o.strip()) for o in options), options
    shot("facets")


# ------------------------------------------------------------------------------------------ point 3


def test_issue13_date_slider_spans_the_selection_and_stays_in_the_url(app, view):
    """Test the Map's date slider: it spans the selected collection's dates (not the store's), a move
    writes ?from= to the URL, and the Casualties page opened on that URL keeps the range; the casualty
    chart has integer ticks and one legend entry for casualties without a resolved place; the map plays."""
    page, width, shot = view
    base, _ = app
    _open(page, base + "/map?collection=" + EXTRA_COLLECTION, "Map")
    assert _slider_span(page) == EXTRA_SPAN
    thumb = page.get_by_test_id("stSlider").filter(has_text="Dates").get_by_role("slider").first
    thumb.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"[?&]from=2025-03-0[4-9]"), timeout=30_000)
    _idle(page)
    shot("map_slider")
    # the play control over time
    page.locator("summary", has_text="Play over time").first.click()
    _idle(page)
    play = page.locator(".js-plotly-plot .updatemenu-button", has_text="Play")
    play.first.wait_for()
    steps = page.evaluate("() => { const g = [...document.querySelectorAll('.js-plotly-plot')].find(d => "
                          "d._fullLayout && d._fullLayout.sliders && d._fullLayout.sliders.length); "
                          "return g ? g._fullLayout.sliders[0].steps.length : -1; }")
    assert steps >= 1, steps
    shot("map_play")
    query = urllib.parse.urlparse(page.url).query
    chosen = urllib.parse.parse_qs(query)["from"][0]
    _open(page, f"{base}/casualties?{query}", "Casualties")
    assert _slider_span(page) == EXTRA_SPAN
    value = page.get_by_test_id("stSlider").filter(has_text="Dates").get_by_test_id("stSliderThumbValue")
    assert value.first.inner_text().strip() == chosen
    # the whole span again: the chart holds the blast (no place) and the earthquake (Izmir)
    _open(page, base + "/casualties?collection=" + EXTRA_COLLECTION, "Casualties")
    page.locator(".js-plotly-plot").first.wait_for()
    ticks = page.locator(".js-plotly-plot .ytick text").evaluate_all("els => els.map(e => e.textContent)")
    assert ticks and all(re.fullmatch(r"\d+", t) for t in ticks), ticks
    legend = page.locator(".js-plotly-plot .legend .legendtext").evaluate_all("els => els.map(e => e.textContent)")
    assert legend.count("place not resolved") == 1 and len(legend) == len(set(legend)), legend
    assert not {"unknown", "None", "nan"} & set(legend), legend
    shot("casualties_chart")


# ------------------------------------------------------------------------------------------ point 4


def test_issue13_selected_place_keeps_outline_label_and_grey_neighbours(app, view):
    """Test that a single selected place is drawn with its label, the grey places around it and the
    country outlines, and that the map fills the page's width (no blank band beside it)."""
    page, width, shot = view
    base, _ = app
    _open(page, base + "/map?collection=&place=Kherson", "Map")
    plot = page.locator(".js-plotly-plot").first
    plot.wait_for()
    page.wait_for_timeout(1000)
    info = page.evaluate("""() => { const d = document.querySelector('.js-plotly-plot');
        return {traces: d._fullData.map(t => [t.name, t.lat ? t.lat.length : 0, t.mode, t.marker.color,
                                                t.text ? [].concat(t.text) : []]),
                layers: (d._fullLayout.map.layers || []).filter(l => l.visible !== false && l.source).length}; }""")
    grey = [t for t in info["traces"] if t[0] == "other places"]
    assert grey and grey[0][1] >= 2 and grey[0][3] == "#9e9e9e", info["traces"]
    chosen = [t for t in info["traces"] if t[0] != "other places"]
    assert chosen[0][1] == 1 and "text" in chosen[0][2] and chosen[0][4] == ["Kherson"], info["traces"]
    assert info["layers"] >= 1  # the country outlines
    assert page.get_by_text(re.compile(r"^1 place\b")).count() >= 1
    # the map takes the main column's width: no blank band beside it (the colour key is under it)
    main = page.get_by_test_id("stMainBlockContainer").evaluate(
        "e => { const s = getComputedStyle(e); return e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }")
    box = plot.bounding_box()
    assert box["width"] >= main - 2, (box, main)
    shot("map_selected")


def test_issue13_stance_labels_clear_of_the_zero_line(app, view):
    """Test that no speaker · topic label of the Stance chart has the zero line through it, and that every
    label lies inside the figure."""
    page, width, shot = view
    base, _ = app
    _open(page, base + "/stance", "Stance")
    page.locator(".js-plotly-plot .annotation-text").first.wait_for()
    out = page.evaluate("""() => {
        const plot = document.querySelector('.js-plotly-plot'), box = plot.getBoundingClientRect();
        const lines = [...plot.querySelectorAll('.shapelayer path')].map(e => e.getBoundingClientRect());
        const hit = (a, b) => a.left <= b.right && b.left <= a.right && a.top < b.bottom && b.top < a.bottom;
        const labels = [...plot.querySelectorAll('.annotation')].map(e => [e.textContent, e.getBoundingClientRect()]);
        return {n: labels.length, lines: lines.length,
                crossed: labels.filter(([t, r]) => lines.some(l => hit(r, l))).map(([t]) => t),
                outside: labels.filter(([t, r]) => r.left < box.left - 1 || r.right > box.right + 1).map(([t]) => t)};
    }""")
    assert out["n"] >= 5 and out["lines"] == out["n"], out
    assert out["crossed"] == [] and out["outside"] == [], out
    shot("stance")


# ------------------------------------------------------------------------------------------ point 5


@pytest.mark.parametrize("topic, label, quote", [
    ("economy-trade", "Economy and trade", "Tariffs on wine and copper"),
    ("disasters-weather", "Disasters and weather", "Several old buildings collapsed"),
])
def test_issue13_topics_beyond_war(app, view, topic, label, quote):
    """Test that a trade article's and an earthquake report's quotes carry their topic in the table."""
    page, width, shot = view
    base, _ = app
    _open(page, f"{base}/quotes?collection=&topic={topic}", "Quotes")
    rows = _grid_records(page)
    hits = [r for r in rows if quote in r.get("quote", "")]
    assert len(hits) == 1 and label in hits[0]["topics"].split(", "), rows
    assert all(label in r["topics"].split(", ") for r in rows), rows  # the filter's rows all have it
    shot(f"topic_{topic}")


# ------------------------------------------------------------------------------------------ point 6


def test_issue13_add_by_url_fetches_a_page_from_a_local_server(app, view, site):
    """Test the Add by URL box: a page of the test's local HTTP server is fetched, extracted and listed."""
    page, width, shot = view
    base, _ = app
    url = f"{site}/crane-{width}.html"
    _open(page, base + "/articles", "Articles")
    page.locator("summary", has_text="Add by URL").first.click()
    box = page.get_by_role("textbox", name="Link", exact=True)
    box.fill(url)
    box.press("Enter")
    _idle(page)
    page.get_by_role("button", name="Fetch and add").click()
    try:
        page.get_by_text(re.compile(r"Added 1 article")).first.wait_for(timeout=120_000)
    finally:
        shot("add_by_url_report")
    _idle(page)
    shot("add_by_url")
    assert _count(app, "SELECT count(*) FROM articles WHERE url = ?", [url]) == 1
    assert _count(app, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                       "WHERE a.url = ? AND q.speaker = 'Ola Brandt'", [url]) == 1


# ------------------------------------------------------------------------------------------ point 7


def _no_missing_cells(rows: list[list[str]]) -> None:
    bad = [c for r in rows for c in r if c in ("None", "nan", "NaN", "<NA>", "NaT", "null")]
    assert not bad, bad


def test_issue13_phone_width_and_polish(app, view):
    """Test the quote text on screen without sideways scrolling, chart titles clear of the toolbars, no
    None/nan cell, plurals for one, and transcript turn labels drawn as labels."""
    page, width, shot = view
    base, _ = app
    _open(page, base + "/quotes?collection=", "Quotes")
    headers = _headers(page)
    assert headers[0] == "quote", headers
    _no_missing_cells(_grid_cells(page))
    page.get_by_text("Cards", exact=True).first.click()
    card = page.get_by_text(re.compile("Tariffs on wine and copper")).first
    card.wait_for()
    card.scroll_into_view_if_needed()
    cbox = card.bounding_box()
    assert cbox["x"] >= 0 and cbox["x"] + cbox["width"] <= width, cbox
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    body = page.inner_text("body")
    assert not re.search(r"\b(None|nan)\b", body)
    shot("quote_cards")
    # chart titles: no toolbar (Plotly's mode bar, Streamlit's element toolbar) over a title
    for name, path, title in (("overview", "/?collection=", "Who said what, where"),
                              ("casualties", "/casualties?collection=", "Casualties")):
        _open(page, base + path, title)
        page.locator(".js-plotly-plot .gtitle").first.wait_for()
        page.locator(".js-plotly-plot").first.hover()
        page.wait_for_timeout(500)
        clash = page.evaluate("""() => {
            const boxes = s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect())
                .filter(r => r.width > 0 && r.height > 0);
            const bars = boxes('.modebar-btn, [data-testid="stElementToolbarButton"]');
            const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            return [...document.querySelectorAll('.js-plotly-plot .gtitle')].filter(t => {
                const r = t.getBoundingClientRect(); return bars.some(b => hit(r, b)); }).map(t => t.textContent);
        }""")
        assert clash == [], (path, clash)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        shot("titles_" + name)
    _no_missing_cells(_grid_cells(page))  # the casualty table (blast: no place, no cause)
    # plurals: one event, one report; never "1 places" or "1 reports"
    _open(page, base + "/casualties?collection=" + EXTRA_COLLECTION + "&place=Izmir", "Casualties")
    body = page.inner_text("body")
    assert re.search(r"\(1 event in 1 report\)", body), body[:500]
    assert not re.search(r"\b1 (places|events|reports|quotes|articles|speakers)\b", body)
    # transcript turn labels in the reader
    _open(page, base + "/articles?collection=" + EXTRA_COLLECTION + "&article=t13-blast", "Articles")
    page.locator("strong.na-label").first.wait_for()
    assert page.locator("strong.na-label").first.inner_text() == "Q:"
    reader = page.inner_text("body")
    assert "Q:" in reader and "A:" in reader and "**" not in reader  # the answer's label lies in its quote mark
    assert "quotes · 1 speaker · 0 place mentions · 1 casualty report" in reader, reader[-800:]
    assert not re.search(r"\b1 (quotes|speakers|place mentions|casualty reports)\b", reader)
    page.locator("strong.na-label").first.scroll_into_view_if_needed()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    shot("reader_transcript")
