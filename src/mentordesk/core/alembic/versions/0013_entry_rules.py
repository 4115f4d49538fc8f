"""entry rules of on-the-job training: a trainee's hire date and post, a cohort's rules

An employee joining on-the-job training carries the date they were hired and the post they hold;
a cohort may ask a minimum length of service at its start and a list of posts it admits. Every
column is added in place and empty, so a database already in use means "no rule, not known".

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("trainee", sa.Column("hire_date", sa.Date(), nullable=True))
    op.add_column(
        "trainee", sa.Column("post", sa.String(length=200), server_default="", nullable=False)
    )
    op.add_column("cohort", sa.Column("entry_min_years", sa.Integer(), nullable=True))
    op.add_column(
        "cohort", sa.Column("entry_posts", sa.JSON(), server_default="[]", nullable=False)
    )


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place, as 0009 and 0010 do: a batch would rebuild the tables
    # that attendance and ratings refer to.
    op.drop_column("cohort", "entry_posts")
    op.drop_column("cohort", "entry_min_years")
    op.drop_column("trainee", "post")
    op.drop_column("trainee", "hire_date")
