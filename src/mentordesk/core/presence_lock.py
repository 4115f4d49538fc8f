"""A lock that tells other processes this one has the SQLite database open, and cannot be lost.

SQLite marks an open database with POSIX advisory locks, and POSIX drops *all* of a process's
locks on a file the moment the process closes *any* descriptor of that file — a file dialog
sniffing the folder, a hash of the file, a second library reading it ("How To Corrupt An SQLite
Database File", section 2.2). Another process that then opens and closes the database believes
it is the last one, checkpoints and deletes the ``-wal`` file this process is still appending
to: every change saved after that point goes to a deleted file and is gone at the next start.

Linux's open-file-description locks (``F_OFD_SETLK``) belong to one open descriptor, not to the
process, so closing other descriptors leaves them alone; and they conflict with the POSIX locks
that SQLite takes in other processes. Holding a shared one on the database's SHARED byte range
and on the ``-shm`` file's dead-man-switch byte says "still open here" for as long as the store
is open:

- no other process can take the EXCLUSIVE lock it needs to delete the ``-wal`` and ``-shm``;
- no other process can take the ``-shm`` dead-man switch and rebuild the shared index under us.

Windows locks belong to the handle already; where OFD locks do not exist (macOS), this is a
no-op and the guarantee is SQLite's own.
"""

from __future__ import annotations

import contextlib
import os
import struct
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: its locks are per handle, which is what this module gives.
    fcntl = None  # type: ignore[assignment]

# SQLite's lock bytes in the database file (os_unix.c / pager.h) and in the -shm file.
PENDING_BYTE = 0x40000000
SHARED_FIRST = PENDING_BYTE + 2
SHARED_SIZE = 510
SHM_DEAD_MAN_SWITCH = (22 + 8) * 4 + 8

_OFD_SETLK: int | None = getattr(fcntl, "F_OFD_SETLK", None) if fcntl is not None else None

# struct flock on Linux: short l_type, short l_whence, off_t l_start, off_t l_len, pid_t l_pid.
_FLOCK = "hhqqi4x"


def supported() -> bool:
    return _OFD_SETLK is not None


class PresenceLock:
    """Shared OFD locks on a database's SHARED bytes and its ``-shm`` dead-man switch."""

    def __init__(self, database: Path) -> None:
        self._ranges = (
            (Path(database), SHARED_FIRST, SHARED_SIZE),
            (Path(f"{database}-shm"), SHM_DEAD_MAN_SWITCH, 1),
        )
        self._fds: list[int] = []
        self.held = False

    def acquire(self, wait: float = 2.0) -> bool:
        """Take both locks; False (and nothing held) where the platform or the files don't allow.

        A shared lock is refused only while another process holds SQLite's EXCLUSIVE lock,
        which lasts milliseconds (a checkpoint on close), so it is retried for ``wait`` seconds.
        """
        if _OFD_SETLK is None or self.held:
            return self.held
        try:
            for path, start, length in self._ranges:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
                self._fds.append(fd)
                deadline = time.monotonic() + wait
                while not self._set(fd, fcntl.F_RDLCK, start, length):
                    if time.monotonic() > deadline:
                        raise BlockingIOError(path)
                    time.sleep(0.02)
        except OSError:
            self._unlock()
            self._close()
            return False
        self.held = True
        return True

    def release(self) -> None:
        """Give the locks up, keeping the descriptors open (see :meth:`close`)."""
        self._unlock()
        self.held = False

    def close(self) -> None:
        """Close the descriptors: only once SQLite's own connections are closed.

        Closing a descriptor drops this process's POSIX locks on the file, SQLite's included.
        """
        self.release()
        self._close()

    def _unlock(self) -> None:
        for fd, (_path, start, length) in zip(self._fds, self._ranges, strict=False):
            with contextlib.suppress(OSError):
                self._set(fd, fcntl.F_UNLCK, start, length)

    def _close(self) -> None:
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()

    @staticmethod
    def _set(fd: int, kind: int, start: int, length: int) -> bool:
        assert _OFD_SETLK is not None
        try:
            fcntl.fcntl(fd, _OFD_SETLK, struct.pack(_FLOCK, kind, os.SEEK_SET, start, length, 0))
        except (BlockingIOError, PermissionError):
            return False
        return True
