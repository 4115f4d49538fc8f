"""The window's first screen: shown at once, "opening" until the services' answer arrives.

There is one read path: the store opens on the database worker, and the Today area's first
roster is what ``list_recent_sessions`` and ``session_roster`` return there. No copy of their
queries exists to drift from them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mentordesk.core import attendance, workshop_sessions
from mentordesk.core.attendance import session_roster
from mentordesk.core.store import Store
from mentordesk.core.workshop_sessions import list_recent_sessions
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.operations import DatabaseWorker


@pytest.fixture
def closed_demo(demo_store: Store) -> str:
    """The demo database's path, its store closed: the window's worker opens it."""
    path = str(demo_store.path)
    demo_store.close()
    return path


@pytest.fixture
def opening_window(qtbot, closed_demo):
    worker = DatabaseWorker()
    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.show()
    yield window, worker, closed_demo
    qtbot.waitUntil(lambda: worker.idle, timeout=10_000)
    worker.close()


def test_the_window_shows_opening_until_the_roster_arrives(qtbot, opening_window) -> None:
    window, worker, path = opening_window
    # Nothing read yet: the area says so, and shows no roster it has not read.
    assert not worker.is_open
    assert window.stack.currentWidget().text() == "Opening your records…"
    with qtbot.waitSignal(window.ready, timeout=10_000):
        worker.open(path)
    today = window.area("today")
    assert window.stack.currentWidget() is today
    with Store.open(path) as store:
        newest = list_recent_sessions(store, 1)[0]
        assert today.session.uid == newest.uid
        assert today.roster.rows() == session_roster(store, newest.uid)
    assert today.tabs.isEnabled() and today.roster_table.currentIndex().row() == 0
    qtbot.waitUntil(lambda: "张伟" in window.user_label.text(), timeout=10_000)
    assert "mentordesk" not in today.session_combo.currentText().lower()


def test_the_first_screen_comes_from_the_services_on_the_worker(
    qtbot, opening_window, monkeypatch
) -> None:
    window, worker, path = opening_window
    asked: list[tuple[str, threading.Thread]] = []
    for module, name in (
        (workshop_sessions, "list_recent_sessions"),
        (attendance, "session_roster"),
    ):
        real = getattr(module, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            asked.append((_name, threading.current_thread()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        worker.open(path)
    assert [name for name, _ in asked[:2]] == ["list_recent_sessions", "session_roster"]
    assert all(thread is not threading.main_thread() for _, thread in asked)
    # The copy of their queries in plain sqlite3 is gone, and the store's stand-in with it.
    assert importlib.util.find_spec("mentordesk.core.first_screen") is None
    assert importlib.util.find_spec("mentordesk.ui.store_opening") is None


def test_a_database_in_an_awkwardly_named_folder_opens(qtbot, demo_store, tmp_path) -> None:
    # (A "?" cannot be told from a URL query by SQLAlchemy either: not supported.)
    folder = tmp_path / "we#ird 100% 目录"
    folder.mkdir()
    moved = folder / "mentordesk.db"
    path = demo_store.path
    demo_store.close()
    shutil.copy(path, moved)
    worker = DatabaseWorker()
    window = MainWindow(worker)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        worker.open(str(moved))
    try:
        assert window.area("today").roster.rowCount() > 0
        qtbot.waitUntil(lambda: "mentordesk.db" in window.user_label.text(), timeout=10_000)
    finally:
        qtbot.waitUntil(lambda: worker.idle, timeout=10_000)
        worker.close()


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
def test_a_store_that_fails_to_open_behind_the_shown_window_is_reported(
    closed_demo: str, tmp_path: Path, failure: str, said: str
) -> None:
    # In a process of its own: the window's event loop runs and ends there.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MENTORDESK_EXIT_AFTER_SHOW="1")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", REFUSING_START, closed_demo, failure],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stdout.startswith("shown ") and "ready" not in done.stdout
    assert said in done.stderr
    assert "Traceback" not in done.stderr


def test_a_read_only_uri_has_no_network_authority() -> None:
    from pathlib import PureWindowsPath

    from mentordesk.core.database_file import read_only_uri

    # A mapped drive resolves to a network path; "file://server/..." would be refused.
    uri = read_only_uri(PureWindowsPath(r"\\plant-nas\training\mentordesk.db"))
    assert not uri.startswith("file://") and uri.endswith("?mode=ro")
    assert "plant-nas" in uri
