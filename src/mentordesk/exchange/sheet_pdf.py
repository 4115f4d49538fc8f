"""The assessment sheet as a printable A4 form (reportlab), bilingual, with its font embedded.

``render_sheet`` returns the PDF and where the three signature boxes landed, so that the
signing step can put its signature fields exactly over them. The tables are drawn by
``sheet_tables`` and the chart by ``sheet_chart``; the page furniture (footer, QR code, the
DRAFT mark) by ``sheet_page``; the archive metadata by ``sheet_archive``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pyhanko.pdf_utils.metadata.model import VENDOR
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer

from ..core.assessment_views import AssessmentView
from .sheet_against_plan import against_plan
from .sheet_archive import PRODUCER, ArchiveInfo
from .sheet_chart import skill_chart
from .sheet_language import recorded, say, sheet_language, speaking
from .sheet_page import FOOTER_H, MARGIN, MentorStamp, SignatureBoxes, numbered_canvas
from .sheet_readiness import readiness_flowables
from .sheet_sources import sources_flowables
from .sheet_tables import (
    attendance_table,
    closing_table,
    comments_table,
    identity_table,
    notes_flowables,
    para,
    result_label,
    skills_table,
)

__all__ = ["RenderedSheet", "render_sheet", "result_label"]

Box = tuple[float, float, float, float]


@dataclass
class RenderedSheet:
    pdf: bytes
    # field name -> (page index from 0, (x1, y1, x2, y2) in PDF points)
    boxes: dict[str, tuple[int, Box]] = field(default_factory=dict)
    pages: int = 0


def render_sheet(
    view: AssessmentView,
    results: list[str] | None = None,
    stamp: MentorStamp | None = None,
    *,
    language: str = "both",
    created: datetime | None = None,
    trainee_stamp: MentorStamp | None = None,
) -> RenderedSheet:
    """The sheet of one assessment version; ``stamp`` fills the mentor's box when signing,
    ``trainee_stamp`` the trainee's box (an acknowledgement given on the device); the form's
    own words in ``language`` (``sheet_language.LANGUAGES``). ``created`` is the
    document's creation time (the signing time when signing; now by default). A draft
    rendered without a stamp says DRAFT across every page."""
    with speaking(language):
        return _render(view, results, stamp, created or datetime.now(UTC), trainee_stamp)


def _title_lines() -> list[Flowable]:
    title = say("Workplace Training Assessment Sheet", "企业实训考核表", "\n")
    return [para(line, "title") for line in title.split("\n")]


def _render(
    view: AssessmentView,
    results: list[str] | None,
    stamp: MentorStamp | None,
    created: datetime,
    trainee_stamp: MentorStamp | None = None,
) -> RenderedSheet:
    summary: dict[str, Any] = dict(view.summary or {})
    placed: dict[str, tuple[int, Box]] = {}
    story: list[Flowable] = [
        *_title_lines(),
        para(f"{view.programme}" if view.programme else "", "subtitle"),
        Spacer(1, 3 * mm),
    ]
    if view.version > 1:
        story.append(
            para(
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
        identity_table(view),
        para("1  " + say("Attendance", "出勤情况"), "section"),
        attendance_table(summary),
        *[para(line, "base") for line in against_plan(summary.get("attendance", {}))],
        para("2  " + say("Practical skills", "实操技能"), "section"),
    ]
    if summary.get("rubric"):
        rubric = recorded(summary["rubric"], summary.get("rubric_zh", ""))
        story.append(para(say("Rubric", "评价标准") + f": {rubric}", "label"))
    story.append(skills_table(summary))
    story += sources_flowables(summary)
    chart = skill_chart(summary)
    if chart is not None:
        story += [Spacer(1, 2 * mm), KeepTogether([chart])]
    story += readiness_flowables(summary)
    story.append(para("3  " + say("Observations", "观察记录摘要"), "section"))
    story += notes_flowables(summary)
    # The mentor's assessment and the signatures go on one page when they fit on one. When
    # long comments do not, they break across pages, but the signature boxes stay with the
    # overall comment and the result they sign (keep-with-next): never alone on a page.
    heading = para("4  " + say("Mentor's assessment", "导师评价"), "section")
    heading.keepWithNext = True
    signing = KeepTogether(
        [
            closing_table(view, list(results or [])),
            para("5  " + say("Signatures", "签字"), "section"),
            SignatureBoxes(stamp, placed, trainee_stamp),
        ]
    )
    story.append(KeepTogether([heading, comments_table(view), signing]))
    draft = stamp is None and view.state == "draft"
    language = "zh-CN" if sheet_language() == "zh_CN" else "en"
    title = f"Assessment sheet — {view.trainee_name} — {view.period_start} to {view.period_end}"
    archive = ArchiveInfo(
        title=title,
        author=view.mentor,
        subject=view.document_id,
        trainee=view.trainee_name,
        trainee_id=view.trainee_id,
        period_start=view.period_start.isoformat(),
        period_end=view.period_end.isoformat(),
        version=view.version,
        document_id=view.document_id,
        assessment_uid=view.uid,
        state="draft" if draft else "signed" if stamp is not None else view.state,
        created=created,
        language=language,
        producer=VENDOR if stamp is not None else PRODUCER,
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=FOOTER_H + 3 * mm,
        title=title,
        author=view.mentor,
        subject=view.document_id,
        creator="MentorDesk",
        producer=archive.producer,
        lang=language,
    )
    # ASCII85 on top of zlib only makes files bigger and slower here; the setting is global.
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(
            story,
            canvasmaker=numbered_canvas(
                view.document_id, view.trainee_name, archive=archive, draft=draft
            ),
        )
    finally:
        rl_config.useA85 = before
    return RenderedSheet(out.getvalue(), placed, doc.page)
