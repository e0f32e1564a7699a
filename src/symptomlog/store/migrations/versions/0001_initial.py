"""The first schema: entries with an audit trail, cycles, profile and contacts.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(16), nullable=False),
        sa.Column("recorder_name", sa.String(200), nullable=True),
        *[
            sa.Column(name, sa.Integer(), nullable=True)
            for name in (
                "pain",
                "nausea",
                "vomiting_episodes",
                "fatigue",
                "appetite",
                "breathlessness",
                "drowsiness",
                "depression",
                "anxiety",
                "wellbeing",
            )
        ],
        sa.Column("weight_kg", sa.Float(), nullable=True),
        sa.Column("temperature_c", sa.Float(), nullable=True),
        sa.Column("yellow_eyes", sa.Boolean(), nullable=True),
        sa.Column("yellow_skin", sa.Boolean(), nullable=True),
        sa.Column("itch", sa.Integer(), nullable=True),
        sa.Column("dark_urine", sa.Boolean(), nullable=True),
        sa.Column("pale_stools", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_entries_recorded_at", "entries", ["recorded_at"])
    op.create_index("ix_entries_fingerprint", "entries", ["fingerprint"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entry_id",
            sa.Integer(),
            sa.ForeignKey("entries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("old_values", sa.Text(), nullable=True),
    )
    op.create_index("ix_audit_entry_id", "audit", ["entry_id"])
    op.create_table(
        "cycles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("regimen", sa.String(32), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("planned_start", sa.Date(), nullable=False),
        sa.Column("actual_start", sa.Date(), nullable=True),
        sa.Column("cycle_days", sa.Integer(), nullable=False),
        sa.Column("drug_days", sa.String(200), nullable=False),
        sa.Column("dose_note", sa.Text(), nullable=True),
        sa.Column("ends_line", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("born", sa.Date(), nullable=True),
        sa.Column("hospital_number", sa.String(64), nullable=True),
        sa.Column("height_cm", sa.Float(), nullable=True),
        sa.Column("baseline_weight_kg", sa.Float(), nullable=True),
        sa.Column("baseline_date", sa.Date(), nullable=True),
        sa.Column("thresholds", sa.Text(), nullable=False),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for table in ("contacts", "profile", "cycles", "audit", "entries"):
        op.drop_table(table)
