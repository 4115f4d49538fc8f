"""The assessment sheet reads attendance against the calendar: the rate says over how many
expected sessions it is, the unrecorded count stands beside it, and the hours done are set
against the hours planned so far, in words."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from mentordesk.core import assessments as A
from mentordesk.core.attendance import mark
from mentordesk.core.calendar_plan import lay_out_plan
from mentordesk.core.cohorts import create_cohort, list_cohorts
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session
from mentordesk.exchange.sheet_pdf import render_sheet

MON = date(2026, 9, 7)
END = MON + timedelta(days=11)  # two plant weeks: 10 working days of 8 h


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


@pytest.fixture
def draft(store):
    """Three sessions expected, two marked present (4 h each), one forgotten."""
    create_cohort(store, "Rolling", start_date=MON, end_date=date(2027, 6, 30))
    t = create_trainee(store, "R001", "Zhang Wei 张伟", cohort="Rolling")
    lay_out_plan(store, "Rolling", start=MON, end=END, pattern="weekdays")
    for n in range(3):
        ws = create_session(
            store, held_on=MON + timedelta(days=n), start_time=time(8), end_time=time(12),
            location="", module="", task=f"day {n}", cohort_uid=list_cohorts(store)[0].uid,
        )  # fmt: skip
        if n < 2:
            mark(store, ws.uid, t.uid, "present")
    view = A.create_draft(store, t.uid, MON, END)
    yield store, view


def test_the_summary_freezes_expected_unrecorded_and_planned_hours(draft):
    _store, view = draft
    a = view.summary["attendance"]
    assert (a["expected"], a["unrecorded"], a["sessions"]) == (3, 1, 2)
    assert (a["hours"], a["planned_hours"], a["planned_to"]) == (8.0, 80.0, END.isoformat())


def test_sheet_says_expected_unrecorded_and_hours_behind_the_plan(draft, tmp_path):
    store, view = draft
    text = _text(render_sheet(view, A.result_choices(store), language="en").pdf, tmp_path)
    assert "Expected 3, unrecorded 1: the rate is over the 2 recorded of the 3 expected" in text
    assert f"Hours done 8 h of 80 h planned up to {END} — behind" in text
    text = _text(render_sheet(view, A.result_choices(store), language="zh_CN").pdf, tmp_path)
    assert "应到 3 次，未记录 1 次" in text
    assert "进度落后" in text and "80小时" in text


def test_hours_on_track_say_so(draft, tmp_path):
    store, view = draft
    summary = {**view.summary}
    summary["attendance"] = {**summary["attendance"], "hours": 79.0}
    sheet = render_sheet(replace(view, summary=summary), A.result_choices(store), language="en")
    text = _text(sheet.pdf, tmp_path)
    assert "planned up to" in text and "— on track" in text


def test_a_sheet_frozen_before_the_calendar_shows_no_plan_line(draft, tmp_path):
    store, view = draft
    old = {k: v for k, v in view.summary["attendance"].items()
           if k not in ("expected", "unrecorded", "planned_hours", "planned_to")}  # fmt: skip
    summary = {**view.summary, "attendance": old}
    sheet = render_sheet(replace(view, summary=summary), A.result_choices(store), language="en")
    text = _text(sheet.pdf, tmp_path)
    assert "Expected" not in text and "planned up to" not in text
