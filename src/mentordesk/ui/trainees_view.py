"""The Trainees area: list, search, edit and withdraw trainees."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from ..core import cohorts, trainees
from ..core.entry_rules import Verdict, verdicts_by_uid
from ..core.models import TRAINEE_STATUSES
from ..core.store import Store
from .area import FormArea
from .forms import child
from .hire_fields import HireFields
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .table_columns import fit_columns
from .trainee_model import TraineeTableModel

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def read_list(
    store: Store, search: str, cohort: str, include_inactive: bool
) -> tuple[list[trainees.TraineeRow], dict[str, Verdict]]:
    """The listed trainees, and the entry-rule verdicts of those whose cohort sets rules."""
    found = trainees.list_trainees(store, search, cohort=cohort, include_inactive=include_inactive)
    return found, verdicts_by_uid(store)


def save_trainee(store: Store, uid: str | None, fields: dict[str, object]) -> trainees.TraineeView:
    """Change the trainee ``uid``, or add one (no ``uid``)."""
    if uid:
        return trainees.update_trainee(store, uid, **fields)
    fields = dict(fields)
    return trainees.create_trainee(store, fields.pop("trainee_id"), fields.pop("name"), **fields)


class TraineesArea(FormArea):
    """Reads and saves through the database worker."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__("trainees", parent)
        self.worker = worker

        f = self.form
        self.search = child(f, QLineEdit, "searchEdit")
        self.cohort_filter = child(f, QComboBox, "cohortFilter")
        self.show_inactive = child(f, QCheckBox, "showInactiveCheck")
        self.table = child(f, QTableView, "traineeTable")
        self.count_label = child(f, QLabel, "countLabel")
        self.editor = child(f, QGroupBox, "editorGroup")
        self.id_edit = child(f, QLineEdit, "traineeIdEdit")
        self.name_edit = child(f, QLineEdit, "nameEdit")
        self.cohort_combo = child(f, QComboBox, "cohortCombo")
        self.track_edit = child(f, QLineEdit, "trackEdit")
        self.employee_edit = child(f, QLineEdit, "employeeNoEdit")
        self.email_edit = child(f, QLineEdit, "emailEdit")
        self.status_combo = child(f, QComboBox, "statusCombo")
        self.hire_fields = HireFields(
            worker,
            self,
            child(f, QLineEdit, "hireDateEdit"),
            child(f, QComboBox, "postCombo"),
            self.cohort_combo,
            child(f, QLabel, "entryVerdictLabel"),
        )
        self.message = child(f, QLabel, "editorMessage")
        self.save_button = child(f, QPushButton, "saveButton")
        self.revert_button = child(f, QPushButton, "revertButton")
        self.add_button = child(f, QPushButton, "addButton")
        self.open_button = child(f, QPushButton, "openRecordButton")
        self.withdraw_button = child(f, QPushButton, "withdrawButton")

        self.model = TraineeTableModel(self)
        self.table.setModel(self.model)
        self.table.setColumnHidden(TraineeTableModel.COLUMNS.index("entry"), True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        for status in TRAINEE_STATUSES:
            self.status_combo.addItem(self.model._statuses[status], status)

        self._editing_uid: str | None = None
        # Whose whole record the editor shows (the list row alone lacks hire date and post).
        self._whole_uid: str | None = None
        self._asked: tuple[str, str, bool] | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.cohort_filter.currentIndexChanged.connect(lambda _: self.reload())
        self.show_inactive.toggled.connect(lambda _: self.reload())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _: self.open_record())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.add_button.clicked.connect(self.new_trainee)
        self.open_button.clicked.connect(self.open_record)
        self.withdraw_button.clicked.connect(self.withdraw)
        # Beside "Open record": the PC handed to the selected trainee to rate themselves.
        self.self_button = QPushButton(self.tr("Self-assessment…"), objectName="selfAssessButton")
        actions = child(f, QHBoxLayout, "actionLayout")  # type: ignore[type-var]
        actions.insertWidget(actions.indexOf(self.open_button) + 1, self.self_button)
        self.self_button.clicked.connect(self.open_self_assessment)
        self.self_mode = None
        child(f, QPushButton, "feedbackButton").clicked.connect(self.open_feedback)
        splitter = child(f, QSplitter, "splitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self._sized = False
        self.refresh()
        self._fill_editor()

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.hire_fields.load_posts()
        QueryOp(cohorts.list_cohorts, include_withdrawn=True).success(self._cohorts).failure(
            self._say
        ).run(self.worker, self)

    def _cohorts(self, found: list[cohorts.CohortView]) -> None:
        current = self.cohort_filter.currentData()
        self.cohort_filter.blockSignals(True)
        self.cohort_filter.clear()
        self.cohort_filter.addItem(self.tr("All cohorts"), "")
        self.cohort_combo.clear()
        for c in found:
            self.cohort_filter.addItem(c.name, c.name)
            self.cohort_combo.addItem(c.name)
        index = self.cohort_filter.findData(current) if current else 0
        self.cohort_filter.setCurrentIndex(max(index, 0))
        self.cohort_filter.blockSignals(False)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the list again (``select``: then select that trainee)."""
        asked = (
            self.search.text(),
            self.cohort_filter.currentData() or "",
            self.show_inactive.isChecked(),
        )
        self._asked = asked
        QueryOp(read_list, *asked).success(lambda rows: self._listed(asked, rows, select)).failure(
            self._say
        ).run(self.worker, self)

    def _listed(
        self,
        asked: tuple[str, str, bool],
        listed: tuple[list[trainees.TraineeRow], dict[str, Verdict]],
        select: str | None,
    ) -> None:
        if asked != self._asked:
            return  # typed on meanwhile: a later answer is coming
        selected = self.selected()
        rows, verdicts = listed
        self.model.set_rows(rows, verdicts)
        entry = TraineeTableModel.COLUMNS.index("entry")
        # Only for one cohort: beside every cohort, the column would crowd out Cohort and Status.
        self.table.setColumnHidden(entry, not (asked[1] and self.model.judges_entry))
        if not self._sized and rows:
            fit_columns(self.table, TraineeTableModel.COLUMNS.index("name"))
            self._sized = True
        if not rows and not self.search.text() and not self.cohort_filter.currentData():
            self.count_label.setText(
                self.tr("No trainees yet. Import a roster in Sync, or add one with New trainee.")
            )
        else:
            self.count_label.setText(self.tr("%n trainee(s)", "", len(rows)))
        if select is not None:
            self.select_uid(select)
        elif selected is not None:
            self.select_uid(selected.uid)
        self._update_buttons()

    def select_uid(self, uid: str) -> None:
        row = self.model.row_of(uid)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def selected(self) -> trainees.TraineeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # -- editing --------------------------------------------------------------------------

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        row = self.selected()
        uid = row.uid if row else None
        if uid != self._editing_uid:
            # Another trainee: what was said of the last one goes. The same one selected again
            # after a save (the list is read again) keeps "Saved." on screen.
            self._say("")
        self._editing_uid = uid
        self._fill_editor()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        self.self_button.setEnabled(row is not None and row.status == "active")
        self.withdraw_button.setEnabled(row is not None and row.status == "active")

    def _fill_editor(self) -> None:
        """The editor shows the trainee selected (what the list has at once, then the whole
        record from the worker), or a blank new one."""
        uid = self._editing_uid
        listed = self.selected()
        self._fill(listed if listed is not None and listed.uid == uid else None, "")
        if uid is not None:
            QueryOp(trainees.get_trainee, uid).success(
                lambda view: uid == self._editing_uid and self._fill(view, view.email)
            ).failure(self._say).run(self.worker, self)

    def _fill(self, row: trainees.TraineeView | trainees.TraineeRow | None, email: str) -> None:
        self._fill_fields(row, email)
        if isinstance(row, trainees.TraineeView):
            self._whole_uid = row.uid
            self.hire_fields.fill(row.hire_date, row.post, known=True)
        elif row is None or row.uid != self._whole_uid:
            self._whole_uid = None
            # A list row lacks them: they come with the whole record (a new trainee has none).
            self.hire_fields.fill(None, "", known=self._editing_uid is None)
        # else: the same trainee's list row again (read after a save): what the fields show
        # stays until the whole record, asked for again, replaces it.

    def _fill_fields(
        self, row: trainees.TraineeView | trainees.TraineeRow | None, email: str
    ) -> None:
        self.editor.setTitle(row.name if row else self.tr("New trainee"))
        self.id_edit.setText(row.trainee_id if row else "")
        self.name_edit.setText(row.name if row else "")
        self.cohort_combo.setCurrentText(
            row.cohort if row else (self.cohort_filter.currentData() or "")
        )
        # A long cohort name is read from its start, not scrolled to its end.
        if (line := self.cohort_combo.lineEdit()) is not None:
            line.setCursorPosition(0)
        self.track_edit.setText(row.track if row else "")
        self.employee_edit.setText(row.employee_no if row else "")
        self.email_edit.setText(email)
        self.status_combo.setCurrentIndex(
            max(self.status_combo.findData(row.status if row else "active"), 0)
        )

    def revert(self) -> None:
        self._say("")
        self._fill_editor()

    def new_trainee(self) -> None:
        self._say("")
        self.table.clearSelection()
        self._editing_uid = None
        self._fill_editor()
        self.id_edit.setFocus()

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def save(self) -> None:
        fields = {
            "trainee_id": self.id_edit.text(),
            "name": self.name_edit.text(),
            "cohort": self.cohort_combo.currentText(),
            "track": self.track_edit.text(),
            "employee_no": self.employee_edit.text(),
            "email": self.email_edit.text(),
            "status": self.status_combo.currentData(),
        }
        if self._editing_uid is None or self._whole_uid == self._editing_uid:
            # Not before the whole record is in: the blank fields would clear what it holds.
            fields |= self.hire_fields.values()
            self.hire_fields.flush()
        CollectionOp(
            save_trainee, self._editing_uid, fields, changes=Changes(trainees=True)
        ).success(self._saved).failure(self._refused).run(self.worker, self)

    def _refused(self, message: str) -> None:
        self.hire_fields.said_below(message)
        self._say(message)

    def _saved(self, row: trainees.TraineeView) -> None:
        self._editing_uid = row.uid
        if self.cohort_filter.findData(row.cohort) < 0 and row.cohort:
            self.refresh()
        self.reload(select=row.uid)
        self._say(self.tr("Saved."), ok=True)

    def withdraw(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw trainee"),
            self.tr("Withdraw %1 (%2) from today? Their records are kept.")
            .replace("%1", row.name)
            .replace("%2", row.trainee_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        CollectionOp(trainees.withdraw_trainee, row.uid, changes=Changes(trainees=True)).success(
            lambda _view: self.reload()
        ).failure(self._say).run(self.worker, self)

    def open_feedback(self) -> None:
        """The feedback to the school of the cohort shown (or the first one)."""
        # Imported here: the report's PDF code stays out of the window's start-up.
        from .feedback_dialog import FeedbackDialog

        names = [self.cohort_filter.itemData(i) for i in range(1, self.cohort_filter.count())]
        cohort = self.cohort_filter.currentData() or ""
        FeedbackDialog(self.worker, names, cohort, self).exec()

    def open_record(self) -> None:
        row = self.selected()
        if row is None:
            return
        from .trainee_record_view import open_trainee_record

        open_trainee_record(self.worker, row.uid, self)

    def open_self_assessment(self) -> None:
        row = self.selected()
        if row is None:
            return
        from .self_assessment import start_self_assessment

        self.self_mode = start_self_assessment(self.worker, row.uid, row.name, self.window())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.search.setFocus()
            self.search.selectAll()
            return
        super().keyPressEvent(event)
