"""Dates along a chart's bottom in the app's own words ("Wed 25 Nov", "25 Nov", "Nov 2026").

matplotlib's default labels are ISO dates ("2026-11-25"), which the rest of the app
never shows. The labels get shorter as the period gets longer, and there are only
as many as fit the plot's width at the current text size (so large text does not
make them run into each other, at any window size).
"""

from __future__ import annotations

import itertools
from datetime import date

from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.ticker import Formatter

DAY_NAMES_UP_TO = 21
"""Periods up to three weeks name the weekday ("Wed 25 Nov")."""
DAY_MONTH_UP_TO = 400
"""Up to about a year, "25 Nov"; beyond, "Nov 2026"."""


def date_pattern(span_days: int) -> str:
    if span_days <= DAY_NAMES_UP_TO:
        return "%a %d %b"
    if span_days <= DAY_MONTH_UP_TO:
        return "%d %b"
    return "%b %Y"


def date_label(day: date, span_days: int) -> str:
    """One tick's label for a period of ``span_days`` days."""
    return day.strftime(date_pattern(span_days))


class AppDateFormatter(Formatter):
    """Tick labels in the app's date format, chosen by the period's length."""

    def __init__(self, start: date, end: date) -> None:
        self.span = (end - start).days + 1

    def __call__(self, value: float, pos: int | None = None) -> str:
        return date_label(num2date(value).date(), self.span)


class FittingDateLocator(AutoDateLocator):
    """matplotlib's automatic date ticks, no more of them than fit the plot's width."""

    def __init__(self, start: date, end: date) -> None:
        super().__init__(minticks=2, maxticks=8, interval_multiples=True)
        sample = date(2026, 11, 25)  # a label of the longest kind: "Wed 25 Nov"
        self.label_chars = len(date_label(sample, (end - start).days + 1)) + 3

    def __call__(self):
        axis = self.axis
        axes = getattr(axis, "axes", None)
        if axes is not None:
            size = axis.get_tick_params(which="major").get("labelsize", 10.0)  # type: ignore[union-attr]
            size = size if isinstance(size, int | float) else 10.0
            label = self.label_chars * 0.62 * size / 72.0  # inches, with room between
            width = axes.bbox.width / axes.figure.dpi
            most = max(2, int(width / label))
            self.maxticks = dict.fromkeys(self._freqs, most)
        return even_steps(list(super().__call__()))


def even_steps(ticks: list[float]) -> list[float]:
    """Drop a tick that comes much sooner than the usual step.

    Day ticks every few days restart on the 1st of each month ("25 Sep, 29 Sep,
    01 Oct"), which put two labels nearly on top of each other; the 1st goes.
    """
    if len(ticks) < 3:
        return ticks
    steps = sorted(b - a for a, b in itertools.pairwise(ticks))
    usual = steps[len(steps) // 2]
    kept = [ticks[0]]
    for tick in ticks[1:]:
        if tick - kept[-1] >= 0.75 * usual:
            kept.append(tick)
    return kept
