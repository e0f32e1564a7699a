"""Events: calls (with their outcome), admissions, procedures, scans, transfusions.

Every change is kept in the record audit with the values before it, like entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from symptomlog.domain.event import Event, EventKind, events_after_flag
from symptomlog.store.medicine_rows import (
    RecordChange,
    add_audited,
    change_audited,
    delete_audited,
    event_columns,
    event_from_row,
    read_audit,
    row_or_not_found,
)
from symptomlog.store.models import EventRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from symptomlog.store.diary import Diary


class EventStore:
    """The only way events are read and written."""

    def __init__(self, diary: Diary) -> None:
        self._diary = diary

    def add(self, event: Event, actor: str = "user") -> Event:
        with self._diary.write() as session:
            row = EventRow(**event_columns(event))
            return event.with_id(add_audited(session, row, "event", actor))

    def update(self, event: Event, actor: str = "user") -> Event:
        """Change an event (its id says which); the old values stay in the audit."""
        with self._diary.write() as session:
            row = self._row(session, event.id)
            old = event_columns(event_from_row(row))
            change_audited(session, row, old, event_columns(event), "event", actor)
        return event

    def delete(self, event_id: int, actor: str = "user") -> None:
        with self._diary.write() as session:
            row = self._row(session, event_id)
            delete_audited(session, row, event_columns(event_from_row(row)), "event", actor)

    def between(
        self,
        start: date | None = None,
        end: date | None = None,
        *,
        kind: EventKind | None = None,
    ) -> list[Event]:
        """Events on days ``start`` to ``end`` (both inclusive), oldest first."""
        query = select(EventRow).order_by(EventRow.at, EventRow.id)
        if start is not None:
            query = query.where(EventRow.at >= datetime.combine(start, time.min))
        if end is not None:
            query = query.where(EventRow.at < datetime.combine(end + timedelta(1), time.min))
        if kind is not None:
            query = query.where(EventRow.kind == kind.value)
        with self._diary.read() as session:
            return [event_from_row(r) for r in session.scalars(query)]

    def after_flag(self, day: date, rule: str | None = None) -> list[Event]:
        """The events recorded as what happened after the flag of ``day`` (and ``rule``)."""
        query = select(EventRow).where(EventRow.flag_day == day).order_by(EventRow.at)
        with self._diary.read() as session:
            events = [event_from_row(r) for r in session.scalars(query)]
        return events_after_flag(events, day, rule)

    def audit(self) -> list[RecordChange]:
        with self._diary.read() as session:
            return read_audit(session, "event")

    def add_records(self, events: Iterable[Event], actor: str = "import") -> int:
        """Store imported events; one already in the diary is skipped. Returns how many."""
        with self._diary.write() as session:
            known = {
                repr(event_columns(event_from_row(r))) for r in session.scalars(select(EventRow))
            }
            added = 0
            for event in events:
                columns = event_columns(event)
                if repr(columns) in known:
                    continue
                known.add(repr(columns))
                add_audited(session, EventRow(**columns), "event", actor, "import")
                added += 1
        return added

    @staticmethod
    def _row(session: Session, event_id: int | None) -> EventRow:
        return row_or_not_found(session, EventRow, event_id, "event")
