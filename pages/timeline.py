"""Recovery timeline: illustrative curves, key dates and aftercare windows, as a chart and as a table."""

import datetime as dt

import streamlit as st

from knowledge.queries import check_treatment_date, parse_link_date, products_for, timeline
from ui import explored, links, modes, render
from ui.charts import timeline_spec
from ui.content import for_page
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
WIDEST = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))

st.title("Recovery timeline")
st.markdown("What recovery usually looks like after each treatment. Add your treatment date to see calendar dates.")


update_treatment = links.bind("treatment", lambda raw: raw if raw in k.treatment_by_id else None)
today = dt.date.today()
update_date = links.bind("date", lambda raw: parse_link_date(raw, today), dt.date.isoformat)
treatment = st.selectbox(
    "Treatment",
    options=[t.id for t in k.treatments],
    format_func=lambda tid: k.treatment_by_id[tid].name,
    key="treatment",
    on_change=update_treatment,
)
typed = st.date_input(
    "Treatment date (optional)",
    value=None,
    format="DD/MM/YYYY",
    key="date",
    on_change=update_date,
    # The box takes any date so that one the timeline cannot use reaches this page and gets a reason; with
    # narrower limits the browser dropped it without a word and the old chart stayed.
    min_value=WIDEST[0],
    max_value=WIDEST[1],
)
start = None
if typed is not None:
    try:
        start = check_treatment_date(typed, today)
    except ValueError as error:
        st.warning(f"**This date was not used:** {error}. The chart below has no dates.", icon=":material/event_busy:")
    else:
        # Said in words, so a date the box changed (31 February becomes 28 February) does not go unnoticed.
        st.caption(f"Treatment date: {start:%A %d %B %Y}")
toxins = [p.id for p in products_for(k, treatment)]
product = None
if toxins:
    update_product = links.bind("toxin", lambda raw: raw if raw in toxins else None)
    product = st.selectbox(
        "Product (optional): some last longer than others",
        options=toxins,
        format_func=lambda pid: f"{k.product_by_id[pid].name} ({k.product_by_id[pid].maker})",
        index=None,
        key="toxin",
        on_change=update_product,
        placeholder="Choose the product, if you know it",
    )
explored.remember(explored.TimelineInputs(treatment=treatment, start=start, product=product))

result = timeline(k, treatment, start, product)
st.vega_lite_chart(timeline_spec(treatment, start, today if start else None, modes.large_type(), product))
st.caption(
    "The curves are illustrative: they show a typical shape, not what will happen to you. "
    "Healing differs from person to person."
)
for series in result.series:
    render.cited(k, series.explanation)

st.header("Key dates")
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
