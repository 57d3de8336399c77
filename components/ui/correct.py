"""Correction controls, one implementation for every view: the Review page, the reader (Articles page),
the Quotes page (the selected quote and the speaker's card) and the Casualties page (the reports of the
opened event).

A reviewer marks a quote or a casualty record wrong, fixes a quote's speaker (a person of the article, or
a typed name), fixes a casualty record's killed figures or place, merges two speakers or splits a name off
its person, and undoes the last correction. Every write goes through :mod:`components.ui.loaders`
(``correct``, ``speaker_review``, ``undo_correction``: a write session on the live store, then the query
cache is cleared); the corrections are stored in the ``corrections`` table
(:mod:`components.store.corrections`), applied at once and again on every re-extraction.

Widget keys are ``<prefix>_<control>_<digest of the record>`` (:func:`widget_key`), so two records never
share a widget, and a control opened on another record starts from that record's values. User text (quotes,
names, places, sentences) is shown Markdown-escaped, never as HTML.
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from ..errors import NewsAtlasError
from . import loaders
from .highlight import cell_text, escape_markdown

NOTICE_KEY = "_na_correction_notice"  # (message, correction id) shown once after the rerun
AUTHOR_KEY = "_na_author"  # the reviewer's name, shared by every view's name box in this session
TYPED = "(type a name)"  # the speaker list's last option: type a name
SPEAKER_LABEL = "Speaker (a person of this article, or type one)"


def widget_key(prefix: str, control: str, *record: Any) -> str:
    """The key of a correction widget: ``prefix_control`` for a page-wide control, else
    ``prefix_control_<10 hex digits>`` from the record's identity (e.g. article id, start, end offsets, or a
    speaker name), so each record has its own widgets."""
    if not record:
        return f"{prefix}_{control}"
    digest = hashlib.sha1("\x1f".join(str(x) for x in record).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}_{control}_{digest}"


def _keep_author(key: str) -> None:
    st.session_state[AUTHOR_KEY] = st.session_state.get(key) or ""


def author_input(key: str) -> str:
    """The box "Your name (stored with each correction)"; the name is kept for the session and shown in the
    name box of every view. Returns it, or ``"anonymous"`` when empty."""
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(AUTHOR_KEY, "")
    name = st.text_input("Your name (stored with each correction)", key=key, max_chars=80, width=360,
                         on_change=_keep_author, args=(key,))
    return name.strip() or "anonymous"


def _done(message: str, correction_id: int | None = None) -> None:
    """After a correction: empty the query cache, keep the (already escaped) message for the rerun, rerun."""
    loaders.clear_data()
    st.session_state[NOTICE_KEY] = (message, correction_id)
    st.rerun()


def _undo(correction_id: int) -> None:
    try:
        done = loaders.undo_correction(correction_id, author=st.session_state.get(AUTHOR_KEY) or "anonymous")
    except NewsAtlasError as exc:
        st.session_state[NOTICE_KEY] = (f"Could not undo: {escape_markdown(str(exc))}", None)
        return
    st.session_state[NOTICE_KEY] = (f"Correction {correction_id} undone." if done
                                    else f"Correction {correction_id} was already undone.", None)


def notice(key: str) -> None:
    """The outcome of the last correction made in this session (once, after its rerun), with an *Undo* button
    for it. Call it near the top of a page that has correction controls."""
    got = st.session_state.pop(NOTICE_KEY, None)
    if not got:
        return
    message, cid = got
    st.success(message)
    if cid is not None:
        st.button("Undo", key=f"{key}_undo_last", on_click=_undo, args=(int(cid),), icon=":material/undo:",
                  help=f"Undo correction {cid} (all corrections, with undo: the Review page).")


def _int_or(value: Any, default: int) -> int:
    """``value`` as int, or ``default`` when it is missing (None or NaN)."""
    return default if value is None or value != value else int(value)


def _confidence(value: Any) -> str:
    return "unknown" if value is None or value != value else f"{float(value):.2f}"


def quote_correction_controls(quote: dict, key: str, author: str = "anonymous") -> None:
    """Controls for one quote: *Mark this quote wrong*, and *Fix the speaker* (a person of the article, or
    a typed name).

    Args:
        quote (dict): a ``quotes`` row (e.g. ``quote_detail(...)["quote"]``): ``article_id``, ``start``,
            ``end``, ``speaker``, optionally ``confidence``.
        key (str): widget key prefix of the view (keys: :func:`widget_key`).
        author (str): stored with the correction.
    """
    rec = (quote["article_id"], int(quote["start"]), int(quote["end"]))
    speaker = cell_text(quote.get("speaker"))
    st.caption(f"speaker: {escape_markdown(speaker or 'unknown')} · confidence: "
               f"{_confidence(quote.get('confidence'))}")
    if st.button("Mark this quote wrong", key=widget_key(key, "quote_wrong", *rec), icon=":material/block:"):
        try:
            cid = loaders.correct("quote", *rec, "wrong", author=author)
        except NewsAtlasError as exc:
            st.error(escape_markdown(str(exc)))
        else:
            _done("The quote is marked wrong and hidden everywhere.", cid)
    people = list(loaders.q("article_people", quote["article_id"]))
    options = people + [TYPED]
    pick = st.selectbox(SPEAKER_LABEL, options, index=options.index(speaker) if speaker in people else None,
                        key=widget_key(key, "pick", *rec), placeholder="choose a person")
    name = (st.text_input("Speaker name", key=widget_key(key, "typed", *rec), max_chars=200) if pick == TYPED
            else pick) or ""
    if st.button("Fix the speaker", key=widget_key(key, "fix_speaker", *rec),
                 disabled=not name.strip() or name.strip() == speaker):
        try:
            cid = loaders.correct("quote", *rec, "speaker", name, author=author)
        except NewsAtlasError as exc:
            st.error(escape_markdown(str(exc)))
        else:
            _done(f"Speaker set to {escape_markdown(name.strip())}.", cid)


def casualty_label(rec: Any) -> str:
    """One line naming a casualty record: ``"Kherson: 3 killed (On Sunday, the southern…)"`` (plain text,
    for a select box; ``rec``: a row with ``place``, ``killed_min``, ``sentence``)."""
    killed = _int_or(rec["killed_min"], -1)
    sentence = cell_text(rec.get("sentence") if hasattr(rec, "get") else None)
    return (f"{cell_text(rec['place'], 'unknown place')}: {killed if killed >= 0 else '?'} killed"
            + (f" ({sentence[:80].rstrip()}{'…' if len(sentence) > 80 else ''})" if sentence else ""))


def casualty_correction_controls(rec: Any, key: str, author: str = "anonymous") -> None:
    """Controls for one casualty record: the killed figures (at least, at most), the place, *Mark this
    record wrong*.

    Args:
        rec (Mapping): a ``casualties`` row (dict or pandas row): ``article_id``, ``start``, ``end``,
            ``killed_min``, ``killed_max``, ``place``, optionally ``confidence``.
        key (str): widget key prefix of the view. author (str): stored with the correction.
    """
    rid = (rec["article_id"], int(rec["start"]), int(rec["end"]))
    conf = rec.get("confidence") if hasattr(rec, "get") else None
    st.caption(f"confidence: {_confidence(conf)}")
    lo0 = _int_or(rec["killed_min"], 0)
    c1, c2 = st.columns(2)
    lo = c1.number_input("killed, at least", min_value=0, step=1, value=lo0, key=widget_key(key, "kmin", *rid))
    hi = c2.number_input("killed, at most", min_value=0, step=1, value=_int_or(rec["killed_max"], lo0),
                         key=widget_key(key, "kmax", *rid))
    place = st.text_input("place", value=cell_text(rec["place"]), key=widget_key(key, "place", *rid), max_chars=200)
    b1, b2, b3 = st.columns(3)
    try:
        if b1.button("Fix the figures", key=widget_key(key, "fix_killed", *rid)):
            cid = loaders.correct("casualty", *rid, "killed", {"killed_min": int(lo), "killed_max": int(hi)},
                                  author=author)
            _done(f"Figures corrected: {int(lo)}–{int(hi)} killed.", cid)
        if b2.button("Fix the place", key=widget_key(key, "fix_place", *rid)):
            cid = loaders.correct("casualty", *rid, "place", {"place": place}, author=author)
            _done(f"Place corrected: {escape_markdown(place.strip())}.", cid)
        if b3.button("Mark this record wrong", key=widget_key(key, "cas_wrong", *rid)):
            cid = loaders.correct("casualty", *rid, "wrong", author=author)
            _done("The record is marked wrong and hidden everywhere.", cid)
    except NewsAtlasError as exc:
        st.error(escape_markdown(str(exc)))


def speaker_correction_controls(key: str, author: str = "anonymous", name: str | None = None) -> None:
    """Merge two speakers (two persons kept apart by the rule) or split a name off its person.

    Args:
        key (str): widget key prefix of the view.
        author (str): stored with the correction.
        name (str | None): the speaker of a card: merges that name's person, splits one of its names;
            None: any stored name (the Review page).
    """
    names = loaders.q("speaker_names")
    if name is not None and name not in set(names["name"]):
        st.caption("This speaker is not in the speaker table (no quote of theirs is stored).")
        return
    if names.empty:
        st.info("No speakers stored yet.")
        return
    canon_of = dict(zip(names["name"], names["canonical"]))
    rid = (name,) if name is not None else ()
    if name is None:
        who = st.selectbox("Speaker to merge", list(names["name"]), key=widget_key(key, "merge_name"),
                           format_func=lambda n: n if canon_of[n] == n else f"{n} (= {canon_of[n]})")
        group = list(names.loc[names["group_size"] > 1, "name"])
    else:
        who = name
        group = list(names.loc[(names["canonical"] == canon_of[name]) & (names["group_size"] > 1), "name"])
    others = [p for p in sorted(set(names["canonical"])) if p != canon_of.get(who)]
    # stacked, not in columns: the card beside a quote is a narrow column
    label = f"{escape_markdown(who)} is the same person as" if name is not None else "is the same person as"
    into = st.selectbox(label, others, index=None, placeholder="choose a person", key=widget_key(key, "merge_into", *rid))
    if st.button("Merge", key=widget_key(key, "merge", *rid), disabled=into is None):
        try:
            cid = loaders.speaker_review("merge", who, into=into, author=author)
        except NewsAtlasError as exc:
            st.error(escape_markdown(str(exc)))
        else:
            _done(f"{escape_markdown(who)} is now {escape_markdown(into)}.", cid)
    if group:
        part = st.selectbox("Name to split off its person", group, key=widget_key(key, "split_name", *rid),
                            format_func=lambda n: f"{n} (now {canon_of[n]})")
        if st.button("Split off", key=widget_key(key, "split", *rid)):
            try:
                cid = loaders.speaker_review("split", part, author=author)
            except NewsAtlasError as exc:
                st.error(escape_markdown(str(exc)))
            else:
                _done(f"{escape_markdown(part)} is now a person of its own.", cid)


def reader_correction_controls(bundle: dict, key: str) -> None:
    """The reader's corrections: pick one of the article's quotes or casualty records and correct it
    (``bundle``: :func:`components.store.queries.article_bundle`)."""
    author = author_input(f"{key}_author")
    aid = bundle["article"]["id"]
    quotes, cas = bundle["quotes"], bundle["casualties"]
    if not quotes.empty:  # options are the records' ids, so a pick survives another record's removal
        rows = {r["id"]: r for r in quotes.to_dict("records")}
        qid = st.selectbox("Quote", list(rows), key=widget_key(key, "quote_pick", aid),
                           format_func=lambda k: f"{cell_text(rows[k]['speaker'], 'unknown')}: "
                                                 f"{cell_text(rows[k]['text'])[:90]}")
        quote_correction_controls(rows[qid], key, author)
    if not cas.empty:
        text = bundle["article"]["text"] or ""
        recs = {int(r["idx"]): dict(r, sentence=text[int(r["start"]):int(r["end"])]) for r in cas.to_dict("records")}
        idx = st.selectbox("Casualty record", list(recs), key=widget_key(key, "cas_pick", aid),
                           format_func=lambda k: casualty_label(recs[k]))
        casualty_correction_controls(recs[idx], key, author)
    if quotes.empty and cas.empty:
        st.caption("This article has no quote and no casualty record to correct.")


def least_confident_first(key: str) -> None:
    """A button that sorts the table of ``key`` (its :func:`components.ui.widgets.sort_control`) by
    confidence, least confident first, from its first page; and a link to the Review page's queue."""

    def _sort() -> None:
        st.session_state[f"{key}_sort"] = st.session_state[f"{key}_sort_prev"] = "confidence"
        st.session_state[f"{key}_desc"] = False
        st.session_state[f"{key}_page"] = 1

    c1, c2 = st.columns(2)
    c1.button("Least confident first", key=f"{key}_least_confident", on_click=_sort, icon=":material/low_priority:",
              help="Sort by confidence, lowest first, to review the least certain records first.")
    c2.page_link("components/ui/pages/review.py", label="Review queue (all kinds)", icon=":material/rule:")
