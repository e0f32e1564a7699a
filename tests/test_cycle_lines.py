"""Lines of treatment: a new line ends the one before (store, CLI, cycle days), NALIRIFOX as
28-day cycles (drugs on days 1 and 15), and the migration of old fortnightly NALIRIFOX cycles."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from symptomlog.analysis.cycle_day import cycle_day
from symptomlog.domain import REGIMENS, ChemoCycle
from symptomlog.store import Diary
from tests.test_cli import run

FIXTURES = Path(__file__).parent / "data"
START = date(2026, 3, 2)


def test_nalirifox_is_28_days_with_drugs_on_days_1_and_15() -> None:
    assert (REGIMENS["nalirifox"].cycle_days, REGIMENS["nalirifox"].drug_days) == (28, (1, 15))
    cycle = ChemoCycle("nalirifox", 1, START)
    assert cycle.drug_dates() == [START, START + timedelta(days=14)]
    assert cycle_day([cycle], START + timedelta(days=20)).label == "L1 C1 D21"  # type: ignore[union-attr]


def test_a_new_regimen_ends_the_line_and_removes_its_unstarted_cycles(diary: Diary) -> None:
    diary.cycles.add_planned("mfolfirinox", START, 6)  # C1-C6 every 14 days
    switch = START + timedelta(days=63)  # after C5 began (day 56), before C6 (day 70)
    notes: list[str] = []
    (new,) = diary.cycles.add_planned("gem-nabpac", switch, notes=notes)
    cycles = diary.cycles.all()
    assert new.line == 2 and new.number == 1
    assert [(c.line, c.number) for c in cycles] == [(1, n) for n in range(1, 6)] + [(2, 1)]
    assert [c.ends_line for c in cycles if c.line == 1] == [False] * 4 + [True]
    assert any("C6" in n and "Removed" in n for n in notes)
    assert any("Line 1 (mFOLFIRINOX) now ends with C5" in n for n in notes)


def test_a_gap_before_the_next_line_is_off_treatment_not_day_15() -> None:
    """Issue 19: 30 Mar - 5 Apr showed "C6 D15-D21" of a 14-day regimen."""
    first = ChemoCycle("mfolfirinox", 6, START, line=1)  # not marked as ending its line
    second = ChemoCycle("gem-nabpac", 1, START + timedelta(days=21), line=2)
    assert cycle_day([first, second], START + timedelta(days=13)).label == "L1 C6 D14"  # type: ignore[union-attr]
    assert cycle_day([first, second], START + timedelta(days=14)) is None
    assert cycle_day([first, second], START + timedelta(days=20)) is None
    assert cycle_day([first, second], START + timedelta(days=21)).label == "L2 C1 D1"  # type: ignore[union-attr]
    # within one line a late next cycle still stretches the one before (a delay)
    late = ChemoCycle("mfolfirinox", 7, START + timedelta(days=21), line=1)
    assert cycle_day([first, late], START + timedelta(days=16)).label == "L1 C6 D17"  # type: ignore[union-attr]


def test_a_cycle_actually_given_after_the_switch_is_kept(diary: Diary) -> None:
    diary.cycles.add_planned("mfolfirinox", START, 3)
    given = diary.cycles.all()[2]
    diary.cycles.update(ChemoCycle(**{**given.__dict__, "actual_start": given.start}))
    diary.cycles.add_planned("gemcitabine", START + timedelta(days=20))
    assert sorted((c.line, c.number) for c in diary.cycles.all()) == [
        (1, 1),
        (1, 2),
        (1, 3),
        (2, 1),
    ]


def test_the_command_line_starts_a_new_line_with_the_same_regimen(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    assert (
        run(
            "cycle", "add", "--regimen", "nalirifox", "--start", "2026-03-02", "--count", "3", db=db
        ).returncode
        == 0
    )
    result = run(
        "cycle", "add", "--regimen", "nalirifox", "--start", "2026-04-20", "--new-line", db=db
    )
    assert result.returncode == 0, result.stderr
    assert "Added NALIRIFOX L2 C1 starting 2026-04-20." in result.stdout
    assert "Line 1 (NALIRIFOX) now ends with C2" in result.stdout
    assert "Removed NALIRIFOX L1 C3 (planned for 27 Apr 2026)" in result.stdout
    listed = run("cycle", "list", db=db).stdout
    assert "end of line" in listed and "1,15" in listed


def _old_diary_with_fortnightly_nalirifox(tmp_path: Path) -> Path:
    copy = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0001.sqlite3", copy)
    rows = [
        (1, 1, "2026-01-05", None, None),
        (1, 2, "2026-01-19", "2026-01-26", "80% dose"),  # a week late
        (1, 3, "2026-02-09", None, None),
        (1, 4, "2026-02-23", None, None),
        (1, 5, "2026-03-09", None, None),  # an odd one out: a cycle of its own
    ]
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM cycles")
        conn.executemany(
            "INSERT INTO cycles (regimen, line, number, planned_start, actual_start, cycle_days, "
            "drug_days, dose_note, ends_line) VALUES ('nalirifox', ?, ?, ?, ?, 14, '1', ?, 0)",
            rows,
        )
        conn.execute(
            "INSERT INTO cycles (regimen, line, number, planned_start, actual_start, cycle_days, "
            "drug_days, dose_note, ends_line) VALUES ('nalirifox', 2, 1, '2026-06-01', NULL, 21, "
            "'1', 'custom length: left alone', 0)"
        )
    return copy


def test_old_fortnightly_nalirifox_cycles_become_28_day_cycles_audited(tmp_path: Path) -> None:
    with Diary.open(_old_diary_with_fortnightly_nalirifox(tmp_path)) as diary:
        cycles = diary.cycles.all()
        audit = diary.profile.audit()
    got = [(c.line, c.number, c.start, c.cycle_days, c.drug_days, c.dose_note) for c in cycles]
    assert got == [
        (1, 1, date(2026, 1, 5), 35, (1, 22), "day 22: 80% dose"),  # C2 given on day 22
        (1, 2, date(2026, 2, 9), 28, (1, 15), None),
        (1, 3, date(2026, 3, 9), 28, (1, 15), None),
        (2, 1, date(2026, 6, 1), 21, (1,), "custom length: left alone"),
    ]
    (note,) = [a for a in audit if a.key == "cycles renumbered"]
    assert note.old_value == "NALIRIFOX line 1: 5 cycles of 14 days (C1–C5)"
    assert note.new_value is not None and "3 cycles of 28 days" in note.new_value


def test_since_the_last_report_starts_the_day_after_it_ended(diary: Diary) -> None:
    assert diary.reports.since_last(date(2026, 5, 1)) is None
    diary.reports.saved(date(2026, 3, 1), date(2026, 3, 28))
    diary.reports.saved(date(2026, 3, 29), date(2026, 4, 10))
    assert diary.reports.since_last(date(2026, 5, 1)) == (date(2026, 4, 11), date(2026, 5, 1))
    assert diary.reports.since_last(date(2026, 4, 10)) == (date(2026, 4, 10), date(2026, 4, 10))


def test_report_since_last_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    today = date.today()
    first = today - timedelta(days=20)
    assert run("add", "--when", f"{first}T09:00", "--pain", "3", db=db).returncode == 0
    refused = run("report", "-o", str(tmp_path / "a.pdf"), "--since-last", db=db)
    assert (
        refused.returncode == 2 and "No report has been saved from this diary yet" in refused.stderr
    )
    assert not (tmp_path / "a.pdf").exists()
    until = today - timedelta(days=5)
    made = run(
        "report", "-o", str(tmp_path / "b.pdf"), "--from", str(first), "--to", str(until), db=db
    )
    assert made.returncode == 0, made.stderr
    again = run("report", "-o", str(tmp_path / "c.pdf"), "--since-last", db=db)
    assert again.returncode == 0, again.stderr
    since = until + timedelta(days=1)
    assert f"for {since:%d %b %Y} – {today:%d %b %Y}." in again.stdout
    both = run("report", "-o", str(tmp_path / "d.pdf"), "--since-last", "--from", str(first), db=db)
    assert both.returncode == 2 and "--since-last goes without --from and --to" in both.stderr
