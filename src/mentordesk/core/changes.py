"""Applying field changes to a travelling record: validation aside, every service does this."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import NotFound
from .models import Travelling
from .store import Store

T = TypeVar("T", bound=Travelling)


def find(session: Session, model: type[T], uid: str, what: str) -> T:
    record = session.scalar(select(model).where(model.uid == uid))
    if record is None or record.deleted:
        raise NotFound(f"No {what} with id {uid}")
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
