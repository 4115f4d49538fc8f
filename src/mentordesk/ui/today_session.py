"""The session on screen in the Today area: the one owner every panel takes its session from.

The Session box, the roster, the rating grid, the notes and the undo history all follow
``SessionOnScreen.changed``; none keeps a session of its own. A change of session from any
path (the box, Ctrl+N, Ctrl+D, a session deleted elsewhere, the first session of a new
database) goes through ``SessionOnScreen.show``, so no panel can be left on the previous one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from ..core import attendance, workshop_sessions
from ..core.capture_views import RosterRow, SessionView
from ..core.errors import UserError
from .localised import localised
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .session_actions import caption_font, session_caption

if TYPE_CHECKING:
    from ..core.store import Store

RECENT_SESSIONS = 60


# The Session box lists the planned sessions of the coming week beside the recent ones.
AHEAD_DAYS = 7


@dataclass(frozen=True)
class SessionChoice:
    """The Session box's list, the session to show and its roster: one read on the worker."""

    recent: list[SessionView]
    shown: SessionView | None
    roster: list[RosterRow] | None
    refusal: UserError | None = None


def read_sessions(store: Store, choose: str | None, current: str | None) -> SessionChoice:
    """The recent sessions; ``choose``, else ``current`` if still there, else the newest; and
    the roster of the one shown."""
    today = date.today()
    recent = workshop_sessions.list_recent_sessions(
        store, RECENT_SESSIONS, until=today + timedelta(days=AHEAD_DAYS)
    )
    wanted = choose or current
    shown = next((s for s in recent if s.uid == wanted), None)
    refusal = None
    if shown is None and choose is not None:
        # Older than the recent list (opened from elsewhere): it joins the box.
        try:
            shown = workshop_sessions.get_session(store, choose)
            recent = [shown, *recent]
        except UserError as exc:
            refusal = exc
    if shown is None and recent:
        # Today's session, else the latest one held; planned ones ahead come only when none is.
        held = [s for s in recent if s.held_on <= today]
        shown = held[0] if held else recent[-1]
    roster = attendance.session_roster(store, shown.uid) if shown is not None else None
    return SessionChoice(recent, shown, roster, refusal)


def copy_for_today(store: Store, session_uid: str, day: date) -> tuple[SessionView, bool]:
    """A copy of the session for ``day`` (True), or the one already held that day (False)."""
    try:
        return workshop_sessions.copy_session(store, session_uid, day), True
    except workshop_sessions.DuplicateSession as exc:
        return exc.existing, False


class SessionOnScreen(QObject):
    """Which session the Today area shows, and the Session box that chooses it."""

    # A different session (or none) is on screen: (SessionView | None, its roster if already
    # read, else None).
    changed = Signal(object, object)
    # The same session is still on screen, but its records may have changed elsewhere.
    reloaded = Signal()

    def __init__(
        self,
        worker: DatabaseWorker,
        combo: QComboBox,
        report: Callable[[str, bool], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.combo = combo
        self._report = report
        self._current: SessionView | None = None
        self._recent: list[SessionView] = []
        # Until the first read arrives: no session box to choose from, no "No session yet".
        self.loaded = False
        combo.currentIndexChanged.connect(self._chosen)

    @property
    def current(self) -> SessionView | None:
        return self._current

    @property
    def uid(self) -> str | None:
        return self._current.uid if self._current else None

    # -- choosing ---------------------------------------------------------------------------

    def refresh(self, choose: str | None = None) -> None:
        """Read the recent sessions again; show ``choose``, else the one on screen if it is
        still there, else the newest."""
        QueryOp(read_sessions, choose, self.uid).success(self._read).failure(self._error).run(
            self.worker, self
        )

    def _read(self, choice: SessionChoice) -> None:
        self.loaded = True
        if choice.refusal is not None:
            self._report(localised(choice.refusal), True)
        self._fill(choice.recent, choice.shown)
        self._set(choice.shown, choice.roster)

    def show(self, uid: str | None) -> None:
        """Put this session on screen (None: none)."""
        if uid == self.uid:
            return
        if uid is None:
            self._set(None, None)
            return
        view = next((s for s in self._recent if s.uid == uid), None)
        if view is None:
            # Older than the recent list (opened from elsewhere): it joins the box, so that
            # the box never shows one session while the panels show another.
            self.refresh(choose=uid)
            return
        self._select_in_box(uid)
        self._set(view, None)

    def _chosen(self, index: int) -> None:
        self.combo.setToolTip(self.combo.itemText(index))
        uid = self.combo.itemData(index)
        if uid:
            self.show(uid)

    def _set(self, view: SessionView | None, roster: list[RosterRow] | None) -> None:
        if view is not None and self._current is not None and view.uid == self._current.uid:
            self._current = view
            self.reloaded.emit()
            return
        self._current = view
        self.changed.emit(view, roster)

    def _error(self, message: str) -> None:
        self._report(message, True)

    # -- the box ----------------------------------------------------------------------------

    def _fill(self, recent: list[SessionView], shown: SessionView | None) -> None:
        self._recent = list(recent)
        box = self.combo
        box.blockSignals(True)
        box.clear()
        for n, s in enumerate(recent):
            # Planned and cancelled sessions say so in the line, not only by its font.
            caption = session_caption(s)
            box.addItem(caption, s.uid)
            box.setItemData(n, caption, Qt.ItemDataRole.ToolTipRole)
            font = caption_font(s, box.font())
            if font is not None:
                box.setItemData(n, font, Qt.ItemDataRole.FontRole)
        if not recent:
            box.addItem(self.tr("No session yet — press Ctrl+N"), None)
        box.setCurrentIndex(max(0, box.findData(shown.uid)) if shown else 0)
        box.blockSignals(False)
        # Titles are long (date, cohort, module, task, times): the list opens wide enough to
        # read them whole, and the box shows its whole title on hover.
        metrics = box.fontMetrics()
        widest = max((metrics.horizontalAdvance(session_caption(s)) for s in recent), default=0)
        box.view().setMinimumWidth(widest + 48)
        box.setToolTip(box.currentText())

    def _select_in_box(self, uid: str) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(self.combo.findData(uid))
        self.combo.blockSignals(False)
        self.combo.setToolTip(self.combo.currentText())

    # -- making sessions --------------------------------------------------------------------

    def new_session(self, parent: QWidget) -> None:
        """The New session dialog, filled in from the session on screen; shows what it made."""
        from .session_dialog import SessionDialog

        # The dialog creates the session through an operation, which tells the other areas.
        dialog = SessionDialog(self.worker, parent, template=self._current)
        try:
            created = dialog.created if dialog.exec() else None
        finally:
            # Not kept as a child of the area until the window closes: one per Ctrl+N.
            dialog.deleteLater()
        if created is not None:
            self.refresh(choose=created.uid)

    def same_again_today(self) -> None:
        """A copy of the session on screen for today; if that session is already held today,
        it is opened instead (the rule is core's: ``workshop_sessions.DuplicateSession``)."""
        if self._current is None:
            self._report(self.tr("Choose the session to repeat first"), True)
            return
        CollectionOp(
            copy_for_today,
            self._current.uid,
            date.today(),
            changes=lambda made: Changes(sessions=made[1]),
        ).success(self._copied).failure(self._error).run(self.worker, self)

    def _copied(self, outcome: tuple[SessionView, bool]) -> None:
        session, made = outcome
        self.refresh(choose=session.uid)
        if made:
            self._report(self.tr("Session copied to today."), False)
        else:
            self._report(
                self.tr("This session is already held today: %1. It is open.").replace(
                    "%1", session.title
                ),
                False,
            )
