"""Each page in a real Chromium against the running app: it loads, and one main interaction per tool works."""

from __future__ import annotations

import pytest
from chromium import assert_no_exception, content_as_read, open_app, settle, shoot

K = content_as_read()
PAGES = {
    "": "Injectables reversal guide",
    "home": "Injectables reversal guide",  # the home page's own address routes too
    "self-check": "Symptom self-check",
    "reversibility": "Can it be reversed?",
    "timeline": "Recovery timeline",
    "checklist": "Choosing an injector",
    "sources": "Sources",
}

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_heading_and_safety_lines(path, page, server, artifacts):
    open_app(page, server, path)
    assert page.locator("h1").first.inner_text() == PAGES[path]
    assert page.get_by_text(K.meta.disclaimer).first.is_visible()
    assert page.get_by_text(K.meta.emergency_line.text).first.is_visible()
    assert page.get_by_text("Page not found").count() == 0
    assert_no_exception(page)
    shoot(page, artifacts, f"page-{path or 'home'}-1280")


def test_home_link_opens_the_self_check(page, server):
    open_app(page, server)
    page.get_by_text("Start the symptom self-check").click()
    page.wait_for_url("**/self-check")
    settle(page)
    assert page.locator("h1").first.inner_text() == "Symptom self-check"


def test_self_check_red_flag_shows_emergency_card(page, server, artifacts):
    open_app(page, server, "self-check")
    page.get_by_text(K.symptom_by_id["vision-change"].question).click()
    settle(page)
    card = page.locator(".st-key-care-card-emergency")
    card.wait_for()
    assert K.level_by_id["emergency"].title in card.inner_text()
    assert K.level_by_id["emergency"].do_this.text in card.inner_text()
    assert "self-check?" not in page.url and "vision" not in page.url  # answers never go into the URL
    assert_no_exception(page)
    shoot(page, artifacts, "self-check-emergency-1280")


def test_reversibility_radiesse_cannot_be_dissolved(page, server, artifacts):
    open_app(page, server, "reversibility")
    page.get_by_label("Product name").click()
    page.keyboard.type("Radiesse")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_text("No: it cannot be dissolved").wait_for()
    assert page.get_by_text("Steroid injections").first.is_visible()
    assert_no_exception(page)
    shoot(page, artifacts, "reversibility-radiesse-1280")


def test_timeline_chart_and_botox_key_dates(page, server, artifacts):
    open_app(page, server, "timeline")
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for()
    page.locator("[data-testid=stMain]").get_by_role("combobox").first.click()  # the sidebar has the region's
    page.get_by_role("option", name=K.treatment_by_id["botox"].name).click()
    settle(page)
    page.get_by_text("Botox wears off").first.wait_for()
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for()
    assert_no_exception(page)
    shoot(page, artifacts, "timeline-botox-1280")


def test_checklist_tick_updates_the_result(page, server, artifacts):
    open_app(page, server, "checklist")
    page.get_by_text(K.checklist[0].question).click()
    settle(page)
    page.get_by_text(f"You have covered 1 of {len(K.checklist)}.").wait_for()
    assert page.get_by_text(K.checklist[1].ask_next).first.is_visible()
    assert_no_exception(page)
    shoot(page, artifacts, "checklist-one-ticked-1280")
