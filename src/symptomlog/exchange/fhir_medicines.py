"""Medicines and doses in the FHIR Bundle: a MedicationStatement per medicine and a
MedicationAdministration per dose (DESIGN.md "export --format fhir").

Plain dicts, like the rest of the Bundle. A medicine is named by text only: the diary
holds what the person typed ("Oral morphine 10 mg/5 ml"), not a coded product, and
a code guessed from it could be wrong. As-needed and the most doses allowed in 24
hours go in the statement's dosage, so a team sees at once which doses were
breakthrough doses.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from symptomlog.domain.medicine import Dose, Medicine

Resource = dict[str, Any]
UCUM: Final = "http://unitsofmeasure.org"


def _status(medicine: Medicine, today: date) -> str:
    """R4 MedicationStatement.status: ``stopped`` once its stop date has passed."""
    return "stopped" if medicine.stop is not None and medicine.stop < today else "active"


def medication_statement(
    resource_id: str, medicine: Medicine, patient_url: str, today: date
) -> Resource:
    """What the person is (or was) taking, as they recorded it."""
    dosage: Resource = {
        "text": medicine.kind_words,
        "asNeededBoolean": medicine.as_needed,
    }
    if medicine.max_per_24h is not None:
        dosage["maxDosePerPeriod"] = {
            "numerator": {"value": medicine.max_per_24h, "unit": "doses"},
            "denominator": {"value": 24, "unit": "h", "system": UCUM, "code": "h"},
        }
    statement: Resource = {
        "resourceType": "MedicationStatement",
        "id": resource_id,
        "status": _status(medicine, today),
        "medicationCodeableConcept": {"text": medicine.label},
        "subject": {"reference": patient_url},
        "informationSource": {"reference": patient_url},
        "reasonCode": [{"text": medicine.purpose.label}],
        "dosage": [dosage],
    }
    period = {
        key: value.isoformat()
        for key, value in (("start", medicine.start), ("end", medicine.stop))
        if value is not None
    }
    if period:
        statement["effectivePeriod"] = period
    return statement


def medication_administration(
    resource_id: str,
    dose: Dose,
    medicine: Medicine,
    *,
    patient_url: str,
    performer: Resource,
    statement_url: str,
    when: str,
) -> Resource:
    """One dose taken: when, how much, and who gave it (the patient, a carer, a clinician)."""
    administration: Resource = {
        "resourceType": "MedicationAdministration",
        "id": resource_id,
        "status": "completed",
        "medicationCodeableConcept": {"text": medicine.label},
        "subject": {"reference": patient_url},
        "effectiveDateTime": when,
        "performer": [{"actor": performer}],
        "supportingInformation": [{"reference": statement_url}],
    }
    if dose.amount:
        administration["dosage"] = {"text": dose.amount}
    return administration
