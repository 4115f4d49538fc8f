"""Starting the application: Qt set-up, one instance per database, the store, the window."""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog

from .. import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from ..core.database_file import needs_upgrade
from ..core.errors import UserError
from ..core.wording import user_text
from ..paths import default_database, resources_dir
from . import error_reporting
from .localised import localised
from .preferences import preferences
from .single_instance import lock_for
from .store_opening import StoreOpening

if TYPE_CHECKING:
    from ..core.first_screen import FirstScreen
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
    try:
        from .translation import install_translator
    except ImportError:
        pass
    else:
        install_translator(app, str(preferences().value("ui/language", "")) or None)
    return app


def _offer_start(store: Store, window: QMessageBox | None = None) -> None:
    """An empty database: walk a new user through set-up, or at least offer the demo."""
    from ..core.demo import load_demo

    try:
        from .first_run import run_first_run
    except ImportError:
        answer = QMessageBox.question(
            None,
            QCoreApplication.translate("Application", "Welcome to MentorDesk"),
            QCoreApplication.translate(
                "Application",
                "This database is empty. Load demo data (a steel plant's rolling and "
                "steelmaking order classes) to look around?",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            load_demo(store)
        return
    run_first_run(store, None)


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


def run(db: str | None = None) -> int:
    """The GUI's entry point; returns the process exit code."""
    app = make_application()
    error_reporting.install()
    exit_after_show = os.environ.get("MENTORDESK_EXIT_AFTER_SHOW") == "1"
    target = db or default_database()
    lock = lock_for(target)
    if not lock.tryLock(200):
        # A benchmark or smoke test (nobody to click OK) gets the message on stderr only.
        if not exit_after_show:
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
    try:
        if needs_upgrade(target):
            upgrade_with_progress(target, quiet=exit_after_show)
        first = _first_screen(target)
        # With a first screen, the store opens behind the shown window (and stands in for it
        # meanwhile); without one, it opens now.
        opening = StoreOpening(target) if first else None
        store = cast("Store", opening) if opening else _open_store(target)
    except UserError as exc:
        _cannot_open(exc, exit_after_show)
        lock.unlock()
        return 1
    try:
        if first is None:
            from ..core.trainees import is_empty

            # Every start without a first screen checks (and so every measured start pays
            # for) whether the database is new; only the dialogs it may open are left out when
            # a benchmark drives the start.
            if is_empty(store) and not exit_after_show:
                _offer_start(store)
        from .main_window import MainWindow

        window = MainWindow(store, first=first)
        window.show()
        if opening is not None:

            def opened() -> None:
                assert opening is not None
                if opening.error is None:
                    window.store_opened()
                    return
                # Read a moment ago, yet it would not open (locked, read-only, full disk).
                error = opening.error
                if not isinstance(error, UserError):
                    error_reporting.log.error(
                        "opening the store failed",
                        exc_info=(type(error), error, error.__traceback__),
                    )
                    error = UserError(
                        user_text(
                            "Application",
                            "{where}: cannot open the database ({reason}). Details are in the "
                            "log file.",
                        ).format(where=target, reason=type(error).__name__)
                    )
                _cannot_open(error, exit_after_show)
                window.close()
                app.exit(1)

            opening.finished.connect(opened, Qt.ConnectionType.QueuedConnection)
        if exit_after_show:
            # Benchmarks and smoke tests: report when the window is up (``shown``) and when the
            # store is open behind it (``ready``), then leave.
            def shown() -> None:
                print(f"shown {time.perf_counter() - _STARTED:.3f}", flush=True)

            def ready() -> None:
                if opening is not None and opening.error is not None:
                    return
                print(f"ready {time.perf_counter() - _STARTED:.3f}", flush=True)
                window.close()
                app.quit()

            QTimer.singleShot(0, shown)
            if opening is not None:
                opening.finished.connect(ready, Qt.ConnectionType.QueuedConnection)
            else:
                QTimer.singleShot(0, ready)
        if opening is not None:
            if opening.is_open:
                # Something asked for the store while the window was built, so it opened then,
                # before anyone listened for it.
                opening.finished.emit()
            else:
                # After the window is up: the thread shares the interpreter with it.
                QTimer.singleShot(0, opening.start)
        return app.exec()
    finally:
        from .background import wait_for_jobs

        wait_for_jobs()
        store.close()
        lock.unlock()


def _first_screen(target: str) -> FirstScreen | None:
    """What the Today area shows first, read without the store; None when it must wait for
    the store (another area was open last, a new database, not a SQLite file)."""
    if str(preferences().value("ui/area", "today")) != "today":
        return None
    from ..core.first_screen import read_first_screen

    return read_first_screen(target)


def _open_store(target: str) -> Store:
    from ..core.store import Store

    return Store.open(target)


def _cannot_open(exc: UserError, quiet: bool) -> None:
    if not quiet:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Application", "MentorDesk cannot open the database"),
            localised(exc),
        )
    print(f"mentordesk: {exc}", file=sys.stderr)
