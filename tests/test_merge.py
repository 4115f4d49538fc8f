"""Several mentors' machines merging through results workbooks, without a server."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from mentordesk.core.changes import add, change
from mentordesk.core.models import Assessment, Attendance, AuditEvent, Note, Trainee
from mentordesk.core.store import Store
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

VOLATILE = {"exported_at", "device", "exported_by"}


@pytest.fixture
def store_b(tmp_path: Path):
    st = Store.open(tmp_path / "b.db")
    yield st
    st.close()


def sheets(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path, read_only=True)
    out = {}
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        if ws.title == "About":
            rows = [r for r in rows if r[0] not in VOLATILE]
        out[ws.title] = rows
    wb.close()
    return out


def audit_count(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count(AuditEvent.id)))


def sign_assessment(
    store, result: str = "pass", uid: str | None = None, state: str = "signed"
) -> str:
    """An assessment as signing leaves it: ``signed_at`` to the microsecond."""
    with store.write() as s:
        trainee = s.scalar(select(Trainee).order_by(Trainee.trainee_id))
        a = Assessment(
            trainee_id=trainee.id,
            period_start=date(2026, 10, 26),
            period_end=date(2026, 11, 20),
            state=state,
            result=result,
            signed_at=datetime(2026, 11, 20, 9, 30, 5, 123456, tzinfo=UTC),
            signed_by="Liu Jianguo 刘建国",
            document_sha256="ab" * 32,
        )
        if uid:
            a.uid = uid
        return add(store, s, a).uid


def edit(path: Path, sheet: str, match: str, updates: dict[str, object]) -> None:
    """Change the row whose UID is ``match``, as another machine's newer export would."""
    wb = load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == match:
            for name, value in updates.items():
                row[header.index(name)].value = value
    wb.save(path)


def test_round_trip_a_to_empty_b_gives_the_same_workbook(demo_store, store_b, tmp_path):
    sign_assessment(demo_store, state="draft")
    with demo_store.write() as s:
        note = s.scalar(select(Note).order_by(Note.id))
        change(demo_store, s, note, {"deleted": True}, action="delete")
    first = export_results(demo_store, tmp_path / "a.xlsx").path

    report = prepare_import(first).apply(store_b)
    assert {o.outcome for o in report.outcomes} == {"new"}
    second = export_results(store_b, tmp_path / "b.xlsx").path

    a, b = sheets(first), sheets(second)
    assert list(a) == list(b)
    for name in a:
        assert a[name] == b[name], name
    assert sum(1 for r in b["Notes"][1:] if r[2] is True) == 1


def test_dry_run_changes_nothing_and_same_workbook_twice_counts_once(demo_store, store_b, tmp_path):
    path = export_results(demo_store, tmp_path / "a.xlsx").path
    prepared = prepare_import(path)

    dry = prepared.dry_run(store_b)
    assert not dry.applied and dry.counts()["new"] > 3000
    with store_b.read() as s:
        assert s.scalar(select(func.count(Trainee.id))) == 0

    prepared.apply(store_b)
    audits = audit_count(store_b)
    with store_b.read() as s:
        stamps = dict(s.execute(select(Attendance.uid, Attendance.updated_at)).all())

    again = prepared.apply(store_b)
    assert set(again.counts()) >= {"unchanged"}
    assert again.counts()["new"] == again.counts()["updated"] == 0
    assert audit_count(store_b) == audits
    with store_b.read() as s:
        assert dict(s.execute(select(Attendance.uid, Attendance.updated_at)).all()) == stamps


def test_newer_wins_older_or_equal_changes_nothing(demo_store, tmp_path):
    path = export_results(demo_store, tmp_path / "a.xlsx").path
    rows = sheets(path)["Trainees"][1:3]
    later = rows[0][1] + timedelta(days=1)
    earlier = rows[1][1] - timedelta(days=1)
    edit(path, "Trainees", rows[0][0], {"Name": "Renamed Later", "Updated At": later})
    edit(path, "Trainees", rows[1][0], {"Name": "Renamed Earlier", "Updated At": earlier})

    report = prepare_import(path).apply(demo_store)

    by_row = {o.row: o for o in report.outcomes if o.sheet == "Trainees"}
    assert by_row[2].outcome == "updated" and by_row[2].fields == ("Name",)
    assert by_row[3].outcome == "unchanged"
    with demo_store.read() as s:
        names = {t.uid: t.name for t in s.scalars(select(Trainee))}
    assert names[rows[0][0]] == "Renamed Later"
    assert names[rows[1][0]] == rows[1][5]


def test_deletions_travel(demo_store, store_b, tmp_path):
    prepare_import(export_results(demo_store, tmp_path / "a.xlsx").path).apply(store_b)
    with demo_store.write() as s:
        note = s.scalar(select(Note).order_by(Note.id))
        uid = note.uid
        change(demo_store, s, note, {"deleted": True}, action="delete")

    report = prepare_import(export_results(demo_store, tmp_path / "a2.xlsx").path).apply(store_b)

    changed = [o for o in report.outcomes if o.outcome == "updated"]
    assert [(o.sheet, o.fields) for o in changed] == [("Notes", ("Deleted",))]
    with store_b.read() as s:
        assert s.scalar(select(Note.deleted).where(Note.uid == uid)) is True


def test_a_signed_assessment_is_never_overwritten(demo_store, tmp_path):
    uid = sign_assessment(demo_store, "pass")
    path = export_results(demo_store, tmp_path / "a.xlsx").path
    later = sheets(path)["Assessments"][1][1] + timedelta(hours=1)
    edit(path, "Assessments", uid, {"Result": "distinction", "Updated At": later})

    report = prepare_import(path).apply(demo_store)

    row = next(o for o in report.outcomes if o.sheet == "Assessments")
    assert row.outcome == "rejected" and uid in row.reason and "cannot change it" in row.reason
    with demo_store.read() as s:
        kept = {a.uid: a.result for a in s.scalars(select(Assessment))}
    assert kept == {uid: "pass"}


def test_a_newer_draft_never_replaces_a_signed_assessment(demo_store, tmp_path):
    uid = sign_assessment(demo_store, "pass")
    path = export_results(demo_store, tmp_path / "a.xlsx").path
    later = sheets(path)["Assessments"][1][1] + timedelta(hours=1)
    edit(path, "Assessments", uid, {"State": "draft", "Result": "", "Updated At": later})

    report = prepare_import(path).apply(demo_store)

    row = next(o for o in report.outcomes if o.sheet == "Assessments")
    assert row.outcome == "rejected" and "signed here" in row.reason
    with demo_store.read() as s:
        assert s.scalar(select(Assessment.result).where(Assessment.uid == uid)) == "pass"


def test_attendance_codes_and_bad_rows(demo_store, tmp_path):
    path = export_results(demo_store, tmp_path / "a.xlsx").path
    rows = sheets(path)["Attendance"][1:5]
    later = rows[0][1] + timedelta(days=1)
    edit(path, "Attendance", rows[0][0], {"Status": "LE", "Updated At": later})
    edit(path, "Attendance", rows[1][0], {"Status": "迟到", "Updated At": later})
    edit(path, "Attendance", rows[2][0], {"Status": "sleeping", "Updated At": later})
    edit(path, "Attendance", rows[3][0], {"Trainee ID": "99999999", "Updated At": later})

    report = prepare_import(path).apply(demo_store)

    by_row = {o.row: o for o in report.outcomes if o.sheet == "Attendance"}
    assert by_row[2].outcome == by_row[3].outcome == "updated"
    assert by_row[4].outcome == "rejected" and "column Status" in by_row[4].reason
    assert by_row[5].outcome == "rejected" and "99999999" in by_row[5].reason
    with demo_store.read() as s:
        status = dict(s.execute(select(Attendance.uid, Attendance.status)).all())
    assert status[rows[0][0]] == "left_early"
    assert status[rows[1][0]] == "late"


def test_chinese_header_export_imports_the_same(demo_store, store_b, tmp_path):
    path = export_results(demo_store, tmp_path / "zh.xlsx", chinese_headers=True).path
    report = prepare_import(path).apply(store_b)
    assert {o.outcome for o in report.outcomes} == {"new"}
    english = export_results(demo_store, tmp_path / "en.xlsx").path
    assert (
        sheets(export_results(store_b, tmp_path / "b.xlsx").path)["Summary"]
        == sheets(english)["Summary"]
    )


def test_a_bad_cell_is_explained_under_the_column_heading_the_sheet_uses(demo_store, tmp_path):
    from mentordesk.exchange.headers import CHINESE

    path = export_results(demo_store, tmp_path / "zh.xlsx", chinese_headers=True).path
    first = sheets(path)["Sessions"][1]
    later = first[1] + timedelta(days=1)
    edit(path, "Sessions", first[0], {CHINESE["Date"]: "2024/3/1", CHINESE["Updated At"]: later})

    report = prepare_import(path).apply(demo_store)

    row = next(o for o in report.outcomes if o.sheet == "Sessions" and o.row == 2)
    assert row.outcome == "rejected"
    assert (
        row.reason
        == f"column {CHINESE['Date']}: '2024/3/1' is not a date as YYYY-MM-DD, like 2026-11-20"
    )
