"""Numbers and dates typed into the self-check and the timeline: a value that cannot be used gets a short reason
on screen, never a result that belongs to other inputs, and never goes into the link."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from app_pages import page_text

from knowledge.queries import (
    MAX_DAYS_SINCE,
    SymptomReport,
    check_days_since,
    check_treatment_date,
    parse_link_date,
    treatment_date_range,
    triage,
)
from knowledge.schema import CARE_LEVELS

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        (None, "it is empty"),
        (math.nan, "it is not a number"),
        (math.inf, "it is not a number"),
        (-1, "it cannot be less than 0"),
        (MAX_DAYS_SINCE + 1, "it can be at most 3,650"),
        (2.5, "it must be a whole number"),
    ],
)
def test_a_days_number_that_cannot_be_used_gets_a_reason(typed, reason):
    with pytest.raises(ValueError, match=reason):
        check_days_since(typed)


@pytest.mark.parametrize("typed", [0, 1, 14.0, MAX_DAYS_SINCE])
def test_a_usable_days_number_is_a_whole_number(typed):
    assert check_days_since(typed) == int(typed)


def test_an_unknown_day_is_never_less_urgent_than_any_known_day(kb):
    """Safety: when the days typed cannot be used, each answer counts every time window, so no answer set gets a
    calmer level than it would on its most urgent day."""
    days = [*range(0, 61), 90, 180, 365, 1000, MAX_DAYS_SINCE]
    for treatment in kb.treatment_by_id:
        for symptom in kb.symptoms:
            for worsening in (False, True):
                reports = [SymptomReport(symptom=symptom.id, worsening=worsening)]
                unknown = CARE_LEVELS.index(triage(kb, treatment, None, reports).level.id)
                most_urgent = min(CARE_LEVELS.index(triage(kb, treatment, d, reports).level.id) for d in days)
                assert unknown <= most_urgent, (treatment, symptom.id, worsening)


def test_treatment_dates_outside_the_range_get_a_reason_and_inside_pass():
    first, last = treatment_date_range(TODAY)
    assert check_treatment_date(first, TODAY) == first and check_treatment_date(last, TODAY) == last
    for outside in (first - dt.timedelta(days=1), last + dt.timedelta(days=1), dt.date(1990, 1, 1)):
        with pytest.raises(ValueError, match="the date must be between 01 January 2000 and"):
            check_treatment_date(outside, TODAY)
    assert parse_link_date("2026-03-01", TODAY) == dt.date(2026, 3, 1)
    with pytest.raises(ValueError, match="not a real date"):
        parse_link_date("2026-02-30", TODAY)


def self_check_with_days(open_page, days: float):
    at = open_page("pages/self-check.py")
    at.number_input(key="self-check-days").set_value(days).run()
    at.checkbox(key="symptom-bruising").check().run()
    assert not at.exception
    return at


def test_a_negative_day_count_is_named_and_the_advice_counts_every_stage(open_page):
    at = self_check_with_days(open_page, -3)
    text = page_text(at)
    assert "How many days ago: it cannot be less than 0 (0 means today)." in text
    assert "counts every stage after treatment" in text
    assert at.main.error or at.main.warning or at.main.info, "a result is still shown for the answers"


def test_a_usable_day_count_shows_no_note(open_page):
    at = self_check_with_days(open_page, 3)
    assert "How many days ago:" not in page_text(at)


def test_a_typed_date_the_timeline_cannot_use_is_named_and_kept_out_of_the_chart_and_link(open_page):
    at = open_page("pages/timeline.py", query={"treatment": "botox"})
    at.date_input(key="date").set_value(dt.date(1990, 1, 1)).run()
    text = page_text(at)
    assert "This date was not used:** the date must be between 1 January 2000 and" in text
    assert "Treatment date:" not in text
    assert "date" not in at.query_params
    assert not at.exception


def test_a_typed_date_is_said_in_words_and_goes_into_the_link(open_page):
    at = open_page("pages/timeline.py", query={"treatment": "botox"})
    at.date_input(key="date").set_value(dt.date(2026, 2, 28)).run()
    assert "Treatment date: Saturday, 28 February 2026" in page_text(at)
    assert at.query_params["date"] == "2026-02-28"
