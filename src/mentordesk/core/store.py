"""The open store: database, this device, the acting user, transactions and the audit trail."""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from .database import open_engine, session_factory
from .database_file import sqlite_path, to_url
from .errors import UserError
from .models import AuditEvent, Setting, Travelling, utcnow
from .presence_lock import PresenceLock
from .wording import user_text


@dataclass(frozen=True)
class Actor:
    """Who is making changes: the local user's staff uid (if set up) and display name."""

    name: str
    staff_uid: str | None = None


class Store:
    """One opened MentorDesk database. Services take it as their first argument."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = str(engine.url)
        self._sessions = session_factory(engine)
        self.device_id = self._ensure_setting("device_id", lambda: uuid.uuid4().hex[:16])
        self._actor: Actor | None = None
        # Taken once the file is in WAL mode (the first connection above made it so): from here
        # on no other process can delete the -wal this one appends to (presence_lock explains).
        self._presence: PresenceLock | None = None
        if self.path is not None:
            self._presence = PresenceLock(self.path)
            self._presence.acquire()

    @classmethod
    def open(cls, target: str | Path) -> Store:
        """Open (creating or upgrading as needed) the database at a path or URL."""
        try:
            return cls(open_engine(to_url(target)))
        except DBAPIError as exc:
            where = sqlite_path(to_url(target)) or make_url(to_url(target)).render_as_string()
            reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
            raise UserError(
                user_text(
                    "Store",
                    "{where}: cannot open the database ({reason}). If the file is damaged, "
                    "restore a backup with 'mentordesk restore FILE'.",
                ).format(where=where, reason=reason)
            ) from exc

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def location(self) -> str:
        """Where the data is, for people: a file path, or the server URL without its password."""
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        # Released first so that the last connection's close may checkpoint and tidy the -wal;
        # its descriptors closed last, when no SQLite lock of this process is left to drop.
        if self._presence is not None:
            self._presence.release()
        self.engine.dispose()
        if self._presence is not None:
            self._presence.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One consistent view: every statement inside sees the database as the first one did.

        A Summary adds whole months and takes away part-months in separate statements, and an
        export counts each sheet before streaming it: a mark saved in between by another
        mentor must not be taken away without having been added, nor make a count disagree.
        """
        with self._sessions() as session:
            if self.is_sqlite:
                # The driver itself begins only before writes; a read would see each commit.
                session.connection().exec_driver_sql("BEGIN")
            else:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed on leaving, rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    # -- settings and actor -------------------------------------------------------------

    def _ensure_setting(self, key: str, make: Any) -> str:
        with self.write() as session:
            row = session.get(Setting, key)
            if row is None:
                row = Setting(key=key, value=make())
                session.add(row)
            return row.value

    def get_setting(self, key: str, default: str = "") -> str:
        with self.read() as session:
            row = session.get(Setting, key)
            return row.value if row is not None else default

    def set_setting(self, session: Session, key: str, value: str) -> None:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            self._actor = self._load_actor()
        return self._actor

    def refresh_actor(self) -> None:
        self._actor = None

    def _load_actor(self) -> Actor:
        from .models import Staff

        with self.read() as session:
            uid = session.scalar(select(Setting.value).where(Setting.key == "local_staff_uid"))
            if uid:
                staff = session.scalar(select(Staff).where(Staff.uid == uid))
                if staff is not None:
                    return Actor(staff.name, staff.uid)
        try:
            fallback = getpass.getuser()
        except (KeyError, OSError):
            fallback = "local user"
        return Actor(fallback, None)

    # -- changes ------------------------------------------------------------------------

    def stamp(self, record: Travelling) -> None:
        """Mark a travelling record as changed here, now."""
        record.updated_at = utcnow()
        record.origin_device = self.device_id

    def audit(
        self,
        session: Session,
        record: Travelling,
        action: str,
        changes: dict[str, Any] | None = None,
    ) -> None:
        session.add(
            AuditEvent(
                actor=self.actor.name,
                device=self.device_id,
                entity=type(record).__tablename__,
                entity_uid=record.uid,
                action=action,
                changes=_jsonable(changes or {}),
            )
        )


_PLAIN = (str, int, float, bool, type(None))


def _jsonable(value: Any) -> Any:
    if value.__class__ is dict and all(v.__class__ in _PLAIN for v in value.values()):
        # The common case (a merge audits every row it writes): flat, of plain values.
        return {str(k): v for k, v in value.items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
