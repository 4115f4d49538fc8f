"""Merging a bundle's countersigned sheets: later revisions of a signed PDF.

A countersignature (the school teacher's, the trainee's) is an incremental update of the
signed sheet, so it is kept only where it extends the sheet held here byte for byte: the
signatures already held stay exactly as they were signed. Its signatures were verified by the
bundle import before the merge began; the comment and result the countersigner wrote come
back into the audit trail, as when a countersigned copy is attached by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from .import_report import NEW, REJECTED, UNCHANGED, Outcome
from .merge_records import CountersignedSheet
from .models import Assessment, AssessmentDocument
from .wording import user_text

if TYPE_CHECKING:
    from .merge import Merger

COUNTERSIGNABLE = ("signed", "superseded")


def countersigned(m: Merger, sheets: list[CountersignedSheet]) -> None:
    """Keep each sheet that extends the newest one held for its assessment, oldest first."""
    if not sheets:
        return
    m.s.flush()
    for sheet in sorted(sheets, key=lambda x: (x.assessment_uid, x.revision)):
        _one(m, sheet)
    m.s.flush()


def _outcome(
    m: Merger, sheet: CountersignedSheet, outcome: str, label: str, reason: str = ""
) -> None:
    m.report.add(Outcome(sheet.member, sheet.revision, outcome, label, (), reason))


def _one(m: Merger, sheet: CountersignedSheet) -> None:
    a = m.s.scalar(select(Assessment).where(Assessment.uid == sheet.assessment_uid))
    label = sheet.assessment_uid
    if a is None or a.deleted:
        _outcome(
            m,
            sheet,
            REJECTED,
            label,
            user_text(
                "Merge", "assessment {uid} is neither here nor in this bundle's workbook"
            ).format(uid=sheet.assessment_uid),
        )
        return
    label = f"{a.trainee.trainee_id} {a.trainee.name} {a.period_start.isoformat()}"
    if a.state not in COUNTERSIGNABLE:
        _outcome(
            m,
            sheet,
            REJECTED,
            label,
            user_text(
                "Merge", "assessment {uid} is not signed here; its sheet was not kept"
            ).format(uid=a.uid),
        )
        return
    held = list(
        m.s.scalars(
            select(AssessmentDocument)
            .where(AssessmentDocument.assessment_id == a.id)
            .order_by(AssessmentDocument.revision)
        )
    )
    if any(d.sha256 == sheet.sha256 for d in held):
        _outcome(m, sheet, UNCHANGED, label)
        return
    last = held[-1] if held else None
    if last is not None and last.pdf.startswith(sheet.pdf):
        # A later countersignature is held here already; it contains this one.
        _outcome(m, sheet, UNCHANGED, label)
        return
    if last is None or not sheet.pdf.startswith(last.pdf):
        _outcome(
            m,
            sheet,
            REJECTED,
            label,
            user_text(
                "Merge",
                "this countersigned sheet does not extend the sheet held here for assessment "
                "{uid} (it was countersigned on another copy); it was not kept",
            ).format(uid=a.uid),
        )
        return
    doc = AssessmentDocument(
        assessment_id=a.id,
        revision=last.revision + 1,
        kind=sheet.kind,
        pdf=sheet.pdf,
        sha256=sheet.sha256,
    )
    m.s.add(doc)
    m.store.audit(
        m.s,
        a,
        "countersign",
        {
            "kind": sheet.kind,
            "revision": doc.revision,
            "sha256": sheet.sha256,
            "comment": sheet.comment,
            "result": sheet.result,
            "source": m.source.source,
        },
    )
    m.s.flush()
    _outcome(m, sheet, NEW, label)
