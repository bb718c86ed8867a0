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
    EARLIEST_TREATMENT,
    Timeline,
    TimelineRow,
    Window,
    check_treatment_date,
    parse_link_date,
    products_for,
    timeline,
    treatment_date_range,
    value_on_day,
    windows_on_day,
)
from knowledge.queries.triage import (
    AFTERCARE_LEVELS,
    LEVEL_TONE,
    MAX_DAYS_SINCE,
    QuestionGroup,
    Reason,
    Triage,
    aftercare_for,
    check_days_since,
    question_groups,
    red_flags,
    tip_materials,
    triage,
    usual_symptoms,
)
from knowledge.schema import SymptomReport

__all__ = [
    "AFTERCARE_LEVELS",
    "EARLIEST_TREATMENT",
    "LEVEL_TONE",
    "MAX_DAYS_SINCE",
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
    "check_days_since",
    "check_treatment_date",
    "checklist_result",
    "cited_sources",
    "describe",
    "facts_by_source",
    "parse_link_date",
    "products_for",
    "question_groups",
    "red_flags",
    "resolve",
    "spread",
    "take_home",
    "timeline",
    "tip_materials",
    "treatment_date_range",
    "triage",
    "usual_symptoms",
    "value_on_day",
    "windows_on_day",
]
