"""The first screen read with plain sqlite3 while the store opens, and the window built on it.

``core.first_screen`` writes out the services' own queries; these tests hold it to the
services' answers on the demo plant, after the changes that move trainees on and off a roster,
and check that the window shows it, stays answerable, and saves a mark made before the store
has opened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from mentordesk.core.attendance import mark, session_roster
from mentordesk.core.first_screen import RECENT_SESSIONS, read_first_screen
from mentordesk.core.staff import local_user
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, withdraw_trainee
from mentordesk.core.workshop_sessions import (
    copy_session,
    delete_session,
    list_recent_sessions,
)
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.store_opening import StoreOpening
from mentordesk.ui.today_view import PREPARE_RATINGS_MS

SCHEMAS = Path(__file__).parent / "data" / "schemas"


def _services_view(store: Store) -> tuple:
    sessions = list_recent_sessions(store, RECENT_SESSIONS)
    roster = session_roster(store, sessions[0].uid) if sessions else []
    me = local_user(store)
    return (me.name if me else None, sessions, roster)


def _first_view(store: Store) -> tuple:
    first = read_first_screen(store.path)
    assert first is not None
    assert first.location == store.path.name
    return (first.user, first.sessions, first.roster)


def test_first_screen_is_what_the_services_show(demo_store: Store) -> None:
    assert _first_view(demo_store) == _services_view(demo_store)
    first = read_first_screen(demo_store.path)
    assert first.user and first.roster and len(first.sessions) > 1
    assert any(r.mark is not None for r in first.roster)


def test_first_screen_follows_the_changes_that_move_a_roster(demo_store: Store) -> None:
    latest = list_recent_sessions(demo_store, 1)[0]
    # A newer session, then one newer still that is deleted: the first screen is the former.
    fresh = copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=2))
    gone = copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=3))
    delete_session(demo_store, gone.uid)
    roster = session_roster(demo_store, fresh.uid)
    # Marked though not expected (withdrawn before the day), a newcomer, a mark with a note.
    leaver, marked = roster[0], roster[1]
    mark(demo_store, fresh.uid, leaver.trainee_uid, "present")
    withdraw_trainee(demo_store, leaver.trainee_uid, on=fresh.held_on - timedelta(days=1))
    mark(demo_store, fresh.uid, marked.trainee_uid, "late", minutes_late=20, note="bus 公交")
    create_trainee(demo_store, trainee_id="Z-NEW", name="Ayşe Demir", cohort=fresh.cohort)
    first = _first_view(demo_store)
    assert first == _services_view(demo_store)
    rows = {r.trainee_uid: r for r in first[2]}
    assert not rows[leaver.trainee_uid].expected and rows[leaver.trainee_uid].mark is not None
    assert rows[marked.trainee_uid].mark.note == "bus 公交"
    assert "Ayşe Demir" in {r.name for r in first[2]}

    # Sessions without times or without a cohort, as older files and other writers have them.
    with demo_store.write() as s:
        s.execute(
            text("UPDATE workshop_session SET start_time = NULL, end_time = NULL WHERE uid = :u"),
            {"u": fresh.uid},
        )
    assert _first_view(demo_store) == _services_view(demo_store)
    with demo_store.write() as s:
        s.execute(
            text("UPDATE workshop_session SET cohort_id = NULL WHERE uid = :u"), {"u": fresh.uid}
        )
    assert _first_view(demo_store) == _services_view(demo_store)

    with demo_store.write() as s:
        s.execute(text("DELETE FROM setting WHERE key = 'local_staff_uid'"))
    demo_store.refresh_actor()
    assert _first_view(demo_store)[0] is None
    assert _first_view(demo_store) == _services_view(demo_store)


def test_no_first_screen_where_the_store_must_open_first(tmp_path: Path, store: Store) -> None:
    # New (set-up comes first), older schema (upgraded first), not ours, missing, in memory.
    assert read_first_screen(store.path) is None
    older = tmp_path / "older.db"
    shutil.copy(SCHEMAS / "schema-0001.db", older)
    assert read_first_screen(older) is None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert read_first_screen(junk) is None
    assert read_first_screen(tmp_path / "missing.db") is None
    assert read_first_screen("postgresql://mentor@localhost/mentordesk") is None
    assert read_first_screen("sqlite://") is None


@pytest.fixture
def opening_window(qtbot, demo_store: Store):
    """The window as a start with a first screen builds it: the store not yet open."""
    latest = list_recent_sessions(demo_store, 1)[0]
    fresh = copy_session(demo_store, latest.uid, date.today())
    path = str(demo_store.path)
    demo_store.close()
    first = read_first_screen(path)
    opening = StoreOpening(path)
    window = MainWindow(opening, first=first)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    yield window, opening, fresh
    opening.close()


def test_window_shows_the_first_screen_before_the_store_opens(qtbot, opening_window) -> None:
    window, opening, fresh = opening_window
    today = window.area("today")
    assert today.session.uid == fresh.uid
    assert today.roster.rowCount() == len(read_first_screen(opening.target).roster) > 0
    assert "Unmarked" in today.counts_label.text()
    assert "张伟" in window.user_label.text()
    # The notes panel's delayed load comes and goes without making the window wait.
    qtbot.wait(400)
    assert not opening.is_open
    assert today.notes.list.toPlainText() == ""


def test_a_mark_made_before_the_store_opens_is_saved(qtbot, opening_window) -> None:
    window, opening, fresh = opening_window
    today = window.area("today")
    first_trainee = today.roster.rows()[0]
    today.roster_table.setFocus()
    qtbot.keyClick(today.roster_table, Qt.Key.Key_P)
    assert opening.is_open
    assert today.roster.rows()[0].status == "present"
    check = Store.open(opening.target)
    try:
        saved = {r.trainee_uid: r.status for r in session_roster(check, fresh.uid)}
    finally:
        check.close()
    assert saved[first_trainee.trainee_uid] == "present"


def test_opening_in_its_thread_tells_the_window(qtbot, opening_window) -> None:
    window, opening, _fresh = opening_window
    today = window.area("today")
    with qtbot.waitSignal(opening.finished, timeout=30000):
        opening.start()
    qtbot.waitUntil(lambda: opening.is_open)
    assert opening.error is None
    # The Skill ratings tab waits for the store: it is not built while the store opens.
    qtbot.wait(PREPARE_RATINGS_MS + 200)
    assert today._ratings is None
    window.store_opened()
    assert "张伟" in window.user_label.text()
    # Now the notes load from the store, and the ratings tab is built a moment later.
    today.notes.reload()
    assert today.notes.list.toPlainText() != ""
    qtbot.waitUntil(lambda: today._ratings is not None, timeout=5000)


REFUSING_START = """
import runpy, sys
from mentordesk.core.errors import UserError
from mentordesk.core.store import Store

FAILURE = sys.argv[2]

def refuse(target):
    if FAILURE == "user-error":
        raise UserError(f"{target}: cannot open the database (disk I/O error).")
    raise RuntimeError("something no one foresaw")

Store.open = refuse
sys.argv = ["mentordesk", "--db", sys.argv[1]]
runpy.run_module("mentordesk", run_name="__main__")
"""


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        ("user-error", "cannot open the database (disk I/O error)"),
        ("unforeseen", "cannot open the database (RuntimeError). Details are in the log file."),
    ],
)
def test_a_store_that_fails_to_open_behind_the_first_screen_is_reported(
    demo_store: Store, tmp_path: Path, failure: str, said: str
) -> None:
    # In a process of its own: the window's event loop runs and ends there.
    path = str(demo_store.path)
    demo_store.close()
    assert read_first_screen(path) is not None
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MENTORDESK_EXIT_AFTER_SHOW="1")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", REFUSING_START, path, failure],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.startswith("shown ") and "ready" not in done.stdout
    assert said in done.stderr
    assert "Traceback" not in done.stderr


def test_first_screen_of_a_database_in_an_awkwardly_named_folder(
    demo_store: Store, tmp_path
) -> None:
    # (A "?" cannot be told from a URL query by SQLAlchemy either: not supported.)
    folder = tmp_path / "we#ird 100% 目录"
    folder.mkdir()
    moved = folder / "mentordesk.db"
    path = demo_store.path
    demo_store.close()
    shutil.copy(path, moved)
    first = read_first_screen(moved)
    assert first is not None and first.sessions and first.location == "mentordesk.db"


def test_a_read_only_uri_has_no_network_authority() -> None:
    from pathlib import PureWindowsPath

    from mentordesk.core.database_file import read_only_uri

    # A mapped drive resolves to a network path; "file://server/..." would be refused.
    uri = read_only_uri(PureWindowsPath(r"\\plant-nas\training\mentordesk.db"))
    assert not uri.startswith("file://") and uri.endswith("?mode=ro")
    assert "plant-nas" in uri


def test_closing_a_store_that_never_began_to_open_does_not_open_it(demo_store: Store) -> None:
    path = str(demo_store.path)
    demo_store.close()
    opening = StoreOpening(path)
    opening.close()
    assert not opening.is_open and opening.error is None
