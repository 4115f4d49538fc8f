"""The attendance totals per trainee and month that database triggers keep (migration 0004).

Summaries add whole months from them; ``check`` proves they still equal the records, and
``rebuild`` recomputes them should a program ever have written with the triggers switched off.
"""

from __future__ import annotations

import typing
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Numeric,
    Select,
    SQLColumnExpression,
    Table,
    cast,
    delete,
    except_,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from .models import ATTENDANCE_STATUSES, Attendance, AttendanceMonth, WorkshopSession
from .wording import user_text

_COLUMNS = ("trainee_id", "month", "sessions", *ATTENDANCE_STATUSES, "hours")


def _month(session: Session, day: SQLColumnExpression[date]) -> ColumnElement[date]:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-01", day)
    return cast(func.date_trunc("month", day), Date)


def _hours(total: SQLColumnExpression[float]) -> ColumnElement[float]:
    # Running totals and a fresh sum add floats in another order: compare without the dust.
    return func.round(cast(total, Numeric), 6)


# The totals' rows: one column per attendance status, so typed no more closely than this.
def _from_records(session: Session) -> Select[*tuple[Any, ...]]:
    month = _month(session, WorkshopSession.held_on)
    return (
        select(
            Attendance.trainee_id,
            month,
            func.count(),
            *(func.count().filter(Attendance.status == s) for s in ATTENDANCE_STATUSES),
            _hours(func.sum(Attendance.hours)),
        )
        .join(WorkshopSession, WorkshopSession.id == Attendance.session_id)
        .where(Attendance.deleted.is_(False), WorkshopSession.deleted.is_(False))
        .group_by(Attendance.trainee_id, month)
    )


def _kept() -> Select[*tuple[Any, ...]]:
    return select(
        *(getattr(AttendanceMonth, c) for c in _COLUMNS[:-1]),
        _hours(AttendanceMonth.hours),
    )


def drift(session: Session) -> list[str]:
    """What differs between the kept totals and the records; empty when they agree."""
    problems: list[str] = []
    kept, recomputed = _kept(), _from_records(session)
    stale = session.scalar(select(func.count()).select_from(except_(kept, recomputed).subquery()))
    missing = session.scalar(select(func.count()).select_from(except_(recomputed, kept).subquery()))
    if stale or missing:
        problems.append(
            user_text(
                "Database",
                "attendance totals disagree with the records in {months} trainee-months; "
                "run `mentordesk check --repair`",
            ).format(months=max(stale or 0, missing or 0))
        )
    moved = session.scalar(
        select(func.count())
        .select_from(Attendance)
        .join(WorkshopSession, WorkshopSession.id == Attendance.session_id)
        .where(Attendance.held_on.is_distinct_from(WorkshopSession.held_on))
    )
    if moved:
        problems.append(
            user_text(
                "Database",
                "{moved} attendance records carry another date than their session's; "
                "run `mentordesk check --repair`",
            ).format(moved=moved)
        )
    return problems


def rebuild(session: Session) -> None:
    """Recompute every total and every record's copy of its session's date."""
    session.execute(
        # A declarative class with a __tablename__ maps a Table; SQLAlchemy types it as FromClause.
        typing.cast(Table, Attendance.__table__)
        .update()
        .values(
            held_on=select(WorkshopSession.held_on)
            .where(WorkshopSession.id == Attendance.session_id)
            .scalar_subquery()
        )
        .where(
            Attendance.held_on.is_distinct_from(
                select(WorkshopSession.held_on)
                .where(WorkshopSession.id == Attendance.session_id)
                .scalar_subquery()
            )
        )
    )
    session.execute(delete(AttendanceMonth))
    session.execute(insert(AttendanceMonth).from_select(list(_COLUMNS), _from_records(session)))
