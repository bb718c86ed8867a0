"""The take-home summary as a one-page PDF and the timeline milestones as a calendar file.

Both are made in memory when the user asks for them and handed to the browser; nothing is written
to disk or kept on the server.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

from fpdf import FPDF
from icalendar import Calendar, Event

from knowledge import Knowledge
from knowledge.queries import CalendarEvent, TakeHome

# The PDF's built-in font covers Latin-1 only; other characters become their nearest plain form.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "·": "-"})


def _latin1(text: str) -> str:
    text = text.translate(_PLAIN)
    if all(ord(c) < 256 for c in text):
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c if ord(c) < 256 else "?" for c in folded if not unicodedata.combining(c))


class _SummaryPDF(FPDF):
    def __init__(self, scale: float) -> None:
        super().__init__(format="A4")
        self.scale = scale

    def heading(self, text: str) -> None:
        self.ln(2 * self.scale)
        self.set_font("Helvetica", "B", 12 * self.scale)
        self.multi_cell(0, 6 * self.scale, _latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def para(self, text: str, *, bold: bool = False) -> None:
        self.set_font("Helvetica", "B" if bold else "", 9.5 * self.scale)
        self.multi_cell(0, 4.4 * self.scale, _latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def small(self, text: str) -> None:
        self.set_font("Helvetica", "", 7 * self.scale)
        self.multi_cell(0, 3.2 * self.scale, _latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.para(f"- {item}")


def summary_pdf(k: Knowledge, summary: TakeHome) -> bytes:
    """A one-page PDF: the type shrinks step by step until everything fits on the page."""
    for scale in (1.0, 0.92, 0.85, 0.78, 0.72, 0.66):
        pdf = _layout(k, summary, scale)
        if pdf.pages_count == 1:
            break
    return bytes(pdf.output())


def _layout(k: Knowledge, summary: TakeHome, scale: float) -> _SummaryPDF:
    pdf = _SummaryPDF(scale)
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_page()
    pdf.set_title("Injectables: my summary for my clinic")
    pdf.set_font("Helvetica", "B", 16 * scale)
    pdf.multi_cell(0, 8 * scale, "My summary for my clinic", new_x="LMARGIN", new_y="NEXT")
    pdf.para(
        f"Made on {summary.made_on:%d %B %Y} with the {k.meta.title} (content version {summary.content_version}, "
        f"last reviewed {summary.content_reviewed:%d %B %Y}). {summary.disclaimer}"
    )

    if summary.reversibility:
        r = summary.reversibility
        pdf.heading("Product")
        if r.product and r.material:
            pdf.para(f"{r.product.name} ({r.product.maker}), made of {r.material.name}.", bold=True)
        elif r.material:
            pdf.para(f"Made of {r.material.name}.", bold=True)
        pdf.para(r.headline.text)
        if r.options:
            pdf.para("Options: " + "; ".join(option.name for option in r.options) + ".")
        pdf.bullets(c.text for c in r.how_to_find_out)
    if summary.timeline:
        t = summary.timeline
        pdf.heading("Treatment and key dates")
        when = f" on {t.start:%d %B %Y}" if t.start else " (no date given)"
        pdf.para(f"{t.treatment.name}{when}.", bold=True)
        pdf.bullets(
            (f"{w.start_date:%d %b %Y}: " if w.start_date else f"Day {w.days.start:g}: ") + f"{w.name}. {w.text.text}"
            for w in t.milestones
        )
    if summary.triage:
        s = summary.triage
        pdf.heading("Symptom self-check")
        pdf.para(f"Result: {s.level.title}", bold=True)
        when = "days since treatment not given" if s.days_since is None else f"{s.days_since} day(s) after treatment"
        pdf.para(f"{s.treatment.name}, {when}. What to do: {s.do_this.text}")
        pdf.bullets(f"{r.symptom.label}: {r.because.text}" for r in s.triggering)
    if summary.checklist:
        c = summary.checklist
        pdf.heading("Questions to ask my injector")
        pdf.bullets(c.ask_next or ["Every checklist item was covered."])

    pdf.heading("Sources")
    for source in summary.sources:
        pdf.small(f"{source.short} - {source.url}" if source.url else f"{source.short}: {source.title}")
    return pdf


def milestones_ics(events: Iterable[CalendarEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Injectables reversal guide//EN")
    calendar.add("version", "2.0")
    stamp = dt.datetime.now(dt.UTC)
    for item in events:
        event = Event()
        event.add("uid", f"{item.id}-{item.start.isoformat()}@injectables-reversal-guide")
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("description", item.description)
        calendar.add_component(event)
    return calendar.to_ical()
