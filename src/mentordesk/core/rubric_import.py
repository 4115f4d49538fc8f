"""Importing a rubric from a Skills sheet: unchanged when it matches the newest version of that
name, otherwise a new version (earlier ratings keep pointing at the version they were made on)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from .import_report import NEW, REJECTED, UNCHANGED, ImportReport, Outcome
from .models import Rubric, RubricModule, Skill
from .rubric_layers import (
    LevelSpec,
    ModuleSpec,
    PostSpec,
    RubricSpec,
    SkillSpec,
    guessed_layer,
    write_version,
)
from .rubrics import RUBRIC_PARTS
from .store import Store
from .wording import user_text


@dataclass(frozen=True)
class SkillRow:
    row: int
    code: str
    area: str
    name: str
    module: str
    descriptors: tuple[str, ...]
    name_zh: str = ""
    descriptors_zh: tuple[str, ...] = ()


@dataclass
class SkillSheet:
    source: str
    sheet: str
    rubric: str
    levels: int
    rows: list[SkillRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _latest(session: Session, name: str) -> Rubric | None:
    return session.scalar(
        select(Rubric)
        .where(Rubric.name == name, Rubric.deleted.is_(False))
        .options(*RUBRIC_PARTS)
        .order_by(Rubric.version.desc())
        .limit(1)
    )


def _shape(
    code: str,
    area: str,
    name: str,
    module: str,
    descriptors: tuple[str, ...],
    name_zh: str = "",
    descriptors_zh: tuple[str, ...] = (),
) -> tuple[object, ...]:
    return (code, area, name, module, tuple(descriptors), name_zh, tuple(descriptors_zh))


def _chinese(name: str, descriptors: list[str] | tuple[str, ...] | None) -> tuple[object, ...]:
    return (name, tuple(descriptors or ()))


def _zh_of(row: SkillRow, before: Skill | None) -> tuple[str, tuple[str, ...]]:
    """A row's Chinese texts; a sheet without them keeps those of the version before."""
    if row.name_zh or row.descriptors_zh or before is None:
        return row.name_zh, row.descriptors_zh
    return before.name_zh, tuple(before.descriptors_zh or ())


def _plan(session: Session, sheet: SkillSheet) -> tuple[list[Outcome], list[SkillRow]]:
    outcomes: list[Outcome] = []
    accepted: list[SkillRow] = []
    seen: dict[str, int] = {}
    for r in sheet.rows:
        label = f"{r.code} {r.name}".strip()
        reason = ""
        if not r.code:
            reason = user_text("RubricImport", "Code is empty")
        elif not r.name:
            reason = user_text("RubricImport", "Skill is empty")
        elif r.code in seen:
            reason = user_text("RubricImport", "Code {code} already appears in row {row}").format(
                code=r.code, row=seen[r.code]
            )
        if reason:
            outcomes.append(Outcome(sheet.sheet, r.row, REJECTED, label, reason=reason))
            continue
        seen[r.code] = r.row
        accepted.append(r)
    latest = _latest(session, sheet.rubric)
    same = latest is not None and len(latest.levels) == sheet.levels
    if same and latest is not None:
        before = {s.code: s for s in latest.skills if not s.deleted}
        have = [
            _shape(s.code, s.area, s.name, s.module, tuple(s.descriptors or ()))
            + _chinese(s.name_zh, s.descriptors_zh)
            for s in before.values()
        ]
        same = have == [
            _shape(r.code, r.area, r.name, r.module, r.descriptors)
            + _chinese(*_zh_of(r, before.get(r.code)))
            for r in accepted
        ]
    version = f"{sheet.rubric} v{latest.version}" if same and latest else sheet.rubric
    for r in accepted:
        outcomes.append(
            Outcome(
                sheet.sheet,
                r.row,
                UNCHANGED if same else NEW,
                f"{r.code} {r.name} ({version})",
            )
        )
    outcomes.sort(key=lambda o: o.row)
    return outcomes, ([] if same else accepted)


def _report(
    sheet: SkillSheet, outcomes: list[Outcome], creates: bool, session: Session
) -> ImportReport:
    report = ImportReport(sheet.source, "rubric")
    report.outcomes = outcomes
    report.ignored_columns = list(sheet.ignored_columns)
    if creates:
        latest = _latest(session, sheet.rubric)
        version = (latest.version + 1) if latest else 1
        report.notes.append(
            user_text(
                "RubricImport", "rubric {name!r} version {version} with {levels} levels"
            ).format(name=sheet.rubric, version=version, levels=sheet.levels)
        )
    return report


def plan_rubric(store: Store, sheet: SkillSheet) -> ImportReport:
    with store.read() as session:
        outcomes, creates = _plan(session, sheet)
        return _report(sheet, outcomes, bool(creates), session)


def apply_rubric_in(store: Store, session: Session, sheet: SkillSheet) -> ImportReport:
    outcomes, creates = _plan(session, sheet)
    report = _report(sheet, outcomes, bool(creates), session)
    if creates:
        write_version(store, session, _spec(sheet, creates, _latest(session, sheet.rubric)))
    return report


def _module_spec(name: str, before: RubricModule | None) -> ModuleSpec:
    if before is None:
        return ModuleSpec(name, guessed_layer(name))
    base = before.builds_on
    return ModuleSpec(name, before.layer, before.name_zh, base.name if base is not None else "")


def _skill_spec(row: SkillRow, before: Skill | None) -> SkillSpec:
    name_zh, descriptors_zh = _zh_of(row, before)
    return SkillSpec(
        row.code, row.name, row.module, row.area, name_zh, row.descriptors, descriptors_zh
    )


def _spec(sheet: SkillSheet, rows: list[SkillRow], latest: Rubric | None) -> RubricSpec:
    """The new version: the sheet's skills, in the modules, levels, posts and Chinese texts of
    the version before where the sheet does not say otherwise."""
    before = {s.code: s for s in latest.skills if not s.deleted} if latest else {}
    old_levels = {lv.level: lv for lv in latest.levels} if latest else {}
    old_modules = {m.name: m for m in latest.modules if not m.deleted} if latest else {}
    used = list(dict.fromkeys(r.module for r in rows if r.module))
    wanted = set(used)
    # A module kept because a kept module builds on it, so the layers stay whole.
    for name in used:
        step = old_modules[name].builds_on if name in old_modules else None
        while step is not None and step.name not in wanted:
            wanted.add(step.name)
            used.append(step.name)
            step = step.builds_on
    modules = tuple(_module_spec(name, old_modules.get(name)) for name in used)
    codes = {r.code for r in rows}
    posts = []
    for post in (p for p in (latest.posts if latest else []) if not p.deleted):
        targets = tuple((t.skill.code, t.target) for t in post.targets if t.skill.code in codes)
        if targets:
            posts.append(PostSpec(post.name, targets, post.name_zh, post.description))
    return RubricSpec(
        sheet.rubric,
        tuple(
            LevelSpec(
                n,
                old_levels[n].label if n in old_levels else f"Level {n}",
                old_levels[n].description if n in old_levels else "",
                old_levels[n].label_zh if n in old_levels else "",
                old_levels[n].description_zh if n in old_levels else "",
            )
            for n in range(1, sheet.levels + 1)
        ),
        modules,
        tuple(_skill_spec(r, before.get(r.code)) for r in rows),
        tuple(posts),
        name_zh=latest.name_zh if latest else "",
        description=latest.description if latest else "",
        programme=latest.programme.name if latest and latest.programme else "",
    )
