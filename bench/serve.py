"""Start the dashboard for a browser: ``streamlit run dashboard.py`` on a free port, used by the browser tests
and by ``bench/bench_first_start.py`` (one way of starting it, so both measure the same server).

Chromium is Debian's (``/usr/bin/chromium``), driven by Playwright; never ``playwright install``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def dashboard_server(db: Path, timeout: float = 90.0, poll: float = 0.5, **env_extra: str):
    """``streamlit run dashboard.py`` on a free port over the store ``db`` (white-bg map, plus ``env_extra``);
    yields its base URL once ``/_stcore/health`` answers (asked every ``poll`` seconds), stops it on exit.

    Raises:
        RuntimeError: the server did not answer within ``timeout`` seconds (its first output is in the message).
    """
    port = _free_port()
    env = dict(os.environ, NEWS_ATLAS_DB=str(db), NEWS_ATLAS_MAP_STYLE="white-bg", **env_extra)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(poll)
        else:
            raise RuntimeError("streamlit did not start: " + proc.stdout.read1(4000).decode(errors="replace"))
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


