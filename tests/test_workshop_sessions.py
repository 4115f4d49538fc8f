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


def test_a_second_session_of_a_cohort_at_the_same_time_is_refused_naming_the_first(store, cohort):
    """Issue 16 item 4: one rule for the dialog, "Same again today" and the command line."""
    first = _session(store, cohort)
    for attempt in (
        lambda: _session(store, cohort),  # an exact copy
        lambda: _session(store, cohort, start_time=time(14), end_time=time(18), task="Other"),
        lambda: ws.copy_session(store, first.uid, DAY),
    ):
        with pytest.raises(ws.DuplicateSession) as refused:
            attempt()
        assert refused.value.existing.uid == first.uid
        message = str(refused.value)
        assert first.title in message and first.uid in message
        assert "This cohort already has a session at that time" in message
    assert [s.uid for s in ws.list_recent_sessions(store)] == [first.uid]


def test_sessions_that_do_not_overlap_or_belong_to_another_cohort_are_made(store, cohort):
    first = _session(store, cohort, start_time=time(8), end_time=time(12))
    afternoon = _session(store, cohort, start_time=time(12), end_time=time(16))
    other = _session(store, create_cohort(store, "2026 Steelmaking"))
    next_day = ws.copy_session(store, first.uid, DAY + timedelta(days=1))
    assert len({first.uid, afternoon.uid, other.uid, next_day.uid}) == 4
    # A deleted session no longer holds its time.
    ws.delete_session(store, first.uid)
    assert _session(store, cohort, start_time=time(9), end_time=time(11)).held_on == DAY


def test_moving_a_session_onto_another_one_is_refused(store, cohort):
    first = _session(store, cohort)
    second = _session(store, cohort, held_on=DAY + timedelta(days=1))
    with pytest.raises(ws.DuplicateSession, match=first.uid):
        ws.update_session(store, second.uid, held_on=DAY)
    assert ws.get_session(store, second.uid).held_on == DAY + timedelta(days=1)
    # Changing a session's own times is no clash with itself.
    assert ws.update_session(store, first.uid, end_time=time(17)).end_time == time(17)


def test_session_create_on_the_command_line_refuses_the_duplicate(store, cohort, capsys):
    from mentordesk.cli import main

    argv = ["session", "create", "--db", str(store.path), "--cohort", "2026 Rolling"]
    argv += ["--date", DAY.isoformat(), "--module", "Rolling"]
    assert main(argv) == 0
    made = capsys.readouterr().out.strip()
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert "already has a session at that time" in err and made in err
    assert [s.uid for s in ws.list_recent_sessions(store)] == [made]
