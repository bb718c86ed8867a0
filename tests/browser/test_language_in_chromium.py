"""The guide in Korean in a real Chromium: the document language follows the reader's language (screen readers read
Korean as Korean), from a link, from the browser's own language and from the switch; every page in Korean at
desktop and phone width has no sideways scroll and no serious accessibility finding."""

from __future__ import annotations

import pytest
from chromium import PAGES_WITH_RESULTS, assert_no_exception, blocking_violations, open_app, settle, shoot


def document_language(page) -> str:
    return page.evaluate("document.documentElement.lang")


def test_a_korean_link_sets_the_document_language_and_the_switch_sets_it_back(server, page, artifacts):
    open_app(page, server, "self-check?lang=ko&region=KR")
    page.wait_for_function("document.documentElement.lang === 'ko'", timeout=15_000)
    assert page.get_by_text("지금 바로 119에 전화하세요").first.is_visible()
    assert_no_exception(page)
    settle(page)
    shoot(page, artifacts, "self-check-korean-1280")
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    settle(page)
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=15_000)
    assert page.get_by_text("Call 119 now.").first.is_visible()


def test_a_korean_browser_gets_korean_and_the_number_119_without_a_link(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR", is_mobile=True)
    page = context.new_page()
    try:
        open_app(page, server, "")
        page.wait_for_function("document.documentElement.lang === 'ko'", timeout=15_000)
        assert document_language(page) == "ko"
        assert page.get_by_text("지금 바로 119에 전화하세요").first.is_visible()  # ko-KR: South Korea's number
        assert "lang=" not in page.url  # the browser's own language is not written into the link
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", list(PAGES_WITH_RESULTS))
def test_every_page_in_korean_fits_the_screen_and_has_no_serious_accessibility_finding(
    name, width, server, browser, axe, artifacts
):
    phone = width < 800
    context = browser.new_context(viewport={"width": width, "height": 900 if not phone else 844}, is_mobile=phone)
    page = context.new_page()
    try:
        path = PAGES_WITH_RESULTS[name]
        open_app(page, server, path + ("&" if "?" in path else "?") + "lang=ko&region=KR")
        page.wait_for_function("document.documentElement.lang === 'ko'", timeout=15_000)
        assert_no_exception(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
        assert blocking_violations(axe, page) == []
        shoot(page, artifacts, f"korean-{name}-{width}")
    finally:
        context.close()


def test_typing_in_korean_shows_no_english_hint(server, page):
    """Streamlit's own "Press Enter to apply" under a box being typed in is English only: hidden in Korean (the
    page says to press Enter in Korean), shown in English."""
    open_app(page, server, "reversibility?lang=ko")
    box = page.get_by_role("textbox").first
    box.fill("Sculpt")
    page.wait_for_timeout(500)
    assert not page.get_by_text("Press Enter to apply").is_visible()
    open_app(page, server, "reversibility?lang=en")
    page.get_by_role("textbox").first.fill("Sculpt")
    page.get_by_text("Press Enter to apply").wait_for()
