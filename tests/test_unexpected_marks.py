"""The marks the database keeps as not expected (migration 0014) follow every change.

A whole-plant Summary counts each trainee's marks at expected sessions as its marks less
these, so each event that can turn a mark expected or not must re-decide it: a mark made,
edited, cleared or moved (as a merge does); a session cancelled, moved, deleted or given to
another cohort; a trainee joining another cohort, enrolled later, leaving or graduating; leave
added, approved, moved or cancelled. After each, the kept marks equal the records and the
Summary's Expected and Unrecorded equal each trainee's counted one by one, on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import delete, select, text, update

from mentordesk.core import unexpected_marks
from mentordesk.core.attendance import clear_mark, mark
from mentordesk.core.backup import check, repair_totals
from mentordesk.core.cohorts import create_cohort, list_cohorts
from mentordesk.core.expected import expectations
from mentordesk.core.export_rows import ExportRows
from mentordesk.core.export_scope import ExportScope
from mentordesk.core.leave import add_leave, cancel_leave, set_approved
from mentordesk.core.models import Attendance, Leave, Trainee, UnexpectedMark, WorkshopSession
from mentordesk.core.session_plan import cancel_session
from mentordesk.core.trainees import create_trainee, update_trainee, withdraw_trainee
from mentordesk.core.workshop_sessions import create_session, delete_session, update_session

MON = date(2026, 9, 7)  # a Monday
DAYS = [MON + timedelta(days=n) for n in range(10)]
END = DAYS[-1]


@pytest.fixture
def plant(any_store):
    """Two cohorts with a session each day, three trainees of the first marked everywhere."""
    create_cohort(any_store, "2026 Welding", start_date=MON, end_date=date(2027, 6, 30))
    create_cohort(any_store, "2026 Casting", start_date=MON, end_date=date(2027, 6, 30))
    uids = {c.name: c.uid for c in list_cohorts(any_store)}

    def held(day, cohort, start=time(8)):
        return create_session(
            any_store, held_on=day, start_time=start, end_time=time(start.hour + 2),
            location="", module="", task=f"{cohort} {day}", cohort_uid=uids[cohort],
        ).uid  # fmt: skip

    sessions = [held(d, "2026 Welding") for d in DAYS]
    other = [held(d, "2026 Casting", time(13)) for d in DAYS]
    people = [
        create_trainee(any_store, f"R00{n}", name, cohort="2026 Welding").uid
        for n, name in enumerate(("Zhang Wei 张伟", "Li Na 李娜", "Wang Fang 王芳"), 1)
    ]
    for t in people:
        for ws in sessions[:8]:
            mark(any_store, ws, t, "present")
    return {"sessions": sessions, "other": other, "people": people, "cohorts": uids}


def _figures(store, upto=END):
    """Each trainee's (expected, unrecorded) as the Summary shows them, after proving the kept
    marks equal the records and the Summary equals each trainee counted alone."""
    with store.read() as s:
        assert unexpected_marks.drift(s) == []
        ids = dict(s.execute(select(Trainee.id, Trainee.uid)).all())
        alone = {}
        for tid in ids:
            e = expectations(s, MON, END, upto, [tid]).get(tid)
            alone[ids[tid]] = (e.expected, e.unrecorded) if e else (0, 0)
        whole = expectations(s, MON, END, upto)
        assert {ids[t]: (e.expected, e.unrecorded) for t, e in whole.items()} == {
            k: v for k, v in alone.items() if v != (0, 0)
        }
        by_id = dict(s.execute(select(Trainee.trainee_id, Trainee.uid)).all())
        rows = ExportRows(s, ExportScope("", MON, END)).summary()
        shown = {by_id[r[0]]: (r[-3], r[-2]) for r in rows}
    if upto >= END:
        assert shown == alone
    return alone


def _kept(store) -> int:
    with store.read() as s:
        return len(s.scalars(select(UnexpectedMark.attendance_id)).all())


def test_marks_at_sessions_not_expected_are_kept_and_left_out(any_store, plant):
    a, b, c = plant["people"]
    assert _figures(any_store) == {a: (10, 2), b: (10, 2), c: (10, 2)}
    assert _kept(any_store) == 0
    mark(any_store, plant["other"][0], a, "present")  # another cohort's session
    assert _figures(any_store)[a] == (10, 2)
    assert _kept(any_store) == 1
    clear_mark(any_store, plant["other"][0], a)
    assert _kept(any_store) == 0
    mark(any_store, plant["sessions"][8], a, "late")
    assert _figures(any_store)[a] == (10, 1)


def test_sessions_cancelled_moved_deleted_or_given_to_another_cohort(any_store, plant):
    a, _b, _c = plant["people"]
    sessions = plant["sessions"]
    with any_store.write() as s:  # as an import of another machine's cancellation would
        s.execute(
            update(WorkshopSession).where(WorkshopSession.uid == sessions[0]).values(cancelled=True)
        )
    assert _figures(any_store)[a] == (9, 2)
    cancel_session(any_store, sessions[9])
    assert _figures(any_store)[a] == (8, 1)
    cancel_session(any_store, sessions[9], cancelled=False)
    update_session(any_store, sessions[1], cohort_uid=plant["cohorts"]["2026 Casting"])
    assert _figures(any_store)[a] == (8, 2)
    update_session(any_store, sessions[1], cohort_uid=plant["cohorts"]["2026 Welding"])
    update_session(any_store, sessions[2], held_on=MON - timedelta(days=7))  # out of the period
    assert _figures(any_store)[a] == (8, 2)
    delete_session(any_store, sessions[3])
    assert _figures(any_store)[a] == (7, 2)
    with any_store.write() as s:
        s.execute(
            update(WorkshopSession)
            .where(WorkshopSession.uid == sessions[0])
            .values(cancelled=False)
        )
    assert _figures(any_store)[a] == (8, 2)


def test_trainees_joining_enrolling_leaving_or_graduating(any_store, plant):
    a, b, c = plant["people"]
    update_trainee(any_store, a, enrolled_on=DAYS[3])
    withdraw_trainee(any_store, b, on=DAYS[5])
    update_trainee(any_store, c, cohort="2026 Casting")
    assert _figures(any_store) == {a: (7, 2), b: (5, 0), c: (10, 10)}
    assert _kept(any_store) == 3 + 3 + 8
    update_trainee(any_store, c, cohort="2026 Welding")
    update_trainee(any_store, a, enrolled_on=None)
    update_trainee(any_store, b, left_on=None, status="active")
    assert _figures(any_store) == {a: (10, 2), b: (10, 2), c: (10, 2)}
    assert _kept(any_store) == 0
    update_trainee(any_store, c, status="graduated")  # expected nowhere, its marks not kept
    assert _figures(any_store)[c] == (0, 0)
    assert _kept(any_store) == 0


def test_leave_added_approved_moved_or_cancelled(any_store, plant):
    a, b, _c = plant["people"]
    leave = add_leave(any_store, a, start=DAYS[1], end=DAYS[2], reason="family")
    assert _figures(any_store)[a] == (8, 2)
    set_approved(any_store, leave.uid, False)
    assert _figures(any_store)[a] == (10, 2)
    set_approved(any_store, leave.uid, True)
    with any_store.write() as s:  # the same leave, its days and trainee changed
        b_id = s.scalar(select(Trainee.id).where(Trainee.uid == b))
        s.execute(
            update(Leave)
            .where(Leave.uid == leave.uid)
            .values(trainee_id=b_id, starts_on=DAYS[0], ends_on=DAYS[0])
        )
    assert _figures(any_store)[a] == (10, 2)
    assert _figures(any_store)[b] == (9, 2)
    cancel_leave(any_store, leave.uid)
    assert _figures(any_store)[b] == (10, 2)
    with any_store.write() as s:
        s.execute(delete(Leave))
    assert _kept(any_store) == 0


def test_marks_moved_or_deleted_as_a_merge_does(any_store, plant):
    a, b, _c = plant["people"]
    sessions, other = plant["sessions"], plant["other"]
    with any_store.write() as s:
        ids = dict(s.execute(select(WorkshopSession.uid, WorkshopSession.id)).all())
        people = dict(s.execute(select(Trainee.uid, Trainee.id)).all())
        one = select(Attendance.id).where(
            Attendance.trainee_id == people[a], Attendance.session_id == ids[sessions[0]]
        )
        # A mark moved to another cohort's session, then another moved from a to b's
        # session 8 (a trainee merged into another keeps its records this way).
        s.execute(
            update(Attendance)
            .where(Attendance.id == one.scalar_subquery())
            .values(session_id=ids[other[0]])
        )
        s.execute(
            update(Attendance)
            .where(Attendance.trainee_id == people[a], Attendance.session_id == ids[sessions[1]])
            .values(trainee_id=people[b], session_id=ids[sessions[8]])
        )
    assert _figures(any_store)[a] == (10, 4)
    assert _figures(any_store)[b] == (10, 1)
    assert _kept(any_store) == 1
    with any_store.write() as s:
        s.execute(update(Attendance).values(deleted=True))
    assert _figures(any_store)[a] == (10, 10)
    assert _kept(any_store) == 0
    with any_store.write() as s:
        s.execute(update(Attendance).values(deleted=False))
        s.execute(delete(Attendance).where(Attendance.session_id == ids[other[0]]))
    assert _figures(any_store)[a] == (10, 4)
    assert _kept(any_store) == 0


def test_kept_marks_written_around_the_triggers_are_found_and_rebuilt(any_store, plant):
    a, _b, _c = plant["people"]
    mark(any_store, plant["other"][0], a, "present")
    with any_store.write() as s:
        s.execute(text("DELETE FROM unexpected_mark"))
    with any_store.read() as s:
        assert unexpected_marks.drift(s) == [
            "the marks kept as not expected disagree with the records in 1 marks; "
            "run `mentordesk check --repair`"
        ]
    assert not check(any_store).ok
    repair_totals(any_store)
    assert check(any_store).ok
    assert _kept(any_store) == 1
    assert _figures(any_store)[a] == (10, 2)
