"""The columns of the results workbook's sheets, named as docs/interchange.md names them.

The contract shared by the export (``core/export_rows.py`` selects the rows,
``exchange/results_export.py`` writes them) and the import that reads them back.
"""

from __future__ import annotations

from . import export_feedback
from .export_calendar import COLUMNS as CALENDAR_COLUMNS

TRAVEL = ("UID", "Updated At", "Deleted")
SUMMARY = (
    "Trainee ID",
    "Employee No",
    "Name",
    "Cohort",
    "Programme",
    "Track",
    "Period Start",
    "Period End",
    "Sessions",
    "Present",
    "Late",
    "Left Early",
    "Absent",
    "Excused",
    "Hours",
    "Attendance Rate",
    "Skills Rated",
    "Mean Level",
    "Notes",
    "Assessment Result",
    "Signed On",
    "Signed By",
    # Revision 2 (additive): the calendar's view of the same period.
    "Expected",
    "Unrecorded",
    "Planned Hours",
)
COLUMNS: dict[str, tuple[str, ...]] = {
    "Summary": SUMMARY,
    "Trainees": (
        *TRAVEL,
        "Trainee ID",
        "Employee No",
        "Name",
        "Cohort",
        "Programme",
        "Track",
        "Status",
        "Email",
        "Enrolled On",
        "Left On",
    ),
    "Sessions": (*TRAVEL, "Date", "Start", "End", "Cohort", "Location", "Module", "Task", "Mentor"),
    "Attendance": (
        *TRAVEL,
        "Session UID",
        "Date",
        "Trainee ID",
        "Name",
        "Status",
        "Minutes Late",
        "Hours",
        "Note",
        "Recorded By",
    ),
    "Ratings": (
        *TRAVEL,
        "Trainee ID",
        "Name",
        "Rubric",
        "Rubric Version",
        "Skill UID",
        "Skill Code",
        "Skill",
        "Level",
        "Rated On",
        "Rater",
        "Evidence",
        "Session UID",
        # Revision 2 (additive): whose view the rating is.
        "Rater Role",
    ),
    "Notes": (
        *TRAVEL,
        "Trainee ID",
        "Name",
        "Written At",
        "Category",
        "Text",
        "Author",
        "Session UID",
    ),
    "Assessments": (
        *TRAVEL,
        "Trainee ID",
        "Name",
        "Period Start",
        "Period End",
        "Version",
        "Supersedes UID",
        "Amendment Reason",
        "State",
        "Result",
        "Strengths",
        "Improvements",
        "Comment",
        "Mentor",
        "Signed At",
        "Signed By",
        "Document SHA-256",
    ),
    # Revision 2: after About, so that the first nine sheets keep their places.
    "Calendar": CALENDAR_COLUMNS,
    "Feedback": export_feedback.COLUMNS,
}
# The Skills sheet adds one column per level after these, headed Level 1 … Level N.
SKILL_COLUMNS = ("Rubric", "Rubric Version", "Code", "Area", "Skill", "Module")
SKILL_TAIL = ("Level Labels", "UID", "Rubric UID", "Updated At")
ROUND_TRIP = tuple(sheet for sheet in COLUMNS if sheet != "Summary")  # in merge order


def skill_headers(n: int) -> tuple[str, ...]:
    """The Skills sheet's columns; the Chinese texts last, an additive change to version 1."""
    levels = range(1, n + 1)
    chinese = ("Skill (zh)", *(f"Level {k} (zh)" for k in levels))
    return SKILL_COLUMNS + tuple(f"Level {k}" for k in levels) + SKILL_TAIL + chinese
