"""A view's reading again after records changed elsewhere: once after a burst of changes.

The database worker is one thread. A view that read again on every change notice would queue a
read behind every mark a mentor types, and the next mark would wait for it: marking a roster is
a burst of changes, and the view only needs to be right once the burst is over. A hidden view
may also wait until it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Long enough to span the pause between two keypresses of someone marking a roster.
QUIET_MS = 600


class CoalescedReload(QObject):
    """Calls ``reload`` once no ``request`` has come for ``quiet_ms``; with ``wait_hidden``,
    not while ``view`` is hidden, but as soon as it is shown again."""

    def __init__(
        self,
        view: QWidget,
        reload: Callable[[], None],
        *,
        quiet_ms: int = QUIET_MS,
        wait_hidden: bool = False,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._reload = reload
        self._wait_hidden = wait_hidden
        self._due = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self._fire)
        if wait_hidden:
            view.installEventFilter(self)

    @property
    def due(self) -> bool:
        """A reading was asked for and has not been made yet."""
        return self._due

    def request(self) -> None:
        self._due = True
        if not (self._wait_hidden and not self._view.isVisible()):
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show and self._due:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self._due or (self._wait_hidden and not self._view.isVisible()):
            return
        self._due = False
        self._reload()
