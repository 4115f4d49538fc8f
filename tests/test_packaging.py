"""Desktop integration files: valid for the platform tools, consistent with the application."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from mentordesk import APP_ID

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def run_validator(*command: str) -> subprocess.CompletedProcess:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    return subprocess.run(command, capture_output=True, text=True)


def test_desktop_entry_validates() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_appstream_metainfo_validates() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_starts_the_installed_launcher_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    launchers = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert section["Exec"].split()[0] in launchers
    assert section["Icon"] == APP_ID
    assert section["Name"] == "MentorDesk"
    assert section["Comment[zh_CN]"]  # the menu entry explains itself in Chinese too


def test_metainfo_names_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_at_each_size(size: int) -> None:
    image = QImage(str(ICONS / f"mentordesk-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_windows_icon_holds_the_sizes_explorer_asks_for() -> None:
    data = (ICONS / "mentordesk.ico").read_bytes()
    _reserved, kind, count = struct.unpack_from("<HHH", data)
    assert kind == 1
    sides = {(data[6 + 16 * i] or 256) for i in range(count)}
    assert {16, 24, 32, 48, 256} <= sides


def test_the_windows_spec_takes_its_contents_from_the_shared_list() -> None:
    # Both specs must bundle the same files: they share bundle_contents.py, never a copy.
    for spec in (PACKAGING / "mentordesk.spec", PACKAGING / "windows" / "mentordesk.spec"):
        text = spec.read_text()
        assert "bundle_contents" in text
        assert "contents.datas()" in text and "contents.hiddenimports()" in text
        assert "contents.PYTHON_OPTIONS" in text  # UTF-8 mode, whatever the Windows code page
    assert '("X utf8", None, "OPTION")' in (PACKAGING / "bundle_contents.py").read_text()


def _smoke_steps_linux() -> list[str]:
    text = (PACKAGING / "smoke_bundle.sh").read_text()
    return [name.removeprefix("MentorDesk ") for name in re.findall(r'\brun "([^"]+)"', text)]


def _smoke_steps_windows() -> list[str]:
    text = (PACKAGING / "windows" / "smoke_bundle.ps1").read_text()
    return [name.removeprefix("mentordesk-cli ") for name in re.findall(r'\bStep "([^"]+)"', text)]


def test_windows_smoke_runs_the_linux_smoke_steps_in_the_same_order() -> None:
    # CI runs only the Linux smoke test; the Windows one must not fall behind it.
    linux = _smoke_steps_linux()
    assert "window on an empty database" in linux and "check" in linux
    assert _smoke_steps_windows() == linux


def test_both_smoke_tests_look_for_the_same_shipped_files() -> None:
    sh = (PACKAGING / "smoke_bundle.sh").read_text()
    ps1 = (PACKAGING / "windows" / "smoke_bundle.ps1").read_text()
    linux = re.search(r"for shipped in (.*?); do", sh, re.DOTALL)
    windows = re.search(r"foreach \(\$Shipped in @\((.*?)\)\)", ps1, re.DOTALL)
    assert linux and windows
    linux_files = set(linux.group(1).replace("\\\n", " ").split())
    windows_files = {name.replace("\\", "/") for name in re.findall(r'"([^"]+)"', windows.group(1))}
    assert windows_files == linux_files


def test_windows_smoke_script_stays_ascii() -> None:
    # Windows PowerShell 5.1 reads a script without a byte-order mark in the ANSI code page.
    (PACKAGING / "windows" / "smoke_bundle.ps1").read_bytes().decode("ascii")


def test_both_builds_pin_the_same_pyinstaller() -> None:
    linux = re.search(r"PYINSTALLER_VERSION=(\S+)", (PACKAGING / "build_linux.sh").read_text())
    windows = re.search(
        r'\$PyInstallerVersion = "([^"]+)"',
        (PACKAGING / "windows" / "build_windows.ps1").read_text(),
    )
    assert linux and windows and linux.group(1) == windows.group(1)


def test_ci_builds_and_smoke_tests_the_bundle_after_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.index("bash scripts/test.sh") < ci.index("bash scripts/bundle_smoke_ci.sh")
    bundle_ci = (ROOT / "scripts" / "bundle_smoke_ci.sh").read_text()
    assert "set -euo pipefail" in bundle_ci
    assert "packaging/build_linux.sh" in bundle_ci and "packaging/smoke_bundle.sh" in bundle_ci
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "/build/" in ignored and "/dist/" in ignored
