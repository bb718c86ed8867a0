"""Symptom self-check: red flags first, then the treatment and its questions by heading; one care card out.

Answers stay in this browser session only: they never go into the URL, a log or a file.
"""

import streamlit as st

from knowledge.queries import MAX_DAYS_SINCE, SymptomReport, check_days_since, question_groups, red_flags, triage
from ui import explored, render
from ui.content import for_page
from ui.pages import inside_app
from ui.text import reason, t

inside_app()  # first: a visit Streamlit runs without app.py is handed to app.py

k = for_page()
RED_FLAGS = "red-flags"
# The answers are codes, worded in the reader's language: a change of language keeps what was answered.
TREND_WORDS = {"not_worse": t("self_check.not_worse"), "worse": t("self_check.worse")}
same_visit = t("self_check.same_visit")

st.title(t("pages.self_check"))
st.markdown(t("self_check.intro"))

st.header(t("self_check.first_question"))
reports = [SymptomReport(symptom=s.id) for s in red_flags(k) if st.checkbox(s.question, key=f"flag-{s.id}")]
asked_in = dict.fromkeys((r.symptom for r in reports), RED_FLAGS)
unanswered: list[str] = []  # signs ticked without saying whether they are getting worse
slots = {RED_FLAGS: st.container()}  # an urgent card goes right under the questions that led to it

st.header(t("self_check.your_treatment"))
treatment = st.radio(
    t("self_check.what_injected"),
    options=[tr.id for tr in k.treatments],
    format_func=lambda tid: k.treatment_by_id[tid].name,
    captions=[same_visit if k.treatment_by_id[tid].kind == "toxin" else "" for tid in k.treatment_by_id],
    key="self-check-treatment",
)
# No limits on the box itself: with them, the browser dropped a number out of range without a word and the old
# result stayed. Here every number arrives, and one that cannot be used gets its reason.
typed_days = st.number_input(t("self_check.days_ago", today=0), value=0, step=1, key="self-check-days")
try:
    days_since: int | None = check_days_since(typed_days)
except ValueError as error:
    days_since = None
    st.warning(
        t("self_check.days_unusable", error=reason(error), max_days=f"{MAX_DAYS_SINCE:,}"),
        icon=":material/edit_calendar:",
    )

st.header(t("self_check.other_signs"))
st.caption(t("self_check.questions_for", name=k.treatment_by_id[treatment].name))
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
                    t("self_check.trend_question_worse_means", symptom=symptom.label, text=symptom.worse_means)
                    if symptom.worse_means
                    else t("self_check.trend_question", symptom=symptom.label),
                    options=list(TREND_WORDS),
                    format_func=TREND_WORDS.get,
                    index=None,
                    horizontal=True,
                    key=f"trend-{symptom.id}",
                )
                worsening = trend == "worse"
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
st.header(t("self_check.your_result"))
if unanswered:
    st.warning(
        t("self_check.trend_unanswered", symptoms=", ".join(unanswered)),
        icon=":material/help:",
    )
if render.acts_at_once(result.level):
    # Act-now and emergency advice must not wait below the other questions: the full card goes right under
    # the first heading holding an answer that led to it, and a short copy closes the page.
    first = next(slot for key, slot in slots.items() if key in {asked_in[r.symptom.id] for r in result.triggering})
    with first:
        render.care_card(k, result)
    render.level_banner(result.level)
    st.markdown(t("self_check.what_to_do_above", text=result.do_this.text))
    render.safety_net(k, result)
elif reports:
    render.care_card(k, result)
else:
    # No answers yet: no result card, so an empty form never reads as "nothing is wrong".
    st.info(t("self_check.tick_to_see"), icon=":material/arrow_upward:")
    render.safety_net(k, result)
