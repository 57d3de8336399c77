"""Streamlit entry point: starts the first build (seed now, the rest in the background), draws the shared
filters and the build's progress, routes to the pages.

Run with ``streamlit run dashboard.py``. The store is ``$NEWS_ATLAS_DB`` or
``data/atlas.duckdb``; pages live in ``components/ui/pages/``.
"""

import streamlit as st

from components.errors import NewsAtlasError
from components.ui import loaders
from components.ui.highlight import escape_markdown
from components.ui.sidebar import hidden_articles_notice, render_filters
from components.ui.widgets import build_status

st.set_page_config(page_title="News Atlas: who said what, where", page_icon=":material/public:", layout="wide")

try:
    store = loaders.store()
except NewsAtlasError as exc:
    st.error(f"The data store cannot be opened: {escape_markdown(str(exc))}")
    st.stop()

# First start: the seed is extracted now (seconds), the bundled collections in the background.
_seed_box = st.empty()
build = loaders.first_start(store, on_seed=lambda: _seed_box.info(
    "First start: extracting the seed article; the bundled collections follow in the background…",
    icon=":material/hourglass_top:"))
_seed_box.empty()
if not build.running and loaders.stale_articles(loaders.store()):
    # records of an older extractor are re-extracted, never shown mixed with new ones
    with st.status("Re-extracting the articles stored by an older version of the extractor…", expanded=True) as _box:
        _bar = st.progress(0.0, text="re-extracted")

        def _progress(done: int, total: int, label: str) -> None:
            _bar.progress(done / max(total, 1), text=f"{done} of {total} articles re-extracted ({label[:50]})")

        _report = loaders.reextract(loaders.store(), _progress)
        _box.update(label="Store up to date" + (f": re-extracted {len(_report.added)} article(s)" if _report else ""),
                    state="complete", expanded=False)

# The default page is served at the root URL (Streamlit ignores its url_path, which must still be unique:
# "home" is never shown). "/overview" is the same page under a hidden entry, so that address works too.
PAGES = [
    st.Page("components/ui/pages/overview.py", title="Overview", icon=":material/dashboard:", url_path="home",
            default=True),
    st.Page("components/ui/pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    st.Page("components/ui/pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("components/ui/pages/stance.py", title="Stance", icon=":material/balance:", url_path="stance"),
    st.Page("components/ui/pages/casualties.py", title="Casualties", icon=":material/emergency:",
            url_path="casualties"),
    st.Page("components/ui/pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
    st.Page("components/ui/pages/review.py", title="Review", icon=":material/rule:", url_path="review"),
    st.Page("components/ui/pages/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview",
            visibility="hidden"),
]
page = st.navigation(PAGES)
filters = render_filters()
build_status(build)
hidden_articles_notice(filters)
page.run()
