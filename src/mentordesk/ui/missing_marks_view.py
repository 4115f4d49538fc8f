"""The missing marks: the sessions of the last weeks with expected trainees not yet marked.

Today opens on this list when it has anything in it. Arrow keys move through it, Enter opens
the session at its first unrecorded trainee (``AttendancePanel.walk_unrecorded``), and the list
reads itself again whenever marks change, so a session leaves it once its last mark is in.
Which trainee is expected, and so what is missing, is core's rule (``core.expected``).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..core.expected import MISSING_DAYS, MissingMarks, missing_marks
from .coalesced_reload import CoalescedReload
from .operations import Changes, DatabaseWorker, QueryOp

Index = QModelIndex | QPersistentModelIndex
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MissingMarksModel(QAbstractTableModel):
    DATE, COHORT, SESSION, UNRECORDED = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MissingMarks] = []
        self._headers = (
            self.tr("Date"),
            self.tr("Cohort"),
            self.tr("Session"),
            self.tr("Unrecorded"),
        )

    def set_rows(self, rows: list[MissingMarks]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[MissingMarks]:
        return list(self._rows)

    def row_at(self, row: int) -> MissingMarks | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.DATE:
                return f"{m.held_on:%Y-%m-%d}"
            if column == self.COHORT:
                return m.cohort
            if column == self.SESSION:
                return m.title or "—"
            if column == self.UNRECORDED:
                return (
                    self.tr("%1 of %2 unrecorded")
                    .replace("%1", str(m.unrecorded))
                    .replace("%2", str(m.expected))
                )
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.UNRECORDED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class MissingMarksPanel(QWidget):
    """The list and its heading; ``chosen(session uid)`` on Enter or a double click,
    ``counted(number of sessions)`` after each read."""

    chosen = Signal(str)
    counted = Signal(int)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingMarksPanel")
        self.worker = worker
        self.read = False
        # One read at a time: marks made key by key ask for one more read, not one each.
        self._reading = False
        self._again = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("missingMarksHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 12pt;")
        self.table = QTableView(self)
        self.table.setObjectName("missingMarksTable")
        self.model = MissingMarksModel(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(36)
        font = self.table.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.table.setFont(font)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MissingMarksModel.SESSION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (1, 220), (3, 150)):
            self.table.setColumnWidth(column, width)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._choose(index.row()))
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self._show_heading()
        # The tab's count follows marks made in the roster beside it, once they pause.
        self._later = CoalescedReload(self, self.reload)
        worker.changes.subscribe(self, self._records_changed)
        self.reload()

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        QueryOp(missing_marks).success(self._arrived).failure(self._failed).run(self.worker, self)

    def _read_again(self) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.reload()

    def _records_changed(self, changes: Changes) -> None:
        if changes.attendance or changes.touches_sessions() or changes.touches_trainees():
            self._later.request()

    def _arrived(self, rows: list[MissingMarks]) -> None:
        self.read = True
        self._read_again()
        if self._reading:
            return  # a newer read is on its way
        current = self.model.row_at(self.table.currentIndex().row())
        keep = current.session_uid if current else None
        position = max(self.table.currentIndex().row(), 0)
        self.model.set_rows(rows)
        if rows:
            # The session under the cursor stays there; once it is done, the one after it.
            found = next((i for i, m in enumerate(rows) if m.session_uid == keep), None)
            row = found if found is not None else min(position, len(rows) - 1)
            self.table.setCurrentIndex(self.model.index(row, MissingMarksModel.DATE))
        self._show_heading()
        self.counted.emit(len(rows))

    def _failed(self, message: str) -> None:
        self._read_again()
        self.heading.setText(message)

    def _show_heading(self) -> None:
        rows = self.model.rows()
        self.table.setVisible(bool(rows))
        if not self.read:
            text = self.tr("Looking for missing marks…")
        elif not rows:
            text = self.tr(
                "Nothing is missing: every trainee expected at a session of the last %1 days "
                "has a mark."
            ).replace("%1", str(MISSING_DAYS))
        else:
            text = (
                self.tr(
                    "%1 sessions of the last %2 days have expected trainees without a mark "
                    "(%3 marks in all). Arrow keys choose, Enter opens the session at the "
                    "first of them."
                )
                .replace("%1", str(len(rows)))
                .replace("%2", str(MISSING_DAYS))
                .replace("%3", str(sum(m.unrecorded for m in rows)))
            )
        self.heading.setText(text)

    # -- choosing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key: QKeyEvent = event  # type: ignore[assignment]
            if key.key() in ENTER_KEYS:
                self._choose(self.table.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

    def _choose(self, row: int) -> None:
        found = self.model.row_at(row)
        if found is not None:
            self.chosen.emit(found.session_uid)

    def take_focus(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, MissingMarksModel.DATE))
