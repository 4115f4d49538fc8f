"""Backing up, restoring and checking the SQLite store."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from . import attendance_totals
from .database import (
    backup_sqlite,
    current_revision,
    head_revision,
    make_engine,
    sqlite_path,
    to_url,
)
from .errors import UserError
from .store import Store


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: list[str]
    schema: str | None


def _require_sqlite(store: Store) -> Path:
    if store.path is None:
        raise UserError("Backup and restore work on a SQLite file; use pg_dump for PostgreSQL")
    return store.path


def backup(store: Store, target: Path) -> Path:
    """A consistent copy of the open database, even while it is in use."""
    source = _require_sqlite(store)
    target = Path(target).expanduser()
    if target.resolve() == source.resolve():
        raise UserError(f"{target}: the backup must not overwrite the database itself")
    if not target.parent.is_dir():
        raise UserError(f"{target.parent}: folder does not exist")
    backup_sqlite(source, target)
    return target


def _check_file(path: Path) -> list[str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"{path}: not a readable SQLite database ({exc})"]
    problems = [] if rows == ["ok"] else rows
    problems += [
        f"{table} row {rowid}: broken reference to {parent}" for table, rowid, parent, _ in fk
    ]
    return problems


def restore(store_target: str, source: Path) -> Path:
    """Replace the database with a backup, after checking the backup is sound and not newer.

    The current file is kept beside it as ``<name>.before-restore.db``.
    """
    source = Path(source).expanduser()
    if not source.is_file():
        raise UserError(f"{source}: no such file")
    problems = _check_file(source)
    if problems:
        raise UserError(f"{source}: not a sound MentorDesk backup: {problems[0]}")
    probe = make_engine(to_url(source))
    try:
        revision = current_revision(probe)
    finally:
        probe.dispose()
    if revision is None:
        raise UserError(f"{source}: not a MentorDesk database")
    dest = sqlite_path(to_url(store_target))
    if dest is None:
        raise UserError("Restore works on a SQLite file; use pg_restore for PostgreSQL")
    if dest.exists():
        backup_sqlite(dest, dest.with_name(dest.stem + ".before-restore.db"))
    staged = dest.with_name(dest.name + ".restoring")
    backup_sqlite(source, staged)
    for suffix in ("-wal", "-shm"):
        Path(str(dest) + suffix).unlink(missing_ok=True)
    staged.replace(dest)
    # Upgrades an older backup to this version's schema (with its own backup first).
    Store.open(dest).close()
    return dest


def check_target(target: str, repair: bool = False) -> CheckReport:
    """Like ``check``, but reports a damaged file instead of failing to open it."""
    path = sqlite_path(to_url(target))
    if path is not None:
        if not path.exists():
            raise UserError(f"{path}: no such database")
        problems = _check_file(path)
        if problems:
            return CheckReport(False, problems, None)
    store = Store.open(target)
    try:
        if repair:
            repair_totals(store)
        return check(store)
    finally:
        store.close()


def repair_totals(store: Store) -> None:
    """Recompute what the database derives from the records (the attendance totals)."""
    with store.write() as s:
        attendance_totals.rebuild(s)


def check(store: Store) -> CheckReport:
    """Integrity and foreign keys (SQLite), the schema version, and the derived attendance
    totals against the records, as a report."""
    problems: list[str] = []
    if store.path is not None:
        problems += _check_file(store.path)
    else:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    schema = current_revision(store.engine)
    if schema != head_revision():
        problems.append(f"schema {schema} is not this version's {head_revision()}")
    else:
        with store.read() as s:
            problems += attendance_totals.drift(s)
    return CheckReport(not problems, problems, schema)
