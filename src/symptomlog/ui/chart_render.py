"""The Charts view's work that runs off the window's thread: reading the diary and
drawing the chart into a picture.

On five years the first switch to Charts read the diary for 140 ms and drew for
60 ms more, and "All" drew for 230 ms (twice: once for the new height), all on
the window's thread, so the window froze past the 100 ms budget of ``make bench``.
Here both are plain functions with no Qt in them: ``ui/charts_panel`` runs them on a
helper thread (``ui/latest.Latest``) and shows the picture when it is ready. The
figure is the very one the PDF would draw, by the same builders (``charts``),
rendered by matplotlib's Agg at the size and pixel density of the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from symptomlog.analysis.daily import Day, daily_values
from symptomlog.analysis.trends import item_values
from symptomlog.analysis.weight import baseline_of
from symptomlog.domain import ChemoCycle, Profile
from symptomlog.domain.thresholds import effective
from symptomlog.drawing import DRAW_LOCK
from symptomlog.store import Diary

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from symptomlog.charts.medicines import MedicineMarks

BASE_DPI = 100.0
"""matplotlib's points per inch on screen (its default); times the screen's pixel ratio."""


@dataclass(frozen=True)
class ChartData:
    """What the charts show, read once per change of the diary."""

    days: dict[date, Day]
    cycles: list[ChemoCycle]
    profile: Profile
    marks: MedicineMarks


@dataclass(frozen=True)
class ChartOrder:
    """Which chart, of what, over which days, how large (in the screen's pixels)."""

    kind: str
    names: tuple[str, ...]
    start: date
    end: date
    scale: float
    width: int
    height: int
    pixel_ratio: float = 1.0


@dataclass(frozen=True)
class Drawn:
    """A drawn chart: its figure (for the pointer and Save) and its pixels (RGBA)."""

    order: ChartOrder
    figure: Figure
    rgba: bytes
    width: int
    height: int


def read_chart_data(diary: Diary) -> ChartData:
    """Every day with entries, the cycles, the profile and the doses and events to mark.

    Only the as-needed doses are read: the charts count those, and five years of a
    regular medicine taken three times a day are thousands of rows nobody draws."""
    from symptomlog.charts.medicines import medicine_marks

    profile = diary.profile.get()
    medicines = diary.medicines.all()
    as_needed = [m.id for m in medicines if m.as_needed and m.id is not None]
    marks = medicine_marks(
        medicines,
        diary.medicines.doses(medicine_ids=as_needed),
        diary.events.between(),
        effective(profile.thresholds).get("breakthrough_doses"),
    )
    return ChartData(daily_values(diary.entries.between()), diary.cycles.all(), profile, marks)


def draw_chart(order: ChartOrder, data: ChartData) -> Drawn:
    """The ordered chart drawn at its size: the figure and its pixels.

    One chart is drawn at a time in the whole app (``DRAW_LOCK``): matplotlib's fonts
    and caches are shared by the Charts view, the report preview and a report being
    saved, each on its own thread."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    dpi = BASE_DPI * order.pixel_ratio
    with DRAW_LOCK:
        figure = Figure(figsize=(order.width / dpi, order.height / dpi), dpi=dpi)
        canvas = FigureCanvasAgg(figure)
        build_chart(figure, order, data)
        canvas.draw()
        rgba = bytes(canvas.buffer_rgba())
        width, height = canvas.get_width_height(physical=True)
    return Drawn(order, figure, rgba, width, height)


def build_chart(figure: Figure, order: ChartOrder, data: ChartData) -> None:
    """The ordered chart on ``figure``, its text at the app's size."""
    from symptomlog.charts import (
        bowels_chart,
        cycle_day_chart,
        fit,
        jaundice_chart,
        measurements_chart,
        side_effects_chart,
        symptom_chart,
        temperature_chart,
        weight_chart,
    )
    from symptomlog.charts.medicines import mark_events

    kind, days, cycles, start, end = order.kind, data.days, data.cycles, order.start, order.end
    names, scale = list(order.names), order.scale
    if kind == "symptoms":
        symptom_chart(days, cycles, start, end, names, figure=figure, scale=scale, marks=data.marks)
        return
    if kind == "cycle_day":
        inside = [c for c in cycles if start <= c.start <= end] or cycles
        latest_line = [c for c in inside if c.line == inside[-1].line] if inside else []
        cycle_day_chart(days, latest_line, figure=figure, names=names, scale=scale)
        return
    # these builders draw at the PDF's size; fit enlarges their text afterwards
    limits = effective(data.profile.thresholds)
    if kind == "weight":
        base = baseline_of(data.profile, item_values(days, "weight_kg"))
        weight_chart(days, base, start, end, cycles, figure=figure)
    elif kind == "jaundice":
        jaundice_chart(days, cycles, start, end, figure=figure)
    elif kind == "side_effects":
        side_effects_chart(days, cycles, start, end, figure=figure)
    elif kind in ("bowels", "measurements"):
        build = bowels_chart if kind == "bowels" else measurements_chart
        build(days, cycles, start, end, figure=figure, limits=limits)
    else:
        temperature_chart(days, cycles, start, end, figure=figure, limits=limits)
    mark_events(figure, data.marks.events, start, end)
    fit(figure, scale)
