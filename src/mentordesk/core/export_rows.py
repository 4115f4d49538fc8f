"""The records a results export holds, sheet by sheet, as rows of typed values.

The sheets' columns are in ``export_columns.py``; the exchange layer writes and reads the file.
Rows stream from the database (``yield_per``) so a million attendance records never sit in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Select, SQLColumnExpression, false, func, select
from sqlalchemy.orm import Session, aliased

from . import export_feedback
from .expected import expectations, planned_hours
from .export_calendar import calendar_query
from .export_scope import ExportScope, ScopeConditions
from .models import (
    Assessment,
    Attendance,
    Cohort,
    Note,
    Rubric,
    RubricLevel,
    Skill,
    SkillRating,
    Staff,
    Trainee,
    WorkshopSession,
)
from .summary import period_figures
from .trainees import SHOWN, trainee_select

BATCH = 5000
# One row of a sheet: its cells in the order of the sheet's columns (text, numbers, dates,
# times, flags or None), as the database or a calculation gives them.
SheetRow = Sequence[object]
# A query of a sheet's columns: the column types differ from sheet to sheet.
SheetQuery = Select[*tuple[Any, ...]]


class SheetRows(Protocol):
    """A sheet's rows, counted before they are read (``Rows``, or a list worked out whole)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[SheetRow]: ...


class Rows:
    """One sheet's rows: counted first (a sheet's size goes before its rows), then streamed."""

    def __init__(self, session: Session, query: SheetQuery) -> None:
        self.session = session
        self.query = query

    def __len__(self) -> int:
        counted = select(func.count()).select_from(self.query.order_by(None).subquery())
        return self.session.scalar(counted) or 0

    def __iter__(self) -> Iterator[SheetRow]:
        yield from self.session.execute(self.query.execution_options(yield_per=BATCH))


class ExportRows:
    """Row sources for one export, reading in one database session: one of ``Store.read``,
    whose single snapshot keeps each sheet's count equal to the rows streamed after it."""

    def __init__(self, session: Session, scope: ExportScope) -> None:
        self.s = session
        self.scope = scope
        self.within = ScopeConditions(session, scope)
        self.cohort_id = self.within.cohort_id

    def period(self) -> tuple[date | None, date | None]:
        """The export's dates, or the span of the records in scope when open-ended."""
        return self.within.period()

    def _stream(self, query: SheetQuery) -> Rows:
        return Rows(self.s, query)

    # -- sheets -------------------------------------------------------------------------

    def _trainees_query(self, *columns: SQLColumnExpression[Any]) -> SheetQuery:
        query = trainee_select(*columns).order_by(Trainee.trainee_id)
        if self.cohort_id is not None:
            query = query.where(Trainee.cohort_id == self.cohort_id)
        return query

    def summary(self) -> list[SheetRow]:
        return list(self._summary())

    def _summary(self) -> Iterator[SheetRow]:
        start, end = self.period()
        # Only the columns the sheet shows, through the connection: plain rows, no
        # timestamps to convert (a whole-plant Summary lists 2,000 trainees).
        query = self._trainees_query(Trainee.id, Trainee.cohort_id, *SHOWN).where(
            Trainee.deleted.is_(False)
        )
        people = self.s.connection().execute(query).all()
        ids = [r[0] for r in people]
        figures = period_figures(
            self.s, ids, self.scope.start, self.scope.end, every_trainee=self.cohort_id is None
        )
        today = date.today()
        first, last = start or today, end or today
        # The figures' sessions are the marks the expected counts start from when they cover
        # the same days: the whole plant's would otherwise be added up a second time.
        same_days = (self.scope.start, self.scope.end) == (first, min(last, today))
        expected = expectations(
            self.s,
            first,
            last,
            today,
            None if self.cohort_id is None else ids,
            {tid: f.sessions for tid, f in figures.items()} if same_days else None,
        )
        plans: dict[int | None, float | None] = {None: None}
        for tid, cohort_id, *who in people:
            f = figures[tid]
            e = expected.get(tid)
            if cohort_id not in plans:
                plans[cohort_id] = planned_hours(self.s, cohort_id, first, last)
            # By position: PeriodFigures' fields are the sheet's columns in order, the rate
            # (worked out from them) aside.
            yield (
                *who, start, end, *f[:7], f.attendance_rate, *f[7:],
                e.expected if e else 0, e.unrecorded if e else 0, plans[cohort_id],
            )  # fmt: skip

    def trainees(self) -> Rows:
        query = self._trainees_query(
            Trainee.uid,
            Trainee.updated_at,
            Trainee.deleted,
            *SHOWN,
            Trainee.status,
            Trainee.email,
            Trainee.enrolled_on,
            Trainee.left_on,
        )
        return self._stream(query)

    def sessions(self) -> Rows:
        mentor = aliased(Staff)
        query = (
            select(
                WorkshopSession.uid,
                WorkshopSession.updated_at,
                WorkshopSession.deleted,
                WorkshopSession.held_on,
                WorkshopSession.start_time,
                WorkshopSession.end_time,
                func.coalesce(Cohort.name, ""),
                WorkshopSession.location,
                WorkshopSession.module,
                WorkshopSession.task,
                func.coalesce(mentor.name, ""),
            )
            .outerjoin(Cohort, Cohort.id == WorkshopSession.cohort_id)
            .outerjoin(mentor, mentor.id == WorkshopSession.mentor_id)
            .where(*self.within.sessions())
            .order_by(WorkshopSession.held_on, WorkshopSession.start_time, WorkshopSession.uid)
        )
        return self._stream(query)

    def attendance(self) -> Rows:
        recorder = aliased(Staff)
        query = (
            select(
                Attendance.uid,
                Attendance.updated_at,
                Attendance.deleted,
                WorkshopSession.uid,
                WorkshopSession.held_on,
                Trainee.trainee_id,
                Trainee.name,
                Attendance.status,
                Attendance.minutes_late,
                Attendance.hours,
                Attendance.note,
                func.coalesce(recorder.name, ""),
            )
            .join(WorkshopSession, WorkshopSession.id == Attendance.session_id)
            .join(Trainee, Trainee.id == Attendance.trainee_id)
            .outerjoin(recorder, recorder.id == Attendance.recorded_by_id)
            .where(
                self.within.trainee(Attendance.trainee_id),
                *self.within.dates(WorkshopSession.held_on),
            )
            .order_by(
                WorkshopSession.held_on,
                WorkshopSession.start_time,
                WorkshopSession.uid,
                Trainee.trainee_id,
            )
        )
        return self._stream(query)

    def ratings(self) -> Rows:
        rater = aliased(Staff)
        sess = aliased(WorkshopSession)
        query = (
            select(
                SkillRating.uid,
                SkillRating.updated_at,
                SkillRating.deleted,
                Trainee.trainee_id,
                Trainee.name,
                Rubric.name,
                Rubric.version,
                Skill.uid,
                Skill.code,
                Skill.name,
                SkillRating.level,
                SkillRating.rated_on,
                func.coalesce(rater.name, ""),
                SkillRating.evidence,
                func.coalesce(sess.uid, ""),
                SkillRating.rater_role,
            )
            .join(Trainee, Trainee.id == SkillRating.trainee_id)
            .join(Skill, Skill.id == SkillRating.skill_id)
            .join(Rubric, Rubric.id == Skill.rubric_id)
            .outerjoin(rater, rater.id == SkillRating.rater_id)
            .outerjoin(sess, sess.id == SkillRating.session_id)
            .where(
                self.within.trainee(SkillRating.trainee_id),
                *self.within.dates(SkillRating.rated_on),
            )
            .order_by(SkillRating.rated_on, Trainee.trainee_id, Skill.code, SkillRating.uid)
        )
        return self._stream(query)

    def notes(self) -> Rows:
        author = aliased(Staff)
        sess = aliased(WorkshopSession)
        query = (
            select(
                Note.uid,
                Note.updated_at,
                Note.deleted,
                Trainee.trainee_id,
                Trainee.name,
                Note.written_at,
                Note.category,
                Note.text,
                func.coalesce(author.name, ""),
                func.coalesce(sess.uid, ""),
            )
            .join(Trainee, Trainee.id == Note.trainee_id)
            .outerjoin(author, author.id == Note.author_id)
            .outerjoin(sess, sess.id == Note.session_id)
            .where(self.within.trainee(Note.trainee_id), *self.within.instants(Note.written_at))
            .order_by(Note.written_at, Note.uid)
        )
        return self._stream(query)

    def assessments(self) -> Rows:
        mentor = aliased(Staff)
        where = [self.within.trainee(Assessment.trainee_id)]
        if self.scope.start is not None:
            where.append(Assessment.period_end >= self.scope.start)
        if self.scope.end is not None:
            where.append(Assessment.period_start <= self.scope.end)
        query = (
            select(
                Assessment.uid,
                Assessment.updated_at,
                Assessment.deleted,
                Trainee.trainee_id,
                Trainee.name,
                Assessment.period_start,
                Assessment.period_end,
                Assessment.version,
                func.coalesce(Assessment.supersedes_uid, ""),
                Assessment.amendment_reason,
                Assessment.state,
                Assessment.result,
                Assessment.strengths,
                Assessment.improvements,
                Assessment.comment,
                func.coalesce(mentor.name, ""),
                Assessment.signed_at,
                Assessment.signed_by,
                Assessment.document_sha256,
            )
            .join(Trainee, Trainee.id == Assessment.trainee_id)
            .outerjoin(mentor, mentor.id == Assessment.mentor_id)
            .where(*where)
            .order_by(Trainee.trainee_id, Assessment.period_start, Assessment.version)
        )
        return self._stream(query)

    def calendar(self) -> Rows:
        return self._stream(calendar_query(self.cohort_id, self.scope.start, self.scope.end))

    def feedback(self) -> Rows:
        query = export_feedback.feedback_query(self.cohort_id, self.scope.start, self.scope.end)
        return self._stream(query)

    def level_count(self) -> int:
        counts = self.s.scalars(
            select(func.count(RubricLevel.id))
            .join(Rubric, Rubric.id == RubricLevel.rubric_id)
            .where(Rubric.deleted.is_(False))
            .group_by(RubricLevel.rubric_id)
        )
        return max(counts, default=0)

    def skills(self, levels: int) -> list[SheetRow]:
        """Skill rows with ``levels`` descriptor cells, then the level labels and identities."""
        return list(self._skills(levels))

    def _skills(self, levels: int) -> Iterator[SheetRow]:
        labels: dict[int, str] = {}
        for rubric_id, label in self.s.execute(
            select(RubricLevel.rubric_id, RubricLevel.label).order_by(
                RubricLevel.rubric_id, RubricLevel.level
            )
        ):
            labels[rubric_id] = f"{labels[rubric_id]}\n{label}" if rubric_id in labels else label
        query = (
            select(Rubric, Skill)
            .join(Skill, Skill.rubric_id == Rubric.id)
            .where(Rubric.deleted.is_(False), Skill.deleted.is_(false()))
            .order_by(Rubric.name, Rubric.version, Skill.position, Skill.code)
        )
        for rubric, skill in self.s.execute(query):
            descriptors = list(skill.descriptors or ())[:levels]
            descriptors += [""] * (levels - len(descriptors))
            chinese = [*(skill.descriptors_zh or ())[:levels], *[""] * levels][:levels]
            yield (
                rubric.name,
                rubric.version,
                skill.code,
                skill.area,
                skill.name,
                skill.module,
                *descriptors,
                labels.get(rubric.id, ""),
                skill.uid,
                rubric.uid,
                skill.updated_at,
                skill.name_zh,
                *chinese,
            )
