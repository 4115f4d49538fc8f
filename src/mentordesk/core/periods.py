"""Dates and periods as people type them: one reading for every command, with clear refusals."""

from __future__ import annotations

import re
from datetime import date

from .errors import UserError
from .wording import user_text

# Services count a period up to the day after its end, and months from the first of the month
# before its start: a date at the very edge of the calendar would overflow there. Nobody's
# training lies outside these years.
_YYYY_MM_DD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(9998, 12, 31)


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` as a date; a UserError saying what is wrong otherwise.

    The caller names the value (an option, a cell) in front of the message when it has one.
    """
    value = text.strip()
    try:
        # fromisoformat alone also reads 20261120 and 2026-W47-5: too surprising in a period.
        if not _YYYY_MM_DD.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise UserError(
            user_text("Periods", "'{text}' is not a date as YYYY-MM-DD, like 2026-11-20").format(
                text=text
            )
        ) from None
    check_in_range(day)
    return day


def check_in_range(day: date) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UserError(
            user_text("Periods", "{day} is out of range: dates run from {first} to {last}").format(
                day=day, first=FIRST_DAY, last=LAST_DAY
            )
        )


def check_period(start: date | None, end: date | None) -> None:
    """Refuse a period that ends before it starts or leaves the calendar (either end may be
    open)."""
    for day in (start, end):
        if day is not None:
            check_in_range(day)
    if start is not None and end is not None and start > end:
        raise UserError(
            user_text("Periods", "The period starts on {start}, after it ends on {end}").format(
                start=start, end=end
            )
        )
