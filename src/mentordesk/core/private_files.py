"""Files and folders that hold personal data: owner-only, written whole or not at all.

Every file MentorDesk writes for a user (workbooks, sheets, backups, keys, the database's own
copies) goes through :func:`write_whole` or :func:`replace_whole`: the bytes go to a temporary
file in the target's folder, are flushed to disk, and only then renamed over the target. A
crash, a kill or a full disk leaves the old file (or none), never half of a new one, and never
a stray temporary. OS failures become a :class:`UserError` that names the path and the reason
in words, instead of a traceback.

On POSIX the files are ``0600`` and the folders MentorDesk creates ``0700``: a shared shop-floor
PC has other accounts, and these files hold names, marks and behaviour notes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UserError
from .wording import user_text

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def os_reason(exc: OSError) -> str:
    """A short reason for people: 'the disk is full', not ``[Errno 28]``."""
    reasons = {
        errno.ENOSPC: user_text("Files", "the disk is full"),
        errno.EDQUOT: user_text("Files", "the disk quota is used up"),
        errno.EACCES: user_text("Files", "permission denied"),
        errno.EPERM: user_text("Files", "permission denied"),
        errno.EROFS: user_text("Files", "the disk is read-only"),
        errno.EISDIR: user_text("Files", "it is a folder, not a file"),
        errno.ENOTDIR: user_text("Files", "a part of the path is not a folder"),
        errno.ENOENT: user_text("Files", "the folder does not exist"),
        errno.ENAMETOOLONG: user_text("Files", "the file name is too long"),
        errno.EEXIST: user_text("Files", "it already exists"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def cannot_write(path: Path, exc: OSError) -> UserError:
    return UserError(
        user_text("Files", "{path}: cannot write ({reason})").format(
            path=path, reason=os_reason(exc)
        )
    )


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its missing parents) owner-only; an existing folder is left as is.

    Raises UserError when it cannot be created or is not a folder.
    """
    try:
        path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise UserError(
            user_text("Files", "{path}: is a file, not a folder").format(path=path)
        ) from exc
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    return path


def make_private(path: Path) -> None:
    """Owner-only permissions on an existing file or folder (no-op where POSIX modes don't apply)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, FOLDER_MODE if path.is_dir() else FILE_MODE)


def check_target(path: Path) -> None:
    """Refuse, before any work, a target that is a folder or whose folder is missing."""
    if path.is_dir():
        raise UserError(
            user_text("Files", "{path}: is a folder; give a file name").format(path=path)
        )
    if not path.parent.is_dir():
        raise UserError(
            user_text("Files", "{path}: the folder {folder} does not exist").format(
                path=path, folder=path.parent
            )
        )


@contextmanager
def replace_whole(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on a clean exit it becomes ``target``.

    The caller writes the temporary file by any means (a library's ``save(path)``, SQLite's
    backup); it is synced and renamed only when the block ends without an exception, and
    removed otherwise.
    """
    target = Path(target)
    check_target(target)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name[:40]}-", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise cannot_write(target, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _sync(tmp)
        if os.name == "posix":
            os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise cannot_write(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_whole(target: Path, data: bytes | Callable[[Path], object]) -> Path:
    """Write ``data`` (bytes, or a function that writes a given path) to ``target`` whole."""
    with replace_whole(target) as tmp:
        if callable(data):
            data(tmp)
        else:
            with open(tmp, "wb") as fh:
                fh.write(data)
    return target


def _sync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder entry is on disk (POSIX only).
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
