"""Per-trainee figures over a period, exactly as interchange.md defines the Summary sheet."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import NamedTuple

from sqlalchemy import Select, bindparam, case, func, select
from sqlalchemy.orm import Session

from .models import ASSESSOR_ROLES, Assessment, Note, SkillRating, SkillRatingLatest
from .period_attendance import (
    COUNTED,
    Attended,
    attendance_totals,
    everyone_in,
    run_rows,
    scope,
    scope_params,
)


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
        .where(scope(kept.trainee_id, everyone), kept.rated_on >= bindparam("start"))
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
        for tid, n, total in run_rows(
            session,
            _latest_level_totals(everyone),
            scope_params(ids, everyone, start=start, end=end),
        )
    }


@cache
def _note_counts(everyone: bool, since: bool, until: bool) -> Select[int, int]:
    where = [scope(Note.trainee_id, everyone), Note.deleted.is_(False)]
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
        scope(Assessment.trainee_id, everyone),
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
    everyone = everyone_in(ids, every_trainee)

    attendance = attendance_totals(session, ids, everyone, start, end)
    levels = _latest_levels(session, ids, everyone, start, end)

    params = scope_params(ids, everyone)
    if start is not None:
        params["since"] = datetime.combine(start, time.min, UTC)
        params["start"] = start
    if end is not None:
        params["until"] = datetime.combine(end + timedelta(days=1), time.min, UTC)
        params["end"] = end
    shape = (everyone, start is not None, end is not None)
    notes = dict(run_rows(session, _note_counts(*shape), params))
    best: dict[int, tuple[str, datetime | None, str]] = {}
    for tid, result, signed_at, signed_by in run_rows(session, _signed(*shape), params):
        if signed_at is not None:
            best[tid] = (result, signed_at, signed_by)

    no_attendance = Attended([0] * len(COUNTED))
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
