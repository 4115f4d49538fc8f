"""A roster's Hire Date and Post columns: stored, checked, and judged against entry rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from mentordesk.core.cohorts import create_cohort
from mentordesk.core.entry_rules import set_rules
from mentordesk.core.models import Trainee
from mentordesk.core.programmes import create_programme
from mentordesk.core.rubrics import load_rubric_file
from mentordesk.exchange.workbook_import import prepare_import
from mentordesk.paths import resources_dir

POST = "Mill maintenance technician"


def roster(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def ruled(store) -> None:
    create_programme(store, "OJT", kind="on_the_job")
    load_rubric_file(
        store, resources_dir() / "rubrics" / "on-the-job-maintenance-skills.json", programme="OJT"
    )
    create_cohort(store, "OJ", programme="OJT", start_date=date(2026, 3, 1))
    set_rules(store, "OJ", min_years=3, posts=[POST])


def test_dry_run_says_who_meets_the_rules_and_why_not_without_refusing(store, tmp_path):
    ruled(store)
    path = roster(
        tmp_path / "oj.xlsx",
        ["学号", "姓名", "班级", "入职日期", "岗位"],
        [
            ["E1", "Gao Jun", "OJ", date(2018, 3, 1), POST],
            ["E2", "Tang Lei", "OJ", "2023-11-01", POST],
            ["E3", "Han Xue", "OJ", "2015-01-01", "Crane operator"],
            ["E4", "Hu Bin", "OJ", None, POST],
        ],
    )
    report = prepare_import(path).dry_run(store)
    assert [o.outcome for o in report.outcomes] == ["new"] * 4
    notes = "\n".join(report.notes)
    assert "row 2 E1 Gao Jun: meets the entry rules of OJ" in notes
    assert (
        "row 3 E2 Tang Lei: does not meet the entry rules of OJ: 2 years 4 months of service, "
        "the cohort asks at least 3 years (imported all the same; HR decides)"
    ) in notes
    assert f"post Crane operator is not among {POST}" in notes
    assert "row 5 E4 Hu Bin: does not meet the entry rules of OJ: no hire date" in notes


def test_hire_date_and_post_are_stored_and_a_later_roster_keeps_them(store, tmp_path):
    ruled(store)
    header = ["学号", "姓名", "班级", "入职日期", "岗位"]
    prepare_import(
        roster(tmp_path / "a.xlsx", header, [["E1", "Gao Jun", "OJ", date(2018, 3, 1), POST]])
    ).apply(store)
    prepare_import(roster(tmp_path / "b.xlsx", ["Trainee ID", "Name"], [["E1", "Gao Jun"]])).apply(
        store
    )
    with store.read() as s:
        assert s.execute(select(Trainee.hire_date, Trainee.post)).one() == (date(2018, 3, 1), POST)
    report = prepare_import(
        roster(tmp_path / "c.xlsx", header, [["E1", "Gao Jun", "OJ", "2019-03-01", POST]])
    ).dry_run(store)
    assert report.outcomes[0].fields == ("Hire Date",)


def test_a_bad_hire_date_is_refused_naming_row_and_column(store, tmp_path):
    path = roster(
        tmp_path / "bad.xlsx",
        ["Trainee ID", "Name", "Hire Date"],
        [["E1", "Gao Jun", "last spring"], ["E2", "Hu Bin", "2020-02-30"], ["E3", "Ok", None]],
    )
    report = prepare_import(path).apply(store)
    assert [(o.sheet, o.row, o.outcome) for o in report.outcomes] == [
        ("Roster", 2, "rejected"),
        ("Roster", 3, "rejected"),
        ("Roster", 4, "new"),
    ]
    assert report.outcomes[0].reason.startswith("column Hire Date: 'last spring' is not a date")
    assert "column Hire Date" in report.outcomes[1].reason
