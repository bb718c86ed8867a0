"""Recovery timeline: the rows and windows a chart and a table need, with calendar dates."""

from __future__ import annotations

import datetime as dt

from knowledge.queries.common import cited_sources, known_treatment
from knowledge.schema import (
    Cited,
    DayRange,
    Id,
    Knowledge,
    Model,
    Series,
    Treatment,
)


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
    chosen = known_treatment(k, treatment)
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


def windows_on_day(k: Knowledge, treatment: str, day: float) -> tuple[Window, ...]:
    """The phases and aftercare windows that cover a day after treatment."""
    return tuple(w for w in timeline(k, treatment).windows if w.days.start <= day <= w.days.end)
