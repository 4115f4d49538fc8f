"""What an assessment looks like to its callers, and how the services find one.

``AssessmentView`` and ``DocumentView`` are the values the assessment services return
(``core/assessments.py`` drafts, ``core/assessment_signing.py`` signs); the finders here are
shared by both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from .changes import not_found
from .errors import LockedRecord
from .models import Assessment, Cohort, Trainee
from .wording import Text, user_text

# Assessment states in a sentence, said in the interface language.
STATE_WORDS: dict[str, Text] = {
    "draft": user_text("Assessments", "draft"),
    "signed": user_text("Assessments", "signed"),
    "superseded": user_text("Assessments", "superseded"),
}


def state_word(state: str) -> str:
    return STATE_WORDS.get(state, state)


@dataclass(frozen=True)
class AssessmentView:
    uid: str
    version: int
    state: str
    period_start: date
    period_end: date
    trainee_uid: str
    trainee_id: str
    employee_no: str
    trainee_name: str
    track: str
    cohort: str
    programme: str
    school: str
    enterprise: str
    mentor: str
    result: str
    strengths: str
    improvements: str
    comment: str
    summary: dict[str, object] = field(default_factory=dict)
    supersedes_uid: str | None = None
    amendment_reason: str = ""
    signed_at: datetime | None = None
    signed_by: str = ""
    document_sha256: str = ""
    updated_at: datetime | None = None

    @property
    def document_id(self) -> str:
        """Printed on every page and in the QR code: which version of which assessment."""
        return f"{self.uid} v{self.version}"

    @property
    def locked(self) -> bool:
        return self.state != "draft"


@dataclass(frozen=True)
class DocumentView:
    revision: int
    kind: str
    sha256: str
    created_at: datetime
    pdf: bytes


def assessment_view(a: Assessment) -> AssessmentView:
    t = a.trainee
    cohort = t.cohort
    programme = cohort.programme if cohort is not None else None
    return AssessmentView(
        uid=a.uid,
        version=a.version,
        state=a.state,
        period_start=a.period_start,
        period_end=a.period_end,
        trainee_uid=t.uid,
        trainee_id=t.trainee_id,
        employee_no=t.employee_no,
        trainee_name=t.name,
        track=t.track or (cohort.track if cohort else ""),
        cohort=cohort.name if cohort else "",
        programme=programme.name if programme else "",
        school=programme.school if programme else "",
        enterprise=programme.enterprise if programme else "",
        mentor=a.mentor.name if a.mentor is not None else "",
        result=a.result,
        strengths=a.strengths,
        improvements=a.improvements,
        comment=a.comment,
        summary=a.summary or {},
        supersedes_uid=a.supersedes_uid,
        amendment_reason=a.amendment_reason,
        signed_at=a.signed_at,
        signed_by=a.signed_by,
        document_sha256=a.document_sha256,
        updated_at=a.updated_at,
    )


def loaded_assessments() -> Select[Assessment]:
    return select(Assessment).options(
        selectinload(Assessment.trainee)
        .selectinload(Trainee.cohort)
        .selectinload(Cohort.programme),
        selectinload(Assessment.mentor),
    )


def find_assessment(s: Session, uid: str) -> Assessment:
    a = s.scalar(loaded_assessments().where(Assessment.uid == uid))
    if a is None or a.deleted:
        raise not_found("assessment", uid)
    return a


def editable_draft(s: Session, uid: str, loaded: Assessment | None = None) -> Assessment:
    a = loaded if loaded is not None and not loaded.deleted else find_assessment(s, uid)
    if a.state != "draft":
        raise LockedRecord(
            user_text(
                "Assessments",
                "The assessment of {name} ({start} – {end}, version {version}) is {state} and "
                "cannot change; amend it instead",
            ).format(
                name=a.trainee.name,
                start=a.period_start,
                end=a.period_end,
                version=a.version,
                state=state_word(a.state),
            )
        )
    return a
