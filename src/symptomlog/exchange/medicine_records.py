"""Medicines, doses and events as plain records: for the command line's text, JSON and
CSV listings and for the JSON export, so every output names the same fields.

Reading them back (the JSON import) builds the domain objects, whose own
validation says what is wrong in plain words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from symptomlog.domain.event import Event
from symptomlog.domain.medicine import Dose, Medicine
from symptomlog.errors import Problem, ValidationError, excerpt
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


# --- reading them back (the JSON import) ----------------------------------------------------

MEDICINE_FIELDS = frozenset(
    ("id", "name", "strength", "as_needed", "purpose", "max_per_24h", "start", "stop")
)
DOSE_FIELDS = frozenset(("id", "medicine_id", "taken_at", "amount", "given_by", "giver_name"))
EVENT_FIELDS = frozenset(
    ("id", "when", "kind", "note", "to_whom", "advice", "outcome", "flag_day", "flag_rule")
)


def _known_only(data: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ValidationError(Problem("", f"unknown fields {', '.join(sorted(unknown))}"))


def _date_of(value: object, label: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{label} must be text like 2026-03-01 (got {excerpt(value)})")
    return date.fromisoformat(value)


def _moment_of(value: object, label: str) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"{label} must be text like 2026-03-01T09:30 (got {excerpt(value)})")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        raise ValueError(f"{excerpt(value)} has a UTC offset: the diary keeps local time")
    return moment


def _whole_id(value: object, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{label} must be a whole number (got {excerpt(value)})")
    return value


def medicine_from_record(data: Mapping[str, Any]) -> Medicine:
    _known_only(data, MEDICINE_FIELDS)
    as_needed = data.get("as_needed", False)
    if not isinstance(as_needed, bool):
        raise ValueError(f"as_needed must be true or false (got {excerpt(as_needed)})")
    return Medicine(
        data["name"],
        data.get("strength"),
        as_needed,
        data.get("purpose", "other"),
        data.get("max_per_24h"),
        _date_of(data.get("start"), "start"),
        _date_of(data.get("stop"), "stop"),
        _whole_id(data["id"], "id"),
    )


def dose_from_record(data: Mapping[str, Any]) -> Dose:
    _known_only(data, DOSE_FIELDS)
    return Dose(
        _whole_id(data["medicine_id"], "medicine_id"),
        _moment_of(data["taken_at"], "taken_at"),
        data.get("amount"),
        data.get("given_by", "patient"),
        data.get("giver_name"),
    )


def event_from_record(data: Mapping[str, Any]) -> Event:
    _known_only(data, EVENT_FIELDS)
    return Event(
        _moment_of(data["when"], "when"),
        data["kind"],
        data.get("note"),
        data.get("to_whom"),
        data.get("advice"),
        data.get("outcome"),
        _date_of(data.get("flag_day"), "flag_day"),
        data.get("flag_rule"),
    )


def check_dose_links(medicines: list[Medicine], doses: list[Dose], problems: list[Problem]) -> None:
    """Medicine ids are unique and every dose names one of the file's medicines."""
    seen: set[int | None] = set()
    for index, medicine in enumerate(medicines):
        if medicine.id in seen:
            problems.append(
                Problem("id", f"{medicine.id} is the id of two medicines", f"medicines[{index}].id")
            )
        seen.add(medicine.id)
    for index, dose in enumerate(doses):
        if dose.medicine_id not in seen:
            problems.append(
                Problem(
                    "medicine_id",
                    f"names medicine {dose.medicine_id}, which is not in the file",
                    f"doses[{index}].medicine_id",
                )
            )
