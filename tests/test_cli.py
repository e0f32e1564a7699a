"""The command line end to end, through a real subprocess: outputs and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pictures import png_colours, png_size


def run(
    *args: str, db: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "symptomlog"]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli" / "diary.sqlite3"


def test_version_prints_the_version() -> None:
    from symptomlog import __version__

    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"symptomlog {__version__}"


def test_importing_the_cli_loads_neither_qt_nor_matplotlib_nor_the_database() -> None:
    code = (
        "import sys, symptomlog.cli; "
        "heavy = ('PySide6', 'matplotlib', 'reportlab', 'sqlalchemy'); "
        "print([m for m in heavy if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_core_packages_never_import_qt() -> None:
    code = (
        "import sys; import symptomlog.store, symptomlog.exchange.transfer, symptomlog.demo, "
        "symptomlog.analysis.daily, symptomlog.commands; print('PySide6' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_add_then_export_shows_the_entry_with_blanks_blank(db: Path) -> None:
    added = run(
        "add",
        "--when",
        "2026-03-01T09:30",
        "--pain",
        "3",
        "--weight",
        "61.2",
        "--by",
        "carer",
        "--name",
        "David",
        "--note",
        "=SUM(A1)",
        db=db,
    )
    assert added.returncode == 0, added.stderr
    assert "Saved entry 1 for 2026-03-01 09:30 (carer)" in added.stdout
    exported = run("export", "--format", "csv", "-o", "-", db=db)
    header, row = exported.stdout.splitlines()
    values = dict(zip(header.split(","), row.split(","), strict=True))
    assert values["pain"] == "3" and values["weight_kg"] == "61.2" and values["nausea"] == ""
    assert values["recorder_name"] == "David" and values["notes"] == "'=SUM(A1)"


def test_bad_value_exits_2_with_one_line_and_writes_nothing(db: Path) -> None:
    run("add", "--pain", "2", db=db)
    before = run("export", "--format", "json", "-o", "-", db=db).stdout
    result = run("add", "--pain", "11", "--temperature", "hot", db=db)
    assert result.returncode == 2
    assert "Pain must be a whole number from 0 to 10 (got 11)" in result.stderr
    assert "Temperature must be a number from 34 to 43 °C (got hot)" in result.stderr
    assert "Traceback" not in result.stderr
    after = run("export", "--format", "json", "-o", "-", db=db).stdout
    assert json.loads(after)["entries"] == json.loads(before)["entries"]


def test_bad_usage_exits_2(db: Path) -> None:
    result = run("add", "--by", "neighbour", db=db)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_import_reports_every_problem_and_exit_2(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("recorded_at,pain\n2026-03-01,12\n2026-03-02,x\n", encoding="utf-8")
    result = run("import", str(source), db=db)
    assert result.returncode == 2
    assert "line 2, column pain" in result.stderr and "line 3, column pain" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_twice_says_how_many_were_already_there(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "ok.csv"
    source.write_text("recorded_at,pain\n2026-03-01,2\n2026-03-02,3\n", encoding="utf-8")
    assert "Imported 2 entries" in run("import", str(source), db=db).stdout
    again = run("import", str(source), db=db)
    assert again.returncode == 0 and "Imported 0 entries" in again.stdout
    assert "2 were already in the diary" in again.stdout


def test_missing_import_file_exit_2_and_no_diary_created(db: Path, tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nope.csv"), db=db)
    assert result.returncode == 2 and "nope.csv does not exist" in result.stderr
    assert not db.exists()


def test_export_of_a_missing_diary_says_so(db: Path) -> None:
    result = run("export", "--format", "csv", "-o", "-", db=db)
    assert result.returncode == 1 and "There is no diary at" in result.stderr


def test_damaged_diary_is_reported_not_crashed_and_left_as_it_was(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"garbage" * 1000)
    result = run("add", "--pain", "1", db=db)
    assert result.returncode == 1 and "damaged or is not a symptomlog diary" in result.stderr
    assert db.read_bytes() == b"garbage" * 1000
    checked = run("check", db=db)
    assert checked.returncode == 1 and "PROBLEM" in checked.stdout


def test_unwritable_folder_for_a_new_diary(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = run("add", "--pain", "1", db=blocker / "diary.sqlite3")
    assert result.returncode == 1 and "Cannot create a diary at" in result.stderr


def test_environment_variable_chooses_the_diary(tmp_path: Path) -> None:
    path = tmp_path / "env.sqlite3"
    result = run("add", "--pain", "1", env={"SYMPTOMLOG_DB": str(path)})
    assert result.returncode == 0
    shown = run("export", "--format", "csv", "-o", "-", env={"SYMPTOMLOG_DB": str(path)})
    assert shown.stdout.count("\n") == 2 and ",1," in shown.stdout  # the heading, the entry


def test_cycles_profile_check_backup_and_restore(db: Path, tmp_path: Path) -> None:
    assert (
        run(
            "cycle",
            "add",
            "--regimen",
            "mfolfirinox",
            "--start",
            "2026-03-02",
            "--count",
            "3",
            db=db,
        ).returncode
        == 0
    )
    listed = run("cycle", "list", db=db).stdout
    assert "mFOLFIRINOX" in listed and "2026-03-30" in listed and "C3" in listed
    assert (
        run(
            "profile",
            "set",
            "--name",
            "Test Person",
            "--born",
            "1960-01-02",
            "--contact",
            "GP|Dr A|0100",
            "--contact",
            "24h-line|AOS|0199|24 hours",
            "--stent",
            "yes",
            db=db,
        ).returncode
        == 0
    )
    shown = run("profile", "show", db=db).stdout
    assert shown.index("24-hour line: AOS, 0199 (24 hours)") < shown.index("GP: Dr A, 0100")
    assert "Biliary stent:    yes" in shown
    assert run("check", db=db).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "-o", str(copy), db=db).returncode == 0
    run("add", "--pain", "9", db=db)
    restored = run("restore", str(copy), db=db)
    assert restored.returncode == 0 and "kept at" in restored.stdout
    assert run("export", "--format", "json", "-o", "-", db=db).stdout.count('"pain": 9') == 0


def test_demo_fills_an_empty_diary_and_refuses_a_full_one(db: Path) -> None:
    result = run("demo", "--days", "60", db=db)
    assert result.returncode == 0 and "fictional" in result.stdout
    again = run("demo", db=db)
    assert again.returncode == 2 and "already has entries" in again.stderr


def test_screenshot_renders_a_png(db: Path, tmp_path: Path) -> None:
    run("demo", "--days", "30", db=db)
    png = tmp_path / "today.png"
    result = run("--view", "today", "--screenshot", str(png), db=db)
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = png_size(png)
    assert width >= 800 and height >= 600  # the whole window, not an empty widget
    colours = png_colours(png)
    assert len(colours) > 50  # text, buttons and the demo strip, not a blank frame
    assert (11, 87, 208) in colours  # the focus ring of the stylesheet (#0b57d0)


def test_flags_as_json_on_the_demo_diary(db: Path) -> None:
    assert run("demo", db=db).returncode == 0
    result = run("flags", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    flags = json.loads(result.stdout)
    assert flags and all(set(f) >= {"date", "level", "rule", "message", "source"} for f in flags)
    assert [f["date"] for f in flags] == sorted(f["date"] for f in flags)
    red = {f["rule"] for f in flags if f["level"] == "red"}
    assert {"temperature", "new_jaundice", "jaundice_with_fever"} <= red
    assert all("guidance, not a diagnosis" in f["guidance"] for f in flags)
    text = run("flags", "--from", flags[-1]["date"], db=db)
    assert text.returncode == 0 and "not a diagnosis" in text.stdout


def test_flags_with_a_wrong_date_is_bad_usage(db: Path) -> None:
    assert run("demo", db=db).returncode == 0
    result = run("flags", "--from", "2026-13-01", db=db)
    assert result.returncode == 2 and "--from" in result.stderr


def test_report_writes_a_pdf_for_the_last_28_days(db: Path, tmp_path: Path) -> None:
    assert run("demo", db=db).returncode == 0
    out = tmp_path / "summary.pdf"
    result = run("report", "-o", str(out), db=db)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and "pages" in result.stdout
    from pypdf import PdfReader

    first = PdfReader(out).pages[0].extract_text()
    assert "(28 days)" in first
    bad = run("report", "-o", str(out), "--from", "2026-02-30", db=db)
    assert bad.returncode == 2 and "--from" in bad.stderr
