"""The code that names a workshop session on paper, and reading it back from a scanner.

A session's printed sign-in sheet carries ``session_code(uid)`` as a QR code. A hand scanner
types what it reads as keyboard input, ending in Enter, so the same text arrives whether the
code was scanned or typed by hand; a mentor may also paste the session's bare id. Both the
command line and a box in the window read it with :func:`session_uid_from_scan`.

The payload is ``mentordesk:session:`` followed by the session's uid (a UUID in its canonical,
lower-case, hyphenated form). The prefix keeps a sheet's code apart from other QR codes
MentorDesk prints (an assessment sheet's code holds its document ID).
"""

from __future__ import annotations

import re

PREFIX = "mentordesk:session:"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def session_code(session_uid: str) -> str:
    """What a sign-in sheet's QR code holds for the session ``session_uid``."""
    return f"{PREFIX}{session_uid}"


def session_uid_from_scan(text: str) -> str | None:
    """The session uid in a scanned or typed code, or None when ``text`` is not one.

    Accepted: the payload or a bare UUID, with blanks around it (a scanner's Enter, a
    pasted newline). Letter case is ignored: a scanner on a keyboard with Caps Lock on
    types capitals. Anything else, even a UUID with more text around it, is refused.
    """
    value = text.strip().lower()
    if value.startswith(PREFIX):
        value = value[len(PREFIX) :]
    return value if _UUID.fullmatch(value) else None
