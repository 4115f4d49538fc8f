"""What every page of a sheet carries: the font, the footer with page numbers and QR code,
and the signature boxes (which report where they landed, for the signature fields)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors, textsplit
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..paths import resources_dir
from .sheet_archive import ArchiveInfo, stamp_archive
from .sheet_language import say

FONT = "WenQuanYiMicroHei"
FULLWIDTH_CANNOT_START = "，！？：；）》」』】〕、。"
PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
FOOTER_H = 20 * mm
BODY_W = PAGE_W - 2 * MARGIN
GREY = colors.Color(0.86, 0.86, 0.86)
MID = colors.Color(0.55, 0.55, 0.55)
DRAFT_GREY = colors.Color(0.6, 0.6, 0.6)

# Where each signature box landed: its name -> (page index from 0, (x1, y1, x2, y2) in PDF
# points), for the signature fields.
BoxPlaces = dict[str, tuple[int, tuple[float, float, float, float]]]

SIGNATURE_BOXES = (
    ("mentor", ("Mentor", "企业导师签名")),
    ("trainee", ("Trainee acknowledgement", "学员确认")),
    ("teacher", ("School teacher", "学校教师复核")),
)


@cache
def font_name() -> str:
    """Register the shipped font once per process (parsing the collection is the slow part)."""
    path = resources_dir() / "fonts" / "wqy-microhei.ttc"
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    # reportlab's kinsoku list lacks the full-width comma and friends of Chinese text, so a
    # line could start with "，"; they must hang at the end of the previous line instead.
    missing = "".join(c for c in FULLWIDTH_CANNOT_START if c not in textsplit.ALL_CANNOT_START)
    # The stub marks it Final; reportlab reads it on each wrap, so extending it is the way in.
    textsplit.ALL_CANNOT_START += missing  # type: ignore[misc]
    return FONT


@dataclass(frozen=True)
class MentorStamp:
    """What the signing mentor's box shows: the drawn signature, name and date."""

    name: str
    signed_on: date
    drawing_png: bytes | None = None


class SignatureBoxes(Flowable):
    """Three boxes side by side; records where each landed for the signature fields."""

    def __init__(
        self, stamp: MentorStamp | None, placed: BoxPlaces, trainee: MentorStamp | None = None
    ) -> None:
        super().__init__()
        self.stamp = stamp
        # The trainee's acknowledgement given on the device, drawn like the mentor's stamp.
        self.trainee = trainee
        self.placed = placed
        self.width = BODY_W
        self.height = 34 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        f = font_name()
        gap = 4 * mm
        w = (self.width - 2 * gap) / 3
        for i, (name, caption) in enumerate(SIGNATURE_BOXES):
            x = i * (w + gap)
            c.setLineWidth(0.7)
            c.rect(x, 0, w, self.height)
            c.setFont(f, 7.5)
            c.drawString(x + 2 * mm, self.height - 4 * mm, say(*caption))
            c.setLineWidth(0.3)
            c.line(x, 7 * mm, x + w, 7 * mm)
            c.drawString(x + 2 * mm, 2.5 * mm, say("Name / Date", "姓名 / 日期"))
            ax, ay = c.absolutePosition(x, 7 * mm)
            bx, by = c.absolutePosition(x + w, self.height - 5.5 * mm)
            self.placed[name] = (c.getPageNumber() - 1, (ax, ay, bx, by))
            if name == "mentor" and self.stamp is not None:
                self._stamp(x, w, self.stamp)
            if name == "trainee" and self.trainee is not None:
                self._stamp(x, w, self.trainee)

    def _stamp(self, x: float, w: float, s: MentorStamp) -> None:
        c = self.canv
        if s.drawing_png:
            image = ImageReader(io.BytesIO(s.drawing_png))
            c.drawImage(
                image,
                x + 2 * mm,
                12 * mm,
                width=w - 4 * mm,
                height=self.height - 18 * mm,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )
        c.setFont(font_name(), 8.5)
        c.drawString(x + 2 * mm, 8.5 * mm, f"{s.name}  {s.signed_on:%Y-%m-%d}")


def numbered_canvas(
    document_id: str, trainee: str, *, archive: ArchiveInfo | None = None, draft: bool = False
) -> type[Canvas]:
    """A canvas that knows the page count when it closes: 'page X of Y' needs it. A draft
    says so across every page; ``archive`` gives the document its creation time and XMP."""
    f = font_name()

    class NumberedCanvas(Canvas):
        # Made by reportlab's document with its own arguments, passed on as they are.
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Invariant: the same sheet made at the same time is the same bytes (its creation
            # time comes from ``archive``). The initial font is the shipped one: reportlab's
            # default, Helvetica, would be listed in every page and never embedded.
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = f
            super().__init__(*args, **kwargs)
            if archive is not None:
                stamp_archive(self, archive)
            # Each page's drawing state, kept until the page count is known.
            self._pages: list[dict[str, Any]] = []
            self._qr_drawn = False

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            # What Canvas.showPage does after emitting a page; not in the stubs.
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            drawn = False
            for state in self._pages:
                self.__dict__.update(state)
                self._qr_drawn = drawn
                self._furniture(total)
                drawn = self._qr_drawn
                super().showPage()
            super().save()

        def _draw_qr(self, size: float) -> None:
            # A fixed mask skips qrcode's search for the best one, the slow part; any mask scans.
            # Version 4 (33×33) holds 62 bytes at level M: a document ID is about 40.
            size_hint = 4 if len(document_id.encode()) <= 62 else None
            code = qrcode.QRCode(
                version=size_hint, border=0, error_correction=ERROR_CORRECT_M, mask_pattern=0
            )
            code.add_data(document_id)
            matrix = code.get_matrix()
            cell = size / len(matrix)
            self.beginForm("documentqr")
            path = self.beginPath()
            x0, y0 = PAGE_W - MARGIN - size, 3 * mm
            for row, modules in enumerate(matrix):
                y = y0 + size - (row + 1) * cell
                col = 0
                while col < len(modules):
                    if modules[col]:
                        run = col
                        while run < len(modules) and modules[run]:
                            run += 1
                        path.rect(x0 + col * cell, y, (run - col) * cell, cell)
                        col = run
                    else:
                        col += 1
            self.drawPath(path, stroke=0, fill=1)
            self.endForm()
            self._qr_drawn = True

        def _furniture(self, total: int) -> None:
            number = self.getPageNumber()
            self.saveState()
            if draft:
                self._draft_mark()
            self.setLineWidth(0.5)
            self.line(MARGIN, FOOTER_H, PAGE_W - MARGIN, FOOTER_H)
            self.setFont(f, 7.5)
            self.drawString(
                MARGIN, FOOTER_H - 5 * mm, say("Document ID", "文档编号") + f": {document_id}"
            )
            self.drawString(
                MARGIN, FOOTER_H - 9 * mm, say("MentorDesk assessment sheet", "MentorDesk 考核表")
            )
            self.drawCentredString(
                PAGE_W / 2,
                FOOTER_H - 13 * mm,
                say(f"Page {number} of {total}", f"第 {number} / {total} 页", "  "),
            )
            size = 15 * mm
            if not self._qr_drawn:
                self._draw_qr(size)
            self.doForm("documentqr")
            if number > 1:
                self.drawString(
                    MARGIN, PAGE_H - 10 * mm, f"{trainee} — " + say("continued", "续页")
                )
            self.restoreState()

        def _draft_mark(self) -> None:
            """DRAFT across the page, light enough to read the form through it."""
            self.saveState()
            self.setFillColor(DRAFT_GREY)
            self.setFillAlpha(0.35)
            self.translate(PAGE_W / 2, PAGE_H / 2)
            self.rotate(52)
            word = say("DRAFT", "草稿", " ")
            size = min(110.0, 0.9 * PAGE_H / max(pdfmetrics.stringWidth(word, f, 1), 1))
            self.setFont(f, size)
            self.drawCentredString(0, -size / 3, word)
            self.restoreState()

    return NumberedCanvas


def _wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines no wider than ``width``: broken at spaces, or between any two characters of
    Chinese text, which has no spaces to break at."""
    lines: list[str] = []
    line = ""
    for char in text:
        # Closing punctuation hangs at the line's end rather than starting the next one.
        fits = pdfmetrics.stringWidth(line + char, font, size) <= width
        if fits or (char in FULLWIDTH_CANNOT_START and line):
            line += char
            continue
        cut = line.rfind(" ")
        if char != " " and cut > 0 and line[cut + 1 :].isascii():
            lines.append(line[:cut])
            line = line[cut + 1 :] + char
        else:
            lines.append(line)
            line = char.lstrip()
    if line:
        lines.append(line)
    return lines


def countersignature_stamp(
    name: str, signed_on: date, width: float, height: float, comment: str = "", result: str = ""
) -> bytes:
    """A one-page PDF the size of a signature box: the countersigner's name and date, and
    the teacher's result and comment above them (wrapped, smaller until they fit).

    Drawn here, with the shipped font, because pyHanko's own text stamps lay out this CJK
    face with wrong advances.
    """
    out = io.BytesIO()
    f = font_name()
    # The reportlab stubs type initialFontName as a number; reportlab takes the font's name.
    c = Canvas(out, pagesize=(width, height), invariant=1, initialFontName=f)  # type: ignore[arg-type]
    text = "\n".join(part for part in (result, comment) if part)
    if not text:
        c.setFont(f, 10)
        c.drawCentredString(width / 2, height / 2 + 2, name)
        c.setFont(f, 8.5)
        c.drawCentredString(width / 2, height / 2 - 10, f"{signed_on:%Y-%m-%d}")
    else:
        c.setFont(f, 7)
        c.drawString(2, 2, f"{name}  {signed_on:%Y-%m-%d}")
        room = height - 12
        size = 7.0
        while True:
            lines = [
                line
                for para in text.splitlines()
                for line in (_wrapped(para, f, size, width - 4) or [""])
            ]
            if len(lines) * size * 1.15 <= room or size <= 4:
                break
            size -= 0.5
        fit = max(1, int(room // (size * 1.15)))
        if len(lines) > fit:  # the whole comment stays in the signature's reason
            lines = lines[:fit]
            lines[-1] = lines[-1][:-1] + "…"
        c.setFont(f, size)
        y = height - size - 1
        for line in lines:
            c.drawString(2, y, line)
            y -= size * 1.15
    c.showPage()
    c.save()
    return out.getvalue()
