"""Backing up, restoring and checking the SQLite store."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import text

from . import attendance_totals, latest_ratings, unexpected_marks
from .database import (
    ALEMBIC_DIR,
    backup_sqlite,
    copy_sqlite,
    current_revision,
    head_revision,
)
from .database_file import SCHEMA_HEAD, schema_of, sqlite_path, sqlite_uri, to_url
from .errors import DatabaseInUse, UserError
from .private_files import (
    cannot_write,
    make_private,
    private_folder,
    replace_whole,
    write_whole,
)
from .private_files import check_target as check_writable_target
from .store import Store
from .wording import user_text

SQLITE_HEADER = b"SQLite format 3\x00"


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
    """A consistent copy of the open database, even while it is in use (owner-only, whole)."""
    source = _require_sqlite(store)
    target = Path(target).expanduser()
    if target.resolve() == source.resolve():
        raise UserError(
            user_text(
                "Backup", "{target}: the backup must not overwrite the database itself"
            ).format(target=target)
        )
    check_writable_target(target)
    backup_sqlite(source, target)
    return target


def _check_file(path: Path) -> list[str]:
    try:
        conn = sqlite3.connect(sqlite_uri(path.resolve(), "ro"), uri=True)
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


@dataclass(frozen=True)
class Restored:
    database: Path
    kept: Path | None
    """The database as it was before, in the copies folder (None when there was none)."""


def restore(store_target: str, source: Path) -> Restored:
    """Replace the database with a backup.

    Everything about the backup is checked before anything is touched: a SQLite file, sound,
    a MentorDesk schema this version knows and not a newer one. Refused while another program
    has the database open (its unsaved work would be lost or land in the replaced file). The
    database as it was is kept in the copies folder under a name of its own, so that no
    earlier copy is ever overwritten.
    """
    source = Path(source).expanduser()
    dest = sqlite_path(to_url(store_target))
    if dest is None:
        raise UserError(
            user_text("Backup", "Restore works on a SQLite file; use pg_restore for PostgreSQL")
        )
    if not source.is_file():
        raise UserError(user_text("Backup", "{file}: no such file").format(file=source))
    if dest.exists() and source.resolve() == dest.resolve():
        raise UserError(
            user_text("Backup", "{file}: this is the database itself, not a backup").format(
                file=source
            )
        )
    with open(source, "rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise UserError(
                user_text("Backup", "{file}: not a sound MentorDesk backup: {problem}").format(
                    file=source, problem=user_text("Backup", "not a SQLite database")
                )
            )
    check_writable_target(dest)
    with _staging(dest.parent) as folder:
        staged = folder / dest.name
        _stage(source, staged)
        _check_backup(staged, shown_as=source)
        # Only now, with the backup known to be sound and of a known schema, the database.
        with exclusive_use(dest) as current:
            kept = _keep_copy(current, dest, "before-restore") if current is not None else None
            if os.name == "nt" and isinstance(current, sqlite3.Connection):
                # Windows renames nothing over an open file: let go at the last moment.
                current.close()
            with replace_whole(dest) as partial:
                # The old file's log of changes must not be replayed into the new one.
                for suffix in ("-wal", "-shm"):
                    Path(f"{dest}{suffix}").unlink(missing_ok=True)
                os.replace(staged, partial)
    # Upgrades an older backup to this version's schema (with its own copy first).
    Store.open(dest).close()
    return Restored(dest, kept)


@contextmanager
def _staging(beside: Path) -> Iterator[Path]:
    """An owner-only scratch folder beside the database, gone afterwards whatever happens."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=".restoring-", dir=beside))
    except OSError as exc:
        raise cannot_write(beside, exc) from exc
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stage(source: Path, staged: Path) -> None:
    """The backup's bytes (and its log of changes, if any) folded into one file to check."""
    try:
        shutil.copyfile(source, staged)
        wal = Path(f"{source}-wal")
        if wal.exists():
            shutil.copyfile(wal, f"{staged}-wal")
    except OSError as exc:
        raise cannot_write(staged.parent, exc) from exc
    try:
        conn = sqlite3.connect(sqlite_uri(staged, "rw"), uri=True)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "full" in str(exc):
            raise cannot_write(staged.parent, OSError(errno.ENOSPC, str(exc))) from exc
        raise UserError(
            user_text("Backup", "{file}: not a sound MentorDesk backup: {problem}").format(
                file=source, problem=str(exc)
            )
        ) from exc


def _check_backup(path: Path, shown_as: Path) -> None:
    problems = _check_file(path)
    if problems:
        raise UserError(
            user_text("Backup", "{file}: not a sound MentorDesk backup: {problem}").format(
                file=shown_as, problem=problems[0]
            )
        )
    _check_schema(path, shown_as=shown_as)


def _check_schema(path: Path, shown_as: Path) -> None:
    revision = schema_of(path)
    if revision is None:
        raise UserError(
            user_text("Backup", "{file}: not a MentorDesk database").format(file=shown_as)
        )
    if revision not in known_revisions():
        raise UserError(
            user_text(
                "Backup",
                "{file}: written by a newer MentorDesk (schema {schema}); this version knows "
                "schemas up to {head}. Nothing was changed.",
            ).format(file=shown_as, schema=revision, head=SCHEMA_HEAD)
        )


@cache
def known_revisions() -> frozenset[str]:
    """Every schema this version can open (and upgrade)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(ALEMBIC_DIR))
    return frozenset(rev.revision for rev in script.walk_revisions())


@contextmanager
def exclusive_use(path: Path) -> Iterator[sqlite3.Connection | Path | None]:
    """Hold the database at ``path`` so that nobody else reads or writes it meanwhile.

    Yields a connection to it (for a consistent copy), the path itself when SQLite cannot
    read it (a damaged file, the very reason to restore), or None when there is no file.
    Refused while another program has it open: MentorDesk keeps it in WAL mode, and leaving
    WAL mode needs every other connection to be closed.
    """
    if not path.exists():
        yield None
        return
    _refuse_if_window_open(path)
    try:
        conn = sqlite3.connect(sqlite_uri(path.resolve(), "rw"), uri=True, timeout=1.0)
    except sqlite3.Error:
        yield path
        return
    conn.isolation_level = None
    try:
        try:
            conn.execute("PRAGMA journal_mode=DELETE").fetchone()
            # A read transaction: others can neither write nor switch it back to WAL.
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _in_use(path) from None
            held: sqlite3.Connection | Path = path
        except sqlite3.DatabaseError:
            held = path
        else:
            held = conn
        yield held
    finally:
        conn.close()


def _in_use(path: Path) -> DatabaseInUse:
    return DatabaseInUse(
        user_text(
            "Backup",
            "{db}: another program has this database open (the MentorDesk window or a "
            "command); close it first, then restore. Nothing was changed.",
        ).format(db=path)
    )


def _refuse_if_window_open(path: Path) -> None:
    """The window holds ``<database>.lock`` (Qt's QLockFile: pid, application, host)."""
    if os.name != "posix":
        return
    try:
        lines = Path(f"{path}.lock").read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return
    host = lines[2] if len(lines) > 2 else ""
    if pid == os.getpid() or (host and host != socket.gethostname()):
        return
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return
    except PermissionError:
        pass
    raise _in_use(path)


def _keep_copy(current: sqlite3.Connection | Path, dest: Path, label: str) -> Path:
    """A copy of the database as it is now, under a name no earlier copy has."""
    folder = private_folder(dest.parent / "backups")
    make_private(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        kept = folder / f"{dest.stem}.{label}.{stamp}{suffix}.db"
        try:
            # Claims the name: two restores in one second must not share it.
            os.close(os.open(kept, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            break
        except FileExistsError:
            number += 1
        except OSError as exc:
            raise UserError(
                user_text("Backup", "{path}: cannot write the copy ({reason})").format(
                    path=kept, reason=exc.strerror
                )
            ) from exc
    try:
        if isinstance(current, sqlite3.Connection):
            write_whole(kept, lambda partial: copy_sqlite(current, partial))
        else:
            # SQLite cannot read it: keep its bytes, with the log of changes beside them.
            write_whole(kept, lambda partial: shutil.copyfile(current, partial))
            wal = Path(f"{current}-wal")
            if wal.exists():
                write_whole(Path(f"{kept}-wal"), lambda partial: shutil.copyfile(wal, partial))
    except BaseException:
        kept.unlink(missing_ok=True)
        raise
    return kept


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
        # The file passed integrity_check a moment ago, and on a large file that is slow.
        return check(store, file_checked=path is not None)
    finally:
        store.close()


def repair_totals(store: Store) -> None:
    """Recompute what the database derives from the records (the attendance totals, each
    trainee's latest rating of each skill, and the marks not at an expected session)."""
    with store.write() as s:
        attendance_totals.rebuild(s)
        latest_ratings.rebuild(s)
        unexpected_marks.rebuild(s)


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
            problems += unexpected_marks.drift(s)
    return CheckReport(not problems, problems, schema)
