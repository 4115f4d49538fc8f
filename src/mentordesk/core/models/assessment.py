"""Assessments of one trainee over one period, their versions and signed documents."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Travelling, UTCDateTime, utcnow
from .people import Staff, Trainee

ASSESSMENT_STATES = ("draft", "signed", "superseded")
DEFAULT_RESULTS = ("distinction", "pass", "not_yet_competent")


class Assessment(Travelling, Base):
    __tablename__ = "assessment"
    __table_args__ = (Index("ix_assessment_trainee_period", "trainee_id", "period_start"),)

    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainee.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The uid of the version this one amends: uids travel, integer ids do not.
    supersedes_uid: Mapped[str | None] = mapped_column(String(36), index=True)
    amendment_reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="draft")
    result: Mapped[str] = mapped_column(String(64), default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    improvements: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    signed_by: Mapped[str] = mapped_column(String(200), default="")
    document_sha256: Mapped[str] = mapped_column(String(64), default="")
    # The trainee's acknowledgement on the device (migration 0011): name, drawing, when, where.
    # Stamped into the trainee box when the mentor signs, so their signature covers it.
    acknowledged_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_device: Mapped[str] = mapped_column(String(200), default="", server_default="")
    acknowledgement_png: Mapped[bytes | None] = mapped_column(LargeBinary)

    trainee: Mapped[Trainee] = relationship()
    mentor: Mapped[Staff | None] = relationship()


class AssessmentDocument(Base):
    """The PDF as signed (and later countersigned): kept apart so listing stays light."""

    __tablename__ = "assessment_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(32), default="signed")
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
