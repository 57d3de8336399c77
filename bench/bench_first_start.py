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
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
TARGET_S = 15.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_run(timeout: float = 180.0) -> tuple[float, float]:
    """One fresh start; returns ``(seconds from health to quotes visible, seconds from launch to health)``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "atlas.duckdb"
        port = _free_port()
        env = dict(os.environ, NEWS_ATLAS_DB=str(db), NEWS_ATLAS_MAP_STYLE="white-bg")
        launched = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            while True:
                try:
                    if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.1)
                if time.monotonic() - launched > timeout:
                    raise RuntimeError("the server did not come up")
            t0 = time.monotonic()
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM,
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(base + "/quotes", timeout=timeout * 1000)
                page.locator("blockquote").filter(has_text="—").first.wait_for(timeout=timeout * 1000)
                t1 = time.monotonic()
                browser.close()
            return t1 - t0, t0 - launched
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


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
