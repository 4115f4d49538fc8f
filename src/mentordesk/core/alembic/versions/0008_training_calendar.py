"""the work-study calendar: plan blocks, days off, leave, week slots; planned, cancelled sessions

A cohort's training plan alternates school and plant blocks; plant blocks carry planned practice
hours and, through the cohort's week slots, planned sessions. Days off (holidays, closures) and
approved leave take days out of what a trainee is expected at. Sessions made from the plan are
``planned``; a session nobody holds is ``cancelled`` rather than deleted, so that making the
plan's sessions again does not bring it back.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

import mentordesk.core.models.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _travelling(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("updated_at", mentordesk.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("uid", name=op.f(f"uq_{table}_uid")),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "calendar_block",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=16), nullable=False),
        sa.Column("planned_hours", sa.Float(), nullable=False),
        *_travelling("calendar_block"),
        _fk("calendar_block", "cohort_id", "cohort"),
    )
    op.create_index(
        "ix_calendar_block_cohort_starts_on", "calendar_block", ["cohort_id", "starts_on"]
    )
    op.create_table(
        "day_off",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        *_travelling("day_off"),
        _fk("day_off", "cohort_id", "cohort"),
    )
    op.create_index("ix_day_off_day", "day_off", ["day"])
    op.create_table(
        "leave",
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("approved", sa.Boolean(), server_default=sa.false(), nullable=False),
        *_travelling("leave"),
        _fk("leave", "trainee_id", "trainee"),
    )
    op.create_index("ix_leave_trainee_starts_on", "leave", ["trainee_id", "starts_on"])
    op.create_table(
        "week_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("module", sa.String(length=200), nullable=False),
        sa.Column("task", sa.String(length=300), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_week_slot")),
        _fk("week_slot", "cohort_id", "cohort"),
        _fk("week_slot", "mentor_id", "staff"),
    )
    op.create_index("ix_week_slot_cohort", "week_slot", ["cohort_id"])
    # Plain ALTER TABLE ADD COLUMN, not a batch: a batch rebuilds the table on SQLite, which
    # the attendance triggers of migration 0004 name.
    for column in ("planned", "cancelled"):
        op.add_column(
            "workshop_session",
            sa.Column(column, sa.Boolean(), server_default=sa.false(), nullable=False),
        )


def downgrade() -> None:
    for column in ("cancelled", "planned"):
        op.drop_column("workshop_session", column)
    for table in ("week_slot", "leave", "day_off", "calendar_block"):
        op.drop_table(table)
