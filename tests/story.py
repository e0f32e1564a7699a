"""A fictional 24-week diary with the story of issue 14, for the flag tests and by hand.

Six cycles of mFOLFIRINOX (line 1), then gemcitabine + nab-paclitaxel (line 2).
Every cycle of line 1 brings the severe nausea and tiredness the team already
knows (7 and 7 on days 2-3); one nadir fever (38.3 °C on C3 D9, logged by the
carer); one day with 6 vomits in one entry; a day with two entries of 3 vomits
(never added up); a jaundice episode in line 2 (yellow eyes and dark urine with
pale stools, itch climbing); a ten-day spell of severe pain; a slow weight loss
past 10 % of the profile's baseline. A biliary stent is in place after the ERCP.
Each red day has a note: the patient's or carer's own words for page 1 of the PDF.

Red should fall on exactly three days: the fever, the 6 vomits, the new jaundice.
Run as a script to write it: ``python tests/story.py DIARY.sqlite3``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from symptomlog.domain import ChemoCycle, Contact, Entry, Profile, Recorder, plan_cycles
from symptomlog.store import Diary

START = date(2026, 5, 4)
WEEKS = 24
FEVER_DAY = START + timedelta(days=28 + 8)  # C3 D9: the nadir
SIX_VOMITS_DAY = START + timedelta(days=42 + 1)  # C4 D2
TWO_THREES_DAY = START + timedelta(days=14 + 5)  # C2 D6: 3 in the morning, 3 at night
JAUNDICE_DAY = START + timedelta(days=105)  # week 16, line 2
PAIN_SPELL = (START + timedelta(days=126), START + timedelta(days=135))
RED_DAYS = {FEVER_DAY, SIX_VOMITS_DAY, JAUNDICE_DAY}

PROFILE = Profile(
    name="Rosa Fictional",
    born=date(1957, 2, 3),
    baseline_weight_kg=64.0,
    baseline_date=START,
    stent=True,
    contacts=(
        Contact("24h-line", "Acute Oncology (fictional)", "0100 000 0100", "24 hours"),
        Contact("palliative", "Jo Nurse (fictional)", "0100 000 0101", "Mon–Fri 9–5"),
    ),
)


def cycles() -> list[ChemoCycle]:
    first = plan_cycles("mfolfirinox", START, 6)
    last = first[-1]
    ended = [*first[:-1], replace(last, ends_line=True)]
    second = plan_cycles("gem-nabpac", START + timedelta(days=91), 3, line=2)
    return [*ended, *second]


def _day_values(day: date) -> dict[str, object]:
    offset = (day - START).days
    values: dict[str, object] = {
        "pain": 3,
        "nausea": 2,
        "fatigue": 4,
        "appetite": 4,
        "weight_kg": round(64.0 - offset * 0.04, 1),
        "temperature_c": 36.7,
        "itch": 1,
    }
    if offset < 84 and offset % 14 in (1, 2):
        values |= {"nausea": 7, "fatigue": 7}  # the known post-chemotherapy days
    if PAIN_SPELL[0] <= day <= PAIN_SPELL[1]:
        values["pain"] = 7
    since_jaundice = (day - JAUNDICE_DAY).days
    if -3 <= since_jaundice < 0:
        values["itch"] = 2 + since_jaundice + 3  # 2, 3, 4: climbing slowly
    if 0 <= since_jaundice < 10:
        values |= {"yellow_eyes": True, "itch": 5, "dark_urine": True, "pale_stools": True}
    if day == SIX_VOMITS_DAY:
        values["vomiting_episodes"] = 6
    return values


def entries() -> list[Entry]:
    found = []
    for offset in range(WEEKS * 7):
        day = START + timedelta(days=offset)
        found.append(Entry(datetime.combine(day, time(9)), **_day_values(day)))  # type: ignore[arg-type]
    found += [
        Entry(datetime.combine(TWO_THREES_DAY, time(8)), vomiting_episodes=3),
        Entry(datetime.combine(TWO_THREES_DAY, time(22)), vomiting_episodes=3),
        Entry(
            datetime.combine(FEVER_DAY, time(20)),
            Recorder.CARER,
            recorder_name="Tom",
            temperature_c=38.3,
            notes="Shivery and hot this evening.",
        ),
        Entry(
            datetime.combine(SIX_VOMITS_DAY, time(21)),
            notes="Sick all day, could not keep my tablets down.",
        ),
        Entry(
            datetime.combine(JAUNDICE_DAY, time(18)),
            Recorder.CARER,
            recorder_name="Tom",
            notes="Her eyes look yellow tonight and her wee is dark.",
        ),
    ]
    return found


def write(diary: Diary) -> None:
    diary.profile.save(PROFILE)
    diary.cycles.add(cycles())
    diary.entries.add_many(entries())


if __name__ == "__main__":
    with Diary.open(sys.argv[1]) as target:
        write(target)
    print(f"Wrote the 24-week story to {sys.argv[1]}")
