"""The trainee list as an item model: a plain list of rows, no item objects per cell."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..core.entry_rules import Verdict
from ..core.trainees import TraineeRow
from .localised import localised

Index = QModelIndex | QPersistentModelIndex


class TraineeTableModel(QAbstractTableModel):
    COLUMNS = ("trainee_id", "name", "cohort", "track", "employee_no", "status", "entry")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TraineeRow] = []
        # Entry rules of on-the-job cohorts, by trainee uid; advice for HR, never a refusal.
        self._verdicts: dict[str, Verdict] = {}
        self._headers = (
            self.tr("Trainee ID"),
            self.tr("Name"),
            self.tr("Cohort"),
            self.tr("Track"),
            self.tr("Employee no."),
            self.tr("Status"),
            self.tr("Entry rules"),
        )
        self._statuses = {
            "active": self.tr("active"),
            "withdrawn": self.tr("withdrawn"),
            "graduated": self.tr("graduated"),
        }

    def set_rows(self, rows: list[TraineeRow], verdicts: dict[str, Verdict] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._verdicts = verdicts or {}
        self.endResetModel()

    @property
    def judges_entry(self) -> bool:
        """Whether any listed trainee's cohort sets entry rules (else the column stays hidden)."""
        return any(r.uid in self._verdicts for r in self._rows)

    def _entry(self, uid: str, role: int) -> object:
        verdict = self._verdicts.get(uid)
        if verdict is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return localised(verdict.reason)
        if role == Qt.ItemDataRole.ForegroundRole:
            from PySide6.QtGui import QColor

            return QColor("#1b5e20" if verdict.meets else "#b71c1c")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if verdict.meets:
            return self.tr("Meets entry rules")
        return self.tr("Does not: %1").replace("%1", localised(verdict.reason))

    def row_at(self, row: int) -> TraineeRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, uid: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.uid == uid), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if self.COLUMNS[index.column()] == "entry":
            return self._entry(self._rows[index.row()].uid, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._rows[index.row()]
            key = self.COLUMNS[index.column()]
            value = getattr(row, key)
            return self._statuses.get(value, value) if key == "status" else value
        if role == Qt.ItemDataRole.ForegroundRole and self._rows[index.row()].status != "active":
            from PySide6.QtGui import QColor

            return QColor("#777777")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
