"""The PDF summary for the palliative care team, laid out with reportlab platypus.

Page 1 is the two-minute read (``page_one``), always one page; page 2 the details
behind it (``details``: every flag, the symptom and weight tables, the thresholds).
Then the charts (the same builders as the Charts view, at 200 dpi), a table of
every day with the header repeated on each page, and the notes verbatim.
Every page carries "Page X of Y", the patient's name and date of birth, and a
line saying the data is self-reported.
"""

from __future__ import annotations

import io
from collections.abc import Callable
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
from symptomlog.domain import Recorder
from symptomlog.domain.fields import ESAS_SCALES, SCALES, SIGNS
from symptomlog.report import pdf_beyond
from symptomlog.report.details import details
from symptomlog.report.details import num as _num
from symptomlog.report.fonts import (
    MISSING_GLYPH,
    REGULAR,
    has_missing_glyphs,
    plain_metadata,
    printable,
    register_fonts,
)
from symptomlog.report.page_one import page_one
from symptomlog.report.pdf_charts import chart_pages
from symptomlog.report.styles import BODY, GRID, HEADING, SMALL
from symptomlog.report.summary import ReportData

PAGE_SIZES = {"a4": A4, "letter": letter}
MARGIN = 18 * mm
"""Wide enough that an A4 layout also prints whole on US Letter and vice versa."""
SELF_REPORTED = (
    "Self-reported at home by the patient or a carer (symptomlog); not verified by a clinician."
)
SHORT = {s.name: s.column for s in SCALES}
"""The day-by-day table's narrow headings, from the registry."""
SIGN_CODES = {"yellow_eyes": "E", "yellow_skin": "S", "dark_urine": "U", "pale_stools": "St"}


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
    fixed = [19 * mm, 17 * mm]  # "L1 C12 D21"
    tail = [11 * mm, 10 * mm, 10 * mm, 16 * mm, 9 * mm]  # vomits, kg, °C, jaundice, by
    rest = (width - sum(fixed) - sum(tail)) / len(scales)
    widths = [*fixed, *[rest] * len(scales), *tail]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = TableStyle(GRID.getCommands())
    style.add("FONTSIZE", (0, 0), (-1, -1), 6.5)
    style.add("LEADING", (0, 0), (-1, -1), 8)
    style.add("ALIGN", (2, 0), (-3, -1), "CENTER")
    style.add("LEFTPADDING", (0, 0), (-1, -1), 1.5)  # narrow columns: "Drow" fits its own
    style.add("RIGHTPADDING", (0, 0), (-1, -1), 1.5)
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


def _progress_of(progress: Callable[[int, int], None], total: int) -> Callable[[str, int], None]:
    """reportlab's callback as (flowables laid out, flowables in all)."""
    size = [total]

    def report(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            size[0] = max(value, 1)
        elif kind == "PROGRESS":
            progress(min(value, size[0]), size[0])

    return report


TOP_MARGIN = MARGIN
BOTTOM_MARGIN = MARGIN + 4 * mm
FRAME_PADDING = 12
"""platypus's frame keeps 6 pt inside each edge."""


def build_story(
    data: ReportData, paper: str = "a4", progress: Callable[[int, int], None] | None = None
) -> list[Flowable]:
    """Every flowable of the report, in order (the tests measure the tables' cells).

    ``progress(0, 0)`` is called between charts: a stage without a count, where a
    worker may cancel."""
    register_fonts()  # before the first Paragraph: a missing font is a clear message, not a crash
    page_size = PAGE_SIZES[paper]
    width = page_size[0] - 2 * MARGIN
    height = page_size[1] - TOP_MARGIN - BOTTOM_MARGIN - FRAME_PADDING
    story = page_one(data, width - FRAME_PADDING, height)
    if data.entries:
        story += [PageBreak(), *details(data)]
        story += chart_pages(data, width, (lambda: progress(0, 0)) if progress else None)
        story += _daily_table(data, width)
        story += pdf_beyond.daily_table(data, width)
    return [*story, Spacer(1, 4 * mm), *_notes(data)]


def render_pdf(
    data: ReportData,
    paper: str = "a4",
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The whole report as PDF bytes (nothing is written until the caller writes them).

    ``progress(done, total)`` is called as pages are laid out (a worker shows it; it
    may raise to cancel the build)."""
    story = build_story(data, paper, progress)
    page_size = PAGE_SIZES[paper]
    buffer = io.BytesIO()
    name = data.profile.name or "patient"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=plain_metadata(
            f"Symptom diary summary — {name}, {data.start:%d %b %Y} to {data.end:%d %b %Y}"
        ),
        subject="Self-reported symptoms, weight, temperature and jaundice signs for the "
        "palliative care team",
        author=plain_metadata(name),
        creator=f"symptomlog {__version__}",
        keywords="ESAS-r; palliative care; self-reported",
    )
    if progress is not None:
        doc.setProgressCallBack(_progress_of(progress, len(story)))

    class ReportCanvas(NumberedCanvas):
        footer = staticmethod(_footer_for(data, page_size))

    doc.build(story, canvasmaker=ReportCanvas)
    return buffer.getvalue()
