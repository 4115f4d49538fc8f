"""Per-trainee figures over a period, exactly as interchange.md defines the Summary sheet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVarTuple

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

from .models import (
    ASSESSOR_ROLES,
    Assessment,
    Attendance,
    AttendanceMonth,
    Note,
    SkillRating,
    SkillRatingLatest,
    WorkshopSession,
)

COUNTED = ("present", "late", "left_early", "absent", "excused")

if TYPE_CHECKING:
    # A statement whose columns are listed at run time (one per counted status): SQLAlchemy
    # types its rows no more closely than this.
    Totals = Select[*tuple[Any, ...]]

Ts = TypeVarTuple("Ts")


class PeriodFigures(NamedTuple):
    """A named tuple, not a frozen dataclass: a whole-plant Summary makes one per trainee. The
    fields are in the Summary sheet's column order (the rate, worked out, aside): the export
    reads them by position."""

    sessions: int = 0
    present: int = 0
    late: int = 0
    left_early: int = 0
    absent: int = 0
    excused: int = 0
    hours: float = 0.0
    skills_rated: int = 0
    mean_level: float | None = None
    notes: int = 0
    result: str = ""
    signed_on: datetime | None = None
    signed_by: str = ""

    @property
    def attendance_rate(self) -> float | None:
        """(Present + Late + Left Early) / (Sessions − Excused); None when the divisor is 0."""
        divisor = self.sessions - self.excused
        if divisor <= 0:
            return None
        return (self.present + self.late + self.left_early) / divisor


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


def _run(
    session: Session, statement: Select[*Ts], params: dict[str, object] | None = None
) -> Sequence[Row[*Ts]]:
    # Plain rows through the session's connection: ORM result handling costs more than these
    # queries do. Fetched whole, so the driver is called once rather than once per row.
    return session.connection().execute(statement, params or {}).all()


def _everyone(ids: list[int], every_trainee: bool) -> bool:
    # SQLite binds at most 32,766 parameters, and that many ids are every trainee in practice.
    # Adding up everyone's records is cheaper than having SQLAlchemy expand a list that long.
    return every_trainee or len(ids) >= 30000


def _scope(column: SQLColumnExpression[int], everyone: bool) -> ColumnElement[bool]:
    return true() if everyone else column.in_(bindparam("ids", expanding=True))


LOWER = ("first", "start")


def _scope_params(ids: list[int], everyone: bool, **bounds: date | None) -> dict[str, object]:
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
            _scope(AttendanceMonth.trainee_id, everyone),
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
    params = _scope_params([], True, start=start, end=end)
    return bool(_run(session, _any_session(), params))


@dataclass
class _Attended:
    """One trainee's attendance totals while months are added and parts taken away."""

    by_status: list[int]  # COUNTED order
    sessions: int = 0
    hours: float = 0.0


def _attendance(
    session: Session, ids: list[int], everyone: bool, start: date | None, end: date | None
) -> dict[int, _Attended]:
    """Per trainee: sessions, hours and the count of each status (COUNTED order)."""
    totals: dict[int, _Attended] = {}

    def add(rows: Iterable[Row[*tuple[Any, ...]]], sign: int = 1) -> None:
        for tid, n, hours, *by_status in rows:
            row = totals.get(tid)
            if row is None:
                row = totals[tid] = _Attended([0] * len(by_status))
            row.sessions += sign * n
            row.hours += sign * (hours or 0.0)
            for i, count in enumerate(by_status):
                row.by_status[i] += sign * (count or 0)

    months, added, taken = _plan(start, end)
    if months is not None:
        first, last = months
        add(
            _run(
                session,
                _month_totals(everyone),
                _scope_params(ids, everyone, first=first, last=last),
            )
        )
    for sign, ranges in ((1, added), (-1, taken)):
        for part_start, part_end in ranges:
            if not _held_any(session, part_start, part_end):
                continue
            add(
                _run(
                    session,
                    _part_month_totals(everyone),
                    _scope_params(ids, everyone, start=part_start, end=part_end),
                ),
                sign,
            )
    return totals


@cache
def _latest_level_totals(everyone: bool) -> Select[int, int, int]:
    # Each pair's latest rating of all is kept by the database (migration 0005). When it lies
    # in the period it is the period's latest; only a pair rated again after the period's end
    # is looked up, one step down (trainee, skill, deleted, date) -- for a period ending
    # today, none is.
    kept = SkillRatingLatest
    walked = (
        select(SkillRating.level)
        .where(
            SkillRating.trainee_id == kept.trainee_id,
            SkillRating.skill_id == kept.skill_id,
            SkillRating.deleted.is_(False),
            SkillRating.rated_on.between(bindparam("start"), bindparam("end")),
            SkillRating.rater_role.in_(ASSESSOR_ROLES),  # as the kept table counts (0011)
        )
        .order_by(SkillRating.rated_on.desc(), SkillRating.id.desc())
        .limit(1)
        .correlate(kept)
        .scalar_subquery()
    )
    level = case((kept.rated_on > bindparam("end"), walked), else_=kept.level)
    pairs = (
        select(kept.trainee_id.label("trainee_id"), level.label("level"))
        # A pair last rated before the start has no rating in the period. Left out here,
        # before its CASE is worked out, so the CASE runs only for pairs that can count.
        .where(_scope(kept.trainee_id, everyone), kept.rated_on >= bindparam("start"))
        .subquery()
    )
    return (
        select(pairs.c.trainee_id, func.count(pairs.c.level), func.sum(pairs.c.level))
        .group_by(pairs.c.trainee_id)
        .having(func.count(pairs.c.level) > 0)
    )


def _latest_levels(
    session: Session, ids: list[int], everyone: bool, start: date | None, end: date | None
) -> dict[int, tuple[int, int]]:
    """Per trainee: how many skills were rated in the period, and the sum of each one's latest
    level in it (greatest date, then id)."""
    return {
        tid: (n, total)
        for tid, n, total in _run(
            session,
            _latest_level_totals(everyone),
            _scope_params(ids, everyone, start=start, end=end),
        )
    }


@cache
def _note_counts(everyone: bool, since: bool, until: bool) -> Select[int, int]:
    where = [_scope(Note.trainee_id, everyone), Note.deleted.is_(False)]
    if since:
        where.append(Note.written_at >= bindparam("since"))
    if until:
        where.append(Note.written_at < bindparam("until"))
    return select(Note.trainee_id, func.count()).where(*where).group_by(Note.trainee_id)


@cache
def _signed(everyone: bool, since: bool, until: bool) -> Select[int, str, datetime | None, str]:
    """Signed assessments whose period overlaps the export period, oldest signature first:
    the last one of a trainee is the Summary's."""
    where = [
        _scope(Assessment.trainee_id, everyone),
        Assessment.state.in_(("signed", "superseded")),
        Assessment.deleted.is_(False),
    ]
    if since:
        where.append(Assessment.period_end >= bindparam("start"))
    if until:
        where.append(Assessment.period_start <= bindparam("end"))
    return (
        select(
            Assessment.trainee_id,
            Assessment.result,
            Assessment.signed_at,
            Assessment.signed_by,
        )
        .where(*where)
        .order_by(Assessment.signed_at)
    )


def period_figures(
    session: Session,
    trainee_ids: Iterable[int],
    start: date | None = None,
    end: date | None = None,
    *,
    every_trainee: bool = False,
) -> dict[int, PeriodFigures]:
    """Figures for each trainee id (database ids); a trainee with no records gets zeros.

    ``every_trainee`` tells that the ids are all (or nearly all) trainees, as for a Summary of
    every cohort: the database then adds up everyone's records instead of being sent the ids.
    Figures still come for exactly the ids given.
    """
    ids = list(trainee_ids)
    if not ids:
        return {}
    everyone = _everyone(ids, every_trainee)

    attendance = _attendance(session, ids, everyone, start, end)
    levels = _latest_levels(session, ids, everyone, start, end)

    params = _scope_params(ids, everyone)
    if start is not None:
        params["since"] = datetime.combine(start, time.min, UTC)
        params["start"] = start
    if end is not None:
        params["until"] = datetime.combine(end + timedelta(days=1), time.min, UTC)
        params["end"] = end
    shape = (everyone, start is not None, end is not None)
    notes = dict(_run(session, _note_counts(*shape), params))
    best: dict[int, tuple[str, datetime | None, str]] = {}
    for tid, result, signed_at, signed_by in _run(session, _signed(*shape), params):
        if signed_at is not None:
            best[tid] = (result, signed_at, signed_by)

    no_attendance = _Attended([0] * len(COUNTED))
    no_level: tuple[int, int | None] = (0, None)
    unsigned: tuple[str, datetime | None, str] = ("", None, "")
    figures: dict[int, PeriodFigures] = {}
    for tid in ids:
        attended = attendance.get(tid, no_attendance)
        present, late, left_early, absent, excused = attended.by_status
        rated, total = levels.get(tid, no_level)
        result, signed_on, signed_by = best.get(tid, unsigned)
        figures[tid] = PeriodFigures(
            attended.sessions,
            present,
            late,
            left_early,
            absent,
            excused,
            # Months are added (and parts taken) in another order than the records: drop the
            # float dust, and the sign of a zero left by taking away.
            round(attended.hours, 6) + 0.0,
            rated,
            None if total is None else total / rated,
            notes.get(tid, 0),
            result,
            signed_on,
            signed_by,
        )
    return figures
