"""``mentordesk import`` and ``mentordesk export`` as a coordinator runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from mentordesk.cli import main
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees

DATA = Path(__file__).parent / "data" / "sync"
ROSTER = str(DATA / "roster_libreoffice.xlsx")


def ids(db: Path) -> list[str]:
    st = Store.open(db)
    try:
        return sorted(t.trainee_id for t in list_trainees(st))
    finally:
        st.close()


def test_dry_run_prints_the_report_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["import", ROSTER, "--dry-run", "--db", str(db)]) == 0
    out = capsys.readouterr().out

    assert "roster_libreoffice.xlsx (roster, dry run): 3 new" in out
    assert "学员名单 row 5: new 20250101 王 伟" in out
    assert "ignored columns: 备注" in out
    assert "nothing was changed" in out
    assert ids(db) == []


def test_import_applies_then_reports_unchanged(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["import", ROSTER, "--db", str(db), "--cohort", "Spare"]) == 0
    assert "(roster, applied): 3 new" in capsys.readouterr().out
    assert ids(db) == ["20250101", "20250102", "20250103"]

    assert main(["import", ROSTER, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "0 new, 0 updated, 3 unchanged, 0 rejected" in out
    assert "row 5" not in out  # unchanged rows only with --verbose
    assert main(["import", ROSTER, "--db", str(db), "-v"]) == 0
    assert "row 5: unchanged" in capsys.readouterr().out


def test_bad_file_is_one_line_exit_1(tmp_path, capsys):
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["import", str(bad), "--db", str(tmp_path / "m.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "roster.xlsx" in err and "Traceback" not in err


def test_export_with_scope_and_chinese_headers(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["demo", "--db", str(db)]) == 0
    target = tmp_path / "results.xlsx"
    args = ["export", str(target), "--db", str(db), "--chinese-headers"]
    args += ["--cohort", "2025 Rolling Order Class", "--from", "2020-01-01", "--to", "2099-12-31"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Exported to" in out and "42 Summary" in out

    wb = load_workbook(target, read_only=True)
    assert wb.sheetnames[0] == "Summary" and wb.sheetnames[-3:] == ["About", "Calendar", "Feedback"]
    assert next(wb["Trainees"].iter_rows(max_row=1, values_only=True))[3] == "学号"


def test_export_refuses_a_reversed_period_and_bad_dates(tmp_path, capsys):
    db = str(tmp_path / "m.db")
    target = str(tmp_path / "r.xlsx")
    assert main(["export", target, "--db", db, "--from", "2026-02-01", "--to", "2026-01-01"]) == 1
    assert "after" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["export", target, "--db", db, "--from", "01/02/2026"])
    assert exit_.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
