"""Drop two indexes no query uses: every save and import paid to keep them.

``ix_entries_recorded_at``: every read of live entries uses (deleted_at,
recorded_at) from 0002; only the full export orders all rows, once.
``ix_entries_fingerprint``: duplicates are found by reading every fingerprint
into a set, never by looking one up.
Measured on a five-year CSV import: the insert took 23 ms with all three
indexes, 16 ms with the one kept (14 ms with none).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_entries_recorded_at", table_name="entries")
    op.drop_index("ix_entries_fingerprint", table_name="entries")


def downgrade() -> None:
    op.create_index("ix_entries_fingerprint", "entries", ["fingerprint"])
    op.create_index("ix_entries_recorded_at", "entries", ["recorded_at"])
