"""The rows of plain-value sheets, read by calamine (Rust) instead of openpyxl's Python parser.

openpyxl still opens every workbook (its structure, shared strings, sheet states and date
system, with every refusal of ``workbook_reading``); calamine only reads the cells of a sheet
whose part holds nothing but plain values. A sheet with anything calamine reads differently
from openpyxl, or could not read safely, is read by openpyxl as before:

- error cells (``#N/A``: calamine reads them as empty) and formulas;
- characters XML forbids, raw or as character references (openpyxl refuses the sheet;
  calamine would read on);
- cells so far apart that calamine's rectangular grid of the sheet would not fit in memory
  (calamine allocates every cell between the first and the last, and aborts the process when
  it cannot);
- a whole number of 16 digits or more (openpyxl keeps the digits a file spells out; a float
  has lost them): met mid-sheet, the rows from there on come from openpyxl.

Each value is given as openpyxl gives it: ``None`` for an empty cell, whole numbers as ``int``,
dates as ``datetime``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

# A part of more than this many cells (counting the empty ones between) is read by openpyxl.
MAX_GRID_CELLS = 30_000_000
# Beyond this a float no longer spells every digit an ID had (openpyxl keeps "big" integers).
EXACT_WHOLE = 10**15
_CHUNK = 1 << 20
# Longest pattern below, kept from one chunk to the next so that none is split unseen.
_OVERLAP = 24
# Separate searches, each led by a literal or a class: a single alternation is scanned slowly.
_CONTROL = bytes([*range(0, 9), 11, 12, *range(14, 32)])
# The same characters (and surrogates, U+FFFE, U+FFFF) as character references.
_BAD_REFERENCE = re.compile(
    rb"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|5[5-7][0-9]{3}|6553[45]);"
    rb"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]);)"
)
_FORMULA = re.compile(rb"<f[ >/]")
_ERROR = b't="e"'
_TWO_LETTERS = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
_ROW_DIGITS = [(d, re.compile(rb' r="[A-Z]{0,3}[0-9]{%d}' % d)) for d in range(7, 0, -1)]


class _Ambiguous(Exception):
    """A value calamine cannot give as openpyxl would: the rest of the sheet is openpyxl's."""


def _column_number(letters: bytes) -> int:
    n = 0
    for c in letters:
        n = n * 26 + c - 64
    return n


def plain_part(zf: zipfile.ZipFile, name: str) -> bool:
    """Whether the sheet part ``name`` holds only values calamine reads as openpyxl does, in a
    grid small enough to hold. One streamed pass of byte searches, no parsing."""
    widest = 26
    digits = 0
    tail = b""
    try:
        with zf.open(name) as part:
            while chunk := part.read(_CHUNK):
                data = tail + chunk
                if (
                    _ERROR in data
                    or _FORMULA.search(data)
                    or len(data.translate(None, _CONTROL)) != len(data)
                    or _BAD_REFERENCE.search(data)
                ):
                    return False
                for letters in set(_TWO_LETTERS.findall(data)):
                    widest = max(widest, _column_number(letters))
                for d, pattern in _ROW_DIGITS:
                    if d <= digits:
                        break
                    if pattern.search(data):
                        digits = d
                        break
                tail = data[-_OVERLAP:]
    except (KeyError, OSError, zipfile.BadZipFile, EOFError, ValueError):
        return False  # openpyxl gives the message
    rows = min(int(10**digits), 1_048_576)
    return rows * widest <= MAX_GRID_CELLS


def _value(value: Any) -> Any:
    kind = value.__class__
    if kind is str:
        return value if value else None
    if kind is float:
        if value.is_integer():
            if -EXACT_WHOLE < value < EXACT_WHOLE:
                return int(value)
            raise _Ambiguous
        return value
    if kind is date:
        return datetime(value.year, value.month, value.day)
    return value


def calamine_rows(book: Any, title: str) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows from row 1, each a tuple as openpyxl's ``values_only`` gives it."""
    sheet = book.get_sheet_by_name(title)
    # calamine's rows begin at row 1 but at the sheet's first used column.
    first = sheet.start
    out: list[Any] = [None] * first[1] if first else []
    lead = len(out)
    for row in sheet.iter_rows():
        del out[lead:]
        append = out.append
        for value in row:
            kind = value.__class__
            if kind is str:
                append(value if value else None)
            elif kind is float or kind is date:
                append(_value(value))
            else:
                append(value)
        yield tuple(out)


def rows_with_fallback(
    book: Any, title: str, slow: Any, *, fast: bool = True
) -> Iterator[tuple[Any, ...]]:
    """calamine's rows while they can be given exactly; from the first that cannot (or from
    the start, when ``fast`` is False), openpyxl's."""
    done = 0
    if fast:
        try:
            for row in calamine_rows(book, title):
                yield row
                done += 1
            return
        except _Ambiguous:
            pass
        except BaseException as exc:
            # A Rust panic reaches Python as a BaseException: openpyxl reads on, or refuses.
            if type(exc).__name__ != "PanicException":
                raise
    for n, row in enumerate(slow().iter_rows(values_only=True)):
        if n >= done:
            yield row


class FastRows:
    """calamine's reading of one workbook, opened on first use: which sheets it may read,
    and their rows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book: Any = None
        self.plain: dict[str, bool] = {}

    def is_plain(self, ws: Any) -> bool:
        if ws.title not in self.plain:
            name = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
            with zipfile.ZipFile(self.path) as zf:
                self.plain[ws.title] = bool(name) and plain_part(zf, name)
        return self.plain[ws.title]

    def rows(self, ws: Any) -> Iterator[tuple[Any, ...]]:
        fast = self.is_plain(ws)
        if fast and self.book is None:
            # Loaded with the first sheet it reads: most workbooks opened are never read whole.
            from python_calamine import CalamineWorkbook

            self.book = CalamineWorkbook.from_path(str(self.path))
        return rows_with_fallback(self.book, ws.title, lambda: ws, fast=fast)

    def close(self) -> None:
        if self.book is not None:
            self.book.close()
            self.book = None
