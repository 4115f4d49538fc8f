"""Cleaning text as people type it and as office software stores it."""

from __future__ import annotations

import unicodedata


def clean(value: object) -> str:
    """Trim ordinary and full-width spaces; ``None`` becomes an empty string."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return text.replace("\u3000", " ").strip()


def required(value: object, what: str) -> str:
    from .errors import UserError

    text = clean(value)
    if not text:
        raise UserError(f"{what} must not be empty")
    return text


def folded(value: str) -> str:
    """For case- and width-insensitive search."""
    return unicodedata.normalize("NFKC", value).casefold()
