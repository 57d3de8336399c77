"""Review page: the review queue (least confident quotes, casualty records and stances first), corrections of
quotes and casualties, and merges and splits of speakers.

Corrections are stored apart from the extraction (``corrections`` table, components/store/corrections.py),
survive re-extraction of the article, can be undone, and are downloadable. ``?quote=ID`` opens a quote
for correction. User text is shown escaped (Markdown) or in data frames, never as raw HTML.
"""

import streamlit as st

from components.errors import NewsAtlasError
from components.store import corrections
from components.ui import loaders
from components.ui.highlight import escape_markdown
from components.ui.sidebar import current_filters
from components.ui.widgets import download_buttons

f = current_filters()
store = loaders.store()
st.title("Review")
st.caption("Correct what the machine got wrong. Corrections are kept apart from the extraction, applied at once, "
           "kept when an article is extracted again, and can be undone.")
author = st.text_input("Your name (stored with each correction)", key="review_author", max_chars=80) or "anonymous"


def _done(message: str) -> None:
    loaders.clear_data()
    st.session_state["review_notice"] = message
    st.rerun()


if st.session_state.get("review_notice"):
    st.success(st.session_state.pop("review_notice"))

st.subheader("Review queue")
kinds = st.multiselect("Records", list(loaders.REVIEW_LABELS), default=list(loaders.REVIEW_LABELS),
                       format_func=loaders.REVIEW_LABELS.get, key="review_kinds")
queue = loaders.q("review_queue", f, 50, tuple(kinds)) if kinds else None
if queue is None or queue.empty:
    st.info("No records of these kinds under these filters.")
else:
    st.caption("Quotes, casualty records and stances with the lowest confidence first (how each is computed: "
               "README, 'Confidence'). `ref` opens the record: ?quote=ID on the Quotes page, ?event=ID on the "
               "Casualties page.")
    st.dataframe(queue.drop(columns=["article_id"]), hide_index=True, key="review_queue")

st.subheader("Correct a quote")
quote_id = st.text_input("Quote id (from the Quotes page, or ?quote=ID in the address)",
                         value=st.query_params.get("quote", ""), key="review_quote_id", max_chars=200).strip()
detail = loaders.q("quote_detail", quote_id) if quote_id else None
if quote_id and detail is None:
    st.warning("No stored quote has this id.")
elif detail:
    quote, article = detail["quote"], detail["article"] or {}
    st.markdown(f"> {escape_markdown(quote['text'])}")
    st.caption(f"speaker: {escape_markdown(quote['speaker'] or 'unknown')} · article: "
               f"{escape_markdown(article.get('title') or quote['article_id'])}")
    if st.button("Mark this quote wrong", key="review_quote_wrong"):
        try:
            loaders.correct("quote", quote["article_id"], quote["start"], quote["end"], "wrong", author=author)
        except NewsAtlasError as exc:
            st.error(str(exc))
        else:
            _done("The quote is marked wrong and hidden everywhere.")
    people = list(loaders.q("article_people", quote["article_id"]))
    typed = "(type a name)"
    pick = st.selectbox("Speaker (a person of this article, or type one)", people + [typed], key="review_pick")
    name = st.text_input("Speaker name", key="review_typed", max_chars=200) if pick == typed else pick
    if st.button("Fix the speaker", key="review_fix_speaker", disabled=not (name or "").strip()):
        try:
            loaders.correct("quote", quote["article_id"], quote["start"], quote["end"], "speaker", name,
                            author=author)
        except NewsAtlasError as exc:
            st.error(str(exc))
        else:
            _done(f"Speaker set to {name}.")

st.subheader("Correct a casualty record")
cas_article = st.text_input("Article id", key="review_cas_article", max_chars=200).strip()
if cas_article:
    recs = loaders.q("article_casualties", cas_article)
    if recs.empty:
        st.info("This article has no casualty record.")
    else:
        labels = {i: f"{r.place or 'unknown place'}: {r.killed_min if r.killed_min is not None else '?'} killed "
                     f"({r.sentence[:80]})" for i, r in enumerate(recs.itertuples(index=False))}
        i = st.selectbox("Record", list(labels), format_func=lambda k: labels[k], key="review_cas_pick")
        rec = recs.iloc[i]
        c1, c2 = st.columns(2)
        lo = c1.number_input("killed, at least", min_value=0, step=1, key="review_kmin",
                             value=int(rec["killed_min"]) if rec["killed_min"] == rec["killed_min"] else 0)
        hi = c2.number_input("killed, at most", min_value=0, step=1, key="review_kmax",
                             value=int(rec["killed_max"]) if rec["killed_max"] == rec["killed_max"] else lo)
        place = st.text_input("place", value=rec["place"] or "", key="review_place", max_chars=200)
        b1, b2, b3 = st.columns(3)
        key = (cas_article, int(rec["start"]), int(rec["end"]))
        try:
            if b1.button("Fix the figures", key="review_fix_killed"):
                loaders.correct("casualty", *key, "killed", {"killed_min": int(lo), "killed_max": int(hi)},
                                author=author)
                _done("Figures corrected.")
            if b2.button("Fix the place", key="review_fix_place"):
                loaders.correct("casualty", *key, "place", {"place": place}, author=author)
                _done("Place corrected.")
            if b3.button("Mark this record wrong", key="review_cas_wrong"):
                loaders.correct("casualty", *key, "wrong", author=author)
                _done("The record is marked wrong and hidden everywhere.")
        except NewsAtlasError as exc:
            st.error(str(exc))

st.subheader("Merge or split speakers")
names = loaders.q("speaker_names")
if names.empty:
    st.info("No speakers stored yet.")
else:
    st.caption("One person across articles is found by a rule (README, 'One speaker across articles'). Merge two "
               "people it kept apart, or split off a name it joined wrongly; kept when articles are extracted again.")
    canon_of = dict(zip(names["name"], names["canonical"]))
    everyone = list(names["name"])
    people = sorted(set(names["canonical"]))
    m1, m2 = st.columns(2)
    who = m1.selectbox("Speaker to merge", everyone, format_func=lambda n: n if canon_of[n] == n else f"{n} (= {canon_of[n]})",
                       key="review_merge_name")
    into = m2.selectbox("is the same person as", [p for p in people if p != canon_of.get(who)], key="review_merge_into")
    if st.button("Merge", key="review_merge", disabled=into is None):
        try:
            loaders.speaker_review("merge", who, into=into, author=author)
        except NewsAtlasError as exc:
            st.error(str(exc))
        else:
            _done(f"{who} is now {into}.")
    grouped = list(names.loc[names["group_size"] > 1, "name"])
    if grouped:
        part = st.selectbox("Name to split off its person", grouped, format_func=lambda n: f"{n} (now {canon_of[n]})",
                            key="review_split_name")
        if st.button("Split off", key="review_split"):
            try:
                loaders.speaker_review("split", part, author=author)
            except NewsAtlasError as exc:
                st.error(str(exc))
            else:
                _done(f"{part} is now a person of its own.")

st.subheader("Corrections")
table = corrections.corrections_table(store)
if table.empty:
    st.info("No corrections yet.")
else:
    st.dataframe(table, hide_index=True, key="review_corrections")
    active = [int(x) for x in table.loc[table["undone_at"].isna(), "id"]]
    if active:
        cid = st.selectbox("Correction to undo", active, key="review_undo_pick")
        if st.button("Undo", key="review_undo"):
            loaders.undo_correction(cid, author=author)
            _done(f"Correction {cid} undone.")
    download_buttons("corrections", lambda: corrections.corrections_table(store), "review_dl")
