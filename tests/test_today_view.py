"""The Today area driven by keys and clicks, checked against what the database holds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from mentordesk.core.attendance import session_roster
from mentordesk.core.models import Attendance, Note, SkillRating, WorkshopSession
from mentordesk.core.workshop_sessions import copy_session, list_recent_sessions
from mentordesk.ui.today_view import TodayArea
from tests.gui_waits import settled


@pytest.fixture
def area(qtbot, demo_store, make_worker):
    latest = list_recent_sessions(demo_store, 1)[0]
    # A fresh session after the demo's last day: an unmarked roster, ratings to give.
    fresh = copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=3))
    view = TodayArea(make_worker(demo_store))
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    settled(view.worker)
    assert view.session.uid == fresh.uid
    # The fresh session is unmarked, so Today opened on the missing marks: to the roster.
    view.tabs.setCurrentIndex(0)
    view.roster_table.setFocus()
    return view


def _marks(area):
    """trainee name -> (status, minutes late, hours) for the session's live marks, once the
    worker has answered everything asked of it."""
    settled(area.worker)
    store, session_uid = area.worker.store, area.session.uid
    with store.read() as s:
        ws = s.scalar(select(WorkshopSession).where(WorkshopSession.uid == session_uid))
        return {
            a.trainee.name: (a.status, a.minutes_late, a.hours)
            for a in s.scalars(
                select(Attendance).where(
                    Attendance.session_id == ws.id, Attendance.deleted.is_(False)
                )
            )
        }


def test_roster_starts_unmarked_with_the_expected_trainees(area):
    rows = area.roster.rows()
    assert len(rows) == len(session_roster(area.worker.store, area.session.uid))
    assert all(r.mark is None for r in rows)
    assert "Unmarked" in area.counts_label.text()


def test_single_keys_mark_and_move_down(qtbot, area):
    names = [r.name for r in area.roster.rows()]
    for key in (Qt.Key.Key_P, Qt.Key.Key_A, Qt.Key.Key_E):
        qtbot.keyClick(area.roster_table, key)
    assert _marks(area) == {
        names[0]: ("present", 0, 8.0),
        names[1]: ("absent", 0, 0.0),
        names[2]: ("excused", 0, 0.0),
    }
    assert area.roster_table.currentIndex().row() == 3


def test_late_asks_for_minutes_then_enter_goes_on(qtbot, area):
    name = area.roster.rows()[0].name
    qtbot.keyClick(area.roster_table, Qt.Key.Key_L)
    assert area.minutes_spin.hasFocus()
    qtbot.keyClicks(area.minutes_spin, "15")
    qtbot.keyClick(area.minutes_spin, Qt.Key.Key_Return)
    assert _marks(area) == {name: ("late", 15, 7.75)}
    assert area.roster_table.hasFocus()
    assert area.roster_table.currentIndex().row() == 1


def test_undo_and_redo_keys(qtbot, area):
    names = [r.name for r in area.roster.rows()]
    qtbot.keyClick(area.roster_table, Qt.Key.Key_P)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_A)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _marks(area) == {names[0]: ("present", 0, 8.0)}
    assert area.roster.rows()[1].mark is None
    qtbot.keyClick(
        area.roster_table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _marks(area)[names[1]] == ("absent", 0, 0.0)
    assert area.roster.rows()[1].status == "absent"


def test_delete_clears_and_mark_all_present_keeps_exceptions(qtbot, area):
    qtbot.keyClick(area.roster_table, Qt.Key.Key_A)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Up)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Delete)
    assert _marks(area) == {}
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Down)
    qtbot.keyClick(area.roster_table, Qt.Key.Key_A)
    qtbot.mouseClick(area.findChild(object, "markAllButton"), Qt.MouseButton.LeftButton)
    marks = _marks(area)
    assert len(marks) == area.roster.rowCount()
    assert sorted(m[0] for m in marks.values()).count("absent") == 1
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(_marks(area)) == 1


def test_status_buttons_are_large_click_targets(qtbot, area):
    button = area.status_buttons["late"]
    assert button.height() >= 44
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert list(_marks(area).values()) == [("late", 0, 8.0)]


def _ratings(area):
    settled(area.worker)
    store, session_uid = area.worker.store, area.session.uid
    with store.read() as s:
        ws_id = s.scalar(select(WorkshopSession.id).where(WorkshopSession.uid == session_uid))
        return [
            (r.trainee.name, r.skill.code, r.level)
            for r in s.scalars(
                select(SkillRating).where(
                    SkillRating.session_id == ws_id, SkillRating.deleted.is_(False)
                )
            )
        ]


def test_rating_grid_keys(qtbot, area):
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    grid = area.ratings.model.grid
    table = area.ratings.table
    name, first, second = grid.trainees[0].name, grid.skills[0].code, grid.skills[1].code
    qtbot.keyClick(table, Qt.Key.Key_4)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert sorted(_ratings(area)) == [
        (name, first, 4),
        (name, second, 2),
    ]
    assert area.ratings.model.cell_at(0, 1).level == 4
    qtbot.keyClick(table, Qt.Key.Key_9)
    settled(area.worker)
    assert "from 1 to 5" in area.message.text()
    assert len(_ratings(area)) == 2
    qtbot.keyClick(table, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: area.ratings.level_label.text().startswith("2"))
    assert grid.levels[1].label in area.ratings.level_label.text()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _ratings(area) == [(name, first, 4)]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(_ratings(area)) == 2


def test_rating_shows_previous_level_and_descriptor(qtbot, area):
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    cell = area.ratings.model.cell_at(0, 1)
    assert cell.previous_level is not None
    qtbot.waitUntil(lambda: str(cell.previous_level) in area.ratings.previous_label.text())
    skill = area.ratings.model.skill_at(1)
    qtbot.keyClick(area.ratings.table, Qt.Key.Key_3)
    tooltip = area.ratings.model.data(area.ratings.model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert skill.descriptor(3) in tooltip


def test_note_saved_with_ctrl_enter_for_the_selected_trainee(qtbot, area):
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Down)
    trainee = area.roster.rows()[1]
    safety = area.findChild(object, "chip_safety")
    qtbot.mouseClick(safety, Qt.MouseButton.LeftButton)
    # Chinese arrives through an input method, not key by key.
    area.notes.text.insertPlainText("未戴护目镜，已纠正")
    qtbot.keyClick(area.notes.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settled(area.worker)
    with area.worker.store.read() as s:
        note = s.scalars(select(Note).order_by(Note.id.desc())).first()
        assert (note.trainee.uid, note.category, note.text) == (
            trainee.trainee_uid,
            "safety",
            "未戴护目镜，已纠正",
        )
        assert note.session.uid == area.session.uid
    assert area.notes.text.toPlainText() == ""
    assert area.notes.list.toPlainText().startswith("Safety")
    assert "未戴护目镜" in area.notes.list.toPlainText().split("\n")[1]


def test_trainee_record_opens_from_the_row(qtbot, area):
    from mentordesk.ui.trainee_record_view import TraineeRecordDialog

    name = area.roster.rows()[0].name
    qtbot.keyClick(area.roster_table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settled(area.worker)
    dialogs = [w for w in area.findChildren(TraineeRecordDialog)]
    assert dialogs and dialogs[0].name_label.text() == name
    record = dialogs[0].record
    assert record.attendance and record.skills
    assert "%" in dialogs[0].figures_label.text()
    from mentordesk.ui.level_chart import LevelChart

    charts = dialogs[0].findChildren(LevelChart)
    assert sorted(c.history.code for c in charts) == sorted(h.code for h in record.skills)
    dialogs[0].period.setCurrentIndex(dialogs[0].period.findData("custom"))
    dialogs[0].from_date.setDate(dialogs[0].to_date.date().addDays(1))
    settled(area.worker)
    assert dialogs[0].record.attendance == ()
    dialogs[0].close()


def test_new_session_dialog_defaults_from_the_last_one(qtbot, demo_store, make_worker):
    from mentordesk.ui.session_dialog import SessionDialog

    last = list_recent_sessions(demo_store, 1)[0]
    dialog = SessionDialog(make_worker(demo_store))
    qtbot.addWidget(dialog)
    settled(dialog.worker)
    dialog.accept()
    settled(dialog.worker)
    made = dialog.created
    assert made is not None
    assert (made.cohort_uid, made.location, made.module, made.start_time) == (
        last.cohort_uid,
        last.location,
        last.module,
        last.start_time,
    )
    assert made.mentor == "Zhang Wei 张伟"


def test_left_early_asks_for_hours_credited(qtbot, area):
    name = area.roster.rows()[0].name
    qtbot.keyClick(area.roster_table, Qt.Key.Key_O)
    assert area.hours_spin.hasFocus()
    area.hours_spin.lineEdit().selectAll()
    qtbot.keyClicks(area.hours_spin, "5")
    qtbot.keyClick(area.hours_spin, Qt.Key.Key_Return)
    assert _marks(area) == {name: ("left_early", 0, 5.0)}
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _marks(area) == {name: ("left_early", 0, 8.0)}


def test_a_whole_session_by_keyboard_alone(qtbot, area):
    keys = [Qt.Key.Key_P] * area.roster.rowCount()
    keys[5] = Qt.Key.Key_A
    keys[9] = Qt.Key.Key_E
    for key in keys:
        qtbot.keyClick(area.roster_table, key)
    statuses = sorted(m[0] for m in _marks(area).values())
    assert len(statuses) == area.roster.rowCount()
    assert statuses.count("absent") == 1 and statuses.count("excused") == 1
    assert "Unmarked 0" in area.counts_label.text()


def test_same_again_today_copies_once(qtbot, area):
    from datetime import date

    def today_sessions():
        return [
            s
            for s in list_recent_sessions(area.worker.store, 10, cohort_uid=area.session.cohort_uid)
            if s.held_on == date.today()
        ]

    qtbot.keyClick(area.roster_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settled(area.worker)
    assert len(today_sessions()) == 1
    assert area.session.held_on == date.today()
    assert all(r.mark is None for r in area.roster.rows())
    qtbot.keyClick(area.roster_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settled(area.worker)
    assert len(today_sessions()) == 1
    assert "already held today" in area.message.text()


def test_an_empty_database_shows_how_to_start(qtbot, store, make_worker):
    view = TodayArea(make_worker(store))
    qtbot.addWidget(view)
    settled(view.worker)
    assert view.session is None
    assert "Ctrl+N" in view.session_combo.currentText()
    assert not view.tabs.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert view.roster.rowCount() == 0


def test_new_session_dialog_copies_the_open_session_to_a_chosen_date(
    qtbot, demo_store, make_worker
):
    from PySide6.QtCore import QDate

    from mentordesk.ui.session_dialog import SessionDialog

    rolling = next(
        s for s in list_recent_sessions(demo_store, 2) if s.cohort.startswith("2025 Rolling")
    )
    dialog = SessionDialog(make_worker(demo_store), template=rolling)
    qtbot.addWidget(dialog)
    settled(dialog.worker)
    dialog.date_edit.setDate(QDate(2026, 12, 1))
    dialog.accept()
    settled(dialog.worker)
    made = dialog.created
    assert made.held_on.isoformat() == "2026-12-01"
    assert (made.cohort_uid, made.location, made.task) == (
        rolling.cohort_uid,
        rolling.location,
        rolling.task,
    )


def test_evidence_typed_in_the_side_panel_is_kept_with_the_rating(qtbot, area):
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    table = area.ratings.table
    qtbot.keyClick(table, Qt.Key.Key_3)
    qtbot.keyClick(table, Qt.Key.Key_Left)
    qtbot.waitUntil(area.ratings.evidence.isEnabled)
    area.ratings.evidence.setFocus()
    qtbot.keyClicks(area.ratings.evidence, "Set the gap alone")
    qtbot.keyClick(area.ratings.evidence, Qt.Key.Key_Return)
    qtbot.keyClick(table, Qt.Key.Key_4)
    settled(area.worker)
    with area.worker.store.read() as s:
        ws_id = s.scalar(select(WorkshopSession.id).where(WorkshopSession.uid == area.session.uid))
        rows = [
            (r.level, r.evidence)
            for r in s.scalars(
                select(SkillRating).where(
                    SkillRating.session_id == ws_id, SkillRating.deleted.is_(False)
                )
            )
        ]
    assert rows == [(4, "Set the gap alone")]


def test_the_notes_panel_names_the_trainee_in_two_steady_lines(qtbot, area):
    """The name follows the cursor down the roster; a long one breaks between words onto a
    second line kept for it, and what does not fit ends in an ellipsis; the notes below it
    never move."""
    who, notes_list = area.notes.who, area.notes.list
    first = area.roster.rows()[0]
    assert who.text() == first.name
    top = notes_list.geometry().top()
    qtbot.keyClick(area.roster_table, Qt.Key.Key_Down)
    assert who.text() == area.roster.rows()[1].name
    long_name = "Maria Fernanda de los Santos Oliveira Pereira da Silva"
    area.notes.set_trainee("someone", long_name)
    shown = who.shown_lines()
    assert len(shown) == 2
    assert long_name.startswith(shown[0] + " ")
    assert shown[1].endswith("…") and "Oliveira" not in shown[0]
    area.notes.set_trainee("someone else", "李明")
    assert who.shown_lines() == ["李明"]
    # Whatever layout the changes asked for is done before looking.
    settled(area.worker)
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert notes_list.geometry().top() == top


def test_the_ratings_tab_is_built_a_moment_after_the_area_and_read_when_shown(
    qtbot, demo_store, make_worker
):
    view = TodayArea(make_worker(demo_store))
    qtbot.addWidget(view)
    view.show()
    assert view._ratings is None  # not with the area: the window shows sooner
    qtbot.waitUntil(lambda: view._ratings is not None, timeout=5000)
    assert view.tabs.currentIndex() == 0 and view.ratings.model.grid is None
    view.tabs.setCurrentIndex(1)
    settled(view.worker)
    grid = view.ratings.model.grid
    assert grid is not None and grid.session_uid == view.session.uid
    assert [t.name for t in grid.trainees] == [r.name for r in view.roster.rows()]
