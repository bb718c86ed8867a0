"""Consultation and workshop modes, deep links, and links with values the app does not know."""

from __future__ import annotations

import datetime as dt

import pytest
import streamlit as st
from app_pages import page_text

from knowledge.queries import answer_scenario, verdict_words
from ui.text import long_date


@pytest.fixture(autouse=True)
def fresh_cache():
    st.cache_resource.clear()
    yield


def large_type_css(at) -> bool:
    return any("font-size: 21px" in str(h.proto.body) for h in at.get("html"))


def test_consultation_mode_stays_on_across_pages_with_large_type(open_page):
    at = open_page(query={"mode": "consult"})
    assert large_type_css(at)
    for page in ("pages/timeline.py", "pages/self-check.py", "pages/sources.py"):
        at.query_params.clear()  # a page switch in the browser drops query parameters
        at.switch_page(page).run()
        assert not at.exception
        assert at.session_state["mode"] == "consult"
        assert at.query_params["mode"] == ["consult"] or at.query_params["mode"] == "consult"
        assert large_type_css(at)


def test_patient_mode_has_normal_type(open_page):
    assert not large_type_css(open_page())


def test_consultation_mode_shows_no_personal_summary(open_page):
    at = open_page("pages/summary.py", query={"mode": "consult"})
    assert "The personal summary is not shown in the consultation view." in page_text(at)
    assert not at.get("download_button")


def test_sidebar_switch_changes_mode_and_link(open_page):
    at = open_page()
    next(c for c in at.sidebar.get("button_group") if c.label == "View").set_value("workshop").run()
    assert at.session_state["mode"] == "workshop"
    assert "workshop" in str(at.query_params["mode"])


def test_there_are_enough_scenarios_covering_every_tool(kb):
    assert len(kb.scenarios) >= 12
    assert {s.case.tool for s in kb.scenarios} == {"triage", "reversibility", "timeline", "checklist"}
    assert {s.case.expected for s in kb.scenarios if s.case.tool == "triage"} == set(kb.level_by_id)


def test_every_scenario_agrees_with_the_tools_query(kb):
    disagreements = [s.id for s in kb.scenarios if not answer_scenario(kb, s).agrees]
    assert disagreements == []


@pytest.fixture(scope="module")
def scenario_ids():
    from knowledge import load_knowledge

    return [s.id for s in load_knowledge().scenarios]


def key_words(kb, scenario) -> str:
    """The answer key in words, from the content alone: what a revealed answer must say."""
    case = scenario.case
    if case.tool == "triage":
        return kb.level_by_id[case.expected].title
    if case.tool == "reversibility":
        return verdict_words(kb, case.expected).label
    if case.tool == "timeline":
        return {w.id: w.name for w in (*kb.phases, *kb.aftercare)}[case.expected]
    topics = {i.id: i.topic for i in kb.checklist}
    return ", ".join(topics[i] for i in case.expected)


def test_each_answer_says_its_key_and_marks_exactly_the_right_choices(kb):
    for scenario in kb.scenarios:
        answer = answer_scenario(kb, scenario)
        assert key_words(kb, scenario) in answer.headline, scenario.id
        right = {c.label for c in answer.choices if c.correct}
        assert right and all(label in answer.headline for label in right), scenario.id
        assert len({c.id for c in answer.choices}) == len(answer.choices) >= 4, scenario.id


def test_each_scenario_link_renders_and_its_reveal_matches_the_tool(open_page, kb):
    for scenario in kb.scenarios:
        at = open_page("pages/scenarios.py", query={"mode": "workshop", "scenario": scenario.id})
        assert scenario.story in page_text(at)
        answer = answer_scenario(kb, scenario)
        assert answer.headline not in "\n".join(
            str(e.value) for e in (*at.success, *at.warning, *at.error) if "**" in str(e.value)
        ), "the answer is hidden before the reveal"
        at.toggle(key=f"reveal-{scenario.id}").set_value(True).run()
        assert not at.exception
        banners = "\n".join(str(e.value) for e in (*at.success, *at.warning, *at.info, *at.error))
        assert answer.headline in banners, scenario.id
        assert scenario.teaching_point.text in page_text(at)
        assert "does not match" not in banners


def test_previous_and_next_move_through_scenarios_and_update_the_link(open_page, kb):
    ids = [s.id for s in kb.scenarios]
    at = open_page("pages/scenarios.py", query={"mode": "workshop"})

    def press(label: str) -> None:
        next(b for b in at.button if b.label == label).click().run()

    assert at.selectbox(key="scenario").value == ids[0]
    press("Next scenario")
    assert at.selectbox(key="scenario").value == ids[1]
    assert ids[1] in str(at.query_params["scenario"])
    press("Previous scenario")
    press("Previous scenario")
    assert at.selectbox(key="scenario").value == ids[-1]


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"product": "radiesse"}, "**Matched:** Radiesse, by Merz Aesthetics."),
        ({"product": "Voluma"}, "**Matched:** Juvéderm Voluma XC, by Allergan Aesthetics (AbbVie)."),
        ({"product": "juvederm"}, "**Matched:** Juvéderm, without the line."),
        ({"product": "unknown"}, "How to find out"),
    ],
)
def test_reversibility_opens_from_a_link(open_page, query, shown):
    at = open_page("pages/reversibility.py", query=query)
    assert shown in page_text(at)
    assert "Type a product name above" not in page_text(at)


def test_typing_a_product_puts_its_id_in_the_link_never_the_typed_text(open_page):
    at = open_page("pages/reversibility.py")
    at.text_input(key="product-query").input("sculptra 1 vial").run()
    assert at.query_params["product"] == "sculptra"
    assert at.text_input(key="product-query").value == "sculptra 1 vial"  # what was typed stays in the box
    at.run()
    assert at.text_input(key="product-query").value == "sculptra 1 vial"
    at.text_input(key="product-query").input("my lips after filler").run()
    assert "product" not in at.query_params


def test_a_link_with_a_near_spelling_is_not_taken(open_page):
    at = open_page("pages/reversibility.py", query={"product": "sculptura"})
    assert "was not recognised" in page_text(at)
    assert "Matched" not in page_text(at)


def test_timeline_opens_from_a_link_with_treatment_and_date(open_page, kb):
    at = open_page("pages/timeline.py", query={"treatment": "botox", "date": "2026-03-01"})
    assert at.selectbox(key="treatment").value == "botox"
    assert at.date_input(key="date").value == dt.date(2026, 3, 1)
    wears_off = next(p for p in kb.phases if p.id == "botox-wears-off").days
    start = dt.date(2026, 3, 1)
    first, last = start + dt.timedelta(days=wears_off.start), start + dt.timedelta(days=wears_off.end)
    assert f"({long_date(first)} to {long_date(last)})" in page_text(at)  # dates as the language writes them


@pytest.mark.parametrize(
    ("page", "query", "name"),
    [
        (None, {"mode": "bogus"}, "mode"),
        ("pages/reversibility.py", {"product": "<script>alert(1)</script>"}, "product"),
        ("pages/reversibility.py", {"product": "x" * 5000}, "product"),
        ("pages/timeline.py", {"treatment": "laser"}, "treatment"),
        ("pages/timeline.py", {"date": "2026-13-45"}, "date"),
        ("pages/scenarios.py", {"mode": "workshop", "scenario": "nope"}, "scenario"),
    ],
)
def test_malformed_link_is_ignored_with_a_notice(open_page, page, query, name):
    at = open_page(page, query=query)
    notices = [i.value for i in at.info]
    assert any(n.startswith(f"Part of this link ({name}) was ignored: ") for n in notices), notices
    assert "<script>" not in page_text(at) and "x" * 100 not in page_text(at)
    assert query[name] not in str(at.query_params.get(name, ""))


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("2026-02-30", "is written like 2026-03-01, and this one is not a real date"),
        ("20260301", "is written like 2026-03-01"),  # a form Python reads, but not one the app writes
        ("2026-W10-1", "is written like 2026-03-01"),
        ("1999-12-31", "must be between 1 January 2000 and"),
        ("2999-01-01", "must be between 1 January 2000 and"),
    ],
)
def test_a_rejected_link_date_says_why_and_leaves_the_link(open_page, date, reason):
    at = open_page("pages/timeline.py", query={"treatment": "botox", "date": date})
    notices = " ".join(i.value for i in at.info)
    assert reason in notices
    assert "date" not in at.query_params, "the rejected value does not stay in the address"
    assert at.date_input(key="date").value is None, "no result belongs to a date that was not taken"


def test_symptom_answers_never_go_into_the_link(open_page):
    at = open_page("pages/self-check.py")
    at.checkbox(key="flag-vision-change").check().run()
    at.checkbox(key="symptom-swelling").check().run()
    assert dict(at.query_params) == {}
