"""Cells are read as written, never guessed at (issue 16, item 5, lenient parsing)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import PatternFill
from sqlalchemy import select

from mentordesk.core.changes import change
from mentordesk.core.errors import UserError
from mentordesk.core.models import Trainee
from mentordesk.core.trainees import create_trainee, list_trainees
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

from .import_fixtures import edit, fill, rows


def roster(path: Path, *data: list[object], title: str = "Trainees") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(["Trainee ID", "Name", "Cohort"])
    for row in data:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("text", ["2026-11-05 junk", "20261105", "2026-W45-4", "2026-11-5"])
def test_a_date_must_be_written_yyyy_mm_dd(store, tmp_path, text):
    fill(store)
    path = export_results(store, tmp_path / "a.xlsx").path
    session = rows(path, "Sessions")[0]["UID"]
    edit(path, "Sessions", session, {"Date": text})

    report = prepare_import(path).apply(store)

    row = next(o for o in report.outcomes if o.sheet == "Sessions")
    assert row.outcome == "rejected"
    assert row.reason == f"column Date: '{text}' is not a date as YYYY-MM-DD, like 2026-11-20"


@pytest.mark.parametrize("text", ["2026-11-05T08:00 junk", "20261105T0800", "2026-W45-4T08:00"])
def test_a_date_and_time_must_be_iso_8601(store, tmp_path, text):
    fill(store)
    path = export_results(store, tmp_path / "a.xlsx").path
    note = rows(path, "Notes")[0]["UID"]
    edit(path, "Notes", note, {"Written At": text})

    report = prepare_import(path).apply(store)

    row = next(o for o in report.outcomes if o.sheet == "Notes")
    assert row.outcome == "rejected" and "is not a date and time" in row.reason


@pytest.mark.parametrize("value", [1.101012000010112e17, "1.101012000010112e+17", "1.1E+17"])
def test_an_id_that_lost_its_digits_is_refused_saying_so(store, tmp_path, value):
    path = roster(tmp_path / "r.xlsx", [value, "Lost Digits", "C"], ["20250101", "Kept", "C"])

    report = prepare_import(path).apply(store)

    by_row = {o.row: o for o in report.outcomes}
    assert by_row[2].outcome == "rejected"
    assert "column Trainee ID:" in by_row[2].reason
    assert "dropped its last digits" in by_row[2].reason
    assert by_row[3].outcome == "new"
    assert [t.trainee_id for t in list_trainees(store)] == ["20250101"]


def test_an_eighteen_digit_id_typed_as_text_is_kept(store, tmp_path):
    path = roster(tmp_path / "r.xlsx", ["110101200001011234", "Text Id", "C"])
    prepare_import(path).apply(store)
    assert [t.trainee_id for t in list_trainees(store)] == ["110101200001011234"]


SST = (
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>S1</t></si><si><t>Ghost</t></si>'
    "</sst>"
)
SST_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def test_a_negative_shared_string_index_is_damage_not_the_last_string(store, tmp_path):
    path = roster(tmp_path / "r.xlsx", ["S1", "Ghost", "C"])
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as out:
        for item in src.infolist():
            part = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                part = re.sub(
                    rb'<c r="A2" t="inlineStr">.*?</c>', b'<c r="A2" t="s"><v>-1</v></c>', part
                )
                assert b"<v>-1</v>" in part
            if item.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", SST_TYPE.encode() + b"</Types>")
            out.writestr(item, part)
        out.writestr("xl/sharedStrings.xml", SST)
    path.write_bytes(data.getvalue())

    with pytest.raises(UserError, match="cannot be read"):
        prepare_import(path).apply(store)
    assert list_trainees(store) == []


def test_hidden_sheets_are_never_chosen(store, tmp_path):
    path = tmp_path / "r.xlsx"
    wb = Workbook()
    hidden = wb.active
    hidden.title = "Trainees"
    hidden.sheet_state = "veryHidden"
    hidden.append(["Trainee ID", "Name"])
    hidden.append(["H1", "From The Hidden Sheet"])
    shown = wb.create_sheet("Class 2026")
    shown.append(["Trainee ID", "Name"])
    shown.append(["V1", "From The Visible Sheet"])
    other = wb.create_sheet("Skills")
    other.sheet_state = "hidden"
    other.append(["Code", "Skill", "Level 1"])
    other.append(["X-1", "Hidden skill", "x"])
    wb.save(path)

    prepared = prepare_import(path)
    assert prepared.kinds == ["roster"]
    prepared.apply(store)
    assert [t.name for t in list_trainees(store)] == ["From The Visible Sheet"]


def test_a_formatted_empty_row_at_the_sheets_end_is_not_counted(store, tmp_path):
    path = tmp_path / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Trainees"
    ws.append(["Trainee ID", "Name"])
    ws.append(["F1", "Formatted Below"])
    ws.cell(row=1_048_576, column=1).fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(path)

    report = prepare_import(path).apply(store)

    assert [o.outcome for o in report.outcomes] == ["new"]
    assert [t.trainee_id for t in list_trainees(store)] == ["F1"]


def test_a_deleted_trainee_listed_again_is_restored(store, tmp_path):
    gone = create_trainee(store, "D1", "Deleted Once", cohort="C")
    with store.write() as s:
        change(
            store, s, s.scalar(select(Trainee).where(Trainee.uid == gone.uid)), {"deleted": True}
        )
    path = roster(tmp_path / "r.xlsx", ["D1", "Back Again", "C"])

    report = prepare_import(path).apply(store)

    assert [(o.outcome, o.fields) for o in report.outcomes] == [("updated", ("Deleted", "Name"))]
    with store.read() as s:
        back = s.scalar(select(Trainee).where(Trainee.trainee_id == "D1"))
        assert (back.uid, back.deleted, back.name) == (gone.uid, False, "Back Again")


@pytest.mark.parametrize("text", ["2026-W45-4", "20261105", "2026-11-05 junk", "２０２６-11-05"])
def test_one_strict_date_reading_for_the_command_line_and_every_import(text):
    from mentordesk.core.periods import parse_date
    from mentordesk.core.record_values import BadValue, iso_day

    with pytest.raises(UserError):
        parse_date(text)
    with pytest.raises(BadValue):
        iso_day(text)
