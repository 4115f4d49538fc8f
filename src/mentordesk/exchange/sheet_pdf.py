"""The assessment sheet as a printable A4 form (reportlab), bilingual, with its font embedded.

``render_sheet`` returns the PDF and where the three signature boxes landed, so that the
signing step can put its signature fields exactly over them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..core.assessments import AssessmentView
from ..core.time_and_hours import hours_text, hours_text_chinese
from .sheet_against_plan import against_plan
from .sheet_language import say, sheet_language, speaking
from .sheet_page import (
    BODY_W,
    FOOTER_H,
    GREY,
    MARGIN,
    MID,
    MentorStamp,
    SignatureBoxes,
    font_name,
    numbered_canvas,
)

BAR = colors.Color(0.62, 0.62, 0.62)


def _categories() -> dict[str, str]:
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


@dataclass
class RenderedSheet:
    pdf: bytes
    # field name -> (page index from 0, (x1, y1, x2, y2) in PDF points)
    boxes: dict[str, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)
    pages: int = 0


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
            borderPadding=(2.5, 3, 2.5, 3),
            spaceBefore=9,
            spaceAfter=5,
        ),
        "result": ParagraphStyle("result", parent=base, fontSize=10, leading=13),
        "key": ParagraphStyle("key", parent=base, fontSize=8, leading=10.5),
        "label": ParagraphStyle("label", parent=base, fontSize=8, leading=10.5, textColor=MID),
        "category": ParagraphStyle("category", parent=base, fontSize=9.5, spaceBefore=4),
    }


def _p(text: object, style: str = "cell") -> Paragraph:
    value = str(text)
    # CJK line breaking measures every character: only pay for it where there is CJK text.
    chosen = _styles()[style] if not value.isascii() else _latin(style)
    return Paragraph(escape(value).replace("\n", "<br/>"), chosen)


def _fit(text: object, width: float, style: str = "cell", size: float = 8.5) -> str | Paragraph:
    """Plain text when it fits the column on one line (cheap), else a wrapping paragraph."""
    value = str(text)
    if "\n" not in value and pdfmetrics.stringWidth(value, font_name(), size) <= width - 7:
        return value
    return _p(value, style)


@cache
def _latin(style: str) -> ParagraphStyle:
    base = _styles()[style]
    return ParagraphStyle(f"{style}-latin", parent=base, wordWrap=None)


def _frame_style(extra: list | None = None) -> TableStyle:
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


def _identity(v: AssessmentView) -> Table:
    rows = [
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
            _fit(a, widths[0], "key"),
            _fit(b or "—", widths[1]),
            _fit(c, widths[2], "key"),
            _fit(d or "—", widths[3]),
        ]
        for a, b, c, d in rows
    ]
    t = Table(rows, colWidths=widths)
    t.setStyle(
        _frame_style([("BACKGROUND", (0, 0), (0, -1), GREY), ("BACKGROUND", (2, 0), (2, -1), GREY)])
    )
    return t


def _attendance(summary: dict) -> Table:
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
        _frame_style(
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


def _change(skill: dict) -> str:
    delta = skill.get("change")
    if delta is None:
        return say("new", "新评") if skill.get("previous") is None else "—"
    if delta > 0:
        return f"↑ +{delta}"
    if delta < 0:
        return f"↓ {delta}"
    return "= 0"


def _skills(summary: dict) -> Table:
    skills = summary.get("skills", [])
    max_level = summary.get("max_level", 5)
    widths = [15 * mm, BODY_W - 100 * mm, 24 * mm, 16 * mm, 28 * mm, 17 * mm]
    rows: list[list] = [
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
                _fit(sk["name"], widths[1]),
                _fit(sk.get("module", ""), widths[2]),
                f"{sk['level']} / {max_level}",
                _fit(sk.get("label", ""), widths[4]),
                _change(sk),
            ]
        )
    if not skills:
        rows.append(
            ["", _p(say("No skill rated in this period", "本期无技能评定")), "", "", "", ""]
        )
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        _frame_style(
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


class SkillChart(Flowable):
    """Columns of each skill's level (grey), a tick at its level before the period (black).

    Drawn straight on the canvas: reportlab's graphics shapes cost as much as the rest of
    the page.
    """

    def __init__(self, skills: list[dict], top: int) -> None:
        super().__init__()
        self.skills = skills
        self.top = max(top, 1)
        self.width, self.height = BODY_W - 12, 32 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, f, top = self.canv, font_name(), self.top
        left, bottom, right, upper = 12 * mm, 9 * mm, 2 * mm, 6 * mm
        plot_w, plot_h = self.width - left - right, self.height - bottom - upper
        for level in range(top + 1):
            y = bottom + plot_h * level / top
            c.setStrokeColor(MID if level else colors.black)
            c.setLineWidth(0.3 if level else 0.7)
            c.line(left, y, left + plot_w, y)
            c.setFont(f, 7)
            c.drawRightString(left - 3, y - 2.5, str(level))
        slot = plot_w / len(self.skills)
        bar = min(slot * 0.6, 9 * mm)
        c.setStrokeColor(colors.black)
        c.setFillColor(BAR)
        for i, sk in enumerate(self.skills):
            x = left + slot * i + (slot - bar) / 2
            c.setLineWidth(0.5)
            c.rect(x, bottom, bar, plot_h * sk["level"] / top, stroke=1, fill=1)
            if sk.get("previous") is not None:
                y = bottom + plot_h * sk["previous"] / top
                c.setLineWidth(1.6)
                c.line(x - 1, y, x + bar + 1, y)
        c.setFillColor(colors.black)
        c.setFont(f, 6)
        for i, sk in enumerate(self.skills):
            c.drawCentredString(left + slot * i + slot / 2, bottom - 7, sk["code"])
        c.setFont(f, 7)
        c.drawString(left, self.height - 5, say("Level by skill", "各技能等级"))
        key_x = left + 38 * mm
        c.setFillColor(BAR)
        c.setLineWidth(0.5)
        c.rect(key_x, self.height - 6, 6, 6, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.drawString(key_x + 9, self.height - 5, say("this period", "本期"))
        key_x += 30 * mm
        c.setLineWidth(1.6)
        c.line(key_x, self.height - 3, key_x + 8, self.height - 3)
        c.drawString(key_x + 11, self.height - 5, say("before the period", "期初"))


def _chart(summary: dict) -> SkillChart | None:
    skills = summary.get("skills", [])
    return SkillChart(skills, summary.get("max_level", 5)) if skills else None


def _notes(summary: dict) -> list[Flowable]:
    notes = summary.get("notes", {})
    if not notes:
        return [_p(say("No notes in this period", "本期无观察记录"), "base")]
    out: list[Flowable] = []
    for category, items in notes.items():
        title = _categories().get(category, category.capitalize())
        out.append(_p(f"{title}  ({len(items)})", "category"))
        widths = [19 * mm, BODY_W - 49 * mm, 30 * mm]
        rows = [
            [
                item["date"],
                _fit(item["text"], widths[1]),
                _fit(item.get("author", ""), widths[2], "small", 7.5),
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


def _comments(v: AssessmentView, results: list[str]) -> Table:
    chosen = [f"{'■' if r == v.result else '□'} {result_label(r)}" for r in (results or [v.result])]
    if v.result and v.result not in results:
        chosen.append(f"■ {result_label(v.result)}")
    rows = [
        [_p(say("Strengths", "优点"), "key"), _p(v.strengths or "—")],
        [_p(say("Areas to improve", "待改进"), "key"), _p(v.improvements or "—")],
        [_p(say("Overall comment", "综合评语"), "key"), _p(v.comment or "—")],
        [_p(say("Result", "考核结果"), "key"), _p("    ".join(chosen), "result")],
    ]
    t = Table(rows, colWidths=[34 * mm, BODY_W - 34 * mm])
    t.setStyle(
        _frame_style(
            [
                ("BACKGROUND", (0, 0), (0, -1), GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def render_sheet(
    view: AssessmentView,
    results: list[str] | None = None,
    stamp: MentorStamp | None = None,
    *,
    language: str = "both",
    trainee_stamp: MentorStamp | None = None,
) -> RenderedSheet:
    """The sheet of one assessment version; ``stamp`` fills the mentor's box when signing,
    ``trainee_stamp`` the trainee's box (an acknowledgement given on the device); the form's
    own words in ``language`` (``sheet_language.LANGUAGES``)."""
    with speaking(language):
        return _render(view, results, stamp, trainee_stamp)


def _render(
    view: AssessmentView,
    results: list[str] | None,
    stamp: MentorStamp | None,
    trainee_stamp: MentorStamp | None = None,
) -> RenderedSheet:
    summary = view.summary or {}
    placed: dict = {}
    story: list[Flowable] = [
        *(
            _p(line, "title")
            for line in say("Workplace Training Assessment Sheet", "企业实训考核表", "\n").split(
                "\n"
            )
        ),
        _p(f"{view.programme}" if view.programme else "", "subtitle"),
        Spacer(1, 3 * mm),
    ]
    if view.version > 1:
        story.append(
            _p(
                say(
                    f"Amendment: version {view.version}, replaces {view.supersedes_uid}",
                    f"修订：第 {view.version} 版，取代 {view.supersedes_uid}",
                    " · ",
                )
                + " — "
                + say("reason", "原因")
                + f": {view.amendment_reason}",
                "base",
            )
        )
        story.append(Spacer(1, 2 * mm))
    story += [
        _identity(view),
        _p("1  " + say("Attendance", "出勤情况"), "section"),
        _attendance(summary),
        *[_p(line, "base") for line in against_plan(summary.get("attendance", {}))],
        _p("2  " + say("Practical skills", "实操技能"), "section"),
    ]
    if summary.get("rubric"):
        story.append(_p(say("Rubric", "评价标准") + f": {summary['rubric']}", "label"))
    story.append(_skills(summary))
    chart = _chart(summary)
    if chart is not None:
        story += [Spacer(1, 2 * mm), KeepTogether([chart])]
    story.append(_p("3  " + say("Observations", "观察记录摘要"), "section"))
    story += _notes(summary)
    story.append(
        KeepTogether(
            [
                _p("4  " + say("Mentor's assessment", "导师评价"), "section"),
                _comments(view, list(results or [])),
                _p("5  " + say("Signatures", "签字"), "section"),
                SignatureBoxes(stamp, placed, trainee_stamp),
            ]
        )
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=FOOTER_H + 3 * mm,
        title=f"Assessment sheet — {view.trainee_name} — {view.period_start} to {view.period_end}",
        author=view.mentor,
        subject=view.document_id,
        creator="MentorDesk",
        lang="zh-CN" if sheet_language() == "zh_CN" else "en",
    )
    # ASCII85 on top of zlib only makes files bigger and slower here; the setting is global.
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=numbered_canvas(view.document_id, view.trainee_name))
    finally:
        rl_config.useA85 = before
    return RenderedSheet(out.getvalue(), placed, doc.page)
