"""Per-trainee figures over a period, exactly as interchange.md defines the Summary sheet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from .models import Assessment, Attendance, Note, SkillRating, WorkshopSession

COUNTED = ("present", "late", "left_early", "absent", "excused")


@dataclass(frozen=True)
class PeriodFigures:
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


def _in_period(column, start: date | None, end: date | None) -> list:
    clauses = []
    if start is not None:
        clauses.append(column >= start)
    if end is not None:
        clauses.append(column <= end)
    return clauses


def period_figures(
    session: Session,
    trainee_ids: Iterable[int],
    start: date | None = None,
    end: date | None = None,
) -> dict[int, PeriodFigures]:
    """Figures for each trainee id (database ids); a trainee with no records gets zeros."""
    ids = list(trainee_ids)
    fields: dict[int, dict] = {tid: {} for tid in ids}
    if not ids:
        return {}
    id_filter = Attendance.trainee_id.in_(ids) if len(ids) < 30000 else True

    counts = [func.sum(case((Attendance.status == s, 1), else_=0)) for s in COUNTED]
    attendance = (
        select(
            Attendance.trainee_id,
            func.count(),
            func.coalesce(func.sum(Attendance.hours), 0),
            *counts,
        )
        .join(WorkshopSession, WorkshopSession.id == Attendance.session_id)
        .where(
            id_filter,
            Attendance.deleted.is_(False),
            WorkshopSession.deleted.is_(False),
            *_in_period(WorkshopSession.held_on, start, end),
        )
        .group_by(Attendance.trainee_id)
    )
    for tid, n, hours, *by_status in session.execute(attendance):
        if tid in fields:
            fields[tid].update(
                sessions=n,
                hours=float(hours),
                **dict(zip(COUNTED, map(int, by_status), strict=True)),
            )

    # Each skill's latest level in the period: the rating with the greatest (date, id).
    ranked = (
        select(
            SkillRating.trainee_id.label("tid"),
            SkillRating.level.label("level"),
            func.row_number()
            .over(
                partition_by=(SkillRating.trainee_id, SkillRating.skill_id),
                order_by=(SkillRating.rated_on.desc(), SkillRating.id.desc()),
            )
            .label("rn"),
        )
        .where(
            SkillRating.trainee_id.in_(ids) if len(ids) < 30000 else True,
            SkillRating.deleted.is_(False),
            *_in_period(SkillRating.rated_on, start, end),
        )
        .subquery()
    )
    latest = (
        select(ranked.c.tid, func.count(), func.avg(ranked.c.level))
        .where(ranked.c.rn == 1)
        .group_by(ranked.c.tid)
    )
    for tid, n, mean in session.execute(latest):
        if tid in fields:
            fields[tid].update(skills_rated=n, mean_level=float(mean) if mean is not None else None)

    note_where = [Note.trainee_id.in_(ids) if len(ids) < 30000 else True, Note.deleted.is_(False)]
    if start is not None:
        note_where.append(Note.written_at >= datetime.combine(start, time.min, UTC))
    if end is not None:
        note_where.append(
            Note.written_at < datetime.combine(end + timedelta(days=1), time.min, UTC)
        )
    for tid, n in session.execute(
        select(Note.trainee_id, func.count()).where(*note_where).group_by(Note.trainee_id)
    ):
        if tid in fields:
            fields[tid]["notes"] = n

    # The latest signed assessment whose period overlaps the export period.
    signed = [
        Assessment.trainee_id.in_(ids) if len(ids) < 30000 else True,
        Assessment.state.in_(("signed", "superseded")),
        Assessment.deleted.is_(False),
    ]
    if start is not None:
        signed.append(Assessment.period_end >= start)
    if end is not None:
        signed.append(Assessment.period_start <= end)
    best: dict[int, tuple] = {}
    for tid, result, signed_at, signed_by in session.execute(
        select(
            Assessment.trainee_id,
            Assessment.result,
            Assessment.signed_at,
            Assessment.signed_by,
        )
        .where(and_(*signed))
        .order_by(Assessment.signed_at)
    ):
        if tid in fields and signed_at is not None:
            best[tid] = (result, signed_at, signed_by)
    for tid, (result, signed_at, signed_by) in best.items():
        fields[tid].update(result=result, signed_on=signed_at, signed_by=signed_by)

    return {tid: PeriodFigures(**values) for tid, values in fields.items()}
