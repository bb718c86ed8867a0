"""Recovery timeline: illustrative curves, key dates and aftercare windows, as a chart and as a table."""

import datetime as dt

import streamlit as st

from knowledge.queries import check_treatment_date, parse_link_date, products_for, timeline
from ui import explored, links, modes, render
from ui.charts import timeline_spec
from ui.content import for_page
from ui.pages import inside_app
from ui.text import full_date, long_date, reason, t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
WIDEST = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))

st.title(t("pages.timeline"))
st.markdown(t("timeline.intro"))


update_treatment = links.bind("treatment", lambda raw: raw if raw in k.treatment_by_id else None)
today = dt.date.today()
update_date = links.bind("date", lambda raw: parse_link_date(raw, today), dt.date.isoformat)
treatment = st.selectbox(
    t("timeline.treatment"),
    options=[tr.id for tr in k.treatments],
    format_func=lambda tid: k.treatment_by_id[tid].name,
    key="treatment",
    on_change=update_treatment,
)
typed = st.date_input(
    t("timeline.treatment_date_label"),
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
        st.warning(t("timeline.date_not_used", reason=reason(error)), icon=":material/event_busy:")
    else:
        # Said in words, so a date the box changed (31 February becomes 28 February) does not go unnoticed.
        st.caption(t("timeline.treatment_date", date=full_date(start)))
toxins = [p.id for p in products_for(k, treatment)]
product = None
if toxins:
    update_product = links.bind("toxin", lambda raw: raw if raw in toxins else None)
    product = st.selectbox(
        t("timeline.product_label"),
        options=toxins,
        format_func=lambda pid: f"{k.product_by_id[pid].name} ({k.product_by_id[pid].maker})",
        index=None,
        key="toxin",
        on_change=update_product,
        placeholder=t("timeline.product_placeholder"),
    )
explored.remember(explored.TimelineInputs(treatment=treatment, start=start, product=product))

result = timeline(k, treatment, start, product)
st.vega_lite_chart(timeline_spec(treatment, start, today if start else None, modes.large_type(), product))
st.caption(t("timeline.illustrative"))
for series in result.series:
    render.cited(k, series.explanation)

kinds = {
    "expected": t("timeline.kind_expected"),
    "milestone": t("timeline.kind_milestone"),
    "aftercare": t("timeline.kind_aftercare"),
}
st.header(t("timeline.key_dates"))
for window in result.windows:
    first, last = f"{window.days.start:g}", f"{window.days.end:g}"
    span = t("timeline.day", day=first) if first == last else t("timeline.days", start=first, end=last)
    if window.start_date:
        span = (
            t("timeline.span_dates", span=span, start=long_date(window.start_date), end=long_date(window.end_date))
            if window.end_date
            else t("timeline.span_date", span=span, date=long_date(window.start_date))
        )
    kind = kinds.get(window.kind, window.kind)
    st.markdown(t("timeline.window", span=span, name=window.name, kind=kind, text=window.text.text))
    render.sources_caption(k, window.text.sources)

with st.expander(t("timeline.table")):
    st.dataframe(
        [row.model_dump(exclude={"illustrative"} | (set() if start else {"date"})) for row in result.rows],
        hide_index=True,
        column_config={
            "day": st.column_config.Column(t("timeline.column_day")),
            **({"date": st.column_config.Column(t("timeline.column_date"))} if start else {}),
            "series": st.column_config.Column(t("timeline.column_series")),
            "value": st.column_config.NumberColumn(t("timeline.column_value")),
            "phase": st.column_config.Column(t("timeline.column_phase")),
        },
    )
