"""``mentordesk programme …`` and ``mentordesk staff …``."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk.cli import main


def run(db: Path, *argv: str) -> int:
    return main([*argv[:2], "--db", str(db), *argv[2:]])


def test_programme_create_edit_list_with_chinese_kind(tmp_path: Path, capsys) -> None:
    db = tmp_path / "m.db"
    assert (
        run(db, "programme", "create", "宁波订单班", "--kind", "订单班", "--start", "2026-09-01")
        == 0
    )
    assert run(db, "programme", "edit", "宁波订单班", "--kind", "commissioned") == 0
    capsys.readouterr()
    assert run(db, "programme", "list") == 0
    assert "宁波订单班  commissioned" in capsys.readouterr().out


def test_programme_refusals_are_one_line_and_change_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "m.db"
    assert run(db, "programme", "create", "P", "--start", "2026-09-01") == 0
    assert run(db, "programme", "create", "P") == 1
    assert "already exists" in capsys.readouterr().err
    assert run(db, "programme", "create", "Q", "--kind", "holiday") == 1
    assert "not one of" in capsys.readouterr().err
    assert run(db, "programme", "edit", "P", "--end", "2026-08-01") == 1
    err = capsys.readouterr().err
    assert "before" in err and "Traceback" not in err
    assert run(db, "programme", "list") == 0
    assert capsys.readouterr().out.splitlines() == ["P  order_class  2026-09-01"]


def test_staff_add_edit_list_found_by_pinyin(tmp_path: Path, capsys) -> None:
    db = tmp_path / "m.db"
    assert run(db, "staff", "add", "张伟", "--role", "supervisor", "--organisation", "宁钢") == 0
    assert run(db, "staff", "add", "Anna Li", "--role", "teacher") == 0
    assert run(db, "staff", "edit", "张伟", "--phone", "13800000000") == 0
    capsys.readouterr()
    assert run(db, "staff", "list", "--search", "zw") == 0
    out = capsys.readouterr().out
    assert out.startswith("张伟  supervisor  宁钢  13800000000") and "Anna" not in out


def test_unknown_role_is_a_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(tmp_path / "m.db", "staff", "add", "X", "--role", "boss")
    assert exit_.value.code == 2
    assert "not one of" in capsys.readouterr().err


def test_staff_cohort_that_does_not_exist_is_refused(tmp_path: Path, capsys) -> None:
    db = tmp_path / "m.db"
    assert run(db, "staff", "add", "张伟", "--cohort", "Nope") == 1
    assert "No cohort named 'Nope'" in capsys.readouterr().err
    assert run(db, "staff", "list") == 0
    assert capsys.readouterr().out == ""
