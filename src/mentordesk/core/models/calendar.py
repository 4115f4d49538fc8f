"""A cohort's training plan: blocks at school or in the plant, days off, leave, the week's slots."""

from datetime import date, time

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Time, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Travelling
from .people import Cohort, Staff, Trainee

PLACES = ("school", "plant")
DAY_OFF_KINDS = ("holiday", "closure")


class CalendarBlock(Travelling, Base):
    """A stretch of a cohort's plan, at school or in the plant, with the practice hours it plans."""

    __tablename__ = "calendar_block"
    __table_args__ = (Index("ix_calendar_block_cohort_starts_on", "cohort_id", "starts_on"),)

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(16))
    planned_hours: Mapped[float] = mapped_column(Float, default=0.0)

    cohort: Mapped[Cohort] = relationship()


class DayOff(Travelling, Base):
    """A public holiday (every cohort) or a plant closure (one cohort, or every one)."""

    __tablename__ = "day_off"
    __table_args__ = (Index("ix_day_off_day", "day"),)

    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), default="holiday")
    label: Mapped[str] = mapped_column(String(200), default="")
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohort.id"))

    cohort: Mapped[Cohort | None] = relationship()


class Leave(Travelling, Base):
    """Days a trainee is away with leave; approved leave is not expected attendance."""

    __tablename__ = "leave"
    __table_args__ = (Index("ix_leave_trainee_starts_on", "trainee_id", "starts_on"),)

    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainee.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300), default="")
    approved: Mapped[bool] = mapped_column(Boolean, default=True, server_default=false())

    trainee: Mapped[Trainee] = relationship()


class WeekSlot(Base):
    """One session of a cohort's week template: on plant days it becomes a planned session."""

    __tablename__ = "week_slot"
    __table_args__ = (Index("ix_week_slot_cohort", "cohort_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id"))
    weekday: Mapped[int] = mapped_column(Integer)  # Monday 0 … Sunday 6, as date.weekday()
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    location: Mapped[str] = mapped_column(String(200), default="")
    module: Mapped[str] = mapped_column(String(200), default="")
    task: Mapped[str] = mapped_column(String(300), default="")
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    mentor: Mapped[Staff | None] = relationship()
