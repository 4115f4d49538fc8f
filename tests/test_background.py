"""Long work on the database worker: progress, results, refusals and Cancel reach the GUI."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget

from mentordesk.core.errors import UserError
from mentordesk.ui.operations import QueryOp
from tests.gui_waits import settled


def test_result_arrives_from_the_worker_thread(qtbot, store, make_worker):
    worker = make_worker(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    results, seen_threads = [], []

    def work(_store, progress):
        seen_threads.append(threading.current_thread())
        progress.start(3)
        for _ in range(3):
            progress.step()
        return "done"

    QueryOp(work).with_progress(parent, "Working").success(results.append).run(worker, parent)
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert seen_threads[0] is not threading.main_thread()


def test_refusal_and_cancel_are_reported(qtbot, store, make_worker):
    worker = make_worker(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[str] = []

    def refuse(_store, progress):
        raise UserError("bad row 4")

    QueryOp(refuse).with_progress(parent, "x").failure(errors.append).run(worker, parent)
    qtbot.waitUntil(lambda: errors == ["bad row 4"], timeout=5000)

    gate = threading.Event()

    def slow(_store, progress):
        progress.start(100)
        gate.wait(5)
        progress.step()
        return "finished anyway"

    done: list[str] = []
    cancelled: list[bool] = []
    running = (
        QueryOp(slow)
        .with_progress(parent, "slow")
        .success(done.append)
        .cancelled(lambda: cancelled.append(True))
        .run(worker, parent)
    )
    assert running is not None
    running.cancel()  # what the dialog's Cancel button does
    gate.set()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert done == []


def test_closing_the_window_cancels_its_work_without_aborting(qtbot, store, make_worker):
    worker = make_worker(store)
    parent = QWidget()
    gate = threading.Event()

    def slow(_store, progress):
        progress.start(2)
        gate.wait(5)
        progress.step()
        return "too late"

    done: list[str] = []
    QueryOp(slow).with_progress(parent, "slow").success(done.append).run(worker, parent)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent), timeout=2000)
    gate.set()
    settled(worker)
    assert done == []
