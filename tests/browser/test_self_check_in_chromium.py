"""The self-check in Chromium, answered as a person would: clinical cases, and a walk through it on a phone."""

from __future__ import annotations

import pytest
from chromium import assert_no_exception, content_as_read, open_app, settle, shoot
from triage_cases import CASES

from knowledge.queries import question_groups

K = content_as_read()
pytestmark = pytest.mark.browser
WORSE, NOT_WORSE = "Getting worse", "Getting better or staying the same"

# Cases from the clinical table, one or more for every level and each trap, answered through the page.
CHOSEN = [
    "filler_ha-day0-skin-colour-change",
    "filler_ha-day1-bruising+",
    "filler_ha-day1-bruising",
    "filler_ha-day2-tyndall-tint",
    "filler_ha-day42-tyndall-tint",
    "filler_ha-day9-swelling+warmth-spreading-redness",
    "filler_ha-day1-swelling++tenderness",
    "filler_ha-day4-swelling+",
    "filler_ha-day0-eye-signs-after-filler",
    "botox-day2-sudden-headache",
    "botox-day1-headache-flu",
    "botox-day6-brow-drop",
    "botox-day21-spreading-weakness",
    "hyaluronidase-day2-skin-breakdown",
    "filler_other-day42-hard-or-uneven",
]
BY_NAME = {case.name: case for case in CASES}


def answer(page, server, case) -> None:
    """Choose the treatment, type the days, tick each sign, and say if it is getting worse."""
    open_app(page, server, "self-check")
    page.get_by_text(K.treatment_by_id[case.treatment].name, exact=True).click()
    settle(page)
    days = page.get_by_label("How many days ago was it? (0 means today)")
    days.fill(str(case.days))
    days.press("Enter")
    settle(page)
    for symptom_id, worse in case.reports:
        page.get_by_text(K.symptom_by_id[symptom_id].question, exact=True).click()
        settle(page)
        trend = page.locator(f".st-key-trend-{symptom_id}")
        if trend.count():  # asked only where it can change the result; nothing is chosen in advance
            trend.get_by_text(WORSE if worse else NOT_WORSE, exact=True).click()
            settle(page)


def levels_shown(page) -> set[str]:
    return {level.id for level in K.care_levels if page.get_by_text(level.title, exact=True).count()}


@pytest.mark.parametrize("name", CHOSEN)
def test_clinical_case_answered_through_the_page_shows_its_level(name, page, server):
    case = BY_NAME[name]
    answer(page, server, case)
    assert levels_shown(page) == {case.expected}, case.basis
    assert page.locator(f".st-key-care-card-{case.expected}").count() == 1
    assert_no_exception(page)


def test_the_chosen_cases_cover_every_level_and_trap():
    chosen = [BY_NAME[name] for name in CHOSEN]
    assert len(chosen) >= 10
    assert {case.expected for case in chosen} == {level.id for level in K.care_levels}
    assert {case.trap for case in chosen if case.trap} >= {
        "ordinary bruise vs lacy discolouration",
        "day-1 lip swelling vs a hot swelling on day 9",
        "Tyndall tint vs sudden dusky skin",
        "Botox headache vs sudden worst headache",
        "brow vs lid droop",
    }


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def font_px(locator) -> float:
    return float(locator.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))


@pytest.mark.parametrize("treatment", [t.id for t in K.treatments])
def test_phone_every_question_group_is_readable(treatment, phone, server, artifacts):
    open_app(phone, server, "self-check")
    phone.get_by_text(K.treatment_by_id[treatment].name, exact=True).click()
    settle(phone)
    overflow = phone.evaluate(
        "() => [document.documentElement, document.querySelector('[data-testid=stMain]')]"
        ".map(e => e.scrollWidth - e.clientWidth)"
    )
    assert max(overflow) <= 1, overflow
    for group in question_groups(K, treatment):
        heading = phone.get_by_role("heading", name=group.group.title, exact=True)
        heading.scroll_into_view_if_needed()
        assert heading.is_visible() and font_px(heading) >= 18
        for symptom in group.symptoms:
            label = phone.get_by_text(symptom.question, exact=True)
            box = label.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, symptom.id
            assert font_px(label) >= 14, symptom.id
    shoot(phone, artifacts, f"self-check-{treatment}-390")


def test_phone_act_now_card_opens_right_under_the_answer(phone, server, artifacts):
    open_app(phone, server, "self-check")
    question = phone.get_by_text(K.symptom_by_id["skin-colour-change"].question, exact=True)
    question.scroll_into_view_if_needed()
    question.click()
    settle(phone)
    card = phone.locator(".st-key-care-card-act_now")
    card.wait_for()
    asked, shown = question.bounding_box(), card.bounding_box()
    # The card starts a few questions below the tick, before the next heading: on screen without searching.
    assert 0 < shown["y"] - asked["y"] < 400
    next_heading = phone.get_by_role("heading", name="Blisters, spots and sores", exact=True).bounding_box()
    assert shown["y"] < next_heading["y"]
    title = card.get_by_text(K.level_by_id["act_now"].title, exact=True)
    assert title.is_visible() and font_px(title) >= 16
    alert = card.locator("[data-testid=stAlertContentError]").first
    assert alert.is_visible()  # drawn as the red alert, with its icon and title: not colour alone
    phone.screenshot(path=str(artifacts / "self-check-act-now-390-viewport.png"))  # what the person sees
    shoot(phone, artifacts, "self-check-act-now-390")
    assert_no_exception(phone)
