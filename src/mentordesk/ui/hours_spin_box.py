"""An editor of credited hours that reads and takes hours and minutes ("7 h 40 min").

Technicians type what is quickest: "5", "7.5", "7:40", "7 h 40 min", "40 min", "7小时40分".
It shows what they would say, through the one formatting function (``hours_text``), so the
roster, the record and this editor all read the same.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from ..core.time_and_hours import hours_text
from .localised import localised

# "7:40"; or a number of hours and/or minutes, each with its unit in English or Chinese.
_CLOCK = re.compile(r"^\s*(\d+)\s*:\s*(\d{1,2})\s*$")
_PARTS = re.compile(
    r"^\s*(?:(\d+(?:[.,]\d*)?)(?![\d.,])\s*(?:h|hr|hrs|hours?|小时|时)?)?\s*"
    r"(?:(\d+)\s*(?:m|min|mins|minutes?|分钟|分)?)?\s*$",
    re.IGNORECASE,
)
_TYPING = re.compile(r"^[\d\s.,:a-zA-Z小时分钟]*$")


def parse_hours(text: str) -> float | None:
    """Hours from what a person typed; None when it is not (yet) a number of hours."""
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes = int(clock[1]), int(clock[2])
        return hours + minutes / 60 if minutes < 60 else None
    parts = _PARTS.match(text)
    if not parts or not (parts[1] or parts[2]):
        return None
    first = float(parts[1].replace(",", ".")) if parts[1] else 0.0
    return first + (int(parts[2]) / 60 if parts[2] else 0.0)


class HoursSpinBox(QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Minutes survive the round trip (7 h 40 min is 7.6667, not 7.67).
        self.setDecimals(4)

    def setSuffix(self, suffix: str) -> None:
        """The unit is part of the text ("7 h 40 min"): a separate suffix would repeat it."""
        super().setSuffix("")

    def setDecimals(self, prec: int) -> None:
        super().setDecimals(max(prec, 4))

    def textFromValue(self, value: float) -> str:
        return localised(hours_text(value))

    def valueFromText(self, text: str) -> float:
        hours = parse_hours(text)
        return self.value() if hours is None else hours

    def validate(self, text: str, pos: int) -> object:
        hours = parse_hours(text)
        if hours is not None:
            if self.minimum() <= hours <= self.maximum():
                return QValidator.State.Acceptable, text, pos
            return QValidator.State.Intermediate, text, pos  # "45" on the way to "45 min"
        if _TYPING.match(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromValue(self.value())

    def _widened(self, hint: QSize) -> QSize:
        # Qt sizes a spin box for its minimum and maximum ("24 h"); the widest text it shows
        # has minutes as well.
        metrics = self.fontMetrics()
        widest = metrics.horizontalAdvance(self.textFromValue(self.maximum() - 1 / 60))
        shortest = metrics.horizontalAdvance(self.textFromValue(self.maximum()))
        return QSize(hint.width() + max(0, widest - shortest), hint.height())

    def sizeHint(self) -> QSize:
        return self._widened(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._widened(super().minimumSizeHint())
