"""The Altair charts: the recovery timeline, and how a live room answered."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import altair as alt

from knowledge.queries import SpreadRow, Timeline, timeline
from ui.caching import per_process
from ui.content import content_directory, for_page


def timeline_chart(result: Timeline, today: dt.date | None = None, *, large: bool = False) -> alt.LayerChart:
    """Layered chart: one line per series, shaded key-date windows, and a 'today' rule when dates are known.

    `large` draws it for a shared screen or projector: bigger text, thicker lines, taller plot.
    """
    dated = result.start is not None
    x_field, x_type, x_title = (
        ("date", "temporal", "Date") if dated else ("day", "quantitative", "Days after treatment")
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
    x = alt.X(f"{x_field}:{x_type[0].upper()}", title=x_title)
    lines = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(strokeWidth=5 if large else 3)
        .encode(
            x=x,
            y=alt.Y("value:Q", title="Level (illustrative, % of peak)", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400)),
            strokeDash=alt.StrokeDash("series:N", legend=None),
            tooltip=[
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("day:Q", title="Day"),
                *([alt.Tooltip("date:T", title="Date", format="%d %b %Y")] if dated else []),
                alt.Tooltip("value:Q", title="Level (illustrative)"),
                alt.Tooltip("phase:N", title="Phase"),
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
                tooltip=[alt.Tooltip("name:N", title="Key date")],
            )
        )
    layers.append(lines)
    if dated and today is not None:
        marker = alt.Chart(alt.Data(values=[{"date": today.isoformat(), "label": "Today"}]))
        layers.append(marker.mark_rule(color="#212b32", strokeDash=[6, 4], strokeWidth=2).encode(x="date:T"))
        layers.append(
            marker.mark_text(align="left", dx=4, dy=-6, fontWeight="bold", color="#212b32").encode(
                x="date:T", y=alt.value(8), text="label:N"
            )
        )
    chart = alt.layer(*layers).properties(
        height=460 if large else 340,
        title=f"Typical recovery after: {result.product.name if result.product else result.treatment.name}",
        description=(
            "Line chart of illustrative curves: "
            + "; ".join(s.measure.lower() for s in result.series)
            + ". The same data is in the table below the chart."
        ),
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
    and it depends only on these inputs, so each spec is made once per process."""
    return copy.deepcopy(_cached_spec(content_directory(), treatment, start, today, large, product))


@per_process(maxsize=2000)
def _cached_spec(
    content: str, treatment: str, start: dt.date | None, today: dt.date | None, large: bool, product: str | None
) -> dict[str, Any]:
    # `content` is only part of the key: a different content folder gets its own specs.
    return timeline_chart(timeline(for_page(), treatment, start, product), today, large=large).to_dict()


def spread_chart(rows: tuple[SpreadRow, ...], *, revealed: bool) -> alt.Chart:
    """Answers per choice as horizontal bars, large enough to read from the back of a room.

    Before the reveal every bar looks the same, so the chart does not give the answer away; after it, the
    right choices are drawn in a second colour and named "(right)" in their label, never by colour alone.
    """
    data = [
        {
            "choice": f"{letter(i)}. {row.choice.label}" + (" (right)" if revealed and row.choice.correct else ""),
            "votes": row.votes,
            "kind": "Right answer" if revealed and row.choice.correct else "Answer",
        }
        for i, row in enumerate(rows)
    ]
    order = [d["choice"] for d in data]
    top = max([d["votes"] for d in data] + [1])
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("choice:N", sort=order, title=None, axis=alt.Axis(labelLimit=520, labelFontSize=18)),
        x=alt.X("votes:Q", title="People", scale=alt.Scale(domain=[0, top]), axis=alt.Axis(tickMinStep=1)),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=["Answer", "Right answer"], range=["#768692", "#007f3b"]),
            legend=None,
        ),
        tooltip=[alt.Tooltip("choice:N", title="Answer"), alt.Tooltip("votes:Q", title="People")],
    )
    counts = base.mark_text(align="left", dx=6, fontSize=20, fontWeight="bold").encode(text="votes:Q")
    return (
        alt.layer(bars, counts)
        .properties(
            height=max(160, 56 * len(data)),
            description="Bar chart: how many people chose each answer. The same counts are listed below the chart.",
        )
        .configure_axis(titleFontSize=18, labelFontSize=16)
    )


def letter(i: int) -> str:
    """A, B, C ... for answer choices, so a room can talk about "answer B"."""
    return chr(ord("A") + i)
