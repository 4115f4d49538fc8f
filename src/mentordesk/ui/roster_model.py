"""A session's roster as an item model: one row per trainee, the mark held in plain rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.capture_views import RosterRow
from ..core.time_and_hours import hours_text
from .localised import localised

Index = QModelIndex | QPersistentModelIndex

# Single keys a technician presses; shown on the buttons and in the Status column.
STATUS_KEYS = {"present": "P", "late": "L", "left_early": "O", "absent": "A", "excused": "E"}
STATUS_COLOURS = {
    "present": "#c8e6c9",
    "late": "#ffe0b2",
    "left_early": "#fff59d",
    "absent": "#ffcdd2",
    "excused": "#cfd8dc",
}


class RosterModel(QAbstractTableModel):
    NUMBER, TRAINEE_ID, NAME, STATUS, LATE, HOURS, NOTE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RosterRow] = []
        self._headers = (
            "#",
            self.tr("Trainee ID"),
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Late (min)"),
            self.tr("Hours"),
            self.tr("Note"),
        )
        self.status_names = {
            "present": self.tr("Present"),
            "late": self.tr("Late"),
            "left_early": self.tr("Left early"),
            "absent": self.tr("Absent"),
            "excused": self.tr("Excused"),
        }
        # The roster's counts: the marks, who is still to mark, who is away on leave.
        self.count_names = dict(
            self.status_names, unmarked=self.tr("Unmarked"), on_leave=self.tr("On leave")
        )
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {k: QBrush(QColor(v)) for k, v in STATUS_COLOURS.items()}

    # -- content --------------------------------------------------------------------------

    def set_rows(self, rows: list[RosterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RosterRow]:
        return list(self._rows)

    def row_at(self, row: int) -> RosterRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, trainee_uid: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.trainee_uid == trainee_uid), -1)

    def update_row(self, row: RosterRow) -> int:
        """Show a changed row (after a mark, an undo or a redo); returns its position."""
        i = self.row_of(row.trainee_uid)
        if i < 0:
            i = len(self._rows)
            self.beginInsertRows(QModelIndex(), i, i)
            self._rows.append(row)
            self.endInsertRows()
            return i
        self._rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, self.NOTE))
        return i

    def counts(self) -> dict[str, int]:
        """Marks by status; ``unmarked``: expected and not marked yet; ``on_leave``: on
        approved leave and not marked (nobody has to mark them)."""
        found = {k: 0 for k in (*STATUS_KEYS, "unmarked", "on_leave")}
        for r in self._rows:
            found[r.status or ("on_leave" if r.on_leave else "unmarked")] += 1
        return found

    # -- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        mark = row.mark
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return index.row() + 1
            if column == self.TRAINEE_ID:
                return row.trainee_id
            if column == self.NAME:
                return row.name
            if column == self.STATUS:
                if mark is None and row.on_leave:
                    return self.tr("On leave")
                if mark is None:
                    return self.tr("— unmarked")
                return f"{STATUS_KEYS[mark.status]}  {self.status_names[mark.status]}"
            if mark is None:
                return ""
            if column == self.LATE:
                return mark.minutes_late or ""
            if column == self.HOURS:
                return localised(hours_text(mark.hours))
            if column == self.NOTE:
                return mark.note
        elif role == Qt.ItemDataRole.BackgroundRole and column == self.STATUS and mark:
            return self._brushes[mark.status]
        elif role == Qt.ItemDataRole.FontRole and column in (self.NAME, self.STATUS):
            return self._bold
        elif role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and mark is None:
            return QColor("#757575")
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column in (self.NAME, self.STATUS) and row.on_leave:
                return self.tr("On approved leave this day: not expected, not absent")
            if column == self.NAME and not row.expected:
                return self.tr("Not in this session's cohort on this date, but marked")
            if column == self.NOTE and mark and mark.note:
                return mark.note
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.NUMBER,
            self.LATE,
            self.HOURS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
