"""Migration 0012 (feedback to the school): up, down and up again on SQLite and PostgreSQL,
keeping every other record; the 0012 snapshot's feedback survives the round."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from mentordesk.core.database import alembic_config
from mentordesk.core.feedback import feedback_for, write_suggestions
from mentordesk.core.models import Base
from mentordesk.core.store import Store

SCHEMAS = Path(__file__).parent / "data" / "schemas"


def _ours(difference: object) -> bool:
    return "school_feedback" in repr(difference)


def _cohort(store: Store) -> str:
    from mentordesk.core.cohorts import create_cohort

    return create_cohort(store, "Class A").name


def test_downgrade_removes_the_feedback_table_and_upgrade_brings_it_back(
    any_store: Store,
) -> None:
    store = any_store
    cohort = _cohort(store)
    write_suggestions(store, cohort, "Teach safety first.", date(2026, 10, 1), date(2026, 10, 31))
    config = alembic_config(store.engine)
    command.downgrade(config, "0011")
    assert "school_feedback" not in inspect(store.engine).get_table_names()
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cohort")).scalar() == 1
    command.upgrade(config, "head")
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert [d for d in compare_metadata(context, Base.metadata) if _ours(d)] == []
    # The table is back, empty: feedback can be written again.
    assert feedback_for(store, cohort, date(2026, 10, 1), date(2026, 10, 31)).uid == ""
    write_suggestions(store, cohort, "Again.", date(2026, 10, 1), date(2026, 10, 31))
    assert (
        feedback_for(store, cohort, date(2026, 10, 1), date(2026, 10, 31)).suggestions == "Again."
    )


def test_the_0012_snapshot_goes_down_to_0011_and_up_again_keeping_its_records(
    tmp_path: Path,
) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0012.db", db)
    store = Store.open(db)
    try:
        view = feedback_for(
            store, "2025 Rolling Order Class", date(2026, 10, 1), date(2026, 11, 20)
        )
        assert view.reply == "同意，下学期提前安排。" and view.replied_by == "王老师"
        with store.read() as s:
            ratings = s.scalar(text("SELECT count(*) FROM skill_rating"))
        config = alembic_config(store.engine)
        command.downgrade(config, "0011")
        assert "school_feedback" not in inspect(store.engine).get_table_names()
        command.upgrade(config, "head")
        with store.read() as s:
            assert s.scalar(text("SELECT count(*) FROM skill_rating")) == ratings
            assert s.scalar(text("SELECT count(*) FROM school_feedback")) == 0
    finally:
        store.close()
