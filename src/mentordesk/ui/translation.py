"""The interface language: the system's unless Settings overrides it (applied at the next start)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from ..paths import resources_dir

ENGLISH = "en"
# Chinese tags that mean Simplified script; Traditional (zh-Hant, zh-TW, zh-HK) users get English
# rather than a script they may not read comfortably.
_SIMPLIFIED = ("zh-hans", "zh-cn", "zh-sg", "zh-my")

_installed: list[QTranslator] = []
_in_effect = ENGLISH


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _ensure_chinese_glyphs() -> None:
    # A bare Linux desktop may have no Chinese font at all; the one shipped for the PDF sheets
    # then keeps the interface from showing empty boxes.
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return
    for font in sorted((resources_dir() / "fonts").glob("*.tt[fc]")):
        QFontDatabase.addApplicationFont(str(font))


def available_languages() -> list[tuple[str, str]]:
    """(code, name in that language) for English and every compiled translation shipped."""
    codes = sorted(
        path.stem.removeprefix("mentordesk_") for path in translations_dir().glob("mentordesk_*.qm")
    )
    return [(ENGLISH, "English")] + [(code, QLocale(code).nativeLanguageName()) for code in codes]


def language_for(ui_languages: Sequence[str], shipped: Sequence[str]) -> str:
    """The first shipped language among the user's preferred ones (BCP 47 tags), else English."""
    for tag in ui_languages:
        tag = tag.lower().replace("_", "-")
        if tag == "zh" or tag.startswith(_SIMPLIFIED):
            if "zh_CN" in shipped:
                return "zh_CN"
        elif tag.split("-")[0] == ENGLISH:
            return ENGLISH
        elif tag.replace("-", "_") in {code.lower() for code in shipped}:
            return next(code for code in shipped if code.lower() == tag.replace("-", "_"))
    return ENGLISH


def current_language() -> str:
    """The interface language in effect ("en", "zh_CN"): exports and sheets made from the UI
    default to it (e.g. Chinese column headers, the Chinese sheet)."""
    return _in_effect


def language_chosen(choice: str | None) -> str:
    """The language a Settings choice ("" or None: the system's) puts in effect at a start."""
    shipped = [code for code, _name in available_languages() if code != ENGLISH]
    if choice:
        return choice if choice in shipped else ENGLISH
    return language_for(QLocale.system().uiLanguages(), shipped)


def translate_in(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` whatever the interface language is now (English: as it is)."""
    if language == ENGLISH:
        return text
    catalogue = QTranslator()
    if not catalogue.load(str(translations_dir() / f"mentordesk_{language}.qm")):
        return text
    return catalogue.translate(context, text) or text


def install_translator(app: QApplication, language: str | None) -> str:
    """Translate the interface into ``language`` (None or "": the system's); returns the one in effect.

    Also makes that language's locale the default for dates, times and numbers, and loads Qt's
    own translations (standard buttons and dialogs) when Qt ships them.
    """
    global _in_effect
    _in_effect = _install(app, language)
    return _in_effect


def _install(app: QApplication, language: str | None) -> str:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    shipped = [code for code, _name in available_languages() if code != ENGLISH]
    if language:
        chosen = language if language in shipped else ENGLISH
        # English keeps the system's region (dates in a Chinese plant's usual order).
        territory = QLocale.system().territory()
        locale = (
            QLocale(chosen) if chosen != ENGLISH else QLocale(QLocale.Language.English, territory)
        )
    else:
        chosen = language_for(QLocale.system().uiLanguages(), shipped)
        locale = QLocale.system()
    QLocale.setDefault(locale)
    if chosen == ENGLISH:
        return ENGLISH
    _ensure_chinese_glyphs()
    own = QTranslator(app)
    if not own.load(str(translations_dir() / f"mentordesk_{chosen}.qm")):
        return ENGLISH
    _installed.append(own)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(f"{catalogue}_{chosen}", qt_dir):
            _installed.append(qt)
            break
    for translator in _installed:
        app.installTranslator(translator)
    return chosen
