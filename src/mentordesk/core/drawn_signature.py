"""The local user's hand-drawn signature, kept as a PNG image to stamp on sheets they sign."""

from __future__ import annotations

import base64

from .errors import UserError
from .store import Store
from .wording import user_text

SETTING = "drawn_signature_png"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 2_000_000


def save_drawn_signature(store: Store, png: bytes) -> None:
    if not png.startswith(PNG_MAGIC):
        raise UserError(user_text("Signature", "The drawn signature must be a PNG image"))
    if len(png) > MAX_BYTES:
        raise UserError(
            user_text("Signature", "The drawn signature image is too large (2 MB at most)")
        )
    with store.write() as s:
        store.set_setting(s, SETTING, base64.b64encode(png).decode("ascii"))


def drawn_signature(store: Store) -> bytes | None:
    raw = store.get_setting(SETTING)
    return base64.b64decode(raw) if raw else None


def clear_drawn_signature(store: Store) -> None:
    with store.write() as s:
        store.set_setting(s, SETTING, "")
