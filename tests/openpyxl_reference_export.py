"""Writing the results workbook of interchange.md, streaming (openpyxl write-only mode)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from mentordesk.core.errors import UserError
from mentordesk.core.export_columns import COLUMNS, skill_headers
from mentordesk.core.export_rows import ExportRows
from mentordesk.core.export_scope import ExportScope
from mentordesk.core.private_files import replace_whole
from mentordesk.core.progress import NO_PROGRESS, Progress
from mentordesk.core.record_values import MAX_CELL
from mentordesk.core.store import Store
from mentordesk.core.wording import user_text
from mentordesk.exchange.headers import CHINESE

FORMAT = "mentordesk-exchange"
VERSION = 1
REVISION = 2
# Excel's limit is 1,048,576 rows; row 1 is the header.
MAX_RECORDS = 1_048_575
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
# First characters worth a closer look: the risky ones, and "#" of "#N/A" and other error codes.
RISKY_FIRST = frozenset("=+-@\t\r#")
INSTANTS = {"Updated At", "Written At", "Signed At", "Signed On"}
NUMBER_FORMATS = {"Attendance Rate": "0.0%", "Mean Level": "0.00"}
WIDE = {"Name", "Note", "Text", "Evidence", "Comment", "Strengths", "Improvements", "Skill"}
WIDE |= {"Level Labels", "Task", "Location", "Cohort", "Programme"}


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


class _SheetWriter:
    """One logical sheet, continued on ``Name 2``, ``Name 3`` … past the row limit."""

    def __init__(
        self,
        wb: Workbook,
        name: str,
        headers: tuple[str, ...],
        shown: list[str],
        limit: int,
        counts: dict[str, int],
        expected: int,
    ) -> None:
        self.wb = wb
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
        self.instants = [i for i, h in enumerate(headers) if h in INSTANTS]
        # Instants keep openpyxl's own date-time format: a styled cell each would cost 10%.
        self.formats = {i: NUMBER_FORMATS[h] for i, h in enumerate(headers) if h in NUMBER_FORMATS}
        self._start()

    def _start(self) -> None:
        self._close()
        self.part += 1
        title = self.name if self.part == 1 else f"{self.name} {self.part}"
        self.title = title
        ws = self.wb.create_sheet(title)
        # The exact size up front: readers such as openpyxl otherwise parse a whole sheet
        # just to learn it. Write-only sheets have no dimension of their own.
        rows = min(self.limit, max(self.expected - self.written, 0))
        ref = f"A1:{get_column_letter(len(self.headers))}{rows + 1}"
        ws.calculate_dimension = lambda: ref
        ws.freeze_panes = "A2"
        for i, header in enumerate(self.headers, start=1):
            width = 28 if header in WIDE else max(12, len(header) + 4)
            ws.column_dimensions[get_column_letter(i)].width = width
        bold = Font(bold=True)
        cells = []
        for text in self.shown:
            cell = WriteOnlyCell(ws, value=text)
            cell.font = bold
            cells.append(cell)
        ws.append(cells)
        self.ws = ws
        self.in_part = 0
        self.counts[title] = 0

    def _close(self) -> None:
        if self.ws is not None:
            last = get_column_letter(len(self.headers))
            self.ws.auto_filter.ref = f"A1:{last}{self.in_part + 1}"

    def _text(self, value: str) -> Any:
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(RISKY_START) or value in ERROR_CODES:
            cell = WriteOnlyCell(self.ws, value="")
            # Set after the value: openpyxl would otherwise take "=…" for a formula.
            cell._value = value
            cell.data_type = "s"
            cell.quotePrefix = True
            return cell
        return value

    def _styled(self, value: Any, number_format: str) -> Any:
        cell = WriteOnlyCell(self.ws, value=value)
        cell.number_format = number_format
        return cell

    def append(self, values: Iterable[Any]) -> None:
        if self.in_part >= self.limit:
            self._start()
        row = list(values)
        for i in self.instants:
            if row[i] is not None:
                row[i] = excel_instant(row[i])
        for i, number_format in self.formats.items():
            if row[i] is not None:
                row[i] = self._styled(row[i], number_format)
        for i, value in enumerate(row):
            if value.__class__ is str:
                if not value:
                    # An empty cell, not an empty string: ISBLANK and HR importers see blank.
                    row[i] = None
                    continue
                if len(value) > MAX_CELL:
                    self._too_long(row, i, len(value))
                if value[0] in RISKY_FIRST or ILLEGAL_CHARACTERS_RE.search(value):
                    row[i] = self._text(value)
        self.ws.append(row)
        self.written += 1
        self.in_part += 1
        self.counts[self.title] += 1

    def _too_long(self, row: list[Any], column: int, length: int) -> None:
        """A spreadsheet would cut this text (or break on it): the export is refused whole
        instead, naming the record, so that nothing ever leaves MentorDesk shortened."""
        record = row[0] if self.headers[0] == "UID" else ""
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
    wb = Workbook(write_only=True)
    counts: dict[str, int] = {}
    progress.start(0, user_text("Export", "Exporting"))
    # Written beside the target and renamed: a crash or a refusal never leaves half a workbook.
    with replace_whole(path) as part:
        try:
            _write(wb, store, scope, counts, chinese_headers, progress, sheet_limit)
        except BaseException:
            _discard(wb)
            raise
        wb.save(part)
    return ExportResult(path, counts)


def _discard(wb: Workbook) -> None:
    """Close and delete the sheets' temporary files of an abandoned export."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            ws.close()
        with contextlib.suppress(Exception):
            ws._writer.cleanup()


def _write(
    wb: Workbook,
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
        ]
        sources = [(name, headers, produce()) for name, headers, produce in sheets]
        sizes = [len(rows) for _, _, rows in sources]
        progress.start(sum(sizes), user_text("Export", "Exporting"))
        for (name, headers, rows), size in zip(sources, sizes, strict=True):
            shown = _shown(headers, chinese_headers)
            writer = _SheetWriter(wb, name, headers, shown, sheet_limit, counts, size)
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
    pairs: list[tuple[str, Any]] = [
        ("format", FORMAT),
        ("version", VERSION),
        # Additions to version 1 (the Summary's calendar columns): readers by header go on.
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
        wb, "About", ("Key", "Value"), ["Key", "Value"], sheet_limit, {}, len(pairs)
    )
    for pair in pairs:
        about.append(pair)
    about.finish()
    progress.step(0, user_text("Export", "Saving the workbook"))
