"""New entry rows through SQLite's driver: one save, a CSV import of years, a JSON restore.

The one way new entries are written (edits, deletions and restores go through the ORM),
because here it pays: inserting five years (3,652 entries, ``benchmarks/bench_import.py``'s
file) took 52 ms as one ``executemany`` of tuples, 165 ms as a Core ``insert()`` (a
parameter dictionary built and converted per row) and 951 ms through the ORM (median of
7, 7 and 3 runs on the 2-core build machine, November 2026). One save into a five-year
diary took 0.5 ms this way against 0.7-0.9 ms through the ORM (median of 301, same
machine): a bare sqlite3 INSERT + COMMIT takes 0.3 ms, and ``make bench`` holds a save
to twice that; only this path keeps it. A save's new id comes with its INSERT, its one
row is converted directly, the column converters are looked up once, and it runs on a
plain connection (``Diary.write_connection``): 0.54 -> 0.22 ms CPU a save (mean of 400).

Values are converted by SQLAlchemy's own bind processors for the ``entries`` columns
(a datetime to its text form, a yes/no to 1/0), so rows read back exactly as rows the
ORM wrote; each processor runs once per distinct value of a column. Each function runs
inside one of the diary's write transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Dialect, func, select

from symptomlog.domain.entry import Entry
from symptomlog.domain.entry_batch import EntryBatch
from symptomlog.store.convert import ENTRY_COLUMNS
from symptomlog.store.models import EntryRow

if TYPE_CHECKING:
    from symptomlog.store.entries import EntryRecord

COLUMNS = (*ENTRY_COLUMNS, "fingerprint", "created_at", "updated_at", "deleted_at")
INSERT = f"INSERT INTO entries ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def insert_batch(
    connection: Connection, batch: EntryBatch, rows: Sequence[int], stamp: datetime
) -> None:
    """Insert the given rows of a checked batch (a CSV import), made now."""
    columns: dict[str, Sequence[object]] = {name: batch.columns[name] for name in ENTRY_COLUMNS}
    columns["fingerprint"] = batch.fingerprints
    if len(rows) < len(batch):
        columns = {name: [column[row] for row in rows] for name, column in columns.items()}
    count = len(rows)
    columns |= {"created_at": [stamp] * count, "updated_at": [stamp] * count}
    _insert_columns(connection, columns | {"deleted_at": [None] * count})


def insert_one(connection: Connection, entry: Entry, stamp: datetime) -> int:
    """Insert one new entry (a save from Today or ``symptomlog add``), made now; its id."""
    values = [getattr(entry, name) for name in ENTRY_COLUMNS]
    values += [entry.fingerprint(), stamp, stamp, None]
    values[COLUMNS.index("recorded_by")] = str(entry.recorded_by)
    row = tuple(
        value if process is None else process(value)
        for value, process in zip(values, _processors(connection.dialect), strict=True)
    )
    result = connection.exec_driver_sql(INSERT, row)  # one row: its id comes with it
    return int(result.lastrowid)


def insert_records(
    connection: Connection, records: Sequence[EntryRecord], stamp: datetime
) -> list[int]:
    """Insert every record as a new row (a JSON import); return the new ids in order.

    Created/updated default to ``stamp``. The records' fingerprints must be new to the
    diary and distinct (the caller skips the others), which is how the ids are found
    again: SQLite gives new rows ids above the largest, so one query after the insert
    maps each new fingerprint to its id.
    """
    if not records:
        return []
    columns: dict[str, Sequence[object]] = {
        name: [getattr(r.entry, name) for r in records] for name in ENTRY_COLUMNS
    }
    columns["fingerprint"] = [r.entry.fingerprint() for r in records]
    columns["created_at"] = [r.created_at or stamp for r in records]
    columns["updated_at"] = [r.updated_at or stamp for r in records]
    columns["deleted_at"] = [r.deleted_at for r in records]
    before = connection.scalar(select(func.max(EntryRow.id))) or 0
    _insert_columns(connection, columns)
    query = select(EntryRow.fingerprint, EntryRow.id).where(EntryRow.id > before)
    ids = {fingerprint: new_id for fingerprint, new_id in connection.execute(query)}
    return [ids[fingerprint] for fingerprint in columns["fingerprint"]]  # type: ignore[index]


def _insert_columns(connection: Connection, columns: Mapping[str, Sequence[object]]) -> None:
    """One ``executemany`` of the rows given column by column (every name in ``COLUMNS``),
    each column converted as SQLAlchemy converts it for this connection's dialect."""
    converted = []
    for name, process in zip(COLUMNS, _processors(connection.dialect), strict=True):
        values = columns[name]
        if name == "recorded_by":  # the domain's Recorder is stored as its text
            values = [str(who) for who in values]
        converted.append(values if process is None else _converted(values, process))
    connection.exec_driver_sql(INSERT, list(zip(*converted, strict=True)))


@cache
def _processors(dialect: Dialect) -> tuple[Callable[[Any], Any] | None, ...]:
    """Each column's bind processor, looked up once: per save the lookups cost 0.1 ms."""
    table = EntryRow.__table__
    return tuple(
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in COLUMNS
    )


def _converted(values: Sequence[Any], process: Callable[[Any], Any]) -> list[object]:
    """``process`` applied to each value, once per distinct value (a column of thousands
    holds few: yes/no/blank, one time stamp for the whole import). Equal values of
    different types (True and 1) cannot meet: a checked column holds one type."""
    done = {value: process(value) for value in set(values)}
    return list(map(done.__getitem__, values))
