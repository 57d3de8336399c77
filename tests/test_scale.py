"""Distributed ingest into the Parquet tree, its commit protocol, and stale-extractor re-extraction."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from components.errors import StoreError
from components.models import Article, Extraction, Quote, Speaker
from components.scale import parquet
from components.store import Store, versions
from components.version import EXTRACTOR_VERSION, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
ISAF = ROOT / "data" / "collections" / "isaf-afghanistan.jsonl"
# The columns compared per store table: every column but the ingest timestamp, in a total order.
ORDER = {
    "articles": "id", "quotes": "id", "article_speakers": "article_id, name", "places": "article_id, idx",
    "casualties": "article_id, idx", "stances": "article_id, speaker, topic", "article_versions": "article_id",
}


def _extraction(aid: str, collection: str = "c1", published: str | None = "2024-03-05") -> Extraction:
    a = Article(id=aid, text="“We hold the bridge,” said Ilse Varga.", collection=collection, published=published)
    q = Quote(id=f"{aid}:q1", text="We hold the bridge", start=1, end=19, kind="direct", cue="said",
              speaker="Ilse Varga", speaker_type="person", topics=[])
    return Extraction(article=a, quotes=[q], speakers=[Speaker(name="Ilse Varga", aliases=["Varga"])])


def _columns(con, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(f'DESCRIBE "{table}"').fetchall()]


def test_write_batch_partitions_types_and_views(tmp_path):
    """Test that a batch lands in collection/month partitions with the store's columns and types."""
    counts = parquet.write_batch([_extraction("a1"), _extraction("a2", "c2", None)], tmp_path, parquet.new_batch_id())
    assert counts == {"articles": 2, "quotes": 2, "speakers": 2, "places": 0, "casualties": 0, "stances": 0,
                      "versions": 2}
    parts = sorted(p.relative_to(tmp_path).parent.as_posix() for p in (tmp_path / "quotes").rglob("*.parquet"))
    assert parts == ["quotes/collection=c1/month=2024-03", "quotes/collection=c2/month=__HIVE_DEFAULT_PARTITION__"]
    con = duckdb.connect()
    assert parquet.create_views(con, tmp_path) == ["articles", "quotes", "article_speakers", "article_versions"]
    store = Store(":memory:")
    for table in ("articles", "quotes", "article_speakers", "article_versions"):
        # the article number is internal to one store file (components/store/numbers.py): not in the tree
        store_cols = [c for c in _columns(store.cursor(), table) if c[0] != "article_no"]
        tree_cols = [c for c in _columns(con, table) if c[0] not in ("collection", "month")]
        assert tree_cols == [c for c in store_cols if c[0] != "collection"], table
    assert con.execute("SELECT id, collection, month FROM articles ORDER BY id").fetchall() == [
        ("a1", "c1", "2024-03"), ("a2", "c2", None)]
    assert con.execute("SELECT extractor_version, schema_version FROM article_versions LIMIT 1").fetchone() == (
        EXTRACTOR_VERSION, SCHEMA_VERSION)


def test_recover_removes_uncommitted_batches(tmp_path):
    """Test that files of a batch killed before its commit marker are removed, committed ones kept."""
    parquet.write_batch([_extraction("a1")], tmp_path, parquet.new_batch_id())
    killed = parquet.new_batch_id()
    parquet.write_batch([_extraction("a2")], tmp_path, killed)
    (tmp_path / parquet.COMMITTED / killed).unlink()  # as if killed between the moves and the marker
    (tmp_path / parquet.STAGING / "x").mkdir(parents=True)
    assert set(parquet.stored_ids(tmp_path)) == {"a1", "a2"}
    assert parquet.recover(tmp_path) == 4  # articles, quotes, speakers, versions of a2
    assert set(parquet.stored_ids(tmp_path)) == {"a1"}
    assert not (tmp_path / parquet.STAGING).exists()
    con = duckdb.connect()
    parquet.create_views(con, tmp_path)
    assert con.execute("SELECT article_id FROM quotes").fetchall() == [("a1",)]


def test_dask_ingest_refuses_a_locked_tree(tmp_path):
    """Test that a second ingest into a tree being written fails at once with a clear error."""
    from filelock import FileLock

    from components.scale.dask_ingest import dask_ingest

    with FileLock(str(tmp_path / parquet.LOCK_NAME)):
        with pytest.raises(StoreError, match="another ingest is writing"):
            dask_ingest([ISAF], tmp_path)


@pytest.mark.dask
def test_dask_local_cluster_rows_equal_single_process(tmp_path):
    """Test that 2 Dask workers write exactly the rows of a single-process ingest (120 articles, 2 shards),
    and that a second run adds nothing."""
    from components.pipeline import ingest_paths
    from components.scale.dask_ingest import dask_ingest

    lines = ISAF.read_text(encoding="utf-8").split("\n")[:120]  # not splitlines(): U+2028 is text
    shards = tmp_path / "in"
    shards.mkdir()
    (shards / "s1.jsonl").write_text("\n".join(lines[:70]) + "\n", encoding="utf-8")
    (shards / "s2.jsonl").write_text("\n".join(lines[70:]) + "\n", encoding="utf-8")
    store = Store(tmp_path / "single.duckdb")
    single = ingest_paths([shards], store, collection="isaf")
    assert len(single.added) == 120 and not single.failed

    out = tmp_path / "tree"
    report = dask_ingest([str(shards / "*.jsonl")], out, collection="isaf", n_workers=2, batch_size=16)
    assert sorted(report.added) == sorted(single.added) and not report.failed
    # 8 extraction tasks of 16, then one write per worker's share (under WRITE_SIZE articles each)
    assert 1 <= len(list((out / "_committed").iterdir())) <= 2
    con = duckdb.connect()
    parquet.create_views(con, out)
    totals = 0
    for table, order in ORDER.items():
        cols = ", ".join(f'"{c}"' for c, _ in _columns(store.cursor(), table) if c not in ("ingested_at", "article_no"))
        want = store.execute(f'SELECT {cols} FROM "{table}" ORDER BY {order}').fetchall()
        got = con.execute(f'SELECT {cols} FROM "{table}" ORDER BY {order}').fetchall()
        assert got == want, table
        totals += len(got)
    assert totals > 120 * 3  # articles, versions and the records of real extractions were compared
    months = {r[0] for r in con.execute("SELECT DISTINCT month FROM articles").fetchall()}
    assert len(months) > 5 and all(m is None or len(m) == 7 for m in months)

    again = dask_ingest([shards], out, collection="isaf")
    assert again.added == [] and len(again.skipped) == 120
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 120


def test_stale_articles_are_reextracted_and_kept(tmp_path):
    """Test that articles written by another extractor version are re-extracted from their stored text."""
    from components.upgrade import reextract_stale

    store = Store(tmp_path / "s.duckdb")
    text = "“The harbour stays closed until spring,” said Marta Olsen, the port director."
    store.add_extractions([Extraction(article=Article(id="old1", text=text, collection="mine", title="Harbour"))])
    assert versions.stale_articles(store.cursor()) == []
    store.execute("UPDATE article_versions SET extractor_version = 'older'")
    store.execute("INSERT INTO articles (id, collection, text) VALUES ('old2', 'mine', 'No quote here.')")
    assert versions.stale_articles(store.cursor()) == ["old1", "old2"]
    seen = []
    report = reextract_stale(store, progress=lambda done, total, label: seen.append((done, total)))
    assert sorted(report.added) == ["old1", "old2"] and sorted(report.replaced) == ["old1", "old2"]
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    assert versions.stale_articles(store.cursor()) == []
    assert store.execute("SELECT id, collection, title FROM articles ORDER BY id").fetchall() == [
        ("old1", "mine", "Harbour"), ("old2", "mine", None)]
    assert store.execute("SELECT speaker FROM quotes").fetchall() == [("Marta Olsen",)]
    assert reextract_stale(store) is None


def test_task_size_gives_every_worker_at_least_four_tasks():
    from components.scale.dask_ingest import task_size

    assert task_size(84, 2) == 11  # 8 tasks of 11 (the last 7)
    assert task_size(10_000, 8) == 16  # capped
    assert task_size(5, 4) == 1
    assert task_size(0, 2) == 1


def test_local_cluster_workers_keep_glibc_default_trimming():
    """Test that the workers of the package's LocalCluster run without Dask's MALLOC_TRIM_THRESHOLD_
    (which cost them a fifth more CPU per article) and keep one BLAS thread."""
    import os

    from distributed import Client

    from components.scale.dask_ingest import local_cluster

    cluster = local_cluster(1)
    try:
        with Client(cluster) as client:
            env = client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS")))
    finally:
        cluster.close()
    assert list(env.values()) == [(None, "1")]
    assert os.environ.get("MALLOC_TRIM_THRESHOLD_") is None  # the nanny did not set it here either


def test_extractor_fingerprint_covers_the_shared_text_utilities(tmp_path):
    """Test that the extractor version changes when a text utility the stages use (numbers, dates, words)
    changes: they decide the records as much as the stages do."""
    import shutil

    from components.version import _ROOT, extractor_fingerprint

    for rel in ("components/extract", "components/text"):
        shutil.copytree(_ROOT / rel, tmp_path / rel)
    before = extractor_fingerprint(tmp_path)
    words = tmp_path / "components/text/words.py"
    words.write_text(words.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert extractor_fingerprint(tmp_path) != before
