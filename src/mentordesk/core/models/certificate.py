"""The signers' certificates this database knows: trust on first use, then only those."""

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow

# How a certificate came to be known: MentorDesk signed with it here, a bundle brought the
# first sheet in its signer's name, or someone accepted it for a name already known.
KNOWN_HOW = ("signed here", "first seen", "accepted")


class KnownCertificate(Base):
    """One signer's certificate: a sheet signed in ``name_key`` by any other certificate is
    refused until someone accepts it. Kept on this machine; it does not travel."""

    __tablename__ = "known_certificate"
    __table_args__ = (UniqueConstraint("name_key", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The signer as the certificate names it (its common name), and that name folded for
    # matching (case, width and spacing do not make another person).
    signer: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    # SHA-256 of the DER certificate as "AB:CD:…", as `mentordesk identity show` prints it.
    fingerprint: Mapped[str] = mapped_column(String(95))
    how: Mapped[str] = mapped_column(String(16))
    # "signed here", or the bundle's file name.
    seen_in: Mapped[str] = mapped_column(String(300), default="")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_by: Mapped[str] = mapped_column(String(200), default="")
