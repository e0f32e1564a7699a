"""Chemotherapy cycles and the regimen templates they are made from.

A cycle keeps both its planned and its actual start: delays are common, and
the cycle day of every symptom is counted from the day the drugs were given.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Final

from symptomlog.domain.parse import EARLIEST_DATE, LATEST_DATE
from symptomlog.errors import Problem, ValidationError


@dataclass(frozen=True)
class Regimen:
    """A template: cycle length and the days of each cycle on which drugs are given."""

    key: str
    name: str
    cycle_days: int
    drug_days: tuple[int, ...]
    note: str = ""


REGIMENS: Final[dict[str, Regimen]] = {
    r.key: r
    for r in (
        Regimen(
            "mfolfirinox",
            "mFOLFIRINOX",
            14,
            (1,),
            "oxaliplatin, irinotecan, leucovorin, 5-FU 46-h pump to day 3 (PRODIGE 4/ACCORD 11)",
        ),
        Regimen(
            "nalirifox",
            "NALIRIFOX",
            28,
            (1, 15),
            "liposomal irinotecan, oxaliplatin, 5-FU/LV 46-h pump; 28-day cycles as NAPOLI-3 "
            "counts them (hospitals may number fortnightly)",
        ),
        Regimen("gem-nabpac", "Gemcitabine + nab-paclitaxel", 28, (1, 8, 15), "MPACT"),
        Regimen("gemcitabine", "Gemcitabine", 28, (1, 8, 15), "Burris 1997"),
        Regimen(
            "nal-iri-5fu",
            "Liposomal irinotecan + 5-FU/LV",
            14,
            (1,),
            "NAPOLI-1, second line",
        ),
        Regimen("capecitabine", "Capecitabine", 21, tuple(range(1, 15)), "tablets days 1-14"),
        Regimen("other", "Other", 21, (1,), "any cycle length"),
    )
}

MAX_CYCLE_DAYS: Final = 84


@dataclass(frozen=True)
class ChemoCycle:
    """One cycle of one line of treatment."""

    regimen: str
    number: int
    planned_start: date
    actual_start: date | None = None
    line: int = 1
    cycle_days: int = 0
    drug_days: tuple[int, ...] = field(default=())
    dose_note: str | None = None
    ends_line: bool = False
    id: int | None = None

    def __post_init__(self) -> None:
        template = REGIMENS.get(self.regimen)
        problems: list[Problem] = []
        if template is None:
            keys = ", ".join(REGIMENS)
            raise ValidationError(
                Problem("regimen", f"Regimen must be one of {keys} (got {self.regimen})")
            )
        if not self.cycle_days:
            object.__setattr__(self, "cycle_days", template.cycle_days)
        if not self.drug_days:
            object.__setattr__(self, "drug_days", template.drug_days)
        object.__setattr__(self, "drug_days", tuple(sorted(set(self.drug_days))))
        if not 1 <= self.cycle_days <= MAX_CYCLE_DAYS:
            problems.append(
                Problem(
                    "cycle_days",
                    f"Cycle length must be from 1 to {MAX_CYCLE_DAYS} days (got {self.cycle_days})",
                )
            )
        if any(not 1 <= d <= self.cycle_days for d in self.drug_days):
            problems.append(
                Problem("drug_days", f"Drug days must lie within the {self.cycle_days}-day cycle")
            )
        if not (1 <= self.number <= MAX_CYCLE_NUMBER and 1 <= self.line <= MAX_LINE):
            problems.append(
                Problem(
                    "number",
                    f"Cycle numbers run from 1 to {MAX_CYCLE_NUMBER} "
                    f"and lines from 1 to {MAX_LINE}",
                )
            )
        for name in ("planned_start", "actual_start"):
            value = getattr(self, name)
            if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
                label = name.replace("_", " ").capitalize()
                problems.append(
                    Problem(name, f"{label} must be between 1900 and 2100 (got {value})")
                )
        if problems:
            raise ValidationError(problems)

    @property
    def start(self) -> date:
        """The day drugs were (or will be) first given: actual if known, else planned."""
        return self.actual_start or self.planned_start

    @property
    def delay_days(self) -> int:
        return (self.start - self.planned_start).days

    @property
    def regimen_name(self) -> str:
        return REGIMENS[self.regimen].name

    @property
    def label(self) -> str:
        return f"C{self.number}"

    @property
    def line_label(self) -> str:
        """ "L2 C3": every line of treatment numbers its cycles from C1."""
        return f"L{self.line} C{self.number}"

    @property
    def last_day(self) -> date:
        """The last day of the cycle by its length (a delayed next cycle may extend it)."""
        return self.start + timedelta(days=self.cycle_days - 1)

    def drug_dates(self) -> list[date]:
        return [self.start + timedelta(days=d - 1) for d in self.drug_days]

    def with_id(self, cycle_id: int | None) -> ChemoCycle:
        return replace(self, id=cycle_id)


PLAN_AHEAD_DAYS = 366
MAX_CYCLE_NUMBER = 500
MAX_LINE = 20


def plan_cycles(
    regimen: str,
    start: date,
    count: int,
    *,
    first_number: int = 1,
    line: int = 1,
    cycle_days: int = 0,
) -> list[ChemoCycle]:
    """``count`` consecutive cycles at the regimen's interval, numbered from ``first_number``."""
    if not 1 <= count <= 100:
        raise ValidationError(Problem("count", f"Count must be from 1 to 100 (got {count})"))
    if start > date.today() + timedelta(days=PLAN_AHEAD_DAYS):
        raise ValidationError(
            Problem("start", f"A first cycle more than a year ahead is likely a typo (got {start})")
        )
    first = ChemoCycle(regimen, first_number, start, line=line, cycle_days=cycle_days)
    step = timedelta(days=first.cycle_days)
    return [
        replace(first, number=first_number + i, planned_start=start + step * i)
        for i in range(count)
    ]
