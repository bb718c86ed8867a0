"""Pure, deterministic queries over the knowledge, one module per tool. The pages call these; they return
models, never markup. Everything a page or a test needs is re-exported here, so they keep one import."""

from knowledge.queries.checklist import ChecklistResult, checklist_result
from knowledge.queries.common import UnknownIdError, cited_sources
from knowledge.queries.lookup import Candidate, Resolution, build_index, resolve
from knowledge.queries.provenance import describe, facts_by_source
from knowledge.queries.reversibility import Reversibility, assess_reversibility
from knowledge.queries.scenarios import ScenarioAnswer, answer_scenario
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
    "CalendarEvent",
    "Candidate",
    "ChecklistResult",
    "QuestionGroup",
    "Reason",
    "Resolution",
    "Reversibility",
    "ScenarioAnswer",
    "SymptomReport",
    "TakeHome",
    "Timeline",
    "TimelineRow",
    "Triage",
    "UnknownIdError",
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
    "take_home",
    "timeline",
    "tip_materials",
    "triage",
    "usual_symptoms",
    "value_on_day",
    "windows_on_day",
]
