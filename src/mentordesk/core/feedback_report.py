"""What the feedback report tells the school about a cohort over a period.

Skills furthest below target by module, attendance with its expected and unrecorded sessions,
notes counted and digested by category, and the suggestions and reply on record
(core/feedback.py). The PDF (exchange/feedback_report.py) and the window take it from here.

A skill's target is the highest any post of its rubric sets for it (core/readiness.py's
targets); a skill no post names is held to the top of its rubric's scale. Each trainee counts
with their latest rating of the skill in the period.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .calendar_plan import find_cohort
from .capture_views import NOTE_CATEGORIES
from .expected import expectations
from .feedback import FeedbackView, check_feedback_period, feedback_record, feedback_view
from .models import (
    Attendance,
    Cohort,
    Note,
    Post,
    PostSkill,
    RubricLevel,
    RubricModule,
    Skill,
    SkillRating,
    Trainee,
    WorkshopSession,
)
from .readiness import SkillStanding
from .store import Store

# How many skills per module, and how many recent notes per category, the report shows.
SKILLS_PER_MODULE = 3
RECENT_NOTES = 3


@dataclass(frozen=True)
class SkillGap:
    code: str
    name: str
    name_zh: str
    target: int
    mean_level: float
    rated: int  # trainees with a rating of the skill in the period
    below: int  # of those, how many are below target
    mean_gap: float  # levels below target, averaged over the trainees rated


@dataclass(frozen=True)
class ModuleGaps:
    module: str
    module_zh: str
    skills: tuple[SkillGap, ...]


@dataclass(frozen=True)
class AttendanceFigures:
    sessions: int  # the cohort's sessions held in the period
    expected: int
    unrecorded: int
    present: int
    late: int
    left_early: int
    absent: int
    excused: int

    @property
    def marked(self) -> int:
        return self.present + self.late + self.left_early + self.absent + self.excused

    @property
    def rate(self) -> float | None:
        """As the Summary's: (present + late + left early) / (marked − excused)."""
        divisor = self.marked - self.excused
        return (self.present + self.late + self.left_early) / divisor if divisor else None


@dataclass(frozen=True)
class RecentNote:
    written_at: datetime
    trainee: str
    text: str


@dataclass(frozen=True)
class NoteDigest:
    category: str
    count: int
    recent: tuple[RecentNote, ...]


@dataclass(frozen=True)
class FeedbackReport:
    cohort: str
    programme: str
    start: date
    end: date
    made_at: datetime
    trainees: int
    modules: tuple[ModuleGaps, ...]
    attendance: AttendanceFigures
    notes: tuple[NoteDigest, ...]
    feedback: FeedbackView


def _period(
    s: Session, cohort: Cohort, start: date | None, end: date | None, today: date
) -> tuple[date, date]:
    """The period asked for; an open start is the cohort's first day (or first session), an
    open end today."""
    if start is None:
        first = s.scalar(
            select(func.min(WorkshopSession.held_on)).where(
                WorkshopSession.cohort_id == cohort.id, WorkshopSession.deleted.is_(False)
            )
        )
        start = cohort.start_date or first or today
    if end is None:
        end = max(today, start)
    return start, end


def _gaps(s: Session, ids: list[int], start: date, end: date) -> tuple[ModuleGaps, ...]:
    latest: dict[tuple[int, int], int] = {}
    for trainee_id, skill_id, level in s.execute(
        select(SkillRating.trainee_id, SkillRating.skill_id, SkillRating.level)
        .where(
            SkillRating.trainee_id.in_(ids),
            SkillRating.deleted.is_(False),
            SkillRating.rated_on.between(start, end),
        )
        .order_by(SkillRating.rated_on, SkillRating.updated_at, SkillRating.id)
    ):
        latest[(trainee_id, skill_id)] = level
    skill_ids = sorted({sid for _, sid in latest})
    if not skill_ids:
        return ()
    targets = dict(
        s.execute(
            select(PostSkill.skill_id, func.max(PostSkill.target))
            .join(Post, Post.id == PostSkill.post_id)
            .where(PostSkill.skill_id.in_(skill_ids), Post.deleted.is_(False))
            .group_by(PostSkill.skill_id)
        ).all()
    )
    tops = dict(
        s.execute(
            select(Skill.id, func.max(RubricLevel.level))
            .join(RubricLevel, RubricLevel.rubric_id == Skill.rubric_id)
            .where(Skill.id.in_(skill_ids))
            .group_by(Skill.id)
        ).all()
    )
    skills = s.execute(
        select(
            Skill.id,
            Skill.code,
            Skill.name,
            Skill.name_zh,
            Skill.module,
            func.coalesce(RubricModule.name_zh, ""),
        )
        .outerjoin(RubricModule, RubricModule.id == Skill.module_id)
        .where(Skill.id.in_(skill_ids), Skill.deleted.is_(False))
        .order_by(Skill.position, Skill.code)
    ).all()
    levels: dict[int, list[int]] = {}
    for (_, sid), level in latest.items():
        levels.setdefault(sid, []).append(level)
    modules: dict[str, tuple[str, list[SkillGap]]] = {}
    for sid, code, name, name_zh, module, module_zh in skills:
        target = targets.get(sid) or tops.get(sid) or 0
        standings = [SkillStanding(code, name, target, lv) for lv in levels[sid]]
        gaps = [st.gap or 0 for st in standings]
        if not any(gaps):
            continue
        gap = SkillGap(
            code,
            name,
            name_zh,
            target,
            sum(levels[sid]) / len(levels[sid]),
            len(gaps),
            sum(1 for g in gaps if g),
            sum(gaps) / len(gaps),
        )
        modules.setdefault(module, (module_zh, []))[1].append(gap)
    out = []
    for module, (module_zh, found) in modules.items():
        found.sort(key=lambda g: (-g.mean_gap, -g.below, g.code))
        out.append(ModuleGaps(module, module_zh, tuple(found[:SKILLS_PER_MODULE])))
    out.sort(key=lambda m: (-m.skills[0].mean_gap, m.module))
    return tuple(out)


def _attendance(
    s: Session, cohort: Cohort, ids: list[int], start: date, end: date, today: date
) -> AttendanceFigures:
    sessions = s.scalar(
        select(func.count(WorkshopSession.id)).where(
            WorkshopSession.cohort_id == cohort.id,
            WorkshopSession.deleted.is_(False),
            WorkshopSession.cancelled.is_(False),
            WorkshopSession.held_on.between(start, min(end, today)),
        )
    )
    counts: Counter[str] = Counter()
    if ids:
        for status, n in s.execute(
            select(Attendance.status, func.count(Attendance.id))
            .join(WorkshopSession, WorkshopSession.id == Attendance.session_id)
            .where(
                Attendance.trainee_id.in_(ids),
                Attendance.deleted.is_(False),
                WorkshopSession.deleted.is_(False),
                WorkshopSession.held_on.between(start, end),
            )
            .group_by(Attendance.status)
        ):
            counts[status] = n
    expected = expectations(s, start, end, today, ids) if ids else {}
    return AttendanceFigures(
        sessions or 0,
        sum(e.expected for e in expected.values()),
        sum(e.unrecorded for e in expected.values()),
        counts["present"],
        counts["late"],
        counts["left_early"],
        counts["absent"],
        counts["excused"],
    )


def _notes(s: Session, ids: list[int], start: date, end: date) -> tuple[NoteDigest, ...]:
    if not ids:
        return ()
    since = datetime.combine(start, time.min, UTC)
    until = datetime.combine(end + timedelta(days=1), time.min, UTC)
    where = (
        Note.trainee_id.in_(ids),
        Note.deleted.is_(False),
        Note.written_at >= since,
        Note.written_at < until,
    )
    counts: dict[str, int] = {
        category: n
        for category, n in s.execute(
            select(Note.category, func.count(Note.id)).where(*where).group_by(Note.category)
        )
    }
    order = {c: n for n, c in enumerate(NOTE_CATEGORIES)}
    digests = []
    for category in sorted(counts, key=lambda c: (order.get(c, len(order)), c)):
        recent = s.execute(
            select(Note.written_at, Trainee.name, Note.text)
            .join(Trainee, Trainee.id == Note.trainee_id)
            .where(*where, Note.category == category)
            .order_by(Note.written_at.desc(), Note.id.desc())
            .limit(RECENT_NOTES)
        ).all()
        digests.append(
            NoteDigest(category, counts[category], tuple(RecentNote(*r) for r in recent))
        )
    return tuple(digests)


def feedback_report(
    store: Store,
    cohort: str,
    start: date | None = None,
    end: date | None = None,
    *,
    today: date | None = None,
) -> FeedbackReport:
    """Everything the feedback report says of the cohort (by name or uid) over the period."""
    check_feedback_period(start, end)
    made_at = datetime.now(UTC)
    today = today or made_at.date()
    with store.read() as s:
        found = find_cohort(s, cohort)
        record = feedback_record(s, found, start, end)
        first, last = _period(s, found, start, end, today)
        ids = list(
            s.scalars(
                select(Trainee.id).where(
                    Trainee.cohort_id == found.id,
                    Trainee.deleted.is_(False),
                    Trainee.status != "withdrawn",
                )
            )
        )
        return FeedbackReport(
            found.name,
            found.programme.name if found.programme else "",
            first,
            last,
            made_at,
            len(ids),
            _gaps(s, ids, first, last),
            _attendance(s, found, ids, first, last, today),
            _notes(s, ids, first, last),
            feedback_view(found.name, start, end, record),
        )
