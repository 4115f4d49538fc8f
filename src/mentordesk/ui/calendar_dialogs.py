"""The calendar's dialogs: a new plan (pattern, every weekday or one block) and a block's edit.

Each dialog saves through an operation and stays open on a refusal, showing the core's message,
so that the user can correct what they typed; nothing has changed then.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import calendar_plan
from ..core.calendar_plan import BlockView
from ..core.cohorts import CohortView
from .operations import Changes, CollectionOp, DatabaseWorker

ERROR_STYLE = "color: #b00020;"
# What a plan changes: the days trainees are expected, hence sessions and rates.
PLAN_CHANGES = Changes(sessions=True)
DEFAULT_PLAN_WEEKS = 40


def _date_edit(day: date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _hours_box(value: float, parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(1)
    box.setRange(0, 100000)
    box.setValue(value)
    return box


def _places(combo: QComboBox) -> None:
    combo.addItem(QCoreApplication.translate("CalendarDialogs", "Plant"), "plant")
    combo.addItem(QCoreApplication.translate("CalendarDialogs", "School"), "school")


class _SavingDialog(QDialog):
    """Runs its operation on OK; closes on success, shows the refusal otherwise."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        raise NotImplementedError

    def _run(self, op: CollectionOp) -> None:
        self.message.setText("")
        self.buttons.setEnabled(False)
        op.success(lambda _r: self.accept()).failure(self._refused).run(self.worker, self)

    def _refused(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)


class PlanDialog(_SavingDialog):
    """A cohort's blocks from a pattern ("3 weeks school, 1 week plant"), every weekday in the
    plant, or one block."""

    def __init__(
        self,
        worker: DatabaseWorker,
        cohorts: list[CohortView],
        cohort_uid: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, parent)
        self.setWindowTitle(self.tr("New plan"))
        self.cohort = QComboBox(self)
        for c in cohorts:
            self.cohort.addItem(c.name, c.uid)
        self.cohort.setCurrentIndex(max(self.cohort.findData(cohort_uid), 0))
        self.form.addRow(self.tr("&Cohort"), self.cohort)

        self.pattern_choice = QRadioButton(self.tr("&Alternation"), self)
        self.weekdays_choice = QRadioButton(self.tr("Every &weekday in the plant"), self)
        self.single_choice = QRadioButton(self.tr("One &block"), self)
        self.choices = QButtonGroup(self)
        for n, button in enumerate((self.pattern_choice, self.weekdays_choice, self.single_choice)):
            self.choices.addButton(button, n)
        self.pattern_choice.setChecked(True)
        kinds = QVBoxLayout()
        for button in self.choices.buttons():
            kinds.addWidget(button)
        self.form.addRow(self.tr("Kind"), kinds)

        self.school_weeks = QSpinBox(self)
        self.school_weeks.setRange(0, 260)
        self.school_weeks.setValue(3)
        self.plant_weeks = QSpinBox(self)
        self.plant_weeks.setRange(0, 260)
        self.plant_weeks.setValue(1)
        self.form.addRow(self.tr("Weeks at &school"), self.school_weeks)
        self.form.addRow(self.tr("then weeks in the p&lant"), self.plant_weeks)
        self.repeat_note = QLabel(self.tr("The two repeat from the first day to the last."), self)
        self.form.addRow("", self.repeat_note)

        self.place = QComboBox(self)
        _places(self.place)
        self.form.addRow(self.tr("&Place"), self.place)
        # Blocks begin on a Monday as a rule of thumb, and most plans run for a school year.
        first = today + timedelta(days=(7 - today.weekday()) % 7)
        self.start = _date_edit(first, self)
        self.end = _date_edit(first + timedelta(weeks=DEFAULT_PLAN_WEEKS, days=-1), self)
        self.form.addRow(self.tr("&From"), self.start)
        self.form.addRow(self.tr("&To"), self.end)
        self.hours = _hours_box(calendar_plan.HOURS_PER_PLANT_DAY, self)
        self.hours_label = QLabel(self)
        self.hours_label.setBuddy(self.hours)
        self.form.addRow(self.hours_label, self.hours)
        self._finish_layout()
        self.choices.idToggled.connect(lambda _id, _on: self._kind_changed())
        self._kind_changed()

    def _kind_changed(self) -> None:
        single = self.single_choice.isChecked()
        pattern = self.pattern_choice.isChecked()
        for widget in (self.school_weeks, self.plant_weeks, self.repeat_note):
            widget.setEnabled(pattern)
        self.place.setEnabled(single)
        if single:
            self.hours_label.setText(self.tr("Planned &hours of the block"))
            self.hours.setValue(0)
        else:
            self.hours_label.setText(self.tr("Planned &hours per plant day"))
            self.hours.setValue(calendar_plan.HOURS_PER_PLANT_DAY)

    def pattern_text(self) -> str:
        """What the core's pattern reader takes, in its own (English) words."""
        if self.weekdays_choice.isChecked():
            return "weekdays"
        parts = [
            f"{weeks}w {place}"
            for weeks, place in (
                (self.school_weeks.value(), "school"),
                (self.plant_weeks.value(), "plant"),
            )
            if weeks
        ]
        return ", ".join(parts)

    def save(self) -> None:
        cohort = str(self.cohort.currentData() or "")
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if self.single_choice.isChecked():
            op = CollectionOp(
                calendar_plan.add_block,
                cohort,
                start=start,
                end=end,
                place=self.place.currentData(),
                planned_hours=self.hours.value(),
                changes=PLAN_CHANGES,
            )
        else:
            op = CollectionOp(
                calendar_plan.lay_out_plan,
                cohort,
                start=start,
                end=end,
                pattern=self.pattern_text(),
                hours_per_day=self.hours.value(),
                changes=PLAN_CHANGES,
            )
        self._run(op)


class BlockDialog(_SavingDialog):
    """One block's dates, place and planned hours."""

    def __init__(
        self, worker: DatabaseWorker, block: BlockView, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, parent)
        self.block = block
        self.setWindowTitle(self.tr("Edit block"))
        self.start = _date_edit(block.starts_on, self)
        self.end = _date_edit(block.ends_on, self)
        self.place = QComboBox(self)
        _places(self.place)
        self.place.setCurrentIndex(max(self.place.findData(block.place), 0))
        self.hours = _hours_box(block.planned_hours, self)
        self.form.addRow(self.tr("&From"), self.start)
        self.form.addRow(self.tr("&To"), self.end)
        self.form.addRow(self.tr("&Place"), self.place)
        self.form.addRow(self.tr("Planned &hours"), self.hours)
        self._finish_layout()

    def save(self) -> None:
        self._run(
            CollectionOp(
                calendar_plan.edit_block,
                self.block.uid,
                starts_on=self.start.date().toPython(),
                ends_on=self.end.date().toPython(),
                place=self.place.currentData(),
                planned_hours=self.hours.value(),
                changes=PLAN_CHANGES,
            )
        )
