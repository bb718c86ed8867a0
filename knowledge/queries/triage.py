"""Symptom self-check: the questions for a treatment, and one care level with its reasons."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property

from pydantic import Field

from knowledge.queries.common import InputRejected, Tone, UnknownIdError, cited_sources, known_treatment
from knowledge.schema import (
    CARE_LEVELS,
    AftercareTip,
    CareLevel,
    CareLevelId,
    Cited,
    Knowledge,
    Model,
    Symptom,
    SymptomGroup,
    SymptomReport,
    Treatment,
    rank,
)

# How each care level is drawn, most urgent first.
LEVEL_TONE: dict[str, Tone] = {
    "emergency": "danger",
    "act_now": "danger",
    "urgent": "warning",
    "soon": "info",
    "self_care": "info",
}
assert tuple(LEVEL_TONE) == CARE_LEVELS, "every care level needs a tone"


class Reason(Model):
    """One answer that led to a care level, and why, with its sources."""

    symptom: Symptom
    level: CareLevelId
    because: Cited
    worsening: bool = False


class QuestionGroup(Model):
    """A heading of the self-check and its questions for one treatment, most urgent first."""

    group: SymptomGroup
    intro: Cited | None
    symptoms: tuple[Symptom, ...]
    most_urgent: int = Field(description="rank of the most urgent question in the group, for this treatment")


class Triage(Model):
    level: CareLevel
    treatment: Treatment
    days_since: int | None = Field(description="None: not known, so every time window counted")
    do_this: Cited = Field(description="the level's advice, worded for this treatment")
    level_why: Cited = Field(description="why this level, worded for this treatment")
    reasons: tuple[Reason, ...] = Field(description="every answer's reasons, most urgent first")
    safety_net: tuple[Cited, ...]
    aftercare: tuple[AftercareTip, ...] = ()

    @cached_property
    def triggering(self) -> tuple[Reason, ...]:
        """The reasons at the result's level: the answers that decided it, one reason per answer."""
        first: dict[str, Reason] = {}
        for reason in self.reasons:
            if reason.level == self.level.id:
                first.setdefault(reason.symptom.id, reason)
        return tuple(first.values())

    @property
    def sources(self) -> tuple[str, ...]:
        return cited_sources(self.do_this, self.level_why, self.reasons, self.safety_net, self.aftercare)


def red_flags(k: Knowledge) -> list[Symptom]:
    """The emergency questions, asked first, before the treatment: they apply to every treatment."""
    return [s for s in k.symptoms if s.red_flag]


def question_groups(k: Knowledge, treatment: str) -> tuple[QuestionGroup, ...]:
    """The other questions for a treatment, under their headings. The heading with the most urgent question
    comes first; inside a heading, the most urgent question comes first (content order breaks ties)."""
    known_treatment(k, treatment)
    groups = []
    for group in k.symptom_groups:
        asked = [s for s in k.symptoms if s.group == group.id and not s.red_flag and treatment in s.applies_to]
        if asked:
            asked.sort(key=lambda s: rank(s.level_for(treatment)))
            groups.append(
                QuestionGroup(
                    group=group,
                    intro=group.intro.for_treatment(treatment) if group.intro else None,
                    symptoms=tuple(asked),
                    most_urgent=rank(asked[0].level_for(treatment)),
                )
            )
    return tuple(sorted(groups, key=lambda g: g.most_urgent))


def usual_symptoms(k: Knowledge, treatment: str) -> list[Symptom]:
    """The other questions for a treatment, in the order the self-check asks them."""
    return [s for group in question_groups(k, treatment) for s in group.symptoms]


# Results at these levels also show aftercare: there is time to look after the area while waiting.
AFTERCARE_LEVELS = ("soon", "self_care")


MAX_DAYS_SINCE = 3650  # ten years: the self-check's questions are about the weeks and months after treatment


def check_days_since(value: float | None) -> int:
    """The number of days typed into the self-check, as a whole number; a ValueError with a short reason (fixed
    words, never the value) when it cannot be used."""
    if value is None:
        raise InputRejected("days_empty", "it is empty. Type a number: 0 means today")
    if not math.isfinite(value):
        raise InputRejected("days_not_number", "it is not a number")
    if value < 0:
        raise InputRejected("days_negative", "it cannot be less than 0 (0 means today)")
    if value > MAX_DAYS_SINCE:
        raise InputRejected(
            "days_too_many", f"it can be at most {MAX_DAYS_SINCE:,} (about ten years)", most=MAX_DAYS_SINCE
        )
    if value != int(value):
        raise InputRejected("days_not_whole", "it must be a whole number of days")
    return int(value)


def triage(k: Knowledge, treatment: str, days_since: int | None, reports: Sequence[SymptomReport]) -> Triage:
    """One care level: the most urgent that any answer leads to, with every reason and its sources.

    A symptom is counted even if it is not usual for the treatment: what a person reports is never ignored.
    `days_since` None means the day is not known: every time window counts, so the answer is as urgent as it
    would be on the most urgent day, never less.
    """
    chosen = known_treatment(k, treatment)
    if days_since is not None and days_since < 0:
        raise ValueError("days since treatment cannot be negative")
    reasons: list[Reason] = []
    for report in reports:
        if report.symptom not in k.symptom_by_id:
            raise UnknownIdError(f"unknown symptom id {report.symptom!r}")
        symptom = k.symptom_by_id[report.symptom]
        why = symptom.why.for_treatment(treatment)
        reasons.append(Reason(symptom=symptom, level=symptom.level, because=why, worsening=report.worsening))
        for esc in symptom.escalations:
            if esc.applies(treatment, days_since, report.worsening):
                reasons.append(Reason(symptom=symptom, level=esc.level, because=esc.reason, worsening=report.worsening))
    reasons.sort(key=lambda r: rank(r.level))  # stable: keeps answer order within a level
    level = k.level_by_id[reasons[0].level if reasons else "self_care"]
    aftercare = aftercare_for(k, treatment) if level.id in AFTERCARE_LEVELS else ()
    return Triage(
        level=level,
        treatment=chosen,
        days_since=days_since,
        do_this=level.do_this.for_treatment(treatment),
        level_why=level.why.for_treatment(treatment),
        reasons=tuple(reasons),
        safety_net=k.safety_net,
        aftercare=aftercare,
    )


def aftercare_for(k: Knowledge, treatment: str) -> tuple[AftercareTip, ...]:
    """Aftercare for a treatment: tips for any material first, then tips for one material only."""
    tips = [tip for tip in k.aftercare if treatment in tip.treatments]
    return tuple(sorted(tips, key=lambda tip: bool(tip.materials)))


def tip_materials(k: Knowledge, tip: AftercareTip) -> tuple[str, ...]:
    """Plain names of the materials a tip is only for (empty: it applies after any)."""
    return tuple(k.material_by_id[m].plain_name for m in tip.materials)
