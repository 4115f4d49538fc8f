"""The calendar's short lists (a cohort's blocks, days off, coming sessions) as table models.

Each row is the text of its columns and the record it stands for, so the area can act on the
row selected without another read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

GREYED = QColor("#757575")


class RecordListModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[object, list[str], bool]] = []

    def set_rows(self, rows: Sequence[tuple[object, Sequence[str], bool]]) -> None:
        """(record, the columns' text, greyed: e.g. a cancelled session)."""
        self.beginResetModel()
        self._rows = [(record, list(texts), greyed) for record, texts, greyed in rows]
        self.endResetModel()

    def record_at(self, row: int) -> object:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        _record, texts, greyed = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and greyed:
            return GREYED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
