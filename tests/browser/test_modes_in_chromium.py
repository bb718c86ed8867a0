"""Consultation and workshop links, and the take-home downloads, in a real Chromium."""

from __future__ import annotations

import datetime as dt
import io
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from chromium import assert_no_exception, content_as_read, download_summary_pdf, open_app, settle, shoot
from conftest import SWEEP
from icalendar import Calendar
from pypdf import PdfReader

from knowledge.queries import answer_scenario

K = content_as_read()
pytestmark = pytest.mark.browser


def body_font_px(page) -> float:
    size = page.evaluate("getComputedStyle(document.querySelector('[data-testid=stMarkdownContainer] p')).fontSize")
    return float(size.removesuffix("px"))


def test_consultation_link_presents_in_large_type_without_sidebar(page, server, artifacts):
    open_app(page, server, "timeline?mode=consult&treatment=botox&date=2026-09-01")
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for()
    assert body_font_px(page) >= 20
    assert page.locator("[data-testid=stSidebar]").get_attribute("data-collapsed") == "true"
    assert page.locator("[data-testid=stTopNavLink]").count() >= 3
    assert page.get_by_text("Botox wears off").first.is_visible()
    assert page.get_by_role("link", name="For my clinic").count() == 0  # no personal summary on a shared screen
    assert_no_exception(page)
    shoot(page, artifacts, "consult-timeline-1280")

    # The mode stays on when moving to another page.
    page.get_by_role("link", name="Symptom self-check").first.click()
    page.wait_for_url("**/self-check?mode=consult")
    settle(page)
    assert body_font_px(page) >= 20


@pytest.mark.parametrize("scenario_id", ["cheek-filler-pale-skin", "injector-wont-name-product"])
def test_scenario_link_shows_case_then_reveals_the_tools_answer(scenario_id, page, server, artifacts):
    scenario = next(s for s in K.scenarios if s.id == scenario_id)
    open_app(page, server, f"scenarios?mode=workshop&scenario={scenario_id}")
    assert page.get_by_text(scenario.story).is_visible()
    assert page.locator(".st-key-scenario-answer").count() == 0
    page.get_by_text("Reveal the answer", exact=True).click()
    settle(page)
    answer = page.locator(".st-key-scenario-answer")
    answer.wait_for()
    if scenario.case.tool == "triage":
        assert K.level_by_id[scenario.case.expected].title in answer.inner_text()
        assert answer_scenario(K, scenario).headline in answer.inner_text()
    else:
        assert "Still missing: The product" in answer.inner_text()
    assert_no_exception(page)
    shoot(page, artifacts, f"workshop-{scenario_id}-1280")


def test_summary_downloads_pdf_and_calendar(page, server, artifacts):
    # Moving between pages inside the app keeps the session (a reload would start a new, empty one).
    open_app(page, server, "timeline?treatment=botox&date=2026-09-01")
    page.get_by_text("Botox wears off").first.wait_for()
    page.get_by_role("link", name="Can it be reversed?").click()
    settle(page)
    page.get_by_label("Product name").click()
    page.keyboard.type("Radiesse")
    page.keyboard.press("Enter")
    page.get_by_text("No: it cannot be dissolved").wait_for()
    page.get_by_role("link", name="For my clinic").click()
    page.wait_for_url("**/summary")
    settle(page)
    shoot(page, artifacts, "summary-1280")

    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Download my summary (PDF)").click()
    text = " ".join(PdfReader(io.BytesIO(Path(pdf_download.value.path()).read_bytes())).pages[0].extract_text().split())
    assert "Radiesse (Merz Aesthetics)" in text and "Botox wears off" in text

    with page.expect_download() as ics_download:
        page.get_by_role("button", name="Add key dates to my calendar (.ics)").click()
    calendar = Calendar.from_ical(Path(ics_download.value.path()).read_bytes())
    starts = {str(e["summary"]): e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert starts["Botox wears off"] == dt.date(2026, 9, 1) + dt.timedelta(days=90)
    assert_no_exception(page)


def test_a_downloaded_summary_leaves_the_server_while_its_tab_is_still_open(page, server):
    """The PDF's /media address works for the download, then answers 404 within two sweeps (the test server
    sweeps every 2 s; the shipped period is 30 s), even though nothing else runs on the server meanwhile."""
    open_app(page, server, "reversibility?product=radiesse")
    pdf = download_summary_pdf(page)
    address = pdf.url
    assert "/media/" in address
    assert Path(pdf.path()).read_bytes().startswith(b"%PDF")
    deadline = time.monotonic() + 3 * SWEEP + 5
    status = 200
    while status == 200 and time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            urllib.request.urlopen(address, timeout=5).close()
        except urllib.error.HTTPError as error:
            status = error.code
    assert status == 404, f"{address} was still served {3 * SWEEP + 5} s after the download"
