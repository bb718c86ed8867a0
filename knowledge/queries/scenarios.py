"""Workshop scenarios, answered by the same query the tool uses.

`answer_scenario` is the one place that tells the four tools apart: it runs the tool's query and returns a typed
result together with everything a page, a live room and a test need (the choices, which are right, the answer in
words, why). Nothing after it needs to know which tool a scenario uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, assert_never

from knowledge.queries.checklist import ChecklistResult, checklist_result
from knowledge.queries.common import Tone, cited_sources
from knowledge.queries.reversibility import VERDICTS, Reversibility, assess_reversibility, verdict_words
from knowledge.queries.timeline import Window, timeline
from knowledge.queries.triage import LEVEL_TONE, Triage, triage
from knowledge.schema import (
    ChecklistCase,
    Cited,
    Knowledge,
    Model,
    ReversibilityCase,
    Scenario,
    TimelineCase,
    TriageCase,
)


class TriageAnswer(Model):
    tool: Literal["triage"] = "triage"
    result: Triage


class ReversibilityAnswer(Model):
    tool: Literal["reversibility"] = "reversibility"
    result: Reversibility


class TimelineAnswer(Model):
    tool: Literal["timeline"] = "timeline"
    day: int
    windows: tuple[Window, ...]
    covering: tuple[Window, ...]


class ChecklistAnswer(Model):
    tool: Literal["checklist"] = "checklist"
    result: ChecklistResult


ToolAnswer = TriageAnswer | ReversibilityAnswer | TimelineAnswer | ChecklistAnswer


class Choice(Model):
    """One answer a participant can pick, and whether the tool's query makes it right."""

    id: str
    label: str
    correct: bool


class ScenarioAnswer(Model):
    """A scenario answered by the tool's own query: the typed result, the choices, and the answer in words."""

    scenario: Scenario
    result: ToolAnswer
    prompt: str
    choices: tuple[Choice, ...]
    headline: str
    tone: Tone
    icon: str
    agrees: bool
    why: tuple[Cited, ...]

    @property
    def correct(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices if c.correct)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    @property
    def sources(self) -> tuple[str, ...]:
        return cited_sources(self.why, self.scenario.teaching_point)


class SpreadRow(Model):
    """How many people picked one choice; whether it is right is shown only once the answer is revealed."""

    choice: Choice
    votes: int


def answer_scenario(k: Knowledge, scenario: Scenario) -> ScenarioAnswer:
    case = scenario.case
    match case:
        case TriageCase():
            found = triage(k, case.treatment, case.days_since, case.answers)
            return ScenarioAnswer(
                scenario=scenario,
                result=TriageAnswer(result=found),
                prompt=k.phrases.choose_level,
                choices=tuple(
                    Choice(id=level.id, label=level.title, correct=level.id == found.level.id)
                    for level in k.care_levels
                ),
                headline=found.level.title,
                tone=LEVEL_TONE[found.level.id],
                icon=found.level.icon,
                agrees=found.level.id == case.expected,
                why=(found.do_this, *(r.because for r in found.triggering), scenario.teaching_point),
            )
        case ReversibilityCase():
            verdict = assess_reversibility(k, product=case.product, material=case.material)
            words = verdict_words(k, verdict.verdict)
            return ScenarioAnswer(
                scenario=scenario,
                result=ReversibilityAnswer(result=verdict),
                prompt=k.phrases.choose_answer,
                choices=tuple(
                    Choice(id=v, label=verdict_words(k, v).label, correct=v == verdict.verdict) for v in VERDICTS
                ),
                headline=words.label,
                tone=words.tone,
                icon=words.icon,
                agrees=verdict.verdict == case.expected,
                why=(verdict.headline, scenario.teaching_point),
            )
        case TimelineCase():
            windows = timeline(k, case.treatment).windows
            covering = tuple(w for w in windows if w.days.start <= case.day <= w.days.end)
            return ScenarioAnswer(
                scenario=scenario,
                result=TimelineAnswer(day=case.day, windows=windows, covering=covering),
                prompt=k.phrases.choose_phases,
                choices=tuple(Choice(id=w.id, label=w.name, correct=w in covering) for w in windows),
                headline=k.phrases.day_phases.format(day=case.day, phases="; ".join(w.name for w in covering)),
                tone="success",
                icon=":material/timeline:",
                agrees=case.expected in {w.id for w in covering},
                why=(*(w.text for w in covering), scenario.teaching_point),
            )
        case ChecklistCase():
            checked = checklist_result(k, case.ticked)
            missing = {item.id for item in checked.missing}
            return ScenarioAnswer(
                scenario=scenario,
                result=ChecklistAnswer(result=checked),
                prompt=k.phrases.choose_missing,
                choices=tuple(Choice(id=i.id, label=i.topic, correct=i.id in missing) for i in k.checklist),
                headline=k.phrases.still_missing.format(items=", ".join(item.topic for item in checked.missing)),
                tone="warning",
                icon=":material/checklist:",
                agrees=missing == set(case.expected),
                why=(*(item.why for item in checked.missing), scenario.teaching_point),
            )
        case _:
            assert_never(case)


def spread(answer: ScenarioAnswer, counts: Mapping[str, int]) -> tuple[SpreadRow, ...]:
    """Votes per choice, in the order the choices are shown; votes for anything else are not counted."""
    return tuple(SpreadRow(choice=c, votes=max(0, int(counts.get(c.id, 0)))) for c in answer.choices)
