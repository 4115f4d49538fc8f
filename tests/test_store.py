"""The store: schema by migrations, SQLite settings, refusing newer databases, backups."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import inspect, text

from mentordesk.core.database import alembic_config, head_revision, make_engine, to_url
from mentordesk.core.errors import SchemaTooNew, UserError
from mentordesk.core.models import Base
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, list_trainees


def test_new_database_gets_every_table_through_migrations(any_store):
    tables = set(inspect(any_store.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    with any_store.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == head_revision()
        )


def test_sqlite_runs_with_wal_and_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(any_store):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), any_store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO attendance (uid, updated_at, origin_device, deleted, session_id,"
                " trainee_id, status, minutes_late, hours, note)"
                " VALUES ('x', CURRENT_TIMESTAMP, '', false, 999, 999, 'present', 0, 0, '')"
            )
        )


def test_models_match_the_migrations(store):
    """A model change without a migration would leave real databases behind."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_database_from_a_newer_mentordesk_is_refused(db_path):
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(SchemaTooNew, match="newer MentorDesk"):
        Store.open(db_path)


def test_a_foreign_sqlite_file_is_refused(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE payroll (id INTEGER)")
    with pytest.raises(UserError, match="not created by MentorDesk"):
        Store.open(db_path)


def test_older_database_is_backed_up_before_it_is_upgraded(db_path):
    engine = make_engine(to_url(db_path))
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    assert head_revision() != "0001", "needs a second revision to upgrade across"
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO staff (uid, updated_at, origin_device, deleted, name, role,"
            " organisation, email, phone, withdrawn) VALUES"
            " ('s1', '2026-01-01 00:00:00', 'd', 0, 'Before Upgrade', 'mentor', '', '', '', 0)"
        )
    Store.open(db_path).close()
    backups = list((db_path.parent / "backups").glob("*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT name FROM staff").fetchone()[0] == "Before Upgrade"


def test_device_id_is_stable_across_openings(db_path):
    first = Store.open(db_path)
    device = first.device_id
    first.close()
    again = Store.open(db_path)
    assert again.device_id == device and len(device) == 16
    again.close()


def test_committed_change_survives_a_reopen(db_path):
    st = Store.open(db_path)
    create_trainee(st, "20250101", "李明", cohort="2025 Rolling")
    st.close()
    reopened = Store.open(db_path)
    assert [t.name for t in list_trainees(reopened)] == ["李明"]
    reopened.close()


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(UserError, match="folder does not exist"):
        Store.open(tmp_path / "nowhere" / "x.db")


def test_the_fast_schema_head_is_alembics_head():
    from mentordesk.core.database_file import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_opening_an_up_to_date_database_does_not_load_alembic(db_path):
    import subprocess
    import sys

    Store.open(db_path).close()
    code = (
        "import sys; from mentordesk.core.store import Store; "
        f"Store.open({str(db_path)!r}).close(); print('alembic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_closing_the_store_leaves_the_database_to_others(db_path) -> None:
    """The presence lock goes with the store: the last close still tidies the write-ahead log,
    and another process can then take the database whole (what a restore needs)."""
    store = Store.open(db_path)
    with store.write() as session:
        store.set_setting(session, "probe", "1")
    store.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    conn = sqlite3.connect(db_path, timeout=0)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    finally:
        conn.close()
