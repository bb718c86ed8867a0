"""Triage: a table of clinical scenarios with their expected care level, and properties that must always hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import load_knowledge
from knowledge.queries import SymptomReport, UnknownIdError, red_flags, triage, usual_symptoms

K = load_knowledge()
RANK = {c.id: c.rank for c in K.care_levels}
TREATMENTS = [t.id for t in K.treatments]
SYMPTOMS = [s.id for s in K.symptoms]
RED_FLAGS = [s.id for s in red_flags(K)]


def reports(*answers: str) -> list[SymptomReport]:
    """'swelling' is a symptom; 'swelling+' is the same symptom getting worse."""
    return [SymptomReport(symptom=a.rstrip("+"), worsening=a.endswith("+")) for a in answers]


# (treatment, days since treatment, answers, expected level)
SCENARIOS = [
    # Emergency: every sign named in the brief, after every kind of treatment.
    ("filler_ha", 0, ["vision-change"], "emergency"),
    ("filler_ha", 0, ["stroke-signs"], "emergency"),
    ("filler_other", 1, ["vision-change", "swelling"], "emergency"),
    ("filler_unknown", 2, ["breathing-swallowing"], "emergency"),
    ("botox", 10, ["breathing-swallowing"], "emergency"),
    ("botox", 5, ["vision-change", "droopy-eyelid"], "emergency"),
    ("hyaluronidase", 0, ["severe-allergy"], "emergency"),
    ("filler_ha", 0, ["severe-allergy", "mild-redness"], "emergency"),
    ("filler_other", 0, ["stroke-signs", "skin-colour-change"], "emergency"),
    ("botox", 1, ["severe-allergy"], "emergency"),
    # Urgent: contact the injector today.
    ("filler_ha", 0, ["skin-colour-change"], "urgent"),
    ("filler_unknown", 0, ["skin-colour-change", "tenderness"], "urgent"),
    ("filler_ha", 1, ["severe-pain"], "urgent"),
    ("filler_ha", 2, ["tenderness+"], "urgent"),
    ("filler_other", 3, ["warmth-spreading-redness"], "urgent"),
    ("filler_ha", 1, ["severe-swelling"], "urgent"),
    ("filler_ha", 4, ["fever"], "urgent"),
    ("botox", 2, ["fever"], "urgent"),
    ("filler_ha", 2, ["swelling+"], "urgent"),
    ("filler_ha", 3, ["mild-redness+"], "urgent"),
    ("filler_other", 42, ["hard-or-uneven+"], "urgent"),
    ("filler_ha", 90, ["late-swelling-redness+"], "urgent"),
    ("hyaluronidase", 1, ["swelling+"], "urgent"),
    # Soon: book a check.
    ("filler_other", 42, ["hard-or-uneven"], "soon"),
    ("filler_ha", 21, ["asymmetry"], "soon"),
    ("botox", 7, ["droopy-eyelid"], "soon"),
    ("filler_ha", 10, ["swelling"], "soon"),
    ("filler_unknown", 12, ["bruising"], "soon"),
    ("filler_ha", 3, ["bruising+"], "soon"),
    ("filler_ha", 120, ["late-swelling-redness"], "soon"),
    ("botox", 14, ["asymmetry", "bruising"], "soon"),
    ("filler_ha", 9, ["tenderness"], "soon"),
    # Self care: usual recovery.
    ("filler_ha", 2, ["swelling", "tenderness"], "self_care"),
    ("filler_ha", 1, ["swelling", "bruising", "mild-redness"], "self_care"),
    ("filler_other", 7, ["swelling"], "self_care"),
    ("botox", 1, ["mild-redness"], "self_care"),
    ("botox", 3, [], "self_care"),
    ("hyaluronidase", 2, ["swelling", "bruising"], "self_care"),
    ("filler_unknown", 0, [], "self_care"),
]


@pytest.mark.parametrize(("treatment", "days", "answers", "expected"), SCENARIOS)
def test_scenario_gets_expected_level(treatment, days, answers, expected):
    result = triage(K, treatment, days, reports(*answers))
    assert result.level.id == expected
    # The reasons shown for the level are the answers that led to it, each with sources.
    if answers:
        assert result.triggering
        assert all(r.because.sources for r in result.triggering)
        assert {r.symptom.id for r in result.triggering} <= {a.rstrip("+") for a in answers}


def test_table_covers_every_level_treatment_and_red_flag():
    assert {row[3] for row in SCENARIOS} == set(RANK)
    assert {row[0] for row in SCENARIOS} == set(TREATMENTS)
    assert set(RED_FLAGS) <= {a for row in SCENARIOS if row[3] == "emergency" for a in row[2]}
    assert len(SCENARIOS) >= 30


def test_emergency_signs_from_the_brief_are_all_red_flags():
    labels = " ".join(s.label.lower() for s in red_flags(K))
    for sign in ("sight", "stroke", "breathing", "swallowing", "allergic"):
        assert sign in labels


def test_usual_symptoms_exclude_red_flags_and_follow_treatment():
    botox = [s.id for s in usual_symptoms(K, "botox")]
    assert "droopy-eyelid" in botox and "vision-change" not in botox
    assert "droopy-eyelid" not in [s.id for s in usual_symptoms(K, "filler_ha")]


def test_self_care_result_gives_aftercare_and_safety_net():
    result = triage(K, "filler_ha", 1, reports("swelling"))
    assert result.aftercare and result.safety_net
    assert all(c.sources for c in result.safety_net)


def test_bad_input_is_refused():
    with pytest.raises(UnknownIdError):
        triage(K, "laser", 1, [])
    with pytest.raises(UnknownIdError):
        triage(K, "botox", 1, reports("hiccups"))
    with pytest.raises(ValueError):
        triage(K, "botox", -1, [])


answer_lists = st.lists(
    st.builds(SymptomReport, symptom=st.sampled_from(SYMPTOMS), worsening=st.booleans()), max_size=8
)
days = st.integers(min_value=0, max_value=400)
treatments = st.sampled_from(TREATMENTS)


@settings(max_examples=300, deadline=None)
@given(
    treatments, days, answer_lists, st.builds(SymptomReport, symptom=st.sampled_from(SYMPTOMS), worsening=st.booleans())
)
def test_adding_a_symptom_never_lowers_the_level(treatment, day, answers, extra):
    before = triage(K, treatment, day, answers).level
    after = triage(K, treatment, day, [*answers, extra]).level
    assert after.rank <= before.rank


@settings(max_examples=300, deadline=None)
@given(treatments, days, answer_lists, st.sampled_from(RED_FLAGS), st.booleans())
def test_any_emergency_sign_gives_emergency(treatment, day, answers, flag, worsening):
    result = triage(K, treatment, day, [*answers, SymptomReport(symptom=flag, worsening=worsening)])
    assert result.level.id == "emergency"


@settings(max_examples=300, deadline=None)
@given(treatments, days, answer_lists)
def test_every_result_is_cited_and_ends_with_a_safety_net(treatment, day, answers):
    result = triage(K, treatment, day, answers)
    assert result.sources
    assert result.level.do_this.sources
    assert result.safety_net


@settings(max_examples=200, deadline=None)
@given(treatments, days, answer_lists)
def test_triage_is_deterministic_and_ignores_answer_order(treatment, day, answers):
    forward = triage(K, treatment, day, answers)
    backward = triage(K, treatment, day, list(reversed(answers)))
    assert forward.level == backward.level
    assert sorted(r.because.text for r in forward.reasons) == sorted(r.because.text for r in backward.reasons)
