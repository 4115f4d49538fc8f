"""What happens on the shop floor: sessions, attendance, skill ratings and notes."""

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Travelling, UTCDateTime, utcnow
from .people import Cohort, Staff, Trainee
from .rubric import Skill

ATTENDANCE_STATUSES = ("present", "late", "left_early", "absent", "excused")
# Whose view a rating is. The assessors' ratings make the latest level the Summary and readiness
# read (skill_rating_latest); the other sources are shown beside it, never in its place.
RATER_ROLES = ("mentor", "supervisor", "teacher", "self", "peer")
ASSESSOR_ROLES = ("mentor", "supervisor")


class WorkshopSession(Travelling, Base):
    """One practice session in a workshop (never a database session)."""

    __tablename__ = "workshop_session"
    __table_args__ = (Index("ix_workshop_session_cohort_held_on", "cohort_id", "held_on"),)

    held_on: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    location: Mapped[str] = mapped_column(String(200), default="")
    module: Mapped[str] = mapped_column(String(200), default="")
    task: Mapped[str] = mapped_column(String(300), default="")
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohort.id"))
    # Made from the cohort's plan (core/session_plan.py), which may make it again or cancel it.
    planned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Not held: nobody is expected at it. Only a session without records can be cancelled.
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    mentor: Mapped[Staff | None] = relationship()
    cohort: Mapped[Cohort | None] = relationship()


class Attendance(Travelling, Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("session_id", "trainee_id"),
        # A trainee's records between two dates, from the index alone: the part-months at the
        # edges of a period and a trainee's history. Minutes late and note on SQLite only
        # (migration 0006): PostgreSQL caps an index entry at 2,704 bytes and a note has no cap.
        Index(
            "ix_attendance_trainee_cover",
            "trainee_id",
            "held_on",
            "session_id",
            "status",
            "hours",
            "deleted",
            "minutes_late",
            "note",
        ),
    )

    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_session.id"))
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainee.id"))
    status: Mapped[str] = mapped_column(String(16))
    minutes_late: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # The session's date, so that a trainee's records in a period are one index range. Database
    # triggers (migration 0004) fill it in or correct it whatever a writer gives.
    held_on: Mapped[date | None] = mapped_column(Date)

    session: Mapped[WorkshopSession] = relationship()
    trainee: Mapped[Trainee] = relationship()


class AttendanceMonth(Base):
    """Attendance counts per trainee and calendar month, kept by database triggers.

    Derived from attendance (records not deleted, of sessions not deleted); it never travels and
    the application never writes it. Summaries add whole months from here, and take away
    the days of a month outside the period where those are fewer than the days inside.
    """

    __tablename__ = "attendance_month"
    __table_args__ = ({"sqlite_with_rowid": False},)

    trainee_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    sessions: Mapped[int] = mapped_column(Integer)
    present: Mapped[int] = mapped_column(Integer)
    late: Mapped[int] = mapped_column(Integer)
    left_early: Mapped[int] = mapped_column(Integer)
    absent: Mapped[int] = mapped_column(Integer)
    excused: Mapped[int] = mapped_column(Integer)
    hours: Mapped[float] = mapped_column(Float)


class UnexpectedMark(Base):
    """The marks (attendance records) that are not at a session where their trainee was
    expected, kept by database triggers (migration 0014).

    A mark counts here when the record and its session are not deleted, its trainee could be
    expected somewhere (active, or with a leaving date), and the session was cancelled, is
    another cohort's, lies before the trainee's enrolment or on or after their leaving, or on
    a day of approved leave. A period's marks at expected sessions are then its marks (the
    monthly totals) less these: a whole-plant Summary never pairs every mark with its session.
    Derived; it never travels and the application never writes it.
    """

    __tablename__ = "unexpected_mark"
    __table_args__ = (Index("ix_unexpected_mark_trainee_held_on", "trainee_id", "held_on"),)

    attendance_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    trainee_id: Mapped[int] = mapped_column(Integer)
    # The session's date (the records' copy of it may lag inside a trigger).
    held_on: Mapped[date] = mapped_column(Date)


class SkillRating(Travelling, Base):
    __tablename__ = "skill_rating"
    __table_args__ = (
        # "Each skill's latest level in a period" is one step down this index per trainee and
        # skill: ``deleted`` comes before the date, and the row id (implicitly last) breaks ties
        # between ratings of the same day in the order the summary needs.
        Index(
            "ix_skill_rating_trainee_skill_date", "trainee_id", "skill_id", "deleted", "rated_on"
        ),
    )

    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainee.id"))
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id"))
    level: Mapped[int] = mapped_column(Integer)
    rated_on: Mapped[date] = mapped_column(Date)
    rater_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    evidence: Mapped[str] = mapped_column(Text, default="")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("workshop_session.id"), index=True)
    rater_role: Mapped[str] = mapped_column(String(16), default="mentor", server_default="mentor")

    trainee: Mapped[Trainee] = relationship()
    skill: Mapped[Skill] = relationship()
    rater: Mapped[Staff | None] = relationship()


class SkillRatingLatest(Base):
    """Each trainee's latest assessor rating of each skill, kept by database triggers
    (migrations 0005 and 0011: only mentor and supervisor ratings count).

    The latest is the rating not deleted with the greatest date, then the greatest id: the
    order the Summary uses. Derived from skill_rating; it never travels and the application
    never writes it. A Summary whose period ends on or after the newest rating reads levels
    from here.
    """

    __tablename__ = "skill_rating_latest"
    __table_args__ = (
        Index("ix_skill_rating_latest_rated_on", "rated_on", "trainee_id", "level"),
        {"sqlite_with_rowid": False},
    )

    trainee_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    skill_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    rated_on: Mapped[date] = mapped_column(Date)
    level: Mapped[int] = mapped_column(Integer)
    rating_id: Mapped[int] = mapped_column(Integer)


class Note(Travelling, Base):
    __tablename__ = "note"
    __table_args__ = (Index("ix_note_trainee_written", "trainee_id", "written_at", "deleted"),)

    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainee.id"))
    category: Mapped[str] = mapped_column(String(32), default="other")
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("workshop_session.id"), index=True)

    trainee: Mapped[Trainee] = relationship()
    author: Mapped[Staff | None] = relationship()
    session: Mapped[WorkshopSession | None] = relationship()
