"""Recovery timeline: the rows and windows a chart and a table need, with calendar dates."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.queries.common import InputRejected, UnknownIdError, cited_sources, known_treatment
from knowledge.schema import (
    Cited,
    DayRange,
    Id,
    Knowledge,
    Model,
    Product,
    Series,
    SeriesPoint,
    Treatment,
)

EARLIEST_TREATMENT = dt.date(2000, 1, 1)  # hyaluronic acid fillers and Botox as used today are from about then
FUTURE_DAYS = 365  # a planned treatment up to a year ahead


def treatment_date_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last treatment dates the timeline takes."""
    return EARLIEST_TREATMENT, today + dt.timedelta(days=FUTURE_DAYS)


def check_treatment_date(day: dt.date, today: dt.date) -> dt.date:
    """The date if the timeline takes it, else a ValueError with a short reason (fixed words, never the value)."""
    first, last = treatment_date_range(today)
    if not first <= day <= last:
        raise InputRejected(
            "date_out_of_range",
            f"the date must be between {first:%d %B %Y} and {last:%d %B %Y}",
            first=first,
            last=last,
        )
    return day


def parse_link_date(raw: str, today: dt.date) -> dt.date:
    """A link's date: only YYYY-MM-DD, and only a date the timeline takes (else a ValueError with a reason)."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise InputRejected(
            "date_malformed", "a date is written like 2026-03-01, and this one is not a real date"
        ) from None
    return check_treatment_date(day, today)


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
    product: Product | None = None
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


def products_for(k: Knowledge, treatment: str) -> tuple[Product, ...]:
    """The catalogue's products of a treatment (e.g. every toxin for "botox"), in catalogue order."""
    return tuple(p for p in k.products if k.material_by_id[p.material].treatment == treatment)


def lasting(k: Knowledge, treatment: str, product: str | None) -> tuple[Product | None, float, DayRange | None]:
    """The product (if named), how much longer or shorter than usual it lasts, and its wear-off days."""
    if product is None:
        return None, 1.0, None
    if product not in k.product_by_id:
        raise UnknownIdError(f"unknown product id {product!r}")
    chosen = k.product_by_id[product]
    material = k.material_by_id[chosen.material]
    if material.treatment != treatment:
        raise UnknownIdError(f"the product {product!r} is not a {treatment!r} treatment")
    usual, own = material.wears_off, chosen.wears_off
    if usual is None or own is None:
        return chosen, 1.0, None
    return chosen, own.start / usual.start, own


def stretched(series: Series, factor: float) -> Series:
    """The curve for a product that lasts `factor` times as long: points after `stretch_after` move out."""
    if factor == 1.0 or series.stretch_after is None:
        return series
    after = series.stretch_after
    points = [
        p if p.day <= after else SeriesPoint(day=round(after + (p.day - after) * factor, 1), value=p.value)
        for p in series.points
    ]
    return series.model_copy(update={"points": tuple(points)})


def timeline(k: Knowledge, treatment: str, start: dt.date | None = None, product: str | None = None) -> Timeline:
    """The rows a chart and a table need for one treatment, with calendar dates when a start date is given.
    A toxin product that lasts longer or shorter than usual (its `wears_off`) stretches the curve and moves
    the wear-off milestone."""
    chosen = known_treatment(k, treatment)
    named, factor, wears_off = lasting(k, treatment, product)
    series = tuple(stretched(s, factor) for s in k.series if treatment in s.treatments)

    def on(day: float) -> dt.date | None:
        return start + dt.timedelta(days=day) if start else None

    def window(id: str, name: str, kind: str, days: DayRange, text: Cited) -> Window:
        start_date, end_date = on(days.start), on(days.end)
        return Window(id=id, name=name, kind=kind, days=days, start_date=start_date, end_date=end_date, text=text)

    def moved(phase_days: DayRange, text: Cited, moves: bool) -> tuple[DayRange, Cited]:
        if moves and wears_off is not None and named is not None and named.lasts is not None:
            return wears_off, named.lasts
        return phase_days, text

    windows = [
        window(p.id, p.name, p.kind, *moved(p.days, p.text, p.moves_with_duration))
        for p in k.phases
        if treatment in p.treatments
    ]
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
    return Timeline(
        treatment=chosen, product=named, start=start, series=series, rows=tuple(rows), windows=tuple(windows)
    )


def windows_on_day(k: Knowledge, treatment: str, day: float) -> tuple[Window, ...]:
    """The phases and aftercare windows that cover a day after treatment."""
    return tuple(w for w in timeline(k, treatment).windows if w.days.start <= day <= w.days.end)
