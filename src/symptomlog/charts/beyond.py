"""Charts for the items beyond ESAS-r: the bowels, and a strip of the graded side effects.

Built like the jaundice strip and the weight chart (the same cycle bands, date axis
and carer markers), so the team reads them the same way. Labels and levels come
from the item registry; the reference lines are the thresholds in force.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from matplotlib.figure import Figure

from symptomlog.analysis.daily import Day, calendar
from symptomlog.charts.builders import (
    DEFAULT_LIMITS,
    _cycle_bands,
    _date_axis,
    _plot_series,
    _prepare,
    _reference_line,
    xs,
)
from symptomlog.charts.style import OKABE_ITO
from symptomlog.domain import ChemoCycle
from symptomlog.domain.fields import GRADED_SIDE_EFFECTS, ITEM_BY_NAME

LEVEL_SIZES = (0, 4, 6, 8, 10)
"""Marker size by graded level: a worse answer is a bigger mark (never colour alone)."""


def bowels_chart(
    days: dict[date, Day],
    cycles: Sequence[ChemoCycle],
    start: date,
    end: date,
    figure: Figure | None = None,
    limits: Mapping[str, float] | None = None,
) -> Figure:
    """Stools above usual (diarrhoea) above, days since the bowels opened below."""
    limits = limits or DEFAULT_LIMITS
    figure = _prepare(figure, (10.0, 4.0), left=0.09)
    loose, stuck = figure.subplots(2, 1, sharex=True)
    period = calendar(start, end)
    for axes, name, index in (
        (loose, "stools_above_usual", 2),
        (stuck, "days_since_bowels_opened", 3),
    ):
        _cycle_bands(axes, cycles, start, end, labels=axes is loose)
        _plot_series(axes, days, name, period, index, ITEM_BY_NAME[name].label)
        axes.set_ylim(bottom=-0.3)
    _reference_line(
        loose, limits["stools_amber"], f"{limits['stools_amber']:g}: tell the team", ":", end
    )
    _reference_line(loose, limits["stools_red"], f"{limits['stools_red']:g}: call now", "--", end)
    loose.set_ylim(top=max(limits["stools_red"] + 1, loose.get_ylim()[1]))
    loose.set_ylabel("stools")
    _reference_line(stuck, limits["bowels_days"], f"{limits['bowels_days']:g} days", ":", end)
    stuck.set_ylim(top=max(limits["bowels_days"] + 1, stuck.get_ylim()[1]))
    stuck.set_ylabel("days")
    # One series per panel, named in its title: no legend to crowd the threshold labels.
    for axes, title in (
        (loose, "Bowels: stools above usual in 24 h (0 = normal for me; hollow: a carer's)"),
        (stuck, "Days since the bowels last opened"),
    ):
        _date_axis(axes, start, end)
        axes.set_title(title, fontsize=10, loc="left")
    return figure


def side_effects_chart(
    days: dict[date, Day],
    cycles: Sequence[ChemoCycle],
    start: date,
    end: date,
    figure: Figure | None = None,
) -> Figure:
    """A row per graded side effect, a mark on each day sized by the level chosen."""
    figure = _prepare(figure, (10.0, 2.6), left=0.16)
    axes = figure.subplots(1, 1)
    period = calendar(start, end)
    _cycle_bands(axes, cycles, start, end)
    rows = len(GRADED_SIDE_EFFECTS)
    for row, item in enumerate(GRADED_SIDE_EFFECTS):
        y = rows - 1 - row
        said = {d: days[d].get(item.name) for d in period if d in days}
        none = [d for d, v in said.items() if v == 0]
        axes.plot(
            xs(none), [y] * len(none), "|", color="#BBBBBB", markersize=5, gid=f"none:{item.name}"
        )
        for level in range(1, item.maximum + 1):
            on = [d for d, v in said.items() if v == level]
            axes.plot(
                xs(on),
                [y] * len(on),
                linestyle="none",
                marker="o",
                markersize=LEVEL_SIZES[min(level, 4)],
                color=OKABE_ITO[3 if level < item.maximum else 4],
                gid=f"level{level}:{item.name}",
            )
    axes.set_yticks(range(rows), [i.label for i in reversed(GRADED_SIDE_EFFECTS)], fontsize=8)
    axes.set_ylim(-0.6, rows - 0.4)
    axes.set_title(
        "Side effects (● bigger = worse, orange = the worst answer; | none; blank not asked)",
        fontsize=10,
        loc="left",
    )
    _date_axis(axes, start, end)
    return figure
