"""a trainee's attendance records wholly from the index

A trainee's record lists every attendance of the period with its minutes late and note. Those
two were the only columns the record read from the table itself: one page at random per record,
hundreds of pages for a five-year trainee. With them in ``ix_attendance_trainee_cover`` the index answers alone; they are nearly
always 0 and empty, which an index entry stores in its header byte.

Plain ``op`` index statements, not a batch: the attendance table carries the triggers of 0004,
which a table rebuilt by a batch would lose.

SQLite only. PostgreSQL refuses an index entry over 2,704 bytes, and a mark's note has no length
limit (interchange.md sets none): with the note in its index a long note could not be saved, nor
merged, nor this upgrade run. On PostgreSQL the index stays as 0004 made it.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NAME = "ix_attendance_trainee_cover"
BEFORE = ["trainee_id", "held_on", "session_id", "status", "hours", "deleted"]


def _replace(columns: list[str]) -> None:
    op.drop_index(NAME, table_name="attendance")
    op.create_index(NAME, "attendance", columns)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _replace([*BEFORE, "minutes_late", "note"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _replace(BEFORE)
