"""Red-flag rules: each just below, at and just above its threshold, against hand-built days."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest

from symptomlog.analysis.flags import GUIDANCE, Level, find_flags
from symptomlog.domain import ChemoCycle, Contact, Entry, Profile
from symptomlog.errors import ValidationError

DAY = date(2026, 3, 20)
PROFILE = Profile(contacts=(Contact("24h-line", "Acute Oncology", "0100 000 0000"),))
CYCLES = [ChemoCycle("mfolfirinox", 1, DAY - timedelta(days=9))]  # DAY is C1 D10: a nadir


def entry(day: date = DAY, hour: int = 9, **values: object) -> Entry:
    return Entry(recorded_at=datetime.combine(day, time(hour)), **values)  # type: ignore[arg-type]


def rules(entries: list[Entry], cycles=CYCLES, profile=PROFILE) -> set[tuple[str, str]]:
    return {(f.rule, f.level.value) for f in find_flags(entries, cycles, profile)}


@pytest.mark.parametrize(
    ("temperature", "expected"),
    [
        (37.4, set()),
        (37.5, {("temperature", "red")}),
        (37.6, {("temperature", "red")}),
        (36.0, set()),
        (35.9, {("temperature", "red")}),
    ],
)
def test_temperature_on_chemotherapy(temperature: float, expected: set) -> None:
    assert rules([entry(temperature_c=temperature)]) == expected


def test_fever_outside_six_weeks_of_a_dose_is_amber_not_red() -> None:
    on_day_42 = CYCLES[0].start + timedelta(days=42)
    on_day_43 = CYCLES[0].start + timedelta(days=43)
    assert rules([entry(on_day_42, temperature_c=38.0)]) == {("temperature", "red")}
    assert rules([entry(on_day_43, temperature_c=38.0)]) == {("temperature_off_chemo", "amber")}
    assert rules([entry(temperature_c=38.0)], cycles=[]) == {("temperature_off_chemo", "amber")}


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        (2, set()),
        (3, {("vomiting", "amber")}),
        (5, {("vomiting", "amber")}),
        (6, {("vomiting", "red")}),
        (7, {("vomiting", "red")}),
    ],
)
def test_vomiting_counts(episodes: int, expected: set) -> None:
    assert rules([entry(vomiting_episodes=episodes)]) == expected


def test_vomiting_adds_up_over_the_day() -> None:
    found = rules([entry(hour=9, vomiting_episodes=3), entry(hour=20, vomiting_episodes=3)])
    assert found == {("vomiting", "red")}


def test_new_jaundice_versus_continuing() -> None:
    eight_days_ago = entry(DAY - timedelta(days=8), yellow_eyes=True)
    seven_days_ago = entry(DAY - timedelta(days=7), yellow_eyes=True)
    today = entry(yellow_eyes=True)
    assert ("new_jaundice", "red") in rules([today])
    assert ("new_jaundice", "red") in {
        (f.rule, f.level.value) for f in find_flags([eight_days_ago, today], CYCLES, PROFILE, DAY)
    }
    continuing = find_flags([seven_days_ago, today], CYCLES, PROFILE, DAY)
    assert continuing == []


def test_dark_urine_alone_is_not_new_jaundice_but_with_pale_stools_it_is() -> None:
    assert rules([entry(dark_urine=True)]) == set()
    assert rules([entry(dark_urine=True, pale_stools=True)]) == {
        ("new_dark_urine_pale_stools", "red")
    }


def test_jaundice_with_fever_and_several_flags_on_one_day() -> None:
    found = find_flags([entry(yellow_skin=True, temperature_c=37.8)], CYCLES, PROFILE)
    assert [f.rule for f in found] == ["jaundice_with_fever", "new_jaundice", "temperature"]
    assert all(f.level is Level.RED and f.day == DAY for f in found)


@pytest.mark.parametrize(("pain", "flagged"), [(6, False), (7, True), (8, True)])
def test_severe_pain(pain: int, flagged: bool) -> None:
    assert (("pain_severe", "amber") in rules([entry(pain=pain)])) is flagged


@pytest.mark.parametrize(("rise", "flagged"), [(2, False), (3, True), (4, True)])
def test_pain_rising_within_three_days(rise: int, flagged: bool) -> None:
    before = entry(DAY - timedelta(days=3), pain=1)
    assert (("pain_rising", "amber") in rules([before, entry(pain=1 + rise)])) is flagged


def test_pain_rise_over_more_than_three_days_is_not_flagged() -> None:
    before = entry(DAY - timedelta(days=4), pain=1)
    assert rules([before, entry(pain=5)]) == set()


def test_two_ambers_on_one_day_count_as_red() -> None:
    found = rules([entry(nausea=7, fatigue=7)])
    assert found == {("nausea_severe", "amber"), ("fatigue_severe", "amber"), ("two_ambers", "red")}


def test_itch_with_fever_is_left_to_the_fever_rules() -> None:
    assert ("itch_severe", "amber") in rules([entry(itch=7)])
    assert ("itch_severe", "amber") not in rules([entry(itch=7, temperature_c=37.9)])


@pytest.mark.parametrize(("latest", "flagged"), [(61.3, False), (61.2, True), (61.1, True)])
def test_weight_from_baseline(latest: float, flagged: bool) -> None:
    profile = Profile(baseline_weight_kg=68.0, baseline_date=date(2026, 1, 1))
    found = rules([entry(weight_kg=latest)], profile=profile)
    assert (("weight_from_baseline", "amber") in found) is flagged


@pytest.mark.parametrize(("latest", "flagged"), [(57.1, False), (57.0, True)])
def test_weight_down_five_percent_in_thirty_days(latest: float, flagged: bool) -> None:
    month_ago = entry(DAY - timedelta(days=30), weight_kg=60.0)
    found = rules([month_ago, entry(weight_kg=latest)])
    assert (("weight_30_days", "amber") in found) is flagged


def test_weight_loss_flags_once_not_on_every_later_weighing() -> None:
    profile = Profile(baseline_weight_kg=68.0)
    weighings = [
        entry(DAY + timedelta(days=i), weight_kg=w) for i, w in enumerate((61.0, 61.5, 61.0, 60.9))
    ]
    found = [f for f in find_flags(weighings, CYCLES, profile) if f.rule == "weight_from_baseline"]
    assert [f.day for f in found] == [DAY]


def test_custom_threshold_changes_the_fever_rule() -> None:
    team = Profile(thresholds={"fever_c": 38.0})
    assert rules([entry(temperature_c=37.9)], profile=team) == set()
    assert rules([entry(temperature_c=38.0)], profile=team) == {("temperature", "red")}


def test_threshold_out_of_range_is_refused() -> None:
    with pytest.raises(ValidationError, match=re.escape("from 37.5 to 38")):
        Profile(thresholds={"fever_c": 42})
    with pytest.raises(ValidationError, match="Unknown threshold"):
        Profile(thresholds={"fevre": 38})


def test_messages_name_the_number_or_ask_for_it_and_say_guidance() -> None:
    [flag] = find_flags([entry(temperature_c=38.5)], CYCLES, PROFILE)
    assert "0100 000 0000" in flag.message and GUIDANCE in flag.message
    assert flag.values == {"temperature_c": "38.5", "days_since_dose": "9"}
    assert "NICE CG151" in flag.source
    [no_number] = find_flags([entry(temperature_c=38.5)], CYCLES, Profile())
    assert "No number is stored" in no_number.message


def test_trend_is_info() -> None:
    week = [entry(DAY - timedelta(days=i), anxiety=2) for i in range(1, 5)]
    assert ("trend_anxiety", "info") in rules([*week, entry(anxiety=4)])
    assert ("trend_anxiety", "info") not in rules([*week, entry(anxiety=3)])


def test_the_demo_diary_flags_its_story_and_nothing_else(demo_diary) -> None:
    """The fictional story has a nadir fever, a jaundice episode and weight loss: those flag."""
    flags = find_flags(
        demo_diary.entries.between(), demo_diary.cycles.all(), demo_diary.profile.get()
    )
    red = [(f.day, f.rule) for f in flags if f.level is Level.RED]
    fever_days = [d for d, rule in red if rule == "temperature"]
    assert len(fever_days) == 3  # 38.3 and 37.6 in the nadir of cycle 2; 37.8 when jaundiced
    jaundice = [d for d, rule in red if rule == "new_jaundice"]
    assert len(jaundice) == 1
    assert any(rule == "jaundice_with_fever" for _, rule in red)
    assert {rule for _, rule in red} <= {
        "temperature",
        "new_jaundice",
        "new_dark_urine_pale_stools",
        "jaundice_with_fever",
        "two_ambers",
    }
