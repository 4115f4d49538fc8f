"""The Today area's row under the Session box: what the session is, and the paper fallback.

Planned sessions (days ahead) and cancelled ones say so in words beside the box and in its
list (a cancelled one is struck out there too); a session is cancelled or reinstated here
(``core.session_plan.cancel_session``, which refuses one that has records). Its paper sign-in
sheet is saved as a PDF (``exchange.session_sheet``, written whole through
``core.private_files``) and typed back in with the transcription dialog; the scanner box opens
the session whose sheet's code is scanned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from ..core.capture_views import SessionView
from ..core.session_plan import cancel_session
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .scanner_box import ScannerBox
from .translation import current_language

if TYPE_CHECKING:
    from ..core.store import Store
    from ..exchange.session_sheet import WrittenSheet
    from .attendance_panel import AttendancePanel
    from .today_session import SessionOnScreen


def session_state(view: SessionView, today: date | None = None) -> str:
    """ "Cancelled", "Planned" (a day ahead) or "" — said in a word, never only by a colour."""
    if view.cancelled:
        return QCoreApplication.translate("SessionActions", "Cancelled")
    if view.held_on > (today or date.today()):
        return QCoreApplication.translate("SessionActions", "Planned")
    return ""


def session_caption(view: SessionView, today: date | None = None) -> str:
    """The Session box's line for a session: its title, and its state when it has one."""
    state = session_state(view, today)
    return f"{view.title}  [{state}]" if state else view.title


def caption_font(view: SessionView, font: QFont) -> QFont | None:
    """Struck out when cancelled, italic when planned; None: the box's own."""
    if view.cancelled:
        font.setStrikeOut(True)
        return font
    if view.held_on > date.today():
        font.setItalic(True)
        return font
    return None


def write_sheet(store: Store, session_uid: str, target: str, language: str) -> WrittenSheet:
    # Imported here: reportlab and the sheet's font load only when a sheet is made.
    from ..exchange.session_sheet import write_session_sheet

    return write_session_sheet(store, session_uid, Path(target), language=language)


class SessionActions(QObject):
    """The row's widgets, following the session on screen."""

    def __init__(
        self,
        worker: DatabaseWorker,
        sessions: SessionOnScreen,
        attendance: AttendancePanel,
        report: Callable[[str, bool], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.sessions = sessions
        self.attendance = attendance
        self._report = report
        self._parent = parent
        self.row = QHBoxLayout()
        self.state_label = QLabel(parent)
        self.state_label.setObjectName("sessionStateLabel")
        self.cancel_button = QPushButton(parent)
        self.cancel_button.setObjectName("cancelSessionButton")
        self.cancel_button.clicked.connect(self.toggle_cancelled)
        self.print_button = QPushButton(self.tr("Print sign-in sheet…"), parent)
        self.print_button.setObjectName("printSheetButton")
        self.print_button.setToolTip(
            self.tr("Save the session's paper sign-in sheet (PDF, with its QR code) to print")
        )
        self.print_button.clicked.connect(self.print_sheet)
        self.transcribe_button = QPushButton(self.tr("Transcribe paper sheet…"), parent)
        self.transcribe_button.setObjectName("transcribeButton")
        self.transcribe_button.setToolTip(
            self.tr("Type in a filled-in sign-in sheet, trainee by trainee in its order")
        )
        self.transcribe_button.clicked.connect(self.transcribe)
        self.scanner = ScannerBox(worker, report, parent)
        self.scanner.scanned.connect(self.sessions.show)
        for widget in (self.state_label, self.cancel_button):
            self.row.addWidget(widget)
        self.row.addStretch(1)
        for widget in (self.print_button, self.transcribe_button, self.scanner):
            self.row.addWidget(widget)
        self.transcription: QWidget | None = None
        sessions.changed.connect(self._follow)
        sessions.changed.connect(self._close_transcription)
        sessions.reloaded.connect(self._follow)
        self._follow()

    def _follow(self, *_args: object) -> None:
        view = self.sessions.current
        for button in (self.cancel_button, self.print_button, self.transcribe_button):
            button.setEnabled(view is not None)
        cancelled = view is not None and view.cancelled
        self.transcribe_button.setEnabled(view is not None and not cancelled)
        # Nobody is expected at a cancelled session: the roster shows who was enrolled but takes
        # no mark until the session is reinstated.
        attendance_tab = self._parent.findChild(QWidget, "attendanceTab")
        if attendance_tab is not None:
            attendance_tab.setEnabled(not cancelled)
        self.cancel_button.setText(
            self.tr("Reinstate session") if cancelled else self.tr("Cancel session")
        )
        state = session_state(view) if view is not None else ""
        self.state_label.setVisible(bool(state))
        if cancelled:
            self.state_label.setText(self.tr("Cancelled: not held, nobody is expected"))
            self.state_label.setStyleSheet("font-weight: 600; color: #b00020;")
        elif state:
            self.state_label.setText(self.tr("Planned: this session is still ahead"))
            self.state_label.setStyleSheet("font-weight: 600; color: #0d47a1;")

    def _close_transcription(self, *_args: object) -> None:
        # The dialog walks one session's roster: another session on screen ends it.
        if self.transcription is not None:
            self.transcription.close()

    # -- cancelling ------------------------------------------------------------------------

    def toggle_cancelled(self) -> None:
        view = self.sessions.current
        if view is None:
            return
        cancel = not view.cancelled
        CollectionOp(cancel_session, view.uid, cancel, changes=Changes(sessions=True)).success(
            lambda _none: self._cancelled(view, cancel)
        ).failure(lambda message: self._report(message, True)).run(self.worker, self)

    def _cancelled(self, view: SessionView, cancel: bool) -> None:
        said = self.tr("Session cancelled: %1") if cancel else self.tr("Session reinstated: %1")
        self._report(said.replace("%1", view.title), False)
        self.sessions.refresh()

    # -- paper ------------------------------------------------------------------------------

    def choose_target(self, view: SessionView) -> str:
        """The PDF to write, from a save dialog ("" when the user cancels)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = re.sub(r"[^\w.-]+", "-", f"sign-in {view.held_on:%Y-%m-%d} {view.cohort}").strip("-")
        path, _filter = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Save the sign-in sheet"),
            str(Path(folder) / f"{name}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def print_sheet(self) -> None:
        view = self.sessions.current
        if view is None:
            return
        target = self.choose_target(view)
        if not target:
            return
        # The sheet speaks the interface language, like the assessment sheet made here.
        language = "zh_CN" if current_language() == "zh_CN" else "en"
        QueryOp(write_sheet, view.uid, target, language).success(self._written).failure(
            lambda message: self._report(message, True)
        ).run(self.worker, self)

    def _written(self, written: WrittenSheet) -> None:
        self._report(
            self.tr("Sign-in sheet saved: %1 (%2 trainees, %3 pages)")
            .replace("%1", str(written.path))
            .replace("%2", str(written.trainees))
            .replace("%3", str(written.pages)),
            False,
        )

    def transcribe(self) -> QWidget | None:
        """The transcription dialog over Today, at the roster's first trainee."""
        if self.sessions.current is None or self.sessions.current.cancelled:
            return None
        from .transcribe_mode import TranscribeDialog

        if self.transcription is not None:
            self.transcription.close()
        dialog = TranscribeDialog(self.attendance, self._parent)
        dialog.finished.connect(lambda _result: self.attendance.table.setFocus())
        dialog.finished.connect(dialog.deleteLater)
        self.transcription = dialog
        dialog.destroyed.connect(lambda: setattr(self, "transcription", None))
        dialog.open()
        dialog.activateWindow()
        dialog.setFocus()
        return dialog
