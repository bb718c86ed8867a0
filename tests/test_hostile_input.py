"""Hostile input: random and malicious links and widget sequences never break a page or echo markup back."""

from __future__ import annotations

import contextlib
from pathlib import Path

import streamlit as st
from app_pages import PAGES, page_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from streamlit.testing.v1 import AppTest

from knowledge import load_knowledge
from knowledge.queries import (
    SymptomReport,
    UnknownIdError,
    assess_reversibility,
    checklist_result,
    resolve,
    timeline,
    triage,
)
from knowledge.queries.emergency import with_emergency_number

K = with_emergency_number(load_knowledge(), None)  # as AppTest's reader sees it
APP = str(Path(__file__).resolve().parents[1] / "app.py")
KNOWN_KEYS = ["mode", "product", "treatment", "toxin", "date", "scenario", "room", "resume"]
NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "**bold**",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "\u202e\u0000",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "A" * 5000,
    "2026-02-30",
    "-1",
    "radiesse",
    "botox",
    "consult",
    "workshop",
    "Juvéderm",
    "😀" * 50,
]
values = hs.one_of(hs.sampled_from(NASTY), hs.text(max_size=60))
queries = hs.dictionaries(hs.one_of(hs.sampled_from(KNOWN_KEYS), hs.text(min_size=1, max_size=12)), values, max_size=4)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run_page(page: str, query: dict[str, str]) -> AppTest:
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(query)
    at.run()
    at.switch_page(page).run()
    return at


MARKUP_ELEMENTS = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")


@SETTINGS
@given(page=hs.sampled_from(PAGES), query=queries)
def test_any_link_opens_every_page_without_error_or_echo(page, query):
    at = run_page(page, query)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title
    shown = "\n".join(str(e.value) for kind in MARKUP_ELEMENTS for e in getattr(at, kind))
    for value in query.values():
        if any(c in value for c in "<>[]*{}$") and len(value) > 3:
            assert value not in shown, "raw link text must never be rendered as markup"


@SETTINGS
@given(
    treatment=hs.sampled_from([t.id for t in K.treatments]),
    days=hs.integers(min_value=0, max_value=3650),
    ticks=hs.lists(hs.tuples(hs.sampled_from([s.id for s in K.symptoms]), hs.booleans()), max_size=6),
)
def test_random_self_check_sequences_show_the_querys_level(treatment, days, ticks):
    at = run_page("pages/self-check.py", {})
    at.radio(key="self-check-treatment").set_value(treatment).run()
    at.number_input(key="self-check-days").set_value(days).run()
    reported: dict[str, bool] = {}
    for symptom, worse in ticks:
        key = ("flag-" if K.symptom_by_id[symptom].red_flag else "symptom-") + symptom
        boxes = [c for c in at.checkbox if c.key == key]
        if not boxes:
            continue  # not asked for this treatment
        boxes[0].check().run()
        asked = K.symptom_by_id[symptom].asks_trend(treatment) and not K.symptom_by_id[symptom].red_flag
        if asked:
            at.radio(key=f"trend-{symptom}").set_value("worse" if worse else "not_worse").run()
        reported[symptom] = worse and asked
    assert not at.exception
    expected = triage(K, treatment, days, [SymptomReport(symptom=s, worsening=w) for s, w in reported.items()])
    if reported:
        assert expected.level.title in page_text(at)
    else:
        assert "Tick any signs or symptoms above" in page_text(at)


@settings(max_examples=200, deadline=None)
@given(text=hs.one_of(hs.sampled_from(NASTY), hs.text(max_size=200)))
def test_queries_refuse_unknown_input_cleanly(text):
    found = resolve(K, text)  # never raises, and only ever names products the catalogue has
    assert found.product is None or found.product.id in K.product_by_id
    assert all(c.product.id in K.product_by_id for c in found.candidates)
    for call in (
        lambda: assess_reversibility(K, product=text),
        lambda: assess_reversibility(K, material=text),
        lambda: triage(K, text, 1, []),
        lambda: triage(K, "botox", 1, [SymptomReport(symptom="x" + text.replace(" ", "-"))]),
        lambda: timeline(K, text),
        lambda: checklist_result(K, [text]),
    ):
        with contextlib.suppress(UnknownIdError, ValueError):
            call()
