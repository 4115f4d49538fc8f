"""Skill rubrics: a scale of levels with labels and descriptors, and the skills it rates."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .changes import add, change, find
from .errors import Conflict, NotFound, UserError
from .models import Rubric, RubricLevel, Skill
from .store import Store
from .text import clean, folded, required
from .wording import user_text


@dataclass(frozen=True)
class LevelView:
    level: int
    label: str
    description: str = ""


@dataclass(frozen=True)
class SkillView:
    uid: str
    code: str
    area: str
    name: str
    module: str
    descriptors: tuple[str, ...] = ()
    withdrawn: bool = False

    def descriptor(self, level: int) -> str:
        return self.descriptors[level - 1] if 0 < level <= len(self.descriptors) else ""


@dataclass(frozen=True)
class RubricView:
    uid: str
    name: str
    version: int
    description: str
    withdrawn: bool
    levels: tuple[LevelView, ...]
    skills: tuple[SkillView, ...] = field(default=())

    @property
    def max_level(self) -> int:
        return max((lv.level for lv in self.levels), default=0)

    @property
    def modules(self) -> list[str]:
        seen: dict[str, None] = {}
        for sk in self.skills:
            if sk.module and not sk.withdrawn:
                seen.setdefault(sk.module, None)
        return list(seen)

    def label(self, level: int) -> str:
        return next((lv.label for lv in self.levels if lv.level == level), "")


def _skill_view(sk: Skill) -> SkillView:
    return SkillView(
        sk.uid, sk.code, sk.area, sk.name, sk.module, tuple(sk.descriptors or ()), sk.withdrawn
    )


def _view(r: Rubric) -> RubricView:
    return RubricView(
        r.uid,
        r.name,
        r.version,
        r.description,
        r.withdrawn,
        tuple(LevelView(lv.level, lv.label, lv.description) for lv in r.levels),
        tuple(_skill_view(sk) for sk in r.skills if not sk.deleted),
    )


def _check_levels(levels: list[LevelView]) -> None:
    if len(levels) < 2:
        raise UserError(user_text("Rubrics", "A rubric needs at least two levels"))
    numbers = [lv.level for lv in levels]
    if sorted(numbers) != list(range(1, len(levels) + 1)):
        raise UserError(
            user_text("Rubrics", "Rubric levels must be numbered 1, 2, 3 … without gaps")
        )
    for lv in levels:
        required(lv.label, user_text("Rubrics", "Label of level {level}").format(level=lv.level))


def _skill_fields(spec: dict[str, object], max_level: int) -> dict[str, object]:
    given = spec.get("descriptors") or []
    descriptors = [clean(d) for d in (given if isinstance(given, list | tuple) else [given])]
    if len(descriptors) > max_level:
        raise UserError(
            user_text(
                "Rubrics", "Skill {code}: {count} descriptors for a {levels}-level scale"
            ).format(code=spec.get("code"), count=len(descriptors), levels=max_level)
        )
    return {
        "code": required(spec.get("code"), user_text("Rubrics", "Skill code")),
        "area": clean(spec.get("area")),
        "name": required(spec.get("name"), user_text("Rubrics", "Skill name")),
        "module": clean(spec.get("module")),
        "descriptors": descriptors,
    }


def create_rubric(
    store: Store,
    name: str,
    levels: list[LevelView],
    skills: list[dict[str, object]] | None = None,
    *,
    description: str = "",
    version: int | None = None,
) -> RubricView:
    """A new rubric, or a new version of one with the same name (the next number by default)."""
    name = required(name, user_text("Rubrics", "Rubric name"))
    _check_levels(levels)
    with store.write() as s:
        latest = s.scalar(select(func.max(Rubric.version)).where(Rubric.name == name))
        number = version if version is not None else (latest or 0) + 1
        if s.scalar(select(Rubric.id).where(Rubric.name == name, Rubric.version == number)):
            raise Conflict(
                user_text("Rubrics", "Rubric {name!r} version {version} already exists").format(
                    name=name, version=number
                )
            )
        rubric = Rubric(
            name=name,
            version=number,
            description=clean(description),
            levels=[
                RubricLevel(
                    level=lv.level, label=clean(lv.label), description=clean(lv.description)
                )
                for lv in levels
            ],
        )
        add(store, s, rubric)
        codes: set[str] = set()
        for position, spec in enumerate(skills or []):
            values = _skill_fields(spec, len(levels))
            if values["code"] in codes:
                raise UserError(
                    user_text("Rubrics", "Skill code {code} appears twice").format(
                        code=values["code"]
                    )
                )
            codes.add(str(values["code"]))
            add(store, s, Skill(rubric=rubric, position=position, **values))
        uid = rubric.uid
    return get_rubric(store, uid)


def _load(s: Session, uid: str) -> Rubric:
    rubric = s.scalar(
        select(Rubric)
        .where(Rubric.uid == uid)
        .options(selectinload(Rubric.levels), selectinload(Rubric.skills))
    )
    if rubric is None or rubric.deleted:
        raise NotFound(user_text("Rubrics", "No rubric with id {uid}").format(uid=uid))
    return rubric


def get_rubric(store: Store, uid: str) -> RubricView:
    with store.read() as s:
        return _view(_load(s, uid))


def list_rubrics(
    store: Store, search: str = "", include_withdrawn: bool = False
) -> list[RubricView]:
    with store.read() as s:
        query = (
            select(Rubric)
            .where(Rubric.deleted.is_(False))
            .options(selectinload(Rubric.levels), selectinload(Rubric.skills))
            .order_by(Rubric.name, Rubric.version.desc())
        )
        if not include_withdrawn:
            query = query.where(Rubric.withdrawn.is_(False))
        rows = [_view(r) for r in s.scalars(query)]
    needle = folded(search.strip())
    if needle:
        rows = [
            r
            for r in rows
            if needle in folded(r.name)
            or any(needle in folded(f"{k.code} {k.name}") for k in r.skills)
        ]
    return rows


def current_rubric(store: Store) -> RubricView | None:
    """The newest version of the first rubric in use, which the shop floor rates against."""
    rubrics = list_rubrics(store)
    return rubrics[0] if rubrics else None


def update_rubric(
    store: Store, uid: str, *, name: str | None = None, description: str | None = None
) -> RubricView:
    fields: dict[str, object] = {}
    if name is not None:
        fields["name"] = required(name, user_text("Rubrics", "Rubric name"))
    if description is not None:
        fields["description"] = clean(description)
    with store.write() as s:
        change(store, s, find(s, Rubric, uid, "rubric"), fields)
    return get_rubric(store, uid)


def withdraw_rubric(store: Store, uid: str) -> RubricView:
    with store.write() as s:
        change(
            store,
            s,
            find(s, Rubric, uid, "rubric"),
            {"withdrawn": True},
            action="withdraw",
        )
    return get_rubric(store, uid)


def add_skill(store: Store, rubric_uid: str, spec: dict[str, object]) -> SkillView:
    with store.write() as s:
        rubric = _load(s, rubric_uid)
        values = _skill_fields(spec, len(rubric.levels))
        if any(sk.code == values["code"] for sk in rubric.skills):
            raise Conflict(
                user_text("Rubrics", "Skill code {code} already exists in {rubric}").format(
                    code=values["code"], rubric=rubric.name
                )
            )
        position = max((sk.position for sk in rubric.skills), default=-1) + 1
        return _skill_view(add(store, s, Skill(rubric=rubric, position=position, **values)))


def update_skill(store: Store, uid: str, **fields: object) -> SkillView:
    with store.write() as s:
        skill = find(s, Skill, uid, "skill")
        merged = {
            "code": skill.code,
            "area": skill.area,
            "name": skill.name,
            "module": skill.module,
            "descriptors": skill.descriptors,
            **fields,
        }
        values = _skill_fields(merged, len(skill.rubric.levels))
        change(store, s, skill, {k: values[k] for k in fields})
        return _skill_view(skill)


def withdraw_skill(store: Store, uid: str) -> SkillView:
    with store.write() as s:
        skill = find(s, Skill, uid, "skill")
        change(store, s, skill, {"withdrawn": True}, action="withdraw")
        return _skill_view(skill)


def load_rubric_file(store: Store, path: Path) -> RubricView:
    """Create a rubric from one of the JSON files shipped in ``resources/rubrics``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    levels = [
        LevelView(int(lv["level"]), lv["label"], lv.get("description", "")) for lv in data["levels"]
    ]
    return create_rubric(
        store, data["name"], levels, data.get("skills", []), description=data.get("description", "")
    )
