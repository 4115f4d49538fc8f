"""Databases users already have: each released schema upgrades to the current one, losing nothing.

``tests/data/schemas/schema-REV.db`` holds demo data at migration REV (made once by
``make_schema_db.py REV`` when REV is released, then never regenerated).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from mentordesk.cli import main as cli_main
from mentordesk.core import attendance_totals, latest_ratings
from mentordesk.core.database import head_revision
from mentordesk.core.errors import SchemaTooNew
from mentordesk.core.models import Base
from mentordesk.core.store import Store

SCHEMAS = Path(__file__).parent / "data" / "schemas"
RELEASED = sorted(SCHEMAS.glob("schema-*.db"))


def contents(path: Path) -> dict[str, set[tuple]]:
    """Every row of every table (but the version stamp), as sets of tuples of its columns."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name <> 'alembic_version'"
            )
        ]
        out = {}
        for table in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = {
                tuple(zip(cols, row, strict=True))
                for row in conn.execute(f'SELECT {names} FROM "{table}"')
            }
        return out
    finally:
        conn.close()


def kept(before: dict[str, set[tuple]], after: dict[str, set[tuple]]) -> list[str]:
    """What an upgrade lost: each old row must still be there, with its old columns' values."""
    lost = []
    for table, rows in before.items():
        if table not in after:
            lost.append(f"table {table} is gone")
            continue
        old_cols = {c for row in rows for c, _ in row}
        now = {tuple((c, v) for c, v in row if c in old_cols) for row in after[table]}
        missing = rows - now
        if missing:
            lost.append(f"{table}: {len(missing)} of {len(rows)} rows lost or changed")
    return lost


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_released_schema_has_a_database_file() -> None:
    assert [p.name for p in RELEASED][:1] == ["schema-0001.db"]


@pytest.mark.parametrize("released", RELEASED, ids=lambda p: p.stem)
def test_released_schema_upgrades_to_current_keeping_every_row(
    released: Path, tmp_path: Path
) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(released, db)
    before = contents(db)
    assert sum(len(rows) for rows in before.values()) > 1000, "the file should hold demo data"

    store = Store.open(db)
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn)
            assert context.get_current_revision() == head_revision()
            # The upgraded schema is exactly what the models describe: nothing half-migrated.
            assert compare_metadata(context, Base.metadata) == []
        # What the database derives from the records (since 0004) agrees with them.
        with store.read() as s:
            assert attendance_totals.drift(s) == []
            assert latest_ratings.drift(s) == []
    finally:
        store.close()

    assert kept(before, contents(db)) == []
    backups = list((tmp_path / "backups").glob("mentordesk.before-*.db"))
    if released.stem != f"schema-{head_revision()}":
        assert len(backups) == 1, "an upgrade takes a backup first"
        assert contents(backups[0]) == before


def test_upgraded_database_passes_the_check_command(tmp_path: Path, capsys) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(RELEASED[0], db)
    assert cli_main(["check", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path, capsys) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(RELEASED[0], db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    # As MentorDesk leaves every database it wrote: switching to WAL alone rewrites the header.
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    before = digest(db)

    with pytest.raises(SchemaTooNew, match="newer MentorDesk"):
        Store.open(db)
    assert cli_main(["check", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer MentorDesk" in err and "Traceback" not in err
    assert digest(db) == before
    assert not (tmp_path / "backups").exists()
