"""The self-check page through AppTest: what a person sees for each treatment, and where the result goes."""

from __future__ import annotations

import pytest
import streamlit as st
from app_pages import in_order, page_text

from knowledge import load_knowledge
from knowledge.queries import question_groups, red_flags
from knowledge.queries.emergency import with_emergency_number

FIRST_QUESTION = "1. Do you have any of these now, or have you had them since the treatment?"
TREATMENTS = ["filler_ha", "filler_other", "filler_unknown", "botox", "hyaluronidase"]


@pytest.fixture(autouse=True)
def fresh_cache():
    st.cache_resource.clear()
    st.cache_data.clear()
    yield


def self_check(open_page, treatment: str = "filler_ha", days: int = 0):
    at = open_page("pages/self-check.py")
    at.radio(key="self-check-treatment").set_value(treatment).run()
    at.number_input(key="self-check-days").set_value(days).run()
    return at


def tick(at, symptom: str, worse: bool | None = None):
    at.checkbox(key=f"symptom-{symptom}").check().run()
    if worse is not None:
        at.radio(key=f"trend-{symptom}").set_value("worse" if worse else "not_worse").run()
    assert not at.exception
    return at


def card_title(at) -> str:
    """The level shown: the first alert whose words are a care level's title."""
    titles = {f"**{level.title}**" for level in with_emergency_number(load_knowledge(), None).care_levels}
    return next(e.value for e in (*at.main.error, *at.main.warning, *at.main.info) if e.value in titles)


@pytest.mark.parametrize("treatment", TREATMENTS)
def test_only_the_questions_for_the_chosen_treatment_are_shown(treatment, open_page, kb):
    at = self_check(open_page, treatment)
    shown = {c.key for c in at.checkbox}
    expected = {f"flag-{s.id}" for s in red_flags(kb)} | {
        f"symptom-{s.id}" for s in kb.symptoms if not s.red_flag and treatment in s.applies_to
    }
    assert shown == expected


@pytest.mark.parametrize("treatment", TREATMENTS)
def test_red_flags_come_first_then_plain_headings_most_urgent_first(treatment, open_page, kb):
    at = self_check(open_page, treatment)
    order = in_order(at)
    headers = [v for t, v in order if t in ("header", "subheader")]
    assert headers[0] == FIRST_QUESTION
    groups = [g.group.title for g in question_groups(kb, treatment)]
    assert [h for h in headers if h in groups] == groups
    first_question = next(i for i, (t, _) in enumerate(order) if t == "checkbox")
    assert order[first_question - 1] == ("header", FIRST_QUESTION)


def test_getting_worse_is_asked_only_where_it_can_change_the_result(open_page):
    at = self_check(open_page, "filler_ha", 20)
    tick(at, "tyndall-tint")
    assert not [r for r in at.radio if r.key == "trend-tyndall-tint"]
    tick(at, "bruising")
    radio = at.radio(key="trend-bruising")
    assert "spreading or getting darker" in radio.label
    assert radio.value is None  # nothing is chosen for the person


def test_an_unanswered_getting_worse_is_named_above_the_result(open_page):
    at = tick(self_check(open_page, "filler_ha", 1), "bruising")
    prompt = "**Is it getting worse?** You have not said for: A bruise."
    assert any(w.value.startswith(prompt) for w in at.main.warning)
    at.radio(key="trend-bruising").set_value("not_worse").run()
    assert not any(w.value.startswith(prompt) for w in at.main.warning)


def test_botox_shows_the_same_visit_advice_and_the_colour_question(open_page):
    at = self_check(open_page, "botox", 0)
    radio = at.radio(key="self-check-treatment")
    assert "Had filler at the same visit too? Choose the filler first" in str(radio.proto.captions)
    assert "symptom-skin-colour-change" in {c.key for c in at.checkbox}


def test_skin_turning_pale_gets_the_act_now_card_right_under_its_heading(open_page, kb):
    at = tick(self_check(open_page, "filler_ha", 0), "skin-colour-change")
    level = kb.level_by_id["act_now"]
    order = in_order(at)
    banner = ("error", f"**{level.title}**")
    at_card = order.index(banner)
    heading = order.index(("subheader", "Skin colour, redness and bruises"))
    next_heading = next(i for i, (t, _) in enumerate(order) if t == "subheader" and i > heading)
    assert heading < at_card < next_heading  # right under the answers, not below the other questions
    assert order.count(banner) == 2  # and repeated where the page ends
    text = page_text(at)
    assert "emergency department" in text and "Do not wait until tomorrow" in text
    assert kb.symptom_by_id["skin-colour-change"].why.text in text


def test_a_red_flag_puts_the_emergency_card_right_under_question_one(open_page, kb):
    at = open_page("pages/self-check.py")
    at.checkbox(key="flag-spreading-weakness").check().run()
    order = in_order(at)
    banner = order.index(("error", f"**{kb.level_by_id['emergency'].title}**"))
    assert banner < order.index(("header", "2. Your treatment"))


def test_an_ordinary_bruise_is_usual_but_a_spreading_one_on_day_two_is_act_now(open_page, kb):
    at = tick(self_check(open_page, "filler_ha", 2), "bruising")
    assert card_title(at) == f"**{kb.level_by_id['self_care'].title}**"
    at.radio(key="trend-bruising").set_value("worse").run()
    assert card_title(at) == f"**{kb.level_by_id['act_now'].title}**"


def test_a_bluish_tint_weeks_later_is_a_check_but_in_the_first_days_it_is_act_now(open_page, kb):
    at = tick(self_check(open_page, "filler_ha", 42), "tyndall-tint")
    assert card_title(at) == f"**{kb.level_by_id['soon'].title}**"
    at.number_input(key="self-check-days").set_value(2).run()
    assert card_title(at) == f"**{kb.level_by_id['act_now'].title}**"


# (treatment, day, ticked sign, level shown, words the page must show, words it must not show)
WHAT_THE_PAGE_SAYS = {
    "Botox unevenness is waited out or topped up, never dissolved": (
        "botox",
        16,
        "asymmetry",
        "soon",
        ["extra dose", "cannot be taken out"],
        ["HA filler can be dissolved"],
    ),
    "a dropped brow is not helped by eye drops": ("botox", 6, "brow-drop", "soon", ["do not lift it"], []),
    "Botox usual recovery shows Botox aftercare, not filler aftercare": (
        "botox",
        1,
        "headache-flu",
        "self_care",
        ["Aftercare: Botox", "Do not rub or massage"],
        ["sauna"],
    ),
    "massage after other fillers is only for PLLA, as its maker says": (
        "filler_other",
        1,
        "swelling",
        "self_care",
        ["*Only after PLLA filler:*", "5 minutes, 5 times a day, for 5 days", "Follow the aftercare for your product"],
        [],
    ),
}


@pytest.mark.parametrize("case", WHAT_THE_PAGE_SAYS, ids=list(WHAT_THE_PAGE_SAYS))
def test_the_page_words_the_answer_for_the_treatment(case, open_page, kb):
    treatment, day, sign, level, shown, not_shown = WHAT_THE_PAGE_SAYS[case]
    at = tick(self_check(open_page, treatment, day), sign)
    text = page_text(at)
    assert card_title(at) == f"**{kb.level_by_id[level].title}**"
    assert all(words in text for words in shown)
    assert not any(words in text for words in not_shown)
