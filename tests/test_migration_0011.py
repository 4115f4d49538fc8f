"""Migration 0011 (rater roles and composite weights): up, down and up again on SQLite and
PostgreSQL keeping the rows; ratings already there take their rater's role, else mentor."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from mentordesk.core import latest_ratings, ratings
from mentordesk.core.database import alembic_config
from mentordesk.core.models import Base, Staff
from mentordesk.core.rubrics import LevelView, create_rubric
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee

SCHEMAS = Path(__file__).parent / "data" / "schemas"
TABLES = {"skill_rating", "programme", "skill_rating_latest"}


def _ours(difference: object) -> bool:
    return any(name in repr(difference) for name in (f"'{t}'" for t in TABLES))


def test_downgrade_drops_the_roles_and_upgrade_brings_them_back(any_store: Store) -> None:
    store = any_store
    rubric = create_rubric(
        store, "Steel", [LevelView(1, "Low"), LevelView(2, "High")], [{"code": "F-01", "name": "X"}]
    )
    trainee = create_trainee(store, "T-1", "Wang Fang")
    skill = rubric.skills[0].uid
    ratings.rate(store, trainee.uid, skill, 1, rated_on=date(2026, 11, 1))
    ratings.rate(store, trainee.uid, skill, 2, rated_on=date(2026, 11, 2), role="self")
    with store.read() as s:
        assert s.scalar(text("SELECT level FROM skill_rating_latest")) == 1
    config = alembic_config(store.engine)
    command.downgrade(config, "0010")
    assert "rater_role" not in {
        c["name"] for c in inspect(store.engine).get_columns("skill_rating")
    }
    with store.engine.connect() as conn:
        # Without roles every rating counts again, as before 0011.
        assert conn.execute(text("SELECT level FROM skill_rating_latest")).scalar() == 2
    command.upgrade(config, "head")
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        differences = [d for d in compare_metadata(context, Base.metadata) if _ours(d)]
        assert conn.execute(text("SELECT count(*) FROM skill_rating")).scalar() == 2
    assert differences == []
    with store.read() as s:
        assert latest_ratings.drift(s) == []


def test_a_0010_database_gives_its_ratings_their_raters_roles(tmp_path: Path) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0010.db", db)
    store = Store.open(db)
    try:
        with store.read() as s:
            pairs = s.execute(
                text(
                    "SELECT DISTINCT coalesce(staff.role, ''), skill_rating.rater_role "
                    "FROM skill_rating LEFT JOIN staff ON staff.id = skill_rating.rater_id"
                )
            ).all()
            assert pairs
            for staff_role, rater_role in pairs:
                expected = (
                    staff_role if staff_role in ("mentor", "supervisor", "teacher") else ("mentor")
                )
                assert rater_role == expected
            assert s.scalar(select(Staff.id).limit(1)) is not None
            assert latest_ratings.drift(s) == []
    finally:
        store.close()


def test_the_0011_snapshot_goes_down_to_0010_and_up_again_keeping_its_records(
    tmp_path: Path,
) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0011.db", db)
    store = Store.open(db)
    try:
        with store.read() as s:
            count = s.scalar(text("SELECT count(*) FROM skill_rating"))
            latest = s.scalar(text("SELECT count(*) FROM skill_rating_latest"))
        config = alembic_config(store.engine)
        command.downgrade(config, "0010")
        command.upgrade(config, "head")
        with store.read() as s:
            assert s.scalar(text("SELECT count(*) FROM skill_rating")) == count
            assert s.scalar(text("SELECT count(*) FROM skill_rating_latest")) == latest
            assert latest_ratings.drift(s) == []
    finally:
        store.close()
