"""Attendance at a workshop session: the roster, marks, and putting earlier marks back (undo)."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, exists, or_, select
from sqlalchemy.orm import Session

from . import record_values
from .capture_views import MarkState, RosterRow, roster_rows, session_hours
from .changes import add, change, find
from .errors import UserError
from .models import ATTENDANCE_STATUSES, Attendance, Leave, Staff, Trainee, WorkshopSession
from .store import Store
from .text import clean
from .wording import user_text
from .workshop_sessions import expected_where, is_expected

# Hours credited are whole minutes at most: a float sum must not drift in the summaries.
_ROUND = 4


def _session(s: Session, session_uid: str) -> WorkshopSession:
    return find(s, WorkshopSession, session_uid, "session")


def check_held(ws: WorkshopSession) -> None:
    """Refuse to record anything at a cancelled session: nobody is expected there."""
    if ws.cancelled:
        raise UserError(
            user_text(
                "Attendance",
                "The session of {day} is cancelled: nothing can be recorded at it. "
                "Reinstate it first (mentordesk plan cancel --undo {session}).",
            ).format(day=ws.held_on, session=ws.uid)
        )


def _leave_on(day: object):  # type: ignore[no-untyped-def]
    """Approved leave covering ``day`` for the trainee of the statement."""
    return exists().where(
        Leave.trainee_id == Trainee.id,
        Leave.deleted.is_(False),
        Leave.approved.is_(True),
        Leave.starts_on <= day,
        Leave.ends_on >= day,
    )


def session_roster(store: Store, session_uid: str) -> list[RosterRow]:
    """Each expected trainee (unmarked ones too) plus anyone already marked, by trainee ID.

    A trainee of the cohort on approved leave that day is listed with ``on_leave`` and is not
    expected: an empty mark there is not a forgotten one.
    """
    with store.read() as s:
        ws = _session(s, session_uid)
        marked = (
            select(Attendance.trainee_id)
            .where(Attendance.session_id == ws.id, Attendance.deleted.is_(False))
            .scalar_subquery()
        )
        enrolled = select(Trainee.id, _leave_on(ws.held_on)).where(
            Trainee.cohort_id == ws.cohort_id, *expected_where(ws.held_on)
        )
        on_leave: set[int] = set()
        expected_ids: set[int] = set()
        for pk, away in s.execute(enrolled):
            (on_leave if away else expected_ids).add(pk)
        rows = s.execute(
            select(
                Trainee.id,
                Trainee.uid,
                Trainee.trainee_id,
                Trainee.name,
                Attendance.status,
                Attendance.minutes_late,
                Attendance.hours,
                Attendance.note,
            )
            .outerjoin(
                Attendance,
                (Attendance.trainee_id == Trainee.id)
                & (Attendance.session_id == ws.id)
                & Attendance.deleted.is_(False),
            )
            .where(or_(Trainee.id.in_(expected_ids | on_leave), Trainee.id.in_(marked)))
            .order_by(Trainee.trainee_id)
        )
        return roster_rows(rows, expected_ids, on_leave)


def default_hours(session_length: float, status: str, minutes_late: int) -> float:
    """The session's length less the time missed; nothing for an absence."""
    if status in ("absent", "excused"):
        return 0.0
    return round(max(0.0, session_length - minutes_late / 60), _ROUND)


def _validate(
    status: str, minutes_late: int | None, hours: float | None, length: float
) -> tuple[int, float | None]:
    if status not in ATTENDANCE_STATUSES:
        raise UserError(
            user_text("Attendance", "Attendance status {status!r} is not one of: {allowed}").format(
                status=status, allowed=", ".join(ATTENDANCE_STATUSES)
            )
        )
    late = record_values.minutes_late(minutes_late or 0, length)
    if hours is not None:
        hours = record_values.hours_credited(hours, length)
    return late, hours


def _note(note: str) -> str:
    return record_values.text_within(clean(note), user_text("Attendance", "An attendance note"))


def _state(a: Attendance | None) -> MarkState | None:
    if a is None or a.deleted:
        return None
    return MarkState(a.status, a.minutes_late, a.hours, a.note)


def _trainee(s: Session, uid: str) -> Trainee:
    return find(s, Trainee, uid, "trainee")


def _recorder_id(store: Store, s: Session) -> int | None:
    uid = store.actor.staff_uid
    return s.scalar(select(Staff.id).where(Staff.uid == uid)) if uid else None


def _attendance(s: Session, ws: WorkshopSession, t: Trainee) -> Attendance | None:
    return s.scalar(
        select(Attendance).where(Attendance.session_id == ws.id, Attendance.trainee_id == t.id)
    )


@cache
def _subjects_statement() -> Select[*tuple[Any, ...]]:
    # The session, the trainee, the mark they may have and who is recording, in one statement:
    # a keypress is answered by one query instead of one ORM round trip per subject, and the
    # round trips were a large share of the time a mark took in the service.
    recorder = select(Staff.id).where(Staff.uid == bindparam("staff")).scalar_subquery()
    return (
        select(WorkshopSession, Trainee, Attendance, recorder, _leave_on(WorkshopSession.held_on))
        .select_from(WorkshopSession)
        .join(Trainee, Trainee.uid == bindparam("trainee"))
        .outerjoin(
            Attendance,
            and_(Attendance.session_id == WorkshopSession.id, Attendance.trainee_id == Trainee.id),
        )
        .where(WorkshopSession.uid == bindparam("session"))
    )


def _subjects(
    store: Store, s: Session, session_uid: str, trainee_uid: str
) -> tuple[WorkshopSession, Trainee, Attendance | None, int | None, bool]:
    """The session, the trainee, its mark there, the recorder and whether it is on leave."""
    found = s.execute(
        _subjects_statement(),
        {"session": session_uid, "trainee": trainee_uid, "staff": store.actor.staff_uid},
    ).one_or_none()
    if found is None or found[0].deleted or found[1].deleted:
        # The refusal names whichever of the two is missing.
        ws, t = _session(s, session_uid), _trainee(s, trainee_uid)
        away = _is_on_leave(s, t, ws.held_on)
        return ws, t, _attendance(s, ws, t), _recorder_id(store, s), away
    return found[0], found[1], found[2], found[3], bool(found[4])


def _put(
    store: Store,
    s: Session,
    ws: WorkshopSession,
    t: Trainee,
    state: MarkState | None,
    a: Attendance | None,
    recorder_id: int | None,
) -> MarkState | None:
    """Make the stored attendance equal ``state``; returns what it was before.

    ``a`` is the trainee's attendance row at the session (None: there is none) and
    ``recorder_id`` the local user's staff id, both read by the caller.
    """
    before = _state(a)
    if state is None:
        if a is not None and not a.deleted:
            change(store, s, a, {"deleted": True}, action="delete")
        return before
    values = {
        "status": state.status,
        "minutes_late": state.minutes_late,
        "hours": state.hours,
        "note": state.note,
    }
    if a is None:
        add(
            store,
            s,
            Attendance(
                session_id=ws.id,
                trainee_id=t.id,
                held_on=ws.held_on,
                recorded_by_id=recorder_id,
                **values,
            ),
        )
    else:
        # A cleared mark comes back to life in the same row: its uid has travelled already.
        change(store, s, a, {"deleted": False, **values}, action="update" if before else "create")
    return before


def _row(
    t: Trainee,
    ws: WorkshopSession,
    state: MarkState | None,
    before: MarkState | None,
    on_leave: bool,
) -> RosterRow:
    away = on_leave and is_expected(t, ws.cohort_id, ws.held_on)
    expected = not away and is_expected(t, ws.cohort_id, ws.held_on)
    return RosterRow(t.uid, t.trainee_id, t.name, expected, state, before, on_leave=away)


def _is_on_leave(s: Session, t: Trainee, day: date) -> bool:
    return bool(s.scalar(select(_leave_on(day)).where(Trainee.id == t.id)))


def mark(
    store: Store,
    session_uid: str,
    trainee_uid: str,
    status: str,
    *,
    minutes_late: int | None = None,
    hours: float | None = None,
    note: str | None = None,
) -> RosterRow:
    """Set one trainee's attendance, committed at once; ``previous`` holds what it replaced.

    Minutes late and the note are kept from an earlier mark unless given; hours credited
    default to the session's length less the minutes late (nothing for absent or excused).
    """
    with store.write() as s:
        ws, t, row, recorder_id, away = _subjects(store, s, session_uid, trainee_uid)
        check_held(ws)
        length = session_hours(ws.start_time, ws.end_time)
        late, given_hours = _validate(status, minutes_late, hours, length)
        current = _state(row)
        if minutes_late is None and current is not None and status == "late":
            late = current.minutes_late
        if status != "late" and minutes_late is None:
            late = 0
        state = MarkState(
            status,
            late,
            given_hours if given_hours is not None else default_hours(length, status, late),
            _note(note) if note is not None else (current.note if current else ""),
        )
        before = _put(store, s, ws, t, state, row, recorder_id)
        return _row(t, ws, state, before, away)


def clear_mark(store: Store, session_uid: str, trainee_uid: str) -> RosterRow:
    """Back to unmarked; the record stays as deleted so that the clearing travels."""
    with store.write() as s:
        ws, t, row, recorder_id, away = _subjects(store, s, session_uid, trainee_uid)
        before = _put(store, s, ws, t, None, row, recorder_id)
        return _row(t, ws, None, before, away)


def restore_mark(
    store: Store, session_uid: str, trainee_uid: str, state: MarkState | None
) -> RosterRow:
    """Put back a state returned earlier (undo or redo); audited like any other change."""
    with store.write() as s:
        ws, t, row, recorder_id, away = _subjects(store, s, session_uid, trainee_uid)
        before = _put(store, s, ws, t, state, row, recorder_id)
        return _row(t, ws, state, before, away)


def mark_all_present(store: Store, session_uid: str) -> list[RosterRow]:
    """Every expected trainee not yet marked becomes present, in one transaction.

    Marks already set (late, absent, …) are kept, so exceptions can be marked first; a
    trainee on approved leave is not expected and stays unmarked.
    Returns the rows that changed, each with ``previous`` = None.
    """
    changed: list[RosterRow] = []
    with store.write() as s:
        ws = _session(s, session_uid)
        check_held(ws)
        length = session_hours(ws.start_time, ws.end_time)
        state = MarkState("present", 0, default_hours(length, "present", 0), "")
        recorder_id = _recorder_id(store, s)
        # Read inside the writing transaction: a mark made meanwhile is kept, not overwritten.
        rows = {
            a.trainee_id: a
            for a in s.scalars(select(Attendance).where(Attendance.session_id == ws.id))
        }
        expected = s.scalars(
            select(Trainee)
            .where(
                Trainee.cohort_id == ws.cohort_id,
                *expected_where(ws.held_on),
                ~_leave_on(ws.held_on),
            )
            .order_by(Trainee.trainee_id)
        )
        for t in expected:
            a = rows.get(t.id)
            if a is not None and not a.deleted:
                continue
            before = _put(store, s, ws, t, state, a, recorder_id)
            changed.append(RosterRow(t.uid, t.trainee_id, t.name, True, state, before))
    return changed


def restore_marks(
    store: Store, session_uid: str, states: dict[str, MarkState | None]
) -> list[RosterRow]:
    """Put back several trainees' states at once (undo of "mark all present")."""
    rows: list[RosterRow] = []
    with store.write() as s:
        ws = _session(s, session_uid)
        recorder_id = _recorder_id(store, s)
        for trainee_uid, state in states.items():
            t = _trainee(s, trainee_uid)
            before = _put(store, s, ws, t, state, _attendance(s, ws, t), recorder_id)
            rows.append(_row(t, ws, state, before, _is_on_leave(s, t, ws.held_on)))
    return rows
