"""The Programmes area: programmes (with their rubric and posts) and the staff who teach them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import cohorts, programmes, staff
from ..core.store import Store
from .area import FormArea
from .forms import child
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .programme_dialogs import (
    ERROR_STYLE,
    PEOPLE_CHANGED,
    ProgrammeDialog,
    StaffDialog,
    kind_names,
    role_names,
)
from .readiness_panel import CohortReadinessPane
from .rubric_pane import RubricPane


@dataclass(frozen=True)
class ProgrammeRow:
    programme: programmes.ProgrammeView
    cohorts: int


def read_programmes(store: Store) -> list[ProgrammeRow]:
    """Each programme with how many cohorts it has (one call on the worker)."""
    counts: dict[str, int] = {}
    for c in cohorts.list_cohorts(store):
        counts[c.programme] = counts.get(c.programme, 0) + 1
    return [ProgrammeRow(p, counts.get(p.name, 0)) for p in programmes.list_programmes(store)]


def read_staff(store: Store) -> tuple[list[staff.StaffView], list[str]]:
    """The staff, and the cohorts they may work with."""
    return staff.list_staff(store), [c.name for c in cohorts.list_cohorts(store)]


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()


class ProgrammesArea(FormArea):
    """Reads and saves through the database worker."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__("programmes", parent)
        self.worker = worker
        self.rows: list[ProgrammeRow] = []
        self.staff: list[staff.StaffView] = []
        self.cohort_names: list[str] = []
        self.tabs = child(self.form, QTabWidget, "tabs")
        self.tabs.addTab(self._programmes_tab(), self.tr("Programmes"))
        self.tabs.addTab(self._staff_tab(), self.tr("Staff"))
        self.matrix = CohortReadinessPane(worker, self)
        self.tabs.addTab(self.matrix, self.tr("Cohort readiness"))
        worker.changes.subscribe(self, self._records_changed)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _buttons(self, *labels: tuple[str, str]) -> tuple[QHBoxLayout, list[QPushButton]]:
        line = QHBoxLayout()
        made = []
        for name, text in labels:
            button = QPushButton(text)
            button.setObjectName(name)
            line.addWidget(button)
            made.append(button)
        line.addStretch(1)
        return line, made

    def _programmes_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.table = _table(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("School"),
                self.tr("Enterprise"),
                self.tr("Starts"),
                self.tr("Ends"),
                self.tr("Cohorts"),
            ],
            "programmeTable",
        )
        line, (self.add_button, self.edit_button, self.withdraw_button, self.delete_button) = (
            self._buttons(
                ("addProgrammeButton", self.tr("New programme…")),
                ("editProgrammeButton", self.tr("Edit…")),
                ("withdrawProgrammeButton", self.tr("Withdraw")),
                ("deleteProgrammeButton", self.tr("Delete")),
            )
        )
        self.message = QLabel()
        self.message.setObjectName("programmeMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.rubric = RubricPane(self.worker, page)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(line)
        top_layout.addWidget(self.message)
        splitter.addWidget(top)
        splitter.addWidget(self.rubric)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(lambda: self._edit_programme(None))
        self.edit_button.clicked.connect(lambda: self._edit_programme(self.selected()))
        self.table.doubleClicked.connect(lambda _i: self._edit_programme(self.selected()))
        self.withdraw_button.clicked.connect(lambda: self._remove(programmes.withdraw_programme))
        self.delete_button.clicked.connect(lambda: self._remove(programmes.delete_programme))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        return page

    def _staff_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.staff_table = _table(
            [self.tr("Name"), self.tr("Role"), self.tr("Organisation"), self.tr("Cohorts")],
            "staffTable",
        )
        line, (self.add_staff_button, self.edit_staff_button) = self._buttons(
            ("addStaffButton", self.tr("Add staff member…")),
            ("editStaffButton", self.tr("Edit…")),
        )
        layout.addWidget(self.staff_table)
        layout.addLayout(line)
        self.add_staff_button.clicked.connect(lambda: self._edit_staff(None))
        self.edit_staff_button.clicked.connect(lambda: self._edit_staff(self.selected_staff()))
        self.staff_table.doubleClicked.connect(lambda _i: self._edit_staff(self.selected_staff()))
        return page

    # -- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        QueryOp(read_programmes).success(self._show_programmes).failure(self.message.setText).run(
            self.worker, self
        )
        QueryOp(read_staff).success(self._show_staff).run(self.worker, self)

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches_trainees() or changes.settings:
            self.refresh()
            self.matrix.refresh()
        elif changes.ratings:
            self.matrix.reload()

    def _show_programmes(self, rows: list[ProgrammeRow]) -> None:
        chosen = self.selected()
        self.rows = rows
        kinds = kind_names()
        _fill(
            self.table,
            [
                [
                    p.name,
                    kinds.get(p.kind, p.kind) or self.tr("Not set"),
                    p.school,
                    p.enterprise,
                    p.start_date.isoformat() if p.start_date else "",
                    p.end_date.isoformat() if p.end_date else "",
                    str(row.cohorts),
                ]
                for row in rows
                for p in (row.programme,)
            ],
        )
        keep = [n for n, r in enumerate(rows) if chosen and r.programme.uid == chosen.uid]
        if keep or rows:
            self.table.selectRow(keep[0] if keep else 0)
        else:
            self.message.setText(self.tr("No programme yet: add one with New programme…"))
        self._selection_changed()

    def _show_staff(self, found: tuple[list[staff.StaffView], list[str]]) -> None:
        self.staff, self.cohort_names = found
        roles = role_names()
        _fill(
            self.staff_table,
            [
                [m.name, roles.get(m.role, m.role), m.organisation, ", ".join(m.cohorts) or "—"]
                for m in self.staff
            ],
        )

    def selected(self) -> programmes.ProgrammeView | None:
        row = self.table.currentRow() if self.table.selectedItems() else -1
        return self.rows[row].programme if 0 <= row < len(self.rows) else None

    def selected_staff(self) -> staff.StaffView | None:
        row = self.staff_table.currentRow() if self.staff_table.selectedItems() else -1
        return self.staff[row] if 0 <= row < len(self.staff) else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        for button in (self.edit_button, self.withdraw_button, self.delete_button):
            button.setEnabled(chosen is not None)
        if chosen is None or self.rubric.programme != chosen.name:
            self.rubric.show_programme(chosen.name if chosen else "")

    # -- changing ---------------------------------------------------------------------------

    def _edit_programme(self, programme: programmes.ProgrammeView | None) -> ProgrammeDialog:
        dialog = ProgrammeDialog(self.worker, programme, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _edit_staff(self, member: staff.StaffView | None) -> StaffDialog:
        dialog = StaffDialog(self.worker, self.cohort_names, member, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _remove(self, call: object) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = (
            self.tr("Delete programme %1?")
            if call is programmes.delete_programme
            else self.tr("Withdraw programme %1?")
        ).replace("%1", chosen.name)
        if self.confirm(question):
            self.message.clear()
            CollectionOp(call, chosen.uid, changes=PEOPLE_CHANGED).success(  # type: ignore[arg-type]
                lambda _r: self.refresh()
            ).failure(self.message.setText).run(self.worker, self)

    def confirm(self, question: str) -> bool:
        """Asked before a programme is withdrawn or deleted (tests answer it)."""
        answer = QMessageBox.question(self, self.tr("Programmes"), question)
        return answer == QMessageBox.StandardButton.Yes
