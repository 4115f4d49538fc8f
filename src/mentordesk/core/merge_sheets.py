"""The sheets a merge reads: how the progress dialog names each, the record it becomes and
the handler that turns its rows into records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import merge_assessments, merge_calendar, merge_feedback, merge_rows
from .merge_records import Incoming
from .models import (
    Assessment,
    Attendance,
    CalendarBlock,
    Note,
    SchoolFeedback,
    Skill,
    SkillRating,
    Trainee,
    Travelling,
    WorkshopSession,
)
from .wording import user_text

if TYPE_CHECKING:
    from .merge import Merger

# The sheets as the progress dialog names them.
SHEET_NAMES = {
    "Skills": user_text("Merge", "Skills"),
    "Trainees": user_text("Merge", "Trainees"),
    "Sessions": user_text("Merge", "Sessions"),
    "Attendance": user_text("Merge", "Attendance"),
    "Ratings": user_text("Merge", "Ratings"),
    "Notes": user_text("Merge", "Notes"),
    "Assessments": user_text("Merge", "Assessments"),
    "Calendar": user_text("Merge", "Calendar"),
    "Feedback": user_text("Merge", "Feedback"),
}
MODELS: dict[str, type[Travelling]] = {
    "Skills": Skill,
    "Trainees": Trainee,
    "Sessions": WorkshopSession,
    "Attendance": Attendance,
    "Ratings": SkillRating,
    "Notes": Note,
    "Assessments": Assessment,
    "Calendar": CalendarBlock,
    "Feedback": SchoolFeedback,
}
# A sheet's row handler: the merger, the row, the local record of its UID (or None), its label.
Handler = Callable[["Merger", Incoming, Any, str], None]
HANDLERS: dict[str, Handler] = {
    "Skills": merge_rows.skill,
    "Trainees": merge_rows.trainee,
    "Sessions": merge_rows.session,
    "Attendance": merge_rows.attendance,
    "Ratings": merge_rows.rating,
    "Notes": merge_rows.note,
    "Assessments": merge_assessments.assessment,
    "Calendar": merge_calendar.calendar,
    "Feedback": merge_feedback.feedback,
}
