"""The Skill ratings tab of the Today area: the grid, its keys, and the level side panel.

The grid is read, and levels are saved, through the database worker. A typed level shows at
once; the worker's answer then gives the cell its record, or a refusal puts back what the
database holds. The undo step is pushed with the key and runs behind the change on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QLineEdit, QTableView, QWidget

from ..core import ratings
from ..core.errors import UserError
from ..core.ratings import RatingGrid, RatingState, RatingView
from ..core.wording import user_text
from .capture_undo import OperationCommand
from .forms import child
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .rating_cell_delegate import RatingCellDelegate
from .rating_grid_model import RatingGridModel

if TYPE_CHECKING:
    from ..core.capture_views import SessionView
    from ..core.store import Store
    from .today_session import SessionOnScreen

PANEL_DELAY_MS = 60
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


@dataclass
class _Step:
    """One rating change as the worker made it: the record, and its state before and after.
    Filled in on the worker; the undo, redo or clear queued behind it find it there."""

    uid: str | None = None
    before: RatingState | None = None
    after: RatingState | None = None


class RatingPanel(QObject):
    """Type a level number to rate the current cell, Delete to clear it.

    The grid is the one of the session on screen (``sessions``): read when the tab is shown,
    dropped as soon as another session is put on screen."""

    trainee_chosen = Signal(object, str)

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
        # Which session the grid shown was read for (None: no grid read yet), and which one
        # is being read.
        self._loaded_for: str | None = None
        self._asked_for: str | None = None
        # Cells typed but not yet answered, by (trainee, skill): a Delete pressed meanwhile
        # clears the rating their change makes.
        self._pending: dict[tuple[str, str], _Step] = {}
        self.table = child(form, QTableView, "ratingTable")
        self.group = child(form, QGroupBox, "levelPanel")
        self.skill_label = child(form, QLabel, "skillNameLabel")
        self.level_label = child(form, QLabel, "levelLabel")
        self.descriptor_label = child(form, QLabel, "descriptorLabel")
        self.previous_label = child(form, QLabel, "previousLabel")
        self.evidence = child(form, QLineEdit, "evidenceEdit")
        self.scale_label = child(form, QLabel, "scaleLabel")
        self.model = RatingGridModel(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(RatingCellDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setStyleSheet("QTableView { font-size: 11pt; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumHeight(48)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.installEventFilter(self)
        self.evidence.installEventFilter(self)
        self.table.selectionModel().currentChanged.connect(self._cell_changed)
        self.evidence.editingFinished.connect(self._evidence_edited)
        self._panel_timer = QTimer(self, singleShot=True, interval=PANEL_DELAY_MS)
        self._panel_timer.timeout.connect(self.show_panel)
        sessions.changed.connect(self._session_changed)
        sessions.reloaded.connect(self.reload)

    # -- loading ----------------------------------------------------------------------------

    @property
    def session_uid(self) -> str | None:
        return self.sessions.uid

    def _session_changed(self, _view: SessionView | None, _roster: object) -> None:
        # Not a moment with the previous session's grid: a key typed now must not rate there.
        self.model.set_grid(None)
        self._loaded_for = None
        self._cell_changed(QModelIndex())
        if self.table.isVisible():
            self.load()

    def load(self) -> None:
        """Build the grid for the session on screen (lazily: only when the tab is shown)."""
        session_uid = self.session_uid
        if session_uid is None or self._loaded_for == session_uid:
            return
        if self._asked_for == session_uid:
            return
        self._asked_for = session_uid
        QueryOp(ratings.rating_grid, session_uid).success(
            lambda grid: self._arrived(session_uid, grid)
        ).failure(self._refused).run(self.worker, self)

    def _arrived(self, session_uid: str, grid: RatingGrid) -> None:
        if self._asked_for == session_uid:
            self._asked_for = None
        if session_uid != self.session_uid:
            return
        position = self.table.currentIndex()
        self.model.set_grid(grid)
        self._loaded_for = session_uid
        grid = self.model.grid
        header = self.table.horizontalHeader()
        # Skills share the width (no sideways scrolling on the shop floor) down to a minimum
        # that still shows the level's number and most of its label.
        header.setMinimumSectionSize(96)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 130)
        if grid is not None:
            scale = " · ".join(f"<b>{lv.level}</b> {escape(lv.label)}" for lv in grid.levels)
            hint = escape(self.tr("Type a level number to rate; Delete clears."))
            self.scale_label.setText(f"{hint}<br>{scale}")
        row = position.row() if position.isValid() else 0
        column = position.column() if position.isValid() and position.column() > 0 else 1
        if self.model.rowCount() and self.model.columnCount() > 1:
            self.table.setCurrentIndex(self.model.index(row, column))
        else:
            self._cell_changed(QModelIndex())

    def reload(self) -> None:
        """Build the grid again when next shown (records may have changed elsewhere)."""
        self._loaded_for = None
        self._asked_for = None
        if self.table.isVisible():
            self.load()

    def current_trainee_uid(self) -> str | None:
        trainee = self.model.trainee_at(self.table.currentIndex().row())
        return trainee.uid if trainee else None

    # -- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = key_event.key()
        modified = key_event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if watched is self.table and not modified:
            if key in DIGITS:
                self.rate_current(DIGITS[key])
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_current()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move_down()
                return True
        if watched is self.evidence and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._evidence_edited()
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _move_down(self) -> None:
        index = self.table.currentIndex()
        if index.row() + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(index.row() + 1, index.column()))

    def _advance(self) -> None:
        """Next skill of the same trainee; after the last skill, the next trainee's first."""
        index = self.table.currentIndex()
        row, column = index.row(), index.column() + 1
        if column >= self.model.columnCount():
            row, column = row + 1, 1
        if row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, column))

    # -- changes --------------------------------------------------------------------------

    def _refused(self, message: str) -> None:
        self._report(message, True)

    def _change(
        self,
        text: str,
        trainee_uid: str,
        skill_uid: str,
        call: Callable[[Store, _Step], RatingView],
        deleted: bool,
    ) -> None:
        """Save a change of one cell on the worker; push its undo step at once."""
        key = (trainee_uid, skill_uid)
        step = _Step()
        self._pending[key] = step

        def run(store: Store) -> RatingView:
            view = call(store, step)
            step.uid = view.uid
            step.after = RatingState(view.level, view.evidence, deleted=deleted)
            step.before = view.previous or RatingState(
                view.level, view.evidence, deleted=not deleted
            )
            return view

        def answered(view: RatingView) -> None:
            if self._pending.get(key) is step:
                del self._pending[key]
                self._show(trainee_uid, skill_uid, view.uid, step.after)  # type: ignore[arg-type]

        def refused(message: str) -> None:
            if self._pending.get(key) is step:
                del self._pending[key]
            self._refused(message)
            # The grid shows only what the database holds.
            self.reload()
            self.load()

        CollectionOp(run, changes=Changes(ratings=frozenset({trainee_uid}))).success(
            answered
        ).failure(refused).run(self.worker, self)
        self.undo_stack.push(
            OperationCommand(
                text,
                lambda: self._put(trainee_uid, skill_uid, step, before=True),
                lambda: self._put(trainee_uid, skill_uid, step, before=False),
            )
        )

    def _put(self, trainee_uid: str, skill_uid: str, step: _Step, *, before: bool) -> None:
        """Undo (``before``) or redo a change, behind it on the worker."""

        def run(store: Store) -> RatingState | None:
            state = step.before if before else step.after
            if step.uid is None or state is None:
                return None  # the change itself was refused: nothing to put back
            ratings.restore_rating(store, step.uid, state)
            return state

        def answered(state: RatingState | None) -> None:
            if state is not None and step.uid is not None:
                self._show(trainee_uid, skill_uid, step.uid, state)

        CollectionOp(run, changes=Changes(ratings=frozenset({trainee_uid}))).success(
            answered
        ).failure(self._refused).run(self.worker, self)

    def _show(self, trainee_uid: str, skill_uid: str, uid: str, state: RatingState) -> None:
        if state.deleted:
            self.model.set_cell(trainee_uid, skill_uid, None, None, "")
        else:
            self.model.set_cell(trainee_uid, skill_uid, uid, state.level, state.evidence)
        self._cell_changed(self.table.currentIndex())

    def rate_current(self, level: int, evidence: str | None = None, advance: bool = True) -> None:
        index = self.table.currentIndex()
        trainee = self.model.trainee_at(index.row())
        skill = self.model.skill_at(index.column())
        cell = self.model.cell_at(index.row(), index.column())
        grid = self.model.grid
        if trainee is None or skill is None or cell is None or grid is None:
            return
        session_uid = self.session_uid
        t_uid, s_uid = trainee.uid, skill.uid
        self._report("", False)
        if grid.label(level):
            # On the scale shown: it shows at once. Off it, nothing shows, and the service
            # says what the scale is.
            shown = cell.evidence if evidence is None else evidence.strip()
            self.model.set_cell(t_uid, s_uid, cell.rating_uid, level, shown)
        self._change(
            f"{skill.code} {trainee.name}",
            t_uid,
            s_uid,
            lambda store, _step: ratings.rate(
                store, t_uid, s_uid, level, evidence=evidence, session_uid=session_uid
            ),
            deleted=False,
        )
        if advance and grid.label(level):
            self._advance()
        self._cell_changed(self.table.currentIndex())

    def clear_current(self) -> None:
        index = self.table.currentIndex()
        cell = self.model.cell_at(index.row(), index.column())
        trainee = self.model.trainee_at(index.row())
        skill = self.model.skill_at(index.column())
        if cell is None or trainee is None or skill is None:
            return
        pending = self._pending.get((trainee.uid, skill.uid))
        if cell.rating_uid is None and pending is None:
            return
        rating_uid = cell.rating_uid
        self.model.set_cell(trainee.uid, skill.uid, None, None, "")

        def clear(store: Store, _step: _Step) -> RatingView:
            # A level typed a moment ago has its record by now: the worker made it first.
            uid = rating_uid or (pending.uid if pending else None)
            if uid is None:
                # The level typed a moment ago was refused: there is nothing to clear.
                raise UserError(user_text("Ratings", "That rating has already been removed"))
            return ratings.clear_rating(store, uid)

        self._change(
            self.tr("Clear %1").replace("%1", skill.code), trainee.uid, skill.uid, clear, True
        )
        self._cell_changed(index)

    def _evidence_edited(self) -> None:
        index = self.table.currentIndex()
        cell = self.model.cell_at(index.row(), index.column())
        if cell is None or cell.level is None or self.evidence.text().strip() == cell.evidence:
            return
        self.rate_current(cell.level, evidence=self.evidence.text(), advance=False)

    # -- side panel -----------------------------------------------------------------------

    def _cell_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        trainee = self.model.trainee_at(index.row()) if index.isValid() else None
        if trainee is not None:
            self.trainee_chosen.emit(trainee.uid, trainee.name)
        # Typing levels runs ahead of the panel: it follows once the keys pause (its word-
        # wrapped labels relay out the tab, which took as long as the rating itself).
        self._panel_timer.start()

    def show_panel(self) -> None:
        """The level, descriptor, previous level and evidence of the current cell."""
        index = self.table.currentIndex()
        grid = self.model.grid
        trainee = self.model.trainee_at(index.row()) if index.isValid() else None
        skill = self.model.skill_at(index.column()) if index.isValid() else None
        cell = self.model.cell_at(index.row(), index.column()) if index.isValid() else None
        if grid is None or skill is None or cell is None:
            for label in (self.skill_label, self.level_label, self.descriptor_label):
                label.clear()
            self.previous_label.clear()
            self.evidence.setEnabled(False)
            self.evidence.clear()
            if grid is not None and not grid.skills:
                self.skill_label.setText(self.tr("The rubric has no skills to rate."))
            elif grid is not None and not grid.trainees:
                self.skill_label.setText(
                    self.tr("Nobody to rate at this session: the Attendance tab says why.")
                )
            return
        self.skill_label.setText(f"{skill.code} {skill.name}\n{trainee.name if trainee else ''}")
        if cell.level is None:
            self.level_label.setText(self.tr("Not rated"))
            self.descriptor_label.setText(self.tr("Type a level number to rate."))
        else:
            self.level_label.setText(f"{cell.level} · {grid.label(cell.level)}")
            self.descriptor_label.setText(skill.descriptor(cell.level))
        if cell.previous_level is not None:
            self.previous_label.setText(
                self.tr("Before: %1 %2 (%3)")
                .replace("%1", str(cell.previous_level))
                .replace("%2", grid.label(cell.previous_level))
                .replace("%3", f"{cell.previous_on:%Y-%m-%d}" if cell.previous_on else "")
            )
        else:
            self.previous_label.setText(self.tr("Not rated before."))
        self.evidence.blockSignals(True)
        self.evidence.setEnabled(cell.level is not None)
        self.evidence.setText(cell.evidence)
        self.evidence.blockSignals(False)
