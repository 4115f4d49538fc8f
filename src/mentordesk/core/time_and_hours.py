"""How stored moments and credited hours read to a person: local time, hours and minutes.

The database and the exchange files keep moments in UTC (interchange.md); a mentor on a plant
reads them on the plant's clock. Hours are stored as a decimal (7.6667); people count them in
hours and minutes ("7 h 40 min"). Every window, sheet and command line that shows one of these
goes through this module, so they all read the same.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from .wording import Text, user_text


def local_time(moment: datetime) -> datetime:
    """``moment`` on this computer's clock (the TZ of the process); a naive value is UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_date(moment: datetime) -> date:
    """The day ``moment`` fell on here: a note written at 07:00 in Shanghai is that day's,
    not the previous day's as its UTC date says."""
    return local_time(moment).date()


def moment_text(moment: datetime) -> str:
    """Date and time of day on this computer's clock, to the minute: "2026-11-20 07:30"."""
    return f"{local_time(moment):%Y-%m-%d %H:%M}"


def hours_and_minutes(hours: float) -> tuple[int, int]:
    """Whole hours and the minutes left over, rounded to the nearest minute."""
    minutes = round(max(hours, 0.0) * 60)
    return divmod(minutes, 60)


def hours_text(hours: float) -> Text:
    """Credited hours as a person says them: "7 h 40 min", "8 h", "45 min" (a ``Text``: the
    window shows it in its language, the command line prints the English)."""
    whole, minutes = hours_and_minutes(hours)
    if minutes == 0:
        return user_text("Hours", "{hours} h").format(hours=whole)
    if whole == 0:
        return user_text("Hours", "{minutes} min").format(minutes=minutes)
    return user_text("Hours", "{hours} h {minutes} min").format(hours=whole, minutes=minutes)


def hours_text_chinese(hours: float) -> str:
    """The same in Chinese, for a sheet printed in Chinese (no catalogue outside the window)."""
    whole, minutes = hours_and_minutes(hours)
    if minutes == 0:
        return f"{whole}小时"
    if whole == 0:
        return f"{minutes}分钟"
    return f"{whole}小时{minutes}分"
