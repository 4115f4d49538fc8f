"""PAdES signatures on assessment sheets (pyHanko): the mentor's, then countersignatures.

The mentor's signature creates all three signature fields over the boxes of the form; a
countersignature fills one of the empty ones as an incremental update, so every earlier
signature still covers exactly the bytes it signed.
"""

from __future__ import annotations

import io
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle
from pyhanko.stamp.noop import NoOpStampStyle

from ..core import assessment_signing, assessment_views, assessments
from ..core.errors import UserError
from ..core.private_files import write_whole
from ..core.store import Store
from ..core.text import clean, folded
from ..core.time_and_hours import local_date
from ..core.wording import user_text
from .acknowledgement_stamp import acknowledgement_stamp
from .pades_signer import HeldKeySigner
from .sheet_fields import (
    COUNTERSIGNERS,
    FIELDS,
    REASONS,
    ROLE_WORDS,
    countersigned_comment,
    sheet_assessment,
    signature_meta,
    signing_time,
)
from .sheet_page import MentorStamp, countersignature_stamp
from .sheet_pdf import RenderedSheet, render_sheet
from .verify import verify_pdf

# Callers import these from here: the signer, the fields and what a signature says.
__all__ = [
    "COUNTERSIGNERS",
    "FIELDS",
    "REASONS",
    "HeldKeySigner",
    "attach_countersigned",
    "countersign",
    "countersign_assessment",
    "countersign_file",
    "countersigned_comment",
    "other_mentor",
    "sheet_assessment",
    "sign_assessment",
    "sign_sheet",
    "signed_pdf",
    "signed_record",
]


def sign_sheet(sheet: RenderedSheet, signer: HeldKeySigner) -> bytes:
    """The mentor's PAdES signature over a freshly rendered sheet, with the empty fields."""
    signer.refuse_if_unfit()
    writer = IncrementalPdfFileWriter(io.BytesIO(sheet.pdf), strict=False)
    for role in COUNTERSIGNERS:
        page, box = sheet.boxes[role]
        fields.append_signature_field(
            writer, fields.SigFieldSpec(FIELDS[role], on_page=page, box=_int_box(box))
        )
    page, box = sheet.boxes["mentor"]
    pdf_signer = signers.PdfSigner(
        signature_meta("mentor", signer.name),
        signer,
        new_field_spec=fields.SigFieldSpec(FIELDS["mentor"], on_page=page, box=_int_box(box)),
        # The drawn signature, name and date are already on the page, inside the box.
        stamp_style=NoOpStampStyle(),
    )
    out: io.BytesIO = pdf_signer.sign_pdf(writer, bytes_reserved=signer.bytes_reserved)
    return out.getvalue()


def _int_box(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = box
    return round(x1), round(y1), round(x2), round(y2)


def countersign(
    pdf: bytes, signer: HeldKeySigner, role: str, comment: str = "", result: str = ""
) -> bytes:
    """Fill the teacher's or trainee's empty field, appended as an incremental update."""
    if role not in COUNTERSIGNERS:
        raise UserError(
            user_text("Signing", "A countersignature is by the {first} or the {second}").format(
                first=ROLE_WORDS["teacher"], second=ROLE_WORDS["trainee"]
            )
        )
    signer.refuse_if_unfit()
    _refuse_unless_intact(pdf)
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    wanted = FIELDS[role]
    existing = {
        name: (value, ref.get_object().get("/Rect"))
        for name, value, ref in fields.enumerate_sig_fields(reader)
    }
    if wanted not in existing:
        raise UserError(
            user_text(
                "Signing", "This PDF has no box for that signature (was it signed by MentorDesk?)"
            )
        )
    if existing[wanted][0] is not None:
        raise UserError(
            user_text("Signing", "The {role}'s box of this sheet is already signed").format(
                role=ROLE_WORDS[role]
            )
        )
    x1, y1, x2, y2 = (float(v) for v in existing[wanted][1])
    comment, result = clean(comment), clean(result)
    stamp = countersignature_stamp(
        signer.name, local_date(datetime.now(UTC)), x2 - x1, y2 - y1, comment, result
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stamp.pdf"
        path.write_bytes(stamp)
        style = StaticStampStyle.from_pdf_file(str(path), border_width=0)
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out: io.BytesIO = signers.PdfSigner(
            signature_meta(role, signer.name, comment, result), signer, stamp_style=style
        ).sign_pdf(writer, existing_fields_only=True, bytes_reserved=signer.bytes_reserved)
    return out.getvalue()


def _refuse_unless_intact(pdf: bytes) -> None:
    """Endorse only a sheet whose every signature verifies: bytes, later changes, certificate."""
    report = verify_pdf(pdf)
    for check in report.signatures:
        problem = check.problem or check.certificate_problem_at_signing
        if not (check.intact and check.unmodified) or check.certificate_problem_at_signing:
            raise UserError(
                user_text(
                    "Signing",
                    "Not countersigned: the signature {field} by {signer} does not verify "
                    "({problem})",
                ).format(field=check.field, signer=check.signer, problem=problem)
            )


def other_mentor(form_mentor: str, signer_name: str) -> bool:
    """True when the form names a mentor and the signing certificate names someone else."""
    form, signer = folded(clean(form_mentor)), folded(clean(signer_name))
    return bool(form) and form != signer


def signed_record(
    view: assessment_views.AssessmentView, pdf: bytes, signer: HeldKeySigner, now: datetime
) -> assessment_signing.Signed:
    """What locks the draft, with who signed it by certificate and whom the form names."""
    return assessment_signing.Signed(
        view.uid,
        pdf,
        signer.name,
        now,
        view.updated_at,
        certificate_sha256=signer.fingerprint,
        form_mentor=view.mentor,
    )


# -- services over the store ---------------------------------------------------------------


def sign_assessment(
    store: Store,
    uid: str,
    signer: HeldKeySigner,
    drawing_png: bytes | None,
    *,
    language: str = "both",
) -> assessment_views.AssessmentView:
    """Render the draft with the mentor's stamp, sign it, and lock it in the store."""
    view = assessments.get_assessment(store, uid)
    if view.state != "draft":
        raise UserError(
            user_text("Signing", "The assessment of {name} is already {state}").format(
                name=view.trainee_name,
                state=assessment_views.STATE_WORDS.get(view.state, view.state),
            )
        )
    if not view.result:
        raise UserError(
            user_text("Signing", "Choose a result for {name} before signing").format(
                name=view.trainee_name
            )
        )
    now = datetime.now(UTC)
    pdf = signed_pdf(
        view,
        assessments.result_choices(store),
        signer,
        drawing_png,
        now,
        language=language,
        trainee_stamp=acknowledgement_stamp(store, uid),
    )
    # The record says the time the signature itself carries, not when the work began: the
    # sheet is drawn before it is signed, and readers such as pdfsig show the signature's.
    now = signing_time(pdf) or now
    return assessment_signing.mark_signed(store, signed_record(view, pdf, signer, now))


def signed_pdf(
    view: assessment_views.AssessmentView,
    results: list[str],
    signer: HeldKeySigner,
    drawing_png: bytes | None,
    now: datetime,
    *,
    language: str = "both",
    trainee_stamp: MentorStamp | None = None,
) -> bytes:
    stamp = MentorStamp(signer.name, local_date(now), drawing_png)
    sheet = render_sheet(
        view, results, stamp, language=language, created=now, trainee_stamp=trainee_stamp
    )
    return sign_sheet(sheet, signer)


def countersign_assessment(
    store: Store, uid: str, signer: HeldKeySigner, role: str, comment: str = "", result: str = ""
) -> assessment_views.DocumentView:
    """Countersign the stored sheet here (the teacher at this PC): the comment and result go
    into the box and into the database, as when a copy countersigned elsewhere is attached."""
    pdf = assessments.latest_document(store, uid)
    if pdf is None:
        raise UserError(user_text("Signing", "Only a signed assessment can be countersigned"))
    signed = countersign(pdf, signer, role, comment, result)
    return assessment_signing.add_countersignature(
        store,
        uid,
        signed,
        role,
        comment=clean(comment),
        result=clean(result),
        signed_here=(signer.name, signer.fingerprint),
    )


def countersign_file(
    source: Path,
    target: Path,
    signer: HeldKeySigner,
    role: str,
    comment: str = "",
    result: str = "",
) -> Path:
    """Countersign a sheet received as a file (the school's side, without the database)."""
    try:
        pdf = source.read_bytes()
    except OSError as exc:
        raise UserError(
            user_text("Signing", "{file}: cannot be read ({error})").format(
                file=str(source), error=exc.strerror
            )
        ) from exc
    return write_whole(target, countersign(pdf, signer, role, comment, result))


def attach_countersigned(store: Store, uid: str, pdf: bytes) -> assessment_views.DocumentView:
    """Keep a copy countersigned elsewhere (the school's), once its signatures check out."""
    report = verify_pdf(pdf)
    if not report.ok(require_trust=False):
        broken = [s.field for s in report.signatures if not s.sound]
        if broken:
            raise UserError(
                user_text(
                    "Signing",
                    "This PDF's signatures do not check out ({fields}); it was not attached",
                ).format(fields=", ".join(broken))
            )
        raise UserError(
            user_text("Signing", "This PDF's signatures do not check out; it was not attached")
        )
    said = countersigned_comment(pdf) or ("", "")
    return assessment_signing.add_countersignature(
        store, uid, pdf, "countersigned", comment=said[0], result=said[1]
    )
