"""The command line: the same services as the GUI, without a screen.

``mentordesk`` alone starts the GUI; ``mentordesk COMMAND …`` runs a command. Exit codes:
0 success, 1 bad input (one-line message), 2 usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import __version__
from ..core.errors import UserError

if TYPE_CHECKING:
    from datetime import date

# Each module adds its subcommands; a new one joins by its name here. Imported only when a
# command is parsed: the window must not pay for the commands' imports (demo data, backup).
# Every one is part of MentorDesk: a module that fails to import is an error, not a smaller CLI.
COMMAND_MODULES = (
    "store_commands",
    "sync_commands",
    "sheet_commands",
    "capture_commands",
    "plan_commands",
    "people_commands",
    "assessment_commands",
    "rubric_commands",
    "feedback_commands",
    "cohort_commands",
)


def _command_modules() -> list:
    return [importlib.import_module(f"{__name__}.{name}") for name in COMMAND_MODULES]


DB_HELP = "database file or SQLAlchemy URL (default: $MENTORDESK_DB, else the data folder)"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH|URL", help=DB_HELP)
    parser = argparse.ArgumentParser(
        prog="mentordesk",
        description="MentorDesk: shop-floor attendance, skill ratings, notes and signed "
        "assessment sheets. Without a command, the application window opens.",
    )
    # A separate dest: a subcommand's own --db default would otherwise erase this one.
    parser.add_argument("--db", dest="db_before_command", metavar="PATH|URL", help=DB_HELP)
    parser.add_argument("--version", action="version", version=f"MentorDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub, common)
    return parser


def _gui_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """``mentordesk``, ``mentordesk --db X`` or ``--db=X``: the window, without importing every
    command's file formats (nor building a parser, whose messages look up their translations
    before the window could show). Anything else goes to the commands' parser."""
    if not argv:
        return argparse.Namespace(db=None)
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return argparse.Namespace(db=argv[1])
    if len(argv) == 1 and argv[0].startswith("--db="):
        return argparse.Namespace(db=argv[0].removeprefix("--db="))
    return None


def date_argument(text: str) -> date:
    """``--from``, ``--to``, ``--date``: the one reading of a date, as an argparse type."""
    from ..core.periods import parse_date

    try:
        return parse_date(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _check_period(args: argparse.Namespace) -> None:
    """Every command that takes a period refuses one that ends before it starts, here."""
    from datetime import date

    from ..core.periods import check_period

    for first, last in (("start", "end"), ("from", "to")):
        start, end = getattr(args, first, None), getattr(args, last, None)
        if isinstance(start, date) or isinstance(end, date):
            check_period(start, end)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_only(argv)
    if gui is not None:
        # SQLAlchemy and the store are imported once the window shows, on the database
        # worker (ui.operations). Until the store is open the process makes long-lived
        # objects by the hundred thousand (Qt's types, modules, the store's mappers) and no
        # garbage: the cycle collector, which would walk them again and again, waits
        # (ui.app.resume_collection).
        gc.disable()
        from ..ui.app import run

        return run(db=gui.db)
    # The one error boundary of every command: a one-line message and exit 1, or a pointer to
    # the log for what nobody foresaw; never a traceback.
    from .boundary import run_command

    return run_command(build_parser, argv, _check_period)
