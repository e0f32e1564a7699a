"""Page 1 as the two-minute read (issue 19), read back with pypdf from the 24-week story:
every red event with its date, cycle day and that day's own words; both lines of
treatment; ambers collapsed; the thresholds in force; always one page."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from symptomlog.domain import Entry, Profile, plan_cycles
from symptomlog.report import build_report
from symptomlog.report.heat_strip import band, columns, heat_strip
from symptomlog.report.page_one_data import (
    amber_lines,
    span,
    temperature_line,
    treatment_lines,
)
from symptomlog.report.summary import build_data
from symptomlog.store import Diary
from tests import story

END = story.START + timedelta(days=story.WEEKS * 7 - 1)


@pytest.fixture
def story_diary(diary: Diary) -> Diary:
    story.write(diary)
    return diary


def pages_of(diary: Diary, out: Path, start: date, end: date) -> list[str]:
    build_report(diary, out, start, end)
    return [" ".join(p.extract_text().split()) for p in PdfReader(out, strict=True).pages]


def test_page_one_of_24_weeks_has_every_red_event_with_its_words(
    story_diary: Diary, tmp_path: Path
) -> None:
    pages = pages_of(story_diary, tmp_path / "r.pdf", story.START, END)
    first = pages[0]
    assert "Red (call now) events: 3" in first
    assert (
        "Tue 09 Jun · L1 C3 D9 — Temperature 38.3 °C (at or above 37.5 °C), 8 days after a drug day"
        in first
    )
    assert "“Shivery and hot this evening.” — carer Tom, 20:00" in first
    assert "Tue 16 Jun · L1 C4 D2 — Vomited 6 times in 24 hours (one entry)" in first
    assert "“Sick all day, could not keep my tablets down.” — patient, 21:00" in first
    assert (
        "Mon 17 Aug · L2 C1 D15 — New jaundice signs: yellow eyes, dark urine, pale stools" in first
    )
    assert "“Her eyes look yellow tonight and her wee is dark.” — carer Tom, 18:00" in first
    # both lines of treatment, the first ended by the second; the current place
    assert "L1 mFOLFIRINOX: 04 May 2026 – 26 Jul 2026 · 6 cycles" in first
    assert "L2 Gemcitabine + nab-paclitaxel: 03 Aug 2026 – now · 3 cycles · now L2 C3 D21" in first
    # ambers collapsed: 17 flags, the known post-chemotherapy days as one line each
    assert "Tiredness ≥ 7 on 12 days, 5 May – 15 Jul (6 episodes)" in first
    assert "Pain ≥ 7 on 10 days, 7–16 Sep" in first
    assert first.count("Tiredness 7/10") == 0  # not the 6 flags one by one
    # the thresholds in force, the weight and the one-line summaries
    assert "Thresholds in force (0 changed from the default" in first
    assert "Fever at or above 37.5 °C" in first and "Biliary stent: yes" in first
    assert "baseline 64 kg (profile, 04 May 2026); latest 57.3 kg (18 Oct)" in first
    assert "cachexia criterion (Fearon 2011): met" in first
    assert "Vomiting: on 2 days of 2 recorded; most in one entry 6 (16 Jun)" in first
    assert "Temperature: highest 38.3 °C (9 Jun) L1 C3 D9" in first
    assert "Jaundice: yellow eyes on 10 days (17–26 Aug)" in first
    assert "Entries on 168 of 168 days (100 %)" in first
    # page 1 did not run over: page 2 starts with the full list of flags
    assert pages[1].startswith("Every red and amber flag in the period")
    assert "Page 1 of" in first


def test_a_changed_threshold_is_marked_on_page_one(story_diary: Diary, tmp_path: Path) -> None:
    profile = story_diary.profile.get()
    story_diary.profile.save(Profile(**{**profile.__dict__, "thresholds": {"fever_c": 38.0}}))
    first = pages_of(story_diary, tmp_path / "r.pdf", story.START, END)[0]
    assert "Thresholds in force (1 changed from the default" in first
    assert "Fever at or above 38 °C (changed; default 37.5)" in first


def test_too_many_events_are_capped_with_the_rest_on_page_two(diary: Diary, tmp_path: Path) -> None:
    start = date(2026, 3, 2)
    diary.entries.add_many(
        [
            Entry(
                datetime.combine(start + timedelta(days=i), time(9)),
                vomiting_episodes=7,
                notes=f"Day {i}: sick again, a long note that takes room on the page. " * 2,
            )
            for i in range(28)
        ]
    )
    pages = pages_of(diary, tmp_path / "r.pdf", start, start + timedelta(days=27))
    first = pages[0]
    assert "Red (call now) events: 28" in first
    shown = first.count("— Vomited 7 times")
    assert 1 <= shown < 28
    assert f"… {28 - shown} more on page 2." in first
    assert pages[1].startswith("Every red and amber flag in the period")
    assert pages[1].count("RED: Vomited 7 times") + pages[2].count("RED: Vomited 7 times") == 28


def test_the_heat_strip_prints_each_days_worst_score(story_diary: Diary) -> None:
    start, end = story.START, story.START + timedelta(days=27)
    data = build_data(
        story_diary.entries.between(None, end), story.cycles(), story.PROFILE, start, end
    )
    table = heat_strip(data, 500)
    assert table is not None
    rows = {row[0]: row[1:] for row in table._cellvalues}
    assert len(rows["Pain"]) == 28 == len(columns(start, end))
    tiredness = ["7" if i % 14 in (1, 2) else "4" for i in range(28)]
    assert rows["Tiredness"] == tiredness
    assert rows["Cycle"][0] == "L1 C1" and rows["Cycle"][14] == "L1 C2"
    drug_days = [i for i, mark in enumerate(rows["Drugs given"]) if mark]
    assert drug_days == [0, 14]  # mFOLFIRINOX: day 1 of each 14-day cycle
    assert "Drowsiness" not in rows  # never recorded: no empty row
    assert len(columns(story.START, END)) == 24  # 24 weeks: one column a week


def test_bands_read_in_grey_scale() -> None:
    shades = [band(score)[0] for score in (0, 2, 5, 8)]
    greys = [round(c.red, 3) for c in shades]
    assert all(c.red == c.green == c.blue for c in shades)  # grey, nothing but grey
    assert greys == sorted(greys, reverse=True) and len(set(greys)) == 4  # darker = worse
    assert band(8)[1].red == 1.0  # white figures on the darkest band


def test_spans_read_like_a_person_writes_them() -> None:
    assert span(date(2026, 6, 3), date(2026, 6, 21)) == "3–21 Jun"
    assert span(date(2026, 5, 28), date(2026, 6, 4)) == "28 May – 4 Jun"
    assert span(date(2026, 6, 3), date(2026, 6, 3)) == "3 Jun"


def test_a_new_line_ends_the_one_before_in_the_treatment_lines() -> None:
    lines = treatment_lines(story.cycles(), END)
    assert [(t.line, t.first, t.last, t.given, t.now) for t in lines] == [
        (1, story.START, story.START + timedelta(days=83), 6, None),
        (2, story.START + timedelta(days=91), story.START + timedelta(days=174), 3, "L2 C3 D21"),
    ]


def test_a_line_not_begun_yet_says_from_when_not_an_empty_span() -> None:
    planned = plan_cycles("mfolfirinox", END + timedelta(days=7), 2, line=3)
    lines = treatment_lines([*story.cycles(), *planned], END)
    assert lines[-1].text.startswith(f"L3 mFOLFIRINOX: from {END + timedelta(days=7):%d %b %Y}")
    assert "not begun, 2 more planned" in lines[-1].text and "–  ·" not in lines[-1].text


def _one_week(entries: list[Entry]) -> object:
    first = entries[0].recorded_at.date()
    return build_data(entries, [], Profile(), first, first + timedelta(days=6))


def test_the_lowest_temperature_is_the_lowest_reading_not_a_days_highest() -> None:
    day = date(2026, 6, 2)
    entries = [
        Entry(datetime.combine(day, time(8)), temperature_c=35.2),
        Entry(datetime.combine(day, time(20)), temperature_c=37.0),
        Entry(datetime.combine(day + timedelta(days=1), time(9)), temperature_c=36.6),
    ]
    line = temperature_line(_one_week(entries))  # type: ignore[arg-type]
    assert "highest 37.0 °C (2 Jun)" in line and "lowest 35.2 °C (2 Jun)" in line


def test_an_amber_raised_on_several_days_never_shows_one_days_numbers() -> None:
    day = date(2026, 6, 1)
    scores = {0: 1, 1: 5, 10: 0, 11: 4}  # two separate climbs of pain (below severe)
    entries = [
        Entry(datetime.combine(day + timedelta(days=offset), time(9)), pain=pain)
        for offset, pain in sorted(scores.items())
    ]
    first = entries[0].recorded_at.date()
    data = build_data(entries, [], Profile(), first, first + timedelta(days=13))
    [line] = [a.text for a in amber_lines(data) if a.text.startswith("Pain up")]
    assert line.startswith("Pain up by 3 or more within 3 days on 2 days")


def test_page_one_has_the_medicines_and_what_happened_after_each_red(
    story_diary: Diary, tmp_path: Path
) -> None:
    from symptomlog.domain import Dose, Event, EventKind, Medicine, Outcome, Purpose

    start = END - timedelta(days=27)
    meds = story_diary.medicines
    meds.add(Medicine("Creon", "25,000 units", purpose=Purpose.ENZYMES, start=story.START))
    meds.add(Medicine("Morphine MR", "20 mg", purpose=Purpose.PAIN, start=story.START))
    oramorph = meds.add(
        Medicine("Oramorph", "10 mg/5 ml", True, Purpose.PAIN, max_per_24h=6, start=story.START)
    )
    # breakthrough doses: 2 a day on the first 14 days of the period, 4 on its last day
    for offset in range(14):
        for hour in (10, 18):
            at = datetime.combine(start + timedelta(days=offset), time(hour))
            meds.record_dose(Dose(oramorph.id or 0, at))
    for hour in (8, 12, 16, 20):
        meds.record_dose(Dose(oramorph.id or 0, datetime.combine(END, time(hour))))
    story_diary.events.add(
        Event(
            datetime.combine(story.FEVER_DAY, time(20, 30)),
            EventKind.CALL,
            to_whom="Acute Oncology",
            outcome=Outcome.SEEN,
            flag_day=story.FEVER_DAY,
            flag_rule="temperature",
        )
    )
    story_diary.events.add(Event(datetime.combine(END - timedelta(days=3), time(11)), "scan"))
    pages = pages_of(story_diary, tmp_path / "r.pdf", story.START, END)
    first = pages[0]
    assert "After it: 09 Jun 20:30 Call to Acute Oncology — Seen." in first
    assert first.count("After it: no call recorded.") == 2  # the 6 vomits and the jaundice
    assert "Regular now: Creon 25,000 units; Morphine MR 20 mg" in first
    assert "As needed now: Oramorph 10 mg/5 ml (for pain)" in first
    # 32 doses over 168 days: mean 0.2 a day; most 4, on the last day
    assert (
        "Breakthrough doses (as needed, for pain): mean 0.2 a day, most 4 in a day (18 Oct)"
        in first
    )
    assert "Events: 09 Jun 20:30 Call to Acute Oncology — Seen · 15 Oct 11:00 Scan" in first
    assert pages[1].startswith("Every red and amber flag in the period")  # still one page
    short = pages_of(story_diary, tmp_path / "short.pdf", start, END)[0]
    assert "mean 1.1 a day, most 4 in a day (18 Oct)" in short  # 32 doses over 28 days
