"""AppTest of the correction controls in the views (components/ui/correct.py): mark a quote wrong on the
Quotes page, fix a speaker in the reader, fix a casualty figure on the Casualties page, merge two speakers
from a speaker's card; the confidence columns and "Least confident first".

Each test checks the stored correction row (read through a SnapshotReader: the app under test has the
file attached in this process) and that the view shows the corrected value after the rerun.
"""

from __future__ import annotations

import json

from components.store.swap import SnapshotReader
from components.ui.correct import widget_key
from components.ui.highlight import escape_markdown

from .test_dashboard_apptest import _app, _goto, _rows, db, seed_db  # noqa: F401 - fixtures


def _read(db, sql: str, params=()):
    s = SnapshotReader(db)
    try:
        return s.execute(sql, list(params)).fetchall()
    finally:
        s.close()


def _corrections(db):
    return _read(db, 'SELECT author, record, article_id, "start", "end", action, before, after, undone_at '
                     "FROM corrections ORDER BY id")


def _ok(at):
    assert not at.exception, [e.value for e in at.exception]


def _click(at, db, key: str):
    """Click the button ``key``, rerun, check the page raised nothing; the newest correction row."""
    at.button(key=key).click()
    at.run()
    _ok(at)
    return _corrections(db)[-1]


def _attributed(db):
    """(id, text, speaker, article_id, start, end) of the store's attributed quotes, in text order."""
    return _read(db, 'SELECT id, text, speaker, article_id, "start", "end" FROM quotes WHERE speaker IS NOT NULL '
                     'ORDER BY article_id, "start"')


def test_quotes_page_marks_the_shown_quote_wrong_and_undoes_it(db):
    qid, text, _, aid, start, end = _attributed(db)[0]
    at = _goto(_app({"quote": qid}), "quotes")
    assert text in list(_rows(at, "quotes_table")["quote"])
    at.text_input(key="quotes_fix_author").input("tester")
    at.run()
    at.button(key=widget_key("quotes_fix", "quote_wrong", aid, start, end)).click()
    at.run()
    _ok(at)
    (author, record, raid, rs, re_, action, before, after, undone), = _corrections(db)
    assert (author, record, raid, rs, re_, action, after, undone) == ("tester", "quote", aid, start, end, "wrong",
                                                                      "null", None)
    assert json.loads(before)["text"] == text
    assert [s.value for s in at.success] == ["The quote is marked wrong and hidden everywhere."]
    assert text not in list(_rows(at, "quotes_table")["quote"])  # the table after the rerun
    # the address still names the hidden quote: no other quote is shown (nor offered for correction) in its place
    assert any(qid in w.value.replace("\\", "") and "marked wrong" in w.value for w in at.warning)
    assert "quote_pick" not in [s.key for s in at.selectbox]
    # the notice's Undo puts it back
    at.button(key="quotes_undo_last").click()
    at.run()
    _ok(at)
    assert _corrections(db)[0][-1] is not None  # undone_at set
    assert text in list(_rows(at, "quotes_table")["quote"])


def test_reader_fixes_a_speaker_with_a_typed_name_shown_escaped(db):
    rows = _read(db, 'SELECT id, speaker, article_id, "start", "end" FROM quotes ORDER BY article_id, "start"')
    i = next(k for k, r in enumerate(rows) if r[1] == "Jake Sullivan")
    _, old, aid, start, end = rows[i]
    at = _goto(_app({"article": aid}), "articles")
    at.selectbox(key=widget_key("art_fix", "quote_pick", aid)).select_index(i)
    at.run()
    pick = at.selectbox(key=widget_key("art_fix", "pick", aid, start, end))
    assert pick.value == "Jake Sullivan"  # the quote's speaker is the default
    assert at.button(key=widget_key("art_fix", "fix_speaker", aid, start, end)).disabled  # nothing changed yet
    pick.select("(type a name)")
    at.run()
    name = "Ada <b>Invented</b> *Lovelace*"
    at.text_input(key=widget_key("art_fix", "typed", aid, start, end)).input(name)
    at.run()
    rec = _click(at, db, widget_key("art_fix", "fix_speaker", aid, start, end))
    assert rec[1:8] == ("quote", aid, start, end, "speaker", json.dumps(old), json.dumps(name))
    assert _read(db, 'SELECT speaker FROM quotes WHERE article_id = ? AND "start" = ?', [aid, start]) == [(name,)]
    assert [s.value for s in at.success] == [f"Speaker set to {escape_markdown(name)}."]
    # the reader shows the new speaker, escaped (never as HTML)
    assert f"speaker: {escape_markdown(name)} · confidence: " in " ".join(c.value for c in at.caption)
    assert name in at.selectbox(key=widget_key("art_fix", "quote_pick", aid)).options[i]


def test_casualties_page_fixes_a_figure_of_the_opened_event(db):
    (event_id, aid, start, end, kmin, kmax), = _read(
        db, 'SELECT e.event_id, c.article_id, c."start", c."end", c.killed_min, c.killed_max FROM casualties c '
            "JOIN casualty_events e ON e.article_id = c.article_id AND e.idx = c.idx WHERE c.part_of IS NULL LIMIT 1")
    at = _goto(_app({"event": event_id}), "casualties")
    assert at.number_input(key=widget_key("cas_fix", "kmin", aid, start, end)).value == kmin
    at.number_input(key=widget_key("cas_fix", "kmin", aid, start, end)).set_value(kmin + 2)
    at.number_input(key=widget_key("cas_fix", "kmax", aid, start, end)).set_value(kmin + 4)
    at.run()
    rec = _click(at, db, widget_key("cas_fix", "fix_killed", aid, start, end))
    assert rec[1:6] == ("casualty", aid, start, end, "killed")
    assert json.loads(rec[6]) == {"killed_min": kmin, "killed_max": kmax}
    assert json.loads(rec[7]) == {"killed_min": kmin + 2, "killed_max": kmin + 4}
    assert [s.value for s in at.success] == [f"Figures corrected: {kmin + 2}–{kmin + 4} killed."]
    table = _rows(at, "cas_table")
    assert (int(table["killed_min"].iloc[0]), int(table["killed_max"].iloc[0])) == (kmin + 2, kmin + 4)
    reports = next(d.value for d in at.dataframe if "sentence" in d.value.columns)
    assert list(reports["killed_min"]) == [kmin + 2]
    assert at.number_input(key=widget_key("cas_fix", "kmin", aid, start, end)).value == kmin + 2


def test_speaker_card_merges_two_speakers(db):
    at = _goto(_app({"speaker": "Kaja Kallas"}), "quotes")
    assert not any(e.label.startswith("Same person across articles") for e in at.expander)
    card = widget_key("spk_card", "merge_into", "Kaja Kallas")
    assert "Kaja Kallas" not in at.selectbox(key=card).options
    at.selectbox(key=card).select("Jake Sullivan")
    at.run()
    rec = _click(at, db, widget_key("spk_card", "merge", "Kaja Kallas"))
    assert rec[1:6] == ("speaker", "*", 0, 0, "merge")
    assert json.loads(rec[7]) == {"name": "Kaja Kallas", "into": "Jake Sullivan"}
    assert _read(db, "SELECT canonical FROM speaker_identities WHERE name = 'Kaja Kallas'") == [("Jake Sullivan",)]
    assert [s.value for s in at.success] == ["Kaja Kallas is now Jake Sullivan."]
    # the card now shows one person under two names, and offers to split one off
    assert any(e.label.startswith("Same person across articles: 2 names") for e in at.expander)
    assert at.selectbox(key=widget_key("spk_card", "split_name", "Kaja Kallas")).options == [
        "Jake Sullivan (now Jake Sullivan)", "Kaja Kallas (now Jake Sullivan)"]


def test_confidence_columns_and_least_confident_first(db):
    import numpy as np

    stored = sorted(np.round([c for (c,) in _read(db, "SELECT confidence FROM quotes")], 2))
    at = _goto(_app(), "quotes")
    assert sorted(_rows(at, "quotes_table")["confidence"]) == stored  # every quote's, rounded
    at.button(key="quotes_least_confident").click()
    at.run()
    _ok(at)
    assert (at.selectbox(key="quotes_sort").value, at.toggle(key="quotes_desc").value) == ("confidence", False)
    assert list(_rows(at, "quotes_table")["confidence"]) == stored
    cas = sorted(np.round([c for (c,) in _read(db, "SELECT confidence FROM casualties WHERE part_of IS NULL")], 2))
    _goto(at, "casualties")
    at.button(key="cas_least_confident").click()
    at.run()
    _ok(at)
    assert list(_rows(at, "cas_table")["confidence"]) == cas


def test_review_page_corrects_a_casualty_place_with_the_same_controls(db):
    (aid, start, end, place), = _read(db, 'SELECT article_id, "start", "end", place FROM casualties '
                                          "WHERE part_of IS NULL LIMIT 1")
    at = _goto(_app(), "review")
    at.text_input(key="review_cas_article").input(aid)
    at.run()
    box = at.text_input(key=widget_key("review", "place", aid, start, end))
    assert box.value == place
    box.input("Invented_Town *north*")
    at.run()
    rec = _click(at, db, widget_key("review", "fix_place", aid, start, end))
    assert rec[1:6] == ("casualty", aid, start, end, "place")
    assert (json.loads(rec[6]), json.loads(rec[7])) == ({"place": place}, {"place": "Invented_Town *north*"})
    assert [s.value for s in at.success] == [f"Place corrected: {escape_markdown('Invented_Town *north*')}."]
    assert at.selectbox(key="review_cas_pick").options[0].startswith("Invented_Town *north*: ")


def test_quotes_page_shows_the_addressed_quote_before_the_table(db):
    qid, text, speaker, *_ = _attributed(db)[-1]
    at = _goto(_app({"quote": qid}), "quotes")
    first = at.markdown[0].value  # above the table, so a phone shows it without scrolling
    assert first.startswith("> ") and speaker in first.replace("\\", "")
    assert "The quote this address names" in at.caption[0].value
