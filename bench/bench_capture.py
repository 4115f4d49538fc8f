"""Shop-floor capture on the five-year database: the real Today area, driven by keys offscreen.

Measured on a copy of the dataset (marks are written), in this process:

- keypress to committed row and repainted roster: ``QTest.keyClick`` on the roster, then Qt
  events until the model shows the mark (the service has committed by then) and the view has
  painted; baseline: a bare SQLite ``INSERT`` + ``COMMIT`` of one row on the same file, with the
  store's own pragmas (WAL, synchronous=FULL);
- a level typed in the rating grid, the same way;
- opening a session of about 40 trainees until its roster is on screen; baseline: a bare
  ``SELECT`` of the same roster rows;
- building the session's rating grid when its tab is shown. The area builds the tab's panel a
  moment after it is made with an open store, as it does in the window once the store is open
  (``TodayArea.prepare_later``); the first showing in the run comes after that, as a person's
  first switch to the tab does.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from mentordesk.core.database import backup_sqlite
from mentordesk.core.models import Cohort, WorkshopSession
from mentordesk.core.store import Store
from mentordesk.core.workshop_sessions import (
    SessionView,
    copy_session,
    expected_trainees,
    list_recent_sessions,
)

from .figures import Figure

# A mark or a level shows within a frame at 60 Hz as a rule, and within two nearly always.
MARK_MS = 16.0
MARK_P95_MS = 33.0
OPEN_MS = 150.0
ROSTER_SIZE = 40


def _ms(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _pick_sessions(store: Store) -> list[SessionView]:
    """The latest two sessions of the cohort whose roster is nearest 40 trainees."""
    with store.read() as s:
        latest = s.execute(
            select(Cohort.uid, func.max(WorkshopSession.held_on))
            .join(WorkshopSession, WorkshopSession.cohort_id == Cohort.id)
            .where(WorkshopSession.deleted.is_(False))
            .group_by(Cohort.id)
            .order_by(func.max(WorkshopSession.held_on).desc())
            .limit(30)
        ).all()
    best: tuple[int, list[SessionView]] | None = None
    for cohort_uid, _ in latest:
        sessions = list_recent_sessions(store, 2, cohort_uid=cohort_uid)
        if len(sessions) < 2:
            continue
        size = len(expected_trainees(store, sessions[0].uid))
        if best is None or abs(size - ROSTER_SIZE) < abs(best[0] - ROSTER_SIZE):
            best = (size, sessions)
    if best is None:
        raise RuntimeError("the dataset has no cohort with two sessions")
    return best[1]


def _bare_insert(path: Path, repeats: int) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE IF NOT EXISTS bench_scratch (n INTEGER, text TEXT)")
        samples = []
        for n in range(repeats):
            began = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute("INSERT INTO bench_scratch VALUES (?, ?)", (n, "present"))
            conn.execute("COMMIT")
            samples.append((time.perf_counter() - began) * 1000)
        conn.execute("DROP TABLE bench_scratch")
        return statistics.median(samples)
    finally:
        conn.close()


def _bare_select(path: Path, session_uid: str, repeats: int) -> float:
    conn = sqlite3.connect(path)
    sql = (
        "SELECT t.uid, t.trainee_id, t.name, a.status, a.minutes_late, a.hours, a.note "
        "FROM workshop_session w JOIN trainee t ON t.cohort_id = w.cohort_id "
        "LEFT JOIN attendance a ON a.trainee_id = t.id AND a.session_id = w.id "
        "WHERE w.uid = ? ORDER BY t.trainee_id"
    )
    try:
        conn.execute(sql, (session_uid,)).fetchall()
        samples = []
        for _ in range(repeats):
            began = time.perf_counter()
            conn.execute(sql, (session_uid,)).fetchall()
            samples.append((time.perf_counter() - began) * 1000)
        return statistics.median(samples)
    finally:
        conn.close()


def _until(app, done: Callable[[], bool], limit_s: float = 5.0) -> None:
    """Run Qt's events until ``done()``, then once more so the view paints what changed."""
    deadline = time.perf_counter() + limit_s
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the view did not show the change within 5 s")
    app.processEvents()


def _figure(name: str, value: float, baseline: float, target_ms: float) -> Figure:
    # The target is on the value; the baseline shows what the disk and SQLite take of it.
    return Figure(
        name,
        value,
        "ms",
        baseline=baseline,
        target=target_ms,
        target_text=f"< {target_ms:.0f} ms",
        absolute=True,
    )


def measure(path: Path, quick: bool) -> list[Figure]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mentordesk.ui.operations import DatabaseWorker
    from mentordesk.ui.today_view import TodayArea

    app = QApplication.instance() or QApplication([])
    store = Store.open(path)
    try:
        old, older = _pick_sessions(store)
        fresh = [copy_session(store, old.uid, old.held_on + timedelta(days=n)) for n in (1, 2, 3)]
        worker = DatabaseWorker(store)
        area = TodayArea(worker)
        area.resize(1280, 800)
        area.show()
        _until(app, lambda: worker.idle)

        # -- opening a session: alternate between two, as a user switching back and forth --
        opens: list[float] = []
        size = 0
        for n in range(8 if quick else 20):
            target = (old, older)[n % 2]
            began = time.perf_counter()
            area.open_session(target.uid)
            _until(
                app,
                lambda t=target: (
                    worker.idle and area.roster.rowCount() > 0 and area.session.uid == t.uid
                ),
            )
            opens.append((time.perf_counter() - began) * 1000)
            size = area.roster.rowCount()
        bare_open = _bare_select(path, old.uid, 20)

        # -- marking: every row of fresh sessions, by single keys --------------------------
        marks: list[float] = []
        keys = ((Qt.Key.Key_P, "present"), (Qt.Key.Key_A, "absent"), (Qt.Key.Key_E, "excused"))
        for session in fresh[: 1 if quick else 3]:
            area.open_session(session.uid)
            _until(app, lambda: worker.idle)
            for key, status in keys[: 1 if quick else 2]:
                table = area.roster_table
                table.setCurrentIndex(area.roster.index(0, 3))
                table.setFocus()
                # The focus and the cursor paint before the person's first keypress, not in it.
                app.processEvents()
                for row in range(area.roster.rowCount()):
                    began = time.perf_counter()
                    QTest.keyClick(table, key)
                    # Committed: the worker has answered, and the row shows what it stored.
                    _until(
                        app,
                        lambda r=row, s=status: worker.idle and area.roster.rows()[r].status == s,
                    )
                    marks.append((time.perf_counter() - began) * 1000)
        bare_insert = _bare_insert(path, 50)

        # -- the rating grid: shown for one session, then another (the first is cold) -------
        grids: list[float] = []
        for n in range(4 if quick else 8):
            area.tabs.setCurrentIndex(0)
            area.open_session(fresh[n % 2].uid)
            _until(app, lambda: worker.idle)
            began = time.perf_counter()
            area.tabs.setCurrentIndex(1)
            _until(
                app,
                lambda u=fresh[n % 2].uid: (
                    area.ratings._loaded_for == u and area.ratings.model.rowCount() > 0
                ),
            )
            grids.append((time.perf_counter() - began) * 1000)
        area.tabs.setCurrentIndex(0)
        area.open_session(fresh[0].uid)
        _until(app, lambda: worker.idle)
        area.tabs.setCurrentIndex(1)
        _until(app, lambda: worker.idle)
        grid = area.ratings.model.grid
        skills = len(grid.skills) if grid else 0
        rates: list[float] = []
        table = area.ratings.table
        table.setCurrentIndex(area.ratings.model.index(0, 1))
        table.setFocus()
        app.processEvents()
        for n in range(min(40 if quick else 120, area.ratings.model.rowCount() * skills)):
            row, column = divmod(n, skills)
            level = 1 + n % 3
            began = time.perf_counter()
            QTest.keyClick(table, getattr(Qt.Key, f"Key_{level}"))
            _until(
                app,
                lambda r=row, c=column + 1, lv=level: (
                    worker.idle and area.ratings.model.cell_at(r, c).level == lv
                ),
            )
            rates.append((time.perf_counter() - began) * 1000)
        area.close()
        area.deleteLater()
        app.processEvents()
        worker.close()
    finally:
        store.close()

    return [
        _figure(
            f"capture: keypress to committed mark + repainted roster, median ({len(marks)} marks)",
            statistics.median(marks),
            bare_insert,
            MARK_MS,
        ),
        _figure(
            "capture: keypress to committed mark + repainted roster, p95",
            _ms(marks, 0.95),
            bare_insert,
            MARK_P95_MS,
        ),
        _figure(
            f"capture: open a {size}-trainee session, roster on screen, median",
            statistics.median(opens),
            bare_open,
            OPEN_MS,
        ),
        _figure(
            f"capture: open a {size}-trainee session, roster on screen, p95",
            _ms(opens, 0.95),
            bare_open,
            OPEN_MS,
        ),
        _figure(
            f"capture: rating grid shown, first time in the run ({size} × {skills} skills)",
            grids[0],
            bare_open,
            OPEN_MS,
        ),
        _figure(
            f"capture: rating grid shown, median ({size} trainees × {skills} skills)",
            statistics.median(grids[1:]),
            bare_open,
            OPEN_MS,
        ),
        _figure(
            f"capture: level typed to committed rating + repainted grid, median ({len(rates)})",
            statistics.median(rates),
            bare_insert,
            MARK_MS,
        ),
        _figure(
            "capture: level typed to committed rating + repainted grid, p95",
            _ms(rates, 0.95),
            bare_insert,
            MARK_P95_MS,
        ),
    ]


def run(dataset: Path | None, quick: bool) -> list[Figure]:
    if dataset is None:
        from .dataset import build_dataset

        dataset = build_dataset(quick=quick)
    if not dataset.is_file() or dataset.stat().st_size == 0:
        # Checked first: opening a missing path would create an empty database there.
        raise FileNotFoundError(
            f"{dataset}: no dataset there (build it with python -m bench.dataset)"
        )
    with tempfile.TemporaryDirectory(prefix="bench-capture-") as folder:
        # Marks are written: work on a copy, never on the dataset the other benchmarks share.
        copy = Path(folder) / "capture.db"
        backup_sqlite(dataset, copy)
        return measure(copy, quick)


if __name__ == "__main__":
    for f in run(None, "--quick" in sys.argv):
        print(f"{f.figure}: {f.value:.2f} {f.unit} (baseline {f.baseline:.3f}, met: {f.met})")
