"""Streamlit entry point: builds the store on first start, draws the shared filters, routes to the pages.

Run with ``streamlit run dashboard.py``. The store is ``$NEWS_ATLAS_DB`` or
``data/atlas.duckdb``; pages live in ``components/ui/pages/``.
"""

import streamlit as st

from components.errors import NewsAtlasError
from components.ui import loaders
from components.ui.sidebar import render_filters

st.set_page_config(page_title="News Atlas: who said what, where", page_icon=":material/public:", layout="wide")

try:
    store = loaders.store()
except NewsAtlasError as exc:
    st.error(f"The data store cannot be opened: {exc}")
    st.stop()

if loaders.store_is_empty(store):
    with st.status("Building the store from the embedded default data (first start)…", expanded=True) as status:
        bar = st.progress(0.0, text="reading articles")

        def _progress(done: int, total: int, label: str) -> None:
            bar.progress(done / max(total, 1), text=f"{done} of {total} articles extracted ({label[:50]})")

        report = loaders.build_default(store, _progress)
        status.update(label="Store built" + (f": {report.summary().splitlines()[0]}" if report else ""),
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
render_filters()
page.run()
