"""Flag rules: each row of CLINICAL.md's table just below, at and just above its threshold,
and the rules against alarm fatigue, against hand-built entries."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest

from symptomlog.analysis.flags import Level, find_flags
from symptomlog.domain import ChemoCycle, Contact, Entry, Profile
from symptomlog.domain.thresholds import effective
from symptomlog.errors import ValidationError

DAY = date(2026, 3, 20)
LINE = Contact("24h-line", "Acute Oncology", "0100 000 0000", "24 hours")
NURSE = Contact("palliative", "Sam Nurse", "0100 000 0001", "Mon–Fri 9–5")
PROFILE = Profile(contacts=(LINE, NURSE))
CYCLES = [ChemoCycle("mfolfirinox", 1, DAY - timedelta(days=9))]  # DAY is C1 D10: a nadir


def entry(day: date = DAY, hour: int = 9, **values: object) -> Entry:
    return Entry(recorded_at=datetime.combine(day, time(hour)), **values)  # type: ignore[arg-type]


def rules(entries: list[Entry], cycles=CYCLES, profile=PROFILE) -> set[tuple[str, str]]:
    return {(f.rule, f.level.value) for f in find_flags(entries, cycles, profile)}


def on(day: date, entries: list[Entry], cycles=CYCLES, profile=PROFILE) -> set[tuple[str, str]]:
    return {(f.rule, f.level.value) for f in find_flags(entries, cycles, profile, day, day)}


# --- red: temperature on chemotherapy, with a stent, off treatment --------------------------


@pytest.mark.parametrize(
    ("temperature", "expected"),
    [
        (37.4, set()),
        (37.5, {("temperature", "red")}),
        (37.6, {("temperature", "red")}),
        (36.1, set()),
        (36.0, set()),
        (35.9, {("temperature", "red")}),
    ],
)
def test_temperature_on_chemotherapy(temperature: float, expected: set) -> None:
    assert rules([entry(temperature_c=temperature)]) == expected


@pytest.mark.parametrize(("days", "level"), [(41, "red"), (42, "red"), (43, "amber")])
def test_fever_within_42_days_of_a_drug_day_is_red_then_amber(days: int, level: str) -> None:
    day = CYCLES[0].start + timedelta(days=days)
    rule = "temperature" if level == "red" else "temperature_off_chemo"
    assert rules([entry(day, temperature_c=38.0)]) == {(rule, level)}


@pytest.mark.parametrize(
    ("temperature", "expected"),
    [(37.4, set()), (37.5, {("temperature_stent", "red")}), (37.6, {("temperature_stent", "red")})],
)
def test_fever_with_a_stent_is_red_at_any_time(temperature: float, expected: set) -> None:
    stented = Profile(contacts=(LINE,), stent=True)
    assert rules([entry(temperature_c=temperature)], cycles=[], profile=stented) == expected


@pytest.mark.parametrize(
    ("temperature", "expected"),
    [(37.4, set()), (37.5, {("temperature_off_chemo", "amber")})],
)
def test_fever_off_treatment_without_a_stent_is_amber(temperature: float, expected: set) -> None:
    assert rules([entry(temperature_c=temperature)], cycles=[]) == expected


def test_the_fever_threshold_in_force_moves_the_rule() -> None:
    team = Profile(contacts=(LINE,), thresholds={"fever_c": 38.0})
    assert rules([entry(temperature_c=37.9)], profile=team) == set()
    assert rules([entry(temperature_c=38.0)], profile=team) == {("temperature", "red")}


def test_the_chemotherapy_window_in_force_moves_the_rule() -> None:
    team = Profile(contacts=(LINE,), thresholds={"chemo_window_days": 28})
    day_29 = CYCLES[0].start + timedelta(days=29)
    assert rules([entry(day_29, temperature_c=38.0)], profile=team) == {
        ("temperature_off_chemo", "amber")
    }


# --- vomiting: per entry, never summed --------------------------------------------------------


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        (2, set()),
        (3, {("vomiting", "amber")}),
        (4, {("vomiting", "amber")}),
        (5, {("vomiting", "amber")}),
        (6, {("vomiting", "red")}),
        (7, {("vomiting", "red")}),
    ],
)
def test_vomiting_counts(episodes: int, expected: set) -> None:
    assert rules([entry(vomiting_episodes=episodes)]) == expected


def test_vomiting_is_judged_per_entry_never_added_up() -> None:
    found = find_flags(
        [entry(hour=8, vomiting_episodes=3), entry(hour=22, vomiting_episodes=3)], CYCLES, PROFILE
    )
    assert [(f.rule, f.level) for f in found] == [("vomiting", Level.AMBER)]
    evening_and_morning = [
        entry(DAY, hour=22, vomiting_episodes=3),
        entry(DAY + timedelta(days=1), hour=6, vomiting_episodes=3),
    ]
    assert [f.day for f in find_flags(evening_and_morning, CYCLES, PROFILE)] == [
        DAY,
        DAY + timedelta(days=1),
    ]


def test_the_entry_with_the_largest_count_is_the_one_marked() -> None:
    small, large = entry(hour=8, vomiting_episodes=3), entry(hour=20, vomiting_episodes=6)
    [flag] = find_flags([small, large], CYCLES, PROFILE)
    assert flag.raised_by(large) and not flag.raised_by(small)


# --- jaundice ---------------------------------------------------------------------------------


def test_new_jaundice_versus_continuing() -> None:
    eight_days_ago = entry(DAY - timedelta(days=8), yellow_eyes=True)
    seven_days_ago = entry(DAY - timedelta(days=7), yellow_eyes=True)
    today = entry(yellow_eyes=True)
    assert rules([today]) == {("new_jaundice", "red")}
    assert on(DAY, [eight_days_ago, today]) == {("new_jaundice", "red")}
    assert on(DAY, [seven_days_ago, today]) == set()


def test_dark_urine_alone_is_not_new_jaundice_but_with_pale_stools_it_is() -> None:
    assert rules([entry(dark_urine=True)]) == set()
    assert rules([entry(pale_stools=True)]) == set()
    assert rules([entry(dark_urine=True, pale_stools=True)]) == {
        ("new_dark_urine_pale_stools", "red")
    }


def test_new_yellowing_with_dark_urine_and_pale_stools_is_one_red() -> None:
    [flag] = find_flags([entry(yellow_eyes=True, dark_urine=True, pale_stools=True)], [], PROFILE)
    assert flag.rule == "new_jaundice" and "dark urine" in flag.title


@pytest.mark.parametrize(("temperature", "flagged"), [(37.4, False), (37.5, True)])
def test_jaundice_with_fever_replaces_the_days_temperature_flag(
    temperature: float, flagged: bool
) -> None:
    before = entry(DAY - timedelta(days=2), itch=2, dark_urine=True)
    found = on(DAY, [before, entry(dark_urine=True, temperature_c=temperature)])
    assert found == ({("jaundice_with_fever", "red")} if flagged else set())


# --- severe scores: one flag per episode -----------------------------------------------------


@pytest.mark.parametrize("name", ["pain", "nausea", "fatigue", "itch"])
@pytest.mark.parametrize(("score", "flagged"), [(6, False), (7, True), (8, True)])
def test_severe_score_starts_an_amber_episode(name: str, score: int, flagged: bool) -> None:
    found = rules([entry(**{name: score})])
    assert ((f"{name}_severe", "amber") in found) is flagged
    assert all(level != "red" for _, level in found)


def test_a_severe_episode_is_one_flag_repeated_at_most_weekly() -> None:
    days = [entry(DAY + timedelta(days=i), fatigue=8) for i in range(15)]
    found = [f for f in find_flags(days, [], PROFILE) if f.rule == "fatigue_severe"]
    assert [f.day for f in found] == [DAY, DAY + timedelta(days=7), DAY + timedelta(days=14)]
    assert "since Fri 20 Mar" in found[1].message


def test_a_new_episode_starts_after_a_day_below_or_a_week_without_values() -> None:
    entries = [
        entry(DAY, pain=7),
        entry(DAY + timedelta(days=1), pain=4),
        entry(DAY + timedelta(days=2), pain=7),
        entry(DAY + timedelta(days=10), pain=7),
    ]
    found = [f.day for f in find_flags(entries, [], PROFILE) if f.rule == "pain_severe"]
    assert found == [DAY, DAY + timedelta(days=2), DAY + timedelta(days=10)]


def test_severe_nausea_and_tiredness_on_one_day_stay_amber() -> None:
    assert rules([entry(nausea=7, fatigue=7)]) == {
        ("nausea_severe", "amber"),
        ("fatigue_severe", "amber"),
    }


@pytest.mark.parametrize("name", ["pain", "itch"])
@pytest.mark.parametrize(("rise", "flagged"), [(2, False), (3, True), (4, True)])
def test_rise_within_three_days(name: str, rise: int, flagged: bool) -> None:
    before = entry(DAY - timedelta(days=3), **{name: 1})
    assert ((f"{name}_rising", "amber") in rules([before, entry(**{name: 1 + rise})])) is flagged


def test_a_rise_over_more_than_three_days_is_not_flagged() -> None:
    before = entry(DAY - timedelta(days=4), pain=1)
    assert rules([before, entry(pain=5)]) == set()


def test_one_climb_is_one_rise_flag() -> None:
    climb = [entry(DAY + timedelta(days=i), pain=p) for i, p in enumerate((1, 4, 5, 6))]
    assert [f.day for f in find_flags(climb, [], PROFILE)] == [DAY + timedelta(days=1)]


def test_itch_with_fever_is_left_to_the_fever_rules() -> None:
    assert ("itch_severe", "amber") in rules([entry(itch=7)])
    assert ("itch_severe", "amber") not in rules([entry(itch=7, temperature_c=37.9)])


# --- two acute ambers -------------------------------------------------------------------------


def test_two_acute_ambers_make_one_red_that_replaces_them() -> None:
    before = entry(DAY - timedelta(days=2), pain=2)
    found = find_flags([before, entry(pain=6, vomiting_episodes=3)], [], PROFILE, DAY, DAY)
    assert [(f.rule, f.level) for f in found] == [("acute_pair", Level.RED)]
    assert set(found[0].made_of) == {"pain_rising", "vomiting"}
    assert found[0].message.startswith("Call your 24-hour line now: 0100 000 0000")


def test_an_acute_amber_with_a_severe_score_stays_amber() -> None:
    found = rules([entry(nausea=8, vomiting_episodes=3)])
    assert found == {("nausea_severe", "amber"), ("vomiting", "amber")}


# --- weight -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("latest", "flagged"), [(61.3, False), (61.2, True), (61.1, True)])
def test_weight_down_ten_percent_from_baseline(latest: float, flagged: bool) -> None:
    profile = Profile(baseline_weight_kg=68.0, baseline_date=date(2026, 1, 1))
    found = rules([entry(weight_kg=latest)], profile=profile)
    assert (("weight_from_baseline", "amber") in found) is flagged


@pytest.mark.parametrize(("latest", "level"), [(64.7, None), (64.6, "info"), (61.2, "amber")])
def test_five_percent_from_baseline_is_info(latest: float, level: str | None) -> None:
    profile = Profile(baseline_weight_kg=68.0)
    found = {lvl for _, lvl in rules([entry(weight_kg=latest)], profile=profile)}
    assert found == ({level} if level else set())


@pytest.mark.parametrize(("latest", "flagged"), [(57.1, False), (57.0, True), (56.9, True)])
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


def test_without_a_profile_baseline_the_first_weight_ever_is_the_baseline() -> None:
    first = entry(DAY - timedelta(days=200), weight_kg=70.0)
    found = find_flags([first, entry(weight_kg=63.0)], [], PROFILE, DAY, DAY)
    assert [(f.rule, f.values["baseline_kg"]) for f in found] == [("weight_from_baseline", "70")]


# --- info -------------------------------------------------------------------------------------


def test_trend_is_info() -> None:
    week = [entry(DAY - timedelta(days=i), anxiety=2) for i in range(1, 5)]
    assert ("trend_anxiety", "info") in rules([*week, entry(anxiety=4)])
    assert ("trend_anxiety", "info") not in rules([*week, entry(anxiety=3)])


def test_no_trend_info_inside_a_severe_episode_already_flagged() -> None:
    week = [entry(DAY - timedelta(days=i), pain=2) for i in range(1, 5)]
    assert rules([*week, entry(pain=8)]) == {("pain_severe", "amber")}


# --- thresholds only inside their safe ranges -------------------------------------------------


@pytest.mark.parametrize(
    ("key", "below", "low", "high", "above"),
    [
        ("fever_c", 37.4, 37.5, 38.0, 38.1),
        ("low_temp_c", 35.4, 35.5, 36.0, 36.1),
        ("chemo_window_days", 27, 28, 60, 61),
        ("vomiting_red", 3, 4, 10, 11),
        ("vomiting_amber", 1, 2, 5, 6),
        ("pain_severe", 4, 5, 9, 10),
        ("pain_rise", 1, 2, 5, 6),
        ("nausea_severe", 4, 5, 9, 10),
        ("fatigue_severe", 4, 5, 9, 10),
        ("itch_severe", 4, 5, 9, 10),
        ("weight_30d_pct", 2.9, 3, 10, 10.1),
        ("weight_baseline_pct", 4.9, 5, 20, 20.1),
    ],
)
def test_thresholds_only_inside_their_safe_range(
    key: str, below: float, low: float, high: float, above: float
) -> None:
    assert effective(Profile(thresholds={key: low}).thresholds)[key] == low
    assert effective(Profile(thresholds={key: high}).thresholds)[key] == high
    for unsafe in (below, above):
        with pytest.raises(ValidationError, match="safe range"):
            Profile(thresholds={key: unsafe})


def test_unknown_threshold_and_amber_at_or_above_red_are_refused() -> None:
    with pytest.raises(ValidationError, match=re.escape("from 37.5 to 38")):
        Profile(thresholds={"fever_c": 42})
    with pytest.raises(ValidationError, match="Unknown threshold"):
        Profile(thresholds={"fevre": 38})
    with pytest.raises(ValidationError, match="must be below"):
        Profile(thresholds={"vomiting_amber": 4, "vomiting_red": 4})


# --- words ------------------------------------------------------------------------------------


def test_red_names_only_a_24_hour_line_and_says_why_in_plain_words() -> None:
    [flag] = find_flags([entry(temperature_c=38.1)], CYCLES, PROFILE)
    assert flag.message.startswith("Call your 24-hour line now: 0100 000 0000")
    assert "9 days after chemotherapy can mean an infection" in flag.message
    assert "NICE" not in flag.message and "rule" not in flag.message
    assert "NICE CG151" in flag.source
    assert flag.values == {"temperature_c": "38.1", "days_since_dose": "9"}


def test_a_weekday_nurse_is_never_shown_as_the_24_hour_line() -> None:
    weekday_only = Profile(contacts=(NURSE,))
    [red] = find_flags([entry(temperature_c=38.1)], CYCLES, weekday_only)
    assert "0100 000 0001" not in red.message
    assert "hospital's 24-hour line" in red.message and "999" in red.message
    [amber] = find_flags([entry(nausea=8)], CYCLES, weekday_only)
    assert amber.message.startswith("Tell your care team today: 0100 000 0001 — Sam Nurse")


def test_amber_without_a_daytime_team_names_the_24_hour_line() -> None:
    [amber] = find_flags([entry(nausea=8)], CYCLES, Profile(contacts=(LINE,)))
    assert amber.message.startswith("Tell your care team today: ring your 24-hour line")


def test_an_override_equal_to_the_default_is_not_a_change() -> None:
    assert Profile(thresholds={"fever_c": 37.5, "chemo_window_days": 42.0}).thresholds == {}
