"""The PDF summary for the palliative care team, laid out with reportlab platypus.

Page 1 is the two-minute read: who, which period, how complete the diary is,
the treatment, a table of symptoms, the weight against baseline and the flags.
Then the charts (the same builders as the Charts view, at 200 dpi), a table of
every day with the header repeated on each page, and the notes verbatim.
Every page carries "Page X of Y", the patient's name and date of birth, and a
line saying the data is self-reported.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from symptomlog import __version__
from symptomlog.analysis.flags import Level
from symptomlog.domain import Recorder
from symptomlog.domain.fields import ESAS_SCALES, SCALES, SIGNS
from symptomlog.report import pdf_beyond
from symptomlog.report.fonts import (
    BOLD,
    MISSING_GLYPH,
    REGULAR,
    has_missing_glyphs,
    plain_metadata,
    printable,
    register_fonts,
)
from symptomlog.report.pdf_charts import chart_pages
from symptomlog.report.settings_table import thresholds_in_force
from symptomlog.report.styles import BODY, GRID, HEADING, RED_FLAG, SMALL, TITLE
from symptomlog.report.summary import CTCAE_VERSION, ReportData

PAGE_SIZES = {"a4": A4, "letter": letter}
MARGIN = 18 * mm
"""Wide enough that an A4 layout also prints whole on US Letter and vice versa."""
SELF_REPORTED = (
    "Self-reported at home by the patient or a carer (symptomlog); not verified by a clinician."
)
SHORT = {s.name: s.column for s in SCALES}
"""The day-by-day table's narrow headings, from the registry."""
SIGN_CODES = {"yellow_eyes": "E", "yellow_skin": "S", "dark_urine": "U", "pale_stools": "St"}


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


def _day(value: date | None) -> str:
    return f"{value:%d %b %Y}" if value else "–"


def _who(recorder: Recorder, name: str | None) -> str:
    return (
        f"{recorder.label} ({name})"
        if name and recorder is not Recorder.PATIENT
        else recorder.label
    )


class NumberedCanvas(Canvas):
    """Draws the footer once the page count is known, so it can say "Page X of Y"."""

    footer: Callable[[Canvas, int, int], None] = staticmethod(lambda c, n, t: None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            type(self).footer(self, number, total)
            super().showPage()
        super().save()


def _footer_for(data: ReportData, page_size: tuple[float, float]) -> Callable[..., None]:
    profile = data.profile
    born = f"born {profile.born:%d %b %Y}" if profile.born else "date of birth not recorded"

    def draw(canvas: Canvas, number: int, total: int) -> None:
        width = page_size[0]
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.drawString(MARGIN, 11 * mm, f"{profile.name or 'Name not recorded'} — {born}"[:110])
        canvas.drawRightString(width - MARGIN, 11 * mm, f"Page {number} of {total}")
        canvas.drawString(MARGIN, 7.5 * mm, SELF_REPORTED)
        canvas.restoreState()

    return draw


def _page_one(data: ReportData) -> list[Flowable]:
    p = data.profile
    story: list[Flowable] = [
        Paragraph("Symptom diary summary for the care team", TITLE),
        Paragraph(
            f"<b>{printable(p.name or 'Name not recorded')}</b> · born {_day(p.born)} · "
            f"hospital number {printable(p.hospital_number or '–')}",
            BODY,
        ),
        Paragraph(
            f"Period <b>{_day(data.start)} – {_day(data.end)}</b> ({data.period_days} days) · "
            f"generated {data.generated:%d %b %Y %H:%M}",
            BODY,
        ),
        Paragraph(
            f"Entries: {data.count_by(Recorder.PATIENT)} by the patient, "
            f"{data.count_by(Recorder.CARER)} by a carer"
            + (
                f", {data.count_by(Recorder.CLINICIAN)} by a clinician"
                if data.count_by(Recorder.CLINICIAN)
                else ""
            )
            + f" · days with no entry: {data.days_without_entry} of {data.period_days}",
            BODY,
        ),
        Paragraph(_treatment(data), BODY),
        Spacer(1, 3 * mm),
    ]
    if not data.entries:
        story.append(
            Paragraph(
                f"<b>No entries were recorded between {_day(data.start)} and {_day(data.end)}.</b>",
                HEADING,
            )
        )
        return story
    story += [Paragraph("Symptoms (ESAS-r 0–10; worst of each day)", HEADING), _symptom_table(data)]
    story += [Paragraph("Weight", HEADING), _weight_table(data)]
    story += pdf_beyond.summary_lines(data)
    story += [Paragraph("Red and amber flags in the period", HEADING), *_flag_lines(data)]
    story += thresholds_in_force(data.profile)
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(
            "Scores: ESAS-r (Watanabe 2011; Alberta Health Services, with thanks), severe ≥ 7 "
            "(Selby 2010). Change: mean of this period minus the mean of the previous period "
            "of the same length (↑ worse, ↓ better; a change of 1 point is clinically "
            "meaningful, Hui 2015). Weight grade: "
            + CTCAE_VERSION
            + ". Cachexia: Fearon 2011. Flags: UK acute oncology alert-card thresholds and CTCAE "
            "counts as configured in the patient's profile; guidance for the patient, not triage.",
            SMALL,
        )
    )
    return story


def _treatment(data: ReportData) -> str:
    current = data.current
    last = data.last_cycle_started
    if current is not None:
        cycle = current.cycle
        text = (
            f"Treatment: <b>{cycle.regimen_name}</b>, line {cycle.line}, "
            f"<b>{current.label}</b> on {_day(data.end)}"
        )
        if cycle.dose_note:
            text += f" ({printable(cycle.dose_note)})"
    elif last is not None:
        text = (
            f"Treatment: no cycle running on {_day(data.end)}; last was {last.regimen_name} "
            f"line {last.line} {last.label} from {_day(last.start)}"
        )
    else:
        text = "Treatment: no chemotherapy cycles recorded"
    following = data.next_cycle
    if following is not None:
        text += (
            f" · next planned: {following.regimen_name} {following.label} "
            f"on {_day(following.start)}"
        )
    return text


def _arrow(change: float | None) -> str:
    if change is None:
        return "–"
    if change > 0:
        return f"↑ +{_num(change)}"
    if change < 0:
        return f"↓ {_num(change)}"
    return "= 0"


def _symptom_table(data: ReportData) -> Table:
    rows: list[list[str]] = [
        ["Symptom", "Latest", "7-day mean", "Worst (date)", "Change", "Days ≥ 7"]
    ]
    for row in data.symptoms:
        s = row.now
        worst = f"{_num(s.worst, 0)} ({s.worst_date:%d %b})" if s.worst_date else "–"
        latest = f"{_num(s.latest, 0)} ({s.latest_date:%d %b})" if s.latest_date else "–"
        rows.append(
            [
                row.label,
                latest,
                _num(s.mean_7d),
                worst,
                _arrow(row.change),
                str(s.days_severe) if s.latest is not None else "–",
            ]
        )
    table = Table(
        rows,
        colWidths=[42 * mm, 26 * mm, 22 * mm, 30 * mm, 20 * mm, 18 * mm],
        repeatRows=1,
        hAlign="LEFT",
    )
    style = TableStyle(GRID.getCommands())
    for index, row in enumerate(data.symptoms, start=1):
        if row.now.days_severe:
            style.add("FONTNAME", (5, index), (5, index), BOLD)
    table.setStyle(style)
    return table


def _weight_table(data: ReportData) -> Table:
    w = data.weight
    base = w.from_baseline
    rows = [["Baseline", "Latest", "Change", "Grade", "Last 30 days", "Cachexia"]]
    if base is None:
        rows.append(["–", "–", "–", "–", "–", "–"])
    else:
        month = w.over_30_days
        rows.append(
            [
                f"{_num(base.reference_kg)} kg"
                + (f" ({base.reference_date:%d %b %Y})" if base.reference_date else "")
                + ("" if data.profile.baseline_weight_kg else ", first weighed"),
                f"{_num(base.latest_kg)} kg ({base.latest_date:%d %b})",
                f"{base.kg:+.1f} kg ({base.percent:+.1f} %)",
                f"grade {w.grade}" if w.grade else "none",
                f"{month.kg:+.1f} kg ({month.percent:+.1f} %)" if month else "–",
                {True: "criterion met", False: "not met", None: "not enough data"}[w.cachexia],
            ]
        )
    table = Table(
        rows, colWidths=[48 * mm, 28 * mm, 32 * mm, 14 * mm, 28 * mm, 24 * mm], hAlign="LEFT"
    )
    table.setStyle(GRID)
    return table


def _flag_lines(data: ReportData) -> list[Flowable]:
    if not data.flags:
        return [Paragraph("None.", BODY)]
    lines: list[Flowable] = []
    for flag in data.flags:
        marker = flag.level.marker
        style = RED_FLAG if flag.level is Level.RED else BODY
        lines.append(
            Paragraph(
                f"{flag.day:%d %b}  {marker}: {printable(flag.title)} "
                f"<font size=7>({printable(flag.source)})</font>",
                style,
            )
        )
    return lines


def _daily_table(data: ReportData, width: float) -> list[Flowable]:
    scales = [s.name for s in ESAS_SCALES] + ["itch"]
    header = ["Date", "Cycle", *[SHORT[n] for n in scales], "Vomits", "kg", "°C", "Jaundice", "By"]
    rows: list[list[str]] = [header]
    for day in sorted(data.days):
        values = data.days[day]
        signs = [SIGN_CODES[s.name] for s in SIGNS if values.get(s.name)]
        who = "/".join(sorted(r.label[0] for r in values.recorders))  # P, C
        rows.append(
            [
                f"{day:%a %d %b}",
                data.cycle_day_of(day),
                *[_num(_as_float(values.get(n)), 0) for n in scales],
                _num(_as_float(values.get("vomiting_episodes")), 0),
                _num(_as_float(values.get("weight_kg"))),
                _num(_as_float(values.get("temperature_c"))),
                " ".join(signs) or "–",
                who,
            ]
        )
    fixed = [19 * mm, 13 * mm]
    tail = [11 * mm, 10 * mm, 10 * mm, 16 * mm, 9 * mm]  # vomits, kg, °C, jaundice, by
    rest = (width - sum(fixed) - sum(tail)) / len(scales)
    widths = [*fixed, *[rest] * len(scales), *tail]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = TableStyle(GRID.getCommands())
    style.add("FONTSIZE", (0, 0), (-1, -1), 6.5)
    style.add("LEADING", (0, 0), (-1, -1), 8)
    style.add("ALIGN", (2, 0), (-3, -1), "CENTER")
    table.setStyle(style)
    key = Paragraph(
        "Jaundice: E yellow eyes, S yellow skin, U dark urine, St pale stools. "
        "By: P patient, C carer. Cells with – were not recorded (never 0). "
        "Worst score of the day; vomiting: the largest count any one entry gave (each counts "
        "the last 24 h, never added up); last weight; highest temperature.",
        SMALL,
    )
    return [PageBreak(), Paragraph("Day by day", HEADING), key, Spacer(1, 2 * mm), table]


def _as_float(value: object) -> float | None:
    return None if value is None or isinstance(value, bool) else float(value)  # type: ignore[arg-type]


def _notes(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("In their own words", HEADING)]
    if not data.notes:
        return [*story, Paragraph("No notes in this period.", BODY)]
    missing = False
    for note in data.notes:
        missing = missing or has_missing_glyphs(note.text)
        story.append(
            KeepTogether(
                [
                    Paragraph(
                        f"<b>{note.when:%a %d %b %Y %H:%M}</b> — "
                        f"{printable(_who(note.recorded_by, note.recorder_name))}",
                        SMALL,
                    ),
                    Paragraph(printable(note.text), BODY),
                    Spacer(1, 1.5 * mm),
                ]
            )
        )
    if missing:
        story.append(
            Paragraph(
                f"{MISSING_GLYPH} marks a character (such as an emoji) that the report's font "
                "cannot show.",
                SMALL,
            )
        )
    heading, first, *rest = story  # the heading stays with the first note, on one page
    return [KeepTogether([heading, first]), *rest]


def render_pdf(data: ReportData, paper: str = "a4") -> bytes:
    """The whole report as PDF bytes (nothing is written until the caller writes them)."""
    register_fonts()  # before the first Paragraph: a missing font is a clear message, not a crash
    page_size = PAGE_SIZES[paper]
    buffer = io.BytesIO()
    name = data.profile.name or "patient"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=plain_metadata(
            f"Symptom diary summary — {name}, {data.start:%d %b %Y} to {data.end:%d %b %Y}"
        ),
        subject="Self-reported symptoms, weight, temperature and jaundice signs for the "
        "palliative care team",
        author=plain_metadata(name),
        creator=f"symptomlog {__version__}",
        keywords="ESAS-r; palliative care; self-reported",
    )
    width = page_size[0] - 2 * MARGIN
    story = _page_one(data)
    if data.entries:
        story += chart_pages(data, width)
        story += _daily_table(data, width)
        story += pdf_beyond.daily_table(data, width)
    story += [Spacer(1, 4 * mm), *_notes(data)]

    class ReportCanvas(NumberedCanvas):
        footer = staticmethod(_footer_for(data, page_size))

    doc.build(story, canvasmaker=ReportCanvas)
    return buffer.getvalue()
