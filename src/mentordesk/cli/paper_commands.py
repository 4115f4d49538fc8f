"""``session sheet``: a session's paper sign-in sheet, for when the shop-floor PC is down."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import UserError
from ..core.session_codes import session_uid_from_scan
from ..core.store import Store
from ..core.wording import user_text
from ..exchange.sheet_language import LANGUAGES, checked_language
from .store_commands import open_store


def session_uid(text: str) -> str:
    """A session named by its id or by its sheet's scanned code; refuses anything else."""
    uid = session_uid_from_scan(text)
    if uid is None:
        raise UserError(
            user_text(
                "Sessions",
                "{text!r} is not a session id or a session's scanned code "
                "(mentordesk:session:<id>)",
            ).format(text=text[:80])
        )
    return uid


def _sheet(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the font load only when a sheet is made.
    from ..exchange.session_sheet import write_session_sheet

    uid = session_uid(args.session)
    language = checked_language(args.language)
    store: Store = open_store(args)
    try:
        written = write_session_sheet(store, uid, Path(args.out), language=language)
    finally:
        store.close()
    print(
        user_text(
            "Sessions", "Sign-in sheet written: {path} (trainees: {trainees}, pages: {pages})"
        ).format(path=written.path, trainees=written.trainees, pages=written.pages)
    )
    return 0


def register_session_actions(session_actions: argparse._SubParsersAction, common) -> None:
    """Add ``sheet`` to the actions of ``mentordesk session``."""
    p = session_actions.add_parser(
        "sheet", parents=[common], help="print a session's paper sign-in sheet (PDF)"
    )
    p.add_argument(
        "session", metavar="SESSION", help="session id, or the code scanned from a sheet's QR code"
    )
    p.add_argument("out", metavar="OUT.pdf", help="the PDF file to write")
    p.add_argument(
        "--language",
        choices=LANGUAGES,
        default="both",
        help="the form's own words: English and Chinese side by side (default), or one of them",
    )
    p.set_defaults(func=_sheet)
