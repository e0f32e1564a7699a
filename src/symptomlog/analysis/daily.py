"""One value per day from several entries, by a rule that suits each item.

A day can hold a morning and an evening entry, by the patient and by a carer.
For a clinician the day's worst symptom matters; vomiting is a count each entry
makes for the last 24 hours, so the largest counts (two entries are never added up),
the last weighing of the day counts, the highest temperature counts, and a
jaundice sign seen once that day was present that day. A value nobody recorded
stays ``None``: a missing day is a gap, never a zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.fields import MEASURE_BY_NAME, SCALE_BY_NAME, SIGN_BY_NAME, VALUE_FIELDS

Value = float | int | bool | None


@dataclass(frozen=True)
class Day:
    """The values of one calendar day, and who recorded them."""

    day: date
    values: dict[str, Value]
    recorders: frozenset[Recorder] = field(default_factory=frozenset)
    entry_count: int = 0

    def get(self, name: str) -> Value:
        return self.values.get(name)

    @property
    def by_carer(self) -> bool:
        return Recorder.CARER in self.recorders


def _combine(name: str, values: list[Value]) -> Value:
    present = [v for v in values if v is not None]
    if not present:
        return None
    if name in SIGN_BY_NAME:
        return any(present)
    if name == "weight_kg":
        return present[-1]  # entries arrive oldest first: the day's last weighing
    if name in SCALE_BY_NAME or name in MEASURE_BY_NAME:
        return max(present)  # worst symptom, highest temperature
    raise KeyError(name)


def daily_values(entries: Iterable[Entry]) -> dict[date, Day]:
    """Days that have at least one entry, keyed by date (entries in any order)."""
    by_day: dict[date, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.recorded_at):
        by_day.setdefault(entry.recorded_at.date(), []).append(entry)
    return {
        day: Day(
            day,
            {name: _combine(name, [getattr(e, name) for e in group]) for name in VALUE_FIELDS},
            frozenset(e.recorded_by for e in group),
            len(group),
        )
        for day, group in by_day.items()
    }


def calendar(start: date, end: date) -> list[date]:
    """Every day from start to end inclusive."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def series(days: dict[date, Day], name: str, start: date, end: date) -> list[float | None]:
    """The item's value on every calendar day of the period, None where not recorded."""
    result: list[float | None] = []
    for day in calendar(start, end):
        value = days[day].get(name) if day in days else None
        result.append(None if value is None else float(value))
    return result
