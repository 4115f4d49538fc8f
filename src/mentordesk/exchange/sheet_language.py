"""The language of the assessment sheet's printed words: English, Chinese, or both.

The names, skills and notes on a sheet are what was recorded; only the form's own words follow
this. The window sets it to its interface language; the command line takes ``--language``. It
is fixed for a whole run, so a preview and the sheet signed from it always read the same.
"""

from __future__ import annotations

from ..core.errors import UserError
from ..core.wording import user_text

LANGUAGES = ("both", "en", "zh_CN")
_current = "both"


def set_sheet_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise UserError(
            user_text("Sheets", "sheet language {language!r}: choose one of {choices}").format(
                language=language, choices=", ".join(LANGUAGES)
            )
        )
    _current = language


def sheet_language() -> str:
    return _current


def say(english: str, chinese: str, between: str = " ") -> str:
    """A form label in the sheet's language (both: English, then Chinese)."""
    if _current == "en":
        return english
    if _current == "zh_CN":
        return chinese
    return f"{english}{between}{chinese}"
