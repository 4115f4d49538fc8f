"""What the window's start imports: file formats, migrations and command code wait for first use.

A real ``python -m mentordesk`` process (offscreen, ``MENTORDESK_EXIT_AFTER_SHOW=1``) on a
database that is already up to date and holds a trainee, listing every module it imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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

LIST_MODULES = """
import builtins, runpy, sys
sys.argv = ["mentordesk", "--db", sys.argv[1]]
say = builtins.print
def print(*args, **kwargs):
    # At the moment the window reports itself shown: was the store's library loaded yet?
    if args and str(args[0]).startswith("shown "):
        say("sqlalchemy at shown:", "sqlalchemy" in sys.modules, flush=True)
    say(*args, **kwargs)
builtins.print = print
try:
    runpy.run_module("mentordesk", run_name="__main__")
except SystemExit:
    pass
print("modules", " ".join(sorted(sys.modules)), flush=True)
"""


def _start(tmp_path: Path) -> list[str]:
    """What a window start on a database holding a trainee printed."""
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


def test_window_start_leaves_file_and_command_modules_unimported(tmp_path: Path) -> None:
    lines = _start(tmp_path)
    modules = next(line for line in lines if line.startswith("modules ")).split()[1:]
    loaded = sorted(
        m for m in modules for prefix in NOT_AT_START if m == prefix or m.startswith(prefix + ".")
    )
    assert loaded == []
