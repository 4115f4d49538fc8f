"""The signed and countersigned PDFs of the assessments an export covers (for a bundle)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select, true

from .export_scope import ExportScope
from .models import Assessment, AssessmentDocument, Cohort, Trainee
from .store import Store

SIGNED_STATES = ("signed", "superseded")


@dataclass(frozen=True)
class SheetDocument:
    assessment_uid: str
    revision: int
    kind: str
    sha256: str
    pdf: bytes


def documents_in_scope(store: Store, scope: ExportScope) -> Iterator[SheetDocument]:
    """Every stored PDF of the signed (and superseded) assessments whose trainee and period
    the export's ``Assessments`` sheet covers, by assessment and revision."""
    where = [
        Assessment.state.in_(SIGNED_STATES),
        Assessment.deleted.is_(False),
        scope_trainees(scope),
    ]
    if scope.start is not None:
        where.append(Assessment.period_end >= scope.start)
    if scope.end is not None:
        where.append(Assessment.period_start <= scope.end)
    query = (
        select(
            Assessment.uid,
            AssessmentDocument.revision,
            AssessmentDocument.kind,
            AssessmentDocument.sha256,
            AssessmentDocument.pdf,
        )
        .join(Assessment, Assessment.id == AssessmentDocument.assessment_id)
        .where(*where)
        .order_by(Assessment.uid, AssessmentDocument.revision)
    )
    with store.read() as s:
        for uid, revision, kind, sha256, pdf in s.execute(query.execution_options(yield_per=50)):
            yield SheetDocument(uid, revision, kind, sha256, pdf)


def scope_trainees(scope: ExportScope) -> ColumnElement[bool]:
    """The trainees an export covers: the cohort's, or everyone's."""
    if not scope.cohort:
        return true()
    cohort = select(Cohort.id).where(Cohort.name == scope.cohort).scalar_subquery()
    return Assessment.trainee_id.in_(select(Trainee.id).where(Trainee.cohort_id == cohort))
