"""Which line, cycle and day of it a date falls on ("L1 C3 D10"), across delays.

Symptoms after chemotherapy follow the cycle: nausea in the first days, the
blood-count nadir around days 7-14. Counting from the actual start of each
cycle (not the planned one) keeps a delayed cycle's days aligned with the drugs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from symptomlog.domain import ChemoCycle


@dataclass(frozen=True)
class CycleDay:
    """A date's place in the treatment: the cycle it belongs to and its day (day 1 = start)."""

    cycle: ChemoCycle
    day: int

    @property
    def label(self) -> str:
        """ "L2 C3 D5": with the line, because every line numbers its cycles from C1."""
        return f"{self.cycle.line_label} D{self.day}"


def ordered(cycles: Iterable[ChemoCycle]) -> list[ChemoCycle]:
    """Cycles by the day they actually started."""
    return sorted(cycles, key=lambda c: (c.start, c.line, c.number))


def cycle_day(cycles: Sequence[ChemoCycle], when: date) -> CycleDay | None:
    """The cycle a date belongs to, or None before the first cycle or after the last one ended.

    A date belongs to the latest cycle started on or before it, as long as it lies within that
    cycle's length; a gap after the last cycle of a line is "off treatment". A new line
    of treatment ends the one before: a gap before it is off treatment too (the last
    cycle of a 14-day regimen never runs on to "D21" until the next regimen starts).
    """
    chain = ordered(cycles)
    index = bisect_right([c.start for c in chain], when) - 1
    if index < 0:
        return None
    cycle = chain[index]
    day = (when - cycle.start).days + 1
    ended = index + 1 == len(chain) or cycle.ends_line or chain[index + 1].line != cycle.line
    if day > cycle.cycle_days and ended:
        return None
    return CycleDay(cycle, day)


def last_dose_before(cycles: Iterable[ChemoCycle], when: date) -> date | None:
    """The most recent drug day on or before ``when`` (for the "on chemotherapy" window)."""
    doses = [d for c in cycles for d in c.drug_dates() if d <= when]
    return max(doses) if doses else None


def next_cycle_after(cycles: Iterable[ChemoCycle], when: date) -> ChemoCycle | None:
    """The first cycle starting after ``when``: "next planned cycle" on the PDF's first page."""
    later = [c for c in ordered(cycles) if c.start > when]
    return later[0] if later else None


def mean_by_cycle_day(cycles: Sequence[ChemoCycle], values: dict[date, float]) -> dict[int, float]:
    """The mean of one symptom on each cycle day across every cycle that has a value that day."""
    sums: dict[int, list[float]] = {}
    for when, value in values.items():
        place = cycle_day(cycles, when)
        if place is not None:
            sums.setdefault(place.day, []).append(value)
    return {day: sum(v) / len(v) for day, v in sorted(sums.items())}


def by_cycle(
    cycles: Sequence[ChemoCycle], values: dict[date, float]
) -> dict[str, dict[int, float]]:
    """Each cycle's values by cycle day, keyed by the cycle's label (line-qualified if needed)."""
    result: dict[str, dict[int, float]] = {}
    lines = {c.line for c in cycles}
    for cycle in ordered(cycles):
        key = cycle.label if len(lines) == 1 else f"L{cycle.line} {cycle.label}"
        days = {}
        for offset in range(cycle.cycle_days):
            when = cycle.start + timedelta(days=offset)
            if when in values:
                days[offset + 1] = values[when]
        result[key] = days
    return result
