"""Pydantic models of the guide's content.

Every model is immutable and forbids unknown fields, so a typo in a content file is an error,
not a silently ignored key. Every statement a user reads is a `Cited` text naming its sources.
The root model `Knowledge` checks what no single field can: unique ids and references that resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cached_property
from itertools import pairwise
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from knowledge.names import distinctive, fold_words, normal, tokens

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Translated:
    """Marks a text that readers see in the guide's own words: every language of the guide gives it
    (knowledge/translations.py). Names of products, makers and sources are not marked: they stay as they are."""

    def __repr__(self) -> str:
        return "Translated()"


# Words readers see: translated into every language the guide offers.
Words = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Translated()]

# Every language the guide can be written in, each with its own name for itself; English is the source. The
# content's meta.languages says which are offered (knowledge/translations.py checks that each has every text).
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "ko": "한국어"}
SOURCE_LANGUAGE = "en"
Language = Literal[tuple(LANGUAGE_NAMES)]
Day = Annotated[float, Field(ge=0)]

# The care levels, most urgent first. The one list the content, the queries, the pages and the tests use.
CARE_LEVELS = ("emergency", "act_now", "urgent", "soon", "self_care")
CareLevelId = Literal[CARE_LEVELS]

# What a source is. A clinical claim must rest on at least one AUTHORITY kind: a seed article or a clinic
# page ("context") may stand next to one, never alone.
SourceKind = Literal["seed", "regulator", "guideline", "study", "label", "manufacturer", "context"]
AUTHORITY_KINDS = frozenset({"regulator", "guideline", "study", "label"})

# Dangers a sign can point to, and the least urgent level any answer set holding that sign may get.
DANGER_FLOOR: dict[str, str] = {
    "blocked_vessel": "act_now",
    "eye": "emergency",
    "stroke": "emergency",
    "anaphylaxis": "emergency",
    "toxin_spread": "emergency",
}
Danger = Literal[tuple(DANGER_FLOOR)]

# A curve of the timeline that draws a sign's usual course says when that sign is still expected. A rule that
# calls the sign "longer than usual" must not start while the curve is above this share of its peak.
SETTLED_SHARE = 0.25

TreatmentKind = Literal["filler", "toxin", "dissolver"]
# "partly": a hybrid of HA and something else, where only the HA part dissolves.
Verdict = Literal["dissolvable", "partly", "not_dissolvable", "wears_off", "unknown"]
# Where a product line is sold, among the regions the guide covers.
REGIONS = ("US", "CA", "UK", "EU", "KR", "AU")
Region = Literal[REGIONS]
# Sources that can show what a product is made of: a regulator's listing, its labelling, or its maker.
PRODUCT_SOURCE_KINDS = frozenset({"regulator", "label", "manufacturer", "guideline", "study"})


def rank(level: str) -> int:
    """0 is the most urgent level."""
    return CARE_LEVELS.index(level)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cited(Model):
    """A statement shown to users, with the ids of the sources that support it."""

    text: Words
    sources: tuple[Id, ...] = Field(min_length=1)


class Version(Cited):
    """The wording of a statement for some treatments, where it differs from the general one."""

    treatments: tuple[Id, ...] = Field(min_length=1)


class PerTreatment(Cited):
    """A statement with its general wording, and other wordings for treatments where the facts differ
    (Botox cannot be dissolved; a blocked blood vessel is a filler problem)."""

    versions: tuple[Version, ...] = ()

    def for_treatment(self, treatment: str) -> Cited:
        chosen = next((v for v in self.versions if treatment in v.treatments), None)
        return Cited(text=(chosen or self).text, sources=(chosen or self).sources)


class DayRange(Model):
    """Days after treatment, counted from the day of treatment (day 0)."""

    start: Day
    end: Day

    @model_validator(mode="after")
    def _ordered(self) -> DayRange:
        if self.start > self.end:
            raise ValueError(f"start ({self.start:g}) must not be after end ({self.end:g})")
        return self


class ClinicalReview(Model):
    """Whether a named clinician has signed off this version of the content. Never implied: stated."""

    status: Literal["not_signed_off", "signed_off"]
    statement: Words = Field(description="what readers are told about clinical review")
    clinician: Text | None = None
    signed_off_on: dt.date | None = None

    @model_validator(mode="after")
    def _named_when_signed(self) -> ClinicalReview:
        named = self.clinician is not None and self.signed_off_on is not None
        if self.status == "signed_off" and not named:
            raise ValueError("a sign-off needs the clinician's name and the date")
        if self.status == "not_signed_off" and (self.clinician or self.signed_off_on):
            raise ValueError("no clinician or date may be named until the content is signed off")
        return self


class Meta(Model):
    title: Words
    version: Text
    reviewed: dt.date
    reviewed_by: Words = Field(description="who checked the content against its sources")
    clinical_review: ClinicalReview
    review_every_months: int = Field(ge=1, le=24)
    update_policy: Words
    disclaimer: Words
    emergency_line: Cited
    act_now_line: Cited
    translation_review: Words = Field(
        description="said with every translation of the guide: who made it and who has not checked it yet"
    )
    local_number: Words = Field(
        description="what {emergency_number} reads as when the reader's region is not known ('your local "
        "emergency number')"
    )
    languages: tuple[Language, ...] = Field(
        default=(SOURCE_LANGUAGE,), description="the languages offered, English first; each needs every text"
    )

    @model_validator(mode="after")
    def _english_first(self) -> Meta:
        if (
            not self.languages
            or self.languages[0] != SOURCE_LANGUAGE
            or len(set(self.languages)) != len(self.languages)
        ):
            raise ValueError(f"languages must start with '{SOURCE_LANGUAGE}' and name each language once")
        return self


class Source(Model):
    id: Id
    short: Text = Field(description="a short label for inline citations")
    title: Text
    publisher: Text
    author: Text | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: HttpUrl | None = None
    no_url: Text | None = Field(default=None, description="why there is no web address")
    kind: SourceKind
    reviewed: dt.date
    note: Text | None = None

    @model_validator(mode="after")
    def _url_or_reason(self) -> Source:
        if (self.url is None) == (self.no_url is None):
            raise ValueError("a source needs either a url or, if it has none, a no_url reason (not both)")
        return self

    @property
    def authoritative(self) -> bool:
        return self.kind in AUTHORITY_KINDS


class Treatment(Model):
    """What someone had injected, as the self-check and the timeline ask it."""

    id: Id
    name: Words
    kind: TreatmentKind
    description: Words


class Material(Model):
    id: Id
    name: Words
    plain_name: Words
    aliases: tuple[Text, ...] = Field(default=(), description="what people type for the material itself")
    treatment: Id
    verdict: Verdict
    permanent: bool = False
    summary: Cited
    lasts: Cited
    wears_off: DayRange | None = Field(default=None, description="toxins: days when the effect has usually gone")
    methods: tuple[Id, ...] = Field(min_length=1)
    caveats: tuple[Cited, ...] = ()


class Product(Model):
    """One product line, named as it is on a treatment record."""

    id: Id
    name: Text
    brand: Text
    brand_aliases: tuple[Text, ...] = Field(default=(), description="other names of the brand, e.g. in Hangul")
    aliases: tuple[Text, ...] = Field(default=(), description="former, regional and local names; short names")
    material: Id
    maker: Text
    regions: tuple[Region, ...] = Field(default=(), description="where a source shows it is sold; empty: not known")
    sources: tuple[Id, ...] = Field(min_length=1)
    lasts: Cited | None = Field(default=None, description="how long it lasts, where it differs from its material")
    wears_off: DayRange | None = Field(default=None, description="toxins: when it has usually worn off, if different")


class Lookup(Model):
    """What the product lookup needs to read what people type."""

    generic_words: tuple[Text, ...] = Field(
        min_length=1, description="words that name no product on their own: 'lip', 'filler', 'booster'"
    )
    line_words: tuple[Text, ...] = Field(
        default=(),
        description="general words that tell one line of a brand from another ('ultra', 'volume', 'smile'): they "
        "name no product alone, and a line is only taken as certain when every one typed is in its name",
    )
    noise_words: tuple[Text, ...] = Field(default=(), description="words ignored when matching: 'xc', 'lidocaine'")
    area_phrases: tuple[Text, ...] = Field(
        default=(), description="phrases that name a face area with a line word in them: 'smile lines'"
    )
    generic_answer: Cited

    @property
    def noise(self) -> frozenset[str]:
        return fold_words(self.noise_words)

    @property
    def general(self) -> frozenset[str]:
        """Every word that names no product alone (generic and line words), in normal form."""
        return fold_words((*self.generic_words, *self.line_words))

    @property
    def lines(self) -> frozenset[str]:
        return fold_words(self.line_words)

    @property
    def areas(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tokens(phrase, self.noise) for phrase in self.area_phrases)


class Method(Model):
    """A way to undo, soften or wait out a result."""

    id: Id
    name: Words
    what: Cited
    time_course: Cited | None = None
    caveats: tuple[Cited, ...] = ()
    moves_with_duration: bool = Field(
        default=False, description="a product with its own 'lasts' (e.g. Daxxify) replaces this time course"
    )


class UnknownProductAdvice(Model):
    """What the reversibility checker says when the user does not know the product."""

    headline: Cited
    how_to_find_out: tuple[Cited, ...] = Field(min_length=1)
    meanwhile: tuple[Cited, ...] = ()


class CareLevel(Model):
    """One care card: what to do, how soon, whom to contact, and why, most urgent first."""

    id: CareLevelId
    title: Words
    icon: Text
    do_this: PerTreatment
    how_soon: Words
    contact: Words
    why: PerTreatment

    @property
    def rank(self) -> int:
        return rank(self.id)


class DayWindow(Model):
    """Days after treatment (day 0 is the day of treatment) on which a rule holds; open ends allowed."""

    from_day: Day | None = None
    until_day: Day | None = None

    @model_validator(mode="after")
    def _ordered_window(self) -> DayWindow:
        if self.from_day is not None and self.until_day is not None and self.from_day > self.until_day:
            raise ValueError(f"from_day ({self.from_day:g}) must not be after until_day ({self.until_day:g})")
        return self

    def covers(self, day: float | None) -> bool:
        """Whether the window holds `day`; an unknown day (None) may fall in any window, so it counts."""
        if day is None:
            return True
        return (self.from_day is None or day >= self.from_day) and (self.until_day is None or day <= self.until_day)


class Escalation(DayWindow):
    """A condition under which a symptom needs a more urgent level than its usual one."""

    level: CareLevelId
    when_worsening: bool = False
    treatments: tuple[Id, ...] = ()
    reason: Cited

    @model_validator(mode="after")
    def _has_condition(self) -> Escalation:
        if not (self.when_worsening or self.treatments or self.from_day is not None or self.until_day is not None):
            raise ValueError("an escalation needs a condition: when_worsening, a day or treatments")
        return self

    def for_treatment(self, treatment: str) -> bool:
        return not self.treatments or treatment in self.treatments

    def applies(self, treatment: str, day: float | None, worsening: bool) -> bool:
        return self.for_treatment(treatment) and self.covers(day) and (worsening or not self.when_worsening)


class Signal(DayWindow):
    """This sign can point to a danger (for these treatments, on these days, or only when getting worse).
    Any answer set holding it must get at least the danger's level (DANGER_FLOOR)."""

    danger: Danger
    treatments: tuple[Id, ...] = Field(default=(), description="empty: every treatment the question applies to")
    when_worsening: bool = False


class SymptomGroup(Model):
    """A plain-words heading that questions are grouped under, so people find the one that fits."""

    id: Id
    title: Words
    intro: PerTreatment | None = None


class Symptom(Model):
    id: Id
    group: Id
    label: Words = Field(description="a short name, shown in the reasons for a result")
    question: Words = Field(description="the checkbox label a person reads")
    red_flag: bool = Field(default=False, description="asked first, before the treatment, for every treatment")
    applies_to: tuple[Id, ...] = Field(min_length=1)
    level: CareLevelId
    why: PerTreatment
    worse_means: Words | None = Field(default=None, description="what 'getting worse' means for this sign")
    signals: tuple[Signal, ...] = ()
    escalations: tuple[Escalation, ...] = ()

    def level_on(self, treatment: str, day: float, worsening: bool) -> str:
        """The most urgent level this answer leads to on that day, for that treatment."""
        levels = [self.level] + [e.level for e in self.escalations if e.applies(treatment, day, worsening)]
        return min(levels, key=rank)

    def level_for(self, treatment: str) -> str:
        """The level this sign leads to after a treatment on any day, before trend or day rules."""
        unconditional = [
            e.level
            for e in self.escalations
            if e.for_treatment(treatment) and not e.when_worsening and e.from_day is None and e.until_day is None
        ]
        return min([self.level, *unconditional], key=rank)

    def asks_trend(self, treatment: str) -> bool:
        """Whether "is it getting worse?" can change the result for this treatment."""
        return any(e.when_worsening and e.for_treatment(treatment) for e in self.escalations)


class SeriesPoint(Model):
    day: Day
    value: float = Field(ge=0, le=100)


class Series(Model):
    """One illustrative curve of the recovery timeline, drawn through its points."""

    id: Id
    name: Words
    treatments: tuple[Id, ...] = Field(min_length=1)
    measure: Words
    points: tuple[SeriesPoint, ...] = Field(min_length=2)
    explanation: Cited
    stretch_after: Day | None = Field(
        default=None, description="for a product that lasts longer or shorter, later points move in proportion"
    )
    symptoms: tuple[Id, ...] = Field(
        default=(), description="self-check signs whose usual course this curve draws (checked against their rules)"
    )

    @model_validator(mode="after")
    def _days_increase(self) -> Series:
        days = [p.day for p in self.points]
        if days != sorted(set(days)):
            raise ValueError("points must be in order of day, each day once")
        return self

    def value_on(self, day: float) -> float:
        """The curve's value on a day: straight lines between its points, flat beyond the ends."""
        points = self.points
        if day <= points[0].day:
            return points[0].value
        for before, after in pairwise(points):
            if day <= after.day:
                share = (day - before.day) / (after.day - before.day)
                return round(before.value + share * (after.value - before.value), 2)
        return points[-1].value

    @property
    def peak(self) -> float:
        return max(p.value for p in self.points)

    @property
    def last_rise_day(self) -> float:
        """The last day on which the curve is still going up (its peak, for a curve that rises then falls)."""
        rising = [after.day for before, after in pairwise(self.points) if after.value > before.value]
        return max(rising, default=self.points[0].day)


class Phase(Model):
    """A span of days with a meaning: swelling settles, the dissolver works, Botox wears off."""

    id: Id
    name: Words
    treatments: tuple[Id, ...] = Field(min_length=1)
    days: DayRange
    kind: Literal["expected", "milestone"]
    text: Cited
    moves_with_duration: bool = Field(default=False, description="follows the product's wears_off days")


class AftercareTip(Model):
    """Aftercare advice; a tip with days is also drawn on the timeline as an aftercare window."""

    id: Id
    name: Words
    treatments: tuple[Id, ...] = Field(min_length=1)
    materials: tuple[Id, ...] = Field(default=(), description="only after these materials; empty: any")
    days: DayRange | None = None
    text: Cited


class ChecklistItem(Model):
    id: Id
    topic: Words
    question: Words
    why: Cited
    ask_next: Words


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
    title: Words
    story: Words
    question: Words
    case: Case
    teaching_point: Cited


class Glossary(Model):
    term: Words
    meaning: Cited


class VerdictPhrases(Model):
    """How each reversibility verdict is said (the checker's banner, the scenarios' choices)."""

    dissolvable: Words
    partly: Words
    not_dissolvable: Words
    wears_off: Words
    unknown: Words


class Phrases(Model):
    """The words the tools put into their answers around the content: not facts, so no sources; translated
    like every other text. A {name} here is filled in by the query (PHRASE_PLACEHOLDERS)."""

    verdicts: VerdictPhrases
    choose_level: Words = Field(description="a triage scenario's question to the room")
    choose_answer: Words = Field(description="a reversibility scenario's question")
    choose_phases: Words = Field(description="a timeline scenario's question")
    choose_missing: Words = Field(description="a checklist scenario's question")
    day_phases: Words = Field(description="a timeline scenario's answer: {day} and the {phases} on it")
    still_missing: Words = Field(description="a checklist scenario's answer: the {items} not yet covered")
    typical_date: Words = Field(description="added to each key date in the calendar file")


# The placeholders each phrase is given by its query.
PHRASE_PLACEHOLDERS = {"day_phases": {"{day}", "{phases}"}, "still_missing": {"{items}"}}


# Where a text says "{emergency_number}", the reader sees the number of their region (or meta.local_number).
EMERGENCY_NUMBER = "{emergency_number}"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class EmergencyNumber(Model):
    """The number to call in an emergency in one region the guide covers."""

    region: Region
    name: Words = Field(description="the region as readers name it: 'the UK', 'South Korea'")
    number: Annotated[str, StringConstraints(pattern=r"^[0-9]{3}$")]
    countries: tuple[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")], ...] = Field(
        min_length=1, description="ISO 3166 country codes whose browsers default to this region"
    )
    languages: tuple[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")], ...] = Field(
        default=(), description="a browser that names only its language (e.g. 'ko') defaults here"
    )
    fact: Cited = Field(description="the number, said with the source that gives it")


class Knowledge(Model):
    """All content, as one validated whole. Field names match the content file names."""

    meta: Meta
    sources: tuple[Source, ...] = Field(min_length=1)
    treatments: tuple[Treatment, ...] = Field(min_length=1)
    materials: tuple[Material, ...] = Field(min_length=1)
    products: tuple[Product, ...] = Field(min_length=1)
    lookup: Lookup
    methods: tuple[Method, ...] = Field(min_length=1)
    unknown_product: UnknownProductAdvice
    care_levels: tuple[CareLevel, ...] = Field(min_length=len(CARE_LEVELS))
    symptom_groups: tuple[SymptomGroup, ...] = Field(min_length=1)
    symptoms: tuple[Symptom, ...] = Field(min_length=1)
    safety_net: tuple[Cited, ...] = Field(min_length=1)
    series: tuple[Series, ...] = Field(min_length=1)
    phases: tuple[Phase, ...] = Field(min_length=1)
    aftercare: tuple[AftercareTip, ...] = ()
    checklist: tuple[ChecklistItem, ...] = Field(min_length=1)
    glossary: tuple[Glossary, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    emergency_numbers: tuple[EmergencyNumber, ...] = Field(min_length=1)
    phrases: Phrases

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
    def group_by_id(self) -> dict[str, SymptomGroup]:
        return {g.id: g for g in self.symptom_groups}

    @cached_property
    def symptom_by_id(self) -> dict[str, Symptom]:
        return {s.id: s for s in self.symptoms}

    @cached_property
    def number_by_region(self) -> dict[str, EmergencyNumber]:
        return {n.region: n for n in self.emergency_numbers}

    @cached_property
    def citations(self) -> tuple[tuple[tuple[str | int, ...], Cited], ...]:
        """Every cited statement in the content (each treatment's version too), with where it lives."""
        return tuple(iter_cited(self))


Path = tuple[str | int, ...]


def iter_cited(value: Any, path: Path = ()) -> Iterator[tuple[Path, Cited]]:
    """Walk any content value and yield each cited statement with its path, versions included."""
    if isinstance(value, Cited):
        yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if not (isinstance(value, Cited) and name in ("text", "sources")):
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
        "symptom_groups": k.symptom_groups,
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

    yield from _citation_problems(k)
    yield from _product_problems(k)
    yield from _emergency_number_problems(k)

    yield from _treatment_reference_problems(k)
    yield from _care_level_problems(k)
    yield from _symptom_problems(k)
    yield from _timeline_agreement_problems(k)
    yield from _aftercare_problems(k)

    checklist_ids = {item.id for item in k.checklist}
    for i, scenario in enumerate(k.scenarios):
        yield from _scenario_problems(k, ("scenarios", i, "case"), scenario.case, checklist_ids)


def _citation_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    """Every source id exists, and no statement rests on a seed article or a clinic page alone."""
    for path, cited in k.citations:
        known = [k.source_by_id[sid] for sid in cited.sources if sid in k.source_by_id]
        for i, sid in enumerate(cited.sources):
            if sid not in k.source_by_id:
                yield (*path, "sources", i), f"unknown source id '{sid}'"
        if known and len(known) == len(cited.sources) and not any(s.authoritative for s in known):
            yield (
                (*path, "sources"),
                "needs at least one regulator, guideline, label or study source: "
                f"{', '.join(cited.sources)} are context only",
            )


def _emergency_number_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    """One number for each region the guide covers, each country and language in one region, the number in its
    own statement, and no placeholder in any text but {emergency_number}."""
    listed = [n.region for n in k.emergency_numbers]
    for region in REGIONS:
        if listed.count(region) != 1:
            yield ("emergency_numbers",), f"the region '{region}' needs one entry (found {listed.count(region)})"
    for key in ("countries", "languages"):
        seen: dict[str, str] = {}
        for i, entry in enumerate(k.emergency_numbers):
            for j, code in enumerate(getattr(entry, key)):
                if seen.setdefault(code, entry.region) != entry.region:
                    yield ("emergency_numbers", i, key, j), f"'{code}' is already in the region '{seen[code]}'"
    for i, entry in enumerate(k.emergency_numbers):
        if entry.number not in entry.fact.text:
            yield ("emergency_numbers", i, "fact", "text"), f"must say the number {entry.number}"
    for path, text in iter_words(k):
        filled = PHRASE_PLACEHOLDERS.get(str(path[-1]), set()) if path[0] == "phrases" else set()
        allowed = {EMERGENCY_NUMBER} | filled
        for found in PLACEHOLDER.findall(text):
            if found not in allowed:
                yield path, f"'{found}' is not a known placeholder here; allowed: {', '.join(sorted(allowed))}"
        for needed in sorted(filled - set(PLACEHOLDER.findall(text))):
            yield path, f"must say {needed}"


def iter_words(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every text readers see in the guide's own words (fields marked Words), with where it lives."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if isinstance(item, str) and is_words(info.annotation, info):
                yield (*path, name), item
            else:
                yield from iter_words(item, (*path, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from iter_words(item, (*path, index))


def is_words(annotation: Any, info: Any = None) -> bool:
    """Whether a field's type is Words (also inside `Words | None`)."""
    if info is not None and any(isinstance(m, Translated) for m in info.metadata):
        return True
    origin = get_origin(annotation)
    if origin is Annotated:
        return any(isinstance(m, Translated) for m in get_args(annotation)[1:])
    if origin in (Union, UnionType):
        return any(is_words(arg) for arg in get_args(annotation))
    return False


def _product_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    """Every line names a material and a source that can show what it is; every toxin says how long it lasts;
    every name a person can type points to one product, and names it, not just a kind of treatment."""
    noise, generic = k.lookup.noise, k.lookup.general
    seen: dict[str, str] = {}
    for i, m in enumerate(k.materials):
        for alias in m.aliases:
            seen.setdefault(normal(alias, noise), m.id)
        if m.permanent and "surgery" not in m.methods:
            yield ("materials", i, "methods"), "a permanent material must say what removal means (method 'surgery')"
        if k.treatment_by_id.get(m.treatment) and k.treatment_by_id[m.treatment].kind == "toxin" and not m.wears_off:
            yield ("materials", i, "wears_off"), "a toxin needs the days when its effect has usually worn off"
    brands: dict[str, str] = {}
    for product in k.products:
        for name in (product.brand, *product.brand_aliases):
            brands.setdefault(normal(name, noise), product.brand)
    for i, product in enumerate(k.products):
        for j, name in enumerate(product.brand_aliases):
            owner = brands[normal(name, noise)]
            if owner != product.brand:
                yield ("products", i, "brand_aliases", j), f"'{name}' is already a name of the brand '{owner}'"
    for i, product in enumerate(k.products):
        material = k.material_by_id.get(product.material)
        if material is None:
            yield ("products", i, "material"), f"unknown material id '{product.material}'"
        known = [k.source_by_id[sid] for sid in product.sources if sid in k.source_by_id]
        for j, sid in enumerate(product.sources):
            if sid not in k.source_by_id:
                yield ("products", i, "sources", j), f"unknown source id '{sid}'"
        if known and len(known) == len(product.sources) and not any(s.kind in PRODUCT_SOURCE_KINDS for s in known):
            yield ("products", i, "sources"), "needs a regulator listing, a label or the maker's page, not only context"
        if (product.wears_off or product.lasts) and not (product.wears_off and product.lasts):
            yield ("products", i, "wears_off"), "its own duration needs both 'lasts' (words) and 'wears_off' (days)"
        for field_name, names in (("name", (product.name,)), ("aliases", product.aliases)):
            for j, name in enumerate(names):
                where = ("products", i, field_name) if field_name == "name" else ("products", i, field_name, j)
                words = tokens(name, noise)
                if not distinctive(words, generic):
                    yield where, f"'{name}' has no word that names a product (only general words and numbers)"
                    continue
                first = seen.setdefault(" ".join(words), product.id)
                if first != product.id:
                    yield where, f"'{name}' already names '{first}': a name must point to one product"


def _treatment_reference_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    def unknown(path: Path, ids: tuple[str, ...]) -> Iterator[tuple[Path, str]]:
        for j, tid in enumerate(ids):
            if tid not in k.treatment_by_id:
                yield (*path, j), f"unknown treatment id '{tid}'"

    for i, material in enumerate(k.materials):
        if material.treatment not in k.treatment_by_id:
            yield ("materials", i, "treatment"), f"unknown treatment id '{material.treatment}'"
        for j, mid in enumerate(material.methods):
            if mid not in k.method_by_id:
                yield ("materials", i, "methods", j), f"unknown method id '{mid}'"
    for name, items in (("series", k.series), ("phases", k.phases), ("aftercare", k.aftercare)):
        for i, item in enumerate(items):
            yield from unknown((name, i, "treatments"), item.treatments)
    for path, cited in k.citations:
        if isinstance(cited, PerTreatment):
            seen: set[str] = set()
            for j, version in enumerate(cited.versions):
                yield from unknown((*path, "versions", j, "treatments"), version.treatments)
                for tid in sorted(seen & set(version.treatments)):
                    yield (*path, "versions", j, "treatments"), f"the treatment '{tid}' has two versions"
                seen |= set(version.treatments)
    for i, treatment in enumerate(k.treatments):
        if not any(treatment.id in series.treatments for series in k.series):
            yield ("treatments", i, "id"), f"the treatment '{treatment.id}' has no timeline series"


def _care_level_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    """Exactly the levels of CARE_LEVELS, in that order, each reached by some answer."""
    listed = tuple(c.id for c in k.care_levels)
    if listed != CARE_LEVELS:
        yield ("care_levels",), f"the care levels must be, most urgent first: {', '.join(CARE_LEVELS)}"
        return
    reachable = {s.level for s in k.symptoms} | {e.level for s in k.symptoms for e in s.escalations}
    for i, level in enumerate(k.care_levels):
        if level.id not in reachable and level.id != "self_care":
            yield ("care_levels", i, "id"), f"no symptom leads to the level '{level.id}'"


def _symptom_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    every_treatment = set(k.treatment_by_id)
    for i, symptom in enumerate(k.symptoms):
        here = ("symptoms", i)
        if symptom.group not in k.group_by_id:
            yield (*here, "group"), f"unknown question group '{symptom.group}'"
        for j, tid in enumerate(symptom.applies_to):
            if tid not in every_treatment:
                yield (*here, "applies_to", j), f"unknown treatment id '{tid}'"
        if symptom.red_flag:
            if symptom.level != "emergency":
                yield (*here, "level"), "a red-flag symptom must lead to 'emergency'"
            if set(symptom.applies_to) != every_treatment:
                yield (*here, "applies_to"), "a red-flag symptom is asked before the treatment, so it applies to all"
        for j, version in enumerate(symptom.why.versions):
            for tid in sorted(set(version.treatments) - set(symptom.applies_to)):
                yield (*here, "why", "versions", j, "treatments"), f"'{tid}' is not in this symptom's applies_to"
        for j, esc in enumerate(symptom.escalations):
            for m, tid in enumerate(esc.treatments):
                if tid not in symptom.applies_to:
                    yield (*here, "escalations", j, "treatments", m), f"'{tid}' is not in this symptom's applies_to"
            if rank(esc.level) >= rank(symptom.level):
                yield (
                    (*here, "escalations", j, "level"),
                    f"'{esc.level}' is not more urgent than the symptom's own level '{symptom.level}'",
                )
        for j, signal in enumerate(symptom.signals):
            yield from _signal_problems(symptom, signal, (*here, "signals", j))


def _signal_problems(symptom: Symptom, signal: Signal, path: Path) -> Iterator[tuple[Path, str]]:
    """A sign of a danger gets at least the danger's level on every day and for every treatment it covers."""
    floor = DANGER_FLOOR[signal.danger]
    for m, tid in enumerate(signal.treatments):
        if tid not in symptom.applies_to:
            yield (*path, "treatments", m), f"'{tid}' is not in this symptom's applies_to"
    # Levels change only where a rule's day window starts or ends, so these days cover every case.
    edges = {0.0} | {
        d
        for window in (signal, *symptom.escalations)
        for d in (window.from_day, window.until_day, None if window.until_day is None else window.until_day + 1)
        if d is not None
    }
    for treatment in signal.treatments or symptom.applies_to:
        for day in sorted(d for d in edges if signal.covers(d)):
            for worsening in (True,) if signal.when_worsening else (False, True):
                got = symptom.level_on(treatment, day, worsening)
                if rank(got) > rank(floor):
                    yield (
                        (*path, "danger"),
                        f"a sign of '{signal.danger}' must lead to '{floor}' or more urgent, but after "
                        f"'{treatment}' on day {day:g}{' getting worse' if worsening else ''} it leads to '{got}'",
                    )
                    return


def _timeline_agreement_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    """A sign's rules must agree with the timeline curve that draws its usual course for the same treatment:
    "getting worse" is not a warning while the curve is still rising to its peak, "lasting longer than usual"
    is not a warning while the curve is still high, and a sign the curve calls usual starts as usual recovery."""
    for i, series in enumerate(k.series):
        for j, sid in enumerate(series.symptoms):
            symptom = k.symptom_by_id.get(sid)
            if symptom is None:
                yield ("series", i, "symptoms", j), f"unknown symptom id '{sid}'"
                continue
            s_index = k.symptoms.index(symptom)
            shared = [t for t in series.treatments if t in symptom.applies_to]
            if not shared:
                yield ("series", i, "symptoms", j), f"'{sid}' is not asked after {', '.join(series.treatments)}"
            if shared and symptom.level != "self_care":
                yield (
                    ("symptoms", s_index, "level"),
                    f"the timeline series '{series.id}' draws this sign as usual recovery, so its own level "
                    "must be 'self_care'",
                )
            for e, esc in enumerate(symptom.escalations):
                if not any(esc.for_treatment(t) for t in shared):
                    continue
                where = ("symptoms", s_index, "escalations", e, "from_day")
                start = esc.from_day or 0.0
                if esc.when_worsening and start <= series.last_rise_day:
                    yield (
                        where,
                        f"getting worse from day {start:g} is treated as a warning, but the timeline series "
                        f"'{series.id}' still rises to its peak on day {series.last_rise_day:g}: start after it",
                    )
                elif not esc.when_worsening and esc.from_day is not None:
                    value = series.value_on(esc.from_day)
                    if value > SETTLED_SHARE * series.peak:
                        yield (
                            where,
                            f"lasting to day {esc.from_day:g} is treated as longer than usual, but the timeline "
                            f"series '{series.id}' is still at {value:g} (peak {series.peak:g}) that day",
                        )


def _aftercare_problems(k: Knowledge) -> Iterator[tuple[Path, str]]:
    for i, tip in enumerate(k.aftercare):
        for j, mid in enumerate(tip.materials):
            material = k.material_by_id.get(mid)
            if material is None:
                yield ("aftercare", i, "materials", j), f"unknown material id '{mid}'"
            elif material.treatment not in tip.treatments:
                yield (
                    ("aftercare", i, "materials", j),
                    f"'{mid}' belongs to the treatment '{material.treatment}', which this tip does not list",
                )
    for i, treatment in enumerate(k.treatments):
        if not any(treatment.id in tip.treatments and not tip.materials for tip in k.aftercare):
            yield ("treatments", i, "id"), f"the treatment '{treatment.id}' has no aftercare for every material"


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
