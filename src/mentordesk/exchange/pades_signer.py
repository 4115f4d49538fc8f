"""The mentor's or countersigner's key as a pyHanko signer: parsed once, its signature size
known in advance, and later signatures made from the first as a template."""

from __future__ import annotations

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.timestamps import TimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from ..core.errors import UserError
from ..core.wording import user_text
from .signer_certificate import check_certificate
from .signing_identity import LoadedIdentity


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
