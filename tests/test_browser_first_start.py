"""Browser test of the first start on a fresh store (issue 13, point 1), at 1400x900 and 390x844.

``streamlit run dashboard.py`` over a store path that does not exist yet, with the bundled collections of
``data/collections.yaml``: the first page must show the seed's quotes while the other collections are built
in the background, with one progress line for the whole build (articles done of the total, the rate and the
time left) that says more is coming, and whose total never changes while the build runs (it does not
restart per collection). The server is stopped before the build ends.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import SHARED
from .test_browser import CHROMIUM, CHROMIUM_ARGS, dashboard_server
from .test_browser_issue13 import SIZES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)"),
]

BUILD_LINE = re.compile(r"Building the bundled collections: ([\d,]+) of ([\d,]+) articles")


def _seed_speakers() -> set[str]:
    """The seed's speakers as its gold annotation names them (../shared/gold/seed.yaml)."""
    import yaml

    gold = yaml.safe_load((SHARED / "gold" / "seed.yaml").read_text(encoding="utf-8"))
    return {s["name"] for s in gold.get("speakers", []) if s.get("name")}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """The dashboard on a store that does not exist yet; yields its base URL."""
    db = tmp_path_factory.mktemp("fresh") / "atlas.duckdb"
    with dashboard_server(db) as base:
        yield base


@pytest.mark.parametrize("size", list(SIZES))
def test_first_start_shows_the_seed_and_one_progress_line_for_the_whole_build(fresh, size, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(**SIZES[size]).new_page()
        page.set_default_timeout(120_000)
        page.goto(fresh + "/")
        line = page.get_by_text(BUILD_LINE).first
        line.wait_for()
        first = BUILD_LINE.search(line.inner_text())
        assert "more is coming" in line.inner_text()
        speakers = _seed_speakers()
        page.wait_for_function(
            "names => names.some(n => document.body.innerText.includes(n))", arg=sorted(speakers), timeout=120_000)
        page.screenshot(path=str(tmp_path / f"first_start_{size}.png"))
        # the line keeps one total for the whole build while its count goes up (it never restarts)
        page.wait_for_function(
            "([pattern, done]) => { const m = document.body.innerText.match(new RegExp(pattern));"
            " return m && parseInt(m[1].replace(/,/g, '')) > done; }",
            arg=[BUILD_LINE.pattern, int(first.group(1).replace(",", ""))], timeout=180_000)
        later = BUILD_LINE.search(page.get_by_text(BUILD_LINE).first.inner_text())
        assert later.group(2) == first.group(2), (first.group(0), later.group(0))
        assert int(first.group(2).replace(",", "")) > 100  # the bundled collections, not the seed alone
        assert re.search(r"per second, about .+ left", page.get_by_text(BUILD_LINE).first.inner_text())
        if size == "390":
            assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
        browser.close()
