"""Moving medicines, doses and events between frozen domain objects and ORM rows,
and the audit of their changes (shared by ``medicines`` and ``events``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select

from symptomlog.domain.entry import Recorder
from symptomlog.domain.event import Event, EventKind, Outcome
from symptomlog.domain.medicine import Dose, Medicine, Purpose, from_trusted
from symptomlog.errors import NotFound
from symptomlog.store.convert import now
from symptomlog.store.models import DoseRow, EventRow, MedicineRow, RecordAuditRow

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class RecordChange:
    """One audited change to a medicine, dose or event, with its values before."""

    record_kind: str
    record_id: int
    action: str
    at: datetime
    actor: str
    old_values: str | None


def medicine_from_row(row: MedicineRow) -> Medicine:
    """Rows were validated on the way in; build directly so an old row always reads."""
    return from_trusted(
        Medicine,
        {
            "name": row.name,
            "strength": row.strength,
            "as_needed": bool(row.as_needed),
            "purpose": Purpose(row.purpose),
            "max_per_24h": row.max_per_24h,
            "start": row.start,
            "stop": row.stop,
            "id": row.id,
        },
    )


def medicine_columns(medicine: Medicine) -> dict[str, object]:
    return {
        "name": medicine.name,
        "strength": medicine.strength,
        "as_needed": medicine.as_needed,
        "purpose": medicine.purpose.value,
        "max_per_24h": medicine.max_per_24h,
        "start": medicine.start,
        "stop": medicine.stop,
    }


DOSE_COLUMNS = tuple(DoseRow.__table__.columns)
"""A dose read as a plain row: five years of doses (6,185) took 77 ms CPU as ORM objects
against 20 ms as rows, on the start path (the flags count as-needed doses)."""
_RECORDERS = {recorder.value: recorder for recorder in Recorder}


def dose_from_row(row: DoseRow | Row[Any]) -> Dose:
    """A dose from its ORM object or its plain row (the same names)."""
    return from_trusted(
        Dose,
        {
            "medicine_id": row.medicine_id,
            "taken_at": row.taken_at,
            "amount": row.amount,
            "given_by": _RECORDERS[row.given_by],
            "giver_name": row.giver_name,
            "id": row.id,
        },
    )


def dose_columns(dose: Dose) -> dict[str, object]:
    return {
        "medicine_id": dose.medicine_id,
        "taken_at": dose.taken_at,
        "amount": dose.amount,
        "given_by": dose.given_by.value,
        "giver_name": dose.giver_name,
    }


def event_from_row(row: EventRow) -> Event:
    return from_trusted(
        Event,
        {
            "when": row.at,
            "kind": EventKind(row.kind),
            "note": row.note,
            "to_whom": row.to_whom,
            "advice": row.advice,
            "outcome": None if row.outcome is None else Outcome(row.outcome),
            "flag_day": row.flag_day,
            "flag_rule": row.flag_rule,
            "id": row.id,
        },
    )


def event_columns(event: Event) -> dict[str, object]:
    return {
        "at": event.when,
        "kind": event.kind.value,
        "note": event.note,
        "to_whom": event.to_whom,
        "advice": event.advice,
        "outcome": None if event.outcome is None else event.outcome.value,
        "flag_day": event.flag_day,
        "flag_rule": event.flag_rule,
    }


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def audit_json(columns: dict[str, object]) -> str:
    """A record's values before a change, as JSON a person can read."""
    return json.dumps({k: _jsonable(v) for k, v in columns.items()}, ensure_ascii=False)


R = TypeVar("R", MedicineRow, DoseRow, EventRow)


def row_or_not_found(session: Session, kind: type[R], row_id: int | None, noun: str) -> R:
    """The row of that id, or NotFound naming what was looked for."""
    row = None if row_id is None else session.get(kind, row_id)
    if row is None:
        raise NotFound(f"There is no {noun} number {row_id} in this diary")
    return row


def add_audited(session: Session, row: R, record_kind: str, actor: str, action: str = "add") -> int:
    """Store a new row and its line in the audit (one place for both stores); its id."""
    session.add(row)
    session.flush()
    write_audit(session, record_kind, row.id, action, actor)
    return row.id


def change_audited(
    session: Session,
    row: R,
    old: dict[str, object],
    new: dict[str, object],
    record_kind: str,
    actor: str,
) -> None:
    """Overwrite a row's values with ``new``; the ``old`` ones stay in the audit."""
    for name, value in new.items():
        setattr(row, name, value)
    session.flush()
    write_audit(session, record_kind, row.id, "edit", actor, old)


def delete_audited(
    session: Session, row: R, columns: dict[str, object], record_kind: str, actor: str
) -> None:
    """Delete a row; its values (``columns``) stay in the audit."""
    row_id = row.id
    session.delete(row)
    write_audit(session, record_kind, row_id, "delete", actor, columns)


def write_audit(
    session: Session,
    record_kind: str,
    record_id: int,
    action: str,
    actor: str,
    old: dict[str, object] | None = None,
) -> None:
    """Keep one change in the record audit, in the caller's transaction."""
    session.add(
        RecordAuditRow(
            record_kind=record_kind,
            record_id=record_id,
            action=action,
            at=now(),
            actor=actor,
            old_values=None if old is None else audit_json(old),
        )
    )


def read_audit(session: Session, record_kind: str | None = None) -> list[RecordChange]:
    query = select(RecordAuditRow).order_by(RecordAuditRow.id)
    if record_kind is not None:
        query = query.where(RecordAuditRow.record_kind == record_kind)
    return [
        RecordChange(r.record_kind, r.record_id, r.action, r.at, r.actor, r.old_values)
        for r in session.scalars(query)
    ]
