"""``mentordesk readiness --cohort C --post P --xlsx FILE``: the matrix the window exports."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from mentordesk.cli import main
from mentordesk.core.database import backup_sqlite
from mentordesk.core.posts import get_post
from mentordesk.core.readiness import cohort_matrix
from mentordesk.core.store import Store
from mentordesk.exchange.readiness_export import cell_text

COHORT = "2025 Rolling Order Class"


def test_the_cli_writes_the_matrix_with_gaps(_demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    backup_sqlite(_demo_template, db)
    target = tmp_path / "matrix.xlsx"
    argv = ["readiness", "--db", str(db), "--cohort", COHORT, "--post", "轧钢工"]
    assert main([*argv, "--xlsx", str(target)]) == 0
    store = Store.open(db)
    try:
        matrix = cohort_matrix(store, COHORT, get_post(store, "轧钢工").uid)
    finally:
        store.close()
    rows = list(load_workbook(target).active.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == [r.trainee_id for r in matrix.rows]
    for got, row in zip(rows, matrix.rows, strict=True):
        assert list(got[3:]) == [
            cell_text(lv, g) for lv, g in zip(row.levels, row.gaps, strict=True)
        ]


def test_the_cli_refuses_a_matrix_file_without_a_post(_demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    backup_sqlite(_demo_template, db)
    target = tmp_path / "matrix.xlsx"
    assert main(["readiness", "--db", str(db), "--cohort", COHORT, "--xlsx", str(target)]) == 1
    assert not target.exists()


def test_a_chinese_matrix_file_has_chinese_headers(_demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    backup_sqlite(_demo_template, db)
    target = tmp_path / "matrix.xlsx"
    argv = ["readiness", "--db", str(db), "--cohort", COHORT, "--post", "轧钢工", "--lang", "zh"]
    assert main([*argv, "--xlsx", str(target)]) == 0
    sheet = load_workbook(target).active
    assert sheet.title == "岗位胜任度"
    assert next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))[:3] == (
        "学号",
        "学员",
        "达标",
    )
    assert "轧钢工" in sheet["A1"].value
