"""A cohort's week template: the sessions of a plant week (days, times, workshop, mentor,
topic) that planning lays over the plant days of its calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from sqlalchemy import select

from .calendar_plan import find_cohort
from .changes import find
from .errors import UserError
from .models import Staff, WeekSlot
from .store import Store
from .text import clean
from .wording import user_text
from .workshop_sessions import overlap

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class SlotSpec:
    weekday: int
    start: time
    end: time
    location: str = ""
    module: str = ""
    task: str = ""
    mentor_uid: str = ""


def parse_weekdays(text: str) -> list[int]:
    """``mon,wed,fri`` or ``mon-fri`` as ``date.weekday()`` numbers."""
    days: list[int] = []
    for part in text.lower().replace(" ", "").split(","):
        ends = part.split("-")
        if not part or len(ends) > 2 or any(e[:3] not in WEEKDAYS for e in ends):
            raise UserError(
                user_text(
                    "Calendar", "{text!r} is not a list of weekdays like 'mon-fri' or 'mon,wed'"
                ).format(text=text)
            )
        first, last = WEEKDAYS.index(ends[0][:3]), WEEKDAYS.index(ends[-1][:3])
        if last < first:
            raise UserError(
                user_text("Calendar", "The weekdays {part!r} run backwards").format(part=part)
            )
        days += [d for d in range(first, last + 1) if d not in days]
    return sorted(days)


def set_week(store: Store, cohort_key: str, slots: list[SlotSpec]) -> None:
    """Replace the cohort's week template."""
    if not slots:
        raise UserError(user_text("Calendar", "The week template has no session"))
    for n, slot in enumerate(slots):
        if slot.end <= slot.start:
            raise UserError(
                user_text(
                    "Sessions", "The session ends ({end:%H:%M}) before it starts ({start:%H:%M})"
                ).format(end=slot.end, start=slot.start)
            )
        clash = any(
            o.weekday == slot.weekday and overlap(slot.start, slot.end, o.start, o.end)
            for o in slots[:n]
        )
        if clash:
            raise UserError(
                user_text(
                    "Calendar", "Two sessions of the week share time on {day} at {start:%H:%M}"
                ).format(start=slot.start, day=WEEKDAYS[slot.weekday])
            )
    with store.write() as s:
        cohort = find_cohort(s, cohort_key)
        mentors = {
            uid: find(s, Staff, uid, "staff member").id
            for uid in {x.mentor_uid for x in slots}
            if uid
        }
        for old in s.scalars(select(WeekSlot).where(WeekSlot.cohort_id == cohort.id)):
            s.delete(old)
        for slot in slots:
            s.add(
                WeekSlot(
                    cohort_id=cohort.id,
                    weekday=slot.weekday,
                    start_time=slot.start,
                    end_time=slot.end,
                    location=clean(slot.location),
                    module=clean(slot.module),
                    task=clean(slot.task),
                    mentor_id=mentors.get(slot.mentor_uid),
                )
            )


def week_of(store: Store, cohort_key: str) -> list[SlotSpec]:
    with store.read() as s:
        cohort = find_cohort(s, cohort_key)
        rows = s.execute(
            select(WeekSlot, Staff.uid)
            .outerjoin(Staff, Staff.id == WeekSlot.mentor_id)
            .where(WeekSlot.cohort_id == cohort.id)
            .order_by(WeekSlot.weekday, WeekSlot.start_time)
        )
        return [
            SlotSpec(w.weekday, w.start_time, w.end_time, w.location, w.module, w.task, uid or "")
            for w, uid in rows
        ]
