"""Skill ratings against a rubric's scale, and the grid of a session's trainees × skills."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, bindparam, func, null, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from . import record_values
from .attendance import check_held
from .changes import add, change, find
from .errors import UserError
from .models import Cohort, RubricLevel, Skill, SkillRating, Staff, Trainee, WorkshopSession
from .rubrics import LevelView, SkillView, current_rubric
from .store import Store
from .text import clean
from .wording import user_text
from .workshop_sessions import expected_where


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


@dataclass(frozen=True)
class GridCell:
    rating_uid: str | None
    level: int | None
    evidence: str
    previous_level: int | None
    previous_on: date | None


@dataclass(frozen=True)
class GridTrainee:
    uid: str
    trainee_id: str
    name: str


@dataclass(frozen=True)
class RatingGrid:
    trainees: tuple[GridTrainee, ...]
    skills: tuple[SkillView, ...]
    levels: tuple[LevelView, ...]
    cells: dict[tuple[str, str], GridCell]
    session_uid: str | None
    module: str

    def cell(self, trainee_uid: str, skill_uid: str) -> GridCell:
        return self.cells.get((trainee_uid, skill_uid), GridCell(None, None, "", None, None))

    def label(self, level: int | None) -> str:
        return next((lv.label for lv in self.levels if lv.level == level), "")


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
) -> RatingView:
    """Rate a skill, committed at once. Rating again in the same session (or on the same day
    without one) corrects that rating instead of adding another to the history; its evidence
    is kept when ``evidence`` is None."""
    # An empty session id (``mentordesk rate --session ""``) means none, as for a note.
    session_uid = session_uid or None
    # Read once: just after midnight the day looked up and the day written must be the same.
    day = rated_on or date.today()
    with store.write() as s:
        t, sk, ws, low, high, rater, existing = _subjects(
            store, s, trainee_uid, skill_uid, level, session_uid, day
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


def _grid_skills(store: Store, module: str) -> tuple[tuple[SkillView, ...], tuple[LevelView, ...]]:
    rubric = current_rubric(store)
    if rubric is None:
        return (), ()
    skills = tuple(sk for sk in rubric.skills if not sk.withdrawn and sk.module == module)
    if not skills:
        # A session on a free task still gets a grid: every skill of the rubric.
        skills = tuple(sk for sk in rubric.skills if not sk.withdrawn)
    return skills, rubric.levels


def _latest_two(
    trainee_ids: list[int], skill_ids: list[int], on: date, ws_id: int | None
) -> Select[*tuple[Any, ...]]:
    """Per trainee and skill, newest first: the session's own latest rating and the latest one
    from elsewhere (or, without a session, the two latest) — never the whole history."""
    partition: list[InstrumentedAttribute[int] | ColumnElement[bool]] = [
        SkillRating.trainee_id,
        SkillRating.skill_id,
    ]
    if ws_id is not None:
        partition.append(func.coalesce(SkillRating.session_id, 0) == ws_id)
    ranked = (
        select(
            SkillRating.trainee_id,
            SkillRating.skill_id,
            SkillRating.uid,
            SkillRating.level,
            SkillRating.evidence,
            SkillRating.rated_on,
            SkillRating.session_id,
            SkillRating.id,
            func.row_number()
            .over(
                partition_by=partition,
                order_by=(SkillRating.rated_on.desc(), SkillRating.id.desc()),
            )
            .label("rn"),
        )
        .where(
            SkillRating.trainee_id.in_(trainee_ids),
            SkillRating.skill_id.in_(skill_ids),
            SkillRating.deleted.is_(False),
            SkillRating.rated_on <= on,
        )
        .subquery()
    )
    c = ranked.c
    return (
        select(c.trainee_id, c.skill_id, c.uid, c.level, c.evidence, c.rated_on, c.session_id)
        .where(c.rn == 1 if ws_id is not None else c.rn <= 2)
        .order_by(c.rated_on.desc(), c.id.desc())
    )


def rating_grid(
    store: Store,
    session_uid: str | None = None,
    *,
    cohort_uid: str | None = None,
    module: str = "",
) -> RatingGrid:
    """Trainees × the module's skills.

    For a session: each cell holds the rating given at that session, and the level before it
    (the latest rating from earlier sessions or days). For a cohort and module: the latest
    rating, and the one before it.
    """
    with store.read() as s:
        if session_uid:
            ws = find(s, WorkshopSession, session_uid, "session")
            cohort_id, on, module, ws_id = ws.cohort_id, ws.held_on, ws.module, ws.id
        elif cohort_uid:
            cohort = find(s, Cohort, cohort_uid, "cohort")
            cohort_id, on, ws_id = cohort.id, date.today(), None
        else:
            raise UserError(
                user_text("Ratings", "A rating grid needs a session, or a cohort and a module")
            )
    skills, levels = _grid_skills(store, module)
    with store.read() as s:
        trainees = s.execute(
            select(Trainee.id, Trainee.uid, Trainee.trainee_id, Trainee.name)
            .where(Trainee.cohort_id == cohort_id, *expected_where(on))
            .order_by(Trainee.trainee_id)
        ).all()
        skill_ids = dict(
            s.execute(
                select(Skill.id, Skill.uid).where(Skill.uid.in_([k.uid for k in skills]))
            ).all()
        )
        history: dict[tuple[int, int], list[Row[*tuple[Any, ...]]]] = {}
        if trainees and skill_ids:
            for r in s.execute(
                _latest_two(
                    [t[0] for t in trainees],
                    list(skill_ids),
                    on,
                    ws_id,
                )
            ):
                history.setdefault((r[0], r[1]), []).append(r)
    uid_of = {t[0]: t[1] for t in trainees}
    cells: dict[tuple[str, str], GridCell] = {}
    for (tid, sid), ratings in history.items():
        # Newest first: for a session, its own rating (if any) then the latest before it.
        if ws_id is not None:
            here = [r for r in ratings if r[6] == ws_id]
            earlier = [r for r in ratings if r[6] != ws_id]
            current = here[0] if here else None
            prior = earlier[0] if earlier else None
        else:
            current = ratings[0]
            prior = ratings[1] if len(ratings) > 1 else None
        cells[(uid_of[tid], skill_ids[sid])] = GridCell(
            current[2] if current else None,
            current[3] if current else None,
            current[4] if current else "",
            prior[3] if prior else None,
            prior[5] if prior else None,
        )
    return RatingGrid(
        tuple(GridTrainee(t[1], t[2], t[3]) for t in trainees),
        skills,
        levels,
        cells,
        session_uid,
        module,
    )
