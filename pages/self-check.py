"""Symptom self-check: red flags first, then the treatment and its questions by heading; one care card out.

Answers stay in this browser session only: they never go into the URL, a log or a file.
"""

import streamlit as st

from knowledge.queries import MAX_DAYS_SINCE, SymptomReport, check_days_since, question_groups, red_flags, triage
from ui import explored, render
from ui.content import for_page
from ui.pages import inside_app

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
WORSE, NOT_WORSE = "Getting worse", "Getting better or staying the same"
RED_FLAGS = "red-flags"
FIRST_QUESTION = "1. Do you have any of these now, or have you had them since the treatment?"
SAME_VISIT = "Had filler at the same visit too? Choose the filler first, then do the check again for Botox."

st.title("Symptom self-check")
st.markdown(
    "This check cannot examine you or tell you what is wrong. It tells you how soon to get help "
    "and who to contact, based on your answers. If you are worried, contact your injector anyway."
)

st.header(FIRST_QUESTION)
reports = [SymptomReport(symptom=s.id) for s in red_flags(k) if st.checkbox(s.question, key=f"flag-{s.id}")]
asked_in = dict.fromkeys((r.symptom for r in reports), RED_FLAGS)
unanswered: list[str] = []  # signs ticked without saying whether they are getting worse
slots = {RED_FLAGS: st.container()}  # an urgent card goes right under the questions that led to it

st.header("2. Your treatment")
treatment = st.radio(
    "What did you have injected?",
    options=[t.id for t in k.treatments],
    format_func=lambda tid: k.treatment_by_id[tid].name,
    captions=[SAME_VISIT if k.treatment_by_id[tid].kind == "toxin" else "" for tid in k.treatment_by_id],
    key="self-check-treatment",
)
# No limits on the box itself: with them, the browser dropped a number out of range without a word and the old
# result stayed. Here every number arrives, and one that cannot be used gets its reason.
typed_days = st.number_input("How many days ago was it? (0 means today)", value=0, step=1, key="self-check-days")
try:
    days_since: int | None = check_days_since(typed_days)
except ValueError as error:
    days_since = None
    st.warning(
        f"**How many days ago: {error}.** Until it is a number from 0 to {MAX_DAYS_SINCE:,}, the advice below "
        "counts every stage after treatment, so it may be more urgent than you need.",
        icon=":material/edit_calendar:",
    )

st.header("3. Other signs and symptoms")
st.caption(f"Questions for: {k.treatment_by_id[treatment].name}. Tick any you have.")
for group in question_groups(k, treatment):
    st.subheader(group.group.title)
    if group.intro:
        render.cited(k, group.intro)
    for symptom in group.symptoms:
        if st.checkbox(symptom.question, key=f"symptom-{symptom.id}"):
            worsening = False
            if symptom.asks_trend(treatment):
                # Nothing is chosen for the person: an unanswered trend is named in the result, never assumed.
                trend = st.radio(
                    f"{symptom.label}: is it getting better or worse?"
                    + (f" (Worse means: {symptom.worse_means})" if symptom.worse_means else ""),
                    options=[NOT_WORSE, WORSE],
                    index=None,
                    horizontal=True,
                    key=f"trend-{symptom.id}",
                )
                worsening = trend == WORSE
                if trend is None:
                    unanswered.append(symptom.label)
            reports.append(SymptomReport(symptom=symptom.id, worsening=worsening))
            asked_in[symptom.id] = group.group.id
    slots[group.group.id] = st.container()

result = triage(k, treatment, days_since, reports)
if reports:
    explored.remember(explored.SelfCheckInputs(treatment=treatment, days_since=days_since, reports=reports))
else:
    explored.forget(explored.SelfCheckInputs)
st.header("Your result")
if unanswered:
    st.warning(
        f"**Is it getting worse?** You have not said for: {', '.join(unanswered)}. Answer under each one: "
        "if it is getting worse, the advice can be more urgent.",
        icon=":material/help:",
    )
if render.acts_at_once(result.level):
    # Act-now and emergency advice must not wait below the other questions: the full card goes right under
    # the first heading holding an answer that led to it, and a short copy closes the page.
    first = next(slot for key, slot in slots.items() if key in {asked_in[r.symptom.id] for r in result.triggering})
    with first:
        render.care_card(k, result)
    render.level_banner(result.level)
    st.markdown(f"**What to do:** {result.do_this.text} The details are in the card above, under your answers.")
    render.safety_net(k, result)
elif reports:
    render.care_card(k, result)
else:
    # No answers yet: no result card, so an empty form never reads as "nothing is wrong".
    st.info("Tick any signs or symptoms above to see how soon to get help.", icon=":material/arrow_upward:")
    render.safety_net(k, result)
