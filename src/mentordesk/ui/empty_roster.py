"""The notice over an empty roster: why nobody is listed, and what to do about it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from ..core import workshop_sessions
from ..core.capture_views import SessionView
from ..core.workshop_sessions import CohortOnRoll
from .operations import DatabaseWorker, QueryOp

# A colour of its own: with no session the tabs are disabled, and the notice must not look so.
NOTICE_STYLE = (
    "QLabel { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px;"
    " padding: 10px; font-size: 12pt; color: #3e2723; }"
)


class EmptyRosterNotice(QObject):
    """Shown instead of "Unmarked 0" when the session on screen lists nobody (or there is no
    session): no trainees in its cohort, none active on its date, or no session yet."""

    def __init__(
        self, worker: DatabaseWorker, label: QLabel, report: Callable[[str], None]
    ) -> None:
        super().__init__(label)
        self.worker = worker
        # The session whose emptiness is being asked about; an answer for another is stale.
        self._asked: str | None = None
        self.label = label
        self._report = report
        label.setStyleSheet(NOTICE_STYLE)
        label.setWordWrap(True)
        label.hide()

    def update(self, session: SessionView | None, any_rows: bool) -> None:
        self._asked = None
        if any_rows:
            # Marking repaints often: touch the label only when it was showing something.
            if self.label.isVisible() or self.label.text():
                self.label.hide()
                self.label.setText("")
            return
        if session is None:
            self._show(self.no_session())
            return
        self._asked = uid = session.uid
        QueryOp(workshop_sessions.cohort_on_roll, uid).success(
            lambda roll: self._asked == uid and self._show(self.reason(session, roll))
        ).failure(self._report).run(self.worker, self)

    def _show(self, text: str) -> None:
        self.label.setText(text)
        self.label.show()

    def no_session(self) -> str:
        return self.tr(
            "No workshop session yet. Press Ctrl+N to create one for a cohort. "
            "No cohort or trainees yet? Import the school's roster workbook in Sync first."
        )

    def reason(self, session: SessionView, roll: CohortOnRoll) -> str:
        """Why ``session`` lists nobody."""
        if roll.on_roll == 0:
            return self.tr(
                "%1 has no trainees, so there is nobody to mark. Import the school's roster "
                "workbook in Sync (or add trainees in Trainees), or pick another session in "
                "the Session box."
            ).replace("%1", roll.cohort)
        return (
            self.tr(
                "None of the %1 trainees of %2 is active on %3: withdrawn, graduated, left or "
                "not yet enrolled. Check their status and dates in Trainees, or pick another "
                "session in the Session box."
            )
            .replace("%1", str(roll.on_roll))
            .replace("%2", roll.cohort)
            .replace("%3", f"{session.held_on:%Y-%m-%d}")
        )
