"""The grid of trainees × skills a rater fills in, for one rater role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute

from .changes import find
from .errors import UserError
from .models import Cohort, Skill, SkillRating, Staff, Trainee, WorkshopSession
from .rater_roles import rater_role, role_of_staff
from .rubric_choice import rubric_for_cohort
from .rubrics import LevelView, SkillView
from .store import Store
from .wording import user_text
from .workshop_sessions import expected_where


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
    role: str = "mentor"

    def cell(self, trainee_uid: str, skill_uid: str) -> GridCell:
        return self.cells.get((trainee_uid, skill_uid), GridCell(None, None, "", None, None))

    def label(self, level: int | None) -> str:
        return next((lv.label for lv in self.levels if lv.level == level), "")


def _grid_skills(
    store: Store, module: str, cohort_id: int | None
) -> tuple[tuple[SkillView, ...], tuple[LevelView, ...]]:
    # Each programme's trainees are rated against its own rubric.
    rubric = rubric_for_cohort(store, cohort_id)
    if rubric is None:
        return (), ()
    skills = tuple(sk for sk in rubric.skills if not sk.withdrawn and sk.module == module)
    if not skills:
        # A session on a free task still gets a grid: every skill of the rubric.
        skills = tuple(sk for sk in rubric.skills if not sk.withdrawn)
    return skills, rubric.levels


def _latest_two(
    trainee_ids: list[int], skill_ids: list[int], on: date, ws_id: int | None, role: str
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
            SkillRating.rater_role == role,
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
    role: str | None = None,
    trainee_uid: str | None = None,
) -> RatingGrid:
    """Trainees × the module's skills, as ``role`` rates them (None: the local user's role).

    ``trainee_uid`` narrows the grid to that one trainee of the cohort (self-assessment).

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
        elif trainee_uid:
            trainee = find(s, Trainee, trainee_uid, "trainee")
            cohort_id, on, ws_id = trainee.cohort_id, date.today(), None
        else:
            raise UserError(
                user_text("Ratings", "A rating grid needs a session, or a cohort and a module")
            )
        if role is None:
            uid = store.actor.staff_uid
            staff_id = s.scalar(select(Staff.id).where(Staff.uid == uid)) if uid else None
            role = role_of_staff(s, staff_id)
        else:
            role = rater_role(role)
    skills, levels = _grid_skills(store, module, cohort_id)
    with store.read() as s:
        trainees = s.execute(
            select(Trainee.id, Trainee.uid, Trainee.trainee_id, Trainee.name)
            .where(
                *(
                    [Trainee.uid == trainee_uid, Trainee.deleted.is_(False)]
                    if trainee_uid and not session_uid and not cohort_uid
                    else [Trainee.cohort_id == cohort_id, *expected_where(on)]
                )
            )
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
                    role,
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
        role,
    )
