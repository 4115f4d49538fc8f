"""Which records a results export covers: one cohort or all, between two dates or open-ended.

``ScopeConditions`` turns an ``ExportScope`` into the SQL conditions each sheet's query of
``export_rows.py`` adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from .errors import NotFound
from .models import Attendance, Cohort, SkillRating, Trainee, WorkshopSession
from .wording import user_text


@dataclass(frozen=True)
class ExportScope:
    cohort: str = ""
    start: date | None = None
    end: date | None = None

    def describe(self) -> str:
        who = f"cohort {self.cohort}" if self.cohort else "all cohorts"
        start = self.start.isoformat() if self.start else "the beginning"
        end = self.end.isoformat() if self.end else "the latest record"
        return f"{who}, {start} to {end}"


class ScopeConditions:
    """The conditions of one scope, its cohort looked up once in ``session``."""

    def __init__(self, session: Session, scope: ExportScope) -> None:
        self.s = session
        self.scope = scope
        self.cohort_id: int | None = None
        if scope.cohort:
            self.cohort_id = session.scalar(select(Cohort.id).where(Cohort.name == scope.cohort))
            if self.cohort_id is None:
                raise NotFound(
                    user_text("Cohorts", "No cohort named {name!r}").format(name=scope.cohort)
                )

    def trainee(self, column: InstrumentedAttribute[int]) -> ColumnElement[bool]:
        """``column`` (a trainee's id) names a trainee of the scope's cohort."""
        if self.cohort_id is None:
            return true()
        return column.in_(select(Trainee.id).where(Trainee.cohort_id == self.cohort_id))

    def dates(self, column: InstrumentedAttribute[date]) -> list[ColumnElement[bool]]:
        """``column`` (a day) falls within the scope's dates."""
        out = []
        if self.scope.start is not None:
            out.append(column >= self.scope.start)
        if self.scope.end is not None:
            out.append(column <= self.scope.end)
        return out

    def instants(self, column: InstrumentedAttribute[datetime]) -> list[ColumnElement[bool]]:
        """``column`` (a UTC instant) falls on one of the scope's days."""
        out = []
        if self.scope.start is not None:
            out.append(column >= datetime.combine(self.scope.start, time.min, UTC))
        if self.scope.end is not None:
            out.append(column < datetime.combine(self.scope.end + timedelta(days=1), time.min, UTC))
        return out

    def sessions(self) -> list[ColumnElement[bool]]:
        """Workshop sessions of the scope: its cohort's, or any one of its trainees attended."""
        if self.cohort_id is None:
            return self.dates(WorkshopSession.held_on)
        attended = select(Attendance.session_id).where(self.trainee(Attendance.trainee_id))
        return [
            or_(WorkshopSession.cohort_id == self.cohort_id, WorkshopSession.id.in_(attended)),
            *self.dates(WorkshopSession.held_on),
        ]

    def period(self) -> tuple[date | None, date | None]:
        """The scope's dates, or the span of the records in scope when open-ended."""
        start, end = self.scope.start, self.scope.end
        if start is not None and end is not None:
            return start, end
        spans = [
            self.s.execute(
                select(func.min(WorkshopSession.held_on), func.max(WorkshopSession.held_on)).where(
                    WorkshopSession.deleted.is_(False), *self.sessions()
                )
            ).one(),
            self.s.execute(
                select(func.min(SkillRating.rated_on), func.max(SkillRating.rated_on)).where(
                    SkillRating.deleted.is_(False),
                    self.trainee(SkillRating.trainee_id),
                    *self.dates(SkillRating.rated_on),
                )
            ).one(),
        ]
        lows = [lo for lo, _ in spans if lo is not None]
        highs = [hi for _, hi in spans if hi is not None]
        return (start or (min(lows) if lows else None), end or (max(highs) if highs else None))
