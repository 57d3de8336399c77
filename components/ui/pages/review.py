"""Review page: the review queue (least confident quotes, casualty records and stances first), corrections of
quotes and casualties, and merges and splits of speakers.

Corrections are stored apart from the extraction (``corrections`` table, components/store/corrections.py),
survive re-extraction of the article, can be undone, and are downloadable. ``?quote=ID`` opens a quote
for correction. The controls are those of every view (components/ui/correct.py: also in the reader, the
Quotes and the Casualties pages). User text is shown escaped (Markdown) or in data frames, never as raw HTML.
"""

import streamlit as st

from components.store import corrections
from components.ui import correct, loaders
from components.ui.highlight import escape_markdown
from components.ui.sidebar import current_filters
from components.ui.widgets import display_frame, download_buttons

f = current_filters()
store = loaders.store()
st.title("Review")
st.caption("Correct what the machine got wrong. Corrections are kept apart from the extraction, applied at once, "
           "kept when an article is extracted again, and can be undone. The same controls are in the reader "
           "(Articles), on the Quotes page (the shown quote, the speaker's card) and the Casualties page (an "
           "opened event).")
author = correct.author_input("review_author")
correct.notice("review")

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
    st.dataframe(display_frame(queue.drop(columns=["article_id"])), hide_index=True, key="review_queue")

st.subheader("Correct a quote")
quote_id = st.text_input("Quote id (from the Quotes page, or ?quote=ID in the address)",
                         value=st.query_params.get("quote", ""), key="review_quote_id", max_chars=200).strip()
detail = loaders.q("quote_detail", quote_id) if quote_id else None
if quote_id and detail is None:
    st.warning("No stored quote has this id.")
elif detail:
    quote, article = detail["quote"], detail["article"] or {}
    st.markdown(f"> {escape_markdown(quote['text'])}")
    st.caption(f"article: {escape_markdown(article.get('title') or quote['article_id'])}")
    correct.quote_correction_controls(quote, "review", author)

st.subheader("Correct a casualty record")
cas_article = st.text_input("Article id", key="review_cas_article", max_chars=200).strip()
if cas_article:
    recs = loaders.q("article_casualties", cas_article)
    if recs.empty:
        st.info("This article has no casualty record.")
    else:
        rows = {i: dict(r, article_id=cas_article) for i, r in enumerate(recs.to_dict("records"))}
        i = st.selectbox("Record", list(rows), format_func=lambda k: correct.casualty_label(rows[k]),
                         key="review_cas_pick")
        correct.casualty_correction_controls(rows[i], "review", author)

st.subheader("Merge or split speakers")
st.caption("One person across articles is found by a rule (README, 'One speaker across articles'). Merge two "
           "people it kept apart, or split off a name it joined wrongly; kept when articles are extracted again. "
           "A speaker's card on the Quotes page has the same controls for that speaker.")
correct.speaker_correction_controls("review", author)

st.subheader("Corrections")
table = corrections.corrections_table(store)
if table.empty:
    st.info("No corrections yet.")
else:
    st.dataframe(display_frame(table), hide_index=True, key="review_corrections")
    active = [int(x) for x in table.loc[table["undone_at"].isna(), "id"]]
    if active:
        cid = st.selectbox("Correction to undo", active, key="review_undo_pick")
        if st.button("Undo", key="review_undo"):
            loaders.undo_correction(cid, author=author)  # clears the query cache
            st.session_state[correct.NOTICE_KEY] = (f"Correction {cid} undone.", None)
            st.rerun()
    download_buttons("corrections", lambda: corrections.corrections_table(store), "review_dl")
