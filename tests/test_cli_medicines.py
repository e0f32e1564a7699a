"""The command line's medicine, dose and event commands, as DESIGN.md writes them:
what they store and print, the 24-hour warning (still recorded, exit 0), and
exit 2 with a clear message and nothing written for anything wrong."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from symptomlog.cli import main
from symptomlog.store import Diary
from tests.test_cli import run

WHEN = datetime(2026, 3, 2, 8, 0)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli" / "diary.sqlite3"


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def add_morphine(db: Path, most: str = "6") -> None:
    assert (
        cli(
            db,
            "med",
            "add",
            "--name",
            "Oral morphine",
            "--strength",
            "10 mg/5 ml",
            "--as-needed",
            "--for",
            "pain",
            "--max-per-24h",
            most,
            "--start",
            "2026-03-01",
        )
        == 0
    )


def test_med_add_list_and_stop(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_morphine(db)
    assert (
        cli(db, "med", "add", "--name", "Creon", "--strength", "25,000 units", "--for", "enzymes")
        == 0
    )
    out = capsys.readouterr().out
    assert "Added Oral morphine 10 mg/5 ml (as needed, for pain, at most 6 in 24 h)." in out
    assert cli(db, "med", "list", "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(m["name"], m["as_needed"], m["purpose"], m["max_per_24h"]) for m in listed] == [
        ("Creon", False, "enzymes", None),
        ("Oral morphine", True, "pain", 6),
    ]
    assert cli(db, "med", "stop", "creon", "--date", "2026-03-05") == 0
    assert "Stopped Creon 25,000 units on 2026-03-05." in capsys.readouterr().out
    assert cli(db, "med", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Oral morphine 10 mg/5 ml") and "since 2026-03-01" in lines[0]
    assert lines[1].startswith("Creon") and "stopped 2026-03-05" in lines[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--max-per-24h", "0"),
            "Most doses in 24 hours must be a whole number from 1 to 24 (got 0)",
        ),
        (("--max-per-24h", "two"), "Most doses in 24 hours must be a whole number from 1 to 24"),
        (("--for", "sleep"), "What it is for must be one of pain, nausea, bowels"),
        (("--start", "2026-02-30"), "must be a date like 2026-03-01"),
    ],
)
def test_med_add_refuses_bad_values_and_writes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert cli(db, "med", "add", "--name", "Oral morphine", *args) == 2
    assert message in capsys.readouterr().err
    assert not db.exists()


def test_dose_is_recorded_with_who_gave_it(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_morphine(db)
    assert (
        cli(
            db,
            "dose",
            "ORAL MORPHINE",
            "--when",
            "2026-03-02T08:00",
            "--amount",
            "5 ml",
            "--by",
            "carer",
            "--name",
            "David",
        )
        == 0
    )
    assert "Recorded Oral morphine 10 mg/5 ml 5 ml at 2026-03-02 08:00, given by carer." in (
        capsys.readouterr().out
    )
    with Diary.open(db) as diary:
        [taken] = diary.medicines.doses()
    assert (taken.taken_at, taken.amount, taken.given_by.value, taken.giver_name) == (
        WHEN,
        "5 ml",
        "carer",
        "David",
    )


def test_the_24_hour_maximum_warns_on_stderr_but_still_records(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_morphine(db, most="2")
    assert cli(db, "dose", "Oral morphine", "--when", "2026-03-02T08:00") == 0
    assert capsys.readouterr().err == ""
    assert cli(db, "dose", "Oral morphine", "--when", "2026-03-02T12:00") == 0
    err = capsys.readouterr().err
    assert (
        "Warning: That is the 2nd dose of Oral morphine 10 mg/5 ml in 24 hours — the most "
        "your team set. If the pain is not controlled, call your care team." in err
    )  # the window's words; no number: this diary has no care team yet
    assert cli(db, "dose", "Oral morphine", "--when", "2026-03-02T20:00") == 0
    assert "3rd dose" in (err := capsys.readouterr().err) and "more than the 2 your team" in err
    assert cli(db, "dose", "Oral morphine", "--when", "2026-03-03T12:30") == 0  # 08:00 has left
    assert "Warning" in capsys.readouterr().err  # 12:00, 20:00 and 12:30: three in 24 h
    with Diary.open(db) as diary:
        assert len(diary.medicines.doses()) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("Oramorph",),
            "There is no medicine called 'Oramorph' in this diary (medicines: Oral morphine)",
        ),
        (("Oral morphine", "--when", "yesterday"), "must be a date like 2026-03-01"),
        (("Oral morphine", "--when", "2099-01-01T08:00"), "Time taken must not be in the future"),
        (
            ("Oral morphine", "--when", "2026-02-27T08:00"),
            "a dose on 2026-02-27 is before its start date (2026-03-01)",
        ),
        (("Oral morphine", "--amount", "5\x1b[2J ml"), "Amount contains a control character"),
    ],
)
def test_dose_refuses_bad_values_and_writes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    add_morphine(db)
    capsys.readouterr()
    assert cli(db, "dose", *args) == 2
    assert message in capsys.readouterr().err
    with Diary.open(db) as diary:
        assert diary.medicines.doses() == []


def test_doses_in_text_json_and_csv_for_a_period(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_morphine(db)
    for day, who in (("2026-03-02", "patient"), ("2026-03-03", "carer"), ("2026-03-04", "patient")):
        assert (
            cli(
                db,
                "dose",
                "Oral morphine",
                "--when",
                f"{day}T09:00",
                "--amount",
                "=5 ml",
                "--by",
                who,
            )
            == 0
        )
    capsys.readouterr()
    assert cli(db, "doses", "--from", "2026-03-03", "--to", "2026-03-04") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "2026-03-03 09:00  Oral morphine 10 mg/5 ml  =5 ml  carer",
        "2026-03-04 09:00  Oral morphine 10 mg/5 ml  =5 ml",
    ]
    assert cli(db, "doses", "--format", "json", "--to", "2026-03-02") == 0
    [record] = json.loads(capsys.readouterr().out)
    assert record["taken_at"] == "2026-03-02T09:00" and record["medicine"] == "Oral morphine"
    assert record["as_needed"] is True and record["purpose"] == "pain"
    assert cli(db, "doses", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["given_by"] for r in rows] == ["patient", "carer", "patient"]
    assert rows[0]["amount"] == "'=5 ml"  # safe to open in a spreadsheet
    assert cli(db, "doses", "--from", "2026-03-05", "--to", "2026-03-01") == 2
    assert "--from 2026-03-05 is after --to 2026-03-01" in capsys.readouterr().err


def test_event_add_and_list(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli(
            db,
            "event",
            "add",
            "--when",
            "2026-03-02T10:15",
            "--kind",
            "call",
            "--to",
            "24-hour line",
            "--advice",
            "Come to the unit",
            "--outcome",
            "admitted",
            "--flag-day",
            "2026-03-02",
            "--flag-rule",
            "temperature",
        )
        == 0
    )
    assert (
        cli(
            db,
            "event",
            "add",
            "--when",
            "2026-03-05T09:00",
            "--kind",
            "procedure",
            "--note",
            "ERCP, stent changed",
        )
        == 0
    )
    capsys.readouterr()
    assert cli(db, "event", "list") == 0
    assert capsys.readouterr().out.splitlines() == [
        "2026-03-02 10:15  Call to 24-hour line — Admitted — advice: Come to the unit  "
        "(after the flag of 2026-03-02)",
        "2026-03-05 09:00  Procedure — ERCP, stent changed",
    ]
    assert cli(db, "event", "list", "--format", "json") == 0
    call, procedure = json.loads(capsys.readouterr().out)
    assert call["outcome"] == "admitted" and call["flag_rule"] == "temperature"
    assert procedure["kind"] == "procedure" and procedure["outcome"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kind", "party"), "Kind must be one of call, admission, procedure, scan"),
        (("--kind", "scan", "--outcome", "seen"), "An outcome is recorded only for a call"),
        (("--kind", "call", "--outcome", "fine"), "Outcome must be one of advice, seen, admitted"),
        (("--kind", "scan", "--to", "GP"), "Who was called is recorded only for a call"),
    ],
)
def test_event_add_refuses_bad_values_and_writes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert cli(db, "event", "add", "--when", "2026-03-02T10:15", *args) == 2
    assert message in capsys.readouterr().err
    assert not db.exists()


def test_breakthrough_doses_show_in_flags_end_to_end(db: Path) -> None:
    """Through the installed entry point: three as-needed doses for pain make an amber."""
    add_morphine(db)
    start = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=7)
    for hours in (0, 3, 6):
        moment = (start + timedelta(hours=hours)).isoformat(timespec="minutes")
        assert run("dose", "Oral morphine", "--when", moment, db=db).returncode == 0
    result = run("flags", "--format", "json", db=db)
    assert result.returncode == 0
    [flag] = json.loads(result.stdout)
    assert flag["rule"] == "breakthrough_doses" and flag["level"] == "amber"
    assert date.fromisoformat(flag["date"]) >= start.date()
    assert "You needed 3 extra doses for pain in 24 hours" in flag["message"]


def test_thresholds_set_breakthrough_inside_its_safe_range_only(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_morphine(db)
    assert cli(db, "thresholds", "set", "breakthrough_doses=7") == 2
    assert "from 2 to 6 doses, the safe range" in capsys.readouterr().err
    assert cli(db, "thresholds", "set", "breakthrough_doses=2") == 0
    assert cli(db, "thresholds", "--format", "json") == 0
    out = capsys.readouterr().out
    [row] = [r for r in json.loads(out[out.index("[") :]) if r["key"] == "breakthrough_doses"]
    assert (row["value"], row["default"], row["range"], row["changed"]) == (2, 3, [2, 6], True)
    with Diary.open(db) as diary:
        [change] = [c for c in diary.profile.audit() if c.key == "threshold:breakthrough_doses"]
    assert (change.old_value, change.new_value, change.actor) == (None, "2", "command line")


def test_med_list_says_when_the_last_as_needed_dose_was(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_morphine(db)
    assert cli(db, "med", "add", "--name", "Senna", "--for", "bowels") == 0
    capsys.readouterr()
    assert cli(db, "med", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("; no dose yet") and "dose" not in lines[1].split("bowels")[1]
    two_hours_ago = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=2)
    for moment in (
        two_hours_ago - timedelta(hours=30),
        two_hours_ago - timedelta(hours=3),
        two_hours_ago,
    ):
        assert cli(db, "dose", "Oral morphine", "--when", moment.isoformat()) == 0
    capsys.readouterr()
    assert cli(db, "med", "list") == 0
    assert (
        capsys.readouterr().out.splitlines()[0].endswith("; last dose 2 h ago, 2 in the last 24 h")
    )
