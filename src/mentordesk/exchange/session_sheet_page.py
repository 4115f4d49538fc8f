"""What every page of a session's sign-in sheet carries, and fitting words into its boxes:
the QR code, the running header and footer with page numbers, and the sign-off lines."""

from __future__ import annotations

from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .sheet_language import say
from .sheet_page import BODY_W, MARGIN, MID, PAGE_H, PAGE_W, font_name

BOTTOM = 16 * mm
QR_SIZE = 27 * mm
LATER_QR_SIZE = 14 * mm
NAME_SIZE, NAME_ONE_LINE_SMALLEST, NAME_TWO_LINES = 10.0, 8.5, 8.0


def width_of(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font_name(), size)


def fitted(text: str, width: float, size: float, smallest: float) -> tuple[str, float]:
    """``text`` and a font size at which it fits ``width`` on one line: smaller when long,
    cut with an ellipsis when even the smallest size is too wide."""
    while size > smallest and width_of(text, size) > width:
        size = max(smallest, size - 0.5)
    if width_of(text, size) <= width:
        return text, size
    cut = text
    while cut and width_of(cut + "…", size) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…", size


def _break(text: str, width: float, size: float) -> tuple[str, str]:
    """The longest start of ``text`` that fits ``width``, ending at a word when it can."""
    end = len(text)
    while end > 1 and width_of(text[:end], size) > width:
        end -= 1
    # A space, or the dot between the parts of a transliterated name (阿斯哈尔·别克).
    space = max(text.rfind(" ", 0, end + 1), text.rfind("·", 0, end) + 1)
    if space > 0 and end < len(text):
        end = space
    return text[:end].rstrip(), text[end:].lstrip()


def name_lines(name: str, width: float) -> tuple[str, float]:
    """A trainee's name for its box: one line, a little smaller when long; a very long name
    on two lines, cut with an ellipsis only when even those are full."""
    if width_of(name, NAME_ONE_LINE_SMALLEST) <= width:
        return fitted(name, width, NAME_SIZE, NAME_ONE_LINE_SMALLEST)
    first, rest = _break(name, width, NAME_TWO_LINES)
    second, _ = fitted(rest, width, NAME_TWO_LINES, NAME_TWO_LINES)
    return f"{first}\n{second}", NAME_TWO_LINES


def qr_matrix(payload: str) -> list[list[bool]]:
    # A fixed mask skips qrcode's search for the best one; any mask scans.
    code = qrcode.QRCode(border=0, error_correction=ERROR_CORRECT_M, mask_pattern=0)
    code.add_data(payload)
    return code.get_matrix()


def draw_qr(c: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """The code with its lower left corner at (x, y): one rectangle per run of dark modules."""
    cell = size / len(matrix)
    path = c.beginPath()
    for row, modules in enumerate(matrix):
        top = y + size - (row + 1) * cell
        col = 0
        while col < len(modules):
            if not modules[col]:
                col += 1
                continue
            run = col
            while run < len(modules) and modules[run]:
                run += 1
            path.rect(x + col * cell, top, (run - col) * cell, cell)
            col = run
    c.saveState()
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


class SessionQr(Flowable):
    """The session's code on the first page, with a caption saying what it is for."""

    def __init__(self, matrix: list[list[bool]]) -> None:
        super().__init__()
        self.matrix = matrix
        self.width, self.height = QR_SIZE, QR_SIZE + 7 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.matrix, 0, 7 * mm, QR_SIZE)
        self.canv.setFont(font_name(), 6.5)
        lines = say("Scan to open the session", "扫码打开本课", "\n").split("\n")
        for i, line in enumerate(lines):
            y = (1 if len(lines) == 1 else 3.8 - 2.8 * i) * mm
            self.canv.drawCentredString(QR_SIZE / 2, y, line)


class SignOff(Flowable):
    """Where the mentor signs the paper, and whoever types it in later says so."""

    def __init__(self) -> None:
        super().__init__()
        self.width, self.height = BODY_W, 22 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return self.width, self.height

    def draw(self) -> None:
        c, f = self.canv, font_name()
        lines = (
            (say("Mentor signature", "导师签名"), say("Date", "日期")),
            (say("Entered into MentorDesk by", "录入人"), say("Date", "日期")),
        )
        c.setLineWidth(0.5)
        for i, (who, when) in enumerate(lines):
            y = self.height - 9 * mm - i * 11 * mm
            c.setFont(f, 8.5)
            c.drawString(0, y + 1.5 * mm, who)
            start = width_of(who, 8.5) + 3 * mm
            split = self.width * 0.68
            c.line(start, y, split - 4 * mm, y)
            c.drawString(split, y + 1.5 * mm, when)
            c.line(split + width_of(when, 8.5) + 3 * mm, y, self.width, y)


def sheet_canvas(session_uid: str, running: str, matrix: list[list[bool]]) -> type[Canvas]:
    """A canvas that draws each page's furniture once the page count is known."""
    f = font_name()

    class SheetCanvas(Canvas):
        # Built by reportlab's page templates with the arguments of Canvas itself.
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            # Canvas's own start of the next page, without emitting this one: private, so
            # reportlab's stubs leave it out.
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            number = self.getPageNumber()
            self.saveState()
            self.setLineWidth(0.5)
            self.line(MARGIN, BOTTOM - 4 * mm, PAGE_W - MARGIN, BOTTOM - 4 * mm)
            self.setFont(f, 7.5)
            self.drawString(
                MARGIN,
                BOTTOM - 8 * mm,
                "MentorDesk · "
                + say("sign-in sheet", "签到表")
                + " · "
                + say("session", "课次")
                + f" {session_uid}",
            )
            self.drawRightString(
                PAGE_W - MARGIN,
                BOTTOM - 8 * mm,
                say(f"Page {number} of {total}", f"第 {number} / {total} 页", "  "),
            )
            if number > 1:
                top = PAGE_H - 6 * mm
                draw_qr(
                    self,
                    matrix,
                    PAGE_W - MARGIN - LATER_QR_SIZE,
                    top - LATER_QR_SIZE,
                    LATER_QR_SIZE,
                )
                name, size = fitted(running, BODY_W - LATER_QR_SIZE - 6 * mm, 10, 7)
                self.setFont(f, size)
                self.drawString(MARGIN, top - 5 * mm, name)
                self.setFont(f, 8)
                self.setFillColor(MID)
                self.drawString(
                    MARGIN,
                    top - 10 * mm,
                    say("Attendance sign-in sheet, continued", "考勤签到表（续）"),
                )
            self.restoreState()

    return SheetCanvas
