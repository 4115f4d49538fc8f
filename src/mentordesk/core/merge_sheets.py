"""The sheets a merge reads: how the progress dialog names each, and the record it becomes."""

from __future__ import annotations

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
