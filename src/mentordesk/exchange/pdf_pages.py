"""Pages of a PDF as pixels (PDFium), for showing and printing the exact file in the app."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    rgb: bytes  # rows of width * 3 bytes, top to bottom


def page_count(pdf: bytes) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(pdf: bytes, dpi: float = 96, pages: list[int] | None = None) -> list[PageImage]:
    """Each page (or the given ones, from 0) drawn at ``dpi``, with its signature appearances."""
    doc = pdfium.PdfDocument(pdf)
    try:
        # Form fields (signature widgets) are drawn only once a form environment exists.
        doc.init_forms()
        out = []
        for index in pages if pages is not None else range(len(doc)):
            page = doc[index]
            image = page.render(scale=dpi / 72, may_draw_forms=True).to_pil().convert("RGB")
            out.append(PageImage(image.width, image.height, image.tobytes()))
            page.close()
        return out
    finally:
        doc.close()
