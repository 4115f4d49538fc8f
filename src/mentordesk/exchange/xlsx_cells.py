"""XlsxWriter's worksheet with a shorter path for the cells a results workbook holds.

XlsxWriter writes each cell through a general routine (every cell type, row and column
formats, a list of attributes escaped one by one); in constant-memory mode that routine is most
of an export's time. The text, number, date and TRUE/FALSE cells written here take a direct
route producing the very same XML; anything else goes through XlsxWriter's own.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import (
    CellBooleanTuple,
    CellDatetimeTuple,
    CellNumberTuple,
    CellStringTuple,
    Worksheet,
)
from xlsxwriter.xmlwriter import XMLwriter

_escape_control_characters = XMLwriter._escape_control_characters
_DIRECT = frozenset((CellNumberTuple, CellDatetimeTuple, CellBooleanTuple))


def inline_text(text: str) -> str:
    """``text`` as XlsxWriter writes an inline string's ``<t>`` element (escapes included)."""
    if "_x" in text or not text.isprintable():
        # _xHHHH_ escapes for control characters, and for text that looks like one.
        text = _escape_control_characters(text)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text[:1].isspace() or text[-1:].isspace():
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


class FastWorksheet(Worksheet):
    """Passed to ``add_worksheet`` as ``worksheet_class``; only for sheets with no row or
    column formats (a column's width is no format)."""

    def __init__(self) -> None:
        super().__init__()
        self._letters: list[str] = []

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        kind = cell.__class__
        if kind is CellStringTuple:
            text = cell.string
            if text.startswith("<r>") and text.endswith("</r>"):
                # XlsxWriter's rich strings, already XML: its own routine writes them.
                super()._write_cell(row, col, cell)
                return
        elif kind not in _DIRECT:
            super()._write_cell(row, col, cell)
            return
        letters = self._letters
        while len(letters) <= col:
            letters.append(xl_col_to_name(len(letters)))
        fmt = cell.format
        style = f' s="{fmt._get_xf_index()}"' if fmt is not None else ""
        head = f'<c r="{letters[col]}{row + 1}"{style}'
        if kind is CellStringTuple:
            self.fh.write(f'{head} t="inlineStr"><is>{inline_text(text)}</is></c>')
        elif kind is CellBooleanTuple:
            self.fh.write(f'{head} t="b"><v>{int(bool(cell.boolean))}</v></c>')
        else:
            self.fh.write(f"{head}><v>{cell.number:.16G}</v></c>")
