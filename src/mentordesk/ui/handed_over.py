"""A window the trainee holds on the shared PC (self-assessment, reading and signing a sheet).

It covers the application and refuses to close (close button, Escape, Alt+F4) until the
mentor's PIN, set when the PC was handed over (``core/hand_back.py``), opens it again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..core.hand_back import HandBackLock


class HandedOverWindow(QWidget):
    """Frameless and application-modal; ``handed_back`` once the mentor's PIN opened it."""

    handed_back = Signal()

    def __init__(
        self, lock: HandBackLock, ask_pin: Callable[[QWidget], str | None] | None = None
    ) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.lock = lock
        self._ask_pin = ask_pin or self._pin_dialog
        self._open = False

    def _say(self, text: str) -> None:
        """Show ``text`` to whoever holds the PC (each window has its message line)."""
        raise NotImplementedError

    def _pin_dialog(self, parent: QWidget) -> str | None:
        pin, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("HandedOverWindow", "Hand back to mentor"),
            QCoreApplication.translate("HandedOverWindow", "Mentor's PIN:"),
            QLineEdit.EchoMode.Password,
        )
        return pin if ok else None

    def ask_to_hand_back(self) -> bool:
        pin = self._ask_pin(self)
        return self.hand_back(pin) if pin is not None else False

    def hand_back(self, pin: str) -> bool:
        """Close when ``pin`` is the mentor's; else say so and stay."""
        if not self.lock.opens(pin):
            self._say(
                QCoreApplication.translate("HandedOverWindow", "That is not the mentor's PIN.")
            )
            return False
        self._open = True
        self.close()
        self.handed_back.emit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._open:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
