"""The capture commands: the same services as the Today area, from a script."""

from __future__ import annotations

from mentordesk.cli import main
from mentordesk.core.attendance import session_roster
from mentordesk.core.notes import list_notes
from mentordesk.core.ratings import rating_grid
from mentordesk.core.workshop_sessions import list_recent_sessions


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_session_marks_ratings_and_notes_from_the_command_line(demo_store, capsys):
    db = str(demo_store.path)
    code, out, _ = _run(
        capsys,
        "session", "create", "--db", db, "--cohort", "2025 Rolling Order Class",
        "--date", "2026-11-23", "--module", "Rolling", "--location", "Bay 2",
    )  # fmt: skip
    assert code == 0
    session_uid = out.strip()
    assert list_recent_sessions(demo_store, 1)[0].uid == session_uid

    assert _run(capsys, "mark", "--db", db, session_uid, "20250101", "L", "--late", "30")[0] == 0
    code, out, _ = _run(capsys, "mark-all", "--db", db, session_uid)
    roster = {r.trainee_id: r for r in session_roster(demo_store, session_uid)}
    assert roster["20250101"].mark.status == "late" and roster["20250101"].mark.hours == 7.5
    assert {r.status for r in roster.values()} == {"late", "present"}
    assert out.startswith(f"{len(roster) - 1} marked present")

    assert (
        _run(capsys, "rate", "--db", db, "20250101", "R-01", "4", "--session", session_uid)[0] == 0
    )
    grid = rating_grid(demo_store, session_uid)
    skill = next(sk for sk in grid.skills if sk.code == "R-01")
    assert grid.cell(roster["20250101"].trainee_uid, skill.uid).level == 4

    code, _, _ = _run(
        capsys, "note", "--db", db, "20250101", "safety", "未戴手套", "--session", session_uid
    )
    assert code == 0
    assert list_notes(demo_store, roster["20250101"].trainee_uid)[0].text == "未戴手套"


def test_bad_input_is_one_line_and_changes_nothing(demo_store, capsys):
    db = str(demo_store.path)
    session_uid = list_recent_sessions(demo_store, 1)[0].uid
    before = session_roster(demo_store, session_uid)
    code, _, err = _run(capsys, "mark", "--db", db, session_uid, before[0].trainee_id, "here")
    assert code == 1 and err.count("\n") == 1 and "not one of" in err
    code, _, err = _run(capsys, "rate", "--db", db, before[0].trainee_id, "R-01", "9")
    assert code == 1 and "from 1 to 5" in err
    code, _, err = _run(capsys, "mark", "--db", db, session_uid, "no-such-id", "P")
    assert code == 1 and "no-such-id" in err
    assert session_roster(demo_store, session_uid) == before
