"""The Skill ratings tab of the Today area: the grid, its keys, and the level side panel."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QLineEdit, QTableView, QWidget

from ..core import ratings
from ..core.errors import UserError
from ..core.ratings import RatingState, RatingView
from ..core.store import Store
from .capture_undo import ServiceCommand
from .forms import child
from .localised import localised
from .rating_cell_delegate import RatingCellDelegate
from .rating_grid_model import RatingGridModel

if TYPE_CHECKING:
    from ..core.capture_views import SessionView
    from .today_session import SessionOnScreen

PANEL_DELAY_MS = 60
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class RatingPanel(QObject):
    """Type a level number to rate the current cell, Delete to clear it.

    The grid is the one of the session on screen (``sessions``): read when the tab is shown,
    dropped as soon as another session is put on screen."""

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
        # Which session the grid shown was read for (None: no grid read yet).
        self._loaded_for: str | None = None
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
        position = self.table.currentIndex()
        try:
            grid = ratings.rating_grid(self.store, session_uid)
        except UserError as exc:
            self._report(localised(exc), True)
            return
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

    def _push(self, text: str, view: RatingView) -> None:
        uid, trainee_uid, skill_uid = view.uid, view.trainee_uid, view.skill_uid
        before = view.previous or RatingState(view.level, view.evidence, deleted=True)
        after = RatingState(view.level, view.evidence)

        def put(state: RatingState) -> None:
            ratings.restore_rating(self.store, uid, state)
            self._show(trainee_uid, skill_uid, uid, state)

        self.undo_stack.push(
            ServiceCommand(
                text, lambda: put(before), lambda: put(after), lambda t: self._report(t, True)
            )
        )

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
        if trainee is None or skill is None or cell is None:
            return
        try:
            view = ratings.rate(
                self.store,
                trainee.uid,
                skill.uid,
                level,
                evidence=evidence,
                session_uid=self.session_uid,
            )
        except UserError as exc:
            self._report(localised(exc), True)
            return
        self._report("", False)
        self.model.set_cell(trainee.uid, skill.uid, view.uid, view.level, view.evidence)
        self._push(f"{skill.code} {trainee.name}", view)
        if advance:
            self._advance()
        self._cell_changed(self.table.currentIndex())

    def clear_current(self) -> None:
        index = self.table.currentIndex()
        cell = self.model.cell_at(index.row(), index.column())
        if cell is None or cell.rating_uid is None:
            return
        trainee = self.model.trainee_at(index.row())
        skill = self.model.skill_at(index.column())
        assert trainee is not None and skill is not None
        view = ratings.clear_rating(self.store, cell.rating_uid)
        self.model.set_cell(trainee.uid, skill.uid, None, None, "")
        uid = view.uid
        before = view.previous or RatingState(view.level, view.evidence)
        after = RatingState(view.level, view.evidence, deleted=True)

        def put(state: RatingState) -> None:
            ratings.restore_rating(self.store, uid, state)
            self._show(trainee.uid, skill.uid, uid, state)

        self.undo_stack.push(
            ServiceCommand(
                self.tr("Clear %1").replace("%1", skill.code),
                lambda: put(before),
                lambda: put(after),
                lambda t: self._report(t, True),
            )
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
