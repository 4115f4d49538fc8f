"""Workshop sessions: when and where a cohort practised, and who is expected there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from .capture_views import SessionView
from .changes import add, change, find
from .errors import Conflict, NotFound, UserError
from .models import Cohort, Staff, Trainee, WorkshopSession
from .store import Store
from .text import clean
from .wording import user_text


@dataclass(frozen=True)
class ExpectedTrainee:
    uid: str
    trainee_id: str
    name: str


@dataclass(frozen=True)
class CohortOnRoll:
    """A session's cohort: how many trainees it has, and how many are expected that day."""

    cohort: str
    on_roll: int
    expected: int


def _query() -> Select[WorkshopSession, str, str, str, str]:
    mentor = aliased(Staff)
    return (
        select(WorkshopSession, Cohort.uid, Cohort.name, mentor.uid, mentor.name)
        .outerjoin(Cohort, WorkshopSession.cohort_id == Cohort.id)
        .outerjoin(mentor, WorkshopSession.mentor_id == mentor.id)
        .where(WorkshopSession.deleted.is_(False))
    )


def _view(
    ws: WorkshopSession,
    cohort_uid: str | None,
    cohort: str | None,
    mentor_uid: str | None,
    mentor: str | None,
) -> SessionView:
    # The cohort's and mentor's columns are None for a session without one (outer joins).
    return SessionView(
        ws.uid,
        ws.held_on,
        ws.start_time,
        ws.end_time,
        ws.location,
        ws.module,
        ws.task,
        cohort_uid or "",
        cohort or "",
        mentor_uid or "",
        mentor or "",
        bool(ws.planned),
        bool(ws.cancelled),
    )


class DuplicateSession(Conflict):
    """The session asked for is one already held: its trainees would be counted twice."""

    def __init__(self, message: str, existing: SessionView) -> None:
        super().__init__(message)
        self.existing = existing


def overlap(
    start: time | None, end: time | None, other_start: time | None, other_end: time | None
) -> bool:
    """Whether two sessions of one day share some time; a session without times could be any
    time of that day, so it shares time with every other."""
    if None in (start, end, other_start, other_end):
        return True
    return start < other_end and other_start < end  # type: ignore[operator]


def _refuse_duplicate(
    s: Session,
    cohort_id: int,
    held_on: date,
    start: time | None,
    end: time | None,
    exclude_id: int | None = None,
) -> None:
    """The one rule for every way a session is made or moved (dialog, "Same again today",
    ``session create``/``copy``, a changed date or time): a cohort attends one session at a
    time. Two sessions of one cohort on one day whose times overlap would credit each trainee's
    hours twice in the attendance totals."""
    query = _query().where(
        WorkshopSession.cohort_id == cohort_id, WorkshopSession.held_on == held_on
    )
    if exclude_id is not None:
        query = query.where(WorkshopSession.id != exclude_id)
    for row in s.execute(query.order_by(WorkshopSession.start_time, WorkshopSession.id)):
        other = _view(*row)
        if overlap(start, end, other.start_time, other.end_time):
            raise DuplicateSession(
                user_text(
                    "Sessions",
                    "This cohort already has a session at that time: {title} (id {uid}). "
                    "Its trainees would be counted twice: choose another date or time, "
                    "or use that session.",
                ).format(title=other.title, uid=other.uid),
                other,
            )


def _check_times(start: time | None, end: time | None) -> None:
    if start is not None and end is not None and end <= start:
        raise UserError(
            user_text(
                "Sessions", "The session ends ({end:%H:%M}) before it starts ({start:%H:%M})"
            ).format(end=end, start=start)
        )


def _mentor_id(store: Store, s: Session, mentor_uid: str | None) -> int | None:
    uid = mentor_uid or store.get_setting("local_staff_uid")
    if not uid:
        return None
    return find(s, Staff, uid, "staff member").id


def create_session(
    store: Store,
    *,
    held_on: date,
    start_time: time | None,
    end_time: time | None,
    location: str,
    module: str,
    task: str,
    cohort_uid: str,
    mentor_uid: str | None = None,
) -> SessionView:
    """A new session; the mentor is the local user unless another is named.

    Refused with ``DuplicateSession`` when the cohort already has a session that day whose
    times overlap these."""
    _check_times(start_time, end_time)
    if not cohort_uid:
        raise UserError(user_text("Sessions", "Choose the cohort that attends the session"))
    with store.write() as s:
        cohort = find(s, Cohort, cohort_uid, "cohort")
        _refuse_duplicate(s, cohort.id, held_on, start_time, end_time)
        ws = add(
            store,
            s,
            WorkshopSession(
                held_on=held_on,
                start_time=start_time,
                end_time=end_time,
                location=clean(location),
                module=clean(module),
                task=clean(task),
                cohort_id=cohort.id,
                mentor_id=_mentor_id(store, s, mentor_uid),
            ),
        )
        uid = ws.uid
    return get_session(store, uid)


def update_session(store: Store, uid: str, **fields: object) -> SessionView:
    allowed = {"held_on", "start_time", "end_time", "location", "module", "task"}
    unknown = set(fields) - allowed - {"cohort_uid", "mentor_uid"}
    if unknown:
        raise UserError(
            user_text("Sessions", "Unknown session field {field!r}").format(
                field=sorted(unknown)[0]
            )
        )
    with store.write() as s:
        ws = find(s, WorkshopSession, uid, "session")
        values = {
            k: clean(v) if isinstance(v, str) else v for k, v in fields.items() if k in allowed
        }
        if "cohort_uid" in fields:
            values["cohort_id"] = find(s, Cohort, str(fields["cohort_uid"]), "cohort").id
        if "mentor_uid" in fields:
            values["mentor_id"] = _mentor_id(store, s, fields["mentor_uid"])  # type: ignore[arg-type]
        start = values.get("start_time", ws.start_time)
        end = values.get("end_time", ws.end_time)
        _check_times(start, end)  # type: ignore[arg-type]
        _refuse_duplicate(
            s,
            values.get("cohort_id", ws.cohort_id),  # type: ignore[arg-type]
            values.get("held_on", ws.held_on),  # type: ignore[arg-type]
            start,  # type: ignore[arg-type]
            end,  # type: ignore[arg-type]
            exclude_id=ws.id,
        )
        change(store, s, ws, values)
    return get_session(store, uid)


def delete_session(store: Store, uid: str) -> None:
    """Marked deleted (so the deletion travels); its attendance stays attached to it."""
    with store.write() as s:
        ws = find(s, WorkshopSession, uid, "session")
        change(store, s, ws, {"deleted": True}, "delete")


def copy_session(store: Store, session_uid: str, new_date: date) -> SessionView:
    """Same as that day: a new session with the same times, place, module, task, cohort, mentor.

    Refused with ``DuplicateSession`` (naming it) when the cohort already has a session at
    those times on ``new_date``."""
    old = get_session(store, session_uid)
    return create_session(
        store,
        held_on=new_date,
        start_time=old.start_time,
        end_time=old.end_time,
        location=old.location,
        module=old.module,
        task=old.task,
        cohort_uid=old.cohort_uid,
        mentor_uid=old.mentor_uid or None,
    )


def get_session(store: Store, uid: str) -> SessionView:
    with store.read() as s:
        row = s.execute(_query().where(WorkshopSession.uid == uid)).one_or_none()
    if row is None:
        raise NotFound(user_text("Sessions", "No session with id {uid}").format(uid=uid))
    return _view(*row)


def list_recent_sessions(
    store: Store,
    limit: int = 20,
    *,
    cohort_uid: str | None = None,
    until: date | None = None,
) -> list[SessionView]:
    """Newest first (by date, then start time, then creation); with ``until``, none after it
    (a plan makes sessions months ahead: the recent ones must not be crowded out)."""
    query = _query().order_by(
        WorkshopSession.held_on.desc(), WorkshopSession.start_time.desc(), WorkshopSession.id.desc()
    )
    if cohort_uid:
        query = query.where(Cohort.uid == cohort_uid)
    if until is not None:
        query = query.where(WorkshopSession.held_on <= until)
    with store.read() as s:
        return [_view(*r) for r in s.execute(query.limit(limit))]


def expected_where(held_on: date | SQLColumnExpression[date]) -> list[ColumnElement[bool]]:
    """Trainees active on a date: enrolled by then, not yet left, not withdrawn without a date."""
    return [
        Trainee.deleted.is_(False),
        or_(Trainee.enrolled_on.is_(None), Trainee.enrolled_on <= held_on),
        or_(
            Trainee.left_on > held_on,
            and_(Trainee.left_on.is_(None), Trainee.status == "active"),
        ),
    ]


def is_expected(trainee: Trainee, cohort_id: int | None, held_on: date) -> bool:
    """``expected_where`` for one loaded trainee, without asking the database again."""
    if trainee.deleted or trainee.cohort_id != cohort_id:
        return False
    if trainee.enrolled_on is not None and trainee.enrolled_on > held_on:
        return False
    if trainee.left_on is not None:
        return trainee.left_on > held_on
    return trainee.status == "active"


def expected_trainees(store: Store, session_uid: str) -> list[ExpectedTrainee]:
    """The cohort's trainees active on the session's date, by trainee ID."""
    with store.read() as s:
        ws = find(s, WorkshopSession, session_uid, "session")
        rows = s.execute(
            select(Trainee.uid, Trainee.trainee_id, Trainee.name)
            .where(Trainee.cohort_id == ws.cohort_id, *expected_where(ws.held_on))
            .order_by(Trainee.trainee_id)
        )
        return [ExpectedTrainee(*r) for r in rows]


def cohort_on_roll(store: Store, session_uid: str) -> CohortOnRoll:
    """Why a session's roster may be empty: its cohort has no trainees, or none is active on
    the session's date (withdrawn, graduated, left, or not yet enrolled)."""
    with store.read() as s:
        ws = find(s, WorkshopSession, session_uid, "session")
        cohort = s.scalar(select(Cohort.name).where(Cohort.id == ws.cohort_id)) or ""
        of_cohort = select(func.count(Trainee.id)).where(Trainee.cohort_id == ws.cohort_id)
        on_roll = s.scalar(of_cohort.where(Trainee.deleted.is_(False))) or 0
        expected = s.scalar(of_cohort.where(*expected_where(ws.held_on))) or 0
    return CohortOnRoll(cohort, on_roll, expected)
