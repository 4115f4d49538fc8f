"""The keyboard flow of the Today area: Enter commits what was typed; keys go into an area."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from mentordesk.core.attendance import session_roster
from mentordesk.core.workshop_sessions import copy_session, list_recent_sessions
from mentordesk.ui.main_window import AREAS, MainWindow
from mentordesk.ui.today_view import TodayArea
from tests.gui_waits import settled

CTRL = Qt.KeyboardModifier.ControlModifier
# The workers of the areas under test: a look at the database waits for their answers.
_workers: list = []


@pytest.fixture
def fresh(demo_store):
    """A session after the demo's last day: nobody marked yet."""
    latest = list_recent_sessions(demo_store, 1)[0]
    return copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=3))


@pytest.fixture
def area(qtbot, demo_store, fresh, make_worker):
    view = TodayArea(make_worker(demo_store))
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    settled(view.worker)
    _workers.append(view.worker)
    assert view.session.uid == fresh.uid
    yield view
    _workers.remove(view.worker)


def _mark(store, session_uid, trainee_uid):
    for worker in _workers:
        settled(worker)
    return next(r.mark for r in session_roster(store, session_uid) if r.trainee_uid == trainee_uid)


@pytest.fixture(params=["active", "not active"])
def window_state(request, qtbot, area):
    """The keys reach the area while its window is active, and while it is not: X11 hands the
    activation over late (a window manager's round trip), and a key sent to a window by a tool
    arrives without it. Then no focus change reads the spin box's typed text for Enter."""
    if request.param == "not active":
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(other.isActiveWindow)
        assert not area.isActiveWindow()
    else:
        area.activateWindow()
        qtbot.waitUntil(area.isActiveWindow)
        area.roster_table.setFocus()
    return request.param


def test_enter_commits_the_minutes_late_and_moves_on(qtbot, area, window_state):
    first = area.roster.rows()[0]
    qtbot.keyClick(area.roster_table, Qt.Key.Key_L)
    qtbot.keyClicks(area.minutes_spin, "15")
    qtbot.keyClick(area.minutes_spin, Qt.Key.Key_Return)
    mark = _mark(area.worker.store, area.session.uid, first.trainee_uid)
    assert (mark.status, mark.minutes_late, mark.hours) == ("late", 15, 7.75)
    assert area.roster.rows()[0].mark.minutes_late == 15
    assert area.roster_table.currentIndex().row() == 1
    # Two steps to undo, the late mark and then its minutes; the first undo takes the minutes.
    assert area.undo_stack.count() == 2
    if window_state == "active":
        qtbot.keyClick(area.roster_table, Qt.Key.Key_Z, CTRL)
    else:
        area.undo_stack.undo()
    assert _mark(area.worker.store, area.session.uid, first.trainee_uid).minutes_late == 0


def test_enter_commits_the_hours_credited_and_moves_on(qtbot, area, window_state):
    first = area.roster.rows()[0]
    qtbot.keyClick(area.roster_table, Qt.Key.Key_O)
    area.hours_spin.lineEdit().selectAll()
    qtbot.keyClicks(area.hours_spin, "5.5")
    qtbot.keyClick(area.hours_spin, Qt.Key.Key_Enter)
    mark = _mark(area.worker.store, area.session.uid, first.trainee_uid)
    assert (mark.status, mark.hours) == ("left_early", 5.5)
    assert area.roster_table.currentIndex().row() == 1


def test_tab_and_enter_keep_the_same_value(qtbot, area):
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    area.roster_table.setFocus()
    rows = area.roster.rows()
    qtbot.keyClick(area.roster_table, Qt.Key.Key_L)
    qtbot.keyClicks(area.minutes_spin, "20")
    qtbot.keyClick(area.minutes_spin, Qt.Key.Key_Tab)
    assert _mark(area.worker.store, area.session.uid, rows[0].trainee_uid).minutes_late == 20
    area.roster_table.setFocus()
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Down)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_L)
    qtbot.keyClicks(area.minutes_spin, "20")
    qtbot.keyClick(area.minutes_spin, Qt.Key.Key_Return)
    assert _mark(area.worker.store, area.session.uid, rows[1].trainee_uid).minutes_late == 20


# -- Keys go into the area chosen in the sidebar ----------------------------------------------


def _click_area(qtbot, window: MainWindow, key: str) -> None:
    row = [k for k, *_ in AREAS].index(key)
    item = window.navigation.item(row)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.navigation.currentRow() == row


def test_after_a_click_in_the_sidebar_the_areas_shortcuts_work(
    qtbot, demo_store, fresh, make_worker
):
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settled(window.worker)
    _click_area(qtbot, window, "trainees")
    focus = QApplication.focusWidget()
    assert focus is not None and window.area("trainees").isAncestorOf(focus)
    _click_area(qtbot, window, "today")
    today = window.area("today")
    focus = QApplication.focusWidget()
    assert focus is not None and today.isAncestorOf(focus)
    # Ctrl+P, as printed on the button, marks everyone present at once.
    qtbot.keyClick(focus, Qt.Key.Key_P, CTRL)
    settled(window.worker)
    marks = [r.mark for r in session_roster(demo_store, fresh.uid) if r.expected]
    assert marks and all(m is not None and m.status == "present" for m in marks)
    # The same after Ctrl+2 / Ctrl+1 from the keyboard.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, CTRL)
    assert today.isAncestorOf(QApplication.focusWidget())
