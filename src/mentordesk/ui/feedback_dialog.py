"""Feedback to the school, in the window: the mentor's suggestions for a cohort and period,
the school's reply beside them, and the report saved as a PDF.

Everything goes through operations (core/feedback.py, exchange/feedback_report.py): the
dialog reads the record when the cohort or period changes and saves on the buttons.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import feedback
from ..exchange.feedback_report import WrittenReport, write_feedback_report
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .translation import current_language

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
# The date edits' lowest date stands for an open end ("—").
OPEN = QDate(1900, 1, 1)


def _day(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == OPEN else date(value.year(), value.month(), value.day())


class FeedbackDialog(QDialog):
    """Suggestions and reply of one cohort and period; the report as a PDF."""

    def __init__(
        self,
        worker: DatabaseWorker,
        cohorts: list[str],
        cohort: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("Feedback to the school"))
        self.resize(620, 640)
        self.cohort = QComboBox(self)
        self.cohort.addItems(cohorts)
        if cohort in cohorts:
            self.cohort.setCurrentText(cohort)
        self.start = self._date_edit()
        self.end = self._date_edit()
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.end)
        period.addStretch(1)
        top = QFormLayout()
        top.addRow(self.tr("Cohort"), self.cohort)
        top.addRow(self.tr("Period (— = open)"), period)

        self.suggestions = QPlainTextEdit(self)
        self.suggestions.setPlaceholderText(
            self.tr("What should the school teach differently, and why?")
        )
        self.written_by = QLabel(self)
        self.save_suggestions = QPushButton(self.tr("Save suggestions"), self)
        mine = QGroupBox(self.tr("The mentor's suggestions"), self)
        box = QVBoxLayout(mine)
        box.addWidget(self.suggestions)
        row = QHBoxLayout()
        row.addWidget(self.written_by, 1)
        row.addWidget(self.save_suggestions)
        box.addLayout(row)

        self.reply = QPlainTextEdit(self)
        self.reply.setPlaceholderText(self.tr("The school's answer, typed by its teacher"))
        self.replied_by = QLineEdit(self)
        self.replied_by.setPlaceholderText(self.tr("Teacher's name"))
        self.replied_at = QLabel(self)
        self.save_reply = QPushButton(self.tr("Save reply"), self)
        theirs = QGroupBox(self.tr("The school's reply"), self)
        box = QVBoxLayout(theirs)
        box.addWidget(self.reply)
        row = QHBoxLayout()
        row.addWidget(self.replied_by, 1)
        row.addWidget(self.replied_at)
        row.addWidget(self.save_reply)
        box.addLayout(row)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("English and Chinese"), "both")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Chinese"), "zh_CN")
        if current_language() == "zh_CN":
            self.language.setCurrentIndex(2)
        self.save_pdf = QPushButton(self.tr("Save report as PDF…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.language)
        bottom.addWidget(self.save_pdf)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(mine, 3)
        layout.addWidget(theirs, 2)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.cohort.currentIndexChanged.connect(lambda _: self.load())
        self.start.dateChanged.connect(lambda _: self.load())
        self.end.dateChanged.connect(lambda _: self.load())
        self.save_suggestions.clicked.connect(self.write_suggestions)
        self.save_reply.clicked.connect(self.write_reply)
        self.save_pdf.clicked.connect(self.ask_pdf)
        self.load()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(OPEN)
        edit.setSpecialValueText("—")
        edit.setDate(OPEN)
        return edit

    @property
    def period(self) -> tuple[date | None, date | None]:
        return _day(self.start), _day(self.end)

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # -- reading and saving ---------------------------------------------------------------

    def load(self) -> None:
        if not self.cohort.currentText():
            return
        QueryOp(feedback.feedback_for, self.cohort.currentText(), *self.period).success(
            self._show
        ).failure(self._say).run(self.worker, self)

    def _show(self, view: feedback.FeedbackView) -> None:
        self.suggestions.setPlainText(view.suggestions)
        self.written_by.setText(
            self.tr("Written by %1").replace("%1", view.written_by) if view.written_by else ""
        )
        self.reply.setPlainText(view.reply)
        self.replied_by.setText(view.replied_by)
        self.replied_at.setText(
            self.tr("Replied on %1").replace("%1", f"{view.replied_at:%Y-%m-%d}")
            if view.replied_at
            else self.tr("No reply yet")
        )
        self.message.clear()

    def write_suggestions(self) -> None:
        CollectionOp(
            feedback.write_suggestions,
            self.cohort.currentText(),
            self.suggestions.toPlainText(),
            *self.period,
            changes=Changes(),
        ).success(lambda view: self._saved(view, self.tr("Suggestions saved."))).failure(
            self._say
        ).run(self.worker, self)

    def write_reply(self) -> None:
        CollectionOp(
            feedback.write_reply,
            self.cohort.currentText(),
            self.reply.toPlainText(),
            *self.period,
            replied_by=self.replied_by.text(),
            changes=Changes(),
        ).success(lambda view: self._saved(view, self.tr("Reply saved."))).failure(self._say).run(
            self.worker, self
        )

    def _saved(self, view: feedback.FeedbackView, said: str) -> None:
        self._show(view)
        self._say(said, ok=True)

    def ask_pdf(self) -> None:
        name = f"feedback-{self.cohort.currentText()}.pdf".replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the feedback report"), name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> None:
        QueryOp(
            write_feedback_report,
            self.cohort.currentText(),
            path,
            *self.period,
            language=self.language.currentData(),
        ).success(self._pdf_written).failure(self._say).run(self.worker, self)

    def _pdf_written(self, written: WrittenReport) -> None:
        self._say(
            self.tr("Report saved: %1 (%2 pages)")
            .replace("%1", str(written.path))
            .replace("%2", str(written.pages)),
            ok=True,
        )
