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
