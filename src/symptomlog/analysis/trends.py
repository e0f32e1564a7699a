"""Rolling means and period summaries of one item's daily values.

The 7-day mean smooths a day-to-day wobble without hiding a trend. It averages only
the days that have a value: a missing day is not a zero, and a window with no
values at all has no mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from symptomlog.analysis.daily import Day

WEEK = 7


def window_mean(values: dict[date, float], end: date, days: int = WEEK) -> float | None:
    """The mean of the values recorded in the ``days`` days ending on ``end`` (inclusive)."""
    present = [values[d] for d in (end - timedelta(days=i) for i in range(days)) if d in values]
    return sum(present) / len(present) if present else None


def rolling_mean(
    values: dict[date, float], start: date, end: date, days: int = WEEK
) -> list[float | None]:
    """The ``days``-day mean on every calendar day from start to end."""
    total = (end - start).days + 1
    return [window_mean(values, start + timedelta(days=i), days) for i in range(total)]


@dataclass(frozen=True)
class PeriodSummary:
    """How one item went over a period, as page 1 of the PDF shows it."""

    latest: float | None
    latest_date: date | None
    mean_7d: float | None
    worst: float | None
    worst_date: date | None
    days_severe: int
    mean: float | None


def summarise(
    values: dict[date, float], start: date, end: date, severe: float = 7
) -> PeriodSummary:
    """Latest, last-7-day mean, worst (first day it was reached), days at or above ``severe``."""
    inside = {d: v for d, v in values.items() if start <= d <= end}
    if not inside:
        return PeriodSummary(None, None, None, None, None, 0, None)
    last = max(inside)
    worst_value = max(inside.values())
    worst_day = min(d for d, v in inside.items() if v == worst_value)
    return PeriodSummary(
        latest=inside[last],
        latest_date=last,
        mean_7d=window_mean(inside, end),
        worst=worst_value,
        worst_date=worst_day,
        days_severe=sum(1 for v in inside.values() if v >= severe),
        mean=sum(inside.values()) / len(inside),
    )


def item_values(days: dict[date, Day], name: str) -> dict[date, float]:
    """One item's daily values from ``daily_values`` output, leaving out days without it."""
    result: dict[date, float] = {}
    for day, values in days.items():
        value = values.get(name)
        if value is not None:
            result[day] = float(value)
    return result
