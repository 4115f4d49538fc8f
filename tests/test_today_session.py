"""Every panel of the Today area follows the one session on screen, however it changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from mentordesk.core.attendance import session_roster
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.models import Note, SkillRating, WorkshopSession
from mentordesk.core.ratings import rating_grid
from mentordesk.core.rubrics import load_rubric_file
from mentordesk.core.staff import save_profile
from mentordesk.core.trainees import create_trainee, withdraw_trainee
from mentordesk.core.workshop_sessions import (
    copy_session,
    create_session,
    delete_session,
    list_recent_sessions,
)
from mentordesk.paths import resources_dir
from mentordesk.ui.session_dialog import SessionDialog
from mentordesk.ui.today_view import TodayArea
from tests.gui_waits import settled

CTRL = Qt.KeyboardModifier.ControlModifier


class DialogOutcome:
    """What the New session dialog did: made a session, and said what after each Enter."""

    def __init__(self) -> None:
        self.opened = False
        self.created = None
        self.messages: list[str] = []


def answer_session_dialog(qtbot, steps: list[Callable[[SessionDialog], None]]) -> DialogOutcome:
    """Once the modal New session dialog is up: each step acts on it, then Enter is pressed.
    A dialog still open after the last step is closed, so that a failure cannot hang the run.
    No reference to the dialog outlives it (see conftest's stale wrappers)."""
    outcome = DialogOutcome()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SessionDialog):
            QTimer.singleShot(10, answer)
            return
        outcome.opened = True
        try:
            settled(dialog.worker)  # its lists arrive from the worker
            for step in steps:
                step(dialog)
                qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
                settled(dialog.worker)  # the session is made (or refused) on the worker
                outcome.messages.append(dialog.message.text())
            outcome.created = dialog.created
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer)
    return outcome


def _keep(_dialog: SessionDialog) -> None:
    """Press Enter on the dialog as it opens."""


@pytest.fixture
def area(qtbot, demo_store, make_worker):
    latest = list_recent_sessions(demo_store, 1)[0]
    copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=3))
    view = TodayArea(make_worker(demo_store))
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    settled(view.worker)
    # The fresh session is unmarked, so Today opened on the missing marks: to the roster.
    view.tabs.setCurrentIndex(0)
    view.roster_table.setFocus()
    return view


def _session_of(store, table, row_uid: str) -> str | None:
    with store.read() as s:
        return s.scalar(
            select(WorkshopSession.uid)
            .join(table, table.session_id == WorkshopSession.id)
            .where(table.uid == row_uid)
        )


def _newest(store, table):
    with store.read() as s:
        return s.scalar(select(table.uid).order_by(table.id.desc()))


def _a_step_on_screen(qtbot, area) -> None:
    """Something to undo in the session on screen."""
    if area.roster.rowCount():
        area.roster_table.setFocus()
        qtbot.keyClick(area.roster_table, Qt.Key.Key_A)
        assert area.undo_stack.count() == 1
        settled(area.worker)


def check_everything_follows(qtbot, area, uid: str) -> None:
    store = area.worker.store
    settled(area.worker)
    # Back from a dialog, the keys return to the area once its window is active again (a
    # window manager does this; the offscreen platform needs telling).
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    # The Session box and the roster.
    assert area.session.uid == uid
    assert area.session_combo.currentData() == uid
    assert [r.trainee_uid for r in area.roster.rows()] == [
        r.trainee_uid for r in session_roster(store, uid)
    ]
    # Undo: the previous session's steps are gone with it.
    assert area.undo_stack.count() == 0
    # The rating grid: this session's trainees, and a typed level lands in this session.
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    grid = area.ratings.model.grid
    assert grid is not None and grid.session_uid == uid
    expected = rating_grid(store, uid)
    assert [t.uid for t in grid.trainees] == [t.uid for t in expected.trainees]
    if grid.trainees and grid.skills:
        area.ratings.table.setFocus()
        index = area.ratings.table.currentIndex()
        before = area.ratings.model.cell_at(index.row(), index.column())
        qtbot.keyClick(area.ratings.table, Qt.Key.Key_3)
        settled(area.worker)
        rating = area.ratings.model.cell_at(index.row(), index.column()).rating_uid
        assert _session_of(store, SkillRating, rating) == uid
        assert area.undo_stack.count() == 1
        qtbot.keyClick(area.ratings.table, Qt.Key.Key_Z, CTRL)
        settled(area.worker)
        with store.read() as s:
            level, deleted = s.execute(
                select(SkillRating.level, SkillRating.deleted).where(SkillRating.uid == rating)
            ).one()
        assert deleted if before.rating_uid is None else level == before.level
    else:
        qtbot.keyClick(area.ratings.table, Qt.Key.Key_3)
        assert area.undo_stack.count() == 0
    area.tabs.setCurrentIndex(0)
    # Notes are written at this session.
    if area.roster.rowCount():
        area.notes.text.insertPlainText("Checked the guide rollers")
        qtbot.keyClick(area.notes.text, Qt.Key.Key_Return, CTRL)
        settled(area.worker)
        assert _session_of(store, Note, _newest(store, Note)) == uid
    else:
        assert not area.notes.text.isEnabled()


def _by_the_box(qtbot, area) -> str:
    area.session_combo.setFocus()
    qtbot.keyClick(area.session_combo, Qt.Key.Key_Down)
    return list_recent_sessions(area.worker.store, 2)[1].uid


def _by_ctrl_n(qtbot, area) -> str:
    outcome = answer_session_dialog(qtbot, [_keep])
    qtbot.keyClick(area.roster_table, Qt.Key.Key_N, CTRL)
    assert outcome.created is not None
    return outcome.created.uid


def _by_ctrl_n_for_a_cohort_without_trainees(qtbot, area) -> str:
    create_cohort(area.worker.store, "2026 Maintenance (no roster yet)")

    def other_cohort(dialog: SessionDialog) -> None:
        dialog.cohort_combo.setCurrentIndex(
            dialog.cohort_combo.findText("2026 Maintenance (no roster yet)")
        )

    outcome = answer_session_dialog(qtbot, [other_cohort])
    qtbot.keyClick(area.roster_table, Qt.Key.Key_N, CTRL)
    assert outcome.created is not None
    return outcome.created.uid


def _by_ctrl_d(qtbot, area) -> str:
    qtbot.keyClick(area.roster_table, Qt.Key.Key_D, CTRL)
    settled(area.worker)
    made = list_recent_sessions(area.worker.store, 1)[0]
    assert made.held_on == date.today()
    return made.uid


def _by_deleting_it(qtbot, area) -> str:
    delete_session(area.worker.store, area.session.uid)
    area.refresh()  # what the window does when the area is shown again
    return list_recent_sessions(area.worker.store, 1)[0].uid


@pytest.mark.parametrize(
    "change",
    [
        _by_the_box,
        _by_ctrl_n,
        _by_ctrl_n_for_a_cohort_without_trainees,
        _by_ctrl_d,
        _by_deleting_it,
    ],
    ids=["box", "ctrl-n", "ctrl-n-empty-cohort", "ctrl-d", "deleted"],
)
def test_every_panel_follows_the_session_on_screen(qtbot, area, change) -> None:
    # The grid of the session first shown is read (the tab was visited), and has a step.
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    area.tabs.setCurrentIndex(0)
    before = area.session.uid
    _a_step_on_screen(qtbot, area)
    marks_before = {r.trainee_uid: r.mark for r in session_roster(area.worker.store, before)}
    shown = change(qtbot, area)
    assert shown != before
    check_everything_follows(qtbot, area, shown)
    # Nothing done since reached the session shown before (unless it was deleted).
    if change is not _by_deleting_it:
        assert {
            r.trainee_uid: r.mark for r in session_roster(area.worker.store, before)
        } == marks_before


def test_the_first_session_of_a_new_database(qtbot, store, make_worker) -> None:
    save_profile(store, "Zhang Wei 张伟", "mentor", "Plant")
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    cohort = create_cohort(store, "2026 Rolling")
    for n in range(3):
        create_trainee(store, f"T{n}", f"Trainee {n}", cohort=cohort.name)
    view = TodayArea(make_worker(store))
    qtbot.addWidget(view)
    view.show()
    settled(view.worker)
    qtbot.waitUntil(view.isActiveWindow)
    assert view.session is None and not view.tabs.isEnabled()

    def rolling(dialog: SessionDialog) -> None:
        dialog.module_combo.setCurrentText("Rolling")

    outcome = answer_session_dialog(qtbot, [rolling])
    # The keys are in the area (on the Session box) even though there is nothing to mark.
    focus = QApplication.focusWidget()
    assert focus is not None and view.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_N, CTRL)
    settled(view.worker)
    assert outcome.created is not None
    assert view.tabs.isEnabled()
    check_everything_follows(qtbot, view, outcome.created.uid)


# -- Duplicate sessions (issue 16 item 4) ----------------------------------------------------


def test_ctrl_n_then_enter_on_todays_session_is_refused_and_the_dialog_stays(qtbot, area):
    qtbot.keyClick(area.roster_table, Qt.Key.Key_D, CTRL)
    settled(area.worker)
    today = area.session
    assert today.held_on == date.today()
    still_open: list[bool] = []
    fields_kept: list[bool] = []

    def another_date(dialog: SessionDialog) -> None:
        # The first Enter was refused: the dialog is still up, to be changed.
        still_open.append(dialog.isVisible())
        # It grew to hold the message: the fields above keep their height.
        QApplication.processEvents()
        combo = dialog.cohort_combo
        fields_kept.append(combo.height() >= combo.sizeHint().height())
        dialog.date_edit.setFocus()
        dialog.date_edit.setDate(QDate.currentDate().addDays(1))

    outcome = answer_session_dialog(qtbot, [_keep, another_date])
    qtbot.keyClick(area.roster_table, Qt.Key.Key_N, CTRL)
    settled(area.worker)
    assert still_open == [True] and fields_kept == [True]
    # It said which session the first attempt would have doubled.
    assert "already has a session at that time" in outcome.messages[0]
    assert today.title in outcome.messages[0]
    same_day = [
        s
        for s in list_recent_sessions(area.worker.store, 20, cohort_uid=today.cohort_uid)
        if s.held_on == date.today()
    ]
    assert [s.uid for s in same_day] == [today.uid]
    # Changing the date was enough: that session is made and shown.
    made = outcome.created
    assert made is not None and made.held_on == date.today() + timedelta(days=1)
    assert area.session.uid == made.uid


# -- An empty roster says why (issue 16 item 10) ---------------------------------------------


def _notice(view) -> QLabel:
    return view.findChild(QLabel, "emptyRosterLabel")


def test_no_session_yet_says_what_to_do(qtbot, store, make_worker):
    view = TodayArea(make_worker(store))
    qtbot.addWidget(view)
    view.show()
    settled(view.worker)
    notice = _notice(view)
    assert notice is not None and notice.isVisible()
    assert "No workshop session yet" in notice.text() and "Ctrl+N" in notice.text()
    assert "Unmarked 0" not in view.counts_label.text()


def test_a_cohort_without_trainees_says_so(qtbot, area):
    empty = create_cohort(area.worker.store, "2026 Maintenance")
    made = create_session(
        area.worker.store,
        held_on=date(2026, 11, 24),
        start_time=None,
        end_time=None,
        location="",
        module="Rolling",
        task="",
        cohort_uid=empty.uid,
    )
    area.open_session(made.uid)
    settled(area.worker)
    notice = _notice(area)
    assert notice.isVisible()
    assert "2026 Maintenance has no trainees" in notice.text()
    assert "Import" in notice.text() and "another session" in notice.text()
    assert "Unmarked 0" not in area.counts_label.text()
    # Back on a session with a roster, the notice goes.
    qtbot.keyClick(area.session_combo, Qt.Key.Key_Down)
    settled(area.worker)
    assert area.roster.rowCount() > 0 and not notice.isVisible()


def test_a_cohort_all_inactive_on_the_day_says_so(qtbot, area):
    cohort = create_cohort(area.worker.store, "2024 Order Class")
    for n in range(2):
        t = create_trainee(area.worker.store, f"X{n}", f"Former {n}", cohort=cohort.name)
        withdraw_trainee(area.worker.store, t.uid, on=date(2026, 6, 30))
    made = create_session(
        area.worker.store,
        held_on=date(2026, 11, 24),
        start_time=None,
        end_time=None,
        location="",
        module="Rolling",
        task="",
        cohort_uid=cohort.uid,
    )
    area.open_session(made.uid)
    settled(area.worker)
    notice = _notice(area)
    assert notice.isVisible()
    assert "None of the 2 trainees of 2024 Order Class is active on 2026-11-24" in notice.text()
    assert "Trainees" in notice.text()


def test_the_session_box_never_disagrees_with_the_roster(qtbot, area):
    """A session older than the box's recent list, opened from elsewhere, joins the box."""
    with area.worker.store.read() as s:
        oldest = s.scalar(select(WorkshopSession.uid).order_by(WorkshopSession.held_on))
    area.open_session(oldest)
    settled(area.worker)
    assert area.session_combo.currentData() == oldest == area.session.uid


def test_sessions_planned_ahead_neither_open_nor_crowd_out_the_recent_ones(demo_store):
    """A plan makes sessions months ahead: Today still opens on the latest held session, lists
    the coming week's, and keeps the recent ones in its box."""
    from datetime import date, time, timedelta

    from mentordesk.core.cohorts import list_cohorts
    from mentordesk.core.workshop_sessions import create_session, list_recent_sessions
    from mentordesk.ui.today_session import read_sessions

    held = next(s for s in list_recent_sessions(demo_store, 50) if s.held_on <= date.today())
    cohort = list_cohorts(demo_store)[0].uid
    ahead = [
        create_session(
            demo_store, held_on=date.today() + timedelta(days=n), start_time=time(18),
            end_time=time(19), location="", module="", task=f"planned {n}", cohort_uid=cohort,
        )
        for n in range(2, 60)
    ]  # fmt: skip
    choice = read_sessions(demo_store, None, None)
    assert choice.shown is not None and choice.shown.uid == held.uid
    listed = {s.uid for s in choice.recent}
    assert {s.uid for s in ahead if s.held_on <= date.today() + timedelta(days=7)} <= listed
    assert not {s.uid for s in ahead if s.held_on > date.today() + timedelta(days=7)} & listed
    assert held.uid in listed
