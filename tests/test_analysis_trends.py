"""Cycle days across a delay, weight change and grades, cachexia, rolling means: by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from symptomlog.analysis.cycle_day import (
    by_cycle,
    cycle_day,
    last_dose_before,
    mean_by_cycle_day,
    next_cycle_after,
)
from symptomlog.analysis.trends import rolling_mean, summarise, window_mean
from symptomlog.analysis.weight import (
    cachexia,
    change_from_baseline,
    change_over,
    ctcae_grade,
)
from symptomlog.domain import ChemoCycle, Profile

C1 = ChemoCycle("mfolfirinox", 1, date(2026, 3, 2))
C2 = ChemoCycle("mfolfirinox", 2, date(2026, 3, 16))
C3 = ChemoCycle("mfolfirinox", 3, date(2026, 3, 30), actual_start=date(2026, 4, 6))  # 7 days late
CYCLES = [C3, C1, C2]  # any order


def test_cycle_day_counts_from_the_actual_start_of_a_delayed_cycle() -> None:
    assert cycle_day(CYCLES, date(2026, 3, 1)) is None
    assert cycle_day(CYCLES, date(2026, 3, 2)).label == "L1 C1 D1"  # type: ignore[union-attr]
    assert cycle_day(CYCLES, date(2026, 3, 15)).label == "L1 C1 D14"  # type: ignore[union-attr]
    # The delay stretches cycle 2: the planned start of C3 is still C2.
    assert cycle_day(CYCLES, date(2026, 3, 30)).label == "L1 C2 D15"  # type: ignore[union-attr]
    assert cycle_day(CYCLES, date(2026, 4, 6)).label == "L1 C3 D1"  # type: ignore[union-attr]
    assert cycle_day(CYCLES, date(2026, 4, 15)).label == "L1 C3 D10"  # type: ignore[union-attr]
    assert cycle_day(CYCLES, date(2026, 4, 19)).label == "L1 C3 D14"  # type: ignore[union-attr]
    assert cycle_day(CYCLES, date(2026, 4, 20)) is None  # after the last cycle


def test_drug_days_and_the_next_cycle() -> None:
    gem = ChemoCycle("gem-nabpac", 1, date(2026, 5, 4))
    assert gem.drug_dates() == [date(2026, 5, 4), date(2026, 5, 11), date(2026, 5, 18)]
    assert last_dose_before([gem], date(2026, 5, 17)) == date(2026, 5, 11)
    assert last_dose_before([gem], date(2026, 5, 3)) is None
    assert next_cycle_after(CYCLES, date(2026, 3, 20)) == C3


def test_mean_by_cycle_day_across_cycles() -> None:
    values = {
        date(2026, 3, 3): 6.0,
        date(2026, 3, 17): 4.0,
        date(2026, 4, 7): 5.0,
        date(2026, 3, 4): 2.0,
    }
    assert mean_by_cycle_day(CYCLES, values) == {2: 5.0, 3: 2.0}
    assert by_cycle(CYCLES, values)["C3"] == {2: 5.0}


@pytest.mark.parametrize(
    ("percent", "grade"),
    [(-4.9, 0), (-5.0, 1), (-9.9, 1), (-10.0, 2), (-19.9, 2), (-20.0, 3), (2.0, 0)],
)
def test_ctcae_weight_loss_grades(percent: float, grade: int) -> None:
    assert ctcae_grade(percent) == grade


def test_weight_change_from_the_profile_baseline_or_the_first_weight() -> None:
    weights = {date(2026, 1, 10): 66.0, date(2026, 3, 1): 61.2}
    with_baseline = Profile(baseline_weight_kg=68.0, baseline_date=date(2026, 1, 1))
    change = change_from_baseline(with_baseline, weights, date(2026, 3, 31))
    assert change is not None and (change.kg, change.percent) == (-6.8, -10.0)
    assert ctcae_grade(change.percent) == 2
    first = change_from_baseline(Profile(), weights, date(2026, 3, 31))
    assert first is not None and first.reference_kg == 66.0 and first.percent == -7.3


def test_thirty_day_change_needs_two_weighings() -> None:
    weights = {date(2026, 3, 1): 60.0, date(2026, 3, 20): 58.5, date(2026, 3, 31): 57.0}
    change = change_over(weights, date(2026, 3, 31), 30)
    assert change is not None and change.percent == -5.0
    assert change_over({date(2026, 3, 31): 57.0}, date(2026, 3, 31), 30) is None


def test_cachexia_criterion() -> None:
    six_months = {date(2025, 10, 1): 70.0, date(2026, 3, 31): 66.4}  # -5.1 %
    assert cachexia(Profile(), six_months, date(2026, 3, 31)) is True
    small = {date(2025, 10, 1): 50.0, date(2026, 3, 31): 48.9}  # -2.2 %
    assert cachexia(Profile(height_cm=165), small, date(2026, 3, 31)) is True  # BMI 18.0
    assert cachexia(Profile(height_cm=150), small, date(2026, 3, 31)) is False  # BMI 21.7
    assert cachexia(Profile(), {date(2026, 3, 31): 60.0}, date(2026, 3, 31)) is None


def test_rolling_mean_skips_missing_days_and_never_invents_zeros() -> None:
    start = date(2026, 3, 1)
    values = {start: 2.0, start + timedelta(days=2): 4.0}
    assert window_mean(values, start + timedelta(days=6)) == 3.0
    assert rolling_mean(values, start, start + timedelta(days=9)) == [
        2.0,
        2.0,
        3.0,
        3.0,
        3.0,
        3.0,
        3.0,
        4.0,
        4.0,
        None,
    ]


def test_summary_of_a_period() -> None:
    start = date(2026, 3, 1)
    values = {
        start: 3.0,
        start + timedelta(days=3): 8.0,
        start + timedelta(days=5): 8.0,
        start + timedelta(days=9): 5.0,
    }
    summary = summarise(values, start, start + timedelta(days=9))
    assert (summary.latest, summary.worst, summary.worst_date) == (5.0, 8.0, date(2026, 3, 4))
    assert summary.days_severe == 2
    assert summary.mean_7d == pytest.approx(7.0)  # days 4, 6, 10 of the period
