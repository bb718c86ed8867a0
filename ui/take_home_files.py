"""The take-home summary as a one-page PDF and the timeline milestones as a calendar file.

Both are made in memory when the user asks for them and handed to the browser; nothing is written
to disk or kept on the server.
"""

from __future__ import annotations

import datetime as dt
import logging
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from icalendar import Calendar, Event

from knowledge import Knowledge
from knowledge.queries import CalendarEvent, TakeHome
from ui.text import long_date, t

# Hangul needs a font of its own, embedded in the file: Nanum Gothic (SIL Open Font License), from Debian's
# fonts-nanum package (installed by `make run` and the Dockerfile), never downloaded at run time.
NANUM = Path("/usr/share/fonts/truetype/nanum")
UNICODE_FONT = {"": NANUM / "NanumGothic.ttf", "B": NANUM / "NanumGothicBold.ttf"}
# Embedding keeps only the letters used; fontTools says, for every PDF, that it drops Nanum's hinting tables.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

# The PDF's built-in font covers Latin-1 only; other characters become their nearest plain form.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "·": "-"})


def _latin1(text: str) -> str:
    text = text.translate(_PLAIN)
    if all(ord(c) < 256 for c in text):
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c if ord(c) < 256 else "?" for c in folded if not unicodedata.combining(c))


def needs_unicode_font(texts: Iterable[str]) -> bool:
    return any(ord(c) > 255 for text in texts for c in text.translate(_PLAIN))


class _SummaryPDF(FPDF):
    def __init__(self, scale: float, unicode_font: bool) -> None:
        super().__init__(format="A4")
        self.scale = scale
        self.family = "Helvetica"
        if unicode_font and all(path.is_file() for path in UNICODE_FONT.values()):
            for style, path in UNICODE_FONT.items():
                self.add_font("NanumGothic", style, str(path))
            self.family = "NanumGothic"

    def words(self, text: str) -> str:
        return text if self.family != "Helvetica" else _latin1(text)

    def font(self, style: str, size: float) -> None:
        self.set_font(self.family, style, size * self.scale)

    def heading(self, text: str) -> None:
        self.ln(2 * self.scale)
        self.font("B", 12)
        self.multi_cell(0, 6 * self.scale, self.words(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def para(self, text: str, *, bold: bool = False) -> None:
        self.font("B" if bold else "", 9.5)
        self.multi_cell(0, 4.4 * self.scale, self.words(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def small(self, text: str) -> None:
        self.font("", 7)
        self.multi_cell(0, 3.2 * self.scale, self.words(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.para(f"- {item}")


# A line of the PDF: how it is drawn, and its words.
# "document_title" is the file's title (its metadata), not drawn on the page.
Line = tuple[Literal["document_title", "title", "heading", "para", "bold", "bullet", "small"], str]


def summary_lines(k: Knowledge, summary: TakeHome) -> tuple[Line, ...]:
    """What the PDF says, line by line, in the session's language. Call it while the page runs: the PDF is made
    later, when the download is asked for, outside the page run, where t() can only give English."""
    lines: list[Line] = [
        ("document_title", t("take_home_files.document_title")),
        ("title", t("take_home_files.title")),
        (
            "para",
            t(
                "take_home_files.made_on",
                made_on=long_date(summary.made_on),
                guide=k.meta.title,
                version=summary.content_version,
                reviewed=long_date(summary.content_reviewed),
                disclaimer=summary.disclaimer,
            ),
        ),
    ]
    if summary.reversibility:
        r = summary.reversibility
        lines.append(("heading", t("take_home_files.product")))
        if r.product and r.material:
            made_of = t(
                "take_home_files.product_made_of",
                product=r.product.name,
                maker=r.product.maker,
                material=r.material.name,
            )
            lines.append(("bold", made_of))
        elif r.material:
            lines.append(("bold", t("take_home_files.made_of", material=r.material.name)))
        lines.append(("para", r.headline.text))
        if r.options:
            lines.append(("para", t("take_home_files.options", options="; ".join(option.name for option in r.options))))
        lines.extend(("bullet", c.text) for c in r.how_to_find_out)
    if summary.timeline:
        tl = summary.timeline
        lines.append(("heading", t("take_home_files.treatment_heading")))
        if tl.start:
            treated = t("take_home_files.treated_on", treatment=tl.treatment.name, date=long_date(tl.start))
        else:
            treated = t("take_home_files.treated_no_date", treatment=tl.treatment.name)
        lines.append(("bold", treated))
        lines.extend(
            (
                "bullet",
                (long_date(w.start_date) if w.start_date else t("take_home_files.day", day=f"{w.days.start:g}"))
                + f": {w.name}. {w.text.text}",
            )
            for w in tl.milestones
        )
    if summary.triage:
        s = summary.triage
        lines.append(("heading", t("pages.self_check")))
        lines.append(("bold", t("take_home_files.result", level=s.level.title)))
        if s.days_since is None:
            when = t("take_home_files.days_not_given")
        else:
            when = t("take_home_files.days_after", days=s.days_since)
        lines.append(
            ("para", t("take_home_files.triage_line", treatment=s.treatment.name, when=when, what=s.do_this.text))
        )
        lines.extend(("bullet", f"{r.symptom.label}: {r.because.text}") for r in s.triggering)
    if summary.checklist:
        c = summary.checklist
        lines.append(("heading", t("take_home_files.questions")))
        lines.extend(("bullet", item) for item in c.ask_next or [t("take_home_files.all_covered")])

    lines.append(("heading", t("common.sources")))
    for source in summary.sources:
        lines.append(("small", f"{source.short} - {source.url}" if source.url else f"{source.short}: {source.title}"))
    return tuple(lines)


def summary_pdf(k: Knowledge, summary: TakeHome) -> bytes:
    """The summary as a PDF, in the session's language (English outside a page run)."""
    return lines_pdf(summary_lines(k, summary))


def lines_pdf(lines: Iterable[Line]) -> bytes:
    """A one-page PDF: the type shrinks step by step until everything fits on the page."""
    lines = tuple(lines)
    for scale in (1.0, 0.92, 0.85, 0.78, 0.72, 0.66):
        pdf = _layout(lines, scale)
        if pdf.pages_count == 1:
            break
    return bytes(pdf.output())


def _layout(lines: tuple[Line, ...], scale: float) -> _SummaryPDF:
    pdf = _SummaryPDF(scale, unicode_font=needs_unicode_font(text for _, text in lines))
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_page()
    for style, text in lines:
        if style == "document_title":
            pdf.set_title(text)
        elif style == "title":
            pdf.font("B", 16)
            pdf.multi_cell(0, 8 * scale, pdf.words(text), new_x="LMARGIN", new_y="NEXT")
        elif style == "heading":
            pdf.heading(text)
        elif style == "bullet":
            pdf.bullets([text])
        elif style == "small":
            pdf.small(text)
        else:
            pdf.para(text, bold=style == "bold")
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
