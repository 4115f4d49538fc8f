"""The main window, the Trainees and Settings areas, one instance per database, error handling."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mentordesk.core import staff, trainees
from mentordesk.ui import error_reporting
from mentordesk.ui.main_window import AREAS, MainWindow
from mentordesk.ui.preferences import preferences
from mentordesk.ui.trainees_view import TraineesArea
from tests.gui_waits import settled


def show_area(window, key):
    window.navigation.setCurrentRow([k for k, *_ in __import__("mentordesk.ui.main_window",
                                      fromlist=["AREAS"]).AREAS].index(key))  # fmt: skip
    area = window.area(key)
    settled(window.worker)  # what the area reads arrives through the worker
    return area


def test_navigation_offers_the_five_areas(qtbot, demo_store, make_worker):
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "Today",
        "Trainees",
        "Assessments",
        "Calendar",
        "Programmes",
        "Sync",
        "Settings",
    ]
    window.show()
    window.activateWindow()
    for _ in range(10):
        QApplication.processEvents()
    qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.currentRow() == 1
    assert isinstance(window.stack.currentWidget(), TraineesArea)


def test_trainees_area_lists_searches_and_edits(qtbot, demo_store, make_worker):
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    area = show_area(window, "trainees")
    assert area.model.rowCount() == 84  # 86, less the two withdrawn
    area.show_inactive.setChecked(True)
    settled(window.worker)
    assert area.model.rowCount() == 86

    target = trainees.list_trainees(demo_store)[5]
    qtbot.keyClicks(area.search, target.trainee_id)
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=5000)
    area.table.selectRow(0)
    assert area.name_edit.text() == target.name  # from the list, before the record arrives
    settled(window.worker)
    area.name_edit.setText("刘德华")
    area.track_edit.setText("Rolling mill")
    qtbot.mouseClick(area.save_button, Qt.MouseButton.LeftButton)
    settled(window.worker)
    saved = trainees.get_trainee(demo_store, target.uid)
    assert (saved.name, saved.track) == ("刘德华", "Rolling mill")
    assert area.model.row_at(0).name == "刘德华"


def test_a_refused_edit_says_why_and_changes_nothing(qtbot, demo_store, make_worker):
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    area = show_area(window, "trainees")
    first, second = area.model.row_at(0), area.model.row_at(1)
    area.table.selectRow(1)
    settled(window.worker)
    area.id_edit.setText(first.trainee_id)
    qtbot.mouseClick(area.save_button, Qt.MouseButton.LeftButton)
    settled(window.worker)
    assert "already used" in area.message.text()
    assert trainees.get_trainee(demo_store, second.uid).trainee_id == second.trainee_id


def test_new_trainee_from_the_area(qtbot, store, make_worker):
    area = TraineesArea(make_worker(store))
    qtbot.addWidget(area)
    settled(area.worker)
    assert "No trainees yet" in area.count_label.text()
    qtbot.mouseClick(area.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(area.id_edit, "20259999")
    area.name_edit.setText("陈静")  # QTest.keyClicks aborts on characters outside Latin-1
    area.cohort_combo.setCurrentText("2026 Rolling")
    qtbot.mouseClick(area.save_button, Qt.MouseButton.LeftButton)
    settled(area.worker)
    rows = trainees.list_trainees(store)
    assert [(r.trainee_id, r.name, r.cohort) for r in rows] == [
        ("20259999", "陈静", "2026 Rolling")
    ]
    assert area.cohort_filter.findData("2026 Rolling") > 0


def test_withdraw_asks_first(qtbot, demo_store, monkeypatch, make_worker):
    area = TraineesArea(make_worker(demo_store))
    qtbot.addWidget(area)
    settled(area.worker)
    target = area.model.row_at(0)
    area.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    area.withdraw()
    settled(area.worker)
    assert trainees.get_trainee(demo_store, target.uid).status == "active"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    area.withdraw()
    settled(area.worker)
    assert trainees.get_trainee(demo_store, target.uid).status == "withdrawn"
    assert area.model.row_of(target.uid) == -1


def test_ten_thousand_trainees_load_into_the_model(qtbot, store, make_worker):
    from mentordesk.core.models import Trainee, new_uid, utcnow

    with store._sessions.begin() as s:  # bulk fixture data, not a user action
        s.add_all(
            Trainee(uid=new_uid(), trainee_id=f"T{i:05d}", name=f"Trainee {i:05d}",
                    updated_at=utcnow(), origin_device="test")
            for i in range(10_000)
        )  # fmt: skip
    area = TraineesArea(make_worker(store))
    qtbot.addWidget(area)
    settled(area.worker)
    assert area.model.rowCount() == 10_000
    qtbot.keyClicks(area.search, "T0999")
    qtbot.waitUntil(lambda: area.model.rowCount() == 10, timeout=3000)  # T09990 … T09999


def test_settings_saves_the_profile(qtbot, store, make_worker):
    window = MainWindow(make_worker(store))
    qtbot.addWidget(window)
    area = show_area(window, "settings")
    area.name_edit.setText("Chen Hong 陈红")
    area.role_combo.setCurrentIndex(area.role_combo.findData("supervisor"))
    area.org_edit.setText("BOF steelmaking plant")
    qtbot.mouseClick(area.save_button, Qt.MouseButton.LeftButton)
    settled(window.worker)
    me = staff.local_user(store)
    assert (me.name, me.role, me.organisation) == (
        "Chen Hong 陈红",
        "supervisor",
        "BOF steelmaking plant",
    )
    assert "Chen Hong" in window.user_label.text()


def test_window_geometry_and_area_persist(qtbot, demo_store, monkeypatch, make_worker):
    from PySide6.QtCore import QRect

    from mentordesk.ui import window_geometry

    # A 1366×768 laptop less its taskbar, not the test platform's 800-pixel screen, which the
    # window (at least 1200 pixels wide) never fits.
    monkeypatch.setattr(window_geometry, "free_area", lambda at=None: QRect(0, 0, 1366, 728))
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    window.show()
    window.resize(window.width(), 560)
    show_area(window, "settings")
    window.close()
    again = MainWindow(make_worker(demo_store))
    qtbot.addWidget(again)
    assert again.height() == 560
    assert again.navigation.currentRow() == [k for k, *_ in AREAS].index("settings")
    assert preferences().value("ui/area") == "settings"


def test_unhandled_exception_is_logged_and_shown_not_fatal(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    error_reporting.install()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger("mentordesk").handlers:
        handler.flush()
    assert "boom in a slot" in error_reporting.log_file().read_text()
    assert shown and "Your saved work is safe" in shown[0]
    assert QApplication.instance() is not None


def test_a_second_instance_on_the_same_database_says_so_and_exits(tmp_path, monkeypatch, capsys):
    from mentordesk.ui import app
    from mentordesk.ui.single_instance import lock_for

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    db = tmp_path / "one.db"
    held = lock_for(str(db))
    assert held.tryLock(100)
    try:
        assert app.run(db=str(db)) == 1
    finally:
        held.unlock()
    assert told and "already open" in told[0]
    assert "already open" in capsys.readouterr().err
    assert not db.exists(), "the second instance must not even open the database"
