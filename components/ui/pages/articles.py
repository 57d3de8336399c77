"""Articles page: a reader highlighting quotes, speakers, places and casualty sentences; upload of new articles."""

import streamlit as st

from components.errors import ArticleReadError, NewsAtlasError
from components.ingest import SUPPORTED_SUFFIXES, read_bytes
from components.ui import highlight, loaders
from components.ui.sidebar import UPLOAD_COLLECTION, current_filters, request_filter
from components.ui.widgets import pager

f = current_filters()
st.title("Articles")

flash = st.session_state.pop("_na_upload_flash", None)
if flash:
    st.success(flash)

with st.expander("Upload articles (.txt, .md, .html, .jsonl)", expanded=False):
    files = st.file_uploader("Files", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
                             key="upload")
    done = st.session_state.setdefault("_na_uploaded", set())
    new = [u for u in (files or []) if u.file_id not in done]
    if new:
        articles, problems = [], []
        for u in new:
            done.add(u.file_id)
            try:
                articles += read_bytes(u.getvalue(), u.name, collection=UPLOAD_COLLECTION)
            except ArticleReadError as exc:
                problems.append(str(exc))
        for p in problems:
            st.error(f"Could not read {p}")
        if articles:
            bar = st.progress(0.0, text=f"Extracting {len(articles)} article(s)…")

            def progress(done_n: int, total: int, label: str) -> None:
                bar.progress(done_n / max(total, 1), text=f"Extracted {done_n} of {total}: {label[:60]}")

            try:
                report = loaders.ingest_upload(loaders.store(), articles, progress)
            except NewsAtlasError as exc:
                st.error(f"The upload could not be stored: {exc}")
            else:
                for what, why in report.failed:
                    st.error(f"{what}: {why}")
                current = list(st.session_state.get("collection") or [])
                if current and UPLOAD_COLLECTION not in current:
                    request_filter("collections", current + [UPLOAD_COLLECTION])
                if report.added:
                    request_filter("articles", [])
                st.session_state["_na_upload_flash"] = (
                    f"Added {len(report.added)} article(s) to the collection '{UPLOAD_COLLECTION}'; "
                    f"skipped {len(report.skipped)} already stored. They now appear on every page."
                )
                if report.added:
                    st.session_state["article_pick"] = report.added[0]
                st.rerun()

total = loaders.q("count_articles", f)
limit, offset = pager(total, "art", "articles")
page = loaders.q("articles_page", f, limit, offset)
if page.empty:
    st.info("No articles under these filters.")
    st.stop()
event = st.dataframe(page, hide_index=True, on_select="rerun", selection_mode="single-row", key="articles_table",
                     column_config={"title": st.column_config.TextColumn("title", width="large"),
                                    "published": st.column_config.DateColumn("published")})
ids = list(page["id"])
titles = dict(zip(page["id"], page["title"]))
rows = event.selection.rows if event is not None else []
if rows:
    st.session_state["article_pick"] = ids[rows[0]]
if st.session_state.get("article_pick") not in ids:
    st.session_state["article_pick"] = ids[0]
aid = st.selectbox("Article shown (or select a table row)", ids, key="article_pick",
                   format_func=lambda i: (titles.get(i) or i)[:100])

bundle = loaders.q("article_bundle", aid)
if bundle is None:
    st.warning("That article is no longer in the store.")
    st.stop()
art = bundle["article"]
st.subheader(highlight.escape_markdown(art["title"] or art["id"]))
st.caption(" · ".join(highlight.escape_markdown(str(x)) for x in (art["outlet"], art["published"],
                                                                   art["collection"], art["url"]) if x))
st.caption(f"{len(bundle['quotes'])} quotes · {len(bundle['speakers'])} speakers · {len(bundle['places'])} place "
           f"mentions · {len(bundle['casualties'])} casualty reports")
st.html(highlight.legend_html(["quote", "speaker", "place", "casualty"]))
st.html(highlight.highlight_html(art["text"], highlight.article_spans(bundle)))
