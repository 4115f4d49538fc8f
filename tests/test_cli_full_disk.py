"""A full or read-only disk, for real: a small tmpfs (needs root; skipped otherwise).

Import, export and backup say so in one line, leave no partial file and change nothing.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core.database import backup_sqlite
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees

ROSTER = Path(__file__).parent / "data" / "sync" / "roster_libreoffice.xlsx"


def _mount(folder: Path, *options: str) -> None:
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB disk of its own."""
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("needs Linux mount")
    folder = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    _mount(folder, "size=2m", "mode=0755")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> None:
    """Use up every byte left on ``disk``."""
    # Unbuffered: a failed write must not fail again when the file closes.
    with open(disk / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def _one_line(err: str) -> None:
    assert err.startswith("mentordesk: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err


def _cli(*argv: str) -> subprocess.CompletedProcess:
    # A real process: what Python prints as it tidies up at exit counts too.
    return subprocess.run(
        [sys.executable, "-m", "mentordesk", *argv], capture_output=True, text=True, timeout=300
    )


def test_backup_to_a_full_disk(demo_store, small_disk):
    fill(small_disk)
    before = sorted(p.name for p in small_disk.iterdir())
    done = _cli("backup", str(small_disk / "bk.db"), "--db", str(demo_store.path))
    assert done.returncode == 1
    _one_line(done.stderr)
    assert "disk is full" in done.stderr and str(small_disk / "bk.db") in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == before, "no bk.db.part left"


def test_export_to_a_full_disk(demo_store, small_disk):
    fill(small_disk)
    before = sorted(p.name for p in small_disk.iterdir())
    done = _cli("export", str(small_disk / "results.xlsx"), "--db", str(demo_store.path))
    assert done.returncode == 1
    _one_line(done.stderr)
    assert "disk is full" in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == before


@pytest.mark.parametrize("held_open", [True, False], ids=["open elsewhere", "closed"])
def test_import_into_a_database_on_a_full_disk(small_disk, held_open):
    db = small_disk / "m.db"
    st = Store.open(db)
    try:
        # Open elsewhere, its -wal and -shm exist and the import's writes meet the full disk;
        # closed, SQLite cannot even make them.
        if not held_open:
            st.close()
        fill(small_disk)
        done = _cli("import", str(ROSTER), "--db", str(db), "--cohort", "Spare")
    finally:
        st.close()
    assert done.returncode == 1
    _one_line(done.stderr)
    assert "disk is full" in done.stderr and "nothing was changed" in done.stderr
    for each in small_disk.glob("filler*"):
        each.unlink()
    st = Store.open(db)
    try:
        assert list_trainees(st) == []
    finally:
        st.close()


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("needs Linux mount")
    folder = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    # Root ignores a folder's permission bits; a read-only file system stops everyone.
    _mount(folder, "size=1m", "ro")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize(
    "command",
    [["backup", "OUT/bk.db"], ["export", "OUT/results.xlsx"], ["sheets", "OUT"]],
)
def test_a_read_only_output_folder(demo_store, read_only_disk, command):
    argv = [a.replace("OUT", str(read_only_disk)) for a in command]
    done = _cli(*argv, "--db", str(demo_store.path))
    assert done.returncode == 1
    _one_line(done.stderr)
    assert "read-only" in done.stderr
    assert list(read_only_disk.iterdir()) == []


def test_backup_sqlite_leaves_nothing_on_a_full_disk(demo_store, small_disk):
    fill(small_disk)
    before = sorted(p.name for p in small_disk.iterdir())
    with pytest.raises(Exception, match="disk is full"):
        backup_sqlite(demo_store.path, small_disk / "bk.db")
    assert sorted(p.name for p in small_disk.iterdir()) == before


def test_backup_on_a_full_disk_without_mount_rights(demo_store, tmp_path, monkeypatch, capsys):
    """Where no tmpfs can be mounted: the copy fails part-way as on a full disk."""
    from mentordesk.core import database

    real = database.copy_sqlite

    def fills_up(src, target):
        real(src, target)
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(database, "copy_sqlite", fills_up)
    out = tmp_path / "out"
    out.mkdir()
    code = main(["backup", str(out / "bk.db"), "--db", str(demo_store.path)])
    err = capsys.readouterr().err
    assert code == 1
    _one_line(err)
    assert "disk is full" in err
    assert list(out.iterdir()) == [], "no bk.db.part left"
