"""Opening a database written by an earlier MentorDesk: the window says it is updating it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from mentordesk.core.database_file import SCHEMA_HEAD, needs_upgrade
from mentordesk.core.errors import SchemaTooNew
from mentordesk.core.store import Store
from mentordesk.ui.app import upgrade_with_progress

OLD = Path(__file__).parent / "data" / "schemas" / "schema-0003.db"


def version(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_an_old_database_is_upgraded_behind_a_progress_dialog(qtbot, tmp_path):
    db = tmp_path / "mentordesk.db"
    shutil.copy(OLD, db)
    assert needs_upgrade(db)
    seen: list[str] = []

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        seen.extend(d.labelText() for d in dialogs if d.isVisible())

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(1)
    upgrade_with_progress(str(db))
    timer.stop()

    assert any("Updating your records" in text for text in seen)
    assert version(db) == SCHEMA_HEAD
    assert not needs_upgrade(db)
    assert list((tmp_path / "backups").glob("mentordesk.before-*.db")), "a backup first"
    Store.open(db).close()


def test_a_newer_database_is_refused_with_its_message(qtbot, tmp_path):
    db = tmp_path / "mentordesk.db"
    shutil.copy(OLD, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaTooNew, match="newer MentorDesk"):
        upgrade_with_progress(str(db), quiet=True)
    assert version(db) == "9999"
    assert not (tmp_path / "backups").exists(), "nothing migrated, nothing backed up"


def test_a_current_or_missing_database_needs_no_upgrade(store, tmp_path):
    assert not needs_upgrade(store.path)
    assert not needs_upgrade(tmp_path / "none.db")
