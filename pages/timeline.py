"""Recovery timeline: illustrative curves, key dates and aftercare windows, as a chart and as a table."""

import datetime as dt

import streamlit as st

from knowledge.queries import timeline
from ui import render
from ui.charts import timeline_chart
from ui.knowledge import knowledge

k = knowledge()

st.title("Recovery timeline")
st.markdown("What recovery usually looks like after each treatment. Add your treatment date to see calendar dates.")
treatment = st.selectbox(
    "Treatment",
    options=[t.id for t in k.treatments],
    format_func=lambda tid: k.treatment_by_id[tid].name,
    key="treatment",
)
start = st.date_input("Treatment date (optional)", value=None, format="DD/MM/YYYY", key="date")

result = timeline(k, treatment, start)
today = dt.date.today() if start else None
st.altair_chart(timeline_chart(result, today))
st.caption(
    "The curves are illustrative: they show a typical shape, not what will happen to you. "
    "Healing differs from person to person."
)
for series in result.series:
    render.cited(k, series.explanation)

st.subheader("Key dates")
for window in result.windows:
    span = f"Day {window.days.start:g}" + (f" to {window.days.end:g}" if window.days.end != window.days.start else "")
    if window.start_date:
        span += f" ({window.start_date:%d %b}" + (f" to {window.end_date:%d %b %Y})" if window.end_date else ")")
    st.markdown(f"**{span}: {window.name}** ({window.kind})  \n{window.text.text}")
    render.sources_caption(k, window.text.sources)

with st.expander("The chart's data as a table"):
    st.dataframe(
        [row.model_dump(exclude={"illustrative"} | (set() if start else {"date"})) for row in result.rows],
        hide_index=True,
        column_config={"value": st.column_config.NumberColumn("value (illustrative, 0 to 100)")},
    )
