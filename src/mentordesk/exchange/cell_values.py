"""A cell as the person typed it: text, whole numbers without ".0", IDs that kept their digits."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

from ..core.text import clean
from ..core.wording import user_text

# Every whole number below this is exact as a spreadsheet's (double-precision) number.
EXACT_INTEGERS = 2**53
# Spreadsheets keep 15 significant digits: an ID typed as a number this long lost its last ones.
ID_DIGITS_KEPT = 10**15
_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+")

_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)


def header_key(value: object) -> str:
    """Headers compared case-insensitively, ignoring spaces, punctuation and a trailing colon."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    return _PUNCTUATION.sub("", text)


def cell_text(value: object) -> str:
    """A cell as text the way a person typed it: 20250101 (a number) is "20250101"."""
    if value is None:
        return ""
    # Plain ASCII text and whole numbers, most of any sheet, need no Unicode cleaning.
    if isinstance(value, str) and value.isascii():
        return value.strip()
    if value.__class__ is int:
        return str(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_INTEGERS:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return clean(value)


def identifier_text(value: object) -> str:
    """An ID cell as text; ``ValueError`` when the spreadsheet has already lost its digits
    (an 18-digit ID typed as a number is stored as 1.10101200001011E+17)."""
    if isinstance(value, float) and abs(value) >= ID_DIGITS_KEPT:
        shown = repr(value)
    else:
        shown = cell_text(value)
        if not _SCIENTIFIC.fullmatch(shown):
            return shown
    raise ValueError(
        user_text(
            "Workbook",
            "{value} is an ID stored as a number, and the spreadsheet has already dropped its "
            "last digits; format the column as Text, type the IDs again and import again",
        ).format(value=shown[:40])
    )
