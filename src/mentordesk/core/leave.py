"""A trainee's leave: days away that, once approved, are not expected attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from .changes import add, change, find
from .errors import UserError
from .models import Leave, Trainee
from .periods import check_period
from .store import Store
from .text import clean
from .wording import user_text

MAX_REASON = 300


@dataclass(frozen=True)
class LeaveView:
    uid: str
    trainee_uid: str
    starts_on: date
    ends_on: date
    reason: str
    approved: bool


def _view(row: Leave, trainee_uid: str) -> LeaveView:
    return LeaveView(row.uid, trainee_uid, row.starts_on, row.ends_on, row.reason, row.approved)


def add_leave(
    store: Store,
    trainee_uid: str,
    *,
    start: date,
    end: date,
    reason: str = "",
    approved: bool = True,
) -> LeaveView:
    check_period(start, end)
    reason = clean(reason)
    if len(reason) > MAX_REASON:
        raise UserError(
            user_text("Calendar", "The reason is longer than {count} characters").format(
                count=MAX_REASON
            )
        )
    with store.write() as s:
        trainee = find(s, Trainee, trainee_uid, "trainee")
        row = add(
            store,
            s,
            Leave(
                trainee_id=trainee.id,
                starts_on=start,
                ends_on=end,
                reason=reason,
                approved=approved,
            ),
        )
        return _view(row, trainee.uid)


def set_approved(store: Store, uid: str, approved: bool) -> None:
    with store.write() as s:
        change(store, s, find(s, Leave, uid, "leave"), {"approved": approved})


def cancel_leave(store: Store, uid: str) -> None:
    with store.write() as s:
        change(store, s, find(s, Leave, uid, "leave"), {"deleted": True}, "delete")


def list_leave(store: Store, trainee_uid: str) -> list[LeaveView]:
    with store.read() as s:
        trainee = find(s, Trainee, trainee_uid, "trainee")
        rows = s.scalars(
            select(Leave)
            .where(Leave.trainee_id == trainee.id, Leave.deleted.is_(False))
            .order_by(Leave.starts_on)
        )
        return [_view(r, trainee.uid) for r in rows]
