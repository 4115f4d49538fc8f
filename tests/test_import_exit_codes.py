"""``mentordesk import``: exit 0 all applied, 3 applied with rejections, 1 nothing applied;
``--strict`` applies nothing when any row is rejected."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from mentordesk.cli import main
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange.results_export import export_results

from .import_fixtures import counts, edit, fill, rows


def roster(path: Path, *data: list[object]) -> str:
    wb = Workbook()
    ws = wb.active
    ws.append(["Trainee ID", "Name", "Cohort"])
    for row in data:
        ws.append(row)
    wb.save(path)
    return str(path)


def ids(db: Path) -> list[str]:
    st = Store.open(db)
    try:
        return sorted(t.trainee_id for t in list_trainees(st))
    finally:
        st.close()


@pytest.fixture
def mixed(tmp_path: Path) -> str:
    """One good row, one rejected (no name), each naming a cohort not yet held."""
    return roster(tmp_path / "mixed.xlsx", ["G1", "Good", "New Class"], ["B1", None, "Bad Class"])


def test_all_applied_is_exit_0(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["import", roster(tmp_path / "r.xlsx", ["G1", "Good", "C"]), "--db", str(db)]) == 0
    assert capsys.readouterr().err == ""


def test_applied_with_rejections_is_exit_3(tmp_path, mixed, capsys):
    db = tmp_path / "m.db"
    assert main(["import", mixed, "--db", str(db)]) == 3
    out, err = capsys.readouterr()
    assert "(roster, applied): 1 new, 0 updated, 0 unchanged, 1 rejected" in out
    assert err.strip() == "mentordesk: mixed.xlsx: 1 rows imported, 1 rejected (exit code 3)"
    assert ids(db) == ["G1"]


def test_a_dry_run_with_rejections_is_exit_3_and_changes_nothing(tmp_path, mixed, capsys):
    db = tmp_path / "m.db"
    assert main(["import", mixed, "--dry-run", "--db", str(db)]) == 3
    assert "would be imported" in capsys.readouterr().err
    assert ids(db) == []


def test_strict_applies_nothing_when_a_row_is_rejected(tmp_path, mixed, capsys):
    db = tmp_path / "m.db"
    Store.open(db).close()
    before = counts_of(db)

    assert main(["import", mixed, "--strict", "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert "(roster, not applied): 1 new, 0 updated, 0 unchanged, 1 rejected" in out
    assert "row 3: rejected" in out
    assert err.count("\n") == 1 and "nothing was imported (--strict)" in err
    assert counts_of(db) == before  # no trainee, and not the good row's new cohort either


def test_strict_results_merge_applies_nothing(tmp_path, capsys):
    db = tmp_path / "m.db"
    st = Store.open(db)
    try:
        fill(st)
        path = export_results(st, tmp_path / "a.xlsx").path
    finally:
        st.close()
    trainees = rows(path, "Trainees")
    edit(path, "Trainees", trainees[0]["UID"], {"Name": "Renamed", "Cohort": "Fresh Cohort"})
    edit(path, "Trainees", trainees[1]["UID"], {"Email": "e" * 300})
    before = counts_of(db)

    assert main(["import", str(path), "--strict", "--db", str(db)]) == 1
    assert "--strict" in capsys.readouterr().err
    assert counts_of(db) == before
    assert main(["import", str(path), "--db", str(db)]) == 3
    assert counts_of(db)["Cohort"] == before["Cohort"] + 1


def test_the_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "--strict" in out and "exit codes" in out and "3  applied with rejected rows" in out


def counts_of(db: Path) -> dict[str, int]:
    st = Store.open(db)
    try:
        return counts(st)
    finally:
        st.close()
