"""The Summary sheet tells expected and unrecorded sessions and the planned hours (revision 2)."""

from __future__ import annotations

from datetime import date, time, timedelta

from openpyxl import load_workbook

from mentordesk.core.attendance import mark
from mentordesk.core.calendar_plan import lay_out_plan
from mentordesk.core.cohorts import create_cohort, list_cohorts
from mentordesk.core.export_columns import SUMMARY
from mentordesk.core.export_scope import ExportScope
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session
from mentordesk.exchange.results_export import export_results

MON = date(2026, 9, 7)


def test_summary_counts_a_forgotten_mark_and_keeps_hrs_columns_in_place(store, tmp_path):
    create_cohort(store, "Order Class", start_date=MON, end_date=date(2027, 6, 30))
    lay_out_plan(
        store, "Order Class", start=MON, end=date(2026, 10, 4), pattern="3w school, 1w plant"
    )
    cohort_uid = list_cohorts(store)[0].uid
    zhang = create_trainee(store, "R001", "Zhang Wei 张伟", cohort="Order Class")
    li = create_trainee(store, "R002", "Li Na 李娜", cohort="Order Class")
    days = [date(2026, 9, 28) + timedelta(days=n) for n in range(5)]
    sessions = [
        create_session(
            store, held_on=d, start_time=time(8), end_time=time(12), location="Bay 2",
            module="", task="", cohort_uid=cohort_uid,
        )
        for d in days
    ]  # fmt: skip
    for ws in sessions:
        mark(store, ws.uid, zhang.uid, "present")
    for ws in sessions[:3]:  # two forgotten
        mark(store, ws.uid, li.uid, "present")
    out = tmp_path / "results.xlsx"
    export_results(store, out, ExportScope("Order Class", MON, date(2026, 10, 4)))

    wb = load_workbook(out)
    ws = wb["Summary"]
    header = [c.value for c in ws[1]]
    assert header == list(SUMMARY)
    # HR's existing columns keep their places; the three new ones follow Signed By.
    assert header[21:] == ["Signed By", "Expected", "Unrecorded", "Planned Hours"]
    rows = {
        r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    assert (rows["R001"]["Expected"], rows["R001"]["Unrecorded"]) == (5, 0)
    assert (rows["R002"]["Expected"], rows["R002"]["Unrecorded"]) == (5, 2)
    for row in rows.values():
        # The Sessions column counts marks; with none made outside the plan, expected sessions
        # that have a mark plus the unrecorded ones make the expected ones.
        assert row["Sessions"] + row["Unrecorded"] == row["Expected"]
        assert row["Planned Hours"] == 40
        assert row["Attendance Rate"] == 1
    about = {k: v for k, v in wb["About"].iter_rows(min_row=2, values_only=True)}
    assert (about["version"], about["revision"]) == (1, 2)
