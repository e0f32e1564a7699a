"""CSV and JSON import and export: all or nothing, every problem listed, exact round trips."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.fields import CSV_COLUMNS
from symptomlog.errors import BadFile, CannotWrite, ImportRejected
from symptomlog.exchange.csv_format import protect, unprotect
from symptomlog.exchange.transfer import export_file, export_text, import_file
from symptomlog.store import Diary

HEADER = ",".join(CSV_COLUMNS)
TRICKY_NOTES = (
    "=SUM(A1:A9)",
    "+44 100 000",
    "-2 kg since Monday",
    "@home",
    "\tindented",
    "'quoted already",
    "''=two apostrophes",
    'She said "enough", then laughed,\nand slept.',
    "Crème brûlée 🙂 & <b>bold</b>",
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_import_stores_rows_and_second_import_adds_nothing(
    diary: Diary, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "in.csv",
        "recorded_at,pain,weight_kg,yellow_eyes,recorded_by,recorder_name\n"
        "2026-03-01T09:30,3,61.2,no,patient,\n"
        "2026-03-02,5,,yes,carer,David\n",
    )
    first = import_file(diary, source)
    assert (first.added, first.already_present) == (2, 0)
    second = import_file(diary, source)
    assert (second.added, second.already_present) == (0, 2)
    assert "2 were already in the diary" in str(second)
    entries = diary.entries.between()
    assert entries[1].recorded_by is Recorder.CARER and entries[1].recorder_name == "David"
    assert entries[1].weight_kg is None and entries[0].pain == 3


def test_csv_import_lists_every_problem_with_line_and_column_and_stores_none(
    diary: Diary, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "bad.csv",
        "recorded_at,pain,temperature_c,notes\n"
        "2026-03-01T09:30,3,37.0,fine\n"
        '2026-03-02,11,37.0,"two\nlines"\n'
        "yesterday,2,45,\n",
    )
    with pytest.raises(ImportRejected) as caught:
        import_file(diary, source)
    assert [str(p) for p in caught.value.problems] == [
        "line 3, column pain: Pain must be a whole number from 0 to 10 (got 11)",
        "line 5, column recorded_at: Recorded at must be a date like 2026-03-01 or "
        "2026-03-01T09:30 (got yesterday)",
        "line 5, column temperature_c: Temperature must be a number from 34 to 43 °C (got 45)",
    ]
    assert diary.entries.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00", "not a text file"),
        ("recorded_at,pain\n2026-03-01,caf\xe9\n".encode("latin-1"), "not UTF-8"),
        (HEADER.encode() + b"\n", "no rows"),
        (b"recorded_at,pain,mood\n2026-03-01,3,good\n", "line 1, column mood: unknown column"),
        (b"pain,nausea\n3,4\n", "line 1, column recorded_at: the required column is missing"),
        (b"recorded_at,pain,pain\n2026-03-01,3,4\n", "appears twice"),
        (b"recorded_at,pain\n2026-03-01,3,4\n", "line 2: has 3 cells but the header has 2"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(
    diary: Diary, tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    with pytest.raises((BadFile, ImportRejected), match=message):
        import_file(diary, source)
    assert diary.entries.count() == 0


def test_missing_file_and_wrong_extension(diary: Diary, tmp_path: Path) -> None:
    with pytest.raises(BadFile, match="does not exist"):
        import_file(diary, tmp_path / "nope.csv")
    with pytest.raises(BadFile, match=r"not a \.csv or \.json"):
        import_file(diary, write(tmp_path / "notes.txt", "hello"))


def test_bom_is_accepted(diary: Diary, tmp_path: Path) -> None:
    source = write(tmp_path / "bom.csv", "\ufeffrecorded_at,pain\n2026-03-01,3\n")
    assert import_file(diary, source).added == 1


@pytest.mark.parametrize("text", TRICKY_NOTES)
def test_formula_protection_round_trips_exactly(text: str) -> None:
    protected = protect(text)
    assert not protected.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unprotect(protected) == text


def test_csv_export_is_spreadsheet_safe_and_round_trips_text(diary: Diary, tmp_path: Path) -> None:
    for minute, note in enumerate(TRICKY_NOTES):
        diary.entries.add(Entry(datetime(2026, 3, 1, 9, minute), pain=1, notes=note))
    out = tmp_path / "out.csv"
    export_file(diary, "csv", str(out))
    with out.open(newline="", encoding="utf-8") as handle:
        cells = [row["notes"] for row in csv.DictReader(handle)]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    with Diary.open(tmp_path / "copy.sqlite3") as copy:
        import_file(copy, out)
        assert [e.notes for e in copy.entries.between()] == list(TRICKY_NOTES)


def test_six_month_diary_exports_imports_and_reexports_identically(
    demo_diary: Diary, tmp_path: Path
) -> None:
    first = tmp_path / "first.csv"
    export_file(demo_diary, "csv", str(first))
    with Diary.open(tmp_path / "again.sqlite3") as again:
        summary = import_file(again, first)
        assert summary.added == demo_diary.entries.count() > 150
        second = tmp_path / "second.csv"
        export_file(again, "csv", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_json_round_trips_everything_into_an_empty_diary(demo_diary: Diary, tmp_path: Path) -> None:
    entry = demo_diary.entries.between()[3]
    assert entry.id is not None
    demo_diary.entries.update(entry.id, Entry(entry.recorded_at, pain=9), actor="carer")
    demo_diary.entries.delete(demo_diary.entries.between()[5].id, actor="patient")  # type: ignore[arg-type]
    source = tmp_path / "all.json"
    export_file(demo_diary, "json", str(source))
    with Diary.open(tmp_path / "restored.sqlite3") as restored:
        summary = import_file(restored, source)
        assert summary.profile_imported and summary.cycles_added == len(demo_diary.cycles.all())
        original = json.loads(source.read_text())
        copied = json.loads(export_text(restored, "json"))
    for key in ("profile", "cycles", "entries"):
        assert [_without_ids(x) for x in _list(copied[key])] == [
            _without_ids(x) for x in _list(original[key])
        ]
    assert [(a["action"], a["actor"], a["old_values"]) for a in copied["audit"]] == [
        (a["action"], a["actor"], a["old_values"]) for a in original["audit"]
    ]
    assert sum(1 for e in copied["entries"] if e["deleted_at"]) == 1


def _list(value: object) -> list:  # type: ignore[type-arg]
    return value if isinstance(value, list) else [value]  # type: ignore[list-item]


def _without_ids(item: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in item.items() if k != "id"}


def test_json_with_problems_lists_them_and_imports_nothing(diary: Diary, tmp_path: Path) -> None:
    data = {
        "format_version": 1,
        "entries": [
            {"recorded_at": "2026-03-01T09:30:00", "pain": 3},
            {"recorded_at": "2026-03-02T09:30:00", "pain": 12},
            {"pain": 1},
        ],
    }
    source = write(tmp_path / "bad.json", json.dumps(data))
    with pytest.raises(ImportRejected) as caught:
        import_file(diary, source)
    assert [p.where for p in caught.value.problems] == ["entries[1].pain", "entries[2].recorded_at"]
    assert diary.entries.count() == 0


def test_json_bookkeeping_times_with_an_offset_are_stored_as_the_orm_stores_them(
    diary: Diary, tmp_path: Path
) -> None:
    data = {
        "format_version": 1,
        "entries": [
            {
                "recorded_at": "2026-03-01T09:30:00",
                "pain": 3,
                "created_at": "2026-03-01T09:31:00+05:00",
                "updated_at": "2026-03-02T10:00:00+05:00",
                "deleted_at": None,
            }
        ],
    }
    import_file(diary, write(tmp_path / "offset.json", json.dumps(data)))
    [record] = diary.entries.records()
    assert record.created_at == datetime(2026, 3, 1, 9, 31)  # wall time, no offset kept
    assert record.updated_at == datetime(2026, 3, 2, 10, 0)
    assert record.created_at < record.updated_at  # comparable with every other time


def test_a_csv_broken_part_way_lists_the_rows_before_it_too(diary: Diary, tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    source = write(
        tmp_path / "broken.csv",
        f'recorded_at,pain,notes\n2026-03-01,11,\n2026-03-02,2,"{"x" * (limit + 1)}"\n',
    )
    with pytest.raises(ImportRejected) as caught:
        import_file(diary, source)
    said = [str(p) for p in caught.value.problems]
    assert said[0] == "line 2, column pain: Pain must be a whole number from 0 to 10 (got 11)"
    assert said[1].startswith("line 3: the CSV cannot be read")
    assert len(said) == 2
    assert diary.entries.count() == 0


def test_json_that_is_not_ours_is_refused(diary: Diary, tmp_path: Path) -> None:
    with pytest.raises(BadFile, match="not valid JSON"):
        import_file(diary, write(tmp_path / "a.json", "{nope"))
    with pytest.raises(BadFile, match="no format_version"):
        import_file(diary, write(tmp_path / "b.json", "[1, 2]"))


def test_export_to_a_missing_folder_fails_clearly_and_writes_nothing(
    diary: Diary, tmp_path: Path
) -> None:
    diary.entries.add(Entry(datetime(2026, 3, 1), pain=1))
    target = tmp_path / "no-such-folder" / "out.csv"
    with pytest.raises(CannotWrite, match=r"out\.csv"):
        export_file(diary, "csv", str(target))
    assert not target.parent.exists()
