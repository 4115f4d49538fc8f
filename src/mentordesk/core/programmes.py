"""Cooperation programmes between a school and an enterprise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .changes import add, change, find
from .errors import Conflict, UserError
from .models import PROGRAMME_KINDS, Cohort, Programme, Rubric
from .store import Store
from .text import clean, folded, required
from .wording import user_text


@dataclass(frozen=True)
class ProgrammeView:
    uid: str
    name: str
    school: str
    enterprise: str
    kind: str
    start_date: date | None
    end_date: date | None
    description: str
    withdrawn: bool


def _view(p: Programme) -> ProgrammeView:
    return ProgrammeView(
        p.uid,
        p.name,
        p.school,
        p.enterprise,
        p.kind,
        p.start_date,
        p.end_date,
        p.description,
        p.withdrawn,
    )


# The kinds as schools and enterprises name them: a kind given by its Chinese name is stored
# by its key, so that lists and exchange files carry one spelling.
KIND_NAMES = {
    "订单班": "order_class",
    "委托培养": "commissioned",
    "提前就业班": "early_employment",
    "在职培训": "on_the_job",
    "集中培训": "concentrated",
    "技能大师工作室": "skills_workshop",
}


# A programme an import names for the first time has no kind until the user says which: an
# order class and an employer's on-the-job training look alike in a roster, and guessing one
# would misfile every report made from it.
KIND_NOT_SET = ""


def imported_programme(name: str) -> Programme:
    """A programme a roster or workbook names for the first time, its kind not set."""
    return Programme(name=name, kind=KIND_NOT_SET)


def unknown_programmes(s: Session, names: set[str]) -> list[str]:
    """Those of ``names`` this database holds no programme by, sorted."""
    if not names:
        return []
    known = set(s.scalars(select(Programme.name).where(Programme.name.in_(names))))
    return sorted(names - known)


def kind_not_set_note(names: list[str]) -> str:
    """What an import says about the new programmes whose kind the user is to set."""
    return user_text(
        "Programmes",
        "New programme {names}: its kind is not set. Choose it in Programmes or with "
        "mentordesk programme edit NAME --kind KIND ({kinds})",
    ).format(names=", ".join(repr(n) for n in sorted(names)), kinds=", ".join(PROGRAMME_KINDS))


def programme_kind(text: str) -> str:
    """The kind's key, from its key or its Chinese name; refused when it is neither."""
    kind = clean(text)
    kind = KIND_NAMES.get(kind, kind.lower().replace("-", "_").replace(" ", "_"))
    _check(kind, None, None)
    return kind


def _check(kind: str, start: date | None, end: date | None) -> None:
    if kind not in PROGRAMME_KINDS:
        raise UserError(
            user_text("Programmes", "Programme kind {kind!r} is not one of: {allowed}").format(
                kind=kind, allowed=", ".join(PROGRAMME_KINDS)
            )
        )
    if start and end and end < start:
        raise UserError(user_text("Programmes", "Programme end date is before its start date"))


def create_programme(
    store: Store,
    name: str,
    *,
    school: str = "",
    enterprise: str = "",
    kind: str = "order_class",
    start_date: date | None = None,
    end_date: date | None = None,
    description: str = "",
) -> ProgrammeView:
    name = required(name, user_text("Programmes", "Programme name"))
    kind = programme_kind(kind)
    _check(kind, start_date, end_date)
    with store.write() as s:
        if s.scalar(select(Programme.id).where(Programme.name == name)) is not None:
            raise Conflict(
                user_text("Programmes", "A programme named {name!r} already exists").format(
                    name=name
                )
            )
        p = add(
            store,
            s,
            Programme(
                name=name,
                school=clean(school),
                enterprise=clean(enterprise),
                kind=kind,
                start_date=start_date,
                end_date=end_date,
                description=clean(description),
            ),
        )
        return _view(p)


def update_programme(store: Store, uid: str, **fields: object) -> ProgrammeView:
    with store.write() as s:
        p = find(s, Programme, uid, "programme")
        if "name" in fields:
            fields["name"] = required(fields["name"], user_text("Programmes", "Programme name"))
            other = s.scalar(select(Programme.id).where(Programme.name == fields["name"]))
            if other is not None and other != p.id:
                raise Conflict(
                    user_text("Programmes", "A programme named {name!r} already exists").format(
                        name=fields["name"]
                    )
                )
        if "kind" in fields:
            fields["kind"] = programme_kind(str(fields["kind"]))
        _check(
            # A kind not set stays so until it is chosen; it is never chosen as "not set".
            str(fields.get("kind", p.kind or PROGRAMME_KINDS[0])),
            fields.get("start_date", p.start_date),  # type: ignore[arg-type]
            fields.get("end_date", p.end_date),  # type: ignore[arg-type]
        )
        change(store, s, p, fields)
        return _view(p)


def _refuse_if_used(s: Session, p: Programme) -> None:
    """A programme still used by cohorts or rubrics is neither withdrawn nor deleted: they
    would be left pointing at a programme no list shows."""
    using = list(
        s.scalars(
            select(Cohort.name)
            .where(
                Cohort.programme_id == p.id,
                Cohort.deleted.is_(False),
                Cohort.withdrawn.is_(False),
            )
            .order_by(Cohort.name)
        )
    )
    if using:
        raise Conflict(
            user_text(
                "Programmes",
                "Programme {name!r} is used by cohorts: {cohorts}; move them first",
            ).format(name=p.name, cohorts=", ".join(using))
        )
    rubrics = list(
        s.scalars(
            select(Rubric.name)
            .where(Rubric.programme_id == p.id, Rubric.deleted.is_(False))
            .distinct()
            .order_by(Rubric.name)
        )
    )
    if rubrics:
        raise Conflict(
            user_text(
                "Programmes",
                "Programme {name!r} is used by rubrics: {rubrics}; give them another programme "
                "first",
            ).format(name=p.name, rubrics=", ".join(rubrics))
        )


def withdraw_programme(store: Store, uid: str) -> ProgrammeView:
    with store.write() as s:
        p = find(s, Programme, uid, "programme")
        _refuse_if_used(s, p)
        change(store, s, p, {"withdrawn": True}, action="withdraw")
        return _view(p)


def delete_programme(store: Store, uid: str) -> None:
    """Mark a programme deleted (the deletion travels); refused while anything uses it."""
    with store.write() as s:
        p = find(s, Programme, uid, "programme")
        _refuse_if_used(s, p)
        change(store, s, p, {"deleted": True}, action="delete")


def list_programmes(
    store: Store, search: str = "", include_withdrawn: bool = False
) -> list[ProgrammeView]:
    with store.read() as s:
        query = select(Programme).where(Programme.deleted.is_(False)).order_by(Programme.name)
        if not include_withdrawn:
            query = query.where(Programme.withdrawn.is_(False))
        rows = [_view(p) for p in s.scalars(query)]
    needle = folded(search.strip())
    if needle:
        rows = [r for r in rows if needle in folded(f"{r.name} {r.school} {r.enterprise} {r.kind}")]
    return rows
