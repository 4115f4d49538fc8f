"""The dialog that creates a workshop session, filled in from the last one so Enter suffices."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import cohorts, staff
from ..core.errors import UserError
from ..core.rubrics import current_rubric
from ..core.store import Store
from ..core.workshop_sessions import SessionView, create_session, list_recent_sessions
from .forms import child, load_form
from .localised import localised


class SessionDialog(QDialog):
    """A new session like ``template`` (else the latest one) on today's date; the mentor is the
    local user. Changing only the date copies a session to that date."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, template: SessionView | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.created: SessionView | None = None
        self.setWindowTitle(self.tr("New workshop session"))
        self.form = load_form("session_dialog", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.date_edit = child(f, QDateEdit, "dateEdit")
        self.start_edit = child(f, QTimeEdit, "startEdit")
        self.end_edit = child(f, QTimeEdit, "endEdit")
        self.cohort_combo = child(f, QComboBox, "cohortCombo")
        self.location_combo = child(f, QComboBox, "locationCombo")
        self.module_combo = child(f, QComboBox, "moduleCombo")
        self.task_combo = child(f, QComboBox, "taskCombo")
        self.mentor_combo = child(f, QComboBox, "mentorCombo")
        self.message = child(f, QLabel, "dialogMessage")
        buttons = child(f, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._fill(template)
        self.module_combo.currentTextChanged.connect(self._fill_tasks)

    def _fill(self, template: SessionView | None) -> None:
        recent = list_recent_sessions(self.store, 50)
        last = template or (recent[0] if recent else None)
        for c in cohorts.list_cohorts(self.store):
            self.cohort_combo.addItem(c.name, c.uid)
        me = staff.local_user(self.store)
        for p in staff.list_staff(self.store):
            self.mentor_combo.addItem(p.name, p.uid)
        self.mentor_combo.setCurrentIndex(max(0, self.mentor_combo.findData(me.uid if me else "")))
        locations = list(dict.fromkeys(s.location for s in recent if s.location))
        self.location_combo.addItems(locations)
        rubric = current_rubric(self.store)
        self._rubric = rubric
        self.module_combo.addItems(rubric.modules if rubric else [])
        self.date_edit.setDate(QDate.currentDate())
        self.start_edit.setTime(QTime(8, 0))
        self.end_edit.setTime(QTime(16, 0))
        if last is not None:
            self.cohort_combo.setCurrentIndex(max(0, self.cohort_combo.findData(last.cohort_uid)))
            self.location_combo.setCurrentText(last.location)
            self.module_combo.setCurrentText(last.module)
            if last.start_time and last.end_time:
                self.start_edit.setTime(QTime(last.start_time.hour, last.start_time.minute))
                self.end_edit.setTime(QTime(last.end_time.hour, last.end_time.minute))
        self._fill_tasks(self.module_combo.currentText())
        if last is not None:
            self.task_combo.setCurrentText(last.task)

    def _fill_tasks(self, module: str) -> None:
        current = self.task_combo.currentText()
        self.task_combo.clear()
        if self._rubric is not None:
            self.task_combo.addItems(
                [sk.name for sk in self._rubric.skills if sk.module == module and not sk.withdrawn]
            )
        self.task_combo.setCurrentText(current)

    def _fit_message(self) -> None:
        """Grow (never shrink) to hold a wrapped message below the fields, so that the rows
        above keep their height. The layouts are brought up to date first: the size hint
        counts the message's new lines only then."""
        self.form.layout().activate()
        self.layout().activate()
        needed = self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def accept(self) -> None:
        d, start, end = self.date_edit.date(), self.start_edit.time(), self.end_edit.time()
        try:
            self.created = create_session(
                self.store,
                held_on=date(d.year(), d.month(), d.day()),
                start_time=time(start.hour(), start.minute()),
                end_time=time(end.hour(), end.minute()),
                location=self.location_combo.currentText(),
                module=self.module_combo.currentText(),
                task=self.task_combo.currentText(),
                cohort_uid=self.cohort_combo.currentData() or "",
                mentor_uid=self.mentor_combo.currentData() or None,
            )
        except UserError as exc:
            # The dialog stays open to be changed; it grows to show the whole message.
            self.message.setText(localised(exc))
            self._fit_message()
            return
        super().accept()
