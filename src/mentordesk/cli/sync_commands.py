"""``import`` and ``export``: spreadsheet sync with the school, HR and other MentorDesks."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import UserError
from ..core.export_rows import ExportScope
from ..core.progress import Progress
from ..exchange.results_export import export_results
from ..exchange.workbook_import import prepare_import
from . import date_argument
from .store_commands import open_store

# The one reading of a date for every command (core.periods, through the boundary).
_date = date_argument


def _import(args: argparse.Namespace) -> int:
    prepared = prepare_import(Path(args.file), args.cohort or "")
    store = open_store(args)
    try:
        if args.dry_run:
            report = prepared.dry_run(store, Progress())
        else:
            report = prepared.apply(store, Progress())
    finally:
        store.close()
    for line in report.lines(everything=args.verbose):
        print(line)
    if not report.accepted:
        # A script must be able to tell that nothing went in.
        raise UserError(
            f"{Path(args.file).name}: nothing {'would be' if args.dry_run else 'was'} "
            f"imported; all {len(report.outcomes)} rows were rejected"
        )
    if args.dry_run:
        print("Dry run: nothing was changed. Run again without --dry-run to apply.")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.start and args.end and args.start > args.end:
        raise UserError(f"--from {args.start} is after --to {args.end}")
    scope = ExportScope(args.cohort or "", args.start, args.end)
    store = open_store(args)
    try:
        result = export_results(store, Path(args.file), scope, chinese_headers=args.chinese_headers)
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
        "fields), unchanged or rejected (with the sheet's row number and why).",
    )
    p.add_argument("file", metavar="FILE", help="the .xlsx workbook")
    p.add_argument(
        "--dry-run", action="store_true", help="report what would change; change nothing"
    )
    p.add_argument("--cohort", metavar="NAME", help="cohort for rows without a Cohort column")
    p.add_argument(
        "-v", "--verbose", action="store_true", help="list unchanged rows too, not only changes"
    )
    p.set_defaults(func=_import)
    p = sub.add_parser(
        "export",
        parents=[common],
        help="write the results workbook for the school and HR",
        description="Write the results workbook of interchange.md (Summary, round-trip sheets, "
        "Skills, About). Dates as YYYY-MM-DD.",
    )
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--cohort", metavar="C", help="only this cohort's trainees")
    p.add_argument("--from", dest="start", type=_date, metavar="D", help="period start")
    p.add_argument("--to", dest="end", type=_date, metavar="D", help="period end")
    p.add_argument("--chinese-headers", action="store_true", help="column headers in Chinese")
    p.set_defaults(func=_export)
