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


def test_cli_extract_plain_output_reads_as_text(tmp_path):
    """Test that extract without --json prints each record in words: no 'None' for a missing cue, speaker, place
    or bound; an open count reads 'at least N'."""
    art = tmp_path / "storm.txt"
    art.write_text("Storm in Leeds\n\nAt least four people were killed and 12 injured in Leeds on Monday. "
                   "\u201cThe river rose in an hour,\u201d she said.\n", encoding="utf-8")
    out = run("extract", str(art))
    assert out.returncode == 0, out.stderr
    assert "None" not in out.stdout
    assert "  casualty Leeds: killed at least 4, injured 12" in out.stdout.splitlines()
    assert "  [direct] speaker unknown (said): The river rose in an hour" in out.stdout.splitlines()


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


def _env(tmp_path):
    import os

    return dict(os.environ, NEWS_ATLAS_DB=str(tmp_path / "cli.duckdb"))


def test_cli_ingest_id_used_by_another_text_fails(tmp_path):
    """Test that a sidecar id already stored for a different text is a failure (exit 1), the stored one kept."""
    env = _env(tmp_path)
    (tmp_path / "a.txt").write_text("Strike on Kharkiv\n\nTwelve people were killed.", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("id: reuters-kharkiv-0310\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "b.txt").write_text("Interview\n\nMaia Sandu spoke to us.", encoding="utf-8")
    (tmp_path / "b" / "b.meta.yaml").write_text("id: reuters-kharkiv-0310\n", encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.txt"), env=env).returncode == 0
    out = run("ingest", str(tmp_path / "b" / "b.txt"), env=env)
    assert out.returncode == 1
    assert out.stdout.splitlines()[:2] == [
        "added 0 article(s) (no rows); skipped 0; failed 1",
        f"  FAILED {tmp_path / 'b' / 'b.txt'}: id 'reuters-kharkiv-0310' is already used by another stored article "
        "('Strike on Kharkiv'); nothing was changed: use --replace to overwrite it, or give this article another id",
    ]
    assert "store " in out.stdout and "articles 1," in out.stdout


def test_cli_ingest_folder_lists_unsupported_and_broken_links(tmp_path):
    env = _env(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nTalks resumed in Cairo.", encoding="utf-8")
    (folder / "scan.pdf").write_text("x")
    (folder / "link.txt").symlink_to("/nonexistent/file.txt")
    out = run("ingest", str(folder), env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("added 1 article(s) (1 articles")
    assert lines[0].endswith("; skipped 2; failed 0")
    assert lines[1:3] == [
        f"  skipped {folder / 'link.txt'}: broken symbolic link (its target /nonexistent/file.txt does not exist)",
        f"  skipped {folder / 'scan.pdf'}: unsupported file type '.pdf' (supported: .txt, .md, .html, .htm, .jsonl)",
    ]


def test_cli_ingest_empty_folder_and_empty_glob_exit_1(tmp_path):
    env = _env(tmp_path)
    (tmp_path / "empty").mkdir()
    for arg, reason in [(str(tmp_path / "empty"), "no article file (.txt, .md, .html, .htm, .jsonl) in this folder"),
                        (str(tmp_path / "*.xyz"), "the pattern matched no file")]:
        out = run("ingest", arg, env=env)
        assert out.returncode == 1
        assert ("error: nothing to ingest: no article file (.txt, .md, .html, .htm, .jsonl) found in the given paths "
                f"({arg})") in out.stderr
        assert out.stdout.splitlines()[:2] == ["added 0 article(s) (no rows); skipped 0; failed 1",
                                               f"  FAILED {arg}: {reason}"]


def test_cli_ingest_utf16_file(tmp_path):
    """Test that a UTF-16 file with a byte-order mark is ingested (it was rejected as binary)."""
    env = _env(tmp_path)
    p = tmp_path / "utf16.txt"
    p.write_bytes("Probe\n\nKHARKIV - Twelve people were killed, governor Oleh Syniehubov said.".encode("utf-16"))
    out = run("ingest", str(p), env=env)
    assert out.returncode == 0, out.stdout
    assert out.stdout.startswith("added 1 article(s)")


def test_cli_store_path_errors_are_clear_and_create_nothing(tmp_path, capsys, monkeypatch):
    """Test the store-path usage errors (exit 2, one clear line, nothing created): a named store in a
    folder that does not exist, a place where no lock file can be made, and --batch-size 0."""
    import pytest

    from components.cli import main

    monkeypatch.delenv("NEWS_ATLAS_DB", raising=False)
    doc = tmp_path / "a.txt"
    doc.write_text("Ferry resumes\n\nThe ferry to the island runs again, the operator said.", encoding="utf-8")
    missing = tmp_path / "no" / "such" / "atlas.duckdb"
    assert main(["ingest", str(doc), "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"the folder {missing.parent} does not exist" in err
    assert not (tmp_path / "no").exists()
    monkeypatch.setenv("NEWS_ATLAS_DB", str(missing))  # the same rule for the environment variable
    assert main(["build-default"]) == 2
    assert not (tmp_path / "no").exists()
    monkeypatch.delenv("NEWS_ATLAS_DB")
    capsys.readouterr()
    # a folder where no file can be made (Linux's /proc, even for root): before, filelock's retries
    # ended in a Timeout that was reported as "another ingest is writing"
    assert main(["ingest", str(doc), "--db", "/proc/atlas.duckdb"]) == 2
    err = capsys.readouterr().err
    assert "its lock file" in err and "cannot be created there" in err and "another ingest" not in err
    with pytest.raises(SystemExit) as stop:
        main(["ingest", str(doc), "--db", str(tmp_path / "atlas.duckdb"), "--batch-size", "0"])
    assert stop.value.code == 2 and "--batch-size: must be at least 1, got 0" in capsys.readouterr().err
    assert not (tmp_path / "atlas.duckdb").exists()


def test_cli_interrupt_is_one_line_and_exit_130(tmp_path, capsys, monkeypatch):
    """Test that Ctrl-C during a command prints one line (no traceback without --debug) and exits 130, and that
    the store written before is untouched (a store is replaced whole or not at all)."""
    from components import pipeline
    from components.cli import main

    monkeypatch.delenv("NEWS_ATLAS_DB", raising=False)
    doc = tmp_path / "a.txt"
    doc.write_text("Ferry resumes\n\nThe ferry to the island runs again, the operator said.", encoding="utf-8")
    db = tmp_path / "atlas.duckdb"
    assert main(["ingest", str(doc), "--db", str(db), "--workers", "1"]) == 0
    before = db.read_bytes()
    capsys.readouterr()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "process_articles", interrupted)
    doc2 = tmp_path / "b.txt"
    doc2.write_text("Bridge closes\n\nThe bridge closes for repairs, the council said.", encoding="utf-8")
    assert main(["ingest", str(doc2), "--db", str(db), "--workers", "1"]) == 130
    err = capsys.readouterr().err
    assert "error: interrupted; nothing stored before was lost" in err and "Traceback" not in err
    assert db.read_bytes() == before
