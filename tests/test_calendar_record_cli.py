"""``record`` and ``session roster`` on the command line read attendance against the calendar."""

from __future__ import annotations

from datetime import date, time, timedelta

from mentordesk.cli import main
from mentordesk.core.attendance import mark
from mentordesk.core.calendar_plan import lay_out_plan
from mentordesk.core.cohorts import create_cohort, list_cohorts
from mentordesk.core.leave import add_leave
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session

MON = date(2026, 9, 7)


def _planned(store, *, plan: bool = True):
    create_cohort(store, "Rolling", start_date=MON, end_date=date(2027, 6, 30))
    t = create_trainee(store, "R001", "Zhang Wei 张伟", cohort="Rolling")
    away = create_trainee(store, "R002", "Li Na 李娜", cohort="Rolling")
    if plan:
        lay_out_plan(store, "Rolling", start=MON, end=MON + timedelta(days=11), pattern="weekdays")
    sessions = [
        create_session(
            store,
            held_on=MON + timedelta(days=n),
            start_time=time(8),
            end_time=time(12),
            location="",
            module="Rolling",
            task=f"day {n}",
            cohort_uid=list_cohorts(store)[0].uid,
        )
        for n in range(3)
    ]
    for ws in sessions[:2]:
        mark(store, ws.uid, t.uid, "present")
    add_leave(store, away.uid, start=MON, end=MON)
    return sessions


def _run(capsys, db, *argv):
    code = main([*argv, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_record_shows_expected_unrecorded_and_hours_against_the_plan(store, capsys):
    _planned(store)
    db = store.path
    store.close()
    code, out, err = _run(capsys, db, "record", "R001", "--to", "2026-09-18")
    assert code == 0, err
    assert "attendance rate 100.0% over 2 recorded of 3 expected sessions, 1 unrecorded" in out
    assert "hours done 8 h of 80 h planned so far: behind" in out
    assert "unrecorded 2026-09-09 Rolling · day 2" in out


def test_record_without_a_plan_says_so(store, capsys):
    _planned(store, plan=False)
    db = store.path
    store.close()
    code, out, _ = _run(capsys, db, "record", "R001")
    assert code == 0 and "hours done 8 h; no plan for this period" in out


def test_session_roster_shows_a_trainee_on_leave(store, capsys):
    first = _planned(store)[0]
    db = store.path
    store.close()
    code, out, _ = _run(capsys, db, "session", "roster", first.uid)
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert lines["R002"].endswith("on leave") and "present" in lines["R001"]
