"""Starting the application: Qt set-up, one instance per database, the store, the window."""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QWidget

from .. import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from ..core.database_file import needs_upgrade
from ..core.errors import UserError
from ..paths import default_database, resources_dir
from . import error_reporting
from .localised import localised
from .operations import DatabaseWorker, QueryOp
from .preferences import preferences
from .single_instance import lock_for

if TYPE_CHECKING:
    from ..core.store import Store

_STARTED = time.perf_counter()


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setDesktopFileName("org.mentordesk.MentorDesk")
    icon = resources_dir() / "icons" / "mentordesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    from .translation import install_translator

    install_translator(app, str(preferences().value("ui/language", "")) or None)
    return app


def _offer_start(worker: DatabaseWorker, window: QWidget) -> None:
    """An empty database: walk a new user through set-up; then every area reads again."""
    from .first_run import run_first_run

    # What it saves is announced by its operations.
    run_first_run(worker, window)


def upgrade_with_progress(target: str, quiet: bool = False) -> None:
    """Migrate the database in a worker thread while a dialog says what is happening.

    Raises ``UserError`` for a database this version cannot open.
    """
    from ..core.database import upgrade_file

    outcome: list[BaseException] = []

    def work() -> None:
        try:
            upgrade_file(target)
        except BaseException as exc:  # handed to the GUI thread, re-raised there
            outcome.append(exc)

    worker = threading.Thread(target=work, name="mentordesk-upgrade", daemon=True)
    dialog = None
    if not quiet:
        dialog = QProgressDialog("", "", 0, 0)
        label = QLabel(
            QCoreApplication.translate(
                "Application",
                "Updating your records for this version of MentorDesk…\n\n"
                "A copy of the database as it was is kept in the backups folder beside it. "
                "A large database takes a minute or two.",
            )
        )
        label.setWordWrap(True)
        dialog.setLabel(label)
        dialog.setMinimumWidth(440)
        dialog.setWindowTitle(QCoreApplication.translate("Application", "MentorDesk"))
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
    worker.start()
    while worker.is_alive():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        worker.join(0.05)
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
    if outcome and isinstance(outcome[0], UserError):
        raise outcome[0]
    # Anything else happens again in Store.open, which turns database errors into a message.


def resume_collection() -> None:
    """Start the cycle collector again once the store is open (or will not be, or must be
    migrated first), if start-up paused it (``cli.main``). What start-up made (Qt's types,
    the modules, the store's mappers) lives as long as the window: it is frozen out of the way
    of every later collection first."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run(db: str | None = None) -> int:
    """The GUI's entry point; returns the process exit code."""
    try:
        return _run(db)
    finally:
        resume_collection()


def _run(db: str | None) -> int:
    app = make_application()
    error_reporting.install()
    exit_after_show = os.environ.get("MENTORDESK_EXIT_AFTER_SHOW") == "1"
    target = db or default_database()
    lock = lock_for(target)
    if not lock.tryLock(200):
        # A benchmark or smoke test (nobody to click OK) gets the message on stderr only.
        if not exit_after_show:
            # Imported when one is shown, as in error_reporting: the window's start shows none.
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                None,
                QCoreApplication.translate("Application", "MentorDesk is already open"),
                QCoreApplication.translate(
                    "Application",
                    "MentorDesk is already open on this database:\n%1\n\nSwitch to that window.",
                ).replace("%1", target),
            )
        print(f"mentordesk: already open on {target}", file=sys.stderr)
        return 1
    from .main_window import MainWindow

    worker = DatabaseWorker()
    try:
        # The window shows first; the store opens on the worker behind it, and the area on
        # screen says "opening" until its records arrive through the services.
        window = MainWindow(worker)
        failed: list[str] = []

        def cannot_open(message: str) -> None:
            failed.append(message)
            resume_collection()
            _cannot_open(message, exit_after_show)
            window.close()
            app.exit(1)

        def open_store() -> None:
            # A migration due is done first, its dialog over the window.
            try:
                if needs_upgrade(target):
                    resume_collection()
                    upgrade_with_progress(target, quiet=exit_after_show)
            except UserError as exc:
                cannot_open(localised(exc))
                return
            worker.open(str(target))

        def opened() -> None:
            QueryOp(_is_empty).success(offer_start).run(worker, window)

        def offer_start(empty: bool) -> None:
            # A new database: walk the user through set-up (not when a benchmark drives it).
            if empty and not exit_after_show:
                _offer_start(worker, window)

        worker.open_failed.connect(cannot_open)
        worker.opened.connect(opened)
        worker.opened.connect(resume_collection)
        if exit_after_show:
            # Benchmarks and smoke tests: report when the window is up (``shown``) and when
            # Today's roster is on screen to be marked (``ready``), then leave.
            def shown() -> None:
                print(f"shown {time.perf_counter() - _STARTED:.3f}", flush=True)

            def ready() -> None:
                print(f"ready {time.perf_counter() - _STARTED:.3f}", flush=True)
                window.close()
                app.quit()

            QTimer.singleShot(0, shown)
            window.ready.connect(ready, Qt.ConnectionType.QueuedConnection)
        window.show()
        # After the window is up: the log file (the worker reports a failed opening there),
        # then the store, on the worker that shares the interpreter with the window.
        QTimer.singleShot(0, error_reporting.setup_logging)
        QTimer.singleShot(0, open_store)
        code = app.exec()
        return 1 if failed else code
    finally:
        # Long work still running is cancelled, then the worker finishes and closes the store.
        worker.close(cancel=True)
        lock.unlock()


def _is_empty(store: Store) -> bool:
    from ..core.trainees import is_empty

    return is_empty(store)


def _cannot_open(exc: UserError | str, quiet: bool) -> None:
    message = exc if isinstance(exc, str) else localised(exc)
    if not quiet:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            QCoreApplication.translate("Application", "MentorDesk cannot open the database"),
            message,
        )
    print(f"mentordesk: {message}", file=sys.stderr)
