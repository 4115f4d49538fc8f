"""A period's attendance per trainee, for the Summary: the kept monthly totals of its whole
months, with the part-months at its edges read from the records and added or taken away."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    SQLColumnExpression,
    bindparam,
    case,
    func,
    select,
    true,
)
from sqlalchemy.orm import Session

from .models import Attendance, AttendanceMonth, WorkshopSession

COUNTED = ("present", "late", "left_early", "absent", "excused")

if TYPE_CHECKING:
    # A statement whose columns are listed at run time (one per counted status): SQLAlchemy
    # types its rows no more closely than this.
    Totals = Select[*tuple[Any, ...]]

Ts = TypeVarTuple("Ts")


def _first_of_next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def whole_months(start: date | None, end: date | None) -> tuple[date | None, date | None] | None:
    """The first and last calendar month lying wholly inside the period (None: open-ended), or
    None when the period holds no whole month."""
    first = start if start is None or start.day == 1 else _first_of_next_month(start)
    if end is None:
        last = None
    elif _first_of_next_month(end) - timedelta(days=1) == end:
        last = end.replace(day=1)
    else:
        last = (end.replace(day=1) - timedelta(days=1)).replace(day=1)
    if first is not None and last is not None and first > last:
        return None
    return first, last


Days = tuple[date | None, date | None]


def _plan(start: date | None, end: date | None) -> tuple[Days | None, list[Days], list[Days]]:
    """How a period's attendance is added up: a range of calendar months from the kept monthly
    totals, part-months read from the records and added to it, and part-months read and taken
    from it. A part-month at an edge is read as it is, or, when the rest of its month is
    shorter, its whole month is counted and the rest taken away: a year ending today reads the
    days after today (none), not the month so far.
    """
    months = whole_months(start, end)
    if months is None:
        return None, [(start, end)], []
    first, last = months
    added: list[Days] = []
    taken: list[Days] = []
    if start is not None and first is not None and start < first:
        month_start = start.replace(day=1)
        if start - month_start < first - start:
            taken.append((month_start, start - timedelta(days=1)))
            first = month_start
        else:
            added.append((start, first - timedelta(days=1)))
    if end is not None and last is not None:
        after = _first_of_next_month(last)
        if after <= end:
            month_end = _first_of_next_month(end) - timedelta(days=1)
            if month_end - end < end - after:
                taken.append((end + timedelta(days=1), month_end))
                last = after
            else:
                added.append((after, end))
    return (first, last), added, taken


def run_rows(
    session: Session, statement: Select[*Ts], params: dict[str, object] | None = None
) -> Sequence[Row[*Ts]]:
    # Plain rows through the session's connection: ORM result handling costs more than these
    # queries do. Fetched whole, so the driver is called once rather than once per row.
    return session.connection().execute(statement, params or {}).all()


def everyone_in(ids: list[int], every_trainee: bool) -> bool:
    # SQLite binds at most 32,766 parameters, and that many ids are every trainee in practice.
    # Adding up everyone's records is cheaper than having SQLAlchemy expand a list that long.
    return every_trainee or len(ids) >= 30000


def scope(column: SQLColumnExpression[int], everyone: bool) -> ColumnElement[bool]:
    return true() if everyone else column.in_(bindparam("ids", expanding=True))


LOWER = ("first", "start")


def scope_params(ids: list[int], everyone: bool, **bounds: date | None) -> dict[str, object]:
    """Bound values for the statements below; an open end is the calendar's own."""
    params: dict[str, object] = {} if everyone else {"ids": ids}
    for name, day in bounds.items():
        params[name] = day if day is not None else (date.min if name in LOWER else date.max)
    return params


# The statements are built once per shape: composing one costs about as much as SQLite
# takes to answer it.
@cache
def _month_totals(everyone: bool) -> Totals:
    return (
        select(
            AttendanceMonth.trainee_id,
            func.sum(AttendanceMonth.sessions),
            func.sum(AttendanceMonth.hours),
            *(func.sum(getattr(AttendanceMonth, s)) for s in COUNTED),
        )
        .where(
            scope(AttendanceMonth.trainee_id, everyone),
            AttendanceMonth.month.between(bindparam("first"), bindparam("last")),
        )
        .group_by(AttendanceMonth.trainee_id)
    )


@cache
def _part_month_totals(everyone: bool) -> Totals:
    if everyone:
        # Everyone's days: the sessions held in them, down the sessions' date index, then
        # their records, rather than one index range per trainee. This reads the
        # session's date, as the monthly totals do; a few trainees' days read the records'
        # copy of it. The two differ only where another program changed a copy by hand,
        # which ``mentordesk check`` reports and its ``--repair`` puts right.
        held = select(WorkshopSession.id).where(
            WorkshopSession.deleted.is_(False),
            WorkshopSession.held_on.between(bindparam("start"), bindparam("end")),
        )
        where = [Attendance.session_id.in_(held)]
    else:
        # Attendance carries its session's date: a trainee's part-month is one index range.
        # Deleted sessions are few; leaving them out by id keeps the index covering.
        gone = select(WorkshopSession.id).where(WorkshopSession.deleted.is_(True))
        where = [
            Attendance.trainee_id.in_(bindparam("ids", expanding=True)),
            Attendance.session_id.not_in(gone),
            Attendance.held_on.between(bindparam("start"), bindparam("end")),
        ]
    return (
        select(
            Attendance.trainee_id,
            func.count(),
            func.coalesce(func.sum(Attendance.hours), 0),
            *(func.sum(case((Attendance.status == s, 1), else_=0)) for s in COUNTED),
        )
        .where(Attendance.deleted.is_(False), *where)
        .group_by(Attendance.trainee_id)
    )


@cache
def _any_session() -> Select[int]:
    return (
        select(WorkshopSession.id)
        .where(WorkshopSession.held_on.between(bindparam("start"), bindparam("end")))
        .limit(1)
    )


def _held_any(session: Session, start: date | None, end: date | None) -> bool:
    """Whether any session was held in the days: a record carries its session's date (kept by
    the database's triggers), so days without one hold none. One step down the sessions' date
    index, rather than a step per trainee to find nothing. Like the reads of a few trainees'
    part-months, it trusts that copy of the date: a record whose copy another program changed
    by hand is found by ``mentordesk check`` and put right by its ``--repair``.
    """
    params = scope_params([], True, start=start, end=end)
    return bool(run_rows(session, _any_session(), params))


@dataclass
class Attended:
    """One trainee's attendance totals while months are added and parts taken away."""

    by_status: list[int]  # COUNTED order
    sessions: int = 0
    hours: float = 0.0


def attendance_totals(
    session: Session, ids: list[int], everyone: bool, start: date | None, end: date | None
) -> dict[int, Attended]:
    """Per trainee: sessions, hours and the count of each status (COUNTED order)."""
    totals: dict[int, Attended] = {}

    def add(rows: Iterable[Row[*tuple[Any, ...]]], sign: int = 1) -> None:
        for tid, n, hours, *by_status in rows:
            row = totals.get(tid)
            if row is None:
                row = totals[tid] = Attended([0] * len(by_status))
            row.sessions += sign * n
            row.hours += sign * (hours or 0.0)
            for i, count in enumerate(by_status):
                row.by_status[i] += sign * (count or 0)

    months, added, taken = _plan(start, end)
    if months is not None:
        first, last = months
        add(
            run_rows(
                session,
                _month_totals(everyone),
                scope_params(ids, everyone, first=first, last=last),
            )
        )
    for sign, ranges in ((1, added), (-1, taken)):
        for part_start, part_end in ranges:
            if not _held_any(session, part_start, part_end):
                continue
            add(
                run_rows(
                    session,
                    _part_month_totals(everyone),
                    scope_params(ids, everyone, start=part_start, end=part_end),
                ),
                sign,
            )
    return totals
