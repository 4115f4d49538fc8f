"""Importing a rubric from a Skills sheet: unchanged when it matches the newest version of that
name, otherwise a new version (earlier ratings keep pointing at the version they were made on)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .changes import add
from .import_report import NEW, REJECTED, UNCHANGED, ImportReport, Outcome
from .models import Rubric, RubricLevel, Skill
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
        .options(selectinload(Rubric.skills), selectinload(Rubric.levels))
        .order_by(Rubric.version.desc())
        .limit(1)
    )


def _shape(
    code: str, area: str, name: str, module: str, descriptors: tuple[str, ...]
) -> tuple[str, str, str, str, tuple[str, ...]]:
    return (code, area, name, module, tuple(d for d in descriptors))


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
        have = [
            _shape(s.code, s.area, s.name, s.module, tuple(s.descriptors or ()))
            for s in latest.skills
            if not s.deleted
        ]
        same = have == [_shape(r.code, r.area, r.name, r.module, r.descriptors) for r in accepted]
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
        latest = _latest(session, sheet.rubric)
        labels = {lv.level: lv.label for lv in latest.levels} if latest else {}
        rubric = Rubric(
            name=sheet.rubric,
            version=(latest.version + 1) if latest else 1,
            levels=[
                RubricLevel(level=n, label=labels.get(n, f"Level {n}"))
                for n in range(1, sheet.levels + 1)
            ],
        )
        add(store, session, rubric)
        for position, r in enumerate(creates):
            add(
                store,
                session,
                Skill(
                    rubric=rubric,
                    position=position,
                    code=r.code,
                    area=r.area,
                    name=r.name,
                    module=r.module,
                    descriptors=list(r.descriptors),
                ),
            )
    return report
