"""Migration 0013 (entry rules): up, down and up again on SQLite and PostgreSQL, keeping rows;
a database from before it opens with no rules and no hire dates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from mentordesk.core.cohorts import create_cohort
from mentordesk.core.database import alembic_config
from mentordesk.core.entry_rules import check_cohort, get_rules, set_rules
from mentordesk.core.models import Base, Trainee
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, update_trainee

SCHEMAS = Path(__file__).parent / "data" / "schemas"
COLUMNS = {"hire_date", "post", "entry_min_years", "entry_posts"}


def _ours(difference: object) -> bool:
    return any(name in repr(difference) for name in COLUMNS)


def _columns(store: Store, table: str) -> set[str]:
    return {c["name"] for c in inspect(store.engine).get_columns(table)}


def test_downgrade_drops_the_columns_and_upgrade_brings_them_back(any_store: Store) -> None:
    store = any_store
    create_cohort(store, "OJ", start_date=date(2026, 3, 1))
    t = create_trainee(store, "A1", "Old Hand", cohort="OJ")
    update_trainee(store, t.uid, hire_date=date(2020, 1, 1), post="Fitter")
    set_rules(store, "OJ", min_years=3)
    config = alembic_config(store.engine)
    command.downgrade(config, "0012")
    assert not COLUMNS & (_columns(store, "trainee") | _columns(store, "cohort"))
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM trainee")).scalar() == 1
    command.upgrade(config, "head")
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert [d for d in compare_metadata(context, Base.metadata) if _ours(d)] == []
    # Back up, the values are empty: no rule, nothing known of the trainee.
    assert not get_rules(store, "OJ").any
    with store.read() as s:
        assert s.execute(select(Trainee.hire_date, Trainee.post)).one() == (None, "")


def test_a_0010_database_opens_without_rules(tmp_path: Path) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0010.db", db)
    store = Store.open(db)
    try:
        with store.read() as s:
            assert set(s.scalars(select(Trainee.post))) == {""}
    finally:
        store.close()


def test_the_0013_snapshot_holds_the_demo_rule_and_its_verdicts(tmp_path: Path) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0013.db", db)
    store = Store.open(db)
    try:
        cohort = "2026 Mill Maintenance On-the-job"
        assert get_rules(store, cohort).min_years == 3
        verdicts = check_cohort(store, cohort)
        assert 0 < sum(not v.verdict.meets for v in verdicts) < len(verdicts)
        command.downgrade(alembic_config(store.engine), "0012")
        command.upgrade(alembic_config(store.engine), "head")
    finally:
        store.close()
