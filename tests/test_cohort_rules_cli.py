"""``mentordesk cohort rules|check`` and ``mentordesk trainee edit --hire-date --post``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core.demo import load_demo
from mentordesk.core.store import Store

COHORT = "2026 Mill Maintenance On-the-job"


def run(db: Path, *argv: str) -> int:
    return main([*argv[:2], "--db", str(db), *argv[2:]])


def demo(tmp_path: Path) -> Path:
    db = tmp_path / "m.db"
    store = Store.open(db)
    load_demo(store, today=date(2026, 11, 20), seed=1)
    store.close()
    return db


def test_demo_cohort_check_lists_who_meets_and_why_not(tmp_path: Path, capsys) -> None:
    db = demo(tmp_path)
    assert run(db, "cohort", "check", COHORT) == 0
    out = capsys.readouterr().out
    assert "OJ001  Gao Jun 高军  2018-03-01  Mill maintenance technician  meets" in out
    assert (
        "OJ005  Tang Lei 唐磊  2024-07-01  Mill maintenance technician  does not meet: "
        "1 year 8 months of service, the cohort asks at least 3 years"
    ) in out
    assert "post Crane operator is not among Mill maintenance technician" in out
    assert "4 of 6 meet the entry rules" in out


def test_rules_show_set_and_clear(tmp_path: Path, capsys) -> None:
    db = demo(tmp_path)
    assert run(db, "cohort", "rules", COHORT) == 0
    assert "min years: 3  posts: Mill maintenance technician" in capsys.readouterr().out
    assert run(db, "cohort", "rules", COHORT, "--min-years", "1", "--posts", "") == 0
    assert "min years: 1  posts: —" in capsys.readouterr().out
    assert run(db, "cohort", "check", COHORT) == 0
    assert "6 of 6 meet" in capsys.readouterr().out
    assert run(db, "cohort", "rules", COHORT, "--clear") == 0
    assert "min years: —  posts: —" in capsys.readouterr().out
    assert run(db, "cohort", "check", COHORT) == 0
    assert "sets no entry rules" in capsys.readouterr().out


def test_bad_rule_values_are_one_line_refusals_changing_nothing(tmp_path: Path, capsys) -> None:
    db = demo(tmp_path)
    assert run(db, "cohort", "rules", COHORT, "--min-years", "-2") == 1
    assert "Minimum years of service must be 0 to 60, not -2" in capsys.readouterr().err
    assert run(db, "cohort", "rules", COHORT, "--posts", "Juggler") == 1
    err = capsys.readouterr().err
    assert "'Juggler' is not a known post" in err and "Traceback" not in err
    assert run(db, "cohort", "rules", "Nope") == 1
    assert "No cohort named 'Nope'" in capsys.readouterr().err
    assert run(db, "cohort", "rules", COHORT) == 0
    assert "min years: 3" in capsys.readouterr().out


def test_trainee_edit_sets_hire_date_and_post(tmp_path: Path, capsys) -> None:
    db = demo(tmp_path)
    args = ("--hire-date", "2020-01-01", "--post", "Mill maintenance technician")
    assert run(db, "trainee", "edit", "OJ005", *args) == 0
    assert (
        "OJ005  Tang Lei 唐磊  2020-01-01  Mill maintenance technician" in capsys.readouterr().out
    )
    assert run(db, "cohort", "check", COHORT) == 0
    assert "5 of 6 meet" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        run(db, "trainee", "edit", "OJ005", "--hire-date", "last year")
    assert usage.value.code == 2
    assert "'last year' is not a date" in capsys.readouterr().err
    assert run(db, "trainee", "edit", "NOPE", "--post", "x") == 1
    assert "No trainee with ID NOPE" in capsys.readouterr().err
