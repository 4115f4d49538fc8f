"""One trainee's record over a period: attendance with its rate, skill histories, notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select

from .changes import find
from .models import Attendance, Skill, SkillRating, Trainee, WorkshopSession
from .notes import NoteView, list_notes
from .store import Store
from .summary import PeriodFigures, period_figures
from .trainees import TraineeView, get_trainee


@dataclass(frozen=True)
class AttendanceEntry:
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


@dataclass(frozen=True)
class RatingPoint:
    rated_on: date
    level: int
    evidence: str


@dataclass(frozen=True)
class SkillHistory:
    skill_uid: str
    code: str
    name: str
    module: str
    points: tuple[RatingPoint, ...]

    @property
    def latest(self) -> int | None:
        return self.points[-1].level if self.points else None


@dataclass(frozen=True)
class TraineeRecord:
    trainee: TraineeView
    start: date | None
    end: date | None
    figures: PeriodFigures
    attendance: tuple[AttendanceEntry, ...]
    skills: tuple[SkillHistory, ...]
    notes: tuple[NoteView, ...]

    @property
    def attendance_rate(self) -> float | None:
        return self.figures.attendance_rate


def _period(column, start: date | None, end: date | None) -> list:
    clauses = []
    if start is not None:
        clauses.append(column >= start)
    if end is not None:
        clauses.append(column <= end)
    return clauses


def trainee_record(
    store: Store, trainee_uid: str, start: date | None = None, end: date | None = None
) -> TraineeRecord:
    """Everything recorded about a trainee between two dates (either may be open)."""
    trainee = get_trainee(store, trainee_uid)
    with store.read() as s:
        tid = find(s, Trainee, trainee_uid, "trainee").id
        figures = period_figures(s, [tid], start, end)[tid]
        attendance = tuple(
            AttendanceEntry(
                ws.uid,
                ws.held_on,
                ws.start_time,
                ws.end_time,
                ws.module,
                ws.task,
                ws.location,
                a.status,
                a.minutes_late,
                a.hours,
                a.note,
            )
            for a, ws in s.execute(
                select(Attendance, WorkshopSession)
                .join(WorkshopSession, WorkshopSession.id == Attendance.session_id)
                .where(
                    Attendance.trainee_id == tid,
                    Attendance.deleted.is_(False),
                    WorkshopSession.deleted.is_(False),
                    *_period(WorkshopSession.held_on, start, end),
                )
                .order_by(WorkshopSession.held_on.desc(), WorkshopSession.start_time.desc())
            )
        )
        histories: dict[int, list[RatingPoint]] = {}
        skills: dict[int, Skill] = {}
        for r, sk in s.execute(
            select(SkillRating, Skill)
            .join(Skill, Skill.id == SkillRating.skill_id)
            .where(
                SkillRating.trainee_id == tid,
                SkillRating.deleted.is_(False),
                *_period(SkillRating.rated_on, start, end),
            )
            .order_by(SkillRating.rated_on, SkillRating.id)
        ):
            skills[sk.id] = sk
            histories.setdefault(sk.id, []).append(RatingPoint(r.rated_on, r.level, r.evidence))
        ordered = sorted(skills.values(), key=lambda sk: (sk.rubric_id, sk.position))
        skill_histories = tuple(
            SkillHistory(sk.uid, sk.code, sk.name, sk.module, tuple(histories[sk.id]))
            for sk in ordered
        )
    notes = tuple(list_notes(store, trainee_uid, start=start, end=end))
    return TraineeRecord(trainee, start, end, figures, attendance, skill_histories, notes)
