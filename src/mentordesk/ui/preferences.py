"""Per-user preferences (window geometry, language, last choices) through QSettings."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from ..paths import data_dir


def preferences() -> QSettings:
    """The platform's native settings store, or an INI file beside a redirected data folder."""
    if os.environ.get("MENTORDESK_DATA_DIR"):
        return QSettings(str(data_dir() / "preferences.ini"), QSettings.Format.IniFormat)
    return QSettings()
