"""Issue: marks shown in the window never reached the file once a file dialog had browsed the
database's folder and another process had opened and closed the database.

The window's own process reads the database file (a file dialog sniffing the folder's files),
which drops the process's POSIX locks; ``mentordesk backup`` then opens and closes the
database. Every mark made in the window afterwards must be in the file for any other process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QMimeDatabase, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from mentordesk.core.workshop_sessions import copy_session, list_recent_sessions
from mentordesk.ui.today_view import TodayArea
from tests.gui_waits import settled

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _other_process(*argv: str) -> str:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run(
        [sys.executable, *argv], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-800:]
    return done.stdout.strip()


def _marks_seen_from_outside(db: Path, session_uid: str) -> int:
    return int(
        _other_process(
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute("
            "'SELECT count(*) FROM attendance a JOIN workshop_session w ON w.id = a.session_id "
            "WHERE w.uid = ? AND a.deleted = 0', (sys.argv[2],)).fetchone()[0]); c.close()",
            str(db),
            session_uid,
        )
    )


def test_marks_after_a_file_dialog_and_a_backup_reach_the_file(
    qtbot, demo_store, tmp_path, make_worker
):
    db = demo_store.path
    latest = list_recent_sessions(demo_store, 1)[0]
    fresh = copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=3))
    view = TodayArea(make_worker(demo_store))
    qtbot.addWidget(view)
    view.show()
    settled(view.worker)
    assert view.session.uid == fresh.uid

    # What Export's or Choose workbook's dialog does on the database's folder, then cancel.
    dialog = QFileDialog(view, "Export", str(db.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    files = dialog.findChild(QFileSystemModel)
    with qtbot.waitSignal(files.directoryLoaded, timeout=5000, raising=False):
        dialog.show()
    dialog.reject()
    for name in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if name.exists():
            QMimeDatabase().mimeTypeForFile(str(name), QMimeDatabase.MatchMode.MatchContent)

    _other_process("-m", "mentordesk", "backup", str(tmp_path / "copy.db"), "--db", str(db))

    view.roster_table.setFocus()
    for _ in range(3):
        qtbot.keyClick(view.roster_table, Qt.Key.Key_P)
    settled(view.worker)
    assert _marks_seen_from_outside(db, fresh.uid) == 3
