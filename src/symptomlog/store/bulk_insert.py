"""Many new entry rows in one ``executemany`` on the driver: a five-year import.

The ORM, and even a Core ``insert()``, spend most of an import building and
converting a parameter dictionary per row. Here each row is a tuple in column
order, and the only conversion SQLAlchemy would make that SQLite's own driver
does not is a datetime to SQLAlchemy's text form, so rows read back exactly as
rows the ORM wrote (a test compares both, value and SQLite type). It runs inside
the diary's write transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from symptomlog.domain import Recorder
from symptomlog.domain.entry_batch import EntryBatch
from symptomlog.domain.fields import SIGNS
from symptomlog.store.convert import ENTRY_COLUMNS

if TYPE_CHECKING:
    from symptomlog.store.entries import EntryRecord

COLUMNS = (*ENTRY_COLUMNS, "fingerprint", "created_at", "updated_at", "deleted_at")
INSERT = f"INSERT INTO entries ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_entry_values = attrgetter(*ENTRY_COLUMNS)
assert ENTRY_COLUMNS[:2] == ("recorded_at", "recorded_by")
RECORDER_TEXT = {who: who.value for who in Recorder}
SIGN_INDEXES = tuple(ENTRY_COLUMNS.index(sign.name) for sign in SIGNS)
FLAG = {True: 1, False: 0, None: None}


def datetime_text(value: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite ("2026-03-01 09:30:00.000000").

    The same text as the dialect's own bind processor, made in C rather than by a
    Python format per row; a test checks the two agree.
    """
    return value.isoformat(" ", "microseconds")


def insert_records(connection: Connection, records: Sequence[EntryRecord], stamp: datetime) -> None:
    """Insert every record as a new row; created/updated default to ``stamp``."""
    now = datetime_text(stamp)
    rows = []
    for record in records:
        entry = record.entry
        when, recorder, *values = _entry_values(entry)
        created, updated, deleted = record.created_at, record.updated_at, record.deleted_at
        rows.append(
            (
                datetime_text(when),
                recorder.value,
                *values,
                entry.fingerprint(),
                datetime_text(created) if created else now,
                datetime_text(updated) if updated else now,
                datetime_text(deleted) if deleted else None,
            )
        )
    connection.exec_driver_sql(INSERT, rows)


def insert_batch(
    connection: Connection, batch: EntryBatch, rows: Sequence[int], stamp: datetime
) -> None:
    """Insert the given rows of a checked batch, built column by column."""
    columns: list[Sequence[object]] = [batch.columns[name] for name in ENTRY_COLUMNS]
    columns.append(batch.fingerprints)
    if len(rows) < len(batch):
        columns = [[column[row] for row in rows] for column in columns]
    columns[0] = [datetime_text(when) for when in columns[0]]  # type: ignore[arg-type]
    columns[1] = [RECORDER_TEXT[who] for who in columns[1]]  # type: ignore[index]
    for index in SIGN_INDEXES:  # 1/0 as SQLAlchemy stores them; a bool costs the driver more
        columns[index] = [FLAG[sign] for sign in columns[index]]  # type: ignore[index]
    now = datetime_text(stamp)
    count = len(rows)
    connection.exec_driver_sql(
        INSERT,
        list(
            zip(*columns, repeat(now, count), repeat(now, count), repeat(None, count), strict=True)
        ),
    )
