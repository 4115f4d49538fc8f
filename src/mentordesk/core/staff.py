"""Mentors, supervisors and teachers, and which of them is the local user."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .changes import add, change, find
from .errors import NotFound, UserError
from .models import STAFF_ROLES, Cohort, Staff
from .store import Store
from .text import clean, folded, required
from .wording import user_text


@dataclass(frozen=True)
class StaffView:
    uid: str
    name: str
    role: str
    organisation: str
    email: str
    phone: str
    withdrawn: bool
    cohorts: tuple[str, ...] = ()


def _view(p: Staff) -> StaffView:
    cohorts = tuple(c.name for c in p.cohorts if not c.deleted)
    return StaffView(p.uid, p.name, p.role, p.organisation, p.email, p.phone, p.withdrawn, cohorts)


def _cohorts(s: Session, names: Iterable[str]) -> list[Cohort]:
    """The cohorts named, every one of them; refused naming those that do not exist."""
    wanted = list(dict.fromkeys(n for n in map(clean, names) if n))
    found = {
        c.name: c
        for c in s.scalars(select(Cohort).where(Cohort.name.in_(wanted), Cohort.deleted.is_(False)))
    }
    missing = [n for n in wanted if n not in found]
    if missing:
        raise NotFound(
            user_text("Staff", "No cohort named {names}").format(
                names=", ".join(map(repr, missing))
            )
        )
    return [found[n] for n in wanted]


def _fields(fields: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in fields.items():
        if key not in ("name", "role", "organisation", "email", "phone"):
            raise UserError(user_text("Staff", "Unknown staff field {field!r}").format(field=key))
        out[key] = required(value, user_text("Staff", "Name")) if key == "name" else clean(value)
    role = out.get("role")
    if role is not None and role not in STAFF_ROLES:
        raise UserError(
            user_text("Staff", "Role {role!r} is not one of: {allowed}").format(
                role=role, allowed=", ".join(STAFF_ROLES)
            )
        )
    return out


def create_staff(
    store: Store,
    name: str,
    *,
    role: str = "mentor",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    cohorts: Iterable[str] = (),
) -> StaffView:
    """A new staff member; ``cohorts`` names the cohorts they work with."""
    values = _fields(
        {"name": name, "role": role, "organisation": organisation, "email": email, "phone": phone}
    )
    with store.write() as s:
        works_with = _cohorts(s, cohorts)
        p = add(store, s, Staff(**values))
        p.cohorts = works_with
        return _view(p)


def update_staff(
    store: Store, uid: str, *, cohorts: Iterable[str] | None = None, **fields: object
) -> StaffView:
    """Change the fields given; ``cohorts``, when given, replaces the cohorts they work with."""
    values = _fields(fields)
    with store.write() as s:
        p = find(s, Staff, uid, "staff member")
        if cohorts is not None:
            p.cohorts = _cohorts(s, cohorts)
        change(store, s, p, values)
        view = _view(p)
    store.refresh_actor()
    return view


def withdraw_staff(store: Store, uid: str) -> StaffView:
    with store.write() as s:
        p = find(s, Staff, uid, "staff member")
        change(store, s, p, {"withdrawn": True}, action="withdraw")
        return _view(p)


def list_staff(store: Store, search: str = "", include_withdrawn: bool = False) -> list[StaffView]:
    with store.read() as s:
        # In pinyin order; found by name, its pinyin (with or without spaces) or initials.
        query = (
            select(Staff)
            .options(selectinload(Staff.cohorts))
            .where(Staff.deleted.is_(False))
            .order_by(Staff.name_key, Staff.name)
        )
        if not include_withdrawn:
            query = query.where(Staff.withdrawn.is_(False))
        rows = [(_view(p), p.name_key) for p in s.scalars(query)]
    needle = folded(search.strip())
    if needle:
        spelled = "".join(needle.split())
        rows = [
            (r, key)
            for r, key in rows
            if needle in folded(f"{r.name} {r.role} {r.organisation}") or spelled in key
        ]
    return [r for r, _key in rows]


def local_user(store: Store) -> StaffView | None:
    """The staff member who uses this installation, once their profile is set."""
    uid = store.get_setting("local_staff_uid")
    if not uid:
        return None
    with store.read() as s:
        p = s.scalar(select(Staff).where(Staff.uid == uid))
        return _view(p) if p is not None else None


def save_profile(store: Store, name: str, role: str, organisation: str) -> StaffView:
    """Create or update the local user's own staff record."""
    current = local_user(store)
    if current is not None:
        return update_staff(store, current.uid, name=name, role=role, organisation=organisation)
    values = _fields({"name": name, "role": role, "organisation": organisation})
    with store.write() as s:
        p = add(store, s, Staff(**values))
        store.set_setting(s, "local_staff_uid", p.uid)
        view = _view(p)
    store.refresh_actor()
    return view
