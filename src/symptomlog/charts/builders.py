"""The charts' shared parts, and weight, jaundice and temperature (symptoms: ``symptoms``).

Every builder draws only the days that have a value: a missing day is a gap in the
line (NaN), never a zero and never interpolated. Days recorded by a carer get
hollow markers. Cycle bands are shaded and labelled C1, C2 …, with a tick at the
bottom on each drug day, so a symptom can be read against the chemotherapy.
Artists that tests and the hover look for carry a ``gid``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from symptomlog.analysis.cycle_day import ordered
from symptomlog.analysis.daily import Day, calendar
from symptomlog.analysis.weight import Baseline
from symptomlog.charts.dates import AppDateFormatter, FittingDateLocator
from symptomlog.charts.fit import TITLE_Y
from symptomlog.charts.style import (
    BAND_COLOURS,
    CARER_NOTE,
    OKABE_ITO,
    REFERENCE_COLOUR,
    series_style,
)
from symptomlog.domain import ChemoCycle, Recorder
from symptomlog.domain.fields import SIGNS
from symptomlog.domain.thresholds import effective

DEFAULT_SIZE = (10.0, 4.0)
DEFAULT_LIMITS = effective({})
LABEL_EVERY_CYCLE_DAYS = 200
"""Up to about six months each band is labelled C1, C2 …; beyond, labels would overlap."""
WEIGHT_LINES = (-5, -10, -20)


MARGINS = {"left": 0.07, "right": 0.84, "top": 0.91, "bottom": 0.1}
"""Fixed margins, with room on the right for the legend and the reference labels.
Constrained layout would adapt them but costs a third of a five-year redraw."""


def new_figure(size: tuple[float, float] = DEFAULT_SIZE, left: float = 0.07) -> Figure:
    figure = Figure(figsize=size)
    figure.subplots_adjust(**{**MARGINS, "left": left})
    return figure


def _prepare(
    figure: Figure | None, size: tuple[float, float] = DEFAULT_SIZE, left: float = 0.07
) -> Figure:
    """A new figure, or the caller's (the Charts view reuses its canvas's) with our margins."""
    if figure is None:
        return new_figure(size, left)
    figure.set_layout_engine(None)
    figure.subplots_adjust(**{**MARGINS, "left": left})
    return figure


_REFERENCE = date(2000, 1, 1)
_OFFSET = float(date2num(_REFERENCE)) - _REFERENCE.toordinal()
"""matplotlib's day number minus the proleptic ordinal: the same for every date."""


def x(day: date) -> float:
    """A date as matplotlib's day number, by arithmetic (date2num costs ~25 µs a call)."""
    return day.toordinal() + _OFFSET


def xs(days: Sequence[date]) -> list[float]:
    return [day.toordinal() + _OFFSET for day in days]


def _values(days: dict[date, Day], name: str, period: list[date]) -> list[float]:
    """The item on every day of the period, NaN where nothing was recorded (a gap)."""
    result = []
    for day in period:
        value = days[day].get(name) if day in days else None
        result.append(math.nan if value is None else float(value))
    return result


def _plot_series(
    axes: Axes, days: dict[date, Day], name: str, period: list[date], index: int, label: str
) -> None:
    """A line with gaps, filled markers, and hollow ones where the day's value is a carer's.

    Each day shows one value (the worst score, the highest temperature), so its marker
    says who gave that value (``Day.source``), not whether anyone else wrote that day.
    """
    style = series_style(index)
    values = _values(days, name, period)
    line = axes.plot(
        xs(period),
        values,
        label=label,
        linewidth=1.4,
        markersize=4,
        color=style.colour,
        marker=style.marker,
        linestyle=style.linestyle,
    )[0]
    line.set_gid(f"series:{name}")
    recorded = [(d, v) for d, v in zip(period, values, strict=True) if not math.isnan(v)]
    carer = [(d, v) for d, v in recorded if days[d].source(name) is Recorder.CARER]
    colour = style.colour
    if carer:  # a larger white-filled marker over each carer's day
        axes.plot(
            xs([d for d, _ in carer]),
            [v for _, v in carer],
            linestyle="none",
            marker=style.marker,
            markersize=6,
            markerfacecolor="white",
            markeredgewidth=1.4,
            color=colour,
            gid=f"carer:{name}",
        )


def cycle_label(cycle: ChemoCycle, several_lines: bool) -> str:
    """C3, or L2 C1 when there is more than one line of treatment (both start at C1)."""
    return f"L{cycle.line} {cycle.label}" if several_lines else cycle.label


def _cycle_bands(
    axes: Axes, cycles: Sequence[ChemoCycle], start: date, end: date, labels: bool = True
) -> int:
    """Shade each cycle inside the period, label it C1, C2 … and tick its drug days.

    All bands are one collection and all ticks another: five years hold over a
    hundred cycles, and one artist each keeps the redraw quick.
    """
    spans: list[tuple[float, float]] = []
    colours: list[str] = []
    doses: list[float] = []
    across = axes.get_xaxis_transform()  # x in data, y from 0 (bottom) to 1 (top)
    several_lines = len({c.line for c in cycles}) > 1
    every_cycle = (end - start).days <= LABEL_EVERY_CYCLE_DAYS
    lines_labelled: set[int] = set()
    for index, cycle in enumerate(ordered(cycles)):
        first = max(cycle.start, start)
        last = min(cycle.start + timedelta(days=cycle.cycle_days), end + timedelta(days=1))
        if last <= first:
            continue
        spans.append((x(first), float((last - first).days)))
        colours.append(BAND_COLOURS[index % 2])
        doses += [x(d) for d in cycle.drug_dates() if start <= d <= end]
        if labels and (every_cycle or cycle.line not in lines_labelled):
            text = cycle_label(cycle, several_lines)
            if not every_cycle:  # a long period: name each line of treatment once instead
                text = f"L{cycle.line} {cycle.regimen_name} from {cycle.label}"
            lines_labelled.add(cycle.line)
            axes.text(
                x(first) + 0.5,
                0.985,
                text,
                transform=across,
                fontsize=7,
                ha="left",
                va="top",
                color="#222222",
                gid="cycle-label",
            )
    if spans:
        axes.broken_barh(
            spans,
            (0, 1),
            transform=across,
            facecolors=colours,
            linewidth=0,
            zorder=0,
            gid="cycle-bands",
        )
    if doses:
        axes.vlines(
            doses, 0, 0.05, transform=across, colors="#333333", linewidth=1.2, gid="drug-days"
        )
    return len(spans)


def _date_axis(axes: Axes, start: date, end: date) -> None:
    """Dates in the app's words ("Wed 25 Nov", "25 Nov"), as many as fit the width."""
    axes.xaxis_date()
    axes.set_xlim(x(start), x(end + timedelta(days=1)))
    axes.xaxis.set_major_locator(FittingDateLocator(start, end))
    axes.xaxis.set_major_formatter(AppDateFormatter(start, end))
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    axes.tick_params(axis="x", labelsize=8)


def _finish(axes: Axes, start: date, end: date, title: str) -> None:
    """Dates along the bottom, the title at the left, the legend outside on the right."""
    _date_axis(axes, start, end)
    axes.set_title(title, fontsize=10, loc="left", y=TITLE_Y)
    _legend(axes)


def _legend(axes: Axes, note: str = CARER_NOTE) -> None:
    handles, labels = axes.get_legend_handles_labels()
    if handles:
        axes.legend(
            handles,
            labels,
            fontsize=8,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            title=note,
            title_fontsize=7,
            frameon=False,
        )


def _reference_line(
    axes: Axes, level: float, label: str, style: str, end: date, gid: str = "reference-line"
) -> None:
    """A grey horizontal guide (a weight-loss grade, a fever threshold, the doses a day
    that raise an amber), labelled in words just right of the plot: no legend entry."""
    axes.axhline(level, color=REFERENCE_COLOUR, linestyle=style, linewidth=1, gid=gid)
    axes.text(
        x(end + timedelta(days=1)),
        level,
        f" {label}",
        fontsize=7,
        va="center",
        ha="left",
        color=REFERENCE_COLOUR,
        clip_on=False,
    )


def weight_chart(
    days: dict[date, Day],
    base: Baseline | None,
    start: date,
    end: date,
    cycles: Sequence[ChemoCycle] = (),
    figure: Figure | None = None,
) -> Figure:
    """Weight with the baseline and the −5/−10/−20 % lines (CTCAE v5.0 grade limits).

    ``base`` comes from the whole history (``analysis.weight.baseline_of``), never
    from the days drawn: the chart and the first page must measure from one weight.
    """
    figure = _prepare(figure)
    axes = figure.add_subplot()
    period = calendar(start, end)
    _cycle_bands(axes, cycles, start, end)
    _plot_series(axes, days, "weight_kg", period, 3, "Weight (kg)")
    if base is not None:
        kg = base.kg
        line = axes.axhline(kg, color="#000000", linewidth=1.2, gid="baseline")
        line.set_label(f"baseline {kg:g} kg")
        for percent in WEIGHT_LINES:
            _reference_line(axes, kg * (1 + percent / 100), f"{percent} %", ":", end)
        axes.set_ylim(kg * 0.76, kg * 1.05)
    axes.set_ylabel("kg")
    _finish(
        axes, start, end, "Weight against baseline (CTCAE v5.0: grade 1 −5 %, 2 −10 %, 3 −20 %)"
    )
    return figure


def temperature_chart(
    days: dict[date, Day],
    cycles: Sequence[ChemoCycle],
    start: date,
    end: date,
    figure: Figure | None = None,
    *,
    limits: Mapping[str, float] | None = None,
) -> Figure:
    """The day's highest temperature with the fever and low-temperature lines in force.

    ``limits`` are the patient's thresholds (``domain.thresholds.effective``): a team
    that calls at 38.0 °C sees its own line, not the default 37.5 °C.
    """
    fever = (limits or DEFAULT_LIMITS)["fever_c"]
    cold = (limits or DEFAULT_LIMITS)["low_temp_c"]
    figure = _prepare(figure)
    axes = figure.add_subplot()
    period = calendar(start, end)
    _cycle_bands(axes, cycles, start, end)
    _plot_series(axes, days, "temperature_c", period, 4, "highest of the day")
    _reference_line(axes, fever, f"{fever:.1f} °C", "--", end)
    _reference_line(axes, cold, f"{cold:.1f} °C", ":", end)
    values = [v for v in _values(days, "temperature_c", period) if not math.isnan(v)]
    low = min([cold - 0.5, *values]) - 0.2
    high = max([fever + 1.0, *values]) + 0.2
    axes.set_ylim(low, high)
    axes.set_ylabel("°C")
    _finish(
        axes,
        start,
        end,
        f"Temperature (call the 24-hour line at {fever:.1f} °C or above, or below {cold:.1f} °C, "
        "on chemotherapy)",
    )
    return figure


NONE = "#BBBBBB"
"""The grey tick of "answered no" / "none" on a strip chart."""


def mark_row(
    axes: Axes, row: int, days: Sequence[date], gid: str, *, marker: str, size: float, colour: str
) -> None:
    """Marks on one row of a strip chart (jaundice signs, side effects), one per day."""
    axes.plot(
        xs(days),
        [row] * len(days),
        linestyle="none",
        marker=marker,
        markersize=size,
        color=colour,
        gid=gid,
    )


def label_rows(axes: Axes, labels: Sequence[str]) -> None:
    """A strip chart's rows named top to bottom in the order given."""
    axes.set_yticks(range(len(labels)), list(reversed(labels)), fontsize=8)
    axes.set_ylim(-0.6, len(labels) - 0.4)


def jaundice_chart(
    days: dict[date, Day],
    cycles: Sequence[ChemoCycle],
    start: date,
    end: date,
    figure: Figure | None = None,
) -> Figure:
    """A row per jaundice sign, marked on the days it was present, with itch below."""
    figure = _prepare(figure, (10.0, 3.6), left=0.11)
    signs_axes, itch_axes = figure.subplots(
        2, 1, sharex=True, gridspec_kw={"height_ratios": [1.2, 1]}
    )
    period = calendar(start, end)
    _cycle_bands(signs_axes, cycles, start, end)
    for row, sign in enumerate(SIGNS):
        seen = [d for d in period if d in days and days[d].get(sign.name)]
        said_no = [d for d in period if d in days and days[d].get(sign.name) is False]
        y = len(SIGNS) - 1 - row
        mark_row(signs_axes, y, said_no, f"no:{sign.name}", marker="|", size=5, colour=NONE)
        mark_row(
            signs_axes, y, seen, f"present:{sign.name}", marker="s", size=6, colour=OKABE_ITO[4]
        )
    label_rows(signs_axes, [s.label for s in SIGNS])
    signs_axes.set_title(
        "Signs of jaundice (■ present, | answered no, blank not recorded)",
        fontsize=10,
        loc="left",
        y=TITLE_Y,
    )
    _cycle_bands(itch_axes, cycles, start, end, labels=False)
    _plot_series(itch_axes, days, "itch", period, 5, "Itch 0–10")
    itch_axes.set_ylim(-0.3, 10.3)
    itch_axes.set_yticks([0, 5, 10])
    itch_axes.set_ylabel("itch")
    _date_axis(signs_axes, start, end)
    _date_axis(itch_axes, start, end)
    return figure
