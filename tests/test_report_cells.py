"""No text runs out of its table cell (issue 19: "first weighed61.2 kg"): every cell of every
table in a 4-week and a 24-week report is measured with reportlab's stringWidth against
its column's width less the padding."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from symptomlog.report.pdf import build_story
from symptomlog.report.summary import build_data
from symptomlog.store import Diary
from tests import story

END = story.START + timedelta(days=story.WEEKS * 7 - 1)


def tables(flowables: list[Flowable]) -> Iterator[Table]:
    for flowable in flowables:
        if isinstance(flowable, Table):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from tables(list(flowable._content))


def too_wide(table: Table) -> list[str]:
    """Each cell whose text is wider than its room, as 'row r col c: text (w > room)'."""
    widths = list(table._colWidths)
    spans: dict[tuple[int, int], float] = {}
    hidden: set[tuple[int, int]] = set()
    for _cmd, (c0, r0), (c1, r1) in table._spanCmds:
        c1, r1 = c1 % len(widths), r1 % len(table._cellvalues)
        spans[(r0, c0)] = sum(widths[c0 : c1 + 1])
        hidden |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    found = []
    for r, row in enumerate(table._cellvalues):
        for c, value in enumerate(row):
            if (r, c) in hidden:
                continue
            style = table._cellStyles[r][c]
            room = spans.get((r, c), widths[c]) - style.leftPadding - style.rightPadding
            if isinstance(value, Paragraph):
                width = value.minWidth()  # its longest word: a paragraph wraps the rest
                text = value.getPlainText()
            else:
                text = str(value)
                width = max(
                    (
                        stringWidth(line, style.fontname, style.fontsize)
                        for line in text.split("\n")
                    ),
                    default=0,
                )
            if width > room + 0.01:
                found.append(f"row {r} col {c}: {text!r} ({width:.1f} > {room:.1f})")
    return found


@pytest.mark.parametrize("days", [28, story.WEEKS * 7])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_cell_text_is_wider_than_its_column(diary: Diary, days: int, paper: str) -> None:
    story.write(diary)
    start = END - timedelta(days=days - 1)
    data = build_data(
        diary.entries.between(None, END), diary.cycles.all(), diary.profile.get(), start, END
    )
    found = list(tables(build_story(data, paper)))
    assert len(found) >= 4  # heat strip, symptoms, weight, thresholds, day by day
    problems = [p for table in found for p in too_wide(table)]
    assert problems == []


def test_the_measure_catches_the_old_weight_cell() -> None:
    """The check itself: the cell of issue 19 in the old 48 mm column is caught."""
    from reportlab.lib.units import mm

    from symptomlog.report.fonts import register_fonts
    from symptomlog.report.styles import GRID

    register_fonts()
    table = Table([["Baseline"], ["61.2 kg (04 May 2026), first weighed61.2 kg"]], [48 * mm])
    table.setStyle(GRID)
    assert len(too_wide(table)) == 1


def test_two_years_still_fit_their_cells(memory_diary: Diary) -> None:
    """Two years: the heat strip's columns hold several weeks each, never too narrow for "10"."""
    from datetime import datetime, time

    from symptomlog.domain import Entry

    start = END - timedelta(days=729)
    memory_diary.entries.add_many(
        [
            Entry(datetime.combine(start + timedelta(days=i), time(9)), pain=10, nausea=i % 11)
            for i in range(730)
        ]
    )
    data = build_data(memory_diary.entries.between(None, END), [], story.PROFILE, start, END)
    found = list(tables(build_story(data, "a4")))
    problems = [p for table in found for p in too_wide(table)]
    assert problems == []
    strip = found[0]
    assert strip._cellvalues[3][0] == "From" and len(strip._cellvalues[0]) - 1 <= 40
