"""Opening the store: URLs, SQLite pragmas, migrations with a backup first."""

from __future__ import annotations

import errno
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from .database_file import SCHEMA_HEAD, keep_private, sqlite_path, sqlite_uri, to_url
from .errors import SchemaTooNew, UserError
from .private_files import private_folder, write_whole
from .wording import user_text

if TYPE_CHECKING:
    from alembic.config import Config

ALEMBIC_DIR = Path(__file__).resolve().parent / "alembic"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # FULL, not NORMAL: a mark acknowledged on screen must survive a power cut, not only a crash.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # 16 MB of pages instead of SQLite's 2 MB: a five-year trainee record touches ~1,100 pages
    # (its attendance rows and their sessions, scattered over the file), which no longer fit
    # and were read again each time (about 2.5 of its ~23 ms).
    cursor.execute("PRAGMA cache_size=-16384")
    cursor.close()


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        if not path.parent.exists():
            raise UserError(
                user_text("Database", "{folder}: folder does not exist").format(folder=path.parent)
            )
        keep_private(path)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return _server_engine(url)


# The servers the models are built and tested for; with the extra that brings the driver.
SERVERS = {"postgresql": "postgresql"}


def _server_engine(url: str) -> Engine:
    """An engine for a database server, or a sentence saying why not (never a traceback)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    # Said back without a password.
    shown = (
        parsed.render_as_string(hide_password=True)
        if parsed is not None
        else re.sub(r"//[^/@]*@", "//", url)
    )
    if parsed is not None and parsed.get_backend_name() == "sqlite":
        # SQLite in memory (tests, experiments): nothing to install, nothing on disk.
        return create_engine(parsed, pool_pre_ping=True)
    if parsed is None or parsed.get_backend_name() not in SERVERS:
        raise UserError(
            user_text(
                "Database",
                "{url}: not a database MentorDesk can use; give a SQLite file's path or a "
                "PostgreSQL URL such as postgresql+psycopg2://user@host/mentordesk",
            ).format(url=shown)
        )
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except ArgumentError as exc:
        raise UserError(
            user_text("Database", "{url}: unknown database driver").format(url=shown)
        ) from exc
    except ImportError as exc:
        raise UserError(
            user_text(
                "Database",
                "{backend}: its driver ({module}) is not installed; install it with "
                "pip install 'mentordesk[{extra}]'",
            ).format(
                backend=parsed.drivername,
                module=exc.name or parsed.get_driver_name(),
                extra=SERVERS[parsed.get_backend_name()],
            )
        ) from exc


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """Alembic's own view of the newest migration (``SCHEMA_HEAD`` is the fast copy)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(ALEMBIC_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API: owner-only, in an owner-only
    folder when it makes one, and whole or not at all (a full disk leaves no partial file)."""
    private_folder(target.parent)
    # mode=rw: a copy of a missing file must fail, not create an empty database there.
    src = sqlite3.connect(sqlite_uri(Path(source).resolve(), "rw"), uri=True)
    try:
        write_whole(target, lambda partial: copy_sqlite(src, partial))
    finally:
        src.close()


def copy_sqlite(src: sqlite3.Connection, target: Path) -> None:
    """Copy the database open on ``src`` into the file ``target``."""
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        # A copy is one self-contained file: opening it later, even read-only, must not
        # need (and leave behind) the -wal and -shm files of WAL mode.
        dst.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.OperationalError as exc:
        if "full" in str(exc):
            raise OSError(errno.ENOSPC, str(exc), str(target)) from exc
        raise
    finally:
        dst.close()
        Path(f"{target}-journal").unlink(missing_ok=True)


def upgrade(engine: Engine) -> Path | None:
    """Bring the schema to this version. Returns the backup taken first, if any."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(ALEMBIC_DIR))
    head = head_revision()
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNew(
            user_text(
                "Database",
                "This database was written by a newer MentorDesk (schema {schema}); install that "
                "version or newer to open it.",
            ).format(schema=current)
        )
    if current is None and inspect(engine).get_table_names():
        raise UserError(
            user_text(
                "Database", "This database was not created by MentorDesk (no schema version found)."
            )
        )
    backup = None
    path = sqlite_path(str(engine.url))
    if current is not None and path is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.parent / "backups" / f"{path.stem}.before-{head}.{stamp}.db"
        backup_sqlite(path, backup)
    command.upgrade(alembic_config(engine), "head")
    return backup


def upgrade_file(target: str | Path) -> Path | None:
    """Migrate the database at ``target`` now, on its own engine (safe in a worker thread)."""
    engine = make_engine(to_url(target))
    try:
        return upgrade(engine)
    finally:
        engine.dispose()


def open_engine(target: str | Path) -> Engine:
    url = to_url(target)
    engine = make_engine(url)
    upgrade(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
