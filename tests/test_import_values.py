"""One range check per value, whichever way it comes: window service, command line, roster
import, results merge (issue 16, item 5). A rejected row leaves nothing behind."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from mentordesk.cli import main
from mentordesk.core import attendance as att
from mentordesk.core.errors import UserError
from mentordesk.core.models import Attendance, Note, SkillRating
from mentordesk.core.notes import add_note
from mentordesk.core.ratings import rate
from mentordesk.core.store import Store
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

from .import_fixtures import counts, edit, fill, rows

LONG_NOTE = "x" * 32_767


@pytest.fixture
def filled(store):
    return fill(store)


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"hours": float("nan")}, "not a number"),
        ({"hours": float("inf")}, "not a number"),
        ({"hours": -4}, "negative"),
        ({"hours": 1e308}, "allowed: 0 to 4"),
        ({"minutes_late": -30}, "negative"),
        ({"minutes_late": 600}, "allowed: 0 to 240"),
        ({"note": LONG_NOTE}, "at most 4,000 characters"),
    ],
)
def test_the_attendance_service_refuses_out_of_range_values(store, filled, kw, words):
    with pytest.raises(UserError, match=words):
        att.mark(store, filled["session"], filled["second"], "late", **kw)
    with store.read() as s:
        assert s.scalar(select(Attendance.status).where(Attendance.note == "")) == "present"


def test_hours_without_session_times_stay_within_a_day(store, filled):
    from mentordesk.core.record_values import hours_credited, minutes_late

    assert hours_credited(24) == 24
    with pytest.raises(UserError, match="allowed: 0 to 24"):
        hours_credited(24.5)
    with pytest.raises(UserError, match="allowed: 0 to 1440"):
        minutes_late(1441)


@pytest.mark.parametrize("level", [99, -3, "2.5", "nan"])
def test_the_rating_service_refuses_levels_off_the_scale(store, filled, level):
    with pytest.raises(UserError, match="choose a level from 1 to"):
        rate(store, filled["trainee"], filled["skill"], level)


def test_the_note_and_evidence_services_refuse_over_long_text(store, filled):
    with pytest.raises(UserError, match="at most 4,000 characters; this one has 32,767"):
        add_note(store, filled["trainee"], "safety", LONG_NOTE)
    with pytest.raises(UserError, match="Evidence holds at most 4,000"):
        rate(store, filled["trainee"], filled["skill"], 3, evidence=LONG_NOTE)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["mark", "{session}", "T002", "present", "--hours", "nan"], "not a number"),
        (["mark", "{session}", "T002", "present", "--hours", "inf"], "not a number"),
        (["mark", "{session}", "T002", "present", "--hours", "1e308"], "allowed"),
        (["mark", "{session}", "T002", "late", "--late", "-30"], "negative"),
        (["rate", "T001", "{code}", "99"], "choose a level"),
        (["rate", "T001", "{code}", "-3"], "choose a level"),
        (["note", "T001", "safety", LONG_NOTE], "at most 4,000"),
    ],
)
def test_the_command_line_refuses_them_in_one_line(db_path, argv, words, capsys):
    st = Store.open(db_path)
    try:
        uids = fill(st)
        from mentordesk.core.rubrics import current_rubric

        code = next(sk.code for sk in current_rubric(st).skills if sk.uid == uids["skill"])
    finally:
        st.close()
    capsys.readouterr()
    argv = [a.format(session=uids["session"], code=code) for a in argv]

    assert main([*argv, "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1 and words in err


@pytest.mark.parametrize(
    ("sheet", "key", "updates", "words"),
    [
        (
            "Attendance",
            "T002",
            {"Hours": "nan"},
            "column Hours: Hours credited: nan is not a number",
        ),
        ("Attendance", "T002", {"Hours": "inf"}, "Hours credited: inf is not a number"),
        ("Attendance", "T002", {"Hours": -4}, "column Hours: Hours credited cannot be negative"),
        ("Attendance", "T002", {"Hours": 1e308}, "allowed: 0 to 4"),
        ("Attendance", "T002", {"Minutes Late": -30}, "column Minutes Late: Minutes late cannot"),
        ("Attendance", "T002", {"Note": LONG_NOTE}, "column Note: Note holds at most 4,000"),
        ("Ratings", "T001", {"Level": 99}, "column Level: Level 99 is not on the scale"),
        ("Ratings", "T001", {"Level": -3}, "column Level: Level -3 is not on the scale"),
        ("Ratings", "T001", {"Evidence": LONG_NOTE}, "column Evidence: Evidence holds at most"),
        ("Notes", "T001", {"Text": LONG_NOTE}, "column Text: Text holds at most 4,000"),
    ],
)
def test_the_results_merge_refuses_them_row_by_row(
    store, filled, tmp_path, sheet, key, updates, words
):
    path = export_results(store, tmp_path / "a.xlsx").path
    uid = next(r["UID"] for r in rows(path, sheet) if r["Trainee ID"] == key)
    edit(path, sheet, uid, {**updates, "Recorded By": "New Recorder"} if sheet == "Attendance"
         else updates)  # fmt: skip
    before = counts(store)
    models = {"Attendance": Attendance, "Ratings": SkillRating, "Notes": Note}
    with store.read() as s:
        held = s.scalar(select(models[sheet]).where(models[sheet].uid == uid)).updated_at

    report = prepare_import(path).apply(store)

    row = next(o for o in report.outcomes if o.sheet == sheet and o.outcome != "unchanged")
    assert row.outcome == "rejected" and words in row.reason, row.reason
    assert counts(store) == before  # not even the new recorder's staff record
    with store.read() as s:
        assert s.scalar(select(models[sheet]).where(models[sheet].uid == uid)).updated_at == held


def test_a_rejected_row_creates_no_cohort_programme_or_staff(store, filled, tmp_path):
    path = export_results(store, tmp_path / "a.xlsx").path
    trainee = next(r["UID"] for r in rows(path, "Trainees") if r["Trainee ID"] == "T001")
    session = rows(path, "Sessions")[0]["UID"]
    edit(path, "Trainees", trainee, {"Cohort": "Brand New Class", "Programme": "New Programme",
                                     "Email": "e" * 300})  # fmt: skip
    edit(path, "Sessions", session, {"Cohort": "Another New", "Mentor": "New Mentor",
                                     "Task": "t" * 400})  # fmt: skip
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for name in ("Attendance", "Ratings", "Notes"):
        del wb[name]
    wb.save(path)
    before = counts(store)

    report = prepare_import(path).apply(store)

    assert {o.outcome for o in report.outcomes} == {"rejected", "unchanged"}
    assert counts(store) == before


def test_the_roster_refuses_over_long_names_and_ids_stating_the_limit(store, tmp_path):
    path = tmp_path / "roster.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["Trainee ID", "Name", "Cohort"])
    ws.append(["R1", "N" * 201, "C"])
    ws.append(["9" * 65, "Long Id", "C"])
    ws.append(["R3", "Fine", "C" * 201])
    ws.append(["R4", "Fine Too", "C"])
    wb.save(path)

    report = prepare_import(path).apply(store)

    by_row = {o.row: o for o in report.outcomes}
    assert "201 characters, more than the 200 allowed" in by_row[2].reason
    assert "65 characters, more than the 64 allowed" in by_row[3].reason
    assert "column Cohort: 201 characters" in by_row[4].reason
    assert by_row[5].outcome == "new"
    assert counts(store)["Cohort"] == 1


def test_two_rows_sharing_one_new_uid_are_a_clear_rejection(store, filled, tmp_path):
    path = export_results(store, tmp_path / "a.xlsx").path
    from .import_fixtures import append

    uid = str(uuid.uuid4())
    when = datetime(2026, 11, 21, 8, tzinfo=UTC).replace(tzinfo=None)
    for n in (1, 2):
        append(path, "Trainees", {"UID": uid, "Updated At": when, "Trainee ID": f"N{n}",
                                  "Name": f"New {n}"})  # fmt: skip

    report = prepare_import(path).apply(store)

    new = [o for o in report.outcomes if o.sheet == "Trainees" and o.outcome != "unchanged"]
    assert [o.outcome for o in new] == ["new", "rejected"]
    assert f"UID {uid} is also on row {new[0].row}" in new[1].reason
