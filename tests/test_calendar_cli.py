"""``plan``, ``missing`` and ``leave`` on the command line: the calendar a user lays out by hand."""

from __future__ import annotations

from datetime import date

from mentordesk.cli import main
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.trainees import create_trainee

COHORT = "2026 Rolling Order Class"


def _run(capsys, db, *argv):
    code = main([*argv, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_cohorts_alternation_its_sessions_and_their_missing_marks(store, capsys, tmp_path):
    create_cohort(store, COHORT, start_date=date(2026, 9, 7), end_date=date(2027, 6, 30))
    create_trainee(store, "R001", "Zhang Wei 张伟", cohort=COHORT, enrolled_on=date(2026, 9, 1))
    db = store.path
    store.close()
    code, out, _ = _run(
        capsys, db, "plan", "create", COHORT, "--from", "2026-09-07", "--to", "2026-10-04",
        "--pattern", "3w school, 1w plant",
    )  # fmt: skip
    assert code == 0
    assert "2026-09-28  2026-10-04  plant" in out
    holidays = tmp_path / "holidays.txt"
    holidays.write_text("2026-09-30 Mid-Autumn\n", encoding="utf-8")
    code, out, _ = _run(
        capsys, db, "plan", "edit", COHORT, "--week", "mon-wed", "--workshop", "Bay 2",
        "--holidays", str(holidays),
    )  # fmt: skip
    assert code == 0, out
    code, out, _ = _run(capsys, db, "plan", "sessions", COHORT, "--dry-run")
    assert "2 would add" in out
    code, out, _ = _run(capsys, db, "plan", "sessions", COHORT)
    assert "2 added" in out
    code, out, _ = _run(capsys, db, "missing", "--since", "2026-09-01")
    assert out.count("1 of 1 unrecorded") == 2
    code, out, _ = _run(
        capsys, db, "leave", "add", "R001", "--from", "2026-09-28", "--to", "2026-09-29"
    )
    assert code == 0
    code, out, _ = _run(capsys, db, "missing", "--since", "2026-09-01")
    assert "No missing marks." in out


def test_a_bad_plan_says_why_and_changes_nothing(store, capsys):
    create_cohort(store, COHORT, start_date=date(2026, 9, 7), end_date=date(2027, 6, 30))
    db = store.path
    store.close()
    before = db.read_bytes()
    code, _, err = _run(
        capsys, db, "plan", "create", COHORT, "--from", "2026-09-07", "--to", "2026-12-31",
        "--pattern", "4w school",
    )  # fmt: skip
    assert code == 1
    assert "gives no plant day" in err
    code, _, err = _run(capsys, db, "plan", "sessions", COHORT)
    assert code == 1
    assert "no week template" in err
    code, _, err = _run(capsys, db, "plan", "show", "No Such Class")
    assert (code, err.strip()) == (1, "mentordesk: No cohort named 'No Such Class'")
    assert db.read_bytes() == before
