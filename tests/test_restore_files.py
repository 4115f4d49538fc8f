"""Files written and restored (issue 16.7): restore checks first and keeps every copy, SQLite
URIs survive any folder name, and personal data files are owner-only."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, list_trainees

SCHEMAS = Path(__file__).parent / "data" / "schemas"

HOLD_OPEN = """
import sys
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees
store = Store.open(sys.argv[1])
list_trainees(store)
print("open", flush=True)
sys.stdin.readline()
store.close()
"""


def names(path: Path) -> list[str]:
    st = Store.open(path)
    try:
        return sorted(t.name for t in list_trainees(st))
    finally:
        st.close()


def add(path: Path, trainee_id: str, name: str) -> None:
    st = Store.open(path)
    try:
        create_trainee(st, trainee_id, name)
    finally:
        st.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def shared_umask():
    # A desktop account's usual umask: what others may read unless MentorDesk says otherwise.
    old = os.umask(0o022)
    yield
    os.umask(old)


# -- restore checks everything first ---------------------------------------------------


def test_a_backup_from_a_newer_version_is_refused_before_anything_is_touched(tmp_path, capsys):
    db, copy = tmp_path / "live.db", tmp_path / "newer.db"
    add(db, "1", "Kept")
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = digest(db)
    capsys.readouterr()
    assert main(["restore", str(copy), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "newer MentorDesk" in err and err.count("\n") == 1
    assert digest(db) == before
    assert not (tmp_path / "backups").exists(), "no copy: nothing was touched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live.db", "newer.db"]
    assert names(db) == ["Kept"]


@pytest.mark.parametrize(
    "damage",
    ["not sqlite", "no schema", "broken reference"],
)
def test_an_unsound_backup_is_refused_and_the_database_untouched(tmp_path, capsys, damage):
    db, bad = tmp_path / "live.db", tmp_path / "bad.db"
    add(db, "1", "Kept")
    if damage == "not sqlite":
        bad.write_bytes(b"PK\x03\x04" + b"\0" * 5000)
    elif damage == "no schema":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE x (a)")
        conn.close()
    else:
        assert main(["backup", str(bad), "--db", str(db)]) == 0
        with sqlite3.connect(bad) as conn:
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute("UPDATE trainee SET cohort_id = 999999")
        conn.close()
    before = digest(db)
    capsys.readouterr()
    assert main(["restore", str(bad), "--db", str(db)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert digest(db) == before and not (tmp_path / "backups").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no scratch left"


def test_every_restore_keeps_its_own_copy_of_the_database_as_it_was(tmp_path, capsys):
    db, copy = tmp_path / "live.db", tmp_path / "copy.db"
    add(db, "1", "First")
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    add(db, "2", "Only before the first restore")
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    add(db, "3", "Only before the second restore")
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    kept = sorted((tmp_path / "backups").glob("live.before-restore.*.db"))
    assert len(kept) == 2
    assert sorted(names(k) for k in kept) == [
        ["First", "Only before the first restore"],
        ["First", "Only before the second restore"],
    ]
    out = capsys.readouterr().out
    assert all(str(k) in out for k in kept)
    assert names(db) == ["First"]


def test_restore_is_refused_while_another_process_has_the_database_open(tmp_path, capsys):
    db, copy = tmp_path / "live.db", tmp_path / "copy.db"
    add(db, "1", "First")
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    add(db, "2", "Unsaved elsewhere")
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "open"
        capsys.readouterr()
        assert main(["restore", str(copy), "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert "another program has this database open" in err and err.count("\n") == 1
    finally:
        other.communicate("done\n", timeout=60)
    assert not (tmp_path / "backups").exists()
    assert names(db) == ["First", "Unsaved elsewhere"]
    # Once it is closed, the restore goes ahead.
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    assert names(db) == ["First"]


def test_restore_is_refused_while_the_window_holds_the_database(tmp_path, capsys):
    db, copy = tmp_path / "live.db", tmp_path / "copy.db"
    add(db, "1", "First")
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    window = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        # What Qt's QLockFile writes: pid, application name, host name.
        Path(f"{db}.lock").write_text(f"{window.pid}\nmentordesk\n{socket.gethostname()}\n")
        assert main(["restore", str(copy), "--db", str(db)]) == 1
        assert "another program has this database open" in capsys.readouterr().err
    finally:
        window.communicate(b"", timeout=60)
    # A lock left by a process that is gone does not stand in the way.
    assert main(["restore", str(copy), "--db", str(db)]) == 0


def test_a_damaged_database_can_still_be_replaced_and_its_bytes_are_kept(tmp_path, capsys):
    db, copy = tmp_path / "live.db", tmp_path / "copy.db"
    add(db, "1", "First")
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    db.write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    (kept,) = (tmp_path / "backups").glob("live.before-restore.*.db")
    assert kept.read_bytes() == b"garbage" * 1000
    assert names(db) == ["First"]


# -- URIs from paths -------------------------------------------------------------------

WEIRD_FOLDERS = ["C# class", "what?", "50% off", "%41 quoted", "two  spaces", "学员 名单"]


@pytest.mark.parametrize("folder", WEIRD_FOLDERS)
def test_every_command_works_in_a_folder_with_any_name(tmp_path, capsys, folder):
    home = tmp_path / folder
    home.mkdir()
    db = home / "m.db"
    add(db, "1", "Kept")
    assert main(["backup", str(home / "bk.db"), "--db", str(db)]) == 0
    add(db, "2", "Later")
    assert main(["restore", str(home / "bk.db"), "--db", str(db)]) == 0
    assert main(["check", "--db", str(db)]) == 0
    assert "OK" in capsys.readouterr().out
    assert names(db) == ["Kept"]
    # Nothing was made outside the folder (an unquoted URI made "/tmp/…/C" of "C# class").
    assert [p.name for p in tmp_path.iterdir()] == [folder]
    assert sorted(p.name for p in home.iterdir() if not p.name.startswith("m.db-")) == [
        "backups",
        "bk.db",
        "m.db",
    ]


@pytest.mark.parametrize("folder", WEIRD_FOLDERS)
def test_check_examines_the_real_file_in_any_folder(tmp_path, capsys, folder):
    home = tmp_path / folder
    home.mkdir()
    db = home / "m.db"
    assert main(["demo", "--db", str(db)]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    for offset in range(page_size * 3, min(len(data), page_size * 40), 97):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 1
    assert [p.name for p in tmp_path.iterdir()] == [folder]


def test_one_quoted_builder_makes_every_sqlite_uri():
    from mentordesk.core.database_file import sqlite_path, sqlite_uri, to_url

    path = Path("/x/C# class/50% off?/学员/m.db")
    assert sqlite_path(to_url(path)) == path
    assert sqlite_path(to_url(path.as_uri())) == path
    uri = sqlite_uri(path, "ro")
    assert uri.startswith("file:/x/C%23%20class/50%25%20off%3F/") and uri.endswith("?mode=ro")
    root = Path(__file__).resolve().parents[1] / "src" / "mentordesk"
    builders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if '"file:' in p.read_text(encoding="utf-8") or "'file:" in p.read_text(encoding="utf-8")
    ]
    assert builders == ["core/database_file.py"]


# -- owner-only files ------------------------------------------------------------------


def test_a_new_database_and_its_wal_and_shm_are_owner_only(tmp_path, shared_umask):
    db = tmp_path / "new.db"
    st = Store.open(db)
    try:
        create_trainee(st, "1", "Private Person")
        for each in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            assert each.exists() and mode(each) == 0o600, each
    finally:
        st.close()


def test_an_older_world_readable_database_is_tightened_on_opening(tmp_path, shared_umask):
    db = tmp_path / "old.db"
    add(db, "1", "Private Person")
    (tmp_path / "backups").mkdir(mode=0o755)
    os.chmod(db, 0o644)
    os.chmod(tmp_path / "backups", 0o755)
    st = Store.open(db)
    try:
        create_trainee(st, "2", "Another")
        assert mode(db) == 0o600
        assert mode(Path(f"{db}-wal")) == 0o600 and mode(Path(f"{db}-shm")) == 0o600
        assert mode(tmp_path / "backups") == 0o700
    finally:
        st.close()


def test_the_data_folder_and_logs_are_owner_only(tmp_path, monkeypatch, shared_umask):
    from mentordesk.paths import data_dir, default_database, log_dir

    home = tmp_path / "MentorDesk"
    home.mkdir(mode=0o755)
    os.chmod(home, 0o755)
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(home))
    assert data_dir() == home and mode(home) == 0o700
    assert mode(log_dir()) == 0o700
    fresh = tmp_path / "fresh" / "MentorDesk"
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(fresh))
    st = Store.open(default_database())
    st.close()
    assert mode(fresh) == 0o700 and mode(fresh / "mentordesk.db") == 0o600


def test_backups_and_restore_copies_are_owner_only(tmp_path, shared_umask, capsys):
    db, copy = tmp_path / "live.db", tmp_path / "copy.db"
    add(db, "1", "Private Person")
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    assert mode(copy) == 0o600
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    (kept,) = (tmp_path / "backups").glob("*.db")
    assert mode(kept) == 0o600 and mode(tmp_path / "backups") == 0o700 and mode(db) == 0o600


def test_the_copy_before_a_migration_is_owner_only(tmp_path, shared_umask):
    db = tmp_path / "old-schema.db"
    shutil.copyfile(SCHEMAS / "schema-0001.db", db)
    os.chmod(db, 0o644)
    Store.open(db).close()
    (kept,) = (tmp_path / "backups").glob("*.db")
    assert mode(kept) == 0o600 and mode(tmp_path / "backups") == 0o700
