"""Paints a rating cell: the level big, its label beside it, the previous level underneath."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .rating_grid_model import RatingGridModel

UP, DOWN, SAME = "#1b5e20", "#b71c1c", "#616161"


class RatingCellDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._font_cache: tuple[str, tuple[QFont, QFont, QFont]] | None = None

    def _fonts(self, font: QFont) -> tuple[QFont, QFont, QFont]:
        """The cell's font, the level's (bigger, bold) and the previous level's (smaller)."""
        key = font.key()
        if self._font_cache is None or self._font_cache[0] != key:
            big = QFont(font)
            big.setPointSizeF(font.pointSizeF() * 1.5)
            big.setBold(True)
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.85)
            self._font_cache = (key, (QFont(font), big, small))
        return self._font_cache[1]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        if not isinstance(model, RatingGridModel) or index.column() == 0 or model.grid is None:
            super().paint(painter, option, index)
            return
        cell = model.cell_at(index.row(), index.column())
        if cell is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        elif background is not None:
            painter.fillRect(option.rect, background)
        text_colour = option.palette.highlightedText().color() if selected else QColor("#212121")
        r = option.rect.adjusted(6, 2, -4, -2)
        base, big, small = self._fonts(option.font)
        if cell.level is not None:
            painter.setFont(big)
            painter.setPen(text_colour)
            number_rect = QRect(r.left(), r.top(), 26, r.height())
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, str(cell.level))
            painter.setFont(base)
            label_rect = QRect(r.left() + 30, r.top(), r.width() - 30, r.height() // 2 + 2)
            label = painter.fontMetrics().elidedText(
                model.grid.label(cell.level), Qt.TextElideMode.ElideRight, label_rect.width()
            )
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, label
            )
        if cell.previous_level is not None:
            painter.setFont(small)
            if cell.level is None:
                colour, text = SAME, self.tr("before: %1").replace("%1", str(cell.previous_level))
            else:
                delta = cell.level - cell.previous_level
                arrow = "▲" if delta > 0 else "▼" if delta < 0 else "="
                colour = UP if delta > 0 else DOWN if delta < 0 else SAME
                text = (
                    self.tr("%1 was %2")
                    .replace("%1", arrow)
                    .replace("%2", str(cell.previous_level))
                )
            painter.setPen(text_colour if selected else QColor(colour))
            if cell.level is None:
                painter.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
            else:
                below = QRect(
                    r.left() + 30, r.top() + r.height() // 2 + 2, r.width() - 30, r.height() // 2
                )
                painter.drawText(
                    below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text
                )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(130, 40)
