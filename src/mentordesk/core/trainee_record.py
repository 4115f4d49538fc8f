"""One trainee's record over a period: attendance with its rate, skill histories, notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import NamedTuple

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from .expected import (
    Expectation,
    UnrecordedSession,
    expectations,
    pace,
    planned_hours,
    unrecorded_sessions,
)
from .models import (
    ASSESSOR_ROLES,
    RATER_ROLES,
    Attendance,
    Skill,
    SkillRating,
    WorkshopSession,
)
from .notes import NoteView, trainee_notes
from .rater_roles import Composite, composite, parse_weights, trainee_weights
from .store import Store
from .summary import PeriodFigures, period_figures
from .trainees import TraineeView, find_placed_trainee


# Named tuples, not frozen dataclasses, for the many rows: five years of one trainee are about
# 1,000 attendance entries and 500 ratings, and frozen dataclasses set each field through
# ``object.__setattr__``.
class AttendanceEntry(NamedTuple):
    session_uid: str
    held_on: date
    start_time: time | None
    end_time: time | None
    module: str
    task: str
    location: str
    status: str
    minutes_late: int
    hours: float
    note: str


class RatingPoint(NamedTuple):
    rated_on: date
    level: int
    evidence: str
    role: str = "mentor"


def latest_by_role(points: Iterable[RatingPoint]) -> dict[str, int]:
    """Each role's latest level among ``points`` (oldest first), in the order of RATER_ROLES."""
    latest = {p.role: p.level for p in points}
    return {role: latest[role] for role in RATER_ROLES if role in latest}


@dataclass(frozen=True)
class SkillHistory:
    skill_uid: str
    code: str
    name: str
    module: str
    # The assessors' (mentor, supervisor) ratings: the history the Summary and charts show.
    points: tuple[RatingPoint, ...]
    # The composite weights per role of the trainee's programme (empty: no composite).
    weights: tuple[tuple[str, int], ...] = ()
    # The other sources' ratings (teacher, self, peer), shown beside the history, never in it.
    others: tuple[RatingPoint, ...] = ()

    @property
    def latest(self) -> int | None:
        return self.points[-1].level if self.points else None

    @property
    def sources(self) -> dict[str, int]:
        """Each role's latest level, side by side, in the order of RATER_ROLES."""
        return latest_by_role((*self.points, *self.others))

    @property
    def composite(self) -> Composite | None:
        """The weighted grade with its parts; None when the programme weighs no roles."""
        return composite(self.sources, dict(self.weights))


@dataclass(frozen=True)
class TraineeRecord:
    trainee: TraineeView
    start: date | None
    end: date | None
    figures: PeriodFigures
    attendance: tuple[AttendanceEntry, ...]
    skills: tuple[SkillHistory, ...]
    notes: tuple[NoteView, ...]
    # Expected sessions up to today, the forgotten ones among them, and the plan's hours so far.
    expectation: Expectation
    unrecorded: tuple[UnrecordedSession, ...]
    planned_hours: float | None

    @property
    def attendance_rate(self) -> float | None:
        return self.figures.attendance_rate

    @property
    def pace(self) -> str:
        """Hours done against the hours planned so far, in words."""
        return pace(self.figures.hours, self.planned_hours)


# Built once: a record is opened from every row of the shop-floor screens, and composing these
# statements cost as much as running them. An open end of a period is the calendar's own.
_ATTENDANCE = (
    select(
        WorkshopSession.uid,
        WorkshopSession.held_on,
        WorkshopSession.start_time,
        WorkshopSession.end_time,
        WorkshopSession.module,
        WorkshopSession.task,
        WorkshopSession.location,
        Attendance.status,
        Attendance.minutes_late,
        Attendance.hours,
        Attendance.note,
    )
    .join(WorkshopSession, WorkshopSession.id == Attendance.session_id)
    .where(
        Attendance.trainee_id == bindparam("tid"),
        Attendance.deleted.is_(False),
        WorkshopSession.deleted.is_(False),
        Attendance.held_on.between(bindparam("start"), bindparam("end")),
    )
    .order_by(WorkshopSession.held_on.desc(), WorkshopSession.start_time.desc())
)
_RATINGS = (
    select(
        SkillRating.skill_id,
        SkillRating.rated_on,
        SkillRating.level,
        SkillRating.evidence,
        SkillRating.rater_role,
    )
    .where(
        SkillRating.trainee_id == bindparam("tid"),
        SkillRating.deleted.is_(False),
        SkillRating.rated_on.between(bindparam("start"), bindparam("end")),
    )
    .order_by(SkillRating.rated_on, SkillRating.id)
)


# Built once: a record is opened again and again as the mentor walks the roster.
_SKILLS = (
    select(Skill.id, Skill.uid, Skill.code, Skill.name, Skill.module)
    .where(Skill.id.in_(bindparam("ids", expanding=True)))
    .order_by(Skill.rubric_id, Skill.position)
)


def _rating_points(
    s: Session, tid: int, start: date | None, end: date | None
) -> tuple[dict[int, list[RatingPoint]], dict[int, list[RatingPoint]]]:
    """Per skill id, the assessors' ratings (every rated skill has an entry) and the others'."""
    period = {"tid": tid, "start": start or date.min, "end": end or date.max}
    histories: dict[int, list[RatingPoint]] = {}
    others: dict[int, list[RatingPoint]] = {}
    for skill_id, *point in s.connection().execute(_RATINGS, period).all():
        p = RatingPoint._make(point)
        histories.setdefault(skill_id, [])
        if p.role in ASSESSOR_ROLES:
            histories[skill_id].append(p)
        else:
            others.setdefault(skill_id, []).append(p)
    return histories, others


def skill_sources(
    s: Session, tid: int, start: date | None, end: date | None
) -> dict[int, tuple[dict[str, int], Composite | None]]:
    """Per skill id, each role's latest level side by side and the programme's composite over
    them (None without weights): what the record shows, for a sheet to freeze."""
    histories, others = _rating_points(s, tid, start, end)
    weights = trainee_weights(s, tid)
    found: dict[int, tuple[dict[str, int], Composite | None]] = {}
    for skill_id, points in histories.items():
        levels = latest_by_role((*points, *others.get(skill_id, ())))
        found[skill_id] = (levels, composite(levels, weights))
    return found


def trainee_record(
    store: Store, trainee_uid: str, start: date | None = None, end: date | None = None
) -> TraineeRecord:
    """Everything recorded about a trainee between two dates (either may be open)."""
    with store.read() as s:
        tid, cohort_id, stored_weights, trainee = find_placed_trainee(s, trainee_uid)
        figures = period_figures(s, [tid], start, end)[tid]
        # Plain rows through the connection, not ORM ones: five years are about 1,000
        # attendance records and 500 ratings per trainee.
        rows = s.connection()
        period = {"tid": tid, "start": start or date.min, "end": end or date.max}
        attendance = tuple(map(AttendanceEntry._make, rows.execute(_ATTENDANCE, period).all()))
        histories, others = _rating_points(s, tid, start, end)
        # Stored only after parse_weights accepted it.
        weights = tuple(parse_weights(stored_weights).items())
        skill_histories = tuple(
            SkillHistory(
                uid,
                code,
                name,
                module,
                tuple(histories[skill_id]),
                weights,
                tuple(others.get(skill_id, ())),
            )
            for skill_id, uid, code, name, module in rows.execute(_SKILLS, {"ids": list(histories)})
        )
        notes = tuple(trainee_notes(s, tid, trainee_uid, start, end))
        today = date.today()
        first, upto = start or date(1900, 1, 1), min(end or today, today)
        expectation = expectations(s, first, upto, today, [tid]).get(tid, Expectation())
        unrecorded = (
            tuple(unrecorded_sessions(s, tid, first, upto)) if expectation.unrecorded else ()
        )
        planned = planned_hours(s, cohort_id, first, upto) if cohort_id is not None else None
    return TraineeRecord(
        trainee, start, end, figures, attendance, skill_histories, notes,
        expectation, unrecorded, planned,
    )  # fmt: skip
