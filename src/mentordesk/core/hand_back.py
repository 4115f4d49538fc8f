"""The way back from a mode handed to a trainee (self-assessment, acknowledgement).

The mentor chooses a PIN when handing the PC over; only a salted hash of it is held, in memory,
for that one hand-over. Not the signing passphrase: typed on a shared shop-floor PC in front of
the trainee it would be seen, and it exists only once a signing identity does. Not a PIN kept in
settings: it would need storage and a screen of its own, and a trainee who once saw it would know
it for every later hand-over.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .errors import UserError
from .wording import user_text

MIN_DIGITS = 4
MAX_DIGITS = 12


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, 100_000)


class HandBackLock:
    """A PIN chosen for one hand-over; ``opens`` says whether a PIN typed is that one."""

    def __init__(self, pin: str, repeated: str | None = None) -> None:
        pin = pin.strip()
        if not (pin.isdigit() and pin.isascii() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
            raise UserError(
                user_text("HandBack", "The PIN must be {low} to {high} digits").format(
                    low=MIN_DIGITS, high=MAX_DIGITS
                )
            )
        if repeated is not None and repeated.strip() != pin:
            raise UserError(user_text("HandBack", "The two PINs differ: type the same PIN twice"))
        self._salt = secrets.token_bytes(16)
        self._digest = _hash(pin, self._salt)

    def opens(self, pin: str) -> bool:
        return hmac.compare_digest(_hash(pin.strip(), self._salt), self._digest)
