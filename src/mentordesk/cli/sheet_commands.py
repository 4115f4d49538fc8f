"""``identity``, ``sheets``, ``verify``, ``countersign``: signed assessment sheets.

Passphrases come from a prompt, or from ``--passphrase-file`` for scripts; never from the
command line itself, where other users and the shell history would see them.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path

from ..core.drawn_signature import drawn_signature
from ..core.errors import UserError
from ..core.progress import Progress
from ..core.staff import local_user
from ..exchange import signing_identity as identity
from ..exchange.sheet_batch import write_sheets
from ..exchange.sheet_language import LANGUAGES, checked_language
from ..exchange.signing import COUNTERSIGNERS, HeldKeySigner, countersign_file
from ..exchange.verify import load_trust, verify_file
from . import date_argument
from .store_commands import open_store


class _PrintedProgress(Progress):
    def report(self, what: str) -> None:
        if sys.stderr.isatty() and self.total:
            print(f"\r{self.done}/{self.total} {what[:40]:<40}", end="", file=sys.stderr)


def _read_passphrase(path: str | None, prompt: str, *, confirm: bool = False) -> str:
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UserError(f"{path}: cannot be read ({exc.strerror})") from exc
        if not lines or not lines[0]:
            raise UserError(f"{path}: the first line must hold the passphrase")
        return lines[0]
    if not sys.stdin.isatty():
        raise UserError("No terminal to ask for the passphrase: use --passphrase-file FILE")
    secret = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != secret:
        raise UserError("The two passphrases differ; nothing was changed")
    return secret


# The one reading of a date for every command (core.periods, through the boundary).
_date = date_argument


def _print_info(info: identity.IdentityInfo) -> None:
    org = f" ({info.organisation})" if info.organisation else ""
    print(f"Signing identity: {info.name}{org}")
    print(f"  valid {info.not_before:%Y-%m-%d} to {info.not_after:%Y-%m-%d}")
    print(f"  certificate SHA-256 fingerprint {info.fingerprint}")
    if info.problem:
        print(f"  CANNOT SIGN: {info.problem}")


def _identity_create(args: argparse.Namespace) -> int:
    name = args.name
    if not name:
        store = open_store(args)
        try:
            me = local_user(store)
        finally:
            store.close()
        if me is None:
            raise UserError("Give --name, or set up your profile first")
        name = me.name
    if identity.has_identity() and not args.replace:
        raise UserError("A signing identity already exists (use --replace to make a new one)")
    secret = _read_passphrase(
        args.passphrase_file, "Passphrase to protect the new identity: ", confirm=True
    )
    info = identity.create_identity(
        name,
        secret,
        organisation=args.organisation or "",
        email=args.email or "",
        replace=args.replace,
    )
    _print_info(info)
    return 0


def _identity_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    file_secret = _read_passphrase(args.file_passphrase_file, f"Passphrase of {source.name}: ")
    secret = _read_passphrase(
        args.passphrase_file, "Passphrase to protect it in MentorDesk: ", confirm=True
    )
    _print_info(identity.import_pkcs12(source, file_secret, secret, replace=args.replace))
    return 0


def _identity_export(args: argparse.Namespace) -> int:
    target = identity.export_certificate(Path(args.file))
    info = identity.identity_info()
    print(f"Certificate written to {target}")
    if info is not None:
        print(f"  SHA-256 fingerprint {info.fingerprint}")
        print("  (verify prints the same fingerprint for a sheet this identity signed)")
    return 0


def _identity_show(args: argparse.Namespace) -> int:
    info = identity.identity_info()
    if info is None:
        raise UserError("No signing identity yet: run 'mentordesk identity create'")
    _print_info(info)
    return 0


def _load_signer(passphrase_file: str | None) -> HeldKeySigner:
    if not identity.has_identity():
        raise UserError("No signing identity yet: run 'mentordesk identity create' first")
    secret = _read_passphrase(passphrase_file, "Passphrase of your signing identity: ")
    return HeldKeySigner(identity.load_identity(secret))


def _sheets(args: argparse.Namespace) -> int:
    end = args.to or date.today()
    start = getattr(args, "from") or end.replace(day=1)
    if end < start:
        raise UserError(f"--to {end} is before --from {start}")
    language = checked_language(args.language)
    signer = _load_signer(args.passphrase_file) if args.sign else None
    store = open_store(args)
    try:
        drawing = drawn_signature(store) if signer else None
        result = write_sheets(
            store,
            Path(args.outdir),
            start,
            end,
            cohort=args.cohort,
            signer=signer,
            drawing_png=drawing,
            progress=_PrintedProgress(),
            language=language,
        )
    finally:
        store.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"{len(result.written)} sheets for {start} – {end} written to {args.outdir}"
        f" ({result.signed} signed now, {result.already_signed} signed before)"
    )
    if result.drafts_created:
        print(
            f"{result.drafts_created} drafts were created for trainees who had no assessment"
            " for this period"
        )
    if result.no_result:
        print(
            f"Not signed, no result chosen yet ({len(result.no_result)}): "
            + ", ".join(result.no_result)
        )
    if signer is not None and result.other_mentor:
        print(
            f"WARNING: signed by {signer.name} (certificate {signer.fingerprint}), but the form"
            f" names another mentor ({len(result.other_mentor)}): "
            + ", ".join(f"{trainee} (form: {mentor})" for trainee, mentor in result.other_mentor)
        )
    for path in result.kept:
        print(f"Kept {path}: it is not this batch's sheet; the sheet was written beside it")
    return 0


def _verify(args: argparse.Namespace) -> int:
    trust = [load_trust(Path(p)) for p in args.trust or []]
    report = verify_file(Path(args.file), trust)
    if not report.signatures:
        print(f"{args.file}: no signature")
        return 1
    for n, check in enumerate(report.signatures, 1):
        when = f"{check.signed_at:%Y-%m-%d %H:%M:%S %Z}" if check.signed_at else "time unknown"
        print(f"Signature {n} ({check.field}): {check.signer}, {when}")
        state = check.state
        if check.intact and check.unmodified and check.certificate_problem:
            state = "intact, CERTIFICATE NOT VALID"
        if check.trusted:
            trusted = "trusted"
        elif trust:
            trusted = "NOT TRUSTED"
        else:
            trusted = "NOT TRUSTED (no --trust certificate given: anyone can make a certificate"
            trusted += " with this name; compare the fingerprint below with the mentor's)"
        print(f"  {state}, {trusted}{f' — {check.problem}' if check.problem else ''}")
        if check.fingerprint:
            print(f"  certificate SHA-256 fingerprint {check.fingerprint}")
        if check.valid_from and check.valid_to:
            print(f"  certificate valid {check.valid_from:%Y-%m-%d} to {check.valid_to:%Y-%m-%d}")
    for name in report.empty_fields:
        print(f"Not signed yet: {name}")
    return 0 if report.ok(require_trust=bool(trust)) else 1


def _countersign(args: argparse.Namespace) -> int:
    signer = _load_signer(args.passphrase_file)
    target = countersign_file(
        Path(args.file), Path(args.out), signer, args.role, args.comment or "", args.result or ""
    )
    print(f"Countersigned as {args.role} by {signer.name}: {target}")
    if args.db:
        # With a database, a sheet of one of its assessments keeps the copy and the comment.
        from ..core import assessments
        from ..core.errors import NotFound
        from ..exchange.signing import attach_countersigned, sheet_assessment

        pdf = target.read_bytes()
        uid = sheet_assessment(pdf)
        store = open_store(args)
        try:
            try:
                assessments.get_assessment(store, uid or "")
            except NotFound:
                print("This sheet is not an assessment of this database; nothing recorded")
                return 0
            attach_countersigned(store, uid or "", pdf)
        finally:
            store.close()
        print(f"Countersigned copy and comment recorded with assessment {uid}")
    return 0


# allow_abbrev=False: "--passphrase SECRET" must fail, not pass for --passphrase-file.
def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--passphrase-file", metavar="FILE", help="read the passphrase from FILE's first line"
    )

    p = sub.add_parser("identity", parents=[common], help="your signing key and certificate")
    isub = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    c = isub.add_parser(
        "create", parents=[common, secret], help="new key + self-signed cert", allow_abbrev=False
    )
    c.add_argument("--name", help="name in the certificate (default: your profile's name)")
    c.add_argument("--organisation")
    c.add_argument("--email")
    c.add_argument("--replace", action="store_true", help="replace an existing identity")
    c.set_defaults(func=_identity_create)
    c = isub.add_parser(
        "import", parents=[common, secret], help="import a PKCS#12 file", allow_abbrev=False
    )
    c.add_argument("file", metavar="FILE.p12")
    c.add_argument("--file-passphrase-file", metavar="FILE", help="the PKCS#12 file's passphrase")
    c.add_argument("--replace", action="store_true", help="replace an existing identity")
    c.set_defaults(func=_identity_import)
    c = isub.add_parser("export-cert", parents=[common], help="write the certificate to FILE")
    c.add_argument("file", metavar="FILE", help="PEM, or DER when FILE ends in .der or .cer")
    c.set_defaults(func=_identity_export)
    c = isub.add_parser("show", parents=[common], help="show the signing identity")
    c.set_defaults(func=_identity_show)

    p = sub.add_parser(
        "sheets",
        parents=[common, secret],
        help="write (and sign) a cohort's assessment sheets",
        allow_abbrev=False,
    )
    p.add_argument("outdir", metavar="OUTDIR")
    p.add_argument("--cohort", help="cohort name (default: every active trainee)")
    p.add_argument("--from", type=_date, metavar="YYYY-MM-DD", help="default: 1st of --to's month")
    p.add_argument("--to", type=_date, metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--sign", action="store_true", help="sign the drafts that have a result")
    p.add_argument(
        "--language",
        choices=LANGUAGES,
        default="both",
        help="the form's own words: English and Chinese side by side (default), or one of them",
    )
    p.set_defaults(func=_sheets)

    p = sub.add_parser("verify", parents=[common], help="check the signatures of a sheet")
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument(
        "--trust", metavar="CERT", action="append", help="certificate to trust (repeatable)"
    )
    p.set_defaults(func=_verify)

    p = sub.add_parser(
        "countersign",
        parents=[common, secret],
        help="countersign a signed sheet (school side)",
        allow_abbrev=False,
    )
    p.add_argument("file", metavar="IN.pdf")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--role", choices=COUNTERSIGNERS, default="teacher")
    p.add_argument("--comment", help="the countersigner's comment, drawn in the box")
    p.add_argument("--result", help="the countersigner's result, drawn in the box")
    p.set_defaults(func=_countersign)
