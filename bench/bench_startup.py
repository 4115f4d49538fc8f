"""Start-up: a new ``python -m mentordesk`` process until its main window is shown and usable.

Measured from the parent, from launching the process to the lines the application prints under
``MENTORDESK_EXIT_AFTER_SHOW=1`` (so interpreter start and every import count): ``shown`` when
the main window is on screen, ``ready`` when the store is open and Today's roster can be marked.
Both against a bare PySide6 program showing an empty QMainWindow the same way: the window
within 1.5× of it, the usable roster within 4×. A third program, the floor, shows the same
bare window and then does only what the roster cannot go without: it imports the store,
opens it and reads Today's sessions and roster through the same service call
(``read_sessions``), on its one thread. It has no target; it tells how much of the usable
roster any PySide6 program pays for SQLAlchemy, the models and the first queries. The three
run offscreen, several times each, interleaved; the median counts. The disk cache is warm: dropping it needs
root, and a desktop's second start of the day is warm too. So is the bytecode: an installed
wheel has its ``.pyc`` files (pip compiles them), but a checkout run with
``PYTHONDONTWRITEBYTECODE=1`` (as in CI) compiles MentorDesk's start-up modules from source on
every start, a cost no installed copy pays. Both programs therefore write and read their
bytecode in a private cache the unmeasured first run fills.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .figures import Figure

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""
FLOOR = """
import gc, sys
gc.disable()  # as MentorDesk's own start-up does (cli.main)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
def shown():
    print("shown", flush=True)
    from mentordesk.core.store import Store
    from mentordesk.ui.today_session import read_sessions
    with Store.open(sys.argv[1]) as store:
        read_sessions(store, None, None)
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""
# Libraries that only file work needs: start-up should not pay for them.
FILE_LIBRARIES = ("reportlab", "openpyxl", "pyhanko", "cryptography", "qrcode", "alembic")
TIMEOUT = 120


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        MENTORDESK_EXIT_AFTER_SHOW="1",
        MENTORDESK_DATA_DIR=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPYCACHEPREFIX=str(home / "pycache"),
    )
    env.pop("MENTORDESK_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_to_shown(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching the process to its ``shown`` line and to its ``ready`` line (the
    bare window prints only the first: the same figure twice); the process is then reaped."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    took = ready = None
    for line in proc.stdout:
        if line.startswith("shown"):
            took = time.perf_counter() - began
        elif line.startswith("ready"):
            ready = time.perf_counter() - began
            break
    try:
        _, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if took is None or proc.returncode != 0:
        tail = " | ".join(err.strip().splitlines()[-3:])
        raise RuntimeError(f"{' '.join(argv[-3:])}: exit {proc.returncode}, never shown: {tail}")
    return took, ready if ready is not None else took


def import_times(dataset: Path, env: dict[str, str]) -> dict[str, float]:
    """Import time (ms) the start-up spends in each top-level package, its own modules only."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mentordesk", "--db", str(dataset)],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )
    totals: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+)\s+\|\s+\d+\s+\|\s*(\S+)", line)
        if match:
            top = match[2].split(".")[0]
            totals[top] = totals.get(top, 0.0) + int(match[1]) / 1000
    return totals


def run(dataset: Path | None, quick: bool) -> list[Figure]:
    if dataset is None:
        from .dataset import build_dataset

        dataset = build_dataset(quick=quick)
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        app = [sys.executable, "-m", "mentordesk", "--db", str(dataset)]
        bare = [sys.executable, "-c", BARE]
        floor = [sys.executable, "-c", FLOOR, str(dataset)]
        # One unmeasured run of each fills the disk cache and writes first-run settings.
        for program in (app, bare, floor):
            time_to_shown(program, env)
        app_times, ready_times, bare_times, floor_times = [], [], [], []
        for _ in range(repeats):
            shown, ready = time_to_shown(app, env)
            app_times.append(shown)
            ready_times.append(ready)
            bare_times.append(time_to_shown(bare, env)[0])
            floor_times.append(time_to_shown(floor, env)[1])
        imports = import_times(dataset, env)
    app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
    size = dataset.stem.split("-")[1]
    figures = [
        Figure(
            f"start-up: main window on screen ({size} db)",
            app_s,
            "s",
            baseline=bare_s,
            target=1.5,
            target_text="<= 1.5x bare window",
        ),
        Figure(
            f"start-up: Today's roster usable ({size} db)",
            statistics.median(ready_times),
            "s",
            baseline=bare_s,
            target=4.0,
            target_text="<= 4x bare window",
        ),
        Figure(
            f"start-up floor: bare window, then store opened and roster read ({size} db)",
            statistics.median(floor_times),
            "s",
            baseline=bare_s,
        ),
    ]
    heaviest = sorted(imports.items(), key=lambda kv: -kv[1])[:10]
    figures += [
        Figure(f"start-up import (window and store): {name}", ms, "ms") for name, ms in heaviest
    ]
    loaded = sorted(lib for lib in FILE_LIBRARIES if lib in imports)
    figures.append(
        Figure(
            "file-format libraries imported at start-up"
            + (f" ({', '.join(loaded)})" if loaded else ""),
            len(loaded),
            "modules",
            target=0,
            target_text="0",
        )
    )
    return figures


if __name__ == "__main__":
    for f in run(None, "--quick" in sys.argv):
        ratio = f" ×{f.ratio:.2f} of {f.baseline:.3f}" if f.ratio else ""
        print(f"{f.figure}: {f.value:.3f} {f.unit}{ratio} (met: {f.met})")
