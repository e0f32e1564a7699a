"""The demo diary's medicines, doses and events (all fictional), told with its story.

Regular modified-release morphine twice a day (raised from 20 to 30 mg after the
palliative nurse reviewed the breakthrough doses), oral morphine solution as needed
for pain (at most 6 in 24 hours), ondansetron as needed after each chemotherapy
dose, Creon with meals and a nightly laxative. As-needed doses for pain rise with
the jaundice episode and again in the last week, each time to an amber flag; after
each red flag the events say what happened (a call, its advice and outcome, an
admission, an ERCP with a stent change), and a CT scan ends the first line.

Its own random generator, so the entries (and their flags) stay exactly as before.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from symptomlog.domain import Dose, Event, Medicine, Purpose, Recorder

if TYPE_CHECKING:
    from symptomlog.demo import DemoPlan
    from symptomlog.store import Diary

LINE_24H = "Acute Oncology 24-hour line (demo)"
NURSE = "Sam Patel, palliative nurse (demo)"
MR_OLD, MR_NEW, ORAMORPH, ONDANSETRON, LAXATIVE, CREON = 1, 2, 3, 4, 5, 6


def medicines(demo: DemoPlan) -> list[Medicine]:
    """The list (ids are the demo's own, mapped to the diary's on import)."""
    change = demo.jaundice_days[1]
    first_dose = demo.cycles[0].start
    return [
        Medicine(
            "Morphine sulfate MR", "20 mg", False, Purpose.PAIN, 2, demo.start, change, MR_OLD
        ),
        Medicine(
            "Morphine sulfate MR",
            "30 mg",
            False,
            Purpose.PAIN,
            2,
            change + timedelta(1),
            None,
            MR_NEW,
        ),
        Medicine(
            "Oral morphine solution",
            "10 mg/5 ml",
            True,
            Purpose.PAIN,
            6,
            demo.start,
            None,
            ORAMORPH,
        ),
        Medicine("Ondansetron", "8 mg", True, Purpose.NAUSEA, 2, first_dose, None, ONDANSETRON),
        Medicine(
            "Macrogol (Laxido)", "1 sachet", False, Purpose.BOWELS, None, demo.start, None, LAXATIVE
        ),
        Medicine(
            "Creon",
            "25,000 units",
            False,
            Purpose.ENZYMES,
            None,
            demo.start - timedelta(days=40),
            None,
            CREON,
        ),
    ]


def _breakthrough_times(rng: random.Random, demo: DemoPlan, day: date) -> list[time]:
    """As-needed doses for pain: at most one on an ordinary day (so never three in any
    24 hours by chance), three or four in the jaundice episode and the last bad days."""
    late = demo.end - timedelta(days=5) <= day <= demo.end - timedelta(days=3)
    if day in demo.jaundice_days[:4] or (late and (demo.end - demo.start).days >= 60):
        hours = [time(10, 15), time(15, 40), time(21, 30)]
        if rng.random() < 0.5:
            hours.insert(0, time(3, 20))  # woken by the pain
        return hours
    if rng.random() < 0.35:
        return [time(rng.randrange(13, 19), rng.randrange(0, 60))]
    return []


def _day_doses(rng: random.Random, demo: DemoPlan, day: date) -> Iterator[tuple[int, time, str]]:
    """(medicine, time, amount) of every dose of one day."""
    mr = MR_OLD if day <= demo.jaundice_days[1] else MR_NEW
    yield mr, time(8, 0), "1 tablet"
    yield mr, time(20, 0), "1 tablet"
    yield LAXATIVE, time(21, 0), "1 sachet"
    for moment in _breakthrough_times(rng, demo, day):
        yield ORAMORPH, moment, "5 ml"
    cycle_day = next(
        ((day - c.start).days + 1 for c in reversed(demo.cycles) if c.start <= day), None
    )
    if cycle_day in (1, 2, 3):
        yield ONDANSETRON, time(8, 30), "1 tablet"
        if day == demo.fever_day - timedelta(days=7):  # the bad vomiting day: the most allowed
            yield ONDANSETRON, time(19, 45), "1 tablet"


def doses(demo: DemoPlan, seed: int, now: datetime) -> list[Dose]:
    """Every dose from the diary's first day, none in the future, oldest first."""
    rng = random.Random(seed * 7919 + 17)  # never the entries' generator
    found: list[Dose] = []
    day = demo.start
    while day <= demo.end:
        carer = rng.random() < 0.2
        for medicine_id, moment, amount in _day_doses(rng, demo, day):
            when = datetime.combine(day, moment)
            if when > now:
                continue
            by = Recorder.CARER if carer and medicine_id == ORAMORPH else Recorder.PATIENT
            name = "David (husband)" if by is Recorder.CARER else None
            found.append(Dose(medicine_id, when, amount, by, name))
        day += timedelta(days=1)
    return sorted(found, key=lambda d: d.taken_at)


def events(demo: DemoPlan, now: datetime) -> list[Event]:
    """What happened after the red flags, the stent change and the scan."""
    fever, jaundice = demo.fever_day, demo.jaundice_days
    first_line_end = max(c.start for c in demo.cycles if c.regimen == "mfolfirinox")

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute))

    planned: list[tuple[Any, ...]] = [
        (
            at(fever, 9, 55),
            "call",
            "Shivery and hot",
            LINE_24H,
            "Come to the assessment unit now",
            "admitted",
            fever,
            "temperature",
        ),
        (at(fever, 13, 0), "admission", "IV antibiotics; home two days later"),
        (
            at(first_line_end + timedelta(days=10), 11, 0),
            "scan",
            "CT scan: the cancer has grown; second-line treatment planned",
        ),
        (
            at(jaundice[0], 10, 30),
            "call",
            "Yellow eyes, dark urine",
            LINE_24H,
            "Come in today for blood tests",
            "seen",
            jaundice[0],
            "new_jaundice",
        ),
        (
            at(jaundice[1], 11, 0),
            "call",
            "Needing extra morphine",
            NURSE,
            "Regular morphine MR goes up from 20 mg to 30 mg twice a day",
            "advice",
            jaundice[0],
            "breakthrough_doses",
        ),
        (
            at(jaundice[2], 8, 0),
            "call",
            "Temperature 37.8 and still yellow",
            LINE_24H,
            "Come in now",
            "admitted",
            jaundice[2],
            "jaundice_with_fever",
        ),
        (at(jaundice[2], 15, 0), "procedure", "ERCP: blocked stent replaced"),
    ]
    # built only when inside the diary's days: an Event in the future would be refused
    return [
        Event(*fields)
        for fields in planned
        if demo.start <= fields[0].date() <= demo.end and fields[0] <= now
    ]


def fill_medicines(diary: Diary, demo: DemoPlan, seed: int, now: datetime) -> int:
    """Store the demo's medicines, doses and events (inside the caller's transaction)."""
    listed = [m for m in medicines(demo) if m.start is None or m.start <= demo.end]
    ids = {m.id for m in listed}
    taken = [d for d in doses(demo, seed, now) if d.medicine_id in ids]
    _medicines, added = diary.medicines.add_records(listed, taken, actor="demo")
    diary.events.add_records(events(demo, now), actor="demo")
    return added
