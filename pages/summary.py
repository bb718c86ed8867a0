"""For my clinic: what this person explored, as a PDF and a calendar file. Made on demand; stored nowhere."""

import datetime as dt

import streamlit as st

from knowledge.queries import (
    assess_reversibility,
    calendar_events,
    checklist_result,
    take_home,
    timeline,
    triage,
)
from ui import explored, modes
from ui.content import for_page
from ui.pages import inside_app
from ui.take_home_files import milestones_ics, summary_pdf

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
st.title("For my clinic")

if modes.is_presenting(modes.active()):
    st.info("The personal summary is not shown in the consultation view.", icon=":material/visibility_off:")
else:
    kept = st.get_option("server.disconnectedSessionTTL")
    st.markdown(
        "Gather what you explored in this tab into a summary to take to your clinic. "
        "It is made when you download it and is not saved anywhere. "
        f"When you close this tab, the server keeps what you entered for {kept} seconds in case the "
        "connection only dropped, then deletes it."
    )
    product = explored.recall(explored.ReversibilityInputs)
    dates = explored.recall(explored.TimelineInputs)
    check = explored.recall(explored.SelfCheckInputs)
    questions = explored.recall(explored.ChecklistInputs)
    today = dt.date.today()
    st.header("What to include")
    parts = {}
    if product is not None and st.checkbox("The product and whether it can be dissolved", value=True):
        parts["reversibility"] = assess_reversibility(k, product=product.product, material=product.material)
    if dates is not None and st.checkbox("My treatment and its key dates", value=True):
        parts["timeline"] = timeline(k, dates.treatment, dates.start, dates.product)
    if check is not None and st.checkbox("My symptom self-check result", value=True):
        parts["triage"] = triage(k, check.treatment, check.days_since, check.reports)
    if questions is not None and st.checkbox("Questions to ask my injector", value=True):
        parts["checklist"] = checklist_result(k, questions.ticked)

    summary = take_home(k, made_on=today, **parts)
    if summary.is_empty:
        st.info(
            "Nothing to include yet. Use the reversibility checker, the timeline, the self-check or the "
            "checklist in this tab first, then come back here.",
            icon=":material/info:",
        )
    else:
        st.download_button(
            "Download my summary (PDF)",
            data=lambda: summary_pdf(k, summary),
            file_name="my-injectables-summary.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
        )
    events = calendar_events(summary.timeline) if summary.timeline else ()
    if events:
        st.download_button(
            "Add key dates to my calendar (.ics)",
            data=lambda: milestones_ics(events),
            file_name="injectables-key-dates.ics",
            mime="text/calendar",
            icon=":material/event:",
            on_click="ignore",
        )
    elif summary.timeline:
        st.caption("Add your treatment date on the timeline page to get a calendar file.")

    if st.button("Clear what I explored", icon=":material/delete:"):
        explored.forget_all()
        st.rerun()
