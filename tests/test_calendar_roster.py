"""The expected roster: leave takes a trainee off it, a cancelled session takes no records.

Today's roster, the first screen, "mark all present" and the paper sign-in sheet all answer from
the same rule as the Summary's Expected column (``core.expected``).
"""

from __future__ import annotations

import subprocess
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from mentordesk.core import ratings
from mentordesk.core.attendance import mark, mark_all_present, session_roster
from mentordesk.core.cohorts import create_cohort, list_cohorts
from mentordesk.core.errors import UserError
from mentordesk.core.leave import add_leave
from mentordesk.core.models import Attendance, SkillRating
from mentordesk.core.session_plan import cancel_session
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session
from mentordesk.exchange.session_sheet import sheet_roster, write_session_sheet

DAY = date(2026, 9, 9)


@pytest.fixture
def session_with_leave(any_store):
    """Three trainees; Li Na on approved leave that day, Liu Yang's leave not approved."""
    create_cohort(any_store, "Rolling", start_date=date(2026, 9, 1), end_date=date(2027, 6, 30))
    here = create_trainee(any_store, "R001", "Zhang Wei 张伟", cohort="Rolling")
    away = create_trainee(any_store, "R002", "Li Na 李娜", cohort="Rolling")
    asked = create_trainee(any_store, "R003", "Liu Yang 刘洋", cohort="Rolling")
    add_leave(any_store, away.uid, start=DAY - timedelta(days=1), end=DAY, reason="family")
    add_leave(any_store, asked.uid, start=DAY, end=DAY, reason="asked", approved=False)
    ws = create_session(
        any_store,
        held_on=DAY,
        start_time=time(8),
        end_time=time(12),
        location="Bay 2",
        module="Rolling",
        task="Roll change",
        cohort_uid=list_cohorts(any_store)[0].uid,
    )
    return any_store, ws, here, away, asked


def test_a_trainee_on_approved_leave_is_listed_on_leave_not_expected(session_with_leave):
    store, ws, here, away, asked = session_with_leave
    rows = {r.trainee_uid: r for r in session_roster(store, ws.uid)}
    assert list(rows) == [here.uid, away.uid, asked.uid]
    assert rows[away.uid].on_leave and not rows[away.uid].expected
    # Leave asked for but not approved changes nothing.
    assert rows[asked.uid].expected and not rows[asked.uid].on_leave
    assert rows[here.uid].expected and not rows[here.uid].on_leave


def test_mark_all_present_leaves_a_trainee_on_leave_unmarked(session_with_leave):
    store, ws, here, away, asked = session_with_leave
    changed = mark_all_present(store, ws.uid)
    assert {r.trainee_uid for r in changed} == {here.uid, asked.uid}
    rows = {r.trainee_uid: r for r in session_roster(store, ws.uid)}
    assert rows[away.uid].mark is None and rows[away.uid].on_leave


def test_a_trainee_on_leave_who_comes_in_anyway_can_be_marked(session_with_leave):
    store, ws, _here, away, _asked = session_with_leave
    row = mark(store, ws.uid, away.uid, "present")
    assert row.on_leave and not row.expected and row.status == "present"


def test_marking_a_cancelled_session_is_refused_and_changes_nothing(session_with_leave):
    store, ws, here, _away, _asked = session_with_leave
    cancel_session(store, ws.uid)
    with pytest.raises(UserError, match=f"session of {DAY} is cancelled.*plan cancel --undo"):
        mark(store, ws.uid, here.uid, "present")
    with pytest.raises(UserError, match="is cancelled"):
        mark_all_present(store, ws.uid)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 0
    cancel_session(store, ws.uid, cancelled=False)
    assert mark(store, ws.uid, here.uid, "present").status == "present"


def test_rating_at_a_cancelled_session_is_refused(demo_store):
    ws = create_session(
        demo_store,
        held_on=date(2026, 11, 27),
        start_time=time(8),
        end_time=time(12),
        location="",
        module="",
        task="",
        cohort_uid=list_cohorts(demo_store)[0].uid,
    )
    cancel_session(demo_store, ws.uid)
    grid = ratings.rating_grid(demo_store, ws.uid)
    with demo_store.read() as s:
        before = s.scalar(select(func.count()).select_from(SkillRating))
    with pytest.raises(UserError, match="is cancelled"):
        ratings.rate(demo_store, grid.trainees[0].uid, grid.skills[0].uid, 2, session_uid=ws.uid)
    with demo_store.read() as s:
        assert s.scalar(select(func.count()).select_from(SkillRating)) == before


def test_the_paper_sheet_flags_a_trainee_on_leave(session_with_leave, tmp_path):
    store, ws, _here, _away, _asked = session_with_leave
    assert [r.on_leave for r in sheet_roster(store, ws.uid)] == [False, True, False]
    pdf = write_session_sheet(store, ws.uid, tmp_path / "sheet.pdf").path
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Li Na 李娜 (on leave" in text
    assert "Zhang Wei 张伟 (on leave" not in text
