"""The plant's feedback to the school for a cohort and period, and the school's reply."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Travelling, UTCDateTime
from .people import Cohort


class SchoolFeedback(Travelling, Base):
    """What the mentor suggests the school teach differently, and what the school answered.

    One record per cohort and period (either end may be open); it travels in the results
    workbook's ``Feedback`` sheet, so a reply typed at the school comes back to the plant.
    """

    __tablename__ = "school_feedback"
    __table_args__ = (Index("ix_school_feedback_cohort", "cohort_id", "period_start"),)

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id"))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    suggestions: Mapped[str] = mapped_column(Text, default="")
    written_by: Mapped[str] = mapped_column(String(200), default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_by: Mapped[str] = mapped_column(String(200), default="")
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    cohort: Mapped[Cohort] = relationship()
