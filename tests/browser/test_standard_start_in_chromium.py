"""Started the way every Streamlit host starts an app (`streamlit run app.py`), each deep link works on the very
first visit after a start: the page with app.py's sidebar and safety footer, never "Page not found"."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from chromium import READY, assert_no_exception, content_as_read, running_app

K = content_as_read()
pytestmark = pytest.mark.browser

FIRST_VISITS = {
    "timeline?treatment=botox": "Recovery timeline",
    "self-check": "Symptom self-check",
    "home": "Injectables reversal guide",
    "reversibility?product=radiesse": "Can it be reversed?",
    "join?room=KCP4MX": "Live workshop",
}


@pytest.mark.parametrize("path", FIRST_VISITS)
def test_first_visit_after_a_standard_start_is_the_whole_app(path, browser, artifacts):
    name = path.split("?")[0]
    with running_app(artifacts / f"standard-{name}.log", Path(tempfile.mkdtemp()), standard=True) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{server.url}/{path}")
        page.wait_for_selector(READY, timeout=30_000)
        page.locator("h1").first.wait_for()
        page.wait_for_timeout(500)
        assert page.locator("h1").first.inner_text() == FIRST_VISITS[path]
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_text(K.meta.disclaimer).first.is_visible()  # app.py's footer
        assert page.get_by_text(K.meta.emergency_line.text).first.is_visible()
        if name != "join":  # a phone in a live room has no sidebar
            assert page.locator("[data-testid=stSidebar]").get_by_text("View").is_visible()
        assert page.url.endswith(f"/{path}")
        assert_no_exception(page)
        context.close()
