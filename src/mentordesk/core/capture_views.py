"""What the capture screen shows: a session, its roster and the marks, as plain values.

Nothing here touches the database: the values travel from the database worker to the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

NOTE_CATEGORIES = (
    "teamwork",
    "communication",
    "safety",
    "initiative",
    "innovation",
    "attitude",
    "other",
)


def session_hours(start: time | None, end: time | None) -> float:
    if start is None or end is None:
        return 0.0
    today = date.today()
    seconds = (datetime.combine(today, end) - datetime.combine(today, start)).total_seconds()
    return max(0.0, seconds / 3600)


@dataclass(frozen=True)
class SessionView:
    uid: str
    held_on: date
    start_time: time | None
    end_time: time | None
    location: str
    module: str
    task: str
    cohort_uid: str
    cohort: str
    mentor_uid: str
    mentor: str
    # Made by the cohort's plan (``session_plan``); cancelled: not held, nobody expected.
    planned: bool = False
    cancelled: bool = False

    @property
    def hours(self) -> float:
        """The session's length; 0 when its times are not known."""
        return session_hours(self.start_time, self.end_time)

    @property
    def title(self) -> str:
        """Date first, then who and what, the times last: lists of sessions scan by date."""
        times = ""
        if self.start_time and self.end_time:
            times = f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"
        parts = (f"{self.held_on:%Y-%m-%d}", self.cohort, self.module, self.task, times)
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class MarkState:
    """What one trainee's attendance at one session holds; ``None`` stands for unmarked."""

    status: str
    minutes_late: int = 0
    hours: float = 0.0
    note: str = ""


@dataclass(frozen=True)
class RosterRow:
    trainee_uid: str
    trainee_id: str
    name: str
    expected: bool
    mark: MarkState | None = None
    # Set by changes: the state before them, for undo (``restore_mark``).
    previous: MarkState | None = None
    # On approved leave that day: listed so the mentor sees why, but not expected.
    on_leave: bool = False

    @property
    def status(self) -> str | None:
        return self.mark.status if self.mark else None


# (trainee id, uid, trainee ID, name, status, minutes late, hours, note): the mark columns are
# None for a trainee with no mark yet.
RosterRecord = tuple[int, str, str, str, str | None, int | None, float | None, str | None]


def roster_rows(
    rows: Iterable[RosterRecord],
    expected: set[int],
    on_leave: set[int] | frozenset[int] = frozenset(),
) -> list[RosterRow]:
    """Roster rows from (trainee id, uid, trainee ID, name, status, minutes late, hours, note)
    as a session's roster query returns them; ``expected``: the database ids expected there,
    ``on_leave``: those of the cohort on approved leave that day (not expected)."""
    return [
        RosterRow(
            uid,
            tid,
            name,
            pk in expected,
            MarkState(status, late or 0, hours or 0.0, note or "") if status else None,
            on_leave=pk in on_leave,
        )
        for pk, uid, tid, name, status, late, hours, note in rows
    ]
