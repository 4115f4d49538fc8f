"""Files that are not usable rosters: one clear message naming the problem, nothing changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from mentordesk.core.errors import UserError
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import roster_import
from mentordesk.exchange.workbook_import import prepare_import

DATA = Path(__file__).parent / "data" / "sync"


def roster(path: Path, n: int = 3) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Trainee ID", "Name"])
    for i in range(n):
        ws.append([20250101 + i, f"Trainee {i}"])
    wb.save(path)
    return path


def refused(store, path: Path, *words: str) -> str:
    with pytest.raises(UserError) as err:
        prepare_import(path).apply(store)
    message = str(err.value)
    assert path.name in message
    for word in words:
        assert word in message
    assert list_trainees(store) == []
    return message


def test_not_a_workbook(store, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_text("Trainee ID,Name\n1,Wang\n", encoding="utf-8")
    refused(store, path, "not an .xlsx workbook")


def test_empty_file(store, tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    refused(store, path, "empty")


def test_truncated_workbook(store, tmp_path):
    good = roster(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    refused(store, path, "damaged or truncated")


def test_password_protected_workbook(store):
    refused(store, DATA / "roster_password.xlsx", "password-protected")


def test_zip_bomb(store, tmp_path):
    path = roster(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    refused(store, path, "zip bomb")


def test_xml_entity_bomb(store, tmp_path):
    source = roster(tmp_path / "plain.xlsx")
    path = tmp_path / "laughs.xlsx"
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Trainee ID</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = bomb
            zout.writestr(item, data)
    refused(store, path, "XML")


def test_far_larger_than_any_roster(store, tmp_path, monkeypatch):
    monkeypatch.setattr(roster_import, "MAX_ROSTER_ROWS", 50)
    refused(store, roster(tmp_path / "huge.xlsx", 80), "more than 50 rows")


def test_workbook_with_no_recognisable_sheet(store, tmp_path):
    wb = Workbook()
    wb.active.append(["Date", "Temperature"])
    wb.save(tmp_path / "weather.xlsx")
    refused(store, tmp_path / "weather.xlsx", "no roster")


def test_missing_file(store, tmp_path):
    with pytest.raises(UserError, match="no such file"):
        prepare_import(tmp_path / "nowhere.xlsx")


def test_header_without_rows_says_there_are_no_trainees(store, tmp_path):
    refused(store, roster(tmp_path / "blank.xlsx", 0), "no trainees")


def test_untrustworthy_rows_are_rejected_with_row_and_column(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Trainee ID", "Name"])
    ws.append(["H\u202e1002\u202c", "Trojan Source"])
    ws.append([True, "A Boolean"])
    ws.append(["D7", "名" * 201])
    ws.append(["\u200b", "\u3000"])
    ws.append(["D8", "Fine Person"])
    wb.save(tmp_path / "odd.xlsx")

    report = prepare_import(tmp_path / "odd.xlsx").apply(store)

    outcomes = {o.row: o for o in report.outcomes}
    assert [outcomes[n].outcome for n in range(2, 7)] == ["rejected"] * 4 + ["new"]
    assert "U+202E" in outcomes[2].reason and "column Trainee ID" in outcomes[2].reason
    assert "TRUE" in outcomes[3].reason
    assert "column Name: 201 characters" in outcomes[4].reason
    assert "U+200B" in outcomes[5].reason
    assert [t.trainee_id for t in list_trainees(store)] == ["D8"]


def test_cli_exits_1_when_every_row_is_rejected(store, tmp_path, capsys):
    from mentordesk.cli import main

    wb = Workbook()
    wb.active.append(["Trainee ID", "Name"])
    wb.active.append(["X1", None])
    wb.save(tmp_path / "none.xlsx")

    assert main(["import", str(tmp_path / "none.xlsx"), "--db", str(tmp_path / "m.db")]) == 1
    out, err = capsys.readouterr()
    assert "row 2: rejected X1: Name is empty" in out
    assert "nothing was imported" in err
