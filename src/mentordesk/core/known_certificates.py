"""Which certificate signs for whom: trust on first use of a signer's name.

MentorDesk's certificates are self-signed, so a signature proves only that the sheet was signed
with *some* certificate naming the mentor. The database therefore remembers the certificates it
has met for each name: the ones sheets were signed with here, and the first one a bundle
brings for a name never seen. A bundle's sheet signed in a known name by another certificate is
refused whole, until someone who has compared fingerprints with the signer accepts it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import UserError
from .import_report import ImportReport
from .merge_records import MergeSource, SheetSigner
from .models import KnownCertificate
from .store import Store
from .text import folded
from .wording import user_text

SIGNED_HERE = "signed here"
FIRST_SEEN = "first seen"
ACCEPTED = "accepted"
HEX64 = re.compile(r"[0-9A-F]{64}")
# Control and format characters (a zero-width space, a direction mark) do not show: a name
# that differs only by them is the same name to the reader, so it is the same name here.
INVISIBLE = ("Cc", "Cf")


# Alphabets whose letters look alike: a real name never mixes them within one word, a name
# made to pass for another one does ("Liu Jiаnguo" with a Cyrillic а), and would otherwise be
# a name seen for the first time.
LOOK_ALIKE = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})


def mixed_alphabets(name: str) -> list[str]:
    """The look-alike alphabets that one word of ``name`` mixes; empty when no word does."""
    for word in folded(name).split():
        found = {unicodedata.name(ch, "").split(" ")[0] for ch in word if ch.isalpha()}
        mixed = sorted(found & LOOK_ALIKE)
        if len(mixed) > 1:
            return mixed
    return []


def name_key(name: str) -> str:
    """A signer's name as matched: case, width and spacing do not make another person."""
    visible = "".join(ch for ch in folded(name) if unicodedata.category(ch) not in INVISIBLE)
    return " ".join(visible.split())[:200]


def fingerprint_given(text: str) -> str:
    """A SHA-256 fingerprint as a person types it (with or without colons or spaces), as
    ``AB:CD:…``; a ``UserError`` saying what is wrong otherwise."""
    digits = re.sub(r"[\s:]", "", text).upper()
    if not HEX64.fullmatch(digits):
        raise UserError(
            user_text(
                "Certificates",
                "{text}: not a SHA-256 fingerprint (64 hexadecimal digits, as AB:CD:…)",
            ).format(text=text.strip()[:120])
        )
    return ":".join(digits[i : i + 2] for i in range(0, 64, 2))


@dataclass(frozen=True)
class CertificateView:
    signer: str
    fingerprint: str
    how: str
    seen_in: str
    first_seen_at: datetime
    accepted_by: str


class CertificateRefused(UserError):
    """A sheet signed in a known name by a certificate not known for it: the bundle is refused
    whole. Carries what the window needs to offer accepting the certificate."""

    def __init__(
        self, bundle: str, member: str, signer: str, fingerprint: str, known: list[str], here: bool
    ) -> None:
        if here:
            template = user_text(
                "Certificates",
                "{bundle}, member {member}: signed as {signer} by certificate {fingerprint}, "
                "not the one known here for {signer} ({known}); nothing was imported",
            )
        else:
            template = user_text(
                "Certificates",
                "{bundle}, member {member}: signed as {signer} by certificate {fingerprint}; "
                "other sheets name {signer} with {known}; nothing was imported",
            )
        super().__init__(
            template.format(
                bundle=bundle,
                member=member,
                signer=signer,
                fingerprint=fingerprint,
                known=user_text("Certificates", " or ").join(known),
            )
        )
        self.bundle = bundle
        self.member = member
        self.signer = signer
        self.fingerprint = fingerprint
        self.known = list(known)
        self.known_here = here


@dataclass
class Learned:
    """Certificates a bundle makes known, and what the import report says of them."""

    rows: list[KnownCertificate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def list_certificates(store: Store) -> list[CertificateView]:
    """Every known certificate, by signer, oldest first."""
    with store.read() as s:
        rows = s.scalars(
            select(KnownCertificate).order_by(
                KnownCertificate.name_key, KnownCertificate.first_seen_at, KnownCertificate.id
            )
        )
        return [
            CertificateView(
                r.signer, r.fingerprint, r.how, r.seen_in, r.first_seen_at, r.accepted_by
            )
            for r in rows
        ]


def record_signed_here(store: Store, s: Session, signer: str, fingerprint: str) -> None:
    """The local identity signed a sheet: its certificate is known for its name from now on."""
    key = name_key(signer)
    fingerprint = fingerprint.upper()
    if not key or not fingerprint:
        return
    held = s.scalar(
        select(KnownCertificate.id).where(
            KnownCertificate.name_key == key, KnownCertificate.fingerprint == fingerprint
        )
    )
    if held is None:
        s.add(
            KnownCertificate(
                signer=signer[:200],
                name_key=key,
                fingerprint=fingerprint,
                how=SIGNED_HERE,
                seen_in=SIGNED_HERE,
                accepted_by=store.actor.name[:200],
            )
        )
        s.flush()


def checked(
    s: Session,
    bundle: str,
    signers: Iterable[SheetSigner],
    accepted: frozenset[str],
    actor: str,
) -> Learned:
    """Every signature's certificate is known for its signer's name, or is the first one seen
    for that name, or was accepted: the rows to add. ``CertificateRefused`` otherwise; nothing
    is written either way."""
    by_name: dict[str, dict[str, SheetSigner]] = {}
    for one in signers:
        if mixed := mixed_alphabets(one.signer):
            raise UserError(
                user_text(
                    "Certificates",
                    "{bundle}, member {member}: the signer's name {name} mixes {alphabets} "
                    "letters in one word, as a name made to look like another does; nothing "
                    "was imported",
                ).format(
                    bundle=bundle,
                    member=one.member,
                    name=one.signer.encode("ascii", "backslashreplace").decode()[:120],
                    alphabets=" + ".join(a.title() for a in mixed),
                )
            )
        by_name.setdefault(name_key(one.signer), {}).setdefault(one.fingerprint, one)
    by_name.pop("", None)
    held: dict[str, list[str]] = {}
    if by_name:
        for key, fp in s.execute(
            select(KnownCertificate.name_key, KnownCertificate.fingerprint)
            .where(KnownCertificate.name_key.in_(list(by_name)))
            .order_by(KnownCertificate.id)
        ):
            held.setdefault(key, []).append(fp)
    learned = Learned()
    used: set[str] = set()
    for key, found in by_name.items():
        known = held.get(key, [])
        fresh = [fp for fp in found if fp not in known and fp not in accepted]
        if known and fresh:
            one = found[fresh[0]]
            raise CertificateRefused(bundle, one.member, one.signer, one.fingerprint, known, True)
        if len(fresh) > 1:
            one = found[fresh[1]]
            raise CertificateRefused(
                bundle, one.member, one.signer, one.fingerprint, fresh[:1], False
            )
        for fp, one in found.items():
            if fp in known:
                continue
            how = ACCEPTED if fp in accepted else FIRST_SEEN
            used.add(fp)
            learned.rows.append(
                KnownCertificate(
                    signer=one.signer[:200],
                    name_key=key,
                    fingerprint=fp,
                    how=how,
                    seen_in=bundle[:300],
                    accepted_by=actor[:200] if how == ACCEPTED else "",
                )
            )
            learned.notes.append(_note(how, one))
    unused = sorted(accepted - used - {fp for found in by_name.values() for fp in found})
    if unused:
        raise UserError(
            user_text(
                "Certificates",
                "{bundle}: no sheet in it is signed by certificate {fingerprint}, which you asked "
                "to accept; nothing was imported",
            ).format(bundle=bundle, fingerprint=unused[0])
        )
    return learned


def _note(how: str, one: SheetSigner) -> str:
    if how == ACCEPTED:
        return user_text(
            "Certificates",
            "certificate SHA-256 {fingerprint} accepted for {signer}: their sheets signed with "
            "it are accepted from now on",
        ).format(fingerprint=one.fingerprint, signer=one.signer)
    return user_text(
        "Certificates",
        "first sheet signed by {signer} seen here: certificate SHA-256 {fingerprint}; compare "
        "it with the fingerprint {signer} gives you (mentordesk identity show on their PC)",
    ).format(signer=one.signer, fingerprint=one.fingerprint)


def checked_source(s: Session, source: MergeSource, actor: str) -> Learned:
    """``checked`` for what a merge imports (a plain workbook has no signers)."""
    return checked(s, source.source, source.signers, source.accepted_certificates, actor)


def record(s: Session, learned: Learned, report: ImportReport) -> None:
    """Add the certificates ``checked`` returned, and say so in the report; a bundle of which
    every row was rejected teaches nothing."""
    if not report.accepted or not learned.rows:
        return
    report.notes.extend(learned.notes)
    for row in learned.rows:
        s.add(row)
    s.flush()
