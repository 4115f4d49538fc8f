"""What the window's start imports: file formats, migrations and command code wait for first use.

A real ``python -m mentordesk`` process (offscreen, ``MENTORDESK_EXIT_AFTER_SHOW=1``) on a
database that is already up to date and holds a trainee, listing every module it imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk.cli import _gui_only
from mentordesk.core.database_file import SCHEMA_HEAD, schema_of
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee

# Needed only by file work or by commands, never to show the window (bench_startup counts the
# first group as "file-format libraries imported at start-up": the target is 0).
NOT_AT_START = (
    "reportlab",
    "openpyxl",
    "pyhanko",
    "cryptography",
    "qrcode",
    "alembic",
    "numpy",
    "aiohttp",
    "mentordesk.exchange",
    "mentordesk.cli.store_commands",
    "mentordesk.core.demo",
    "mentordesk.ui.rating_panel",
    "mentordesk.ui.first_run",
)

# Not needed to show the window: the log file's handlers, digests (OpenSSL), Designer's form
# loader, the message boxes, the platform's folders (a database was given), locale tables,
# the standard library's SQLite (the file's schema is read once the window is up).
NOT_BEFORE_SHOWN = (
    "sqlalchemy",
    "sqlite3",
    "logging.handlers",
    "hashlib",
    "PySide6.QtUiTools",
    "platformdirs",
    "locale",
)

OLD_SCHEMA = Path(__file__).parent / "data" / "schemas" / "schema-0003.db"

LIST_MODULES = """
import builtins, gc, runpy, sys
sys.argv = ["mentordesk", "--db", sys.argv[1]]
say = builtins.print
def print(*args, **kwargs):
    # At the moment the window reports itself shown: what was loaded yet, and is the cycle
    # collector paused? When the roster is ready, is it running again?
    if args and str(args[0]).startswith("shown "):
        say("sqlalchemy at shown:", "sqlalchemy" in sys.modules, flush=True)
        say("loaded at shown", " ".join(sorted(sys.modules)), flush=True)
        say("collector at shown:", gc.isenabled(), flush=True)
    if args and str(args[0]).startswith("ready "):
        say("collector at ready:", gc.isenabled(), flush=True)
    say(*args, **kwargs)
builtins.print = print
try:
    runpy.run_module("mentordesk", run_name="__main__")
except SystemExit:
    pass
print("modules", " ".join(sorted(sys.modules)), flush=True)
"""


def _start(tmp_path: Path, db: Path | None = None) -> list[str]:
    """What a window start printed, on ``db`` or else on a database holding a trainee."""
    if db is None:
        db = tmp_path / "start.db"
        store = Store.open(db)
        try:
            create_trainee(store, trainee_id="S-1", name="Li Na", cohort="2026 rolling")
        finally:
            store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MENTORDESK_EXIT_AFTER_SHOW="1")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_window_shows_before_the_store_is_loaded_and_then_opens_it(tmp_path: Path) -> None:
    lines = _start(tmp_path)
    said = [
        line.split()[0] for line in lines if line.split()[0] in ("sqlalchemy", "shown", "ready")
    ]
    assert said == ["sqlalchemy", "shown", "ready"]
    assert "sqlalchemy at shown: False" in lines
    assert "mentordesk.core.store" in next(line for line in lines if line.startswith("modules "))


def test_window_shows_without_what_only_later_work_needs(tmp_path: Path) -> None:
    lines = _start(tmp_path)
    at_shown = next(line for line in lines if line.startswith("loaded at shown ")).split()[3:]
    early = sorted(
        m
        for m in at_shown
        for prefix in NOT_BEFORE_SHOWN
        if m == prefix or m.startswith(prefix + ".")
    )
    assert early == []


def test_an_old_database_is_migrated_once_the_window_is_up(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(OLD_SCHEMA, db)
    lines = _start(tmp_path, db)
    said = [line.split()[0] for line in lines if line.split()[0] in ("shown", "ready")]
    assert said == ["shown", "ready"]
    assert schema_of(db) == SCHEMA_HEAD
    assert list((tmp_path / "backups").glob("old.before-*.db"))


def test_collector_waits_for_the_store_then_runs_again(tmp_path: Path) -> None:
    lines = _start(tmp_path)
    assert "collector at shown: False" in lines
    assert "collector at ready: True" in lines


@pytest.mark.parametrize(
    ("argv", "db"),
    [([], None), (["--db", "x.db"], "x.db"), (["--db=y.db"], "y.db"), (["--db", ""], "")],
)
def test_window_command_lines_open_the_window(argv: list[str], db: str | None) -> None:
    gui = _gui_only(argv)
    assert gui is not None and gui.db == db


@pytest.mark.parametrize(
    "argv", [["check"], ["--db", "x.db", "check"], ["--db"], ["--db", "-x"], ["--help"]]
)
def test_other_command_lines_go_to_the_commands(argv: list[str]) -> None:
    assert _gui_only(argv) is None


def test_window_start_leaves_file_and_command_modules_unimported(tmp_path: Path) -> None:
    lines = _start(tmp_path)
    modules = next(line for line in lines if line.startswith("modules ")).split()[1:]
    loaded = sorted(
        m for m in modules for prefix in NOT_AT_START if m == prefix or m.startswith(prefix + ".")
    )
    assert loaded == []
