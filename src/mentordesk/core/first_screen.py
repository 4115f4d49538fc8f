"""The window's first screen read with the standard library's ``sqlite3``.

SQLAlchemy, the models and the store take longer to import and set up than the window itself.
The first screen (the recent sessions, the newest one's roster with its marks, who is using the
installation) is read here with plain SQL, so the window shows while the store opens behind it.
The queries are the services' own (``list_recent_sessions``, ``session_roster``,
``local_user``) written out; a test holds them to the same answers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from .capture_views import RosterRow, SessionView, roster_rows
from .database_file import SCHEMA_HEAD, connect_read_only, sqlite_path, to_url

RECENT_SESSIONS = 60

_SESSIONS = """
    SELECT ws.uid, ws.held_on, ws.start_time, ws.end_time, ws.location, ws.module, ws.task,
        c.uid, c.name, m.uid, m.name, ws.cohort_id
    FROM workshop_session AS ws
    LEFT JOIN cohort AS c ON ws.cohort_id = c.id
    LEFT JOIN staff AS m ON ws.mentor_id = m.id
    WHERE ws.deleted = 0
    ORDER BY ws.held_on DESC, ws.start_time DESC, ws.id DESC
    LIMIT ?
"""
# ``workshop_sessions.expected_where``: enrolled by the day, not yet left, not withdrawn
# without a date. ``IS``: a session without a cohort expects the trainees without one.
_EXPECTED = """
    SELECT id FROM trainee
    WHERE cohort_id IS :cohort AND deleted = 0
        AND (enrolled_on IS NULL OR enrolled_on <= :day)
        AND (left_on > :day OR (left_on IS NULL AND status = 'active'))
"""
_ROSTER = """
    SELECT t.id, t.uid, t.trainee_id, t.name, a.status, a.minutes_late, a.hours, a.note
    FROM trainee AS t
    LEFT JOIN attendance AS a
        ON a.trainee_id = t.id AND a.session_id = :session AND a.deleted = 0
    WHERE t.id IN ({expected})
        OR t.id IN (SELECT trainee_id FROM attendance WHERE session_id = :session AND deleted = 0)
    ORDER BY t.trainee_id
"""
# ``attendance.session_roster``: approved leave that day takes a trainee off the expected list.
_ON_LEAVE = """
    SELECT trainee_id FROM "leave"
    WHERE deleted = 0 AND approved = 1 AND starts_on <= :day AND ends_on >= :day
"""
_USER = """
    SELECT staff.name FROM setting JOIN staff ON staff.uid = setting.value
    WHERE setting.key = 'local_staff_uid'
"""


@dataclass(frozen=True)
class FirstScreen:
    """What the Today area and the status bar show when the window opens."""

    user: str | None
    location: str
    sessions: list[SessionView]
    roster: list[RosterRow]


def read_first_screen(target: str | Path, recent: int = RECENT_SESSIONS) -> FirstScreen | None:
    """The first screen of the database at ``target``; None when the store must open first:
    not a SQLite file, not at this version's schema, no trainee yet (set-up comes first), or
    unreadable (opening it will say why)."""
    try:
        conn = connect_read_only(target)
        if conn is None:
            return None
        try:
            return _read(conn, recent, sqlite_path(to_url(target)) or Path(target))
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _read(conn: sqlite3.Connection, recent: int, path: Path) -> FirstScreen | None:
    # One read transaction: the screen is one moment of the file, whatever writes beside it.
    conn.execute("BEGIN")
    version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if version is None or version[0] != SCHEMA_HEAD:
        return None
    if conn.execute("SELECT 1 FROM trainee LIMIT 1").fetchone() is None:
        return None
    user = conn.execute(_USER).fetchone()
    rows = conn.execute(_SESSIONS, (recent,)).fetchall()
    sessions = [_session(row) for row in rows]
    roster: list[RosterRow] = []
    if rows:
        _uid, held_on, *_rest, cohort_id = rows[0]
        roster = _roster(conn, sessions[0].uid, cohort_id, held_on)
    return FirstScreen(user[0] if user else None, path.name, sessions, roster)


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


# One row of _SESSIONS: uid, date, start, end, location, module, task, cohort uid and name,
# mentor uid and name, and the ordering key.
_SessionRecord = tuple[
    str,
    str,
    str | None,
    str | None,
    str,
    str,
    str,
    str | None,
    str | None,
    str | None,
    str | None,
    object,
]


def _session(row: _SessionRecord) -> SessionView:
    uid, held_on, start, end, location, module, task, c_uid, c_name, m_uid, m_name, _ = row
    return SessionView(
        uid,
        date.fromisoformat(held_on),
        _time(start),
        _time(end),
        location,
        module,
        task,
        c_uid or "",
        c_name or "",
        m_uid or "",
        m_name or "",
    )


def _roster(
    conn: sqlite3.Connection, session_uid: str, cohort_id: int | None, held_on: str
) -> list[RosterRow]:
    (session_id,) = conn.execute(
        "SELECT id FROM workshop_session WHERE uid = ?", (session_uid,)
    ).fetchone()
    params = {"cohort": cohort_id, "day": held_on, "session": session_id}
    enrolled = {pk for (pk,) in conn.execute(_EXPECTED, params)}
    on_leave = enrolled & {pk for (pk,) in conn.execute(_ON_LEAVE, params)}
    rows = conn.execute(_ROSTER.format(expected=_EXPECTED), params)
    return roster_rows(rows, enrolled - on_leave, on_leave)
