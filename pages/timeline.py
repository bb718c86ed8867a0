"""Recovery timeline: illustrative curves, key dates and aftercare windows, as a chart and as a table."""

import datetime as dt
import re

import streamlit as st

from knowledge.queries import products_for, timeline
from ui import explored, links, modes, render
from ui.charts import timeline_spec
from ui.knowledge import knowledge
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = knowledge()

st.title("Recovery timeline")
st.markdown("What recovery usually looks like after each treatment. Add your treatment date to see calendar dates.")


EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date.today() + dt.timedelta(days=365)


def iso_date(raw: str) -> dt.date:
    """A link's date: only YYYY-MM-DD, and only a date the date box accepts (else a reason, shown)."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise ValueError("a date is written like 2026-03-01, and this one is not a real date") from None
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"the date must be between {EARLIEST:%d %B %Y} and {LATEST:%d %B %Y}")
    return day


update_treatment = links.bind("treatment", lambda raw: raw if raw in k.treatment_by_id else None)
update_date = links.bind("date", iso_date, dt.date.isoformat)
treatment = st.selectbox(
    "Treatment",
    options=[t.id for t in k.treatments],
    format_func=lambda tid: k.treatment_by_id[tid].name,
    key="treatment",
    on_change=update_treatment,
)
start = st.date_input(
    "Treatment date (optional)",
    value=None,
    format="DD/MM/YYYY",
    key="date",
    on_change=update_date,
    min_value=EARLIEST,
    max_value=LATEST,
)
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
today = dt.date.today() if start else None
st.vega_lite_chart(timeline_spec(treatment, start, today, modes.large_type(), product))
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
