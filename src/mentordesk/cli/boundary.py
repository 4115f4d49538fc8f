"""The command line's one error boundary: what any command raises becomes one line.

Bad input, a refused action, a busy or full database, an unwritable file: a one-line message
on stderr and exit 1, with nothing changed (services write in one transaction, files whole or
not at all). Anything else is a bug: one line naming the log file that holds its traceback.
A reader that stops early (``| head``) ends the command quietly. What commands print from the
database goes through a filter that shows control characters instead of obeying them.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import os
import re
import shutil
import sqlite3
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from ..core.errors import DatabaseInUse, UserError
from ..core.text import for_terminal
from ..core.wording import message_of, user_text


class TerminalSafe:
    """A text stream that writes control characters as visible escapes (line breaks stay).

    Names, notes and IDs come from workbooks anyone could have written: ESC or BEL in them
    must not clear, retitle or ring the terminal of whoever lists them.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(for_terminal(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def run_command(
    build_parser: Callable[[], argparse.ArgumentParser],
    argv: Sequence[str],
    check: Callable[[argparse.Namespace], None],
) -> int:
    original = sys.stdout
    sys.stdout = TerminalSafe(original)  # type: ignore[assignment]
    # Half-written files a failed command drops (a zip, a library's XML writer) complain as
    # they are collected, up to the interpreter's exit: into the log, not onto the screen.
    # (Unless a host, such as a test runner, listens already.)
    if sys.unraisablehook is sys.__unraisablehook__:
        sys.unraisablehook = _unraisable
    args: argparse.Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        args.db = getattr(args, "db", None) or args.db_before_command
        check(args)
        code = int(args.func(args) or 0)
        # Output waiting in the buffer meets a closed pipe here, inside the boundary, rather
        # than at exit where Python would print its own complaint.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        _say(user_text("CommandLine", "interrupted; nothing more was changed"))
        return 130
    except Exception as exc:
        _say(_explained(exc, args))
        # What the failed command left half-done is collected now, while the hook listens.
        traceback.clear_frames(exc.__traceback__)
        del exc
        gc.collect()
        return 1
    finally:
        sys.stdout = original


def _say(message: str) -> None:
    line = re.sub(r"\s*[\r\n]+\s*", " ", message).strip()
    with contextlib.suppress(OSError):
        print(f"mentordesk: {for_terminal(line, keep_newlines=False)}", file=sys.stderr)


def _silence_stdout() -> None:
    # The reader has gone (``mentordesk session list | head``): whatever Python still holds
    # for stdout goes nowhere instead of raising again at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (OSError, AttributeError, ValueError):
        pass


def _database(args: argparse.Namespace | None) -> str:
    target = getattr(args, "db", None)
    if target:
        return str(target)
    from ..paths import default_database

    return default_database()


def _sqlite_reason(exc: BaseException) -> str | None:
    """The SQLite (or server) error text behind ``exc``, if it is one."""
    from sqlalchemy.exc import DBAPIError

    for each in (exc, exc.__cause__, exc.__context__):
        if isinstance(each, DBAPIError):
            return str(each.orig)
        if isinstance(each, sqlite3.Error):
            return str(each)
    return None


def _database_problem(exc: BaseException, args: argparse.Namespace | None) -> str | None:
    reason = _sqlite_reason(exc)
    if reason is None:
        return None
    reason = reason.lower()
    where = _database(args)
    if "locked" in reason or "busy" in reason:
        return user_text(
            "CommandLine",
            "{db}: another program is saving to the database and did not finish within a few "
            "seconds; nothing was changed. Try again in a moment.",
        ).format(db=where)
    if "disk is full" in reason or "disk full" in reason or _io_error_on_full_disk(reason, where):
        return user_text(
            "CommandLine", "{db}: the disk is full; nothing was changed. Free some space."
        ).format(db=where)
    if "readonly" in reason or "read-only" in reason:
        return user_text(
            "CommandLine", "{db}: the database cannot be written (read-only); nothing was changed"
        ).format(db=where)
    return None


def _io_error_on_full_disk(reason: str, where: str) -> bool:
    """SQLite says "disk I/O error" when it cannot even make its -shm file on a full disk."""
    if "disk i/o error" not in reason:
        return False
    from ..core.database_file import sqlite_path, to_url

    try:
        path = sqlite_path(to_url(where))
        return path is not None and shutil.disk_usage(path.parent).free < 64 * 1024
    except (OSError, UserError):
        return False


def _explained(exc: Exception, args: argparse.Namespace | None) -> str:
    if isinstance(exc, DatabaseInUse):
        return message_of(exc)
    problem = _database_problem(exc, args)
    if problem is not None:
        return problem
    if isinstance(exc, UserError):
        return message_of(exc)
    if isinstance(exc, OSError):
        return _file_problem(exc, args)
    return _unexpected(exc)


def _file_problem(exc: OSError, args: argparse.Namespace | None) -> str:
    from ..core.private_files import os_reason

    if exc.errno == errno.ENOENT:
        reason = user_text("CommandLine", "no such file or folder")
    else:
        reason = os_reason(exc)
    # A library writing a file often drops the name: the command's own file, then.
    where = exc.filename or getattr(args, "file", None) or getattr(args, "outdir", None)
    if where is None:
        return reason
    return user_text("CommandLine", "{path}: {reason}").format(path=where, reason=reason)


def _unexpected(exc: Exception) -> str:
    """One line for a bug; its traceback goes to the log file, owner-only."""
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    try:
        target = _log_file()
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(f"command line: {' '.join(sys.argv)}\n")
            fh.write("".join(traceback.format_exception(exc)))
    except (OSError, UserError):
        return user_text("CommandLine", "unexpected error ({error})").format(error=what[:200])
    return user_text("CommandLine", "unexpected error ({error}); the details are in {log}").format(
        error=what[:200], log=target
    )


def _unraisable(info: sys.UnraisableHookArgs) -> None:
    with contextlib.suppress(OSError, UserError), open(_log_file(), "a", encoding="utf-8") as fh:
        fh.write(f"ignored while cleaning up: {info.err_msg or ''} {info.object!r}\n")
        if info.exc_value is not None:
            fh.write("".join(traceback.format_exception(info.exc_value)))


def _log_file() -> Path:
    from ..paths import log_dir

    target = log_dir() / "mentordesk-cli.log"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    return target
