"""Triage: the clinical case table, its coverage, and properties that must always hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from triage_cases import BOTOX, CASES, EVERY, FILLERS, score

from knowledge import load_knowledge
from knowledge.queries import SymptomReport, UnknownIdError, question_groups, red_flags, triage, usual_symptoms
from knowledge.schema import CARE_LEVELS, DANGER_FLOOR, rank

K = load_knowledge()
TREATMENTS = [t.id for t in K.treatments]
SYMPTOMS = [s.id for s in K.symptoms]
RED_FLAGS = [s.id for s in red_flags(K)]


def reports(pairs) -> list[SymptomReport]:
    return [SymptomReport(symptom=s, worsening=w) for s, w in pairs]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_clinical_case_gets_the_expected_level(case):
    result = triage(K, case.treatment, case.days, reports(case.reports))
    assert result.level.id == case.expected, case.basis
    if case.answers:
        # The reasons shown for the level are answers the person gave, each with a non-seed source.
        assert result.triggering
        assert {r.symptom.id for r in result.triggering} <= {s for s, _ in case.reports}
        for reason in result.triggering:
            assert any(K.source_by_id[sid].authoritative for sid in reason.because.sources)


def level_of(case) -> str:
    return triage(K, case.treatment, case.days, reports(case.reports)).level.id


def test_table_figures_full_emergency_and_act_now_sensitivity_and_no_under_triage():
    result = score(level_of, CARE_LEVELS)
    assert result.sensitivity == 1.0 and result.under == ()
    assert result.over_triage == 0.0  # the figures scripts/triage_report.py prints for the README


def test_the_table_score_would_catch_under_and_over_triage():
    assert score(lambda case: "self_care", CARE_LEVELS).sensitivity == 0.0
    assert score(lambda case: "emergency", CARE_LEVELS).over_triage == 1.0
    assert len(score(lambda case: "self_care", CARE_LEVELS).under) == sum(c.expected != "self_care" for c in CASES)


def test_case_table_covers_every_question_for_every_treatment_it_applies_to():
    covered = {(s, case.treatment) for case in CASES for s, _ in case.reports}
    needed = {(s.id, t) for s in K.symptoms for t in s.applies_to}
    assert needed - covered == set()
    assert len(CASES) >= 90
    assert {case.expected for case in CASES} == set(CARE_LEVELS)
    assert {case.treatment for case in CASES} == set(TREATMENTS)


def test_case_table_holds_the_traps_named_by_the_clinical_review():
    traps = {case.trap for case in CASES if case.trap}
    two_sided = (
        "ordinary bruise vs lacy discolouration",
        "day-1 lip swelling vs a hot swelling on day 9",
        "Tyndall tint vs sudden dusky skin",
        "Botox headache vs sudden worst headache",
        "worsening on the peak days vs after them",
    )
    assert {*two_sided, "brow vs lid droop"} <= traps
    # Each of these has cases on both sides of the line it draws. The brow and lid droop share a level and
    # are told apart by their advice (see the next test).
    for trap in two_sided:
        assert len({case.expected for case in CASES if case.trap == trap}) >= 2, trap


def test_brow_and_lid_droop_after_botox_are_told_apart():
    lid = triage(K, BOTOX, 6, reports([("droopy-eyelid", False)]))
    brow = triage(K, BOTOX, 6, reports([("brow-drop", False)]))
    assert lid.level.id == brow.level.id == "soon"
    assert "eye drops" in lid.triggering[0].because.text
    assert "do not lift it" in brow.triggering[0].because.text  # drops lift the lid, not the brow


def test_the_blocked_vessel_level_says_act_now_with_an_emergency_department_fallback():
    result = triage(K, "filler_ha", 0, reports([("skin-colour-change", False)]))
    assert result.level.id == "act_now"
    words = f"{result.do_this.text} {result.level.how_soon} {result.level.contact}".lower()
    assert "now" in words and "emergency department" in words and "filler" in words
    assert "tomorrow" in words  # "do not wait until tomorrow"
    assert "today, within a few hours" not in words


def test_answers_after_botox_are_explained_for_botox():
    """A Botox answer never speaks of removing filler, and of a blocked vessel only if filler was also given."""
    for symptom in K.symptoms:
        if BOTOX in symptom.applies_to:
            result = triage(K, BOTOX, 20, reports([(symptom.id, True)]))
            for reason in result.reasons:
                text = reason.because.text.lower()
                assert "filler can be" not in text, symptom.id
                assert "blocked blood vessel" not in text or "also had filler" in text, symptom.id
    assert "dissolv" not in triage(K, BOTOX, 20, reports([("asymmetry", False)])).triggering[0].because.text


def test_every_level_says_what_to_do_how_soon_whom_to_contact_and_why_with_sources():
    for level in K.care_levels:
        for treatment in TREATMENTS:
            for part in (level.do_this.for_treatment(treatment), level.why.for_treatment(treatment)):
                assert part.text and any(K.source_by_id[s].authoritative for s in part.sources)
        assert level.how_soon and level.contact


def test_bad_input_is_refused():
    with pytest.raises(UnknownIdError):
        triage(K, "laser", 1, [])
    with pytest.raises(UnknownIdError):
        triage(K, "botox", 1, reports([("hiccups", False)]))
    with pytest.raises(ValueError):
        triage(K, "botox", -1, [])


# --- Properties ------------------------------------------------------------------------------------------

treatments = st.sampled_from(TREATMENTS)
days = st.integers(min_value=0, max_value=400)
answer_lists = st.lists(
    st.builds(SymptomReport, symptom=st.sampled_from(SYMPTOMS), worsening=st.booleans()), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(treatments)
def test_every_question_is_asked_for_each_treatment_it_applies_to(treatment):
    asked = {s.id for s in red_flags(K)} | {s.id for g in question_groups(K, treatment) for s in g.symptoms}
    assert asked == {s.id for s in K.symptoms if treatment in s.applies_to}
    # Red flags come first and apply whatever the treatment; every other question sits under one heading.
    assert not set(RED_FLAGS) & {s.id for s in usual_symptoms(K, treatment)}


# The dangers the review named, with the signs a person would tick for them, written from the review rather
# than read from the content: (danger, symptom, treatments, worsening needed, last day it counts).
DANGER_SIGNS = [
    ("blocked_vessel", "skin-colour-change", FILLERS, False, None),
    ("blocked_vessel", "severe-pain", FILLERS, False, 14),
    ("blocked_vessel", "bruising", FILLERS, True, 5),
    ("blocked_vessel", "skin-breakdown", FILLERS, False, 5),
    ("blocked_vessel", "tyndall-tint", ("filler_ha", "filler_unknown"), False, 5),
    ("eye", "vision-change", FILLERS, False, None),
    ("eye", "eye-signs-after-filler", FILLERS, False, None),
    ("stroke", "stroke-signs", EVERY, False, None),
    ("stroke", "sudden-headache", EVERY, False, None),
    ("anaphylaxis", "severe-allergy", EVERY, False, None),
    ("anaphylaxis", "breathing-swallowing", EVERY, False, None),
    ("toxin_spread", "spreading-weakness", (BOTOX,), False, None),
    ("toxin_spread", "breathing-swallowing", (BOTOX,), False, None),
    ("toxin_spread", "vision-change", (BOTOX,), False, None),
]


@st.composite
def answer_sets_with_a_danger_sign(draw):
    danger, symptom, allowed, worsening, last_day = draw(st.sampled_from(DANGER_SIGNS))
    treatment = draw(st.sampled_from(allowed))
    day = draw(st.integers(min_value=0, max_value=last_day if last_day is not None else 400))
    sign = SymptomReport(symptom=symptom, worsening=worsening or draw(st.booleans()))
    others = draw(answer_lists)
    position = draw(st.integers(min_value=0, max_value=len(others)))
    return danger, treatment, day, [*others[:position], sign, *others[position:]]


@settings(max_examples=600, deadline=None)
@given(answer_sets_with_a_danger_sign())
def test_no_answer_set_with_a_danger_sign_gets_less_than_act_now(drawn):
    danger, treatment, day, answers = drawn
    level = triage(K, treatment, day, answers).level
    assert level.rank <= rank("act_now")
    assert level.rank <= rank(DANGER_FLOOR[danger])


def test_the_content_marks_every_danger_sign_the_review_named():
    for danger, symptom, allowed, _, _ in DANGER_SIGNS:
        signals = K.symptom_by_id[symptom].signals
        marked = {
            t for s in signals if s.danger == danger for t in (s.treatments or K.symptom_by_id[symptom].applies_to)
        }
        assert set(allowed) <= marked, (danger, symptom)


@settings(max_examples=400, deadline=None)
@given(
    treatments, days, answer_lists, st.builds(SymptomReport, symptom=st.sampled_from(SYMPTOMS), worsening=st.booleans())
)
def test_adding_an_answer_never_lowers_the_level(treatment, day, answers, extra):
    before = triage(K, treatment, day, answers).level
    after = triage(K, treatment, day, [*answers, extra]).level
    assert after.rank <= before.rank


@settings(max_examples=200, deadline=None)
@given(treatments, days, answer_lists)
def test_getting_worse_never_lowers_the_level(treatment, day, answers):
    worse = [SymptomReport(symptom=a.symptom, worsening=True) for a in answers]
    assert triage(K, treatment, day, worse).level.rank <= triage(K, treatment, day, answers).level.rank


@settings(max_examples=300, deadline=None)
@given(treatments, days, answer_lists, st.sampled_from(RED_FLAGS), st.booleans())
def test_any_emergency_sign_gives_emergency(treatment, day, answers, flag, worsening):
    result = triage(K, treatment, day, [*answers, SymptomReport(symptom=flag, worsening=worsening)])
    assert result.level.id == "emergency"


@settings(max_examples=300, deadline=None)
@given(treatments, days, answer_lists)
def test_every_result_cites_a_non_seed_source_and_ends_with_a_safety_net(treatment, day, answers):
    result = triage(K, treatment, day, answers)
    cited = [K.source_by_id[sid] for sid in result.sources]
    assert any(source.authoritative for source in cited)
    assert any(K.source_by_id[sid].authoritative for sid in result.do_this.sources)
    assert result.safety_net


@settings(max_examples=200, deadline=None)
@given(treatments, days, answer_lists)
def test_triage_is_deterministic_and_ignores_answer_order(treatment, day, answers):
    forward = triage(K, treatment, day, answers)
    backward = triage(K, treatment, day, list(reversed(answers)))
    assert forward.level == backward.level
    assert sorted(r.because.text for r in forward.reasons) == sorted(r.because.text for r in backward.reasons)
