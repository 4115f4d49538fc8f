"""Long work off the GUI thread: results, refusals and cancel reach the GUI; nothing aborts."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from mentordesk.core.errors import UserError
from mentordesk.ui import background
from mentordesk.ui.background import run_with_progress


def test_result_arrives_and_the_thread_ends_cleanly(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    results, seen_threads = [], []

    def work(progress):
        seen_threads.append(threading.current_thread())
        progress.start(3)
        for _ in range(3):
            progress.step()
        return "done"

    run_with_progress(parent, "Working", work, results.append)
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    qtbot.waitUntil(lambda: not background._running, timeout=5000)
    assert seen_threads[0] is not threading.main_thread()


def test_refusal_and_cancel_are_reported(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []
    # The refusal can arrive before this line runs: wait on its effect, not on a signal that a
    # connection made now would miss.
    job = run_with_progress(
        parent, "x", lambda p: (_ for _ in ()).throw(UserError("bad row 4")), print, errors.append
    )
    qtbot.waitUntil(lambda: errors == ["bad row 4"], timeout=5000)
    qtbot.waitUntil(lambda: job not in background._running, timeout=5000)

    gate = threading.Event()

    def slow(progress):
        progress.start(100)
        gate.wait(5)
        progress.step()
        return "finished anyway"

    done = []
    job = run_with_progress(parent, "slow", slow, done.append)
    with qtbot.waitSignal(job.was_cancelled, timeout=5000):
        job.cancel()
        gate.set()
    assert done == []


def test_closing_the_window_cancels_its_job_without_aborting(qtbot):
    parent = QWidget()
    gate = threading.Event()

    def slow(progress):
        progress.start(2)
        gate.wait(5)
        progress.step()
        return "too late"

    done = []
    run_with_progress(parent, "slow", slow, done.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent), timeout=2000)
    gate.set()
    qtbot.waitUntil(lambda: not background._running, timeout=5000)
    assert done == []
