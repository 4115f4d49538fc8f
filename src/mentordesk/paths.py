"""Where MentorDesk keeps its files: the platform's data location unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from . import APP_NAME, ORG_NAME
from .core.private_files import make_private, private_folder

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The per-user data folder (``MENTORDESK_DATA_DIR`` overrides it, e.g. for tests).

    Owner-only: it holds the database, its copies, the logs and the signing key, and a shared
    shop-floor PC has other accounts. One made by an older version (0755) is tightened too.
    """
    override = os.environ.get("MENTORDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        # Imported here: a start on a given database (--db, MENTORDESK_DB) never needs it.
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME))
    private_folder(path)
    make_private(path)
    return path


def default_database() -> str:
    """``MENTORDESK_DB`` (a path or a SQLAlchemy URL), else ``mentordesk.db`` in the data folder."""
    return os.environ.get("MENTORDESK_DB") or str(data_dir() / "mentordesk.db")


def log_dir() -> Path:
    """Owner-only: a traceback can quote names and notes."""
    path = private_folder(data_dir() / "logs")
    make_private(path)
    return path


def _shipped(folder: str) -> Path:
    # Installed wheels carry the folder inside the package; a source checkout has it at the top.
    inside = PACKAGE_DIR / folder
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parents[1] / folder


def forms_dir() -> Path:
    return _shipped("forms")


def resources_dir() -> Path:
    return _shipped("resources")
