"""Articles page: a reader highlighting quotes, speakers, places and casualty sentences; upload of new articles."""

import streamlit as st

from components.errors import ArticleReadError, NewsAtlasError
from components.ingest import MAX_ARTICLE_CHARS, SUPPORTED_SUFFIXES, read_bytes
from components.ui import highlight, loaders
from components.ui.sidebar import UPLOAD_COLLECTION, current_filters, request_filter
from components.ui.widgets import pager

f = current_filters()
st.title("Articles")

# The last upload's report stays in the session (the page reruns after an upload, which would wipe
# messages written during the upload run) until the next upload or "Dismiss".
REPORT_KEY = "_na_upload_report"


def _upload(files: list) -> dict:
    """Read and ingest uploaded files; return the report shown by :func:`_show_report`.

    Returns:
        dict: ``added`` (article ids), ``stored`` (names of articles already stored), and lists of
        ``(name, reason)``: ``skipped`` (other skips: the same article twice in the upload), ``unread``
        (unreadable files, bad JSONL lines: the good lines are kept, as on the command line), ``failed``
        (articles that could not be added: an id used by another article), ``warnings``.
    """
    rep: dict = {"added": [], "stored": [], "skipped": [], "unread": [], "failed": [], "warnings": []}
    articles = []
    for u in files:
        try:
            articles += read_bytes(u.getvalue(), u.name, collection=UPLOAD_COLLECTION,
                                   on_error=lambda where, why: rep["unread"].append((where, why)),
                                   on_warning=lambda where, why: rep["warnings"].append((where, why)))
        except ArticleReadError as exc:
            rep["unread"].append((exc.where, exc.reason))
    if not articles:
        return rep
    bar = st.progress(0.0, text=f"Extracting {len(articles)} article(s)…")

    def progress(done_n: int, total: int, label: str) -> None:
        bar.progress(done_n / max(total, 1), text=f"Extracted {done_n} of {total}: {label[:60]}")

    try:
        report = loaders.ingest_upload(loaders.store(), articles, progress)
    except NewsAtlasError as exc:
        rep["failed"].append(("the upload", f"could not be stored: {exc}"))
        return rep
    rep["added"] = list(report.added)
    rep["stored"] = [what for what, why in report.skipped if why == "already stored"]
    rep["skipped"] = [(what, why) for what, why in report.skipped if why != "already stored"]
    rep["failed"] += report.failed
    return rep


def _show_report(rep: dict) -> None:
    """The last upload's outcome: what was added, what was already stored, every error and warning.

    File names, titles and reasons hold user text: every piece is Markdown-escaped.
    """
    esc = highlight.escape_markdown
    names = ", ".join(esc(n) for n in rep["stored"])
    stored = f"{len(rep['stored'])} already stored: {names}" if rep["stored"] else ""
    if rep["added"]:
        st.success(f"Added {len(rep['added'])} article(s) to the collection '{UPLOAD_COLLECTION}'. "
                   "They now appear on every page." + (f" {stored}." if stored else ""))
    elif stored or rep["skipped"]:
        st.info("0 added" + (f"; {stored}" if stored else "") + ".")
    for what, why in rep["skipped"]:
        st.info(f"Skipped {esc(what)}: {esc(why)}")
    for what, why in rep["warnings"]:
        st.warning(f"{esc(what)}: {esc(why)}")
    for what, why in rep["unread"]:
        st.error(f"Could not read {esc(what)}: {esc(why)}")
    for what, why in rep["failed"]:
        st.error(f"Not added {esc(what)}: {esc(why)}")


def _dismiss_report() -> None:
    st.session_state.pop(REPORT_KEY, None)


last = st.session_state.get(REPORT_KEY)
if last:
    with st.container(border=True):
        st.markdown("**Last upload**")
        _show_report(last)
        st.button("Dismiss", key="upload_dismiss", on_click=_dismiss_report)

with st.expander("Upload articles (.txt, .md, .html, .jsonl)", expanded=False):
    files = st.file_uploader("Files", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
                             key="upload", help=f"At most {MAX_ARTICLE_CHARS:,} characters per article; a .jsonl "
                                                "file holds one article per line (bad lines are reported, the "
                                                "others kept).")
    done = st.session_state.setdefault("_na_uploaded", set())
    new = [u for u in (files or []) if u.file_id not in done]
    if new:
        done.update(u.file_id for u in new)
        rep = _upload(new)
        st.session_state[REPORT_KEY] = rep
        if rep["added"]:
            current = list(st.session_state.get("collection") or [])
            if current and UPLOAD_COLLECTION not in current:
                request_filter("collections", current + [UPLOAD_COLLECTION])
            request_filter("articles", [])
            st.session_state["article_pick"] = rep["added"][0]
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
st.caption(" · ".join(highlight.escape_markdown(highlight.cell_text(x)) for x in (art["outlet"], art["published"],
                                                                                 art["collection"], art["url"])
                      if highlight.cell_text(x)))
st.caption(f"{len(bundle['quotes'])} quotes · {len(bundle['speakers'])} speakers · {len(bundle['places'])} place "
           f"mentions · {len(bundle['casualties'])} casualty reports")
st.html(highlight.legend_html(["quote", "speaker", "place", "casualty"]))
st.html(highlight.highlight_html(art["text"], highlight.article_spans(bundle)))
