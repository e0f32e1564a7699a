"""The items beyond ESAS-r in the PDF: page-1 lines and a day-by-day table, only where
recorded, never under the ESAS-r heading; the demo's page 1 still fits one page."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

from symptomlog.demo import fill_demo
from symptomlog.report import build_report
from symptomlog.store import Diary
from tests.test_report import END, START, at


def _pages(diary: Diary, out: Path, start: date = START, end: date = END) -> list[str]:
    build_report(diary, out, start, end)
    return [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]


def test_page_one_sums_up_the_items_recorded_and_only_those(diary: Diary, tmp_path: Path) -> None:
    day = START + timedelta(days=3)
    diary.entries.add_many(
        [
            at(START, pain=2, stools_above_usual=1, mouth_sores=0, bleeding=False),
            at(day, pain=3, stools_above_usual=5, mouth_sores=2, shivering=True),
            at(day + timedelta(days=1), blood_glucose_mmol=3.8, other_problem_name="Hiccups"),
            at(day + timedelta(days=2), blood_glucose_mmol=14.2, other_problem=6),
            at(day + timedelta(days=2), 12, other_problem_name="Hiccups", other_problem=4),
        ]
    )
    pages = _pages(diary, tmp_path / "r.pdf")
    assert "Warning signs: Shivering on 1 day, last 04 Apr" in pages[0]  # page 1's own line
    first = pages[1]  # the details page
    assert "Other items (not part of ESAS-r; 0 and blank left out)" in first
    assert "Bowels: Stools above usual worst 5 (04 Apr), latest 5" in first
    assert "Mouth sores worst 2/4 “eating soft food only” (04 Apr)" in first
    assert "Warning signs: Shivering on 1 day, last 04 Apr" in first
    assert "Blood glucose 3.8–14.2 mmol/L, latest 14.2 (06 Apr)" in first
    assert "Hiccups worst 4/10 (06 Apr)" in first and "not named worst 6/10" in first
    assert "Numbness" not in first and "Activity level" not in first  # never asked
    assert "Weight worst" not in first  # the items before issue 16 have their own tables
    table = next(p for p in pages if "Other items, day by day" in p)
    assert "Warning signs (yes)" in table and "Stools above usual Mouth sores" in table
    assert "Wed 01 Apr 1 0 – none" in table  # asked: none; glucose not recorded: –
    assert "Sat 04 Apr 5 2 – Shivering" in table and "Sun 05 Apr – – 3.8 –" in table


def test_a_diary_without_the_new_items_shows_none_of_them(diary: Diary, tmp_path: Path) -> None:
    diary.entries.add_many([at(START, pain=2), at(START + timedelta(days=1), nausea=3, numbness=0)])
    text = " ".join(_pages(diary, tmp_path / "r.pdf"))
    assert "Other items (not part" not in text and "ESAS-r" in text  # numbness 0: nothing to say


def test_the_demo_report_page_one_is_still_one_page(diary: Diary, tmp_path: Path) -> None:
    end = date(2026, 11, 20)
    fill_demo(diary, days=120, end=end)
    pages = _pages(diary, tmp_path / "demo.pdf", end - timedelta(days=27), end)
    assert "ESAS-r: Watanabe 2011 (Alberta Health Services" in pages[0]  # page 1's last line
    assert pages[1].startswith("Every red and amber flag in the period")
    assert "Warning signs: none reported" in pages[0]  # the demo asks the new items too
