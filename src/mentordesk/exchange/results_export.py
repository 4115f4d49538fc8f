"""Writing the results workbook of docs/interchange.md, streaming (XlsxWriter, constant memory).

XlsxWriter rather than openpyxl's write-only mode: it writes the same cells in about half the
CPU time, and in constant-memory mode each row goes to disk as soon as the next one starts.
How each cell is written is in ``results_sheets.py``; which rows, in ``core/export_rows.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ..core.errors import UserError
from ..core.export_columns import COLUMNS, skill_headers
from ..core.export_rows import ExportRows, SheetRows
from ..core.export_scope import ExportScope
from ..core.private_files import replace_whole
from ..core.progress import NO_PROGRESS, Progress
from ..core.store import Store
from ..core.wording import user_text
from .headers import CHINESE
from .results_sheets import ResultsBook, SheetWriter

FORMAT = "mentordesk-exchange"
VERSION = 1
REVISION = 2
# Excel's limit is 1,048,576 rows; row 1 is the header.
MAX_RECORDS = 1_048_575
# Sheets of revision 2 come after About, so that the first nine keep their places.
AFTER_ABOUT = ("Calendar", "Feedback")


@dataclass
class ExportResult:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        counts = ", ".join(f"{n} {sheet}" for sheet, n in self.rows.items())
        return [f"Exported to {self.path}: {counts}"]


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
        book = ResultsBook(part)
        try:
            _write(book, store, scope, counts, chinese_headers, progress, sheet_limit)
        except BaseException:
            book.discard()
            raise
        book.close()
    return ExportResult(path, counts)


def _write(
    book: ResultsBook,
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
        sheets: list[tuple[str, tuple[str, ...], Callable[[], SheetRows]]] = [
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
            writer = SheetWriter(book, name, headers, shown, sheet_limit, counts, size)
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
    """The rows each sheet and continuation will hold, as ``SheetWriter`` splits them."""
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
    book: ResultsBook,
    store: Store,
    scope: ExportScope,
    exported_at: datetime,
    start: date | None,
    end: date | None,
    chinese_headers: bool,
    sheet_limit: int,
    counts: dict[str, int],
) -> None:
    pairs: list[tuple[str, object]] = [
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
    about = SheetWriter(
        book, "About", ("Key", "Value"), ["Key", "Value"], sheet_limit, {}, len(pairs)
    )
    for pair in pairs:
        about.append(pair)
    about.finish()
