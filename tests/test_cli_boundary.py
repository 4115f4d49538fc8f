"""The command line never shows a traceback: one line, exit 1, nothing changed (issue 16.8)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core.attendance import session_roster
from mentordesk.core.notes import add_note, list_notes
from mentordesk.core.trainees import create_trainee, list_trainees
from mentordesk.core.workshop_sessions import list_recent_sessions


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> None:
    assert err.startswith("mentordesk: "), err
    assert err.count("\n") == 1 and "Traceback" not in err, err


def _usage_error(capsys, *argv: str) -> str:
    """argparse's refusal (exit 2): a clear message, not a traceback."""
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def _cli(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mentordesk", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


# -- a reader that stops early ---------------------------------------------------------


@pytest.mark.parametrize(
    "listing", [["session", "list"], ["record", "20250101"], ["export", "--help"]]
)
def test_a_listing_piped_into_a_reader_that_has_gone_ends_quietly(demo_store, listing):
    read_end, write_end = os.pipe()
    # The reader is gone before the first line: every write meets a closed pipe, as with
    # `mentordesk session list | head -1` once head has its line.
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mentordesk", *listing, "--db", str(demo_store.path)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr == ""


# -- numbers and dates that overflow -----------------------------------------------------


def test_hours_that_are_not_a_number_are_refused_and_change_nothing(demo_store, capsys):
    db = str(demo_store.path)
    session = list_recent_sessions(demo_store, 1)[0].uid
    before = session_roster(demo_store, session)
    for hours in ("nan", "inf", "-1", "1e308"):
        err = _usage_error(capsys, "mark", "--db", db, session, before[0].trainee_id, "P", "--hours", hours)  # fmt: skip
        assert "hours" in err
    err = _usage_error(capsys, "mark", "--db", db, session, before[0].trainee_id, "L", "--late", "9" * 30)  # fmt: skip
    assert "minutes" in err or "between" in err
    assert session_roster(demo_store, session) == before


def test_a_huge_limit_is_a_usage_error(demo_store, capsys):
    err = _usage_error(capsys, "session", "list", "--db", str(demo_store.path), "--limit", "9" * 23)
    assert "--limit" in err and "between 1 and" in err


@pytest.mark.parametrize(
    "command",
    [
        ["record", "20250101"],
        ["export", "OUT.xlsx"],
        ["sheets", "OUTDIR"],
    ],
)
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_dates_at_the_edge_of_the_calendar_are_refused_clearly(
    demo_store, tmp_path, capsys, command, day
):
    out = tmp_path / "out"
    (out / "OUTDIR").mkdir(parents=True)
    argv = [str(out / a) if a.isupper() else a for a in command]
    for option in ("--to", "--from"):
        err = _usage_error(capsys, *argv, "--db", str(demo_store.path), option, day)
        assert f"argument {option}: {day} is out of range" in err
    assert list(out.iterdir()) == [out / "OUTDIR"]
    assert list((out / "OUTDIR").iterdir()) == []


def test_the_last_and_first_days_allowed_work(demo_store, capsys):
    code, out, _ = _run(capsys, "record", "20250101", "--db", str(demo_store.path),
                        "--from", "1900-01-01", "--to", "9998-12-31")  # fmt: skip
    assert code == 0 and "attendance rate" in out


@pytest.mark.parametrize("command", [["record", "20250101"], ["export", "OUT.xlsx"]])
def test_a_period_that_ends_before_it_starts_is_refused(demo_store, tmp_path, capsys, command):
    argv = [str(tmp_path / a) if a.isupper() else a for a in command]
    code, out, err = _run(capsys, *argv, "--db", str(demo_store.path),
                          "--from", "2026-02-01", "--to", "2026-01-31")  # fmt: skip
    assert code == 1 and out == ""
    _one_line(err)
    assert "2026-02-01" in err and "2026-01-31" in err
    assert not (tmp_path / "OUT.xlsx").exists()


def test_a_date_that_is_not_a_date_names_the_option(demo_store, capsys):
    err = _usage_error(capsys, "record", "20250101", "--db", str(demo_store.path), "--to", "3/4")
    assert "argument --to: '3/4' is not a date as YYYY-MM-DD" in err


# -- the database busy -------------------------------------------------------------------


def test_a_write_held_by_another_program_gives_one_line_after_waiting(demo_store, capsys):
    db = str(demo_store.path)
    session = list_recent_sessions(demo_store, 1)[0].uid
    before = session_roster(demo_store, session)
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE setting SET value = value WHERE key = 'device_id'")
        # A mark that changes something, so that it has to write.
        status = "E" if before[0].mark and before[0].mark.status != "excused" else "A"
        code, _, err = _run(capsys, "mark", "--db", db, session, before[0].trainee_id, status)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    _one_line(err)
    assert "another program is saving to the database" in err and "nothing was changed" in err
    assert session_roster(demo_store, session) == before


# -- files that cannot be written --------------------------------------------------------


def test_an_output_path_that_is_a_folder(demo_store, tmp_path, capsys):
    db = str(demo_store.path)
    folder = tmp_path / "out.xlsx"
    folder.mkdir()
    for argv in (["export", str(folder)], ["backup", str(folder)]):
        code, _, err = _run(capsys, *argv, "--db", db)
        assert code == 1, argv
        _one_line(err)
        assert "folder" in err
    assert list(folder.iterdir()) == []


# -- --db values that are no database ----------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["foo://", "mysql://user:secret@host/plant", "mysql+pymysql://h/d", "postgresql+nope://h/d"],
)
def test_a_db_url_for_another_kind_of_database_is_refused(capsys, url):
    code, _, err = _run(capsys, "session", "list", "--db", url)
    assert code == 1
    _one_line(err)
    assert "secret" not in err


def test_a_file_uri_means_the_file(demo_store, capsys):
    code, out, _ = _run(capsys, "session", "list", "--db", demo_store.path.as_uri())
    assert code == 0 and out.count("\n") == 20


def test_postgresql_without_its_driver_names_the_extra(monkeypatch, capsys):
    # As after a plain `pip install .`: the driver module is not there.
    monkeypatch.setitem(sys.modules, "psycopg2", None)
    code, _, err = _run(capsys, "session", "list", "--db", "postgresql+psycopg2://u@h/mentordesk")
    assert code == 1
    _one_line(err)
    assert "pip install 'mentordesk[postgresql]'" in err


def test_the_postgresql_extra_exists_and_the_readme_names_it():
    import tomllib

    root = Path(__file__).resolve().parents[1]
    extras = tomllib.loads((root / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(dep.startswith("psycopg2") for dep in extras["postgresql"])
    assert "pip install 'mentordesk[postgresql]'" in (root / "README.md").read_text()


# -- IDs with LIKE's wildcards -----------------------------------------------------------


def test_ids_with_underscore_and_percent_are_found_and_only_they(demo_store, capsys):
    db = str(demo_store.path)
    create_trainee(demo_store, "2026_01", "Under Score", cohort="2025 Rolling Order Class")
    create_trainee(demo_store, "2026x01", "Not Under Score", cohort="2025 Rolling Order Class")
    create_trainee(demo_store, "50%-A", "Per Cent", cohort="2025 Rolling Order Class")
    code, out, err = _run(capsys, "record", "2026_01", "--db", db)
    assert code == 0, err
    assert out.startswith("Under Score (2026_01,")
    assert _run(capsys, "note", "--db", db, "50%-A", "safety", "gloves on")[0] == 0
    per_cent = next(t for t in list_trainees(demo_store, "50%") if t.trainee_id == "50%-A")
    assert [n.text for n in list_notes(demo_store, per_cent.uid)] == ["gloves on"]
    assert {t.trainee_id for t in list_trainees(demo_store, "6_0")} == {"2026_01"}
    rolling = next(
        s.uid for s in list_recent_sessions(demo_store, 40) if "2025 Rolling Order Class" in s.title
    )
    code, out, err = _run(capsys, "mark", "--db", db, rolling, "2026_01", "P")
    assert code == 0, err
    assert out.startswith("2026_01 Under Score: present")


# -- text that would drive the terminal --------------------------------------------------


def test_control_characters_from_the_database_are_shown_not_obeyed(demo_store, capsys):
    db = str(demo_store.path)
    trainee = next(t for t in list_trainees(demo_store) if t.trainee_id == "20250101")
    add_note(demo_store, trainee.uid, "safety", "ok\x1b]0;pwned\x07\x1b[2J\rfake")
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE trainee SET name = 'Evil\x1b[31mRed\x9b' WHERE trainee_id = '20250102'"
        )
    code, out, _ = _run(capsys, "record", "20250101", "--db", db)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "ok\\x1b]0;pwned\\x07\\x1b[2J\\x0dfake" in out
    session = list_recent_sessions(demo_store, 40)
    listed = []
    for s in session:
        code, out, _ = _run(capsys, "session", "roster", "--db", db, s.uid)
        listed.append(out)
    text = "".join(listed)
    assert "Evil\\x1b[31mRed\\x9b" in text and "\x1b" not in text and "\x9b" not in text


# -- what nobody foresaw -----------------------------------------------------------------


def test_an_unexpected_error_is_one_line_pointing_at_the_log(demo_store, monkeypatch, capsys):
    from mentordesk.core import workshop_sessions

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(workshop_sessions, "list_recent_sessions", broken)
    code, _, err = _run(capsys, "session", "list", "--db", str(demo_store.path))
    assert code == 1
    _one_line(err)
    assert "unexpected error (RuntimeError: a bug over two lines)" in err
    log = Path(err.rsplit(" ", 1)[-1].strip())
    assert log.is_file() and "Traceback" in log.read_text() and "a bug" in log.read_text()
    assert log.stat().st_mode & 0o077 == 0 and log.parent.stat().st_mode & 0o077 == 0


def test_a_real_process_shows_no_traceback_for_a_bad_url():
    done = _cli("session", "list", "--db", "file://otherhost/x.db")
    assert done.returncode == 1 and done.stdout == ""
    _one_line(done.stderr)
