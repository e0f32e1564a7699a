"""NALIRIFOX as 28-day cycles (drugs on days 1 and 15), and a log of the reports saved.

Why: CLINICAL.md now counts NALIRIFOX as NAPOLI-3 and most hospitals do — a
28-day cycle with drugs on days 1 and 15 — where the first template numbered
fortnights (14-day cycles, day 1). Each line's old fortnightly cycles are paired
into 28-day ones: the first of a pair keeps its start, the second becomes its
drug day 15 (or the day it was actually given, if delayed), and the cycles are
renumbered C1, C2 … Only cycles still on the old template (14 days, day 1) move;
every change is written to the settings audit so nothing changes unseen.

The ``reports`` table remembers each saved report's period, so the next one can
start where it ended ("since the last report").

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MIGRATION_ACTOR = "schema 0007 (NALIRIFOX 28-day cycles)"
MAX_CYCLE_DAYS = 84


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
    )
    _nalirifox_to_28_days(op.get_bind())


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _nalirifox_to_28_days(conn: sa.Connection) -> None:
    rows = conn.exec_driver_sql(
        "SELECT id, line, number, planned_start, actual_start, dose_note, ends_line "
        "FROM cycles WHERE regimen = 'nalirifox' AND cycle_days = 14 AND drug_days = '1'"
    ).fetchall()
    by_line: dict[int, list[tuple]] = {}
    for row in rows:
        by_line.setdefault(row[1], []).append(row)
    now = datetime.now().replace(microsecond=0).isoformat(sep=" ")
    for line, cycles in sorted(by_line.items()):
        cycles.sort(key=lambda r: (_as_date(r[4]) or _as_date(r[3]), r[2]))
        for index in range(0, len(cycles), 2):
            first, second = cycles[index], cycles[index + 1 : index + 2]
            _merge(conn, index // 2 + 1, first, second[0] if second else None)
        numbers = f"C{cycles[0][2]}–C{cycles[-1][2]}"
        old = f"NALIRIFOX line {line}: {len(cycles)} cycles of 14 days ({numbers})"
        new = (
            f"NALIRIFOX line {line}: {(len(cycles) + 1) // 2} cycles of 28 days, "
            "drugs on days 1 and 15 (CLINICAL.md, NAPOLI-3)"
        )
        conn.exec_driver_sql(
            "INSERT INTO settings_audit (at, actor, key, old_value, new_value) "
            "VALUES (?, ?, ?, ?, ?)",
            (now, MIGRATION_ACTOR, "cycles renumbered", old, new),
        )


def _merge(conn: sa.Connection, number: int, first: tuple, second: tuple | None) -> None:
    """One 28-day cycle from a fortnight pair: the second's start becomes a drug day."""
    start = _as_date(first[4]) or _as_date(first[3])
    assert start is not None
    drug_days, cycle_days = [1, 15], 28
    notes = [n for n in (first[5],) if n]
    ends_line = bool(first[6])
    if second is not None:
        second_start = _as_date(second[4]) or _as_date(second[3])
        assert second_start is not None
        offset = (second_start - start).days
        if offset >= 1 and offset + 14 <= MAX_CYCLE_DAYS:
            drug_days = [1, offset + 1]
            cycle_days = max(28, offset + 14)
        if second[5]:
            notes.append(f"day {drug_days[-1]}: {second[5]}")
        ends_line = ends_line or bool(second[6])
        conn.exec_driver_sql("DELETE FROM cycles WHERE id = ?", (second[0],))
    conn.exec_driver_sql(
        "UPDATE cycles SET number = ?, cycle_days = ?, drug_days = ?, dose_note = ?, "
        "ends_line = ? WHERE id = ?",
        (
            number,
            cycle_days,
            ",".join(str(d) for d in drug_days),
            "; ".join(notes) or None,
            ends_line,
            first[0],
        ),
    )


def downgrade() -> None:
    op.drop_table("reports")
