"""Checking the signatures of a sheet: who signed, when, is it intact, is the signer trusted."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ..core.errors import UserError
from ..core.wording import user_text
from .signer_certificate import check_certificate

# pyHanko logs a traceback for every self-signed certificate it cannot anchor; the report
# says "not trusted" already. Records still reach the application's log when it has one.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signer: str
    signed_at: datetime | None
    intact: bool
    unmodified: bool
    trusted: bool
    problem: str = ""
    # SHA-256 of the signer's certificate, to compare with the mentor's exported certificate.
    fingerprint: str = ""
    # Why the certificate cannot sign now (pdfsig's verdict too) and at the time claimed.
    certificate_problem: str = ""
    certificate_problem_at_signing: str = ""
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    # The signer as the certificate names it (its common name): what known certificates key on.
    name: str = ""

    @property
    def sound(self) -> bool:
        """The bytes are as signed and the certificate could sign them (trust aside)."""
        return self.intact and self.unmodified and not self.certificate_problem

    @property
    def state(self) -> str:
        if not self.intact:
            return "TAMPERED"
        if not self.unmodified:
            return "MODIFIED AFTER SIGNING"
        return "intact"


@dataclass
class VerifyReport:
    signatures: list[SignatureCheck] = field(default_factory=list)
    empty_fields: list[str] = field(default_factory=list)

    def ok(self, require_trust: bool) -> bool:
        """Every signature intact and unmodified (and trusted when a trust anchor was given)."""
        return bool(self.signatures) and all(
            s.sound and (s.trusted or not require_trust) for s in self.signatures
        )


def load_trust(path: Path) -> asn1_x509.Certificate:
    """A certificate file, PEM or DER, to trust as a signer or its issuer."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            user_text("Verify", "{file}: cannot be read ({error})").format(
                file=str(path), error=exc.strerror
            )
        ) from exc
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        cert = asn1_x509.Certificate.load(data)
        cert.native  # noqa: B018  (parses it fully: a broken file fails here, not later)
    except (ValueError, TypeError) as exc:
        raise UserError(
            user_text("Verify", "{file}: not a certificate (PEM or DER expected)").format(
                file=str(path)
            )
        ) from exc
    return cert


def verify_pdf(data: bytes, trust: list[asn1_x509.Certificate] | None = None) -> VerifyReport:
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = reader.embedded_signatures
        all_fields = list(fields.enumerate_sig_fields(reader))
    except (PdfReadError, ValueError, KeyError) as exc:
        raise UserError(
            user_text("Verify", "Not a readable PDF, or damaged beyond reading: {error}").format(
                error=str(exc)
            )
        ) from exc
    report = VerifyReport(empty_fields=[name for name, value, _ in all_fields if value is None])
    context = ValidationContext(trust_roots=list(trust or []), allow_fetching=False)
    for sig in sigs:
        report.signatures.append(_check(sig, context, bool(trust)))
    return report


def _check(
    sig: EmbeddedPdfSignature, context: ValidationContext, with_trust: bool
) -> SignatureCheck:
    try:
        subject = sig.signer_cert.subject.native
        signer = name = subject.get("common_name") or sig.signer_cert.subject.human_friendly
        if subject.get("organization_name"):
            signer += f" ({subject['organization_name']})"
    except (ValueError, KeyError, AttributeError):
        signer = user_text("Verify", "(unreadable certificate)")
        name = ""
    try:
        cert = check_certificate(sig.signer_cert)
    except (ValueError, KeyError, AttributeError, TypeError):
        cert = None
    try:
        status = validate_pdf_signature(sig, signer_validation_context=context)
    except Exception as exc:  # a mangled CMS blob is a broken signature, not a crash
        return SignatureCheck(
            sig.field_name,
            signer,
            None,
            False,
            False,
            False,
            str(exc),
            fingerprint=cert.fingerprint if cert else "",
            name=name,
        )
    intact = bool(status.intact and status.valid)
    coverage_ok = status.coverage is not None and status.coverage >= (
        SignatureCoverageLevel.ENTIRE_REVISION
    )
    level = status.modification_level
    unmodified = coverage_ok and (level is None or level <= ModificationLevel.FORM_FILLING)
    if status.docmdp_ok is False:
        unmodified = False
    signed_at = sig.self_reported_timestamp
    if signed_at is not None and signed_at.tzinfo is None:
        signed_at = signed_at.replace(tzinfo=UTC)  # a /M without an offset: read as UTC
    if cert is None:
        unreadable: str = user_text("Verify", "the signer's certificate cannot be read")
        now_problem = at_signing = unreadable
    else:
        # Like pdfsig: the certificate must be good now; the claimed time is the signer's word.
        now_problem = cert.problem_at(datetime.now(UTC))
        at_signing = cert.problem_at(signed_at) if signed_at else now_problem
    trusted = bool(status.trusted) and not now_problem
    problem = ""
    if not intact:
        problem = user_text("Verify", "the signed bytes do not match the signature")
    elif not unmodified:
        problem = user_text("Verify", "the document was changed after this signature")
    elif now_problem:
        problem = now_problem
    elif with_trust and not trusted:
        problem = user_text("Verify", "the signer is not the trusted certificate nor issued by it")
    return SignatureCheck(
        field=sig.field_name,
        signer=signer,
        signed_at=signed_at,
        intact=intact,
        unmodified=unmodified,
        trusted=trusted,
        problem=problem,
        fingerprint=cert.fingerprint if cert else "",
        certificate_problem=now_problem,
        certificate_problem_at_signing=at_signing,
        valid_from=cert.not_before if cert else None,
        valid_to=cert.not_after if cert else None,
        name=name,
    )


def verify_file(path: Path, trust: list[asn1_x509.Certificate] | None = None) -> VerifyReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            user_text("Verify", "{file}: cannot be read ({error})").format(
                file=str(path), error=exc.strerror
            )
        ) from exc
    return verify_pdf(data, trust)
