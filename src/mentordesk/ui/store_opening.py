"""The store opening behind the first screen, and service modules imported once it is open.

The window shows what ``core.first_screen`` read with plain ``sqlite3``; SQLAlchemy, the models
and the store load in a thread meanwhile (about 0.6 s on a plant's PC). Whatever needs the
store before then waits for it: a keypress in the first half-second is answered late, never
lost. Service modules are imported through ``service`` so that building the window does not
import them, and so that the GUI thread never imports them while the opening thread is inside
the same packages.
"""

from __future__ import annotations

import importlib
import threading
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ..core.store import Store

# The one being opened (a process opens one store); ``service`` waits for it.
_opening: StoreOpening | None = None


class StoreOpening(QObject):
    """Stands in for the store while it opens; any use of it waits until it is open.

    ``finished`` is emitted in the GUI thread once the store is open or has failed to open.
    """

    finished = Signal()

    def __init__(self, target: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self._store: Store | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        global _opening
        _opening = self

    def start(self) -> None:
        """Open the store in a thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._open, name="mentordesk-open", daemon=True)
            self._thread.start()

    @property
    def is_open(self) -> bool:
        return self._done.is_set()

    @property
    def error(self) -> BaseException | None:
        return self._error

    def _open(self) -> None:
        store = None
        try:
            from ..core.store import Store

            store = Store.open(self.target)
            # What the first keypress and the notes panel call next, imported here rather than
            # on the GUI thread when the user is waiting.
            for name in STARTING_SERVICES:
                importlib.import_module(f"{__package__.rpartition('.')[0]}.core.{name}")
            self._store = store
        except BaseException as exc:  # handed to the GUI thread, which says what went wrong
            self._error = exc
            if store is not None:
                store.close()
        finally:
            global _opening
            if _opening is self:
                _opening = None
            # Told before the waiters are let go: once they are, the process may be ending.
            self.finished.emit()
            self._done.set()

    def wait(self) -> None:
        """Until the store is open or has failed to (opening it here if the thread never ran)."""
        if self._thread is None:
            self._thread = threading.current_thread()
            self._open()
        self._done.wait()

    def store(self) -> Store:
        """The open store, waiting for it.

        Raises what opening it raised (``UserError`` for a database that cannot be opened).
        """
        self.wait()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store

    def close(self) -> None:
        """Close the store once it is open. One never started is not opened just to be closed;
        one that failed to open has nothing to close."""
        if self._thread is None:
            return
        self._done.wait()
        if self._thread is not threading.current_thread():
            # Past its last use of Qt before the interpreter and Qt are torn down.
            self._thread.join()
        if self._store is not None:
            self._store.close()

    def __getattr__(self, name: str) -> Any:
        # Only what this class lacks arrives here: the store's own attributes and methods.
        if name.startswith("__") or name in ("_store", "_error", "_done", "_thread", "target"):
            raise AttributeError(name)
        return getattr(self.store(), name)


STARTING_SERVICES = ("attendance", "workshop_sessions", "notes", "staff")


def is_open(store: object) -> bool:
    """Whether using ``store`` now would not wait for it to open."""
    return not isinstance(store, StoreOpening) or store.is_open


class _Service(ModuleType):
    """A ``core`` service module, imported on first use, after the store being opened."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_module"] = None

    def __getattr__(self, attr: str) -> Any:
        module = self.__dict__["_module"]
        if module is None:
            opening = _opening
            if opening is not None:
                opening.wait()
            module = importlib.import_module(self.__name__)
            self.__dict__["_module"] = module
        return getattr(module, attr)


def service(name: str) -> ModuleType:
    """``core.<name>``, imported the first time one of its functions is used."""
    return _Service(f"{__package__.rpartition('.')[0]}.core.{name}")
