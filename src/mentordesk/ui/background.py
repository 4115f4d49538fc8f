"""Long work off the GUI thread, with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import UserError
from ..core.progress import Cancelled, Progress
from .localised import localised


class _SignalProgress(Progress):
    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        super().__init__()
        self._emit = emit

    def report(self, what: str) -> None:
        # Translated here, in the worker: a Qt signal carries a plain string, not the Text.
        self._emit(self.done, self.total, localised(what))


class Job(QThread):
    """Runs ``work(progress)`` in a thread; ``finished_ok``/``failed``/``cancelled`` on the GUI side."""

    progressed = Signal(int, int, str)
    finished_ok = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.progress = _SignalProgress(self.progressed.emit)

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except Cancelled:
            self.was_cancelled.emit()
        except UserError as exc:
            self.failed.emit(localised(exc))
        except Exception as exc:  # reported, never a traceback on screen
            import logging

            logging.getLogger("mentordesk").exception("background job failed")
            self.failed.emit(
                self.tr("The work stopped on an unexpected error: %1").replace("%1", str(exc))
            )
        else:
            self.finished_ok.emit(result)

    def cancel(self) -> None:
        self.progress.cancel()


# Jobs are not children of a widget: closing a window must not destroy a running thread (Qt
# aborts). They live here until their thread ends; a closed window only asks them to cancel.
_running: set[Job] = set()


class _Relay(QObject):
    """Delivers a job's outcome to the widget that started it, for as long as that widget lives."""

    def __init__(
        self,
        parent: QWidget,
        dialog: QProgressDialog,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None,
    ) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.on_done = on_done
        self.on_error = on_error

    def progressed(self, done: int, total: int, what: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if what:
            self.dialog.setLabelText(what)

    def succeeded(self, result: object) -> None:
        self.dialog.close()
        self.on_done(result)

    def failed(self, message: str) -> None:
        self.dialog.close()
        if self.on_error is not None:
            self.on_error(message)

    def cancelled(self) -> None:
        self.dialog.close()


def _forget(job: Job) -> None:
    _running.discard(job)
    job.deleteLater()


def wait_for_jobs(timeout_ms: int = 30_000) -> None:
    """Cancel what still runs and wait for it: at exit, so no work is cut off mid-write."""
    for job in list(_running):
        job.cancel()
        job.wait(timeout_ms)


def run_with_progress(
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
) -> Job:
    """Start ``work`` off the GUI thread behind a modal progress dialog with Cancel."""
    # A fixed context: parent.tr() would look the word up under each caller's class name.
    cancel = QCoreApplication.translate("Job", "Cancel")
    dialog = QProgressDialog(title, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work)
    relay = _Relay(parent, dialog, on_done, on_error)
    job.progressed.connect(relay.progressed)
    job.finished_ok.connect(relay.succeeded)
    job.failed.connect(relay.failed)
    job.was_cancelled.connect(relay.cancelled)
    dialog.canceled.connect(job.cancel)
    relay.destroyed.connect(job.cancel)
    job.finished.connect(lambda: _forget(job))
    _running.add(job)
    job.start()
    return job
