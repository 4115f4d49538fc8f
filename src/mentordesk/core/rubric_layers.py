"""A rubric version in layers, checked whole before anything is written.

Every way a rubric comes in (the shipped JSON files, ``mentordesk rubric import``, a Skills
sheet, ``create_rubric``) describes it as a ``RubricSpec`` and goes through ``check_spec`` and
``create_version``: modules in layers (foundation → direction → job position), each building on
a module of an earlier layer; skills in those modules; posts naming skills with a target level.
A refusal names the row and field; nothing is written. A new version is new rows: ratings made
against an earlier version keep pointing at that version's skills.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .changes import add
from .errors import Conflict, NotFound, UserError
from .models import LAYERS, Post, PostSkill, Programme, Rubric, RubricLevel, RubricModule, Skill
from .store import Store
from .text import clean, required
from .wording import Text, user_text


@dataclass(frozen=True)
class LevelSpec:
    level: int
    label: str
    description: str = ""
    label_zh: str = ""
    description_zh: str = ""


@dataclass(frozen=True)
class ModuleSpec:
    name: str
    layer: str
    name_zh: str = ""
    builds_on: str = ""


@dataclass(frozen=True)
class SkillSpec:
    code: str
    name: str
    module: str = ""
    area: str = ""
    name_zh: str = ""
    descriptors: tuple[str, ...] = ()
    descriptors_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostSpec:
    name: str
    # (skill code, target level) for each skill the post needs.
    targets: tuple[tuple[str, int], ...]
    name_zh: str = ""
    description: str = ""


@dataclass(frozen=True)
class RubricSpec:
    name: str
    levels: tuple[LevelSpec, ...]
    modules: tuple[ModuleSpec, ...] = ()
    skills: tuple[SkillSpec, ...] = ()
    posts: tuple[PostSpec, ...] = ()
    name_zh: str = ""
    description: str = ""
    # The programme (by name) whose rubric this is; empty for one shared by every programme.
    programme: str = ""
    # None: the next number after the newest version of this name.
    version: int | None = None


def guessed_layer(module: str) -> str:
    """A free-text module's layer, as migration 0010 guessed it for older rubrics."""
    return "foundation" if "foundation" in module.lower() or "基础" in module else "direction"


def _at(kind: str, row: int, label: str) -> Text:
    """Where a fault is: ``modules row 2 (Rolling)``; rows counted from 1 as a file shows them."""
    names = {
        "modules": user_text("RubricLayers", "modules row {row} ({name})"),
        "skills": user_text("RubricLayers", "skills row {row} ({name})"),
        "posts": user_text("RubricLayers", "posts row {row} ({name})"),
        "levels": user_text("RubricLayers", "levels row {row} ({name})"),
    }
    return names[kind].format(row=row, name=label)


def _refuse(where: Text, fault: Text) -> UserError:
    return UserError(user_text("RubricLayers", "{where}: {fault}").format(where=where, fault=fault))


def _check_levels(levels: tuple[LevelSpec, ...]) -> int:
    if len(levels) < 2:
        raise UserError(user_text("Rubrics", "A rubric needs at least two levels"))
    if sorted(lv.level for lv in levels) != list(range(1, len(levels) + 1)):
        raise UserError(
            user_text("Rubrics", "Rubric levels must be numbered 1, 2, 3 … without gaps")
        )
    for row, lv in enumerate(levels, start=1):
        if not clean(lv.label):
            raise _refuse(
                _at("levels", row, str(lv.level)),
                user_text("RubricLayers", "the label is empty"),
            )
    return len(levels)


def _check_modules(modules: tuple[ModuleSpec, ...]) -> dict[str, ModuleSpec]:
    by_name: dict[str, ModuleSpec] = {}
    rows: dict[str, int] = {}
    for row, m in enumerate(modules, start=1):
        where = _at("modules", row, m.name)
        if not clean(m.name):
            raise _refuse(where, user_text("RubricLayers", "the module's name is empty"))
        if m.layer not in LAYERS:
            raise _refuse(
                where,
                user_text("RubricLayers", "layer {layer!r} is not one of: {allowed}").format(
                    layer=m.layer, allowed=", ".join(LAYERS)
                ),
            )
        if m.name in by_name:
            raise _refuse(
                where,
                user_text("RubricLayers", "the module {name!r} is already in row {row}").format(
                    name=m.name, row=rows[m.name]
                ),
            )
        by_name[m.name], rows[m.name] = m, row
    for m in modules:
        if m.builds_on and m.builds_on not in by_name:
            raise _refuse(
                _at("modules", rows[m.name], m.name),
                user_text(
                    "RubricLayers", "it builds on {other!r}, which is not a module of this rubric"
                ).format(other=m.builds_on),
            )
    for m in modules:
        path, seen = [m.name], {m.name}
        step = by_name[m.name].builds_on
        while step:
            path.append(step)
            if step in seen:
                raise _refuse(
                    _at("modules", rows[m.name], m.name),
                    user_text("RubricLayers", "the layers form a cycle: {path}").format(
                        path=" → ".join(path)
                    ),
                )
            seen.add(step)
            step = by_name[step].builds_on
    for m in modules:
        base = by_name.get(m.builds_on)
        if base is not None and LAYERS.index(base.layer) >= LAYERS.index(m.layer):
            raise _refuse(
                _at("modules", rows[m.name], m.name),
                user_text(
                    "RubricLayers",
                    "a {layer} module cannot build on {other!r}, a {other_layer} module",
                ).format(layer=m.layer, other=base.name, other_layer=base.layer),
            )
    return by_name


def _check_skills(spec: RubricSpec, top: int, modules: dict[str, ModuleSpec]) -> dict[str, int]:
    rows: dict[str, int] = {}
    for row, sk in enumerate(spec.skills, start=1):
        where = _at("skills", row, sk.code or sk.name)
        if not clean(sk.code):
            raise _refuse(where, user_text("RubricLayers", "the code is empty"))
        if not clean(sk.name):
            raise _refuse(where, user_text("RubricLayers", "the skill's name is empty"))
        if sk.code in rows:
            raise _refuse(
                where,
                user_text("RubricLayers", "the code {code} is already in row {row}").format(
                    code=sk.code, row=rows[sk.code]
                ),
            )
        if spec.modules and sk.module not in modules:
            raise _refuse(
                where,
                user_text(
                    "RubricLayers", "the module {module!r} is not a module of this rubric"
                ).format(module=sk.module),
            )
        for given in (sk.descriptors, sk.descriptors_zh):
            if len(given) > top:
                raise _refuse(
                    where,
                    user_text(
                        "RubricLayers", "{count} descriptors for a {levels}-level scale"
                    ).format(count=len(given), levels=top),
                )
        rows[sk.code] = row
    return rows


def check_post(
    post: PostSpec, row: int, codes: set[str] | dict[str, int] | dict[str, Skill], top: int
) -> None:
    """A post's name, and each target: a skill of the rubric, at a level on its scale."""
    where = _at("posts", row, post.name)
    if not clean(post.name):
        raise _refuse(where, user_text("RubricLayers", "the post's name is empty"))
    if not post.targets:
        raise _refuse(where, user_text("RubricLayers", "the post names no skill"))
    named: set[str] = set()
    for code, target in post.targets:
        if code not in codes:
            raise _refuse(
                where,
                user_text("RubricLayers", "the skill {code} is not in the rubric").format(
                    code=code
                ),
            )
        if code in named:
            raise _refuse(
                where,
                user_text("RubricLayers", "the skill {code} is named twice").format(code=code),
            )
        named.add(code)
        if not 1 <= target <= top:
            raise _refuse(
                where,
                user_text(
                    "RubricLayers", "the target {target} for {code} is outside the scale 1–{top}"
                ).format(target=target, code=code, top=top),
            )


def check_spec(spec: RubricSpec) -> None:
    """Every rule of a rubric version that needs no database; raises on the first fault."""
    required(spec.name, user_text("Rubrics", "Rubric name"))
    top = _check_levels(spec.levels)
    modules = _check_modules(spec.modules)
    codes = _check_skills(spec, top, modules)
    names: dict[str, int] = {}
    for row, post in enumerate(spec.posts, start=1):
        check_post(post, row, codes, top)
        if post.name in names:
            raise _refuse(
                _at("posts", row, post.name),
                user_text("RubricLayers", "the post is already in row {row}").format(
                    row=names[post.name]
                ),
            )
        names[post.name] = row


def programme_named(s: Session, name: str) -> Programme:
    found = s.scalar(select(Programme).where(Programme.name == name, Programme.deleted.is_(False)))
    if found is None:
        raise NotFound(user_text("RubricLayers", "No programme named {name!r}").format(name=name))
    return found


def _previous_programme(s: Session, name: str) -> Programme | None:
    """A new version that names no programme stays with the programme of the one before."""
    return s.scalar(
        select(Programme)
        .join(Rubric, Rubric.programme_id == Programme.id)
        .where(Rubric.name == name, Rubric.deleted.is_(False))
        .order_by(Rubric.version.desc())
        .limit(1)
    )


def write_version(store: Store, s: Session, spec: RubricSpec) -> Rubric:
    """``spec`` checked and written as a new rubric version, inside the caller's transaction."""
    check_spec(spec)
    name = clean(spec.name)
    versions = set(s.scalars(select(Rubric.version).where(Rubric.name == name)))
    number = spec.version if spec.version is not None else max(versions, default=0) + 1
    if number in versions:
        raise Conflict(
            user_text("Rubrics", "Rubric {name!r} version {version} already exists").format(
                name=name, version=number
            )
        )
    if number < 1:
        raise UserError(
            user_text("RubricLayers", "Rubric version {version} is not a positive number").format(
                version=number
            )
        )
    rubric = Rubric(
        name=name,
        name_zh=clean(spec.name_zh),
        version=number,
        description=clean(spec.description),
        programme=programme_named(s, clean(spec.programme))
        if clean(spec.programme)
        else _previous_programme(s, name),
        levels=[
            RubricLevel(
                level=lv.level,
                label=clean(lv.label),
                label_zh=clean(lv.label_zh),
                description=clean(lv.description),
                description_zh=clean(lv.description_zh),
            )
            for lv in spec.levels
        ],
    )
    add(store, s, rubric)
    modules = spec.modules or tuple(
        ModuleSpec(m, guessed_layer(m)) for m in dict.fromkeys(sk.module for sk in spec.skills) if m
    )
    made: dict[str, RubricModule] = {}
    for position, m in enumerate(modules):
        made[m.name] = add(
            store,
            s,
            RubricModule(
                rubric=rubric,
                name=clean(m.name),
                name_zh=clean(m.name_zh),
                layer=m.layer,
                position=position,
            ),
        )
    for m in modules:
        if m.builds_on:
            made[m.name].builds_on = made[m.builds_on]
    skills: dict[str, Skill] = {}
    for position, sk in enumerate(spec.skills):
        skills[sk.code] = add(
            store,
            s,
            Skill(
                rubric=rubric,
                position=position,
                code=clean(sk.code),
                area=clean(sk.area),
                name=clean(sk.name),
                name_zh=clean(sk.name_zh),
                module=clean(sk.module),
                module_record=made.get(sk.module),
                descriptors=[clean(d) for d in sk.descriptors],
                descriptors_zh=[clean(d) for d in sk.descriptors_zh],
            ),
        )
    for post in spec.posts:
        add_post_in(store, s, rubric, post, skills)
    return rubric


def add_post_in(
    store: Store, s: Session, rubric: Rubric, post: PostSpec, skills: dict[str, Skill]
) -> Post:
    made = add(
        store,
        s,
        Post(
            rubric=rubric,
            name=clean(post.name),
            name_zh=clean(post.name_zh),
            description=clean(post.description),
        ),
    )
    made.targets = [PostSkill(skill=skills[code], target=target) for code, target in post.targets]
    return made


def create_version(store: Store, spec: RubricSpec) -> str:
    """A new rubric version from ``spec``, all of it or nothing; returns its uid."""
    with store.write() as s:
        return write_version(store, s, spec).uid
