"""Long work off the GUI thread, with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import UserError
from ..core.progress import Cancelled, Progress


class _SignalProgress(Progress):
    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        super().__init__()
        self._emit = emit

    def report(self, what: str) -> None:
        self._emit(self.done, self.total, what)


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
            self.failed.emit(str(exc))
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


def run_with_progress(
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
) -> Job:
    """Start ``work`` off the GUI thread behind a modal progress dialog with Cancel."""
    dialog = QProgressDialog(title, parent.tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work, parent)

    def progressed(done: int, total: int, what: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if what:
            dialog.setLabelText(what)

    def finish() -> None:
        dialog.close()

    # Results arrive while run() is still returning: delete the job only once its thread ended.
    job.finished.connect(job.deleteLater)

    job.progressed.connect(progressed)
    dialog.canceled.connect(job.cancel)
    job.finished_ok.connect(lambda result: (finish(), on_done(result)))
    job.failed.connect(lambda message: (finish(), (on_error or (lambda m: None))(message)))
    job.was_cancelled.connect(finish)
    job.start()
    return job
