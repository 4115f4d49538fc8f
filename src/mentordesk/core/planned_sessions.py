"""A cohort's coming sessions as its plan made them: what the calendar's sessions list shows.

Sessions made by hand are listed too (``planned`` False): the plan counts one made on a planned
day and time as that planned session, so leaving it out would hide why the plan added none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import aliased

from .calendar_plan import find_cohort
from .models import Staff, WorkshopSession
from .store import Store

# A plan made for years ahead holds hundreds of sessions; the list is for the weeks to come.
UPCOMING_LIMIT = 200


@dataclass(frozen=True)
class UpcomingSession:
    uid: str
    held_on: date
    start_time: time | None
    end_time: time | None
    location: str
    module: str
    task: str
    mentor: str
    planned: bool
    cancelled: bool


def upcoming_sessions(
    store: Store, cohort_key: str, since: date, limit: int = UPCOMING_LIMIT
) -> list[UpcomingSession]:
    """The cohort's sessions from ``since`` on, earliest first, cancelled ones included."""
    mentor = aliased(Staff)
    with store.read() as s:
        cohort = find_cohort(s, cohort_key)
        rows = s.execute(
            select(WorkshopSession, mentor.name)
            .outerjoin(mentor, mentor.id == WorkshopSession.mentor_id)
            .where(
                WorkshopSession.cohort_id == cohort.id,
                WorkshopSession.deleted.is_(False),
                WorkshopSession.held_on >= since,
            )
            .order_by(WorkshopSession.held_on, WorkshopSession.start_time, WorkshopSession.id)
            .limit(max(1, limit))
        )
        return [
            UpcomingSession(
                ws.uid,
                ws.held_on,
                ws.start_time,
                ws.end_time,
                ws.location,
                ws.module,
                ws.task,
                name or "",
                ws.planned,
                ws.cancelled,
            )
            for ws, name in rows
        ]
