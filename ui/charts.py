"""The Altair charts: the recovery timeline, and how a live room answered."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import altair as alt

from knowledge.queries import SpreadRow, Timeline, timeline
from ui.caching import per_process
from ui.content import Reader, for_page, reader
from ui.text import t


def timeline_chart(result: Timeline, today: dt.date | None = None, *, large: bool = False) -> alt.LayerChart:
    """Layered chart: one line per series, shaded key-date windows, and a 'today' rule when dates are known.

    `large` draws it for a shared screen or projector: bigger text, thicker lines, taller plot.
    """
    dated = result.start is not None
    x_field, x_type, x_title = (
        ("date", "temporal", t("charts.date")) if dated else ("day", "quantitative", t("charts.days_after"))
    )
    rows = [row.model_dump(mode="json") for row in result.rows]
    windows = [
        {
            "name": w.name,
            "kind": w.kind,
            "start": w.start_date.isoformat() if dated else w.days.start,
            "end": w.end_date.isoformat() if dated else w.days.end,
        }
        for w in result.windows
        if w.kind == "milestone"
    ]
    # Dates on the axis as the reader's language writes them (month names only in English's own format).
    axis = alt.Axis(format=t("charts.axis_date_format")) if dated else alt.Axis()
    x = alt.X(f"{x_field}:{x_type[0].upper()}", title=x_title, axis=axis)
    lines = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(strokeWidth=5 if large else 3)
        .encode(
            x=x,
            y=alt.Y("value:Q", title=t("charts.level_axis"), scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400)),
            strokeDash=alt.StrokeDash("series:N", legend=None),
            tooltip=[
                alt.Tooltip("series:N", title=t("charts.series")),
                alt.Tooltip("day:Q", title=t("charts.day")),
                *([alt.Tooltip("date:T", title=t("charts.date"), format=t("charts.date_format"))] if dated else []),
                alt.Tooltip("value:Q", title=t("charts.level")),
                alt.Tooltip("phase:N", title=t("charts.phase")),
            ],
        )
    )
    layers: list[alt.Chart] = []
    if windows:
        layers.append(
            alt.Chart(alt.Data(values=windows))
            .mark_rect(opacity=0.12, color="#005eb8")
            .encode(
                x=alt.X(f"start:{x_type[0].upper()}"),
                x2="end",
                tooltip=[alt.Tooltip("name:N", title=t("charts.key_date"))],
            )
        )
    layers.append(lines)
    if dated and today is not None:
        marker = alt.Chart(alt.Data(values=[{"date": today.isoformat(), "label": t("charts.today")}]))
        layers.append(marker.mark_rule(color="#212b32", strokeDash=[6, 4], strokeWidth=2).encode(x="date:T"))
        layers.append(
            marker.mark_text(align="left", dx=4, dy=-6, fontWeight="bold", color="#212b32").encode(
                x="date:T", y=alt.value(8), text="label:N"
            )
        )
    chart = alt.layer(*layers).properties(
        height=460 if large else 340,
        title=t("charts.timeline_title", name=result.product.name if result.product else result.treatment.name),
        description=t("charts.timeline_description", measures="; ".join(s.measure.lower() for s in result.series)),
    )
    if large:
        chart = (
            chart.configure_axis(labelFontSize=18, titleFontSize=20)
            .configure_legend(labelFontSize=18)
            .configure_title(fontSize=22)
        )
    return chart


def timeline_spec(
    treatment: str, start: dt.date | None, today: dt.date | None, large: bool, product: str | None = None
) -> dict[str, Any]:
    """The chart as a Vega-Lite spec. Building and validating it takes far longer than the page's query,
    and it depends only on these inputs and the session's language, so each spec is made once per process."""
    return copy.deepcopy(_cached_spec(reader(), treatment, start, today, large, product))


@per_process(maxsize=2000)
def _cached_spec(
    who: Reader,
    treatment: str,
    start: dt.date | None,
    today: dt.date | None,
    large: bool,
    product: str | None,
) -> dict[str, Any]:
    # `who` is only part of the key: another content folder, language or region gets its own specs (the
    # chart's words come from t() and for_page(), which read the session's).
    return timeline_chart(timeline(for_page(), treatment, start, product), today, large=large).to_dict()


def spread_chart(rows: tuple[SpreadRow, ...], *, revealed: bool) -> alt.Chart:
    """Answers per choice as horizontal bars, large enough to read from the back of a room.

    Before the reveal every bar looks the same, so the chart does not give the answer away; after it, the
    right choices are drawn in a second colour and named "(right)" in their label, never by colour alone.
    """
    answer, right_answer = t("charts.answer"), t("charts.right_answer")
    data = []
    for i, row in enumerate(rows):
        right = revealed and row.choice.correct
        choice = f"{letter(i)}. {row.choice.label}"
        data.append(
            {
                "choice": t("charts.choice_right", choice=choice) if right else choice,
                "votes": row.votes,
                "kind": right_answer if right else answer,
            }
        )
    order = [d["choice"] for d in data]
    top = max([d["votes"] for d in data] + [1])
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("choice:N", sort=order, title=None, axis=alt.Axis(labelLimit=520, labelFontSize=18)),
        x=alt.X("votes:Q", title=t("charts.people"), scale=alt.Scale(domain=[0, top]), axis=alt.Axis(tickMinStep=1)),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=[answer, right_answer], range=["#768692", "#007f3b"]),
            legend=None,
        ),
        tooltip=[alt.Tooltip("choice:N", title=answer), alt.Tooltip("votes:Q", title=t("charts.people"))],
    )
    counts = base.mark_text(align="left", dx=6, fontSize=20, fontWeight="bold").encode(text="votes:Q")
    return (
        alt.layer(bars, counts)
        .properties(
            height=max(160, 56 * len(data)),
            description=t("charts.spread_description"),
        )
        .configure_axis(titleFontSize=18, labelFontSize=16)
    )


def letter(i: int) -> str:
    """A, B, C ... for answer choices, so a room can talk about "answer B"."""
    return chr(ord("A") + i)
