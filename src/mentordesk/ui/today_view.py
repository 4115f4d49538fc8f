"""The Today area: a session's roster, rating grid and notes, kept by the keyboard alone.

One session is on screen (``SessionOnScreen``); the Attendance tab, the Skill ratings tab, the
notes and the undo history all take their session from it and follow its ``changed`` signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from ..core.capture_views import RosterRow, SessionView
from .area import FormArea
from .attendance_panel import AttendancePanel
from .forms import child
from .missing_marks_view import MissingMarksPanel
from .notes_panel import NotesPanel
from .operations import Changes, DatabaseWorker
from .roster_model import RosterModel
from .session_actions import SessionActions
from .steady_text import SteadyText
from .today_session import SessionOnScreen

if TYPE_CHECKING:
    from .rating_panel import RatingPanel


# After the store opens: past the window's first paint and the first screen's reads.
PREPARE_RATINGS_MS = 1000
ATTENDANCE_TAB, RATINGS_TAB, MISSING_TAB = 0, 1, 2


class TodayArea(FormArea):
    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        """Shows "opening" until the first read through the worker arrives."""
        super().__init__("today", parent)
        self.worker = worker
        f = self.form
        self.tabs = child(f, QTabWidget, "tabs")
        self.message = child(f, QLabel, "messageLabel")
        self.undo_button = child(f, QPushButton, "undoButton")
        self.redo_button = child(f, QPushButton, "redoButton")
        self._set_up_undo()

        # The one owner of "the session on screen". The undo history is connected first: a
        # panel reloading for the new session must never find the old session's steps.
        self.sessions = SessionOnScreen(
            worker, child(f, QComboBox, "sessionCombo"), self.show_message, self
        )
        self.sessions.changed.connect(self._session_changed)
        self.attendance = AttendancePanel(
            worker, f, self.sessions, self.undo_stack, self.show_message
        )
        # The Skill ratings tab (its grid, delegate and services) is not built with the area,
        # so that the window shows sooner: see prepare_later.
        self._ratings: RatingPanel | None = None
        self.notes = NotesPanel(worker, f, self.undo_stack, self.sessions, self.show_message)
        self.attendance.trainee_chosen.connect(self._roster_trainee)
        # After the roster's own connection: the roster is on screen by then.
        self.sessions.changed.connect(self._first_roster)
        self._set_up_calendar(f)

        child(f, QPushButton, "newSessionButton").clicked.connect(self.new_session)
        child(f, QPushButton, "copySessionButton").clicked.connect(self.same_again_today)
        child(f, QPushButton, "openRecordButton").clicked.connect(self.open_record)
        self.tabs.currentChanged.connect(self._tab_changed)
        for keys, action in (
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            ("Ctrl+Shift+Z", self.undo_stack.redo),
            ("Ctrl+Y", self.undo_stack.redo),
            ("Ctrl+N", self.new_session),
            ("Ctrl+D", self.same_again_today),
            ("Ctrl+P", self.mark_all_present),
            ("Ctrl+R", self.open_record),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        splitter = child(f, QSplitter, "splitter")
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([900, 300])
        self.has_read = False
        self._opening()
        self.sessions.refresh()
        worker.changes.subscribe(self, self._records_changed)
        if worker.is_open:
            self.prepare_later()
        else:
            worker.opened.connect(self.prepare_later)

    def _set_up_calendar(self, f: QWidget) -> None:
        """The missing marks tab, the session's state and its paper sheet, the scanner box."""
        self.missing = MissingMarksPanel(self.worker, self.tabs)
        self.tabs.insertTab(MISSING_TAB, self.missing, self.tr("Missing marks"))
        self._missing_seen = False
        self.missing.counted.connect(self._missing_counted)
        self.missing.chosen.connect(self.work_through)
        self.attendance.walked_all.connect(self._walked_all)
        self.session_actions = SessionActions(
            self.worker, self.sessions, self.attendance, self.show_message, self
        )
        f.layout().insertLayout(1, self.session_actions.row)
        self.scanner = self.session_actions.scanner
        self.scanner.catch_from(self.attendance.table)
        self.scanner.catch_from(self.missing.table)
        for keys, action in (
            ("Ctrl+K", self.scanner.setFocus),
            ("Ctrl+M", lambda: self.tabs.setCurrentIndex(MISSING_TAB)),
            ("Ctrl+T", self.session_actions.transcribe),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    def _missing_counted(self, count: int) -> None:
        label = self.tr("Missing marks (%1)").replace("%1", str(count))
        self.tabs.setTabText(MISSING_TAB, label if count else self.tr("Missing marks"))
        if not self._missing_seen:
            # Today opens on the missing marks when there are any.
            self._missing_seen = True
            if count:
                self.tabs.setCurrentIndex(MISSING_TAB)

    def work_through(self, session_uid: str) -> None:
        """Open a session of the missing marks at its first unrecorded trainee."""
        self.attendance.walk_unrecorded(session_uid)
        self.tabs.setCurrentIndex(ATTENDANCE_TAB)
        self.open_session(session_uid)
        self.take_focus()
        self.show_message(
            self.tr("Each mark now moves on to the next trainee without one (Ctrl+M: the list)."),
            False,
        )

    def _walked_all(self) -> None:
        self.show_message(self.tr("Every trainee expected at this session now has a mark."), False)
        self.tabs.setCurrentIndex(MISSING_TAB)

    def _first_roster(self) -> None:
        if not self.has_read:
            self.has_read = True
            self.first_read.emit()

    def _opening(self) -> None:
        """Until the first read arrives: says so, and nothing can be marked."""
        self.tabs.setEnabled(False)
        combo = self.sessions.combo
        combo.blockSignals(True)
        combo.addItem(self.tr("Opening your records…"), None)
        combo.blockSignals(False)

    def _records_changed(self, changes: Changes) -> None:
        """Another area or machine changed records: read again what this area shows."""
        if changes.touches_sessions() or changes.touches_trainees():
            self.sessions.refresh()
            return
        if self.session is not None and self.session.uid in changes.attendance:
            self.attendance.reload()
        if self.notes.trainee_uid is not None and self.notes.trainee_uid in changes.notes:
            self.notes.reload()
        if self._ratings is not None and (changes.ratings or changes.assessments):
            self._ratings.reload()
            if self.tabs.currentIndex() == RATINGS_TAB:
                self._ratings.load()

    def _before_form(self) -> None:
        # Made before the form: children go in creation order, so the stack (which signals
        # as it goes) is gone before the buttons it updates.
        self.undo_stack = QUndoStack(self)

    def _set_up_undo(self) -> None:
        stack = self.undo_stack
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button.clicked.connect(stack.redo)

    def prepare_later(self) -> None:
        """Build the Skill ratings tab a moment after the store is open, not on the first
        switch to it: building its modules and widgets then would hold up that switch."""
        QTimer.singleShot(PREPARE_RATINGS_MS, self, self._prepare_ratings)

    def _prepare_ratings(self) -> None:
        self.ratings  # noqa: B018 - built on first use

    @property
    def ratings(self) -> RatingPanel:
        """The Skill ratings tab's panel, built on first use (the Attendance tab shows first)."""
        if self._ratings is None:
            from .rating_panel import RatingPanel

            self._ratings = RatingPanel(
                self.worker, self.form, self.sessions, self.undo_stack, self.show_message
            )
            self._ratings.trainee_chosen.connect(self._grid_trainee)
        return self._ratings

    # -- the session on screen ------------------------------------------------------------

    @property
    def session(self) -> SessionView | None:
        return self.sessions.current

    def _session_changed(self, view: SessionView | None, _roster: object) -> None:
        self.undo_stack.clear()
        self.tabs.setEnabled(view is not None)
        self.take_focus()

    def refresh(self) -> None:
        """Read the recent sessions again (another area may have changed them); the session
        on screen stays unless it is gone."""
        self.sessions.refresh()

    def open_session(self, uid: str | None) -> None:
        self.sessions.show(uid)

    def new_session(self) -> None:
        self.sessions.new_session(self)

    def same_again_today(self) -> None:
        self.sessions.same_again_today()

    def take_focus(self) -> bool:
        """Keys go to the tab shown: the roster, or the rating grid; with no session, to the
        Session box (Ctrl+N works from there)."""
        if self.tabs.currentIndex() == MISSING_TAB:
            self.missing.take_focus()
        elif self.session is None:
            self.sessions.combo.setFocus()
        elif self.tabs.currentIndex() == RATINGS_TAB:
            self.ratings.table.setFocus()
        else:
            self.attendance.table.setFocus()
        return True

    # -- what the panels share ------------------------------------------------------------

    def mark_all_present(self) -> None:
        self.attendance.mark_all_present()

    def _roster_trainee(self, uid: str | None, name: str) -> None:
        if self.tabs.currentIndex() == ATTENDANCE_TAB:
            self.notes.set_trainee(uid, name)

    def _grid_trainee(self, uid: str | None, name: str) -> None:
        if self.tabs.currentIndex() == RATINGS_TAB:
            self.notes.set_trainee(uid, name)

    def _tab_changed(self, index: int) -> None:
        if index == RATINGS_TAB:
            self.ratings.load()
        elif index == ATTENDANCE_TAB:
            self.attendance.refresh_editors()
        self.take_focus()

    def selected_trainee_uid(self) -> str | None:
        if self.tabs.currentIndex() == RATINGS_TAB:
            return self.ratings.current_trainee_uid()
        row = self.attendance.current_row()
        return row.trainee_uid if row else None

    def open_record(self) -> None:
        uid = self.selected_trainee_uid()
        if uid is None:
            return
        from .trainee_record_view import open_trainee_record

        open_trainee_record(self.worker, uid, self)

    def _undo_text(self, text: str) -> None:
        self.undo_button.setToolTip(self.tr("Undo %1 (Ctrl+Z)").replace("%1", text))

    def _redo_text(self, text: str) -> None:
        self.redo_button.setToolTip(self.tr("Redo %1 (Ctrl+Shift+Z)").replace("%1", text))

    def show_message(self, text: str, error: bool) -> None:
        style = "color: #b00020;" if error else "color: #1b5e20;"
        # Setting a style sheet re-polishes the widget: only when the colour really changes.
        if self.message.styleSheet() != style:
            self.message.setStyleSheet(style)
        if self.message.text() != text:
            self.message.setText(text)

    # -- the Attendance tab's parts, by the names tests and benchmarks use -----------------

    @property
    def roster(self) -> RosterModel:
        return self.attendance.model

    @property
    def roster_table(self) -> QTableView:
        return self.attendance.table

    @property
    def session_combo(self) -> QComboBox:
        return self.sessions.combo

    @property
    def minutes_spin(self) -> QSpinBox:
        return self.attendance.minutes_spin

    @property
    def hours_spin(self) -> QDoubleSpinBox:
        return self.attendance.hours_spin

    @property
    def mark_note(self) -> QLineEdit:
        return self.attendance.mark_note

    @property
    def counts_label(self) -> SteadyText:
        return self.attendance.counts_label

    @property
    def status_buttons(self) -> dict[str, QPushButton]:
        return self.attendance.status_buttons

    def current_row(self) -> RosterRow | None:
        return self.attendance.current_row()

    def reload_roster(self, rows: list[RosterRow] | None = None) -> None:
        self.attendance.reload(rows)
