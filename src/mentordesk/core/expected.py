"""Who was expected where, and which expected marks are missing.

A trainee is *expected* at a session when the session is held (not deleted, not cancelled), the
trainee belongs to its cohort and is enrolled that day (``workshop_sessions.expected_where``:
enrolled by then, not yet left, not withdrawn without a date), and is not on approved leave. An
expected session on or before the day of reckoning without a mark is *unrecorded*: never dropped
from a rate, never counted as present. A school week, a day before enrolment or after leaving is
not expected, so it is not absent either.

For each trainee, the expected sessions that have a mark plus the unrecorded ones make the
expected ones: that is the identity the Summary's columns keep.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import ColumnElement, Exists, and_, bindparam, case, exists, func, select
from sqlalchemy.orm import Session

from .calendar_plan import find_cohort, working_days
from .models import (
    Attendance,
    CalendarBlock,
    Cohort,
    Leave,
    Trainee,
    UnexpectedMark,
    WorkshopSession,
)
from .period_attendance import attendance_totals
from .store import Store
from .wording import Text, user_text
from .workshop_sessions import expected_where

# How far back Today's list of missing marks looks unless told otherwise.
MISSING_DAYS = 28


class Expectation(NamedTuple):
    """A named tuple, not a frozen dataclass: a whole-plant Summary makes one per trainee."""

    expected: int = 0
    unrecorded: int = 0

    @property
    def recorded(self) -> int:
        return self.expected - self.unrecorded


@dataclass(frozen=True)
class MissingMarks:
    session_uid: str
    held_on: date
    cohort: str
    title: str
    expected: int
    unrecorded: int


def _expected_pairs(start: date, upto: date):  # type: ignore[no-untyped-def]
    """(trainee, session) pairs of expected attendance from ``start`` to ``upto``."""
    on_leave = _on_leave()
    mark = and_(
        Attendance.session_id == WorkshopSession.id,
        Attendance.trainee_id == Trainee.id,
        Attendance.deleted.is_(False),
    )
    unrecorded = func.sum(case((Attendance.session_id.is_(None), 1), else_=0))
    return (
        unrecorded,
        lambda query: (
            query.select_from(Trainee)
            .join(WorkshopSession, WorkshopSession.cohort_id == Trainee.cohort_id)
            .outerjoin(Attendance, mark)
            .where(
                WorkshopSession.deleted.is_(False),
                WorkshopSession.cancelled.is_(False),
                WorkshopSession.held_on.between(start, upto),
                *expected_where(WorkshopSession.held_on),
                ~on_leave,
            )
        ),
    )


def expectations(
    s: Session,
    start: date,
    end: date,
    as_of: date,
    trainee_ids: list[int] | None = None,
    marks: Mapping[int, int] | None = None,
) -> dict[int, Expectation]:
    """Expected and unrecorded counts per trainee (database id) over a period, up to ``as_of``.

    A Summary covers every trainee of a plant: pairing each trainee with each session of its
    cohort in the database would look up one attendance row per pair. Instead the held sessions
    (a few thousand) and the trainees' windows are read once and counted here. A few trainees'
    marks at expected sessions are counted from their attendance index; everyone's are their
    marks in the period (the monthly totals) less the marks the database keeps as not expected.
    ``marks``, when given, holds those marks for every trainee, from the start to
    ``min(end, as_of)``, as ``period_figures`` counts its sessions (a Summary has them).
    """
    upto = min(end, as_of)
    if upto < start:
        return {}
    # Plain rows through the connection: ORM result handling costs more than these reads.
    rows = s.connection()
    who = select(
        Trainee.id, Trainee.cohort_id, Trainee.enrolled_on, Trainee.left_on, Trainee.status
    ).where(Trainee.deleted.is_(False), Trainee.cohort_id.is_not(None), _ever_expected())
    if trainee_ids is not None:
        who = who.where(Trainee.id.in_(trainee_ids))
    people = rows.execute(who).all()
    if not people:
        return {}
    sessions = select(WorkshopSession.cohort_id, WorkshopSession.held_on).where(
        WorkshopSession.held_on.between(start, upto),
        WorkshopSession.deleted.is_(False),
        WorkshopSession.cancelled.is_(False),
        WorkshopSession.cohort_id.is_not(None),
    )
    if trainee_ids is not None:
        # A few trainees (a record): only their cohorts' sessions, down (cohort, date).
        sessions = sessions.where(WorkshopSession.cohort_id.in_({p[1] for p in people}))
    held: dict[int, list[date]] = {}
    for of_cohort, day in rows.execute(sessions.order_by(WorkshopSession.held_on)).all():
        assert of_cohort is not None  # the query keeps only sessions with a cohort
        held.setdefault(of_cohort, []).append(day)
    on_leave = select(Leave.trainee_id, Leave.starts_on, Leave.ends_on).where(
        Leave.deleted.is_(False),
        Leave.approved.is_(True),
        Leave.starts_on <= upto,
        Leave.ends_on >= start,
    )
    if trainee_ids is not None:
        on_leave = on_leave.where(Leave.trainee_id.in_(trainee_ids))
    leave: dict[int, list[tuple[date, date]]] = {}
    for tid, first, last in rows.execute(on_leave).all():
        leave.setdefault(tid, []).append((first, last))
    expected: dict[int, int] = {}
    for tid, cohort_id, enrolled_on, left_on, status in people:
        days = held.get(cohort_id) if cohort_id is not None else None
        if not days:
            continue
        lo = max(start, enrolled_on) if enrolled_on else start
        if left_on is not None:
            hi = min(upto, left_on - timedelta(days=1))
        elif status == "active":
            hi = upto
        else:
            continue
        count = bisect_right(days, hi) - bisect_left(days, lo) if hi >= lo else 0
        for first, last in leave.get(tid, ()):
            a, b = max(first, lo), min(last, hi)
            if b >= a:
                count -= bisect_right(days, b) - bisect_left(days, a)
        if count > 0:
            expected[tid] = count
    if not expected:
        return {}
    if trainee_ids is None:
        marked = _marked_everyone(s, start, upto, list(expected), marks)
    else:
        marked = _marked_at_expected(s, start, upto, list(expected), bool(leave))
    return {tid: Expectation(n, n - marked.get(tid, 0)) for tid, n in expected.items()}


def _ever_expected() -> ColumnElement[bool]:
    """A trainee without a leaving date who is not active (graduated, withdrawn without a
    date) is expected nowhere (``expected_where``)."""
    return Trainee.left_on.is_not(None) | (Trainee.status == "active")


def _marked_at_expected(
    s: Session, start: date, upto: date, ids: list[int], any_leave: bool
) -> dict[int, int]:
    """Each trainee's marks at sessions at which it was expected, read from its attendance
    index (trainee, date, session) and the sessions' primary key.

    The trainee's days (enrolled, not yet left) bound the index range itself, so the rows
    outside them are never read; the days are those of the records' copy of their session's
    date, as the Summary's part-months read them (``mentordesk check`` finds a copy changed by
    hand, and its ``--repair`` puts it right).
    """
    first = case((Trainee.enrolled_on > start, Trainee.enrolled_on), else_=start)
    query = (
        select(Trainee.id, func.count())
        .select_from(Trainee)
        .join(
            Attendance,
            and_(
                Attendance.trainee_id == Trainee.id,
                Attendance.held_on >= first,
                Attendance.held_on <= upto,
                Attendance.held_on < func.coalesce(Trainee.left_on, date.max),
            ),
        )
        .join(
            WorkshopSession,
            and_(
                WorkshopSession.id == Attendance.session_id,
                WorkshopSession.cohort_id == Trainee.cohort_id,
            ),
        )
        .where(
            Trainee.deleted.is_(False),
            _ever_expected(),
            Attendance.deleted.is_(False),
            WorkshopSession.deleted.is_(False),
            WorkshopSession.cancelled.is_(False),
        )
        .group_by(Trainee.id)
    )
    if any_leave:
        query = query.where(~_on_leave())
    if len(ids) < SMALL_SCOPE:
        query = query.where(Trainee.id.in_(ids))
    return {tid: n for tid, n in s.connection().execute(query)}


def _marked_everyone(
    s: Session, start: date, upto: date, ids: list[int], marks: Mapping[int, int] | None
) -> dict[int, int]:
    """Every trainee's marks at sessions at which it was expected: its marks in the period
    less those the database keeps as not expected (migration 0014), both by session date."""
    if marks is None:
        totals = attendance_totals(s, ids, True, start, upto)
        marks = {tid: t.sessions for tid, t in totals.items()}
    marked = {tid: marks.get(tid, 0) for tid in ids}
    for tid, n in s.connection().execute(_UNEXPECTED, {"start": start, "upto": upto}):
        if tid in marked:
            marked[tid] -= n
    return marked


_UNEXPECTED = (
    select(UnexpectedMark.trainee_id, func.count())
    .where(UnexpectedMark.held_on.between(bindparam("start"), bindparam("upto")))
    .group_by(UnexpectedMark.trainee_id)
)


# Fewer trainees than this are named in the statement; more are all read and filtered here.
SMALL_SCOPE = 500


def _on_leave() -> Exists:
    return exists().where(
        Leave.trainee_id == Trainee.id,
        Leave.deleted.is_(False),
        Leave.approved.is_(True),
        Leave.starts_on <= WorkshopSession.held_on,
        Leave.ends_on >= WorkshopSession.held_on,
    )


class UnrecordedSession(NamedTuple):
    session_uid: str
    held_on: date
    module: str
    task: str


def unrecorded_sessions(
    s: Session, trainee_id: int, start: date, upto: date
) -> list[UnrecordedSession]:
    """One trainee's expected sessions without a mark, newest first (the record lists them)."""
    _unrecorded, shape = _expected_pairs(start, upto)
    query = shape(
        select(
            WorkshopSession.uid,
            WorkshopSession.held_on,
            WorkshopSession.module,
            WorkshopSession.task,
        )
    ).where(Trainee.id == trainee_id, Attendance.session_id.is_(None))
    query = query.order_by(WorkshopSession.held_on.desc(), WorkshopSession.start_time.desc())
    return [UnrecordedSession._make(row) for row in s.execute(query)]


def missing_marks(
    store: Store,
    *,
    cohort: str = "",
    since: date | None = None,
    as_of: date | None = None,
) -> list[MissingMarks]:
    """Sessions with expected trainees not yet marked, oldest first."""
    today = as_of or date.today()
    start = since or today - timedelta(days=MISSING_DAYS)
    with store.read() as s:
        unrecorded, shape = _expected_pairs(start, today)
        query = shape(
            select(
                WorkshopSession.uid,
                WorkshopSession.held_on,
                WorkshopSession.start_time,
                Cohort.name,
                WorkshopSession.module,
                WorkshopSession.task,
                func.count(),
                unrecorded,
            )
        ).join(Cohort, Cohort.id == WorkshopSession.cohort_id)
        if cohort:
            query = query.where(Cohort.id == find_cohort(s, cohort).id)
        query = (
            query.group_by(WorkshopSession.id, Cohort.name)
            .having(unrecorded > 0)
            .order_by(WorkshopSession.held_on, WorkshopSession.start_time)
        )
        return [
            MissingMarks(uid, day, name, " · ".join(p for p in (module, task) if p), n, int(u))
            for uid, day, _start, name, module, task, n, u in s.execute(query)
        ]


_PLANT_BLOCKS = select(
    CalendarBlock.starts_on, CalendarBlock.ends_on, CalendarBlock.planned_hours
).where(
    CalendarBlock.cohort_id == bindparam("cohort"),
    CalendarBlock.deleted.is_(False),
    CalendarBlock.place == "plant",
    CalendarBlock.starts_on <= bindparam("end"),
    CalendarBlock.ends_on >= bindparam("start"),
)


def planned_hours(s: Session, cohort_id: int, start: date, end: date) -> float:
    """The practice hours the cohort's plan sets for a period.

    A plant block's hours are spread over its working days; a period that takes part of a block
    takes the part of its hours that its working days carry.
    """
    total = 0.0
    period = {"cohort": cohort_id, "start": start, "end": end}
    # Plain rows, by a statement built once: a Summary asks this for every cohort.
    blocks = s.connection().execute(_PLANT_BLOCKS, period).all()
    for starts_on, ends_on, hours in blocks:
        if starts_on >= start and ends_on <= end:
            total += hours
            continue
        days = working_days(s, cohort_id, starts_on, ends_on)
        inside = [d for d in days if start <= d <= end]
        if days:
            total += hours * len(inside) / len(days)
    return round(total, 2)


# Hours done under this share of the hours planned so far read "behind".
ON_TRACK_SHARE = 0.9


def pace(done: float, planned_so_far: float | None) -> Text:
    """``on track``, ``behind`` or ``no plan``: said in words, never only by a colour."""
    if not planned_so_far:
        return user_text("Calendar", "no plan")
    if done >= planned_so_far * ON_TRACK_SHARE:
        return user_text("Calendar", "on track")
    return user_text("Calendar", "behind")
