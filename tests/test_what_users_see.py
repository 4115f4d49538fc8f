"""What a user sees and is told (issue 16, item 10): local times, hours and minutes, names that
leave the other columns in view, a window that fits a 1366×768 laptop, and a message for every
file action and for a language change."""

from __future__ import annotations

import dataclasses
import re
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

from mentordesk.core import assessments as A
from mentordesk.core.capture_views import MarkState, RosterRow
from mentordesk.core.trainee_record import AttendanceEntry
from mentordesk.core.trainees import create_trainee, list_trainees
from mentordesk.ui import assessment_dialogs, sheet_preview, window_geometry
from mentordesk.ui.assessments_view import AssessmentsArea
from mentordesk.ui.attendance_history_model import AttendanceHistoryModel
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.preferences import preferences
from mentordesk.ui.roster_model import RosterModel
from mentordesk.ui.settings_view import SettingsArea
from tests.gui_waits import settled

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar
START, END = date(2026, 10, 1), date(2026, 11, 20)


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def area(qtbot, demo_store, make_worker) -> AssessmentsArea:
    t = next(t for t in list_trainees(demo_store) if not t.name.isascii())
    A.create_draft(demo_store, t.uid, START, END)
    widget = AssessmentsArea(make_worker(demo_store))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    settled(widget.worker)
    return widget


# -- times and hours ------------------------------------------------------------------------


def test_signed_on_reads_on_the_local_clock_not_utc(area, shanghai):
    view = dataclasses.replace(
        area.list.rows[0],
        state="signed",
        signed_by="Zhang Wei",
        signed_at=datetime(2026, 11, 19, 23, 30, tzinfo=UTC),
    )
    area.list.fill([view], view.uid)
    area._show(view)
    assert "Signed by Zhang Wei on 2026-11-20 07:30" in area.summary.text()
    assert "UTC" not in area.summary.text()
    assert area.table.item(0, 6).text() == "2026-11-20"


def test_hours_credited_read_as_hours_and_minutes(qtbot, area):
    roster = RosterModel()
    roster.set_rows([RosterRow("u", "S-1", "Li Na", True, MarkState("late", 20, 7 + 2 / 3))])
    assert roster.data(roster.index(0, RosterModel.HOURS)) == "7 h 40 min"
    history = AttendanceHistoryModel()
    entry = AttendanceEntry("s", date(2026, 3, 2), None, None, "", "", "", "late", 20, 7.67, "")
    history.set_rows((entry,))
    assert history.data(history.index(0, 5)) == "7 h 40 min"
    assert re.search(r"hours credited \d+ h( \d+ min)?;", area.summary.text())


def test_the_hours_credited_editor_reads_and_takes_hours_and_minutes(
    qtbot, demo_store, make_worker
):
    from mentordesk.ui.hours_spin_box import HoursSpinBox
    from mentordesk.ui.today_view import TodayArea

    today = TodayArea(make_worker(demo_store))
    qtbot.addWidget(today)
    spin = today.hours_spin
    assert isinstance(spin, HoursSpinBox)
    spin.setValue(7 + 2 / 3)
    assert spin.text() == "7 h 40 min"  # was "7.67 h"
    today.resize(1300, 700)
    today.show()
    shown = spin.lineEdit()
    qtbot.waitUntil(shown.isVisible)
    assert shown.fontMetrics().horizontalAdvance("23 h 59 min") <= shown.width()
    for typed, hours in (("7:40", 7 + 2 / 3), ("5", 5.0), ("45 min", 0.75), ("6.5", 6.5)):
        spin.lineEdit().setText(typed)
        spin.interpretText()
        assert spin.value() == pytest.approx(hours, abs=1e-4), typed


# -- long names -----------------------------------------------------------------------------

LONG_NAME = "Muhammad Abdul-Rahman bin Abdullah Al-Hashimi Nurmagomedov " * 3


def _column_visible(view, column: int) -> bool:
    right = view.columnViewportPosition(column) + view.columnWidth(column)
    return view.columnViewportPosition(column) >= 0 and right <= view.viewport().width() + 1


def test_a_very_long_name_leaves_cohort_and_status_in_view(qtbot, demo_store, make_worker):
    create_trainee(demo_store, "20259999", LONG_NAME.strip(), cohort="2025 Rolling Order Class")
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    window.navigation.setCurrentRow(1)
    trainees = window.area("trainees")
    qtbot.waitUntil(lambda: trainees.table.isVisible())
    settled(window.worker)
    table, model = trainees.table, trainees.model
    for key in ("cohort", "status"):
        assert _column_visible(table, model.COLUMNS.index(key)), key
    name = model.COLUMNS.index("name")
    row = next(i for i in range(model.rowCount()) if model.row_at(i).trainee_id == "20259999")
    assert table.columnWidth(name) < table.fontMetrics().horizontalAdvance(LONG_NAME.strip())
    assert model.data(model.index(row, name), Qt.ItemDataRole.ToolTipRole) == LONG_NAME.strip()


def test_assessment_list_keeps_state_and_result_beside_a_long_name(qtbot, demo_store, make_worker):
    t = create_trainee(demo_store, "20259999", LONG_NAME.strip(), cohort="2025 Rolling Order Class")
    A.create_draft(demo_store, t.uid, START, END)
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    window.navigation.setCurrentRow(2)
    area = window.area("assessments")
    qtbot.waitUntil(lambda: area.table.isVisible())
    settled(window.worker)
    for column in (3, 4):  # State, Result
        assert _column_visible(area.table, column), column
    assert area.table.item(0, 0).toolTip() == LONG_NAME.strip()


# -- the window fits the screen -------------------------------------------------------------


def test_the_first_window_fits_a_1366x768_laptop_with_its_taskbar():
    placed = window_geometry.first_geometry(LAPTOP)
    assert window_geometry.fits(placed, LAPTOP)
    assert placed.width() == 1280  # as wide as it was meant to be; only the height gives way
    assert not window_geometry.fits(QRect(0, 0, 1280, 800), LAPTOP)


def test_a_saved_geometry_is_restored_only_when_it_fits(
    qtbot, demo_store, monkeypatch, make_worker
):
    monkeypatch.setattr(window_geometry, "free_area", lambda at=None: QRect(LAPTOP))
    prefs = preferences()
    tall = MainWindow(make_worker(demo_store))
    qtbot.addWidget(tall)
    assert window_geometry.fits(tall.geometry(), LAPTOP)  # nothing saved yet
    tall.setGeometry(40, 40, 1300, 900)  # made on a bigger screen
    tall.close()
    again = MainWindow(make_worker(demo_store))
    qtbot.addWidget(again)
    assert window_geometry.fits(again.geometry(), LAPTOP)
    assert again.height() < 900
    again.setGeometry(60, 80, 700, 600)  # fits (and fits the test platform's 800-pixel screen)
    again.close()
    third = MainWindow(make_worker(demo_store))
    qtbot.addWidget(third)
    assert third.geometry() == QRect(60, 80, 700, 600)
    assert prefs.value(window_geometry.PLACE_KEY) == QRect(60, 80, 700, 600)


def test_the_trainee_record_fits_the_laptop_too(qtbot, demo_store, monkeypatch, make_worker):
    from mentordesk.ui.trainee_record_view import TraineeRecordDialog

    monkeypatch.setattr(window_geometry, "free_area", lambda at=None: QRect(LAPTOP))
    dialog = TraineeRecordDialog(make_worker(demo_store), list_trainees(demo_store)[0].uid)
    qtbot.addWidget(dialog)
    settled(dialog.worker)
    frame = window_geometry.FRAME
    placed = QRect(frame.left(), frame.top(), dialog.width(), dialog.height())
    assert window_geometry.fits(placed, LAPTOP)


# -- files: say what happened ---------------------------------------------------------------


def test_save_pdf_says_where_the_file_went_on_the_preview_tab(area, qtbot, tmp_path, monkeypatch):
    area.tabs.setCurrentWidget(area.preview.tab)
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(
        sheet_preview.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "")),
    )
    area.preview.save_as_button.click()
    settled(area.worker)
    assert target.read_bytes().startswith(b"%PDF")
    shown = [w for w in area.findChildren(QLabel) if w.isVisible() and str(target) in w.text()]
    assert shown, "no visible message names the saved file"


def test_open_in_viewer_without_a_viewer_says_so_and_where_the_file_is(area, qtbot, monkeypatch):
    monkeypatch.setattr(sheet_preview, "pdf_viewer_installed", lambda: False)
    monkeypatch.setattr(sheet_preview.QDesktopServices, "openUrl", staticmethod(lambda url: False))
    told = []
    monkeypatch.setattr(
        sheet_preview.QMessageBox,
        "information",
        staticmethod(lambda parent, title, text: told.append(text)),
    )
    area.tabs.setCurrentWidget(area.preview.tab)
    area.preview.open_button.click()
    settled(area.worker)
    assert len(told) == 1 and "No program to show PDF files" in told[0]
    saved = next(line for line in told[0].splitlines() if line.endswith(".pdf"))
    assert Path(saved).read_bytes().startswith(b"%PDF")


def test_saving_an_empty_signature_pad_says_why_nothing_was_saved(qtbot, demo_store, make_worker):
    dialog = assessment_dialogs.SignaturePadDialog(make_worker(demo_store))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._save()
    assert dialog.isVisible()
    assert "draw your signature" in dialog.message.text()


# -- language -------------------------------------------------------------------------------


def test_choosing_another_language_says_when_it_applies_in_both_languages(
    qtbot, store, make_worker
):
    settings = SettingsArea(make_worker(store))
    qtbot.addWidget(settings)
    settings.show()
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("zh_CN"))
    hint = settings.language_hint.text()
    chinese = settings.language_combo.currentText()
    assert chinese in hint and "next time" in hint
    assert preferences().value("ui/language") == "zh_CN"
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("en"))
    assert "in use" in settings.language_hint.text()
