"""The calendar's week view: one row per cohort, one column per week, a cell per cohort-week.

A cell says where the cohort is that week by a letter (school, plant, both) and a colour, and
marks a week that holds a holiday or closure; its tooltip gives the dates and planned hours.
The cells are worked out once per read, so scrolling years of weeks paints without searching.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..core.calendar_plan import BlockView
from ..core.cohorts import CohortView
from ..core.days_off import DayOffView

SCHOOL_COLOUR = QColor("#90caf9")
PLANT_COLOUR = QColor("#ffb74d")
BOTH_COLOUR = QColor("#ce93d8")
TODAY_COLOUR = QColor("#e65100")
SELECTED_COLOUR = QColor("#263238")
# Weeks shown beyond the plans, so that an empty calendar still has weeks to look at.
WEEKS_AHEAD_WHEN_EMPTY = 12


@dataclass(frozen=True)
class CalendarOverview:
    """What the week view and the cohort's tabs show, read in one go on the worker."""

    cohorts: list[CohortView]
    blocks: dict[str, list[BlockView]]  # by cohort uid
    days_off: list[DayOffView]

    def days_off_of(self, cohort_name: str) -> list[DayOffView]:
        """The holidays of every cohort and this cohort's own closures."""
        return [d for d in self.days_off if d.cohort in ("", cohort_name)]


@dataclass
class _Cell:
    blocks: list[BlockView] = field(default_factory=list)
    off: list[DayOffView] = field(default_factory=list)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class CalendarWeekModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cohorts: list[CohortView] = []
        self._weeks: list[date] = []
        self._cells: dict[tuple[int, int], _Cell] = {}
        self._today = date.today()
        self._letters = {"school": self.tr("S"), "plant": self.tr("P")}
        self._places = {"school": self.tr("school"), "plant": self.tr("plant")}
        self._kinds = {"holiday": self.tr("holiday"), "closure": self.tr("closure")}

    # -- filling ----------------------------------------------------------------------------

    def set_overview(self, overview: CalendarOverview, today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._cohorts = list(overview.cohorts)
        every = [b for c in self._cohorts for b in overview.blocks.get(c.uid, [])]
        first = monday_of(min([today, *(b.starts_on for b in every)]))
        last = max([today + timedelta(weeks=WEEKS_AHEAD_WHEN_EMPTY), *(b.ends_on for b in every)])
        self._weeks = []
        week = first
        while week <= last:
            self._weeks.append(week)
            week += timedelta(days=7)
        self._cells = {}
        for row, cohort in enumerate(self._cohorts):
            for b in overview.blocks.get(cohort.uid, []):
                for column in self._columns(b.starts_on, b.ends_on):
                    self._cells.setdefault((row, column), _Cell()).blocks.append(b)
            for d in overview.days_off_of(cohort.name):
                for column in self._columns(d.day, d.day):
                    self._cells.setdefault((row, column), _Cell()).off.append(d)
        self.endResetModel()

    def _columns(self, start: date, end: date) -> range:
        if not self._weeks:
            return range(0)
        first = (monday_of(start) - self._weeks[0]).days // 7
        last = (monday_of(end) - self._weeks[0]).days // 7
        return range(max(first, 0), min(last, len(self._weeks) - 1) + 1)

    # -- reading ----------------------------------------------------------------------------

    def cohort_at(self, row: int) -> CohortView | None:
        return self._cohorts[row] if 0 <= row < len(self._cohorts) else None

    def row_of(self, cohort_uid: str) -> int:
        return next((n for n, c in enumerate(self._cohorts) if c.uid == cohort_uid), -1)

    def week_at(self, column: int) -> date | None:
        return self._weeks[column] if 0 <= column < len(self._weeks) else None

    def today_column(self) -> int:
        week = monday_of(self._today)
        return self._weeks.index(week) if week in self._weeks else -1

    def blocks_at(self, row: int, column: int) -> list[BlockView]:
        cell = self._cells.get((row, column))
        return list(cell.blocks) if cell else []

    def cell_letter(self, place: str) -> str:
        return self._letters.get(place, place)

    def cell_text(self, row: int, column: int) -> str:
        cell = self._cells.get((row, column))
        if cell is None:
            return ""
        places = []
        for b in cell.blocks:
            if b.place not in places:
                places.append(b.place)
        text = "/".join(self._letters.get(p, p) for p in places)
        # The diamond is explained by the legend above the table.
        return f"{text}◆" if cell.off else text

    # -- the model --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cohorts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._weeks)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        cell = self._cells.get((row, column))
        if role == Qt.ItemDataRole.BackgroundRole and cell and cell.blocks:
            places = {b.place for b in cell.blocks}
            if places == {"school"}:
                return SCHOOL_COLOUR
            return PLANT_COLOUR if places == {"plant"} else BOTH_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole and cell and cell.blocks:
            return QColor("#212121")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, cell)
        return None

    def _tooltip(self, row: int, column: int, cell: _Cell | None) -> str:
        cohort, week = self._cohorts[row], self._weeks[column]
        lines = [
            self.tr("%1 · week of %2").replace("%1", cohort.name).replace("%2", week.isoformat())
        ]
        if cell is None or not cell.blocks:
            lines.append(self.tr("No block planned this week"))
        for b in cell.blocks if cell else []:
            line = (
                self.tr("%1 from %2 to %3")
                .replace("%1", self._places.get(b.place, b.place))
                .replace("%2", b.starts_on.isoformat())
                .replace("%3", b.ends_on.isoformat())
            )
            if b.place == "plant":
                line += self.tr(", %1 planned hours").replace("%1", f"{b.planned_hours:g}")
            lines.append(line)
        for d in cell.off if cell else []:
            what = self._kinds.get(d.kind, d.kind)
            lines.append(f"{d.day.isoformat()} {what}" + (f": {d.label}" if d.label else ""))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._cohorts):
                return self._cohorts[section].name
            return None
        if not 0 <= section < len(self._weeks):
            return None
        week = self._weeks[section]
        this_week = week == monday_of(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            number = week.isocalendar()[1]
            return self.tr("W%1").replace("%1", str(number)) + f"\n{week:%m-%d}"
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tr("Week of %1").replace("%1", week.isoformat())
            return text + ("\n" + self.tr("This week") if this_week else "")
        if role == Qt.ItemDataRole.FontRole and this_week:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and this_week:
            return TODAY_COLOUR
        return None


class WeekDelegate(QStyledItemDelegate):
    """Paints the cells, and a line either side of this week's column."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Painted by hand: the selection is a dark frame, not the style's highlight, so that the
        # cell keeps its place's colour, which is what the user reads.
        rect = option.rect  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.save()
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        palette = option.palette  # type: ignore[attr-defined]
        painter.fillRect(rect, background if isinstance(background, QColor) else palette.base())
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            painter.setPen(foreground if isinstance(foreground, QColor) else palette.text().color())
            painter.setFont(option.font)  # type: ignore[attr-defined]
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        if selected:
            painter.setPen(QPen(SELECTED_COLOUR, 3))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.restore()
        model = index.model()
        if isinstance(model, CalendarWeekModel) and index.column() == model.today_column():
            painter.save()
            painter.setPen(QPen(TODAY_COLOUR, 2))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.drawLine(rect.topRight(), rect.bottomRight())
            painter.restore()
