"""Contacts with a kind, the stent and thresholds in safe ranges: store, migration, JSON, CLI."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from symptomlog.domain import Contact, Profile
from symptomlog.domain.profile import ContactKind
from symptomlog.errors import ValidationError
from symptomlog.exchange.transfer import import_file
from symptomlog.store import Diary
from tests.test_cli import run

FIXTURES = Path(__file__).parent / "data"


def old_diary(tmp_path: Path, thresholds: dict[str, float]) -> Path:
    """The schema-0001 fixture (free-text roles) with the given threshold overrides."""
    copy = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "diary-schema-0001.sqlite3", copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE profile SET thresholds = ?", (json.dumps(thresholds),))
    return copy


def test_migration_makes_only_a_24_hour_role_a_24_hour_line_and_asks(tmp_path: Path) -> None:
    with Diary.open(old_diary(tmp_path, {})) as diary:
        profile = diary.profile.get()
    kinds = [(c.kind, c.role) for c in profile.contacts]
    assert kinds == [
        (ContactKind.LINE_24H, "24-hour oncology line"),
        (ContactKind.OTHER, "Palliative care nurse specialist"),
        (ContactKind.OTHER, "GP"),
    ]
    assert profile.contact_kinds_confirmed is False
    assert profile.line_24h is not None and profile.line_24h.phone == "0100 000 0000"
    assert profile.daytime_contact is None  # never guessed from "nurse specialist"


def test_migration_resets_unsafe_thresholds_and_audits_it(tmp_path: Path) -> None:
    path = old_diary(tmp_path, {"fever_c": 38.5, "pain_severe": 8, "trend_rise": 3})
    with Diary.open(path) as diary:
        profile = diary.profile.get()
        audit = diary.profile.audit()
    assert profile.thresholds == {"pain_severe": 8.0}
    reset = {(a.key, a.old_value, a.new_value) for a in audit}
    assert reset == {("threshold:fever_c", "38.5", "37.5"), ("threshold:trend_rise", "3", None)}
    assert (tmp_path / "backups").is_dir()  # backed up before the migration


def test_every_settings_change_is_audited(diary: Diary) -> None:
    diary.profile.save(Profile(thresholds={"fever_c": 38.0}), actor="carer Tom")
    diary.profile.save(Profile(thresholds={}, stent=True), actor="patient")
    changes = [(a.actor, a.key, a.old_value, a.new_value) for a in diary.profile.audit()]
    assert changes == [
        ("carer Tom", "threshold:fever_c", None, "38"),
        ("patient", "threshold:fever_c", "38", None),
        ("patient", "stent", None, "yes"),
    ]


def test_a_version_1_json_export_still_imports_with_guessed_kinds(
    diary: Diary, tmp_path: Path
) -> None:
    file = tmp_path / "old.json"
    profile = {"contacts": [{"role": "Palliative nurse", "name": "Sam", "phone": "0100"}]}
    file.write_text(json.dumps({"format_version": 1, "profile": profile}), encoding="utf-8")
    import_file(diary, file)
    [contact] = diary.profile.get().contacts
    assert (contact.kind, contact.role) == (ContactKind.OTHER, "Palliative nurse")
    assert diary.profile.get().contact_kinds_confirmed is False


def test_a_contact_needs_a_known_kind_and_a_phone() -> None:
    assert Contact.parse("GP | Dr A | 0100 | Mon–Fri").kind is ContactKind.GP
    with pytest.raises(ValidationError, match="kind is one of 24h-line"):
        Contact.parse("nurse|Sam|0100")
    with pytest.raises(ValidationError, match="needs a phone number"):
        Contact.parse("gp|Dr A| ")


def test_thresholds_command_lists_sets_inside_the_range_and_refuses_outside(
    tmp_path: Path,
) -> None:
    db = tmp_path / "d.sqlite3"
    assert run("add", "--pain", "2", db=db).returncode == 0
    listed = json.loads(run("thresholds", "--format", "json", db=db).stdout)
    fever = next(t for t in listed if t["key"] == "fever_c")
    assert fever | {"source": ""} == {
        "key": "fever_c",
        "label": "Fever at or above",
        "value": 37.5,
        "default": 37.5,
        "unit": "°C",
        "range": [37.5, 38.0],
        "changed": False,
        "source": "",
    }
    refused = run("thresholds", "set", "fever_c=38.5", db=db)
    assert refused.returncode == 2 and "37.5 to 38" in refused.stderr
    assert run("thresholds", "set", "fever_c=38", db=db).returncode == 0
    text = run("thresholds", db=db).stdout
    assert "* fever_c" in text and "38 °C" in text
    with Diary.open(db) as diary:
        [change] = diary.profile.audit()
    assert (change.actor, change.key, change.new_value) == (
        "command line",
        "threshold:fever_c",
        "38",
    )


def test_profile_set_takes_kinds_hours_and_the_stent(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    result = run(
        "profile",
        "set",
        "--contact",
        "oncology|Chemo nurses|0100 1|Mon–Fri 8–6",
        "--stent",
        "yes",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    shown = run("profile", "show", db=db).stdout
    assert "Oncology team / specialist nurse: Chemo nurses, 0100 1 (Mon–Fri 8–6)" in shown
    assert "No 24-hour line is stored" in shown
    assert "Biliary stent:    yes" in shown
    bad = run("profile", "set", "--contact", "24 hour|AOS|0199", db=db)
    assert bad.returncode == 2 and "kind is one of" in bad.stderr
