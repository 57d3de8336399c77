"""The command line, run as users run it (``python -m components``) in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT

SEED = ROOT / "data" / "articles" / "000_d227dde8fd7d9ec0.txt"
CONTRACT = {
    "article": {"id", "title", "published", "outlet", "source_path", "text"},
    "quotes": {"id", "text", "start", "end", "kind", "cue", "speaker", "speaker_type", "mention", "mention_start",
               "mention_end", "audience", "topics"},
    "speakers": {"name", "aliases", "type", "role", "org", "country"},
    "places": {"name", "start", "end", "kind", "country", "admin1", "lat", "lon", "geonameid"},
    "casualties": {"place", "country", "lat", "lon", "date", "killed_min", "killed_max", "injured_min", "injured_max",
                   "missing_min", "missing_max", "cause", "actor", "start", "end"},
    "stances": {"speaker", "topic", "polarity", "score", "evidence", "cues"},
}


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "components", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_cli_extract_json_contract(tmp_path):
    """Test that extract --json prints one object per article with the public key names."""
    second = tmp_path / "short.txt"
    second.write_text("Talks resume\n“We are ready,” said Ana Diaz.", encoding="utf-8")
    out = run("extract", str(SEED), str(second), "--json")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 2
    for obj in lines:
        assert set(obj) == set(CONTRACT)
        assert CONTRACT["article"] <= set(obj["article"])
        for key in ("quotes", "speakers", "places", "casualties", "stances"):
            for rec in obj[key]:
                assert CONTRACT[key] <= set(rec), key
        for q in obj["quotes"]:
            assert 0 <= q["start"] < q["end"] <= len(obj["article"]["text"])
    assert lines[0]["article"]["title"] == "Zelenskyy Pushes for NATO Membership as Russian Attacks Persist"


def test_cli_ingest_summary_and_idempotence(tmp_path):
    import os

    env = dict(os.environ, NEWS_ATLAS_DB=str(tmp_path / "cli.duckdb"))
    bad = tmp_path / "bad.pdf"
    bad.write_text("x")
    first = run("ingest", str(SEED), str(bad), env=env)
    assert first.returncode == 1  # one input failed
    assert "added 1 article(s)" in first.stdout
    assert "FAILED" in first.stdout and "unsupported file type '.pdf'" in first.stdout
    second = run("ingest", str(SEED), env=env)
    assert second.returncode == 0
    assert "added 0 article(s)" in second.stdout and "already stored" in second.stdout
    assert "articles 1" in second.stdout


def test_cli_usage_error_exit_code():
    out = run("ingest")
    assert out.returncode == 2 and "paths" in out.stderr
