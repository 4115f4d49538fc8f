"""``import`` and ``export``: spreadsheet sync with the school, HR and other MentorDesks."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from ..core.errors import UserError
from ..core.export_scope import ExportScope
from ..core.import_report import REJECTED
from ..core.known_certificates import CertificateRefused, fingerprint_given, list_certificates
from ..core.progress import Progress
from ..exchange.bundle_export import BundleResult, export_bundle
from ..exchange.bundle_import import PreparedBundle, is_bundle, prepare_bundle
from ..exchange.results_export import ExportResult, export_results
from ..exchange.workbook_import import PreparedImport, prepare_import
from . import date_argument
from .store_commands import open_store

# ``mentordesk import`` exit codes (README, Command line): a script can tell them apart.
ALL_APPLIED = 0
NOTHING_APPLIED = 1  # every row rejected, --strict with a rejection, or the file refused
APPLIED_WITH_REJECTIONS = 3
EXIT_CODES = """exit codes:
  0  every row applied (with --dry-run: would be)
  3  applied with rejected rows, which the report lists (with --dry-run: some would be
     rejected)
  1  nothing applied: the file was refused, every row was rejected, or --strict found a
     rejected row
  2  usage error"""


# The one reading of a date for every command (core.periods, through the boundary).
_date = date_argument


def _import(args: argparse.Namespace) -> int:
    # A bundle is checked whole (members, hashes, signatures) before the store is opened.
    accepted = frozenset(fingerprint_given(f) for f in args.accept_certificate or ())
    if is_bundle(Path(args.file)):
        bundle = prepare_bundle(Path(args.file))
        bundle.accepted_certificates = accepted
        prepared: PreparedImport | PreparedBundle = bundle
    elif accepted:
        raise UserError("--accept-certificate is for a .zip bundle with signed sheets")
    else:
        prepared = prepare_import(Path(args.file), args.cohort or "")
    store = open_store(args)
    try:
        if args.dry_run:
            report = prepared.dry_run(store, Progress())
        else:
            report = prepared.apply(store, Progress(), strict=args.strict)
    except CertificateRefused as exc:
        # The refusal is one line on stderr; how to accept a genuinely new certificate here.
        print(
            f"If {exc.signer} really has a new certificate, compare its fingerprint with the one "
            f"'mentordesk identity show' prints on their PC, then import again with\n"
            f"  mentordesk import {shlex.quote(args.file)} --accept-certificate {exc.fingerprint}"
        )
        raise
    finally:
        store.close()
    for line in report.lines(everything=args.verbose):
        print(line)
    name = Path(args.file).name
    rejected = report.counts().get(REJECTED, 0)
    verb = "would be" if args.dry_run else "was"
    if not report.accepted:
        # A script must be able to tell that nothing went in.
        raise UserError(
            f"{name}: nothing {verb} imported; all {len(report.outcomes)} rows were rejected"
        )
    if rejected and args.strict:
        raise UserError(
            f"{name}: nothing {verb} imported (--strict): {rejected} of "
            f"{report.accepted + rejected} rows were rejected; see the report above"
        )
    if args.dry_run:
        print("Dry run: nothing was changed. Run again without --dry-run to apply.")
    if rejected:
        done = "would be imported" if args.dry_run else "imported"
        print(
            f"mentordesk: {name}: {report.accepted} rows {done}, {rejected} rejected "
            f"(exit code {APPLIED_WITH_REJECTIONS})",
            file=sys.stderr,
        )
        return APPLIED_WITH_REJECTIONS
    return ALL_APPLIED


def _certificates(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        known = list_certificates(store)
    finally:
        store.close()
    if not known:
        print("No certificate known yet: signing here or importing a bundle records them.")
    for c in known:
        by = f", accepted by {c.accepted_by}" if c.how == "accepted" and c.accepted_by else ""
        print(f"{c.signer}: SHA-256 {c.fingerprint}")
        where = "" if c.how == "signed here" else f" in {c.seen_in}"
        print(f"  {c.how} {c.first_seen_at:%Y-%m-%d %H:%M} UTC{where}{by}")
    return 0


def _export(args: argparse.Namespace) -> int:
    scope = ExportScope(args.cohort or "", args.start, args.end)
    store = open_store(args)
    try:
        if args.bundle:
            result: ExportResult | BundleResult = export_bundle(
                store, Path(args.file), scope, chinese_headers=args.chinese_headers
            )
        else:
            result = export_results(
                store, Path(args.file), scope, chinese_headers=args.chinese_headers
            )
    finally:
        store.close()
    for line in result.lines():
        print(line)
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="import a roster, rubric or results workbook (prints the dry-run report)",
        description="Import a school roster (with an optional Skills sheet) or a results "
        "workbook from another MentorDesk. The report lists every row: new, updated (which "
        "fields), unchanged or rejected (with the sheet's row number and why). Accepted rows "
        "go in together, in one transaction.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="the .xlsx workbook, or a .zip bundle")
    p.add_argument(
        "--dry-run", action="store_true", help="report what would change; change nothing"
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="apply nothing at all when any row is rejected (for scripts that must not "
        "import part of a file)",
    )
    p.add_argument("--cohort", metavar="NAME", help="cohort for rows without a Cohort column")
    p.add_argument(
        "-v", "--verbose", action="store_true", help="list unchanged rows too, not only changes"
    )
    p.add_argument(
        "--accept-certificate",
        action="append",
        metavar="FINGERPRINT",
        help="accept this certificate (its SHA-256 fingerprint, as the refusal prints it) for "
        "the signer it names, though another certificate is known here for that name; "
        "repeatable",
    )
    p.set_defaults(func=_import)
    p = sub.add_parser(
        "certificates",
        parents=[common],
        help="list the signers' certificates this database knows",
        description="Every certificate a signed sheet was accepted with: signed here, first "
        "seen in a bundle (trust on first use), or accepted with --accept-certificate.",
    )
    p.set_defaults(func=_certificates)
    p = sub.add_parser(
        "export",
        parents=[common],
        help="write the results workbook for the school and HR",
        description="Write the results workbook of interchange.md (Summary, round-trip sheets, "
        "Skills, About), or with --bundle a .zip with the signed sheets beside it. Dates as "
        "YYYY-MM-DD.",
    )
    p.add_argument("file", metavar="FILE.xlsx|FILE.zip")
    p.add_argument(
        "--bundle",
        action="store_true",
        help="write a .zip bundle: the workbook, the signed and countersigned sheets, and a "
        "manifest of their SHA-256 hashes",
    )
    p.add_argument("--cohort", metavar="C", help="only this cohort's trainees")
    p.add_argument("--from", dest="start", type=_date, metavar="D", help="period start")
    p.add_argument("--to", dest="end", type=_date, metavar="D", help="period end")
    p.add_argument("--chinese-headers", action="store_true", help="column headers in Chinese")
    p.set_defaults(func=_export)
