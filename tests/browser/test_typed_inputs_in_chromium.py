"""Numbers and dates typed into the real widgets: a value the page cannot use reaches it and gets a reason on
screen (with limits on the widgets themselves, the browser used to drop it without a word)."""

from __future__ import annotations

import pytest
from chromium import assert_no_exception, open_app, settle, shoot

pytestmark = pytest.mark.browser


def type_date(page, label: str, digits: str) -> None:
    page.get_by_role("spinbutton", name=f"day, {label}").focus()
    page.keyboard.type(digits)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.mouse.click(5, 300)  # leave the box, as a person does
    settle(page)


def test_a_date_out_of_range_and_an_impossible_date_are_both_visible(page, server, artifacts):
    open_app(page, server, "timeline?treatment=botox")
    label = "Treatment date (optional)"
    type_date(page, label, "01011990")
    page.get_by_text("This date was not used:").wait_for()
    assert page.get_by_text("the date must be between 1 January 2000 and").is_visible()
    assert "date=" not in page.url
    shoot(page, artifacts, "timeline-date-refused-1280")

    type_date(page, label, "31022026")  # there is no 31 February: the box makes it 28 February
    page.get_by_text("Treatment date: Saturday, 28 February 2026").wait_for()
    assert page.get_by_text("This date was not used:").count() == 0
    assert "date=2026-02-28" in page.url
    assert_no_exception(page)


def test_a_negative_day_count_gets_a_reason_and_the_advice_stays(page, server, artifacts):
    open_app(page, server, "self-check")
    days = page.get_by_label("How many days ago was it? (0 means today)")
    days.fill("-3")
    days.press("Enter")
    settle(page)
    page.get_by_text("How many days ago: it cannot be less than 0 (0 means today).").wait_for()
    days.fill("4000")
    days.press("Enter")
    settle(page)
    page.get_by_text("How many days ago: it can be at most 3,650 (about ten years).").wait_for()
    shoot(page, artifacts, "self-check-days-refused-1280")
    days.fill("3")
    days.press("Enter")
    settle(page)
    assert page.get_by_text("How many days ago:").count() == 0
    assert_no_exception(page)
