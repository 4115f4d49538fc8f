"""A cohort's readiness matrix as a workbook a mentor can print or pass on: one row per
trainee, one column per skill of the post, each cell the latest level, coloured by its gap
and with the gap written beside the level."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..core.errors import UserError
from ..core.private_files import replace_whole
from ..core.readiness import ReadinessMatrix, cohort_matrix
from ..core.rubric_text import chinese
from ..core.store import Store
from ..core.wording import user_text

# The window's colours: at target green, one level short amber, more red, not rated grey.
FILLS = {
    "met": PatternFill("solid", fgColor="C8E6C9"),
    "near": PatternFill("solid", fgColor="FFE0B2"),
    "far": PatternFill("solid", fgColor="FFCDD2"),
    "unrated": PatternFill("solid", fgColor="ECEFF1"),
}


def _fill(gap: int | None) -> PatternFill:
    if gap is None:
        return FILLS["unrated"]
    return FILLS["met"] if gap == 0 else FILLS["near"] if gap == 1 else FILLS["far"]


def cell_text(level: int | None, gap: int | None) -> str:
    """``3``, ``1 (−2)`` below target, ``—`` not yet rated."""
    if level is None:
        return "—"
    return f"{level} (−{gap})" if gap else str(level)


# The workbook's own words, (English, Chinese): like the sheet's form labels, they follow the
# language asked for, whatever the interface language of whoever runs the export.
WORDS = {
    "sheet": ("Readiness", "岗位胜任度"),
    "title": ("{cohort} — ready for {post}", "{cohort} — 胜任 {post}"),
    "id": ("Trainee ID", "学号"),
    "name": ("Trainee", "学员"),
    "met": ("At target", "达标"),
    "skill": ("{code} {name} (target {target})", "{code} {name}（目标 {target}）"),
}


def _word(key: str, language: str) -> str:
    english, chinese_text = WORDS[key]
    return chinese_text if chinese(language) else english


def write_matrix(matrix: ReadinessMatrix, path: Path, language: str = "en") -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = _word("sheet", language)
    sheet.append([_word("title", language).format(cohort=matrix.cohort, post=matrix.post)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(
        [_word("id", language), _word("name", language), _word("met", language)]
        + [
            _word("skill", language).format(code=c.code, name=c.name, target=c.target)
            for c in matrix.columns
        ]
    )
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in matrix.rows:
        sheet.append(
            [row.trainee_id, row.name, f"{row.at_target}/{len(matrix.columns)}"]
            + [cell_text(lv, gap) for lv, gap in zip(row.levels, row.gaps, strict=True)]
        )
        for cell, gap in zip(sheet[sheet.max_row][3:], row.gaps, strict=True):
            cell.fill = _fill(gap)
            cell.alignment = Alignment(horizontal="center")
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 24
    sheet.freeze_panes = "D3"
    # Printed across the page, every column on one sheet of paper.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:2"
    with replace_whole(path) as part:
        book.save(part)


def export_readiness(
    store: Store, cohort: str, post_uid: str, path: Path, language: str = "en"
) -> ReadinessMatrix:
    """Write the cohort's matrix for the post to ``path`` (.xlsx), texts in ``language``."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            user_text("Readiness", "{file}: a readiness workbook must be saved as .xlsx").format(
                file=path.name
            )
        )
    matrix = cohort_matrix(store, cohort, post_uid, language)
    write_matrix(matrix, path, language)
    return matrix
