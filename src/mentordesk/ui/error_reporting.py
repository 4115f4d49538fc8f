"""Unhandled errors: a short message on screen, the details in a log file, and carry on."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..core.errors import UserError
from ..paths import log_dir
from .localised import localised

log = logging.getLogger("mentordesk")


def log_file() -> Path:
    return log_dir() / "mentordesk.log"


def setup_logging() -> None:
    """The log file, once (``install`` leaves it to the first record or to the window)."""
    from logging.handlers import RotatingFileHandler

    if any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        return
    handler = RotatingFileHandler(log_file(), maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def show_user_error(message: str, parent: object = None) -> None:
    # The message boxes are imported when one is shown: the window's start makes none.
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        parent,  # type: ignore[arg-type]
        QCoreApplication.translate("ErrorReporting", "MentorDesk"),
        message,
    )


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    setup_logging()
    if isinstance(value, UserError):
        # A refused action that escaped a view: the message is meant for the user as is.
        log.info("refused: %s", value)
        show_user_error(localised(value), QApplication.activeWindow())
        return
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("unhandled exception\n%s", details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, value, tb)
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    # Literal QCoreApplication.translate() calls: lupdate finds no string behind a helper.
    box.setWindowTitle(QCoreApplication.translate("ErrorReporting", "MentorDesk"))
    box.setText(
        QCoreApplication.translate(
            "ErrorReporting", "Something went wrong. Your saved work is safe."
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ErrorReporting", "MentorDesk recorded the details in %1. You can keep working."
        ).replace("%1", str(log_file()))
    )
    box.setDetailedText(f"{kind.__name__}: {value}")
    box.exec()


def install() -> None:
    """Unhandled errors from here on reach the user and the log file. The file itself is set
    up on the first error or by ``setup_logging``, which the window calls once it shows."""
    sys.excepthook = _excepthook
