"""The Calendar area: a cohort's alternation at a glance, plans made from the dialog, the plan's
sessions generated, listed and cancelled — through the same services as ``mentordesk plan``."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from mentordesk.core import attendance, calendar_plan, cohorts, trainees
from mentordesk.core.planned_sessions import upcoming_sessions
from mentordesk.ui.calendar_dialogs import PlanDialog
from mentordesk.ui.calendar_view import CalendarArea
from tests.gui_waits import settled

COHORT = "2026 Rolling Order Class"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _monday_after(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


@pytest.fixture
def cohort_store(store):
    cohorts.create_cohort(store, COHORT)
    cohorts.create_cohort(store, "2026 Steelmaking Order Class")
    return store


def _area(qtbot, make_worker, store) -> CalendarArea:
    area = CalendarArea(make_worker(store))
    qtbot.addWidget(area)
    area.resize(1200, 800)
    settled(area.worker)
    return area


def _column(area: CalendarArea, week: date) -> int:
    return next(c for c in range(area.model.columnCount()) if area.model.week_at(c) == week)


def _week_texts(area: CalendarArea, row: int, first: date, weeks: int) -> list[str]:
    model = area.model
    columns = [c for c in range(model.columnCount()) if model.week_at(c) == first]
    assert columns, f"week of {first} not shown"
    return [model.index(row, columns[0] + n).data() for n in range(weeks)]


def test_the_week_view_shows_a_cohorts_alternation(qtbot, make_worker, cohort_store):
    start = _monday_after(date.today())
    calendar_plan.lay_out_plan(
        cohort_store, COHORT, start=start, end=start + timedelta(weeks=8, days=-1),
        pattern="3w school, 1w plant",
    )  # fmt: skip
    area = _area(qtbot, make_worker, cohort_store)

    row = area.model.row_of(area._overview.cohorts[0].uid)
    assert area.model.cohort_at(row).name == COHORT
    assert _week_texts(area, row, start, 8) == ["S", "S", "S", "P"] * 2
    # The colour says it too, and the tooltip gives the dates and hours.
    column = _column(area, start)
    school = area.model.index(row, column)
    plant = area.model.index(row, column + 3)
    assert school.data(8) != plant.data(8)  # BackgroundRole
    tip = plant.data(3)  # ToolTipRole
    assert str(start + timedelta(weeks=3)) in tip and "40 planned hours" in tip
    # Today's week is marked in its header.
    assert area.model.today_column() >= 0
    # The other cohort has no plan: its row is empty.
    other = 1 - row
    assert _week_texts(area, other, start, 4) == ["", "", "", ""]


def test_a_holiday_is_marked_in_its_week(qtbot, make_worker, cohort_store):
    start = _monday_after(date.today())
    calendar_plan.lay_out_plan(
        cohort_store, COHORT, start=start, end=start + timedelta(days=13), pattern="weekdays"
    )
    area = _area(qtbot, make_worker, cohort_store)
    area.day_off_date.setDate(_qdate(start + timedelta(days=2)))
    area.day_off_label.setText("Mid-Autumn")
    area.add_day_off_button.click()
    settled(area.worker)

    row = area.model.row_of(area.cohort().uid)
    assert _week_texts(area, row, start, 2) == ["P◆", "P"]
    assert area.days_off.rowCount() == 1
    column = _column(area, start)
    assert "Mid-Autumn" in area.model.index(row, column).data(3)


def test_a_pattern_from_the_dialog_changes_the_view(qtbot, make_worker, cohort_store):
    area = _area(qtbot, make_worker, cohort_store)
    assert "No plan yet" in area.plan_state.text()
    start = _monday_after(date.today())
    dialog = area.new_plan()
    dialog.cohort.setCurrentIndex(dialog.cohort.findText(COHORT))
    dialog.school_weeks.setValue(2)
    dialog.plant_weeks.setValue(2)
    dialog.start.setDate(_qdate(start))
    dialog.end.setDate(_qdate(start + timedelta(weeks=4, days=-1)))
    dialog.save()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=10000)
    settled(area.worker)

    row = area.model.row_of(area.cohort().uid)
    assert area.cohort().name == COHORT
    assert _week_texts(area, row, start, 4) == ["S", "S", "P", "P"]
    assert area.blocks.rowCount() == 2
    assert "2 blocks" in area.plan_state.text()


def test_a_bad_pattern_shows_the_message_and_changes_nothing(qtbot, make_worker, cohort_store):
    area = _area(qtbot, make_worker, cohort_store)
    start = _monday_after(date.today())
    dialog = area.new_plan()
    dialog.cohort.setCurrentIndex(dialog.cohort.findText(COHORT))
    # Three weeks at school in a two-week plan: not one day in the plant.
    dialog.school_weeks.setValue(3)
    dialog.plant_weeks.setValue(1)
    dialog.start.setDate(_qdate(start))
    dialog.end.setDate(_qdate(start + timedelta(days=13)))
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10000)

    assert "gives no plant day" in dialog.message.text()
    assert dialog.isVisible()
    assert calendar_plan.list_blocks(cohort_store, COHORT) == []
    dialog.reject()
    settled(area.worker)
    row = area.model.row_of(area.cohort().uid)
    assert _week_texts(area, row, start, 2) == ["", ""]


def test_a_block_edited_from_the_dialog_is_refused_when_it_overlaps(
    qtbot, make_worker, cohort_store
):
    start = _monday_after(date.today())
    calendar_plan.lay_out_plan(
        cohort_store, COHORT, start=start, end=start + timedelta(weeks=2, days=-1),
        pattern="1w school, 1w plant",
    )  # fmt: skip
    area = _area(qtbot, make_worker, cohort_store)
    area.block_table.selectRow(0)
    dialog = area.edit_block()
    dialog.end.setDate(_qdate(start + timedelta(days=9)))
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10000)
    assert "overlaps" in dialog.message.text()
    assert [b.ends_on for b in calendar_plan.list_blocks(cohort_store, COHORT)] == [
        start + timedelta(days=6),
        start + timedelta(days=13),
    ]


def _generate(qtbot, area: CalendarArea) -> None:
    panel = area.sessions
    for n, check in enumerate(panel.day_checks):
        check.setChecked(n in (0, 2))
    panel.start_time.setTime(QTime(8, 0))
    panel.end_time.setTime(QTime(12, 0))
    panel.workshop.setText("Bay 2")
    panel.topic.setText("Roll change")
    assert not panel.generate_button.isEnabled()
    panel.preview_button.click()
    qtbot.waitUntil(panel.generate_button.isEnabled, timeout=10000)
    panel.generate_button.click()
    settled(area.worker)


def test_generating_sessions_previews_then_shows_them(qtbot, make_worker, cohort_store):
    start = _monday_after(date.today())
    calendar_plan.lay_out_plan(
        cohort_store, COHORT, start=start, end=start + timedelta(weeks=4, days=-1),
        pattern="1w school, 1w plant",
    )  # fmt: skip
    area = _area(qtbot, make_worker, cohort_store)
    panel = area.sessions
    assert panel.model.rowCount() == 0
    for n, check in enumerate(panel.day_checks):
        check.setChecked(n in (0, 2))
    panel.workshop.setText("Bay 2")
    panel.preview_button.click()
    qtbot.waitUntil(panel.generate_button.isEnabled, timeout=10000)
    # The preview names what would be added, and nothing is made yet.
    assert "add 4 sessions" in panel.preview.text()
    assert str(start + timedelta(weeks=1)) in panel.preview.text()
    assert upcoming_sessions(cohort_store, COHORT, start) == []
    panel.generate_button.click()
    settled(area.worker)

    assert panel.model.rowCount() == 4
    first = panel.model.index(0, 0).data()
    assert first == str(start + timedelta(weeks=1))
    assert panel.model.index(0, 2).data() == "Bay 2"
    assert "4 sessions added" in area.message.text()


def test_cancelling_a_session_and_refusing_one_with_records(qtbot, make_worker, cohort_store):
    start = _monday_after(date.today())
    calendar_plan.lay_out_plan(
        cohort_store, COHORT, start=start, end=start + timedelta(weeks=2, days=-1),
        pattern="1w school, 1w plant",
    )  # fmt: skip
    trainee = trainees.create_trainee(
        cohort_store, "R001", "Zhang Wei 张伟", cohort=COHORT, enrolled_on=date.today()
    )
    area = _area(qtbot, make_worker, cohort_store)
    _generate(qtbot, area)
    panel = area.sessions
    assert panel.model.rowCount() == 2
    first, second = (panel.model.record_at(r) for r in range(2))
    attendance.mark(cohort_store, second.uid, trainee.uid, "present")

    panel.select_uid(first.uid)
    assert panel.cancel_button.isEnabled()
    panel.cancel_button.click()
    settled(area.worker)
    assert "cancelled" in area.message.text()
    assert upcoming_sessions(cohort_store, COHORT, start)[0].cancelled
    assert panel.model.index(0, 5).data() == "cancelled"

    panel.select_uid(second.uid)
    panel.cancel_button.click()
    settled(area.worker)
    assert "marks, ratings or notes" in area.message.text()
    assert not upcoming_sessions(cohort_store, COHORT, start)[1].cancelled

    panel.select_uid(first.uid)
    assert panel.reinstate_button.isEnabled()
    panel.reinstate_button.click()
    settled(area.worker)
    assert not upcoming_sessions(cohort_store, COHORT, start)[0].cancelled


def test_deleting_a_block_asks_then_empties_its_weeks(
    qtbot, make_worker, cohort_store, monkeypatch
):
    start = _monday_after(date.today())
    calendar_plan.add_block(
        cohort_store, COHORT, start=start, end=start + timedelta(days=4), place="plant",
        planned_hours=40,
    )  # fmt: skip
    area = _area(qtbot, make_worker, cohort_store)
    row = area.model.row_of(area.cohort().uid)
    assert _week_texts(area, row, start, 1) == ["P"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    area.block_table.selectRow(0)
    area.delete_block_button.click()
    settled(area.worker)
    assert _week_texts(area, row, start, 1) == [""]
    assert "No plan yet" in area.plan_state.text()


def test_with_no_cohort_the_area_says_what_to_do(qtbot, make_worker, store):
    area = _area(qtbot, make_worker, store)
    area.show()
    assert area.week_stack.currentWidget() is area.empty_label
    assert "No cohorts yet" in area.empty_label.text()
    assert not area.new_plan_button.isEnabled()
    assert area.new_plan() is None


def test_a_session_plan_time_is_kept_in_the_template(qtbot, make_worker, cohort_store):
    from mentordesk.core import session_plan

    session_plan.set_week(
        cohort_store, COHORT, [session_plan.SlotSpec(1, time(13), time(17), "Bay 9", "Gauges")]
    )
    area = _area(qtbot, make_worker, cohort_store)
    panel = area.sessions
    assert [c.isChecked() for c in panel.day_checks] == [False, True] + [False] * 5
    assert panel.start_time.time() == QTime(13, 0)
    assert panel.workshop.text() == "Bay 9"


def test_plan_dialog_builds_the_pattern_the_core_reads(qtbot, make_worker, cohort_store):
    area = _area(qtbot, make_worker, cohort_store)
    dialog = area.new_plan()
    assert isinstance(dialog, PlanDialog)
    dialog.school_weeks.setValue(0)
    assert dialog.pattern_text() == "1w plant"
    dialog.weekdays_choice.setChecked(True)
    assert dialog.pattern_text() == "weekdays"
    dialog.reject()


def test_the_window_opens_the_calendar_by_its_shortcut(qtbot, make_worker, cohort_store):
    from PySide6.QtCore import Qt

    from mentordesk.ui.main_window import AREAS, MainWindow

    window = MainWindow(make_worker(cohort_store))
    qtbot.addWidget(window)
    window.show()
    settled(window.worker)
    row = [k for k, *_ in AREAS].index("calendar")
    assert window.navigation.item(row).text() == "Calendar"
    assert f"Ctrl+{row + 1}" in window.navigation.item(row).toolTip()
    qtbot.keyClick(window, Qt.Key.Key_0 + row + 1, Qt.KeyboardModifier.ControlModifier)
    settled(window.worker)
    assert isinstance(window.stack.currentWidget(), CalendarArea)
    assert window.stack.currentWidget().model.rowCount() == 2


def test_a_closure_is_the_cohorts_own_and_a_day_off_can_be_removed(
    qtbot, make_worker, cohort_store
):
    start = _monday_after(date.today())
    for name in (COHORT, "2026 Steelmaking Order Class"):
        calendar_plan.lay_out_plan(
            cohort_store, name, start=start, end=start + timedelta(days=6), pattern="weekdays"
        )
    area = _area(qtbot, make_worker, cohort_store)
    mine = area.model.row_of(area.cohort().uid)
    area.day_off_kind.setCurrentIndex(area.day_off_kind.findData("closure"))
    area.day_off_date.setDate(_qdate(start + timedelta(days=1)))
    area.day_off_label.setText("Furnace relining")
    area.add_day_off_button.click()
    settled(area.worker)
    assert _week_texts(area, mine, start, 1) == ["P◆"]
    assert _week_texts(area, 1 - mine, start, 1) == ["P"]
    assert area.days_off.index(0, 3).data() == area.cohort().name

    area.day_off_table.selectRow(0)
    area.remove_day_off_button.click()
    settled(area.worker)
    assert "removed" in area.message.text()
    assert _week_texts(area, mine, start, 1) == ["P"]
    assert area.days_off.rowCount() == 0
