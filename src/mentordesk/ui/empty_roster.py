"""The notice over an empty roster: why nobody is listed, and what to do about it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from ..core.capture_views import SessionView
from ..core.errors import UserError
from .localised import localised
from .store_opening import service

if TYPE_CHECKING:
    from ..core import workshop_sessions
    from ..core.store import Store
else:
    workshop_sessions = service("workshop_sessions")

# A colour of its own: with no session the tabs are disabled, and the notice must not look so.
NOTICE_STYLE = (
    "QLabel { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px;"
    " padding: 10px; font-size: 12pt; color: #3e2723; }"
)


class EmptyRosterNotice(QObject):
    """Shown instead of "Unmarked 0" when the session on screen lists nobody (or there is no
    session): no trainees in its cohort, none active on its date, or no session yet."""

    def __init__(self, store: Store, label: QLabel, report: Callable[[str], None]) -> None:
        super().__init__(label)
        self.store = store
        self.label = label
        self._report = report
        label.setStyleSheet(NOTICE_STYLE)
        label.setWordWrap(True)
        label.hide()

    def update(self, session: SessionView | None, any_rows: bool) -> None:
        if any_rows:
            # Marking repaints often: touch the label only when it was showing something.
            if self.label.isVisible() or self.label.text():
                self.label.hide()
                self.label.setText("")
            return
        text = self.reason(session)
        if text is not None:
            self.label.setText(text)
            self.label.show()

    def reason(self, session: SessionView | None) -> str | None:
        if session is None:
            return self.tr(
                "No workshop session yet. Press Ctrl+N to create one for a cohort. "
                "No cohort or trainees yet? Import the school's roster workbook in Sync first."
            )
        try:
            roll = workshop_sessions.cohort_on_roll(self.store, session.uid)
        except UserError as exc:
            self._report(localised(exc))
            return None
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
