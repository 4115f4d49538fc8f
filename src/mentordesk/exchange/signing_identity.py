"""The local user's signing identity: a key and its X.509 certificate, encrypted at rest.

Kept as one PKCS#12 file under a passphrase in the data folder, plus the certificate alone
(public) beside it so that who signs can be shown without asking for the passphrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ..core.errors import UserError
from ..core.private_files import private_folder, write_whole
from ..core.wording import user_text
from ..paths import data_dir
from .signer_certificate import check_certificate

KEY_FILE = "identity.p12"
CERT_FILE = "identity-cert.pem"
MIN_PASSPHRASE = 8


class WrongPassphrase(UserError):
    def __init__(self) -> None:
        super().__init__(
            user_text("SigningIdentity", "The passphrase does not unlock the signing identity")
        )


@dataclass(frozen=True)
class IdentityInfo:
    name: str
    organisation: str
    email: str
    fingerprint: str
    not_before: datetime
    not_after: datetime
    self_signed: bool
    # Why the certificate cannot sign now (expired, not yet valid, not for signing); or empty.
    problem: str = ""


@dataclass(frozen=True)
class LoadedIdentity:
    """The unlocked key and its chain, held for a signing session (e.g. a whole batch)."""

    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def name(self) -> str:
        return _attr(self.certificate, NameOID.COMMON_NAME)


def identity_dir() -> Path:
    return private_folder(data_dir() / "signing")


def _attr(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _info(cert: x509.Certificate) -> IdentityInfo:
    return IdentityInfo(
        name=_attr(cert, NameOID.COMMON_NAME),
        organisation=_attr(cert, NameOID.ORGANIZATION_NAME),
        email=_attr(cert, NameOID.EMAIL_ADDRESS),
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(":").upper(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        self_signed=cert.issuer == cert.subject,
        problem=check_certificate(cert).problem_now(),
    )


def refuse_unfit(cert: x509.Certificate, source: Path | None = None) -> None:
    """Refuse a certificate that cannot sign now, naming the file it came from."""
    problem = check_certificate(cert).problem_now()
    if not problem:
        return
    if source is not None:
        raise UserError(
            user_text("SigningIdentity", "{file}: {problem}; it was not imported").format(
                file=str(source), problem=problem
            )
        )
    raise UserError(
        user_text(
            "SigningIdentity",
            "Your signing identity cannot sign: {problem}. Create a new identity or import a "
            "current certificate",
        ).format(problem=problem)
    )


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(
            user_text(
                "SigningIdentity", "The passphrase must have at least {count} characters"
            ).format(count=MIN_PASSPHRASE)
        )
    return passphrase.encode("utf-8")


def _save(identity: LoadedIdentity, passphrase: str, folder: Path) -> IdentityInfo:
    secret = _check_passphrase(passphrase)
    private_folder(folder)
    blob = pkcs12.serialize_key_and_certificates(
        identity.name.encode("utf-8"),
        identity.key,
        identity.certificate,
        list(identity.chain) or None,
        serialization.BestAvailableEncryption(secret),
    )
    write_whole(folder / KEY_FILE, blob)
    write_whole(folder / CERT_FILE, identity.certificate.public_bytes(serialization.Encoding.PEM))
    return _info(identity.certificate)


def has_identity(folder: Path | None = None) -> bool:
    folder = folder or identity_dir()
    return (folder / KEY_FILE).is_file() and (folder / CERT_FILE).is_file()


def identity_info(folder: Path | None = None) -> IdentityInfo | None:
    folder = folder or identity_dir()
    if not has_identity(folder):
        return None
    return _info(x509.load_pem_x509_certificate((folder / CERT_FILE).read_bytes()))


def create_identity(
    name: str,
    passphrase: str,
    *,
    organisation: str = "",
    email: str = "",
    years: int = 5,
    replace: bool = False,
    folder: Path | None = None,
) -> IdentityInfo:
    """A new RSA key and a self-signed certificate usable for document signing."""
    folder = folder or identity_dir()
    if not name.strip():
        raise UserError(user_text("SigningIdentity", "The signing identity needs a name"))
    _check_passphrase(passphrase)
    if has_identity(folder) and not replace:
        raise UserError(
            user_text(
                "SigningIdentity",
                "A signing identity already exists; replacing it means documents you sign from "
                "now on carry a new certificate (use --replace)",
            )
        )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    parts = [x509.NameAttribute(NameOID.COMMON_NAME, name.strip())]
    if organisation.strip():
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation.strip()))
    if email.strip():
        parts.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email.strip()))
    subject = x509.Name(parts)
    now = datetime.now(UTC) - timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return _save(LoadedIdentity(key, cert), passphrase, folder)


def import_pkcs12(
    source: Path,
    file_passphrase: str,
    passphrase: str,
    *,
    replace: bool = False,
    folder: Path | None = None,
) -> IdentityInfo:
    """Take an existing key and certificate (.p12/.pfx), stored under our own passphrase."""
    folder = folder or identity_dir()
    if has_identity(folder) and not replace:
        raise UserError(
            user_text(
                "SigningIdentity", "A signing identity already exists (use --replace to replace it)"
            )
        )
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(
            user_text("SigningIdentity", "{file}: cannot be read ({error})").format(
                file=str(source), error=exc.strerror
            )
        ) from exc
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, file_passphrase.encode("utf-8") or None
        )
    except ValueError as exc:
        raise UserError(
            user_text(
                "SigningIdentity", "{file}: not a PKCS#12 file, or the file's passphrase is wrong"
            ).format(file=str(source))
        ) from exc
    if key is None or cert is None:
        raise UserError(
            user_text(
                "SigningIdentity", "{file}: holds no private key with its certificate"
            ).format(file=str(source))
        )
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise UserError(
            user_text(
                "SigningIdentity", "{file}: only RSA and elliptic-curve keys can sign here"
            ).format(file=str(source))
        )
    refuse_unfit(cert, source)
    return _save(LoadedIdentity(key, cert, tuple(extra)), passphrase, folder)


def load_identity(passphrase: str, folder: Path | None = None) -> LoadedIdentity:
    folder = folder or identity_dir()
    if not has_identity(folder):
        raise UserError(
            user_text(
                "SigningIdentity",
                "No signing identity yet: create one or import a PKCS#12 file first",
            )
        )
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            (folder / KEY_FILE).read_bytes(), passphrase.encode("utf-8")
        )
    except ValueError as exc:
        raise WrongPassphrase() from exc
    assert key is not None and cert is not None
    refuse_unfit(cert)
    return LoadedIdentity(key, cert, tuple(extra))  # type: ignore[arg-type]


def export_certificate(target: Path, folder: Path | None = None) -> Path:
    """The certificate alone (PEM, or DER when the name ends in .der or .cer), for the school."""
    info_folder = folder or identity_dir()
    if not has_identity(info_folder):
        raise UserError(
            user_text(
                "SigningIdentity",
                "No signing identity yet: create one or import a PKCS#12 file first",
            )
        )
    cert = x509.load_pem_x509_certificate((info_folder / CERT_FILE).read_bytes())
    der = target.suffix.lower() in (".der", ".cer")
    data = cert.public_bytes(serialization.Encoding.DER if der else serialization.Encoding.PEM)
    if not target.parent.is_dir():
        raise UserError(
            user_text("SigningIdentity", "{folder}: folder does not exist").format(
                folder=str(target.parent)
            )
        )
    return write_whole(target, data)
