"""The PDF's chart pages: the same builders as the Charts view, as 200 dpi images."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from reportlab.platypus import Flowable, Image, PageBreak, Paragraph

from symptomlog.domain.fields import GRADED_SIDE_EFFECTS
from symptomlog.domain.thresholds import effective
from symptomlog.report.styles import HEADING
from symptomlog.report.summary import ReportData

CHART_DPI = 200
BOWEL_ITEMS = ("stools_above_usual", "days_since_bowels_opened")
MEASURED_ITEMS = ("abdominal_girth_cm", "blood_glucose_mmol", "activity_level")


def chart_image(figure: Any, width: float) -> Image:
    """The figure as a 200 dpi PNG; the figure itself is emptied at once.

    A matplotlib figure is a web of reference cycles, so it would otherwise wait
    for Python's cycle collector, and six of them at once raise the app's peak memory.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    buffer.seek(0)
    w, h = figure.get_size_inches()
    figure.clear()
    return Image(buffer, width=width, height=width * h / w)


def chart_pages(data: ReportData, width: float) -> list[Flowable]:
    from symptomlog.charts import (
        cycle_day_chart,
        jaundice_chart,
        symptom_chart,
        temperature_chart,
        weight_chart,
    )

    days, cycles, start, end = data.days, data.cycles, data.start, data.end
    in_period = [c for c in cycles if start - timedelta(days=84) <= c.start <= end]
    latest_line = [c for c in in_period if in_period and c.line == in_period[-1].line]
    story: list[Flowable] = [PageBreak(), Paragraph("Trends", HEADING)]
    story.append(chart_image(symptom_chart(days, cycles, start, end), width))
    story.append(
        chart_image(
            symptom_chart(days, cycles, start, end, ("appetite", "drowsiness", "wellbeing")), width
        )
    )
    story.append(chart_image(weight_chart(days, data.weight.baseline, start, end, cycles), width))
    story.append(PageBreak())
    story.append(chart_image(jaundice_chart(days, cycles, start, end), width))
    limits = effective(data.profile.thresholds)
    story.append(chart_image(temperature_chart(days, cycles, start, end, limits=limits), width))
    if latest_line:
        story.append(chart_image(cycle_day_chart(days, latest_line, "nausea"), width))
    return story + _beyond_charts(data, width)


def _recorded(data: ReportData, names: tuple[str, ...]) -> bool:
    return any(day.get(n) is not None for day in data.days.values() for n in names)


def _beyond_charts(data: ReportData, width: float) -> list[Flowable]:
    """The bowels chart and the side-effects strip, only when recorded in the period."""
    from symptomlog.charts import bowels_chart, measurements_chart, side_effects_chart

    days, cycles, start, end = data.days, data.cycles, data.start, data.end
    limits = effective(data.profile.thresholds)
    story: list[Flowable] = []
    if _recorded(data, BOWEL_ITEMS):
        story.append(chart_image(bowels_chart(days, cycles, start, end, limits=limits), width))
    if _recorded(data, tuple(i.name for i in GRADED_SIDE_EFFECTS)):
        story.append(chart_image(side_effects_chart(days, cycles, start, end), width))
    if _recorded(data, MEASURED_ITEMS):
        figure = measurements_chart(days, cycles, start, end, limits=limits)
        story.append(chart_image(figure, width))
    return [PageBreak(), *story] if story else []
