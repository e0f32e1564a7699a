"""Hostile file contents (issue 18): imports that are broken, endless or too large, JSON
built to break the parser, far-away dates, and stored text meant for a terminal or a PDF
viewer. Each is refused with a message naming what and where, and nothing is written."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from symptomlog.errors import BadFile
from symptomlog.store import Diary
from tests.test_cli import run

FIXTURES = Path(__file__).parent / "data"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "diary.sqlite3"
    assert run("add", "--pain", "3", db=path).returncode == 0
    assert run("flags", db=path).returncode == 0  # opening it again writes the daily backup
    return path


def test_an_unterminated_quote_is_refused_not_swallowed(db: Path, tmp_path: Path) -> None:
    csv = tmp_path / "broken.csv"
    csv.write_text(
        'recorded_at,pain,notes\n2026-01-01,2,"never closed\n2026-01-02,3,ok\n2026-01-03,4,ok\n',
        encoding="utf-8",
    )
    result = run("import", str(csv), db=db)
    assert result.returncode == 2
    assert "line 2" in result.stderr and "never closed" in result.stderr
    assert "0 entries" not in result.stderr
    assert run("export", "--format", "csv", "-o", "-", db=db).stdout.count("\n") == 2


def test_inputs_that_never_end_are_refused(db: Path, tmp_path: Path) -> None:
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (zero, fifo):
        result = run("import", str(path), db=db)
        assert result.returncode == 2 and "not a regular file" in result.stderr


def test_a_file_too_large_is_refused_without_reading_it_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from symptomlog.exchange import textfile

    big = tmp_path / "big.csv"
    big.write_bytes(b"recorded_at\n" + b"2026-01-01\n" * 100)
    monkeypatch.setattr(textfile, "MAX_IMPORT_BYTES", 64)
    with pytest.raises(BadFile, match="too large"):
        textfile.read_text(big)


def _entry_json(**fields: object) -> dict[str, object]:
    return {"recorded_at": "2026-03-01T09:30", "recorded_by": "patient", **fields}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ('{"format_version": 2, "entries": ' + "[" * 5000 + "]" * 5000 + "}", "nested too deeply"),
        ('{"format_version": 2, "entries": [{"pain": 1' + "0" * 5000 + "}]}", "far too large"),
        ('{"format_version": 2, "entries": [{"pain": NaN}]}', "NaN"),
        ('{"format_version": 2, "format_version": 1}', "appears twice"),
        ('{"format_version": 2, "entries": [{"recorded_at": "\\ud800"}]}', "entries[0]"),
    ],
)
def test_json_attacks_on_the_parser_are_bad_files(
    tmp_path: Path, document: str, expected: str
) -> None:
    from symptomlog.errors import SymptomlogError
    from symptomlog.exchange.json_format import read_json

    path = tmp_path / "attack.json"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(SymptomlogError) as caught:
        read_json(path)
    assert caught.value.exit_code == 2 and expected in str(caught.value)


@pytest.mark.parametrize(
    ("section", "value", "where", "expected"),
    [
        ("profile", {"contacts": [{"kind": "gp", "name": "Dr", "phone": 5}]}, "profile", "text"),
        ("profile", {"name": ["a", "list"]}, "profile", "Name must be text"),
        ("profile", {"born": None, "height_cm": "tall"}, "profile", "must be a number"),
        ("profile", {"stent": "false"}, "profile", "yes, no or blank"),
        ("profile", {"name": "x" * 10_000}, "profile", "too long"),
        ("entries", [_entry_json(yellow_eyes="false")], "entries[0]", "yes, no or blank"),
        ("entries", [_entry_json(recorded_at=None)], "entries[0]", "required"),
        ("entries", [_entry_json(recorded_at="2026-03-01T09:30+02:00")], "entries[0]", "offset"),
        ("entries", [_entry_json(notes="\ud800 bad")], "entries[0]", "not valid Unicode"),
        ("entries", [_entry_json(pain="9" * 300)], "entries[0]", "…"),
        ("entries", [_entry_json(id=1), _entry_json(id=1, pain=2)], "entries[1].id", "also the id"),
    ],
)
def test_json_values_of_the_wrong_kind_are_located_and_nothing_is_imported(
    diary: Diary, tmp_path: Path, section: str, value: object, where: str, expected: str
) -> None:
    import json

    from symptomlog.errors import ImportRejected
    from symptomlog.exchange.transfer import import_file

    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format_version": 2, section: value}), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_file(diary, path)
    message = str(caught.value)
    assert where in message and expected in message, message
    assert len(message) < 600  # quotes an excerpt, never the whole bad value
    assert diary.entries.count() == 0 and diary.profile.get().name is None


def test_a_hostile_json_exits_2_through_the_command_line(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format_version": 2, "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = run("import", str(path), db=db)
    assert result.returncode == 2 and "unexpected error" not in result.stderr
    assert "nested too deeply" in result.stderr and "damaged" not in result.stderr


def test_far_away_dates_are_refused_and_an_old_diary_loses_only_impossible_cycles(
    db: Path, tmp_path: Path
) -> None:
    far = run("cycle", "add", "--regimen", "mfolfirinox", "--start", "9999-12-25", db=db)
    assert far.returncode == 2 and "between 1900 and 2100" in far.stderr
    typo = run("cycle", "add", "--regimen", "mfolfirinox", "--start", "2036-01-05", db=db)
    assert typo.returncode == 2 and "more than a year ahead" in typo.stderr
    report = run("report", "-o", str(tmp_path / "r.pdf"), "--to", "9999-12-31", db=db)
    assert report.returncode == 2 and "--to must be between 1900 and 2100" in report.stderr
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0001.sqlite3", old)
    with sqlite3.connect(old) as conn:
        before = conn.execute("SELECT count(*) FROM cycles").fetchone()[0]
        conn.execute(
            "INSERT INTO cycles (regimen, line, number, planned_start, cycle_days, drug_days, "
            "ends_line) VALUES ('mfolfirinox', 1, 9, '9999-12-25', 14, '1', 0)"
        )
    assert run("report", "-o", str(tmp_path / "old.pdf"), db=old).returncode == 0
    with Diary.open(old) as diary:
        assert len(diary.cycles.all()) == before
        removed = [a for a in diary.profile.audit() if a.key == "cycle removed"]
        assert [a.old_value for a in removed] == ["mfolfirinox C9 9999-12-25"]


def test_stored_text_never_reaches_the_terminal_as_control_characters(db: Path) -> None:
    assert run("profile", "set", "--name", "Eve\x1b[2J\x1b[31mRED", db=db).returncode == 0
    shown = run("profile", "show", db=db).stdout
    assert "\x1b" not in shown and "Eve\\x1b[2J" in shown


def test_pdf_metadata_has_no_bidi_overrides(db: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert run("profile", "set", "--name", "Ann\u202eevil\u202c", db=db).returncode == 0
    pdf = tmp_path / "r.pdf"
    assert run("report", "-o", str(pdf), db=db).returncode == 0
    meta = PdfReader(pdf).metadata
    assert meta is not None and meta.author == "Annevil"
    assert "\u202e" not in (meta.title or "")
