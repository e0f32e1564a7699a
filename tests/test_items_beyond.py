"""The items beyond ESAS-r (issue 16): one registry, validation in the usual words,
old diaries and files that still open, fingerprints that do not move, and the
command line's options."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from symptomlog.domain import Entry
from symptomlog.domain.entry import VALUE_NAMES
from symptomlog.domain.fields import (
    BEYOND_ESAS,
    CSV_COLUMNS,
    GROUPS,
    ITEM_BY_NAME,
    ITEMS,
    LEGACY_CSV_COLUMNS,
    label_of,
)
from symptomlog.errors import ValidationError
from symptomlog.exchange.csv_format import read_csv, write_csv
from symptomlog.exchange.json_format import read_json, write_json
from symptomlog.store import Diary
from tests.test_cli import run

FIXTURES = Path(__file__).parent / "data"
WHEN = datetime(2026, 3, 1, 9, 30)
NEW_NAMES = (
    "stools_above_usual",
    "days_since_bowels_opened",
    "shivering",
    "bleeding",
    "clot_signs",
    "confusion",
    "cannot_keep_fluids",
    "mouth_sores",
    "numbness",
    "sore_hands_feet",
    "abdominal_swelling",
    "abdominal_girth_cm",
    "blood_glucose_mmol",
    "activity_level",
    "other_problem_name",
    "other_problem",
)
FULL = {
    "stools_above_usual": 5,
    "days_since_bowels_opened": 1,
    "shivering": True,
    "bleeding": False,
    "clot_signs": True,
    "confusion": False,
    "cannot_keep_fluids": False,
    "mouth_sores": 2,
    "numbness": 1,
    "sore_hands_feet": 3,
    "abdominal_swelling": 2,
    "abdominal_girth_cm": 92.5,
    "blood_glucose_mmol": 5.4,
    "activity_level": 2,
    "other_problem_name": "=Hiccups",  # a formula-like name must round-trip as text
    "other_problem": 6,
}


# --- the registry -------------------------------------------------------------------------


def test_the_new_items_are_registered_in_the_designed_order() -> None:
    assert tuple(item.name for item in BEYOND_ESAS) == NEW_NAMES
    at = CSV_COLUMNS.index
    assert at("pale_stools") + 1 == at(NEW_NAMES[0])
    assert at(NEW_NAMES[-1]) + 1 == at("notes") == len(CSV_COLUMNS) - 1
    assert CSV_COLUMNS[: len(LEGACY_CSV_COLUMNS) - 1] == LEGACY_CSV_COLUMNS[:-1]
    assert VALUE_NAMES == CSV_COLUMNS  # the entry's fields are the columns, in order


def test_every_item_has_a_label_plain_wording_and_a_known_group() -> None:
    for item in ITEMS:
        assert item.label and item.group in GROUPS, item.name
        if item.name in NEW_NAMES:
            assert item.wording, item.name
            assert "ESAS" not in item.wording and "PRO-CTCAE" not in item.wording
    groups = {ITEM_BY_NAME[name].group for name in NEW_NAMES}
    assert groups == set(GROUPS) - {"Jaundice"}


@pytest.mark.parametrize(
    ("name", "levels", "last"),
    [
        ("mouth_sores", 5, "Cannot eat or drink"),
        ("numbness", 4, "Hard to walk or look after myself"),
        ("sore_hands_feet", 4, "Cannot walk or use them"),
        ("abdominal_swelling", 4, "Tight and breathless"),
        ("activity_level", 5, "In a bed or chair all day"),
    ],
)
def test_graded_items_carry_the_answer_wording_of_each_level(
    name: str, levels: int, last: str
) -> None:
    item = ITEM_BY_NAME[name]
    assert item.kind == "grade"
    assert len(item.answers) == levels and item.answers[-1] == last  # type: ignore[union-attr]
    assert item.maximum == levels - 1


# --- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "good", "bad", "message"),
    [
        ("stools_above_usual", 30, 31, "Stools above usual must be a whole number from 0 to 30"),
        ("days_since_bowels_opened", 0, -1, "Days since bowels opened must be a whole number"),
        ("mouth_sores", 4, 5, "Mouth sores must be a whole number from 0 to 4 (got 5)"),
        ("numbness", 3, 4, "Numbness or tingling must be a whole number from 0 to 3 (got 4)"),
        ("sore_hands_feet", 3, 4, "Sore hands or feet must be a whole number from 0 to 3"),
        ("abdominal_swelling", 0, 4, "Abdominal swelling must be a whole number from 0 to 3"),
        ("abdominal_girth_cm", 40.0, 39.9, "Abdominal girth must be a number from 40 to 250 cm"),
        ("blood_glucose_mmol", 40.0, 40.1, "Blood glucose must be a number from 1 to 40 mmol/L"),
        ("blood_glucose_mmol", 1.0, 0.9, "Blood glucose must be a number from 1 to 40 mmol/L"),
        ("activity_level", 4, 5, "Activity level must be a whole number from 0 to 4 (got 5)"),
        ("other_problem", 10, 11, "Other Problem must be a whole number from 0 to 10 (got 11)"),
        ("shivering", True, 1, "Shivering must be yes, no or blank (got 1)"),
        ("clot_signs", False, "yes", "Signs of a clot must be yes, no or blank"),
    ],
)
def test_each_new_item_is_checked_at_its_limits_in_plain_words(
    name: str, good: object, bad: object, message: str
) -> None:
    assert getattr(Entry(WHEN, **{name: good}), name) == good  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Entry(WHEN, **{name: bad})  # type: ignore[arg-type]


def test_blank_new_items_are_not_asked_and_an_entry_of_them_alone_is_not_blank() -> None:
    entry = Entry(WHEN)
    assert all(getattr(entry, name) is None for name in NEW_NAMES)
    assert entry.is_blank()
    assert not Entry(WHEN, other_problem_name="Hiccups").is_blank()
    assert Entry(WHEN, mouth_sores=0).summary() == "Mouth sores 0/4"
    assert label_of("clot_signs") == "Signs of a clot"


# --- fingerprints: an old entry keeps its digest ----------------------------------------


def test_an_entry_without_new_items_keeps_the_digest_the_old_program_made() -> None:
    # Computed by the program before issue 16 (commit fb2775e) for this very entry.
    entry = Entry(WHEN, "carer", pain=3, weight_kg=61.2, yellow_eyes=True, notes="Tired")
    assert entry.fingerprint() == "cf93265207b50066d8b2d746e8f65a13"


def test_each_new_item_filled_in_changes_the_digest() -> None:
    plain = Entry(WHEN, pain=3).fingerprint()
    digests = {Entry(WHEN, pain=3, **{n: FULL[n]}).fingerprint() for n in NEW_NAMES}  # type: ignore[arg-type]
    assert plain not in digests and len(digests) == len(NEW_NAMES)
    assert Entry(WHEN, mouth_sores=0).fingerprint() != Entry(WHEN).fingerprint()


def test_an_old_diary_migrates_and_its_stored_fingerprints_still_match(tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0002.sqlite3", copy)
    with closing(sqlite3.connect(copy)) as conn:
        stored = dict(conn.execute("SELECT id, fingerprint FROM entries"))
    with Diary.open(copy) as diary:
        records = diary.entries.records()
        assert len(records) == len(stored) == 36
        for record in records:
            assert all(getattr(record.entry, n) is None for n in NEW_NAMES)
            assert record.entry.fingerprint() == stored[record.entry.id]
    with closing(sqlite3.connect(copy)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(entries)")}
    assert set(NEW_NAMES) <= columns


def test_the_new_items_are_stored_and_read_back(tmp_path: Path) -> None:
    with Diary.open(tmp_path / "d.sqlite3") as diary:
        saved = diary.entries.add(Entry(WHEN, **FULL))  # type: ignore[arg-type]
    with Diary.open(tmp_path / "d.sqlite3") as diary:
        [again] = diary.entries.between()
    assert again.values() == saved.values()
    assert again.shivering is True and again.bleeding is False
    assert again.fingerprint() == saved.fingerprint()


# --- CSV and JSON -------------------------------------------------------------------------


def _export_csv(diary: Diary, path: Path) -> bytes:
    with path.open("w", newline="", encoding="utf-8") as stream:
        write_csv(diary.entries.between(), stream)  # type: ignore[arg-type]
    return path.read_bytes()


def test_csv_export_import_export_is_byte_identical_with_the_new_columns(tmp_path: Path) -> None:
    with Diary.open(tmp_path / "a.sqlite3") as diary:
        diary.entries.add(Entry(WHEN, **FULL))  # type: ignore[arg-type]
        diary.entries.add(Entry(datetime(2026, 3, 2, 8, 0), pain=2, numbness=0))
        first = _export_csv(diary, tmp_path / "first.csv")
    header = first.decode().splitlines()[0].split(",")
    assert header == list(CSV_COLUMNS) and len(header) == 37
    assert b"'=Hiccups" in first  # not run as a formula by a spreadsheet
    with Diary.open(tmp_path / "b.sqlite3") as diary:
        diary.entries.add_batch(read_csv(tmp_path / "first.csv"))
        second = _export_csv(diary, tmp_path / "second.csv")
    assert second == first


def test_a_csv_of_the_first_21_columns_still_imports(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    row = ["2026-03-01T09:30", "carer", "Ann", "3", "", "1", *[""] * 12, "yes", "no", "old"]
    path.write_text(",".join(LEGACY_CSV_COLUMNS) + "\r\n" + ",".join(row) + "\r\n")
    batch = read_csv(path)
    assert batch.columns["pain"] == [3] and batch.columns["notes"] == ["old"]
    assert all(batch.columns[name] == [None] for name in NEW_NAMES)
    old = Entry(WHEN, "carer", "Ann", pain=3, vomiting_episodes=1, dark_urine=True)
    old = Entry(**{**old.values(), "pale_stools": False, "notes": "old"})  # type: ignore[arg-type]
    assert batch.fingerprints == [old.fingerprint()]


def test_a_csv_cell_out_of_range_names_the_line_and_the_new_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("recorded_at,mouth_sores,clot_signs\n2026-03-01,5,maybe\n")
    from symptomlog.errors import ImportRejected

    with pytest.raises(ImportRejected) as caught:
        read_csv(path)
    text = str(caught.value)
    assert "line 2, column mouth_sores" in text and "from 0 to 4 (got 5)" in text
    assert "line 2, column clot_signs" in text and "Signs of a clot must be yes, no" in text


def test_json_round_trips_the_new_items_and_a_version_2_file_still_imports(
    tmp_path: Path,
) -> None:
    with Diary.open(tmp_path / "a.sqlite3") as diary:
        diary.entries.add(Entry(WHEN, **FULL))  # type: ignore[arg-type]
        text = write_json(diary)
    data = json.loads(text)
    assert data["format_version"] == 4 and data["entries"][0]["clot_signs"] is True
    (tmp_path / "v3.json").write_text(text, encoding="utf-8")
    [record] = read_json(tmp_path / "v3.json").records
    assert {n: getattr(record.entry, n) for n in NEW_NAMES} == FULL
    data["format_version"] = 2
    for name in NEW_NAMES:  # a version-2 file has none of them
        del data["entries"][0][name]
    (tmp_path / "v2.json").write_text(json.dumps(data), encoding="utf-8")
    [old] = read_json(tmp_path / "v2.json").records
    assert all(getattr(old.entry, n) is None for n in NEW_NAMES)


# --- the command line ---------------------------------------------------------------------

OPTIONS = [
    ("--stools-above-usual", "5", "31", "stools_above_usual", "5"),
    ("--days-since-bowels-opened", "3", "31", "days_since_bowels_opened", "3"),
    ("--shivering", "yes", "often", "shivering", "yes"),
    ("--bleeding", "no", "2", "bleeding", "no"),
    ("--clot-signs", "yes", "perhaps", "clot_signs", "yes"),
    ("--confusion", "yes", "x", "confusion", "yes"),
    ("--cannot-keep-fluids", "yes", "-1", "cannot_keep_fluids", "yes"),
    ("--mouth-sores", "2", "5", "mouth_sores", "2"),
    ("--numbness", "3", "4", "numbness", "3"),
    ("--sore-hands-feet", "0", "4", "sore_hands_feet", "0"),
    ("--abdominal-swelling", "1", "4", "abdominal_swelling", "1"),
    ("--abdominal-girth-cm", "92.5", "39", "abdominal_girth_cm", "92.5"),
    ("--blood-glucose-mmol", "3.9", "40.5", "blood_glucose_mmol", "3.9"),
    ("--activity-level", "4", "5", "activity_level", "4"),
]


@pytest.mark.parametrize(("option", "good", "bad", "column", "cell"), OPTIONS)
def test_each_add_option_is_stored_and_refused_outside_its_range(
    tmp_path: Path, option: str, good: str, bad: str, column: str, cell: str
) -> None:
    db = tmp_path / "diary.sqlite3"
    refused = run("add", "--when", "2026-03-01T09:30", option, bad, db=db)
    assert refused.returncode == 2, refused.stderr
    assert label_of(column) in refused.stderr and not db.exists()  # nothing written
    saved = run("add", "--when", "2026-03-01T09:30", option, good, db=db)
    assert saved.returncode == 0, saved.stderr
    exported = run("export", "--format", "csv", "-o", "-", db=db).stdout.splitlines()
    row = dict(zip(exported[0].split(","), exported[1].split(","), strict=True))
    assert row[column] == cell


@pytest.mark.parametrize(
    ("given", "code", "name", "score"),
    [
        ("Hiccups=6", 0, "Hiccups", "6"),
        ("Dry mouth = 10", 0, "Dry mouth", "10"),
        ("Hiccups=11", 2, "", ""),
        ("=6", 2, "", ""),
        ("Hiccups", 2, "", ""),
    ],
)
def test_other_problem_is_given_as_name_and_score(
    tmp_path: Path, given: str, code: int, name: str, score: str
) -> None:
    db = tmp_path / "diary.sqlite3"
    result = run("add", "--when", "2026-03-01T09:30", "--other-problem", given, db=db)
    assert result.returncode == code, result.stderr
    if code:
        assert "Other" in result.stderr
        return
    exported = run("export", "--format", "csv", "-o", "-", db=db).stdout.splitlines()
    row = dict(zip(exported[0].split(","), exported[1].split(","), strict=True))
    assert (row["other_problem_name"], row["other_problem"]) == (name, score)


# --- FHIR ---------------------------------------------------------------------------------


def test_fhir_answers_the_new_items_and_observes_the_activity_level() -> None:
    from fhir.resources.R4B.bundle import Bundle

    from symptomlog.domain import Profile
    from symptomlog.exchange.fhir import build_bundle
    from tests.test_fhir import loinc, resources

    bundle = build_bundle(Profile(name="Ann Example (fictional)"), [Entry(WHEN, **FULL)])  # type: ignore[arg-type]
    Bundle.model_validate(bundle)  # valid R4
    [questionnaire] = resources(bundle, "Questionnaire")
    asked = {item["linkId"]: item for item in questionnaire["item"]}
    assert set(NEW_NAMES) <= set(asked)
    assert "3 = Painful to eat or drink much" in asked["mouth_sores"]["text"]
    [response] = resources(bundle, "QuestionnaireResponse")
    answers = {item["linkId"]: item["answer"][0] for item in response["item"]}
    assert answers["clot_signs"] == {"valueBoolean": True}
    assert answers["mouth_sores"] == {"valueInteger": 2}
    assert answers["blood_glucose_mmol"] == {"valueDecimal": 5.4}
    assert answers["other_problem_name"] == {"valueString": "=Hiccups"}
    [activity] = [o for o in resources(bundle, "Observation") if loinc(o) == "89247-1"]
    assert activity["valueQuantity"]["value"] == 2
    blank = build_bundle(Profile(), [Entry(WHEN, pain=1)])
    [response] = resources(blank, "QuestionnaireResponse")
    assert [item["linkId"] for item in response["item"]] == ["pain"]  # blank: no answer


def test_same_as_yesterday_carries_scores_over_never_what_is_measured_today() -> None:
    """Every measured item and warning sign of the registry is left blank, by itself."""
    from symptomlog.domain.entry import NOT_CARRIED_OVER, carried_over
    from symptomlog.domain.fields import ITEMS, WARNING_SIGNS
    from symptomlog.domain.item_kinds import Measure

    yesterday = Entry(
        datetime(2026, 3, 2, 20, 0),
        pain=6,
        mouth_sores=2,
        temperature_c=38.3,
        vomiting_episodes=6,
        blood_glucose_mmol=3.1,
        bleeding=True,
    )
    start = carried_over(yesterday)
    assert (start.pain, start.mouth_sores) == (6, 2)  # scores and grades are carried over
    measured = {i.name for i in ITEMS if isinstance(i, Measure)}
    assert measured | {s.name for s in WARNING_SIGNS} == set(NOT_CARRIED_OVER)
    assert all(getattr(start, name) is None for name in NOT_CARRIED_OVER)
