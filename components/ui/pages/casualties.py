"""Casualties page: paged table (with each record's confidence; "Least confident first" sorts by it) and a
chart by place and date, linked to the map. ``?event=ID`` opens one event with its reports, which can be
corrected there (figures, place, wrong); selecting a table row puts its event there."""

import pandas as pd
import streamlit as st

from components.ui import charts, correct, loaders
from components.ui.highlight import escape_markdown
from components.ui.sidebar import current_filters, request_filter
from components.store.queries import CASUALTY_SORTS, DESCENDING_FIRST
from components.ui.widgets import (CASUALTY_PARTS_NOTE, date_range_slider, display_frame, download_buttons, pager, plural,
                                  sort_control)

# Table columns, left to right: the counts, then the title of the reporting article (in view at 1400 px),
# the event's toll across articles ("at least 4 killed; reports 3-4") and its number of reports, the
# details, and the article id at the far right (the page query's idx/start/end are left out).
TABLE_COLUMNS = ("place", "date", "killed_min", "killed_max", "injured_min", "injured_max", "article",
                 "event_killed", "reports", "confidence", "cause",
                 "actor", "killed_qualifier", "injured_qualifier", "missing_min", "missing_max",
                 "perpetrator_killed_min", "published", "country", "lat", "lon", "event_id", "article_id")

f = current_filters()
st.title("Casualties")
correct.notice("cas")
date_range_slider("cas_dates", f)
counts = loaders.q("casualty_totals", f)
st.markdown(f"Reported under these filters, each event once with its highest report: **{counts['killed']:,} killed**, "
            f"**{counts['injured']:,} injured**, {counts['missing']:,} missing "
            f"({plural(counts['events'], 'event')} in {plural(counts['reports'], 'report')}).")
event_link = str(st.query_params.get("event", ""))[:200]
if event_link:  # permalink of one event across articles: ?event=ID
    reports = loaders.q("casualty_event_reports", event_link)
    if reports.empty:
        st.warning("No stored casualty event has this id.")
    else:
        summary = loaders.q("casualty_event_summary", [event_link]).iloc[0]
        with st.container(border=True):
            others = [f"{int(summary[k]):,} {word}" for k, word in (("injured_best", "injured"), ("missing_best", "missing"))
                      if pd.notna(summary[k])]
            st.markdown(f"**Event {escape_markdown(event_link)}**: "
                        f"{' · '.join([summary['event_killed'] or 'no death toll given'] + others)} "
                        f"({plural(int(summary['reports']), 'report')} in {plural(int(summary['articles']), 'article')})")
            st.dataframe(display_frame(reports[["place", "date", "killed_min", "killed_max", "injured_min", "missing_min",
                                                "parts", "sentence", "cause", "title", "outlet", "published", "url"]]),
                         hide_index=True, key="cas_event_reports")
            with st.expander("Correct a report of this event" if len(reports) > 1 else "Correct this report"):
                author = correct.author_input("cas_fix_author")
                rows = reports.to_dict("records")
                i = st.selectbox("Report", range(len(rows)), key=correct.widget_key("cas_fix", "pick", event_link),
                                 format_func=lambda k: correct.casualty_label(rows[k])) if len(rows) > 1 else 0
                correct.casualty_correction_controls(rows[i], "cas_fix", author)
chart = loaders.q("casualties_by_place_date", f)
undated = int(chart.loc[chart["date"].isna(), "events"].sum()) if not chart.empty else 0
chart = chart[chart["date"].notna()] if not chart.empty else chart
if not chart.empty:
    event = st.plotly_chart(charts.casualty_figure(chart), key="cas_chart", on_select="rerun",
                            selection_mode=("points",))
    points = event.selection.points if event is not None else []
    picked = sorted({p["customdata"][0] for p in points if p.get("customdata") and p["customdata"][0] != charts.UNKNOWN_PLACE})
    if picked and st.button(f"Show {', '.join(escape_markdown(p) for p in picked)} on the map", key="cas_to_map"):
        request_filter("places", picked)
        st.switch_page("components/ui/pages/map.py")
if undated:
    st.caption(f"{undated} records without a date are not in the chart (they are in the table)." if undated > 1
               else "1 record without a date is not in the chart (it is in the table).")
total = counts["reports"]
sort, desc = sort_control("cas", list(CASUALTY_SORTS), "date", DESCENDING_FIRST)
correct.least_confident_first("cas")
limit, offset = pager(total, "cas", "casualty reports", "casualty report")
page = loaders.q("casualties_page", f, limit, offset, sort, desc)
if page.empty:
    st.info("No casualty reports under these filters.")
else:
    # the article's title beside the counts; its id (for look-ups) at the far right
    show = display_frame(page[[c for c in TABLE_COLUMNS if c in page.columns]].assign(
        confidence=page["confidence"].round(2)))
    picked_row = st.dataframe(
        show, hide_index=True, key="cas_table", on_select="rerun", selection_mode="single-row",
        column_config={"confidence": st.column_config.NumberColumn(
                           "confidence", format="%.2f", width="small",
                           help="How sure the rules are of the figures and place (0-1)"),
                       "article": st.column_config.TextColumn("article", width="medium",
                                                              help="title of the article reporting it"),
                       "article_id": st.column_config.TextColumn("article id", width="small")})
    rows = picked_row.selection.rows if picked_row is not None else []
    if rows and page["event_id"].iloc[rows[0]] and st.session_state.get("cas_row_seen") != (offset, rows[0]):
        # selecting a row opens its event (above) and puts it in the address: ?event=ID
        st.session_state["cas_row_seen"] = (offset, rows[0])
        st.query_params["event"] = str(page["event_id"].iloc[rows[0]])
        st.rerun()
    if not rows:
        st.session_state.pop("cas_row_seen", None)
    places = sorted(p for p in page["place"].dropna().unique() if p)
    if places:
        c1, c2 = st.columns([3, 1])
        target = c1.selectbox("Place", places, key="cas_place")
        if c2.button("Show on the map", key="cas_place_map"):
            request_filter("places", [target])
            st.switch_page("components/ui/pages/map.py")
download_buttons("casualties", lambda: loaders.q("casualties_table", f), "cas_dl", f)
st.caption(CASUALTY_PARTS_NOTE)
