"""The diary as one FHIR R4 Bundle (type ``collection``) that a hospital system can take in.

Built from plain data with the standard library only: a patient's computer needs no
FHIR library to write it, and the tests check it with the R4B models instead. It
holds the Patient, the diary's own Questionnaire, who recorded (a RelatedPerson for
each carer, a Practitioner for each clinician), and per entry one
QuestionnaireResponse with every recorded item plus LOINC-coded Observations for
weight, temperature and pain; a MedicationStatement per medicine and a
MedicationAdministration per dose (``fhir_medicines``). A blank is not recorded:
it has no answer and no Observation, never a 0.

Every ``fullUrl`` is a ``urn:uuid:`` made with uuid5 from the diary's content, so two
exports of the same diary differ only in the Bundle's timestamp and a receiving
system can recognise an entry it has already taken in.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any, Final

from symptomlog.domain import Dose, Entry, Medicine, Profile, Recorder
from symptomlog.exchange.fhir_medicines import medication_administration, medication_statement
from symptomlog.exchange.fhir_questionnaire import (
    ITEM_LOINC,
    LOINC,
    QUESTIONNAIRE_URL,
    QUESTIONNAIRE_VERSION,
    answered_items,
    questionnaire,
)

if TYPE_CHECKING:
    from symptomlog.store import Diary

HOSPITAL_NUMBER_SYSTEM: Final = "urn:symptomlog:hospital-number"
UCUM: Final = "http://unitsofmeasure.org"
CATEGORY_SYSTEM: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
IDENTIFIER_TYPE_SYSTEM: Final = "http://terminology.hl7.org/CodeSystem/v2-0203"
CATEGORY_DISPLAY: Final = {"vital-signs": "Vital Signs", "survey": "Survey"}
Resource = dict[str, Any]


@dataclass(frozen=True)
class Observed:
    """An item that also becomes an Observation: its LOINC code, category and UCUM unit."""

    field: str
    category: str
    unit: str
    """Shown to a person (``unit``)."""
    ucum: str
    """The UCUM code a system reads (``code``)."""
    text: str


OBSERVED: Final[tuple[Observed, ...]] = (
    Observed("weight_kg", "vital-signs", "kg", "kg", "Body weight"),
    Observed("temperature_c", "vital-signs", "°C", "Cel", "Body temperature"),
    Observed("pain", "survey", "{score}", "{score}", "Pain severity (0-10, ESAS-r)"),
    Observed(
        "activity_level", "survey", "{score}", "{score}", "What I could do today (ECOG, self-rated)"
    ),
)


def local_datetime(moment: datetime, zone: tzinfo | None = None) -> str:
    """An entry's local time as a FHIR dateTime, which needs a UTC offset once it has
    a time: the machine's offset at that moment (summer or winter), or ``zone``'s."""
    aware = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return aware.isoformat(timespec="seconds")


class _Ids:
    """Deterministic ``urn:uuid:`` names, all under one namespace made from the patient."""

    def __init__(self, profile: Profile) -> None:
        who = repr((profile.name, str(profile.born), profile.hospital_number))
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:symptomlog:diary:{who}")

    def make(self, *parts: str) -> str:
        return str(uuid.uuid5(self.namespace, "/".join(parts)))


def _entry_keys(entries: Sequence[Entry]) -> list[str]:
    """A key per entry from its content; an identical twin gets a running number."""
    seen: dict[str, int] = {}
    keys = []
    for entry in entries:
        digest = entry.fingerprint()
        seen[digest] = seen.get(digest, 0) + 1
        keys.append(f"{digest}-{seen[digest]}")
    return keys


def _patient(resource_id: str, profile: Profile) -> Resource:
    patient: Resource = {"resourceType": "Patient", "id": resource_id}
    if profile.hospital_number:
        patient["identifier"] = [
            {
                "use": "usual",
                "type": {
                    "coding": [{"system": IDENTIFIER_TYPE_SYSTEM, "code": "MR"}],
                    "text": "Hospital number",
                },
                "system": HOSPITAL_NUMBER_SYSTEM,
                "value": profile.hospital_number,
            }
        ]
    if profile.name:
        patient["name"] = [{"text": profile.name}]
    if profile.born:
        patient["birthDate"] = profile.born.isoformat()
    return patient


AuthorKey = tuple[Recorder, str | None]


def _author_resource(resource_id: str, key: AuthorKey, patient_url: str) -> Resource:
    """A carer as a RelatedPerson of the patient; a clinician as a Practitioner."""
    recorder, name = key
    resource: Resource
    if recorder is Recorder.CARER:
        resource = {
            "resourceType": "RelatedPerson",
            "id": resource_id,
            "patient": {"reference": patient_url},
            "relationship": [{"text": "Carer"}],
        }
    else:
        resource = {"resourceType": "Practitioner", "id": resource_id}
    if name:
        resource["name"] = [{"text": name}]
    return resource


def _display(key: AuthorKey) -> str:
    recorder, name = key
    return f"{name} ({recorder.value})" if name else recorder.label


class _Builder:
    """Collects the Bundle's entries; the references between them come from ``_Ids``."""

    def __init__(self, profile: Profile, zone: tzinfo | None) -> None:
        self.ids = _Ids(profile)
        self.zone = zone
        self.entries: list[Resource] = []
        self.patient = self.add(_patient(self.ids.make("patient"), profile))
        self.questionnaire = self.add(questionnaire(self.ids.make("questionnaire")))
        self.authors: dict[AuthorKey, str] = {}

    def add(self, resource: Resource) -> str:
        """Add a resource; its fullUrl, which is what every reference to it uses."""
        url = f"urn:uuid:{resource['id']}"
        self.entries.append({"fullUrl": url, "resource": resource})
        return url

    def author(self, entry: Entry) -> Resource:
        """A reference to who recorded the entry (the Patient, or a person added once)."""
        return self.person(entry.recorded_by, entry.recorder_name)

    def person(self, recorder: Recorder, name: str | None) -> Resource:
        """A reference to the patient, or to a carer or clinician (added once)."""
        if recorder is Recorder.PATIENT:
            return {"reference": self.patient, "display": "Patient"}
        key: AuthorKey = (recorder, name)
        if key not in self.authors:
            resource_id = self.ids.make(key[0].value, key[1] or "")
            self.authors[key] = self.add(_author_resource(resource_id, key, self.patient))
        return {"reference": self.authors[key], "display": _display(key)}

    def add_entry(self, entry: Entry, key: str) -> None:
        author = self.author(entry)
        when = local_datetime(entry.recorded_at, self.zone)
        response = self.add(
            {
                "resourceType": "QuestionnaireResponse",
                "id": self.ids.make("entry", key),
                "questionnaire": f"{QUESTIONNAIRE_URL}|{QUESTIONNAIRE_VERSION}",
                "status": "completed",
                "subject": {"reference": self.patient},
                "authored": when,
                "author": author,
                "item": answered_items(entry),
            }
        )
        for observed in OBSERVED:
            value = getattr(entry, observed.field)
            if value is not None:
                self.add(self._observation(observed, value, key, when, author, response))

    def add_medicines(self, medicines: Sequence[Medicine], doses: Iterable[Dose]) -> None:
        """A MedicationStatement per medicine, a MedicationAdministration per dose."""
        today = date.today()
        statements = {
            m.id: self.add(
                medication_statement(self.ids.make("medicine", str(m.id)), m, self.patient, today)
            )
            for m in medicines
        }
        by_id = {m.id: m for m in medicines}
        for dose in doses:
            medicine = by_id.get(dose.medicine_id)
            if medicine is None:
                continue
            key = f"{dose.medicine_id}/{dose.taken_at.isoformat()}/{dose.id}"
            self.add(
                medication_administration(
                    self.ids.make("dose", key),
                    dose,
                    medicine,
                    patient_url=self.patient,
                    performer=self.person(dose.given_by, dose.giver_name),
                    statement_url=statements[medicine.id],
                    when=local_datetime(dose.taken_at, self.zone),
                )
            )

    def _observation(
        self, observed: Observed, value: float, key: str, when: str, author: Resource, qr: str
    ) -> Resource:
        code, display = ITEM_LOINC[observed.field]
        category = {"system": CATEGORY_SYSTEM, "code": observed.category}
        return {
            "resourceType": "Observation",
            "id": self.ids.make("entry", key, observed.field),
            "status": "final",
            "category": [{"coding": [category | {"display": CATEGORY_DISPLAY[observed.category]}]}],
            "code": {
                "coding": [{"system": LOINC, "code": code, "display": display}],
                "text": observed.text,
            },
            "subject": {"reference": self.patient},
            "effectiveDateTime": when,
            "performer": [author],
            "valueQuantity": {
                "value": value,
                "unit": observed.unit,
                "system": UCUM,
                "code": observed.ucum,
            },
            "derivedFrom": [{"reference": qr}],
        }


def build_bundle(
    profile: Profile,
    entries: Iterable[Entry],
    *,
    timestamp: datetime | None = None,
    zone: tzinfo | None = None,
    medicines: Sequence[Medicine] = (),
    doses: Iterable[Dose] = (),
) -> Resource:
    """The Bundle as plain dicts, ready for ``json.dumps``.

    ``timestamp`` (default now) is the only thing that differs between two exports of
    the same diary; ``zone`` replaces the machine's time zone (for tests).
    """
    chosen = list(entries)
    builder = _Builder(profile, zone)
    for entry, key in zip(chosen, _entry_keys(chosen), strict=True):
        builder.add_entry(entry, key)
    builder.add_medicines(medicines, doses)
    moment = timestamp or datetime.now()
    stamp = moment.isoformat(timespec="seconds") if moment.tzinfo else local_datetime(moment, zone)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": stamp,
        "entry": builder.entries,
    }


def fhir_text(diary: Diary, start: date | None = None, end: date | None = None) -> tuple[str, int]:
    """The Bundle of the live (not deleted) entries in [start, end] as JSON text, and
    how many entries it holds. The medicines taken in the period and its doses go too."""
    entries = diary.entries.between(start, end)
    doses = diary.medicines.doses(start, end)
    given = {d.medicine_id for d in doses}
    medicines = [m for m in diary.medicines.all() if m.id in given or _overlaps(m, start, end)]
    bundle = build_bundle(diary.profile.get(), entries, medicines=medicines, doses=doses)
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", len(entries)


def _overlaps(medicine: Medicine, start: date | None, end: date | None) -> bool:
    """True if the medicine was on the list on some day of [start, end]."""
    began_in_time = end is None or medicine.start is None or medicine.start <= end
    still_then = start is None or medicine.stop is None or medicine.stop >= start
    return began_in_time and still_then
