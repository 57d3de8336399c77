"""Reviewer corrections (components/store/corrections.py): stored apart, survive re-extraction, undone."""

from __future__ import annotations

import json

import pytest

from components.models import Article, Casualty, Extraction, Quote, Speaker
from components.store import Store
from components.store import queries as Q
from components.store.corrections import CorrectionError, add, corrections_table, undo
from components.store.filters import QueryFilters

TEXT = ('"The bridge will reopen in May," said Mayor Ilona Varga. Her deputy, Tomas Reyl, disagreed. '
        '"Not before June," Reyl said. Two people were killed in a fire in Velmora on Monday.')


def extraction(speaker_of_second="Ilona Varga"):
    q1s = TEXT.index("The bridge")
    q2s = TEXT.index("Not before")
    cs = TEXT.index("Two people")
    quotes = [
        Quote(id="r1:q1", text="The bridge will reopen in May", start=q1s, end=q1s + 29, kind="direct",
              speaker="Ilona Varga", speaker_type="person"),
        Quote(id="r1:q2", text="Not before June", start=q2s, end=q2s + 15, kind="direct",
              speaker=speaker_of_second, speaker_type="person"),
    ]
    cas = [Casualty(place="Velmora", lat=47.1, lon=33.2, date="2025-03-03", killed_min=2, killed_max=2, cause="fire",
                    start=cs, end=len(TEXT))]
    return Extraction(article=Article(id="r1", title="Bridge", url="https://example.org/r1", text=TEXT),
                      quotes=quotes, casualties=cas,
                      speakers=[Speaker(name="Ilona Varga", type="person"), Speaker(name="Tomas Reyl", type="person")])


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "c.duckdb")
    s.add_extractions([extraction()])
    return s


def speakers(store):
    return dict(store.execute("SELECT text, speaker FROM quote_facts").fetchall())


def test_corrections_survive_re_extraction_and_undo_restores(store):
    q2s = TEXT.index("Not before")
    fix = add(store, "quote", "r1", q2s, q2s + 15, "speaker", "Tomas Reyl", author="ed")
    q1s = TEXT.index("The bridge")
    wrong = add(store, "quote", "r1", q1s, q1s + 29, "wrong", author="ed")
    assert speakers(store) == {"Not before June": "Tomas Reyl"}
    store.add_extractions([extraction()], replace=True)  # the extractor makes the same mistakes again
    assert speakers(store) == {"Not before June": "Tomas Reyl"}
    assert Q.count_quotes(store, QueryFilters()) == 1
    assert undo(store, wrong, author="ed") and not undo(store, wrong)
    assert speakers(store) == {"Not before June": "Tomas Reyl", "The bridge will reopen in May": "Ilona Varga"}
    assert undo(store, fix)
    assert speakers(store)["Not before June"] == "Ilona Varga"
    table = corrections_table(store)
    assert list(table["action"]) == ["wrong", "speaker"]
    assert table["undone_at"].notna().all() and list(table["author"]) == ["ed", "ed"]
    assert json.loads(table.loc[table["action"] == "speaker", "before"].item()) == "Ilona Varga"
    assert table["url"].eq("https://example.org/r1").all()


def test_casualty_figure_and_place_fixes_reach_the_totals(store):
    cs = TEXT.index("Two people")
    add(store, "casualty", "r1", cs, len(TEXT), "killed", {"killed_min": 3, "killed_max": 3})
    add(store, "casualty", "r1", cs, len(TEXT), "place", {"place": "Velmora district"})
    store.add_extractions([extraction()], replace=True)
    assert Q.casualty_totals(store, QueryFilters())["killed"] == 3
    assert store.execute("SELECT place FROM casualties").fetchone()[0] == "Velmora district"


def test_bad_corrections_are_refused_and_change_nothing(store):
    with pytest.raises(CorrectionError, match="no quote"):
        add(store, "quote", "r1", 0, 3, "wrong")
    with pytest.raises(CorrectionError, match="unknown correction"):
        add(store, "quote", "r1", 0, 3, "killed", {"killed_min": 1})
    cs = TEXT.index("Two people")
    with pytest.raises(CorrectionError, match="min <= max"):
        add(store, "casualty", "r1", cs, len(TEXT), "killed", {"killed_min": 5, "killed_max": 2})
    assert corrections_table(store).empty and Q.casualty_totals(store, QueryFilters())["killed"] == 2


def canon(store):
    return dict(store.execute("SELECT name, canonical FROM speaker_identities").fetchall())


def test_speaker_merge_and_split_survive_re_extraction_and_undo(store):
    from components.store.corrections import speaker_review

    assert canon(store) == {"Ilona Varga": "Ilona Varga", "Tomas Reyl": "Tomas Reyl"}
    merge = speaker_review(store, "merge", "Tomas Reyl", into="Ilona Varga", author="ed")
    assert canon(store)["Tomas Reyl"] == "Ilona Varga"
    # the speaker filter follows the merged person
    assert Q.count_quotes(store, QueryFilters(speakers=("Ilona Varga",))) == 2
    store.add_extractions([extraction()], replace=True)  # re-extraction recomputes the table: merge kept
    assert canon(store)["Tomas Reyl"] == "Ilona Varga"
    split = speaker_review(store, "split", "Tomas Reyl", author="ed")
    assert canon(store)["Tomas Reyl"] == "Tomas Reyl"
    with pytest.raises(CorrectionError):
        speaker_review(store, "split", "Tomas Reyl")  # a person of its own already
    with pytest.raises(CorrectionError):
        speaker_review(store, "merge", "Nobody Known", into="Ilona Varga")
    with pytest.raises(CorrectionError):
        add(store, "speaker", "*", 0, 0, "merge", {"name": "Tomas Reyl", "into": "Ilona Varga"})
    assert undo(store, split)
    assert canon(store)["Tomas Reyl"] == "Ilona Varga"  # the merge alone is active again
    assert undo(store, merge)
    assert canon(store)["Tomas Reyl"] == "Tomas Reyl"
    table = corrections_table(store)
    assert list(table["record"]) == ["speaker", "speaker"] and list(table["article_id"]) == ["*", "*"]
    assert json.loads(table.loc[table["action"] == "merge", "after"].item()) == {"name": "Tomas Reyl",
                                                                                  "into": "Ilona Varga"}
