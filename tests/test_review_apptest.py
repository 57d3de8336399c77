"""AppTest of the Review page: mark a quote wrong, fix a speaker, undo; corrections survive re-ingest."""

from __future__ import annotations

from components.pipeline import ingest_paths, load_collections
from components.store import Store
from components.store.swap import SnapshotReader, write_session

from components.ui.correct import widget_key

from .test_dashboard_apptest import _app, _goto, db, seed_db  # noqa: F401 - fixtures


def _frame(at, column):
    """The page's data frame having ``column`` (AppTest finds data frames by position, not key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _quote_ids(path):
    """(id, text, speaker, (article_id, start, end)) of the first two attributed quotes of the store."""
    s = Store(path)
    try:
        return [(i, t, sp, (a, st, en)) for i, t, sp, a, st, en in s.execute(
            'SELECT id, text, speaker, article_id, "start", "end" FROM quotes WHERE speaker IS NOT NULL '
            'ORDER BY article_id, "start" LIMIT 2').fetchall()]
    finally:
        s.close()


def test_review_marks_wrong_fixes_speaker_and_keeps_them_after_re_ingest(db):
    (q1, _, _, r1), (q2, text2, sp2, r2) = _quote_ids(db)
    at = _goto(_app({"quote": q1}), "review")
    at.text_input(key="review_author").input("tester")
    at.run()
    assert at.text_input(key="review_quote_id").value == q1
    at.button(key=widget_key("review", "quote_wrong", *r1)).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "marked wrong" in at.success[0].value
    at.text_input(key="review_quote_id").input(q2)
    at.run()
    at.selectbox(key=widget_key("review", "pick", *r2)).select("(type a name)")
    at.run()
    at.text_input(key=widget_key("review", "typed", *r2)).input("Ada Invented")
    at.run()
    at.button(key=widget_key("review", "fix_speaker", *r2)).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    table = _frame(at, "action")
    assert list(table["action"]) == ["speaker", "wrong"] and set(table["author"]) == {"tester"}

    # re-extract the seed article as an ingest does (a write session swapped in): corrections apply again
    seed = next(c for c in load_collections() if c["name"] == "seed")
    with write_session(db) as s:
        ingest_paths(seed["paths"], s, collection="seed", replace=True)
        assert s.execute("SELECT count(*) FROM quotes WHERE id = ?", [q1]).fetchone()[0] == 0
        start, end = s.execute('SELECT "start", "end" FROM corrections WHERE action = \'speaker\'').fetchone()
        assert s.execute('SELECT speaker FROM quotes WHERE "start" = ? AND "end" = ?',
                         [start, end]).fetchone()[0] == "Ada Invented"

    at = _goto(_app(), "review")
    assert at.selectbox(key="review_undo_pick").options  # both still active
    at.button(key="review_undo").click()  # undoes the newest (the speaker fix)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    s = SnapshotReader(db)  # the app under test has the file attached in this process: a private reader
    assert s.execute('SELECT speaker FROM quotes WHERE "start" = ? AND "end" = ?', [start, end]).fetchone()[0] == sp2
    s.close()


def test_review_queue_lists_least_confident_first(db):
    at = _goto(_app(), "review")
    queue = _frame(at, "confidence")
    conf = list(queue["confidence"])
    assert len(conf) > 0 and conf == sorted(conf)
    assert (queue["speaker"] == "").any() and not queue.isna().any().any()  # a missing speaker is an empty cell


def test_quote_permalink_opens_the_quote_and_a_pick_goes_into_the_url(db):
    (q1, *_), (q2, *_) = _quote_ids(db)
    at = _goto(_app({"quote": q2}), "quotes")
    assert at.selectbox(key="quote_pick").value == q2
    assert at.query_params["quote"] == [q2] or at.query_params["quote"] == q2
    at.selectbox(key="quote_pick").select(q1)
    at.run()
    assert at.query_params["quote"] in ([q1], q1)


def test_quotes_page_puts_no_quote_in_the_address_until_one_is_asked_for(db):
    (q1, *_), (q2, *_) = _quote_ids(db)
    at = _goto(_app(), "quotes")
    assert "quote" not in at.query_params  # the table's first row is shown, but not written into shared links
    at.selectbox(key="quote_pick").select(q2)
    at.run()
    assert at.query_params["quote"] in ([q2], q2)


def test_event_permalink_shows_the_event_and_its_reports(db):
    s = SnapshotReader(db)
    event_id = s.execute("SELECT event_id FROM casualty_events LIMIT 1").fetchone()[0]
    s.close()
    at = _goto(_app({"event": event_id}), "casualties")
    from components.ui.highlight import escape_markdown

    box = [m.value for m in at.markdown if escape_markdown(event_id) in m.value]  # shown escaped
    assert box and "at least 3 killed" in box[0]
    assert len(_frame(at, "sentence")) == 1
    at = _goto(_app({"event": "no-such-event"}), "casualties")
    assert "No stored casualty event has this id." in [w.value for w in at.warning]


def _canonical(path, name):
    s = SnapshotReader(path)
    try:
        return s.execute("SELECT canonical FROM speaker_identities WHERE name = ?", [name]).fetchone()[0]
    finally:
        s.close()


def test_review_queue_lists_quotes_casualties_and_stances(db):
    at = _goto(_app(), "review")
    queue = _frame(at, "record")
    assert set(queue["record"]) == {"quote", "casualty", "stance"} or len(queue) == 50
    at.multiselect(key="review_kinds").set_value(["casualty"])
    at.run()
    queue = _frame(at, "record")
    assert set(queue["record"]) == {"casualty"} and queue["confidence"].notna().all()


def _pick_and_click(at, picks: dict, button: str) -> None:
    """Select ``picks`` (selectbox key -> option), click ``button``, and check the page raised nothing."""
    for key, option in picks.items():
        at.selectbox(key=key).select(option)
        at.run()
    at.button(key=button).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_review_merges_and_splits_speakers_and_undoes(db):
    at = _goto(_app(), "review")
    at.text_input(key="review_author").input("tester")
    at.run()
    _pick_and_click(at, {"review_merge_name": "Kaja Kallas", "review_merge_into": "Jake Sullivan"}, "review_merge")
    assert _canonical(db, "Kaja Kallas") == "Jake Sullivan"
    _pick_and_click(at, {"review_split_name": "Kaja Kallas"}, "review_split")
    assert _canonical(db, "Kaja Kallas") == "Kaja Kallas"
    table = _frame(at, "action")
    assert list(table["action"])[:2] == ["split", "merge"] and set(table["record"]) == {"speaker"}
    split_id = int(table.loc[table["action"] == "split", "id"].iloc[0])
    _pick_and_click(at, {"review_undo_pick": split_id}, "review_undo")  # the merge alone is active again
    assert _canonical(db, "Kaja Kallas") == "Jake Sullivan"


def test_speaker_permalink_opens_the_card(db):
    at = _goto(_app({"speaker": "Kaja Kallas"}), "quotes")
    assert not at.exception, [e.value for e in at.exception]
    cards = [m.value for m in at.markdown if m.value.startswith("#### ")]
    # the linked speaker's card above the table, and the card of the shown quote (also hers)
    assert cards == ["#### Kaja Kallas", "#### Kaja Kallas"]


def test_article_permalink_opens_it_highlighted(db):
    s = SnapshotReader(db)
    aid = s.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    s.close()
    at = _goto(_app({"article": aid}), "articles")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="article_pick").value == aid
    assert any("<mark" in h.proto.body for h in at.get("html"))


def test_selecting_a_casualty_row_puts_its_event_in_the_url(db):
    at = _goto(_app(), "casualties")
    assert "event" not in at.query_params
    at.session_state["cas_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    s = SnapshotReader(db)
    event_id = s.execute("SELECT event_id FROM casualty_events LIMIT 1").fetchone()[0]
    s.close()
    assert at.query_params["event"] in ([event_id], event_id)
    from components.ui.highlight import escape_markdown

    assert any(escape_markdown(event_id) in m.value for m in at.markdown)  # shown escaped
