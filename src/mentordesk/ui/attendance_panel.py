"""The Attendance tab of the Today area: the roster of the session on screen, marked by keys.

Every key that changes something calls a core service, which commits at once; the undo stack
holds the service calls that put the previous state back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from ..core.capture_views import MarkState, RosterRow, SessionView
from ..core.errors import UserError
from .capture_undo import ServiceCommand
from .empty_roster import EmptyRosterNotice
from .forms import child
from .localised import localised
from .roster_model import STATUS_COLOURS, STATUS_KEYS, RosterModel
from .steady_text import SEPARATOR, SteadyText
from .store_opening import service

if TYPE_CHECKING:
    from ..core import attendance
    from ..core.store import Store
    from .today_session import SessionOnScreen
else:
    attendance = service("attendance")

KEY_STATUS = {getattr(Qt.Key, f"Key_{k}"): status for status, k in STATUS_KEYS.items()}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
ROW_HEIGHT = 44
BUTTON_STYLE = (
    "QPushButton { min-height: 56px; min-width: 72px; font-size: 12pt; font-weight: 600;"
    " padding: 2px 6px; }"
)


class AttendancePanel(QObject):
    """Binds the Attendance widgets of ``forms/today.ui`` to the session on screen."""

    # The trainee under the cursor: (uid or None, name).
    trainee_chosen = Signal(object, str)

    def __init__(
        self,
        store: Store,
        form: QWidget,
        sessions: SessionOnScreen,
        undo_stack: QUndoStack,
        report: Callable[[str, bool], None],
    ) -> None:
        super().__init__(form)
        self.store = store
        self.sessions = sessions
        self.undo_stack = undo_stack
        self._report = report
        self.table = child(form, QTableView, "rosterTable")
        self.minutes_spin = child(form, QSpinBox, "minutesSpin")
        self.hours_spin = child(form, QDoubleSpinBox, "hoursSpin")
        self.mark_note = child(form, QLineEdit, "markNoteEdit")
        self.counts_label = SteadyText(child(form, QLabel, "countsLabel"))
        self.notice = EmptyRosterNotice(store, child(form, QLabel, "emptyRosterLabel"), self._error)
        self.model = RosterModel(self)
        self._set_up(form)
        sessions.changed.connect(self._session_changed)
        sessions.reloaded.connect(self.reload)

    def _set_up(self, form: QWidget) -> None:
        t = self.table
        t.setModel(self.model)
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
        self.status_buttons: dict[str, QPushButton] = {}
        for status, name in (
            ("present", "presentButton"),
            ("late", "lateButton"),
            ("left_early", "leftEarlyButton"),
            ("absent", "absentButton"),
            ("excused", "excusedButton"),
        ):
            button = child(form, QPushButton, name)
            button.setStyleSheet(
                BUTTON_STYLE + f"QPushButton {{ border-left: 8px solid {STATUS_COLOURS[status]}; }}"
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(
                self.tr("Key %1 marks the selected trainee").replace("%1", STATUS_KEYS[status])
            )
            button.clicked.connect(lambda _=False, s=status: self.mark_current(s))
            self.status_buttons[status] = button
        clear = child(form, QPushButton, "clearMarkButton")
        clear.setStyleSheet(BUTTON_STYLE)
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(self.clear_current)
        mark_all = child(form, QPushButton, "markAllButton")
        mark_all.setStyleSheet(BUTTON_STYLE)
        mark_all.clicked.connect(self.mark_all_present)
        self._commits: dict[QWidget, Callable[[], None]] = {
            self.minutes_spin: self._minutes_edited,
            self.hours_spin: self._hours_edited,
            self.mark_note: self._note_edited,
        }
        for editor, commit in self._commits.items():
            editor.installEventFilter(self)
            editor.editingFinished.connect(commit)  # type: ignore[attr-defined]
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
        if watched is self.table and plain:
            if key in KEY_STATUS:
                self.mark_current(KEY_STATUS[key])
                return True
            if key in CLEAR_KEYS:
                self.clear_current()
                return True
            if key in ENTER_KEYS:
                self._move(1)
                return True
        elif watched in self._commits:
            if key in ENTER_KEYS:
                # Commit what was typed, then straight back to the list at the next trainee.
                # The spin boxes hold a typed number as text until told to read it (they do
                # not track the keyboard): read it here, not by the focus leaving them, which
                # happens only while the window is active.
                if isinstance(watched, QAbstractSpinBox):
                    watched.interpretText()
                self._commits[watched]()
                self.table.setFocus()
                self._move(1)
                return True
            if key == Qt.Key.Key_Escape:
                self._row_changed(self.table.currentIndex())
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- the session on screen ------------------------------------------------------------

    @property
    def session(self) -> SessionView | None:
        return self.sessions.current

    def _session_changed(self, _view: SessionView | None, roster: list[RosterRow] | None) -> None:
        self.reload(roster)

    def reload(self, rows: list[RosterRow] | None = None) -> None:
        """Show the roster of the session on screen as the store has it (or ``rows``)."""
        session = self.session
        if rows is None:
            rows = attendance.session_roster(self.store, session.uid) if session else []
        current = self.table.currentIndex().row()
        self.model.set_rows(rows)
        if rows:
            self.table.setCurrentIndex(
                self.model.index(min(max(current, 0), len(rows) - 1), RosterModel.STATUS)
            )
        else:
            self._row_changed(QModelIndex())
        self.notice.update(session, bool(rows))
        self._show_counts()

    # -- marking --------------------------------------------------------------------------

    def current_row(self) -> RosterRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _move(self, step: int) -> bool:
        """Go ``step`` rows down (or up); False at either end of the list."""
        row = self.table.currentIndex().row() + step
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, RosterModel.STATUS))
            return True
        return False

    def _show(self, row: RosterRow) -> None:
        self.model.update_row(row)
        self._show_counts()
        if row.trainee_uid == (self.current_row() or row).trainee_uid:
            self._row_changed(self.table.currentIndex())

    def _record_mark(self, label: str, session_uid: str, row: RosterRow) -> None:
        trainee_uid = row.trainee_uid
        before, after = row.previous, row.mark

        def put(state: MarkState | None) -> None:
            done = attendance.restore_mark(self.store, session_uid, trainee_uid, state)
            if session_uid == self.sessions.uid:
                self._show(done)

        self.undo_stack.push(
            ServiceCommand(
                f"{label}: {row.name}", lambda: put(before), lambda: put(after), self._error
            )
        )

    def mark_current(self, status: str) -> None:
        row = self.current_row()
        session = self.session
        if row is None or session is None:
            return
        try:
            done = attendance.mark(self.store, session.uid, row.trainee_uid, status)
        except UserError as exc:
            self._error(localised(exc))
            return
        self.model.update_row(done)
        self._record_mark(self.model.status_names[status], session.uid, done)
        self._show_counts()
        self._report("", False)
        if status == "late":
            self._edit(self.minutes_spin)
        elif status == "left_early":
            self._edit(self.hours_spin)
        elif not self._move(1):
            self._row_changed(self.table.currentIndex())

    def _edit(self, editor: QSpinBox | QDoubleSpinBox) -> None:
        self._row_changed(self.table.currentIndex())
        editor.setFocus()
        editor.selectAll()

    def clear_current(self) -> None:
        row = self.current_row()
        session = self.session
        if row is None or session is None or row.mark is None:
            return
        done = attendance.clear_mark(self.store, session.uid, row.trainee_uid)
        self._show(done)
        self._record_mark(self.tr("Clear"), session.uid, done)

    def _change_detail(self, **fields: object) -> None:
        row = self.current_row()
        session = self.session
        if row is None or row.mark is None or session is None:
            return
        try:
            done = attendance.mark(
                self.store, session.uid, row.trainee_uid, row.mark.status, **fields
            )
        except UserError as exc:
            self._error(localised(exc))
            self._row_changed(self.table.currentIndex())
            return
        if done.mark != done.previous:
            self._show(done)
            self._record_mark(self.tr("Change"), session.uid, done)

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
        try:
            changed = attendance.mark_all_present(self.store, session_uid)
        except UserError as exc:
            self._error(localised(exc))
            return
        if not changed:
            self._report(self.tr("Everyone expected is already marked."), False)
            return
        for row in changed:
            self.model.update_row(row)
        self._show_counts()
        self._row_changed(self.table.currentIndex())
        before = {r.trainee_uid: r.previous for r in changed}
        after = {r.trainee_uid: r.mark for r in changed}

        def put(states: dict[str, MarkState | None]) -> None:
            done = attendance.restore_marks(self.store, session_uid, states)
            if session_uid != self.sessions.uid:
                return
            for row in done:
                self.model.update_row(row)
            self._show_counts()
            self._row_changed(self.table.currentIndex())

        self.undo_stack.push(
            ServiceCommand(
                self.tr("Mark all present"), lambda: put(before), lambda: put(after), self._error
            )
        )
        self._report(self.tr("%1 marked present.").replace("%1", str(len(changed))), False)

    def _row_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        mark = row.mark if row else None
        for editor in self._commits:
            editor.blockSignals(True)
            editor.setEnabled(mark is not None)
        self.minutes_spin.setValue(mark.minutes_late if mark else 0)
        self.hours_spin.setValue(mark.hours if mark else 0.0)
        self.mark_note.setText(mark.note if mark else "")
        for editor in self._commits:
            editor.blockSignals(False)
        self.trainee_chosen.emit(row.trainee_uid if row else None, row.name if row else "")

    def refresh_editors(self) -> None:
        """The detail editors and the notes follow the roster's cursor again."""
        self._row_changed(self.table.currentIndex())

    def _show_counts(self) -> None:
        if not self.model.rowCount():
            # "Unmarked 0" over an empty list says nothing: the notice above it says why.
            self.counts_label.set_text("")
            return
        counts = self.model.counts()
        names = dict(self.model.status_names, unmarked=self.tr("Unmarked"))
        # Who is still unmarked comes first: that is what the person at the PC looks for.
        order = ["unmarked", *(k for k in counts if k != "unmarked")]
        self.counts_label.set_text(
            SEPARATOR.join(f"{names[k]} {counts[k]}" for k in order if counts[k] or k == "unmarked")
        )

    def _error(self, text: str) -> None:
        self._report(text, True)
