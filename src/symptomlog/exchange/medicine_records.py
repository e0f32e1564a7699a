"""Medicines, doses and events as plain records: for the command line's text, JSON and
CSV listings and for the JSON export, so every output names the same fields.

Reading them back (the JSON import) builds the domain objects, whose own
validation says what is wrong in plain words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from symptomlog.domain.event import Event
from symptomlog.domain.medicine import Dose, Medicine
from symptomlog.exchange.csv_format import protect

DOSE_CSV_COLUMNS = (
    "taken_at",
    "medicine",
    "strength",
    "amount",
    "given_by",
    "giver_name",
    "as_needed",
    "purpose",
)


def medicine_record(medicine: Medicine) -> dict[str, Any]:
    return {
        "id": medicine.id,
        "name": medicine.name,
        "strength": medicine.strength,
        "as_needed": medicine.as_needed,
        "purpose": medicine.purpose.value,
        "max_per_24h": medicine.max_per_24h,
        "start": None if medicine.start is None else medicine.start.isoformat(),
        "stop": None if medicine.stop is None else medicine.stop.isoformat(),
    }


def dose_record(
    dose: Dose, medicines: Mapping[int | None, Medicine] | None = None
) -> dict[str, Any]:
    """A dose; with ``medicines`` (by id) it also names its medicine, for a reader."""
    record: dict[str, Any] = {
        "id": dose.id,
        "medicine_id": dose.medicine_id,
        "taken_at": dose.taken_at.isoformat(timespec="minutes"),
        "amount": dose.amount,
        "given_by": dose.given_by.value,
        "giver_name": dose.giver_name,
    }
    if medicines is not None:
        medicine = medicines.get(dose.medicine_id)
        record["medicine"] = None if medicine is None else medicine.name
        record["strength"] = None if medicine is None else medicine.strength
        record["as_needed"] = None if medicine is None else medicine.as_needed
        record["purpose"] = None if medicine is None else medicine.purpose.value
    return record


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "when": event.when.isoformat(timespec="minutes"),
        "kind": event.kind.value,
        "note": event.note,
        "to_whom": event.to_whom,
        "advice": event.advice,
        "outcome": None if event.outcome is None else event.outcome.value,
        "flag_day": None if event.flag_day is None else event.flag_day.isoformat(),
        "flag_rule": event.flag_rule,
    }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return protect(str(value))


def doses_csv(doses: Iterable[Dose], medicines: Iterable[Medicine]) -> str:
    """The doses as CSV (UTF-8 text, header row; cells safe to open in a spreadsheet)."""
    by_id = {m.id: m for m in medicines}
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(DOSE_CSV_COLUMNS)
    for dose in doses:
        record = dose_record(dose, by_id)
        writer.writerow([_cell(record.get(column)) for column in DOSE_CSV_COLUMNS])
    return stream.getvalue()
