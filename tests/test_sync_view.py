"""The Sync area: preview before anything changes, Apply commits, Export writes the workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from mentordesk.core.trainees import list_trainees
from mentordesk.ui import sync_view
from mentordesk.ui.sync_view import SyncArea
from tests.gui_waits import settled

DATA = Path(__file__).parent / "data" / "sync"


def test_choosing_a_roster_previews_and_apply_commits(qtbot, store, make_worker):
    area = SyncArea(make_worker(store))
    qtbot.addWidget(area)

    area.preview_file(DATA / "roster_libreoffice.xlsx")
    qtbot.waitUntil(lambda: area.model.rowCount() == 3, timeout=10000)

    assert [area.model.index(r, 1).data() for r in range(3)] == [5, 6, 7]
    assert {area.model.index(r, 2).data() for r in range(3)} == {"new"}
    assert "备注" in area.ignored.text()
    assert "Nothing has changed yet" in area.summary.text()
    assert list_trainees(store) == []
    assert area.apply_button.isEnabled()

    area.apply_button.click()
    qtbot.waitUntil(lambda: len(list_trainees(store)) == 3, timeout=10000)
    qtbot.waitUntil(lambda: "applied" in area.message.text(), timeout=10000)

    area.preview_file(DATA / "roster_libreoffice.xlsx")
    qtbot.waitUntil(lambda: "change nothing" in area.message.text(), timeout=10000)
    assert not area.apply_button.isEnabled()
    area.show_unchanged.setChecked(True)
    assert {area.model.index(r, 2).data() for r in range(3)} == {"unchanged"}
    area.refresh()
    assert area.export_cohort.findData("2025轧钢订单班") > 0


def test_a_bad_file_shows_a_message_and_offers_no_apply(qtbot, store, tmp_path, make_worker):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("hello", encoding="utf-8")
    area = SyncArea(make_worker(store))
    qtbot.addWidget(area)

    area.preview_file(bad)
    qtbot.waitUntil(lambda: "not an .xlsx workbook" in area.message.text(), timeout=10000)
    assert not area.apply_button.isEnabled()
    assert area.model.rowCount() == 0


def test_export_with_cohort_and_period(qtbot, demo_store, tmp_path, make_worker):
    area = SyncArea(make_worker(demo_store))
    qtbot.addWidget(area)
    settled(area.worker)  # the cohort lists are read through the worker
    area.export_cohort.setCurrentIndex(area.export_cohort.findData("2025 Rolling Order Class"))
    area.chinese.setChecked(True)
    area.from_check.setChecked(True)
    area.from_date.setDate(QDate(2026, 11, 16))
    area.to_check.setChecked(True)
    area.to_date.setDate(QDate(2026, 11, 20))

    target = tmp_path / "out.xlsx"
    area.export_to(target)
    qtbot.waitUntil(lambda: "Exported" in area.message.text(), timeout=20000)

    wb = load_workbook(target, read_only=True)
    summary = list(wb["Summary"].iter_rows(values_only=True))
    assert len(summary) == 43
    assert summary[0][0] == "学号"
    assert summary[1][6].date() == date(2026, 11, 16)
    assert summary[1][7].date() == date(2026, 11, 20)


@pytest.mark.parametrize(("interface", "ticked"), [("zh_CN", True), ("en", False)])
def test_export_headers_follow_the_window_language(
    qtbot, demo_store, monkeypatch, interface, ticked, make_worker
):
    monkeypatch.setattr(sync_view, "current_language", lambda: interface)
    area = SyncArea(make_worker(demo_store))
    qtbot.addWidget(area)
    assert area.chinese.isChecked() is ticked


@pytest.fixture
def chinese_window(qapp):
    from mentordesk.ui.translation import install_translator

    assert install_translator(qapp, "zh_CN") == "zh_CN"
    yield
    install_translator(qapp, "en")


ENGLISH_WORDS = ("sheet", "row", "column", "workbook", "not ", "the ", "characters")


def test_a_chinese_window_says_why_a_file_or_row_is_refused_in_chinese(
    qtbot, store, tmp_path, chinese_window, make_worker
):
    from openpyxl import Workbook

    area = SyncArea(make_worker(store))
    qtbot.addWidget(area)
    bad = tmp_path / "名单.xlsx"
    bad.write_text("hello", encoding="utf-8")
    area.preview_file(bad)
    qtbot.waitUntil(lambda: "名单.xlsx" in area.message.text(), timeout=10000)
    refusal = area.message.text()
    assert not any(word in refusal.lower() for word in ENGLISH_WORDS), refusal
    assert any("\u4e00" <= ch <= "\u9fff" for ch in refusal.replace("名单", "")), refusal

    wb = Workbook()
    ws = wb.active
    ws.title = "学员"
    ws.append(["学号", "姓名"])
    ws.append(["D7", "名" * 201])
    ws.append(["D8", "王芳"])
    wb.save(tmp_path / "roster.xlsx")
    area.preview_file(tmp_path / "roster.xlsx")
    qtbot.waitUntil(lambda: area.model.rowCount() == 2, timeout=10000)
    # One row refused, one new: the user is told before Apply that a row will be left out.
    assert area.apply_button.isEnabled()
    assert "1" in area.message.text() and "不会导入" in area.message.text()
    reason = area.model.index(0, 4).data()
    assert "201" in reason and "姓名" in reason, reason
    assert not any(word in reason.lower() for word in ENGLISH_WORDS), reason
    # The 201-character name does not push the reason out of sight; tooltips hold both.
    area.resize(1000, 600)
    area.show()
    qtbot.waitExposed(area)
    header = area.table.horizontalHeader()
    assert header.sectionViewportPosition(4) < area.table.viewport().width() // 2
    assert area.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("D7 " + "名" * 70)
    assert "201" in area.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert list_trainees(store) == []


def test_refused_rows_beside_rows_already_here_are_not_called_unimportable(
    qtbot, store, tmp_path, make_worker
):
    from openpyxl import Workbook

    def roster(name: str, rows: list[tuple[str, str]]):
        wb = Workbook()
        ws = wb.active
        ws.append(["Trainee ID", "Name"])
        for row in rows:
            ws.append(list(row))
        wb.save(tmp_path / name)
        return tmp_path / name

    area = SyncArea(make_worker(store))
    qtbot.addWidget(area)
    area.preview_file(roster("a.xlsx", [("D1", "Li Na"), ("D2", "Wang Fang")]))
    qtbot.waitUntil(lambda: area.apply_button.isEnabled(), timeout=10000)
    area.apply_button.click()
    qtbot.waitUntil(lambda: len(list_trainees(store)) == 2, timeout=10000)

    area.preview_file(roster("b.xlsx", [("D1", "Li Na"), ("D2", "Wang Fang"), ("D3", "x" * 201)]))
    qtbot.waitUntil(lambda: "cannot be imported" in area.message.text(), timeout=10000)
    assert "already here" in area.message.text()
    assert not area.apply_button.isEnabled()

    area.preview_file(roster("c.xlsx", [("D3", "x" * 201)]))
    qtbot.waitUntil(lambda: "No row of this workbook" in area.message.text(), timeout=10000)


def test_a_zip_exports_a_bundle_and_previews_as_one(
    qtbot, demo_store, store, tmp_path, make_worker
):
    """The window's face of the bundle: a .zip name writes the bundle, and choosing a bundle
    previews it (members and signatures checked) before Apply merges it."""
    import zipfile

    area = SyncArea(make_worker(demo_store))
    qtbot.addWidget(area)
    settled(area.worker)
    target = tmp_path / "out.zip"
    area.export_to(target)
    qtbot.waitUntil(lambda: "Exported" in area.message.text(), timeout=20000)
    with zipfile.ZipFile(target) as zf:
        assert {"results.xlsx", "manifest.json"} <= set(zf.namelist())

    school = SyncArea(make_worker(store))
    qtbot.addWidget(school)
    school.preview_file(target)
    qtbot.waitUntil(lambda: "results bundle" in school.summary.text(), timeout=20000)
    assert school.apply_button.isEnabled()
    school.apply_button.click()
    qtbot.waitUntil(lambda: "applied" in school.message.text(), timeout=20000)
    assert len(list_trainees(store)) == len(list_trainees(demo_store))
