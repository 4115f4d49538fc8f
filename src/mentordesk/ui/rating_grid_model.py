"""The rating grid as an item model: trainees down, the module's skills across."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..core.ratings import GridCell, GridTrainee, RatingGrid
from ..core.rubrics import SkillView

Index = QModelIndex | QPersistentModelIndex

# Light to dark: a glance down a column shows who is behind.
LEVEL_SHADES = ("#fff3e0", "#ffe0b2", "#c8e6c9", "#a5d6a7", "#81c784", "#66bb6a", "#4caf50")


class RatingGridModel(QAbstractTableModel):
    """Column 0 is the trainee; column n (n ≥ 1) is skill n − 1."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: RatingGrid | None = None

    def set_grid(self, grid: RatingGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def trainee_at(self, row: int) -> GridTrainee | None:
        if self.grid is None or not 0 <= row < len(self.grid.trainees):
            return None
        return self.grid.trainees[row]

    def skill_at(self, column: int) -> SkillView | None:
        if self.grid is None or not 1 <= column <= len(self.grid.skills):
            return None
        return self.grid.skills[column - 1]

    def cell_at(self, row: int, column: int) -> GridCell | None:
        trainee, skill = self.trainee_at(row), self.skill_at(column)
        if trainee is None or skill is None or self.grid is None:
            return None
        return self.grid.cell(trainee.uid, skill.uid)

    def set_cell(
        self,
        trainee_uid: str,
        skill_uid: str,
        rating_uid: str | None,
        level: int | None,
        evidence: str,
    ) -> None:
        """Show a rating given, corrected, cleared or put back, without reloading the grid."""
        if self.grid is None:
            return
        old = self.grid.cell(trainee_uid, skill_uid)
        self.grid.cells[(trainee_uid, skill_uid)] = replace(
            old, rating_uid=rating_uid, level=level, evidence=evidence
        )
        row = next((i for i, t in enumerate(self.grid.trainees) if t.uid == trainee_uid), -1)
        column = next((i + 1 for i, s in enumerate(self.grid.skills) if s.uid == skill_uid), -1)
        if row >= 0 and column >= 0:
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    # -- text shown -----------------------------------------------------------------------

    def cell_text(self, cell: GridCell) -> str:
        assert self.grid is not None
        if cell.level is None:
            return f"({cell.previous_level})" if cell.previous_level is not None else ""
        label = self.grid.label(cell.level)
        if cell.previous_level is None:
            return f"{cell.level} {label}"
        return f"{cell.previous_level} → {cell.level} {label}"

    def tooltip(self, skill: SkillView, cell: GridCell) -> str:
        assert self.grid is not None
        lines = [f"<b>{escape(skill.code)} {escape(skill.name)}</b>"]
        if cell.level is not None:
            lines.append(
                f"{cell.level} {escape(self.grid.label(cell.level))}: "
                f"{escape(skill.descriptor(cell.level))}"
            )
        else:
            lines.append(escape(self.tr("Not rated at this session — type a level number")))
        if cell.previous_level is not None:
            lines.append(
                escape(
                    self.tr("Before: %1 %2 (%3)")
                    .replace("%1", str(cell.previous_level))
                    .replace("%2", self.grid.label(cell.previous_level))
                    .replace("%3", f"{cell.previous_on:%Y-%m-%d}" if cell.previous_on else "")
                )
            )
        if cell.evidence:
            lines.append(escape(self.tr("Evidence: %1").replace("%1", cell.evidence)))
        return "<br>".join(lines)

    # -- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.trainees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.skills) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        trainee = self.grid.trainees[row]
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return trainee.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{trainee.name} · {trainee.trainee_id}"
            return None
        skill = self.grid.skills[column - 1]
        cell = self.grid.cell(trainee.uid, skill.uid)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(skill, cell)
        if role == Qt.ItemDataRole.BackgroundRole and cell.level is not None:
            return QBrush(QColor(LEVEL_SHADES[min(cell.level, len(LEVEL_SHADES)) - 1]))
        if role == Qt.ItemDataRole.ForegroundRole and cell.level is None:
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self.grid is None or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Trainee") if role == Qt.ItemDataRole.DisplayRole else None
        skill = self.grid.skills[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{skill.code}\n{skill.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{skill.code} {skill.name} ({skill.area})"
        return None
