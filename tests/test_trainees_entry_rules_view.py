"""The Trainees area shows, for a cohort with entry rules, who meets them and why not."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mentordesk.ui.main_window import MainWindow
from tests.gui_waits import settled

COHORT = "2026 Mill Maintenance On-the-job"


def _entry_texts(area) -> dict[str, tuple[str, str]]:
    model = area.model
    column = model.COLUMNS.index("entry")
    found = {}
    for row in range(model.rowCount()):
        index = model.index(row, column)
        found[model.row_at(row).trainee_id] = (
            model.data(index, Qt.ItemDataRole.DisplayRole),
            model.data(index, Qt.ItemDataRole.ToolTipRole),
        )
    return found


def test_entry_rules_column_for_the_on_the_job_cohort(qtbot, demo_store, make_worker):
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    window.navigation.setCurrentRow(1)
    area = window.area("trainees")
    settled(window.worker)
    column = area.model.COLUMNS.index("entry")
    area.cohort_filter.setCurrentIndex(area.cohort_filter.findData(COHORT))
    settled(window.worker)
    assert not area.table.isColumnHidden(column)
    assert area.model.headerData(column, Qt.Orientation.Horizontal) == "Entry rules"
    texts = _entry_texts(area)
    assert texts["OJ001"][0] == "Meets entry rules"
    assert texts["OJ005"][0].startswith("Does not: 1 year 8 months of service")
    assert texts["OJ006"][1] == "post Crane operator is not among Mill maintenance technician"
    # A cohort without rules: the column is not shown at all.
    area.cohort_filter.setCurrentIndex(area.cohort_filter.findData("2025 Rolling Order Class"))
    settled(window.worker)
    assert area.model.rowCount() > 0
    assert area.table.isColumnHidden(column)


def test_entry_column_is_text_only_and_says_reasons_in_chinese(qtbot, demo_store, make_worker):
    from mentordesk.core.entry_rules import EntryRules, evaluate
    from mentordesk.core.wording import Text

    verdict = evaluate(None, "", EntryRules("OJ", 3, ("Fitter",), None), demo_store_today())
    # Several reasons stay one translatable sentence, each part translatable too.
    assert isinstance(verdict.reason, Text)
    assert verdict.reason == "no hire date; no post; the cohort admits Fitter"
    window = MainWindow(make_worker(demo_store))
    qtbot.addWidget(window)
    window.navigation.setCurrentRow(1)
    area = window.area("trainees")
    settled(window.worker)
    model, column = area.model, area.model.COLUMNS.index("entry")
    row = next(i for i in range(model.rowCount()) if model.row_at(i).trainee_id == "OJ001")
    index = model.index(row, column)
    # No check box or other decoration: only text, colour and the reason as tooltip.
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) is None
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None


def demo_store_today():
    from datetime import date

    return date(2026, 11, 20)
