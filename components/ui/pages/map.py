"""Map page: places as markers (size = mentions, colour = killed); selecting points filters every view."""

import os

import streamlit as st

from components.ui import basemap, charts, loaders
from components.ui.sidebar import current_filters, request_filter
from components.ui.widgets import download_buttons

f = current_filters()
st.title("Map")


def _base_style() -> str:
    """Configured style (``NEWS_ATLAS_MAP_STYLE`` or the page's choice); ``white-bg`` when tiles are unreachable."""
    wanted = st.session_state.get("map_style") or os.environ.get("NEWS_ATLAS_MAP_STYLE") or charts.DEFAULT_MAP_STYLE
    if wanted != charts.OFFLINE_MAP_STYLE and not loaders.tiles_reachable():
        st.caption("Map tiles are unreachable (offline): using the plain white base map.")
        return charts.OFFLINE_MAP_STYLE
    return wanted


def _on_select() -> None:
    event = st.session_state.get("map_chart")
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    names = sorted({p["customdata"][0] for p in points if p.get("customdata")})
    if names:
        request_filter("places", names)


c1, c2 = st.columns([3, 1])
c2.selectbox("Base map", charts.MAP_STYLES, key="map_style",
             index=charts.MAP_STYLES.index(os.environ.get("NEWS_ATLAS_MAP_STYLE", charts.DEFAULT_MAP_STYLE))
             if os.environ.get("NEWS_ATLAS_MAP_STYLE", charts.DEFAULT_MAP_STYLE) in charts.MAP_STYLES else 0)
df = loaders.q("map_places", f, 500, 3)
c1.markdown(f"**{len(df):,} places** (most mentioned, up to 500) · size = mentions · colour = people killed "
            "(blue: none reported). Select markers (click, box or lasso) to filter every page by those places.")
if df.empty:
    st.info("No geocoded places under these filters.")
else:
    style = _base_style()
    outlines = basemap.country_outlines() if style == charts.OFFLINE_MAP_STYLE else None
    st.plotly_chart(charts.map_figure(df, style, outlines=outlines), key="map_chart", on_select=_on_select,
                    selection_mode=("points", "box", "lasso"), config={"scrollZoom": True})
if f.places:
    st.markdown("Filtered to: " + ", ".join(f"`{p}`" for p in f.places))
    if st.button("Clear place selection"):
        request_filter("places", [])
        st.rerun()
download_buttons("places", lambda: loaders.q("places_table", f), "map_dl")
