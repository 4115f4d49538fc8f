"""What an assessment freezes from the records of its period: the figures its sheet shows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .expected import Expectation, expectations, planned_hours
from .models import (
    ASSESSOR_ROLES,
    NOTE_CATEGORIES,
    Note,
    Rubric,
    RubricLevel,
    Skill,
    SkillRating,
    Staff,
    Trainee,
)
from .rater_roles import Composite
from .readiness_snapshot import frozen_readiness
from .summary import period_figures
from .time_and_hours import local_date
from .trainee_record import skill_sources


def _day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time.min, UTC),
        datetime.combine(end + timedelta(days=1), time.min, UTC),
    )


def _latest_levels(
    s: Session, trainee_id: int, start: date | None, end: date
) -> dict[int, SkillRating]:
    """Each skill's latest assessor rating in [start, end] (any time before ``end`` when start is
    None): the sheet's levels are the mentor's and supervisor's, never a self or peer view."""
    query = select(SkillRating).where(
        SkillRating.trainee_id == trainee_id,
        SkillRating.deleted.is_(False),
        SkillRating.rated_on <= end,
        SkillRating.rater_role.in_(ASSESSOR_ROLES),
    )
    if start is not None:
        query = query.where(SkillRating.rated_on >= start)
    latest: dict[int, SkillRating] = {}
    for r in s.scalars(query.order_by(SkillRating.rated_on, SkillRating.id)):
        latest[r.skill_id] = r
    return latest


def _frozen_composite(grade: Composite | None) -> dict[str, Any] | None:
    """The composite with its parts, as JSON: a sheet prints the parts, never the value alone."""
    if grade is None:
        return None
    return {
        "value": grade.value,
        "parts": [{"role": p.role, "weight": p.weight, "level": p.level} for p in grade.parts],
    }


def _against_plan(
    s: Session, trainee: Trainee, start: date, end: date
) -> dict[str, int | float | str | None]:
    """The sessions the trainee was expected at and those left unmarked, and the hours the
    plan set for the period so far (up to today): the rate is read against them."""
    today = date.today()
    found = expectations(s, start, end, today, [trainee.id]).get(trainee.id, Expectation())
    upto = min(end, today)
    planned = None
    if trainee.cohort_id is not None and upto >= start:
        planned = planned_hours(s, trainee.cohort_id, start, upto)
    return {
        "expected": found.expected,
        "unrecorded": found.unrecorded,
        "planned_hours": planned,
        "planned_to": upto.isoformat(),
    }


# JSON frozen into the assessment: nested objects of mixed value types.
def compute_summary(s: Session, trainee: Trainee, start: date, end: date) -> dict[str, Any]:
    """The figures an assessment sheet shows, as JSON, frozen into the assessment."""
    fig = period_figures(s, [trainee.id], start, end)[trainee.id]
    rate = fig.attendance_rate
    attendance = {
        "sessions": fig.sessions,
        "present": fig.present,
        "late": fig.late,
        "left_early": fig.left_early,
        "absent": fig.absent,
        "excused": fig.excused,
        "hours": round(fig.hours, 2),
        "rate": round(rate, 4) if rate is not None else None,
        **_against_plan(s, trainee, start, end),
    }
    now = _latest_levels(s, trainee.id, start, end)
    before = _latest_levels(s, trainee.id, None, start - timedelta(days=1))
    skills_by_id = {
        sk.id: sk
        for sk in s.scalars(
            select(Skill)
            .where(Skill.id.in_(list(now)))
            .options(
                selectinload(Skill.rubric).selectinload(Rubric.levels),
                selectinload(Skill.module_record),
            )
        )
    }
    # The sources side by side, as the trainee's record shows them over the same period.
    sources = skill_sources(s, trainee.id, start, end)
    skills = []
    max_level = 0
    rubric_name = rubric_zh = ""
    for skill_id, rating in now.items():
        sk = skills_by_id[skill_id]
        labels = {lv.level: lv.label for lv in sk.rubric.levels}
        labels_zh = {lv.level: lv.label_zh for lv in sk.rubric.levels}
        max_level = max(max_level, max(labels, default=0))
        if not rubric_name:
            rubric_name, rubric_zh = sk.rubric.name, sk.rubric.name_zh
        previous = before[skill_id].level if skill_id in before else None
        skills.append(
            {
                "code": sk.code,
                "name": sk.name,
                "name_zh": sk.name_zh,
                "module": sk.module,
                "module_zh": sk.module_record.name_zh if sk.module_record else "",
                "position": sk.position,
                "level": rating.level,
                "label": labels.get(rating.level, ""),
                "label_zh": labels_zh.get(rating.level, ""),
                "rated_on": rating.rated_on.isoformat(),
                "previous": previous,
                "change": rating.level - previous if previous is not None else None,
                "sources": sources.get(skill_id, ({}, None))[0],
                "composite": _frozen_composite(sources.get(skill_id, ({}, None))[1]),
            }
        )
    skills.sort(key=lambda k: (k["position"], k["code"]))
    if not max_level:
        # No ratings: the scale of the rubrics in use, for an honest empty chart.
        max_level = s.scalar(select(func.max(RubricLevel.level))) or 5
    low, high = _day_bounds(start, end)
    notes: dict[str, list[dict[str, str]]] = {}
    rows = s.execute(
        select(Note.category, Note.text, Note.written_at, Staff.name)
        .outerjoin(Staff, Staff.id == Note.author_id)
        .where(
            Note.trainee_id == trainee.id,
            Note.deleted.is_(False),
            Note.written_at >= low,
            Note.written_at < high,
        )
        .order_by(Note.written_at, Note.id)
    )
    for category, text, written_at, author in rows:
        notes.setdefault(category or "other", []).append(
            {"date": local_date(written_at).isoformat(), "text": text, "author": author or ""}
        )
    ordered = {c: notes[c] for c in NOTE_CATEGORIES if c in notes}
    ordered.update({c: v for c, v in notes.items() if c not in ordered})
    return {
        "attendance": attendance,
        "rubric": rubric_name,
        "rubric_zh": rubric_zh,
        "max_level": max_level,
        "skills": skills,
        "mean_level": round(fig.mean_level, 2) if fig.mean_level is not None else None,
        "notes": ordered,
        # Each post's targets against the latest levels by the period's end, frozen as well.
        "readiness": frozen_readiness(
            s,
            trainee,
            {k: r.level for k, r in _latest_levels(s, trainee.id, None, end).items()},
        ),
    }
