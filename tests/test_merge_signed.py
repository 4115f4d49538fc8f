"""A spreadsheet is not a signature: signed assessments in results workbooks (issue 16, item 5)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from mentordesk.core.models import Assessment, AssessmentDocument
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

from .import_fixtures import append, counts, edit, fill, rows, sign


def _states(store) -> dict[str, str]:
    with store.read() as s:
        return {a.uid: a.state for a in s.scalars(select(Assessment))}


def test_reimporting_own_export_with_signed_assessments_changes_nothing(any_store, tmp_path):
    """On SQLite and PostgreSQL: signed_at is held to the microsecond, the workbook keeps
    milliseconds; the merge compares at the workbook's precision."""
    fill(any_store)
    signed = sign(any_store, "pass")
    path = export_results(any_store, tmp_path / "own.xlsx").path
    before = counts(any_store)

    report = prepare_import(path).apply(any_store)

    found = report.counts()
    assert found["new"] == found["updated"] == found["rejected"] == 0, report.lines()
    assert "conflict" not in found
    assert counts(any_store) == before
    assert _states(any_store) == {signed: "signed"}


def test_a_forged_signed_row_is_rejected_naming_sheet_row_and_column(store, tmp_path):
    fill(store)
    draft = sign(store, "", state="draft")
    path = export_results(store, tmp_path / "a.xlsx").path
    edit(path, "Assessments", draft, {"State": "signed", "Result": "pass", "Signed By": "Anyone"})
    forged = str(uuid.uuid4())
    append(
        path,
        "Assessments",
        {
            "UID": forged,
            "Updated At": datetime(2026, 11, 21, 8, tzinfo=UTC).replace(tzinfo=None),
            "Trainee ID": "T001",
            "Period Start": datetime(2026, 10, 1),
            "Period End": datetime(2026, 10, 31),
            "State": "signed",
            "Result": "distinction",
            "Signed By": "Made Up",
            "Document SHA-256": "0" * 64,
        },
    )
    before = counts(store)

    report = prepare_import(path).apply(store)

    rejected = {o.row: o for o in report.outcomes if o.outcome == "rejected"}
    assert set(rejected) == {2, 3}
    assert all(o.sheet == "Assessments" for o in rejected.values())
    assert all(o.reason.startswith("column State: 'signed'") for o in rejected.values())
    assert "signed PDF" in rejected[3].reason
    line = next(x for x in report.lines() if "row 3: rejected" in x)
    assert line.startswith("  Assessments row 3: rejected T001") and "column State" in line
    assert _states(store) == {draft: "draft"}
    assert counts(store) == before


def test_an_edited_signed_row_is_rejected_not_kept_as_a_second_signed_copy(store, tmp_path):
    fill(store)
    signed = sign(store, "pass")
    path = export_results(store, tmp_path / "a.xlsx").path
    edit(path, "Assessments", signed, {"Result": "distinction"})
    superseded = tmp_path / "b.xlsx"
    path2 = export_results(store, superseded).path
    edit(path2, "Assessments", signed, {"State": "superseded"})

    first = prepare_import(path).apply(store)
    second = prepare_import(path2).apply(store)

    for report in (first, second):
        row = next(o for o in report.outcomes if o.sheet == "Assessments")
        assert row.outcome == "rejected" and "cannot change it" in row.reason
    assert _states(store) == {signed: "signed"}


def test_a_signed_row_with_its_verified_pdf_is_accepted(store, tmp_path):
    """The hook the bundle import will use: verified PDFs passed in with the workbook."""
    from mentordesk.core.merge import merge_results
    from mentordesk.core.merge_records import VerifiedSheet
    from mentordesk.exchange.results_import import read_about, read_results
    from mentordesk.exchange.workbook_reading import open_workbook

    fill(store)
    pdf = b"%PDF-1.7 signed sheet"
    digest = hashlib.sha256(pdf).hexdigest()
    path = export_results(store, tmp_path / "a.xlsx").path
    uid = str(uuid.uuid4())
    append(
        path,
        "Assessments",
        {
            "UID": uid,
            "Updated At": datetime(2026, 11, 21, 8),
            "Trainee ID": "T001",
            "Period Start": datetime(2026, 10, 1),
            "Period End": datetime(2026, 10, 31),
            "State": "signed",
            "Result": "pass",
            "Signed At": datetime(2026, 11, 20, 9, 30, 5, 123000),
            "Signed By": "Liu Jianguo",
            "Document SHA-256": digest,
        },
    )
    wb = open_workbook(path)
    try:
        source = read_results(path, wb, read_about(path, wb) or {})
        source.verified_sheets = {digest: VerifiedSheet(digest, pdf)}
        report = merge_results(store, source, apply=True)
    finally:
        wb.close()

    assert [o.outcome for o in report.outcomes if o.sheet == "Assessments"] == ["new"]
    assert _states(store) == {uid: "signed"}
    with store.read() as s:
        assert s.scalar(select(AssessmentDocument.pdf)) == pdf
    assert rows(path, "Assessments")[0]["State"] == "signed"


def test_a_different_verified_signed_version_is_kept_beside_the_one_held(store, tmp_path):
    from mentordesk.core.merge import merge_results
    from mentordesk.core.merge_records import VerifiedSheet
    from mentordesk.exchange.results_import import read_about, read_results
    from mentordesk.exchange.workbook_reading import open_workbook

    fill(store)
    held = sign(store, "pass")
    pdf = b"%PDF-1.7 the other machine's signed sheet"
    digest = hashlib.sha256(pdf).hexdigest()
    path = export_results(store, tmp_path / "a.xlsx").path
    edit(path, "Assessments", held, {"Result": "distinction", "Document SHA-256": digest})

    def merged():
        wb = open_workbook(path)
        try:
            source = read_results(path, wb, read_about(path, wb) or {})
            source.verified_sheets = {digest: VerifiedSheet(digest, pdf)}
            return merge_results(store, source, apply=True)
        finally:
            wb.close()

    first, again = merged(), merged()

    row = next(o for o in first.outcomes if o.sheet == "Assessments")
    assert row.outcome == "conflict" and held in row.reason
    assert next(o for o in again.outcomes if o.sheet == "Assessments").outcome == "unchanged"
    with store.read() as s:
        kept = {a.result: a.state for a in s.scalars(select(Assessment))}
        assert s.scalar(select(AssessmentDocument.sha256)) == digest
    assert kept == {"pass": "signed", "distinction": "signed"}
