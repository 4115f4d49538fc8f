"""covering indexes for period summaries

The Summary, a cohort's attendance and a trainee's record read attendance and ratings by
trainee; with ``deleted`` (and a rating's ``level``) in the index, SQLite answers them from the
index alone instead of visiting a table page for every record it counts.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _replace(table: str, name: str, columns: list[str]) -> None:
    with op.batch_alter_table(table) as batch:
        batch.drop_index(name)
        batch.create_index(name, columns)


def upgrade() -> None:
    _replace(
        "attendance",
        "ix_attendance_trainee_cover",
        ["trainee_id", "session_id", "status", "hours", "deleted"],
    )
    _replace(
        "skill_rating",
        "ix_skill_rating_trainee_skill_date",
        ["trainee_id", "skill_id", "rated_on", "level", "deleted"],
    )


def downgrade() -> None:
    _replace(
        "attendance", "ix_attendance_trainee_cover", ["trainee_id", "session_id", "status", "hours"]
    )
    _replace(
        "skill_rating", "ix_skill_rating_trainee_skill_date", ["trainee_id", "skill_id", "rated_on"]
    )
