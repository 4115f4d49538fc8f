"""Alembic environment: runs on the engine MentorDesk hands over, never on alembic.ini."""

from alembic import context

from mentordesk.core.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
