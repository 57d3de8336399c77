"""The DuckDB store and the ingest pipeline, on real in-memory/temporary databases."""

from __future__ import annotations

import pytest

from components.errors import StoreError
from components.models import Article, Extraction, Quote, Speaker
from components.pipeline import ensure_default_store, ingest_paths, load_collections
from components.store import Store


def _extraction(aid: str, quote_ids=("q1",)) -> Extraction:
    a = Article(id=aid, text="“We stay,” said Ana Diaz.", collection="test", published="2024-01-02")
    quotes = [
        Quote(id=f"{aid}:{qid}", text="We stay", start=1, end=8, kind="direct", cue="said", speaker="Ana Diaz",
              speaker_type="person", topics=["peace-talks"])
        for qid in quote_ids
    ]
    return Extraction(article=a, quotes=quotes, speakers=[Speaker(name="Ana Diaz", aliases=["Diaz"], country="ES")])


def test_store_add_is_idempotent():
    store = Store(":memory:")
    first = store.add_extractions([_extraction("a1")])
    again = store.add_extractions([_extraction("a1")])
    assert first.added == ["a1"] and first.counts["quotes"] == 1
    assert again.added == [] and again.skipped == [("a1", "already stored")]
    assert store.counts()["quotes"] == 1
    row = store.execute("SELECT quotes.text, topics, published FROM quotes JOIN articles ON articles.id = article_id").fetchone()
    assert row[0] == "We stay" and row[1] == ["peace-talks"] and str(row[2]) == "2024-01-02"


def test_store_failed_batch_rolls_back_and_keeps_old_rows():
    """Test that a batch with a bad record writes nothing and earlier articles survive."""
    store = Store(":memory:")
    store.add_extractions([_extraction("a1")])
    with pytest.raises(StoreError, match="rolled back"):
        # duplicate quote id within one article violates the primary key
        store.add_extractions([_extraction("a2"), _extraction("a3", quote_ids=("q1", "q1"))])
    assert store.article_ids() == {"a1"}
    assert store.counts()["quotes"] == 1


def test_store_replace_rewrites_rows():
    store = Store(":memory:")
    store.add_extractions([_extraction("a1", quote_ids=("q1", "q2"))])
    res = store.add_extractions([_extraction("a1")], replace=True)
    assert res.added == ["a1"]
    assert store.counts()["quotes"] == 1


def test_store_speakers_view_merges_across_articles():
    store = Store(":memory:")
    store.add_extractions([_extraction("a1"), _extraction("a2")])
    name, aliases, country, n = store.execute("SELECT name, aliases, country, n_articles FROM speakers").fetchone()
    assert (name, aliases, country, n) == ("Ana Diaz", ["Diaz"], "ES", 2)


def test_store_delete_article():
    store = Store(":memory:")
    store.add_extractions([_extraction("a1")])
    assert store.delete_article("a1") is True
    assert store.counts()["quotes"] == 0 and store.delete_article("a1") is False


def test_store_unopenable_file_clear_error(tmp_path):
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(bad)


def test_pipeline_bad_file_reported_good_file_stored(tmp_path):
    (tmp_path / "good.txt").write_text("Flood talks\n“We will rebuild,” said Mayor Ana Diaz on Monday.\n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{oops\n{"id": "ok-line", "text": "Second line is fine."}\n', encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    report = ingest_paths([tmp_path], store, collection="mine")
    assert len(report.added) == 2  # good.txt and the good line of bad.jsonl
    assert [f.rsplit("/", 1)[-1] for f, _ in report.failed] == ["bad.jsonl:1"]
    assert "not valid JSON" in report.failed[0][1]
    assert store.execute("SELECT collection, title FROM articles ORDER BY title").fetchall() == [
        ("mine", "Flood talks"), ("mine", "Second line is fine.")]
    again = ingest_paths([tmp_path / "good.txt"], store)
    # ingested again without naming the collection: skipped, saying where it is stored
    assert again.added == [] and again.skipped[0][1] == "already stored (in collection 'mine')"


def test_pipeline_collections_manifest_lists_defaults():
    cols = load_collections()
    assert [c["name"] for c in cols] == ["seed", "wikinews-outbreaks", "isaf-afghanistan"]
    assert [c["default"] for c in cols] == [True, False, False]
    assert all(p.exists() for c in cols for p in c["paths"])


def test_pipeline_ensure_default_store_builds_once(tmp_path):
    """Test that only missing collections are ingested (here: a manifest with the seed only)."""
    manifest = tmp_path / "collections.yaml"
    manifest.write_text(
        "- {name: seed, paths: [" + str(load_collections()[0]["paths"][0]) + "], default: true}\n", encoding="utf-8"
    )
    store = Store(tmp_path / "s.duckdb")
    report = ensure_default_store(store, manifest=manifest)
    assert len(report.added) == 1 and report.failed == []
    assert ensure_default_store(store, manifest=manifest) is None
    assert store.execute("SELECT collection FROM articles").fetchall() == [("seed",)]


def test_pipeline_replace_keeps_stored_collection_unless_asked(tmp_path):
    """Test that --replace without --collection re-extracts in place, and with one moves the article."""
    f = tmp_path / "a.txt"
    f.write_text("Talks\n“We stay,” said Ana Diaz.", encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    ingest_paths([f], store, collection="odd")
    again = ingest_paths([f], store, replace=True)
    assert len(again.added) == 1
    assert store.execute("SELECT collection FROM articles").fetchall() == [("odd",)]
    ingest_paths([f], store, collection="moved", replace=True)
    assert store.execute("SELECT collection FROM articles").fetchall() == [("moved",)]
