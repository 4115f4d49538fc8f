"""Today and the work–study calendar: planned and cancelled sessions, the missing marks, the
paper sign-in sheet and its transcription, the scanner box, the record's expected counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from mentordesk.core import attendance
from mentordesk.core.attendance import session_roster
from mentordesk.core.leave import add_leave
from mentordesk.core.models import Attendance, WorkshopSession
from mentordesk.core.session_codes import session_code
from mentordesk.core.session_plan import cancel_session
from mentordesk.core.workshop_sessions import copy_session, get_session, list_recent_sessions
from mentordesk.exchange.session_sheet import sheet_roster
from mentordesk.ui.missing_marks_view import MissingMarksModel
from mentordesk.ui.roster_model import RosterModel
from mentordesk.ui.today_view import ATTENDANCE_TAB, MISSING_TAB, TodayArea
from tests.gui_waits import settled

TODAY = date.today()


def _latest_of_each_cohort(store) -> list:
    seen: dict[str, object] = {}
    for s in list_recent_sessions(store, 40):
        seen.setdefault(s.cohort_uid, s)
    return list(seen.values())


@pytest.fixture
def made(demo_store):
    """Sessions about today: one held yesterday and unmarked (a missing one), one planned
    ahead, one planned and cancelled."""
    first, second = _latest_of_each_cohort(demo_store)[:2]
    return {
        "missing": copy_session(demo_store, first.uid, TODAY - timedelta(days=1)),
        "planned": copy_session(demo_store, first.uid, TODAY + timedelta(days=3)),
        "cancelled": copy_session(demo_store, second.uid, TODAY + timedelta(days=4)),
    }


def _area(qtbot, store, make_worker) -> TodayArea:
    view = TodayArea(make_worker(store))
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    settled(view.worker)
    return view


def _marks(area, session_uid: str) -> dict[str, tuple]:
    settled(area.worker)
    with area.worker.store.read() as s:
        ws = s.scalar(select(WorkshopSession).where(WorkshopSession.uid == session_uid))
        return {
            a.trainee.uid: (a.status, a.minutes_late)
            for a in s.scalars(
                select(Attendance).where(
                    Attendance.session_id == ws.id, Attendance.deleted.is_(False)
                )
            )
        }


def _box_line(area, uid: str) -> tuple[str, object]:
    combo = area.session_combo
    n = combo.findData(uid)
    assert n >= 0
    return combo.itemText(n), combo.itemData(n, Qt.ItemDataRole.FontRole)


# -- 1. planned and cancelled sessions -------------------------------------------------------


def test_planned_and_cancelled_sessions_say_so_and_a_planned_one_is_cancelled(
    qtbot, demo_store, make_worker, made
):
    cancel_session(demo_store, made["cancelled"].uid)
    area = _area(qtbot, demo_store, make_worker)
    text, _font = _box_line(area, made["planned"].uid)
    assert text.endswith("[Planned]")
    text, font = _box_line(area, made["cancelled"].uid)
    assert text.endswith("[Cancelled]")
    assert font.strikeOut()
    assert "[" not in _box_line(area, made["missing"].uid)[0]

    area.open_session(made["planned"].uid)
    settled(area.worker)
    state = area.session_actions.state_label
    assert state.isVisible() and state.text().startswith("Planned")
    button = area.session_actions.cancel_button
    assert button.text() == "Cancel session"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settled(area.worker)
    assert get_session(demo_store, made["planned"].uid).cancelled
    assert area.session.uid == made["planned"].uid
    assert state.text().startswith("Cancelled")
    assert button.text() == "Reinstate session"
    assert _box_line(area, made["planned"].uid)[0].endswith("[Cancelled]")
    assert not area.attendance.table.isEnabled()  # a cancelled session takes no mark
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settled(area.worker)
    assert not get_session(demo_store, made["planned"].uid).cancelled
    assert area.attendance.table.isEnabled()


def test_a_session_with_marks_is_not_cancelled_and_says_why(qtbot, demo_store, make_worker):
    held = list_recent_sessions(demo_store, 1, until=TODAY)[0]
    area = _area(qtbot, demo_store, make_worker)
    area.open_session(held.uid)
    settled(area.worker)
    qtbot.mouseClick(area.session_actions.cancel_button, Qt.MouseButton.LeftButton)
    settled(area.worker)
    assert not get_session(demo_store, held.uid).cancelled
    assert "cannot be cancelled" in area.message.text()


# -- 2. the missing marks -----------------------------------------------------------------


def _missing_uids(area) -> list[str]:
    return [m.session_uid for m in area.missing.model.rows()]


def test_missing_marks_open_first_then_enter_walks_the_unrecorded(
    qtbot, demo_store, make_worker, made
):
    uid = made["missing"].uid
    roster = session_roster(demo_store, uid)
    # Two marked already: the walk starts at the third and skips the fourth.
    for row in (roster[0], roster[1], roster[3]):
        attendance.mark(demo_store, uid, row.trainee_uid, "present")
    area = _area(qtbot, demo_store, make_worker)
    assert area.tabs.currentIndex() == MISSING_TAB
    assert uid in _missing_uids(area)
    assert "Missing marks (" in area.tabs.tabText(MISSING_TAB)
    table = area.missing.table
    assert table.hasFocus()
    row = _missing_uids(area).index(uid)
    for _ in range(row):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    unrecorded = area.missing.model.data(
        area.missing.model.index(row, MissingMarksModel.UNRECORDED)
    )
    assert unrecorded == f"{len(roster) - 3} of {len(roster)} unrecorded"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    settled(area.worker)
    assert area.tabs.currentIndex() == ATTENDANCE_TAB
    assert area.session.uid == uid
    assert area.roster_table.hasFocus()
    assert area.current_row().trainee_uid == roster[2].trainee_uid
    qtbot.keyClick(area.roster_table, Qt.Key.Key_P)
    assert area.current_row().trainee_uid == roster[4].trainee_uid
    # The rest, one key each; the last one takes Today back to the list, without the session.
    for _ in range(len(roster) - 4):
        qtbot.keyClick(area.roster_table, Qt.Key.Key_A)
    settled(area.worker)
    assert len(_marks(area, uid)) == len(roster)
    assert area.tabs.currentIndex() == MISSING_TAB
    qtbot.waitUntil(lambda: uid not in _missing_uids(area))
    assert "now has a mark" in area.message.text()


def test_the_missing_marks_list_follows_marks_made_elsewhere(qtbot, demo_store, make_worker, made):
    uid = made["missing"].uid
    area = _area(qtbot, demo_store, make_worker)
    assert uid in _missing_uids(area)
    from mentordesk.ui.operations import Changes, CollectionOp

    CollectionOp(
        attendance.mark_all_present, uid, changes=Changes(attendance=frozenset({uid}))
    ).run(area.worker, None)
    settled(area.worker)
    qtbot.waitUntil(lambda: uid not in _missing_uids(area))


def test_marking_a_roster_is_not_held_up_by_the_missing_marks_list(
    qtbot, demo_store, make_worker, made, monkeypatch
):
    """The list reads again once the marks pause, not after every key: a read queued behind
    each mark would make the next one wait for it."""
    from mentordesk.ui import missing_marks_view

    reads: list[int] = []
    real = missing_marks_view.missing_marks

    def counted(store):
        reads.append(1)
        return real(store)

    monkeypatch.setattr(missing_marks_view, "missing_marks", counted)
    uid = made["missing"].uid
    area = _area(qtbot, demo_store, make_worker)
    area.open_session(uid)
    settled(area.worker)
    before = len(reads)
    area.tabs.setCurrentIndex(ATTENDANCE_TAB)
    table = area.roster_table
    table.setCurrentIndex(area.roster.index(0, 3))
    table.setFocus()
    for row in range(area.roster.rowCount()):
        qtbot.keyClick(table, Qt.Key.Key_P)
        settled(area.worker)
        assert area.roster.rows()[row].status == "present"
    assert len(reads) == before
    qtbot.waitUntil(lambda: uid not in _missing_uids(area))
    assert len(reads) == before + 1


def test_nothing_missing_says_so_and_today_opens_on_the_roster(qtbot, store, make_worker):
    area = _area(qtbot, store, make_worker)
    assert area.tabs.currentIndex() == ATTENDANCE_TAB
    assert "Nothing is missing" in area.missing.heading.text()
    assert not area.missing.table.isVisibleTo(area.missing)
    assert area.tabs.tabText(MISSING_TAB) == "Missing marks"


# -- 3. the paper sign-in sheet and its transcription -----------------------------------------


def test_print_sign_in_sheet_saves_the_pdf_from_a_save_dialog(
    qtbot, demo_store, make_worker, made, tmp_path, monkeypatch
):
    target = tmp_path / "sheets" / "yesterday"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    area = _area(qtbot, demo_store, make_worker)
    area.open_session(made["missing"].uid)
    settled(area.worker)
    qtbot.mouseClick(area.session_actions.print_button, Qt.MouseButton.LeftButton)
    settled(area.worker)
    written = target.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF")
    # Written whole: nothing else is left beside it.
    assert [p.name for p in target.parent.iterdir()] == [written.name]
    assert str(written) in area.message.text()
    assert f"{len(session_roster(demo_store, made['missing'].uid))} trainees" in (
        area.message.text()
    )


def test_transcribe_walks_the_sheet_order_with_the_marking_keys(
    qtbot, demo_store, make_worker, made
):
    uid = made["missing"].uid
    area = _area(qtbot, demo_store, make_worker)
    area.tabs.setCurrentIndex(ATTENDANCE_TAB)
    area.open_session(uid)
    settled(area.worker)
    dialog = area.session_actions.transcribe()
    order = [r.trainee_uid for r in session_roster(demo_store, uid)]
    paper = [(r.trainee_id, r.name) for r in sheet_roster(demo_store, uid)]
    assert [(r.trainee_id, r.name) for r in area.roster.rows()] == paper
    assert dialog.progress_label.text() == f"1 of {len(order)}"
    assert paper[0][1] in dialog.trainee_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_P)
    assert dialog.progress_label.text() == f"2 of {len(order)}"
    assert paper[1][1] in dialog.trainee_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_L)
    assert dialog.focusWidget() is dialog.minutes
    settled(area.worker)  # the first trainee's answer arrives: the dialog still waits
    assert dialog.mark_label.text() == "Late: type the minutes late, then Enter"
    qtbot.keyClicks(dialog.minutes, "12")
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the third has no mark on paper
    qtbot.keyClick(dialog, Qt.Key.Key_A)
    assert dialog.progress_label.text() == f"5 of {len(order)}"
    assert _marks(area, uid) == {
        order[0]: ("present", 0),
        order[1]: ("late", 12),
        order[3]: ("absent", 0),
    }
    # The roster behind shows the same marks and follows the dialog's trainee.
    assert area.roster.rows()[1].mark.minutes_late == 12
    assert area.current_row().trainee_uid == order[4]
    qtbot.keyClick(dialog, Qt.Key.Key_Up)
    assert dialog.progress_label.text() == f"4 of {len(order)}"
    assert "Absent" in dialog.mark_label.text()


# -- 4. the scanner box -------------------------------------------------------------------------


def _type_where_the_keys_go(text: str) -> None:
    """As a hand scanner does: key by key into whatever has the focus, then Enter."""
    for character in text:
        QTest.keyClick(QApplication.focusWidget(), character)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_a_scanned_code_opens_its_session_even_from_the_roster(
    qtbot, demo_store, make_worker, made
):
    area = _area(qtbot, demo_store, make_worker)
    area.tabs.setCurrentIndex(ATTENDANCE_TAB)
    area.open_session(made["missing"].uid)
    settled(area.worker)
    area.roster_table.setFocus()
    qtbot.waitUntil(area.roster_table.hasFocus)
    wanted = made["planned"].uid
    _type_where_the_keys_go(session_code(wanted))
    settled(area.worker)
    assert area.session.uid == wanted
    # The code's letters went to the box, not to the roster as marks.
    assert _marks(area, made["missing"].uid) == {}
    assert area.scanner.text() == ""


def test_an_unknown_code_says_so(qtbot, demo_store, make_worker):
    area = _area(qtbot, demo_store, make_worker)
    before = area.session.uid
    area.scanner.setFocus()
    qtbot.keyClicks(area.scanner, "hello world")
    qtbot.keyClick(area.scanner, Qt.Key.Key_Return)
    settled(area.worker)
    assert "“hello world” is not a session code" in area.message.text()
    unknown = "mentordesk:session:00000000-0000-4000-8000-000000000000"
    area.scanner.setText(unknown)
    qtbot.keyClick(area.scanner, Qt.Key.Key_Return)
    settled(area.worker)
    assert "No session with id 00000000-0000-4000-8000-000000000000" in area.message.text()
    assert area.session.uid == before
    assert area.scanner.text() == unknown


# -- 5. the trainee record ---------------------------------------------------------------------


def test_the_record_shows_the_unrecorded_beside_the_rate(qtbot, demo_store, make_worker, made):
    from mentordesk.ui.trainee_record_view import TraineeRecordDialog

    area = _area(qtbot, demo_store, make_worker)
    area.tabs.setCurrentIndex(ATTENDANCE_TAB)
    area.open_session(made["missing"].uid)
    settled(area.worker)
    area.open_record()
    dialog = area.findChild(TraineeRecordDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: "unrecorded" in dialog.figures_label.text())
    text = dialog.figures_label.text()
    assert "expected sessions, <b>1 unrecorded</b>" in text
    assert "Hours done" in text and ("no plan" in text or "on track" in text or "behind" in text)
    dialog.close()


# -- 6. a trainee on approved leave --------------------------------------------------------------


def test_a_trainee_on_leave_is_shown_on_leave_not_unmarked(qtbot, demo_store, make_worker, made):
    uid = made["missing"].uid
    away = session_roster(demo_store, uid)[0]
    day = TODAY - timedelta(days=1)
    add_leave(demo_store, away.trainee_uid, start=day, end=day, reason="family")
    area = _area(qtbot, demo_store, make_worker)
    area.tabs.setCurrentIndex(ATTENDANCE_TAB)
    area.open_session(uid)
    settled(area.worker)
    model = area.roster
    n = model.row_of(away.trainee_uid)
    status = model.index(n, RosterModel.STATUS)
    name = model.index(n, RosterModel.NAME)
    assert model.data(status) == "On leave"
    assert "On approved leave" in model.data(name, Qt.ItemDataRole.ToolTipRole)
    assert "On leave 1" in area.counts_label.text()
