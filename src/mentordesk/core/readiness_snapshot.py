"""Job readiness as an assessment freezes it: each post the trainee trains for, its skills'
targets and the trainee's latest level of each by the end of the period.

A signed sheet must read the same for ever: the readiness section is drawn from this snapshot,
kept in the assessment's summary, never from the ratings as they are when the sheet is printed.
Both languages' texts are kept so that a sheet in either language can be drawn from it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Cohort, Post, PostSkill, Programme, Rubric, Skill, Trainee


def _rubric_ids(s: Session, trainee: Trainee) -> list[int]:
    """The rubric whose posts the trainee trains for: the newest version of their programme's
    own rubric, else the newest version of every rubric in use (as ``posts_for_trainee``)."""
    if trainee.cohort_id is not None:
        own = s.scalar(
            select(Rubric.id)
            .join(Programme, Programme.id == Rubric.programme_id)
            .join(Cohort, Cohort.programme_id == Programme.id)
            .where(
                Cohort.id == trainee.cohort_id,
                Rubric.deleted.is_(False),
                Rubric.withdrawn.is_(False),
            )
            .order_by(Rubric.version.desc())
            .limit(1)
        )
        if own is not None:
            return [own]
    newest: dict[str, int] = {}
    for rid, name in s.execute(
        select(Rubric.id, Rubric.name)
        .where(Rubric.deleted.is_(False), Rubric.withdrawn.is_(False))
        .order_by(Rubric.version.desc())
    ):
        newest.setdefault(name, rid)
    return list(newest.values())


def frozen_readiness(s: Session, trainee: Trainee, levels: dict[int, int]) -> list[dict[str, Any]]:
    """Each post's name (both languages) and its skills: code, names, target and ``levels``'
    level (None: not rated). ``levels`` maps skill ids to the latest level of the period."""
    rubrics = _rubric_ids(s, trainee)
    if not rubrics:
        return []
    rows = s.execute(
        select(
            Post.id,
            Post.name,
            Post.name_zh,
            Skill.id,
            Skill.code,
            Skill.name,
            Skill.name_zh,
            PostSkill.target,
        )
        .join(PostSkill, PostSkill.post_id == Post.id)
        .join(Skill, Skill.id == PostSkill.skill_id)
        .where(Post.rubric_id.in_(rubrics), Post.deleted.is_(False), Skill.deleted.is_(False))
        .order_by(Post.name, Post.id, Skill.position, Skill.code)
    )
    posts: dict[int, dict[str, Any]] = {}
    for post_id, post, post_zh, skill_id, code, name, name_zh, target in rows:
        entry = posts.setdefault(post_id, {"post": post, "post_zh": post_zh, "skills": []})
        entry["skills"].append(
            {
                "code": code,
                "name": name,
                "name_zh": name_zh,
                "target": target,
                "level": levels.get(skill_id),
            }
        )
    return list(posts.values())
