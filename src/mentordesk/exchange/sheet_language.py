"""The language of the assessment sheet's printed words: English, Chinese, or both.

The names, skills and notes on a sheet are what was recorded; only the form's own words follow
this. Whoever asks for a sheet passes its language (``render_sheet(..., language=)``,
``write_sheets(..., language=)``; the window its interface language, the command line its
``--language``), so a preview and the sheet signed from it read the same. While a sheet is
drawn, ``speaking`` holds its language for the drawing code (``say``) of that thread only:
two sheets drawn at once on two threads each keep their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal, get_args

from ..core.errors import UserError
from ..core.wording import user_text

# English and Chinese side by side, English only, or Chinese only.
SheetLanguage = Literal["both", "en", "zh_CN"]
LANGUAGES: tuple[SheetLanguage, ...] = get_args(SheetLanguage)
_drawing: ContextVar[SheetLanguage] = ContextVar("sheet_language", default="both")


def checked_language(language: str) -> SheetLanguage:
    """``language`` if a sheet can be printed in it; else a refusal naming the choices."""
    for known in LANGUAGES:
        if language == known:
            return known
    raise UserError(
        user_text("Sheets", "sheet language {language!r}: choose one of {choices}").format(
            language=language, choices=", ".join(LANGUAGES)
        )
    )


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """The sheet's own words in ``language`` while the sheet inside is drawn."""
    token = _drawing.set(checked_language(language))
    try:
        yield
    finally:
        _drawing.reset(token)


def sheet_language() -> SheetLanguage:
    """The language of the sheet being drawn."""
    return _drawing.get()


def say(english: str, chinese: str, between: str = " ") -> str:
    """A form label in the sheet's language (both: English, then Chinese)."""
    current = _drawing.get()
    if current == "en":
        return english
    if current == "zh_CN":
        return chinese
    return f"{english}{between}{chinese}"


def recorded(english: str, chinese: str, between: str = " ") -> str:
    """A recorded text kept in two languages (a rubric's skill, module, level or post name) in
    the sheet's language, falling back to the other; on a bilingual sheet both, English first
    as the form's own words, once when they are the same."""
    current = _drawing.get()
    if current == "en":
        return english or chinese
    if current == "zh_CN":
        return chinese or english
    if english and chinese and english != chinese:
        return f"{english}{between}{chinese}"
    return english or chinese
