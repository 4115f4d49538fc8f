"""the trainee list wholly from an index, in name order

The trainee list reads seven columns of every trainee. From the table they come in the order
trainees were added, wide rows with their e-mail, dates and sync stamps, and Python then sorts
all of them by name. From an index of name and those columns they come narrower and already in
name order, which Python's sort passes through in one sweep.

It replaces ``ix_trainee_name`` (name alone), whose every use it serves. Its entries stay under
PostgreSQL's 2,704-byte cap: the columns are bounded (names 200 characters, the rest shorter).

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = ["name", "trainee_id", "uid", "cohort_id", "track", "employee_no", "status", "deleted"]


def upgrade() -> None:
    op.drop_index("ix_trainee_name", table_name="trainee")
    op.create_index("ix_trainee_list", "trainee", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_trainee_list", table_name="trainee")
    op.create_index("ix_trainee_name", "trainee", ["name"])
