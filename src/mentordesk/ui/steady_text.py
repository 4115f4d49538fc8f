"""A short text that changes often without relaying out its window (a QLabel would): the
roster's counts, and the trainee a note is for, both changed on every keypress of marking."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SEPARATOR = "  ·  "


class SteadyText(QWidget):
    """At most two lines, broken only at ``separator`` and elided past the second;
    ``set_text`` repaints only this widget, whose height never changes.

    Replaces a placeholder ``QLabel`` of a form, taking over its font and style sheet.
    """

    def __init__(self, placeholder: QLabel, separator: str = SEPARATOR) -> None:
        super().__init__(placeholder.parentWidget())
        self.separator = separator
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
            # What a QLabel would have told a screen reader.
            self.setAccessibleName(text)
            self.update()

    def sizeHint(self) -> QSize:
        # Room for two lines from the start: a text that grows never relays out the window.
        return QSize(200, 2 * self.fontMetrics().lineSpacing() + 8)

    def _lines(self) -> list[str]:
        """The text in as few lines as fit the width, broken only between its parts."""
        metrics = self.fontMetrics()
        lines: list[str] = []
        for part in self._text.split(self.separator):
            joined = f"{lines[-1]}{self.separator}{part}" if lines else part
            # Strictly narrower: a line exactly as wide as the widget is elided when drawn.
            if lines and metrics.horizontalAdvance(joined) < self.width():
                lines[-1] = joined
            else:
                lines.append(part)
        return lines

    def shown_lines(self) -> list[str]:
        """The lines drawn: what does not fit in two goes on the second, cut with an ellipsis."""
        lines = self._lines()
        if len(lines) > 2:
            lines = [lines[0], self.separator.join(lines[1:])]
        metrics = self.fontMetrics()
        return [
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, self.width()) for line in lines
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self.rect(),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            "\n".join(self.shown_lines()),
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
