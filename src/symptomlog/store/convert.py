"""Moving values between frozen domain objects and ORM rows."""

from __future__ import annotations

import json
from datetime import datetime

from symptomlog.domain import ChemoCycle, Contact, Entry, Profile
from symptomlog.domain.entry import ENTRY_FIELD_NAMES
from symptomlog.store.models import ContactRow, CycleRow, EntryRow, ProfileRow

ENTRY_COLUMNS = tuple(n for n in ENTRY_FIELD_NAMES if n != "id")


def entry_from_row(row: EntryRow) -> Entry:
    """The stored entry, not validated again (see ``Entry.from_trusted_row`` for why)."""
    return Entry.from_trusted_row({name: getattr(row, name) for name in ENTRY_FIELD_NAMES})


def entry_columns(entry: Entry) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(entry, name) for name in ENTRY_COLUMNS}
    values["recorded_by"] = entry.recorded_by.value
    values["fingerprint"] = entry.fingerprint()
    return values


def entry_json_values(entry: Entry) -> str:
    """The old values kept in the audit trail, as JSON a person can read."""
    data = entry.values()
    data["recorded_at"] = entry.recorded_at.isoformat(timespec="minutes")
    data["recorded_by"] = entry.recorded_by.value
    return json.dumps(data, ensure_ascii=False)


def cycle_from_row(row: CycleRow) -> ChemoCycle:
    return ChemoCycle(
        regimen=row.regimen,
        number=row.number,
        planned_start=row.planned_start,
        actual_start=row.actual_start,
        line=row.line,
        cycle_days=row.cycle_days,
        drug_days=tuple(int(d) for d in row.drug_days.split(",") if d),
        dose_note=row.dose_note,
        ends_line=row.ends_line,
        id=row.id,
    )


def cycle_columns(cycle: ChemoCycle) -> dict[str, object]:
    return {
        "regimen": cycle.regimen,
        "number": cycle.number,
        "planned_start": cycle.planned_start,
        "actual_start": cycle.actual_start,
        "line": cycle.line,
        "cycle_days": cycle.cycle_days,
        "drug_days": ",".join(str(d) for d in cycle.drug_days),
        "dose_note": cycle.dose_note,
        "ends_line": cycle.ends_line,
    }


def contact_from_row(row: ContactRow) -> Contact:
    return Contact(row.kind, row.name, row.phone, row.hours or "", row.role or "")  # type: ignore[arg-type]


def profile_from_rows(row: ProfileRow | None, contacts: list[ContactRow]) -> Profile:
    if row is None:
        return Profile(contacts=tuple(contact_from_row(c) for c in contacts))
    return Profile(
        name=row.name,
        born=row.born,
        hospital_number=row.hospital_number,
        height_cm=row.height_cm,
        baseline_weight_kg=row.baseline_weight_kg,
        baseline_date=row.baseline_date,
        contacts=tuple(contact_from_row(c) for c in contacts),
        thresholds=json.loads(row.thresholds or "{}"),
        stent=row.stent,
        contact_kinds_confirmed=row.contact_kinds_confirmed,
        form_items=None if row.form_items is None else tuple(json.loads(row.form_items)),
    )


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
