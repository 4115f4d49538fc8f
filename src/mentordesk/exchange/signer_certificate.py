"""Is a certificate fit to sign a sheet: its validity period, its key usage, its fingerprint.

Checked when a key is imported, before every signature and when a sheet is verified. The
verifier cannot lean on pyHanko's path validation alone: a self-signed certificate given as
the trust anchor is trusted as it is, expired or not, whatever its key usage says.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import x509 as asn1_x509
from cryptography import x509 as pyca_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator.errors import InvalidCertificateError

from ..core.wording import Text, user_text

# PDF readers (Adobe, NSS behind pdfsig) accept either bit for a document signature.
SIGNING_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"},
    match_all_key_usages=False,
    # An extended key usage, when there is one, must allow signing documents or e-mail.
    extd_key_usage={
        "email_protection",
        "any_extended_key_usage",
        "1.3.6.1.5.5.7.3.36",  # id-kp-documentSigning (RFC 9336)
        "1.2.840.113583.1.1.5",  # Adobe Authentic Documents Trust
        "1.3.6.1.4.1.311.10.3.12",  # Microsoft document signing
    },
    explicit_extd_key_usage_required=False,
)


@dataclass(frozen=True)
class CertificateCheck:
    """What a certificate allows, read once; ``problem_at`` says what is wrong at a moment."""

    fingerprint: str
    not_before: datetime
    not_after: datetime
    # Empty when the certificate's key usage allows signing documents.
    usage_problem: str

    def problem_at(self, when: datetime) -> Text | str:
        """Why the certificate cannot sign at ``when``; empty when it can."""
        if self.usage_problem:
            return self.usage_problem
        if when > self.not_after:
            return user_text("Certificate", "the certificate expired on {date}").format(
                date=f"{self.not_after:%Y-%m-%d %H:%M} UTC"
            )
        if when < self.not_before:
            return user_text("Certificate", "the certificate is valid only from {date}").format(
                date=f"{self.not_before:%Y-%m-%d %H:%M} UTC"
            )
        return ""

    def problem_now(self) -> Text | str:
        return self.problem_at(datetime.now(UTC))


def as_asn1(cert: asn1_x509.Certificate | pyca_x509.Certificate) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def fingerprint(cert: asn1_x509.Certificate | pyca_x509.Certificate) -> str:
    """SHA-256 of the DER certificate, as ``AB:CD:…``: what a school compares by eye."""
    return hashlib.sha256(as_asn1(cert).dump()).hexdigest().upper()


def spaced(digest: str) -> str:
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def check_certificate(cert: asn1_x509.Certificate | pyca_x509.Certificate) -> CertificateCheck:
    parsed = as_asn1(cert)
    usage_problem: Text | str = ""
    try:
        key_usage = parsed.key_usage_value
        extended = parsed.extended_key_usage_value
    except ValueError:
        key_usage = extended = None
        usage_problem = user_text("Certificate", "the certificate's extensions cannot be read")
    try:
        if key_usage is not None:  # no extension at all: any usage (RFC 5280)
            SIGNING_USAGE.validate_asserted_key_usage(set(key_usage.native))
    except InvalidCertificateError:
        usage_problem = user_text(
            "Certificate",
            "the certificate is not meant for signing documents (its key usage allows "
            "neither digital signature nor non-repudiation)",
        )
    try:
        if extended is not None:
            SIGNING_USAGE.validate_asserted_extended_key_usage(set(extended.native))
    except InvalidCertificateError:
        usage_problem = usage_problem or user_text(
            "Certificate",
            "the certificate is not meant for signing documents (its extended key usage "
            "allows other purposes only)",
        )
    return CertificateCheck(
        fingerprint=spaced(fingerprint(parsed)),
        not_before=parsed.not_valid_before.astimezone(UTC),
        not_after=parsed.not_valid_after.astimezone(UTC),
        usage_problem=usage_problem,
    )
