"""Target vs latest level per skill of a post, as paired bars drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.readiness import Readiness

TARGET = QColor("#b0bec5")
MET = QColor("#2e7d32")
BELOW = QColor("#ef6c00")
TEXT = QColor("#37474f")
GRID = QColor("#cfd8dc")


def gap_colour(gap: int | None) -> QColor:
    """At target green, one level short amber, more red, not rated grey."""
    if gap is None:
        return QColor("#eceff1")
    if gap == 0:
        return QColor("#c8e6c9")
    return QColor("#ffe0b2") if gap == 1 else QColor("#ffcdd2")


class ReadinessChart(QWidget):
    """One group per skill: the target (grey) beside the latest level (green at target,
    orange below; none drawn when not rated)."""

    def __init__(self, readiness: Readiness, max_level: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.readiness = readiness
        self.max_level = max(
            [max_level, *(s.target for s in readiness.skills)]
            + [s.level for s in readiness.skills if s.level is not None]
        )
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(
            "; ".join(f"{s.code}: {s.level}/{s.target}" for s in readiness.skills)
        )
        self.setToolTip(
            "\n".join(
                f"{s.code} {s.name}: {'—' if s.level is None else s.level} / {s.target}"
                for s in readiness.skills
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(max(360, 70 * len(self.readiness.skills)), 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        plot = QRectF(30, 8, self.width() - 40, self.height() - 16 - line * 2)
        painter.setPen(QPen(GRID, 1))
        for level in range(self.max_level + 1):
            y = plot.bottom() - plot.height() * level / max(self.max_level, 1)
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(0, y - line / 2, 24, line), Qt.AlignmentFlag.AlignRight, str(level)
            )
            painter.setPen(QPen(GRID, 1))
        skills = self.readiness.skills
        if not skills:
            return
        slot = plot.width() / len(skills)
        bar = min(22.0, slot / 3)
        for n, s in enumerate(skills):
            left = plot.left() + slot * n + slot / 2 - bar
            for k, (value, colour) in enumerate(
                ((s.target, TARGET), (s.level, MET if s.gap == 0 else BELOW))
            ):
                if value is None:
                    continue
                height = plot.height() * value / max(self.max_level, 1)
                painter.fillRect(
                    QRectF(left + k * bar, plot.bottom() - height, bar - 2, height), colour
                )
            painter.setPen(TEXT)
            label = s.code if s.level is not None else f"{s.code} ?"
            painter.drawText(
                QRectF(plot.left() + slot * n, plot.bottom() + 4, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot)),
            )
        painter.end()
