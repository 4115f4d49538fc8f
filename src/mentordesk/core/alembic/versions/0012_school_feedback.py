"""feedback to the school: the mentor's suggestions per cohort and period, the school's reply

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

import mentordesk.core.models.base

revision = "0012"
# The lead re-chains this after 0011 when the branches meet.
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "school_feedback",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("suggestions", sa.Text(), nullable=False),
        sa.Column("written_by", sa.String(length=200), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("replied_by", sa.String(length=200), nullable=False),
        sa.Column("replied_at", mentordesk.core.models.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("updated_at", mentordesk.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_feedback")),
        sa.UniqueConstraint("uid", name=op.f("uq_school_feedback_uid")),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_school_feedback_cohort_id_cohort")
        ),
    )
    op.create_index("ix_school_feedback_cohort", "school_feedback", ["cohort_id", "period_start"])


def downgrade() -> None:
    op.drop_index("ix_school_feedback_cohort", table_name="school_feedback")
    op.drop_table("school_feedback")
