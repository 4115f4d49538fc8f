"""The work-study calendar on the shared dataset, each figure against a same-run baseline.

- Making a five-year plan's sessions for every cohort (``plan_sessions``) against inserting the
  same rows with plain ``sqlite3`` ``executemany`` in one transaction: alternating rounds,
  each on fresh copies of the planned database, the median of each counting.
- What the expected and unrecorded counts add to the whole-plant Summary of the latest year and
  to the busiest trainee's record: each timed as it is, and with the calendar's functions
  patched out (the same reads without the calendar), in alternating rounds.
- The missing-marks list of the latest four weeks against its statements through plain
  ``sqlite3``.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from unittest.mock import patch

from sqlalchemy import func, select

from mentordesk.core.calendar_plan import lay_out_plan
from mentordesk.core.expected import missing_marks
from mentordesk.core.export_rows import ExportRows
from mentordesk.core.export_scope import ExportScope
from mentordesk.core.models import Attendance, Cohort, Trainee, WorkshopSession
from mentordesk.core.session_plan import SlotSpec, plan_many_sessions, set_week
from mentordesk.core.store import Store
from mentordesk.core.trainee_record import trainee_record

from .bench_queries import captured, plain, timed
from .figures import Figure

SESSION_COLUMNS = (
    "uid", "updated_at", "origin_device", "deleted", "held_on", "start_time", "end_time",
    "location", "module", "task", "mentor_id", "cohort_id", "planned", "cancelled",
)  # fmt: skip


def _copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _plan_everything(store: Store) -> list[str]:
    """A five-year alternation and a week template for every cohort (its dates stretched to
    five years where shorter: the figure is about a five-year plan)."""
    with store.write() as s:
        cohorts = s.scalars(select(Cohort)).all()
        for cohort in cohorts:
            cohort.start_date = cohort.start_date or date(2021, 9, 1)
            cohort.end_date = cohort.start_date + timedelta(days=5 * 365)
        plans = [(c.name, c.start_date, c.end_date) for c in cohorts]
    names = []
    for name, first, end in plans:
        lay_out_plan(store, name, start=first, end=end, pattern="3w school, 1w plant")
        set_week(
            store, name, [SlotSpec(d, clock(13), clock(17), "Bay 1", "Plan") for d in range(5)]
        )
        names.append(name)
    return names


def _generation(dataset: Path, work: Path, rounds: int) -> Figure:
    """Alternating rounds, each on fresh copies: one call lasts a few tens of milliseconds, so
    a single pair would be decided by whatever the machine did at that moment."""
    planned = work / "planned.db"
    _copy(dataset, planned)
    store = Store.open(planned)
    try:
        names = _plan_everything(store)
    finally:
        store.close()
    ours_ms: list[float] = []
    plain_ms: list[float] = []
    added = 0
    for n in range(rounds):
        ours, theirs = work / f"ours-{n}.db", work / f"theirs-{n}.db"
        _copy(planned, ours)
        _copy(planned, theirs)
        store = Store.open(ours)
        try:
            began = time.perf_counter()
            added = sum(len(c.added) for c in plan_many_sessions(store, names))
            ours_ms.append((time.perf_counter() - began) * 1000)
        finally:
            store.close()
        conn = sqlite3.connect(ours)
        rows = conn.execute(
            f"SELECT {', '.join(SESSION_COLUMNS)} FROM workshop_session WHERE planned = 1"
        ).fetchall()
        conn.close()
        raw = sqlite3.connect(theirs, isolation_level=None)
        raw.execute("PRAGMA synchronous=FULL")
        began = time.perf_counter()
        raw.execute("BEGIN")
        raw.executemany(
            f"INSERT INTO workshop_session ({', '.join(SESSION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(SESSION_COLUMNS))})",
            rows,
        )
        raw.execute("COMMIT")
        plain_ms.append((time.perf_counter() - began) * 1000)
        raw.close()
        ours.unlink()
        theirs.unlink()
    ours_s, plain_s = statistics.median(ours_ms) / 1000, statistics.median(plain_ms) / 1000
    return Figure(
        f"calendar: plan sessions, every cohort, five years ({added:,} sessions)",
        ours_s * 1000,
        "ms",
        baseline=plain_s * 1000,
        target=2.0,
        target_text="<= 2x executemany",
    )


def _without_calendar(op: Callable[[], object]) -> Callable[[], object]:
    def go() -> object:
        with (
            patch("mentordesk.core.export_rows.expectations", lambda *a, **k: {}),
            patch("mentordesk.core.export_rows.planned_hours", lambda *a, **k: None),
            patch("mentordesk.core.trainee_record.expectations", lambda *a, **k: {}),
            patch("mentordesk.core.trainee_record.planned_hours", lambda *a, **k: None),
            patch("mentordesk.core.trainee_record.unrecorded_sessions", lambda *a, **k: []),
        ):
            return op()

    return go


def _overheads(store: Store, quick: bool) -> list[Figure]:
    with store.read() as s:
        latest = s.scalar(select(func.max(WorkshopSession.held_on)))
        busiest = s.execute(
            select(Trainee.uid)
            .join(Attendance, Attendance.trainee_id == Trainee.id)
            .group_by(Trainee.id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar()
    year = (date(latest.year - 1, latest.month, latest.day), latest)

    def summary() -> object:
        with store.read() as s:
            return list(ExportRows(s, ExportScope("", *year)).summary())

    def record() -> object:
        return trainee_record(store, busiest)

    ops = {
        "summary": summary,
        "summary before": _without_calendar(summary),
        "record": record,
        "record before": _without_calendar(record),
    }
    ms = timed(ops, 5 if quick else 11)
    target = {"target": 1.3, "target_text": "<= 1.3x before"}
    return [
        Figure(
            "calendar: whole-plant Summary with expected/unrecorded vs without",
            ms["summary"], "ms", baseline=ms["summary before"], **target,
        ),
        Figure(
            "calendar: trainee record, all years, with expected/unrecorded vs without",
            ms["record"], "ms", baseline=ms["record before"], **target,
        ),
    ]  # fmt: skip


def _missing(store: Store, quick: bool) -> Figure:
    with store.read() as s:
        latest = s.scalar(select(func.max(WorkshopSession.held_on)))
    since = latest - timedelta(days=28)

    def op() -> object:
        return missing_marks(store, since=since, as_of=latest)

    held = store.engine.raw_connection()
    try:
        with captured(store) as statements:
            listed = op()
        ms = timed(
            {"ours": op, "plain": plain(held.dbapi_connection, statements)}, 5 if quick else 15
        )
    finally:
        held.close()
    return Figure(
        f"calendar: missing marks, latest four weeks ({len(listed)} sessions)",
        ms["ours"],
        "ms",
        baseline=ms["plain"],
        target=2.0,
        target_text="<= 2x plain sqlite3",
    )


def run(dataset: Path | None, quick: bool) -> list[Figure]:
    if dataset is None:
        from .dataset import build_dataset

        dataset = build_dataset(quick=quick)
    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-calendar-") as work:
        figures.append(_generation(dataset, Path(work), 1 if quick else 5))
    with Store.open(dataset) as store:
        figures += _overheads(store, quick)
        figures.append(_missing(store, quick))
    return figures


if __name__ == "__main__":
    for f in run(None, "--quick" in sys.argv):
        print(f"{f.figure}: {f.value:.2f} {f.unit} vs {f.baseline} (met: {f.met})")
