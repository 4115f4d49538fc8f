"""The cohort readiness matrix as a workbook: a report to read and filter, not an import
format (docs/interchange.md, "Readiness matrix").

Sheet ``Gaps``: one row per trainee, the gap to each skill's target (empty: not yet rated),
shaded as on the printed matrix; sheet ``Levels``: the same rows with the latest levels;
sheet ``Skills``: each column's code, name and target. Header rows frozen; trainee IDs as
text so leading zeros survive.
"""

from __future__ import annotations

from pathlib import Path

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..core.private_files import replace_whole
from ..core.readiness import ReadinessMatrix
from .sheet_language import say, speaking
from .sheet_readiness import GAP_HEX, UNRATED_HEX


def _head(ws: Worksheet, m: ReadinessMatrix, bold: Format, last: str) -> None:
    head = [say("Trainee ID", "学号"), say("Trainee", "学员")]
    head += [c.code for c in m.columns] + [last]
    for col, text in enumerate(head):
        ws.write_string(0, col, text, bold)
    ws.freeze_panes(1, 2)
    ws.set_column(0, 0, 14)
    ws.set_column(1, 1, 18)
    ws.set_column(2, 1 + len(m.columns), 8)
    ws.set_column(2 + len(m.columns), 2 + len(m.columns), 10)


def write_matrix_xlsx(matrix: ReadinessMatrix, target: Path, language: str = "en") -> Path:
    """Write the workbook whole to ``target``; words in ``language`` (sheet languages)."""
    with speaking(language), replace_whole(target) as tmp:
        wb = Workbook(str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False})
        bold = wb.add_format({"bold": True, "bg_color": "#dcdcdc", "text_wrap": True})
        shade = [wb.add_format({"bg_color": c, "align": "center"}) for c in GAP_HEX]
        unrated = wb.add_format({"bg_color": UNRATED_HEX})
        gaps = wb.add_worksheet("Gaps")
        levels = wb.add_worksheet("Levels")
        _head(gaps, matrix, bold, say("At target", "达标数"))
        _head(levels, matrix, bold, say("Of", "技能数"))
        for n, r in enumerate(matrix.rows, start=1):
            for ws in (gaps, levels):
                ws.write_string(n, 0, r.trainee_id)
                ws.write_string(n, 1, r.name)
            for k, (gap, level) in enumerate(zip(r.gaps, r.levels, strict=True)):
                if gap is None:
                    gaps.write_blank(n, 2 + k, None, unrated)
                else:
                    gaps.write_number(n, 2 + k, gap, shade[min(gap, len(shade) - 1)])
                if level is not None:
                    levels.write_number(n, 2 + k, level)
            gaps.write_number(n, 2 + len(matrix.columns), r.at_target)
            levels.write_number(n, 2 + len(matrix.columns), len(matrix.columns))
        skills = wb.add_worksheet("Skills")
        for col, text in enumerate(
            (say("Code", "代码"), say("Skill", "技能"), say("Target", "目标"))
        ):
            skills.write_string(0, col, text, bold)
        skills.freeze_panes(1, 0)
        skills.set_column(0, 0, 10)
        skills.set_column(1, 1, 36)
        for n, c in enumerate(matrix.columns, start=1):
            skills.write_string(n, 0, c.code)
            skills.write_string(n, 1, c.name)
            skills.write_number(n, 2, c.target)
        skills.write_string(len(matrix.columns) + 2, 0, say("Post", "岗位"), bold)
        skills.write_string(len(matrix.columns) + 2, 1, matrix.post)
        skills.write_string(len(matrix.columns) + 3, 0, say("Cohort", "班级"), bold)
        skills.write_string(len(matrix.columns) + 3, 1, matrix.cohort)
        wb.close()
    return target
