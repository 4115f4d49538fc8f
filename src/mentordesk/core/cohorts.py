"""Cohorts: classes of trainees within a programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from .changes import add, change, find
from .errors import Conflict, NotFound
from .models import Cohort, Programme, Trainee
from .store import Store
from .text import clean, folded, required
from .wording import user_text


@dataclass(frozen=True)
class CohortView:
    uid: str
    name: str
    programme: str
    track: str
    start_date: date | None
    end_date: date | None
    withdrawn: bool
    active_trainees: int


def _programme_id(s: Session, name: str) -> int | None:
    name = clean(name)
    if not name:
        return None
    pid = s.scalar(select(Programme.id).where(Programme.name == name))
    if pid is None:
        raise NotFound(user_text("Cohorts", "No programme named {name!r}").format(name=name))
    return pid


def ensure_cohort(store: Store, s: Session, name: str) -> Cohort:
    """The cohort of that name, created (and audited) when it does not exist yet."""
    name = required(name, user_text("Cohorts", "Cohort name"))
    cohort = s.scalar(select(Cohort).where(Cohort.name == name))
    if cohort is None:
        cohort = add(store, s, Cohort(name=name))
    return cohort


def create_cohort(
    store: Store,
    name: str,
    *,
    programme: str = "",
    track: str = "",
    start_date: date | None = None,
    end_date: date | None = None,
) -> CohortView:
    name = required(name, user_text("Cohorts", "Cohort name"))
    with store.write() as s:
        if s.scalar(select(Cohort.id).where(Cohort.name == name)) is not None:
            raise Conflict(
                user_text("Cohorts", "A cohort named {name!r} already exists").format(name=name)
            )
        c = add(
            store,
            s,
            Cohort(
                name=name,
                programme_id=_programme_id(s, programme),
                track=clean(track),
                start_date=start_date,
                end_date=end_date,
            ),
        )
    return get_cohort(store, c.uid)


def update_cohort(store: Store, uid: str, **fields: object) -> CohortView:
    with store.write() as s:
        c = find(s, Cohort, uid, "cohort")
        if "programme" in fields:
            fields["programme_id"] = _programme_id(s, str(fields.pop("programme") or ""))
        if "name" in fields:
            fields["name"] = required(fields["name"], user_text("Cohorts", "Cohort name"))
            other = s.scalar(select(Cohort.id).where(Cohort.name == fields["name"]))
            if other is not None and other != c.id:
                raise Conflict(
                    user_text("Cohorts", "A cohort named {name!r} already exists").format(
                        name=fields["name"]
                    )
                )
        change(store, s, c, fields)
    return get_cohort(store, uid)


def withdraw_cohort(store: Store, uid: str) -> CohortView:
    with store.write() as s:
        c = find(s, Cohort, uid, "cohort")
        change(store, s, c, {"withdrawn": True}, action="withdraw")
    return get_cohort(store, uid)


def _views(s: Session, where: list[ColumnElement[bool]]) -> list[CohortView]:
    active = (
        select(Trainee.cohort_id, func.count().label("n"))
        .where(Trainee.status == "active", Trainee.deleted.is_(False))
        .group_by(Trainee.cohort_id)
        .subquery()
    )
    query = (
        select(Cohort, Programme.name, func.coalesce(active.c.n, 0))
        .outerjoin(Programme, Cohort.programme_id == Programme.id)
        .outerjoin(active, active.c.cohort_id == Cohort.id)
        .where(Cohort.deleted.is_(False), *where)
        .order_by(Cohort.name)
    )
    return [
        CohortView(c.uid, c.name, pname or "", c.track, c.start_date, c.end_date, c.withdrawn, n)
        for c, pname, n in s.execute(query)
    ]


def get_cohort(store: Store, uid: str) -> CohortView:
    with store.read() as s:
        found = _views(s, [Cohort.uid == uid])
    if not found:
        raise NotFound(user_text("Cohorts", "No cohort with id {uid}").format(uid=uid))
    return found[0]


def list_cohorts(
    store: Store, search: str = "", include_withdrawn: bool = False
) -> list[CohortView]:
    with store.read() as s:
        rows = _views(s, [] if include_withdrawn else [Cohort.withdrawn.is_(False)])
    needle = folded(search.strip())
    if needle:
        rows = [r for r in rows if needle in folded(f"{r.name} {r.programme} {r.track}")]
    return rows
