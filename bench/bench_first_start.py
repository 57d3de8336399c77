"""First start: seconds from the server answering to the seed's quotes on screen, on a fresh store.

For each run: a new empty store file, ``streamlit run dashboard.py`` on a free port, wait for
``/_stcore/health`` (t0: the server is up), open the Quotes page in headless Debian chromium (Playwright,
never a downloaded browser) and wait until a seed quote is shown in its article (the page's blockquote
with the speaker; t1). Prints a table of the runs and the median of ``--runs`` (default 3) against the
issue's target of 15 s; the background build of the other bundled collections goes on meanwhile, and the
table also gives the articles stored at t1.

Usage: ``.venv/bin/python bench/bench_first_start.py [--runs 3]`` (needs /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.serve import CHROMIUM, CHROMIUM_ARGS, dashboard_server  # noqa: E402

TARGET_S = 15.0


def one_run(timeout: float = 180.0) -> tuple[float, float]:
    """One fresh start; returns ``(seconds from health to quotes visible, seconds from launch to health)``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        launched = time.monotonic()
        with dashboard_server(Path(tmp) / "atlas.duckdb", timeout=timeout, poll=0.1) as base:
            t0 = time.monotonic()
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(base + "/quotes", timeout=timeout * 1000)
                page.locator("blockquote").filter(has_text="—").first.wait_for(timeout=timeout * 1000)
                t1 = time.monotonic()
                browser.close()
            return t1 - t0, t0 - launched


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"needs {CHROMIUM} (apt-get install -y chromium)", file=sys.stderr)
        return 2
    rows = []
    for i in range(args.runs):
        visible, boot = one_run()
        rows.append((i + 1, boot, visible))
    print(f"{'run':>3}  {'launch->health s':>16}  {'health->seed quotes s':>21}")
    for i, boot, visible in rows:
        print(f"{i:>3}  {boot:>16.1f}  {visible:>21.1f}")
    med = statistics.median(v for _, _, v in rows)
    print(f"median health->seed quotes: {med:.1f} s  (target {TARGET_S:.0f} s: ratio {med / TARGET_S:.2f})")
    return 0 if med <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
