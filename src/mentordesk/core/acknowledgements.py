"""The trainee's acknowledgement of a draft sheet, made on the mentor's device.

The trainee reads the draft, gives their name and draws a signature; no key is needed. It is
kept with the draft and stamped into the sheet's trainee box when the mentor signs, so the
mentor's PAdES signature covers it. The audit trail says when and on which device (host name).
Changing the draft afterwards withdraws the acknowledgement at signing time: the trainee
acknowledged what they read, not what came later.
"""

from __future__ import annotations

import hashlib
import socket
from dataclasses import dataclass
from datetime import date, datetime

from .assessment_views import editable_draft
from .drawn_signature import MAX_BYTES, PNG_MAGIC
from .errors import UserError
from .models import Assessment
from .store import Store
from .text import clean
from .time_and_hours import local_date
from .wording import user_text

MAX_NAME = 200


@dataclass(frozen=True)
class Acknowledgement:
    """What the trainee box shows, and where and when it was given."""

    name: str
    acknowledged_on: date
    drawing_png: bytes
    at: datetime
    device: str


def this_device() -> str:
    """The host name the audit trail names for an acknowledgement made here."""
    return socket.gethostname() or "unknown"


def acknowledge(
    store: Store,
    assessment_uid: str,
    name: str,
    drawing_png: bytes,
    *,
    device: str | None = None,
) -> Acknowledgement:
    """Keep the trainee's acknowledgement of a draft; refused, changing nothing, without a name
    or a drawn signature, or when the assessment is no longer a draft."""
    typed = clean(name)
    if not typed:
        raise UserError(user_text("Acknowledgement", "Type or pick the trainee's name"))
    if len(typed) > MAX_NAME:
        raise UserError(
            user_text(
                "Acknowledgement", "The name is too long ({limit} characters at most)"
            ).format(limit=MAX_NAME)
        )
    if not drawing_png or not drawing_png.startswith(PNG_MAGIC):
        raise UserError(
            user_text("Acknowledgement", "The trainee's signature must be a drawn PNG image")
        )
    if len(drawing_png) > MAX_BYTES:
        raise UserError(
            user_text("Acknowledgement", "The signature image is too large (2 MB at most)")
        )
    where = device or this_device()
    with store.write() as s:
        a = editable_draft(s, assessment_uid)
        trainee_name = a.trainee.name
        a.acknowledged_by = typed
        a.acknowledged_device = where
        a.acknowledgement_png = drawing_png
        store.stamp(a)
        a.acknowledged_at = a.updated_at
        # The drawing itself is not copied into the trail: its hash names it.
        store.audit(
            s,
            a,
            "acknowledge",
            {
                "acknowledged_by": typed,
                "acknowledged_at": a.updated_at.isoformat(),
                "acknowledged_device": where,
                "acknowledgement_sha256": hashlib.sha256(drawing_png).hexdigest(),
                "trainee": trainee_name,
            },
        )
        return _view(a)


def _view(a: Assessment) -> Acknowledgement:
    assert a.acknowledged_at is not None and a.acknowledgement_png is not None
    return Acknowledgement(
        a.acknowledged_by,
        local_date(a.acknowledged_at),
        a.acknowledgement_png,
        a.acknowledged_at,
        a.acknowledged_device,
    )


def current_acknowledgement(store: Store, assessment_uid: str) -> Acknowledgement | None:
    """The acknowledgement still standing for the draft: None when there is none, or when the
    draft changed after it was given."""
    with store.read() as s:
        a = editable_draft(s, assessment_uid)
        if a.acknowledged_at is None or a.acknowledgement_png is None:
            return None
        if a.updated_at > a.acknowledged_at:
            return None
        return _view(a)
