"""Medicines and doses in the FHIR export: a MedicationStatement per medicine and a
MedicationAdministration per dose, valid against the R4B models, saying who gave it."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from symptomlog.domain import Dose, Entry, Medicine
from symptomlog.exchange.fhir import fhir_text
from symptomlog.store import Diary

WHEN = datetime(2026, 3, 2, 8, 0)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


@pytest.fixture
def bundle(diary: Diary) -> dict[str, Any]:
    diary.entries.add(Entry(WHEN, pain=5))
    morphine = diary.medicines.add(
        Medicine("Oral morphine", "10 mg/5 ml", True, "pain", 6, date(2026, 3, 1))
    )
    senna = diary.medicines.add(
        Medicine("Senna", "7.5 mg", False, "bowels", None, date(2026, 2, 1), date(2026, 3, 3))
    )
    diary.medicines.record_dose(Dose(morphine.id, WHEN, "5 ml", "carer", "David"))  # type: ignore[arg-type]
    diary.medicines.record_dose(Dose(morphine.id, datetime(2026, 3, 2, 14, 0), "5 ml"))  # type: ignore[arg-type]
    diary.medicines.record_dose(Dose(senna.id, datetime(2026, 3, 2, 22, 0)))  # type: ignore[arg-type]
    text, _count = fhir_text(diary)
    return json.loads(text)


def test_the_bundle_with_medicines_validates_against_r4b(bundle: dict[str, Any]) -> None:
    parsed = Bundle.model_validate(bundle)
    kinds = [type(e.resource).__name__ for e in parsed.entry]
    assert kinds.count("MedicationStatement") == 2
    assert kinds.count("MedicationAdministration") == 3
    del resources(bundle, "MedicationAdministration")[0]["subject"]  # required in R4
    with pytest.raises(ValueError):
        Bundle.model_validate(bundle)


def test_statements_say_as_needed_the_24_hour_maximum_and_stopped(bundle: dict[str, Any]) -> None:
    by_name = {
        s["medicationCodeableConcept"]["text"]: s for s in resources(bundle, "MedicationStatement")
    }
    morphine = by_name["Oral morphine 10 mg/5 ml"]
    [dosage] = morphine["dosage"]
    assert dosage["asNeededBoolean"] is True
    assert dosage["maxDosePerPeriod"]["numerator"]["value"] == 6
    assert dosage["maxDosePerPeriod"]["denominator"] == {
        "value": 24,
        "unit": "h",
        "system": "http://unitsofmeasure.org",
        "code": "h",
    }
    assert morphine["status"] == "active" and morphine["reasonCode"] == [{"text": "Pain"}]
    senna = by_name["Senna 7.5 mg"]
    assert senna["status"] == "stopped"
    assert senna["effectivePeriod"] == {"start": "2026-02-01", "end": "2026-03-03"}
    assert "maxDosePerPeriod" not in senna["dosage"][0]


def test_each_dose_names_its_statement_and_who_gave_it(bundle: dict[str, Any]) -> None:
    urls = {e["resource"]["id"]: e["fullUrl"] for e in bundle["entry"]}
    [patient] = resources(bundle, "Patient")
    [carer] = resources(bundle, "RelatedPerson")
    statements = {urls[s["id"]]: s for s in resources(bundle, "MedicationStatement")}
    doses = resources(bundle, "MedicationAdministration")
    first = next(d for d in doses if d["effectiveDateTime"].startswith("2026-03-02T08:00"))
    assert first["performer"] == [
        {"actor": {"reference": urls[carer["id"]], "display": "David (carer)"}}
    ]
    assert carer["name"] == [{"text": "David"}] and first["dosage"] == {"text": "5 ml"}
    [link] = first["supportingInformation"]
    assert statements[link["reference"]]["medicationCodeableConcept"]["text"] == (
        "Oral morphine 10 mg/5 ml"
    )
    own = [d for d in doses if d["performer"][0]["actor"]["reference"] == urls[patient["id"]]]
    assert len(own) == 2 and all(d["status"] == "completed" for d in doses)


def test_a_period_keeps_its_doses_and_the_medicines_taken_then(diary: Diary) -> None:
    old = diary.medicines.add(
        Medicine("Dexamethasone", "2 mg", start=date(2026, 1, 1), stop=date(2026, 1, 31))
    )
    diary.medicines.record_dose(Dose(old.id, datetime(2026, 1, 10, 8, 0)))  # type: ignore[arg-type]
    creon = diary.medicines.add(Medicine("Creon", "25,000 units", purpose="enzymes"))
    diary.medicines.record_dose(Dose(creon.id, WHEN))  # type: ignore[arg-type]
    text, _count = fhir_text(diary, date(2026, 3, 1), date(2026, 3, 31))
    bundle = json.loads(text)
    Bundle.model_validate(bundle)
    names = [
        s["medicationCodeableConcept"]["text"] for s in resources(bundle, "MedicationStatement")
    ]
    assert names == ["Creon 25,000 units"]
    assert len(resources(bundle, "MedicationAdministration")) == 1
