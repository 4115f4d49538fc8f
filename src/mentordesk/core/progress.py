"""Progress reporting and cancelling for long work (exports, imports, batches of sheets).

Services take a ``Progress``; the GUI passes one that feeds a progress bar from a worker
thread, the command line one that prints, tests one that records or cancels.
"""

from __future__ import annotations

from .errors import UserError
from .wording import user_text


class Cancelled(UserError):
    """The user cancelled; whatever the work had written is rolled back or removed."""

    def __init__(self, message: str | None = None) -> None:
        if message is None:
            message = user_text("Progress", "Cancelled; nothing was changed")
        super().__init__(message)


class Progress:
    """Does nothing but count; subclass to show it. ``step`` raises ``Cancelled`` on request."""

    def __init__(self) -> None:
        self.cancel_requested = False
        self.done = 0
        self.total = 0

    def start(self, total: int, what: str = "") -> None:
        self.total = total
        self.done = 0
        self.report(what)

    def step(self, n: int = 1, what: str = "") -> None:
        if self.cancel_requested:
            raise Cancelled()
        self.done += n
        self.report(what)

    def cancel(self) -> None:
        self.cancel_requested = True

    def report(self, what: str) -> None:
        """Override to show ``self.done`` of ``self.total``."""


NO_PROGRESS = Progress()
