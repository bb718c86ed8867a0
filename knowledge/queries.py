"""Pure, deterministic queries over the knowledge. The pages call these; they return models, never markup."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cached_property

from pydantic import Field

from knowledge.schema import (
    AftercareTip,
    CareLevel,
    CareLevelId,
    ChecklistCase,
    ChecklistItem,
    Cited,
    DayRange,
    Id,
    Knowledge,
    Material,
    Method,
    Model,
    Path,
    Product,
    ReversibilityCase,
    Scenario,
    Series,
    Source,
    Symptom,
    SymptomGroup,
    SymptomReport,
    TimelineCase,
    Treatment,
    TriageCase,
    Verdict,
    iter_cited,
    rank,
)


class UnknownIdError(ValueError):
    """A query was given an id that the content does not have."""


def cited_sources(*values: object) -> tuple[str, ...]:
    """The source ids cited anywhere in the given values, in order of first mention."""
    ordered: dict[str, None] = {}
    for value in values:
        for _, cited in iter_cited(value):
            ordered.update(dict.fromkeys(cited.sources))
    return tuple(ordered)


# --- Reversibility -------------------------------------------------------------------------------


class Reversibility(Model):
    verdict: Verdict
    headline: Cited
    product: Product | None = None
    material: Material | None = None
    lasts: Cited | None = None
    options: tuple[Method, ...] = ()
    caveats: tuple[Cited, ...] = ()
    how_to_find_out: tuple[Cited, ...] = ()

    @property
    def dissolvable(self) -> bool:
        return self.verdict == "dissolvable"

    @property
    def sources(self) -> tuple[str, ...]:
        own = self.product.sources if self.product else ()
        return tuple(dict.fromkeys((*own, *cited_sources(self))))


def _fold(text: str) -> str:
    """Lower-case and strip accents, so 'juvederm' finds 'Juvéderm'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def product_names(product: Product) -> tuple[str, ...]:
    return (product.name, *product.aliases)


def search_products(k: Knowledge, query: str) -> list[Product]:
    """Products whose name or an alias contains the query; exact and prefix matches first."""
    needle = _fold(query)
    if not needle:
        return []
    ranked: list[tuple[int, int, Product]] = []
    for order, product in enumerate(k.products):
        names = [_fold(n) for n in product_names(product)]
        if needle in names:
            ranked.append((0, order, product))
        elif any(n.startswith(needle) for n in names):
            ranked.append((1, order, product))
        elif any(needle in n for n in names):
            ranked.append((2, order, product))
    return [p for _, _, p in sorted(ranked, key=lambda r: r[:2])]


def find_product(k: Knowledge, name: str) -> Product | None:
    """The product whose name or an alias is exactly `name` (ignoring case and accents)."""
    needle = _fold(name)
    return next((p for p in k.products if needle in (_fold(n) for n in product_names(p))), None)


def assess_reversibility(k: Knowledge, *, product: str | None = None, material: str | None = None) -> Reversibility:
    """What can be undone for a product id, a material id, or neither ("I don't know")."""
    if product is not None:
        if product not in k.product_by_id:
            raise UnknownIdError(f"unknown product id {product!r}")
        chosen_product = k.product_by_id[product]
        material = chosen_product.material
    else:
        chosen_product = None
    if material is None:
        advice = k.unknown_product
        return Reversibility(
            verdict="unknown",
            headline=advice.headline,
            how_to_find_out=advice.how_to_find_out,
            caveats=advice.meanwhile,
        )
    if material not in k.material_by_id:
        raise UnknownIdError(f"unknown material id {material!r}")
    chosen = k.material_by_id[material]
    options = tuple(k.method_by_id[m] for m in chosen.methods)
    return Reversibility(
        verdict=chosen.verdict,
        headline=chosen.summary,
        product=chosen_product,
        material=chosen,
        lasts=chosen.lasts,
        options=options,
        caveats=chosen.caveats,
    )


# --- Triage --------------------------------------------------------------------------------------


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
    days_since: int
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
    _treatment(k, treatment)
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


def _treatment(k: Knowledge, treatment: str) -> Treatment:
    if treatment not in k.treatment_by_id:
        raise UnknownIdError(f"unknown treatment id {treatment!r}")
    return k.treatment_by_id[treatment]


# Results at these levels also show aftercare: there is time to look after the area while waiting.
AFTERCARE_LEVELS = ("soon", "self_care")


def triage(k: Knowledge, treatment: str, days_since: int, reports: Sequence[SymptomReport]) -> Triage:
    """One care level: the most urgent that any answer leads to, with every reason and its sources.

    A symptom is counted even if it is not usual for the treatment: what a person reports is never ignored.
    """
    chosen = _treatment(k, treatment)
    if days_since < 0:
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


# --- Timeline ------------------------------------------------------------------------------------


class TimelineRow(Model):
    day: int
    date: dt.date | None
    series: str
    value: float
    phase: str
    illustrative: bool = True


class Window(Model):
    """A span of days on the timeline: what to expect, a milestone, or an aftercare window."""

    id: Id
    name: str
    kind: str
    days: DayRange
    start_date: dt.date | None
    end_date: dt.date | None
    text: Cited


class Timeline(Model):
    treatment: Treatment
    start: dt.date | None
    series: tuple[Series, ...]
    rows: tuple[TimelineRow, ...]
    windows: tuple[Window, ...]

    @property
    def milestones(self) -> tuple[Window, ...]:
        return tuple(w for w in self.windows if w.kind == "milestone")

    @property
    def sources(self) -> tuple[str, ...]:
        return cited_sources(self.series, self.windows)


def value_on_day(series: Series, day: float) -> float:
    """The curve's value on a day: straight lines between its points, flat beyond the ends."""
    return series.value_on(day)


def timeline(k: Knowledge, treatment: str, start: dt.date | None = None) -> Timeline:
    """The rows a chart and a table need for one treatment, with calendar dates when a start date is given."""
    chosen = _treatment(k, treatment)
    series = tuple(s for s in k.series if treatment in s.treatments)

    def on(day: float) -> dt.date | None:
        return start + dt.timedelta(days=day) if start else None

    def window(id: str, name: str, kind: str, days: DayRange, text: Cited) -> Window:
        start_date, end_date = on(days.start), on(days.end)
        return Window(id=id, name=name, kind=kind, days=days, start_date=start_date, end_date=end_date, text=text)

    windows = [window(p.id, p.name, p.kind, p.days, p.text) for p in k.phases if treatment in p.treatments]
    windows += [
        window(t.id, t.name, "aftercare", t.days, t.text)
        for t in k.aftercare
        if treatment in t.treatments and t.days is not None
    ]
    windows.sort(key=lambda w: (w.days.start, w.days.end))
    horizon = int(max(s.points[-1].day for s in series))
    rows = [
        TimelineRow(
            day=day,
            date=on(day),
            series=s.name,
            value=value_on_day(s, day),
            phase="; ".join(w.name for w in windows if w.kind != "aftercare" and w.days.start <= day <= w.days.end),
        )
        for s in series
        for day in range(horizon + 1)
    ]
    return Timeline(treatment=chosen, start=start, series=series, rows=tuple(rows), windows=tuple(windows))


# --- Checklist -----------------------------------------------------------------------------------


class ChecklistResult(Model):
    covered: tuple[ChecklistItem, ...]
    missing: tuple[ChecklistItem, ...]

    @property
    def ask_next(self) -> tuple[str, ...]:
        return tuple(item.ask_next for item in self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def sources(self) -> tuple[str, ...]:
        return cited_sources(self.covered, self.missing)


def checklist_result(k: Knowledge, ticked: Iterable[str]) -> ChecklistResult:
    """What is covered, what is missing, and the questions to ask next, in checklist order."""
    ticked_ids = set(ticked)
    unknown = ticked_ids - {item.id for item in k.checklist}
    if unknown:
        raise UnknownIdError(f"unknown checklist item id(s): {', '.join(sorted(unknown))}")
    return ChecklistResult(
        covered=tuple(i for i in k.checklist if i.id in ticked_ids),
        missing=tuple(i for i in k.checklist if i.id not in ticked_ids),
    )


# --- Sources -------------------------------------------------------------------------------------


def describe(k: Knowledge, path: Path) -> str:
    """A reader's name for where a statement lives, e.g. 'Materials: CaHA filler (summary)'."""
    section = str(path[0]).replace("_", " ").capitalize()
    node: object = getattr(k, str(path[0]))
    rest = path[1:]
    if rest and isinstance(rest[0], int) and isinstance(node, tuple):
        entry = node[rest[0]]
        label = next(
            (getattr(entry, a) for a in ("plain_name", "name", "label", "topic", "term") if hasattr(entry, a)),
            None,
        )
        if label is None and isinstance(entry, Cited):
            label = f"item {rest[0] + 1}"
        rest = rest[1:]
        section = f"{section}: {label}" if label else section
    detail = ", ".join(str(p).replace("_", " ") for p in rest if isinstance(p, str))
    return f"{section} ({detail})" if detail else section


def facts_by_source(k: Knowledge) -> dict[str, list[str]]:
    """For each source id, where in the guide it is cited (every source appears, maybe with none)."""
    uses: dict[str, list[str]] = {s.id: [] for s in k.sources}
    for path, cited in k.citations:
        for sid in cited.sources:
            uses[sid].append(describe(k, path))
    for product in k.products:
        for sid in product.sources:
            uses[sid].append(f"Products: {product.name} (what it is made of)")
    return {sid: list(dict.fromkeys(places)) for sid, places in uses.items()}


def windows_on_day(k: Knowledge, treatment: str, day: float) -> tuple[Window, ...]:
    """The phases and aftercare windows that cover a day after treatment."""
    return tuple(w for w in timeline(k, treatment).windows if w.days.start <= day <= w.days.end)


# --- Workshop scenarios --------------------------------------------------------------------------


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


# --- Take-home summary ---------------------------------------------------------------------------


class CalendarEvent(Model):
    """An all-day reminder for a timeline milestone."""

    id: str
    title: str
    start: dt.date
    end: dt.date
    description: str


class TakeHome(Model):
    """What a person explored in this session, gathered for their clinic. Built on demand; never stored."""

    made_on: dt.date
    content_version: str
    content_reviewed: dt.date
    disclaimer: str
    reversibility: Reversibility | None = None
    timeline: Timeline | None = None
    triage: Triage | None = None
    checklist: ChecklistResult | None = None
    sources: tuple[Source, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.reversibility or self.timeline or self.triage or self.checklist)


def take_home(
    k: Knowledge,
    *,
    made_on: dt.date,
    reversibility: Reversibility | None = None,
    timeline: Timeline | None = None,
    triage: Triage | None = None,
    checklist: ChecklistResult | None = None,
) -> TakeHome:
    """Gather the results of the tools into one summary, with every source they cite."""
    parts = [p for p in (reversibility, timeline, triage, checklist) if p is not None]
    ids = dict.fromkeys(sid for part in parts for sid in part.sources)
    return TakeHome(
        made_on=made_on,
        content_version=k.meta.version,
        content_reviewed=k.meta.reviewed,
        disclaimer=k.meta.disclaimer,
        reversibility=reversibility,
        timeline=timeline,
        triage=triage,
        checklist=checklist,
        sources=tuple(k.source_by_id[sid] for sid in ids),
    )


def calendar_events(result: Timeline) -> tuple[CalendarEvent, ...]:
    """One all-day event per milestone of a dated timeline (empty without a start date)."""
    if result.start is None:
        return ()
    return tuple(
        CalendarEvent(
            id=w.id,
            title=w.name,
            start=w.start_date,
            end=w.start_date + dt.timedelta(days=1),
            description=f"{w.text.text} This date is typical, not exact.",
        )
        for w in result.milestones
        if w.start_date is not None
    )
