"""The take-home summary: what the PDF and the calendar file hold, and the page that gathers them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import streamlit as st
from app_pages import page_text
from icalendar import Calendar
from pypdf import PdfReader

from knowledge.queries import (
    SymptomReport,
    assess_reversibility,
    calendar_events,
    checklist_result,
    take_home,
    timeline,
    triage,
)
from ui.take_home_files import milestones_ics, summary_pdf
from ui.text import long_date

START = dt.date(2026, 3, 2)


def explored(k):
    """A summary of one reader's visit: a product, a dated timeline, a self-check result, one checklist tick."""
    return take_home(
        k,
        made_on=dt.date(2026, 3, 20),
        reversibility=assess_reversibility(k, product="radiesse"),
        timeline=timeline(k, "filler_other", START),
        triage=triage(k, "filler_other", 18, [SymptomReport(symptom="hard-or-uneven")]),
        checklist=checklist_result(k, ["qualifications"]),
    )


@pytest.fixture
def summary(kb):
    return explored(kb)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_holds_product_level_questions_sources_and_content_date(kb, summary):
    data = summary_pdf(kb, summary)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Radiesse (Merz Aesthetics), made of Calcium hydroxylapatite (CaHA)" in text
    assert f"Result: {kb.level_by_id['soon'].title}" in text
    assert kb.checklist[1].ask_next in text
    assert "FDA: approved dermal fillers - https://fda.gov/" in text and "Source article: reversing fillers" in text
    assert f"content version {kb.meta.version}, last reviewed {long_date(kb.meta.reviewed)}" in text
    assert "for learning only" in text


def test_pdf_fits_on_one_page_even_with_every_section_full(kb):
    fullest = take_home(
        kb,
        made_on=START,
        reversibility=assess_reversibility(kb, product="radiesse"),
        timeline=timeline(kb, "filler_ha", START),
        triage=triage(kb, "filler_ha", 9, [SymptomReport(symptom=s.id) for s in kb.symptoms]),
        checklist=checklist_result(kb, []),
    )
    assert len(PdfReader(io.BytesIO(summary_pdf(kb, fullest))).pages) == 1


def test_pdf_keeps_accented_names(kb):
    only_product = take_home(
        kb, made_on=START, reversibility=assess_reversibility(kb, product="juvederm-voluma-xc")
    )
    assert "Juvéderm" in pdf_text(summary_pdf(kb, only_product))


def test_ics_parses_and_holds_each_milestone_on_its_date(kb, summary):
    calendar = Calendar.from_ical(milestones_ics(calendar_events(kb, summary.timeline)))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    milestones = summary.timeline.milestones
    assert set(events) == {w.name for w in milestones}
    settled = next(w for w in milestones if w.id == "swelling-settled")
    assert events[settled.name].decoded("dtstart") == START + dt.timedelta(days=settled.days.start)
    assert "typical, not exact" in str(events[settled.name]["description"])


def test_botox_calendar_has_the_wearing_off_date(kb):
    events = calendar_events(kb, timeline(kb, "botox", START))
    wears_off = next(e for e in events if e.id == "botox-wears-off")
    assert wears_off.start == START + dt.timedelta(days=90)


def test_no_calendar_without_a_treatment_date(kb):
    assert calendar_events(kb, timeline(kb, "botox")) == ()


def test_summary_lists_every_source_it_cites(kb, summary):
    ids = {s.id for s in summary.sources}
    assert set(summary.reversibility.sources) <= ids and set(summary.triage.sources) <= ids


@pytest.fixture(autouse=True)
def fresh_cache():
    st.cache_resource.clear()
    yield


def test_summary_page_gathers_what_was_explored_in_this_session(open_page, kb):
    at = open_page("pages/summary.py")
    assert "Nothing to include yet" in page_text(at)
    at.switch_page("pages/reversibility.py").run()
    at.text_input(key="product-query").input("Radiesse").run()
    at.switch_page("pages/timeline.py").run()
    at.selectbox(key="treatment").set_value("botox").run()
    at.date_input(key="date").set_value(START).run()
    at.switch_page("pages/self-check.py").run()
    at.checkbox(key="symptom-hard-or-uneven").check().run()
    at.switch_page("pages/summary.py").run()
    assert not at.exception
    labels = [c.label for c in at.checkbox]
    assert labels == [
        "The product and whether it can be dissolved",
        "My treatment and its key dates",
        "My symptom self-check result",
    ]
    buttons = [b.proto.label for b in at.get("download_button")]
    assert buttons == ["Download my summary (PDF)", "Add key dates to my calendar (.ics)"]
    at.button[0].click().run()  # "Clear what I explored"
    assert "Nothing to include yet" in page_text(at)
    assert not at.get("download_button")


@pytest.fixture
def korean_summary(monkeypatch):
    from knowledge import CONTENT_DIR, load_knowledge
    from knowledge.queries.emergency import with_emergency_number
    from knowledge.translations import translate

    monkeypatch.setattr("ui.text.language", lambda: "ko")  # the PDF is made for a reader who chose Korean
    korean = with_emergency_number(translate(load_knowledge(), CONTENT_DIR, "ko"), "KR")
    return korean, explored(korean)


def test_a_korean_pdf_embeds_a_korean_font_and_reads_as_korean(korean_summary):
    korean, made = korean_summary
    data = summary_pdf(korean, made)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("NanumGothic" in f for f in fonts), fonts  # embedded, not a built-in font
    text = pdf_text(data)
    assert korean.level_by_id["soon"].title in text
    assert "2026년 3월 20일" in text  # dates as Korean writes them
    assert "?" * 3 not in text  # nothing fell back to a plain-letter form
