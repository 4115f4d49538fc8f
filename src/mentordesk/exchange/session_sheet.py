"""A workshop session's paper sign-in sheet: the fallback when the shop-floor PC is down.

A4 portrait, in the sheet language like the assessment sheet: the session's title, cohort,
date, times, workshop and mentor, and a QR code holding ``session_code(uid)`` so that a hand
scanner opens the session again when the marks are typed in. Then the roster, one row sized
for handwriting per trainee, numbered and ordered as Today lists them, so the marks go back in
the same order; the table's header row repeats on every page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..core import attendance
from ..core.capture_views import SessionView
from ..core.private_files import check_target, write_whole
from ..core.session_codes import session_code
from ..core.store import Store
from ..core.workshop_sessions import get_session
from .session_sheet_page import (
    BOTTOM,
    NAME_SIZE,
    QR_SIZE,
    SessionQr,
    SignOff,
    fitted,
    name_lines,
    qr_matrix,
    sheet_canvas,
    width_of,
)
from .sheet_language import say, sheet_language, speaking
from .sheet_page import BODY_W, GREY, MARGIN, PAGE_H, font_name

ROW_H = 9.5 * mm  # room for a tick, a number or a signature written by hand
HEAD_ROW_H = 10 * mm
FIRST_TOP = 12 * mm
LATER_TOP = 22 * mm  # room for the running header with its QR code
STRIPE = colors.Color(0.95, 0.95, 0.95)

# (letter on the sheet, English, Chinese). The letters are those the paper form uses.
STATUSES = (
    ("P", "Present", "出勤"),
    ("L", "Late", "迟到"),
    ("LE", "Left early", "早退"),
    ("A", "Absent", "缺勤"),
    ("E", "Excused", "请假"),
)
WEEKDAYS = (
    ("Mon", "周一"),
    ("Tue", "周二"),
    ("Wed", "周三"),
    ("Thu", "周四"),
    ("Fri", "周五"),
    ("Sat", "周六"),
    ("Sun", "周日"),
)
# No., trainee ID, name, five status boxes, minutes late, hours, signature.
COLUMNS = (9 * mm, 24 * mm, 42 * mm, *(7.5 * mm,) * 5, 14 * mm, 12 * mm)
WIDTHS = (*COLUMNS, BODY_W - sum(COLUMNS))


@dataclass(frozen=True)
class SheetRow:
    trainee_id: str
    name: str
    # False: not in the session's cohort on its date, but already marked there.
    expected: bool = True
    # On approved leave that day: listed, flagged, and not expected.
    on_leave: bool = False


def sheet_roster(store: Store, session_uid: str) -> list[SheetRow]:
    """The trainees on the sheet, in Today's order: the one place the sheet asks for them."""
    return [
        SheetRow(r.trainee_id, r.name, r.expected, r.on_leave)
        for r in attendance.session_roster(store, session_uid)
    ]


@dataclass(frozen=True)
class WrittenSheet:
    path: Path
    trainees: int
    pages: int


def write_session_sheet(
    store: Store, session_uid: str, target: Path, *, language: str = "both"
) -> WrittenSheet:
    """Render the session's sheet and write it to ``target`` whole (owner-only).

    Raises NotFound for an unknown session and UserError for a target that is a folder or
    lies in a missing one, before any work.
    """
    session = get_session(store, session_uid)
    check_target(Path(target))
    rows = sheet_roster(store, session_uid)
    pdf, pages = render_session_sheet(session, rows, language=language)
    write_whole(Path(target), pdf)
    return WrittenSheet(Path(target), len(rows), pages)


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font_name(), fontSize=9, leading=12, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=21),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16),
        "value": ParagraphStyle("value", parent=base, fontSize=9.5, leading=12),
        "legend": ParagraphStyle("legend", parent=base, fontSize=8, leading=11),
        "caption": ParagraphStyle("caption", parent=base, fontSize=7, leading=9, alignment=1),
    }


def _p(text: str, style: str = "base") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), _styles()[style])


def _value(text: str, width: float) -> str | Paragraph:
    """Plain text when it fits one line of the info table, else a wrapping paragraph."""
    if width_of(text, 9.5) <= width - 6:
        return text
    return _p(text, "value")


def _title(session: SessionView) -> str:
    parts = [p for p in (session.module, session.task) if p]
    return " · ".join(parts) or say("Workshop session", "实训课")


def _day(held_on: date) -> str:
    return f"{held_on:%Y-%m-%d}  " + say(*WEEKDAYS[held_on.weekday()])


def _times(session: SessionView) -> str:
    if session.start_time is None or session.end_time is None:
        return "—"
    return f"{session.start_time:%H:%M}–{session.end_time:%H:%M}  ({session.hours:g} h)"


def _header(session: SessionView, matrix: list[list[bool]]) -> Table:
    left_w = BODY_W - QR_SIZE - 4 * mm
    widths = (17 * mm, left_w / 2 - 17 * mm, 15 * mm, left_w / 2 - 15 * mm)

    def key(english: str, chinese: str) -> str:
        return say(english, chinese, "\n")

    info = (
        (key("Cohort", "班级"), session.cohort, key("Date", "日期"), _day(session.held_on)),
        (key("Workshop", "车间"), session.location, key("Time", "时间"), _times(session)),
        (key("Mentor", "导师"), session.mentor, key("Session", "课次"), session.uid[:8]),
    )
    rows = [[a, _value(b or "—", widths[1]), c, _value(d or "—", widths[3])] for a, b, c, d in info]
    details = Table(rows, colWidths=widths)
    details.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_name()),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("FONTSIZE", (0, 0), (0, -1), 7.5),
                ("FONTSIZE", (2, 0), (2, -1), 7.5),
                ("LEADING", (0, 0), (0, -1), 9),
                ("LEADING", (2, 0), (2, -1), 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), GREY),
                ("BACKGROUND", (2, 0), (2, -1), GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    left = [
        _p(say("Attendance sign-in sheet", "考勤签到表", "  "), "title"),
        _p(_title(session), "subtitle"),
        Spacer(1, 2.5 * mm),
        details,
    ]
    outer = Table([[left, SessionQr(matrix)]], colWidths=[left_w + 4 * mm, QR_SIZE])
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return outer


def _legend(session: SessionView, any_unexpected: bool) -> Paragraph:
    # Paragraphs fold runs of spaces into one: keep the gaps between the keys with NBSPs.
    keys = "\u00a0\u00a0\u00a0 ".join(f"{letter} = {say(en, zh)}" for letter, en, zh in STATUSES)
    full = f" ({session.hours:g} h)" if session.hours else ""
    full_zh = f"（{session.hours:g} h）" if session.hours else ""
    lines = [
        keys,
        say(
            "Tick one box per trainee. Late: write the minutes late. "
            f"Hours: leave empty for the full session{full}, else write the hours attended.",
            f"每人只勾选一项。迟到：填写迟到分钟数。学时：全程{full_zh}可不填，否则填写实际学时。",
            "\n",
        ),
    ]
    if any_unexpected:
        lines.append(
            say(
                "* not in the cohort on this date, but already marked for this session",
                "* 当日不在本班名单，但已有本课考勤记录",
            )
        )
    return _p("\n".join(lines), "legend")


def _head_cells() -> list[str]:
    def two(english: str, chinese: str) -> str:
        return say(english, chinese, "\n")

    marks = [
        letter if sheet_language() == "en" else f"{letter}\n{chinese}"
        for letter, _, chinese in STATUSES
    ]
    return [
        two("No.", "序号"),
        two("Trainee ID", "学号"),
        two("Name", "姓名"),
        *marks,
        two("Min late", "迟到分钟"),
        two("Hours", "学时"),
        two("Signature", "学员签名"),
    ]


def _roster_table(rows: Sequence[SheetRow]) -> Table:
    name_w = WIDTHS[2] - 6
    cells: list[list[str]] = [_head_cells()]
    # (command, first cell, last cell, points): the name cells set in a smaller size.
    sizes: list[tuple[str, tuple[int, int], tuple[int, int], float]] = []
    for number, row in enumerate(rows, start=1):
        flag = f" ({say('on leave', '请假')})" if row.on_leave else ""
        unexpected = "" if row.expected or row.on_leave else " *"
        name, size = name_lines(row.name + flag + unexpected, name_w)
        trainee_id, id_size = fitted(row.trainee_id, WIDTHS[1] - 6, 9, 6)
        cells.append([str(number), trainee_id, name, *[""] * 8])
        if size != NAME_SIZE:
            sizes.append(("FONTSIZE", (2, number), (2, number), size))
            sizes.append(("LEADING", (2, number), (2, number), size + 1.5))
        if id_size != 9:
            sizes.append(("FONTSIZE", (1, number), (1, number), id_size))
    table = Table(
        cells,
        colWidths=WIDTHS,
        rowHeights=[HEAD_ROW_H] + [ROW_H] * len(rows),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_name()),
                ("FONTSIZE", (0, 1), (-1, -1), 9),
                ("FONTSIZE", (2, 1), (2, -1), NAME_SIZE),
                ("FONTSIZE", (0, 0), (-1, 0), 7),
                ("LEADING", (0, 0), (-1, 0), 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), GREY),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                # The status boxes stand out from the columns written in words.
                ("BOX", (3, 0), (7, -1), 1.2, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                ("LEFTPADDING", (3, 0), (9, 0), 1),
                ("RIGHTPADDING", (3, 0), (9, 0), 1),
                *sizes,
            ]
        )
    )
    return table


def render_session_sheet(
    session: SessionView, rows: Sequence[SheetRow], *, language: str = "both"
) -> tuple[bytes, int]:
    """The sheet's PDF and its page count; its own words in ``language``."""
    with speaking(language):
        return _render(session, rows)


def _render(session: SessionView, rows: Sequence[SheetRow]) -> tuple[bytes, int]:
    matrix = qr_matrix(session_code(session.uid))
    story: list[Flowable] = [
        _header(session, matrix),
        Spacer(1, 3 * mm),
        _legend(session, any(not (r.expected or r.on_leave) for r in rows)),
        Spacer(1, 2.5 * mm),
    ]
    if rows:
        story.append(_roster_table(rows))
    else:
        story.append(
            _p(say("No trainee is expected at this session.", "本课没有应到学员。"), "subtitle")
        )
    story.append(KeepTogether([Spacer(1, 6 * mm), SignOff()]))
    out = io.BytesIO()
    height = PAGE_H - BOTTOM
    first = Frame(MARGIN, BOTTOM, BODY_W, height - FIRST_TOP, 0, 0, 0, 0, id="first")
    later = Frame(MARGIN, BOTTOM, BODY_W, height - LATER_TOP, 0, 0, 0, 0, id="later")
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=f"Sign-in sheet — {_title(session)} — {session.held_on:%Y-%m-%d}",
        author=session.mentor,
        subject=session_code(session.uid),
        creator="MentorDesk",
        lang="zh-CN" if sheet_language() == "zh_CN" else "en",
        pageTemplates=[
            PageTemplate("first", [first], autoNextPageTemplate="later"),
            PageTemplate("later", [later]),
        ],
    )
    # ASCII85 on top of zlib only makes files bigger; the setting is global.
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        running = f"{_title(session)} · {session.cohort} · {session.held_on:%Y-%m-%d}"
        doc.build(story, canvasmaker=sheet_canvas(session.uid, running, matrix))
    finally:
        rl_config.useA85 = before
    return out.getvalue(), doc.page
