"""Articles page: a reader highlighting quotes, speakers, places and casualty sentences, where the article's
quotes and casualty records can be corrected (components/ui/correct.py); upload of new articles."""

import os
from functools import partial
from pathlib import Path

import streamlit as st

from components.errors import ArticleReadError, NewsAtlasError
from components.fetch import DEFAULT_TIMEOUT_S, MAX_FEED_ITEMS, MAX_PAGE_BYTES, fetch_bytes, read_url
from components.ingest import MAX_ARTICLE_CHARS, META_SUFFIX, SUPPORTED_SUFFIXES, parse_sidecar, read_bytes, sidecar_stem
from components.worker import detect_language, headline_only_reason
from components.ui import correct, highlight, loaders
from components.ui.sidebar import DATE_MIN, DATE_MAX, UPLOAD_COLLECTION, current_filters, request_filter
from components.store.queries import ARTICLE_SORTS, DESCENDING_FIRST
from components.ui.widgets import display_frame, pager, plural, sort_control

f = current_filters()
st.title("Articles")
correct.notice("art")

# The last upload's report stays in the session (the page reruns after an upload, which would wipe
# messages written during the upload run) until the next upload or "Dismiss".
REPORT_KEY = "_na_upload_report"
# "1": the Add by URL box may read private and local addresses (a dashboard on one's own machine or network,
# and the browser test's local server); otherwise they are refused (a public dashboard must not read its network)
FETCH_PRIVATE_ENV = "NEWS_ATLAS_FETCH_PRIVATE"
# Articles extracted per upload (about 1 s each on a small server; the browser tab must stay open):
# more are listed as not extracted, with a pointer to the command line.
MAX_UPLOAD_ARTICLES = 500


def _sidecars(files: list, rep: dict) -> dict[str, dict]:
    """The ``NAME.meta.yaml`` sidecars among ``files``, read and keyed by ``NAME``; each one without its
    article file (``NAME.txt``, ``.md``, ``.html``, ``.htm``) in the same upload is reported in ``unread``."""
    articles = {Path(u.name).stem for u in files if sidecar_stem(u.name) is None
                and Path(u.name).suffix.lower() in SUPPORTED_SUFFIXES and Path(u.name).suffix.lower() != ".jsonl"}
    out: dict[str, dict] = {}
    for u in files:
        stem = sidecar_stem(u.name)
        if stem is None:
            continue
        if stem not in articles:
            rep["unread"].append((u.name, f"a sidecar needs its article in the same upload: choose {stem}.txt (or "
                                          f".md, .html) together with {u.name}"))
            continue
        try:
            out[stem] = parse_sidecar(u.getvalue(), u.name)
        except ArticleReadError as exc:
            rep["unread"].append((exc.where, exc.reason))
            out[stem] = None
        except Exception as exc:  # the boundary of one file: an unexpected error costs only this file
            rep["unread"].append((u.name, f"cannot be read: {type(exc).__name__}: {exc}"))
            out[stem] = None  # the article is not read without the metadata it was sent with
    return out


def _upload(files: list, default_published: str | None = None, replace: bool = False) -> dict:
    """Read and ingest uploaded files; return the report shown by :func:`_show_report`.

    A ``NAME.meta.yaml`` sidecar is paired with the article file ``NAME.*`` of the same upload (as a sidecar
    beside its file on the command line). ``default_published`` (ISO) is the date of articles that give none
    of their own; ``replace`` re-extracts articles already stored.

    Returns:
        dict: ``added`` (article ids), ``replaced`` (names of stored articles overwritten), ``stored`` (names of
        articles already stored), and lists of ``(name, reason)``: ``skipped`` (other skips: the same article
        twice in the upload), ``unread`` (unreadable files, bad JSONL lines: the good lines are kept, as on
        the command line; a sidecar without its article), ``failed`` (articles that could not be added: an id
        used by another article), ``warnings``.
    """
    rep: dict = {"added": [], "replaced": [], "stored": [], "skipped": [], "unread": [], "failed": [],
                 "warnings": []}
    sidecars = _sidecars(files, rep)
    articles = []
    for u in files:
        if sidecar_stem(u.name) is not None:
            continue
        meta = sidecars.get(Path(u.name).stem, {})
        if meta is None:
            rep["unread"].append((u.name, f"not read: its sidecar {Path(u.name).stem}{META_SUFFIX} is invalid"))
            continue
        try:
            articles += read_bytes(u.getvalue(), u.name, meta, collection=UPLOAD_COLLECTION,
                                   on_error=lambda where, why: rep["unread"].append((where, why)),
                                   on_warning=lambda where, why: rep["warnings"].append((where, why)),
                                   default_published=default_published)
        except ArticleReadError as exc:
            rep["unread"].append((exc.where, exc.reason))
        except Exception as exc:  # the boundary of one file: an unexpected error costs only this file
            rep["unread"].append((u.name, f"cannot be read: {type(exc).__name__}: {exc}"))
    if len(articles) > MAX_UPLOAD_ARTICLES:
        rep["unread"] += [(a.source_path or a.id, f"not extracted: an upload takes at most {MAX_UPLOAD_ARTICLES} "
                                                  "articles; ingest large collections with the command line "
                                                  "(python -m components ingest)") for a in articles[MAX_UPLOAD_ARTICLES:]]
        articles = articles[:MAX_UPLOAD_ARTICLES]
    if not articles:
        return rep
    bar = st.progress(0.0, text=f"Extracting {len(articles)} article(s)…")

    def progress(done_n: int, total: int, label: str) -> None:
        bar.progress(done_n / max(total, 1), text=f"Extracted {done_n} of {total}: {label[:60]}")

    try:
        report = loaders.ingest_upload(loaders.store(), articles, progress, replace=replace)
    except NewsAtlasError as exc:
        busy = "another ingest is writing" in str(exc)
        rep["failed"].append(("the upload", "not stored: another ingest (from the command line, or the build of the "
                              "bundled collections) is writing into the store; upload the files again when it "
                              "has finished" if busy else f"could not be stored: {exc}"))
        return rep
    rep["added"] = list(report.added)
    names = {a.id: a.source_path or a.id for a in articles}
    rep["replaced"] = [names.get(i, i) for i in report.replaced]
    rep["stored"] = [what for what, why in report.skipped if why == "already stored"]
    rep["skipped"] = [(what, why) for what, why in report.skipped if why != "already stored"]
    rep["failed"] += report.failed
    rep["warnings"] += report.warnings
    return rep


def _show_report(rep: dict) -> None:
    """The last upload's outcome: what was added, what was already stored, every error and warning.

    File names, titles and reasons hold user text: every piece is Markdown-escaped.
    """
    esc = highlight.escape_markdown
    names = ", ".join(esc(n) for n in rep["stored"])
    stored = (f"{len(rep['stored'])} already stored: {names} (tick '{loaders.REPLACE_LABEL}' and upload again to "
              "re-extract)") if rep["stored"] else ""
    replaced = rep.get("replaced", [])
    n_new = len(rep["added"]) - len(replaced)
    if rep["added"]:
        done = []
        if n_new:
            done.append(f"Added {plural(n_new, 'article')} to the collection '{UPLOAD_COLLECTION}'.")
        if replaced:
            done.append(f"Replaced {plural(len(replaced), 'stored article')}, re-extracted in their collection: "
                        f"{', '.join(esc(n) for n in replaced)}.")
        shown = "It now appears" if len(rep["added"]) == 1 else "They now appear"
        st.success(" ".join(done) + f" {shown} on every page." + (f" {stored}." if stored else ""))
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


def _reports(casualties) -> str:
    """"1 casualty report (2 parts)": a part of a report's breakdown (``part_of`` set) is not a report of its
    own, as on the Overview and Casualties pages."""
    parts = int(casualties["part_of"].notna().sum()) if "part_of" in casualties else 0
    text = plural(len(casualties) - parts, "casualty report")
    return text + (f" ({plural(parts, 'part')})" if parts else "")


def _dismiss_report() -> None:
    st.session_state.pop(REPORT_KEY, None)


last = st.session_state.get(REPORT_KEY)
if last:
    with st.container(border=True):
        st.markdown("**Last upload**")
        _show_report(last)
        st.button("Dismiss", key="upload_dismiss", on_click=_dismiss_report)

with st.expander("Upload articles (.txt, .md, .html, .jsonl)", expanded=False):
    st.caption("Set the options first, then choose the files: they are read as soon as they are chosen.")
    day = st.date_input("Published date (for files that give none)", value=None, min_value=DATE_MIN,
                        max_value=DATE_MAX, key="upload_published",
                        help="Used only for articles without a date of their own: a date in the file's sidecar "
                             "or JSONL line, an HTML page's date or a dateline near the top always wins. "
                             "Without any date, an article's casualties are missing from the Casualties chart.")
    replace = st.checkbox(loaders.REPLACE_LABEL, key="upload_replace",
                          help="Re-extract an article already stored (the same text, or the same id in its sidecar "
                               "or JSONL line) instead of skipping it, e.g. after correcting its sidecar; it stays "
                               "in its collection. A file whose text changed has a new id (unless its sidecar "
                               "gives one) and is added beside the old version.")
    building = loaders.build_progress(loaders.store().path).running
    if building:
        # the build holds the store's writer lock between its batches: an upload now would wait, then fail
        st.info("The bundled collections are being built (see the progress above): uploads open when it "
                "finishes (choose the files then).")
    files = st.file_uploader("Files", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES] + ["yaml"],
                             accept_multiple_files=True, key="upload", disabled=building,
                             help=f"At most {MAX_ARTICLE_CHARS:,} characters per article; a .jsonl file holds one "
                                  "article per line (bad lines are reported, the others kept). Add a sidecar "
                                  f"NAME{META_SUFFIX} (title, outlet, published, url, id) together with NAME.txt "
                                  "(or .md, .html) in the same upload.")
    done = st.session_state.setdefault("_na_uploaded", set())
    new = [u for u in (files or []) if u.file_id not in done]
    if new:
        done.update(u.file_id for u in new)
        rep = _upload(new, day.isoformat() if day else None, bool(replace))
        st.session_state[REPORT_KEY] = rep
        if rep["added"]:
            current = list(st.session_state.get("collection") or [])
            if current and UPLOAD_COLLECTION not in current:
                request_filter("collections", current + [UPLOAD_COLLECTION])
            request_filter("articles", [])
            st.session_state["article_pick"] = rep["added"][0]
        st.rerun()

with st.expander("Add by URL (a news page, or an RSS/Atom feed)", expanded=False):
    url = st.text_input("Link", key="add_url", max_chars=2000, placeholder="https://…/article.html or …/feed.xml",
                        help=f"Fetched with a {DEFAULT_TIMEOUT_S} s timeout and at most {MAX_PAGE_BYTES:,} bytes; "
                             f"a feed gives up to {MAX_FEED_ITEMS} items, each from its own text or its page. "
                             "Private and local addresses are refused unless the server sets "
                             f"{FETCH_PRIVATE_ENV}=1.")
    if st.button("Fetch and add", key="add_url_go", disabled=not url.strip()):
        with st.spinner("Fetching…"):
            got = read_url(url.strip(), collection=UPLOAD_COLLECTION,
                           fetch=partial(fetch_bytes, allow_private=os.environ.get(FETCH_PRIVATE_ENV) == "1"))
        rep = {"added": [], "replaced": [], "stored": [], "skipped": [], "unread": list(got.problems), "failed": [],
               "warnings": []}
        if got.articles:
            try:
                report = loaders.ingest_upload(loaders.store(), got.articles)
                rep["added"] = list(report.added)
                rep["stored"] = [w for w, why in report.skipped if why == "already stored"]
                rep["skipped"] = [(w, why) for w, why in report.skipped if why != "already stored"]
                rep["failed"] += report.failed
            except NewsAtlasError as exc:
                rep["failed"].append((url, f"could not be stored: {exc}"))
        st.session_state[REPORT_KEY] = rep
        if rep["added"]:
            current = list(st.session_state.get("collection") or [])
            if current and UPLOAD_COLLECTION not in current:
                request_filter("collections", current + [UPLOAD_COLLECTION])
            st.session_state["article_pick"] = rep["added"][0]
        st.rerun()

total = loaders.q("count_articles", f)
sort, desc = sort_control("art", list(ARTICLE_SORTS), "published", DESCENDING_FIRST)
limit, offset = pager(total, "art", "articles")
page = loaders.q("articles_page", f, limit, offset, sort, desc)
if page.empty:
    st.info("No articles under these filters.")
    st.stop()
event = st.dataframe(display_frame(page), hide_index=True, on_select="rerun", selection_mode="single-row", key="articles_table",
                     column_config={"title": st.column_config.TextColumn("title", width="large")})
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
st.caption(f"{plural(len(bundle['quotes']), 'quote')} · {plural(len(bundle['speakers']), 'speaker')} · "
           f"{plural(len(bundle['places']), 'place mention')} · {_reports(bundle['casualties'])}")
if not any(len(bundle[k]) for k in ("quotes", "speakers", "places", "casualties")):
    lang = detect_language(art["text"] or "")
    short = headline_only_reason(art["text"])
    if lang:
        st.info(f"Nothing was extracted: the text is not English (language detected: {lang}). "
                "The extractors read English only; the article is kept as it was supplied.")
    elif short:
        st.info(f"Nothing was extracted: {short}. The article is kept as it was supplied.")
    else:
        st.info(f"Nothing was extracted from this article ({len(art['text'] or ''):,} characters). Either the "
                "extractors found no quotation, place or casualty in it, or its extraction ran past the time "
                "budget (30 s per 50,000 characters) and it was kept without results. To try again with more "
                "time: `python -m components ingest FILE --replace --article-timeout 300`.")
with st.expander("Correct this article's quotes and casualty records"):
    correct.reader_correction_controls(bundle, "art_fix")
st.html(highlight.legend_html(["quote", "speaker", "place", "casualty"]))
st.html(highlight.highlight_html(art["text"], highlight.article_spans(bundle)))
