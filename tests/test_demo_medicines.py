"""The demo diary's medicines, doses and events: deterministic, consistent with the
story (breakthrough doses rise with the jaundice and in the last days, each time one
amber), the entries' own flags unchanged, and every demo length fills without error."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from symptomlog.analysis.flags import Level, diary_flags, find_flags
from symptomlog.demo import fill_demo, plan
from symptomlog.domain.doses import breakthrough_per_day, dose_limit
from symptomlog.store import Diary
from tests.conftest import DEMO_END


def test_the_demo_has_medicines_doses_and_events(demo_diary: Diary) -> None:
    names = {m.label for m in demo_diary.medicines.all()}
    assert {"Oral morphine solution 10 mg/5 ml", "Creon 25,000 units", "Ondansetron 8 mg"} <= names
    assert {"Morphine sulfate MR 20 mg", "Morphine sulfate MR 30 mg"} <= names
    current = demo_diary.medicines.find("morphine sulfate mr")
    assert current.strength == "30 mg" and current.stop is None  # the raised dose
    doses = demo_diary.medicines.doses()
    assert len(doses) > 400 and any(d.by_carer for d in doses)
    kinds = [e.kind.value for e in demo_diary.events.between()]
    assert kinds.count("call") == 4 and {"admission", "procedure", "scan"} <= set(kinds)


def test_the_demo_is_the_same_each_time(demo_diary: Diary) -> None:
    with Diary.in_memory() as again:
        fill_demo(again, days=180, seed=7, end=DEMO_END)
        assert [d.with_id(None) for d in again.medicines.doses()] == [
            d.with_id(None) for d in demo_diary.medicines.doses()
        ]
        assert again.events.between() == demo_diary.events.between()


def test_breakthrough_doses_rise_in_the_jaundice_and_the_last_days_one_amber_each(
    demo_diary: Diary,
) -> None:
    story = plan(180, DEMO_END)
    found = [f for f in diary_flags(demo_diary) if f.rule == "breakthrough_doses"]
    assert [f.day for f in found] == [story.jaundice_days[0], DEMO_END - timedelta(days=5)]
    assert all(f.level is Level.AMBER for f in found)
    counts = breakthrough_per_day(demo_diary.medicines.doses(), demo_diary.medicines.all())
    ordinary = [n for d, n in counts.items() if d < story.jaundice_days[0]]
    assert max(ordinary) == 1 and counts[story.jaundice_days[0]] >= 3
    without = find_flags(
        demo_diary.entries.between(), demo_diary.cycles.all(), demo_diary.profile.get()
    )
    assert [f for f in diary_flags(demo_diary) if f.rule != "breakthrough_doses"] == without


def test_each_call_follows_a_flag_of_its_day_and_the_bad_day_reaches_the_maximum(
    demo_diary: Diary,
) -> None:
    flags = {(f.day, f.rule) for f in diary_flags(demo_diary)}
    calls = [e for e in demo_diary.events.between() if e.kind.value == "call"]
    assert all((c.flag_day, c.flag_rule) in flags for c in calls)
    story = plan(180, DEMO_END)
    ondansetron = demo_diary.medicines.find("Ondansetron")
    bad_evening = datetime.combine(story.fever_day - timedelta(days=7), datetime.max.time())
    limit = dose_limit(ondansetron, demo_diary.medicines.doses(), bad_evening)
    assert limit is not None and limit.reached and not limit.passed


@pytest.mark.parametrize("days", [14, 30, 61, 365])
def test_every_demo_length_fills_up_to_today(days: int) -> None:
    with Diary.in_memory() as diary:
        fill_demo(diary, days=days, seed=3)
        assert all(d.taken_at <= datetime.now() for d in diary.medicines.doses())
        assert diary.medicines.doses()[0].taken_at.date() >= date.today() - timedelta(days=days)
