"""The queries a mentor waits on, on the five-year database, with their query plans checked.

Each is timed warm (median of several runs, the first one discarded) and every SQL statement it
sends is run again under ``EXPLAIN QUERY PLAN``: a full scan of attendance, skill_rating or note
(table or whole index) is a failed figure, since an index can always serve these screens.

The baseline of each is the same statements with the same values, run through plain ``sqlite3``
and fetched whole, in the same rounds: what any Python program reading those rows spends. An
interactive query must stay under 50 ms (what a user feels as instant) and within 3× its own
statements; the whole-plant Summary, an export's first sheet and not a screen, within 2× its
statements. The ratio separates MentorDesk's share from the host's, whose speed on a shared
machine comes and goes (the baseline moves with it).

Beside the whole-plant Summary, the same Summary with its figures left unread (each trainee's
row built from zeros) is timed without a target: what listing 2,000 trainees costs before any
figure is added up.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest.mock import patch

from sqlalchemy import event, func, select

from mentordesk.core.models import Attendance, Cohort, Trainee, WorkshopSession
from mentordesk.core.store import Store
from mentordesk.core.summary import PeriodFigures, period_figures
from mentordesk.core.trainees import list_trainees

from .figures import Figure

BIG_TABLES = ("attendance", "skill_rating", "note")
TARGET_MS = 50.0
TARGET_RATIO = 3.0
TARGET = {
    "target": TARGET_RATIO,
    "ceiling": TARGET_MS,
    "target_text": f"< {TARGET_MS:.0f} ms and <= {TARGET_RATIO:.0f}x plain",
}
WHOLE_PLANT = "export Summary, all cohorts, latest year"
WHOLE_PLANT_TARGET = {"target": 2.0, "target_text": "<= 2x plain"}
# Untargeted (see the module's docstring).
FLOOR = "export Summary, all cohorts, latest year: its rows alone, figures not read"


@contextmanager
def captured(store: Store) -> Iterator[list[tuple[str, object]]]:
    """Every statement sent to the database inside the block, with its parameters."""
    statements: list[tuple[str, object]] = []

    def before(conn, cursor, statement, parameters, context, executemany) -> None:
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def full_scans(store: Store, statements: list[tuple[str, object]]) -> list[str]:
    """Plan lines that read a whole big table or a whole index of one."""
    found = []
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        for statement, parameters in statements:
            for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters or ()):
                detail = row[-1]
                words = detail.split()
                if len(words) >= 2 and words[0] == "SCAN" and words[1] in BIG_TABLES:
                    found.append(detail)
    return found


def plain(raw: sqlite3.Connection, statements: list[tuple[str, object]]) -> Callable[[], object]:
    """The statements run through the driver alone, in one transaction as ``Store.read`` does."""

    def go() -> object:
        raw.execute("BEGIN")
        try:
            return [raw.execute(sql, parameters or ()).fetchall() for sql, parameters in statements]
        finally:
            raw.execute("ROLLBACK")

    return go


def timed(ops: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median wall time in ms of each operation, after one warm-up run of each.

    The operations take turns, round after round: on a shared machine whose speed comes and
    goes for seconds at a time, a slow spell then falls on every figure alike, not wholly on
    whichever was being timed.
    """
    samples: dict[str, list[float]] = {name: [] for name in ops}
    for fn in ops.values():
        fn()
    for _ in range(repeats):
        for name, fn in ops.items():
            began = time.perf_counter()
            fn()
            samples[name].append((time.perf_counter() - began) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def _subjects(store: Store) -> dict:
    """The busiest cohort's last full year, its busiest trainee, and the latest year overall."""
    with store.read() as s:
        cohort_id, n = s.execute(
            select(Trainee.cohort_id, func.count())
            .group_by(Trainee.cohort_id)
            .order_by(func.count().desc())
        ).first()
        cohort = s.get(Cohort, cohort_id)
        last = s.scalar(
            select(func.max(WorkshopSession.held_on)).where(WorkshopSession.cohort_id == cohort_id)
        )
        ids = list(s.scalars(select(Trainee.id).where(Trainee.cohort_id == cohort_id)))
        busiest = s.execute(
            select(Trainee.uid, func.count())
            .join(Attendance, Attendance.trainee_id == Trainee.id)
            .where(Trainee.cohort_id == cohort_id)
            .group_by(Trainee.id)
            .order_by(func.count().desc())
            .limit(1)
        ).first()[0]
        latest = s.scalar(select(func.max(WorkshopSession.held_on)))
    year_end = last
    year_start = date(last.year - 1, last.month, 1)
    return {
        "cohort": cohort.name,
        "cohort_size": n,
        "cohort_ids": ids,
        "year": (year_start, year_end),
        "trainee_uid": busiest,
        "latest_year": (date(latest.year - 1, latest.month, latest.day), latest),
    }


def _operations(store: Store, sub: dict) -> dict[str, Callable[[], object]]:
    def cohort_summary() -> object:
        with store.read() as s:
            return period_figures(s, sub["cohort_ids"], *sub["year"])

    ops: dict[str, Callable[[], object]] = {
        "trainee list (all)": lambda: list_trainees(store),
        "trainee list (search)": lambda: list_trainees(store, "王"),
        "trainee list (pinyin search)": lambda: list_trainees(store, "wangw"),
        f"cohort attendance summary, one year ({sub['cohort_size']} trainees)": cohort_summary,
    }
    try:
        from mentordesk.core.trainee_record import trainee_record
    except ImportError:
        pass
    else:
        ops["trainee record, all years"] = lambda: trainee_record(store, sub["trainee_uid"])
        ops["trainee record, one year"] = lambda: trainee_record(
            store, sub["trainee_uid"], *sub["year"]
        )
    try:
        from mentordesk.core.export_rows import ExportRows
        from mentordesk.core.export_scope import ExportScope
    except ImportError:
        pass
    else:

        def export_summary(scope) -> Callable[[], object]:
            def go() -> object:
                with store.read() as s:
                    return list(ExportRows(s, scope).summary())

            return go

        ops["export Summary, one cohort, one year"] = export_summary(
            ExportScope(sub["cohort"], *sub["year"])
        )
        whole_plant = ExportScope("", *sub["latest_year"])
        ops[WHOLE_PLANT] = export_summary(whole_plant)

        def rows_alone() -> object:
            zero = PeriodFigures()
            with patch(
                "mentordesk.core.export_rows.period_figures",
                lambda _s, ids, *_a, **_k: dict.fromkeys(ids, zero),
            ):
                return export_summary(whole_plant)()

        ops[FLOOR] = rows_alone
    return ops


def run(dataset: Path | None, quick: bool) -> list[Figure]:
    if dataset is None:
        from .dataset import build_dataset

        dataset = build_dataset(quick=quick)
    store = Store.open(dataset)
    figures: list[Figure] = []
    scans: list[str] = []
    try:
        sub = _subjects(store)
        ops = _operations(store, sub)
        found: dict[str, list[str]] = {}
        # Each operation next to its baseline, in every round. The baseline's connection is held
        # out of the pool for the run, so that it is never the one an operation reads through.
        paired: dict[str, Callable[[], object]] = {}
        held = store.engine.raw_connection()
        try:
            for name, op in ops.items():
                with captured(store) as statements:
                    op()
                found[name] = full_scans(store, statements)
                scans += [f"{name}: {line}" for line in found[name]]
                paired[name] = op
                paired[f"plain {name}"] = plain(held.dbapi_connection, statements)
            ms = timed(paired, 5 if quick else 15)
        finally:
            held.close()
        for name in ops:
            figures.append(
                Figure(
                    f"query: {name}" + (" [FULL SCAN]" if found[name] else ""),
                    ms[name],
                    "ms",
                    baseline=ms[f"plain {name}"],
                    **{FLOOR: {}, WHOLE_PLANT: WHOLE_PLANT_TARGET}.get(name, TARGET),
                )
            )
    finally:
        store.close()
    for line in scans:
        print(f"full scan: {line}", file=sys.stderr)
    figures.append(
        Figure(
            "query plans: full scans of big tables", len(scans), "scans", target=0, target_text="0"
        )
    )
    return figures


if __name__ == "__main__":
    for f in run(None, "--quick" in sys.argv):
        print(f"{f.figure}: {f.value:.2f} {f.unit} (met: {f.met})")
