"""The Attendance tab of the Today area: the roster of the session on screen, marked by keys.

Every key that changes something shows the change at once; ``MarkSaving`` has the database
worker make it and keeps the undo steps. The row then shows what the service stored, or, if it
refused, the roster is read again and the refusal shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
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

from ..core import attendance
from ..core.capture_views import MarkState, RosterRow, SessionView
from .empty_roster import EmptyRosterNotice
from .forms import child
from .mark_saving import MarkSaving
from .operations import DatabaseWorker, QueryOp
from .roster_model import STATUS_COLOURS, STATUS_KEYS, RosterModel
from .roster_walk import UnrecordedWalk
from .steady_text import SEPARATOR, SteadyText

if TYPE_CHECKING:
    from ..core.store import Store
    from .today_session import SessionOnScreen

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
    # Working through the missing marks: no unrecorded trainee is left in this session.
    walked_all = Signal()

    def __init__(
        self,
        worker: DatabaseWorker,
        form: QWidget,
        sessions: SessionOnScreen,
        undo_stack: QUndoStack,
        report: Callable[[str, bool], None],
    ) -> None:
        super().__init__(form)
        self.worker = worker
        self.sessions = sessions
        self.undo_stack = undo_stack
        self._report = report
        self.table = child(form, QTableView, "rosterTable")
        self.minutes_spin = child(form, QSpinBox, "minutesSpin")
        self.hours_spin = child(form, QDoubleSpinBox, "hoursSpin")
        self.mark_note = child(form, QLineEdit, "markNoteEdit")
        self.counts_label = SteadyText(child(form, QLabel, "countsLabel"))
        self.notice = EmptyRosterNotice(
            worker, child(form, QLabel, "emptyRosterLabel"), self._error
        )
        self.model = RosterModel(self)
        self.walk = UnrecordedWalk()
        self.saving = MarkSaving(worker, undo_stack, self._confirmed, self._refused, self)
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
        names = ("presentButton", "lateButton", "leftEarlyButton", "absentButton", "excusedButton")
        for status, name in zip(STATUS_KEYS, names, strict=True):
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
        self.walk.session_changed()
        self.reload(roster)

    def walk_unrecorded(self, session_uid: str) -> None:
        """That session opens at its first unrecorded trainee; each mark goes to the next."""
        self.walk.begin()
        if session_uid == self.sessions.uid and self.model.rowCount():
            self._set_rows(self.model.rows())

    def reload(self, rows: list[RosterRow] | None = None) -> None:
        """Show the roster of the session on screen as the store has it (or ``rows``)."""
        session = self.session
        if rows is not None or session is None:
            self._set_rows(rows or [])
            return
        uid = session.uid
        QueryOp(attendance.session_roster, uid).success(
            lambda read: self._arrived(uid, read)
        ).failure(self._error).run(self.worker, self)

    def _arrived(self, session_uid: str, rows: list[RosterRow]) -> None:
        if session_uid == self.sessions.uid:
            self._set_rows(self.saving.shown(rows))

    def _set_rows(self, rows: list[RosterRow]) -> None:
        current = self.table.currentIndex().row()
        self.model.set_rows(rows)
        current = self.walk.first_row(rows, current)
        if rows:
            self.table.setCurrentIndex(
                self.model.index(min(max(current, 0), len(rows) - 1), RosterModel.STATUS)
            )
        else:
            self._row_changed(QModelIndex())
        self.notice.update(self.session, bool(rows))
        self._show_counts()

    # -- marking --------------------------------------------------------------------------

    def current_row(self) -> RosterRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _move(self, step: int) -> bool:
        """Go ``step`` rows down (or up, or to the next unrecorded); False at either end."""
        row = self.table.currentIndex().row() + step
        if self.walk.following and step == 1:
            row = self.walk.next_row(self.model.rows(), row - 1)
            if row < 0:
                self.walked_all.emit()
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, RosterModel.STATUS))
            return True
        return False

    def _change(
        self,
        label: str,
        shown: list[RosterRow],
        call: Callable[[Store], RosterRow | list[RosterRow]],
    ) -> None:
        """Show ``shown`` now, and have ``call`` save it (``MarkSaving``)."""
        session = self.session
        assert session is not None
        for row in shown:
            self.model.update_row(row)
        self._show_counts()
        self.saving.change(session.uid, label, shown, call)

    def _confirmed(self, session_uid: str, rows: list[RosterRow]) -> None:
        if session_uid != self.sessions.uid:
            return
        for row in rows:
            self.model.update_row(row)
        self._show_counts()
        self._editors_follow()

    def _refused(self, session_uid: str, message: str) -> None:
        self._error(message)
        if session_uid == self.sessions.uid:
            # The screen shows only what the database holds.
            self.reload()

    def mark_current(self, status: str) -> None:
        row = self.current_row()
        session = self.session
        if row is None or session is None:
            return
        s_uid, t_uid = session.uid, row.trainee_uid
        old = row.mark
        shown = replace(
            row,
            previous=old,
            mark=MarkState(
                status,
                old.minutes_late if old and status == "late" else 0,
                old.hours if old else 0.0,
                old.note if old else "",
            ),
        )
        self._change(
            f"{self.model.status_names[status]}: {row.name}",
            [shown],
            lambda store: attendance.mark(store, s_uid, t_uid, status),
        )
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
        s_uid, t_uid = session.uid, row.trainee_uid
        self._change(
            f"{self.tr('Clear')}: {row.name}",
            [replace(row, previous=row.mark, mark=None)],
            lambda store: attendance.clear_mark(store, s_uid, t_uid),
        )
        self._row_changed(self.table.currentIndex())

    def _change_detail(self, **fields: object) -> None:
        row = self.current_row()
        session = self.session
        if row is None or row.mark is None or session is None:
            return
        s_uid, t_uid, status = session.uid, row.trainee_uid, row.mark.status
        shown = replace(row, previous=row.mark, mark=replace(row.mark, **fields))  # type: ignore[arg-type]
        self._change(
            f"{self.tr('Change')}: {row.name}",
            [shown],
            lambda store: attendance.mark(store, s_uid, t_uid, status, **fields),
        )

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
            self._change_detail(note=self.mark_note.text().strip())

    def mark_all_present(self) -> None:
        if self.session is None:
            return
        s_uid = self.session.uid
        shown = [
            replace(r, previous=None, mark=MarkState("present"))
            for r in self.model.rows()
            if r.mark is None and r.expected
        ]
        if not shown:
            self._report(self.tr("Everyone expected is already marked."), False)
            return
        self._change(
            self.tr("Mark all present"),
            shown,
            lambda store: attendance.mark_all_present(store, s_uid),
        )
        self._row_changed(self.table.currentIndex())
        self._report(self.tr("%1 marked present.").replace("%1", str(len(shown))), False)

    def _editors_follow(self) -> None:
        """The detail editors show the current row again, unless one is being typed in."""
        if not any(editor.hasFocus() for editor in self._commits):
            self._row_changed(self.table.currentIndex())

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
        names = self.model.count_names
        # Who is still unmarked comes first: that is what the person at the PC looks for.
        order = ["unmarked", *(k for k in counts if k != "unmarked")]
        self.counts_label.set_text(
            SEPARATOR.join(f"{names[k]} {counts[k]}" for k in order if counts[k] or k == "unmarked")
        )

    def _error(self, text: str) -> None:
        self._report(text, True)
