"""The cohort readiness matrix printed (PDF) and exported (xlsx): ``mentordesk readiness
--cohort C --post P --out FILE``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mentordesk.cli import main
from mentordesk.core.database import backup_sqlite
from mentordesk.core.posts import get_post
from mentordesk.core.readiness import cohort_matrix
from mentordesk.core.store import Store

COHORT = "2025 Rolling Order Class"


@pytest.fixture
def db(_demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    backup_sqlite(_demo_template, path)
    return path


def _matrix(db: Path, language: str = "en"):
    store = Store.open(db)
    try:
        return cohort_matrix(store, COHORT, get_post(store, "轧钢工").uid, language)
    finally:
        store.close()


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _run(db: Path, *argv: str) -> int:
    return main(["readiness", "--db", str(db), "--cohort", COHORT, *argv])


def test_the_printed_matrix_shows_every_trainee_and_gap(db: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "matrix.pdf"
    assert _run(db, "--post", "轧钢工", "--out", str(target)) == 0
    assert "41 trainees × 9 skills" in capsys.readouterr().out
    text = _text(target)
    m = _matrix(db)
    assert "Job readiness" in text and "Rolling-mill operator" in text and COHORT in text
    for row in m.rows:
        assert row.trainee_id in text
    first = m.rows[0]
    line = next(x for x in text.splitlines() if first.trainee_id in x)
    cells = ["—" if g is None else str(g) for g in first.gaps]
    assert line.split()[-len(cells) - 1 : -1] == cells
    assert "not yet rated" in text and "1 level below" in text  # the legend
    for column in m.columns:
        assert column.code in text
    # Landscape A4 and the font embedded.
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "841.89 x 595.276" in info or "842 x 595" in info
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    assert all(" yes " in r for r in fonts.splitlines() if "WenQuanYi" in r)


def test_the_chinese_matrix_names_the_post_and_skills_in_chinese(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "matrix.pdf"
    assert _run(db, "--post", "轧钢工", "--lang", "zh", "--out", str(target)) == 0
    text = _text(target)
    assert "岗位胜任" in text and "轧钢工" in text and "尚未评定" in text
    assert "Job readiness" not in text
    assert _matrix(db, "zh").columns[0].name[:6] in text


def test_the_exported_matrix_reads_back(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "matrix.xlsx"
    assert _run(db, "--post", "Rolling-mill operator", "--out", str(target)) == 0
    m = _matrix(db)
    wb = load_workbook(target)
    assert wb.sheetnames == ["Gaps", "Levels", "Skills"]
    gaps, levels, skills = wb["Gaps"], wb["Levels"], wb["Skills"]
    head = [c.value for c in gaps[1]]
    assert head == ["Trainee ID", "Trainee", *[c.code for c in m.columns], "At target"]
    assert gaps.freeze_panes == "C2" and skills.freeze_panes == "A2"
    for n, row in enumerate(m.rows, start=2):
        cells = [c.value for c in gaps[n]]
        assert cells[0] == row.trainee_id and isinstance(cells[0], str)
        assert cells[2:-1] == list(row.gaps) and cells[-1] == row.at_target
        assert [c.value for c in levels[n]][2:-1] == list(row.levels)
    assert gaps.max_row == 1 + len(m.rows)
    assert [(r[0].value, r[2].value) for r in skills.iter_rows(2, 1 + len(m.columns))] == [
        (c.code, c.target) for c in m.columns
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_export(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "matrix.xlsx"
    assert _run(db, "--post", "轧钢工", "--out", str(target)) == 0
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(target)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    csv = (tmp_path / "matrix.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0].startswith("Trainee ID,Trainee,F-01")
    assert _matrix(db).rows[0].trainee_id in csv


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--post", "轧钢工", "--out", "matrix.csv"], "written as .pdf"),
        (["--out", "matrix.pdf"], "give --post"),
    ],
)
def test_a_matrix_file_needs_one_post_and_a_known_kind(
    db: Path, tmp_path: Path, capsys, argv: list[str], said: str
) -> None:
    argv = [str(tmp_path / a) if a.startswith("matrix") else a for a in argv]
    assert _run(db, *argv) == 1
    assert said in capsys.readouterr().err
    assert list(tmp_path.glob("matrix*")) == []
