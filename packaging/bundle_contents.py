"""What goes into a MentorDesk bundle; shared by the Linux and the Windows spec so they stay in step.

The frozen app finds its files through ``mentordesk.paths``: PyInstaller gives every module a
``__file__`` under the bundle's contents folder, so ``forms``, ``resources`` and the Alembic
migrations are placed at ``mentordesk/…`` there, exactly where an installed wheel keeps them.
"""

from __future__ import annotations

import re
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
ENTRY = str(ROOT / "packaging" / "entry.py")
ICON_ICO = str(ROOT / "resources" / "icons" / "mentordesk.ico")

# Qt modules the application never imports; PyInstaller's PySide6 hooks would otherwise follow
# optional links (QtGui → QtQml …) and ship tens of megabytes of unused libraries.
EXCLUDES = [
    "tkinter",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtConcurrent",
    # Optional accelerators that openpyxl and reportlab merely probe for: 40 MB unused.
    "numpy",
    "pytest",
    "hypothesis",
    "IPython",
]

# Python's UTF-8 mode in the frozen app: a Chinese or Western Windows code page would otherwise
# decide how text files and piped output (trainee names) are encoded, and fail on characters
# outside it. ("X utf8_mode=1" is silently ignored by the bootloader; "X utf8" is the form.)
PYTHON_OPTIONS = [("X utf8", None, "OPTION")]

# Qt's own translations: only the languages MentorDesk ships (see resources/translations).
_QT_TRANSLATION = re.compile(r"[\\/]translations[\\/](qt|qtbase)_(zh_CN|en)\.qm$")


def hiddenimports() -> list[str]:
    # The CLI discovers optional command modules by name, and Alembic loads env.py by path:
    # neither is visible to PyInstaller's import scan. The spreadsheet reader is imported
    # only when a workbook is first read; named here so that it is bundled however the scan
    # treats imports inside functions.
    return [
        *collect_submodules("mentordesk"),
        "sqlalchemy.dialects.sqlite",
        "logging.config",
        "xlsxwriter",
        "python_calamine",
    ]


def datas() -> list[tuple[str, str]]:
    return [
        (str(ROOT / "forms"), "mentordesk/forms"),
        (str(ROOT / "resources"), "mentordesk/resources"),
        (str(SOURCE / "mentordesk" / "core" / "alembic"), "mentordesk/core/alembic"),
        *collect_data_files("reportlab"),
        *collect_data_files("pyhanko"),
        *collect_data_files("pyhanko_certvalidator"),
    ]


def keep(entry: tuple) -> bool:
    """Whether a collected file belongs in the bundle (drops unshipped Qt translations, caches)."""
    dest = entry[0].replace("\\", "/")
    if "/__pycache__/" in f"/{dest}":
        return False
    # Qt's GTK theme plugin would load the desktop's GTK against the bundle's own copies of
    # GLib, Cairo and Pango (collected only for it): a version clash waiting to happen.
    if dest.endswith("platformthemes/libqgtk3.so"):
        return False
    # PySide6/Qt/translations on Linux, PySide6/translations on Windows.
    if dest.startswith("PySide6/") and "/translations/" in dest:
        return bool(_QT_TRANSLATION.search(dest))
    return True
