"""Writing the results workbook of interchange.md, streaming (XlsxWriter, constant memory).

XlsxWriter rather than openpyxl's write-only mode: it writes the same cells in about half the
CPU time, and in constant-memory mode each row goes to disk as soon as the next one starts.
Its conversions of text are all switched off: text that looks like a number, a formula or a
link is written as the text it is.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError

from ..core.errors import UserError
from ..core.export_rows import COLUMNS, ExportRows, ExportScope, skill_headers
from ..core.private_files import replace_whole
from ..core.progress import NO_PROGRESS, Progress
from ..core.record_values import MAX_CELL
from ..core.store import Store
from ..core.wording import user_text
from .headers import CHINESE
from .xlsx_cells import FastWorksheet

FORMAT = "mentordesk-exchange"
VERSION = 1
REVISION = 2
# Excel's limit is 1,048,576 rows; row 1 is the header.
MAX_RECORDS = 1_048_575
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
# Sheets of revision 2 come after About, so that the first nine keep their places.
AFTER_ABOUT = ("Calendar", "Feedback")


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


@dataclass
class ExportResult:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        counts = ", ".join(f"{n} {sheet}" for sheet, n in self.rows.items())
        return [f"Exported to {self.path}: {counts}"]


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


class _Book:
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
        self._formats: dict[str, Any] = {}

    def number_format(self, pattern: str) -> Any:
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


class _SheetWriter:
    """One logical sheet, continued on ``Name 2``, ``Name 3`` … past the row limit."""

    def __init__(
        self,
        book: _Book,
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
        self.ws: Any = None
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
        self._string = ws._write_string
        self._number = ws._write_number
        self._datetime = ws._write_datetime
        self._boolean = ws._write_boolean

    def _close(self) -> None:
        if self.ws is not None:
            self.ws.autofilter(0, 0, self.in_part, len(self.headers) - 1)

    def append(self, values: Iterable[Any]) -> None:
        if self.in_part >= self.limit:
            self._start()
        row_number = self.in_part + 1
        book = self.book
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
                self.ws.write(row_number, i, value, self.formats.get(i))
        self.written += 1
        self.in_part += 1
        self.counts[self.title] += 1

    def _too_long(self, values: Iterable[Any], column: int, length: int) -> None:
        """A spreadsheet would cut this text (or break on it): the export is refused whole
        instead, naming the record, so that nothing ever leaves MentorDesk shortened."""
        record = next(iter(values)) if self.headers[0] == "UID" else ""
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


def _shown(headers: tuple[str, ...], chinese: bool) -> list[str]:
    if not chinese:
        return list(headers)
    out = []
    for h in headers:
        if h.startswith("Level ") and h[6:].isdigit():
            out.append(f"等级{h[6:]}")
        elif h.startswith("Level ") and h.endswith(" (zh)") and h[6:-5].isdigit():
            out.append(f"等级{h[6:-5]}（中文）")
        else:
            out.append(CHINESE.get(h, h))
    return out


def export_results(
    store: Store,
    path: Path,
    scope: ExportScope | None = None,
    *,
    chinese_headers: bool = False,
    progress: Progress = NO_PROGRESS,
    sheet_limit: int = MAX_RECORDS,
) -> ExportResult:
    """The whole results workbook for ``scope``; ``sheet_limit`` is lowered only by tests."""
    path = Path(path)
    scope = scope or ExportScope()
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            user_text("Export", "{file}: a results workbook must be saved as .xlsx").format(
                file=path.name
            )
        )
    if not path.parent.is_dir():
        raise UserError(
            user_text("Export", "{path}: the folder {folder} does not exist").format(
                path=str(path), folder=str(path.parent)
            )
        )
    counts: dict[str, int] = {}
    progress.start(0, user_text("Export", "Exporting"))
    # Written beside the target and renamed: a crash or a refusal never leaves half a workbook.
    with replace_whole(path) as part:
        book = _Book(part)
        try:
            _write(book, store, scope, counts, chinese_headers, progress, sheet_limit)
        except BaseException:
            book.discard()
            raise
        book.close()
    return ExportResult(path, counts)


def _write(
    book: _Book,
    store: Store,
    scope: ExportScope,
    counts: dict[str, int],
    chinese_headers: bool,
    progress: Progress,
    sheet_limit: int,
) -> None:
    exported_at = datetime.now(UTC)
    with store.read() as session:
        source = ExportRows(session, scope)
        start, end = source.period()
        levels = source.level_count()
        sheets: list[tuple[str, tuple[str, ...], Callable[[], Any]]] = [
            ("Summary", COLUMNS["Summary"], source.summary),
            ("Trainees", COLUMNS["Trainees"], source.trainees),
            ("Sessions", COLUMNS["Sessions"], source.sessions),
            ("Attendance", COLUMNS["Attendance"], source.attendance),
            ("Ratings", COLUMNS["Ratings"], source.ratings),
            ("Notes", COLUMNS["Notes"], source.notes),
            ("Assessments", COLUMNS["Assessments"], source.assessments),
            (
                "Skills",
                skill_headers(levels),
                lambda: source.skills(levels),
            ),
            ("Calendar", COLUMNS["Calendar"], source.calendar),
            ("Feedback", COLUMNS["Feedback"], source.feedback),
        ]
        sources = [(name, headers, produce()) for name, headers, produce in sheets]
        sizes = [len(rows) for _, _, rows in sources]
        progress.start(sum(sizes), user_text("Export", "Exporting"))
        for (name, headers, rows), size in zip(sources, sizes, strict=True):
            if name == AFTER_ABOUT[0]:
                # About comes before the sheets of revision 2 and counts them too.
                named = zip((n for n, _, _ in sources), sizes, strict=True)
                later = [(n, s) for n, s in named if n in AFTER_ABOUT]
                _about(book, store, scope, exported_at, start, end, chinese_headers,
                       sheet_limit, {**counts, **_parts(later, sheet_limit)})  # fmt: skip
            shown = _shown(headers, chinese_headers)
            writer = _SheetWriter(book, name, headers, shown, sheet_limit, counts, size)
            for n, row in enumerate(rows, start=1):
                writer.append(row)
                if n % 5000 == 0:
                    progress.step(
                        5000,
                        user_text("Export", "{sheet}: {done:,} of {total:,} rows").format(
                            sheet=name, done=n, total=size
                        ),
                    )
            progress.step(
                size % 5000,
                user_text("Export", "{sheet}: {total:,} rows").format(sheet=name, total=size),
            )
            writer.finish()
    progress.step(0, user_text("Export", "Saving the workbook"))


def _parts(sheets: Iterable[tuple[str, int]], limit: int) -> dict[str, int]:
    """The rows each sheet and continuation will hold, as ``_SheetWriter`` splits them."""
    out: dict[str, int] = {}
    for name, size in sheets:
        part, left = 1, size
        while True:
            out[name if part == 1 else f"{name} {part}"] = min(left, limit)
            left -= limit
            part += 1
            if left <= 0:
                break
    return out


def _about(
    book: _Book,
    store: Store,
    scope: ExportScope,
    exported_at: datetime,
    start: date | None,
    end: date | None,
    chinese_headers: bool,
    sheet_limit: int,
    counts: dict[str, int],
) -> None:
    pairs: list[tuple[str, Any]] = [
        ("format", FORMAT),
        ("version", VERSION),
        # Additions to version 1 (the Summary's calendar columns, the Calendar sheet after
        # About): readers by header and by sheet name go on.
        ("revision", REVISION),
        ("exported_at", exported_at.isoformat(timespec="seconds").replace("+00:00", "Z")),
        ("device", store.device_id),
        ("exported_by", store.actor.name),
        ("scope", scope.describe()),
        ("cohort", scope.cohort),
        ("period_start", start.isoformat() if start else ""),
        ("period_end", end.isoformat() if end else ""),
        ("headers", "chinese" if chinese_headers else "english"),
    ]
    pairs += [(f"rows {sheet}", n) for sheet, n in counts.items()]
    about = _SheetWriter(
        book, "About", ("Key", "Value"), ["Key", "Value"], sheet_limit, {}, len(pairs)
    )
    for pair in pairs:
        about.append(pair)
    about.finish()
