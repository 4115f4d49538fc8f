"""Skill rubrics: a scale of levels with labels and descriptors, and the skills it rates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .changes import add, change, find
from .errors import Conflict, NotFound, UserError
from .models import Post, PostSkill, Rubric, RubricModule, Skill
from .store import Store
from .text import clean, folded, required
from .wording import user_text


@dataclass(frozen=True)
class LevelView:
    level: int
    label: str
    description: str = ""
    label_zh: str = ""
    description_zh: str = ""


@dataclass(frozen=True)
class SkillView:
    uid: str
    code: str
    area: str
    name: str
    module: str
    descriptors: tuple[str, ...] = ()
    withdrawn: bool = False
    name_zh: str = ""
    descriptors_zh: tuple[str, ...] = ()
    layer: str = ""

    def descriptor(self, level: int) -> str:
        return self.descriptors[level - 1] if 0 < level <= len(self.descriptors) else ""


@dataclass(frozen=True)
class ModuleView:
    uid: str
    name: str
    layer: str
    name_zh: str = ""
    builds_on: str = ""


@dataclass(frozen=True)
class TargetView:
    skill_uid: str
    code: str
    target: int


@dataclass(frozen=True)
class PostView:
    uid: str
    name: str
    rubric_uid: str
    targets: tuple[TargetView, ...]
    name_zh: str = ""
    description: str = ""


@dataclass(frozen=True)
class RubricView:
    uid: str
    name: str
    version: int
    description: str
    withdrawn: bool
    levels: tuple[LevelView, ...]
    skills: tuple[SkillView, ...] = field(default=())
    name_zh: str = ""
    programme: str = ""
    # The layered modules (core/rubric_layers.py) and the posts the rubric trains for.
    layers: tuple[ModuleView, ...] = ()
    posts: tuple[PostView, ...] = ()

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


# Everything a RubricView shows, loaded in a few statements rather than one per skill.
RUBRIC_PARTS = (
    selectinload(Rubric.levels),
    selectinload(Rubric.skills).selectinload(Skill.module_record),
    selectinload(Rubric.modules).selectinload(RubricModule.builds_on),
    selectinload(Rubric.posts).selectinload(Post.targets).selectinload(PostSkill.skill),
    selectinload(Rubric.programme),
)


def _skill_view(sk: Skill) -> SkillView:
    return SkillView(
        sk.uid,
        sk.code,
        sk.area,
        sk.name,
        sk.module,
        tuple(sk.descriptors or ()),
        sk.withdrawn,
        sk.name_zh,
        tuple(sk.descriptors_zh or ()),
        sk.module_record.layer if sk.module_record is not None else "",
    )


def post_view(p: Post) -> PostView:
    """A post's targets in the order of its rubric's skills."""
    live = [t for t in p.targets if not t.skill.deleted]
    live.sort(key=lambda t: (t.skill.position, t.skill.code))
    return PostView(
        p.uid,
        p.name,
        p.rubric.uid,
        tuple(TargetView(t.skill.uid, t.skill.code, t.target) for t in live),
        p.name_zh,
        p.description,
    )


def _view(r: Rubric) -> RubricView:
    return RubricView(
        r.uid,
        r.name,
        r.version,
        r.description,
        r.withdrawn,
        tuple(
            LevelView(lv.level, lv.label, lv.description, lv.label_zh, lv.description_zh)
            for lv in r.levels
        ),
        tuple(_skill_view(sk) for sk in r.skills if not sk.deleted),
        r.name_zh,
        r.programme.name if r.programme is not None else "",
        tuple(
            ModuleView(m.uid, m.name, m.layer, m.name_zh, m.builds_on.name if m.builds_on else "")
            for m in r.modules
            if not m.deleted
        ),
        tuple(post_view(p) for p in r.posts if not p.deleted),
    )


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
    """A new rubric, or a new version of one with the same name (the next number by default).

    Its skills' modules become modules of a layer (core/rubric_layers.py); a rubric with
    declared layers and posts comes through ``create_version`` directly.
    """
    from .rubric_layers import LevelSpec, RubricSpec, SkillSpec, create_version

    specs = []
    for given in skills or []:
        values = _skill_fields(given, len(levels))
        specs.append(
            SkillSpec(
                str(values["code"]),
                str(values["name"]),
                str(values["module"]),
                str(values["area"]),
                clean(given.get("name_zh")),
                tuple(values["descriptors"]),  # type: ignore[arg-type]
                tuple(clean(d) for d in given.get("descriptors_zh") or ()),  # type: ignore[attr-defined]
            )
        )
    spec = RubricSpec(
        required(name, user_text("Rubrics", "Rubric name")),
        tuple(
            LevelSpec(lv.level, lv.label, lv.description, lv.label_zh, lv.description_zh)
            for lv in levels
        ),
        skills=tuple(specs),
        description=description,
        version=version,
    )
    return get_rubric(store, create_version(store, spec))


def _load(s: Session, uid: str) -> Rubric:
    rubric = s.scalar(select(Rubric).where(Rubric.uid == uid).options(*RUBRIC_PARTS))
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
            .options(*RUBRIC_PARTS)
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
            if needle in folded(f"{r.name} {r.name_zh}")
            or any(needle in folded(f"{k.code} {k.name} {k.name_zh}") for k in r.skills)
        ]
    return rows


def current_rubric(store: Store) -> RubricView | None:
    """The newest version of the first rubric in use, which the shop floor rates against."""
    rubrics = list_rubrics(store)
    return rubrics[0] if rubrics else None


def update_rubric(
    store: Store,
    uid: str,
    *,
    name: str | None = None,
    description: str | None = None,
    programme: str | None = None,
) -> RubricView:
    """Change a rubric version's name, description or programme (``""``: shared by all)."""
    fields: dict[str, object] = {}
    if name is not None:
        fields["name"] = required(name, user_text("Rubrics", "Rubric name"))
    if description is not None:
        fields["description"] = clean(description)
    with store.write() as s:
        if programme is not None:
            from .rubric_layers import programme_named

            fields["programme_id"] = (
                programme_named(s, clean(programme)).id if clean(programme) else None
            )
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
        # The module first: making a new one flushes, and the skill is not in the session yet.
        module = _module_record(store, s, rubric, str(values["module"]))
        skill = Skill(rubric=rubric, position=position, module_record=module, **values)
        return _skill_view(add(store, s, skill))


def _module_record(store: Store, s: Session, rubric: Rubric, name: str) -> RubricModule | None:
    """The rubric's module of that name, made in its guessed layer when it is new."""
    if not name:
        return None
    found = next((m for m in rubric.modules if m.name == name and not m.deleted), None)
    if found is None:
        from .rubric_layers import guessed_layer

        position = max((m.position for m in rubric.modules), default=-1) + 1
        found = add(
            store,
            s,
            RubricModule(rubric=rubric, name=name, layer=guessed_layer(name), position=position),
        )
    return found


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
        if "module" in fields:
            skill.module_record = _module_record(store, s, skill.rubric, str(values["module"]))
        return _skill_view(skill)


def withdraw_skill(store: Store, uid: str) -> SkillView:
    with store.write() as s:
        skill = find(s, Skill, uid, "skill")
        change(store, s, skill, {"withdrawn": True}, action="withdraw")
        return _skill_view(skill)


def load_rubric_file(store: Store, path: Path, *, programme: str = "") -> RubricView:
    """Create a rubric from a JSON rubric file (core/rubric_files.py), such as those shipped
    in ``resources/rubrics``; ``programme`` names the programme it belongs to, if the file
    does not."""
    from dataclasses import replace

    from .rubric_files import read_rubric_file
    from .rubric_layers import create_version

    spec = read_rubric_file(path)
    if programme:
        spec = replace(spec, programme=programme)
    return get_rubric(store, create_version(store, spec))
