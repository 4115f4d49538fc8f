"""A trainee's attendance history as an item model (the trainee record's first tab)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..core.time_and_hours import hours_text
from ..core.trainee_record import AttendanceEntry
from .localised import localised
from .roster_model import STATUS_COLOURS

Index = QModelIndex | QPersistentModelIndex


class AttendanceHistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[AttendanceEntry, ...] = ()
        self._headers = (
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Module · task"),
            self.tr("Status"),
            self.tr("Late (min)"),
            self.tr("Hours"),
            self.tr("Note"),
        )
        self._statuses = {
            "present": self.tr("Present"),
            "late": self.tr("Late"),
            "left_early": self.tr("Left early"),
            "absent": self.tr("Absent"),
            "excused": self.tr("Excused"),
        }

    def set_rows(self, rows: tuple[AttendanceEntry, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                # The weekday in the interface's language (strftime's %a is always English).
                held_on = QDate(e.held_on.year, e.held_on.month, e.held_on.day)
                return QLocale().toString(held_on, "yyyy-MM-dd ddd")
            if column == 1:
                return (
                    f"{e.start_time:%H:%M}–{e.end_time:%H:%M}"
                    if e.start_time and e.end_time
                    else ""
                )
            if column == 2:
                return " · ".join(p for p in (e.module, e.task) if p)
            if column == 3:
                return self._statuses.get(e.status, e.status)
            if column == 4:
                return e.minutes_late or ""
            if column == 5:
                return localised(hours_text(e.hours))
            return e.note
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            return QBrush(QColor(STATUS_COLOURS.get(e.status, "#ffffff")))
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 6):
            return self.data(index)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
