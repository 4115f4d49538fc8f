"""The fast writer (XlsxWriter) and reader (calamine) give what openpyxl gave, cell for cell."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from sqlalchemy import select
from xlsxwriter import Workbook as XlsxBook
from xlsxwriter.worksheet import Worksheet

from mentordesk.core.changes import add
from mentordesk.core.models import Note, Trainee
from mentordesk.exchange.calamine_sheets import plain_part
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import
from mentordesk.exchange.workbook_reading import open_workbook, sheet_rows
from mentordesk.exchange.xlsx_cells import FastWorksheet

from . import openpyxl_reference_export as reference

TRICKY = [
    "=1+2",
    '=HYPERLINK("http://example.org","x")',
    "+86 138 0000",
    "-5",
    "@SUM(A1)",
    "#N/A",
    "\tindented",
    "  spaced  ",
    "line one\nline two",
    'a & b <c> "d"',
    "<r><t>markup?</t></r>",
    "http://example.org/looks-like-a-link",
    "00123",
    "1e5",
    "王芳 — 轧钢",
]


def add_notes(store, texts: list[str]) -> None:
    with store.write() as s:
        trainee = s.scalar(select(Trainee).order_by(Trainee.trainee_id))
        for text in texts:
            add(store, s, Note(trainee_id=trainee.id, category="other", text=text))


def _csv_sheets(folder: Path, books: list[Path], profile: Path) -> None:
    # Token 12 (-1): every sheet, each to "<book>-<sheet>.csv"; token 9 (true): as shown.
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(folder),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh) if not (row and row[0] == "exported_at")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_new_export_as_it_read_the_old(demo_store, tmp_path):
    add_notes(demo_store, TRICKY)
    new = export_results(demo_store, tmp_path / "new.xlsx").path
    old = reference.export_results(demo_store, tmp_path / "old.xlsx").path
    out = tmp_path / "csv"
    _csv_sheets(out, [old, new], tmp_path / "lo-profile")
    sheets = [ws.title for ws in load_workbook(old, read_only=True).worksheets]
    # The reference writes the first nine sheets; revision 2's sheets (Calendar) follow About
    # in the new export, and About counts them: compare what both write.
    assert [ws.title for ws in load_workbook(new, read_only=True).worksheets][:9] == sheets[:9]
    assert len(sheets) >= 9
    for sheet in sheets:
        before, after = _rows(out / f"old-{sheet}.csv"), _rows(out / f"new-{sheet}.csv")
        if sheet == "About":
            keys = {row[0] for row in before}
            after = [row for row in after if row[0] in keys]
        assert after == before, sheet
    notes = [row[7] for row in _rows(out / "new-Notes.csv")]
    for text in TRICKY:
        assert text in notes


def test_text_like_xlsxwriter_markup_is_exported_as_the_text(demo_store, tmp_path):
    add_notes(demo_store, ["<r><t>bold?</t></r>", '<r></t></is></c><c r="Z9"><v>1</v></c></r>'])
    wb = load_workbook(export_results(demo_store, tmp_path / "r.xlsx").path)
    texts = {c.value for c in wb["Notes"]["H"]}
    assert "<r><t>bold?</t></r>" in texts
    assert '<r></t></is></c><c r="Z9"><v>1</v></c></r>' in texts


def _sheet_xml(tmp_path: Path, worksheet_class: type, name: str) -> bytes:
    path = tmp_path / f"{name}.xlsx"
    book = XlsxBook(str(path), {"constant_memory": True, "strings_to_urls": False})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    ws = book.add_worksheet("S", worksheet_class=worksheet_class)
    ws.set_column(0, 3, 20)
    values = [" lead", "trail ", "tab\t", "_x0041_ literal", "a\x01b", "<&>", "\ufffe", "plain"]
    for row, text in enumerate(values):
        ws.write_string(row, 0, text)
        ws.write_number(row, 1, row * 1.5 + 10**17 * (row == 3))
        ws.write_boolean(row, 2, bool(row % 2))
        ws.write_datetime(row, 3, date(2025, 1, 1) + timedelta(days=row), day)
    book.close()
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


def test_direct_cells_are_the_xml_xlsxwriter_writes(tmp_path):
    assert _sheet_xml(tmp_path, FastWorksheet, "fast") == _sheet_xml(tmp_path, Worksheet, "own")


def _typed_workbook(path: Path, epoch=None) -> None:
    wb = Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Trainees"
    ws["C3"] = "Trainee ID"
    ws["D3"] = "Name"
    rows = [
        [20250101, "整数 ID", 1.5, True, datetime(2025, 1, 2, 3, 4, 5, 678000)],
        [1234567890123, "13 digits", 5.0, False, date(2025, 3, 4)],
        ["", "empty text", time(10, 30), timedelta(hours=30), -7],
    ]
    for r, values in enumerate(rows, start=5):
        for c, value in enumerate(values, start=3):
            ws.cell(r, c, value)
    ws.cell(5, 5).number_format = "0.00"
    ws.cell(9, 4, "after a gap")
    hidden = wb.create_sheet("Hidden")
    hidden.sheet_state = "hidden"
    hidden["A1"] = 1
    wb.save(path)


def _both(path: Path) -> tuple[list, list]:
    wb = open_workbook(path)
    try:
        fast = [list(sheet_rows(path, ws)) for ws in wb.worksheets]
    finally:
        wb.close()
    plain = load_workbook(path, read_only=True, data_only=True)
    slow = []
    for ws in plain.worksheets:
        ws.reset_dimensions()
        slow.append(list(enumerate(ws.iter_rows(values_only=True), start=1)))
    plain.close()
    return fast, slow


@pytest.mark.parametrize("epoch", [None, CALENDAR_MAC_1904])
def test_calamine_gives_the_values_openpyxl_gives(tmp_path, epoch):
    path = tmp_path / "typed.xlsx"
    _typed_workbook(path, epoch)
    with zipfile.ZipFile(path) as zf:
        assert plain_part(zf, "xl/worksheets/sheet1.xml")
    fast, slow = _both(path)
    for got, want in zip(fast, slow, strict=True):
        assert len(got) == len(want)
        for (n, row), (m, wanted) in zip(got, want, strict=True):
            # calamine gives each row the sheet's width; openpyxl stops at a row's last cell.
            assert n == m
            assert tuple(row[: len(wanted)]) == tuple(wanted)
            assert not any(v is not None for v in row[len(wanted) :])


def _raw_sheet(path: Path, cells: str) -> None:
    """A one-sheet package whose sheet XML holds ``cells`` as its rows."""
    wb = Workbook()
    wb.active["A1"] = "placeholder"
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


HEAD = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Trainee ID</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Name</t></is></c></row>'
)


@pytest.mark.parametrize(
    ("cells", "why"),
    [
        ('<row r="2"><c r="A2" t="e"><v>#N/A</v></c></row>', "error cell"),
        ('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>', "formula"),
        ('<row r="2"><c r="A2" t="inlineStr"><is><t>&#7;</t></is></c></row>', "control char"),
        ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "far-apart cells"),
        ('<row r="2"><c r="ZZ999999"><v>1</v></c></row>', "wide and long grid"),
    ],
)
def test_sheets_calamine_must_not_read_are_read_by_openpyxl(tmp_path, cells, why):
    path = tmp_path / "odd.xlsx"
    _raw_sheet(path, HEAD + cells)
    with zipfile.ZipFile(path) as zf:
        assert not plain_part(zf, "xl/worksheets/sheet1.xml"), why


def test_far_apart_cells_are_read_without_exhausting_memory(tmp_path):
    # calamine would allocate every cell between A1 and XFD1048576 (and abort the process).
    path = tmp_path / "far.xlsx"
    _raw_sheet(
        path,
        HEAD
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>F1</t></is></c>'
        + '<c r="B2" t="inlineStr"><is><t>Far Away</t></is></c></row>'
        + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    )
    prepared = prepare_import(path)
    assert [r.values["trainee_id"] for r in prepared.roster.rows] == ["F1"]


def test_a_sixteen_digit_id_keeps_its_digits_as_openpyxl_read_it(tmp_path):
    # openpyxl reads 1234567890123456 (spelled out) as an exact integer; calamine as a float.
    path = tmp_path / "long.xlsx"
    _raw_sheet(
        path,
        HEAD
        + '<row r="2"><c r="A2"><v>42</v></c><c r="B2" t="inlineStr"><is><t>A</t></is></c></row>'
        + '<row r="3"><c r="A3"><v>1234567890123456</v></c>'
        + '<c r="B3" t="inlineStr"><is><t>B</t></is></c></row>',
    )
    fast, slow = _both(path)
    assert fast == slow
    assert fast[0][2][1][0] == 1234567890123456
