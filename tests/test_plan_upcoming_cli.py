"""``plan upcoming``, ``plan edit --remove-day-off`` and ``--mentor``: what the Calendar area does,
on the command line too."""

from __future__ import annotations

from datetime import date, time, timedelta

from mentordesk.cli import main
from mentordesk.core import calendar_plan, days_off, session_plan, staff
from mentordesk.core.cohorts import create_cohort

COHORT = "2026 Rolling Order Class"


def _run(capsys, db, *argv):
    code = main([*argv, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_upcoming_sessions_a_mentor_and_a_day_off_removed(store, capsys):
    create_cohort(store, COHORT)
    start = date.today() + timedelta(days=7 - date.today().weekday())
    calendar_plan.lay_out_plan(
        store, COHORT, start=start, end=start + timedelta(days=6), pattern="weekdays"
    )
    mentor = staff.create_staff(store, "Liu Jianguo 刘建国", role="mentor")
    (holiday,) = days_off.add_days_off(store, [days_off.DayOffEntry(start, "Founding day")])
    db = store.path
    store.close()

    code, out, err = _run(
        capsys, db, "plan", "edit", COHORT, "--week", "mon-tue", "--mentor", mentor.uid,
        "--remove-day-off", holiday.uid,
    )  # fmt: skip
    assert code == 0, err
    assert f"day off {holiday.uid} removed" in out
    code, out, _ = _run(capsys, db, "plan", "upcoming", COHORT)
    assert f"{COHORT}: no session from" in out
    assert _run(capsys, db, "plan", "sessions", COHORT)[0] == 0

    code, out, _ = _run(capsys, db, "plan", "upcoming", COHORT, "--from", str(start))
    lines = out.splitlines()
    # Monday is a working day again now that its holiday is gone.
    assert [line.split()[0] for line in lines] == [str(start), str(start + timedelta(days=1))]
    assert all("planned" in line for line in lines)

    from mentordesk.core.store import Store

    again = Store.open(db)
    try:
        assert {s.mentor_uid for s in session_plan.week_of(again, COHORT)} == {mentor.uid}
    finally:
        again.close()


def test_removing_an_unknown_day_off_is_refused(store, capsys):
    create_cohort(store, COHORT)
    db = store.path
    store.close()
    code, _, err = _run(capsys, db, "plan", "edit", COHORT, "--remove-day-off", "no-such-day")
    assert code == 1
    assert "no-such-day" in err


def test_upcoming_sessions_in_order_with_their_state(any_store):
    from mentordesk.core.planned_sessions import upcoming_sessions
    from mentordesk.core.workshop_sessions import create_session

    cohort = create_cohort(any_store, COHORT)
    start = date(2026, 9, 7)
    calendar_plan.lay_out_plan(
        any_store, COHORT, start=start, end=start + timedelta(days=13), pattern="weekdays"
    )
    session_plan.set_week(any_store, COHORT, [session_plan.SlotSpec(0, time(8), time(12), "Bay 2")])
    session_plan.plan_sessions(any_store, COHORT)
    by_hand = create_session(
        any_store, held_on=start + timedelta(days=2), start_time=time(13), end_time=time(15),
        location="Bay 5", module="", task="", cohort_uid=cohort.uid,
    )  # fmt: skip
    _first, second = (s for s in upcoming_sessions(any_store, COHORT, start) if s.planned)
    session_plan.cancel_session(any_store, second.uid)

    found = upcoming_sessions(any_store, COHORT, start)
    assert [(s.held_on, s.planned, s.cancelled) for s in found] == [
        (start, True, False),
        (start + timedelta(days=2), False, False),
        (start + timedelta(days=7), True, True),
    ]
    assert found[1].uid == by_hand.uid
    assert [s.held_on for s in upcoming_sessions(any_store, COHORT, start + timedelta(days=1))] == [
        start + timedelta(days=2),
        start + timedelta(days=7),
    ]
    assert len(upcoming_sessions(any_store, COHORT, start, limit=1)) == 1
