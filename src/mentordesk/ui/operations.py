"""The window's one way into ``core``: operations on the one database worker.

An operation names a service call. ``DatabaseWorker`` runs it on its own thread, one at a time
and in the order asked, with the store it owns, and hands the typed result back on the GUI
thread. A ``CollectionOp`` (a change) also announces a ``Changes`` notice on the worker's
``ChangeBus``; each view subscribes to the kinds of record it shows and reads again only those.

A ``UserError`` reaches the user as a message in the interface language (the operation's
``failure`` callback, else a message box); anything else goes to the crash reporting of
``error_reporting`` and then to ``failure``, so that a view can put back what it showed early.
Whatever the user does before the store has opened waits in the queue behind the opening.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ..core.errors import UserError
from ..core.progress import Cancelled, Progress
from ..core.wording import user_text
from .localised import localised

if TYPE_CHECKING:
    from ..core.store import Store

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Which kinds of record a change operation changed (uids where a view can use them)."""

    attendance: frozenset[str] = frozenset()  # sessions whose marks changed
    ratings: frozenset[str] = frozenset()  # trainees rated
    notes: frozenset[str] = frozenset()  # trainees written about
    sessions: bool = False
    trainees: bool = False
    assessments: bool = False
    settings: bool = False
    # An import, a merge, demo data: anything may have changed.
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, Any] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = a | b
        return Changes(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches_sessions(self) -> bool:
        return self.sessions or self.everything

    def touches_trainees(self) -> bool:
        return self.trainees or self.everything


class ChangeBus(QObject):
    """Change notices, on the GUI thread: (``Changes``, the object whose operation made them)."""

    changed = Signal(object, object)

    def announce(self, changes: Changes, origin: object = None) -> None:
        if changes:
            self.changed.emit(changes, origin)

    def subscribe(
        self, owner: QObject, handler: Callable[[Changes], None], *, parts: bool = True
    ) -> None:
        """Call ``handler`` with every notice that ``owner`` did not cause, nor (``parts``)
        one of its QObject descendants, for as long as ``owner`` lives."""
        _Subscription(owner, self, handler, parts)


class _Subscription(QObject):
    # A child of its owner: the connection goes when the owner does.
    def __init__(
        self, owner: QObject, bus: ChangeBus, handler: Callable[[Changes], None], parts: bool
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._handler = handler
        self._parts = parts
        bus.changed.connect(self.deliver)

    def deliver(self, changes: Changes, origin: object) -> None:
        part = origin
        while isinstance(part, QObject):
            if part is self._owner:
                return
            part = part.parent() if self._parts else None
        self._handler(changes)


@dataclass(eq=False)
class _Task:
    call: Callable[[Store], Any]
    owner: QObject | None
    success: Callable[[Any], None] | None = None
    failure: Callable[[str], None] | None = None
    changes: Changes | Callable[[Any], Changes] | None = None
    progress: _ProgressRelay | None = None
    cancelled: Callable[[], None] | None = None
    result: Any = None
    error: BaseException | None = None
    # False for the worker's own waits: nobody to answer, not counted as pending.
    answer: bool = True


class DatabaseWorker(QObject):
    """The one thread that talks to the database, and the store it owns.

    ``opened``/``open_failed`` tell the GUI thread how opening the store went; ``idle`` says
    whether every operation asked for has run and been answered.
    """

    opened = Signal()
    open_failed = Signal(str)
    _answered = Signal(object)

    def __init__(self, store: Store | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes = ChangeBus(self)
        self._store = store
        # A store handed in (tests, benchmarks) is its owner's to close.
        self._owns_store = store is None
        self._opened = threading.Event()
        if store is not None:
            self._opened.set()
        self._queue: queue.Queue[_Task | None] = queue.Queue()
        self._pending = 0
        # The progress of long work asked for and not yet answered (cancelled at exit).
        self._long: set[Progress] = set()
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="mentordesk-database", daemon=True)
        self._thread.start()

    # -- the store --------------------------------------------------------------------------

    def open(self, target: str) -> None:
        """Open the store at ``target`` on the worker, before anything asked after this."""

        def opening(_none: object) -> None:
            from ..core.store import Store

            try:
                self._store = Store.open(target)
            except UserError:
                raise
            except Exception as exc:
                # Read a moment ago, yet it would not open (locked, read-only, full disk).
                from .error_reporting import log

                log.error("opening the store failed", exc_info=exc)
                raise UserError(
                    user_text(
                        "Application",
                        "{where}: cannot open the database ({reason}). Details are in the "
                        "log file.",
                    ).format(where=target, reason=type(exc).__name__)
                ) from exc
            finally:
                # Waiters go on either way: with no store they are told there is none.
                self._opened.set()

        def failed(message: str) -> None:
            self.open_failed.emit(message)

        self._submit(_Task(opening, None, lambda _r: self.opened.emit(), failed))

    @property
    def is_open(self) -> bool:
        return self._opened.is_set() and self._store is not None

    @property
    def store(self) -> Store:
        """The open store, for tests and benchmarks to look at what was stored. The window
        never uses it: its reads and changes are operations, run on the worker.

        Waits for the opening; raises ``UserError`` when there is no store to use."""
        if not self._opened.is_set():
            done = threading.Event()
            self._queue.put(_Task(lambda _s: done.set(), None, answer=False))
            done.wait()
        if self._store is None:
            raise UserError("The database is not open.")
        return self._store

    def close(self, cancel: bool = False) -> None:
        """Finish what was asked (``cancel``: stopping long work), stop the thread, close the
        store."""
        if not self._thread.is_alive():
            return
        if cancel:
            for progress in list(self._long):
                progress.cancel()
        self._queue.put(None)
        self._thread.join()
        if self._store is not None and self._owns_store:
            self._store.close()
            self._store = None

    # -- running ----------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        return self._pending == 0

    def _submit(self, task: _Task) -> None:
        self._pending += 1
        if task.progress is not None:
            self._long.add(task.progress.progress)
        self._queue.put(task)

    def _loop(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            try:
                task.result = task.call(self._store)  # type: ignore[arg-type]
            except BaseException as exc:  # handed to the GUI thread, which reports it
                task.error = exc
            if task.answer:
                self._answered.emit(task)

    def _deliver(self, task: _Task) -> None:
        self._pending -= 1
        if task.progress is not None:
            self._long.discard(task.progress.progress)
            task.progress.close()
        owner_gone = task.owner is not None and not shiboken6.isValid(task.owner)
        error = task.error
        if error is None:
            if owner_gone:
                return
            if task.success is not None:
                task.success(task.result)
            if task.changes is not None:
                changes = task.changes(task.result) if callable(task.changes) else task.changes
                self.changes.announce(changes, task.owner)
            return
        if isinstance(error, Cancelled):
            if not owner_gone and task.cancelled is not None:
                task.cancelled()
            return
        if isinstance(error, UserError):
            message = localised(error)
        else:
            # The crash reporting: logged with its details, a short message on screen.
            sys.excepthook(type(error), error, error.__traceback__)
            message = QCoreApplication.translate(
                "Operations", "The work stopped on an unexpected error: %1"
            ).replace("%1", str(error))
        if owner_gone:
            return
        if task.failure is not None:
            task.failure(message)
        elif isinstance(error, UserError):
            from .error_reporting import show_user_error

            show_user_error(message, QApplication.activeWindow())


class _ProgressRelay(QObject):
    """A ``Progress`` the service steps on the worker, shown in a dialog with Cancel."""

    progressed = Signal(int, int, str)

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(
            title, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent
        )
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        relay = self

        class _Stepped(Progress):
            def report(self, what: str) -> None:
                if not shiboken6.isValid(relay):
                    # The window that asked has closed: nobody is waiting for this work.
                    raise Cancelled()
                # Translated on the worker: a signal carries a plain string, not the Text.
                try:
                    relay.progressed.emit(self.done, self.total, localised(what))
                except RuntimeError as exc:  # deleted between the check and the emit
                    raise Cancelled() from exc

        self.progress = _Stepped()
        self.progressed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialog.canceled.connect(self.progress.cancel)
        self.destroyed.connect(self.progress.cancel)

    def _show(self, done: int, total: int, what: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if what:
            self.dialog.setLabelText(what)

    def close(self) -> None:
        """The work is over: the dialog goes, and this relay with it."""
        if shiboken6.isValid(self.dialog):
            self.dialog.close()
            self.dialog.deleteLater()
        if shiboken6.isValid(self):
            self.deleteLater()


class QueryOp(Generic[T]):
    """A read: ``QueryOp(service.function, *args).success(show).run(worker, owner)``.

    ``call(store, *args, **kwargs)`` runs on the database worker; ``success`` gets its result on
    the GUI thread, unless ``owner`` (the view that asked) is gone by then.
    """

    def __init__(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> None:
        self._call = call
        self._args = args
        self._kwargs = kwargs
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[str], None] | None = None
        self._progress: tuple[QWidget, str] | None = None
        self._cancelled: Callable[[], None] | None = None

    def success(self, fn: Callable[[T], None]) -> QueryOp[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[str], None]) -> QueryOp[T]:
        """``fn(message)``: a refusal in the interface language, or a one-line account of an
        unexpected error (already reported)."""
        self._failure = fn
        return self

    def with_progress(self, parent: QWidget, title: str) -> QueryOp[T]:
        """Long work: the call gets ``progress=``, shown in a dialog with Cancel."""
        self._progress = (parent, title)
        return self

    def cancelled(self, fn: Callable[[], None]) -> QueryOp[T]:
        """``fn()`` once long work stopped because the user cancelled it."""
        self._cancelled = fn
        return self

    def _task(self, owner: QObject | None) -> _Task:
        relay = _ProgressRelay(*self._progress) if self._progress else None
        call, args, kwargs = self._call, self._args, dict(self._kwargs)
        if relay is not None:
            kwargs["progress"] = relay.progress
        return _Task(
            lambda store: call(store, *args, **kwargs),
            owner,
            self._success,  # type: ignore[arg-type]
            self._failure,
            progress=relay,
            cancelled=self._cancelled,
        )

    def run(self, worker: DatabaseWorker, owner: QObject | None = None) -> Progress | None:
        """Ask the worker for it; the ``Progress`` of long work, which ``cancel()`` stops."""
        task = self._task(owner)
        worker._submit(task)
        return task.progress.progress if task.progress is not None else None


class CollectionOp(QueryOp[T]):
    """A change: a ``QueryOp`` that, once it succeeds, announces what it changed.

    ``changes``: a ``Changes``, or a function of the result giving one. The notice goes to every
    subscriber except ``owner``, which has its result.
    """

    def __init__(
        self,
        call: Callable[..., T],
        *args: Any,
        changes: Changes | Callable[[T], Changes],
        **kwargs: Any,
    ) -> None:
        super().__init__(call, *args, **kwargs)
        self._changes = changes

    def _task(self, owner: QObject | None) -> _Task:
        task = super()._task(owner)
        task.changes = self._changes
        return task
