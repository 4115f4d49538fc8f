"""A small chart of one skill's level over time, drawn with QPainter (no QtCharts needed)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.trainee_record import SkillHistory

LINE = QColor("#1565c0")
GRID = QColor("#cfd8dc")
TEXT = QColor("#37474f")


class LevelChart(QWidget):
    def __init__(
        self,
        history: SkillHistory,
        max_level: int,
        labels: dict[int, str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.history = history
        self.labels = labels or {}
        self.max_level = max(max_level, max((p.level for p in history.points), default=1))
        self.setMinimumSize(280, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        latest = history.latest
        self.setToolTip(
            "\n".join(
                f"{p.rated_on:%Y-%m-%d}: {p.level}" + (f" — {p.evidence}" if p.evidence else "")
                for p in history.points
            )
        )
        self.setAccessibleName(f"{history.code} {history.name}: {latest}")

    def sizeHint(self) -> QSize:
        return QSize(360, 150)

    def _x(self, day: date, first: date, last: date, plot: QRectF) -> float:
        span = (last - first).days
        if span == 0:
            return plot.center().x()
        return plot.left() + plot.width() * (day - first).days / span

    def _y(self, level: int, plot: QRectF) -> float:
        if self.max_level <= 1:
            return plot.center().y()
        return plot.bottom() - plot.height() * (level - 1) / (self.max_level - 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title = QFont(self.font())
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(TEXT)
        header = QRectF(4, 2, self.width() - 8, 20)
        latest = self.history.latest
        # The level reached, on the right: what a reader looks for first.
        now = f"{latest} {self.labels.get(latest, '')}".strip() if latest is not None else ""
        now_width = painter.fontMetrics().horizontalAdvance(now) + 8 if now else 0
        painter.setPen(LINE)
        painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, now)
        painter.setPen(TEXT)
        text = painter.fontMetrics().elidedText(
            f"{self.history.code} {self.history.name}",
            Qt.TextElideMode.ElideRight,
            int(header.width() - now_width),
        )
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(self.font())
        plot = QRectF(30, 30, self.width() - 46, self.height() - 52)
        for level in range(1, self.max_level + 1):
            y = self._y(level, plot)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT)
            painter.drawText(QRectF(4, y - 9, 20, 18), Qt.AlignmentFlag.AlignRight, str(level))
        points = self.history.points
        if not points:
            return
        first, last = points[0].rated_on, points[-1].rated_on
        painter.setPen(TEXT)
        bottom = QRectF(4, plot.bottom() + 4, self.width() - 8, 16)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, f"{first:%Y-%m-%d}")
        if last != first:
            painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, f"{last:%Y-%m-%d}")
        xy = [
            QPointF(self._x(p.rated_on, first, last, plot), self._y(p.level, plot)) for p in points
        ]
        painter.setPen(QPen(LINE, 2))
        for a, b in pairwise(xy):
            painter.drawLine(a, b)
        painter.setBrush(LINE)
        for p in xy:
            painter.drawEllipse(p, 3.5, 3.5)
        painter.end()
