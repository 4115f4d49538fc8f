"""Applying field changes to a travelling record: validation aside, every service does this."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import NotFound
from .models import Travelling
from .store import Store
from .wording import Text, user_text

T = TypeVar("T", bound=Travelling)

# What callers name the record they look for, said in the interface language.
KINDS: dict[str, Text] = {
    "trainee": user_text("Trainees", "trainee"),
    "staff member": user_text("Staff", "staff member"),
    "programme": user_text("Programmes", "programme"),
    "cohort": user_text("Cohorts", "cohort"),
    "rubric": user_text("Rubrics", "rubric"),
    "skill": user_text("Rubrics", "skill"),
    "session": user_text("Sessions", "session"),
    "assessment": user_text("Assessments", "assessment"),
    "calendar block": user_text("Calendar", "calendar block"),
    "day off": user_text("Calendar", "day off"),
    "leave": user_text("Calendar", "leave"),
}


def not_found(what: str, uid: str) -> NotFound:
    """The refusal for a record that is not there; ``what`` is a ``KINDS`` key ("trainee")."""
    return NotFound(user_text("Store", "No {what} with id {uid}").format(what=KINDS[what], uid=uid))


def find(session: Session, model: type[T], uid: str, what: str) -> T:
    record = session.scalar(select(model).where(model.uid == uid))
    if record is None or record.deleted:
        raise not_found(what, uid)
    return record


def add(store: Store, session: Session, record: T) -> T:
    """Insert a new record, stamped and audited with its initial values."""
    store.stamp(record)
    session.add(record)
    session.flush()
    values = {
        c.key: getattr(record, c.key)
        for c in record.__table__.columns  # type: ignore[attr-defined]
        if c.key not in {"id", "uid", "updated_at", "origin_device", "deleted"}
    }
    store.audit(session, record, "create", values)
    return record


def change(
    store: Store,
    session: Session,
    record: Travelling,
    fields: dict[str, Any],
    action: str = "update",
) -> dict[str, list[Any]]:
    """Set the fields that differ; stamp and audit only when something did."""
    diff: dict[str, list[Any]] = {}
    for key, value in fields.items():
        old = getattr(record, key)
        if old != value:
            diff[key] = [old, value]
            setattr(record, key, value)
    if diff:
        store.stamp(record)
        store.audit(session, record, action, diff)
    return diff
