"""A realistic, wholly fictional diary, so a newcomer (and every test) sees real data.

The story: a woman in her sixties with pancreatic cancer and liver metastases
starts mFOLFIRINOX (one cycle delayed, later a dose reduction), has a fever in
a nadir, then moves to gemcitabine + nab-paclitaxel; a jaundice episode (a
blocked stent) comes and goes; her weight falls about 10 %; her husband
records some days for her, and some days nobody records at all. Her medicines,
doses and the events after each red flag are in ``demo_medicines``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from symptomlog.demo_medicines import fill_medicines
from symptomlog.domain import ChemoCycle, Contact, Entry, Profile, Recorder, plan_cycles
from symptomlog.domain.profile import ContactKind
from symptomlog.errors import Problem, ValidationError
from symptomlog.store import Diary

PATIENT_NOTES = (
    "Slept badly, back pain at night.",
    "Managed a short walk to the end of the road.",
    "Couldn't face breakfast. Ate some soup at tea time.",
    "Tired all day — stayed on the sofa.",
    "Felt more like myself today 🙂",
    "Pins and needles in my fingers from the cold tap.",
    "Grandchildren visited, lovely but exhausting.",
)
CARER_NOTES = (
    "Very sleepy today, I did the entry for her.",
    "She was sick twice after lunch. Kept fluids down later.",
    "Seemed brighter in the evening, watched a film together.",
)


@dataclass(frozen=True)
class DemoPlan:
    start: date
    end: date
    cycles: list[ChemoCycle]
    fever_day: date
    jaundice_days: tuple[date, ...]


def plan(days: int, end: date) -> DemoPlan:
    start = end - timedelta(days=days - 1)
    first_line_cycles = min(12, max(1, int(days * 0.55) // 14))
    first = plan_cycles("mfolfirinox", start + timedelta(days=6), first_line_cycles)
    if len(first) >= 3:  # cycle 3 delayed a week (low neutrophils), then given at 80 %
        shift = timedelta(days=7)
        first = [
            c
            if c.number < 3
            else ChemoCycle(
                c.regimen,
                c.number,
                c.planned_start + (shift if c.number > 3 else timedelta()),
                actual_start=c.planned_start + shift,
                dose_note="80% dose" if c.number >= 3 else None,
            )
            for c in first
        ]
    last = first[-1]
    first[-1] = ChemoCycle(
        last.regimen,
        last.number,
        last.planned_start,
        last.actual_start,
        dose_note=last.dose_note,
        ends_line=True,
    )
    second_start = last.start + timedelta(days=21)
    second = []
    if second_start <= end:
        count = min(12, max(1, (end - second_start).days // 28 + 1))
        second = plan_cycles("gem-nabpac", second_start, count, line=2)
    fever_cycle = first[min(1, len(first) - 1)]
    fever_day = fever_cycle.start + timedelta(days=8)
    jaundice_start = start + timedelta(days=int(days * 0.7))
    jaundice = tuple(jaundice_start + timedelta(days=i) for i in range(6))
    return DemoPlan(start, end, first + second, fever_day, jaundice)


def _cycle_day(cycles: list[ChemoCycle], day: date) -> int | None:
    current = [c for c in cycles if c.start <= day]
    if not current:
        return None
    return (day - current[-1].start).days + 1


def _beyond(cycle_day: int | None, progress: float) -> dict[str, object]:
    """The items beyond ESAS-r, drawn from the cycle and the story (no random draws, so
    the story's own events and flags stay as they were): mild diarrhoea and mouth
    soreness after each dose, numbness that comes with the oxaliplatin, the warning
    signs asked and all "no", and a little less done each day as months pass."""
    day = cycle_day or 0
    return {
        "stools_above_usual": {2: 1, 3: 2, 4: 2, 5: 1}.get(day, 0),
        "days_since_bowels_opened": 1 if day in (6, 7) else 0,
        "shivering": False,
        "bleeding": False,
        "clot_signs": False,
        "confusion": False,
        "cannot_keep_fluids": False,
        "mouth_sores": 1 if 5 <= day <= 9 else 0,
        "numbness": 1 if progress > 0.3 else 0,
        "abdominal_swelling": 0,
        "activity_level": 1 if progress < 0.6 else 2,
    }


def _entry(rng: random.Random, demo: DemoPlan, day: date, moment: datetime) -> Entry:
    progress = (day - demo.start).days / max(1, (demo.end - demo.start).days)
    cycle_day = _cycle_day(demo.cycles, day)
    after_chemo = cycle_day is not None and cycle_day <= 4
    jaundiced = day in demo.jaundice_days
    carer = rng.random() < 0.25

    def scale(base: float, spread: float = 0.7) -> int:
        return max(0, min(10, round(base + rng.gauss(0, spread))))

    # Calm day-to-day noise, so that the flags on the demo are the story's events
    # (a nadir fever, a jaundice episode, a bad vomiting day, weight loss), not chance.
    nausea = scale(1.5 + (3 if after_chemo else 0))
    vomiting = rng.choice((0, 1, 2)) if after_chemo and rng.random() < 0.5 else 0
    if day == demo.fever_day - timedelta(days=7):
        vomiting = 3  # cycle 2, day 2: a bad day after the pump
    temperature: float | None = round(rng.uniform(36.3, 37.1), 1)
    if rng.random() > 0.85:
        temperature = None
    if day == demo.fever_day:
        temperature = 38.3
    elif day == demo.fever_day + timedelta(days=1):
        temperature = 37.6
    if jaundiced and day == demo.jaundice_days[2]:
        temperature = 37.8
    weight = round(68.0 - 7.0 * progress + rng.gauss(0, 0.3), 1)
    note_pool = CARER_NOTES if carer else PATIENT_NOTES
    note = rng.choice(note_pool) if rng.random() < 0.2 else None
    if jaundiced and day == demo.jaundice_days[0]:
        note = "Whites of my eyes look yellow this morning & my wee is dark. Rang the 24h line."
    if day == demo.fever_day:
        note = "Shivery and hot. Temp 38.3 — called the chemo line, told to come in."
    return Entry(
        recorded_at=moment,
        recorded_by=Recorder.CARER if carer else Recorder.PATIENT,
        recorder_name="David (husband)" if carer else None,
        pain=scale(2 + 2.5 * progress + (1.5 if jaundiced else 0), 0.5),
        nausea=nausea,
        vomiting_episodes=vomiting,
        fatigue=scale(3 + 2 * progress + (1.5 if after_chemo else 0)),
        appetite=scale(3 + 3 * progress),
        breathlessness=scale(1, 0.8) if rng.random() < 0.8 else None,
        drowsiness=scale(2 + 2 * progress),
        depression=scale(2.5),
        anxiety=scale(3 + (2 if jaundiced else 0)),
        wellbeing=scale(3.5 + 3 * progress),
        weight_kg=weight if rng.random() < 0.45 else None,
        temperature_c=temperature,
        yellow_eyes=jaundiced,
        yellow_skin=jaundiced and day >= demo.jaundice_days[1],
        dark_urine=jaundiced and day <= demo.jaundice_days[4],
        pale_stools=jaundiced and day <= demo.jaundice_days[3],
        itch=scale(6, 0.7) if jaundiced else scale(0.5, 0.4),
        **_beyond(cycle_day, progress),  # type: ignore[arg-type]
        notes=note,
    )


def build_entries(days: int, seed: int, end: date, now: datetime) -> tuple[DemoPlan, list[Entry]]:
    rng = random.Random(seed)
    demo = plan(days, end)
    entries = []
    for offset in range(days):
        day = demo.start + timedelta(days=offset)
        essential = day == demo.fever_day or day in demo.jaundice_days
        if rng.random() < 0.08 and not essential:
            continue  # a missing day
        moments = [time(9, rng.randrange(0, 50))]
        if rng.random() < 0.3 or day == demo.fever_day:
            moments.append(time(20, rng.randrange(0, 50)))
        for moment in moments:
            when = datetime.combine(day, moment)
            if when <= now:
                entries.append(_entry(rng, demo, day, when))
    return demo, entries


DEMO_PROFILE = Profile(
    name="Margaret Ellis (demo)",
    born=date(1959, 4, 17),
    hospital_number="DEMO-000-0000",
    height_cm=165.0,
    contacts=(
        Contact(ContactKind.LINE_24H, "Acute Oncology (demo)", "0100 000 0000", "24 hours"),
        Contact(
            ContactKind.PALLIATIVE,
            "Sam Patel (demo)",
            "0100 000 0001",
            "Mon–Fri 9–5",
            "Palliative care nurse specialist",
        ),
        Contact(ContactKind.GP, "Dr R. Hughes (demo)", "0100 000 0002", "Mon–Fri 8–6:30"),
    ),
)


def check_demo_days(days: int) -> None:
    """A demo is 14 days to ten years long."""
    if not 14 <= days <= 3660:
        raise ValidationError(Problem("days", f"Days must be from 14 to 3660 (got {days})"))


def fill_demo(diary: Diary, days: int = 180, seed: int = 7, end: date | None = None) -> int:
    """Fill an empty diary with a fictional one; refuse to touch a diary with entries."""
    check_demo_days(days)
    if diary.entries.count() or diary.cycles.all():
        raise ValidationError(
            Problem("", f"{diary.name} already has entries; the demo only fills an empty diary")
        )
    now = datetime.now()
    demo, entries = build_entries(days, seed, end or now.date(), now)
    baseline = next(e for e in entries if e.weight_kg is not None)
    profile = Profile(
        **{
            k: v
            for k, v in vars(DEMO_PROFILE).items()
            if k not in ("baseline_weight_kg", "baseline_date")
        },
        baseline_weight_kg=68.0,
        baseline_date=baseline.recorded_at.date(),
    )
    with diary.transaction():
        diary.profile.save(profile)
        diary.cycles.add(demo.cycles)
        diary.entries.add_many(entries)
        fill_medicines(diary, demo, seed, now)
    return len(entries)
