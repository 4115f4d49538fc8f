"""A bundle's sheets checked before anything is merged: signatures, assessment, revisions."""

from __future__ import annotations

import io

from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader

from ..core.errors import UserError
from ..core.merge_records import CountersignedSheet, SheetSigner, VerifiedSheet
from ..core.wording import message_of, user_text
from .bundle_manifest import SIGNED_KIND, Entry, Manifest, clipped, refused
from .signing import countersigned_comment, sheet_assessment
from .verify import verify_pdf


def checked_sheets(
    bundle: str,
    manifest: Manifest,
    sheets: dict[str, bytes],
    signers: list[SheetSigner] | None = None,
) -> tuple[dict[str, VerifiedSheet], list[CountersignedSheet]]:
    """Every sheet's signatures verify, it names the assessment the manifest says, and each
    later revision extends the one before it: the signed sheets by SHA-256, and the
    countersigned revisions, for the merge (every signature's signer added to ``signers``,
    for the known certificates). A ``BundleError`` naming the member otherwise."""
    verified: dict[str, VerifiedSheet] = {}
    countersigned: list[CountersignedSheet] = []
    if signers is None:
        signers = []
    by_assessment: dict[str, list[Entry]] = {}
    for entry in manifest.sheets:
        by_assessment.setdefault(entry.assessment, []).append(entry)
    for uid, entries in by_assessment.items():
        entries.sort(key=lambda e: e.revision)
        before: bytes | None = None
        for n, entry in enumerate(entries):
            pdf = sheets[entry.path]
            signers.extend(_check_signatures(bundle, entry, pdf))
            # The document ID as each signer signed it, and as it reads now: an update after
            # the last signature could rename the sheet while every signature still verifies.
            revisions = [*_signed_revisions(bundle, entry, pdf), pdf]
            named = next((s for s in map(sheet_assessment, revisions) if s != uid), uid)
            if named != uid:
                raise refused(
                    bundle,
                    entry.path,
                    user_text(
                        "Bundle", "the sheet is of assessment {named}, the manifest says {uid}"
                    ).format(named=named or "?", uid=uid),
                )
            if n == 0:
                if entry.kind != SIGNED_KIND:
                    raise refused(bundle,
                        entry.path,
                        user_text("Bundle", "the first sheet of assessment {uid} must be the signed one")
                        .format(uid=uid),
                    )  # fmt: skip
                verified[entry.sha256] = VerifiedSheet(entry.sha256, pdf, uid)
            else:
                if (
                    entry.kind == SIGNED_KIND
                    or before is None
                    or not (pdf.startswith(before) and len(pdf) > len(before))
                ):
                    raise refused(
                        bundle,
                        entry.path,
                        user_text(
                            "Bundle",
                            "revision {revision} does not extend the sheet before it as a "
                            "countersignature does",
                        ).format(revision=entry.revision),
                    )
                said = countersigned_comment(
                    pdf, "trainee" if entry.kind == "trainee" else "teacher"
                )
                comment, result = said or ("", "")
                countersigned.append(
                    CountersignedSheet(
                        uid,
                        entry.revision,
                        entry.kind,
                        entry.sha256,
                        pdf,
                        entry.path,
                        comment,
                        result,
                    )
                )
            before = pdf
    return verified, countersigned


def _check_signatures(bundle: str, entry: Entry, pdf: bytes) -> list[SheetSigner]:
    try:
        report = verify_pdf(pdf)
    except UserError as exc:
        raise refused(bundle, entry.path, message_of(exc)) from exc
    if not report.signatures:
        raise refused(bundle, entry.path, user_text("Bundle", "the sheet carries no signature"))
    for check in report.signatures:
        if not (check.intact and check.unmodified) or check.certificate_problem_at_signing:
            raise refused(bundle,
                entry.path,
                user_text("Bundle", "the signature {field} by {signer} does not verify ({problem})")
                .format(
                    field=check.field,
                    signer=check.signer,
                    problem=check.problem or check.certificate_problem_at_signing,
                ),
            )  # fmt: skip
    return [SheetSigner(entry.path, c.name or c.signer, c.fingerprint) for c in report.signatures]


def _signed_revisions(bundle: str, entry: Entry, pdf: bytes) -> list[bytes]:
    """The sheet as each of its signatures signed it; refused when anything follows the last
    one (as the sheet's own signatures leave it, nothing does)."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        ends = sorted(sig.byte_range[2] + sig.byte_range[3] for sig in reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise refused(bundle, entry.path, clipped(message_of(exc))) from exc
    if not ends or ends[-1] != len(pdf):
        raise refused(
            bundle,
            entry.path,
            user_text(
                "Bundle",
                "{size:,} bytes follow its last signature: the sheet was changed after it was "
                "signed",
            ).format(size=len(pdf) - (ends[-1] if ends else 0)),
        )
    return [pdf[:end] for end in ends]
