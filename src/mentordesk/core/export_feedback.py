"""The Feedback sheet of a results export: the mentor's suggestions and the school's reply.

One row per cohort and period (core/feedback.py). A record whose period meets the export's
travels (an open end meets every period); deleted ones too, so that a deletion travels.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select

from .models import Cohort, SchoolFeedback

COLUMNS = (
    "UID",
    "Updated At",
    "Deleted",
    "Cohort",
    "Period Start",
    "Period End",
    "Suggestions",
    "Written By",
    "School Reply",
    "Replied By",
    "Replied At",
)


def feedback_query(
    cohort_id: int | None, start: date | None, end: date | None
) -> Select[*tuple[Any, ...]]:
    query = select(
        SchoolFeedback.uid,
        SchoolFeedback.updated_at,
        SchoolFeedback.deleted,
        Cohort.name,
        SchoolFeedback.period_start,
        SchoolFeedback.period_end,
        SchoolFeedback.suggestions,
        SchoolFeedback.written_by,
        SchoolFeedback.reply,
        SchoolFeedback.replied_by,
        SchoolFeedback.replied_at,
    ).join(Cohort, Cohort.id == SchoolFeedback.cohort_id)
    if cohort_id is not None:
        query = query.where(SchoolFeedback.cohort_id == cohort_id)
    if start is not None:
        query = query.where(
            or_(SchoolFeedback.period_end.is_(None), SchoolFeedback.period_end >= start)
        )
    if end is not None:
        query = query.where(
            or_(SchoolFeedback.period_start.is_(None), SchoolFeedback.period_start <= end)
        )
    return query.order_by(Cohort.name, SchoolFeedback.period_start, SchoolFeedback.uid)
