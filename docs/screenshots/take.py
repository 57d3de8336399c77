"""Screenshots of each dashboard page for the README (``docs/screenshots/*.png``).

Serves ``dashboard.py`` on a free port over a store built from the default data (give its path; build it with
``python -m components build-default --db PATH``), opens each page with every collection selected
(``?collection=``) in Debian's headless chromium driven by Playwright at 1400x900 (never a downloaded
browser), waits for the page to settle and saves a PNG of the viewport, palette-quantised with Pillow to keep
it small.

Usage: ``.venv/bin/python docs/screenshots/take.py STORE.duckdb [PAGE...]`` (needs /usr/bin/chromium); the Map
page also gives ``map-playback.png`` (its *Play over time* section opened).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
# page file -> (URL path with its query, what to open or wait for)
PAGES = {
    "overview": "/?collection=",
    "quotes": "/quotes?collection=",
    "map": "/map?collection=",
    "stance": "/stance?collection=",
    "casualties": "/casualties?collection=",
    "articles": "/articles?collection=",
    "review": "/review?collection=",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _small_png(path: Path) -> None:
    """Rewrite ``path`` as a 256-colour palette PNG (Pillow), several times smaller than the RGB capture."""
    from PIL import Image

    img = Image.open(path).convert("RGB")
    img.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(path, optimize=True)


def _settle(page) -> None:
    """Wait until the script run is over and no chart placeholder (Streamlit's skeleton) is left."""
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
    page.wait_for_function("!document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=120_000)
    page.wait_for_timeout(2500)


def _save(page, name: str) -> None:
    shot = OUT / f"{name}.png"
    page.screenshot(path=str(shot))
    _small_png(shot)
    print(f"{shot.relative_to(ROOT)}  {shot.stat().st_size // 1024} KB")


def main(db: str, names: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = dict(os.environ, NEWS_ATLAS_DB=str(Path(db).resolve()), NEWS_ATLAS_MAP_STYLE="white-bg")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            for name, path in PAGES.items():
                if names and name not in names:
                    continue
                page.goto(base + path, timeout=120_000)
                page.locator("h1").first.wait_for(timeout=120_000)
                _settle(page)
                _save(page, name)
                if name == "map":  # the playback below the map, opened
                    summary = page.locator("summary", has_text="Play over time").first
                    summary.click()
                    _settle(page)
                    summary.evaluate("e => e.scrollIntoView({block: 'start'})")
                    page.wait_for_timeout(1500)
                    _save(page, "map-playback")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
