"""Medicines, doses and events, and an audit of their changes (issue 17).

Why: palliative teams adjust regular pain relief by the number of as-needed
(breakthrough) doses, and after a red flag nothing recorded what happened. Only
new tables: every existing entry, cycle and setting is left exactly as it was,
and the migration of a long diary stays instant (the diary is backed up first,
as for every migration).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "medicines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("strength", sa.String(200), nullable=True),
        sa.Column("as_needed", sa.Boolean(), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("max_per_24h", sa.Integer(), nullable=True),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("stop", sa.Date(), nullable=True),
    )
    op.create_table(
        "doses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "medicine_id",
            sa.Integer(),
            sa.ForeignKey("medicines.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("amount", sa.String(200), nullable=True),
        sa.Column("given_by", sa.String(16), nullable=False),
        sa.Column("giver_name", sa.String(200), nullable=True),
    )
    op.create_index("ix_doses_taken_at", "doses", ["taken_at"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("to_whom", sa.String(200), nullable=True),
        sa.Column("advice", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("flag_day", sa.Date(), nullable=True),
        sa.Column("flag_rule", sa.String(64), nullable=True),
    )
    op.create_index("ix_events_at", "events", ["at"])
    op.create_table(
        "record_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("record_kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("old_values", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("record_audit")
    op.drop_index("ix_events_at", "events")
    op.drop_table("events")
    op.drop_index("ix_doses_taken_at", "doses")
    op.drop_table("doses")
    op.drop_table("medicines")
