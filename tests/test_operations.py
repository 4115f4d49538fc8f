"""The window's one way into core: operations on the database worker, and change notices."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QObject, Qt, QTimer

from mentordesk.core import attendance, trainees
from mentordesk.core.errors import UserError
from mentordesk.core.workshop_sessions import copy_session, list_recent_sessions
from mentordesk.ui.operations import Changes, CollectionOp, QueryOp
from mentordesk.ui.today_view import TodayArea
from tests.gui_waits import settled


@pytest.fixture
def fresh(demo_store):
    latest = list_recent_sessions(demo_store, 1)[0]
    return copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=3))


def _area(qtbot, worker) -> TodayArea:
    view = TodayArea(worker)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    settled(worker)
    view.roster_table.setFocus()
    return view


def test_a_read_runs_off_the_gui_thread_and_answers_on_it(qtbot, demo_store, make_worker):
    worker = make_worker(demo_store)
    threads: list[threading.Thread] = []
    answers: list[tuple[int, threading.Thread]] = []

    def count(store):
        threads.append(threading.current_thread())
        return len(trainees.list_trainees(store))

    QueryOp(count).success(lambda n: answers.append((n, threading.current_thread()))).run(worker)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert threads[0] is not threading.main_thread()
    assert answers == [(86, threading.main_thread())]  # 80 plus the on-the-job cohort's 6


def test_a_refused_change_reaches_the_user_and_changes_nothing(qtbot, demo_store, make_worker):
    worker = make_worker(demo_store)
    before = len(trainees.list_trainees(demo_store, include_inactive=True))
    told: list[str] = []
    notices: list[Changes] = []
    listener = QObject()
    worker.changes.subscribe(listener, notices.append)
    CollectionOp(trainees.create_trainee, "", "", changes=Changes(trainees=True)).failure(
        told.append
    ).success(lambda _t: pytest.fail("a nameless trainee was saved")).run(worker)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told[0] and "Traceback" not in told[0]
    settled(worker)
    assert len(trainees.list_trainees(demo_store, include_inactive=True)) == before
    assert notices == []


def test_a_mark_the_database_refuses_leaves_the_screen(qtbot, demo_store, fresh, make_worker,
                                                       monkeypatch):  # fmt: skip
    area = _area(qtbot, make_worker(demo_store))

    def refuse(*_args, **_kwargs):
        raise UserError("This session was deleted on another machine.")

    monkeypatch.setattr(attendance, "mark", refuse)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_P)
    # The key is answered at once...
    assert area.roster.rows()[0].status == "present"
    settled(area.worker)
    # ...and the refusal puts the screen back to what the database holds, and says why.
    assert area.roster.rows()[0].mark is None
    assert attendance.session_roster(demo_store, fresh.uid)[0].mark is None
    assert "deleted on another machine" in area.message.text()


def test_a_change_notice_refreshes_exactly_the_views_that_show_it(
    qtbot, demo_store, fresh, make_worker, monkeypatch
):
    worker = make_worker(demo_store)
    marking, watching = _area(qtbot, worker), _area(qtbot, worker)
    elsewhere = _area(qtbot, worker)
    older = list_recent_sessions(demo_store, 2)[1]
    elsewhere.open_session(older.uid)
    settled(worker)
    reads: list[TodayArea] = []
    for view in (marking, watching, elsewhere):
        real = view.attendance.reload
        monkeypatch.setattr(
            view.attendance, "reload", lambda *a, _v=view, _r=real: (reads.append(_v), _r(*a))
        )
    qtbot.keyClick(marking.roster_table, Qt.Key.Key_A)
    settled(worker)
    # The view that marked has the answer; the one on the same session reads it; the one on
    # another session has nothing to read.
    assert reads == [watching]
    assert watching.roster.rows()[0].status == "absent"


def test_a_slow_store_does_not_block_the_window(qtbot, demo_store, fresh, make_worker,
                                                monkeypatch):  # fmt: skip
    area = _area(qtbot, make_worker(demo_store))
    release = threading.Event()
    events: list[str] = []
    real_mark = attendance.mark

    def slow_mark(*args, **kwargs):
        # Held until the GUI thread's event loop has run a timer: a blocked loop never would.
        if not release.wait(10):
            raise AssertionError("the GUI thread's event loop did not run")
        events.append("saved")
        return real_mark(*args, **kwargs)

    monkeypatch.setattr(attendance, "mark", slow_mark)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_P)
    assert area.roster.rows()[0].status == "present"

    def tick():
        events.append("timer")
        release.set()

    QTimer.singleShot(0, tick)
    settled(area.worker)
    assert events == ["timer", "saved"]
    assert attendance.session_roster(demo_store, fresh.uid)[0].status == "present"


def test_undo_pressed_before_the_mark_is_saved_is_not_lost(
    qtbot, demo_store, fresh, make_worker, monkeypatch
):
    area = _area(qtbot, make_worker(demo_store))
    release = threading.Event()
    real_mark = attendance.mark

    def held_mark(*args, **kwargs):
        release.wait(10)
        return real_mark(*args, **kwargs)

    monkeypatch.setattr(attendance, "mark", held_mark)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_P)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    release.set()
    settled(area.worker)
    assert attendance.session_roster(demo_store, fresh.uid)[0].mark is None
    assert area.roster.rows()[0].mark is None


def test_a_level_cleared_before_it_is_saved_is_cleared(
    qtbot, demo_store, fresh, make_worker, monkeypatch
):
    from mentordesk.core import ratings

    area = _area(qtbot, make_worker(demo_store))
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    table = area.ratings.table
    release = threading.Event()
    real_rate = ratings.rate

    def held_rate(*args, **kwargs):
        release.wait(10)
        return real_rate(*args, **kwargs)

    monkeypatch.setattr(ratings, "rate", held_rate)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_4)
    qtbot.keyClick(table, Qt.Key.Key_Left)
    # The level shows at once, and Delete on it is answered though it has no record yet.
    assert area.ratings.model.cell_at(0, 1).level == 4
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert area.ratings.model.cell_at(0, 1).level is None
    release.set()
    settled(area.worker)
    grid = ratings.rating_grid(demo_store, fresh.uid)
    assert all(cell.rating_uid is None for cell in grid.cells.values())
    assert area.ratings.model.cell_at(0, 1).level is None


def test_an_edit_in_another_area_reaches_the_today_roster(qtbot, demo_store, fresh, make_worker):
    from mentordesk.ui.main_window import MainWindow

    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    settled(window.worker)
    today = window.area("today")
    first = today.roster.rows()[0]
    window.navigation.setCurrentRow(1)
    area = window.area("trainees")
    qtbot.keyClicks(area.search, first.trainee_id)
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=5000)
    area.table.selectRow(0)
    area.name_edit.setText("刘德华")
    qtbot.mouseClick(area.save_button, Qt.MouseButton.LeftButton)
    settled(window.worker)
    # Not shown again, yet the Today area heard of it and read its roster again.
    assert window.stack.currentWidget() is area
    assert today.roster.rows()[0].name == "刘德华"


def test_a_name_typed_before_the_profile_is_read_is_kept(qtbot, store, make_worker, monkeypatch):
    from mentordesk.core import staff
    from mentordesk.ui.settings_view import SettingsArea

    release = threading.Event()
    real = staff.local_user
    monkeypatch.setattr(staff, "local_user", lambda s: (release.wait(10), real(s))[1])
    area = SettingsArea(make_worker(store))
    qtbot.addWidget(area)
    area.show()
    qtbot.keyClicks(area.name_edit, "Chen Hong")
    release.set()
    settled(area.worker)
    assert area.name_edit.text() == "Chen Hong"
    assert "Database:" in area.db_label.text()
