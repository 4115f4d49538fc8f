"""Working through many rows at once without the cycle collector scanning them over and over."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import repeat
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

# SQLAlchemy's storage format of a date on SQLite: the ISO text ``date.isoformat`` writes.
ISO_DATE = "%(year)04d-%(month)02d-%(day)02d"

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


def insert_groups(
    session: Session,
    table: Table,
    varying: Sequence[str],
    shared: Sequence[str],
    groups: Iterable[tuple[tuple[Any, ...], list[tuple[Any, ...]]]],
) -> None:
    """Insert many rows that come in groups sharing most of their values: each group is its
    ``shared`` columns' values and the rows of its ``varying`` columns' values.

    A group's shared values are converted by the dialect once, each distinct varying value
    once, and the rows put together column by column: a plan's sessions share all but their
    UID and date with the other sessions of their slot of the week.
    """
    groups = [(values, rows) for values, rows in groups if rows]
    if not groups:
        return
    conn = session.connection()
    dialect = conn.dialect
    columns = [*varying, *shared]
    compiled = insert(table).compile(dialect=dialect, column_keys=columns)
    names = list(compiled.positiontup or ()) if compiled.positional else columns

    def processor(name: str) -> Any:
        process = table.c[name].type._cached_bind_processor(dialect)
        impl = table.c[name].type.dialect_impl(dialect)
        if process is not None and getattr(impl, "_storage_format", None) == ISO_DATE:
            # SQLite keeps a date as its ISO text: ``date.isoformat`` writes that text without
            # SQLAlchemy's formatting value by value (a plan has a thousand dates).
            return date.isoformat
        return process

    bound: dict[str, dict[Any, Any]] = {}
    for n, name in enumerate(varying):
        process = processor(name)
        if process is not None:
            distinct = {row[n] for _values, rows in groups for row in rows}
            bound[name] = {raw: None if raw is None else process(raw) for raw in distinct}
    shared_processors = [processor(name) for name in shared]
    params: list[Any] = []
    for values, rows in groups:
        by_name: dict[str, Any] = {}
        for name, process, raw in zip(shared, shared_processors, values, strict=True):
            by_name[name] = repeat(raw if process is None or raw is None else process(raw))
        for name, column in zip(varying, zip(*rows, strict=True), strict=True):
            by_name[name] = map(bound[name].__getitem__, column) if name in bound else column
        # Shared columns repeat without end: the rows' own columns say how many there are.
        together = zip(*(by_name[name] for name in names), strict=False)
        if compiled.positional:
            params += together
        else:
            params += [dict(zip(names, row, strict=True)) for row in together]
    conn.exec_driver_sql(compiled.string, params)
