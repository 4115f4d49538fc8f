"""Roster and rubric workbooks as school offices make them: dry run, apply, re-import."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from mentordesk.core.errors import UserError
from mentordesk.core.models import AuditEvent, Rubric, Trainee
from mentordesk.core.trainees import get_trainee, list_trainees
from mentordesk.exchange.workbook_import import prepare_import

DATA = Path(__file__).parent / "data" / "sync"


def audit_count(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count(AuditEvent.id)))


def stamps(store) -> dict[str, object]:
    with store.read() as s:
        return {tid: at for tid, at in s.execute(select(Trainee.trainee_id, Trainee.updated_at))}


def english_roster(path: Path, rows: list[list[object]] | None = None) -> Path:
    """As an English-language office exports it: banner, blank row, headers with colons."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Hebei Vocational College — 2025 Rolling Order Class"])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["Printed 2025-09-01"])
    ws.append(["Student No:", "Full Name", "Class", "E-mail", "Status", "Dormitory", "Program"])
    for row in rows or [
        [20250101, "Wang Wei", "Rolling A", "wang@example.org", "Active", "B-201", "Order 2025"],
        [20250102.0, "  Li Na  ", "Rolling A", None, "在读", "B-202", "Order 2025"],
        [" 20250103 ", "Zhang Min", None, None, "graduated", None, None],
    ]:
        ws.append(row)
    ws.append([])
    ws.append(["Prepared by the school office"])
    wb.save(path)
    return path


def test_libreoffice_roster_in_chinese_imports_with_exact_ids(store):
    prepared = prepare_import(DATA / "roster_libreoffice.xlsx")
    assert prepared.kind == "roster"

    report = prepared.dry_run(store)

    assert [(o.row, o.outcome) for o in report.outcomes] == [(5, "new"), (6, "new"), (7, "new")]
    assert report.ignored_columns == ["备注"]
    assert any("row 9 skipped" in n for n in report.notes)
    assert list_trainees(store) == []  # a dry run changes nothing

    applied = prepared.apply(store)
    assert applied.applied
    people = {t.trainee_id: t for t in list_trainees(store)}
    assert set(people) == {"20250101", "20250102", "20250103"}
    assert people["20250101"].name == "王 伟"
    assert people["20250102"].name == "李娜"
    assert people["20250101"].employee_no == "50101"
    assert people["20250101"].cohort == "2025轧钢订单班"
    assert people["20250101"].track == "轧钢"
    assert [people[i].status for i in sorted(people)] == ["active", "active", "withdrawn"]


def test_reimporting_the_same_roster_changes_nothing(store, tmp_path):
    path = english_roster(tmp_path / "roster.xlsx")
    prepare_import(path).apply(store)
    before_audit, before_stamps = audit_count(store), stamps(store)

    again = prepare_import(path)
    assert {o.outcome for o in again.dry_run(store).outcomes} == {"unchanged"}
    report = again.apply(store)

    assert {o.outcome for o in report.outcomes} == {"unchanged"}
    assert audit_count(store) == before_audit
    assert stamps(store) == before_stamps


def test_english_headers_synonyms_and_cohort_option(store, tmp_path):
    path = english_roster(tmp_path / "roster.xlsx")
    report = prepare_import(path, cohort="Fallback class").apply(store)

    assert [o.outcome for o in report.outcomes] == ["new", "new", "new"]
    assert report.ignored_columns == ["Dormitory"]
    people = {t.trainee_id: t for t in list_trainees(store)}
    assert set(people) == {"20250101", "20250102", "20250103"}
    assert people["20250102"].name == "Li Na"
    wang = get_trainee(store, people["20250101"].uid)
    assert (wang.email, wang.programme) == ("wang@example.org", "Order 2025")
    assert people["20250103"].cohort == "Fallback class"
    assert people["20250103"].status == "graduated"


def test_without_cohort_anywhere_trainees_go_to_unassigned(store, tmp_path):
    path = english_roster(tmp_path / "r.xlsx", [[1, "A One", None, None, None, None, None]])
    prepare_import(path).apply(store)
    assert list_trainees(store)[0].cohort == "Unassigned"


def test_changed_rows_report_which_fields(store, tmp_path):
    prepare_import(english_roster(tmp_path / "a.xlsx")).apply(store)
    changed = english_roster(
        tmp_path / "b.xlsx",
        [
            [20250101, "Wang Wei", "Rolling B", "wang@example.org", "Active", None, None],
            [20250102, "Li Na", "Rolling A", None, "退出", None, None],
        ],
    )
    report = prepare_import(changed).dry_run(store)

    assert [(o.row, o.outcome, o.fields) for o in report.outcomes] == [
        (5, "updated", ("Cohort",)),
        (6, "updated", ("Status",)),
    ]


def test_bad_rows_are_rejected_with_their_row_number_and_the_rest_applies(store, tmp_path):
    path = english_roster(
        tmp_path / "bad.xlsx",
        [
            [20250101, "Wang Wei", "Rolling A", None, "on leave", None, None],
            [20250102, "Li Na", "Rolling A", None, None, None, None],
            [20250103, "Zhang Min", "Rolling A", None, None, None, None],
            [20250103, "Zhang Min again", "Rolling A", None, None, None, None],
        ],
    )
    report = prepare_import(path).apply(store)

    outcomes = [(o.row, o.outcome) for o in report.outcomes]
    assert outcomes == [(5, "rejected"), (6, "new"), (7, "rejected"), (8, "rejected")]
    reasons = [o.reason for o in report.outcomes]
    assert "on leave" in reasons[0]
    # Which of two rows sharing an ID is right is unknown: neither goes in.
    assert "also appears in row 8" in reasons[2]
    assert "also appears in row 7" in reasons[3]
    assert [t.trainee_id for t in list_trainees(store)] == ["20250102"]


def test_missing_required_column_names_file_sheet_row_and_column(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Name", "Class"])
    ws.append(["Wang Wei", "A"])
    wb.save(tmp_path / "noid.xlsx")

    with pytest.raises(UserError) as err:
        prepare_import(tmp_path / "noid.xlsx")
    message = str(err.value)
    assert "noid.xlsx" in message and "sheet Roster" in message and "row 1" in message
    assert "Trainee ID" in message


def test_a_failure_while_applying_leaves_nothing_half_done(store, tmp_path, monkeypatch):
    from mentordesk.core import roster_groups

    path = english_roster(tmp_path / "r.xlsx")
    prepared = prepare_import(path)
    calls = []

    def failing_cohort(self, name, programme):
        calls.append(name)
        if len(calls) == 2:
            raise UserError("disk full")
        return original(self, name, programme)

    original = roster_groups.RosterGroups.cohort
    monkeypatch.setattr(roster_groups.RosterGroups, "cohort", failing_cohort)
    with pytest.raises(UserError):
        prepared.apply(store)

    assert list_trainees(store) == []
    assert audit_count(store) == 0


def skills_workbook(path: Path, descriptor: str = "Does it with help") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Skills"
    ws.append(["Code", "Area", "Skill", "Module", "Level 1", "Level 2", "3"])
    ws.append(["R-01", "Rolling", "Roll change", "Rolling", "Watches", descriptor, "Leads"])
    ws.append(["R-02", "Rolling", "Gauge control", "Rolling", "Watches", "Assists", "Runs"])
    ws.append([None, "Rolling", "No code", "Rolling", None, None, None])
    wb.save(path)
    return path


def test_skills_sheet_becomes_a_rubric_then_unchanged_then_a_new_version(store, tmp_path):
    path = skills_workbook(tmp_path / "Rolling rubric.xlsx")
    prepared = prepare_import(path)
    assert prepared.kind == "rubric"

    report = prepared.apply(store)
    assert [(o.row, o.outcome) for o in report.outcomes] == [
        (2, "new"),
        (3, "new"),
        (4, "rejected"),
    ]
    with store.read() as s:
        rubric = s.scalar(select(Rubric))
        assert (rubric.name, rubric.version, len(rubric.levels)) == ("Rolling rubric", 1, 3)
        assert rubric.skills[0].descriptors == ["Watches", "Does it with help", "Leads"]

    assert {o.outcome for o in prepare_import(path).apply(store).outcomes} == {
        "unchanged",
        "rejected",
    }
    skills_workbook(path, descriptor="Changes rolls with a mentor")
    prepare_import(path).apply(store)
    with store.read() as s:
        assert sorted(s.scalars(select(Rubric.version))) == [1, 2]
