"""``plan upcoming``, ``plan edit --remove-day-off`` and ``--mentor``: what the Calendar area does,
on the command line too."""

from __future__ import annotations

from datetime import date, timedelta

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
