"""The items beyond ESAS-r (issue 16), ESAS-r's own "Other problem", and the
profile's choice of the optional items the form asks.

Why: what sends people on these regimens to hospital — diarrhoea, no bowels
opened, shivering, bleeding, a clot, confusion, not keeping fluids down, mouth
sores, numbness, sore hands and feet, abdominal swelling, glucose — was not
recorded. Every new column is nullable: an old entry's items were not asked,
which is blank, never "no" or zero. Plain ``ADD COLUMN`` keeps the migration of
a five-year diary instant (no table copy); the diary is backed up first, as for
every migration.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    ("stools_above_usual", sa.Integer()),
    ("days_since_bowels_opened", sa.Integer()),
    ("shivering", sa.Boolean()),
    ("bleeding", sa.Boolean()),
    ("clot_signs", sa.Boolean()),
    ("confusion", sa.Boolean()),
    ("cannot_keep_fluids", sa.Boolean()),
    ("mouth_sores", sa.Integer()),
    ("numbness", sa.Integer()),
    ("sore_hands_feet", sa.Integer()),
    ("abdominal_swelling", sa.Integer()),
    ("abdominal_girth_cm", sa.Float()),
    ("blood_glucose_mmol", sa.Float()),
    ("activity_level", sa.Integer()),
    ("other_problem_name", sa.String(200)),
    ("other_problem", sa.Integer()),
)


def upgrade() -> None:
    for name, kind in NEW_COLUMNS:
        op.add_column("entries", sa.Column(name, kind, nullable=True))
    # Which optional items the form asks; NULL (every existing diary): the defaults by regimen.
    op.add_column("profile", sa.Column("form_items", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("form_items")
    with op.batch_alter_table("entries") as batch:
        for name, _kind in reversed(NEW_COLUMNS):
            batch.drop_column(name)
