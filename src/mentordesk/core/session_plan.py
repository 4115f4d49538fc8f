"""Planned sessions: a cohort's week template laid over the plant days of its calendar.

Making the plan's sessions again after the calendar changed adds the sessions the plan now has
and takes away the planned ones it no longer has; a session with records (marks, ratings,
notes) is never taken away: the plan is refused instead, naming the session. A session the
mentor cancelled by hand stays cancelled, and a session made by hand on a planned day and time
counts as that planned session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import TextClause, bindparam, select, text, update
from sqlalchemy.orm import Session

from .bulk import fewer_collections, insert_groups
from .bulk_rows import insert_many, new_uids
from .calendar_plan import find_cohort
from .changes import change, find
from .errors import UserError
from .models import (
    Attendance,
    AuditEvent,
    CalendarBlock,
    Cohort,
    DayOff,
    Note,
    SkillRating,
    WeekSlot,
    WorkshopSession,
    utcnow,
)
from .store import Store
from .week_template import WEEKDAYS, SlotSpec, parse_weekdays, set_week, week_of
from .wording import user_text
from .workshop_sessions import overlap

# The week template lives in week_template; planning is where callers have found it.
__all__ = [
    "WEEKDAYS",
    "PlanChanges",
    "SlotSpec",
    "cancel_session",
    "parse_weekdays",
    "plan_many_sessions",
    "plan_sessions",
    "set_week",
    "week_of",
]

# A planned session's columns: the two each session has of its own, and those it shares with
# the other sessions of its cohort's slot of the week.
OWN_COLUMNS = ("uid", "held_on")
SLOT_COLUMNS = (
    "start_time", "end_time", "location", "module", "task", "mentor_id",
    "updated_at", "origin_device", "deleted", "cohort_id", "planned", "cancelled",
)  # fmt: skip


@dataclass
class _Pending:
    """What a plan writes, written at its end by one statement per table: the values a slot's
    sessions share are converted once for all of them, each date once."""

    # A slot's shared values (SLOT_COLUMNS) and its new sessions' own (OWN_COLUMNS).
    sessions: dict[tuple[object, ...], list[tuple[str, date]]] = field(default_factory=dict)
    # One audit event per cohort: the cohort's UID and the event's changes.
    audits: list[tuple[str, dict[str, object]]] = field(default_factory=list)

    def write(self, store: Store, s: Session, now: datetime) -> None:
        table = WorkshopSession.__table__
        insert_groups(s, table, OWN_COLUMNS, SLOT_COLUMNS, self.sessions.items())  # type: ignore[arg-type]
        same: dict[str, object] = {
            "at": now,
            "actor": store.actor.name,
            "device": store.device_id,
            "entity": "cohort",
            "action": "plan sessions",
        }
        rows = [
            (uid, cohort_uid, changes)
            for uid, (cohort_uid, changes) in zip(
                new_uids(len(self.audits)), self.audits, strict=True
            )
        ]
        insert_many(s, AuditEvent.__table__, ("uid", "entity_uid", "changes"), rows, same)  # type: ignore[arg-type]


@dataclass
class PlanChanges:
    cohort: str
    added: list[tuple[date, time]] = field(default_factory=list)
    removed: list[tuple[date, time | None]] = field(default_factory=list)
    unchanged: int = 0


class _Slot(NamedTuple):
    """A week template's slot as plain values: a plan lays each one over hundreds of days."""

    weekday: int
    start_time: time
    end_time: time
    location: str
    module: str
    task: str
    mentor_id: int | None


@dataclass
class _Inputs:
    """What planning needs of every cohort it plans, read by one statement per table rather
    than several per cohort."""

    slots: dict[int, list[_Slot]] = field(default_factory=dict)
    blocks: dict[int, list[tuple[date, date]]] = field(default_factory=dict)
    # Days off as day numbers (``date.toordinal``); key None: the days off of every cohort.
    off: dict[int | None, set[int]] = field(default_factory=dict)
    existing: dict[int, list[tuple[int, date, time | None, time | None, bool]]] = field(
        default_factory=dict
    )


def _typed(sql: str, *columns: Any) -> TextClause:
    """A statement of the plan's inputs: written out, so that a fresh connection (the command
    line's) does not spend longer composing it than the database takes to answer; its columns
    typed as the models', so dates and times come back as such."""
    return text(sql).bindparams(bindparam("ids", expanding=True)).columns(*columns)  # type: ignore[return-value]


_SLOTS = _typed(
    "SELECT cohort_id, weekday, start_time, end_time, location, module, task, mentor_id "
    "FROM week_slot WHERE cohort_id IN :ids",
    WeekSlot.cohort_id,
    WeekSlot.weekday,
    WeekSlot.start_time,
    WeekSlot.end_time,
    WeekSlot.location,
    WeekSlot.module,
    WeekSlot.task,
    WeekSlot.mentor_id,
)
_BLOCKS = _typed(
    "SELECT cohort_id, starts_on, ends_on FROM calendar_block "
    "WHERE cohort_id IN :ids AND deleted = :no AND place = 'plant'",
    CalendarBlock.cohort_id,
    CalendarBlock.starts_on,
    CalendarBlock.ends_on,
)
_OFF = _typed(
    "SELECT cohort_id, day FROM day_off "
    "WHERE deleted = :no AND (cohort_id IS NULL OR cohort_id IN :ids)",
    DayOff.cohort_id,
    DayOff.day,
)
_SESSION = (
    WorkshopSession.cohort_id,
    WorkshopSession.id,
    WorkshopSession.held_on,
    WorkshopSession.start_time,
    WorkshopSession.end_time,
    WorkshopSession.planned,
)
# The sessions planning can meet: the planned ones (it may take them away) and any on a day of
# a plant block (a planned slot that day may share their time), found down the sessions'
# (cohort, date) index from each block. The others are on days the plan never gives a session.
_PLANNED = _typed(
    "SELECT cohort_id, id, held_on, start_time, end_time, planned FROM workshop_session "
    "WHERE cohort_id IN :ids AND deleted = :no AND planned = :yes",
    *_SESSION,
)
_IN_BLOCKS = _typed(
    "SELECT s.cohort_id, s.id, s.held_on, s.start_time, s.end_time, s.planned "
    "FROM workshop_session AS s JOIN calendar_block AS b ON b.cohort_id = s.cohort_id "
    "AND s.held_on BETWEEN b.starts_on AND b.ends_on "
    "WHERE b.cohort_id IN :ids AND b.deleted = :no AND b.place = 'plant' AND s.deleted = :no",
    *_SESSION,
)


def _read_inputs(s: Session, cohort_ids: list[int]) -> _Inputs:
    # Plain rows through the connection, fetched whole: ORM result handling, or the driver
    # called once per row, costs more than these reads.
    rows = s.connection()
    given = {"ids": cohort_ids, "no": False, "yes": True}
    inputs = _Inputs()
    for cohort_id, *slot in rows.execute(_SLOTS, given).all():
        inputs.slots.setdefault(cohort_id, []).append(_Slot._make(slot))
    for cohort_id, first, last in rows.execute(_BLOCKS, given).all():
        inputs.blocks.setdefault(cohort_id, []).append((first, last))
    for off_cohort, day in rows.execute(_OFF, given).all():
        inputs.off.setdefault(off_cohort, set()).add(day.toordinal())
    seen: set[int] = set()
    for query in (_PLANNED, _IN_BLOCKS):
        for of_cohort, sid, day, start, end, is_planned in rows.execute(query, given).all():
            if sid not in seen and of_cohort is not None:
                seen.add(sid)
                inputs.existing.setdefault(of_cohort, []).append((sid, day, start, end, is_planned))
    return inputs


def _wanted(cohort: Cohort, inputs: _Inputs) -> dict[tuple[date, time], _Slot]:
    slots = inputs.slots.get(cohort.id)
    if not slots:
        raise UserError(
            user_text(
                "Calendar", "The cohort {cohort} has no week template: set its sessions first"
            ).format(cohort=cohort.name)
        )
    blocks = inputs.blocks.get(cohort.id)
    if not blocks:
        raise UserError(
            user_text("Calendar", "The cohort {cohort} has no plant block in its plan").format(
                cohort=cohort.name
            )
        )
    off = inputs.off.get(None, set()) | inputs.off.get(cohort.id, set())
    by_day: list[list[_Slot]] = [[] for _ in WEEKDAYS]
    for slot in slots:
        by_day[slot.weekday].append(slot)
    wanted = {}
    # Day numbers, not dates: a date is made only for a day the template has sessions on.
    for first, last in blocks:
        for number in range(first.toordinal(), last.toordinal() + 1):
            # Day 1 (0001-01-01) was a Monday: weekday 0.
            on_day = by_day[(number - 1) % 7]
            if on_day and number not in off:
                day = date.fromordinal(number)
                for slot in on_day:
                    wanted[(day, slot.start_time)] = slot
    return wanted


def plan_sessions(store: Store, cohort_key: str, *, dry_run: bool = False) -> PlanChanges:
    """Make (or, with ``dry_run``, only count) the sessions the cohort's plan asks for."""
    return plan_many_sessions(store, [cohort_key], dry_run=dry_run)[0]


def plan_many_sessions(
    store: Store, cohort_keys: list[str], *, dry_run: bool = False
) -> list[PlanChanges]:
    """``plan_sessions`` for several cohorts in one transaction: all of them or none."""
    # Who plans, read before the transaction: read inside it, the audit would open a second
    # connection to the database for it.
    store.actor  # noqa: B018
    with fewer_collections(), store.write() as s:
        cohorts = _find_cohorts(s, cohort_keys)
        inputs = _read_inputs(s, list({c.id for c in cohorts}))
        pending = _Pending()
        now = utcnow()
        done: list[PlanChanges] = []
        planned: dict[int, PlanChanges] = {}
        for cohort in cohorts:
            if cohort.id in planned:  # named twice: its plan is made already
                made = planned[cohort.id]
                done.append(PlanChanges(cohort.name, unchanged=made.unchanged + len(made.added)))
                continue
            planned[cohort.id] = _plan_one(
                store, s, cohort, inputs, None if dry_run else pending, now
            )
            done.append(planned[cohort.id])
        if dry_run:
            s.rollback()
        else:
            pending.write(store, s, now)
        return done


def _find_cohorts(s: Session, keys: list[str]) -> list[Cohort]:
    """``find_cohort`` for each key, by one statement for all of them."""
    found = s.scalars(
        select(Cohort).where(
            Cohort.uid.in_(keys) | Cohort.name.in_(keys), Cohort.deleted.is_(False)
        )
    ).all()
    by_uid = {c.uid: c for c in found}
    by_name: dict[str, Cohort] = {}
    for c in found:
        by_name.setdefault(c.name, c)
    # A name that happens to be another cohort's uid is read as the uid; a key that names
    # nothing gets find_cohort's message.
    return [by_uid.get(k) or by_name.get(k) or find_cohort(s, k) for k in keys]


def _plan_one(
    store: Store,
    s: Session,
    cohort: Cohort,
    inputs: _Inputs,
    pending: _Pending | None,
    now: datetime,
) -> PlanChanges:
    wanted = _wanted(cohort, inputs)
    existing = inputs.existing.get(cohort.id, [])
    candidates = {
        sid: (day, start)
        for sid, day, start, _end, planned in existing
        if planned and (day, start) not in wanted
    }
    # A session the plan keeps, or one made by hand, that shares time with a planned slot is
    # that slot: the cohort never gets two sessions at once (workshop_sessions' rule).
    by_day: dict[date, list[tuple[time | None, time | None]]] = {}
    for sid, day, start, end, _planned in existing:
        if sid not in candidates:
            by_day.setdefault(day, []).append((start, end))
    have = {
        key
        for key, slot in wanted.items()
        if key[0] in by_day
        and any(overlap(slot.start_time, slot.end_time, a, b) for a, b in by_day[key[0]])
    }
    used = _with_records(s, list(candidates)) if candidates else set()
    if used:
        listed = ", ".join(
            f"{d} {t:%H:%M}" if t else str(d) for d, t in sorted(candidates[i] for i in used)[:5]
        )
        raise UserError(
            user_text(
                "Calendar",
                "{count} planned sessions of {cohort} are no longer in the plan but have "
                "marks, ratings or notes ({sessions}): change the plan back, or delete "
                "those sessions first",
            ).format(count=len(used), cohort=cohort.name, sessions=listed)
        )
    changes = PlanChanges(cohort.name)
    changes.removed = sorted(candidates.values(), key=lambda k: (k[0], k[1] or time.min))
    changes.added = sorted(key for key in wanted if key not in have)
    changes.unchanged = len(wanted) - len(changes.added)
    if pending is not None:
        slots = [wanted[k] for k in changes.added]
        _apply(store, s, cohort, slots, changes.added, list(candidates), pending, now)
    return changes


def _with_records(s: Session, session_ids: list[int]) -> set[int]:
    """Which of these sessions have marks, ratings or notes."""
    found: set[int] = set()
    for model in (Attendance, SkillRating, Note):
        found.update(
            s.scalars(
                select(model.session_id).where(
                    model.session_id.in_(session_ids),
                    model.deleted.is_(False),
                )
            )
        )
    return found


def _apply(
    store: Store,
    s: Session,
    cohort: Cohort,
    slots: list[_Slot],
    keys: list[tuple[date, time]],
    gone: list[int],
    pending: _Pending,
    now: datetime,
) -> None:
    """Take away the sessions the plan no longer has, and add the new ones to ``pending``."""
    uids = new_uids(len(keys))
    same = (now, store.device_id, False, cohort.id, True, False)
    shared: dict[_Slot, list[tuple[str, date]]] = {}
    for uid, w, (day, _start) in zip(uids, slots, keys, strict=True):
        if w not in shared:
            shared[w] = pending.sessions.setdefault(
                (w.start_time, w.end_time, w.location, w.module, w.task, w.mentor_id, *same), []
            )
        shared[w].append((uid, day))
    if gone:
        s.execute(
            update(WorkshopSession)
            .where(WorkshopSession.id.in_(gone))
            .values(deleted=True, updated_at=now, origin_device=store.device_id)
        )
    # One audit event for the whole plan: which sessions it added and took away.
    pending.audits.append((cohort.uid, {"added": uids, "removed": len(gone)}))


def cancel_session(store: Store, uid: str, cancelled: bool = True) -> None:
    """Not held (or held after all): nobody is expected at a cancelled session."""
    with store.write() as s:
        ws = find(s, WorkshopSession, uid, "session")
        if cancelled and _with_records(s, [ws.id]):
            raise UserError(
                user_text(
                    "Calendar",
                    "The session of {day} has marks, ratings or notes: it was held and cannot "
                    "be cancelled",
                ).format(day=ws.held_on)
            )
        change(store, s, ws, {"cancelled": cancelled}, "cancel" if cancelled else "reinstate")
