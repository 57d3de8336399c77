"""Overview page: counts under the filters, top speakers, top places, casualty totals."""

import streamlit as st

from components.ui import charts, loaders
from components.ui.sidebar import current_filters
from components.ui.widgets import CASUALTY_PARTS_NOTE, display_frame, download_buttons, include_unnamed

# Widths (px) that fit the half-page column of a 1400 px window (about 440 px); the role, the long
# one, comes last so a narrower screen clips it rather than the country.
SPEAKER_COLUMNS = {
    "speaker": st.column_config.TextColumn("speaker", width=150),
    "quotes": st.column_config.NumberColumn("quotes", width=60),
    "articles": st.column_config.NumberColumn("articles", width=62),
    "country": st.column_config.TextColumn("country", width=62),
    "role": st.column_config.TextColumn("role", width=100),
}
SPEAKER_ORDER = ("speaker", "quotes", "articles", "country", "role")

f = current_filters()
st.title("Who said what, where")
counts = loaders.q("overview_counts", f)
cols = st.columns(5)
cols[0].metric("Articles", f"{counts['articles']:,}")
cols[1].metric("Quotes", f"{counts['quotes']:,}")
cols[2].metric("Speakers", f"{counts['speakers']:,}")
cols[3].metric("Places", f"{counts['places']:,}", help=f"{counts['mentions']:,} mentions")
cols[4].metric("Casualty reports", f"{counts['casualty_events']:,}")
st.markdown(
    f"**Casualties reported** (lower bounds summed): **{counts['killed']:,} killed**, "
    f"**{counts['injured']:,} injured**, {counts['missing']:,} missing."
)

left, right = st.columns(2)
with left:
    unnamed = include_unnamed()
    sp = loaders.q("top_speakers", f, 10, named_only=not unnamed)
    if sp.empty:
        st.info("No attributed quotes under these filters." if unnamed else
                "No person or organisation speaks under these filters (tick “Include unnamed sources” for officials, reports …).")
    else:
        st.plotly_chart(charts.bar_top(sp, "speaker", "quotes", "Top speakers" if unnamed else "Top speakers (people and organisations)"),
                        key="ov_speakers")
        st.dataframe(display_frame(sp), hide_index=True, key="ov_speakers_table", column_config=SPEAKER_COLUMNS,
                     column_order=SPEAKER_ORDER)
with right:
    pl = loaders.q("top_places", f, 10)
    if pl.empty:
        st.info("No places under these filters.")
    else:
        st.plotly_chart(charts.bar_top(pl, "place", "mentions", "Top places"), key="ov_places")
        st.dataframe(display_frame(pl), hide_index=True, key="ov_places_table")

st.subheader("Downloads (all filtered rows)")
st.caption("Quotes")
download_buttons("quotes", lambda: loaders.q("quotes_export", f), "dl_quotes", f)
st.caption("Places")
download_buttons("places", lambda: loaders.q("places_table", f), "dl_places", f)
st.caption("Casualties")
download_buttons("casualties", lambda: loaders.q("casualties_table", f), "dl_casualties", f)
st.caption(CASUALTY_PARTS_NOTE)
