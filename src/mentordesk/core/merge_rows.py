"""How a row of each round-trip sheet becomes record values for the merge (assessments aside).

Every value is checked (``record_values``, the same checks as the window and the command line)
and every reference looked up before the merge writes anything for the row; names of staff,
cohorts and programmes travel as ``StaffName``/``CohortName`` until the row is accepted.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from . import record_values
from .capture_views import session_hours
from .changes import KINDS
from .errors import UserError
from .merge_records import CohortName, Incoming, Rejected, StaffName, to_ms
from .models import (
    Attendance,
    Note,
    Rubric,
    RubricLevel,
    Skill,
    SkillRating,
    Trainee,
    WorkshopSession,
    new_uid,
)
from .rater_roles import rater_role
from .wording import user_text

if TYPE_CHECKING:
    from .merge import Merger

SESSION = KINDS["session"]
SKILL = KINDS["skill"]


def _text(m: Merger, header: str, value: str, limit: int = record_values.MAX_TEXT) -> str:
    what = m.column(header)
    checked: str = m.value(header, record_values.text_within, value, what, limit)
    return checked


def skill(m: Merger, r: Incoming, local: Skill | None, label: str) -> None:
    v = r.values
    rubric = m.s.scalar(select(Rubric).where(Rubric.uid == v["Rubric UID"]))
    if rubric is None:
        rubric = m.s.scalar(
            select(Rubric).where(Rubric.name == v["Rubric"], Rubric.version == v["Rubric Version"])
        )
    values = {
        "code": v["Code"],
        "area": v["Area"],
        "name": v["Skill"],
        "module": v["Module"],
        "descriptors": v["Descriptors"],
    }
    # The Chinese texts only from a sheet that has their columns: an older workbook's row
    # leaves them as they are.
    if v.get("Skill (zh)") is not None:
        values["name_zh"] = v["Skill (zh)"]
    if v.get("Descriptors (zh)") is not None:
        values["descriptors_zh"] = v["Descriptors (zh)"]
    m.check(Skill, values)
    if rubric is None:
        m.check(Rubric, {"name": v["Rubric"]})
        labels = v["Level Labels"] or [f"Level {n}" for n in range(1, v["Levels"] + 1)]
        rubric = Rubric(
            uid=v["Rubric UID"] or new_uid(),
            name=v["Rubric"],
            version=v["Rubric Version"] or 1,
            levels=[RubricLevel(level=n, label=t) for n, t in enumerate(labels, start=1)],
            updated_at=to_ms(r.updated_at),
            origin_device=m.source.device,
        )
        m.s.add(rubric)
        m.s.flush()
        m.store.audit(m.s, rubric, "merge", {"source": m.source.source})
    if local is None:
        local = m.new_skills.get((rubric.id, v["Code"])) or m.s.scalar(
            select(Skill).where(Skill.rubric_id == rubric.id, Skill.code == v["Code"])
        )
    values["rubric_id"] = rubric.id
    if local is None:
        values["position"] = v.get("Position", 0)
    record = m.merge(r, Skill, local, values, label)
    if isinstance(record, Skill):
        m.new_skills[(rubric.id, v["Code"])] = record


def trainee(m: Merger, r: Incoming, local: Trainee | None, label: str) -> None:
    v = r.values
    if not v["Trainee ID"] or not v["Name"]:
        raise Rejected(user_text("Merge", "Trainee ID and Name must not be empty"))
    if local is None:
        # Already known here under its Trainee ID (e.g. from the school's roster).
        known = m.trainees.get(v["Trainee ID"])
        local = m.s.get(Trainee, known) if known is not None else None
    clash = m.trainees.get(v["Trainee ID"])
    if local is not None and clash is not None and clash != local.id:
        raise Rejected(
            user_text("Merge", "Trainee ID {id} belongs to another trainee here").format(
                id=v["Trainee ID"]
            )
        )
    values = {
        "trainee_id": v["Trainee ID"],
        "employee_no": v["Employee No"],
        "name": v["Name"],
        "cohort_id": CohortName(v["Cohort"], v["Programme"]),
        "track": v["Track"],
        "status": v["Status"] or "active",
        "email": v["Email"],
        "enrolled_on": v["Enrolled On"],
        "left_on": v["Left On"],
    }
    record = m.merge(r, Trainee, local, values, label)
    if isinstance(record, Trainee) and local is None:
        m.s.flush()
        m.trainees[record.trainee_id] = record.id


def session(m: Merger, r: Incoming, local: WorkshopSession | None, label: str) -> None:
    v = r.values
    if v["Date"] is None:
        raise Rejected(user_text("Merge", "Date is empty"))
    values = {
        "held_on": v["Date"],
        "start_time": v["Start"],
        "end_time": v["End"],
        "cohort_id": CohortName(v["Cohort"]),
        "location": v["Location"],
        "module": v["Module"],
        "task": v["Task"],
        "mentor_id": StaffName(v["Mentor"]),
    }
    m.merge(r, WorkshopSession, local, values, label)


def _length(m: Merger, session_id: int) -> float:
    """The session's length in hours, read once per merge (the Sessions sheet comes first)."""
    length = m.lengths.get(session_id)
    if length is None:
        start, end = m.s.execute(
            select(WorkshopSession.start_time, WorkshopSession.end_time).where(
                WorkshopSession.id == session_id
            )
        ).one()
        length = m.lengths[session_id] = session_hours(start, end)
    return length


def attendance(m: Merger, r: Incoming, local: Attendance | None, label: str) -> None:
    v = r.values
    session_id = m.by_uid(WorkshopSession, v["Session UID"], SESSION)
    trainee_id = m.trainee(v["Trainee ID"])
    if not v["Status"]:
        raise Rejected(user_text("Merge", "Status is empty"))
    length = _length(m, session_id)
    late = m.value("Minutes Late", record_values.minutes_late, v["Minutes Late"] or 0, length)
    hours = m.value("Hours", record_values.hours_credited, v["Hours"] or 0.0, length)
    if local is None:
        # Recorded here too, under another UID: one record per trainee and session.
        local = m.pairs.get((session_id, trainee_id))
        if local is None and (session_id, trainee_id) in m.bulk_pairs:
            local = m.bulk.inserted(Attendance, m.bulk_pairs[(session_id, trainee_id)])
    values = {
        "session_id": session_id,
        "trainee_id": trainee_id,
        "status": v["Status"],
        "minutes_late": late,
        "hours": hours,
        "note": _text(m, "Note", v["Note"]),
        "recorded_by_id": StaffName(v["Recorded By"]),
    }
    record = m.merge(r, Attendance, local, values, label)
    if isinstance(record, Attendance):
        m.pairs[(session_id, trainee_id)] = record
    elif record is None:
        m.bulk_pairs[(session_id, trainee_id)] = r.uid


def _scale(m: Merger, skill_id: int) -> tuple[int | None, int | None, str]:
    """The skill's rubric's lowest and highest level and the skill's name, once per merge."""
    if skill_id in m.scales:
        return m.scales[skill_id]
    low, high, code, name = m.s.execute(
        select(func.min(RubricLevel.level), func.max(RubricLevel.level), Skill.code, Skill.name)
        .outerjoin(RubricLevel, RubricLevel.rubric_id == Skill.rubric_id)
        .where(Skill.id == skill_id)
        .group_by(Skill.id)
    ).one()
    m.scales[skill_id] = (low, high, f"{code} {name}")
    return m.scales[skill_id]


def rating(m: Merger, r: Incoming, local: SkillRating | None, label: str) -> None:
    v = r.values
    skill_id = m.by_uid(Skill, v["Skill UID"], SKILL, False)
    if skill_id is None:
        skill_id = m.s.scalar(
            select(Skill.id)
            .join(Rubric, Rubric.id == Skill.rubric_id)
            .where(
                Rubric.name == v["Rubric"],
                Rubric.version == v["Rubric Version"],
                Skill.code == v["Skill Code"],
            )
        )
    if skill_id is None:
        raise Rejected(
            user_text("Merge", "no skill {code} of rubric {rubric} here").format(
                code=v["Skill Code"], rubric=v["Rubric"]
            )
        )
    if v["Level"] is None or v["Rated On"] is None:
        raise Rejected(user_text("Merge", "Level and Rated On must not be empty"))
    level = m.value("Level", partial(record_values.level, v["Level"]), *_scale(m, skill_id))
    values = {
        "trainee_id": m.trainee(v["Trainee ID"]),
        "skill_id": skill_id,
        "level": level,
        "rated_on": v["Rated On"],
        "rater_id": StaffName(v["Rater"]),
        "evidence": _text(m, "Evidence", v["Evidence"]),
        "session_id": m.by_uid(WorkshopSession, v["Session UID"], SESSION, False),
        # A workbook from before rater roles has no such column: its ratings are the mentor's.
        "rater_role": _role(v.get("Rater Role")),
    }
    m.merge(r, SkillRating, local, values, label)


def _role(text: object) -> str:
    try:
        return rater_role(text or "mentor")
    except UserError as exc:
        raise Rejected(
            user_text("Merge", "column Rater Role: {problem}").format(problem=str(exc))
        ) from exc


def note(m: Merger, r: Incoming, local: Note | None, label: str) -> None:
    v = r.values
    if v["Written At"] is None:
        raise Rejected(user_text("Merge", "Written At is empty"))
    values = {
        "trainee_id": m.trainee(v["Trainee ID"]),
        "written_at": to_ms(v["Written At"]),
        "category": v["Category"] or "other",
        "text": _text(m, "Text", v["Text"]),
        "author_id": StaffName(v["Author"]),
        "session_id": m.by_uid(WorkshopSession, v["Session UID"], SESSION, False),
    }
    m.merge(r, Note, local, values, label)
