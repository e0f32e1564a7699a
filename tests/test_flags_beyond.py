"""Flag rules for the items beyond ESAS-r (CLINICAL.md's table, issue 16): each rule just
below, at and just above its threshold, and the escalations that make red."""

from __future__ import annotations

from datetime import timedelta

import pytest

from symptomlog.domain import Profile
from symptomlog.domain.thresholds import THRESHOLD_BY_KEY, validate_thresholds
from symptomlog.errors import ValidationError
from tests.test_flags import CYCLES, DAY, LINE, PROFILE, entry, on, rules

OFF = CYCLES[0].start + timedelta(days=60)  # off chemotherapy: no drug day for 60 days


# --- warning signs ------------------------------------------------------------------------


@pytest.mark.parametrize("sign", ["bleeding", "clot_signs", "confusion", "cannot_keep_fluids"])
def test_each_warning_sign_ticked_is_red_and_no_is_nothing(sign: str) -> None:
    assert rules([entry(OFF, **{sign: True})]) == {(sign, "red")}
    assert rules([entry(OFF, **{sign: False})]) == set()


def test_shivering_is_red_on_chemotherapy_with_a_stent_or_with_a_fever_only() -> None:
    assert rules([entry(shivering=True)]) == {("shivering", "red")}  # C1 D10
    assert rules([entry(OFF, shivering=True)]) == set()
    stented = Profile(contacts=(LINE,), stent=True)
    assert rules([entry(OFF, shivering=True)], profile=stented) == {("shivering", "red")}
    with_fever = [entry(OFF, shivering=True, temperature_c=37.5)]
    assert rules(with_fever) == {("shivering", "red")}  # replaces the temperature amber
    assert rules([entry(OFF, shivering=True, temperature_c=37.4)]) == set()


def test_shivering_on_day_42_is_red_and_on_day_43_is_not() -> None:
    start = CYCLES[0].start
    assert rules([entry(start + timedelta(days=42), shivering=True)]) == {("shivering", "red")}
    assert rules([entry(start + timedelta(days=43), shivering=True)]) == set()


# --- diarrhoea ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (3, set()),
        (4, {("stools", "amber")}),
        (6, {("stools", "amber")}),
        (7, {("stools", "red")}),
        (8, {("stools", "red")}),
    ],
)
def test_stools_above_usual_amber_from_4_red_from_7(count: int, expected: set) -> None:
    assert rules([entry(OFF, stools_above_usual=count)]) == expected


def test_two_entries_of_stools_are_not_added_up() -> None:
    day = [entry(OFF, 8, stools_above_usual=3), entry(OFF, 20, stools_above_usual=3)]
    assert rules(day) == set()


def test_any_diarrhoea_with_a_fever_is_red_and_replaces_the_temperature_flag() -> None:
    assert rules([entry(OFF, stools_above_usual=1, temperature_c=37.5)]) == {
        ("diarrhoea_with_fever", "red")
    }
    assert rules([entry(OFF, stools_above_usual=0, temperature_c=37.5)]) == {
        ("temperature_off_chemo", "amber")
    }
    assert rules([entry(OFF, stools_above_usual=1, temperature_c=37.4)]) == set()


def test_the_stool_thresholds_in_force_move_the_rules_inside_their_safe_ranges() -> None:
    team = Profile(contacts=(LINE,), thresholds={"stools_red": 5, "stools_amber": 2})
    assert rules([entry(OFF, stools_above_usual=1)], profile=team) == set()
    assert rules([entry(OFF, stools_above_usual=2)], profile=team) == {("stools", "amber")}
    assert rules([entry(OFF, stools_above_usual=5)], profile=team) == {("stools", "red")}
    assert validate_thresholds({"stools_red": 10, "stools_amber": 6})
    for key, value in (
        ("stools_red", 4),
        ("stools_red", 11),
        ("stools_amber", 1),
        ("stools_amber", 7),
    ):
        with pytest.raises(ValidationError, match="safe range"):
            validate_thresholds({key: value})
    with pytest.raises(ValidationError, match="must be below"):
        validate_thresholds({"stools_red": 5, "stools_amber": 6})


def test_the_new_thresholds_have_their_safe_ranges_and_sources() -> None:
    expected = {
        "stools_red": (7, 5, 10, "CTCAE v5.0 diarrhoea grade 3"),
        "stools_amber": (4, 2, 6, "CTCAE v5.0 diarrhoea grade 2"),
        "bowels_days": (3, 2, 5, "CTCAE v5.0 constipation"),
        "glucose_high": (20, 15, 25, "Diabetes UK end-of-life guidance"),
    }
    for key, (default, low, high, source) in expected.items():
        t = THRESHOLD_BY_KEY[key]
        assert (t.default, t.minimum, t.maximum, t.source) == (default, low, high, source)


def test_diarrhoea_and_mouth_sores_on_one_day_pair_into_red() -> None:
    day = [entry(OFF, stools_above_usual=4, mouth_sores=3)]
    assert rules(day) == {("acute_pair", "red")}


# --- mouth sores, numbness, sore hands and feet --------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    [(2, set()), (3, {("mouth_sores", "amber")}), (4, {("mouth_sores", "red")})],
)
def test_mouth_sores_amber_when_painful_red_when_cannot_eat_or_drink(
    level: int, expected: set
) -> None:
    assert rules([entry(OFF, mouth_sores=level)]) == expected


@pytest.mark.parametrize(
    ("level", "expected"), [(1, set()), (2, {("numbness", "amber")}), (3, {("numbness", "amber")})]
)
def test_numbness_amber_from_buttons_or_writing_hard(level: int, expected: set) -> None:
    assert rules([entry(OFF, numbness=level)]) == expected


def test_numbness_that_lasts_is_one_amber_a_week_and_never_pairs_into_red() -> None:
    days = [entry(OFF + timedelta(days=i), numbness=2) for i in range(10)]
    flagged = [f.day for r, f in _flags(days) if r == "numbness"]
    assert flagged == [OFF, OFF + timedelta(days=7)]
    assert rules([entry(OFF, numbness=2, stools_above_usual=4)]) == {
        ("numbness", "amber"),
        ("stools", "amber"),
    }


@pytest.mark.parametrize(
    ("level", "expected"),
    [(1, set()), (2, {("sore_hands_feet", "amber")}), (3, {("sore_hands_feet", "red")})],
)
def test_sore_hands_or_feet_amber_when_painful_red_when_cannot_walk(
    level: int, expected: set
) -> None:
    assert rules([entry(OFF, sore_hands_feet=level)]) == expected


# --- bowels -------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "expected"), [(2, set()), (3, {("bowels", "amber")})])
def test_no_bowels_opened_for_3_days_is_amber(days: int, expected: set) -> None:
    assert rules([entry(OFF, days_since_bowels_opened=days)]) == expected


def test_no_bowels_with_vomiting_or_a_tight_belly_is_red() -> None:
    assert on(OFF, [entry(OFF, days_since_bowels_opened=3, vomiting_episodes=3)]) == {
        ("bowels_blocked", "red")
    }
    assert on(OFF, [entry(OFF, days_since_bowels_opened=3, vomiting_episodes=2)]) == {
        ("bowels", "amber")
    }
    tight = [entry(OFF - timedelta(days=1), abdominal_swelling=3)]
    tight.append(entry(OFF, days_since_bowels_opened=4, abdominal_swelling=3))
    assert on(OFF, tight) == {("bowels_blocked", "red")}
    tight[-1] = entry(OFF, days_since_bowels_opened=2, abdominal_swelling=3)
    assert ("bowels_blocked", "red") not in on(OFF, tight)


def test_the_bowels_threshold_in_force_moves_the_rule() -> None:
    team = Profile(contacts=(LINE,), thresholds={"bowels_days": 2})
    assert rules([entry(OFF, days_since_bowels_opened=2)], profile=team) == {("bowels", "amber")}
    assert rules([entry(OFF, days_since_bowels_opened=1)], profile=team) == set()


# --- abdominal swelling -------------------------------------------------------------------


def test_new_abdominal_swelling_is_acute_amber_and_lasting_swelling_amber_by_episode() -> None:
    assert rules([entry(OFF, abdominal_swelling=0)]) == set()
    assert rules([entry(OFF, abdominal_swelling=1)]) == {("abdominal_swelling_new", "amber")}
    week = [entry(OFF + timedelta(days=i), abdominal_swelling=1) for i in range(3)]
    assert rules(week) == {("abdominal_swelling_new", "amber")}  # only the first day is new
    tight = [entry(OFF + timedelta(days=i), abdominal_swelling=1 + (i > 0)) for i in range(3)]
    said = [(r, f.day) for r, f in _flags(tight)]
    assert said == [("abdominal_swelling_new", OFF), ("abdominal_swelling", OFF + timedelta(1))]


def test_abdominal_swelling_with_a_fever_is_red() -> None:
    assert rules([entry(OFF, abdominal_swelling=1, temperature_c=37.5)]) == {
        ("swelling_with_fever", "red")
    }
    assert rules([entry(OFF, abdominal_swelling=1, temperature_c=37.4)]) == {
        ("abdominal_swelling_new", "amber")
    }


# --- glucose and activity -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mmol", "expected"),
    [
        (3.9, {("glucose_low", "red")}),
        (4.0, set()),
        (20.0, set()),
        (20.1, {("glucose_high", "amber")}),
    ],
)
def test_blood_glucose_red_below_4_amber_above_20(mmol: float, expected: set) -> None:
    assert rules([entry(OFF, blood_glucose_mmol=mmol)]) == expected


def test_a_hypo_in_one_entry_is_not_hidden_by_a_high_reading_later() -> None:
    day = [entry(OFF, 8, blood_glucose_mmol=3.5), entry(OFF, 20, blood_glucose_mmol=22.0)]
    assert rules(day) == {("glucose_low", "red"), ("glucose_high", "amber")}


def test_the_high_glucose_threshold_may_have_a_decimal() -> None:
    team = Profile(contacts=(LINE,), thresholds={"glucose_high": 16.5})
    assert rules([entry(OFF, blood_glucose_mmol=16.6)], profile=team) == {("glucose_high", "amber")}


@pytest.mark.parametrize(("today", "expected"), [(1, set()), (2, {("activity_down", "info")})])
def test_activity_down_two_levels_within_a_week_is_info(today: int, expected: set) -> None:
    week = [entry(OFF - timedelta(days=3), activity_level=0), entry(OFF, activity_level=today)]
    assert {r for r in rules(week) if r[1] == "info"} == expected


def test_activity_compared_with_more_than_a_week_ago_is_not_a_drop() -> None:
    weeks = [entry(OFF - timedelta(days=8), activity_level=0), entry(OFF, activity_level=3)]
    assert rules(weeks) == set()


def _flags(entries: list) -> list[tuple[str, object]]:
    from symptomlog.analysis.flags import find_flags

    return [(f.rule, f) for f in find_flags(entries, CYCLES, PROFILE)]


def test_the_new_flags_say_why_in_plain_words_and_name_the_24_hour_line() -> None:
    from symptomlog.analysis.flags import find_flags

    [flag] = find_flags([entry(OFF, clot_signs=True)], CYCLES, PROFILE)
    assert flag.message.startswith("Call your 24-hour line now: 0100 000 0000")
    assert "blood clot" in flag.why and "CTCAE" not in flag.why
    assert DAY < OFF
