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
    NONE,
    _cycle_bands,
    _date_axis,
    _plot_series,
    _prepare,
    _reference_line,
    label_rows,
    mark_row,
)
from symptomlog.charts.fit import TITLE_Y
from symptomlog.charts.style import OKABE_ITO
from symptomlog.domain import ChemoCycle
from symptomlog.domain import thresholds as th
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
        axes.set_title(title, fontsize=10, loc="left", y=TITLE_Y)
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
        mark_row(axes, y, none, f"none:{item.name}", marker="|", size=5, colour=NONE)
        for level in range(1, item.maximum + 1):
            on = [d for d, v in said.items() if v == level]
            colour = OKABE_ITO[3 if level < item.maximum else 4]
            size = LEVEL_SIZES[min(level, 4)]
            mark_row(axes, y, on, f"level{level}:{item.name}", marker="o", size=size, colour=colour)
    label_rows(axes, [i.label for i in GRADED_SIDE_EFFECTS])
    axes.set_title(
        "Side effects (● bigger = worse, orange = the worst answer; | none; blank not asked)",
        fontsize=10,
        loc="left",
        y=TITLE_Y,
    )
    _date_axis(axes, start, end)
    return figure


MEASURED = (
    ("abdominal_girth_cm", "cm", 5),
    ("blood_glucose_mmol", "mmol/L", 4),
    ("activity_level", "level", 3),
)


def measurements_chart(
    days: dict[date, Day],
    cycles: Sequence[ChemoCycle],
    start: date,
    end: date,
    figure: Figure | None = None,
    limits: Mapping[str, float] | None = None,
) -> Figure:
    """Abdominal girth, blood glucose (with the hypo and high lines) and what I could do
    today, one panel each on one time axis; a panel only for what was recorded."""
    limits = limits or DEFAULT_LIMITS
    period = calendar(start, end)
    names = [m for m in MEASURED if any(d.get(m[0]) is not None for d in days.values())]
    names = names or list(MEASURED[:1])
    figure = _prepare(figure, (10.0, 1.6 + 1.3 * len(names)), left=0.09)
    axes_list = figure.subplots(len(names), 1, sharex=True, squeeze=False)[:, 0]
    for axes, (name, unit, index) in zip(axes_list, names, strict=True):
        _cycle_bands(axes, cycles, start, end, labels=axes is axes_list[0])
        _plot_series(axes, days, name, period, index, ITEM_BY_NAME[name].label)
        axes.set_ylabel(unit)
        _date_axis(axes, start, end)
        axes.set_title(ITEM_BY_NAME[name].label, fontsize=10, loc="left", y=TITLE_Y)
        if name == "blood_glucose_mmol":
            _reference_line(axes, th.GLUCOSE_LOW, f"{th.GLUCOSE_LOW:g}: a hypo", "--", end)
            high = limits["glucose_high"]
            _reference_line(axes, high, f"{high:g}: tell the team", ":", end)
            low_y, high_y = axes.get_ylim()
            axes.set_ylim(min(low_y, th.GLUCOSE_LOW - 1), max(high_y, high + 1))  # both lines
        if name == "activity_level":
            axes.set_ylim(4.3, -0.3)  # 0 (everything as before) at the top
            axes.set_yticks(range(5))
            axes.set_title(
                "What I could do today (0 everything as before … 4 in bed all day)",
                fontsize=10,
                loc="left",
                y=TITLE_Y,
            )
    return figure
