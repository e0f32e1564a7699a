"""What page 1 of the PDF says, computed from plain data before any layout.

Kept apart from the layout so that every number a clinician reads can be tested
directly: the symptom table (latest, 7-day mean, worst with its date, change
against the previous period of the same length, days severe), the weight block
(baseline, latest, change in kg and %, CTCAE grade, 30-day change, cachexia), the
treatment (current regimen and cycle, next planned cycle) and the flags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from symptomlog.analysis.cycle_day import cycle_day, next_cycle_after
from symptomlog.analysis.daily import Day, calendar, daily_values
from symptomlog.analysis.flags import Flag, Level, at_least, find_flags
from symptomlog.analysis.trends import PeriodSummary, item_values, summarise
from symptomlog.analysis.weight import (
    CTCAE_VERSION,
    Baseline,
    WeightChange,
    baseline_of,
    cachexia,
    change_from_baseline,
    change_over,
    ctcae_grade,
)
from symptomlog.domain import ChemoCycle, Dose, Entry, Event, Medicine, Profile, Recorder
from symptomlog.domain.doses import breakthrough_ids
from symptomlog.domain.fields import SCALES

if TYPE_CHECKING:
    from symptomlog.store import Diary

SEVERE = 7
"""ESAS-r severe band (Selby 2010): a score of 7 or more."""


@dataclass(frozen=True)
class SymptomRow:
    name: str
    label: str
    now: PeriodSummary
    previous_mean: float | None

    @property
    def change(self) -> float | None:
        """Mean of this period minus mean of the previous one (positive = worse)."""
        if self.now.mean is None or self.previous_mean is None:
            return None
        return round(self.now.mean - self.previous_mean, 1)


@dataclass(frozen=True)
class WeightBlock:
    from_baseline: WeightChange | None
    grade: int | None
    over_30_days: WeightChange | None
    cachexia: bool | None
    baseline: Baseline | None = None
    """The one baseline (profile's, else first ever weighed) the chart draws too."""


@dataclass(frozen=True)
class Note:
    when: datetime
    recorded_by: Recorder
    recorder_name: str | None
    text: str


@dataclass(frozen=True)
class ReportData:
    """Everything the report prints, for the period ``start`` to ``end`` inclusive."""

    profile: Profile
    start: date
    end: date
    generated: datetime
    entries: list[Entry]
    days: dict[date, Day]
    cycles: list[ChemoCycle]
    symptoms: list[SymptomRow]
    weight: WeightBlock
    flags: list[Flag]
    notes: list[Note] = field(default_factory=list)
    medicines: list[Medicine] = field(default_factory=list)
    doses: list[Dose] = field(default_factory=list)
    """The doses taken in the period."""
    events: list[Event] = field(default_factory=list)
    """The events from the first day of the period on (a call after the last day still
    says what happened after a red flag of the period)."""
    history: dict[date, Day] = field(default_factory=dict)
    """Every day up to ``end``, before the period too: the by-cycle-day chart draws the
    whole line of treatment, not only the cycles that fall inside the period."""

    @property
    def period_days(self) -> int:
        return (self.end - self.start).days + 1

    def count_by(self, recorder: Recorder) -> int:
        return sum(1 for e in self.entries if e.recorded_by is recorder)

    @property
    def days_without_entry(self) -> int:
        return sum(1 for d in calendar(self.start, self.end) if d not in self.days)

    @property
    def next_cycle(self) -> ChemoCycle | None:
        return next_cycle_after(self.cycles, self.end)

    def cycle_day_of(self, day: date) -> str:
        place = cycle_day(self.cycles, day)
        return place.label if place else ""


def build_data(
    entries: Sequence[Entry],
    cycles: Sequence[ChemoCycle],
    profile: Profile,
    start: date,
    end: date,
    generated: datetime | None = None,
    *,
    medicines: Sequence[Medicine] = (),
    doses: Sequence[Dose] = (),
    events: Sequence[Event] = (),
) -> ReportData:
    """The report's content for [start, end]; ``entries`` may (and should) reach further back.

    Earlier entries give the previous period for "change", the baseline weight if the
    profile has none, and the look-back of the flags; earlier doses, the breakthrough
    rule's 24 hours before the first day.
    """
    all_days = daily_values(entries)
    inside = [e for e in entries if start <= e.recorded_at.date() <= end]
    days = {d: v for d, v in all_days.items() if start <= d <= end}
    length = (end - start).days + 1
    previous_start, previous_end = start - timedelta(days=length), start - timedelta(days=1)
    rows = []
    for scale in SCALES:
        values = item_values(all_days, scale.name)
        before = summarise(values, previous_start, previous_end, SEVERE)
        rows.append(
            SymptomRow(scale.name, scale.label, summarise(values, start, end, SEVERE), before.mean)
        )
    weights = {d: v for d, v in item_values(all_days, "weight_kg").items() if d <= end}
    from_baseline = change_from_baseline(profile, weights, end)
    weight = WeightBlock(
        from_baseline,
        ctcae_grade(from_baseline.percent) if from_baseline else None,
        change_over(weights, end, 30),
        cachexia(profile, weights, end),
        baseline_of(profile, weights),
    )
    flags = at_least(
        find_flags(
            entries, cycles, profile, start, end, medicines=list(medicines), doses=list(doses)
        ),
        Level.AMBER,
    )
    notes = [
        Note(e.recorded_at, e.recorded_by, e.recorder_name, e.notes) for e in inside if e.notes
    ]
    return ReportData(
        profile=profile,
        start=start,
        end=end,
        generated=generated or datetime.now().replace(microsecond=0),
        entries=inside,
        days=days,
        cycles=list(cycles),
        symptoms=rows,
        weight=weight,
        flags=flags,
        notes=notes,
        medicines=list(medicines),
        doses=[d for d in doses if start <= d.taken_at.date() <= end],
        events=[e for e in events if e.when.date() >= start],
        history={d: v for d, v in all_days.items() if d <= end},
    )


def diary_data(
    diary: Diary, start: date, end: date, generated: datetime | None = None
) -> ReportData:
    """The report's content straight from a diary: entries up to ``end`` (earlier ones give
    the baseline and the flags' look-back), cycles, profile, medicines, doses, events."""
    medicines = diary.medicines.all()
    # the period's doses, and before it only what the flags look back on (as-needed for
    # pain): not every regular dose since the diary began
    before = start - timedelta(days=1)
    earlier = diary.medicines.doses(None, before, medicine_ids=breakthrough_ids(medicines))
    return build_data(
        diary.entries.between(None, end),
        diary.cycles.all(),
        diary.profile.get(),
        start,
        end,
        generated,
        medicines=medicines,
        doses=[*earlier, *diary.medicines.doses(start, end)],
        events=diary.events.between(start, None),
    )


__all__ = ["CTCAE_VERSION", "ReportData", "SymptomRow", "WeightBlock", "build_data"]
