"""The Today area: a session's roster, rating grid and notes, kept by the keyboard alone.

Every key that changes something calls a core service, which commits at once; the undo stack
holds the service calls that put the previous state back.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.capture_views import MarkState, RosterRow, SessionView
from ..core.errors import UserError
from ..core.first_screen import RECENT_SESSIONS, FirstScreen
from .capture_undo import ServiceCommand
from .forms import child, load_form
from .localised import localised
from .notes_panel import NotesPanel
from .roster_model import STATUS_COLOURS, STATUS_KEYS, RosterModel
from .steady_text import SEPARATOR, SteadyText
from .store_opening import service

if TYPE_CHECKING:
    from ..core import attendance, workshop_sessions
    from ..core.store import Store
    from .rating_panel import RatingPanel
else:
    attendance = service("attendance")
    workshop_sessions = service("workshop_sessions")

KEY_STATUS = {getattr(Qt.Key, f"Key_{k}"): status for status, k in STATUS_KEYS.items()}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
ROW_HEIGHT = 44
BUTTON_STYLE = (
    "QPushButton { min-height: 56px; min-width: 72px; font-size: 12pt; font-weight: 600;"
    " padding: 2px 6px; }"
)


# After the store opens: past the window's first paint and the first screen's reads.
PREPARE_RATINGS_MS = 1000


class TodayArea(QWidget):
    def __init__(
        self, store: Store, parent: QWidget | None = None, first: FirstScreen | None = None
    ) -> None:
        """``first``: what to show until the store (still opening) is asked."""
        super().__init__(parent)
        self.store = store
        self.session: SessionView | None = None
        # Made before the form: children go in creation order, so the stack (which signals
        # as it goes) is gone before the buttons it updates.
        self.undo_stack = QUndoStack(self)
        self.form = load_form("today", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        f = self.form
        self.session_combo = child(f, QComboBox, "sessionCombo")
        self.tabs = child(f, QTabWidget, "tabs")
        self.roster_table = child(f, QTableView, "rosterTable")
        self.minutes_spin = child(f, QSpinBox, "minutesSpin")
        self.hours_spin = child(f, QDoubleSpinBox, "hoursSpin")
        self.mark_note = child(f, QLineEdit, "markNoteEdit")
        self.counts_label = SteadyText(child(f, QLabel, "countsLabel"))
        self.message = child(f, QLabel, "messageLabel")
        self.undo_button = child(f, QPushButton, "undoButton")
        self.redo_button = child(f, QPushButton, "redoButton")

        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.undo_stack.undoTextChanged.connect(self._undo_text)
        self.undo_stack.redoTextChanged.connect(self._redo_text)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)

        self.roster = RosterModel(self)
        self._set_up_roster()
        # The Skill ratings tab (its grid, delegate and services) is not built with the area,
        # so that the window shows sooner: see prepare_later.
        self._ratings: RatingPanel | None = None
        self.notes = NotesPanel(
            store,
            f,
            self.undo_stack,
            lambda: self.session.uid if self.session else None,
            self.show_message,
        )

        child(f, QPushButton, "newSessionButton").clicked.connect(self.new_session)
        child(f, QPushButton, "copySessionButton").clicked.connect(self.same_again_today)
        child(f, QPushButton, "markAllButton").clicked.connect(self.mark_all_present)
        child(f, QPushButton, "openRecordButton").clicked.connect(self.open_record)
        self.session_combo.currentIndexChanged.connect(self._session_chosen)
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
        self.refresh(first)
        if first is None:
            self.prepare_later()

    def prepare_later(self) -> None:
        """Build the Skill ratings tab a moment after the store is open, not on the first
        switch to it: its modules and widgets held that switch up by about 80 ms."""
        QTimer.singleShot(PREPARE_RATINGS_MS, self, lambda: self.ratings)

    @property
    def ratings(self) -> RatingPanel:
        """The Skill ratings tab's panel, built on first use (the Attendance tab shows first)."""
        if self._ratings is None:
            from .rating_panel import RatingPanel

            self._ratings = RatingPanel(self.store, self.form, self.undo_stack, self.show_message)
            self._ratings.trainee_chosen.connect(self.notes.set_trainee)
            self._ratings.set_session(self.session.uid if self.session else None)
        return self._ratings

    # -- roster widgets -------------------------------------------------------------------

    def _set_up_roster(self) -> None:
        f = self.form
        t = self.roster_table
        t.setModel(self.roster)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        # A font, not a style sheet: style-sheet item painting doubled the repaint of a mark.
        font = t.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        t.setFont(font)
        # A see-through selection: the current trainee's status colour stays visible.
        palette = t.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(21, 101, 192, 70))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
        t.setPalette(palette)
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 40), (1, 124), (2, 160), (3, 140), (4, 84), (5, 64)):
            t.setColumnWidth(column, width)
        t.installEventFilter(self)
        t.selectionModel().currentRowChanged.connect(self._row_changed)
        t.doubleClicked.connect(lambda _: self.open_record())
        self.status_buttons: dict[str, QPushButton] = {}
        for status, name in (
            ("present", "presentButton"),
            ("late", "lateButton"),
            ("left_early", "leftEarlyButton"),
            ("absent", "absentButton"),
            ("excused", "excusedButton"),
        ):
            button = child(f, QPushButton, name)
            button.setStyleSheet(
                BUTTON_STYLE + f"QPushButton {{ border-left: 8px solid {STATUS_COLOURS[status]}; }}"
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(
                self.tr("Key %1 marks the selected trainee").replace("%1", STATUS_KEYS[status])
            )
            button.clicked.connect(lambda _=False, s=status: self.mark_current(s))
            self.status_buttons[status] = button
        clear = child(f, QPushButton, "clearMarkButton")
        clear.setStyleSheet(BUTTON_STYLE)
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(self.clear_current)
        mark_all = child(f, QPushButton, "markAllButton")
        mark_all.setStyleSheet(BUTTON_STYLE)
        for editor in (self.minutes_spin, self.hours_spin, self.mark_note):
            editor.installEventFilter(self)
        self.minutes_spin.editingFinished.connect(self._minutes_edited)
        self.hours_spin.editingFinished.connect(self._hours_edited)
        self.mark_note.editingFinished.connect(self._note_edited)
        font = self.counts_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.counts_label.setFont(font)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.hours_spin.setSuffix(self.tr(" h"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = key_event.key()
        plain = not key_event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if watched is self.roster_table and plain:
            if key in KEY_STATUS:
                self.mark_current(KEY_STATUS[key])
                return True
            if key in CLEAR_KEYS:
                self.clear_current()
                return True
            if key in ENTER_KEYS:
                self._move(1)
                return True
        elif watched in (self.minutes_spin, self.hours_spin, self.mark_note):
            if key in ENTER_KEYS:
                # Commit, then straight back to the list at the next trainee.
                {
                    self.minutes_spin: self._minutes_edited,
                    self.hours_spin: self._hours_edited,
                    self.mark_note: self._note_edited,
                }[watched]()
                self.roster_table.setFocus()
                self._move(1)
                return True
            if key == Qt.Key.Key_Escape:
                self._row_changed(self.roster_table.currentIndex())
                self.roster_table.setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- sessions ---------------------------------------------------------------------------

    def refresh(self, first: FirstScreen | None = None) -> None:
        """Reload the recent sessions and the open one (another area may have changed them).

        ``first``: the sessions and the newest one's roster, already read.
        """
        keep = self.session.uid if self.session else None
        recent = (
            first.sessions
            if first
            else workshop_sessions.list_recent_sessions(self.store, RECENT_SESSIONS)
        )
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        chosen = 0
        for n, s in enumerate(recent):
            self.session_combo.addItem(s.title, s.uid)
            self.session_combo.setItemData(n, s.title, Qt.ItemDataRole.ToolTipRole)
            if s.uid == keep:
                chosen = n
        if not recent:
            self.session_combo.addItem(self.tr("No session yet — press Ctrl+N"), None)
        self.session_combo.setCurrentIndex(chosen)
        self.session_combo.blockSignals(False)
        # Titles are long (date, cohort, module, task, times): the list opens wide enough to
        # read them whole, and the box shows its whole title on hover.
        metrics = self.session_combo.fontMetrics()
        widest = max((metrics.horizontalAdvance(s.title) for s in recent), default=0)
        self.session_combo.view().setMinimumWidth(widest + 48)
        self.session_combo.setToolTip(self.session_combo.currentText())
        if keep is not None and recent and recent[chosen].uid == keep:
            # Same session: reload what others may have changed, keep the undo history.
            self.reload_roster()
            if self._ratings is not None:
                self._ratings.reload()
            return
        self.session = None
        shown = recent[chosen] if recent else None
        self.open_session(shown.uid if shown else None, shown, first.roster if first else None)

    def _session_chosen(self, index: int) -> None:
        self.session_combo.setToolTip(self.session_combo.itemText(index))
        uid = self.session_combo.itemData(index)
        if uid:
            self.open_session(uid)

    def open_session(
        self,
        uid: str | None,
        view: SessionView | None = None,
        roster: list[RosterRow] | None = None,
    ) -> None:
        """Show a session's roster (and its grid when that tab is shown).

        ``view``: the session as just read with the recent list (saves reading it again);
        ``roster``: its roster, if read too.
        """
        if uid is not None and self.session is not None and self.session.uid == uid:
            return
        if view is not None and view.uid == uid:
            self.session = view
        else:
            self.session = workshop_sessions.get_session(self.store, uid) if uid else None
        self.undo_stack.clear()
        self.tabs.setEnabled(self.session is not None)
        self.reload_roster(roster)
        if self._ratings is not None:
            self._ratings.set_session(self.session.uid if self.session else None)
        if self.tabs.currentIndex() == 1:
            self.ratings.load()
        self.roster_table.setFocus()

    def reload_roster(self, rows: list[RosterRow] | None = None) -> None:
        """Show the open session's roster as the store has it (or ``rows``, just read)."""
        if rows is None:
            rows = attendance.session_roster(self.store, self.session.uid) if self.session else []
        current = self.roster_table.currentIndex().row()
        self.roster.set_rows(rows)
        if rows:
            self.roster_table.setCurrentIndex(
                self.roster.index(min(max(current, 0), len(rows) - 1), RosterModel.STATUS)
            )
        else:
            self._row_changed(QModelIndex())
        self._show_counts()

    def new_session(self) -> None:
        from .session_dialog import SessionDialog

        dialog = SessionDialog(self.store, self, template=self.session)
        if dialog.exec() and dialog.created is not None:
            self.session = None
            self._select_after_reload(dialog.created.uid)

    def same_again_today(self) -> None:
        """A copy of the chosen session for today — unless its cohort already has one today."""
        if self.session is None:
            self.show_message(self.tr("Choose the session to repeat first"), True)
            return
        today = date.today()
        existing = next(
            (
                s
                for s in workshop_sessions.list_recent_sessions(
                    self.store, 20, cohort_uid=self.session.cohort_uid
                )
                if s.held_on == today
            ),
            None,
        )
        if existing is not None:
            self._select_after_reload(existing.uid)
            self.show_message(
                self.tr("%1 already has a session today; it is open.").replace(
                    "%1", existing.cohort
                ),
                False,
            )
            return
        created = workshop_sessions.copy_session(self.store, self.session.uid, today)
        self._select_after_reload(created.uid)
        self.show_message(self.tr("Session copied to today."), False)

    def _select_after_reload(self, uid: str) -> None:
        self.session = workshop_sessions.get_session(self.store, uid)
        self.refresh()

    # -- marking -------------------------------------------------------------------------

    def current_row(self) -> RosterRow | None:
        return self.roster.row_at(self.roster_table.currentIndex().row())

    def _move(self, step: int) -> bool:
        """Go ``step`` rows down (or up); False at either end of the list."""
        row = self.roster_table.currentIndex().row() + step
        if 0 <= row < self.roster.rowCount():
            self.roster_table.setCurrentIndex(self.roster.index(row, RosterModel.STATUS))
            return True
        return False

    def _show(self, row: RosterRow) -> None:
        self.roster.update_row(row)
        self._show_counts()
        if row.trainee_uid == (self.current_row() or row).trainee_uid:
            self._row_changed(self.roster_table.currentIndex())

    def _record_mark(self, label: str, row: RosterRow) -> None:
        session_uid, trainee_uid = self.session.uid, row.trainee_uid  # type: ignore[union-attr]
        before, after = row.previous, row.mark

        def put(state: MarkState | None) -> None:
            self._show(attendance.restore_mark(self.store, session_uid, trainee_uid, state))

        self.undo_stack.push(
            ServiceCommand(
                f"{label}: {row.name}", lambda: put(before), lambda: put(after), self._error
            )
        )

    def mark_current(self, status: str) -> None:
        row = self.current_row()
        if row is None or self.session is None:
            return
        try:
            done = attendance.mark(self.store, self.session.uid, row.trainee_uid, status)
        except UserError as exc:
            self._error(localised(exc))
            return
        self.roster.update_row(done)
        self._record_mark(self.roster.status_names[status], done)
        self._show_counts()
        # setText("") returns at once when the label is already empty; clear() always asks
        # the window to lay itself out and repaint again, on every keypress.
        self.message.setText("")
        if status == "late":
            self._edit(self.minutes_spin)
        elif status == "left_early":
            self._edit(self.hours_spin)
        elif not self._move(1):
            self._row_changed(self.roster_table.currentIndex())

    def _edit(self, editor: QSpinBox | QDoubleSpinBox) -> None:
        self._row_changed(self.roster_table.currentIndex())
        editor.setFocus()
        editor.selectAll()

    def clear_current(self) -> None:
        row = self.current_row()
        if row is None or self.session is None or row.mark is None:
            return
        done = attendance.clear_mark(self.store, self.session.uid, row.trainee_uid)
        self._show(done)
        self._record_mark(self.tr("Clear"), done)

    def _change_detail(self, **fields: object) -> None:
        row = self.current_row()
        if row is None or row.mark is None or self.session is None:
            return
        try:
            done = attendance.mark(
                self.store, self.session.uid, row.trainee_uid, row.mark.status, **fields
            )
        except UserError as exc:
            self._error(localised(exc))
            self._row_changed(self.roster_table.currentIndex())
            return
        if done.mark != done.previous:
            self._show(done)
            self._record_mark(self.tr("Change"), done)

    def _minutes_edited(self) -> None:
        row = self.current_row()
        if row and row.mark and self.minutes_spin.value() != row.mark.minutes_late:
            self._change_detail(minutes_late=self.minutes_spin.value())

    def _hours_edited(self) -> None:
        row = self.current_row()
        if row and row.mark and abs(self.hours_spin.value() - row.mark.hours) > 0.001:
            self._change_detail(hours=self.hours_spin.value())

    def _note_edited(self) -> None:
        row = self.current_row()
        if row and row.mark and self.mark_note.text().strip() != row.mark.note:
            self._change_detail(note=self.mark_note.text())

    def mark_all_present(self) -> None:
        if self.session is None:
            return
        session_uid = self.session.uid
        changed = attendance.mark_all_present(self.store, session_uid)
        if not changed:
            self.show_message(self.tr("Everyone expected is already marked."), False)
            return
        for row in changed:
            self.roster.update_row(row)
        self._show_counts()
        self._row_changed(self.roster_table.currentIndex())
        before = {r.trainee_uid: r.previous for r in changed}
        after = {r.trainee_uid: r.mark for r in changed}

        def put(states: dict[str, MarkState | None]) -> None:
            for row in attendance.restore_marks(self.store, session_uid, states):
                self.roster.update_row(row)
            self._show_counts()
            self._row_changed(self.roster_table.currentIndex())

        self.undo_stack.push(
            ServiceCommand(
                self.tr("Mark all present"), lambda: put(before), lambda: put(after), self._error
            )
        )
        self.show_message(self.tr("%1 marked present.").replace("%1", str(len(changed))), False)

    def _row_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        row = self.roster.row_at(index.row()) if index.isValid() else None
        mark = row.mark if row else None
        for editor in (self.minutes_spin, self.hours_spin, self.mark_note):
            editor.blockSignals(True)
            editor.setEnabled(mark is not None)
        self.minutes_spin.setValue(mark.minutes_late if mark else 0)
        self.hours_spin.setValue(mark.hours if mark else 0.0)
        self.mark_note.setText(mark.note if mark else "")
        for editor in (self.minutes_spin, self.hours_spin, self.mark_note):
            editor.blockSignals(False)
        if self.tabs.currentIndex() == 0:
            self.notes.set_trainee(row.trainee_uid if row else None, row.name if row else "")

    def _show_counts(self) -> None:
        counts = self.roster.counts()
        names = dict(self.roster.status_names, unmarked=self.tr("Unmarked"))
        # Who is still unmarked comes first: that is what the person at the PC looks for.
        order = ["unmarked", *(k for k in counts if k != "unmarked")]
        self.counts_label.set_text(
            SEPARATOR.join(f"{names[k]} {counts[k]}" for k in order if counts[k] or k == "unmarked")
        )

    # -- the rest -------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.ratings.load()
            self.ratings.table.setFocus()
        else:
            self._row_changed(self.roster_table.currentIndex())
            self.roster_table.setFocus()

    def selected_trainee_uid(self) -> str | None:
        if self.tabs.currentIndex() == 1:
            return self.ratings.current_trainee_uid()
        row = self.current_row()
        return row.trainee_uid if row else None

    def open_record(self) -> None:
        uid = self.selected_trainee_uid()
        if uid is None:
            return
        from .trainee_record_view import open_trainee_record

        open_trainee_record(self.store, uid, self)

    def _undo_text(self, text: str) -> None:
        self.undo_button.setToolTip(self.tr("Undo %1 (Ctrl+Z)").replace("%1", text))

    def _redo_text(self, text: str) -> None:
        self.redo_button.setToolTip(self.tr("Redo %1 (Ctrl+Shift+Z)").replace("%1", text))

    def _error(self, text: str) -> None:
        self.show_message(text, True)

    def show_message(self, text: str, error: bool) -> None:
        style = "color: #b00020;" if error else "color: #1b5e20;"
        # Setting a style sheet re-polishes the widget: only when the colour really changes.
        if self.message.styleSheet() != style:
            self.message.setStyleSheet(style)
        if self.message.text() != text:
            self.message.setText(text)
