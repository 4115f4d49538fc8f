"""Cleaning text as people type it and as office software stores it."""

from __future__ import annotations

import re
import unicodedata

# Invisible format characters: bidi overrides and isolates, marks, zero-width space, word joiner,
# BOM. In an ID or a name they only hide or disguise text (an ID that displays as another ID).
# Zero-width (non-)joiners stay: some scripts spell words with them.
INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean(value: object) -> str:
    """Trim ordinary and full-width spaces, drop invisible format characters; ``None`` → ""."""
    if value is None:
        return ""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", str(value)))
    return text.replace("\u3000", " ").strip()


def required(value: object, what: str) -> str:
    """``value`` cleaned; refused when empty. ``what`` names it: pass a ``user_text`` label."""
    from .errors import UserError
    from .wording import user_text

    text = clean(value)
    if not text:
        raise UserError(user_text("Text", "{what} must not be empty").format(what=what))
    return text


def folded(value: str) -> str:
    """For case- and width-insensitive search."""
    return unicodedata.normalize("NFKC", value).casefold()


def like_escaped(value: str) -> str:
    """``value`` for a LIKE pattern with ``escape="\\\\"``: its '%', '_' and '\\\\' match themselves."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# C0 and C1 control characters and DEL: in a terminal, ESC starts a command (clear the screen,
# rewrite the title, fake a prompt), BEL rings, CR overwrites the line. Text from a database or
# a workbook must print as what it is.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\t" else f"\\x{ord(char):02x}"


def for_terminal(value: str, *, keep_newlines: bool = True) -> str:
    """``value`` with control characters shown as ``\\x1b`` escapes (tabs as spaces), so that
    printing it cannot drive the terminal. ``keep_newlines=False`` escapes line breaks too:
    one line stays one line."""
    pattern = _CONTROL_BUT_NEWLINE if keep_newlines else _CONTROL
    return pattern.sub(_shown, INVISIBLE.sub(_shown_invisible, value))


def _shown_invisible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
