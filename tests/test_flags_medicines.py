"""The breakthrough rule (CLINICAL.md: ≥ 3 as-needed doses for pain in 24 h → amber):
just below, at and above the threshold, at both ends of its safe range, one flag
per episode, only as-needed medicines for pain, and the whole diary judged."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from symptomlog.analysis.flags import Level, diary_flags, find_flags
from symptomlog.domain import Contact, Dose, Medicine, Profile
from symptomlog.domain.thresholds import SOURCE_BREAKTHROUGH
from symptomlog.store import Diary

NURSE = Contact("palliative", "Sam Nurse", "0100 000 0001", "Mon–Fri 9–5")
PROFILE = Profile(contacts=(NURSE,))
MORPHINE = Medicine("Oral morphine", "10 mg/5 ml", True, "pain", 6, id=1)
MST = Medicine("Morphine MR", "30 mg", False, "pain", 2, id=2)
CYCLIZINE = Medicine("Cyclizine", "50 mg", True, "nausea", 3, id=3)
MEDICINES = (MORPHINE, MST, CYCLIZINE)
DAY = date(2026, 3, 20)
EIGHT = datetime(2026, 3, 20, 8, 0)


def doses_at(hours: list[float], medicine: Medicine = MORPHINE) -> list[Dose]:
    return [Dose(medicine.id, EIGHT + timedelta(hours=h)) for h in hours]  # type: ignore[arg-type]


def flags(doses: list[Dose], profile: Profile = PROFILE, **period: date):  # type: ignore[no-untyped-def]
    return find_flags(
        [], [], profile, period.get("start"), period.get("end"), medicines=MEDICINES, doses=doses
    )


@pytest.mark.parametrize(("count", "flagged"), [(2, False), (3, True), (4, True)])
def test_below_at_and_above_the_default_of_three(count: int, flagged: bool) -> None:
    found = flags(doses_at([4 * i for i in range(count)]))
    assert [(f.rule, f.level) for f in found] == (
        [("breakthrough_doses", Level.AMBER)] if flagged else []
    )


def test_the_words_say_what_to_do_and_why_with_the_source_under_details() -> None:
    [flag] = flags(doses_at([0, 3, 6]))
    assert flag.day == DAY
    assert flag.why == (
        "You needed 3 extra doses for pain in 24 hours: your regular pain relief may need a review."
    )
    assert flag.message.startswith("Tell your care team today: 0100 000 0001 — Sam Nurse")
    assert flag.message.endswith(flag.why)
    assert flag.source == SOURCE_BREAKTHROUGH
    assert flag.values == {"breakthrough_doses": "3", "24_hours_to": "2026-03-20 14:00"}
    assert "Scottish" not in flag.message  # sources stay under Details


@pytest.mark.parametrize(
    ("limit", "count", "flagged"),
    [(2, 1, False), (2, 2, True), (6, 5, False), (6, 6, True), (6, 7, True)],
)
def test_both_ends_of_the_safe_range(limit: int, count: int, flagged: bool) -> None:
    profile = Profile(contacts=(NURSE,), thresholds={"breakthrough_doses": limit})
    found = flags(doses_at([3 * i for i in range(count)]), profile)
    assert bool(found) is flagged


def test_any_24_hours_counts_across_midnight_not_calendar_days() -> None:
    # 20:00, 23:00 and 04:00 next day: two on each calendar day, three within 8 hours
    [flag] = flags(doses_at([12, 15, 20]))
    assert flag.day == DAY + timedelta(days=1)
    # exactly 24 hours apart have left the window: 08:00, then 08:00 and 09:00 next day
    assert flags(doses_at([0, 24, 25])) == []


def test_only_as_needed_doses_for_pain_count() -> None:
    regular = doses_at([0, 4, 8], MST)
    sickness = doses_at([0, 4, 8], CYCLIZINE)
    assert flags(regular + sickness) == []
    assert len(flags(regular + sickness + doses_at([1, 5, 9]))) == 1


def test_one_flag_per_episode_repeated_weekly_and_a_new_one_after_a_day_below() -> None:
    daily = [24 * d + h for d in range(9) for h in (0, 5, 10)]  # 3 a day for 9 days
    found = flags(doses_at(daily))
    assert [f.day for f in found] == [DAY, DAY + timedelta(days=7)]
    assert "since" in found[1].title and "since Fri 20 Mar" in found[1].why
    after_gap = daily + [24 * 11 + h for h in (0, 5, 10)]  # day 10 none, day 11 again
    assert [f.day for f in flags(doses_at(after_gap))][-1] == DAY + timedelta(days=11)
    one_a_day_between = [0, 5, 10, 24 + 10, 48, 53, 58]  # day 2 has 2 in its own 24 h
    assert [f.day for f in flags(doses_at(one_a_day_between))] == [DAY, DAY + timedelta(days=2)]


def test_the_period_keeps_only_its_days_but_the_episode_looks_back() -> None:
    daily = [24 * d + h for d in range(3) for h in (0, 5, 10)]
    assert flags(doses_at(daily), start=DAY + timedelta(days=1), end=DAY + timedelta(days=2)) == []


def test_diary_flags_judge_the_stored_doses(diary: Diary) -> None:
    morphine = diary.medicines.add(Medicine("Oral morphine", "10 mg/5 ml", True, "pain", 6))
    for hour in (0, 3, 6):
        diary.medicines.record_dose(Dose(morphine.id, EIGHT + timedelta(hours=hour)))  # type: ignore[arg-type]
    assert [f.rule for f in diary_flags(diary)] == ["breakthrough_doses"]
