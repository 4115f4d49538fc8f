"""The trainee's acknowledgement as the sheet's trainee box shows it, and the draft it reads."""

from __future__ import annotations

from pathlib import Path

from ..core import assessments
from ..core.acknowledgements import Acknowledgement, acknowledge, current_acknowledgement
from ..core.errors import UserError
from ..core.store import Store
from ..core.wording import user_text
from .sheet_page import MentorStamp
from .sheet_pdf import render_sheet


def acknowledgement_stamp(store: Store, assessment_uid: str) -> MentorStamp | None:
    """What goes into the trainee box when the mentor signs: None without a standing
    acknowledgement (none given, or the draft changed since)."""
    ack = current_acknowledgement(store, assessment_uid)
    if ack is None:
        return None
    return MentorStamp(ack.name, ack.acknowledged_on, ack.drawing_png)


def draft_for_trainee(store: Store, assessment_uid: str, language: str = "both") -> bytes:
    """The draft sheet as the trainee reads it before acknowledging (no stamps)."""
    view = assessments.get_assessment(store, assessment_uid)
    return render_sheet(view, assessments.result_choices(store), language=language).pdf


def acknowledge_with_file(
    store: Store, assessment_uid: str, name: str, png_file: Path
) -> Acknowledgement:
    """``mentordesk assessment acknowledge``: the drawn signature read from a PNG file."""
    try:
        drawing = Path(png_file).read_bytes()
    except OSError as exc:
        raise UserError(
            user_text(
                "Acknowledgement", "{file}: cannot read the signature image ({reason})"
            ).format(file=png_file, reason=exc.strerror or exc)
        ) from exc
    return acknowledge(store, assessment_uid, name, drawing)
