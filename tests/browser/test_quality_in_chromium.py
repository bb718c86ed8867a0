"""Quality gates in a real Chromium: accessibility (axe-core), phones, keyboard-only use, and privacy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chromium import (
    PAGES_WITH_RESULTS,
    assert_no_exception,
    blocking_violations,
    content_as_read,
    open_app,
    settle,
    shoot,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

K = content_as_read()
pytestmark = pytest.mark.browser


@pytest.fixture
def themed_page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("themed_page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("name", PAGES_WITH_RESULTS)
def test_no_serious_accessibility_violations(name, themed_page, server, axe, artifacts):
    open_app(themed_page, server, PAGES_WITH_RESULTS[name])
    if name == "self-check":  # include a result card in the check
        themed_page.get_by_text(K.symptom_by_id["stroke-signs"].question).click()
        settle(themed_page)
    violations = blocking_violations(axe, themed_page)
    (artifacts / "axe").mkdir(exist_ok=True)
    scheme = (themed_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") and "dark") or "light"
    (artifacts / "axe" / f"{name}-{scheme}.json").write_text(json.dumps(violations, indent=1))
    assert violations == []


@pytest.mark.parametrize("themed_page", ["light", "dark"], indirect=True)
def test_no_serious_accessibility_violations_with_the_act_now_card(themed_page, server, axe):
    open_app(themed_page, server, "self-check")
    themed_page.get_by_text(K.symptom_by_id["skin-colour-change"].question, exact=True).click()
    settle(themed_page)
    themed_page.locator(".st-key-care-card-act_now").wait_for()
    assert blocking_violations(axe, themed_page) == []


@pytest.mark.parametrize("name", ["home", "self-check", "timeline", "scenarios"])
def test_no_serious_accessibility_violations_in_consultation_view(name, page, server, axe):
    path = PAGES_WITH_RESULTS[name]
    open_app(page, server, path + ("&" if "?" in path else "?") + "mode=consult")
    assert blocking_violations(axe, page) == []


def test_chart_has_a_text_alternative(page, server):
    open_app(page, server, PAGES_WITH_RESULTS["timeline"])
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.wait_for()
    page.locator("[data-testid=stVegaLiteChart][role=graphics-document]").first.wait_for()
    label = chart.get_attribute("aria-label")
    assert "illustrative" in label and "table" in label


def tab_to(page, matches: str, limit: int = 80) -> None:
    """Press Tab until the focused element is in the page's main area (past the sidebar's own controls, such
    as the emergency number's region) and matches the JS predicate `matches` (given `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = f"!!el && !!el.closest('[data-testid=stMain]') && ({matches})"
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {found}; }})()"):
            return
    raise AssertionError(f"keyboard focus never reached: {matches}")


def press_until_checked(page, key: str = "Space", tries: int = 3) -> None:
    """Press the key on the focused checkbox until it is ticked: a press that lands while the app is
    re-rendering can be lost, and a person would simply press again."""
    for _ in range(tries):
        page.keyboard.press(key)
        settle(page)
        if page.evaluate("() => document.activeElement?.checked === true"):
            return
    raise AssertionError(f"pressing {key} never ticked the focused checkbox")


def test_keyboard_only_reaches_every_tools_result(page, server, artifacts):
    open_app(page, server, "self-check")
    tab_to(page, "el.type === 'checkbox'")
    press_until_checked(page)
    card = page.locator(".st-key-care-card-emergency")
    try:
        card.wait_for(timeout=20_000)
    except PlaywrightTimeoutError:
        # After a long suite on a loaded machine, a tick's rerun is now and then lost (seen about once in four
        # full runs; never alone). Kept for diagnosis; a person would reload and tick again, and so does the
        # test. A tick that never gives the card in a fresh tab still fails here.
        shoot(page, artifacts, "keyboard-self-check-tick-without-card")
        open_app(page, server, "self-check")
        tab_to(page, "el.type === 'checkbox'")
        press_until_checked(page)
        card.wait_for()

    open_app(page, server, "reversibility")
    tab_to(page, "el.type === 'text'")
    page.keyboard.type("Sculptra")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_text("No: it cannot be dissolved").wait_for()

    open_app(page, server, "timeline")
    tab_to(page, "el.getAttribute('role') === 'combobox'")
    page.keyboard.type("Botox")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_text("Botox wears off").first.wait_for()

    open_app(page, server, "checklist")
    tab_to(page, "el.type === 'checkbox'")
    press_until_checked(page)
    page.get_by_text(f"You have covered 1 of {len(K.checklist)}.").wait_for()

    open_app(page, server, "scenarios?mode=workshop&scenario=radiesse-lump")
    tab_to(page, "el.type === 'checkbox' || el.getAttribute('role') === 'switch'")
    page.keyboard.press("Space")
    settle(page)
    page.locator(".st-key-scenario-answer").wait_for()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", PAGES_WITH_RESULTS)
def test_phone_width_has_no_sideways_scrolling(name, phone, server, artifacts):
    open_app(phone, server, PAGES_WITH_RESULTS[name])
    phone.wait_for_timeout(500)
    overflow = phone.evaluate(
        """() => [document.documentElement, document.querySelector('[data-testid=stMain]')]
             .filter(Boolean).map(e => e.scrollWidth - e.clientWidth)"""
    )
    assert max(overflow) <= 1, overflow
    assert_no_exception(phone)
    shoot(phone, artifacts, f"page-{name}-390")


def test_phone_self_check_result_is_readable(phone, server, artifacts):
    open_app(phone, server, "self-check")
    phone.get_by_text(K.symptom_by_id["vision-change"].question).click()
    settle(phone)
    card = phone.locator(".st-key-care-card-emergency")
    card.wait_for()
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    title = card.get_by_text(K.level_by_id["emergency"].title)
    assert title.is_visible()
    size = float(card.locator("p").first.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
    assert size >= 16
    assert card.get_by_text(K.level_by_id["emergency"].do_this.text).is_visible()
    shoot(phone, artifacts, "self-check-emergency-390")


def test_self_check_answers_leave_no_trace(page, server):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, server, "self-check")
    chosen = [K.symptom_by_id["skin-colour-change"], K.symptom_by_id["fever"]]
    for symptom in chosen:
        page.get_by_text(symptom.question).click()
        settle(page)
    page.locator(".st-key-care-card-act_now").wait_for()

    # Not in the address: nothing beyond the page path.
    assert page.url == f"{server.url}/self-check"
    # Not in the server log.
    log = server.log.read_text()
    for symptom in chosen:
        for trace in (symptom.id, symptom.label, symptom.question):
            assert trace not in log
    # Not in any file: the server wrote nothing where it runs.
    assert [p.name for p in Path(server.workdir).iterdir()] == []
    # Every request went to this server only: no fonts, scripts or telemetry from elsewhere.
    outside = [url for url in requests if not url.startswith((server.url, "data:", "blob:"))]
    assert outside == []
