"""One MentorDesk per database: a lock file beside it (or in the data folder for a server URL)."""

from __future__ import annotations

from PySide6.QtCore import QLockFile

from ..core.database_file import sqlite_path, to_url
from ..paths import data_dir


def lock_for(target: str) -> QLockFile:
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        name = str(path) + ".lock"
    else:
        # Only a server's lock needs a digest (and OpenSSL, which hashlib loads).
        import hashlib

        name = str(data_dir() / f"server-{hashlib.sha1(url.encode()).hexdigest()[:12]}.lock")
    lock = QLockFile(name)
    # A lock left by a killed MentorDesk is taken over once its process is gone.
    lock.setStaleLockTime(0)
    return lock
