"""Feedback to the school: suggestions and reply on record, the report's figures, the Feedback
sheet's round trip and the merge of a reply typed at the school."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from mentordesk.core.errors import UserError
from mentordesk.core.export_rows import ExportScope
from mentordesk.core.feedback import feedback_for, write_reply, write_suggestions
from mentordesk.core.feedback_report import feedback_report
from mentordesk.core.models import AuditEvent, SchoolFeedback
from mentordesk.core.store import Store
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

COHORT = "2025 Rolling Order Class"
START, END = date(2026, 10, 1), date(2026, 11, 20)


@pytest.fixture
def store_b(tmp_path: Path):
    st = Store.open(tmp_path / "b.db")
    yield st
    st.close()


def records(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count(SchoolFeedback.id))) + s.scalar(
            select(func.count(AuditEvent.id))
        )


def test_suggestions_are_kept_per_cohort_and_period_and_replaced(demo_store: Store) -> None:
    first = write_suggestions(demo_store, COHORT, "  Teach lockout earlier.  ", START, END)
    assert first.suggestions == "Teach lockout earlier."
    again = write_suggestions(demo_store, COHORT, "Teach lockout in term one.", START, END)
    assert again.uid == first.uid
    assert feedback_for(demo_store, COHORT, START, END).suggestions == "Teach lockout in term one."
    # Another period is another record; the open period one more.
    assert feedback_for(demo_store, COHORT, START, date(2026, 10, 31)).uid == ""
    assert feedback_for(demo_store, COHORT).suggestions == ""


def test_the_reply_stays_beside_the_suggestions(demo_store: Store) -> None:
    write_suggestions(demo_store, COHORT, "More crane signalling practice.", START, END)
    view = write_reply(demo_store, COHORT, "We add two lessons.", START, END, replied_by="王老师")
    assert (view.suggestions, view.reply, view.replied_by) == (
        "More crane signalling practice.",
        "We add two lessons.",
        "王老师",
    )
    assert view.replied_at is not None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda st: write_suggestions(st, COHORT, "   ", START, END), "must not be empty"),
        (lambda st: write_reply(st, COHORT, "", START, END), "must not be empty"),
        (lambda st: write_suggestions(st, "No Such Class", "Text", START, END), "No cohort"),
        (lambda st: write_suggestions(st, COHORT, "Text", END, START), "before its start"),
        (lambda st: feedback_report(st, COHORT, END, START), "before its start"),
        (lambda st: feedback_report(st, "No Such Class"), "No cohort"),
        (lambda st: write_suggestions(st, COHORT, "x" * 4001, START, END), "at most 4,000"),
    ],
    ids=[
        "empty",
        "empty-reply",
        "unknown-cohort",
        "from-after-to",
        "report-period",
        "report-cohort",
        "too-long",
    ],
)
def test_bad_input_is_refused_changing_nothing(demo_store: Store, call, message: str) -> None:
    before = records(demo_store)
    with pytest.raises(UserError, match=message):
        call(demo_store)
    assert records(demo_store) == before


def test_the_report_names_skills_below_target_attendance_and_notes(demo_store: Store) -> None:
    report = feedback_report(demo_store, COHORT, START, END, today=END)
    assert report.trainees > 0
    assert report.modules, "the demo cohort has skills below target"
    for module in report.modules:
        gaps = [g.mean_gap for g in module.skills]
        assert gaps == sorted(gaps, reverse=True) and all(g > 0 for g in gaps)
        assert all(0 < g.below <= g.rated for g in module.skills)
    worst = [m.skills[0].mean_gap for m in report.modules]
    assert worst == sorted(worst, reverse=True)
    a = report.attendance
    assert a.expected >= a.unrecorded >= 0 and a.sessions > 0
    assert a.rate == pytest.approx((a.present + a.late + a.left_early) / (a.marked - a.excused))
    assert report.notes and all(1 <= len(d.recent) <= 3 for d in report.notes)
    for digest in report.notes:
        times = [n.written_at for n in digest.recent]
        assert times == sorted(times, reverse=True)
        assert digest.count >= len(digest.recent)


def test_an_unrecorded_session_counts_as_unrecorded_not_present(demo_store: Store) -> None:
    from mentordesk.core.models import Attendance

    before = feedback_report(demo_store, COHORT, START, END, today=END).attendance
    with demo_store.write() as s:
        mark = s.scalar(select(Attendance).where(Attendance.status == "present").limit(1))
        s.delete(mark)
    after = feedback_report(demo_store, COHORT, START, END, today=END).attendance
    assert after.present == before.present - 1
    assert after.unrecorded == before.unrecorded + 1
    assert after.expected == before.expected


def _feedback_rows(path: Path) -> list[dict]:
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames[-1] == "Feedback", "appended after the existing sheets"
    rows = list(wb["Feedback"].iter_rows(values_only=True))
    wb.close()
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_the_feedback_sheet_travels_and_the_school_reply_comes_back(
    demo_store: Store, store_b: Store, tmp_path: Path
) -> None:
    plant = write_suggestions(demo_store, COHORT, "Teach gauge control with real data.", START, END)
    first = export_results(demo_store, tmp_path / "plant.xlsx", ExportScope(cohort=COHORT)).path
    (row,) = _feedback_rows(first)
    assert row["UID"] == plant.uid and row["Cohort"] == COHORT
    assert row["Period Start"].date() == START and row["Suggestions"].startswith("Teach gauge")
    assert row["School Reply"] is None and row["Deleted"] is False

    # The school's MentorDesk takes it in, and the teacher answers there.
    prepare_import(first).apply(store_b)
    assert feedback_for(store_b, COHORT, START, END).suggestions.startswith("Teach gauge")
    write_reply(store_b, COHORT, "Agreed: a lab on gauge control.", START, END, replied_by="王老师")
    back = export_results(store_b, tmp_path / "school.xlsx").path

    report = prepare_import(back).apply(demo_store)
    assert report.applied
    here = feedback_for(demo_store, COHORT, START, END)
    assert (here.uid, here.reply, here.replied_by) == (
        plant.uid,
        "Agreed: a lab on gauge control.",
        "王老师",
    )
    assert here.suggestions == "Teach gauge control with real data."
    # Importing the same workbook again changes nothing.
    before = records(demo_store)
    prepare_import(back).apply(demo_store)
    assert records(demo_store) == before


def test_a_reply_typed_into_the_sheet_merges_though_the_plant_edited_since(
    demo_store: Store, tmp_path: Path
) -> None:
    write_suggestions(demo_store, COHORT, "First draft.", START, END)
    path = export_results(demo_store, tmp_path / "plant.xlsx", ExportScope(cohort=COHORT)).path
    # The mentor edits the suggestions after the workbook left: this record is newer.
    write_suggestions(demo_store, COHORT, "Second draft.", START, END)
    wb = load_workbook(path)
    ws = wb["Feedback"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("School Reply") + 1).value = "Typed at the school."
    ws.cell(2, header.index("Replied By") + 1).value = "Li Laoshi"
    wb.save(path)

    prepare_import(path).apply(demo_store)
    here = feedback_for(demo_store, COHORT, START, END)
    assert (here.suggestions, here.reply, here.replied_by) == (
        "Second draft.",
        "Typed at the school.",
        "Li Laoshi",
    )


def test_feedback_for_the_same_period_from_two_machines_is_one_record(
    demo_store: Store, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    from mentordesk.core.database import backup_sqlite

    backup_sqlite(demo_store.path, other)
    write_suggestions(demo_store, COHORT, "Older words.", START, END)
    st = Store.open(other)
    try:
        write_suggestions(st, COHORT, "Newer words from the other PC.", START, END)
        path = export_results(st, tmp_path / "other.xlsx", ExportScope(cohort=COHORT)).path
    finally:
        st.close()
    prepare_import(path).apply(demo_store)
    with demo_store.read() as s:
        assert s.scalar(select(func.count(SchoolFeedback.id))) == 1
    assert feedback_for(demo_store, COHORT, START, END).suggestions == (
        "Newer words from the other PC."
    )


def test_a_feedback_row_ending_before_it_starts_is_rejected(
    demo_store: Store, store_b: Store, tmp_path: Path
) -> None:
    write_suggestions(demo_store, COHORT, "Words.", START, END)
    path = export_results(demo_store, tmp_path / "plant.xlsx", ExportScope(cohort=COHORT)).path
    wb = load_workbook(path)
    ws = wb["Feedback"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Period End") + 1).value = datetime(2026, 9, 1)
    wb.save(path)
    report = prepare_import(path).apply(store_b)
    text = "\n".join(report.lines())
    assert "Feedback" in text and "Period End" in text and "before" in text
    with store_b.read() as s:
        assert s.scalar(select(func.count(SchoolFeedback.id))) == 0


def test_newer_suggestions_without_the_reply_do_not_clear_it(
    demo_store: Store, tmp_path: Path
) -> None:
    from mentordesk.core.database import backup_sqlite

    write_suggestions(demo_store, COHORT, "First words.", START, END)
    school_db = tmp_path / "school.db"
    backup_sqlite(demo_store.path, school_db)
    # The teacher answers on the plant's PC; the school's copy, which never saw the answer,
    # changes the suggestions later and sends them.
    write_reply(demo_store, COHORT, "Answered here.", START, END, replied_by="王老师")
    school = Store.open(school_db)
    try:
        write_suggestions(school, COHORT, "Better words.", START, END)
        path = export_results(school, tmp_path / "school.xlsx", ExportScope(cohort=COHORT)).path
    finally:
        school.close()
    prepare_import(path).apply(demo_store)
    here = feedback_for(demo_store, COHORT, START, END)
    assert (here.suggestions, here.reply, here.replied_by) == (
        "Better words.",
        "Answered here.",
        "王老师",
    )
    # Marked as changed here: the merged record is newer than what the school sent.
    (row,) = _feedback_rows(
        export_results(demo_store, tmp_path / "back.xlsx", ExportScope(cohort=COHORT)).path
    )
    assert row["School Reply"] == "Answered here."
