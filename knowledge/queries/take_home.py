"""The take-home summary and its calendar events. Built on demand; never stored."""

from __future__ import annotations

import datetime as dt

from knowledge.queries.checklist import ChecklistResult
from knowledge.queries.reversibility import Reversibility
from knowledge.queries.timeline import Timeline
from knowledge.queries.triage import Triage
from knowledge.schema import (
    Knowledge,
    Model,
    Source,
)


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


def calendar_events(k: Knowledge, result: Timeline) -> tuple[CalendarEvent, ...]:
    """One all-day event per milestone of a dated timeline (empty without a start date)."""
    if result.start is None:
        return ()
    return tuple(
        CalendarEvent(
            id=w.id,
            title=w.name,
            start=w.start_date,
            end=w.start_date + dt.timedelta(days=1),
            description=f"{w.text.text} {k.phrases.typical_date}",
        )
        for w in result.milestones
        if w.start_date is not None
    )
