"""Pydantic models of the guide's content.

Every model is immutable and forbids unknown fields, so a typo in a content file is an error,
not a silently ignored key. Every statement a user reads is a `Cited` text naming its sources.
The root model `Knowledge` checks what no single field can: unique ids and references that resolve.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Day = Annotated[float, Field(ge=0)]

CareLevelId = Literal["emergency", "urgent", "soon", "self_care"]
SourceKind = Literal["seed", "regulator", "guideline", "study", "manufacturer"]
TreatmentKind = Literal["filler", "toxin", "dissolver"]
Verdict = Literal["dissolvable", "not_dissolvable", "wears_off", "unknown"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cited(Model):
    """A statement shown to users, with the ids of the sources that support it."""

    text: Text
    sources: tuple[Id, ...] = Field(min_length=1)


class DayRange(Model):
    """Days after treatment, counted from the day of treatment (day 0)."""

    start: Day
    end: Day

    @model_validator(mode="after")
    def _ordered(self) -> DayRange:
        if self.start > self.end:
            raise ValueError(f"start ({self.start:g}) must not be after end ({self.end:g})")
        return self


class Meta(Model):
    title: Text
    version: Text
    reviewed: dt.date
    reviewed_by: Text
    review_every_months: int = Field(ge=1, le=24)
    update_policy: Text
    disclaimer: Text
    emergency_line: Cited


class Source(Model):
    id: Id
    short: Text = Field(description="a short label for inline citations")
    title: Text
    publisher: Text
    url: HttpUrl | None = None
    kind: SourceKind
    reviewed: dt.date
    note: Text | None = None


class Treatment(Model):
    """What someone had injected, as the self-check and the timeline ask it."""

    id: Id
    name: Text
    kind: TreatmentKind
    description: Text


class Material(Model):
    id: Id
    name: Text
    plain_name: Text
    treatment: Id
    verdict: Verdict
    summary: Cited
    lasts: Cited
    methods: tuple[Id, ...] = Field(min_length=1)
    caveats: tuple[Cited, ...] = ()


class Product(Model):
    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    material: Id
    maker: Text
    sources: tuple[Id, ...] = Field(min_length=1)


class Method(Model):
    """A way to undo, soften or wait out a result."""

    id: Id
    name: Text
    what: Cited
    time_course: Cited | None = None
    caveats: tuple[Cited, ...] = ()


class UnknownProductAdvice(Model):
    """What the reversibility checker says when the user does not know the product."""

    headline: Cited
    how_to_find_out: tuple[Cited, ...] = Field(min_length=1)
    meanwhile: tuple[Cited, ...] = ()


class CareLevel(Model):
    id: CareLevelId
    rank: int = Field(ge=0, description="0 is the most urgent")
    title: Text
    icon: Text
    do_this: Cited
    how_soon: Text
    contact: Text


class Escalation(Model):
    """A condition under which a symptom needs a more urgent level than its usual one."""

    level: CareLevelId
    when_worsening: bool = False
    from_day: Day | None = None
    treatments: tuple[Id, ...] = ()
    reason: Cited

    @model_validator(mode="after")
    def _has_condition(self) -> Escalation:
        if not self.when_worsening and self.from_day is None and not self.treatments:
            raise ValueError("an escalation needs a condition: when_worsening, from_day or treatments")
        return self


class Symptom(Model):
    id: Id
    label: Text
    question: Text
    red_flag: bool = False
    applies_to: tuple[Id, ...] = Field(min_length=1)
    level: CareLevelId
    why: Cited
    escalations: tuple[Escalation, ...] = ()


class SeriesPoint(Model):
    day: Day
    value: float = Field(ge=0, le=100)


class Series(Model):
    """One illustrative curve of the recovery timeline, drawn through its points."""

    id: Id
    name: Text
    treatments: tuple[Id, ...] = Field(min_length=1)
    measure: Text
    points: tuple[SeriesPoint, ...] = Field(min_length=2)
    explanation: Cited

    @model_validator(mode="after")
    def _days_increase(self) -> Series:
        days = [p.day for p in self.points]
        if days != sorted(set(days)):
            raise ValueError("points must be in order of day, each day once")
        return self


class Phase(Model):
    """A span of days with a meaning: swelling settles, the dissolver works, Botox wears off."""

    id: Id
    name: Text
    treatments: tuple[Id, ...] = Field(min_length=1)
    days: DayRange
    kind: Literal["expected", "milestone"]
    text: Cited


class AftercareTip(Model):
    """Aftercare advice; a tip with days is also drawn on the timeline as an aftercare window."""

    id: Id
    name: Text
    treatments: tuple[Id, ...] = Field(min_length=1)
    days: DayRange | None = None
    text: Cited


class ChecklistItem(Model):
    id: Id
    topic: Text
    question: Text
    why: Cited
    ask_next: Text


class SymptomReport(Model):
    """One answer in the self-check: a symptom, and whether it is getting worse."""

    symptom: Id
    worsening: bool = False


class TriageCase(Model):
    tool: Literal["triage"]
    treatment: Id
    days_since: int = Field(ge=0)
    answers: tuple[SymptomReport, ...] = ()
    expected: CareLevelId


class ReversibilityCase(Model):
    tool: Literal["reversibility"]
    product: Id | None = None
    material: Id | None = None
    expected: Verdict


class TimelineCase(Model):
    tool: Literal["timeline"]
    treatment: Id
    day: int = Field(ge=0)
    expected: Id = Field(description="the id of a phase or aftercare window that covers the day")


class ChecklistCase(Model):
    tool: Literal["checklist"]
    ticked: tuple[Id, ...] = ()
    expected: tuple[Id, ...] = Field(min_length=1, description="the checklist items still missing")


Case = Annotated[TriageCase | ReversibilityCase | TimelineCase | ChecklistCase, Field(discriminator="tool")]


class Scenario(Model):
    """A workshop case: the facts, a question, and the answer key that the tool's own query must agree with."""

    id: Id
    title: Text
    story: Text
    question: Text
    case: Case
    teaching_point: Cited


class Glossary(Model):
    term: Text
    meaning: Cited


class Knowledge(Model):
    """All content, as one validated whole. Field names match the content file names."""

    meta: Meta
    sources: tuple[Source, ...] = Field(min_length=1)
    treatments: tuple[Treatment, ...] = Field(min_length=1)
    materials: tuple[Material, ...] = Field(min_length=1)
    products: tuple[Product, ...] = Field(min_length=1)
    methods: tuple[Method, ...] = Field(min_length=1)
    unknown_product: UnknownProductAdvice
    care_levels: tuple[CareLevel, ...] = Field(min_length=4)
    symptoms: tuple[Symptom, ...] = Field(min_length=1)
    safety_net: tuple[Cited, ...] = Field(min_length=1)
    series: tuple[Series, ...] = Field(min_length=1)
    phases: tuple[Phase, ...] = Field(min_length=1)
    aftercare: tuple[AftercareTip, ...] = ()
    checklist: tuple[ChecklistItem, ...] = Field(min_length=1)
    glossary: tuple[Glossary, ...] = ()
    scenarios: tuple[Scenario, ...] = ()

    @model_validator(mode="after")
    def _cross_references(self) -> Knowledge:
        problems = list(_cross_reference_problems(self))
        if problems:
            raise PydanticCustomError(
                "cross_reference",
                "{count} cross-reference problem(s)",
                {"count": len(problems), "problems": problems},
            )
        return self

    # Lookups by id, built once per validated instance.
    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def treatment_by_id(self) -> dict[str, Treatment]:
        return {t.id: t for t in self.treatments}

    @cached_property
    def material_by_id(self) -> dict[str, Material]:
        return {m.id: m for m in self.materials}

    @cached_property
    def product_by_id(self) -> dict[str, Product]:
        return {p.id: p for p in self.products}

    @cached_property
    def method_by_id(self) -> dict[str, Method]:
        return {m.id: m for m in self.methods}

    @cached_property
    def level_by_id(self) -> dict[str, CareLevel]:
        return {c.id: c for c in self.care_levels}

    @cached_property
    def symptom_by_id(self) -> dict[str, Symptom]:
        return {s.id: s for s in self.symptoms}

    @cached_property
    def citations(self) -> tuple[tuple[tuple[str | int, ...], Cited], ...]:
        """Every cited statement in the content, with where it lives."""
        return tuple(iter_cited(self))


Path = tuple[str | int, ...]


def iter_cited(value: Any, path: Path = ()) -> Iterator[tuple[Path, Cited]]:
    """Walk any content value and yield each cited statement with its path."""
    if isinstance(value, Cited):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_cited(getattr(value, name), (*path, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from iter_cited(item, (*path, index))


def _duplicates(ids: list[str]) -> set[str]:
    seen: set[str] = set()
    return {i for i in ids if i in seen or seen.add(i)}


def _cross_reference_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    collections: dict[str, tuple[Any, ...]] = {
        "sources": k.sources,
        "treatments": k.treatments,
        "materials": k.materials,
        "products": k.products,
        "methods": k.methods,
        "care_levels": k.care_levels,
        "symptoms": k.symptoms,
        "series": k.series,
        "phases": k.phases,
        "aftercare": k.aftercare,
        "checklist": k.checklist,
        "scenarios": k.scenarios,
    }
    for name, items in collections.items():
        ids = [item.id for item in items]
        for dup in sorted(_duplicates(ids)):
            yield (name, ids.index(dup), "id"), f"the id '{dup}' is used more than once"

    for i, product in enumerate(k.products):
        if product.id in k.material_by_id:
            yield ("products", i, "id"), f"the id '{product.id}' is also a material id; the checker needs them apart"

    source_ids = set(k.source_by_id)
    for path, cited in k.citations:
        for i, sid in enumerate(cited.sources):
            if sid not in source_ids:
                yield (*path, "sources", i), f"unknown source id '{sid}'"
    for i, product in enumerate(k.products):
        for j, sid in enumerate(product.sources):
            if sid not in source_ids:
                yield ("products", i, "sources", j), f"unknown source id '{sid}'"
        if product.material not in k.material_by_id:
            yield ("products", i, "material"), f"unknown material id '{product.material}'"

    def unknown_treatments(path: Path, ids: tuple[str, ...]) -> Iterator[tuple[Path, str]]:
        for j, tid in enumerate(ids):
            if tid not in k.treatment_by_id:
                yield (*path, j), f"unknown treatment id '{tid}'"

    for i, material in enumerate(k.materials):
        if material.treatment not in k.treatment_by_id:
            yield ("materials", i, "treatment"), f"unknown treatment id '{material.treatment}'"
        for j, mid in enumerate(material.methods):
            if mid not in k.method_by_id:
                yield ("materials", i, "methods", j), f"unknown method id '{mid}'"
    for i, symptom in enumerate(k.symptoms):
        yield from unknown_treatments(("symptoms", i, "applies_to"), symptom.applies_to)
        own = k.level_by_id.get(symptom.level)
        for j, esc in enumerate(symptom.escalations):
            yield from unknown_treatments(("symptoms", i, "escalations", j, "treatments"), esc.treatments)
            raised = k.level_by_id.get(esc.level)
            if own and raised and raised.rank >= own.rank:
                yield (
                    ("symptoms", i, "escalations", j, "level"),
                    f"'{esc.level}' is not more urgent than the symptom's own level '{symptom.level}'",
                )
    for name, items in (("series", k.series), ("phases", k.phases), ("aftercare", k.aftercare)):
        for i, item in enumerate(items):
            yield from unknown_treatments((name, i, "treatments"), item.treatments)

    checklist_ids = {item.id for item in k.checklist}
    for i, scenario in enumerate(k.scenarios):
        yield from _scenario_problems(k, ("scenarios", i, "case"), scenario.case, checklist_ids)

    # Care levels: exactly the four, ranks in the order of urgency, each reachable by some symptom.
    level_ids = [c.id for c in k.care_levels]
    expected = ["emergency", "urgent", "soon", "self_care"]
    if sorted(level_ids) != sorted(expected):
        yield ("care_levels",), f"care levels must be exactly {', '.join(expected)}"
    elif [c.id for c in sorted(k.care_levels, key=lambda c: c.rank)] != expected:
        yield ("care_levels",), "ranks must order the levels: emergency, urgent, soon, self_care"
    reachable = {s.level for s in k.symptoms} | {e.level for s in k.symptoms for e in s.escalations}
    for i, level in enumerate(k.care_levels):
        if level.id not in reachable and level.id != "self_care":
            yield ("care_levels", i, "id"), f"no symptom leads to the level '{level.id}'"
    for i, symptom in enumerate(k.symptoms):
        if symptom.red_flag and symptom.level != "emergency":
            yield ("symptoms", i, "level"), "a red-flag symptom must lead to 'emergency'"

    # Every treatment needs a timeline.
    for i, treatment in enumerate(k.treatments):
        if not any(treatment.id in series.treatments for series in k.series):
            yield ("treatments", i, "id"), f"the treatment '{treatment.id}' has no timeline series"


def _scenario_problems(k: Knowledge, path: Path, case: Any, checklist_ids: set[str]) -> Iterator[tuple[Path, str]]:
    if isinstance(case, TriageCase | TimelineCase) and case.treatment not in k.treatment_by_id:
        yield (*path, "treatment"), f"unknown treatment id '{case.treatment}'"
    if isinstance(case, TriageCase):
        for j, answer in enumerate(case.answers):
            if answer.symptom not in k.symptom_by_id:
                yield (*path, "answers", j, "symptom"), f"unknown symptom id '{answer.symptom}'"
    if isinstance(case, ReversibilityCase):
        if case.product is not None and case.product not in k.product_by_id:
            yield (*path, "product"), f"unknown product id '{case.product}'"
        if case.material is not None and case.material not in k.material_by_id:
            yield (*path, "material"), f"unknown material id '{case.material}'"
    if isinstance(case, TimelineCase):
        windows = {p.id for p in k.phases} | {t.id for t in k.aftercare}
        if case.expected not in windows:
            yield (*path, "expected"), f"unknown phase or aftercare id '{case.expected}'"
    if isinstance(case, ChecklistCase):
        for field_name, ids in (("ticked", case.ticked), ("expected", case.expected)):
            for j, item in enumerate(ids):
                if item not in checklist_ids:
                    yield (*path, field_name, j), f"unknown checklist item id '{item}'"
