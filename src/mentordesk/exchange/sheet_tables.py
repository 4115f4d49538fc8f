"""The tables of an assessment sheet: who, attendance, skills, observations, the mentor's
assessment; and the paragraph styles they share (the shipped font, CJK line breaking)."""

from __future__ import annotations

from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..core.assessment_views import AssessmentView
from ..core.time_and_hours import hours_text, hours_text_chinese
from .sheet_language import recorded, say
from .sheet_page import BODY_W, GREY, MID, font_name
from .sheet_paragraph import SheetParagraph

# A summary as the assessment keeps it (JSON): read by key, each value checked where used.
Summary = dict[str, Any]


def category_names() -> dict[str, str]:
    return {
        "teamwork": say("Teamwork", "团队合作"),
        "communication": say("Communication", "沟通表达"),
        "safety": say("Safety", "安全意识"),
        "initiative": say("Initiative", "主动性"),
        "innovation": say("Innovation", "创新"),
        "attitude": say("Attitude", "工作态度"),
        "other": say("Other", "其他"),
    }


def result_label(result: str) -> str:
    known = {
        "distinction": say("Distinction", "优秀"),
        "pass": say("Pass", "合格"),
        "not_yet_competent": say("Not yet competent", "尚未达标"),
    }
    return known.get(result, result.replace("_", " ").capitalize())


@cache
def _styles() -> dict[str, ParagraphStyle]:
    f = font_name()
    base = ParagraphStyle("base", fontName=f, fontSize=9, leading=12.5, wordWrap="CJK")
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=21, alignment=TA_CENTER),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10, leading=14, alignment=TA_CENTER
        ),
        "section": ParagraphStyle(
            "section",
            parent=base,
            fontSize=10.5,
            leading=14,
            backColor=GREY,
            # reportlab takes (top, right, bottom, left) too; its stubs say a float only.
            borderPadding=(2.5, 3, 2.5, 3),  # type: ignore[arg-type]
            spaceBefore=9,
            spaceAfter=5,
        ),
        "result": ParagraphStyle("result", parent=base, fontSize=10, leading=13),
        "key": ParagraphStyle("key", parent=base, fontSize=8, leading=10.5),
        "label": ParagraphStyle("label", parent=base, fontSize=8, leading=10.5, textColor=MID),
        "category": ParagraphStyle("category", parent=base, fontSize=9.5, spaceBefore=4),
    }


def para(text: object, style: str = "cell") -> Paragraph:
    value = str(text)
    # CJK line breaking measures every character: only pay for it where there is CJK text.
    chosen = _styles()[style] if not value.isascii() else _latin(style)
    return SheetParagraph(escape(value).replace("\n", "<br/>"), chosen)


def fit(text: object, width: float, style: str = "cell", size: float = 8.5) -> str | Paragraph:
    """Plain text when it fits the column on one line (cheap), else a wrapping paragraph."""
    value = str(text)
    if "\n" not in value and pdfmetrics.stringWidth(value, font_name(), size) <= width - 7:
        return value
    return para(value, style)


@cache
def _latin(style: str) -> ParagraphStyle:
    base = _styles()[style]
    return ParagraphStyle(f"{style}-latin", parent=base, wordWrap=None)


def frame_style(extra: list[tuple[Any, ...]] | None = None) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font_name()),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *(extra or []),
        ]
    )


def identity_table(v: AssessmentView) -> Table:
    pairs = [
        (say("School", "学校"), v.school, say("Enterprise", "企业"), v.enterprise),
        (say("Programme", "项目"), v.programme, say("Cohort", "班级"), v.cohort),
        (say("Trainee", "学员"), v.trainee_name, say("Trainee ID", "学号"), v.trainee_id),
        (say("Employee No", "工号"), v.employee_no, say("Track", "方向"), v.track),
        (
            say("Period", "考核期"),
            f"{v.period_start:%Y-%m-%d} – {v.period_end:%Y-%m-%d}",
            say("Mentor", "导师"),
            v.mentor,
        ),
    ]
    widths = [30 * mm, BODY_W / 2 - 30 * mm, 28 * mm, BODY_W / 2 - 28 * mm]
    rows = [
        [
            fit(a, widths[0], "key"),
            fit(b or "—", widths[1]),
            fit(c, widths[2], "key"),
            fit(d or "—", widths[3]),
        ]
        for a, b, c, d in pairs
    ]
    t = Table(rows, colWidths=widths)
    t.setStyle(
        frame_style([("BACKGROUND", (0, 0), (0, -1), GREY), ("BACKGROUND", (2, 0), (2, -1), GREY)])
    )
    return t


def attendance_table(summary: Summary) -> Table:
    a = summary.get("attendance", {})
    rate = a.get("rate")
    hours = a.get("hours", 0)
    head = [
        say("Sessions", "场次", "\n"),
        say("Present", "出勤", "\n"),
        say("Late", "迟到", "\n"),
        say("Left early", "早退", "\n"),
        say("Absent", "缺勤", "\n"),
        say("Excused", "请假", "\n"),
        say("Hours", "学时", "\n"),
        say("Rate", "出勤率", "\n"),
    ]
    values = [
        a.get("sessions", 0),
        a.get("present", 0),
        a.get("late", 0),
        a.get("left_early", 0),
        a.get("absent", 0),
        a.get("excused", 0),
        say(str(hours_text(hours)), hours_text_chinese(hours), "\n"),
        f"{rate:.0%}" if rate is not None else "—",
    ]
    t = Table([head, [str(x) for x in values]], colWidths=[BODY_W / 8] * 8)
    t.setStyle(
        frame_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), GREY),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("FONTSIZE", (0, 0), (-1, 0), 7.5),
                ("LEADING", (0, 0), (-1, 0), 9),
                ("FONTSIZE", (0, 1), (-1, 1), 10),
                # Hours and minutes of a long period ("1245 h 30 min") are the widest figure.
                ("FONTSIZE", (6, 1), (6, 1), 9),
            ]
        )
    )
    return t


def _change(skill: dict[str, Any]) -> str:
    delta = skill.get("change")
    if delta is None:
        return say("new", "新评") if skill.get("previous") is None else "—"
    if delta > 0:
        return f"↑ +{delta}"
    if delta < 0:
        return f"↓ {delta}"
    return "= 0"


def skills_table(summary: Summary) -> Table:
    skills = summary.get("skills", [])
    max_level = summary.get("max_level", 5)
    widths = [15 * mm, BODY_W - 100 * mm, 24 * mm, 16 * mm, 28 * mm, 17 * mm]
    rows: list[list[Any]] = [
        [
            say("Code", "代码", "\n"),
            say("Skill", "技能"),
            say("Module", "模块", "\n"),
            say("Level", "等级", "\n"),
            say("Label", "描述"),
            say("Change", "变化", "\n"),
        ]
    ]
    for sk in skills:
        rows.append(
            [
                sk["code"],
                fit(recorded(sk["name"], sk.get("name_zh", "")), widths[1]),
                fit(recorded(sk.get("module", ""), sk.get("module_zh", ""), "\n"), widths[2]),
                f"{sk['level']} / {max_level}",
                fit(recorded(sk.get("label", ""), sk.get("label_zh", ""), "\n"), widths[4]),
                _change(sk),
            ]
        )
    if not skills:
        rows.append(
            ["", para(say("No skill rated in this period", "本期无技能评定")), "", "", "", ""]
        )
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        frame_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), GREY),
                ("FONTSIZE", (0, 0), (-1, 0), 7.5),
                ("LEADING", (0, 0), (-1, 0), 9),
                ("ALIGN", (3, 0), (3, -1), "CENTER"),
                ("ALIGN", (5, 0), (5, -1), "CENTER"),
            ]
        )
    )
    return t


def notes_flowables(summary: Summary) -> list[Flowable]:
    notes = summary.get("notes", {})
    if not notes:
        return [para(say("No notes in this period", "本期无观察记录"), "base")]
    out: list[Flowable] = []
    for category, items in notes.items():
        title = category_names().get(category, category.capitalize())
        out.append(para(f"{title}  ({len(items)})", "category"))
        widths = [19 * mm, BODY_W - 49 * mm, 30 * mm]
        rows = [
            [
                item["date"],
                fit(item["text"], widths[1]),
                fit(item.get("author", ""), widths[2], "small", 7.5),
            ]
            for item in items
        ]
        t = Table(rows, colWidths=widths)
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font_name()),
                    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                    ("FONTSIZE", (0, 0), (0, -1), 7.5),
                    ("FONTSIZE", (2, 0), (2, -1), 7.5),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, MID),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        out.append(t)
    return out


def _frame(rows: list[list[Any]], split: int) -> Table:
    t = Table(rows, colWidths=[34 * mm, BODY_W - 34 * mm], splitInRow=split)
    t.setStyle(
        frame_style([("BACKGROUND", (0, 0), (0, -1), GREY), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return t


def comments_table(v: AssessmentView) -> Table:
    """Strengths and areas to improve; a row taller than a page breaks across pages."""
    return _frame(
        [
            [para(say("Strengths", "优点"), "key"), para(v.strengths or "—")],
            [para(say("Areas to improve", "待改进"), "key"), para(v.improvements or "—")],
        ],
        1,
    )


def closing_table(v: AssessmentView, results: list[str]) -> Table:
    """The overall comment and the result, as the last rows of the same frame: what the
    signatures under them sign."""
    chosen = [f"{'■' if r == v.result else '□'} {result_label(r)}" for r in (results or [v.result])]
    if v.result and v.result not in results:
        chosen.append(f"■ {result_label(v.result)}")
    return _frame(
        [
            [para(say("Overall comment", "综合评语"), "key"), para(v.comment or "—")],
            [para(say("Result", "考核结果"), "key"), para("    ".join(chosen), "result")],
        ],
        1,
    )
