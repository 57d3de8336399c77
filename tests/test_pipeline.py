"""Ingest into the store: ids reused for another text, duplicates within a run, the report."""

from __future__ import annotations

import pytest

from components.models import Article
from components.pipeline import IngestReport, ingest_articles, ingest_paths
from components.store import Store


@pytest.fixture
def store(tmp_path, nlp):
    s = Store(tmp_path / "p.duckdb")
    yield s
    s.close()


def _art(aid: str, text: str, path: str, title: str | None = None) -> Article:
    return Article(id=aid, title=title, text=text, source_path=path, collection="user")


def test_pipeline_id_used_by_another_text_fails_and_keeps_the_stored_article(store):
    first = ingest_articles([_art("kharkiv-1", "Strike on Kharkiv\n\nTwelve people were killed.", "a.txt",
                                  "Strike on Kharkiv")], store)
    assert first.added == ["kharkiv-1"]
    report = ingest_articles([_art("kharkiv-1", "Interview\n\nMaia Sandu spoke.", "b.txt")], store)
    assert (report.added, report.skipped) == ([], [])
    assert report.failed == [("b.txt", "id 'kharkiv-1' is already used by another stored article ('Strike on "
                                       "Kharkiv'); nothing was changed: use --replace to overwrite it, or give "
                                       "this article another id")]
    text = store.execute("SELECT text FROM articles WHERE id = 'kharkiv-1'").fetchone()[0]
    assert text == "Strike on Kharkiv\n\nTwelve people were killed."


def test_pipeline_same_text_same_id_is_already_stored(store):
    ingest_articles([_art("x1", "Talks\n\nTalks resumed.", "a.txt")], store)
    report = ingest_articles([_art("x1", "Talks\n\nTalks resumed.", "again.txt")], store)
    assert (report.added, report.skipped, report.failed) == ([], [("again.txt", "already stored")], [])


def test_pipeline_text_stored_repaired_by_an_older_version_is_the_same_article(store):
    """Test that a store written when ingest kept the repaired text (mojibake fixed) takes the same file,
    now kept as supplied, as already stored, not as another text under the same id."""
    ingest_articles([_art("x2", "Caf\u00e9 reopens\n\nThe caf\u00e9 reopened.", "a.txt")], store)
    report = ingest_articles([_art("x2", "Caf\u00c3\u00a9 reopens\n\nThe caf\u00c3\u00a9 reopened.", "again.txt")], store)
    assert (report.added, report.skipped, report.failed) == ([], [("again.txt", "already stored")], [])


def test_pipeline_replace_overwrites_a_reused_id(store):
    ingest_articles([_art("x1", "Talks\n\nTalks resumed.", "a.txt")], store)
    report = ingest_articles([_art("x1", "Other\n\nAnother text.", "b.txt")], store, replace=True)
    assert (report.added, report.failed) == (["x1"], [])
    assert store.execute("SELECT text FROM articles WHERE id = 'x1'").fetchone()[0] == "Other\n\nAnother text."


def test_pipeline_replace_reports_the_replaced_ids(store):
    ingest_articles([_art("x1", "Talks\n\nTalks resumed.", "a.txt")], store)
    report = ingest_articles([_art("x1", "Talks\n\nTalks resumed.", "a.txt"),
                              _art("x2", "Other\n\nAnother text.", "b.txt")], store, replace=True)
    assert (report.added, report.replaced, report.skipped) == (["x1", "x2"], ["x1"], [])
    assert report.summary().startswith("added 2 article(s) (")
    assert ", 1 of them replacing the stored version; skipped 0; failed 0" in report.summary()


def test_pipeline_replace_into_another_collection_says_the_move(store):
    """Test that replacing an article under another collection is a warning naming both collections, and that
    a replace within the same collection warns nothing."""
    ingest_articles([_art("x1", "Talks\n\nTalks resumed.", "a.txt")], store)
    moved = _art("x1", "Talks\n\nTalks resumed.", "a.txt").model_copy(update={"collection": "desk"})
    report = ingest_articles([moved], store, replace=True)
    assert report.warnings == [("a.txt", "replaced; moved from collection 'user' to 'desk'")]
    assert store.execute("SELECT collection FROM articles WHERE id = 'x1'").fetchone()[0] == "desk"
    again = ingest_articles([moved], store, replace=True)
    assert (again.replaced, again.warnings) == (["x1"], [])
    # without replace, the same text under a third collection is skipped, naming where it is stored
    elsewhere = moved.model_copy(update={"collection": "inbox"})
    assert ingest_articles([elsewhere], store).skipped == [("a.txt", "already stored (in collection 'desk')")]


def test_pipeline_id_clash_message_takes_the_caller_s_replace_hint(store):
    """Test that the dashboard can word the way to overwrite a stored article (no command-line option)."""
    ingest_articles([_art("x1", "Talks\n\nTalks resumed.", "a.txt", "Talks")], store)
    report = ingest_articles([_art("x1", "Other\n\nAnother text.", "b.txt")], store,
                             replace_hint="tick 'Replace articles already stored' to overwrite it")
    assert report.failed == [("b.txt", "id 'x1' is already used by another stored article ('Talks'); nothing was "
                                       "changed: tick 'Replace articles already stored' to overwrite it, or give "
                                       "this article another id")]


def test_pipeline_duplicate_ids_within_one_run(store):
    report = ingest_articles([
        _art("d1", "Talks\n\nTalks resumed.", "a.txt"),
        _art("d1", "Talks\n\nTalks resumed.", "copy.txt"),
        _art("d1", "Other\n\nAnother text.", "other.txt"),
    ], store)
    assert report.added == ["d1"]
    assert report.skipped == [("copy.txt", "same article as a.txt")]
    assert report.failed == [("other.txt", "id 'd1' is also used by a.txt for a different text; give one of them "
                                           "another id")]


def test_pipeline_folder_report_lists_skipped_files_and_warnings(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nTalks resumed.", encoding="utf-8")
    (folder / "a.meta.yaml").write_text("published: 2024\n", encoding="utf-8")
    (folder / "notes.pdf").write_text("x")
    report = ingest_paths([str(folder)], store)
    assert report.files == 1 and len(report.added) == 1 and report.failed == []
    assert report.skipped == [(str(folder / "notes.pdf"),
                               "unsupported file type '.pdf' (supported: .txt, .md, .html, .htm, .jsonl)")]
    assert report.warnings == [(str(folder / "a.txt"), "published '2024' is not a full date (no day); stored "
                                                       "without a date (write it as YYYY-MM-DD to set one)")]
    lines = report.summary().splitlines()
    assert lines[0].endswith("; skipped 1; failed 0; warnings 1")
    assert lines[1:] == [
        f"  skipped {folder / 'notes.pdf'}: unsupported file type '.pdf' (supported: .txt, .md, .html, .htm, .jsonl)",
        f"  warning {folder / 'a.txt'}: published '2024' is not a full date (no day); stored without a date "
        "(write it as YYYY-MM-DD to set one)",
    ]


def test_pipeline_empty_report_summary():
    assert IngestReport().summary() == "added 0 article(s) (no rows); skipped 0; failed 0"


def test_pipeline_skipped_article_drops_its_reading_warnings(store, tmp_path):
    """A JSON Lines line skipped as already stored says so once, without the date warning its reading gave
    (the warning concerns an article left as stored); a new line keeps its warning."""
    import json

    from components.pipeline import ingest_paths

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "w1", "text": "Rain in Lamu\n\nRain hit Lamu on Monday.", "published": "2024"}) + "\n",
                    encoding="utf-8")
    first = ingest_paths([feed], store, article_timeout=0)
    assert [w[0] for w in first.warnings] == [f"{feed}:1"]
    feed.write_text(feed.read_text(encoding="utf-8")
                    + json.dumps({"id": "w2", "text": "Wind in Malindi\n\nWind hit Malindi on Monday.", "published": "2024"}) + "\n", encoding="utf-8")
    second = ingest_paths([feed], store, article_timeout=0)
    assert second.skipped == [(f"{feed}:1", "already stored")]
    assert [w[0] for w in second.warnings] == [f"{feed}:2"]


def test_pipeline_summary_groups_a_reason_many_inputs_share():
    """A re-run that finds 10 articles already stored says so in one line (the first three named), so a failure or a
    single skipped file is not buried; three or fewer are listed one by one."""
    report = IngestReport(skipped=[(f"f{i}.txt", "already stored") for i in range(10)] + [("x.pdf", "unsupported file type")],
                          failed=[("bad.txt", "not UTF-8")])
    assert report.summary().splitlines()[1:] == [
        "  skipped 10 already stored: f0.txt, f1.txt, f2.txt and 7 more",
        "  skipped x.pdf: unsupported file type",
        "  FAILED bad.txt: not UTF-8",
    ]
    few = IngestReport(skipped=[(f"f{i}.txt", "already stored") for i in range(3)])
    assert few.summary().splitlines()[1:] == [f"  skipped f{i}.txt: already stored" for i in range(3)]
