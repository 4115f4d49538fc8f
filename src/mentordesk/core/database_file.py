"""Where the database is and which schema it has, read without SQLAlchemy or Alembic.

Start-up asks these of the file (its path, its schema) before SQLAlchemy is imported, which is
a large part of start-up on a plant's PC.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from .errors import UserError
from .private_files import FILE_MODE, make_private
from .wording import user_text

if TYPE_CHECKING:
    import sqlite3

# The newest migration. Opening an up-to-date database compares against this and never imports
# Alembic (which brings Mako and Pygments along); a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0015"

# Kept as they are in a quoted path: separators and a Windows drive's colon.
_SAFE = "/\\:"

# SQLAlchemy's own URL grammar, reduced to what tells a SQLite file: backend, host, database.
_URL = re.compile(
    r"(?P<name>[\w+]+)://(?:[^:/]*(?::[^@]*)?@)?(?:\[[^/?]+\]|[^/:?]+)?(?::[^/?]*)?"
    r"(?:/(?P<database>[^?]*))?(?:\?.*)?$"
)


def to_url(target: str | Path) -> str:
    """A filesystem path or a SQLAlchemy URL, as a URL.

    A path is quoted into the URL: SQLAlchemy reads '?' as the start of options and decodes
    '%xx', so a folder named "C# class" or "50% off" would otherwise name another file. A
    ``file:`` URI (as a file manager copies it) means the file it names.
    """
    text = str(target)
    if text.startswith("file:"):
        return sqlite_url(file_uri_path(text))
    if "://" in text:
        return text
    return sqlite_url(Path(text).expanduser().resolve())


def sqlite_url(path: PurePath) -> str:
    """The SQLAlchemy URL of a SQLite file, quoted so that any folder name survives."""
    return "sqlite:///" + quote(str(path), safe=_SAFE)


def file_uri_path(uri: str) -> Path:
    """The local path a ``file:`` URI names. Raises UserError for another machine's file."""
    parts = urlsplit(uri)
    if parts.netloc not in ("", "localhost") or not parts.path:
        raise UserError(
            user_text(
                "Database", "{uri}: give the path of a database file on this computer"
            ).format(uri=uri)
        )
    return Path(unquote(parts.path)).expanduser().resolve()


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or SQLite in memory."""
    match = _URL.match(url)
    if match is None or match["name"].split("+")[0] != "sqlite":
        return None
    database = unquote(match["database"] or "")
    if not database or database == ":memory:":
        return None
    return Path(database)


def needs_upgrade(target: str | Path) -> bool:
    """Whether opening this SQLite file will migrate it.

    An upgrade of a plant's five-year file is long enough to look like a hang: the window says so
    first.
    """
    return schema_of(target) not in (None, SCHEMA_HEAD)


def schema_of(target: str | Path) -> str | None:
    """The schema revision a SQLite file records; None when it is not a MentorDesk file we can
    read (missing, another database, damaged: opening it reports which)."""
    import sqlite3

    try:
        conn = connect_read_only(target)
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row is not None else None


def connect_read_only(target: str | Path) -> sqlite3.Connection | None:
    """A read-only connection to an existing SQLite file; None for anything else.

    Raises ``sqlite3.Error`` when the file cannot be opened.
    """
    # Imported here: the window's start reads URLs and paths from this module before it shows,
    # and the file only after.
    import sqlite3

    path = sqlite_path(to_url(target))
    if path is None or not path.exists():
        return None
    return sqlite3.connect(read_only_uri(path.resolve()), uri=True)


def read_only_uri(path: PurePath) -> str:
    """A SQLite URI that opens ``path`` read-only and never creates it."""
    return sqlite_uri(path, "ro")


def sqlite_uri(path: PurePath, mode: str = "ro") -> str:
    """The one way a SQLite ``file:`` URI is made from a path (``mode`` ro, rw or rwc).

    Quoted so that '?', '#' or '%' in a folder name stay part of the path — unquoted, SQLite
    reads "/x/C# class/db" as the file "/x/C" and creates it. No authority part:
    ``as_uri()`` makes ``file://server/share/x.db`` of a Windows network path (a mapped drive
    resolves to one), which Python's SQLite refuses.
    """
    return "file:" + quote(str(path), safe=_SAFE) + "?mode=" + mode


def keep_private(path: Path) -> None:
    """Make the database file owner-only before SQLite opens it.

    A new file is created here, empty and ``0600``, because SQLite would create it ``0644``
    and then gives its ``-wal`` and ``-shm`` the database file's own mode. A file made by an
    older version is tightened, with its ``-wal``, ``-shm`` and the copies folder beside it.
    """
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        if not _is_sqlite(path):
            # Not a database (a workbook given by mistake): opening it says so; leave it be.
            return
        for each in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.parent / "backups"):
            if each.exists():
                make_private(each)
    except OSError:
        # Opening it says what is wrong (read-only folder, a folder of that name, ...).
        return
    else:
        os.close(fd)


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return head in (b"", b"SQLite format 3\x00")
