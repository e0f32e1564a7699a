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
from symptomlog.domain.fields import MEASURE_BY_NAME, SIGN_BY_NAME, VALUE_FIELDS, WHOLE_BY_NAME

Value = float | int | bool | None


@dataclass(frozen=True)
class Day:
    """The values of one calendar day, and who recorded them."""

    day: date
    values: dict[str, Value]
    recorders: frozenset[Recorder] = field(default_factory=frozenset)
    entry_count: int = 0
    sources: dict[str, Recorder] = field(default_factory=dict)
    """Who gave each value of the day (see ``source``); absent for values not recorded."""

    def get(self, name: str) -> Value:
        return self.values.get(name)

    def source(self, name: str) -> Recorder | None:
        """Who gave the day's value of this item, not merely who wrote that day.

        A chart shows one value a day (the worst score, the highest temperature), so
        its marker is marked as a carer's only when that very value came from a
        carer's entry: the patient's own 38.1 °C stays the patient's even if a carer
        also wrote 37.2 °C that day. When the patient (or a clinician) and a carer
        gave the same value, it counts as the patient's own.
        """
        return self.sources.get(name)

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
    if name in WHOLE_BY_NAME or name in MEASURE_BY_NAME:
        return max(present)  # worst symptom, highest temperature, most stools
    raise KeyError(name)


def _source(name: str, value: Value, group: list[Entry]) -> Recorder | None:
    """The recorder of the entry that gave the day's value, the patient's own first."""
    if value is None:
        return None
    if name == "weight_kg":
        deciders = [e for e in group if e.weight_kg is not None][-1:]
    else:
        deciders = [e for e in group if getattr(e, name) == value]
    recorders = [e.recorded_by for e in deciders]
    own = [r for r in recorders if r is not Recorder.CARER]
    return own[0] if own else Recorder.CARER


def _day(day: date, group: list[Entry]) -> Day:
    if len(group) == 1:  # most days: one entry, one recorder (five years: a quick path)
        return _one_entry_day(day, group[0])
    values = {name: _combine(name, [getattr(e, name) for e in group]) for name in VALUE_FIELDS}
    sources = {}
    for name, value in values.items():
        source = _source(name, value, group)
        if source is not None:
            sources[name] = source
    return Day(day, values, frozenset(e.recorded_by for e in group), len(group), sources)


def _one_entry_day(day: date, entry: Entry) -> Day:
    """A day of one entry: its own values are the day's (a sign as yes/no, as ``_combine``
    gives it). Charts read every day of five years when first shown; combining each
    value of one entry with nothing else was half of that first look (measured)."""
    values: dict[str, Value] = {}
    for name in VALUE_FIELDS:
        value = getattr(entry, name)
        values[name] = bool(value) if value is not None and name in SIGN_BY_NAME else value
    who = entry.recorded_by
    sources = {name: who for name, value in values.items() if value is not None}
    return Day(day, values, frozenset((who,)), 1, sources)


def daily_values(entries: Iterable[Entry]) -> dict[date, Day]:
    """Days that have at least one entry, keyed by date (entries in any order)."""
    by_day: dict[date, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.recorded_at):
        by_day.setdefault(entry.recorded_at.date(), []).append(entry)
    return {day: _day(day, group) for day, group in by_day.items()}


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
