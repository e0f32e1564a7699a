"""Page 1 of the PDF: the two-minute read, always one page, with the rest on page 2.

Who and which period, how complete the diary is; every line of treatment so far
with the current line, cycle and day; the symptom heat strip; each red event with
its date, cycle day, the day's values and the patient's or carer's own words; the
ambers collapsed to one line per kind; weight, vomiting, temperature, jaundice and
bowels in one line each; the thresholds in force. When the events do not fit, the
page says how many more there are and that page 2 lists them all (issue 19: the old
flag list ran over three pages and buried the three events that mattered).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from symptomlog.report.fonts import BOLD, printable
from symptomlog.report.heat_strip import heat_strip, key_text
from symptomlog.report.page_one_data import (
    after_flag,
    amber_lines,
    bowels_line,
    completeness_line,
    event_lines,
    jaundice_line,
    medicine_lines,
    red_events,
    span,
    temperature_line,
    thresholds_text,
    treatment_lines,
    vomiting_line,
    words_text,
)
from symptomlog.report.pdf_beyond import signs_line
from symptomlog.report.styles import BODY, SMALL, TINY, TITLE
from symptomlog.report.summary import ReportData

DETAILS_PAGE = 2
"""Page 2 always starts with every flag of the period, in full."""
SECTION = ParagraphStyle(
    "section", parent=BODY, fontName=BOLD, fontSize=10, leading=12.5, spaceBefore=5
)
EVENT = ParagraphStyle("event", parent=SMALL, leftIndent=8, spaceBefore=1)


def _d(day: object) -> str:
    return f"{day:%d %b %Y}" if day else "–"


def header(data: ReportData) -> list[Flowable]:
    p = data.profile
    return [
        Paragraph("Symptom diary summary for the care team", TITLE),
        Paragraph(
            f"<b>{printable(p.name or 'Name not recorded')}</b> · born {_d(p.born)} · "
            f"hospital number {printable(p.hospital_number or '–')}",
            BODY,
        ),
        Paragraph(
            f"Period <b>{_d(data.start)} – {_d(data.end)}</b> ({data.period_days} days) · "
            f"generated {data.generated:%d %b %Y %H:%M}",
            BODY,
        ),
        Paragraph(printable(completeness_line(data)), BODY),
    ]


def treatment(data: ReportData) -> list[Flowable]:
    lines = treatment_lines(data.cycles, data.end)
    story: list[Flowable] = [Paragraph("Treatment so far", SECTION)]
    if not lines:
        return [*story, Paragraph("No chemotherapy cycles recorded.", SMALL)]
    for line in lines:
        text = printable(line.text)
        story.append(Paragraph(f"<b>{text}</b>" if line.now else text, SMALL))
    if not any(line.now for line in lines):
        story.append(Paragraph(f"Off treatment on {_d(data.end)}.", SMALL))
    following = data.next_cycle
    if following is not None:
        story.append(
            Paragraph(
                f"Next planned: {printable(following.regimen_name)} {following.line_label} "
                f"on {_d(following.start)}",
                SMALL,
            )
        )
    return story


def strip(data: ReportData, width: float) -> list[Flowable]:
    table = heat_strip(data, width)
    if table is None:
        return []
    return [
        Paragraph("Symptoms (ESAS-r 0–10)", SECTION),
        table,
        Spacer(1, 1 * mm),
        Paragraph(key_text(data), TINY),
    ]


def reds(data: ReportData, shown: int) -> list[Flowable]:
    events = red_events(data)
    story: list[Flowable] = [
        Paragraph(f"⚠ Red (call now) events: {len(events) or 'none'}", SECTION)
    ]
    for event in events[:shown]:
        flag = event.flag
        where = f" · {event.place}" if event.place else " · off treatment"
        parts = [
            f"<b>{flag.day:%a %d %b}{where} — {printable(flag.title)}</b> "
            f"<font size=6>({printable(flag.source)})</font>"
        ]
        if event.values:
            parts.append(f"That day: {printable(event.values)}")
        words = [words_text(n) for n in event.words]
        parts.append(
            "In their words: " + " ".join(printable(w) for w in words)
            if words
            else "No note written that day."
        )
        parts.append(f"<b>{printable(after_flag(data, flag))}</b>")
        story.append(Paragraph("<br/>".join(parts), EVENT))
    hidden = len(events) - shown
    if hidden > 0:
        story.append(Paragraph(f"… {hidden} more on page {DETAILS_PAGE}.", EVENT))
    return story


def ambers(data: ReportData, shown: int) -> list[Flowable]:
    lines = amber_lines(data)
    count = sum(1 for f in data.flags if f.level.value == "amber")
    story: list[Flowable] = [
        Paragraph(
            f"! Amber (tell the team today): {count or 'none'}"
            + (f", collapsed to {len(lines)} lines" if count > len(lines) else ""),
            SECTION,
        )
    ]
    for line in lines[:shown]:
        story.append(Paragraph(printable(line.text), EVENT))
    hidden = len(lines) - shown
    if hidden > 0:
        story.append(Paragraph(f"… {hidden} more on page {DETAILS_PAGE}.", EVENT))
    return story


def weight_text(data: ReportData) -> str:
    w = data.weight
    base = w.from_baseline
    if base is None:
        return "not recorded in the period"
    source = "profile" if data.profile.baseline_weight_kg else "first weighed"
    since = f", {base.reference_date:%d %b %Y}" if base.reference_date else ""
    text = (
        f"baseline {base.reference_kg:g} kg ({source}{since}); latest {base.latest_kg:g} kg "
        f"({base.latest_date.day} {base.latest_date:%b}); change {base.kg:+.1f} kg "
        f"({base.percent:+.1f} %), " + (f"CTCAE grade {w.grade}" if w.grade else "no CTCAE grade")
    )
    month = w.over_30_days
    if month is not None:
        text += f"; last 30 days {month.kg:+.1f} kg ({month.percent:+.1f} %)"
    cachexia = {True: "met", False: "not met", None: "not enough data"}[w.cachexia]
    return text + f"; cachexia criterion (Fearon 2011): {cachexia}"


def body_lines(data: ReportData) -> list[Flowable]:
    lines = (
        ("Weight", weight_text(data)),
        ("Vomiting", vomiting_line(data)),
        ("Temperature", temperature_line(data)),
        ("Jaundice", jaundice_line(data)),
        ("Bowels", bowels_line(data)),
        ("Warning signs", signs_line(sorted(data.entries, key=lambda e: e.recorded_at))),
    )
    return [Paragraph("Weight and the day-to-day signs", SECTION)] + [
        Paragraph(f"<b>{label}</b>: {printable(text)}", SMALL) for label, text in lines if text
    ]


def thresholds(data: ReportData) -> list[Flowable]:
    parts = [
        f"<b>{printable(text)}</b>" if changed else printable(text)
        for text, changed in thresholds_text(data)
    ]
    changed = sum(1 for _, c in thresholds_text(data) if c)
    stent = {True: "yes", False: "no", None: "not recorded"}[data.profile.stent]
    lead = (
        f"<b>Thresholds in force</b> ({changed} changed from the default, in bold; sources "
        f"and safe ranges on page {DETAILS_PAGE}). Biliary stent: {stent}. "
    )
    return [Spacer(1, 1.5 * mm), Paragraph(lead + " · ".join(parts), TINY)]


FOOTNOTE = (
    "ESAS-r: Watanabe 2011 (Alberta Health Services, with thanks); severe ≥ 7 (Selby 2010). "
    "Weight grade: CTCAE v5.0. Flags: UK acute oncology alert-card thresholds and CTCAE counts as "
    "set in the patient's profile; guidance for the patient, not triage. Labels: L line, C cycle, "
    "D day of the cycle (day 1 = drugs given)."
)


def medicines(data: ReportData, events_shown: int) -> list[Flowable]:
    """Medicines now with the breakthrough doses per day, and the events of the period."""
    lines = medicine_lines(data)
    events = event_lines(data)
    if lines is None and not events:
        return []
    story: list[Flowable] = [Paragraph("Medicines and events", SECTION)]
    if lines is not None:
        story += [
            Paragraph(f"<b>Regular now</b>: {printable(lines.regular)}", SMALL),
            Paragraph(f"<b>As needed now</b>: {printable(lines.as_needed)}", SMALL),
            Paragraph(
                f"<b>Breakthrough doses (as needed, for pain)</b>: {printable(lines.breakthrough)}",
                SMALL,
            ),
        ]
    if events:
        shown = [printable(e) for e in events[:events_shown]]
        hidden = len(events) - len(shown)
        more = f" · … {hidden} more on page {DETAILS_PAGE}" if hidden > 0 else ""
        story.append(Paragraph(f"<b>Events</b>: {' · '.join(shown)}{more}", SMALL))
    return story


def page_one(data: ReportData, width: float, height: float) -> list[Flowable]:
    """Page 1, fitted to ``height``: fewer events shown (the rest on page 2) until it fits."""
    caps = [len(red_events(data)), len(amber_lines(data)), len(event_lines(data))]
    while True:
        story = _page(data, width, *caps)
        if _height(story, width, height) <= height or (caps[0] <= 1 and caps[1] <= 0):
            return story
        if caps[2] > 3:
            caps[2] -= 1
        elif caps[1] > 2 or (caps[1] > 0 and caps[0] <= 2):
            caps[1] -= 1
        else:
            caps[0] -= 1


def _page(
    data: ReportData, width: float, red_cap: int, amber_cap: int, event_cap: int
) -> list[Flowable]:
    story = header(data) + treatment(data)
    if not data.entries:
        empty = f"<b>No entries were recorded between {_d(data.start)} and {_d(data.end)}.</b>"
        return [*story, Spacer(1, 3 * mm), Paragraph(empty, SECTION)]
    story += strip(data, width)
    story += reds(data, red_cap)
    story += ambers(data, amber_cap)
    story += medicines(data, event_cap)
    story += body_lines(data)
    story += thresholds(data)
    story += [Spacer(1, 1 * mm), Paragraph(FOOTNOTE, TINY)]
    return story


def _height(story: list[Flowable], width: float, height: float) -> float:
    total = 0.0
    for flowable in story:
        _, h = flowable.wrap(width, height)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


__all__ = ["DETAILS_PAGE", "page_one", "span"]
