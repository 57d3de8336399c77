"""Stance page: speaker x topic diverging bars; selecting a bar (or the picker) shows its evidence quotes."""

import streamlit as st

from components.ui import charts, loaders
from components.ui.highlight import escape_markdown
from components.ui.sidebar import current_filters
from components.ui.widgets import display_frame, include_unnamed

MAX_SPEAKERS = 25

f = current_filters()
topics = loaders.topic_labels()
st.title("Stance")
st.caption("Stance of each speaker on each topic as stored by the extraction (with several articles: the "
           "majority, neutral on a tie), written on every bar with the mean score, which sets the bar's length "
           "from oppose (−1) through neutral (0) to support (+1). Select a bar to read the evidence.")
unnamed = include_unnamed()
m = loaders.q("stance_matrix", f, MAX_SPEAKERS, named_only=not unnamed)
if m.empty:
    st.info("No stances under these filters." if unnamed else
            "No stance of a person or organisation under these filters (tick “Include unnamed sources” for officials, "
            "reports …).")
    st.stop()
event = st.plotly_chart(charts.stance_figure(m, topics), key="stance_chart", on_select="rerun",
                        selection_mode=("points",))
pairs = [(r.speaker, r.topic) for r in m.itertuples(index=False)]
points = event.selection.points if event is not None else []
if points and points[0].get("customdata"):
    st.session_state["stance_pick"] = tuple(points[0]["customdata"][:2])
if st.session_state.get("stance_pick") not in pairs:
    st.session_state["stance_pick"] = pairs[0]
speaker, topic = st.selectbox("Evidence for", pairs, key="stance_pick",
                              format_func=lambda p: f"{p[0]} · {topics.get(p[1], p[1])}")
row = m[(m["speaker"] == speaker) & (m["topic"] == topic)].iloc[0]
st.markdown(f"**{escape_markdown(speaker)}** on **{escape_markdown(topics.get(topic, topic))}**: "
            f"**{row['polarity']}** (mean score {row['score']:+.2f}; articles: support {row['support']}, "
            f"neutral {row['neutral']}, oppose {row['oppose']})")
ev = loaders.q("stance_evidence", f, speaker, topic, 50)
st.dataframe(display_frame(ev.drop(columns=["article_id"])), hide_index=True, key="stance_evidence",
             column_config={"quote": st.column_config.TextColumn("quote", width="large")})
