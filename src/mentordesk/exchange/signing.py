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

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.stamp import StaticStampStyle
from pyhanko.stamp.noop import NoOpStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from ..core import assessments
from ..core.errors import UserError
from ..core.private_files import write_whole
from ..core.store import Store
from ..core.text import clean, folded
from ..core.time_and_hours import local_date
from ..core.wording import user_text
from .acknowledgement_stamp import acknowledgement_stamp
from .sheet_page import MentorStamp, countersignature_stamp
from .sheet_pdf import RenderedSheet, render_sheet
from .signer_certificate import check_certificate
from .signing_identity import LoadedIdentity
from .verify import verify_pdf

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


class HeldKeySigner(signers.Signer):
    """Signs with a key parsed once, and knows its signature's size in advance.

    pyHanko's SimpleSigner re-parses its key for every signature and signs a dummy first to
    size the placeholder; over a cohort's batch that is most of the signing time.
    """

    def __init__(self, identity: LoadedIdentity) -> None:
        cert = asn1_x509.Certificate.load(
            identity.certificate.public_bytes(serialization.Encoding.DER)
        )
        chain = [
            asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
            for c in identity.chain
        ]
        # pyhanko-certvalidator leaves from_certs unannotated (it returns the store).
        known = [cert, *chain]
        registry = SimpleCertificateStore.from_certs(known)  # type: ignore[no-untyped-call]
        super().__init__(signing_cert=cert, cert_registry=registry)
        self._key = identity.key
        self._template: _CmsTemplate | None = None
        self.name = identity.name
        self.certificate_check = check_certificate(cert)
        self.fingerprint = self.certificate_check.fingerprint
        self.refuse_if_unfit()
        certs = len(cert.dump()) + sum(len(c.dump()) for c in chain)
        # Hex digits: twice the DER size of certificates, signature and attributes, with room.
        self.bytes_reserved = 2 * (certs + identity.key.key_size // 8 + 2048)

    def refuse_if_unfit(self) -> None:
        """Sign nothing with a certificate that is expired, not yet valid or not for signing."""
        problem = self.certificate_check.problem_now()
        if problem:
            raise UserError(
                user_text(
                    "Signing",
                    "Nothing was signed: {problem} (certificate of {name}). Create a new "
                    "identity or import a current certificate",
                ).format(problem=problem, name=self.name)
            )

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run: bool = False,
        use_pades: bool = False,
        timestamper: TimeStamper | None = None,
        signed_attr_settings: PdfCMSSignedAttributes | None = None,
        is_pdf_sig: bool = True,
        encap_content_info: cms.EncapsulatedContentInfo | None = None,
    ) -> cms.ContentInfo | bytes:
        """The CMS of one PAdES signature; after the first, made from it as a template (as DER
        bytes, which pyHanko's PDF writer takes as well as a parsed container).

        Two PAdES baseline-B signatures by the same key differ only in the message digest and
        the signature value, both of fixed length with RSA: splicing them into the first
        container's bytes skips rebuilding it in asn1crypto, most of pyHanko's signing time.
        """
        key = self._key
        plain = (
            use_pades
            and not dry_run
            and timestamper is None
            and encap_content_info is None
            and digest_algorithm == "sha256"
        )
        if plain and self._template is not None and isinstance(key, rsa.RSAPrivateKey):
            return self._template.fill(data_digest, key)
        made = await super().async_sign(
            data_digest,
            digest_algorithm,
            dry_run=dry_run,
            use_pades=use_pades,
            timestamper=timestamper,
            signed_attr_settings=signed_attr_settings,
            is_pdf_sig=is_pdf_sig,
            encap_content_info=encap_content_info,
        )
        if plain and self._template is None and isinstance(key, rsa.RSAPrivateKey):
            self._template = _CmsTemplate.learn(made, data_digest)
        return made

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        digest = get_pyca_cryptography_hash(digest_algorithm)
        if isinstance(self._key, rsa.RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), digest)
        assert isinstance(self._key, ec.EllipticCurvePrivateKey)
        return self._key.sign(data, ec.ECDSA(digest))


class _CmsTemplate:
    """Where the digest and the signature sit in a signed CMS container, to make more."""

    def __init__(self, der: bytes, attrs: tuple[int, int], digest_at: int, sig: tuple[int, int]):
        self.der = der
        self.attrs = attrs
        self.digest_at = digest_at
        self.sig = sig

    @classmethod
    def learn(cls, made: cms.ContentInfo, digest: bytes) -> _CmsTemplate:
        der = made.dump()
        info = made["content"]["signer_infos"][0]
        attrs = info["signed_attrs"].dump()
        signature = info["signature"].native
        a = der.index(attrs)
        s = der.index(signature, a + len(attrs))
        return cls(der, (a, a + len(attrs)), a + attrs.index(digest), (s, s + len(signature)))

    def fill(self, digest: bytes, key: rsa.RSAPrivateKey) -> bytes:
        der = bytearray(self.der)
        der[self.digest_at : self.digest_at + len(digest)] = digest
        start, end = self.attrs
        # The signature covers the attributes as a SET OF, not as the [0] field they sit in.
        signed = b"\x31" + bytes(der[start + 1 : end])
        value = key.sign(signed, PKCS1v15(), hashes.SHA256())
        if len(value) != self.sig[1] - self.sig[0]:
            raise ValueError("signature length changed")
        der[self.sig[0] : self.sig[1]] = value
        return bytes(der)


RESULT_LINE = "\nResult: "
COMMENT_LINE = "\nComment: "


def _meta(
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
        _meta("mentor", signer.name),
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
            _meta(role, signer.name, comment, result), signer, stamp_style=style
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
    view: assessments.AssessmentView, pdf: bytes, signer: HeldKeySigner, now: datetime
) -> assessments.Signed:
    """What locks the draft, with who signed it by certificate and whom the form names."""
    return assessments.Signed(
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
) -> assessments.AssessmentView:
    """Render the draft with the mentor's stamp, sign it, and lock it in the store."""
    view = assessments.get_assessment(store, uid)
    if view.state != "draft":
        raise UserError(
            user_text("Signing", "The assessment of {name} is already {state}").format(
                name=view.trainee_name,
                state=assessments.STATE_WORDS.get(view.state, view.state),
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
    return assessments.mark_signed(store, signed_record(view, pdf, signer, now))


def signed_pdf(
    view: assessments.AssessmentView,
    results: list[str],
    signer: HeldKeySigner,
    drawing_png: bytes | None,
    now: datetime,
    *,
    language: str = "both",
    trainee_stamp: MentorStamp | None = None,
) -> bytes:
    stamp = MentorStamp(signer.name, local_date(now), drawing_png)
    sheet = render_sheet(view, results, stamp, language=language, trainee_stamp=trainee_stamp)
    return sign_sheet(sheet, signer)


def countersign_assessment(
    store: Store, uid: str, signer: HeldKeySigner, role: str
) -> assessments.DocumentView:
    pdf = assessments.latest_document(store, uid)
    if pdf is None:
        raise UserError(user_text("Signing", "Only a signed assessment can be countersigned"))
    return assessments.add_countersignature(store, uid, countersign(pdf, signer, role), role)


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


def attach_countersigned(store: Store, uid: str, pdf: bytes) -> assessments.DocumentView:
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
    return assessments.add_countersignature(
        store, uid, pdf, "countersigned", comment=said[0], result=said[1]
    )


def sheet_assessment(pdf: bytes) -> str | None:
    """The assessment uid a sheet names in its document ID ("uid vN", the PDF's subject)."""
    try:
        info = PdfFileReader(io.BytesIO(pdf), strict=False).trailer_view.get("/Info")
        subject = str(info.get_object().get("/Subject", "")) if info is not None else ""
    except (ValueError, KeyError, AttributeError):
        return None
    return subject.split(" ")[0] or None
