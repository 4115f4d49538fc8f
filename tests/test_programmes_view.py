"""The Programmes area: programmes made and changed from the dialog, a refused delete said
and nothing changed, staff added, the rubric shown in the window's language."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QTreeWidgetItemIterator

from mentordesk.core import programmes, staff
from mentordesk.ui.programmes_view import ProgrammesArea
from mentordesk.ui.translation import install_translator
from tests.gui_waits import settled

ORDER = "Rolling and steelmaking order classes 2025"


def _area(qtbot, make_worker, store) -> ProgrammesArea:
    worker = make_worker(store)
    area = ProgrammesArea(worker)
    qtbot.addWidget(area)
    area.resize(1200, 800)
    settled(worker)
    return area


def _row_of(area: ProgrammesArea, name: str) -> int:
    return next(n for n, r in enumerate(area.rows) if r.programme.name == name)


def test_a_programme_is_created_and_edited_from_the_dialog(qtbot, make_worker, store) -> None:
    area = _area(qtbot, make_worker, store)
    dialog = area._edit_programme(None)
    dialog.name_edit.setText("2027 Commissioned Rolling")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("commissioned"))
    dialog.school_edit.setText("Tangshan Vocational College")
    dialog.start_check.setChecked(True)
    dialog.accept()
    settled(area.worker)
    made = programmes.list_programmes(store)
    assert [(p.name, p.kind, p.school) for p in made] == [
        ("2027 Commissioned Rolling", "commissioned", "Tangshan Vocational College")
    ]
    assert area.table.item(0, 1).text() == "Commissioned training"

    area.table.selectRow(0)
    dialog = area._edit_programme(area.selected())
    assert dialog.kind_combo.currentData() == "commissioned"
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("on_the_job"))
    dialog.end_check.setChecked(True)
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-1))
    dialog.accept()
    settled(area.worker)
    # An end before the start: the core's refusal is shown and nothing changed.
    assert "before its start" in dialog.message.text()
    assert programmes.list_programmes(store)[0].kind == "commissioned"
    dialog.end_check.setChecked(False)
    dialog.accept()
    settled(area.worker)
    assert programmes.list_programmes(store)[0].kind == "on_the_job"
    assert area.table.item(0, 1).text() == "On-the-job training"


def test_deleting_a_programme_in_use_is_refused_and_changes_nothing(
    qtbot, make_worker, demo_store
) -> None:
    area = _area(qtbot, make_worker, demo_store)
    before = programmes.list_programmes(demo_store)
    area.table.selectRow(_row_of(area, ORDER))
    area.confirm = lambda _question: True  # type: ignore[method-assign]
    area.delete_button.click()
    settled(area.worker)
    assert "is used by cohorts" in area.message.text()
    assert programmes.list_programmes(demo_store) == before
    assert int(area.table.item(_row_of(area, ORDER), 6).text()) >= 1


def test_a_staff_member_is_added_with_role_and_cohorts(qtbot, make_worker, demo_store) -> None:
    area = _area(qtbot, make_worker, demo_store)
    dialog = area._edit_staff(None)
    dialog.name_edit.setText("王芳")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("teacher"))
    first = dialog.cohort_list.item(0)
    first.setCheckState(first.checkState().Checked)
    dialog.accept()
    settled(area.worker)
    added = [m for m in staff.list_staff(demo_store) if m.name == "王芳"]
    assert [(m.role, m.cohorts) for m in added] == [("teacher", (first.text(),))]
    shown = [area.staff_table.item(n, 0).text() for n in range(area.staff_table.rowCount())]
    assert "王芳" in shown


def _texts(tree) -> list[str]:
    found = []
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        found += [it.value().text(0), it.value().text(1)]
        it += 1
    return found


@pytest.fixture
def chinese_window(qapp):
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


def test_the_rubric_shows_english_texts_in_an_english_window(
    qtbot, make_worker, demo_store
) -> None:
    area = _area(qtbot, make_worker, demo_store)
    area.table.selectRow(_row_of(area, ORDER))
    settled(area.worker)
    texts = " ".join(_texts(area.rubric.skills) + _texts(area.rubric.posts))
    assert area.rubric.rubric is not None and area.rubric.rubric.posts
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in texts)


def test_the_rubric_shows_chinese_texts_in_a_chinese_window(
    qtbot, make_worker, demo_store, chinese_window
) -> None:
    area = _area(qtbot, make_worker, demo_store)
    area.table.selectRow(_row_of(area, ORDER))
    settled(area.worker)
    rubric = area.rubric.rubric
    assert rubric is not None
    skill = rubric.skills[0]
    texts = _texts(area.rubric.skills)
    assert f"{skill.code} {skill.name_zh}" in texts
    assert skill.descriptors_zh[0] in texts
    post_texts = _texts(area.rubric.posts)
    assert rubric.posts[0].name_zh in post_texts
    # The kinds read as schools name them.
    assert area.table.item(_row_of(area, ORDER), 1).text() == "订单班"


def test_a_programme_without_a_rubric_says_so(qtbot, make_worker, store) -> None:
    programmes.create_programme(store, "Bare", start_date=date(2026, 9, 1))
    area = _area(qtbot, make_worker, store)
    assert "no rubric yet" in area.rubric.title.text()


def test_the_trainee_record_says_readiness_for_a_post(qtbot, make_worker, demo_store) -> None:
    from mentordesk.core import trainees
    from mentordesk.core.readiness import trainee_readiness
    from mentordesk.ui.trainee_record_view import TraineeRecordDialog

    row = next(r for r in trainees.list_trainees(demo_store, "") if r.cohort)
    worker = make_worker(demo_store)
    dialog = TraineeRecordDialog(worker, row.uid)
    qtbot.addWidget(dialog)
    settled(worker)
    panel = dialog.readiness
    assert panel.post_combo.count() >= 1
    expected = trainee_readiness(demo_store, row.uid, panel.post_combo.currentData())
    assert panel.sentence.text() == str(expected.sentence())
    assert panel.sentence.text().startswith("ready for ")
    assert panel.chart is not None and panel.chart.readiness.skills == expected.skills


def test_the_cohort_matrix_colours_and_writes_the_gaps(qtbot, make_worker, demo_store) -> None:
    from mentordesk.core.readiness import cohort_matrix

    area = _area(qtbot, make_worker, demo_store)
    pane = area.matrix
    assert pane.matrix is not None
    matrix = cohort_matrix(
        demo_store, pane.cohort_combo.currentData(), pane.post_combo.currentData()
    )
    assert pane.table.rowCount() == len(matrix.rows) > 0
    for r, row in enumerate(matrix.rows):
        for n, (level, gap) in enumerate(zip(row.levels, row.gaps, strict=True), start=2):
            cell = pane.table.item(r, n)
            if gap:
                assert cell.text() == f"{level} (−{gap})"
            elif level is None:
                assert cell.text() == "—"
            else:
                assert cell.text() == str(level)
    colours = {
        pane.table.item(r, n).background().color().name()
        for r in range(pane.table.rowCount())
        for n in range(2, pane.table.columnCount())
    }
    assert len(colours) >= 2


def test_the_matrix_is_exported_with_its_gaps(qtbot, make_worker, demo_store, tmp_path) -> None:
    from openpyxl import load_workbook

    area = _area(qtbot, make_worker, demo_store)
    pane = area.matrix
    target = tmp_path / "matrix.xlsx"
    pane.ask_path = lambda: str(target)  # type: ignore[method-assign]
    pane.export_button.click()
    settled(area.worker)
    assert "Saved" in pane.summary.text()
    gaps = load_workbook(target)["Gaps"]
    rows = list(gaps.iter_rows(min_row=2, values_only=True))
    assert len(rows) == pane.table.rowCount()
    # The workbook holds the gaps the pane shows, trainee by trainee.
    first = pane.matrix.rows[0]
    assert rows[0][0] == first.trainee_id
    assert list(rows[0][2:-1]) == list(first.gaps)
    assert any(gap for row in pane.matrix.rows for gap in row.gaps if gap)


def test_a_matrix_export_to_another_format_is_refused(
    qtbot, make_worker, demo_store, tmp_path
) -> None:
    area = _area(qtbot, make_worker, demo_store)
    out = tmp_path / "out"
    out.mkdir()
    area.matrix.ask_path = lambda: str(out / "matrix.csv")  # type: ignore[method-assign]
    area.matrix.export_button.click()
    settled(area.worker)
    assert "written as .pdf (to print) or .xlsx" in area.matrix.summary.text()
    assert list(out.iterdir()) == []
