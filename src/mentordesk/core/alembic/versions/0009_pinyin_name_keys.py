"""pinyin name keys on trainees and staff; the trainee list index in pinyin order; staff cohorts

Chinese users look names up by their pinyin (``zw`` for 张伟) and expect lists in pinyin
order. Each trainee and staff row keeps its name's key (core/pinyin_keys.py), filled here for
the rows already there. ``ix_trainee_list`` leads with the key, so that the list still reads
from the index alone, in the order it shows. ``staff_cohort`` records which cohorts each
staff member works with.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from mentordesk.core.pinyin_keys import KEY_LENGTH, name_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

LIST_COLUMNS = ["name", "trainee_id", "uid", "cohort_id", "track", "employee_no", "status"]


def _fill(table: str) -> None:
    conn = op.get_bind()
    t = sa.table(table, sa.column("id", sa.Integer), sa.column("name", sa.String))
    keyed = sa.table(table, sa.column("id", sa.Integer), sa.column("name_key", sa.String))
    rows = [{"row_id": i, "key": name_key(n)} for i, n in conn.execute(sa.select(t.c.id, t.c.name))]
    if rows:
        conn.execute(
            keyed.update()
            .where(keyed.c.id == sa.bindparam("row_id"))
            .values(name_key=sa.bindparam("key")),
            rows,
        )


def upgrade() -> None:
    for table in ("trainee", "staff"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column(
                    "name_key", sa.String(length=KEY_LENGTH), server_default="", nullable=False
                )
            )
        _fill(table)
    op.drop_index("ix_trainee_list", table_name="trainee")
    op.create_index("ix_trainee_list", "trainee", ["name_key", *LIST_COLUMNS, "deleted"])
    op.create_table(
        "staff_cohort",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_staff_cohort_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_staff_cohort_cohort_id_cohort")
        ),
        sa.PrimaryKeyConstraint("staff_id", "cohort_id", name=op.f("pk_staff_cohort")),
    )
    op.create_index(op.f("ix_staff_cohort_cohort_id"), "staff_cohort", ["cohort_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_staff_cohort_cohort_id"), table_name="staff_cohort")
    op.drop_table("staff_cohort")
    op.drop_index("ix_trainee_list", table_name="trainee")
    op.create_index("ix_trainee_list", "trainee", [*LIST_COLUMNS, "deleted"])
    # ALTER TABLE … DROP COLUMN, not a batch: a batch rebuilds the table on SQLite, and
    # dropping trainee to rebuild it fails while attendance and leave rows refer to it.
    for table in ("trainee", "staff"):
        op.drop_column(table, "name_key")
