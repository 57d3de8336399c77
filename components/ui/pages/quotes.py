"""Quotes page: paged table (with each quote's confidence; "Least confident first" sorts by it); the selected
quote is shown highlighted in its article with the speaker's card, and can be corrected there (mark wrong,
fix the speaker; the card: merge or split the speaker). ``?quote=ID`` opens a quote; ``?speaker=NAME`` (one
speaker) shows that speaker's card above the table, with its merge and split controls."""

import streamlit as st

from components.ui import correct, highlight, loaders
from components.ui.sidebar import current_filters
from components.store.queries import DESCENDING_FIRST, QUOTE_SORTS
from components.ui.widgets import display_frame, download_buttons, pager, sort_control, speaker_card



def _quote_markdown(q: dict) -> str:
    """The quote as a Markdown block quote with its speaker, cue and kind (all escaped)."""
    cue = highlight.cell_text(q.get("cue"))
    return ("> " + highlight.escape_markdown(q["text"]) + "\n>\n> — "
            + highlight.escape_markdown(highlight.cell_text(q["speaker"], "unknown speaker"))
            + (f" ({highlight.escape_markdown(cue)})" if cue else "") + f" · {q['kind']}")


f = current_filters()
topics = loaders.topic_labels()
st.title("Quotes")
correct.notice("quotes")
_addressed = str(st.query_params.get("quote", ""))[:200]
_addressed_detail = loaders.q("quote_detail", _addressed) if _addressed else None
if _addressed_detail is not None:
    # the quote a link names comes first: on a phone the table would push it screens down
    with st.container(border=True):
        st.markdown(_quote_markdown(_addressed_detail["quote"]))
        st.caption("The quote this address names; it is shown in its article below the table.")
if len(f.speakers) == 1:  # ?speaker=NAME opens the speaker's card (the filter keeps every name of the person)
    card = loaders.q("speaker_card", f.speakers[0])
    if card:
        speaker_card(card, topics)
        with st.expander("Merge or split this speaker"):
            correct.speaker_correction_controls("spk_card", correct.author_input("spk_card_author"), card["name"])
total = loaders.q("count_quotes", f)
link_notice = st.empty()  # a ?quote= the page cannot show is said here, above the table, not under it
sort, desc = sort_control("quotes", list(QUOTE_SORTS), "date", DESCENDING_FIRST)
correct.least_confident_first("quotes")
limit, offset = pager(total, "quotes", "quotes")
page = loaders.q("quotes_page", f, limit, offset, sort, desc)
show = page.drop(columns=["id", "article_id"]).copy()
show["topics"] = [", ".join(topics.get(t, t) for t in (ts if ts is not None else [])) for ts in page["topics"]]
show["confidence"] = page["confidence"].round(2)
# the quote first, so a phone-wide screen (390 px) shows it without scrolling sideways; "Cards" wraps it whole
view = st.segmented_control("View", ["Table", "Cards"], default="Table", key="quotes_view",
                            help="Cards show each quote in full, wrapped (for narrow screens).")
event = None
if view == "Cards":
    for r in display_frame(page.drop(columns=["topics"])).itertuples(index=False):
        with st.container(border=True):
            st.markdown(highlight.escape_markdown(highlight.cell_text(r.quote)))
            st.caption(" · ".join(highlight.escape_markdown(x) for x in (
                highlight.cell_text(r.speaker, "unknown speaker"), highlight.cell_text(r.date),
                highlight.cell_text(r.article)) if x))
else:
    event = st.dataframe(
        display_frame(show), hide_index=True, on_select="rerun", selection_mode="single-row", key="quotes_table",
        column_order=["quote", "speaker", "date", "kind", "confidence", "topics", "stance", "role", "country",
                      "article"],
        column_config={
            "confidence": st.column_config.NumberColumn("confidence", format="%.2f", width="small",
                                                        help="How sure the rules are of the attribution (0-1)"),
            "quote": st.column_config.TextColumn("quote", width="medium"),
            "speaker": st.column_config.TextColumn("speaker", width="small"),
        },
    )
download_buttons("quotes", lambda: loaders.q("quotes_export", f), "quotes_dl", f)

if page.empty:
    st.info("No quotes match these filters.")
    st.stop()

rows = event.selection.rows if event is not None else []
ids = list(page["id"])
labels = {r.id: f"{highlight.cell_text(r.speaker, 'unknown')}: {highlight.cell_text(r.quote)[:90]}" for r in page.itertuples(index=False)}
# permalink: ?quote=ID opens that quote (also when it is not on this page); picking one puts it in the URL
linked = str(st.query_params.get("quote", ""))[:200]
linked_detail = loaders.q("quote_detail", linked) if linked and linked not in ids else None
if linked and linked not in ids and linked_detail is None and not rows:
    # never show (and offer to correct) another quote in place of the one the address names
    link_notice.warning(f"No shown quote has the id {highlight.escape_markdown(linked)}: it was marked wrong, or its "
                        "article is no longer stored. Select a row of the table to open a quote.")
    st.stop()
if linked_detail is not None:
    d = linked_detail["quote"]
    ids = [linked] + ids
    labels[linked] = f"{highlight.cell_text(d['speaker'], 'unknown')}: {highlight.cell_text(d['text'])[:90]}"
    st.caption("The quote the address names is shown below; it is not on this page of the filtered table.")
if rows:
    st.session_state["quote_pick"] = ids[rows[0] + (1 if ids[0] == linked and linked not in list(page["id"]) else 0)]
elif linked in ids and st.session_state.get("quote_link_seen") != linked:
    st.session_state["quote_pick"] = linked
st.session_state["quote_link_seen"] = linked
if st.session_state.get("quote_pick") not in ids:
    st.session_state["quote_pick"] = ids[0]
qid = st.selectbox("Quote shown in its article (or select a table row)", ids, key="quote_pick",
                   format_func=lambda i: labels[i], on_change=lambda: st.session_state.update(quote_picked=True))
# the address names a quote only when one was asked for (a link, a row, a pick), not the table's first row
if (linked or rows or st.session_state.get("quote_picked")) and st.query_params.get("quote") != qid:
    st.query_params["quote"] = qid
st.caption(f"Permalink of this quote: ?quote={highlight.escape_markdown(qid)}")

detail = loaders.q("quote_detail", qid)
if detail is None:
    st.warning("That quote is no longer in the store.")
    st.stop()
art = detail["article"]
qrow = detail["quote"]
st.markdown(_quote_markdown(qrow))
with st.expander("Correct this quote"):
    correct.quote_correction_controls(qrow, "quotes_fix", correct.author_input("quotes_fix_author"))
left, right = st.columns([3, 1])
with left:
    st.subheader(highlight.escape_markdown(art["title"] or art["id"]))
    st.caption(" · ".join(highlight.escape_markdown(highlight.cell_text(x)) for x in (art["outlet"], art["published"],
                                                                                     art["collection"]) if highlight.cell_text(x)))
    bundle = loaders.q("article_bundle", art["id"])
    st.html(highlight.legend_html(["selected", "quote", "speaker", "place", "casualty"]))
    st.html(highlight.highlight_html(art["text"], highlight.article_spans(bundle, selected_quote=qid)))
with right:
    speaker_card(detail["speaker"], topics)
    if detail["speaker"]:
        with st.expander("Merge or split this speaker"):
            correct.speaker_correction_controls("spk_side", correct.author_input("spk_side_author"),
                                                detail["speaker"]["name"])
