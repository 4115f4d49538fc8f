"""The Calendar sheet (interchange revision 2): plan blocks and days off travel between machines.

Written after About, so that the first nine sheets keep their places; merged like the other
round-trip sheets (by UID, newer wins, deletions travel), on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mentordesk.core.calendar_plan import add_block, delete_block, lay_out_plan, list_blocks
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.days_off import DayOffEntry, add_days_off, list_days_off
from mentordesk.core.expected import planned_hours
from mentordesk.core.models import Cohort
from mentordesk.core.store import Store
from mentordesk.exchange.headers import CHINESE
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

MON = date(2026, 9, 7)
END = date(2027, 1, 31)
FIRST_NINE = [
    "Summary",
    "Trainees",
    "Sessions",
    "Attendance",
    "Ratings",
    "Notes",
    "Assessments",
    "Skills",
    "About",
]


@pytest.fixture
def planned(tmp_path: Path):
    """A machine with a plan: blocks of two cohorts, a deleted one, a holiday, a closure."""
    st = Store.open(tmp_path / "a.db")
    create_cohort(st, "Rolling", start_date=MON, end_date=END)
    create_cohort(st, "Casting", start_date=MON, end_date=END)
    add_days_off(st, [DayOffEntry(date(2026, 10, 1), "National Day 国庆节")])
    add_days_off(st, [DayOffEntry(date(2026, 10, 20), "Mill overhaul")], kind="closure",
                 cohort_key="Rolling")  # fmt: skip
    lay_out_plan(st, "Rolling", start=MON, end=date(2026, 11, 1), pattern="3w school, 1w plant")
    add_block(st, "Casting", start=MON, end=date(2026, 9, 30), place="plant", planned_hours=120)
    gone = add_block(
        st, "Casting", start=date(2026, 10, 5), end=date(2026, 10, 9), place="plant",
        planned_hours=40,
    )  # fmt: skip
    delete_block(st, gone.uid)
    yield st
    st.close()


def calendar_rows(path: Path) -> list[tuple]:
    wb = load_workbook(path, read_only=True)
    try:
        return list(wb["Calendar"].iter_rows(values_only=True))
    finally:
        wb.close()


def edit(path: Path, uid: str, updates: dict[str, object]) -> None:
    wb = load_workbook(path)
    ws = wb["Calendar"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == uid:
            for name, value in updates.items():
                row[header.index(name)].value = value
    wb.save(path)


def add_row(path: Path, values: dict[str, object]) -> None:
    wb = load_workbook(path)
    ws = wb["Calendar"]
    header = [c.value for c in ws[1]]
    ws.append([values.get(h) for h in header])
    wb.save(path)


def outcomes(report) -> dict[int, object]:
    return {o.row: o for o in report.outcomes if o.sheet == "Calendar"}


def test_calendar_comes_after_about_and_the_first_nine_keep_their_places(planned, tmp_path):
    path = export_results(planned, tmp_path / "a.xlsx").path
    wb = load_workbook(path, read_only=True)
    try:
        assert wb.sheetnames == [*FIRST_NINE, "Calendar", "Feedback"]
        about = dict(wb["About"].iter_rows(min_row=2, values_only=True))
    finally:
        wb.close()
    rows = calendar_rows(path)
    assert rows[0] == (
        "UID", "Updated At", "Deleted", "Cohort", "Start", "End", "Place", "Planned Hours",
        "Label",
    )  # fmt: skip
    assert about["rows Calendar"] == len(rows) - 1 == 8
    places = [(r[3], r[6], r[8]) for r in rows[1:]]
    assert (None, "holiday", "National Day 国庆节") in places
    assert ("Rolling", "closure", "Mill overhaul") in places
    assert sum(1 for r in rows[1:] if r[2]) == 1  # the deleted block travels, marked


def test_one_cohort_export_takes_its_blocks_and_the_days_off_for_it(planned, tmp_path):
    from mentordesk.core.export_scope import ExportScope

    path = export_results(planned, tmp_path / "a.xlsx", ExportScope(cohort="Casting")).path
    rows = calendar_rows(path)[1:]
    assert {r[3] for r in rows} == {"Casting", None}
    assert [r[6] for r in rows if r[3] is None] == ["holiday"]


def test_round_trip_to_an_empty_store_gives_the_same_plan(planned, any_store, tmp_path):
    first = export_results(planned, tmp_path / "a.xlsx").path
    report = prepare_import(first).apply(any_store)
    assert {o.outcome for o in outcomes(report).values()} == {"new"}
    again = export_results(any_store, tmp_path / "b.xlsx").path
    assert calendar_rows(again) == calendar_rows(first)
    assert list_blocks(any_store, "Rolling") == list_blocks(planned, "Rolling")
    assert [(d.day, d.kind, d.label, d.cohort) for d in list_days_off(any_store, MON, END)] == [
        (d.day, d.kind, d.label, d.cohort) for d in list_days_off(planned, MON, END)
    ]
    # The plan read the same: the closure and the holiday are working days nowhere.
    with planned.read() as a, any_store.read() as b:
        rolling = [s.query(Cohort).filter_by(name="Rolling").one().id for s in (a, b)]
        assert planned_hours(b, rolling[1], MON, END) == planned_hours(a, rolling[0], MON, END)
    # The same workbook twice changes nothing the second time.
    second = prepare_import(first).apply(any_store)
    assert {o.outcome for o in outcomes(second).values()} == {"unchanged"}


def test_newer_wins_older_or_equal_changes_nothing_and_deletion_travels(
    planned, any_store, tmp_path
):
    path = export_results(planned, tmp_path / "a.xlsx").path
    prepare_import(path).apply(any_store)
    rows = calendar_rows(path)[1:]
    casting = next(r for r in rows if r[3] == "Casting" and not r[2])
    holiday = next(r for r in rows if r[6] == "holiday")
    edit(path, casting[0], {"Planned Hours": 100, "Updated At": casting[1] + timedelta(hours=1)})
    edit(path, holiday[0], {"Label": "changed, not newer"})
    rolling = next(r for r in rows if r[3] == "Rolling" and r[6] == "school")
    edit(path, rolling[0], {"Deleted": True, "Updated At": rolling[1] + timedelta(hours=1)})

    report = outcomes(prepare_import(path).apply(any_store))

    by_uid = {calendar_rows(path)[o.row - 1][0]: o for o in report.values()}
    assert by_uid[casting[0]].outcome == "updated"
    assert by_uid[holiday[0]].outcome == "unchanged"
    assert [b.planned_hours for b in list_blocks(any_store, "Casting")] == [100.0]
    assert [d.label for d in list_days_off(any_store, MON, END) if d.kind == "holiday"] == [
        "National Day 国庆节"
    ]
    assert rolling[0] not in {b.uid for b in list_blocks(any_store, "Rolling")}


def test_an_overlapping_or_outside_block_is_rejected_by_sheet_row_and_column(
    planned, any_store, tmp_path
):
    # Cohorts' dates do not travel in a results workbook: this machine set them itself.
    create_cohort(any_store, "Casting", start_date=MON, end_date=END)
    path = export_results(planned, tmp_path / "a.xlsx").path
    prepare_import(path).apply(any_store)
    when = calendar_rows(path)[1][1] + timedelta(days=1)
    base = {"Updated At": when, "Deleted": False, "Cohort": "Casting", "Place": "plant"}
    add_row(
        path,
        {
            **base,
            "UID": "7e57c0de-0000-4000-8000-000000000001",
            "Start": date(2026, 10, 12),
            "End": date(2026, 10, 16),
            "Planned Hours": 40,
        },
    )
    add_row(
        path,
        {
            **base,
            "UID": "7e57c0de-0000-4000-8000-000000000002",
            "Start": date(2026, 10, 14),
            "End": date(2026, 10, 20),
            "Planned Hours": 40,
        },
    )
    add_row(
        path,
        {
            **base,
            "UID": "7e57c0de-0000-4000-8000-000000000003",
            "Start": date(2027, 1, 25),
            "End": date(2027, 2, 5),
            "Planned Hours": 40,
        },
    )
    add_row(
        path,
        {
            **base,
            "UID": "7e57c0de-0000-4000-8000-000000000004",
            "Start": "2026-13-01",
            "End": date(2026, 12, 4),
        },
    )
    add_row(path, {**base, "UID": "7e57c0de-0000-4000-8000-000000000005",
                   "Start": date(2026, 12, 4), "End": date(2026, 11, 30)})  # fmt: skip
    blocks = list_blocks(any_store, "Casting")

    held = prepare_import(path).apply(any_store, strict=True)

    assert not held.applied and list_blocks(any_store, "Casting") == blocks
    report = outcomes(prepare_import(path).apply(any_store))
    last = len(calendar_rows(path))
    assert report[last - 4].outcome == "new"
    overlap = report[last - 3]
    assert overlap.outcome == "rejected"
    assert (
        overlap.reason.startswith("column Start: ") and "overlaps the plant block" in overlap.reason
    )
    assert "outside the cohort Casting's dates" in report[last - 2].reason
    assert report[last - 1].reason == "column Start: '2026-13-01' is not a date (YYYY-MM-DD)"
    assert (
        report[last].reason == "column End: The end (2026-11-30) is before the start (2026-12-04)"
    )
    assert len(list_blocks(any_store, "Casting")) == len(blocks) + 1


def test_days_off_come_in_from_a_calendar_sheet(planned, store, tmp_path):
    path = export_results(planned, tmp_path / "a.xlsx").path
    when = calendar_rows(path)[1][1]
    add_row(path, {"UID": "7e57c0de-0000-4000-8000-000000000010", "Updated At": when,
                   "Start": date(2026, 10, 2), "End": date(2026, 10, 2), "Place": "节假日",
                   "Label": "国庆节"})  # fmt: skip
    add_row(path, {"UID": "7e57c0de-0000-4000-8000-000000000013", "Updated At": when,
                   "Start": date(2026, 10, 1), "End": date(2026, 10, 1), "Place": "holiday",
                   "Label": "typed in again elsewhere"})  # fmt: skip
    add_row(path, {"UID": "7e57c0de-0000-4000-8000-000000000011", "Updated At": when,
                   "Start": date(2026, 10, 5), "End": date(2026, 10, 7), "Place": "holiday"})  # fmt: skip
    add_row(path, {"UID": "7e57c0de-0000-4000-8000-000000000012", "Updated At": when,
                   "Start": date(2026, 10, 8), "Place": "vacation"})  # fmt: skip

    report = outcomes(prepare_import(path).apply(store))

    last = len(calendar_rows(path))
    assert report[last - 3].outcome == "new"
    assert report[last - 2].outcome == "unchanged"
    assert report[last - 1].reason.startswith("column End: a holiday is one day")
    assert report[last].reason.startswith("column Place: 'vacation' is not a place")
    days = {d.day: d for d in list_days_off(store, MON, END)}
    assert days[date(2026, 10, 2)].kind == "holiday" and days[date(2026, 10, 2)].cohort == ""
    assert date(2026, 10, 5) not in days
    assert [d.label for d in list_days_off(store, MON, END) if d.day == date(2026, 10, 1)] == [
        "National Day 国庆节"
    ]


def test_chinese_headers_round_trip_the_calendar(planned, store, tmp_path):
    path = export_results(planned, tmp_path / "zh.xlsx", chinese_headers=True).path
    head = calendar_rows(path)[0]
    assert head[3:] == tuple(CHINESE[h] for h in ("Cohort", "Start", "End", "Place",
                                                   "Planned Hours", "Label"))  # fmt: skip
    report = prepare_import(path).apply(store)
    assert {o.outcome for o in outcomes(report).values()} == {"new"}
    assert list_blocks(store, "Rolling") == list_blocks(planned, "Rolling")


def test_a_long_calendar_continues_after_about_and_about_counts_every_part(planned, tmp_path):
    result = export_results(planned, tmp_path / "a.xlsx", sheet_limit=3)
    wb = load_workbook(result.path, read_only=True)
    try:
        names = wb.sheetnames
        about = {
            k: v
            for n in names
            if n.startswith("About")
            for k, v in wb[n].iter_rows(min_row=2, values_only=True)
        }
    finally:
        wb.close()
    # (The limit is lowered so far that About itself continues too.)
    assert names[:8] == FIRST_NINE[:8] and names[8] == "About"
    # The Feedback sheet (empty here) follows the Calendar's parts.
    assert [n for n in names if n.startswith("Calendar")] == names[-4:-1]
    assert names[-4:] == ["Calendar", "Calendar 2", "Calendar 3", "Feedback"]
    assert [about[f"rows {n}"] for n in ("Calendar", "Calendar 2", "Calendar 3")] == [3, 3, 2]
    assert result.rows["Calendar 3"] == 2
