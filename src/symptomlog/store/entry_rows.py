"""Entry rows written straight to SQLite's driver: one quick save, or years imported.

The ORM, and even a Core ``insert()``, spend most of a save or an import building
and converting a parameter dictionary per row. Here each row is a tuple in column
order, and the conversions SQLAlchemy would make are made the same way — a
datetime to SQLAlchemy's text form, a yes/no to 1/0 — so rows read back exactly
as rows the ORM wrote (a test compares both, value and SQLite type). Each runs
inside one of the diary's write transactions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from symptomlog.domain import Entry, Recorder
from symptomlog.domain.entry_batch import EntryBatch
from symptomlog.domain.fields import SIGN_BY_NAME
from symptomlog.store.convert import ENTRY_COLUMNS

if TYPE_CHECKING:
    from symptomlog.store.entries import EntryRecord

COLUMNS = (*ENTRY_COLUMNS, "fingerprint", "created_at", "updated_at", "deleted_at")
INSERT = f"INSERT INTO entries ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_entry_values = attrgetter(*ENTRY_COLUMNS)
assert ENTRY_COLUMNS[:2] == ("recorded_at", "recorded_by")
RECORDER_TEXT = {who: who.value for who in Recorder}
SIGN_INDEXES = tuple(ENTRY_COLUMNS.index(name) for name in SIGN_BY_NAME)
FLAG = {True: 1, False: 0, None: None}


def datetime_text(value: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite ("2026-03-01 09:30:00.000000").

    The same text as the dialect's own bind processor, made in C rather than by a
    Python format per row; a test checks the two agree.
    """
    if value.tzinfo is not None:  # SQLAlchemy's processor writes the wall time only
        value = value.replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


def entry_row(entry: Entry, created: str, updated: str, deleted: str | None) -> tuple[object, ...]:
    """One entry as the parameters of ``INSERT``, bookkeeping times already as text."""
    values = list(_entry_values(entry))
    values[0] = datetime_text(values[0])
    values[1] = RECORDER_TEXT[values[1]]
    for index in SIGN_INDEXES:
        values[index] = FLAG[values[index]]
    return (*values, entry.fingerprint(), created, updated, deleted)


def insert_one(connection: Connection, entry: Entry, stamp: datetime) -> int:
    """Insert one entry made now; return its new id."""
    now = datetime_text(stamp)
    result = connection.exec_driver_sql(INSERT, entry_row(entry, now, now, None))
    return int(result.lastrowid)  # an INSERT into a table with an integer key always has one


def insert_records(connection: Connection, records: Sequence[EntryRecord], stamp: datetime) -> None:
    """Insert every record as a new row; created/updated default to ``stamp``."""
    now = datetime_text(stamp)

    def text(value: datetime | None) -> str | None:
        return datetime_text(value) if value else None

    rows = [
        entry_row(r.entry, text(r.created_at) or now, text(r.updated_at) or now, text(r.deleted_at))
        for r in records
    ]
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
