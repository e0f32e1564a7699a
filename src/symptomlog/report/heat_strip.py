"""Page 1's symptom heat strip: one row per item, one column per day (per week when long).

A clinician sees in one glance which symptom was bad when, against the cycles:
each cell prints the score (the worst of the day, or of the week) and is shaded
by its ESAS-r band — none, mild 1–3, moderate 4–6, severe 7–10 (Selby 2010) — in
greys, so it reads the same printed in black and white. A blank cell was not
recorded (never 0). The rows above name the month, the cycle ("L1 C3") and mark
the days drugs were given (●; in a week's column, any drug day that week).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from symptomlog.analysis.cycle_day import cycle_day
from symptomlog.domain.fields import SCALES
from symptomlog.report.fonts import BOLD, REGULAR, register_fonts
from symptomlog.report.summary import ReportData

DAILY_UP_TO = 56
"""Up to eight weeks one column per day; beyond, one per week (the worst of the week)."""
MOST_COLUMNS = 40
"""Beyond 40 weeks a column holds two weeks or more, so the figures stay readable."""
BANDS = (
    (7, colors.HexColor("#3A3A3A"), colors.white),  # severe: dark, white bold figures
    (4, colors.HexColor("#A8A8A8"), colors.black),  # moderate
    (1, colors.HexColor("#E4E4E4"), colors.black),  # mild
    (0, colors.white, colors.black),  # none
)
LABEL_PT = 6.5
MAX_PT = 7.0
MIN_PT = 4.0
PAD = 0.6
HEAD_ROWS = 4
"""Month, cycle, drug days, day (or week) above the symptoms."""
DRUG_MARK = "●"


def columns(start: date, end: date) -> list[tuple[date, date]]:
    """Each column's first and last day: days, or weeks from ``start`` (the last may be short)."""
    step = column_days(start, end)
    length = (end - start).days + 1
    return [
        (start + timedelta(days=i), min(start + timedelta(days=i + step - 1), end))
        for i in range(0, length, step)
    ]


def column_days(start: date, end: date) -> int:
    """1 up to eight weeks; then 7; then whole weeks enough for at most MOST_COLUMNS."""
    length = (end - start).days + 1
    if length <= DAILY_UP_TO:
        return 1
    return 7 * max(1, math.ceil(length / 7 / MOST_COLUMNS))


def band(score: float) -> tuple[colors.Color, colors.Color]:
    """The shade and the figure colour of a score."""
    for lowest, shade, ink in BANDS:
        if score >= lowest:
            return shade, ink
    return BANDS[-1][1], BANDS[-1][2]


def _worst(data: ReportData, name: str, first: date, last: date) -> float | None:
    found = [
        float(v)
        for d, day in data.days.items()
        if first <= d <= last and (v := day.get(name)) is not None and not isinstance(v, bool)
    ]
    return max(found) if found else None


def font_size(column: float) -> float:
    """The largest size (to MAX_PT) at which "10" fits a column with its padding."""
    fits = (column - 2 * PAD - 0.4) / stringWidth("10", BOLD, 1)
    return max(MIN_PT, min(MAX_PT, fits))


def _cycle_row(data: ReportData, spans: list[tuple[date, date]], column: float, size: float):
    """The cycle of each column's first day, merged over the columns it covers."""
    cells: list[str] = [""] * len(spans)
    merged: list[tuple[int, int]] = []
    keys = []
    for first, _last in spans:
        place = cycle_day(data.cycles, first)
        keys.append(None if place is None else (place.cycle.line, place.cycle.number))
    index = 0
    while index < len(keys):
        stop = index
        while stop + 1 < len(keys) and keys[stop + 1] == keys[index]:
            stop += 1
        key = keys[index]
        if key is not None:
            room = (stop - index + 1) * column - 2 * PAD
            for text in (f"L{key[0]} C{key[1]}", f"C{key[1]}", str(key[1]), ""):
                if stringWidth(text, REGULAR, size) <= room:
                    cells[index] = text
                    break
            merged.append((index, stop))
        index = stop + 1
    return cells, merged


def _month_row(spans: list[tuple[date, date]], column: float, size: float):
    cells: list[str] = [""] * len(spans)
    merged: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        month = (spans[index][0].year, spans[index][0].month)
        stop = index
        while (
            stop + 1 < len(spans) and (spans[stop + 1][0].year, spans[stop + 1][0].month) == month
        ):
            stop += 1
        room = (stop - index + 1) * column - 2 * PAD
        for fmt in ("%b %Y", "%b", ""):
            text = spans[index][0].strftime(fmt) if fmt else ""
            if stringWidth(text, BOLD, size) <= room:
                cells[index] = text
                break
        merged.append((index, stop))
        index = stop + 1
    return cells, merged


def heat_strip(data: ReportData, width: float) -> Table | None:
    """The strip for the period, ``width`` wide; None when no score was recorded."""
    register_fonts()  # it measures its text in the report's font: ready even when called alone
    items = [s for s in SCALES if any(day.get(s.name) is not None for day in data.days.values())]
    if not items:
        return None
    spans = columns(data.start, data.end)
    labels = [s.label for s in items] + ["Cycle", "Drugs given", "From"]
    label_width = max(stringWidth(t, REGULAR, LABEL_PT) for t in labels) + 2 * PAD + 3
    column = (width - label_width) / len(spans)
    size = font_size(column)
    months, month_spans = _month_row(spans, column, size)
    cycles, cycle_spans = _cycle_row(data, spans, column, size)
    day_row = [str(first.day) for first, _ in spans]
    drug_dates = {d for c in data.cycles for d in c.drug_dates()}
    drugs = [
        DRUG_MARK if any(first <= d <= last for d in drug_dates) else "" for first, last in spans
    ]
    rows: list[list[str]] = [
        ["", *months],
        ["Cycle", *cycles],
        ["Drugs given", *drugs],
        ["Day" if column_days(data.start, data.end) == 1 else "From", *day_row],
    ]
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), size + 1.2),
            ("FONTSIZE", (0, 0), (0, -1), LABEL_PT),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
            ("GRID", (1, HEAD_ROWS), (-1, -1), 0.25, colors.HexColor("#777777")),
            ("LINEBELOW", (0, HEAD_ROWS - 1), (-1, HEAD_ROWS - 1), 0.4, colors.black),
        ]
    )
    for first, stop in month_spans:
        style.add("SPAN", (first + 1, 0), (stop + 1, 0))
        style.add("LINEBEFORE", (first + 1, 0), (first + 1, 0), 0.4, colors.grey)
    for first, stop in cycle_spans:
        style.add("SPAN", (first + 1, 1), (stop + 1, 1))
        style.add("BOX", (first + 1, 1), (stop + 1, 1), 0.3, colors.grey)
    for row_index, item in enumerate(items, start=HEAD_ROWS):
        row = [item.label]
        for column_index, (first, last) in enumerate(spans, start=1):
            score = _worst(data, item.name, first, last)
            row.append("" if score is None else f"{score:.0f}")
            if score is not None:
                shade, ink = band(score)
                cell = (column_index, row_index)
                style.add("BACKGROUND", cell, cell, shade)
                style.add("TEXTCOLOR", cell, cell, ink)
                if score >= BANDS[0][0]:
                    style.add("FONTNAME", cell, cell, BOLD)
        rows.append(row)
    table = Table(rows, colWidths=[label_width, *[column] * len(spans)], hAlign="LEFT")
    table.setStyle(style)
    return table


KEY = (
    "Each cell: the worst ESAS-r score of the {unit} (itch: the diary's own 0–10 item); "
    "shade: white 0, light 1–3 mild, mid-grey 4–6 moderate, dark 7–10 severe (Selby 2010); "
    "blank: not recorded; ● drugs given that {unit_short}."
)


def key_text(data: ReportData) -> str:
    weeks = column_days(data.start, data.end) // 7
    if not weeks:
        return KEY.format(unit="day", unit_short="day")
    unit = "week" if weeks == 1 else f"{weeks} weeks"
    return KEY.format(unit=f"{unit} (columns start on the day shown)", unit_short=unit)
