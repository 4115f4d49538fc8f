"""The signature fields of a sheet, and what a signature says in them: who signs which box,
the reason, and the countersigner's comment and result carried in the signed /Reason."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers

from ..core.wording import user_text

FIELDS = {
    "mentor": "MentorSignature",
    "trainee": "TraineeAcknowledgement",
    "teacher": "TeacherCountersignature",
}
COUNTERSIGNERS = ("teacher", "trainee")
# The countersigners in a sentence, said in the interface language.
ROLE_WORDS = {
    "teacher": user_text("Signing", "teacher"),
    "trainee": user_text("Signing", "trainee"),
}
REASONS = {
    "mentor": "Assessment signed by the enterprise mentor",
    "trainee": "Trainee acknowledges the assessment",
    "teacher": "Countersigned by the school teacher",
}


RESULT_LINE = "\nResult: "
COMMENT_LINE = "\nComment: "


def signature_meta(
    role: str, name: str, comment: str = "", result: str = ""
) -> signers.PdfSignatureMetadata:
    # The comment and result ride in the signed /Reason: covered by the countersignature,
    # and read back from the PDF when the copy is attached (see ``countersigned_comment``).
    reason = REASONS[role]
    if result:
        reason += RESULT_LINE + result
    if comment:
        reason += COMMENT_LINE + comment
    return signers.PdfSignatureMetadata(
        field_name=FIELDS[role],
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=name,
        reason=reason,
    )


def countersigned_comment(pdf: bytes, role: str = "teacher") -> tuple[str, str] | None:
    """The (comment, result) a countersigner wrote into this sheet, or None if unsigned."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    for sig in reader.embedded_signatures:
        if sig.field_name != FIELDS[role]:
            continue
        reason = str(sig.sig_object.get("/Reason", ""))
        head, _, comment = reason.partition(COMMENT_LINE)
        _, _, result = head.partition(RESULT_LINE)
        return comment, result
    return None


def signing_time(pdf: bytes, role: str = "mentor") -> datetime | None:
    """When the signature in ``role``'s field says it was made (its signed /M), or None."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    for sig in reader.embedded_signatures:
        if sig.field_name == FIELDS[role]:
            said: datetime | None = sig.self_reported_timestamp
            return said.astimezone(UTC) if said is not None else None
    return None


def sheet_assessment(pdf: bytes) -> str | None:
    """The assessment uid a sheet names in its document ID ("uid vN", the PDF's subject)."""
    try:
        info = PdfFileReader(io.BytesIO(pdf), strict=False).trailer_view.get("/Info")
        subject = str(info.get_object().get("/Subject", "")) if info is not None else ""
    except (ValueError, KeyError, AttributeError):
        return None
    return subject.split(" ")[0] or None
