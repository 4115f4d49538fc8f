"""Inserting many new rows at once: one statement executed for all, values bound once.

A plant's roster is tens of thousands of rows, too many for one ORM flush per row.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


def insert_many(
    session: Session,
    table: Table,
    keys: tuple[str, ...],
    rows: Sequence[tuple[object, ...]],
    same: dict[str, object],
) -> None:
    """``INSERT`` of many rows through the driver's executemany, binding the values as the
    columns' SQLAlchemy types would: the values every row shares are converted once, not per
    row, and only varying columns whose type needs it (JSON) row by row. SQLAlchemy's own
    executemany spends longer preparing many rows than SQLite takes to store them."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = keys + tuple(same)

    def processor(key: str) -> Any:
        return table.c[key].type.dialect_impl(dialect).bind_processor(dialect)

    fixed = []
    for key, value in same.items():
        process = processor(key)
        fixed.append(process(value) if process else value)
    tail = tuple(fixed)
    compiled = table.insert().compile(dialect=dialect, column_keys=list(names))
    if set(compiled.params) != set(names):  # a column default would be left out: SQLAlchemy's way
        connection.execute(
            table.insert(), [dict(zip(names, (*r, *tail), strict=True)) for r in rows]
        )
        return
    converting = [(n, process) for n, key in enumerate(keys) if (process := processor(key))]
    params: list[Any]
    if converting:
        # Column by column: one comprehension per converted column, not a loop per row.
        by_column: list[Sequence[Any]] = list(zip(*rows, strict=True))
        for n, process in converting:
            by_column[n] = [process(value) for value in by_column[n]]
        params = [row + tail for row in zip(*by_column, strict=True)]
    else:
        params = [tuple(row) + tail for row in rows]
    if compiled.positional:
        order = [names.index(name) for name in compiled.positiontup or ()]
        if order != list(range(len(names))):
            pick = itemgetter(*order) if len(order) > 1 else lambda row: (row[order[0]],)
            params = list(map(pick, params))
    else:
        params = [dict(zip(names, row, strict=True)) for row in params]
    connection.exec_driver_sql(compiled.string, params)


# Each byte through these tables: the version (4) and the RFC 4122 variant bits set.
_VERSION = bytes(b & 0x0F | 0x40 for b in range(256))
_VARIANT = bytes(b & 0x3F | 0x80 for b in range(256))
# The hex digits of each dash-separated group of a UUID's text.
_GROUPS = ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32))


def new_uids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs as text, as ``new_uid`` makes them, from one read of
    the system's random source, not one ``uuid.uuid4()`` call (and read) per row.

    The text is laid out by strided slices (each digit position of every UUID at once), not
    formatted UUID by UUID: a plan makes thousands of sessions at once."""
    if count <= 0:
        return []
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = raw[6::16].translate(_VERSION)
    raw[8::16] = raw[8::16].translate(_VARIANT)
    digits = raw.hex().encode()
    text = bytearray(b"-" * (37 * count))
    text[36::37] = b"\n" * count
    at = 0
    for first, last in _GROUPS:
        for k in range(first, last):
            text[at + k - first :: 37] = digits[k::32]
        at += last - first + 1
    return text[:-1].decode().split("\n")
