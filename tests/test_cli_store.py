"""The command line's store commands: demo, backup, restore, check; --db and exit codes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from mentordesk.cli import main
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, list_trainees


def names(path):
    st = Store.open(path)
    try:
        return sorted(t.name for t in list_trainees(st))
    finally:
        st.close()


def test_demo_loads_a_steel_plant_into_the_named_database(tmp_path, capsys):
    db = tmp_path / "plant.db"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "86 trainees" in out
    st = Store.open(db)
    rows = list_trainees(st)
    st.close()
    assert {r.cohort for r in rows} == {
        "2025 Rolling Order Class",
        "2025 Steelmaking Order Class",
        "2026 Mill Maintenance On-the-job",
    }
    assert any("\u4e00" <= ch <= "\u9fff" for r in rows for ch in r.name), "Chinese names"


def test_db_option_before_the_command_and_environment_variable(tmp_path, monkeypatch):
    before = tmp_path / "before.db"
    assert main(["--db", str(before), "demo"]) == 0
    assert len(names(before)) == 86
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("MENTORDESK_DB", str(env_db))
    assert main(["demo"]) == 0
    assert len(names(env_db)) == 86


def test_demo_refuses_a_database_that_holds_data(tmp_path, capsys):
    db = tmp_path / "x.db"
    st = Store.open(db)
    create_trainee(st, "1", "Real Person")
    st.close()
    assert main(["demo", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mentordesk: ") and err.count("\n") == 1 and "Traceback" not in err
    assert names(db) == ["Real Person"]


def test_backup_then_restore_brings_back_the_data(tmp_path, capsys):
    db, copy = tmp_path / "live.db", tmp_path / "copy.db"
    st = Store.open(db)
    create_trainee(st, "1", "Kept")
    st.close()
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    st = Store.open(db)
    create_trainee(st, "2", "Added after backup")
    st.close()
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    assert names(db) == ["Kept"]
    kept = list((tmp_path / "backups").glob("live.before-restore.*.db"))
    assert len(kept) == 1 and names(kept[0]) == ["Added after backup", "Kept"]
    assert main(["check", "--db", str(db)]) == 0
    assert "OK" in capsys.readouterr().out


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, capsys):
    db, junk = tmp_path / "live.db", tmp_path / "junk.db"
    st = Store.open(db)
    create_trainee(st, "1", "Kept")
    st.close()
    junk.write_bytes(b"this is not a database" * 100)
    assert main(["restore", str(junk), "--db", str(db)]) == 1
    assert "not a sound MentorDesk backup" in capsys.readouterr().err
    assert names(db) == ["Kept"]
    assert main(["restore", str(tmp_path / "missing.db"), "--db", str(db)]) == 1


def test_check_reports_a_corrupted_database(tmp_path, capsys):
    db = tmp_path / "c.db"
    assert main(["demo", "--db", str(db)]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    for offset in range(page_size * 3, min(len(data), page_size * 40), 97):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    code = main(["check", "--db", str(db)])
    out = capsys.readouterr()
    assert code == 1
    assert "problem" in out.out or "mentordesk:" in out.err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["backup"])
    assert exc.value.code == 2


def test_help_lists_the_commands():
    done = subprocess.run(
        [sys.executable, "-m", "mentordesk", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    for command in ("demo", "backup", "restore", "check"):
        assert command in done.stdout


def test_check_finds_attendance_totals_written_around_the_triggers_and_repair_fixes_them(
    tmp_path, capsys
):
    db = tmp_path / "t.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["check", "--db", str(db)]) == 0
    with sqlite3.connect(db) as conn:
        # Another program, with the trigger gone, changes marks and a record's date.
        conn.execute("DROP TRIGGER attendance_rollup_update")
        conn.execute("UPDATE attendance SET status = 'absent' WHERE id IN (1, 2)")
        conn.execute("UPDATE attendance SET held_on = '2001-01-01' WHERE id = 3")
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "attendance totals disagree with the records" in out
    assert "1 attendance records carry another date" in out
    assert main(["check", "--repair", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("OK")


def _latest_levels_from_ratings(db, trainee_id: int) -> float:
    """The trainee's mean of each skill's latest level, straight from the ratings."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT avg(level) FROM skill_rating AS r WHERE trainee_id = ? AND deleted = 0 "
            "AND NOT EXISTS (SELECT 1 FROM skill_rating AS o WHERE o.trainee_id = r.trainee_id "
            "AND o.skill_id = r.skill_id AND o.deleted = 0 AND (o.rated_on > r.rated_on "
            "OR (o.rated_on = r.rated_on AND o.id > r.id)))",
            (trainee_id,),
        ).fetchone()[0]


def _summary_mean_level(db, trainee_id: int) -> float | None:
    from mentordesk.core.summary import period_figures

    st = Store.open(db)
    try:
        with st.read() as s:
            # A period up to now: the Summary reads the levels the database keeps.
            return period_figures(s, [trainee_id])[trainee_id].mean_level
    finally:
        st.close()


def test_check_finds_latest_ratings_written_around_the_triggers_and_repair_fixes_them(
    tmp_path, capsys
):
    db = tmp_path / "t.db"
    assert main(["demo", "--db", str(db)]) == 0
    with sqlite3.connect(db) as conn:
        trainee_id, relevelled, deleted = conn.execute(
            "SELECT trainee_id, min(rating_id), max(rating_id) FROM skill_rating_latest "
            "GROUP BY trainee_id HAVING count(*) >= 2 ORDER BY trainee_id LIMIT 1"
        ).fetchone()
        # Another program, with the trigger gone, re-levels one skill's latest rating and
        # deletes another's.
        conn.execute("DROP TRIGGER skill_rating_latest_update")
        conn.execute(
            "UPDATE skill_rating SET level = CASE level WHEN 5 THEN 1 ELSE 5 END WHERE id = ?",
            (relevelled,),
        )
        conn.execute("UPDATE skill_rating SET deleted = 1 WHERE id = ?", (deleted,))
    expected = _latest_levels_from_ratings(db, trainee_id)
    assert _summary_mean_level(db, trainee_id) != pytest.approx(expected), "silently wrong"
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert (
        "latest skill levels disagree with the ratings for 2 trainee-skill pairs; "
        "run `mentordesk check --repair`" in out
    )
    assert main(["check", "--repair", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("OK")
    assert _summary_mean_level(db, trainee_id) == pytest.approx(expected)


def test_check_finds_latest_ratings_table_edited_directly(tmp_path, capsys):
    db = tmp_path / "t.db"
    assert main(["demo", "--db", str(db)]) == 0
    with sqlite3.connect(db) as conn:
        # Rows deleted or changed by hand: one pair missing, two wrong.
        first, second, third = (
            r[0]
            for r in conn.execute(
                "SELECT rating_id FROM skill_rating_latest ORDER BY rating_id LIMIT 3"
            )
        )
        conn.execute("DELETE FROM skill_rating_latest WHERE rating_id = ?", (first,))
        conn.execute(
            "UPDATE skill_rating_latest SET level = level % 5 + 1 WHERE rating_id = ?", (second,)
        )
        conn.execute(
            "UPDATE skill_rating_latest SET rated_on = '2001-01-01' WHERE rating_id = ?", (third,)
        )
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 1
    assert "latest skill levels disagree with the ratings for 3 trainee-skill pairs" in (
        capsys.readouterr().out
    )
    assert main(["check", "--repair", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("OK")
