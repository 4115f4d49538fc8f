"""The Sync area's dry-run table: one row per record a workbook would add, change or refuse."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..core.import_report import CONFLICT, NEW, REJECTED, UNCHANGED, UPDATED, Outcome
from ..exchange.headers import CHINESE
from .localised import localised
from .translation import current_language

RECORD_COLUMN = 3
COLOURS = {
    NEW: "#1b5e20",
    UPDATED: "#0d47a1",
    UNCHANGED: "#616161",
    REJECTED: "#b00020",
    CONFLICT: "#e65100",
}


class PreviewModel(QAbstractTableModel):
    """One row per outcome of a dry run: sheet, row, outcome, record, fields or reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Outcome] = []
        self._rows: list[Outcome] = []
        self._show_unchanged = False
        self._headers = [
            self.tr("Sheet"),
            self.tr("Row"),
            self.tr("Outcome"),
            self.tr("Record"),
            self.tr("Fields / reason"),
        ]
        self._outcomes = {
            NEW: self.tr("new"),
            UPDATED: self.tr("updated"),
            UNCHANGED: self.tr("unchanged"),
            REJECTED: self.tr("rejected"),
            CONFLICT: self.tr("conflict"),
        }

    def set_outcomes(self, outcomes: list[Outcome]) -> None:
        self.beginResetModel()
        self._all = list(outcomes)
        self._filter()
        self.endResetModel()

    def set_show_unchanged(self, show: bool) -> None:
        self.beginResetModel()
        self._show_unchanged = show
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self._rows = [o for o in self._all if self._show_unchanged or o.outcome != UNCHANGED]

    def _detail(self, o: Outcome) -> str:
        """The changed fields, named as the workbook's columns are (in Chinese, interchange.md's
        Chinese headers); else the reason for a refusal, as the importer gave it."""
        if o.reason:
            return localised(o.reason)
        if current_language() != "zh_CN":
            return o.detail
        return self.tr(", ", "between the items of a list").join(
            CHINESE.get(name, name) for name in o.fields
        )

    def outcome(self, row: int) -> Outcome:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        o = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                o.sheet,
                o.row,
                self._outcomes.get(o.outcome, o.outcome),
                localised(o.record),
                self._detail(o),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= RECORD_COLUMN:
            return (localised(o.record), self._detail(o))[index.column() - RECORD_COLUMN] or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QBrush(QColor(COLOURS.get(o.outcome, "#000000")))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
