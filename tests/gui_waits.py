"""Waiting, in GUI tests, for the database worker to have answered what was asked of it."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop

from mentordesk.ui.operations import DatabaseWorker


def settled(worker: DatabaseWorker, limit_s: float = 10.0) -> None:
    """Run Qt's events until every operation asked of ``worker`` has run and been answered
    (a state, not a fixed time: it returns as soon as it holds)."""
    deadline = time.monotonic() + limit_s
    while not worker.idle:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if time.monotonic() > deadline:
            raise AssertionError("the database worker did not answer within the limit")
    # What the answers posted in turn (a read a change asked for) is answered too.
    QCoreApplication.processEvents()
    if not worker.idle:
        settled(worker, max(0.0, deadline - time.monotonic()))
