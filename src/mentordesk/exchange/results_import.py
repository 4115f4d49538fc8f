"""Reading a results workbook written by another MentorDesk, streaming, into ``Incoming`` rows."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from ..core.errors import UserError
from ..core.export_columns import COLUMNS, ROUND_TRIP, SKILL_COLUMNS, SKILL_TAIL
from ..core.merge_records import Incoming, IncomingSheet, MergeSource
from ..core.record_values import iso_day
from ..core.wording import Text, user_text
from .cell_values import cell_text, header_key, identifier_text
from .headers import ATTENDANCE_WORDS, ENGLISH_BY_KEY, PLACE_WORDS, chinese_level, level_number
from .results_export import FORMAT, VERSION
from .workbook_reading import WorkbookError, at, sheet_rows, where

REQUIRED = {
    "Trainees": ("Trainee ID", "Name"),
    "Sessions": ("Date",),
    "Attendance": ("Session UID", "Trainee ID", "Status"),
    "Ratings": ("Trainee ID", "Skill Code", "Level", "Rated On"),
    "Notes": ("Trainee ID", "Written At", "Text"),
    "Assessments": ("Trainee ID", "Period Start", "Period End"),
    "Skills": ("Rubric", "Code", "Skill"),
    "Calendar": ("Start", "End", "Place"),
    "Feedback": ("Cohort",),
}
FREE_TEXT = {"Note", "Text", "Evidence", "Comment", "Strengths", "Improvements"}
FREE_TEXT |= {"Amendment Reason", "Task", "Location", "Label", "Suggestions", "School Reply"}
DATES = {"Date", "Rated On", "Period Start", "Period End", "Enrolled On", "Left On"}
INSTANTS = {"Updated At", "Written At", "Signed At", "Replied At"}
TIMES = {"Start", "End"}
INTEGERS = {"Minutes Late", "Level", "Version", "Rubric Version"}
NUMBERS = {"Hours", "Planned Hours"}
IDENTIFIERS = {"Trainee ID", "Employee No"}
# Level descriptor columns, kept apart from headers such as "Level Labels".
LEVEL_MARK = "\x00level "
TRUE_WORDS = {"true", "yes", "1", "是", "y"}
FALSE_WORDS = {"false", "no", "0", "否", "n", ""}


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return iso_day(cell_text(value))


# A date and time as interchange.md writes it (ISO 8601, extended form), nothing looser.
_INSTANT = re.compile(
    r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}:\d{2})?"
)
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")


def _instant(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        instant = value
    elif isinstance(value, date):
        instant = datetime.combine(value, time.min)
    else:
        text = cell_text(value)
        if not _INSTANT.fullmatch(text):
            raise ValueError(text)
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


def _time(value: Any) -> time | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    text = cell_text(value)
    if not _TIME.fullmatch(text):
        raise ValueError(text)
    return time.fromisoformat(text)


def _integer(value: Any) -> int | None:
    if value is None or value == "":
        return None
    number = float(value) if isinstance(value, int | float) else float(cell_text(value))
    if not number.is_integer():
        raise ValueError(
            user_text("ResultsImport", "{value!r} is not a whole number").format(value=value)
        )
    return int(number)


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(value) if isinstance(value, int | float) else float(cell_text(value))


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = header_key(cell_text(value))
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(
        user_text("ResultsImport", "{value!r} is not TRUE or FALSE").format(value=value)
    )


def _status(value: Any) -> str:
    text = cell_text(value)
    if not text:
        return ""
    found = ATTENDANCE_WORDS.get(header_key(text))
    if found is None:
        raise ValueError(
            user_text(
                "ResultsImport",
                "{value!r} is not an attendance status (present, late, left_early, absent, "
                "excused, P, L, LE, A, E, 出勤, 迟到, 早退, 缺勤, 请假)",
            ).format(value=text)
        )
    return found


def _place(value: Any) -> str:
    text = cell_text(value)
    found = PLACE_WORDS.get(header_key(text))
    if found is None:
        raise ValueError(
            user_text(
                "ResultsImport",
                "{value!r} is not a place (school, plant, holiday, closure, 学校, 工厂, 节假日, "
                "停工)",
            ).format(value=text[:40])
        )
    return found


def _day(value: Any) -> date | None:
    """A Calendar sheet's Start and End are days, where a Sessions sheet's are times."""
    try:
        return _date(value)
    except (ValueError, TypeError, UserError):
        raise ValueError(
            user_text("ResultsImport", "{value!r} is not a date (YYYY-MM-DD)").format(
                value=cell_text(value)[:40]
            )
        ) from None


def _why(exc: Exception, header: str, cell: Any) -> str:
    """Why a cell could not be read: the parser's own sentence, else what the column expects
    (Python's "Invalid isoformat string" would reach a Chinese window in English)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    if header in DATES:
        said = user_text("ResultsImport", "{value!r} is not a date (YYYY-MM-DD)")
    elif header in INSTANTS:
        said = user_text("ResultsImport", "{value!r} is not a date and time (YYYY-MM-DD HH:MM)")
    elif header in TIMES:
        said = user_text("ResultsImport", "{value!r} is not a time of day (HH:MM)")
    else:
        said = user_text("ResultsImport", "{value!r} is not a number")
    return said.format(value=cell_text(cell)[:40])


def _is_uuid(text: str) -> bool:
    try:
        return len(text) == 36 and str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _parser(header: str) -> Callable[[Any], Any]:
    if header in DATES:
        return _date
    if header in INSTANTS:
        return _instant
    if header in TIMES:
        return _time
    if header in INTEGERS:
        return _integer
    if header in NUMBERS:
        return _number
    if header == "Deleted":
        return _flag
    if header in IDENTIFIERS:
        return identifier_text
    if header.endswith("UID"):
        return lambda v: cell_text(v).lower()
    if header in FREE_TEXT:
        return lambda v: "" if v is None else str(v)
    return cell_text


def read_about(path: Path, wb: Any) -> dict[str, str] | None:
    """The About sheet's keys, or None when this is not a MentorDesk results workbook."""
    ws = next((w for w in wb.worksheets if w.title == "About"), None)
    if ws is None:
        return None
    about: dict[str, str] = {}
    for number, values in sheet_rows(path, ws, 500, head=True):
        if number == 1 or not values:
            continue
        key = cell_text(values[0])
        about[key] = cell_text(values[1]) if len(values) > 1 else ""
    if about.get("format") != FORMAT:
        return None
    try:
        version = int(about.get("version", "0"))
    except ValueError:
        version = 0
    if version > VERSION:
        raise WorkbookError(
            at(
                where(path, "About"),
                user_text(
                    "ResultsImport",
                    "written in interchange format version {version}; this MentorDesk reads "
                    "version {readable}. Update MentorDesk to import it.",
                ).format(version=version, readable=VERSION),
            )
        )
    return about


def _parts(wb: Any, kind: str) -> list[Any]:
    """The sheet and its continuations ``Kind 2``, ``Kind 3`` … in order."""
    by_title = {ws.title: ws for ws in wb.worksheets}
    parts = []
    n = 1
    while (title := kind if n == 1 else f"{kind} {n}") in by_title:
        parts.append(by_title[title])
        n += 1
    return parts


def _header(
    path: Path, ws: Any, kind: str, ignored: list[str], titles: dict[str, str]
) -> dict[int, str]:
    """Column index -> interchange.md's header; ``titles`` gets each as the sheet writes it."""
    first = next(iter(sheet_rows(path, ws, 1, head=True)), (1, ()))[1]
    columns: dict[int, str] = {}
    for i, value in enumerate(first):
        english = ENGLISH_BY_KEY.get(header_key(value))
        level = level_number(value) if kind == "Skills" else None
        chinese = chinese_level(value) if kind == "Skills" else None
        if level is not None:
            columns[i] = f"{LEVEL_MARK}{level}"
        elif chinese:
            columns[i] = f"{LEVEL_MARK}zh {chinese}"
        elif english is not None and english not in columns.values():
            columns[i] = english
            titles[english] = cell_text(value)
        elif cell_text(value):
            ignored.append(f"{ws.title}: {cell_text(value)}")
    needed = ("UID", "Updated At", *REQUIRED[kind])
    for name in needed:
        if name not in columns.values():
            raise WorkbookError(
                at(
                    where(path, ws.title, 1),
                    user_text("ResultsImport", "the required column {column} is missing").format(
                        column=name
                    ),
                )
            )
    return columns


def _rows(
    path: Path, ws: Any, kind: str, columns: dict[int, str], titles: dict[str, str]
) -> Iterator[Incoming]:
    parsers = {i: _parser(h) for i, h in columns.items() if not h.startswith(LEVEL_MARK)}
    if kind == "Attendance":
        parsers.update({i: _status for i, h in columns.items() if h == "Status"})
    if kind == "Calendar":
        parsers.update({i: _day for i, h in columns.items() if h in TIMES})
        parsers.update({i: _place for i, h in columns.items() if h == "Place"})
    mark = len(LEVEL_MARK)
    levels = sorted(
        (int(h[mark:]), i)
        for i, h in columns.items()
        if h.startswith(LEVEL_MARK) and h[mark:].isdigit()
    )
    # Chinese descriptors (Level N (zh)), when the sheet has them: a sheet without them
    # leaves the Chinese texts as they are.
    chinese = sorted(
        (int(h[mark + 3 :]), i) for i, h in columns.items() if h.startswith(f"{LEVEL_MARK}zh ")
    )
    defaults = COLUMNS.get(kind) or SKILL_COLUMNS + SKILL_TAIL
    typed = DATES | INSTANTS | TIMES | INTEGERS | NUMBERS
    # Worked out once a sheet, copied for each row.
    blank: dict[str, Any] = {h: ("" if h not in typed else None) for h in defaults}
    for number, raw in sheet_rows(path, ws):
        if number == 1 or raw.count(None) + raw.count("") == len(raw):
            continue
        values = blank.copy()
        problem = ""
        for i, parse in parsers.items():
            cell = raw[i] if i < len(raw) else None
            try:
                values[columns[i]] = parse(cell)
            except (ValueError, TypeError, UserError) as exc:
                problem = user_text("ResultsImport", "column {column}: {problem}").format(
                    column=titles.get(columns[i], columns[i]),
                    problem=_why(exc, columns[i], cell),
                )
                break
        if kind == "Skills" and not problem:
            descriptors = [cell_text(raw[i]) if i < len(raw) else "" for _, i in levels]
            while descriptors and not descriptors[-1]:
                descriptors.pop()
            if chinese:
                texts = [cell_text(raw[i]) if i < len(raw) else "" for _, i in chinese]
                while texts and not texts[-1]:
                    texts.pop()
                values["Descriptors (zh)"] = texts
            labels = values.get("Level Labels") or ""
            values.update(
                {
                    "Descriptors": descriptors,
                    "Levels": len(levels),
                    "Level Labels": [t for t in labels.split("\n") if t.strip()],
                    "Position": number - 2,
                    "Area": values.get("Area") or "",
                    "Module": values.get("Module") or "",
                    "Rubric UID": values.get("Rubric UID") or "",
                }
            )
        uid = values.get("UID") or ""
        updated = values.get("Updated At")
        if not problem and not uid:
            problem = user_text("ResultsImport", "column {column}: empty").format(
                column=titles.get("UID", "UID")
            )
        elif not problem and not _is_uuid(uid):
            problem = user_text("ResultsImport", "column {column}: {uid!r} is not a UUID").format(
                column=titles.get("UID", "UID"), uid=uid[:40]
            )
        if not problem and updated is None:
            problem = user_text("ResultsImport", "column {column}: empty").format(
                column=titles.get("Updated At", "Updated At")
            )
        yield Incoming(
            ws.title,
            number,
            uid,
            updated or datetime.min.replace(tzinfo=UTC),
            bool(values.get("Deleted")),
            values,
            problem,
        )


def read_results(path: Path, wb: Any, about: dict[str, str]) -> MergeSource:
    """The sheets to merge, Skills first; rows are read as the merge consumes them."""
    source = MergeSource(path.name, about.get("device", ""))
    for kind in ("Skills", *ROUND_TRIP):
        for ws in _parts(wb, kind):
            titles: dict[str, str] = {}
            columns = _header(path, ws, kind, source.ignored_columns, titles)
            source.sheets.append(
                IncomingSheet(kind, _rows(path, ws, kind, columns, titles), titles)
            )
    return source
