"""The dialog that creates a workshop session, filled in from the last one so Enter suffices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

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
from ..core.rubric_choice import cohort_rubrics
from ..core.rubrics import RubricView, current_rubric
from ..core.workshop_sessions import SessionView, create_session, list_recent_sessions
from .forms import child, load_form
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp

if TYPE_CHECKING:
    from ..core.store import Store


@dataclass(frozen=True)
class SessionChoices:
    """What the dialog offers: recent sessions, cohorts, mentors, the rubric's modules."""

    recent: list[SessionView]
    cohorts: list[tuple[str, str]]  # (name, uid)
    mentors: list[tuple[str, str]]  # (name, uid)
    me: str  # the local user's uid, "" without a profile
    rubric: RubricView | None  # for a cohort without one of its own
    rubrics: dict[str, RubricView | None]  # each cohort's, by its uid


def session_choices(store: Store) -> SessionChoices:
    """On the worker: everything the dialog fills its lists from, in one go."""
    me = staff.local_user(store)
    return SessionChoices(
        list_recent_sessions(store, 50),
        [(c.name, c.uid) for c in cohorts.list_cohorts(store)],
        [(p.name, p.uid) for p in staff.list_staff(store)],
        me.uid if me else "",
        current_rubric(store),
        cohort_rubrics(store),
    )


class SessionDialog(QDialog):
    """A new session like ``template`` (else the latest one) on today's date; the mentor is the
    local user. Changing only the date copies a session to that date.

    Its lists arrive from the database worker just after it opens; OK creates the session
    there and closes the dialog once it is made (``created``), or shows why not."""

    def __init__(
        self,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        template: SessionView | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.created: SessionView | None = None
        self._rubric: RubricView | None = None
        self._choices: SessionChoices | None = None
        # A session asked for and not yet made: a second Enter must not make another.
        self._creating = False
        # Enter pressed before the lists arrived: accepted once they are filled in.
        self._filled = False
        self._accept_when_filled = False
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
        self.date_edit.setDate(QDate.currentDate())
        self.start_edit.setTime(QTime(8, 0))
        self.end_edit.setTime(QTime(16, 0))
        QueryOp(session_choices).success(lambda found: self._fill(found, template)).failure(
            self._refused
        ).run(worker, self)
        self.module_combo.currentTextChanged.connect(self._fill_tasks)
        self.cohort_combo.currentIndexChanged.connect(self._cohort_changed)

    def _fill(self, found: SessionChoices, template: SessionView | None) -> None:
        recent = found.recent
        last = template or (recent[0] if recent else None)
        for name, uid in found.cohorts:
            self.cohort_combo.addItem(name, uid)
        for name, uid in found.mentors:
            self.mentor_combo.addItem(name, uid)
        self.mentor_combo.setCurrentIndex(max(0, self.mentor_combo.findData(found.me)))
        locations = list(dict.fromkeys(s.location for s in recent if s.location))
        self.location_combo.addItems(locations)
        self._choices = found
        # Tasks follow the module below, once: not for each step of filling the list in.
        self.module_combo.blockSignals(True)
        if last is not None:
            self.cohort_combo.setCurrentIndex(max(0, self.cohort_combo.findData(last.cohort_uid)))
        self._fill_modules()
        if last is not None:
            self.location_combo.setCurrentText(last.location)
            self.module_combo.setCurrentText(last.module)
            if last.start_time and last.end_time:
                self.start_edit.setTime(QTime(last.start_time.hour, last.start_time.minute))
                self.end_edit.setTime(QTime(last.end_time.hour, last.end_time.minute))
        self.module_combo.blockSignals(False)
        self._fill_tasks(self.module_combo.currentText())
        if last is not None:
            self.task_combo.setCurrentText(last.task)
        self._filled = True
        if self._accept_when_filled:
            self.accept()

    def _fill_modules(self) -> None:
        """The modules of the chosen cohort's rubric (each programme rates against its own)."""
        found = self._choices
        if found is None:
            return
        rubric = found.rubrics.get(self.cohort_combo.currentData() or "", found.rubric)
        self._rubric = rubric
        current = self.module_combo.currentText()
        self.module_combo.clear()
        self.module_combo.addItems(rubric.modules if rubric else [])
        self.module_combo.setCurrentText(current)

    def _cohort_changed(self) -> None:
        if self._filled:
            self._fill_modules()
            self._fill_tasks(self.module_combo.currentText())

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
        if not self._filled:
            self._accept_when_filled = True
            return
        if self._creating:
            return
        self._creating = True
        d, start, end = self.date_edit.date(), self.start_edit.time(), self.end_edit.time()
        CollectionOp(
            create_session,
            held_on=date(d.year(), d.month(), d.day()),
            start_time=time(start.hour(), start.minute()),
            end_time=time(end.hour(), end.minute()),
            location=self.location_combo.currentText(),
            module=self.module_combo.currentText(),
            task=self.task_combo.currentText(),
            cohort_uid=self.cohort_combo.currentData() or "",
            mentor_uid=self.mentor_combo.currentData() or None,
            changes=Changes(sessions=True),
        ).success(self._created).failure(self._refused).run(self.worker, self)

    def _created(self, session: SessionView) -> None:
        self.created = session
        super().accept()

    def _refused(self, message: str) -> None:
        self._creating = False
        # The dialog stays open to be changed; it grows to show the whole message.
        self.message.setText(message)
        self._fit_message()
