"""The window never uses the store on the GUI thread (issue 17, item 1).

Every read and change the window makes is an operation run on the database worker
(``ui/operations.py``), so a slow disk or a PostgreSQL server across a slow network never
freezes the screen. Here the worker's store refuses any use from the GUI thread, and the
Assessments area, its dialogs, the session dialog, the first-run wizard, the trainee record and
every area of the main window are driven through it.
"""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from mentordesk.core import assessments as A
from mentordesk.core.drawn_signature import drawn_signature
from mentordesk.core.staff import local_user
from mentordesk.core.trainees import is_empty, list_trainees
from mentordesk.core.workshop_sessions import list_recent_sessions
from mentordesk.exchange import signing_identity
from mentordesk.ui import sheet_actions
from mentordesk.ui.assessment_dialogs import IdentityDialog, PeriodDialog, SignaturePadDialog
from mentordesk.ui.assessments_view import AssessmentsArea
from mentordesk.ui.first_run import FirstRunWizard, Start
from mentordesk.ui.main_window import AREAS, MainWindow
from mentordesk.ui.session_dialog import SessionDialog
from mentordesk.ui.trainee_record_view import TraineeRecordDialog, open_trainee_record
from tests.gui_waits import settled

START, END = date(2026, 10, 1), date(2026, 11, 20)
SECRET = "correct horse battery"


class GuiThreadGuard:
    """The store, refusing every use from the GUI thread (and remembering each attempt)."""

    def __init__(self, store: object) -> None:
        self._store = store
        self.refused: list[str] = []

    def __getattr__(self, name: str) -> object:
        if threading.current_thread() is threading.main_thread():
            self.refused.append(name)
            raise AssertionError(f"store.{name} used on the GUI thread")
        return getattr(self._store, name)


@pytest.fixture
def guard(demo_store) -> GuiThreadGuard:
    return GuiThreadGuard(demo_store)


@pytest.fixture
def worker(guard, make_worker):
    made = make_worker(guard)
    yield made
    settled(made)
    assert guard.refused == [], "the window used the store on the GUI thread"


def _draft(store) -> A.AssessmentView:
    t = next(t for t in list_trainees(store) if not t.name.isascii())
    return A.create_draft(store, t.uid, START, END)


def test_the_assessments_area_reads_edits_previews_and_signs_on_the_worker(
    qtbot, demo_store, worker, monkeypatch
):
    draft = _draft(demo_store)
    area = AssessmentsArea(worker)
    qtbot.addWidget(area)
    area.resize(1200, 800)
    area.show()
    settled(worker)
    assert area.table.rowCount() == 1 and draft.trainee_name in area.heading.text()

    area.result_combo.setCurrentIndex(area.result_combo.findData("pass"))
    area.strengths.setPlainText("Checks the slings before every lift")
    area.save_button.click()
    area.refresh_button.click()
    settled(worker)
    assert A.get_assessment(demo_store, draft.uid).strengths.startswith("Checks the slings")

    area.tabs.setCurrentWidget(area.preview.tab)  # the draft is rendered on the worker
    settled(worker)
    assert [w for w in area.pages.findChildren(QLabel) if w.pixmap() and not w.pixmap().isNull()]

    signing_identity.create_identity("Zhang Wei 张伟", SECRET)
    monkeypatch.setattr(sheet_actions, "ask_passphrase", lambda *a: SECRET)

    def draw_and_save() -> None:
        pad = QApplication.activeModalWidget()
        if not isinstance(pad, SignaturePadDialog):  # opens once the draft is saved
            QTimer.singleShot(10, draw_and_save)
            return
        pad.pad._begin(QPointF(20, 90))
        for x in range(30, 360, 15):
            pad.pad._extend(QPointF(x, 60 + (x % 45)))
        pad.pad._end()
        pad._save()

    QTimer.singleShot(0, draw_and_save)
    area.sign_button.click()  # no drawing yet: the pad opens first
    settled(worker)
    assert drawn_signature(demo_store) is not None
    assert A.get_assessment(demo_store, draft.uid).state == "signed"
    assert "Signed" in area.message.text()


def test_the_assessment_dialogs_fill_in_from_the_worker(qtbot, demo_store, worker):
    period = PeriodDialog(worker, batch=False)
    qtbot.addWidget(period)
    settled(worker)
    assert period.cohort_combo.count() > 1 and period.trainee_combo.count() > 0
    period.cohort_combo.setCurrentIndex(1)
    settled(worker)
    cohort = period.cohort_combo.currentData()
    assert period.trainee_combo.count() == len(list_trainees(demo_store, cohort=cohort))

    identity = IdentityDialog(worker)
    qtbot.addWidget(identity)
    settled(worker)
    assert identity.name_edit.text() == local_user(demo_store).name


def test_the_session_dialog_fills_in_and_creates_on_the_worker(qtbot, demo_store, worker):
    last = list_recent_sessions(demo_store, 1)[0]
    dialog = SessionDialog(worker)
    qtbot.addWidget(dialog)
    dialog.accept()  # Enter at once, before the lists have arrived from the worker
    settled(worker)
    assert dialog.location_combo.currentText() == last.location
    assert dialog.created is not None
    assert (dialog.created.cohort_uid, dialog.created.location) == (last.cohort_uid, last.location)
    assert list_recent_sessions(demo_store, 1)[0].uid == dialog.created.uid


def test_the_trainee_record_reads_on_the_worker(qtbot, demo_store, worker):
    uid = list_trainees(demo_store)[0].uid
    dialog = open_trainee_record(worker, uid, None)
    assert isinstance(dialog, TraineeRecordDialog)
    qtbot.addWidget(dialog)
    settled(worker)
    assert dialog.record is not None and dialog.name_label.text() == dialog.record.trainee.name
    assert "%" in dialog.figures_label.text()
    dialog.period.setCurrentIndex(dialog.period.findData("year"))
    settled(worker)
    assert dialog.record.trainee.uid == uid


def test_the_first_run_wizard_saves_and_loads_the_demo_on_the_worker(qtbot, store, make_worker):
    guard = GuiThreadGuard(store)
    worker = make_worker(guard)
    wizard = FirstRunWizard(worker)
    qtbot.addWidget(wizard)
    wizard.show()
    settled(worker)
    wizard.name_edit.setText("Li Na")
    wizard.role_combo.setCurrentIndex(wizard.role_combo.findData("hr"))
    while wizard.currentId() != wizard.SUMMARY:
        wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    choice = wizard.apply()

    settled(worker)
    assert guard.refused == []
    assert choice.start is Start.DEMO and choice.demo_counts["trainees"] > 0
    assert local_user(store).name == "Li Na" and not is_empty(store)


def test_every_area_of_the_main_window_is_built_with_the_worker(qtbot, worker):
    window = MainWindow(worker)
    qtbot.addWidget(window)
    window.show()
    for row in range(len(AREAS)):
        window.go_to(row)
        settled(worker)
    assert window.stack.currentWidget() is window.area(AREAS[-1][0])


def test_no_module_of_the_window_reaches_for_the_workers_store():
    """Only ``ui/operations.py`` holds the store; the rest ask it for operations."""
    ui = Path(__file__).resolve().parents[1] / "src" / "mentordesk" / "ui"
    found = [
        f"{path.name}:{n}"
        for path in sorted(ui.glob("*.py"))
        if path.name != "operations.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"worker\.store\b|self\.store\b", line)
    ]
    assert found == []
