"""Map page: places as markers (size = mentions, colour = killed); selecting points filters every view."""

import os
from dataclasses import replace

import streamlit as st

from components.ui import basemap, charts, loaders
from components.ui.highlight import escape_markdown
from components.ui.sidebar import current_filters, request_filter
from components.ui.widgets import date_range_slider, download_buttons, plural

f = current_filters()
st.title("Map")


def _wanted_style() -> str:
    """Configured style: the page's choice, else ``NEWS_ATLAS_MAP_STYLE``, else the default."""
    env = os.environ.get("NEWS_ATLAS_MAP_STYLE", charts.DEFAULT_MAP_STYLE)
    return st.session_state.get("map_style") or (env if env in charts.MAP_STYLES else charts.DEFAULT_MAP_STYLE)


def _on_select() -> None:
    event = st.session_state.get("map_chart")
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    names = sorted({p["customdata"][0] for p in points if p.get("customdata")})
    if names:
        request_filter("places", names)


c1, c2 = st.columns([3, 1])
wanted = _wanted_style()
if wanted == charts.OFFLINE_MAP_STYLE or loaders.tiles_reachable():
    style = c2.selectbox("Base map", charts.MAP_STYLES, key="map_style", index=charts.MAP_STYLES.index(wanted))
else:
    # offline: the selector shows what is really drawn, and cannot pick a style that needs tiles
    style = charts.OFFLINE_MAP_STYLE
    c2.selectbox("Base map", charts.MAP_STYLES, index=charts.MAP_STYLES.index(style), disabled=True,
                 key="map_style_offline", help=f"{wanted} needs the tile server, which cannot be reached.")
    c2.caption(f"Offline: tiles unreachable, drawing `{style}` with country outlines instead of `{wanted}`.")
date_range_slider("map_dates", f)
df = loaders.q("map_places", f, 500, 3)
c1.markdown(f"**{plural(len(df), 'place')}** (most mentioned, up to 500) · size = mentions · colour = people "
            "killed, all causes together: attacks, disasters and disease (blue: none reported; *Play over time* "
            "below keeps the causes apart). Select markers (click, box or lasso) to filter every page by those "
            "places.")
if df.empty:
    st.info("No geocoded places under these filters.")
else:
    outlines = basemap.country_outlines() if style == charts.OFFLINE_MAP_STYLE else None
    # a selection keeps its neighbours in grey around it (the same view without the place filter)
    context = loaders.q("map_places", replace(f, places=()), 500, 0) if f.places else None
    st.plotly_chart(charts.map_figure(df, style, outlines=outlines, context=context), key="map_chart",
                    on_select=_on_select,
                    selection_mode=("points", "box", "lasso"), config={"scrollZoom": True})
with st.expander("Play over time: people killed per period, coloured by cause", expanded=False):
    points = loaders.q("casualty_points", f)
    if points.empty:
        st.info("No dated, geocoded casualty with a death under these filters.")
    else:
        st.caption("One frame per day, week or month (by the span of the dates); marker area ~ people killed at "
                   "the place in that period; red: attacks and armed violence, orange: disasters and accidents, "
                   "purple: deaths whose text names no cause, which is how outbreak reports state disease deaths. "
                   "Press Play or drag the period slider; the date slider above sets the span.")
        pb_outlines = basemap.country_outlines() if style == charts.OFFLINE_MAP_STYLE else None
        st.plotly_chart(charts.playback_figure(points, style, outlines=pb_outlines), key="map_playback")
if f.places:
    st.markdown("Filtered to: " + ", ".join(f"**{escape_markdown(p)}**" for p in f.places))
    if st.button("Clear place selection"):
        request_filter("places", [])
        st.rerun()
download_buttons("places", lambda: loaders.q("places_table", f), "map_dl", f)
