"""Opening workbooks from outside safely, and reading their rows as office software stores them.

A workbook from a school's office is untrusted input: it may be no workbook at all, truncated,
encrypted, a zip bomb or carry XML entity definitions. Each gets a plain message before openpyxl
or calamine sees the file. openpyxl opens the workbook, in streaming (read-only) mode, and reads
the first rows of a sheet (a header); whole sheets of plain values are read by calamine
(``calamine_sheets``), several times faster, and any other sheet by openpyxl.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from openpyxl.reader.excel import ExcelReader
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from ..core.errors import UserError
from ..core.wording import Text, user_text
from .calamine_sheets import FastRows

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
MAX_FILE_BYTES = 400 * 1024 * 1024
# A 1,000,000-row results export unpacks to about 250 MB; nothing genuine comes near this.
MAX_UNPACKED_BYTES = 3 * 1024 * 1024 * 1024
# Spreadsheet XML compresses about 10-30x; bombs compress thousands of times.
MAX_RATIO = 250
PROLOG_LIMIT = 1024 * 1024
ENTITY_ERRORS = {"EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"}
RATIO_CHECKED_ABOVE = 20 * 1024 * 1024
# One row of a sheet: its number on the sheet, and its cells from column A on, as openpyxl or
# calamine give them (text, numbers, flags, dates and times, None; an error cell as "#N/A"),
# for ``cell_values`` to read as the person typed them.
SheetRow = tuple[int, tuple[object, ...]]


class WorkbookError(UserError):
    """The file cannot be read as a workbook, or a cell in it is wrong: says where."""


def where(path: Path, sheet: str, row: int | None = None) -> Text:
    """ "file.xlsx, sheet Trainees, row 7" — the place a message points at; a column, where
    there is one, is named by the message itself ("column Status: …")."""
    if row is None:
        return user_text("Workbook", "{file}, sheet {sheet}").format(file=path.name, sheet=sheet)
    return user_text("Workbook", "{file}, sheet {sheet}, row {row}").format(
        file=path.name, sheet=sheet, row=row
    )


def at(place: str, problem: str) -> Text:
    """ "file.xlsx, sheet Trainees: the problem" — a message about a place, both translatable."""
    return user_text("Workbook", "{place}: {problem}").format(place=place, problem=problem)


def _check_container(path: Path) -> None:
    if not path.exists():
        raise WorkbookError(at(str(path), user_text("Workbook", "no such file")))
    if path.is_dir():
        raise WorkbookError(at(str(path), user_text("Workbook", "is a folder, not a workbook")))
    size = path.stat().st_size
    if size == 0:
        raise WorkbookError(at(path.name, user_text("Workbook", "the file is empty")))
    if size > MAX_FILE_BYTES:
        raise WorkbookError(
            at(
                path.name,
                user_text(
                    "Workbook",
                    "the file is {size} MB, far larger than any workbook MentorDesk exchanges "
                    "(limit {limit} MB)",
                ).format(size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)),
            )
        )
    with path.open("rb") as fh:
        head = fh.read(1024 * 1024)
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_MARK in head:
            raise WorkbookError(
                at(
                    path.name,
                    user_text(
                        "Workbook",
                        "the workbook is password-protected (encrypted); open it in your "
                        "office software, remove the password and save it again as .xlsx",
                    ),
                )
            )
        raise WorkbookError(
            at(
                path.name,
                user_text(
                    "Workbook",
                    "this is an old-format .xls workbook; save it as .xlsx (Excel Workbook) "
                    "and import that",
                ),
            )
        )
    if not head.startswith(b"PK"):
        raise WorkbookError(
            at(
                path.name,
                user_text("Workbook", "not an .xlsx workbook (the file is not a zip package)"),
            )
        )


def _entities(path: Path, part: str) -> WorkbookError:
    return WorkbookError(
        at(
            path.name,
            user_text(
                "Workbook",
                "part {part} declares XML entities (a possible XML bomb); genuine workbooks "
                "never do, so it was not read",
            ).format(part=part),
        )
    )


def _check_prolog(path: Path, name: str, part: IO[bytes]) -> None:
    """Whatever precedes the root element (declaration, comments) must hold no DOCTYPE.

    A DOCTYPE may follow any amount of comment, so the prolog is followed to its end,
    however far, up to a bound no genuine part comes near.
    """
    buf = b""
    pos = 0
    ended = False
    while True:
        while pos < len(buf) and buf[pos : pos + 1] in b" \t\r\n\xef\xbb\xbf":
            pos += 1
        if len(buf) - pos < 16 and not ended:
            chunk = part.read(65536)
            ended = not chunk
            buf += chunk
            continue
        if buf.startswith(b"<?", pos):
            token_end, skip = buf.find(b"?>", pos), 2
        elif buf.startswith(b"<!--", pos):
            token_end, skip = buf.find(b"-->", pos + 4), 3
        elif buf.startswith(b"<!", pos):
            raise _entities(path, name)
        else:
            return  # the root element, or something the parser itself will refuse
        if token_end >= 0:
            pos = token_end + skip
            continue
        if ended:
            return
        if len(buf) > PROLOG_LIMIT:
            raise WorkbookError(
                at(
                    path.name,
                    user_text(
                        "Workbook",
                        "part {part} opens with over {size} KB of comments before its content; "
                        "genuine workbooks never do, so it was not read",
                    ).format(part=name, size=PROLOG_LIMIT // 1024),
                )
            )
        chunk = part.read(65536)
        ended = not chunk
        buf += chunk


def one_line(exc: BaseException) -> str:
    """A foreign library's message, fit for one line of a report."""
    text = " ".join(str(exc).split())
    return text if len(text) <= 160 else text[:157] + "…"


def _check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            names = {m.filename for m in members}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise WorkbookError(
                    at(
                        path.name,
                        user_text(
                            "Workbook", "not an .xlsx workbook (a zip file without workbook parts)"
                        ),
                    )
                )
            total = 0
            for m in members:
                total += m.file_size
                if m.file_size > RATIO_CHECKED_ABOVE and m.file_size > MAX_RATIO * max(
                    m.compress_size, 1
                ):
                    raise WorkbookError(
                        at(
                            path.name,
                            user_text(
                                "Workbook",
                                "part {part} unpacks to {unpacked} MB from {packed} KB — a zip "
                                "bomb, not a workbook",
                            ).format(
                                part=m.filename,
                                unpacked=m.file_size // 2**20,
                                packed=max(m.compress_size, 1) // 1024,
                            ),
                        )
                    )
            if total > MAX_UNPACKED_BYTES:
                raise WorkbookError(
                    at(
                        path.name,
                        user_text(
                            "Workbook",
                            "the workbook unpacks to {size} MB, far larger than any workbook "
                            "MentorDesk exchanges",
                        ).format(size=total // 2**20),
                    )
                )
            for m in members:
                if m.filename.endswith((".xml", ".rels")) and m.file_size:
                    with zf.open(m) as part:
                        _check_prolog(path, m.filename, part)
    except zipfile.BadZipFile as exc:
        raise WorkbookError(
            at(
                path.name,
                user_text(
                    "Workbook",
                    "the workbook is damaged or truncated (the zip package cannot be read: "
                    "{error})",
                ).format(error=one_line(exc)),
            )
        ) from exc
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise WorkbookError(
            at(
                path.name,
                user_text("Workbook", "the workbook cannot be read ({error})").format(
                    error=one_line(exc)
                ),
            )
        ) from exc


class _StreamedSheet(ReadOnlyWorksheet):
    """openpyxl's read-only sheet without its size pre-scan.

    On opening, openpyxl reads each sheet looking for its ``<dimension>`` tag; a sheet without
    one (openpyxl's own write-only output, many generators) is parsed to its end just to find
    none, which is a whole extra pass over a 50,000-row roster. ``sheet_rows`` ignores the
    dimension anyway (it may be wrong), so it is never looked for.
    """

    def _get_size(self) -> None:
        pass


class _SharedStrings(list[str]):
    """The shared-string table, read by index: a negative index is damage, not a way to read
    the last string (as a Python list would)."""

    def __getitem__(self, index: int) -> str:  # type: ignore[override]  # read by index only
        if index < 0:
            raise IndexError(f"shared string {index} does not exist")
        return super().__getitem__(index)


class _StreamingReader(ExcelReader):
    """``load_workbook(read_only=True)``, each worksheet a ``_StreamedSheet``."""

    def read_worksheets(self) -> None:
        self.shared_strings = _SharedStrings(self.shared_strings)
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                # The stub says Chartsheet; openpyxl's own read_worksheets passes this ChildSheet.
                self.read_chartsheet(sheet, rel)  # type: ignore[arg-type]
                continue
            ws = _StreamedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
            # No state attribute: the sheet is visible (ECMA-376's default).
            ws.sheet_state = sheet.state or "visible"
            # As openpyxl's read_worksheets adds each sheet; the stubs leave _sheets out.
            self.wb._sheets.append(ws)  # type: ignore[attr-defined]


class ReadWorkbook(Workbook):
    """openpyxl's read-only workbook, with calamine beside it for the sheets' rows."""

    fast_rows: FastRows | None = None

    def close(self) -> None:
        if self.fast_rows is not None:
            self.fast_rows.close()
        super().close()


def _load_streaming(path: Path) -> ReadWorkbook:
    reader = _StreamingReader(path, read_only=True, data_only=True)
    reader.read()
    reader.wb.__class__ = ReadWorkbook
    # The class was swapped just above, which a type checker does not follow.
    wb = cast(ReadWorkbook, reader.wb)
    wb.fast_rows = FastRows(path)
    return wb


def open_workbook(path: Path) -> ReadWorkbook:
    """A read-only, values-only workbook; ``WorkbookError`` naming the problem otherwise."""
    path = Path(path)
    _check_container(path)
    _check_package(path)
    try:
        return _load_streaming(path)
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds; the user needs one sentence
        if type(exc).__name__ in ENTITY_ERRORS:
            raise _entities(path, "?") from exc
        if isinstance(exc, KeyError):
            raise WorkbookError(
                at(
                    path.name,
                    user_text(
                        "Workbook",
                        "the workbook cannot be read: a sheet part it lists is missing ({error})",
                    ).format(error=one_line(exc)),
                )
            ) from exc
        raise WorkbookError(
            at(
                path.name,
                user_text("Workbook", "the workbook cannot be read ({kind}: {error})").format(
                    kind=type(exc).__name__, error=one_line(exc)
                ),
            )
        ) from exc


def shown_sheets(wb: ReadWorkbook) -> list[ReadOnlyWorksheet]:
    """The sheets a person sees: hidden and very hidden ones are never chosen for import."""
    return [
        ws
        for ws in wb.worksheets
        if isinstance(ws, ReadOnlyWorksheet) and ws.sheet_state == "visible"
    ]


def sheet_rows(
    path: Path, ws: ReadOnlyWorksheet, max_rows: int | None = None, *, head: bool = False
) -> Iterator[SheetRow]:
    """(sheet row number, values) for each row; damage found mid-way becomes a WorkbookError.

    ``max_rows`` counts rows that hold a value: empty rows (a formatted row at the sheet's
    very end, a million blank ones) are passed through but never count against it. ``head``:
    only the first few rows will be read (openpyxl reads them without reading the rest).
    """
    number = 0
    filled = 0
    # A sheet's own dimension tag may be wrong (openpyxl would stop reading at it): ignore it.
    ws.reset_dimensions()
    try:
        fast = ws.parent.fast_rows if isinstance(ws.parent, ReadWorkbook) and not head else None
        # ``values``: iter_rows(values_only=True), as the stubs can type it.
        rows: Iterator[tuple[object, ...]] = ws.values if fast is None else fast.rows(ws)
        for number, values in enumerate(rows, start=1):
            if max_rows is not None and values.count(None) + values.count("") < len(values):
                filled += 1
                if filled > max_rows:
                    raise WorkbookError(
                        at(
                            where(path, ws.title),
                            user_text(
                                "Workbook",
                                "more than {rows:,} rows, far larger than this kind of sheet "
                                "gets; nothing was imported",
                            ).format(rows=max_rows),
                        )
                    )
            yield number, values
    except UserError:
        raise
    except Exception as exc:
        if type(exc).__name__ in ENTITY_ERRORS:
            raise _entities(path, ws.title) from exc
        raise WorkbookError(
            at(
                where(path, ws.title, number + 1),
                user_text("Workbook", "the sheet cannot be read ({kind}: {error})").format(
                    kind=type(exc).__name__, error=one_line(exc)
                ),
            )
        ) from exc
