"""The Feedback dialog: suggestions and reply saved through operations, the report saved."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QDate

from mentordesk.core.cohorts import list_cohorts
from mentordesk.core.feedback import feedback_for, write_reply
from mentordesk.ui.feedback_dialog import FeedbackDialog
from mentordesk.ui.trainees_view import TraineesArea
from tests.gui_waits import settled

COHORT = "2025 Rolling Order Class"
OTHER = "2025 Steelmaking Order Class"


def _dialog(qtbot, make_worker, store) -> FeedbackDialog:
    dialog = FeedbackDialog(make_worker(store), [COHORT, OTHER], COHORT)
    qtbot.addWidget(dialog)
    settled(dialog.worker)
    return dialog


def test_suggestions_saved_and_the_school_reply_shown(qtbot, demo_store, make_worker):
    write_reply(demo_store, COHORT, "Noted; a lab next term.", replied_by="王老师")
    dialog = _dialog(qtbot, make_worker, demo_store)
    assert dialog.reply.toPlainText() == "Noted; a lab next term."
    assert dialog.replied_by.text() == "王老师"

    dialog.suggestions.setPlainText("Teach crane signals before the plant block.")
    dialog.write_suggestions()
    settled(dialog.worker)
    assert feedback_for(demo_store, COHORT).suggestions.startswith("Teach crane signals")
    assert feedback_for(demo_store, COHORT).reply == "Noted; a lab next term."
    assert "saved" in dialog.message.text()

    # Another cohort shows its own (empty) record.
    dialog.cohort.setCurrentText(OTHER)
    settled(dialog.worker)
    assert dialog.suggestions.toPlainText() == ""


def test_empty_suggestions_are_refused_and_nothing_is_saved(qtbot, demo_store, make_worker):
    dialog = _dialog(qtbot, make_worker, demo_store)
    dialog.suggestions.setPlainText("   ")
    dialog.write_suggestions()
    settled(dialog.worker)
    assert "must not be empty" in dialog.message.text()
    assert feedback_for(demo_store, COHORT).uid == ""


def test_a_period_ending_before_it_starts_is_refused(qtbot, demo_store, make_worker):
    dialog = _dialog(qtbot, make_worker, demo_store)
    dialog.start.setDate(QDate(2026, 11, 20))
    dialog.end.setDate(QDate(2026, 10, 1))
    settled(dialog.worker)
    dialog.suggestions.setPlainText("Words.")
    dialog.write_suggestions()
    settled(dialog.worker)
    assert "before its start" in dialog.message.text()
    assert feedback_for(demo_store, COHORT).uid == ""


def test_the_report_is_saved_as_a_pdf(qtbot, demo_store, make_worker, tmp_path):
    dialog = _dialog(qtbot, make_worker, demo_store)
    dialog.start.setDate(QDate(2026, 10, 1))
    dialog.end.setDate(QDate(2026, 11, 20))
    settled(dialog.worker)
    target = tmp_path / "feedback.pdf"
    dialog.write_pdf(target)
    settled(dialog.worker)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert COHORT in text and "2026-10-01" in text
    assert str(target) in dialog.message.text()


def test_the_trainees_area_opens_it_for_the_cohort_shown(
    qtbot, demo_store, make_worker, monkeypatch
):
    opened: list[tuple[list[str], str]] = []

    def fake_exec(self) -> int:
        opened.append(([self.cohort.itemText(i) for i in range(self.cohort.count())],
                       self.cohort.currentText()))  # fmt: skip
        return 0

    monkeypatch.setattr(FeedbackDialog, "exec", fake_exec)
    area = TraineesArea(make_worker(demo_store))
    qtbot.addWidget(area)
    settled(area.worker)
    area.cohort_filter.setCurrentIndex(area.cohort_filter.findData(OTHER))
    settled(area.worker)
    area.open_feedback()
    settled(area.worker)
    every_cohort = [c.name for c in list_cohorts(demo_store)]
    assert COHORT in every_cohort and OTHER in every_cohort
    assert opened == [(every_cohort, OTHER)]
