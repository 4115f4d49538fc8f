"""The store's tables. Importing this package registers every model on ``Base.metadata``.

The model modules leave out ``from __future__ import annotations`` on purpose: with it, every
``Mapped[...]`` arrives as a string that SQLAlchemy takes apart with regular expressions and
evaluates on every start-up (bench_startup shows it); relationships to classes defined further
down are quoted instead.
"""

from ..capture_views import NOTE_CATEGORIES
from .assessment import ASSESSMENT_STATES, DEFAULT_RESULTS, Assessment, AssessmentDocument
from .audit import AuditEvent
from .base import Base, Travelling, UTCDateTime, new_uid, utcnow
from .calendar import DAY_OFF_KINDS, PLACES, CalendarBlock, DayOff, Leave, WeekSlot
from .certificate import KNOWN_HOW, KnownCertificate
from .feedback import SchoolFeedback
from .people import (
    PROGRAMME_KINDS,
    STAFF_ROLES,
    TRAINEE_STATUSES,
    Cohort,
    Programme,
    Staff,
    Trainee,
)
from .records import (
    ASSESSOR_ROLES,
    ATTENDANCE_STATUSES,
    RATER_ROLES,
    Attendance,
    AttendanceMonth,
    Note,
    SkillRating,
    SkillRatingLatest,
    UnexpectedMark,
    WorkshopSession,
)
from .rubric import LAYERS, Post, PostSkill, Rubric, RubricLevel, RubricModule, Skill
from .setting import Setting

__all__ = [
    "ASSESSMENT_STATES",
    "ASSESSOR_ROLES",
    "ATTENDANCE_STATUSES",
    "DAY_OFF_KINDS",
    "DEFAULT_RESULTS",
    "KNOWN_HOW",
    "LAYERS",
    "NOTE_CATEGORIES",
    "PLACES",
    "PROGRAMME_KINDS",
    "RATER_ROLES",
    "STAFF_ROLES",
    "TRAINEE_STATUSES",
    "Assessment",
    "AssessmentDocument",
    "Attendance",
    "AttendanceMonth",
    "AuditEvent",
    "Base",
    "CalendarBlock",
    "Cohort",
    "DayOff",
    "KnownCertificate",
    "Leave",
    "Note",
    "Post",
    "PostSkill",
    "Programme",
    "Rubric",
    "RubricLevel",
    "RubricModule",
    "SchoolFeedback",
    "Setting",
    "Skill",
    "SkillRating",
    "SkillRatingLatest",
    "Staff",
    "Trainee",
    "Travelling",
    "UTCDateTime",
    "UnexpectedMark",
    "WeekSlot",
    "WorkshopSession",
    "new_uid",
    "utcnow",
]
