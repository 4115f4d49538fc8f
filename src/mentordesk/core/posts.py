"""Posts: the job positions a rubric version trains for, each naming the skills it needs and
the level it needs each at (core/readiness.py judges trainees against them)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .changes import find
from .errors import Conflict, NotFound, UserError
from .models import Cohort, Post, PostSkill, Programme, Rubric, Trainee
from .rubric_layers import PostSpec, add_post_in, check_post
from .rubrics import PostView, RubricView, get_rubric, list_rubrics, post_view
from .store import Store
from .text import clean, folded
from .wording import user_text


def newest_versions(rubrics: list[RubricView]) -> list[RubricView]:
    """The newest version of each rubric name (``list_rubrics`` gives newest first)."""
    seen: dict[str, RubricView] = {}
    for r in rubrics:
        seen.setdefault(r.name, r)
    return list(seen.values())


def list_posts(store: Store, search: str = "", *, every_version: bool = False) -> list[PostView]:
    """The posts of the rubrics in use (their newest versions unless ``every_version``),
    found by English or Chinese name."""
    rubrics = list_rubrics(store)
    if not every_version:
        rubrics = newest_versions(rubrics)
    needle = folded(clean(search))
    return [
        p
        for r in rubrics
        for p in r.posts
        if not needle or needle in folded(f"{p.name} {p.name_zh}")
    ]


def get_post(store: Store, key: str) -> PostView:
    """A post by uid, or by its English or Chinese name among the newest versions."""
    key = clean(key)
    with store.read() as s:
        found = s.scalar(
            select(Post)
            .where(Post.uid == key, Post.deleted.is_(False))
            .options(selectinload(Post.targets).selectinload(PostSkill.skill))
        )
        if found is not None:
            return post_view(found)
    named = [p for p in list_posts(store) if key in (p.name, p.name_zh)]
    if len(named) == 1:
        return named[0]
    if named:
        raise UserError(
            user_text("Posts", "{count} posts are named {name!r}; give the id").format(
                count=len(named), name=key
            )
        )
    raise NotFound(user_text("Posts", "No post named {name!r}").format(name=key))


def add_post(store: Store, rubric_uid: str, post: PostSpec) -> PostView:
    """A new post on a rubric version, checked against that version's skills and scale."""
    with store.write() as s:
        rubric = find(s, Rubric, rubric_uid, "rubric")
        skills = {sk.code: sk for sk in rubric.skills if not sk.deleted}
        check_post(post, len(rubric.posts) + 1, skills, len(rubric.levels))
        if any(p.name == clean(post.name) and not p.deleted for p in rubric.posts):
            raise Conflict(
                user_text("Posts", "Rubric {rubric!r} already has a post {name!r}").format(
                    rubric=rubric.name, name=post.name
                )
            )
        made = add_post_in(store, s, rubric, post, skills)
        s.flush()
        return post_view(made)


def rubric_for_programme(store: Store, programme: str) -> RubricView | None:
    """The newest version of the programme's own rubric, if it has one."""
    with store.read() as s:
        uid = s.scalar(
            select(Rubric.uid)
            .join(Programme, Programme.id == Rubric.programme_id)
            .where(
                Programme.name == programme,
                Rubric.deleted.is_(False),
                Rubric.withdrawn.is_(False),
            )
            .order_by(Rubric.version.desc())
            .limit(1)
        )
    return get_rubric(store, uid) if uid is not None else None


def posts_for_trainee(store: Store, trainee_uid: str) -> list[PostView]:
    """The posts a trainee trains for: those of their programme's rubric, else every post."""
    with store.read() as s:
        trainee = find(s, Trainee, trainee_uid, "trainee")
        programme = (
            s.scalar(
                select(Programme.name)
                .join(Cohort, Cohort.programme_id == Programme.id)
                .where(Cohort.id == trainee.cohort_id)
            )
            if trainee.cohort_id is not None
            else None
        )
    rubric = rubric_for_programme(store, programme) if programme else None
    return list(rubric.posts) if rubric is not None else list_posts(store)
