"""The Sync area: preview before anything changes, Apply commits, Export writes the workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from mentordesk.core.trainees import list_trainees
from mentordesk.ui import sync_view
from mentordesk.ui.sync_view import SyncArea

DATA = Path(__file__).parent / "data" / "sync"


def test_choosing_a_roster_previews_and_apply_commits(qtbot, store):
    area = SyncArea(store)
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


def test_a_bad_file_shows_a_message_and_offers_no_apply(qtbot, store, tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("hello", encoding="utf-8")
    area = SyncArea(store)
    qtbot.addWidget(area)

    area.preview_file(bad)
    qtbot.waitUntil(lambda: "not an .xlsx workbook" in area.message.text(), timeout=10000)
    assert not area.apply_button.isEnabled()
    assert area.model.rowCount() == 0


def test_export_with_cohort_and_period(qtbot, demo_store, tmp_path):
    area = SyncArea(demo_store)
    qtbot.addWidget(area)
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
    qtbot, demo_store, monkeypatch, interface, ticked
):
    monkeypatch.setattr(sync_view, "current_language", lambda: interface)
    area = SyncArea(demo_store)
    qtbot.addWidget(area)
    assert area.chinese.isChecked() is ticked
