"""A one-line text that changes often without relaying out its window (a QLabel would)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class CountsLine(QWidget):
    """Shows the roster's counts; ``set_text`` repaints only this line.

    Replaces a placeholder ``QLabel`` of a form, taking over its font and style sheet.
    """

    def __init__(self, placeholder: QLabel) -> None:
        super().__init__(placeholder.parentWidget())
        self.setObjectName(placeholder.objectName())
        self.setStyleSheet(placeholder.styleSheet())
        self.setFont(placeholder.font())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._text = ""
        layout = placeholder.parentWidget().layout() if placeholder.parentWidget() else None
        container = _layout_holding(layout, placeholder) if layout else None
        if container is not None:
            container.replaceWidget(placeholder, self)
        placeholder.hide()
        placeholder.deleteLater()

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setToolTip(text)
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(
            self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
        )
        painter.end()


def _layout_holding(layout, widget: QWidget):
    """The layout (possibly nested) that directly holds ``widget``."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return layout
        inner = item.layout()
        if inner is not None:
            found = _layout_holding(inner, widget)
            if found is not None:
                return found
    return None
