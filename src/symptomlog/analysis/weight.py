"""Weight against baseline: change in kg and %, its CTCAE v5.0 grade, and cachexia.

Weight loss is the clearest sign of cancer cachexia. Clinicians read it as a
percentage of the baseline (the profile's, or else the first weight recorded),
graded by CTCAE v5.0, and against Fearon's criterion (>5 % in six months, or >2 %
with a BMI under 20).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from symptomlog.domain import Profile

CTCAE_VERSION = "CTCAE v5.0"
SIX_MONTHS_DAYS = 182


@dataclass(frozen=True)
class WeightChange:
    """A change from a reference weight to a later one."""

    reference_kg: float
    reference_date: date | None
    latest_kg: float
    latest_date: date

    @property
    def kg(self) -> float:
        return round(self.latest_kg - self.reference_kg, 1)

    @property
    def percent(self) -> float:
        return round(100.0 * (self.latest_kg - self.reference_kg) / self.reference_kg, 1)


def ctcae_grade(percent_change: float) -> int:
    """CTCAE v5.0 weight loss grade: 1 for 5 to <10 %, 2 for 10 to <20 %, 3 for ≥20 % loss."""
    loss = -percent_change
    if loss >= 20:
        return 3
    if loss >= 10:
        return 2
    if loss >= 5:
        return 1
    return 0


def baseline(profile: Profile, weights: dict[date, float]) -> tuple[float, date | None] | None:
    """The profile's baseline weight, or else the first weight recorded."""
    if profile.baseline_weight_kg is not None:
        return profile.baseline_weight_kg, profile.baseline_date
    if not weights:
        return None
    first = min(weights)
    return weights[first], first


def latest(weights: dict[date, float], until: date) -> tuple[date, float] | None:
    """The last weight recorded on or before ``until``."""
    days = [d for d in weights if d <= until]
    if not days:
        return None
    day = max(days)
    return day, weights[day]


def change_from_baseline(
    profile: Profile, weights: dict[date, float], until: date
) -> WeightChange | None:
    base = baseline(profile, weights)
    last = latest(weights, until)
    if base is None or last is None:
        return None
    return WeightChange(base[0], base[1], last[1], last[0])


def change_over(weights: dict[date, float], until: date, days: int) -> WeightChange | None:
    """Change from the earliest weight within ``days`` before the latest one, to the latest.

    None when there is no earlier weight in the window: a change needs two weighings.
    """
    last = latest(weights, until)
    if last is None:
        return None
    window = [d for d in weights if last[0] - timedelta(days=days) <= d < last[0]]
    if not window:
        return None
    first = min(window)
    return WeightChange(weights[first], first, last[1], last[0])


def bmi(weight_kg: float, height_cm: float | None) -> float | None:
    if not height_cm:
        return None
    metres = height_cm / 100.0
    return round(weight_kg / (metres * metres), 1)


def cachexia(profile: Profile, weights: dict[date, float], until: date) -> bool | None:
    """Fearon 2011: loss >5 % over six months, or >2 % with BMI <20. None if it cannot be told."""
    six_months = change_over(weights, until, SIX_MONTHS_DAYS)
    if six_months is None:
        return None
    loss = -six_months.percent
    body_mass = bmi(six_months.latest_kg, profile.height_cm)
    return loss > 5 or (loss > 2 and body_mass is not None and body_mass < 20)
