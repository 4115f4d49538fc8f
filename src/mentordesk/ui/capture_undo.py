"""Undo and redo over the capture services: each step is a committed, audited service call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..core.errors import UserError
from .localised import localised


class ServiceCommand(QUndoCommand):
    """A change already made (and committed) by a service; undo and redo call services again.

    The first ``redo`` — the one ``QUndoStack.push`` makes — does nothing: the change was made
    before the push, so that a refused change never lands on the stack.
    """

    def __init__(
        self,
        text: str,
        undo: Callable[[], None],
        redo: Callable[[], None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._report = report
        self._pushed = False

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as exc:
            # Someone else changed or removed the record meanwhile: say so, keep the stack.
            self._report(localised(exc))

    def undo(self) -> None:
        self._run(self._undo)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self._redo)


class OperationCommand(QUndoCommand):
    """A change already asked of the database worker; undo and redo ask it again.

    ``undo`` and ``redo`` start operations, which run after the change in the worker's order
    and report their own refusals. The first ``redo`` (the push's) does nothing: the change is
    under way.
    """

    def __init__(self, text: str, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._pushed = False

    def undo(self) -> None:
        self._undo()

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._redo()
