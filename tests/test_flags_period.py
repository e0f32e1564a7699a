"""A period's flags are exactly the whole history's flags on those days.

``find_flags`` judges the one-day rules and the trend only on the days it is asked
for (and the days the trend looks back on), to keep Today's check quick; the rules
with a state over time still judge every day. If that shortcut ever lost or added
a flag, Today would disagree with History and the PDF: these tests compare every
single day and many periods against the whole history, on the 24-week story, on
the demo diary (with medicines and doses) and on random diaries.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from symptomlog.analysis.flags import Flag, find_flags
from symptomlog.demo import fill_demo
from symptomlog.domain import ChemoCycle, Entry, Profile, plan_cycles
from symptomlog.domain.fields import ESAS_SCALES
from symptomlog.store import Diary
from tests import story

START = date(2026, 3, 2)


def _inside(flags: list[Flag], start: date, end: date) -> list[Flag]:
    return [f for f in flags if start <= f.day <= end]


def _check_every_day_and_some_periods(
    entries: list[Entry],
    cycles: list[ChemoCycle],
    profile: Profile,
    **medicines: object,
) -> int:
    """Every day alone, and periods of 2-40 days starting on every fifth day, agree."""
    whole = find_flags(entries, cycles, profile, **medicines)  # type: ignore[arg-type]
    days = sorted({e.recorded_at.date() for e in entries})
    first, last = days[0], days[-1]
    checked = 0
    day = first
    while day <= last:
        got = find_flags(entries, cycles, profile, day, day, **medicines)  # type: ignore[arg-type]
        assert got == _inside(whole, day, day), day
        if (day - first).days % 5 == 0:
            for length in (2, 8, 40):
                end = day + timedelta(days=length - 1)
                got = find_flags(entries, cycles, profile, day, end, **medicines)  # type: ignore[arg-type]
                assert got == _inside(whole, day, end), (day, end)
        checked += 1
        day += timedelta(days=1)
    return len(whole)


def test_the_story_agrees_on_every_day(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Diary.open(tmp_path / "story.sqlite3") as diary:
        story.write(diary)
        count = _check_every_day_and_some_periods(
            diary.entries.between(), diary.cycles.all(), diary.profile.get()
        )
    assert count > 20  # the story raises many flags: the comparison means something


def test_the_demo_with_its_doses_agrees_on_every_day(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Diary.open(tmp_path / "demo.sqlite3") as diary:
        fill_demo(diary, days=120, seed=5, end=date(2026, 11, 1))
        count = _check_every_day_and_some_periods(
            diary.entries.between(),
            diary.cycles.all(),
            diary.profile.get(),
            medicines=diary.medicines.all(),
            doses=diary.medicines.doses(),
        )
    assert count > 10


score = st.none() | st.integers(0, 10)


@st.composite
def diaries(draw: st.DrawFn) -> list[Entry]:
    """Up to 40 days with 0-2 entries each: scores that jump about, fevers, vomits, signs."""
    entries = []
    for offset in range(draw(st.integers(1, 40))):
        for hour in draw(st.lists(st.sampled_from([8, 14, 20]), max_size=2, unique=True)):
            values: dict[str, object] = {s.name: draw(score) for s in ESAS_SCALES}
            values["temperature_c"] = draw(st.none() | st.sampled_from([36.8, 37.9, 38.3]))
            values["vomiting_episodes"] = draw(st.none() | st.integers(0, 7))
            values["itch"] = draw(score)
            values["yellow_eyes"] = draw(st.none() | st.booleans())
            values["dark_urine"] = draw(st.none() | st.booleans())
            values["weight_kg"] = draw(st.none() | st.sampled_from([58.0, 61.5, 64.0]))
            when = datetime.combine(START + timedelta(days=offset), time(hour))
            entries.append(Entry(when, **values))  # type: ignore[arg-type]
    return entries


@settings(max_examples=40, deadline=None)
@given(entries=diaries(), start=st.integers(0, 45), length=st.integers(1, 20))
def test_any_period_of_a_random_diary_agrees(entries: list[Entry], start: int, length: int) -> None:
    profile = Profile(baseline_weight_kg=64.0, baseline_date=START)
    cycles = plan_cycles("mfolfirinox", START, 3)
    first = START + timedelta(days=start)
    last = first + timedelta(days=length - 1)
    whole = find_flags(entries, cycles, profile)
    assert find_flags(entries, cycles, profile, first, last) == _inside(whole, first, last)
