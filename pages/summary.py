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
from ui.take_home_files import lines_pdf, milestones_ics, summary_lines
from ui.text import t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
st.title(t("pages.summary"))

if modes.is_presenting(modes.active()):
    st.info(t("summary.not_in_consult"), icon=":material/visibility_off:")
else:
    kept = st.get_option("server.disconnectedSessionTTL")
    st.markdown(t("summary.intro", kept=kept))
    product = explored.recall(explored.ReversibilityInputs)
    dates = explored.recall(explored.TimelineInputs)
    check = explored.recall(explored.SelfCheckInputs)
    questions = explored.recall(explored.ChecklistInputs)
    today = dt.date.today()
    st.header(t("summary.what_to_include"))
    parts = {}
    if product is not None and st.checkbox(t("summary.include_product"), value=True):
        parts["reversibility"] = assess_reversibility(k, product=product.product, material=product.material)
    if dates is not None and st.checkbox(t("summary.include_timeline"), value=True):
        parts["timeline"] = timeline(k, dates.treatment, dates.start, dates.product)
    if check is not None and st.checkbox(t("summary.include_self_check"), value=True):
        parts["triage"] = triage(k, check.treatment, check.days_since, check.reports)
    if questions is not None and st.checkbox(t("summary.include_questions"), value=True):
        parts["checklist"] = checklist_result(k, questions.ticked)

    summary = take_home(k, made_on=today, **parts)
    if summary.is_empty:
        st.info(t("summary.nothing_yet"), icon=":material/info:")
    else:
        lines = summary_lines(k, summary)  # its words now, in the session's language: the PDF is made later
        st.download_button(
            t("summary.download_pdf"),
            data=lambda: lines_pdf(lines),
            file_name="my-injectables-summary.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
        )
    events = calendar_events(k, summary.timeline) if summary.timeline else ()
    if events:
        st.download_button(
            t("summary.download_ics"),
            data=lambda: milestones_ics(events),
            file_name="injectables-key-dates.ics",
            mime="text/calendar",
            icon=":material/event:",
            on_click="ignore",
        )
    elif summary.timeline:
        st.caption(t("summary.no_date_no_calendar"))

    if st.button(t("summary.clear"), icon=":material/delete:"):
        explored.forget_all()
        st.rerun()
