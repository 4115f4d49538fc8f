"""The feedback report to the school as a PDF: A4, English, Chinese or both, fonts embedded.

What it says comes from core/feedback_report.py: the mentor's suggestions and the school's
reply first (the point of the report), then what they rest on — the skills furthest below
target by module, attendance with its expected and unrecorded sessions, and the notes by
category with the most recent of each. Names, skills and notes are printed as recorded; only
the report's own words follow the language.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..core.feedback_report import FeedbackReport, ModuleGaps, NoteDigest, feedback_report
from ..core.private_files import check_target, write_whole
from ..core.store import Store
from .sheet_language import checked_language, say, sheet_language, speaking
from .sheet_page import BODY_W, GREY, MARGIN, MID, font_name

# The note categories' names (core/capture_views.py keeps the keys).
CATEGORIES = {
    "teamwork": ("Teamwork", "团队协作"),
    "communication": ("Communication", "沟通"),
    "safety": ("Safety", "安全"),
    "initiative": ("Initiative", "主动性"),
    "innovation": ("Innovation", "创新"),
    "attitude": ("Attitude", "态度"),
    "other": ("Other", "其他"),
}
# A recent note is quoted, not printed whole: the digest stays a digest.
QUOTE_CHARS = 180


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    pages: int


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font_name(), fontSize=9, leading=12.5, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=21),
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=11.5, leading=15, spaceBefore=7, spaceAfter=3
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
        "quiet": ParagraphStyle("quiet", parent=base, textColor=MID),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
    }


def _p(text: str, style: str = "base") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), _styles()[style])


def _both(english: str, chinese: str) -> str:
    """A recorded text in two languages (a skill's name): as the report's language asks."""
    if sheet_language() == "en":
        return english or chinese
    if sheet_language() == "zh_CN":
        return chinese or english
    return f"{english}\n{chinese}" if chinese and chinese != english else english


def _period(report: FeedbackReport) -> str:
    return f"{report.start:%Y-%m-%d} – {report.end:%Y-%m-%d}"


def _table(rows: list[list[Any]], widths: list[float], head: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if head else 0, hAlign="LEFT")
    style: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), GREY))
    else:
        style.append(("BACKGROUND", (0, 0), (0, -1), GREY))
    table.setStyle(TableStyle(style))
    return table


def _header(report: FeedbackReport) -> list[Flowable]:
    def key(english: str, chinese: str) -> Paragraph:
        return _p(say(english, chinese, "\n"), "cell")

    made = report.made_at.astimezone(UTC)
    info = [
        [key("Cohort", "班级"), _p(report.cohort, "cell"), key("Period", "时段"),
         _p(_period(report), "cell")],
        [key("Programme", "培养项目"), _p(report.programme or "—", "cell"),
         key("Trainees", "学员人数"), _p(str(report.trainees), "cell")],
    ]  # fmt: skip
    widths = [22 * mm, BODY_W / 2 - 22 * mm, 22 * mm, BODY_W / 2 - 22 * mm]
    details = Table(info, colWidths=widths)
    details.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_name()),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), GREY),
                ("BACKGROUND", (2, 0), (2, -1), GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return [
        _p(say("Feedback to the school", "企业对学校的反馈", "  "), "title"),
        _p(
            say(f"Made {made:%Y-%m-%d %H:%M} UTC", f"生成于 {made:%Y-%m-%d %H:%M} UTC", " · "),
            "quiet",
        ),
        Spacer(1, 3 * mm),
        details,
    ]


def _suggestions(report: FeedbackReport) -> list[Flowable]:
    fb = report.feedback
    out: list[Flowable] = [
        _p("1. " + say("What the school could teach differently", "对学校教学的建议"), "heading")
    ]
    if fb.suggestions:
        out.append(_p(fb.suggestions))
        if fb.written_by:
            out.append(_p(f"— {fb.written_by}, " + say("mentor", "企业导师", " / "), "quiet"))
    else:
        out.append(_p(say("No suggestions written yet.", "尚未填写建议。"), "quiet"))
    out.append(_p("2. " + say("The school's reply", "学校回复"), "heading"))
    if fb.reply:
        out.append(_p(fb.reply))
        when = f"{fb.replied_at:%Y-%m-%d}" if fb.replied_at else ""
        out.append(_p(f"— {fb.replied_by}, {when}".rstrip(", "), "quiet"))
    else:
        out.append(_p(say("No reply yet.", "尚未回复。"), "quiet"))
    return out


def _gaps(modules: tuple[ModuleGaps, ...]) -> list[Flowable]:
    out: list[Flowable] = [
        _p(
            "3. " + say("Skills furthest below target, by module", "各模块差距最大的技能"),
            "heading",
        )
    ]
    if not modules:
        out.append(
            _p(
                say(
                    "No skill rated in the period is below its target.",
                    "本时段内已评技能均已达到目标等级。",
                ),
                "quiet",
            )
        )
        return out
    head = [say(e, c, "\n") for e, c in (("Module", "模块"), ("Skill", "技能"),
            ("Target", "目标"), ("Mean level", "平均等级"), ("Below target", "未达标人数"),
            ("Mean gap", "平均差距"))]  # fmt: skip
    rows: list[list[Any]] = [[_p(h, "cell") for h in head]]
    for module in modules:
        for n, gap in enumerate(module.skills):
            rows.append(
                [
                    _p(_both(module.module, module.module_zh) if n == 0 else "", "cell"),
                    _p(f"{gap.code}  {_both(gap.name, gap.name_zh)}", "cell"),
                    str(gap.target),
                    f"{gap.mean_level:.1f}",
                    f"{gap.below} / {gap.rated}",
                    f"{gap.mean_gap:.1f}",
                ]
            )
    widths = [30 * mm, BODY_W - 30 * mm - 4 * 22 * mm, *(22 * mm,) * 4]
    out.append(_table(rows, widths))
    out.append(
        _p(
            say(
                "Target: the highest level a post of the rubric asks for the skill (else the top "
                "of the scale). Each trainee counts with their latest rating in the period.",
                "目标：岗位对该技能要求的最高等级（无岗位要求时为量表最高级）。每名学员按本时段"
                "最近一次评价计。",
                "\n",
            ),
            "small",
        )
    )
    return out


def _attendance(report: FeedbackReport) -> list[Flowable]:
    a = report.attendance
    rate = f"{a.rate:.1%}" if a.rate is not None else "—"
    rows = [
        [say("Sessions held", "实训课次"), str(a.sessions)],
        [say("Expected attendances", "应到人次"), str(a.expected)],
        [say("Unrecorded (no mark)", "未记录人次"), str(a.unrecorded)],
        [say("Present / late / left early", "出勤 / 迟到 / 早退"),
         f"{a.present} / {a.late} / {a.left_early}"],
        [say("Absent / excused", "缺勤 / 请假"), f"{a.absent} / {a.excused}"],
        [say("Attendance rate", "出勤率"), rate],
    ]  # fmt: skip
    return [
        _p("4. " + say("Attendance", "出勤"), "heading"),
        _table([[_p(k, "cell"), v] for k, v in rows], [70 * mm, 40 * mm], head=False),
        _p(
            say(
                "Rate: (present + late + left early) / (marked − excused). Unrecorded sessions "
                "are never counted as present.",
                "出勤率 =（出勤 + 迟到 + 早退）/（已记录 − 请假）。未记录的课次不计为出勤。",
                "\n",
            ),
            "small",
        ),
    ]


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"


def _notes(digests: tuple[NoteDigest, ...]) -> list[Flowable]:
    out: list[Flowable] = [_p("5. " + say("Notes by category", "观察记录（按类别）"), "heading")]
    if not digests:
        out.append(_p(say("No notes in the period.", "本时段内没有观察记录。"), "quiet"))
        return out
    head = [say("Category", "类别", "\n"), say("Notes", "条数", "\n"),
            say("Most recent", "最近记录", "\n")]  # fmt: skip
    rows: list[list[Any]] = [[_p(h, "cell") for h in head]]
    for d in digests:
        recent = "\n".join(
            f"{n.written_at:%Y-%m-%d} {n.trainee}: {_quote(n.text)}" for n in d.recent
        )
        rows.append(
            [
                _p(say(*CATEGORIES.get(d.category, (d.category, d.category)), "\n"), "cell"),
                str(d.count),
                _p(recent, "cell"),
            ]
        )
    out.append(_table(rows, [28 * mm, 14 * mm, BODY_W - 42 * mm]))
    return out


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(font_name(), 7.5)
    canvas.setFillColor(MID)
    canvas.drawRightString(
        A4[0] - MARGIN, 9 * mm, say(f"page {doc.page}", f"第 {doc.page} 页", " · ")
    )
    canvas.drawString(MARGIN, 9 * mm, "MentorDesk")
    canvas.restoreState()


def render_feedback_report(report: FeedbackReport, *, language: str = "both") -> tuple[bytes, int]:
    """The report's PDF and its page count; its own words in ``language``."""
    with speaking(language):
        story: list[Flowable] = [
            *_header(report),
            *_suggestions(report),
            *_gaps(report.modules),
            *_attendance(report),
            *_notes(report.notes),
        ]
        out = io.BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=14 * mm,
            bottomMargin=16 * mm,
            title=f"Feedback to the school — {report.cohort} — {_period(report)}",
            author=report.feedback.written_by,
            subject=_period(report),
            creator="MentorDesk",
            lang="zh-CN" if sheet_language() == "zh_CN" else "en",
            # Else every page names Helvetica, a font no reader is given in the file.
            initialFontName=font_name(),
        )
        # ASCII85 on top of zlib only makes files bigger; the setting is global.
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            doc.build(
                story,
                onFirstPage=_page_number,
                onLaterPages=_page_number,
            )
        finally:
            rl_config.useA85 = before
        return out.getvalue(), doc.page


def write_feedback_report(
    store: Store,
    cohort: str,
    target: Path,
    start: date | None = None,
    end: date | None = None,
    *,
    language: str = "both",
    today: date | None = None,
) -> WrittenReport:
    """Render the cohort's report for the period and write it to ``target`` whole (owner-only).

    An unknown cohort, a period ending before it starts, a target that is a folder or lies in
    a missing one: refused before anything is written.
    """
    checked_language(language)
    check_target(Path(target))
    report = feedback_report(store, cohort, start, end, today=today)
    pdf, pages = render_feedback_report(report, language=language)
    write_whole(Path(target), pdf)
    return WrittenReport(Path(target), pages)
