"""Programmes, cohorts, trainees and staff."""

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    event,
    false,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, Mapper, attributes, mapped_column, relationship

from ..pinyin_keys import KEY_LENGTH, name_key
from .base import Base, Travelling

PROGRAMME_KINDS = (
    "concentrated",
    "on_the_job",
    "commissioned",
    "order_class",
    "early_employment",
    "skills_workshop",
)
TRAINEE_STATUSES = ("active", "withdrawn", "graduated")
STAFF_ROLES = ("mentor", "supervisor", "teacher", "coordinator", "hr")


def _key_of_name(context: DefaultExecutionContext) -> str:
    """A new row's name key, from its name: every insert, bulk (roster, datasets) or not."""
    return name_key(context.get_current_parameters().get("name", ""))  # type: ignore[no-untyped-call]


def _name_key_column() -> Mapped[str]:
    return mapped_column(String(KEY_LENGTH), default=_key_of_name, server_default="")


class Programme(Travelling, Base):
    __tablename__ = "programme"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    school: Mapped[str] = mapped_column(String(200), default="")
    enterprise: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(32), default="order_class")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A composite grade's weight per rater role, "mentor=50,teacher=30,self=20"; empty for none.
    rating_weights: Mapped[str] = mapped_column(String(200), default="", server_default="")

    cohorts: Mapped[list["Cohort"]] = relationship(back_populates="programme")


class Cohort(Travelling, Base):
    __tablename__ = "cohort"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id"), index=True)
    track: Mapped[str] = mapped_column(String(120), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Entry rules of on-the-job training (entry_rules): the service a trainee must have at the
    # cohort's start, and the posts they may come from; None and [] ask nothing.
    entry_min_years: Mapped[int | None] = mapped_column(Integer)
    entry_posts: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")

    programme: Mapped[Programme | None] = relationship(back_populates="cohorts")
    trainees: Mapped[list["Trainee"]] = relationship(back_populates="cohort")


class Trainee(Travelling, Base):
    __tablename__ = "trainee"
    __table_args__ = (
        Index("ix_trainee_cohort_status", "cohort_id", "status"),
        # The trainee list from the index alone, in pinyin order (migrations 0007, 0009).
        Index(
            "ix_trainee_list",
            "name_key",
            "name",
            "trainee_id",
            "uid",
            "cohort_id",
            "track",
            "employee_no",
            "status",
            "deleted",
        ),
    )

    trainee_id: Mapped[str] = mapped_column(String(64), unique=True)
    employee_no: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200))
    # Pinyin of the name (pinyin_keys): what the list searches and orders by.
    name_key: Mapped[str] = _name_key_column()
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohort.id"))
    track: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="active")
    email: Mapped[str] = mapped_column(String(200), default="")
    enrolled_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    # An employee's hire date and post (its name as written): what entry rules are judged on.
    hire_date: Mapped[date | None] = mapped_column(Date)
    post: Mapped[str] = mapped_column(String(200), default="", server_default="")

    cohort: Mapped[Cohort | None] = relationship(back_populates="trainees")


# The cohorts each staff member works with (mentors, supervisors, teachers of that class).
staff_cohort = Table(
    "staff_cohort",
    Base.metadata,
    Column("staff_id", ForeignKey("staff.id"), primary_key=True),
    Column("cohort_id", ForeignKey("cohort.id"), primary_key=True, index=True),
)


class Staff(Travelling, Base):
    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = _name_key_column()
    role: Mapped[str] = mapped_column(String(32), default="mentor")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    cohorts: Mapped[list[Cohort]] = relationship(secondary=staff_cohort, order_by=Cohort.name)


@event.listens_for(Trainee, "before_update")
@event.listens_for(Staff, "before_update")
def _rekey_renamed(_mapper: Mapper[Any], _connection: object, target: Trainee | Staff) -> None:
    """A renamed trainee or staff member gets the new name's key, whichever service renamed
    them (edit, roster import, merge)."""
    if attributes.get_history(target, "name").has_changes():
        target.name_key = name_key(target.name)
