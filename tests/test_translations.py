"""Simplified Chinese: every user-visible string translated, shipped compiled, and chosen right."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

from mentordesk.ui.translation import (  # noqa: E402
    available_languages,
    current_language,
    install_translator,
    language_for,
)

TS = ROOT / "resources" / "translations" / "mentordesk_zh_CN.ts"
PLACEHOLDER = re.compile(r"%\d|%n|%L\d|\{\w*(?:![rsa])?(?::[^{}]*)?\}")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    forms = element.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [element.text or ""]


@pytest.fixture(scope="module")
def current_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed catalogue, refreshed from today's code and forms (as lupdate would)."""
    ts = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, ts)
    update_translations.lupdate(ts)
    return ts


def test_every_user_visible_string_is_translated(current_ts: Path) -> None:
    missing = [
        f"{context}: {source!r}"
        for context, source, message in messages(current_ts)
        if message.find("translation").get("type") == "unfinished"
    ]
    assert not missing, (
        f"{len(missing)} strings lack a Chinese translation; run "
        "`python scripts/update_translations.py` and translate them in "
        f"{TS.relative_to(ROOT)}:\n" + "\n".join(missing)
    )


def test_translations_keep_placeholders_and_shortcuts() -> None:
    wrong = []
    for context, source, message in messages(TS):
        for text in translations(message):
            if not text:
                continue
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append(f"{context}: {source!r} -> {text!r} (placeholders differ)")
            if re.search(r"&[^&\s]", source.replace("&&", "")) and "&" not in text:
                wrong.append(f"{context}: {source!r} -> {text!r} (shortcut letter lost)")
    assert not wrong, "\n".join(wrong)


def test_shipped_qm_matches_the_catalogue(tmp_path: Path) -> None:
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    compiled = update_translations.lrelease(ts)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "mentordesk_zh_CN.qm is stale: run `python scripts/update_translations.py --release-only`"
    )


def test_chinese_is_offered_by_its_own_name() -> None:
    assert ("zh_CN", "简体中文") in available_languages()
    assert available_languages()[0] == ("en", "English")


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (["zh-Hans-CN", "en-US"], "zh_CN"),
        (["zh-CN"], "zh_CN"),
        (["zh"], "zh_CN"),
        (["de-DE", "zh-Hans-SG"], "zh_CN"),
        (["en-GB", "zh-CN"], "en"),
        (["zh-Hant-TW"], "en"),
        (["C"], "en"),
        ([], "en"),
    ],
)
def test_system_language_picks_the_first_shipped_one(preferred, expected) -> None:
    assert language_for(preferred, ["zh_CN"]) == expected


def test_chosen_language_translates_the_interface_and_formats_dates(qapp) -> None:
    try:
        assert install_translator(qapp, "zh_CN") == "zh_CN" == current_language()
        assert QCoreApplication.translate("FirstRunWizard", "About you") == "关于您"
        long_date = QLocale().toString(QDate(2026, 11, 20), QLocale.FormatType.LongFormat)
        assert "2026年11月20日" in long_date
        # Qt's own dialogs and buttons come along.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"

        assert install_translator(qapp, "en") == "en"
        assert QCoreApplication.translate("FirstRunWizard", "About you") == "About you"
        assert install_translator(qapp, "fr") == "en" == current_language()
    finally:
        install_translator(qapp, "en")
        QLocale.setDefault(QLocale.system())


def test_the_first_run_wizard_appears_in_chinese(qapp, qtbot, store, make_worker) -> None:
    from mentordesk.ui.first_run import FirstRunWizard

    try:
        install_translator(qapp, "zh_CN")
        wizard = FirstRunWizard(make_worker(store))
        qtbot.addWidget(wizard)
        assert wizard.windowTitle() == "欢迎使用 MentorDesk"
        assert wizard.role_combo.itemText(0) == "企业导师"
    finally:
        install_translator(qapp, "en")
        QLocale.setDefault(QLocale.system())


def test_chinese_shows_even_without_a_system_chinese_font(tmp_path: Path) -> None:
    # fontconfig is set up once per process: a child process sees a system with no fonts.
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}</cachedir></fontconfig>'
    )
    program = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "from mentordesk.ui.translation import install_translator\n"
        "app = QApplication([])\n"
        "chinese = QFontDatabase.WritingSystem.SimplifiedChinese\n"
        "print(len(QFontDatabase.families(chinese)))\n"
        "install_translator(app, 'zh_CN')\n"
        "print(len(QFontDatabase.families(chinese)))\n"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60
    )
    before, after = result.stdout.split()
    assert (before, after != "0") == ("0", True), result.stderr
