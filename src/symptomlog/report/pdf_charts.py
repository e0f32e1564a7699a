"""The PDF's chart pages: the same builders as the Charts view, as 200 dpi images."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from symptomlog.domain import ChemoCycle
from symptomlog.domain.fields import GRADED_SIDE_EFFECTS
from symptomlog.domain.thresholds import effective
from symptomlog.drawing import DRAW_LOCK
from symptomlog.report.chart_image import ChartImage
from symptomlog.report.styles import HEADING
from symptomlog.report.summary import ReportData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_DPI = 200
BOWEL_ITEMS = ("stools_above_usual", "days_since_bowels_opened")
MEASURED_ITEMS = ("abdominal_girth_cm", "blood_glucose_mmol", "activity_level")


def chart_image(figure: Any, width: float) -> ChartImage:
    """The figure as a 200 dpi image ``width`` points wide (``chart_image.ChartImage``:
    the pixels go into the PDF without a PNG between)."""
    return ChartImage.of(figure, width, CHART_DPI)


PAGE_BREAK = "page break"


def current_line(data: ReportData) -> list[ChemoCycle]:
    """Every cycle begun by the report's end in the line of treatment of its last cycle."""
    begun = [c for c in data.cycles if c.start <= data.end]
    if not begun:
        return []
    line = max(begun, key=lambda c: (c.start, c.number)).line
    return [c for c in begun if c.line == line]


def report_figures(data: ReportData) -> Iterator[Figure | str]:
    """The report's charts in order, one at a time (PAGE_BREAK between pages), so only one
    figure is alive at once; the tests draw them at the report's size."""
    from symptomlog.charts import (
        cycle_day_chart,
        jaundice_chart,
        symptom_chart,
        temperature_chart,
        weight_chart,
    )

    days, cycles, start, end = data.days, data.cycles, data.start, data.end
    limits = effective(data.profile.thresholds)
    yield symptom_chart(days, cycles, start, end)
    yield symptom_chart(days, cycles, start, end, ("appetite", "drowsiness", "wellbeing"))
    yield weight_chart(days, data.weight.baseline, start, end, cycles)
    yield PAGE_BREAK
    yield jaundice_chart(days, cycles, start, end)
    yield temperature_chart(days, cycles, start, end, limits=limits)
    line = current_line(data)
    if line:
        yield cycle_day_chart(data.history or days, line, "nausea")
    yield from _beyond_charts(data)


def chart_pages(
    data: ReportData, width: float, tick: Callable[[], None] | None = None
) -> list[Flowable]:
    """The chart pages; ``tick()`` after each chart (a worker's progress and Cancel).

    One chart is drawn at a time (``symptomlog.drawing.DRAW_LOCK``): a preview and a Save, an
    old preview not yet stopped or the Charts view, each on its own thread, must not
    draw with matplotlib at once (its fonts and caches are shared, and a test run
    crashed in a draw)."""
    story: list[Flowable] = [Spacer(1, 4), Paragraph("Trends", HEADING)]
    with DRAW_LOCK:
        for figure in report_figures(data):
            if tick is not None:
                tick()
            story.append(PageBreak() if isinstance(figure, str) else chart_image(figure, width))
    return story


def _recorded(data: ReportData, names: tuple[str, ...]) -> bool:
    return any(day.get(n) is not None for day in data.days.values() for n in names)


def _beyond_charts(data: ReportData) -> Iterator[Figure | str]:
    """The bowels chart and the side-effects strip, only when recorded in the period."""
    from symptomlog.charts import bowels_chart, measurements_chart, side_effects_chart

    days, cycles, start, end = data.days, data.cycles, data.start, data.end
    limits = effective(data.profile.thresholds)
    shown = [
        _recorded(data, BOWEL_ITEMS),
        _recorded(data, tuple(i.name for i in GRADED_SIDE_EFFECTS)),
        _recorded(data, MEASURED_ITEMS),
    ]
    if any(shown):
        yield PAGE_BREAK
    if shown[0]:
        yield bowels_chart(days, cycles, start, end, limits=limits)
    if shown[1]:
        yield side_effects_chart(days, cycles, start, end)
    if shown[2]:
        yield measurements_chart(days, cycles, start, end, limits=limits)
