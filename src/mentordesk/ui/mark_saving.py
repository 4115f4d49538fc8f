"""Marks shown before the database has them: their operations, answers and undo steps.

A key in the roster shows its mark at once; ``MarkSaving.change`` then asks the database
worker for the service call. The answer replaces the row with what the service stored; a
refusal reads the roster again. The undo step is pushed with the key (an undo pressed at once
is never lost) and restores what the change recorded on the worker, where it runs after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from ..core import attendance
from ..core.capture_views import MarkState, RosterRow
from .capture_undo import OperationCommand
from .operations import Changes, CollectionOp, DatabaseWorker

if TYPE_CHECKING:
    from ..core.store import Store


@dataclass
class _Step:
    """What one change did to the marks, filled in on the worker as it runs; the undo and redo
    queued behind it find it there."""

    before: dict[str, MarkState | None] = field(default_factory=dict)
    after: dict[str, MarkState | None] = field(default_factory=dict)


class MarkSaving(QObject):
    """Saves the roster's marks through the worker. ``answered(session_uid, rows)`` gets the
    rows as stored (less those changed again since); ``refused(session_uid, message)`` a
    refusal, after which the roster must be read again."""

    def __init__(
        self,
        worker: DatabaseWorker,
        undo_stack: QUndoStack,
        answered: Callable[[str, list[RosterRow]], None],
        refused: Callable[[str, str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.undo_stack = undo_stack
        self._answered = answered
        self._refused = refused
        # Rows shown ahead of the worker's answer, by trainee: a roster read that was asked
        # before the change must not take them off the screen.
        self._early: dict[str, RosterRow] = {}

    def shown(self, rows: list[RosterRow]) -> list[RosterRow]:
        """``rows`` as read, with the marks still on their way put back over them."""
        return [self._early.get(r.trainee_uid, r) for r in rows]

    def change(
        self,
        session_uid: str,
        label: str,
        shown: list[RosterRow],
        call: Callable[[Store], RosterRow | list[RosterRow]],
    ) -> None:
        """Save what ``shown`` shows by running ``call`` on the worker; push its undo step."""
        for row in shown:
            self._early[row.trainee_uid] = row
        step = _Step()

        def run(store: Store) -> list[RosterRow]:
            done = call(store)
            rows = done if isinstance(done, list) else [done]
            step.before = {r.trainee_uid: r.previous for r in rows}
            step.after = {r.trainee_uid: r.mark for r in rows}
            return rows

        self._run(session_uid, run, shown)
        self.undo_stack.push(
            OperationCommand(
                label,
                lambda: self._put(session_uid, step, before=True),
                lambda: self._put(session_uid, step, before=False),
            )
        )

    def _run(
        self,
        session_uid: str,
        run: Callable[[Store], list[RosterRow]],
        shown: list[RosterRow],
    ) -> None:
        CollectionOp(run, changes=Changes(attendance=frozenset({session_uid}))).success(
            lambda rows: self._confirmed(session_uid, shown, rows)
        ).failure(lambda message: self._failed(session_uid, shown, message)).run(self.worker, self)

    def _settle(self, shown: list[RosterRow]) -> None:
        for row in shown:
            if self._early.get(row.trainee_uid) is row:
                del self._early[row.trainee_uid]

    def _confirmed(self, session_uid: str, shown: list[RosterRow], rows: list[RosterRow]) -> None:
        self._settle(shown)
        # A later keypress on the same trainee is on screen already: it stays.
        self._answered(session_uid, [r for r in rows if r.trainee_uid not in self._early])

    def _failed(self, session_uid: str, shown: list[RosterRow], message: str) -> None:
        self._settle(shown)
        self._refused(session_uid, message)

    def _put(self, session_uid: str, step: _Step, *, before: bool) -> None:
        """Undo (``before``) or redo a step, after the change itself in the worker's order."""

        def run(store: Store) -> list[RosterRow]:
            return attendance.restore_marks(
                store, session_uid, step.before if before else step.after
            )

        self._run(session_uid, run, [])
