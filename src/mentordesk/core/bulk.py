"""Working through many rows at once without the cycle collector scanning them over and over."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

# A collection of the youngest objects every this many allocations instead of Python's 700.
BULK_THRESHOLD = 100_000

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, ...] = ()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Reading or importing tens of thousands of rows keeps most of what it makes (a row
    object, its dict, its outcome); with the usual thresholds the cycle collector runs
    every 700 allocations and, as those survive, again over the older generations — a
    large share of a big roster import, and none of it finds garbage (rows hold no cycles).
    Within this block it runs far less often; the usual thresholds come back on leaving. The
    setting is the process's: nested or concurrent blocks restore it when the last one ends."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(BULK_THRESHOLD, *_saved[1:])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved)


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert many rows (tuples in the order of ``columns``), each distinct value converted
    once by the dialect.

    SQLAlchemy converts every value of every row (a date to text on SQLite, a UTC stamp to a
    naive one) before the driver sees it; rows made from a plan share most of their values
    (the same times, the same stamp, a few hundred dates), so each is converted once here and
    the rows go to the driver's ``executemany`` as they are.
    """
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    if compiled.positional:
        order = [list(columns).index(name) for name in compiled.positiontup or ()]
    else:
        order = list(range(len(columns)))
    # Column by column: each distinct value of a column is converted once, and the column
    # mapped through those, rather than a Python call per value of every row.
    by_column: list[Sequence[Any]] = list(zip(*rows, strict=True))
    for n in order:
        process = table.c[columns[n]].type._cached_bind_processor(dialect)
        if process is not None:
            bound = {raw: process(raw) for raw in set(by_column[n]) if raw is not None}
            bound[None] = None
            by_column[n] = list(map(bound.__getitem__, by_column[n]))
    values = list(zip(*(by_column[n] for n in order), strict=True))
    if not compiled.positional:
        names = [columns[n] for n in order]
        conn.exec_driver_sql(compiled.string, [dict(zip(names, v, strict=True)) for v in values])
    else:
        conn.exec_driver_sql(compiled.string, values)
