"""Index live entries by time: the query behind Today, History, Charts and the PDF.

Every read asks for the entries not deleted within a period; one index on
(deleted_at, recorded_at) answers it without scanning deleted rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entries_live_by_time", "entries", ["deleted_at", "recorded_at"])


def downgrade() -> None:
    op.drop_index("ix_entries_live_by_time", table_name="entries")
