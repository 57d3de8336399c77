"""The store read while it is written: a reader in one process, writers swapping new files in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from components.errors import StoreError
from components.models import Article, Extraction
from components.store.swap import LOCK_SUFFIX, TMP_SUFFIX, SnapshotReader, file_version, write_session

ROOT = Path(__file__).resolve().parents[1]


def _article(aid: str) -> Extraction:
    return Extraction(article=Article(id=aid, text=f"Text of {aid}.", collection="c"))


def test_reader_keeps_its_snapshot_and_a_new_reader_sees_the_swap(tmp_path):
    """Test that a writer swaps a new file in while a reader is open, and the reader is never disturbed."""
    path = tmp_path / "atlas.duckdb"
    with write_session(path) as w:
        w.add_extractions([_article("a1")])
    reader = SnapshotReader(path)
    with write_session(path) as w:
        assert w.path == f"{path}{TMP_SUFFIX}"
        w.add_extractions([_article("a2")])
    assert reader.article_ids() == {"a1"} and reader.version != file_version(path)
    assert SnapshotReader(path).article_ids() == {"a1", "a2"}
    assert not Path(f"{path}{TMP_SUFFIX}").exists()


def test_failed_or_killed_session_leaves_the_store_intact(tmp_path):
    """Test that an error inside a session swaps nothing in, and a copy left by a killed run is discarded."""
    path = tmp_path / "atlas.duckdb"
    with write_session(path) as w:
        w.add_extractions([_article("a1")])
    before = file_version(path)
    with pytest.raises(RuntimeError):
        with write_session(path) as w:
            w.add_extractions([_article("a2")])
            raise RuntimeError("killed")
    assert file_version(path) == before
    Path(f"{path}{TMP_SUFFIX}").write_bytes(b"half a file")  # as a kill -9 would leave it
    with write_session(path) as w:
        assert w.article_ids() == {"a1"}
        w.add_extractions([_article("a3")])
    assert SnapshotReader(path).article_ids() == {"a1", "a3"}


def test_second_writer_fails_clearly(tmp_path):
    """Test that a session refuses to start while another holds the store's lock."""
    path = tmp_path / "atlas.duckdb"
    with FileLock(f"{path}{LOCK_SUFFIX}"):
        with pytest.raises(StoreError, match="another ingest is writing into"):
            with write_session(path):
                pass


def test_cli_ingest_while_a_reader_has_the_store_open(tmp_path):
    """Test that `ingest` from the command line writes while another process reads the store (as the
    dashboard does), and that a second ingest at the same time fails with a clear message."""
    path = tmp_path / "atlas.duckdb"
    with write_session(path) as w:
        w.add_extractions([_article("a1")])
    reader = SnapshotReader(path)  # this process plays the dashboard
    doc = tmp_path / "new.txt"
    doc.write_text("Harbour reopens\n\n“The harbour is open again,” said Nadia Perrin on Monday.\n", encoding="utf-8")
    env = dict(os.environ, NEWS_ATLAS_DB=str(path))
    out = subprocess.run([sys.executable, "-m", "components", "ingest", str(doc)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert reader.counts()["articles"] == 1  # the open snapshot is untouched
    fresh = SnapshotReader(path)
    assert fresh.counts()["articles"] == 2 and fresh.execute("SELECT speaker FROM quotes").fetchall() == [
        ("Nadia Perrin",)]
    with FileLock(f"{path}{LOCK_SUFFIX}"):
        out = subprocess.run([sys.executable, "-m", "components", "ingest", str(doc)], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and "another ingest is writing into" in out.stderr


def test_swap_store_in_a_folder_that_cannot_be_made_is_a_store_error(tmp_path):
    """A store path under a file (no folder can be made there) is a clear StoreError, not a crash."""
    import pytest

    from components.errors import StoreError
    from components.store.swap import write_session

    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open the store at"):
        with write_session(blocker / "sub" / "atlas.duckdb"):
            pass


def test_reader_memory_limit_from_the_environment(tmp_path, monkeypatch):
    """Test that the dashboard's reader limits DuckDB's memory (1 GB, or $NEWS_ATLAS_DUCKDB_MEMORY) and that a
    malformed size is a clear StoreError."""
    import pytest

    from components.errors import StoreError

    path = tmp_path / "atlas.duckdb"
    with write_session(path) as w:
        w.add_extractions([_article("a1")])
    monkeypatch.delenv("NEWS_ATLAS_DUCKDB_MEMORY", raising=False)
    setting = "SELECT current_setting('memory_limit')"
    assert SnapshotReader(path).execute(setting).fetchone()[0] == "953.6 MiB"  # 10^9 bytes
    monkeypatch.setenv("NEWS_ATLAS_DUCKDB_MEMORY", "512MB")
    reader = SnapshotReader(path)
    assert reader.execute(setting).fetchone()[0] == "488.2 MiB" and reader.article_ids() == {"a1"}
    monkeypatch.setenv("NEWS_ATLAS_DUCKDB_MEMORY", "plenty")
    with pytest.raises(StoreError, match="Memory must have a number"):
        SnapshotReader(path)
