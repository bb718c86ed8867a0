"""The recovery timeline and the injector checklist."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge import load_knowledge
from knowledge.queries import UnknownIdError, checklist_result, timeline

K = load_knowledge()


def values(treatment: str, series_id: str) -> dict[int, float]:
    name = next(s.name for s in K.series if s.id == series_id)
    return {r.day: r.value for r in timeline(K, treatment).rows if r.series == name}


def test_botox_effect_starts_within_a_week_and_has_worn_off_by_3_to_4_months():
    effect = values("botox", "botox-effect")
    assert effect[0] == 0 and effect[7] >= 50
    assert effect[60] >= 80  # still working at 2 months
    assert effect[120] <= 10  # about 4 months
    assert max(d for d, v in effect.items() if v >= 50) <= 120


def test_hyaluronidase_works_within_days_but_not_always_completely():
    left = values("hyaluronidase", "filler-left-after-dissolving")
    assert left[0] == 100
    assert left[1] <= 50  # most of the work is done in the first day or two
    assert left[7] <= 15  # the full result shows after several days
    assert left[21] > 0  # it does not always remove everything: a second session is sometimes needed


def test_hyaluronidase_timeline_shows_the_enzyme_swelling_of_the_first_days():
    swelling = values("hyaluronidase", "swelling-after-dissolving")
    assert max(swelling, key=swelling.get) in (1, 2, 3)
    assert swelling[7] <= 10 and swelling[14] == 0
    assert "enzyme-swelling" in {w.id for w in timeline(K, "hyaluronidase").windows}


def test_botox_onset_most_people_respond_within_days_and_full_effect_at_two_weeks():
    effect = values("botox", "botox-effect")
    assert effect[3] >= 70  # in trials about 9 in 10 noticed it by day 3; the middle time was about 3 days
    assert max(effect, key=effect.get) == 14


def test_swelling_after_filler_has_mostly_settled_within_about_two_weeks():
    for treatment in ("filler_ha", "filler_other", "filler_unknown"):
        swelling = values(treatment, "swelling")
        assert max(swelling.values()) == 100
        assert swelling[14] <= 10


def test_rows_carry_calendar_dates_phase_and_illustrative_flag():
    start = dt.date(2026, 3, 1)
    result = timeline(K, "botox", start)
    row = next(r for r in result.rows if r.day == 100)
    assert row.date == dt.date(2026, 6, 9)
    assert row.phase == "Botox wears off"
    assert all(r.illustrative for r in result.rows)
    wears_off = next(w for w in result.milestones if w.id == "botox-wears-off")
    assert wears_off.start_date == start + dt.timedelta(days=90)


def test_without_a_start_date_there_are_no_calendar_dates():
    assert all(r.date is None for r in timeline(K, "filler_ha").rows)


def test_filler_timeline_includes_aftercare_windows():
    windows = timeline(K, "filler_ha").windows
    kinds = {w.kind for w in windows}
    assert {"expected", "milestone", "aftercare"} <= kinds
    assert any("alcohol" in w.text.text for w in windows if w.kind == "aftercare")


def test_timeline_refuses_unknown_treatment():
    with pytest.raises(UnknownIdError):
        timeline(K, "laser")


def test_checklist_with_gaps_lists_questions_to_ask_in_order():
    result = checklist_result(K, ["qualifications", "cost"])
    assert [i.id for i in result.covered] == ["qualifications", "cost"]
    assert not result.complete
    assert len(result.ask_next) == len(K.checklist) - 2
    assert result.ask_next[0] == next(i.ask_next for i in K.checklist if i.id == "age-and-health")


def test_checklist_all_ticked_is_complete_and_nothing_ticked_asks_everything():
    assert checklist_result(K, [i.id for i in K.checklist]).complete
    assert len(checklist_result(K, []).missing) == len(K.checklist)


def test_checklist_covers_the_topics_of_the_brief():
    topics = " ".join(f"{i.topic} {i.question}".lower() for i in K.checklist)
    for topic in (
        "qualifications",
        "experience",
        "anatomy",
        "product",
        "hyaluronidase",
        "risks",
        "face-to-face",
        "aftercare",
        "clinic",
        "register",
        "insurance",
        "cost",
    ):
        assert topic in topics


def test_checklist_refuses_unknown_items():
    with pytest.raises(UnknownIdError):
        checklist_result(K, ["nope"])
