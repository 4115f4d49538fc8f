"""The results workbook's sheets as XlsxWriter writes them, cell by cell.

Its conversions of text are all switched off: text that looks like a number, a formula or a
link is written as the text it is. A sheet past the spreadsheet's row limit goes on in
``Name 2``, ``Name 3`` …; text longer than a cell holds refuses the whole export.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format

from ..core.errors import UserError
from ..core.export_rows import SheetRow
from ..core.record_values import MAX_CELL
from ..core.wording import user_text
from .xlsx_cells import FastWorksheet

# The spreadsheet error values (openpyxl's ERROR_CODES): text equal to one is quoted too.
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
# Control characters the XML of a workbook cannot hold (as openpyxl removes them).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
# First characters worth a closer look: the risky ones, and "#" of "#N/A" and other error codes.
RISKY_FIRST = frozenset("=+-@\t\r#")
INSTANTS = {"Updated At", "Written At", "Signed At", "Signed On", "Replied At"}
NUMBER_FORMATS = {"Attendance Rate": "0.0%", "Mean Level": "0.00"}
WIDE = {"Name", "Note", "Text", "Evidence", "Comment", "Strengths", "Improvements", "Skill"}
WIDE |= {"Level Labels", "Task", "Location", "Cohort", "Programme", "Suggestions", "School Reply"}
# XlsxWriter's cell writers: (row, column, value[, format]) -> 0, or -2 for text too long.
WriteCell = Callable[..., int]


def excel_instant(value: datetime | None) -> datetime | None:
    """Naive UTC to the millisecond: Excel has no time zones and keeps milliseconds."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    if value.microsecond % 1000:
        value = value.replace(microsecond=0) + timedelta(
            milliseconds=round(value.microsecond / 1000)
        )
    return value


def _printable(value: str) -> bool:
    """No character the file format cannot hold (line breaks and tabs are held)."""
    return not ILLEGAL_CHARACTERS_RE.search(value)


def _one_run(text: str) -> str:
    """``text`` as the XML of a rich string of one plain run.

    XlsxWriter writes text that begins with ``<r>`` and ends with ``</r>`` into the sheet as
    XML, unescaped (its own rich strings): a note so written would be read as markup, and
    could break or add cells. Spelled out as one run it is read as exactly this text.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<r><t xml:space="preserve">{escaped}</t></r>'


class ResultsBook:
    """The XlsxWriter workbook and the few cell formats every sheet shares."""

    def __init__(self, target: Path) -> None:
        self.wb = Workbook(
            str(target),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                # A five-year workbook's sheets can pass 4 GB unpacked only in theory; allowed.
                "use_zip64": True,
            },
        )
        # openpyxl's formats for the same cells, so that a spreadsheet shows what it showed.
        self.bold = self.wb.add_format({"bold": True})
        self.quoted = self.wb.add_format({"quote_prefix": True})
        self.date_time = self.wb.add_format({"num_format": "yyyy-mm-dd h:mm:ss"})
        self.day = self.wb.add_format({"num_format": "yyyy-mm-dd"})
        self.time_of_day = self.wb.add_format({"num_format": "h:mm:ss"})
        self._formats: dict[str, Format] = {}

    def number_format(self, pattern: str) -> Format:
        if pattern not in self._formats:
            self._formats[pattern] = self.wb.add_format({"num_format": pattern})
        return self._formats[pattern]

    def close(self) -> None:
        try:
            self.wb.close()
        except FileCreateError as exc:
            # XlsxWriter wraps the OS's refusal (a full disk, a read-only folder): the caller
            # turns an OSError into one sentence naming the file.
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from exc
            raise

    def discard(self) -> None:
        """Close and delete the sheets' temporary files of an abandoned export."""
        for ws in self.wb.worksheets():
            with contextlib.suppress(Exception):
                if ws.row_data_fh is not None:
                    ws.row_data_fh.close()
        # Nothing is to be saved: XlsxWriter would otherwise warn when the object goes.
        self.wb.fileclosed = True


class SheetWriter:
    """One logical sheet, continued on ``Name 2``, ``Name 3`` … past the row limit."""

    def __init__(
        self,
        book: ResultsBook,
        name: str,
        headers: tuple[str, ...],
        shown: list[str],
        limit: int,
        counts: dict[str, int],
        expected: int,
    ) -> None:
        self.book = book
        self.expected = expected
        self.written = 0
        self.name = name
        self.headers = headers
        self.shown = shown
        self.limit = limit
        self.counts = counts
        self.part = 0
        self.ws: FastWorksheet | None = None
        self.in_part = 0
        self.instants = frozenset(i for i, h in enumerate(headers) if h in INSTANTS)
        self.formats = {
            i: book.number_format(NUMBER_FORMATS[h])
            for i, h in enumerate(headers)
            if h in NUMBER_FORMATS
        }
        self._start()

    def _start(self) -> None:
        self._close()
        self.part += 1
        title = self.name if self.part == 1 else f"{self.name} {self.part}"
        self.title = title
        ws = self.book.wb.add_worksheet(title, worksheet_class=FastWorksheet)
        ws.freeze_panes(1, 0)
        for i, header in enumerate(self.headers):
            width = 28 if header in WIDE else max(12, len(header) + 4)
            ws.set_column(i, i, width)
        for i, text in enumerate(self.shown):
            ws.write_string(0, i, text, self.book.bold)
        self.ws = ws
        self.in_part = 0
        self.counts[title] = 0
        # Bound once per part, and below XlsxWriter's public wrappers (which also parse "A1"
        # references): the per-cell calls are most of an export's time.
        self._string: WriteCell = ws._write_string
        self._number: WriteCell = ws._write_number
        self._datetime: WriteCell = ws._write_datetime
        self._boolean: WriteCell = ws._write_boolean
        self._any: WriteCell = ws.write

    def _close(self) -> None:
        if self.ws is not None:
            self.ws.autofilter(0, 0, self.in_part, len(self.headers) - 1)

    def append(self, values: SheetRow) -> None:
        if self.in_part >= self.limit:
            self._start()
        row_number = self.in_part + 1
        book = self.book
        # Dispatched on the exact class (quicker per cell than isinstance), which a type
        # checker cannot follow: each branch knows the type it writes.
        value: Any
        for i, value in enumerate(values):
            if value is None:
                continue
            kind = value.__class__
            if kind is str:
                if not value:
                    # An empty cell, not an empty string: ISBLANK and HR importers see blank.
                    continue
                if len(value) > MAX_CELL:
                    self._too_long(values, i, len(value))
                if value[0] in RISKY_FIRST or not (value.isprintable() or _printable(value)):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                    if value.startswith(RISKY_START) or value in ERROR_CODES:
                        # A text cell with Excel's quote prefix: shown as typed, never run.
                        self._string(row_number, i, value, book.quoted)
                        continue
                if value[0] == "<" and value.startswith("<r>") and value.endswith("</r>"):
                    value = _one_run(value)
                if self._string(row_number, i, value) == -2:
                    self._too_long(values, i, len(value))
            elif kind is int or kind is float:
                self._number(row_number, i, value, self.formats.get(i))
            elif kind is datetime:
                if i in self.instants:
                    value = excel_instant(value)
                self._datetime(row_number, i, value, book.date_time)
            elif kind is date:
                self._datetime(row_number, i, value, book.day)
            elif kind is bool:
                self._boolean(row_number, i, value)
            elif kind is time:
                self._datetime(row_number, i, value, book.time_of_day)
            else:
                self._any(row_number, i, value, self.formats.get(i))
        self.written += 1
        self.in_part += 1
        self.counts[self.title] += 1

    def _too_long(self, values: SheetRow, column: int, length: int) -> None:
        """A spreadsheet would cut this text (or break on it): the export is refused whole
        instead, naming the record, so that nothing ever leaves MentorDesk shortened."""
        record = values[0] if self.headers[0] == "UID" else ""
        raise UserError(
            user_text(
                "Export",
                "sheet {sheet}, row {row}, column {column}: {length:,} characters, more than "
                "the {limit:,} a spreadsheet cell holds (record {record}); shorten it and "
                "export again. Nothing was written.",
            ).format(
                sheet=self.title,
                row=self.in_part + 2,
                column=self.shown[column],
                length=length,
                limit=MAX_CELL,
                record=record or "-",
            )
        )

    def finish(self) -> None:
        if self.written != self.expected:
            raise RuntimeError(f"{self.name}: {self.written} rows written, {self.expected} counted")
        self._close()
