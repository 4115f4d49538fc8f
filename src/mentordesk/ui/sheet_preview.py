"""Sheets on screen and on paper: the PDF's own pages, drawn by PDFium, never re-laid out."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from ..exchange.pdf_pages import PageImage, render_pages

PRINT_DPI = 300


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
