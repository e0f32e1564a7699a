"""The FHIR R4 export: valid against the R4B models, and read back it says what the diary says."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from symptomlog.domain import Entry, Profile, Recorder
from symptomlog.exchange.fhir import build_bundle, fhir_text, local_datetime
from symptomlog.exchange.transfer import export_file, export_text
from symptomlog.store import Diary

WEIGHT, TEMPERATURE, PAIN = "29463-7", "8310-5", "72514-3"
ACTIVITY = "89247-1"  # ECOG performance status, self-rated (issue 16)
FIELD_OF = {
    WEIGHT: "weight_kg",
    TEMPERATURE: "temperature_c",
    PAIN: "pain",
    ACTIVITY: "activity_level",
}
UNIT_OF = {WEIGHT: "kg", TEMPERATURE: "Cel", PAIN: "{score}", ACTIVITY: "{score}"}
CATEGORY_OF = {
    WEIGHT: "vital-signs",
    TEMPERATURE: "vital-signs",
    PAIN: "survey",
    ACTIVITY: "survey",
}
FIXED = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


def run(*args: str, db: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command line in a subprocess, as a person would type it."""
    command = [sys.executable, "-m", "symptomlog", "--db", str(db), *args]
    environment = {**os.environ, **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=environment)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def by_url(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["fullUrl"]: e["resource"] for e in bundle["entry"]}


def loinc(observation: dict[str, Any]) -> str:
    (coding,) = observation["code"]["coding"]
    assert coding["system"] == "http://loinc.org"
    return str(coding["code"])


def when(entry: Entry) -> str:
    return local_datetime(entry.recorded_at)


@pytest.fixture
def demo_bundle(demo_diary: Diary) -> dict[str, Any]:
    text, count = fhir_text(demo_diary)
    assert count == demo_diary.entries.count()
    return json.loads(text)


def test_demo_bundle_validates_against_the_r4b_models(demo_bundle: dict[str, Any]) -> None:
    parsed = Bundle.model_validate(demo_bundle)
    assert parsed.type == "collection" and parsed.timestamp is not None
    kinds = Counter(type(e.resource).__name__ for e in parsed.entry)
    assert kinds["Patient"] == 1 and kinds["Questionnaire"] == 1
    assert kinds["RelatedPerson"] == 1  # the demo has one carer, David
    assert kinds["QuestionnaireResponse"] > 100 and kinds["Observation"] > 300
    assert all(e.fullUrl.startswith("urn:uuid:") for e in parsed.entry)


def test_a_broken_bundle_is_rejected_by_the_same_validation(demo_bundle: dict[str, Any]) -> None:
    """The validation above has teeth: a time without its UTC offset is not FHIR."""
    observation = resources(demo_bundle, "Observation")[0]
    observation["effectiveDateTime"] = observation["effectiveDateTime"][:19]
    with pytest.raises(ValueError):
        Bundle.model_validate(demo_bundle)


def test_observation_counts_equal_the_diarys_recorded_values(
    demo_diary: Diary, demo_bundle: dict[str, Any]
) -> None:
    entries = demo_diary.entries.between()
    found = Counter(loinc(o) for o in resources(demo_bundle, "Observation"))
    expected = {
        code: sum(getattr(e, f) is not None for e in entries) for code, f in FIELD_OF.items()
    }
    assert found == expected
    assert 0 < expected[WEIGHT] < len(entries)  # the demo leaves weight blank on some days
    assert len(resources(demo_bundle, "QuestionnaireResponse")) == len(entries)


def test_each_observation_equals_the_entrys_value_at_that_time(
    demo_diary: Diary, demo_bundle: dict[str, Any]
) -> None:
    at = {when(e): e for e in demo_diary.entries.between()}
    assert len(at) == demo_diary.entries.count()  # one entry per moment in the demo
    for observation in resources(demo_bundle, "Observation"):
        code = loinc(observation)
        entry = at[observation["effectiveDateTime"]]
        quantity = observation["valueQuantity"]
        assert quantity["value"] == getattr(entry, FIELD_OF[code])
        assert quantity["system"] == "http://unitsofmeasure.org"
        assert quantity["code"] == UNIT_OF[code]
        assert observation["status"] == "final"
        (category,) = observation["category"][0]["coding"]
        assert category["system"] == "http://terminology.hl7.org/CodeSystem/observation-category"
        assert category["code"] == CATEGORY_OF[code]


def test_carers_entries_name_a_related_person_and_the_patients_the_patient(
    demo_diary: Diary, demo_bundle: dict[str, Any]
) -> None:
    urls = by_url(demo_bundle)
    (patient_url,) = [u for u, r in urls.items() if r["resourceType"] == "Patient"]
    at = {when(e): e for e in demo_diary.entries.between()}
    carers = 0
    for response in resources(demo_bundle, "QuestionnaireResponse"):
        entry = at[response["authored"]]
        author = urls[response["author"]["reference"]]
        if entry.recorded_by is Recorder.CARER:
            carers += 1
            assert author["resourceType"] == "RelatedPerson"
            assert author["patient"]["reference"] == patient_url
            assert author["name"][0]["text"] == entry.recorder_name == "David (husband)"
        else:
            assert response["author"]["reference"] == patient_url
        assert response["subject"]["reference"] == patient_url
    assert carers == len(demo_diary.entries.between(recorded_by=Recorder.CARER)) > 0
    for observation in resources(demo_bundle, "Observation"):
        (performer,) = observation["performer"]
        expected = at[observation["effectiveDateTime"]].recorded_by
        kind = urls[performer["reference"]]["resourceType"]
        assert kind == ("RelatedPerson" if expected is Recorder.CARER else "Patient")


def test_each_response_answers_every_recorded_item_against_the_questionnaire(
    demo_diary: Diary, demo_bundle: dict[str, Any]
) -> None:
    (questionnaire,) = resources(demo_bundle, "Questionnaire")
    asked = {item["linkId"]: item for item in questionnaire["item"]}
    assert questionnaire["status"] == "active"
    assert "Watanabe" in questionnaire["copyright"]
    assert "Alberta Health Services" in questionnaire["copyright"]
    assert asked["pain"]["text"] == "Pain: 0 = No Pain, 10 = Worst Possible Pain"
    assert asked["weight_kg"]["type"] == "decimal" and asked["yellow_eyes"]["type"] == "boolean"
    at = {when(e): e for e in demo_diary.entries.between()}
    canonical = f"{questionnaire['url']}|{questionnaire['version']}"
    for response in resources(demo_bundle, "QuestionnaireResponse"):
        entry = at[response["authored"]]
        assert response["questionnaire"] == canonical
        answers = {i["linkId"]: next(iter(i["answer"][0].values())) for i in response["item"]}
        recorded = {k: v for k, v in entry.values().items() if k in asked and v is not None}
        assert answers == recorded


def blank_diary_bundle(diary: Diary) -> dict[str, Any]:
    base = datetime(2026, 3, 2, 9, 30)
    diary.entries.add(Entry(base, pain=0, notes="Pain 0 is a value; weight was not asked"))
    diary.entries.add(Entry(base + timedelta(days=1), weight_kg=61.2))
    diary.entries.add(Entry(base + timedelta(days=2), notes="only a note"))
    return json.loads(fhir_text(diary)[0])


def test_blanks_export_no_observation_and_no_answer(memory_diary: Diary) -> None:
    bundle = blank_diary_bundle(memory_diary)
    Bundle.model_validate(bundle)
    found = sorted(
        (loinc(o), o["valueQuantity"]["value"]) for o in resources(bundle, "Observation")
    )
    assert found == [(WEIGHT, 61.2), (PAIN, 0)]  # pain 0 is recorded; blanks are not
    items = [[i["linkId"] for i in r["item"]] for r in resources(bundle, "QuestionnaireResponse")]
    assert items == [["pain", "notes"], ["weight_kg"], ["notes"]]


def test_deleted_entries_are_not_exported(memory_diary: Diary) -> None:
    kept = memory_diary.entries.add(Entry(datetime(2026, 3, 2, 9, 0), temperature_c=36.8))
    gone = memory_diary.entries.add(Entry(datetime(2026, 3, 3, 9, 0), temperature_c=38.4))
    assert gone.id is not None and kept.id is not None
    memory_diary.entries.delete(gone.id, actor="test")
    bundle = json.loads(fhir_text(memory_diary)[0])
    assert [o["valueQuantity"]["value"] for o in resources(bundle, "Observation")] == [36.8]
    assert len(resources(bundle, "QuestionnaireResponse")) == 1


def test_the_patient_has_name_birth_date_and_hospital_number(demo_bundle: dict) -> None:
    (patient,) = resources(demo_bundle, "Patient")
    assert patient["name"] == [{"text": "Margaret Ellis (demo)"}]
    assert patient["birthDate"] == "1959-04-17"
    (identifier,) = patient["identifier"]
    assert identifier["system"] == "urn:symptomlog:hospital-number"
    assert identifier["value"] == "DEMO-000-0000"


def test_two_exports_are_identical_but_for_the_timestamp(demo_diary: Diary) -> None:
    profile, entries = demo_diary.profile.get(), demo_diary.entries.between()
    first = build_bundle(profile, entries, timestamp=FIXED)
    second = build_bundle(profile, entries, timestamp=FIXED + timedelta(hours=3))
    assert first["timestamp"] != second["timestamp"]
    assert {**first, "timestamp": None} == {**second, "timestamp": None}
    urls = [e["fullUrl"] for e in first["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(uuid.UUID(u.removeprefix("urn:uuid:")).version == 5 for u in urls)
    other = build_bundle(Profile(name="Someone Else (fictional)"), entries, timestamp=FIXED)
    assert not set(urls) & {e["fullUrl"] for e in other["entry"]}


def test_every_reference_resolves_inside_the_bundle(demo_bundle: dict[str, Any]) -> None:
    urls = set(by_url(demo_bundle))

    def references(node: object) -> list[str]:
        if isinstance(node, dict):
            found = [node["reference"]] if isinstance(node.get("reference"), str) else []
            return found + [r for v in node.values() for r in references(v)]
        if isinstance(node, list):
            return [r for v in node for r in references(v)]
        return []

    found = references(demo_bundle["entry"])
    assert len(found) > 1000 and set(found) <= urls


def test_times_are_local_with_the_utc_offset_added() -> None:
    moment = datetime(2026, 6, 1, 9, 30)
    assert local_datetime(moment, timezone(timedelta(hours=1))) == "2026-06-01T09:30:00+01:00"
    machine = local_datetime(moment)
    assert datetime.fromisoformat(machine).replace(tzinfo=None) == moment
    assert datetime.fromisoformat(machine).utcoffset() == moment.astimezone().utcoffset()
    bundle = build_bundle(Profile(), [Entry(moment, pain=2)], zone=UTC, timestamp=FIXED)
    (observation,) = resources(bundle, "Observation")
    assert observation["effectiveDateTime"] == "2026-06-01T09:30:00+00:00"


def test_a_clinicians_entry_is_authored_by_a_practitioner() -> None:
    entries = [
        Entry(datetime(2026, 3, 2, 9, 0), Recorder.CLINICIAN, "Nurse Jo (fictional)", pain=4),
        Entry(datetime(2026, 3, 3, 9, 0), Recorder.CARER, "Ann", pain=3),
        Entry(datetime(2026, 3, 4, 9, 0), Recorder.CARER, "Ben", pain=2),
        Entry(datetime(2026, 3, 5, 9, 0), Recorder.CARER, "Ann", pain=2),
    ]
    bundle = build_bundle(Profile(name="P (fictional)"), entries, timestamp=FIXED)
    Bundle.model_validate(bundle)
    urls = by_url(bundle)
    authors = [urls[r["author"]["reference"]] for r in resources(bundle, "QuestionnaireResponse")]
    assert [a["resourceType"] for a in authors] == ["Practitioner", *["RelatedPerson"] * 3]
    assert [a["name"][0]["text"] for a in authors] == ["Nurse Jo (fictional)", "Ann", "Ben", "Ann"]
    assert len(resources(bundle, "RelatedPerson")) == 2  # one per distinct carer


def test_a_period_limits_the_entries(memory_diary: Diary) -> None:
    for day in (1, 2, 3, 4):
        memory_diary.entries.add(Entry(datetime(2026, 3, day, 9, 0), weight_kg=60.0 + day))
    text = export_text(memory_diary, "fhir", date(2026, 3, 2), date(2026, 3, 3))
    values = [o["valueQuantity"]["value"] for o in resources(json.loads(text), "Observation")]
    assert values == [62.0, 63.0]
    csv_text = export_text(memory_diary, "csv", date(2026, 3, 3), None)
    assert csv_text.count("\r\n") == 3  # the header and two days


def test_the_export_module_needs_neither_qt_nor_a_fhir_library() -> None:
    code = (
        "import sys, symptomlog.exchange.fhir; "
        "print([m for m in ('PySide6', 'fhir', 'pydantic') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_cli_exports_fhir_end_to_end_with_a_period_and_no_network(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    zone = {"TZ": "Europe/London"}  # summer time: the offset written must be +01:00
    for day, by in (("01", "patient"), ("02", "carer"), ("03", "patient")):
        extra = ["--name", "David (fictional)"] if by == "carer" else []
        values = ["--pain", "3", "--weight", f"6{day[1]}.5"]
        added = run(
            "add", "--when", f"2026-06-{day}T09:30", "--by", by, *extra, *values, db=db, env=zone
        )
        assert added.returncode == 0, added.stderr
    out = tmp_path / "bundle.json"
    code = f"""
import socket, sys
def refuse(*args, **kwargs):
    raise AssertionError("network access attempted")
socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse
from symptomlog.cli import main
sys.exit(main(["--db", {str(db)!r}, "export", "--format", "fhir", "-o", {str(out)!r},
               "--from", "2026-06-02", "--to", "2026-06-03"]))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **zone}
    )
    assert result.returncode == 0, result.stderr
    assert "Exported 2 entries" in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # health data: the owner only
    bundle = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    weights = [
        (o["effectiveDateTime"], o["valueQuantity"]["value"])
        for o in resources(bundle, "Observation")
        if loinc(o) == WEIGHT
    ]
    assert weights == [("2026-06-02T09:30:00+01:00", 62.5), ("2026-06-03T09:30:00+01:00", 63.5)]
    (carer,) = resources(bundle, "RelatedPerson")
    assert carer["name"] == [{"text": "David (fictional)"}]
    printed = run("export", "--format", "fhir", "-o", "-", db=db, env=zone)
    assert printed.returncode == 0
    assert len(resources(json.loads(printed.stdout), "QuestionnaireResponse")) == 3


def test_cli_bad_period_or_json_with_a_period_is_bad_usage(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    assert run("add", "--pain", "1", db=db).returncode == 0
    out = tmp_path / "x.json"
    bad = run("export", "--format", "fhir", "-o", str(out), "--from", "2026-02-30", db=db)
    assert bad.returncode == 2 and "--from" in bad.stderr
    whole = run("export", "--format", "json", "-o", str(out), "--to", "2026-03-01", db=db)
    assert whole.returncode == 2 and "whole diary" in whole.stderr
    assert not out.exists()


def test_export_file_writes_the_bundle_atomically(memory_diary: Diary, tmp_path: Path) -> None:
    memory_diary.entries.add(Entry(datetime(2026, 3, 2, 9, 0), pain=5))
    target = tmp_path / "b.json"
    target.write_text("an older export")
    assert export_file(memory_diary, "fhir", str(target)) == 1
    assert json.loads(target.read_text())["resourceType"] == "Bundle"
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]  # no partial file left
