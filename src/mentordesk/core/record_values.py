"""The values a record may hold, checked the same way whichever path they come by.

The window, the command line, a roster import and a results workbook merge all hand their
values to these checks, so that a value refused at the keyboard is refused in a file too and a
value stored can always be exported and imported again. Each refusal states the allowed range.
"""

from __future__ import annotations

import math
from datetime import date

from .errors import UserError
from .periods import parse_date
from .wording import user_text

# Hours credited for one workshop session: never more than a day, and never more than the
# session itself when its times are known.
MAX_HOURS = 24.0
# Minutes late at one session: within the session when its times are known, else within a day.
MAX_MINUTES_LATE = 24 * 60
# Free text (attendance notes, notes, evidence, comments): what the command line and the window
# accept, and far below a spreadsheet cell's 32,767 characters.
MAX_TEXT = 4000
# A spreadsheet cell holds at most this many characters (Excel's limit).
MAX_CELL = 32_767


class BadValue(UserError):
    """A value outside what its field holds; the message names the field and the range."""


def _number(value: object, what: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise BadValue(
            user_text("RecordValues", "{what}: {value} is not a number").format(
                what=what, value=str(value)[:40]
            )
        )
    return number


def hours_credited(value: object, session_hours: float = 0.0) -> float:
    """Hours credited for one session: 0 to the session's length (at most 24 h)."""
    what = user_text("RecordValues", "Hours credited")
    hours = _number(value, what)
    if hours < 0:
        raise BadValue(
            user_text("RecordValues", "Hours credited cannot be negative ({hours:g})").format(
                hours=hours
            )
        )
    if session_hours and hours > session_hours + 1e-9:
        raise BadValue(
            user_text(
                "RecordValues",
                "{hours:g} hours credited is more than the session's {length:g} h "
                "(allowed: 0 to {length:g})",
            ).format(hours=hours, length=session_hours)
        )
    if hours > MAX_HOURS:
        raise BadValue(
            user_text(
                "RecordValues",
                "{hours:g} hours credited for one session is more than {limit:g} "
                "(allowed: 0 to {limit:g})",
            ).format(hours=hours, limit=MAX_HOURS)
        )
    return hours


def minutes_late(value: object, session_hours: float = 0.0) -> int:
    """Minutes late at one session: a whole number from 0 to the session's length (or a day)."""
    what = user_text("RecordValues", "Minutes late")
    number = _number(value, what)
    if not number.is_integer():
        raise BadValue(
            user_text("RecordValues", "Minutes late must be a whole number, not {value:g}").format(
                value=number
            )
        )
    late = int(number)
    if late < 0:
        raise BadValue(
            user_text("RecordValues", "Minutes late cannot be negative ({late})").format(late=late)
        )
    if session_hours and late > session_hours * 60:
        raise BadValue(
            user_text(
                "RecordValues",
                "{late} minutes late is longer than the session ({length:g} h; allowed: 0 to "
                "{minutes:g})",
            ).format(late=late, length=session_hours, minutes=session_hours * 60)
        )
    if late > MAX_MINUTES_LATE:
        raise BadValue(
            user_text(
                "RecordValues",
                "{late} minutes late is more than a day (allowed: 0 to {limit})",
            ).format(late=late, limit=MAX_MINUTES_LATE)
        )
    return late


def level(value: object, low: int | None, high: int | None, skill: str = "") -> int:
    """A level on the rubric's scale ``low`` … ``high`` (a whole number)."""
    low, high = low or 1, high or 0
    text = str(value).strip()
    number: int | None
    try:
        number = int(text)
    except ValueError:
        try:
            as_float = float(text)
        except ValueError:
            as_float = math.nan
        number = int(as_float) if math.isfinite(as_float) and as_float.is_integer() else None
    if number is None or not low <= number <= high:
        raise BadValue(
            user_text(
                "RecordValues",
                "Level {level} is not on the scale of {skill}: choose a level from {low} to {high}",
            ).format(level=text[:40], skill=skill or "the rubric", low=low, high=high)
        )
    return number


def text_within(value: str, what: str, limit: int = MAX_TEXT) -> str:
    """``value`` unchanged when it holds at most ``limit`` characters; refused otherwise."""
    if len(value) > limit:
        raise BadValue(
            user_text(
                "RecordValues",
                "{what} holds at most {limit:,} characters; this one has {length:,}",
            ).format(what=what, limit=limit, length=len(value))
        )
    return value


def iso_day(text: str) -> date:
    """A date written exactly as YYYY-MM-DD ("2026-11-05 junk", "20261105" and "2026-W45-4"
    are refused, not guessed at): the command line's reading (``periods.parse_date``), as a
    refused value of a field."""
    try:
        return parse_date(text)
    except UserError as exc:
        raise BadValue(exc.args[0]) from None
