"""Workshop sessions: creation, copying, recent list, who is expected."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from mentordesk.core import workshop_sessions as ws
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.errors import UserError
from mentordesk.core.models import AuditEvent
from mentordesk.core.staff import create_staff, save_profile
from mentordesk.core.trainees import create_trainee, update_trainee, withdraw_trainee

DAY = date(2026, 3, 10)


@pytest.fixture
def cohort(store):
    save_profile(store, "Zhang Wei 张伟", "mentor", "Plant")
    return create_cohort(store, "2026 Rolling")


def _session(store, cohort, **kw):
    values = dict(
        held_on=DAY,
        start_time=time(8),
        end_time=time(16),
        location="Bay 2",
        module="Rolling",
        task="Roll change",
        cohort_uid=cohort.uid,
    )
    values.update(kw)
    return ws.create_session(store, **values)


def test_session_defaults_to_local_user_as_mentor_and_is_audited(store, cohort):
    s = _session(store, cohort)
    assert s.mentor == "Zhang Wei 张伟"
    assert s.cohort == "2026 Rolling"
    assert s.hours == 8.0
    with store.read() as db:
        events = db.query(AuditEvent).filter_by(entity="workshop_session", entity_uid=s.uid).all()
    assert [e.action for e in events] == ["create"]


def test_session_with_another_mentor(store, cohort):
    other = create_staff(store, "Liu Jianguo 刘建国", role="supervisor")
    assert _session(store, cohort, mentor_uid=other.uid).mentor == "Liu Jianguo 刘建国"


def test_end_before_start_is_refused(store, cohort):
    with pytest.raises(UserError, match="ends"):
        _session(store, cohort, start_time=time(16), end_time=time(8))
    assert ws.list_recent_sessions(store) == []


def test_copy_to_a_new_date_keeps_everything_else(store, cohort):
    first = _session(store, cohort)
    copy = ws.copy_session(store, first.uid, DAY + timedelta(days=1))
    assert copy.uid != first.uid
    assert copy.held_on == DAY + timedelta(days=1)
    assert (copy.start_time, copy.end_time, copy.location, copy.module, copy.task) == (
        time(8),
        time(16),
        "Bay 2",
        "Rolling",
        "Roll change",
    )
    assert [s.uid for s in ws.list_recent_sessions(store)] == [copy.uid, first.uid]


def test_recent_sessions_newest_first_and_limited(store, cohort):
    for n in range(5):
        _session(store, cohort, held_on=DAY + timedelta(days=n))
    recent = ws.list_recent_sessions(store, limit=3)
    assert [s.held_on for s in recent] == [DAY + timedelta(days=n) for n in (4, 3, 2)]


def test_expected_trainees_are_those_active_on_the_date(store, cohort):
    create_trainee(store, "1", "On time", cohort=cohort.name, enrolled_on=DAY - timedelta(30))
    create_trainee(store, "2", "Joins later", cohort=cohort.name, enrolled_on=DAY + timedelta(1))
    gone = create_trainee(store, "3", "Left before", cohort=cohort.name)
    withdraw_trainee(store, gone.uid, on=DAY - timedelta(days=1))
    leaving = create_trainee(store, "4", "Leaves after", cohort=cohort.name)
    withdraw_trainee(store, leaving.uid, on=DAY + timedelta(days=3))
    create_trainee(store, "5", "Other cohort", cohort="Elsewhere")
    undated = create_trainee(store, "6", "Withdrawn, no date", cohort=cohort.name)
    update_trainee(store, undated.uid, status="withdrawn")
    s = _session(store, cohort)
    assert [t.name for t in ws.expected_trainees(store, s.uid)] == ["On time", "Leaves after"]


def test_demo_session_expects_cohort_less_the_withdrawn(demo_store):
    latest = ws.list_recent_sessions(demo_store, limit=2)
    sizes = sorted(len(ws.expected_trainees(demo_store, s.uid)) for s in latest)
    assert sizes == [37, 41]
