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


@dataclass(frozen=True)
class Baseline:
    """The one weight every percentage is taken from: the screen chart, the PDF, flags."""

    kg: float
    day: date | None
    from_profile: bool

    @property
    def described(self) -> str:
        """ "the baseline of 64 kg (1 Mar 2026)", for a sentence a person reads."""
        when = f", {self.day.day} {self.day:%b %Y}" if self.day else ""
        where = "set in the profile" if self.from_profile else "first weighing"
        return f"the baseline of {self.kg:g} kg ({where}{when})"


def baseline_of(profile: Profile, weights: dict[date, float]) -> Baseline | None:
    """The profile's baseline weight, or else the first weight ever recorded.

    ``weights`` must be the whole history, never only a period's: a period's first
    weighing as "baseline" hides the loss the first page reports.
    """
    if profile.baseline_weight_kg is not None:
        return Baseline(profile.baseline_weight_kg, profile.baseline_date, True)
    if not weights:
        return None
    first = min(weights)
    return Baseline(weights[first], first, False)


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
    base = baseline_of(profile, weights)
    last = latest(weights, until)
    if base is None or last is None:
        return None
    return WeightChange(base.kg, base.day, last[1], last[0])


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
    """Fearon 2011: loss >5 % over six months, or >2 % with BMI <20. None if it cannot be told.

    The loss is taken from the earliest weighing of the six months, or from the
    profile's baseline when the team set one inside those six months (or undated):
    the team's baseline is the weight they measure loss against.
    """
    six_months = change_over(weights, until, SIX_MONTHS_DAYS)
    base = baseline_of(profile, weights)
    last = latest(weights, until)
    recent = (
        base is not None
        and base.from_profile
        and last is not None
        and (base.day is None or (last[0] - base.day).days <= SIX_MONTHS_DAYS)
    )
    if recent and base is not None and last is not None:
        six_months = WeightChange(base.kg, base.day, last[1], last[0])
    if six_months is None:
        return None
    loss = -six_months.percent
    body_mass = bmi(six_months.latest_kg, profile.height_cm)
    return loss > 5 or (loss > 2 and body_mass is not None and body_mass < 20)
