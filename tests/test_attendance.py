"""Attendance: the roster, marking, defaults, clearing and restoring (undo)."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from mentordesk.core import attendance as att
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.errors import UserError
from mentordesk.core.models import Attendance, AuditEvent
from mentordesk.core.staff import save_profile
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session


@pytest.fixture
def session(store):
    save_profile(store, "Zhang Wei 张伟", "mentor", "Plant")
    cohort = create_cohort(store, "Rolling")
    for n, name in enumerate(["王伟", "李娜", "Ahmed Karimov"]):
        create_trainee(store, f"A{n}", name, cohort="Rolling")
    return create_session(
        store,
        held_on=date(2026, 3, 10),
        start_time=time(8),
        end_time=time(16),
        location="Bay 2",
        module="Rolling",
        task="",
        cohort_uid=cohort.uid,
    )


def _stored(store, session_uid):
    with store.read() as s:
        return {
            (a.trainee.name, a.status, a.minutes_late, a.hours, a.deleted)
            for a in s.scalars(select(Attendance))
        }


def test_roster_starts_unmarked(store, session):
    roster = att.session_roster(store, session.uid)
    assert [r.name for r in roster] == ["王伟", "李娜", "Ahmed Karimov"]
    assert all(r.mark is None and r.expected for r in roster)


def test_mark_is_committed_with_hours_defaulting_to_length_less_lateness(store, session):
    roster = att.session_roster(store, session.uid)
    row = att.mark(store, session.uid, roster[0].trainee_uid, "late", minutes_late=30)
    assert row.mark.hours == 7.5 and row.previous is None
    att.mark(store, session.uid, roster[1].trainee_uid, "absent")
    att.mark(store, session.uid, roster[2].trainee_uid, "present")
    assert _stored(store, session.uid) == {
        ("王伟", "late", 30, 7.5, False),
        ("李娜", "absent", 0, 0.0, False),
        ("Ahmed Karimov", "present", 0, 8.0, False),
    }
    assert [r.status for r in att.session_roster(store, session.uid)] == [
        "late",
        "absent",
        "present",
    ]


def test_remark_returns_previous_and_restore_puts_it_back_audited(store, session):
    uid = att.session_roster(store, session.uid)[0].trainee_uid
    att.mark(store, session.uid, uid, "present", note="Good start")
    changed = att.mark(store, session.uid, uid, "left_early", hours=5)
    assert changed.previous == att.MarkState("present", 0, 8.0, "Good start")
    assert changed.mark == att.MarkState("left_early", 0, 5.0, "Good start")
    att.restore_mark(store, session.uid, uid, changed.previous)
    assert att.session_roster(store, session.uid)[0].mark == changed.previous
    with store.read() as s:
        actions = [
            e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.entity == "attendance"))
        ]
    assert actions == ["create", "update", "update"]


def test_clear_then_restore_of_nothing_and_remark_reuse_the_row(store, session):
    uid = att.session_roster(store, session.uid)[0].trainee_uid
    first = att.mark(store, session.uid, uid, "present")
    cleared = att.clear_mark(store, session.uid, uid)
    assert cleared.mark is None and cleared.previous == first.mark
    assert att.session_roster(store, session.uid)[0].mark is None
    assert _stored(store, session.uid) == {("王伟", "present", 0, 8.0, True)}
    att.mark(store, session.uid, uid, "excused")
    assert _stored(store, session.uid) == {("王伟", "excused", 0, 0.0, False)}


def test_mark_all_present_keeps_exceptions_and_can_be_undone(store, session):
    roster = att.session_roster(store, session.uid)
    att.mark(store, session.uid, roster[1].trainee_uid, "absent")
    changed = att.mark_all_present(store, session.uid)
    assert sorted(r.name for r in changed) == ["Ahmed Karimov", "王伟"]
    assert [r.status for r in att.session_roster(store, session.uid)] == [
        "present",
        "absent",
        "present",
    ]
    att.restore_marks(store, session.uid, {r.trainee_uid: r.previous for r in changed})
    assert [r.status for r in att.session_roster(store, session.uid)] == [None, "absent", None]


@pytest.mark.parametrize(
    ("status", "kw", "message"),
    [
        ("here", {}, "not one of"),
        ("late", {"minutes_late": -5}, "negative"),
        ("late", {"minutes_late": 600}, "longer than the session"),
        ("present", {"hours": 9}, "more than the session"),
    ],
)
def test_bad_marks_are_refused_and_change_nothing(store, session, status, kw, message):
    uid = att.session_roster(store, session.uid)[0].trainee_uid
    with pytest.raises(UserError, match=message):
        att.mark(store, session.uid, uid, status, **kw)
    assert _stored(store, session.uid) == set()


def test_marked_trainee_from_elsewhere_joins_the_roster(store, session):
    guest = create_trainee(store, "G1", "Guest 客人", cohort="Other")
    att.mark(store, session.uid, guest.uid, "present")
    rows = {r.name: r for r in att.session_roster(store, session.uid)}
    assert rows["Guest 客人"].status == "present" and not rows["Guest 客人"].expected


def test_mark_bumps_updated_at(store, session):
    uid = att.session_roster(store, session.uid)[0].trainee_uid
    att.mark(store, session.uid, uid, "present")
    with store.read() as s:
        before = s.scalar(select(Attendance.updated_at))
    att.mark(store, session.uid, uid, "late", minutes_late=5)
    with store.read() as s:
        assert s.scalar(select(Attendance.updated_at)) > before


def test_mark_all_present_twice_changes_nothing_the_second_time(store, session):
    assert len(att.mark_all_present(store, session.uid)) == 3
    assert att.mark_all_present(store, session.uid) == []


def test_a_mark_records_the_local_user_and_refuses_what_is_not_there(store, session):
    from mentordesk.core.models import Staff
    from mentordesk.core.workshop_sessions import delete_session

    roster = att.session_roster(store, session.uid)
    att.mark(store, session.uid, roster[0].trainee_uid, "present")
    with store.read() as s:
        recorder = s.scalar(select(Attendance.recorded_by_id))
        assert recorder is not None
        assert recorder == s.scalar(select(Staff.id).where(Staff.uid == store.actor.staff_uid))

    with pytest.raises(UserError, match="No trainee with id nobody"):
        att.mark(store, session.uid, "nobody", "present")
    with pytest.raises(UserError, match="No session with id nowhere"):
        att.mark(store, "nowhere", roster[0].trainee_uid, "present")
    delete_session(store, session.uid)
    with pytest.raises(UserError, match="No session with id"):
        att.mark(store, session.uid, roster[1].trainee_uid, "absent")
    with pytest.raises(UserError, match="No session with id"):
        att.clear_mark(store, session.uid, roster[0].trainee_uid)
    assert _stored(store, session.uid) == {("王伟", "present", 0, 8.0, False)}
