"""Tests of components.store.facts: the derived quote_facts table stays in step with the quotes on every write."""

from __future__ import annotations

import duckdb

from components.store import Store, facts

from tests.dashboard_data import hostile_extraction, seed_extraction

_DERIVED = ("id", "article_id", "speaker", "kind", "topics", "stance", "published", "collection", "speaker_country")


def _facts(store: Store) -> list[tuple]:
    return store.execute(f"SELECT {', '.join(_DERIVED)} FROM quote_facts ORDER BY id").fetchall()


def _expected(store: Store) -> list[tuple]:
    """quote_facts computed from scratch in SQL, independently of facts.py's statement."""
    return store.execute(
        """SELECT q.id, q.article_id, q.speaker, q.kind, q.topics,
                  (SELECT string_agg(st.topic || ': ' || st.polarity, '; ' ORDER BY st.topic) FROM stances st
                   WHERE st.article_id = q.article_id AND list_contains(st.evidence, q.id)),
                  a.published, a.collection,
                  (SELECT s.country FROM article_speakers s WHERE s.article_id = q.article_id AND s.name = q.speaker)
           FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id"""
    ).fetchall()


def test_facts_added_articles_are_derived_in_the_write():
    store = Store(":memory:")
    store.add_extractions([seed_extraction(), hostile_extraction()])
    rows = _facts(store)
    assert len(rows) == 5 and rows == _expected(store)
    assert any(r[5] for r in rows), "a seed quote is evidence of a stance"


def test_facts_replace_and_delete_keep_the_table_in_step():
    store = Store(":memory:")
    seed = seed_extraction()
    store.add_extractions([seed, hostile_extraction()])
    store.add_extractions([seed], replace=True)
    assert _facts(store) == _expected(store) and len(_facts(store)) == 5
    store.add_extractions([seed])  # skipped: already stored
    assert len(_facts(store)) == 5
    assert store.delete_article(seed.article.id)
    assert _facts(store) == _expected(store) and all(r[1] != seed.article.id for r in _facts(store))


def _older_store(path, sql: str) -> Store:
    """The seed extraction stored at ``path``, changed by ``sql`` as an older version wrote it, then opened."""
    store = Store(path)
    store.add_extractions([seed_extraction()])
    store.close()
    con = duckdb.connect(str(path))
    con.execute(sql)
    con.close()
    return Store(path)


def test_facts_rebuilt_on_open_when_out_of_step(tmp_path):
    store = _older_store(tmp_path / "s.duckdb", "DROP TABLE quote_facts")  # written before the table existed
    assert _facts(store) == _expected(store) and len(_facts(store)) == 4
    assert facts.ensure_facts(store.cursor()) is False  # in step: nothing to do
    store.close()


def test_facts_of_an_older_version_get_the_confidence_column_filled_on_open(tmp_path):
    # written before quote_facts had the column
    store = _older_store(tmp_path / "s.duckdb", "ALTER TABLE quote_facts DROP COLUMN confidence")
    got = store.execute("SELECT f.confidence FROM quote_facts f JOIN quotes q ON q.id = f.id ORDER BY q.id").fetchall()
    assert [c for (c,) in got] == [0.9, 0.55, 0.8, 0.7]  # each quote's own (tests/dashboard_data.py)
    assert facts.ensure_facts(store.cursor()) is False
    store.close()
