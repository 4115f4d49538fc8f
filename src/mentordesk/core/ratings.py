"""Skill ratings against a rubric's scale, each with its rater's role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, null, select
from sqlalchemy.orm import Session, aliased

from . import record_values
from .attendance import check_held
from .changes import add, change, find
from .errors import UserError
from .models import RubricLevel, Skill, SkillRating, Staff, Trainee, WorkshopSession
from .rater_roles import rater_role, role_of_staff
from .store import Store
from .text import clean
from .wording import user_text


@dataclass(frozen=True)
class RatingState:
    """One rating's changeable values; ``deleted`` stands for "not there" (undo of a new one)."""

    level: int
    evidence: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class RatingView:
    uid: str
    trainee_uid: str
    skill_uid: str
    level: int
    rated_on: date
    evidence: str
    session_uid: str | None
    # The state before the change that returned this view, for undo (``restore_rating``).
    previous: RatingState | None = None


def _scale(s: Session, skill: Skill) -> tuple[int | None, int | None]:
    low, high = s.execute(
        select(func.min(RubricLevel.level), func.max(RubricLevel.level)).where(
            RubricLevel.rubric_id == skill.rubric_id
        )
    ).one()
    return low, high


def _check_level(skill: Skill, level: object, scale: tuple[int | None, int | None]) -> int:
    return record_values.level(level, scale[0], scale[1], f"{skill.code} {skill.name}")


def _evidence(evidence: str | None) -> str:
    return record_values.text_within(clean(evidence), user_text("Ratings", "Evidence"))


@cache
def _subjects_statement(in_session: bool) -> Select[*tuple[Any, ...]]:
    # The trainee, the skill and its scale, the session, the rating it may already have there
    # and who is rating, in one statement, as a mark reads its subjects: a level typed then costs
    # one query rather than a round trip per subject, and composing them cost as much as running
    # them.
    lowest, highest = (
        select(f(RubricLevel.level))
        .where(RubricLevel.rubric_id == Skill.rubric_id)
        .scalar_subquery()
        for f in (func.min, func.max)
    )
    rater = select(Staff.id).where(Staff.uid == bindparam("staff")).scalar_subquery()
    earlier = aliased(SkillRating)
    same = [
        earlier.trainee_id == Trainee.id,
        earlier.skill_id == Skill.id,
        earlier.deleted.is_(False),
    ]
    # Only a rating of the same role is corrected: a self rating never replaces the mentor's.
    same.append(earlier.rater_role == bindparam("role"))
    if in_session:
        same.append(earlier.session_id == WorkshopSession.id)
    else:
        # Without a session, a rating on the same day is the one to correct.
        same += [earlier.session_id.is_(None), earlier.rated_on == bindparam("on")]
    existing = select(earlier.id).where(*same).order_by(earlier.id.desc()).limit(1)
    statement = (
        select(
            Trainee,
            Skill,
            WorkshopSession if in_session else null(),
            lowest,
            highest,
            rater,
            SkillRating,
        )
        .select_from(Trainee)
        .join(Skill, Skill.uid == bindparam("skill"))
    )
    if in_session:
        statement = statement.join(WorkshopSession, WorkshopSession.uid == bindparam("session"))
    return statement.outerjoin(SkillRating, SkillRating.id == existing.scalar_subquery()).where(
        Trainee.uid == bindparam("trainee")
    )


_Subjects = tuple[
    Trainee, Skill, WorkshopSession | None, int | None, int | None, int | None, SkillRating | None
]


def _subjects(
    store: Store,
    s: Session,
    trainee_uid: str,
    skill_uid: str,
    level: object,
    session_uid: str | None,
    on: date,
    role: str,
) -> _Subjects:
    """The trainee, the skill, the session, the skill's lowest and highest level, the rater's
    staff id and the rating to correct (None: a new one). ``on`` is the day a rating outside a
    session is for."""
    found = s.execute(
        _subjects_statement(session_uid is not None),
        {
            "trainee": trainee_uid,
            "skill": skill_uid,
            "session": session_uid,
            "on": on,
            "staff": store.actor.staff_uid,
            "role": role,
        },
    ).one_or_none()
    if found is None or found[0].deleted or found[1].deleted or (found[2] and found[2].deleted):
        # The refusal names whichever is missing, in the order they are asked for.
        find(s, Trainee, trainee_uid, "trainee")
        skill = find(s, Skill, skill_uid, "skill")
        _check_level(skill, level, _scale(s, skill))
        if session_uid is not None:
            find(s, WorkshopSession, session_uid, "session")
        raise AssertionError("a subject of the rating was missing, then found on a second look")
    return tuple(found)


def _staff_id(s: Session, store: Store) -> int | None:
    uid = store.actor.staff_uid
    return s.scalar(select(Staff.id).where(Staff.uid == uid)) if uid else None


def _view(
    r: SkillRating, t: Trainee, sk: Skill, session_uid: str | None, before: RatingState | None
) -> RatingView:
    return RatingView(r.uid, t.uid, sk.uid, r.level, r.rated_on, r.evidence, session_uid, before)


def rate(
    store: Store,
    trainee_uid: str,
    skill_uid: str,
    level: int,
    *,
    rated_on: date | None = None,
    evidence: str | None = "",
    session_uid: str | None = None,
    role: str | None = None,
) -> RatingView:
    """Rate a skill, committed at once, as ``role`` (None: the local user's own role). Rating
    again in the same session (or on the same day without one) as the same role corrects that
    rating instead of adding another to the history; its evidence is kept when ``evidence``
    is None."""
    asked = rater_role(role) if role is not None else None
    # An empty session id (``mentordesk rate --session ""``) means none, as for a note.
    session_uid = session_uid or None
    # Read once: just after midnight the day looked up and the day written must be the same.
    day = rated_on or date.today()
    with store.write() as s:
        own = asked or role_of_staff(s, _staff_id(s, store))
        t, sk, ws, low, high, rater, existing = _subjects(
            store, s, trainee_uid, skill_uid, level, session_uid, day, own
        )
        number = _check_level(sk, level, (low, high))
        if ws is not None:
            check_held(ws)
        on = rated_on or (ws.held_on if ws else day)
        if existing is not None:
            before = RatingState(existing.level, existing.evidence)
            kept = existing.evidence if evidence is None else _evidence(evidence)
            change(store, s, existing, {"level": number, "evidence": kept})
            return _view(existing, t, sk, session_uid, before)
        r = add(
            store,
            s,
            SkillRating(
                trainee_id=t.id,
                skill_id=sk.id,
                level=number,
                rated_on=on,
                rater_id=rater,
                evidence=_evidence(evidence),
                session_id=ws.id if ws else None,
                rater_role=own,
            ),
        )
        return _view(r, t, sk, session_uid, RatingState(number, _evidence(evidence), deleted=True))


def _load(s: Session, rating_uid: str) -> tuple[SkillRating, str | None]:
    r = s.scalar(select(SkillRating).where(SkillRating.uid == rating_uid))
    if r is None:
        raise UserError(user_text("Ratings", "No rating with id {uid}").format(uid=rating_uid))
    ws_uid = (
        s.scalar(select(WorkshopSession.uid).where(WorkshopSession.id == r.session_id))
        if r.session_id
        else None
    )
    return r, ws_uid


def clear_rating(store: Store, rating_uid: str) -> RatingView:
    """Remove a rating from the history (kept as deleted so the removal travels)."""
    with store.write() as s:
        r, ws_uid = _load(s, rating_uid)
        if r.deleted:
            raise UserError(user_text("Ratings", "That rating has already been removed"))
        before = RatingState(r.level, r.evidence)
        change(store, s, r, {"deleted": True}, action="delete")
        return _view(r, r.trainee, r.skill, ws_uid, before)


def restore_rating(store: Store, rating_uid: str, state: RatingState) -> RatingView:
    """Put back a state returned earlier (undo or redo); audited like any other change."""
    with store.write() as s:
        r, ws_uid = _load(s, rating_uid)
        before = RatingState(r.level, r.evidence, r.deleted)
        number = _check_level(r.skill, state.level, _scale(s, r.skill))
        change(
            store,
            s,
            r,
            {"level": number, "evidence": state.evidence, "deleted": state.deleted},
            action="delete" if state.deleted else "update",
        )
        return _view(r, r.trainee, r.skill, ws_uid, before)


# The grid lives in its own module; these names stay importable from here.
from .rating_grid import GridCell, GridTrainee, RatingGrid, rating_grid  # noqa: E402

__all__ = [
    "GridCell",
    "GridTrainee",
    "RatingGrid",
    "RatingState",
    "RatingView",
    "clear_rating",
    "rate",
    "rating_grid",
    "restore_rating",
]
