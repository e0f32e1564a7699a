"""Daily aggregation: worst scale, summed vomiting, last weight, highest temperature."""

from __future__ import annotations

from datetime import date, datetime

from symptomlog.analysis.daily import daily_values, series
from symptomlog.domain import Entry, Recorder


def test_day_takes_worst_scale_largest_vomit_count_last_weight_highest_temperature() -> None:
    entries = [
        Entry(
            datetime(2026, 3, 1, 20, 0),
            Recorder.CARER,
            pain=4,
            vomiting_episodes=2,
            weight_kg=60.0,
            temperature_c=37.9,
            yellow_eyes=False,
        ),
        Entry(
            datetime(2026, 3, 1, 8, 0),
            pain=6,
            vomiting_episodes=1,
            weight_kg=61.0,
            temperature_c=36.8,
            yellow_eyes=True,
        ),
    ]
    day = daily_values(entries)[date(2026, 3, 1)]
    assert day.get("pain") == 6
    assert day.get("vomiting_episodes") == 2  # each entry counts 24 h: the largest, never a sum
    assert day.get("weight_kg") == 60.0  # the evening weighing is the last one
    assert day.get("temperature_c") == 37.9
    assert day.get("yellow_eyes") is True
    assert day.get("nausea") is None
    assert day.by_carer and day.entry_count == 2


def test_series_leaves_unrecorded_days_as_gaps_not_zero() -> None:
    entries = [Entry(datetime(2026, 3, 1, 9), pain=0), Entry(datetime(2026, 3, 3, 9), pain=5)]
    days = daily_values(entries)
    assert series(days, "pain", date(2026, 3, 1), date(2026, 3, 4)) == [0.0, None, 5.0, None]
