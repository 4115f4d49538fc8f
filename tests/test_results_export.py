"""The results workbook as the school's system and HR receive it."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from mentordesk.core.changes import add
from mentordesk.core.errors import UserError
from mentordesk.core.export_columns import COLUMNS
from mentordesk.core.export_scope import ExportScope
from mentordesk.core.models import Note, Trainee
from mentordesk.core.progress import Cancelled, Progress
from mentordesk.core.summary import period_figures
from mentordesk.exchange.results_export import export_results

ROLLING = "2025 Rolling Order Class"
SHEETS = [
    "Summary",
    "Trainees",
    "Sessions",
    "Attendance",
    "Ratings",
    "Notes",
    "Assessments",
    "Skills",
    "About",
    # Revision 2: after About, so that the first nine keep their places.
    "Calendar",
    "Feedback",
]


def about(wb) -> dict[str, object]:
    return {k: v for k, v in wb["About"].iter_rows(min_row=2, values_only=True)}


def test_every_sheet_in_order_with_frozen_filtered_header(demo_store, tmp_path):
    path = export_results(demo_store, tmp_path / "results.xlsx").path
    wb = load_workbook(path)

    assert wb.sheetnames == SHEETS
    for name in SHEETS:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert not ws.merged_cells.ranges
    for name, headers in COLUMNS.items():
        assert [c.value for c in wb[name][1]] == list(headers)
    skills = [c.value for c in wb["Skills"][1]]
    assert skills[:11] == ["Rubric", "Rubric Version", "Code", "Area", "Skill", "Module"] + [
        f"Level {n}" for n in range(1, 6)
    ]


def test_types_ids_as_text_dates_as_dates_rate_as_percentage(demo_store, tmp_path):
    path = export_results(demo_store, tmp_path / "results.xlsx").path
    wb = load_workbook(path)
    summary = wb["Summary"]
    header = [c.value for c in summary[1]]
    row = {h: c for h, c in zip(header, summary[2], strict=True)}

    assert row["Trainee ID"].data_type == "s" and row["Trainee ID"].value == "20250101"
    assert row["Period Start"].is_date and row["Period End"].is_date
    assert row["Attendance Rate"].number_format.endswith("%")
    assert 0 <= row["Attendance Rate"].value <= 1
    assert isinstance(row["Sessions"].value, int)
    updated = wb["Trainees"]["B2"]
    assert updated.is_date and isinstance(updated.value, datetime)
    assert wb["Attendance"]["C2"].value is False  # Deleted is a real boolean


def test_summary_is_computed_as_interchange_md_says(demo_store, tmp_path):
    from mentordesk.core import assessment_signing, assessments
    from mentordesk.core.trainees import list_trainees

    start, end = date(2026, 11, 1), date(2026, 11, 20)
    first = next(t for t in list_trainees(demo_store) if t.cohort == ROLLING)
    draft = assessments.create_draft(demo_store, first.uid, date(2026, 10, 1), end)
    draft = assessments.update_draft(demo_store, draft.uid, result="pass")
    assessment_signing.mark_signed(
        demo_store,
        assessment_signing.Signed(
            draft.uid, b"%PDF-1.7", "Zhang Wei 张伟", datetime.now(UTC), draft.updated_at
        ),
    )
    path = export_results(demo_store, tmp_path / "r.xlsx", ExportScope(ROLLING, start, end)).path
    sheet = load_workbook(path)["Summary"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))

    with demo_store.read() as s:
        ids = dict(s.execute(select(Trainee.trainee_id, Trainee.id)).all())
        figures = period_figures(s, ids.values(), start, end)
    assert len(rows) == 42
    signed = 0
    for row in rows:
        f = figures[ids[row[0]]]
        by_name = dict(zip(header, row, strict=True))
        assert (by_name["Assessment Result"] or "", by_name["Signed By"] or "") == (
            f.result,
            f.signed_by,
        )
        signed_on = by_name["Signed On"]
        assert (signed_on and signed_on.replace(tzinfo=UTC)) == (
            f.signed_on and f.signed_on.replace(microsecond=signed_on.microsecond)
        )
        signed += f.signed_on is not None
        assert row[6].date() == start and row[7].date() == end
        assert row[8:15] == (
            f.sessions, f.present, f.late, f.left_early, f.absent, f.excused, f.hours
        )  # fmt: skip
        divisor = f.sessions - f.excused
        expected = (f.present + f.late + f.left_early) / divisor if divisor else None
        assert row[15] == pytest.approx(expected)
        assert row[16] == f.skills_rated and row[18] == f.notes
        assert row[17] == pytest.approx(f.mean_level)
    assert signed == 1  # the signed assessment is read into its trainee's row


def test_about_sheet_names_format_scope_and_row_counts(demo_store, tmp_path):
    result = export_results(demo_store, tmp_path / "r.xlsx", ExportScope(ROLLING))
    wb = load_workbook(result.path)
    keys = about(wb)

    assert keys["format"] == "mentordesk-exchange"
    assert keys["version"] == 1
    assert keys["exported_at"].endswith("Z")
    assert keys["device"] == demo_store.device_id
    assert keys["cohort"] == ROLLING
    for sheet in (s for s in SHEETS if s != "About"):
        assert keys[f"rows {sheet}"] == wb[sheet].max_row - 1 == result.rows[sheet]
    assert keys["rows Trainees"] == 42


def test_a_sheet_past_the_row_limit_continues_on_numbered_sheets(demo_store, tmp_path):
    result = export_results(demo_store, tmp_path / "r.xlsx", sheet_limit=500)
    wb = load_workbook(result.path)

    parts = [n for n in wb.sheetnames if n.startswith("Attendance")]
    assert parts == ["Attendance", "Attendance 2", "Attendance 3", "Attendance 4"]
    for name in parts:
        assert [c.value for c in wb[name][1]] == list(COLUMNS["Attendance"])
        assert wb[name].freeze_panes == "A2"
    assert [wb[n].max_row - 1 for n in parts] == [500, 500, 500, 82]
    uids = [r[0] for n in parts for r in wb[n].iter_rows(min_row=2, values_only=True)]
    assert len(set(uids)) == 1582


def test_chinese_headers(demo_store, tmp_path):
    path = export_results(demo_store, tmp_path / "r.xlsx", chinese_headers=True).path
    wb = load_workbook(path)
    assert [c.value for c in wb["Summary"][1]][:3] == ["学号", "工号", "姓名"]
    assert "出勤率" in [c.value for c in wb["Summary"][1]]
    assert "等级1" in [c.value for c in wb["Skills"][1]]


def test_scope_by_cohort_and_period(demo_store, tmp_path):
    scope = ExportScope(ROLLING, date(2026, 11, 16), date(2026, 11, 20))
    wb = load_workbook(export_results(demo_store, tmp_path / "r.xlsx", scope).path)

    dates = {r[4].date() for r in wb["Attendance"].iter_rows(min_row=2, values_only=True)}
    assert dates == {date(2026, 11, d) for d in range(16, 21)}
    cohorts = {r[6] for r in wb["Sessions"].iter_rows(min_row=2, values_only=True)}
    assert cohorts == {ROLLING}


def add_notes(store, texts: list[str]) -> None:
    with store.write() as s:
        trainee = s.scalar(select(Trainee).order_by(Trainee.trainee_id))
        for text in texts:
            add(store, s, Note(trainee_id=trainee.id, category="other", text=text))


RISKY = ["=1+2", '=HYPERLINK("http://example.org","x")', "+86 138 0000", "-5", "@SUM(A1)"]


def test_formula_like_text_is_stored_as_text(demo_store, tmp_path):
    add_notes(demo_store, [*RISKY, "#N/A", "\tindented"])
    wb = load_workbook(export_results(demo_store, tmp_path / "r.xlsx").path)
    cells = {c.value: c for c in wb["Notes"]["H"]}

    for text in [*RISKY, "#N/A", "\tindented"]:
        assert cells[text].data_type == "s", text
        assert cells[text].quotePrefix


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_formula_like_notes_back_as_typed(demo_store, tmp_path):
    add_notes(demo_store, RISKY)
    path = export_results(demo_store, tmp_path / "results.xlsx").path
    out = tmp_path / "csv"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (out / "results-Notes.csv").open(encoding="utf-8") as fh:
        texts = [row[7] for row in csv.reader(fh)]
    for text in RISKY:
        assert text in texts


def test_bad_destinations_and_cancel_leave_no_file(demo_store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(UserError, match="does not exist"):
        export_results(demo_store, tmp_path / "missing" / "r.xlsx")
    with pytest.raises(UserError, match=r"saved as \.xlsx"):
        export_results(demo_store, tmp_path / "r.csv")
    with pytest.raises(UserError, match="No cohort"):
        export_results(demo_store, tmp_path / "r.xlsx", ExportScope("Nope"))

    class CancelAtOnce(Progress):
        def report(self, what: str) -> None:
            self.cancel()

    with pytest.raises(Cancelled):
        export_results(demo_store, tmp_path / "r.xlsx", progress=CancelAtOnce())
    assert list(tmp_path.iterdir()) == []
