"""The scanner box of the Today area: a session's code, scanned from a sign-in sheet or typed.

A hand scanner is a keyboard: it types the QR code's text and presses Enter. The text is read
with ``core.session_codes`` (the command line reads it the same way) and the session it names
is opened. A scan that lands in the roster instead would be taken for marks (the code's letters
are status keys), so the roster hands a code's first letter to this box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ..core.capture_views import SessionView
from ..core.session_codes import PREFIX, session_uid_from_scan
from ..core.workshop_sessions import get_session
from .operations import DatabaseWorker, QueryOp

COMMAND_KEYS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class ScannerBox(QLineEdit):
    """Enter reads the code; ``scanned(uid)`` once the session it names is known."""

    scanned = Signal(str)

    def __init__(
        self,
        worker: DatabaseWorker,
        report: Callable[[str, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerBox")
        self.worker = worker
        self._report = report
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Scan or type a session code (Ctrl+K)"))
        self.setToolTip(
            self.tr(
                "Scan the QR code of a paper sign-in sheet, or type the session's id, then "
                "press Enter: the session opens."
            )
        )
        self.setMinimumWidth(260)
        self.returnPressed.connect(self.read_code)

    def read_code(self) -> None:
        text = self.text()
        if not text.strip():
            return
        uid = session_uid_from_scan(text)
        if uid is None:
            shown = text.strip()
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            self._refused(
                self.tr(
                    "“%1” is not a session code. Scan the QR code printed on a sign-in sheet, "
                    "or type the session's id."
                ).replace("%1", shown)
            )
            return
        QueryOp(get_session, uid).success(self._found).failure(self._refused).run(self.worker, self)

    def _found(self, view: SessionView) -> None:
        self.clear()
        self._report(self.tr("Opened from its code: %1").replace("%1", view.title), False)
        self.scanned.emit(view.uid)

    def _refused(self, message: str) -> None:
        self._report(message, True)
        self.setFocus()
        self.selectAll()

    def catch_from(self, widget: QWidget) -> None:
        """A code typed into ``widget`` comes here from its first letter on."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key: QKeyEvent = event  # type: ignore[assignment]
            text = key.text()
            # "m" starts every sheet's code and is no status key: the rest of it follows here.
            if text and text.lower() == PREFIX[0] and not key.modifiers() & COMMAND_KEYS:
                self.setFocus()
                self.setText(text)
                return True
        return super().eventFilter(watched, event)
