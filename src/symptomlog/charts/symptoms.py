"""Symptom charts as small multiples: one panel per symptom, one time axis.

Three 0–10 lines on one plot over six months cross each other every few days and
become a tangle a tired reader cannot follow. One panel per symptom, stacked on a
shared date axis, shows each trend on its own and still lines the symptoms up day
by day and against the cycle bands. The same holds for the chart by day of the
cycle: one panel per ticked symptom, never one chosen silently.

``scale`` enlarges every text (the app's large text); the PDF uses the default 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator, NullLocator

from symptomlog.analysis.cycle_day import by_cycle, mean_by_cycle_day
from symptomlog.analysis.daily import Day, calendar
from symptomlog.analysis.trends import item_values
from symptomlog.charts.builders import _cycle_bands, _date_axis, _plot_series, _prepare
from symptomlog.charts.fit import LINE_EM, TITLE_Y, fit, inches
from symptomlog.charts.medicines import MedicineMarks, draw_doses, mark_events
from symptomlog.charts.style import series_style
from symptomlog.domain import ChemoCycle
from symptomlog.domain.fields import label_of

TITLE_PT = 10.0
PANEL_PT = 9.0
TICK_PT = 8.0
CARER_SHORT = "hollow marker: a carer's value"
DOSES = "as-needed doses"
"""The row of the doses panel among the symptoms' rows."""
NO_CYCLES = "No chemotherapy cycles in this period: add them in Cycles to see this chart."


def panel_size(count: int, width: float = 10.0) -> tuple[float, float]:
    """A figure tall enough for ``count`` panels (the PDF's size; the screen resizes it)."""
    return (width, max(3.0, 1.0 + 1.35 * max(count, 1)))


def _panels(figure: Figure, count: int) -> list[Axes]:
    """Stacked panels on one time axis. Only the bottom one has ticks along x: the others
    get the same limits but no x ticks at all (not just hidden labels), because making
    and drawing ticks is most of what an extra panel costs in a five-year redraw."""
    grid = figure.subplots(max(count, 1), 1, squeeze=False)
    panels = [row[0] for row in grid]
    for axes in panels[:-1]:
        axes.xaxis.set_major_locator(NullLocator())
    return panels


def _same_x(panels: list[Axes]) -> None:
    """The bottom panel's x limits on every panel (the shared time axis)."""
    limits = panels[-1].get_xlim()
    for axes in panels[:-1]:
        axes.set_xlim(limits)


def _heading(figure: Figure, text: str) -> float:
    """The figure's title above the top panel; returns the inches it takes."""
    figure.text(0.01, 0.995, text, ha="left", va="top", fontsize=TITLE_PT, gid="heading")
    return LINE_EM * inches(TITLE_PT)


def _panel_title(axes: Axes, name: str) -> None:
    axes.set_gid(f"panel:{name}")
    axes.set_title(label_of(name), loc="left", fontsize=PANEL_PT, fontweight="bold", y=TITLE_Y)
    axes.set_ylim(-0.3, 10.3)
    axes.set_yticks([0, 5, 10])
    axes.tick_params(axis="y", labelsize=TICK_PT)


def symptom_chart(
    days: dict[date, Day],
    cycles: Sequence[ChemoCycle],
    start: date,
    end: date,
    names: Sequence[str] = ("pain", "nausea", "fatigue"),
    figure: Figure | None = None,
    *,
    scale: float = 1.0,
    marks: MedicineMarks | None = None,
) -> Figure:
    """0–10 scores (worst of each day), one panel per symptom, against the cycle bands.

    With ``marks``: the as-needed doses per day in a panel under pain, and the events
    as labelled lines across every panel (``charts.medicines``)."""
    rows: list[str] = list(names)
    if marks is not None and marks.has_doses(start, end):
        rows.insert(rows.index("pain") + 1 if "pain" in rows else len(rows), DOSES)
    figure = _prepare(figure, panel_size(len(rows)))
    panels = _panels(figure, len(rows))
    period = calendar(start, end)
    series = 0
    for index, (axes, name) in enumerate(zip(panels, rows, strict=False)):
        _cycle_bands(axes, cycles, start, end, labels=index == 0)
        if name == DOSES and marks is not None:
            draw_doses(axes, marks, start, end)
            continue
        _plot_series(axes, days, name, period, series, label_of(name))
        _panel_title(axes, name)
        series += 1
    _date_axis(panels[-1], start, end)
    for axes in panels[:-1]:
        axes.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    _same_x(panels)
    panels[0].set_title(CARER_SHORT, loc="right", fontsize=TICK_PT, y=TITLE_Y)
    if marks is not None:
        mark_events(figure, marks.events, start, end)
    extra = _heading(figure, f"Symptoms 0–10, worst of the day: {start:%d %b %Y} – {end:%d %b %Y}")
    fit(figure, scale, top_extra=extra * scale)
    return figure


def _cycle_day_panel(
    axes: Axes, days: dict[date, Day], cycles: Sequence[ChemoCycle], name: str, longest: int
) -> None:
    """A faint line per cycle and the bold mean of all cycles, for one symptom."""
    values = item_values(days, name)
    colour = series_style(0).colour
    days_of_cycle = list(range(1, longest + 1))
    for label, by_day in by_cycle(cycles, values).items():
        if by_day:
            ys = [by_day.get(d, math.nan) for d in days_of_cycle]
            axes.plot(days_of_cycle, ys, color=colour, alpha=0.3, linewidth=1, gid=f"cycle:{label}")
    mean = mean_by_cycle_day(cycles, values)
    if mean:
        axes.plot(
            days_of_cycle,
            [mean.get(d, math.nan) for d in days_of_cycle],
            color="#000000",
            linewidth=2.6,
            marker="o",
            markersize=3,
            gid="mean",
        )
    _panel_title(axes, name)
    axes.grid(color="#EEEEEE", linewidth=0.6)


def cycle_day_chart(
    days: dict[date, Day],
    cycles: Sequence[ChemoCycle],
    name: str = "nausea",
    figure: Figure | None = None,
    *,
    names: Sequence[str] | None = None,
    scale: float = 1.0,
) -> Figure:
    """Symptoms by day of the cycle, one panel each (``names``, else ``name``)."""
    chosen = list(names) if names else [name]
    figure = _prepare(figure, panel_size(len(chosen)))
    panels = _panels(figure, len(chosen))
    longest = max((c.cycle_days for c in cycles), default=14)
    for axes, item in zip(panels, chosen, strict=True):
        _cycle_day_panel(axes, days, cycles, item, longest)
        axes.set_xlim(0.5, longest + 0.5)
        axes.tick_params(axis="x", labelsize=TICK_PT)
    for axes in panels:
        axes.xaxis.set_major_locator(MultipleLocator(7))  # the weeks of the cycle
    for axes in panels[:-1]:
        axes.tick_params(axis="x", labelbottom=False)
    if not cycles:
        panels[0].text(
            0.5, 0.5, NO_CYCLES, transform=panels[0].transAxes, ha="center", gid="why-empty"
        )
    panels[-1].set_xlabel("day of the cycle (day 1 = drugs given)", fontsize=PANEL_PT)
    extra = _heading(figure, "By day of the cycle: faint, each cycle; bold, the mean of all")
    fit(figure, scale, top_extra=extra * scale)
    return figure
