"""The items beyond ESAS-r in the PDF: page-1 summary lines and a day-by-day table.

Kept apart from the ESAS-r table (CLINICAL.md: never call these items ESAS-r),
shown only where something was recorded in the period — a diary that never
asks about mouth sores gets no mouth-sores line — so page 1 stays one page.
Labels, units and the wording of each graded answer come from the registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from symptomlog.domain import Entry
from symptomlog.domain.fields import (
    BEYOND_ESAS,
    GROUP_WARNING,
    GROUPS,
    WARNING_SIGNS,
    Grade,
    Item,
    items_in,
)
from symptomlog.report.fonts import printable
from symptomlog.report.styles import GRID, HEADING, SMALL
from symptomlog.report.summary import ReportData

SHOWN_GROUPS = tuple(g for g in GROUPS if g not in ("ESAS-r", "Jaundice"))
TABLE_ITEMS = tuple(
    i for i in BEYOND_ESAS if i.kind in ("measure", "grade") and i.group in SHOWN_GROUPS
)
SIGN_NAMES = tuple(s.name for s in WARNING_SIGNS)


def _unit_shown(item: Item) -> bool:
    """A physical unit (cm, mmol/L) is shown; a count's ("stools", "days") is in its label."""
    return item.kind == "measure" and item.unit not in ("stools", "days", "episodes")


def _value(item: Item, value: float) -> str:
    if isinstance(item, Grade):
        return f"{value:g}/{item.maximum} “{item.answer(int(value)).lower()}”"
    return f"{value:g}" + (f" {item.unit}" if _unit_shown(item) else "")


def _number_line(item: Item, entries: Sequence[Entry]) -> str | None:
    """ "Label worst X (date), latest Y" — or lowest to highest for glucose; nothing
    when every answer was 0 (asked, nothing to report: page 1 stays short)."""
    seen = [(e.recorded_at.date(), getattr(e, item.name)) for e in entries]
    seen = [(d, v) for d, v in seen if v is not None]
    if not seen or (item.name != "blood_glucose_mmol" and not any(v for _, v in seen)):
        return None
    last_day, last = seen[-1]
    if item.name == "blood_glucose_mmol":  # a low matters as much as a high
        low, high = min(v for _, v in seen), max(v for _, v in seen)
        return f"{item.label} {low:g}–{high:g} {item.unit}, latest {last:g} ({last_day:%d %b})"
    worst_day, worst = max(seen, key=lambda s: s[1])
    return (
        f"{item.label} worst {_value(item, worst)} ({worst_day:%d %b}), latest {_value(item, last)}"
    )


def signs_line(entries: Sequence[Entry]) -> str | None:
    """The warning signs reported yes, each with its days; "none" when asked and all no."""
    asked = {e.recorded_at.date() for e in entries for n in SIGN_NAMES if getattr(e, n) is not None}
    if not asked:
        return None
    parts = []
    for sign in WARNING_SIGNS:
        yes = sorted({e.recorded_at.date() for e in entries if getattr(e, sign.name)})
        if yes:
            parts.append(
                f"{sign.label} on {len(yes)} day{'s' * (len(yes) > 1)}, last {yes[-1]:%d %b}"
            )
    return "; ".join(parts) or f"none reported (asked on {len(asked)} days)"


def _other_problem_lines(entries: Sequence[Entry]) -> list[str]:
    """ESAS-r's tenth item, by the name the patient gave it."""
    worst: dict[str, tuple[int, date]] = {}
    for e in entries:
        if e.other_problem is None:
            continue
        name = e.other_problem_name or "not named"
        if name not in worst or e.other_problem > worst[name][0]:
            worst[name] = (e.other_problem, e.recorded_at.date())
    return [f"{name} worst {s}/10 ({d:%d %b})" for name, (s, d) in worst.items()]


def _group_text(group: str, entries: Sequence[Entry]) -> str | None:
    if group == GROUP_WARNING:
        return signs_line(entries)
    parts = [
        line
        for item in items_in(group)
        if item in TABLE_ITEMS  # the items beyond ESAS-r only (weight has its own table)
        if (line := _number_line(item, entries))
    ]
    return "; ".join(parts) or None


def summary_lines(data: ReportData) -> list[Flowable]:
    """Page 1: one short paragraph, a clause per group with something to report."""
    entries = sorted(data.entries, key=lambda e: e.recorded_at)
    clauses = [
        f"<b>{group}</b>: {printable(text)}"
        for group in SHOWN_GROUPS
        if (text := _group_text(group, entries))
    ]
    others = _other_problem_lines(entries)
    if others:
        clauses.append("<b>Other problem (ESAS-r item 10)</b>: " + printable("; ".join(others)))
    if not clauses:
        return []
    lead = "<b>Other items (not part of ESAS-r; 0 and blank left out)</b> — "
    return [Spacer(1, 2 * mm), Paragraph(lead + " · ".join(clauses), SMALL)]


def _cell(item: Item, value: object) -> str:
    return "–" if value is None else f"{float(value):g}"  # type: ignore[arg-type]


def daily_table(data: ReportData, width: float) -> list[Flowable]:
    """Every day with any of these items: only the columns recorded in the period."""
    columns = [i for i in TABLE_ITEMS if any(d.get(i.name) is not None for d in data.days.values())]
    signs = any(data.days[d].get(n) is not None for d in data.days for n in SIGN_NAMES)
    shown = [d for d in sorted(data.days) if _has_any(data, d, columns, signs)]
    if not shown:
        return []
    head = [i.label + (f" ({i.unit})" if _unit_shown(i) else "") for i in columns]
    header = ["Date", *head, *(["Warning signs (yes)"] if signs else [])]
    rows: list[list[object]] = [[Paragraph(h, SMALL) for h in header]]
    for day in shown:
        values = data.days[day]
        said = [s.label for s in WARNING_SIGNS if values.get(s.name)]
        asked = any(values.get(n) is not None for n in SIGN_NAMES)
        cells: list[object] = [f"{day:%a %d %b}", *(_cell(i, values.get(i.name)) for i in columns)]
        if signs:
            cells.append(", ".join(said) or ("none" if asked else "–"))
        rows.append(cells)
    warning_width = 60 * mm if signs else 0
    rest = (width - 19 * mm - warning_width) / max(len(columns), 1)
    widths = [19 * mm, *[rest] * len(columns), *([warning_width] if signs else [])]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = TableStyle(GRID.getCommands())
    style.add("FONTSIZE", (0, 1), (-1, -1), 6.5)
    style.add("LEADING", (0, 1), (-1, -1), 8)
    table.setStyle(style)
    key = Paragraph(
        "Not part of ESAS-r: the diary's own plain-language items. Graded items are the level "
        "chosen (0 = none); the highest of the day. Cells with – were not recorded (never 0).",
        SMALL,
    )
    return [Spacer(1, 4 * mm), Paragraph("Other items, day by day", HEADING), key, table]


def _has_any(data: ReportData, day: date, columns: list[Item], signs: bool) -> bool:
    values = data.days[day]
    if any(values.get(i.name) is not None for i in columns):
        return True
    return signs and any(values.get(n) is not None for n in SIGN_NAMES)
