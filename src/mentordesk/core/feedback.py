"""Feedback to the school: the mentor's suggestions for a cohort and period, the school's reply.

One record per cohort and period (`SchoolFeedback`); either end of the period may be open. The
mentor writes what the school should teach differently; the school's reply is typed by the
teacher here or arrives with a results workbook from the school's MentorDesk (its `Feedback`
sheet, core/merge_feedback.py). Both stay on record beside each other. The report that goes
with them (skills below target, attendance, notes) is core/feedback_report.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import record_values
from .calendar_plan import find_cohort
from .changes import add, change
from .errors import UserError
from .models import Cohort, SchoolFeedback, utcnow
from .store import Store
from .text import required
from .wording import user_text

MAX_FEEDBACK = record_values.MAX_TEXT


@dataclass(frozen=True)
class FeedbackView:
    """The feedback of one cohort and period; empty texts when none was written yet."""

    uid: str
    cohort: str
    start: date | None
    end: date | None
    suggestions: str
    written_by: str
    reply: str
    replied_by: str
    replied_at: datetime | None
    updated_at: datetime | None


def check_feedback_period(start: date | None, end: date | None) -> None:
    """A period whose end comes before its start is refused, saying both."""
    if start is not None and end is not None and end < start:
        raise UserError(
            user_text("Feedback", "The period's end ({end}) is before its start ({start})").format(
                end=end, start=start
            )
        )


def feedback_record(
    s: Session, cohort: Cohort, start: date | None, end: date | None
) -> SchoolFeedback | None:
    """The record of the cohort and period (not deleted), if there is one."""
    query = select(SchoolFeedback).where(
        SchoolFeedback.cohort_id == cohort.id,
        SchoolFeedback.deleted.is_(False),
        SchoolFeedback.period_start.is_(None)
        if start is None
        else SchoolFeedback.period_start == start,
        SchoolFeedback.period_end.is_(None) if end is None else SchoolFeedback.period_end == end,
    )
    return s.scalars(query.order_by(SchoolFeedback.id)).first()


def feedback_view(
    cohort: str, start: date | None, end: date | None, r: SchoolFeedback | None
) -> FeedbackView:
    if r is None:
        return FeedbackView("", cohort, start, end, "", "", "", "", None, None)
    return FeedbackView(
        r.uid,
        cohort,
        start,
        end,
        r.suggestions,
        r.written_by,
        r.reply,
        r.replied_by,
        r.replied_at,
        r.updated_at,
    )


def feedback_for(
    store: Store, cohort: str, start: date | None = None, end: date | None = None
) -> FeedbackView:
    """The suggestions and reply on record for the cohort (by name or uid) and period."""
    check_feedback_period(start, end)
    with store.read() as s:
        found = find_cohort(s, cohort)
        return feedback_view(found.name, start, end, feedback_record(s, found, start, end))


def _text(text: str, what: str) -> str:
    body = required(text, what)
    record_values.text_within(body, what, MAX_FEEDBACK)
    return body


def write_suggestions(
    store: Store, cohort: str, text: str, start: date | None = None, end: date | None = None
) -> FeedbackView:
    """Record (or replace) what the mentor suggests the school teach differently."""
    body = _text(text, user_text("Feedback", "The suggestions"))
    check_feedback_period(start, end)
    with store.write() as s:
        found = find_cohort(s, cohort)
        record = feedback_record(s, found, start, end)
        fields = {"suggestions": body, "written_by": store.actor.name}
        if record is None:
            record = add(
                store,
                s,
                SchoolFeedback(cohort_id=found.id, period_start=start, period_end=end, **fields),
            )
        else:
            change(store, s, record, fields)
        return feedback_view(found.name, start, end, record)


def write_reply(
    store: Store,
    cohort: str,
    text: str,
    start: date | None = None,
    end: date | None = None,
    *,
    replied_by: str = "",
) -> FeedbackView:
    """Record the school's reply (typed by the teacher); who replied defaults to the local user."""
    body = _text(text, user_text("Feedback", "The school's reply"))
    check_feedback_period(start, end)
    who = (replied_by or "").strip() or store.actor.name
    record_values.text_within(who, user_text("Feedback", "Who replied"), 200)
    with store.write() as s:
        found = find_cohort(s, cohort)
        record = feedback_record(s, found, start, end)
        fields = {"reply": body, "replied_by": who, "replied_at": utcnow()}
        if record is None:
            record = add(
                store,
                s,
                SchoolFeedback(cohort_id=found.id, period_start=start, period_end=end, **fields),
            )
        elif record.reply != body or record.replied_by != who:
            change(store, s, record, fields)
        return feedback_view(found.name, start, end, record)
