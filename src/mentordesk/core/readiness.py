"""Job readiness: how a trainee's latest levels stand against a post's targets.

For a trainee and a post: the skills at or above target, those below (by how much) and those
not yet rated, said in one sentence; for a cohort, the same as a matrix of trainees × the
post's skills. Levels are each trainee's latest rating of each skill, which the database keeps
in ``skill_rating_latest`` (migration 0005): the matrix of a cohort is two statements
whatever its size. Ratings count against the skill rows they were made on: a post of a newer
rubric version is judged on ratings of that version.

The window's trainee record, the assessment sheet's readiness section (exchange/sheet_pdf.py)
and the cohort matrix's print and export take their rows from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from .errors import NotFound
from .models import Cohort, Post, PostSkill, Skill, SkillRatingLatest, Trainee
from .rubric_text import in_language
from .store import Store
from .wording import Text, user_text


@dataclass(frozen=True)
class SkillStanding:
    """One skill of a post for one trainee: its target and the latest level (None: not rated)."""

    code: str
    name: str
    target: int
    level: int | None

    @property
    def gap(self) -> int | None:
        """How many levels below target (0 at or above it); None when not rated."""
        return None if self.level is None else max(0, self.target - self.level)


@dataclass(frozen=True)
class Readiness:
    trainee_uid: str
    trainee: str
    post_uid: str
    post: str
    skills: tuple[SkillStanding, ...]

    @property
    def at_target(self) -> tuple[SkillStanding, ...]:
        return tuple(s for s in self.skills if s.gap == 0)

    @property
    def below(self) -> tuple[SkillStanding, ...]:
        return tuple(s for s in self.skills if s.gap)

    @property
    def unrated(self) -> tuple[SkillStanding, ...]:
        return tuple(s for s in self.skills if s.level is None)

    @property
    def ready(self) -> bool:
        return len(self.at_target) == len(self.skills)

    def sentence(self) -> Text:
        """``ready for Rolling-mill operator: 7 of 9 skills at target; below: R-03 by 1, …``."""
        said = user_text("Readiness", "ready for {post}: {met} of {total} skills at target").format(
            post=self.post, met=len(self.at_target), total=len(self.skills)
        )
        gaps: Text | None = None
        for s in self.below:
            item = user_text("Readiness", "{code} by {gap}").format(code=s.code, gap=s.gap)
            gaps = (
                item
                if gaps is None
                else user_text("Readiness", "{earlier}, {later}").format(earlier=gaps, later=item)
            )
        if gaps is not None:
            said = user_text("Readiness", "{said}; below: {gaps}").format(said=said, gaps=gaps)
        if self.unrated:
            said = user_text("Readiness", "{said}; not yet rated: {codes}").format(
                said=said, codes=", ".join(s.code for s in self.unrated)
            )
        return said


@dataclass(frozen=True)
class MatrixColumn:
    code: str
    name: str
    target: int


class MatrixRow(NamedTuple):
    """One trainee across the post's skills, in the columns' order (a tuple: a large cohort's
    matrix is many rows, made on every read)."""

    trainee_uid: str
    trainee_id: str
    name: str
    levels: tuple[int | None, ...]
    gaps: tuple[int | None, ...]

    @property
    def at_target(self) -> int:
        return sum(1 for g in self.gaps if g == 0)


@dataclass(frozen=True)
class ReadinessMatrix:
    cohort: str
    post_uid: str
    post: str
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]


def _row(uid: str, shown: tuple[str, str], got: list[int | None], aims: list[int]) -> MatrixRow:
    gaps = [None if g is None else max(0, t - g) for t, g in zip(aims, got, strict=True)]
    return MatrixRow(uid, shown[0], shown[1], tuple(got), tuple(gaps))


# Built once: the matrix is asked for often, and building a statement costs as much as
# running these small ones.
_TARGETS = (
    select(
        Post.name, Post.name_zh, Skill.id, Skill.code, Skill.name, Skill.name_zh, PostSkill.target
    )
    .join(PostSkill, PostSkill.post_id == Post.id)
    .join(Skill, Skill.id == PostSkill.skill_id)
    .where(Post.uid == bindparam("post_uid"), Post.deleted.is_(False), Skill.deleted.is_(False))
    .order_by(Skill.position, Skill.code)
)
# Each trainee of the cohort with their latest level of each post skill rated.
_LEVELS = (
    select(
        Trainee.uid,
        Trainee.trainee_id,
        Trainee.name,
        SkillRatingLatest.skill_id,
        SkillRatingLatest.level,
    )
    .join(Cohort, Cohort.id == Trainee.cohort_id)
    .outerjoin(
        SkillRatingLatest,
        (SkillRatingLatest.trainee_id == Trainee.id)
        & SkillRatingLatest.skill_id.in_(bindparam("skills", expanding=True)),
    )
    .where(
        Cohort.name == bindparam("cohort"),
        Cohort.deleted.is_(False),
        Trainee.deleted.is_(False),
        Trainee.status != "withdrawn",
    )
    .order_by(Trainee.name_key, Trainee.name, Trainee.trainee_id)
)


def _post(s: Session, post_uid: str, language: str) -> tuple[str, list[tuple[int, MatrixColumn]]]:
    """The post's name and targets (by skill id), in the order of the rubric's skills: one
    statement, on the session's connection (plain rows, no ORM objects)."""
    result = s.connection().execute(_TARGETS, {"post_uid": post_uid})
    rows = result.cursor.fetchall()
    result.close()
    if not rows:
        raise NotFound(user_text("Readiness", "No post with id {uid}").format(uid=post_uid))
    targets = [
        (skill_id, MatrixColumn(code, in_language(name, name_zh, language), target))
        for _p, _pz, skill_id, code, name, name_zh, target in rows
    ]
    return in_language(rows[0][0], rows[0][1], language), targets


def trainee_readiness(
    store: Store, trainee_uid: str, post_uid: str, language: str = "en"
) -> Readiness:
    """How one trainee stands against one post, texts in ``language``."""
    with store.read() as s:
        trainee = s.execute(
            select(Trainee.id, Trainee.name).where(
                Trainee.uid == trainee_uid, Trainee.deleted.is_(False)
            )
        ).first()
        if trainee is None:
            raise NotFound(
                user_text("Readiness", "No trainee with id {uid}").format(uid=trainee_uid)
            )
        post_name, targets = _post(s, post_uid, language)
        levels: dict[int, int] = {
            skill_id: level
            for skill_id, level in s.execute(
                select(SkillRatingLatest.skill_id, SkillRatingLatest.level).where(
                    SkillRatingLatest.trainee_id == trainee.id,
                    SkillRatingLatest.skill_id.in_([sid for sid, _ in targets]),
                )
            )
        }
    return Readiness(
        trainee_uid,
        trainee.name,
        post_uid,
        post_name,
        tuple(SkillStanding(c.code, c.name, c.target, levels.get(sid)) for sid, c in targets),
    )


def cohort_matrix(
    store: Store, cohort: str, post_uid: str, language: str = "en"
) -> ReadinessMatrix:
    """Every trainee of the cohort (not withdrawn) × the post's skills: latest level and gap,
    trainees in the list's (pinyin) order."""
    with store.read() as s:
        post_name, targets = _post(s, post_uid, language)
        result = s.connection().execute(
            _LEVELS, {"cohort": cohort, "skills": [sid for sid, _ in targets]}
        )
        # The driver's own rows: plain text and integers, which need no conversion, and a
        # large cohort's matrix is many rows.
        found = result.cursor.fetchall()
        result.close()
        if not found and not s.scalar(
            select(Cohort.id).where(Cohort.name == cohort, Cohort.deleted.is_(False))
        ):
            raise NotFound(user_text("Readiness", "No cohort named {name!r}").format(name=cohort))
    column = {sid: n for n, (sid, _) in enumerate(targets)}
    aims = [c.target for _, c in targets]
    rows: list[MatrixRow] = []
    last = None
    shown = ("", "")
    got: list[int | None] = []
    for uid, number, name, skill_id, level in found:
        if uid != last:
            if last is not None:
                rows.append(_row(last, shown, got, aims))
            last, shown, got = uid, (number, name), [None] * len(aims)
        if skill_id is not None:
            got[column[skill_id]] = level
    if last is not None:
        rows.append(_row(last, shown, got, aims))
    return ReadinessMatrix(cohort, post_uid, post_name, tuple(c for _, c in targets), tuple(rows))
