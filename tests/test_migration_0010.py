"""Migration 0010 (layered, bilingual rubrics with posts): up, down and up again, on SQLite and
PostgreSQL, keeping the rows; the free-text modules of an older database become module records."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from mentordesk.core.database import alembic_config
from mentordesk.core.models import Base, RubricModule, Skill
from mentordesk.core.rubrics import LevelView, create_rubric
from mentordesk.core.store import Store

SCHEMAS = Path(__file__).parent / "data" / "schemas"
TABLES = {"rubric", "rubric_level", "skill", "rubric_module", "post", "post_skill"}


def _ours(difference: object) -> bool:
    """A difference in a table this migration touches (PostgreSQL's attendance cover index
    differs from the model's on purpose, migration 0006)."""
    return any(name in repr(difference) for name in (f"'{t}'" for t in TABLES))


def test_downgrade_removes_the_layers_and_upgrade_brings_them_back(any_store: Store) -> None:
    store = any_store
    create_rubric(
        store,
        "Steel",
        [LevelView(1, "Low"), LevelView(2, "High")],
        [
            {"code": "F-01", "name": "Safety", "module": "Foundation"},
            {"code": "R-01", "name": "Rolling", "module": "Rolling"},
        ],
    )
    config = alembic_config(store.engine)
    command.downgrade(config, "0009")
    names = inspect(store.engine).get_table_names()
    assert "post" not in names and "rubric_module" not in names
    assert "module_id" not in {c["name"] for c in inspect(store.engine).get_columns("skill")}
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM skill")).scalar() == 2
    command.upgrade(config, "head")
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        differences = [d for d in compare_metadata(context, Base.metadata) if _ours(d)]
    assert differences == []
    with store.read() as s:
        modules = {m.name: m.layer for m in s.scalars(select(RubricModule))}
        assert modules == {"Foundation": "foundation", "Rolling": "direction"}
        linked = {sk.code: sk.module_record.name for sk in s.scalars(select(Skill))}
        assert linked == {"F-01": "Foundation", "R-01": "Rolling"}


def test_a_0009_database_gets_its_modules_as_layers(tmp_path: Path) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0009.db", db)
    store = Store.open(db)
    try:
        with store.read() as s:
            layers = {m.name: m.layer for m in s.scalars(select(RubricModule))}
            assert layers == {
                "Foundation": "foundation",
                "Steelmaking": "direction",
                "Rolling": "direction",
            }
            assert all(sk.module_id is not None for sk in s.scalars(select(Skill)))
    finally:
        store.close()


def test_the_0010_snapshot_goes_down_to_0009_and_up_again_keeping_its_records(
    tmp_path: Path,
) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0010.db", db)
    store = Store.open(db)
    try:
        with store.read() as s:
            ratings = s.scalar(text("SELECT count(*) FROM skill_rating"))
            assert s.scalar(text("SELECT count(*) FROM post_skill"))
        config = alembic_config(store.engine)
        command.downgrade(config, "0009")
        assert "post_skill" not in inspect(store.engine).get_table_names()
        command.upgrade(config, "head")
        with store.read() as s:
            assert s.scalar(text("SELECT count(*) FROM skill_rating")) == ratings
            # Layers come back from the skills' modules; posts were the new version's own.
            layers = set(s.scalars(select(RubricModule.layer)))
            assert layers == {"foundation", "direction"}
    finally:
        store.close()
