"""Whose view a rating is, and a programme's composite grade over the roles.

A composite is never a silent average: it always comes with its parts (each role's latest
level and weight), and a part without a rating is named rather than filled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .changes import change, find
from .errors import UserError
from .models import RATER_ROLES, Cohort, Programme, Staff, Trainee
from .store import Store
from .text import clean
from .wording import user_text


def rater_role(text: object) -> str:
    """The role's key, refused with the roles allowed when it is none of them."""
    role = clean(str(text or "")).lower()
    if role not in RATER_ROLES:
        raise UserError(
            user_text("Ratings", "Rater role {role!r} is not one of: {allowed}").format(
                role=role, allowed=", ".join(RATER_ROLES)
            )
        )
    return role


def role_of_staff(s: Session, staff_id: int | None) -> str:
    """The role a staff member rates as: their own when it is a rater role, else mentor."""
    if staff_id is None:
        return "mentor"
    role = s.scalar(select(Staff.role).where(Staff.id == staff_id))
    return role if role in RATER_ROLES else "mentor"


def parse_weights(text: str) -> dict[str, int]:
    """``mentor=50,teacher=30,self=20`` as weights per role; empty text for none. Refused, with
    what is wrong, unless every role is known, named once, weighed 1..100 and the sum is 100."""
    weights: dict[str, int] = {}
    for part in (p.strip() for p in clean(text).replace("，", ",").split(",")):
        if not part:
            continue
        role, sep, number = (x.strip() for x in part.partition("="))
        if not sep:
            raise UserError(
                user_text("Ratings", "Weight {part!r} is not ROLE=PERCENT").format(part=part)
            )
        role = rater_role(role)
        if role in weights:
            raise UserError(user_text("Ratings", "Role {role} is weighed twice").format(role=role))
        try:
            value = int(number.rstrip("%").strip())
        except ValueError:
            value = -1
        if not 1 <= value <= 100:
            raise UserError(
                user_text("Ratings", "Weight of {role} must be a whole percent, 1 to 100").format(
                    role=role
                )
            )
        weights[role] = value
    total = sum(weights.values())
    if weights and total != 100:
        raise UserError(
            user_text("Ratings", "The weights add up to {total} %, not 100 %: {weights}").format(
                total=total, weights=format_weights(weights)
            )
        )
    return weights


def format_weights(weights: Mapping[str, int]) -> str:
    return ",".join(f"{role}={value}" for role, value in weights.items())


def set_programme_weights(store: Store, programme_uid: str, text: str) -> dict[str, int]:
    """Give a programme its composite weights (empty text: no composite); nothing changes when
    they are refused."""
    weights = parse_weights(text)
    with store.write() as s:
        p = find(s, Programme, programme_uid, "programme")
        change(store, s, p, {"rating_weights": format_weights(weights)})
    return weights


def trainee_weights(s: Session, trainee_id: int) -> dict[str, int]:
    """The composite weights of the trainee's programme; empty when it has none."""
    stored = s.scalar(
        select(Programme.rating_weights)
        .join(Cohort, Cohort.programme_id == Programme.id)
        .join(Trainee, Trainee.cohort_id == Cohort.id)
        .where(Trainee.id == trainee_id)
    )
    # Stored only after parse_weights accepted it.
    return parse_weights(stored or "")


@dataclass(frozen=True)
class CompositePart:
    role: str
    weight: int
    level: int | None


@dataclass(frozen=True)
class Composite:
    """A weighted grade with its parts; ``value`` is None while a weighed role has no rating."""

    parts: tuple[CompositePart, ...]
    value: float | None

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(p.role for p in self.parts if p.level is None)

    def describe(self) -> str:
        parts = " + ".join(
            f"{p.role} {p.level if p.level is not None else '–'} × {p.weight} %" for p in self.parts
        )
        if self.value is None:
            return user_text("Ratings", "{parts} (no composite: {missing} not rated)").format(
                parts=parts, missing=", ".join(self.missing)
            )
        return f"{parts} = {self.value:.2f}"


def composite(levels: Mapping[str, int], weights: Mapping[str, int]) -> Composite | None:
    """The weighted grade of one skill from each role's latest level; None without weights."""
    if not weights:
        return None
    parts = tuple(CompositePart(r, w, levels.get(r)) for r, w in weights.items())
    if any(p.level is None for p in parts):
        return Composite(parts, None)
    value = sum(p.weight * (p.level or 0) for p in parts) / 100
    return Composite(parts, value)
