"""Pure, deterministic queries over the knowledge, one module per tool. The pages call these; they return
models, never markup. Everything a page or a test needs is re-exported here, so they keep one import."""

from knowledge.queries.checklist import ChecklistResult, checklist_result
from knowledge.queries.common import Tone, UnknownIdError, cited_sources
from knowledge.queries.lookup import Candidate, Resolution, build_index, resolve
from knowledge.queries.provenance import describe, facts_by_source
from knowledge.queries.reversibility import VERDICTS, Reversibility, VerdictWords, assess_reversibility
from knowledge.queries.scenarios import (
    Choice,
    ScenarioAnswer,
    SpreadRow,
    ToolAnswer,
    answer_scenario,
    spread,
)
from knowledge.queries.take_home import CalendarEvent, TakeHome, calendar_events, take_home
from knowledge.queries.timeline import (
    Timeline,
    TimelineRow,
    Window,
    products_for,
    timeline,
    value_on_day,
    windows_on_day,
)
from knowledge.queries.triage import (
    AFTERCARE_LEVELS,
    LEVEL_TONE,
    QuestionGroup,
    Reason,
    Triage,
    aftercare_for,
    question_groups,
    red_flags,
    tip_materials,
    triage,
    usual_symptoms,
)
from knowledge.schema import SymptomReport

__all__ = [
    "AFTERCARE_LEVELS",
    "LEVEL_TONE",
    "VERDICTS",
    "CalendarEvent",
    "Candidate",
    "ChecklistResult",
    "Choice",
    "QuestionGroup",
    "Reason",
    "Resolution",
    "Reversibility",
    "ScenarioAnswer",
    "SpreadRow",
    "SymptomReport",
    "TakeHome",
    "Timeline",
    "TimelineRow",
    "Tone",
    "ToolAnswer",
    "Triage",
    "UnknownIdError",
    "VerdictWords",
    "Window",
    "aftercare_for",
    "answer_scenario",
    "assess_reversibility",
    "build_index",
    "calendar_events",
    "checklist_result",
    "cited_sources",
    "describe",
    "facts_by_source",
    "products_for",
    "question_groups",
    "red_flags",
    "resolve",
    "spread",
    "take_home",
    "timeline",
    "tip_materials",
    "triage",
    "usual_symptoms",
    "value_on_day",
    "windows_on_day",
]
