"""Where the main window opens: its last place when that still fits the screen, else a size
that fits it — a 1366×768 laptop with its taskbar included.

The free area of a screen (``availableGeometry``) already leaves out the taskbar; the title bar
and borders the window manager adds are not known before the window is shown, so FRAME stands
in for them.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from .preferences import preferences

DEFAULT_SIZE = QSize(1280, 800)
FRAME = QMargins(8, 38, 8, 8)
GEOMETRY_KEY = "ui/geometry"
# The window's own rectangle, beside Qt's geometry blob: the blob cannot be read back, and
# restoring it squeezes a window onto any screen instead of saying it does not fit.
PLACE_KEY = "ui/window_rect"


def free_area(at: QPoint | None = None) -> QRect:
    """The free area (no taskbar) of the screen at ``at``, else of the primary screen."""
    screen = QGuiApplication.screenAt(at) if at is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fits(window: QRect, area: QRect) -> bool:
    """Whether a window of this rectangle, with its title bar and borders, lies within ``area``."""
    return window.isValid() and area.contains(window.marginsAdded(FRAME))


def first_geometry(area: QRect) -> QRect:
    """DEFAULT_SIZE, or as much of it as ``area`` holds with the frame, centred in ``area``."""
    room = area.marginsRemoved(FRAME)
    size = DEFAULT_SIZE.boundedTo(room.size())
    placed = QRect(QPoint(0, 0), size)
    placed.moveCenter(room.center())
    return placed


def fitting_size(wanted: QSize) -> QSize:
    """``wanted``, or as much of it as the primary screen's free area holds with the frame."""
    return wanted.boundedTo(free_area().marginsRemoved(FRAME).size())


def restore_geometry(window: QWidget) -> None:
    """The saved place when it fits the screen it was on; otherwise the first geometry."""
    prefs = preferences()
    blob = prefs.value(GEOMETRY_KEY)
    rect = prefs.value(PLACE_KEY)
    if (
        isinstance(blob, QByteArray)
        and not blob.isEmpty()
        and isinstance(rect, QRect)
        and fits(rect, free_area(rect.center()))
        and window.restoreGeometry(blob)
    ):
        return
    window.setGeometry(first_geometry(free_area()))


def save_geometry(window: QWidget) -> None:
    prefs = preferences()
    prefs.setValue(GEOMETRY_KEY, window.saveGeometry())
    prefs.setValue(PLACE_KEY, window.normalGeometry())
    prefs.sync()
