"""Backing up, restoring and checking the SQLite store."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from . import attendance_totals, latest_ratings
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
from .wording import user_text


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: list[str]
    schema: str | None


def _require_sqlite(store: Store) -> Path:
    if store.path is None:
        raise UserError(
            user_text(
                "Backup", "Backup and restore work on a SQLite file; use pg_dump for PostgreSQL"
            )
        )
    return store.path


def backup(store: Store, target: Path) -> Path:
    """A consistent copy of the open database, even while it is in use."""
    source = _require_sqlite(store)
    target = Path(target).expanduser()
    if target.resolve() == source.resolve():
        raise UserError(
            user_text(
                "Backup", "{target}: the backup must not overwrite the database itself"
            ).format(target=target)
        )
    if not target.parent.is_dir():
        raise UserError(
            user_text("Backup", "{folder}: folder does not exist").format(folder=target.parent)
        )
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
        return [
            user_text("Backup", "{path}: not a readable SQLite database ({error})").format(
                path=path, error=str(exc)
            )
        ]
    problems: list[str] = [] if rows == ["ok"] else rows
    problems += [
        user_text("Backup", "{table} row {row}: broken reference to {parent}").format(
            table=table, row=rowid, parent=parent
        )
        for table, rowid, parent, _ in fk
    ]
    return problems


def restore(store_target: str, source: Path) -> Path:
    """Replace the database with a backup, after checking the backup is sound and not newer.

    The current file is kept beside it as ``<name>.before-restore.db``.
    """
    source = Path(source).expanduser()
    if not source.is_file():
        raise UserError(user_text("Backup", "{file}: no such file").format(file=source))
    problems = _check_file(source)
    if problems:
        raise UserError(
            user_text("Backup", "{file}: not a sound MentorDesk backup: {problem}").format(
                file=source, problem=problems[0]
            )
        )
    probe = make_engine(to_url(source))
    try:
        revision = current_revision(probe)
    finally:
        probe.dispose()
    if revision is None:
        raise UserError(
            user_text("Backup", "{file}: not a MentorDesk database").format(file=source)
        )
    dest = sqlite_path(to_url(store_target))
    if dest is None:
        raise UserError(
            user_text("Backup", "Restore works on a SQLite file; use pg_restore for PostgreSQL")
        )
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
            raise UserError(user_text("Backup", "{file}: no such database").format(file=path))
        problems = _check_file(path)
        if problems:
            return CheckReport(False, problems, None)
    store = Store.open(target)
    try:
        if repair:
            repair_totals(store)
        # The file passed integrity_check a moment ago (a 5-year file takes ~13 s of it).
        return check(store, file_checked=path is not None)
    finally:
        store.close()


def repair_totals(store: Store) -> None:
    """Recompute what the database derives from the records (the attendance totals and each
    trainee's latest rating of each skill)."""
    with store.write() as s:
        attendance_totals.rebuild(s)
        latest_ratings.rebuild(s)


def check(store: Store, *, file_checked: bool = False) -> CheckReport:
    """Integrity and foreign keys (SQLite; unless ``file_checked``), the schema version, and
    what the database derives (attendance totals, latest ratings) against the records."""
    problems: list[str] = []
    if store.path is not None:
        if not file_checked:
            problems += _check_file(store.path)
    else:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    schema = current_revision(store.engine)
    if schema != head_revision():
        problems.append(
            user_text("Backup", "schema {schema} is not this version's {head}").format(
                schema=schema, head=head_revision()
            )
        )
    else:
        with store.read() as s:
            problems += attendance_totals.drift(s)
            problems += latest_ratings.drift(s)
    return CheckReport(not problems, problems, schema)
