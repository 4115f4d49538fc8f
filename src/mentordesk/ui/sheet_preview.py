"""Sheets on screen and on paper: the PDF's own pages, drawn by PDFium, never re-laid out.

:class:`PreviewPane` binds the Assessments area's Preview tab: the pages fitted to the pane's
width, and what a mentor does with the file (save it, open it in a viewer, print it) — each
saying, in the tab itself, what happened and where the file is.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ..core.errors import UserError
from ..core.private_files import private_folder, write_whole
from ..exchange.pdf_pages import PageImage, render_pages
from ..paths import data_dir
from .forms import child
from .localised import localised

PRINT_DPI = 300
# The preview fits the page to the pane's width, within these bounds: below the lower one the
# text is unreadable and a scroll bar is the lesser evil; above the upper one it is only bigger.
PREVIEW_DPI_RANGE = (48, 120)
A4_WIDTH_INCHES = 210 / 25.4
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def _image(page: PageImage) -> QImage:
    image = QImage(page.rgb, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: ``page.rgb`` is a Python buffer


def page_pixmaps(pdf: bytes, dpi: float) -> list[QPixmap]:
    return [QPixmap.fromImage(_image(page)) for page in render_pages(pdf, dpi)]


def print_pdf(parent: QWidget, pdf: bytes) -> bool | None:
    """Ask for a printer and print every page; None when cancelled, False when it failed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for n, page in enumerate(render_pages(pdf, min(printer.resolution(), PRINT_DPI))):
            if n:
                printer.newPage()
            image = _image(page)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), size), image)
    finally:
        painter.end()
    return True


def pdf_viewer_installed() -> bool | None:
    """False when this desktop certainly has no program for PDF files, None when it cannot
    tell. On Linux, opening a file starts xdg-open, which reports success even when nothing
    can show the file: ask its MIME database instead."""
    if sys.platform in ("win32", "darwin"):
        return None
    if shutil.which("xdg-open") is None:
        return False
    query = shutil.which("xdg-mime")
    if query is None:
        return None
    try:
        found = subprocess.run(
            [query, "query", "default", "application/pdf"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(found.stdout.strip())


def open_with_viewer(path: Path) -> bool:
    """Hand ``path`` to the desktop's PDF viewer; False when there is none to hand it to."""
    if pdf_viewer_installed() is False:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PreviewPane(QObject):
    """The Preview tab of ``forms/assessments.ui``; ``sheet(then)`` calls ``then(pdf, file
    name)`` once the sheet shown is at hand (not at all when none is chosen)."""

    def __init__(
        self, form: QWidget, sheet: Callable[[Callable[[bytes, str], None]], None]
    ) -> None:
        super().__init__(form)
        self.form = form
        self.sheet = sheet
        self.tab = child(form, QWidget, "previewTab")
        self.info = child(form, QLabel, "previewInfo")
        self.message = child(form, QLabel, "previewMessage")
        self.pages = child(form, QWidget, "previewPages")
        self.scroll = child(form, QScrollArea, "previewScroll")
        self.open_button = child(form, QPushButton, "openButton")
        self.print_button = child(form, QPushButton, "printButton")
        self.save_as_button = child(form, QPushButton, "saveAsButton")
        self.dpi = 0.0
        self.last_pdf: bytes | None = None
        # Re-fitting the page waits until the user stops dragging the splitter.
        self._fit_timer = QTimer(self, singleShot=True, interval=200)
        self._fit_timer.timeout.connect(self._refit)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_as_button.clicked.connect(self.save_as)

    def say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # -- pages ------------------------------------------------------------------------------

    def fitting_dpi(self) -> float:
        margins = self.pages.layout().contentsMargins()
        room = self.scroll.viewport().width() - margins.left() - margins.right() - 4
        scroll_bar = self.scroll.verticalScrollBar()
        if not scroll_bar.isVisible():
            # A page is taller than the pane: the bar the pages bring takes its width from them.
            room -= scroll_bar.sizeHint().width()
        low, high = PREVIEW_DPI_RANGE
        return max(low, min(high, room / A4_WIDTH_INCHES))

    def viewport_resized(self) -> None:
        """The area's event filter calls this (a filter object of its own here outlived the
        viewport at teardown and crashed)."""
        self._fit_timer.start()

    def _refit(self) -> None:
        if abs(self.fitting_dpi() - self.dpi) >= 2 and self.pages.layout().count():
            self.show_pages(self.last_pdf, self.info.text())

    def clear(self) -> None:
        self.last_pdf = None
        self.say("")
        layout = self.pages.layout()
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def show_pages(self, pdf: bytes | None, info: str) -> None:
        message, style = self.message.text(), self.message.styleSheet()
        self.clear()
        self.message.setText(message)
        self.message.setStyleSheet(style)
        self.info.setText(info if pdf is not None else "")
        self.last_pdf = pdf
        if pdf is None:
            return
        self.dpi = self.fitting_dpi()
        ratio = self.form.devicePixelRatioF()
        for pixmap in page_pixmaps(pdf, self.dpi * ratio):
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
            label.setStyleSheet("border: 1px solid #b0bec5;")
            self.pages.layout().addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages.layout().addStretch(1)
        self.pages.layout().activate()

    # -- the file ---------------------------------------------------------------------------

    def save_as(self) -> None:
        self.sheet(self._save_as)

    def _save_as(self, pdf: bytes, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.form,
            QCoreApplication.translate("AssessmentsArea", "Save PDF"),
            name,
            QCoreApplication.translate("AssessmentsArea", "PDF files (*.pdf)"),
        )
        if not path:
            return
        try:
            target = write_whole(Path(path), pdf)
        except UserError as exc:
            self.say(localised(exc))
            return
        self.say(self.tr("Saved the sheet as %1").replace("%1", str(target)), ok=True)

    def open_in_viewer(self) -> None:
        self.sheet(self._open_in_viewer)

    def _open_in_viewer(self, pdf: bytes, name: str) -> None:
        try:
            target = write_whole(private_folder(data_dir() / "sheets") / name, pdf)
        except UserError as exc:
            self.say(localised(exc))
            return
        if open_with_viewer(target):
            self.say(self.tr("Opened %1 in your PDF viewer.").replace("%1", str(target)), ok=True)
            return
        text = self.tr(
            "No program to show PDF files is installed on this computer, so the sheet "
            "could not be opened. It is saved as:\n%1\n\nInstall a PDF reader to open it, "
            "or use Print… or Save PDF… here."
        ).replace("%1", str(target))
        self.say(text.replace("\n\n", " ").replace("\n", " "))
        QMessageBox.information(self.form, self.tr("No PDF viewer"), text)

    def print_sheet(self) -> None:
        self.sheet(self._print)

    def _print(self, pdf: bytes, _name: str) -> None:
        if print_pdf(self.form, pdf) is False:
            self.say(
                QCoreApplication.translate("AssessmentsArea", "The printer could not be started.")
            )
