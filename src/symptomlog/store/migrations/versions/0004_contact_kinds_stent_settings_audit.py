"""Contacts with a kind and hours, the biliary stent, and an audit of settings.

Why: a red flag must name only a real 24-hour line, never a weekday nurse guessed
from a free-text role. Each old contact becomes ``24h-line`` only when its role
plainly reads as one, anything else ``other``; the old role text is kept, and the
window asks the user once to confirm the kinds. Threshold overrides outside the
new safe ranges (CLINICAL.md) are put back to their default, and that reset is
written to the new settings audit, like every later change.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from symptomlog.domain.profile import kind_from_role
from symptomlog.domain.thresholds import THRESHOLD_BY_KEY

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

MIGRATION_ACTOR = "schema 0004 (safe ranges)"


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("kind", sa.String(32), nullable=False, server_default="other"))
        batch.add_column(sa.Column("hours", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("profile") as batch:
        batch.add_column(sa.Column("stent", sa.Boolean(), nullable=True))
        batch.add_column(
            sa.Column(
                "contact_kinds_confirmed", sa.Boolean(), nullable=False, server_default=sa.true()
            )
        )
    op.create_table(
        "settings_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
    )
    conn = op.get_bind()
    contacts = conn.exec_driver_sql("SELECT id, role FROM contacts").fetchall()
    for contact_id, role in contacts:
        conn.exec_driver_sql(
            "UPDATE contacts SET kind = ? WHERE id = ?", (kind_from_role(role).value, contact_id)
        )
    if contacts:
        conn.exec_driver_sql("UPDATE profile SET contact_kinds_confirmed = 0")
    _reset_unsafe_thresholds(conn)
    _remove_impossible_cycles(conn)


def _remove_impossible_cycles(conn: sa.Connection) -> None:
    """Cycles dated after 2100 (an old version took 9999-12-25) broke every report: removed,
    each written to the settings audit so nothing disappears unseen."""
    now = datetime.now().replace(microsecond=0).isoformat(sep=" ")
    rows = conn.exec_driver_sql(
        "SELECT id, regimen, number, planned_start, actual_start FROM cycles "
        "WHERE planned_start > '2100-12-31' OR actual_start > '2100-12-31'"
    ).fetchall()
    for cycle_id, regimen, number, planned, actual in rows:
        conn.exec_driver_sql(
            "INSERT INTO settings_audit (at, actor, key, old_value, new_value) "
            "VALUES (?, ?, ?, ?, NULL)",
            (now, MIGRATION_ACTOR, "cycle removed", f"{regimen} C{number} {actual or planned}"),
        )
        conn.exec_driver_sql("DELETE FROM cycles WHERE id = ?", (cycle_id,))


def _reset_unsafe_thresholds(conn: sa.Connection) -> None:
    """Drop overrides the new safe ranges refuse (or that are no longer editable), audited."""
    row = conn.exec_driver_sql("SELECT thresholds FROM profile WHERE id = 1").fetchone()
    if row is None:
        return
    stored = json.loads(row[0] or "{}")
    kept: dict[str, float] = {}
    now = datetime.now().replace(microsecond=0).isoformat(sep=" ")
    for key, value in stored.items():
        threshold = THRESHOLD_BY_KEY.get(key)
        if threshold is not None and threshold.minimum <= float(value) <= threshold.maximum:
            kept[key] = value
            continue
        default = None if threshold is None else f"{threshold.default:g}"
        conn.exec_driver_sql(
            "INSERT INTO settings_audit (at, actor, key, old_value, new_value) "
            "VALUES (?, ?, ?, ?, ?)",
            (now, MIGRATION_ACTOR, f"threshold:{key}", f"{float(value):g}", default),
        )
    conn.exec_driver_sql(
        "UPDATE profile SET thresholds = ? WHERE id = 1", (json.dumps(kept, sort_keys=True),)
    )


def downgrade() -> None:
    op.drop_table("settings_audit")
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("contact_kinds_confirmed")
        batch.drop_column("stent")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("hours")
        batch.drop_column("kind")
