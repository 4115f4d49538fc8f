"""The note categories as people read them; the store and the workbooks keep the English keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def note_category_names() -> dict[str, str]:
    """Category key → its name in the interface language (without keyboard accelerators)."""
    # Literal translate calls: lupdate reads the source, and finds no string behind a helper.
    return {
        "teamwork": QCoreApplication.translate("NoteCategory", "Teamwork"),
        "communication": QCoreApplication.translate("NoteCategory", "Communication"),
        "safety": QCoreApplication.translate("NoteCategory", "Safety"),
        "initiative": QCoreApplication.translate("NoteCategory", "Initiative"),
        "innovation": QCoreApplication.translate("NoteCategory", "Innovation"),
        "attitude": QCoreApplication.translate("NoteCategory", "Attitude"),
        "other": QCoreApplication.translate("NoteCategory", "Other"),
    }
