"""Symptom self-check: red flags first, then the treatment and usual symptoms; one care card out.

Answers stay in this browser session only: they never go into the URL, a log or a file.
"""

import streamlit as st

from knowledge.queries import SymptomReport, red_flags, triage, usual_symptoms
from ui import explored, render
from ui.knowledge import knowledge

k = knowledge()
WORSE, NOT_WORSE = "Getting worse", "Getting better or staying the same"

st.title("Symptom self-check")
st.markdown(
    "This check cannot examine you or tell you what is wrong. It tells you how soon to get help "
    "and who to contact, based on your answers. If you are worried, contact your injector anyway."
)

st.header("1. Do you have any of these right now?")
reports = [SymptomReport(symptom=s.id) for s in red_flags(k) if st.checkbox(s.question, key=f"flag-{s.id}")]
early_result = st.container()

st.header("2. Your treatment")
treatment = st.radio(
    "What did you have injected?",
    options=[t.id for t in k.treatments],
    format_func=lambda tid: k.treatment_by_id[tid].name,
    key="self-check-treatment",
)
days_since = st.number_input(
    "How many days ago was it? (0 means today)", min_value=0, max_value=3650, value=0, step=1, key="self-check-days"
)

st.header("3. Other symptoms")
st.caption("Tick any you have. Then say if each one is getting better or worse.")
for symptom in usual_symptoms(k, treatment):
    if st.checkbox(symptom.question, key=f"symptom-{symptom.id}"):
        trend = st.radio(
            f"{symptom.label}: is it getting better or worse?",
            options=[NOT_WORSE, WORSE],
            horizontal=True,
            key=f"trend-{symptom.id}",
        )
        reports.append(SymptomReport(symptom=symptom.id, worsening=trend == WORSE))

result = triage(k, treatment, int(days_since), reports)
explored.remember(
    "self_check",
    {"treatment": treatment, "days_since": int(days_since), "reports": [r.model_dump() for r in reports]}
    if reports
    else None,
)
st.header("Your result")
if result.level.id == "emergency":
    # Emergency advice must not wait below the other questions: the full card goes right under them.
    with early_result:
        render.care_card(k, result)
    render.level_banner(result.level)
    st.markdown(f"**What to do:** {result.level.do_this.text} The details are above, under question 1.")
elif reports:
    render.care_card(k, result)
else:
    # No answers yet: no result card, so an empty form never reads as "nothing is wrong".
    st.info("Tick any signs or symptoms above to see how soon to get help.", icon=":material/arrow_upward:")
    render.safety_net(k, result)
