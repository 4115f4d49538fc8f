"""Reading a rubric from a workbook's ``Skills`` sheet: Code, Area, Skill, Module, Level 1 … N."""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from ..core.rubric_import import SkillRow, SkillSheet
from ..core.wording import user_text
from .cell_values import cell_text, header_key
from .headers import chinese_level, level_number
from .workbook_reading import ReadWorkbook, WorkbookError, at, sheet_rows, shown_sheets, where

SKILL_KEYS = {
    header_key(h): f
    for f, names in {
        "code": ("Code", "Skill Code", "编号", "技能编号", "代码"),
        "area": ("Area", "领域", "能力领域"),
        "name": ("Skill", "Name", "技能", "技能名称"),
        "module": ("Module", "模块"),
        "rubric": ("Rubric", "评价标准"),
        "name_zh": ("Skill (zh)", "技能（中文）", "Name (zh)", "技能中文名称"),
    }.items()
    for h in names
}
MAX_SKILL_ROWS = 20_000


def skills_sheet(wb: ReadWorkbook) -> ReadOnlyWorksheet | None:
    return next((ws for ws in shown_sheets(wb) if header_key(ws.title) in ("skills", "技能")), None)


def _by_level(texts: dict[int, str], columns: dict[int, int], count: int) -> tuple[str, ...]:
    """The descriptors of levels 1 … count from their columns, trailing empty ones left off."""
    descriptors = [""] * count
    for i, level in columns.items():
        if level <= count:
            descriptors[level - 1] = texts.get(i, "")
    while descriptors and not descriptors[-1]:
        descriptors.pop()
    return tuple(descriptors)


def read_skills(path: Path, ws: ReadOnlyWorksheet) -> SkillSheet:
    header_row = 0
    columns: dict[int, str] = {}
    levels: dict[int, int] = {}
    chinese: dict[int, int] = {}
    ignored: list[str] = []
    rows = sheet_rows(path, ws, MAX_SKILL_ROWS)
    for number, values in rows:
        if number > 10:
            break
        columns, levels, chinese, ignored = {}, {}, {}, []
        for i, value in enumerate(values):
            field = SKILL_KEYS.get(header_key(value))
            level = level_number(value)
            if field and field not in columns.values():
                columns[i] = field
            elif level is not None:
                levels[i] = level
            elif chinese_level(value) is not None:
                chinese[i] = chinese_level(value) or 0
            elif cell_text(value):
                ignored.append(cell_text(value))
        if len(columns) + len(levels) >= 2 and "code" in columns.values():
            header_row = number
            break
    if not header_row:
        raise WorkbookError(
            at(
                where(path, ws.title),
                user_text(
                    "RubricImport",
                    "no header row with Code, Skill and Level 1 … Level N columns in the first "
                    "10 rows",
                ),
            )
        )
    for field, label in (("name", "Skill"),):
        if field not in columns.values():
            raise WorkbookError(
                at(
                    where(path, ws.title, header_row),
                    user_text("RubricImport", "the column {column} is missing").format(
                        column=label
                    ),
                )
            )
    numbers = sorted(levels.values())
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        found = ", ".join(map(str, numbers)) if numbers else user_text("RubricImport", "none")
        raise WorkbookError(
            at(
                where(path, ws.title, header_row),
                user_text(
                    "RubricImport",
                    "level columns must be headed Level 1, Level 2 … without gaps (found {found})",
                ).format(found=found),
            )
        )
    rubric_name = ""
    out: list[SkillRow] = []
    for number, values in rows:
        texts = {i: cell_text(v) for i, v in enumerate(values)}
        if not any(texts.values()):
            continue
        cells = {f: texts.get(i, "") for i, f in columns.items()}
        rubric_name = rubric_name or cells.get("rubric", "")
        out.append(
            SkillRow(
                number,
                cells.get("code", ""),
                cells.get("area", ""),
                cells.get("name", ""),
                cells.get("module", ""),
                _by_level(texts, levels, len(numbers)),
                cells.get("name_zh", ""),
                _by_level(texts, {i: n for i, n in chinese.items() if n}, len(numbers)),
            )
        )
    return SkillSheet(
        path.name,
        ws.title,
        rubric_name or path.stem,
        len(numbers),
        out,
        ignored,
    )
