"""Workshop scenarios, answered by the same query the tool uses."""

from __future__ import annotations

from pydantic import Field

from knowledge.queries.checklist import checklist_result
from knowledge.queries.common import cited_sources
from knowledge.queries.reversibility import assess_reversibility
from knowledge.queries.timeline import windows_on_day
from knowledge.queries.triage import triage
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


class ScenarioAnswer(Model):
    """A scenario answered by the same query the tool uses, and whether it agrees with the answer key."""

    scenario: Scenario
    answer: tuple[str, ...] = Field(description="level id, verdict, window ids or missing item ids")
    agrees: bool
    why: tuple[Cited, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return cited_sources(self.why, self.scenario.teaching_point)


def answer_scenario(k: Knowledge, scenario: Scenario) -> ScenarioAnswer:
    case = scenario.case
    if isinstance(case, TriageCase):
        result = triage(k, case.treatment, case.days_since, case.answers)
        answer: tuple[str, ...] = (result.level.id,)
        why = (result.do_this, *(r.because for r in result.triggering))
        agrees = answer == (case.expected,)
    elif isinstance(case, ReversibilityCase):
        found = assess_reversibility(k, product=case.product, material=case.material)
        answer, why = (found.verdict,), (found.headline,)
        agrees = answer == (case.expected,)
    elif isinstance(case, TimelineCase):
        windows = windows_on_day(k, case.treatment, case.day)
        answer, why = tuple(w.id for w in windows), tuple(w.text for w in windows)
        agrees = case.expected in answer
    else:
        assert isinstance(case, ChecklistCase)
        checked = checklist_result(k, case.ticked)
        answer, why = tuple(i.id for i in checked.missing), tuple(i.why for i in checked.missing)
        agrees = set(answer) == set(case.expected)
    return ScenarioAnswer(scenario=scenario, answer=answer, agrees=agrees, why=(*why, scenario.teaching_point))
