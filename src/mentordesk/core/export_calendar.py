"""The Calendar sheet of a results export: a cohort's plan blocks, holidays and closures.

One sheet carries both, so that a school that keeps the plan in a spreadsheet writes one
table: a block is a row with `Place` `school` or `plant`; a day off is a row with `Place`
`holiday` or `closure`, `Start` = `End` = the day, and `Cohort` empty for every cohort.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Float, Select, String, cast, func, literal, null, or_, select, union_all

from .models import CalendarBlock, Cohort, DayOff

COLUMNS = (
    "UID",
    "Updated At",
    "Deleted",
    "Cohort",
    "Start",
    "End",
    "Place",
    "Planned Hours",
    "Label",
)


def calendar_query(
    cohort_id: int | None, start: date | None, end: date | None
) -> Select[*tuple[Any, ...]]:
    """Blocks of the cohort (or of all) meeting the period, and the days off inside it that
    apply to the cohort, by start date: deleted ones too, so that a deletion travels."""
    blocks = select(
        CalendarBlock.uid.label("uid"),
        CalendarBlock.updated_at.label("updated_at"),
        CalendarBlock.deleted.label("deleted"),
        func.coalesce(Cohort.name, "").label("cohort"),
        CalendarBlock.starts_on.label("starts_on"),
        CalendarBlock.ends_on.label("ends_on"),
        CalendarBlock.place.label("place"),
        cast(CalendarBlock.planned_hours, Float).label("planned_hours"),
        literal("", String).label("label"),
    ).outerjoin(Cohort, Cohort.id == CalendarBlock.cohort_id)
    days = select(
        DayOff.uid,
        DayOff.updated_at,
        DayOff.deleted,
        func.coalesce(Cohort.name, ""),
        DayOff.day,
        DayOff.day,
        DayOff.kind,
        cast(null(), Float),
        DayOff.label,
    ).outerjoin(Cohort, Cohort.id == DayOff.cohort_id)
    if cohort_id is not None:
        blocks = blocks.where(CalendarBlock.cohort_id == cohort_id)
        days = days.where(or_(DayOff.cohort_id.is_(None), DayOff.cohort_id == cohort_id))
    if start is not None:
        blocks = blocks.where(CalendarBlock.ends_on >= start)
        days = days.where(DayOff.day >= start)
    if end is not None:
        blocks = blocks.where(CalendarBlock.starts_on <= end)
        days = days.where(DayOff.day <= end)
    both = union_all(blocks, days).subquery()
    return select(*both.c).order_by(both.c.starts_on, both.c.place, both.c.cohort, both.c.uid)
