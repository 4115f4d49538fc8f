"""Reading a school's roster sheet into ``RosterRow``s, as office software really stores it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from ..core.roster import LABELS, RosterData, RosterRow
from ..core.text import INVISIBLE
from ..core.wording import user_text
from .cell_values import cell_text, header_key, identifier_text
from .headers import ROSTER_HEADERS, ROSTER_KEYS, ROSTER_SHEETS, STATUS_WORDS
from .workbook_reading import (
    ReadWorkbook,
    SheetRow,
    WorkbookError,
    at,
    sheet_rows,
    shown_sheets,
    where,
)

HEADER_SEARCH_ROWS = 10
# Far more than any school's roster; the 50,000-row benchmark roster fits with room to spare.
MAX_ROSTER_ROWS = 250_000
# What the ID and name columns should hold, in "holds TRUE, not a trainee id".
NOUNS = {
    "trainee_id": user_text("RosterImport", "trainee id"),
    "name": user_text("RosterImport", "name"),
}


@dataclass(frozen=True)
class HeaderRow:
    row: int
    columns: dict[int, str]  # column index -> field
    ignored: list[str]
    titles: dict[str, str]  # field -> its header as the sheet writes it ("姓名")


def find_header(rows: list[SheetRow], keys: dict[str, str]) -> HeaderRow | None:
    """The first of these rows in which at least two known headers are found."""
    for number, values in rows:
        columns: dict[int, str] = {}
        ignored: list[str] = []
        titles: dict[str, str] = {}
        for index, value in enumerate(values):
            field = keys.get(header_key(value))
            if field is not None and field not in columns.values():
                columns[index] = field
                titles[field] = cell_text(value)
            elif cell_text(value):
                ignored.append(cell_text(value))
        if len(columns) >= 2:
            return HeaderRow(number, columns, ignored, titles)
    return None


def _head(path: Path, ws: ReadOnlyWorksheet) -> list[SheetRow]:
    head = []
    for number, values in sheet_rows(path, ws, head=True):
        head.append((number, values))
        if number >= HEADER_SEARCH_ROWS:
            break
    return head


def roster_sheet(path: Path, wb: ReadWorkbook) -> tuple[ReadOnlyWorksheet, HeaderRow] | None:
    """The roster sheet by name, else the first sheet whose header row is recognised."""
    wanted = {header_key(n) for n in ROSTER_SHEETS}
    shown = shown_sheets(wb)
    named = [ws for ws in shown if header_key(ws.title) in wanted]
    for ws in named + [ws for ws in shown if ws not in named]:
        if header_key(ws.title) in {"skills", "about"}:
            continue
        header = find_header(_head(path, ws), ROSTER_KEYS)
        if header is not None:
            return ws, header
        if ws in named:
            raise WorkbookError(
                at(
                    where(path, ws.title),
                    user_text(
                        "RosterImport",
                        "no header row found in the first {rows} rows (expected headers such "
                        "as Trainee ID and Name, or 学号 and 姓名)",
                    ).format(rows=HEADER_SEARCH_ROWS),
                )
            )
    return None


def _check_required(path: Path, sheet: str, header: HeaderRow) -> None:
    for field in ("trainee_id", "name"):
        if field not in header.columns.values():
            accepted = ", ".join(ROSTER_HEADERS[field])
            raise WorkbookError(
                at(
                    where(path, sheet, header.row),
                    user_text(
                        "RosterImport",
                        "the required column {column} is missing (accepted headers: {accepted})",
                    ).format(column=LABELS[field], accepted=accepted),
                )
            )


def _problem(field: str, value: object, titles: dict[str, str]) -> str:
    """Why a raw ID or name cell cannot be trusted, or ""."""
    label = titles.get(field, LABELS[field])
    if isinstance(value, bool):
        return user_text("RosterImport", "column {column}: holds {value}, not a {what}").format(
            column=label, value=str(value).upper(), what=NOUNS[field]
        )
    if isinstance(value, str):
        if value in ERROR_CODES:
            return user_text(
                "RosterImport", "column {column}: holds the spreadsheet error {value}"
            ).format(column=label, value=value)
        if field == "trainee_id" and (hidden := INVISIBLE.findall(value)):
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in hidden}))
            return user_text(
                "RosterImport",
                "column {column}: contains invisible formatting characters ({codes}) that can "
                "make an ID display as another one",
            ).format(column=label, codes=codes)
    return ""


def _lost_digits(field: str, value: object, titles: dict[str, str]) -> str:
    """Why an ID cell has lost its digits (stored as a number in scientific notation), or ""."""
    try:
        identifier_text(value)
    except ValueError as exc:
        return user_text("RosterImport", "column {column}: {problem}").format(
            column=titles.get(field, LABELS[field]), problem=exc.args[0]
        )
    return ""


def read_roster(path: Path, ws: ReadOnlyWorksheet, header: HeaderRow) -> RosterData:
    _check_required(path, ws.title, header)
    data = RosterData(
        path.name, ws.title, ignored_columns=header.ignored, titles=dict(header.titles)
    )
    rows = data.rows
    lone: list[RosterRow] = []
    columns = tuple(header.columns.items())
    width = max(header.columns) + 1
    id_at = next(i for i, f in columns if f == "trainee_id")
    name_at = next(i for i, f in columns if f == "name")
    status_at = next((i for i, f in columns if f == "status"), None)
    identifiers = [(i, f) for i, f in columns if f in ("trainee_id", "employee_no")]
    statuses: dict[str, str] = {}  # status text as typed -> stored word, worked out once each
    for number, values in sheet_rows(path, ws, MAX_ROSTER_ROWS):
        if number <= header.row:
            continue
        # Blank means no cell at all: a cell of only spaces or invisible characters is a row
        # someone typed something into, and is reported, not silently dropped.
        filled = len(values) - values.count(None) - values.count("")
        if not filled:
            continue
        if len(values) < width:
            values = values + (None,) * (width - len(values))
        row = {f: cell_text(values[i]) for i, f in columns}
        problem = ""
        if isinstance(values[id_at], str | bool) or isinstance(values[name_at], str | bool):
            problem = _problem("trainee_id", values[id_at], header.titles) or _problem(
                "name", values[name_at], header.titles
            )
        for i, f in identifiers:
            if not problem and isinstance(values[i], float | str):
                problem = _lost_digits(f, values[i], header.titles)
        if status_at is not None and (status := row["status"]):
            word = statuses.get(status)
            if word is None:
                word = statuses[status] = STATUS_WORDS.get(header_key(status), status)
            row["status"] = word
        parsed = RosterRow(number, row, problem)
        # "合计: 42 人", "Prepared by …": a single cell with no name, after the last trainee.
        if filled == 1 and not row["name"]:
            lone.append(parsed)
            continue
        if lone:
            rows.extend(lone)
            lone = []
        rows.append(parsed)
    if data.rows:
        data.skipped_rows = [r.row for r in lone]
    else:
        data.rows = lone
    if not data.rows:
        raise WorkbookError(
            at(
                where(path, ws.title),
                user_text(
                    "RosterImport",
                    "the sheet holds no trainees (nothing below the header row {row}); nothing "
                    "was imported",
                ).format(row=header.row),
            )
        )
    return data
