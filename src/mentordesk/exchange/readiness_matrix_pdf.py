"""The cohort readiness matrix as a printable landscape A4 page: trainees × the post's skills,
each cell the gap to the skill's target, shaded by it, with a legend and the skills' names.

Words in the chosen language (``sheet_language``: English, Chinese or both); the shipped font
is embedded so Chinese names print anywhere. Written whole (temporary file, then rename).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from ..core.private_files import write_whole
from ..core.readiness import ReadinessMatrix
from .sheet_language import say, speaking
from .sheet_page import GREY, font_name
from .sheet_readiness import UNRATED_COLOUR, gap_colour
from .sheet_tables import fit, para

PAGE = landscape(A4)
MARGIN = 12 * mm
BODY_W = PAGE[0] - 2 * MARGIN


def _cell(gap: int | None) -> str:
    return "—" if gap is None else str(gap)


def _matrix_table(m: ReadinessMatrix) -> Table:
    id_w, name_w, count_w = 24 * mm, 38 * mm, 18 * mm
    skill_w = (BODY_W - id_w - name_w - count_w) / max(1, len(m.columns))
    size = 8 if skill_w >= 11 * mm else 6.5
    head: list[Any] = [
        say("Trainee ID", "学号", "\n"),
        say("Trainee", "学员", "\n"),
        *[f"{c.code}\n≥ {c.target}" for c in m.columns],
        say("At target", "达标", "\n"),
    ]
    rows: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size + 2),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 0), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for n, r in enumerate(m.rows, start=1):
        rows.append(
            [
                r.trainee_id,
                fit(r.name, name_w, "small", 7.5),
                *[_cell(g) for g in r.gaps],
                f"{r.at_target} / {len(m.columns)}",
            ]
        )
        for k, g in enumerate(r.gaps):
            style.append(("BACKGROUND", (2 + k, n), (2 + k, n), gap_colour(g)))
    if not m.rows:
        rows.append(
            ["", say("No trainee in this cohort", "本班级无学员"), *[""] * len(m.columns), ""]
        )
    widths = [id_w, name_w, *[skill_w] * len(m.columns), count_w]
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


def _legend() -> Table:
    items = [
        (gap_colour(0), say("0 at or above target", "0 已达标")),
        (gap_colour(1), say("1 level below", "差 1 级")),
        (gap_colour(2), say("2 levels below", "差 2 级")),
        (gap_colour(3), say("3 or more below", "差 3 级及以上")),
        (UNRATED_COLOUR, say("— not yet rated", "— 尚未评定")),
    ]
    cells: list[Any] = []
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for k, (colour, text) in enumerate(items):
        cells += ["", text]
        style += [
            ("BACKGROUND", (2 * k, 0), (2 * k, 0), colour),
            ("BOX", (2 * k, 0), (2 * k, 0), 0.4, colors.black),
        ]
    t = Table([cells], colWidths=[6 * mm, BODY_W / len(items) - 6 * mm] * len(items))
    t.setStyle(TableStyle(style))
    return t


def _key(m: ReadinessMatrix) -> Table:
    """Each skill's code, name and target: the columns' heads hold codes only."""
    per_row = 2
    cells = [
        [c.code, fit(c.name, BODY_W / per_row - 32 * mm, "small", 7.5), f"≥ {c.target}"]
        for c in m.columns
    ]
    rows: list[list[Any]] = []
    for i in range(0, len(cells), per_row):
        chunk = cells[i : i + per_row]
        rows.append([x for c in chunk for x in c] + ["", "", ""] * (per_row - len(chunk)))
    t = Table(
        rows or [[""] * 3 * per_row],
        colWidths=[18 * mm, BODY_W / per_row - 32 * mm, 14 * mm] * per_row,
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_name()),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, GREY),
            ]
        )
    )
    return t


def _footer(title: str) -> Any:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font_name(), 7.5)
        canvas.drawString(MARGIN, 7 * mm, title)
        page = say(f"Page {doc.page}", f"第 {doc.page} 页")
        canvas.drawRightString(PAGE[0] - MARGIN, 7 * mm, page)
        canvas.restoreState()

    return draw


def render_matrix(
    matrix: ReadinessMatrix, language: str = "en", today: date | None = None
) -> bytes:
    """The matrix as PDF bytes, its words in ``language`` (``sheet_language.LANGUAGES``)."""
    with speaking(language):
        title = say(
            f"Job readiness — {matrix.post} — {matrix.cohort}",
            f"岗位胜任 — {matrix.post} — {matrix.cohort}",
        )
        printed = say("Printed", "打印日期") + f" {(today or date.today()).isoformat()}"
        story: list[Flowable] = [
            para(say("Job readiness", "岗位胜任"), "title"),
            para(f"{matrix.post} · {matrix.cohort} · {printed}", "subtitle"),
            Spacer(1, 3 * mm),
            para(
                say(
                    "Each cell: levels below the skill's target (≥ n) by the latest rating.",
                    "每格：按最新评定，距该技能目标等级（≥ n）的差距级数。",
                ),
                "label",
            ),
            Spacer(1, 1.5 * mm),
            _matrix_table(matrix),
            Spacer(1, 3 * mm),
            _legend(),
            Spacer(1, 3 * mm),
            para(say("Skills", "技能"), "category"),
            _key(matrix),
        ]
        out = io.BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=10 * mm,
            bottomMargin=14 * mm,
            title=title,
            creator="MentorDesk",
        )
        footer = _footer(title)
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def write_matrix_pdf(
    matrix: ReadinessMatrix, target: Path, language: str = "en", today: date | None = None
) -> Path:
    return write_whole(target, render_matrix(matrix, language, today))
