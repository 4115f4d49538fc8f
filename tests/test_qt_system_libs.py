"""A fresh Debian/Ubuntu desktop starts the window (issue 16.9).

The README's ``sudo apt-get install`` line must name the package of every system library
that Qt's window links to: the xcb platform plugin and the Qt modules MentorDesk imports,
followed through the libraries PySide6 ships. What apt installs with those packages comes
along by itself; only the C and C++ runtime and compression libraries every system has are
taken as given.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from qt_system_packages import readme_packages  # noqa: E402

sys.path.remove(str(ROOT / "scripts"))

# On every Debian and Ubuntu system (dpkg and apt themselves need them).
BASE = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1"}
# The Qt modules the window imports (grep "from PySide6." src).
MODULES = ("QtCore", "QtGui", "QtWidgets", "QtUiTools", "QtPrintSupport")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dpkg") is None,
    reason="Debian/Ubuntu packages",
)


def _pyside() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent


def _needed(binary: Path) -> list[str]:
    out = subprocess.run(
        ["readelf", "-d", str(binary)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


def _system_libraries() -> dict[str, str]:
    """Each library outside PySide6 that the window's Qt links to, with who needs it."""
    pyside = _pyside()
    shipped = {p.name: p for p in (pyside / "Qt" / "lib").glob("*.so*")}
    shipped.update({p.name: p for p in pyside.glob("*.so*")})
    shiboken = pyside.parent / "shiboken6"
    shipped.update({p.name: p for p in shiboken.glob("*.so*")})
    todo = [pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so"]
    todo += [next(pyside.glob(f"{m}.*.so")) for m in MODULES]
    seen: set[Path] = set()
    system: dict[str, str] = {}
    while todo:
        binary = todo.pop()
        if binary in seen:
            continue
        seen.add(binary)
        for name in _needed(binary):
            if name in shipped:
                todo.append(shipped[name])
            else:
                system.setdefault(name, binary.name)
    return system


def _package_of(library: str) -> str:
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = re.search(rf"^\s+{re.escape(library)} \([^)]*x86-64[^)]*\) => (\S+)", cache, re.M)
    if found is None:
        found = re.search(rf"^\s+{re.escape(library)} \([^)]*\) => (\S+)", cache, re.M)
    assert found is not None, f"{library} is not installed here at all"
    path = Path(found.group(1))
    real = Path(os.path.realpath(path))
    # Merged /usr: dpkg may know the file under /lib or /usr/lib, by its link name or target.
    candidates = {path, real}
    for each in list(candidates):
        text = str(each)
        candidates.add(Path(text[4:] if text.startswith("/usr/") else "/usr" + text))
    for each in candidates:
        done = subprocess.run(["dpkg", "-S", str(each)], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0]
    raise AssertionError(f"no package owns {library} ({path})")


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils)")
def test_the_readme_names_the_package_of_every_library_qt_s_window_needs():
    listed = set(readme_packages())
    unnamed = {}
    for library, needed_by in sorted(_system_libraries().items()):
        package = _package_of(library)
        if package not in listed and package not in BASE:
            unnamed[library] = f"{package} (needed by {needed_by})"
    assert not unnamed, f"README.md's apt-get line lacks: {unnamed}"


def test_ldd_finds_every_library_of_the_xcb_plugin():
    plugin = _pyside() / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    assert "not found" not in out, out


def test_the_readme_list_is_the_one_the_check_installs_and_ci_runs_it():
    packages = readme_packages()
    assert "python3-venv" in packages and "libxcb-icccm4" in packages
    check = (ROOT / "scripts" / "check_qt_libs.sh").read_text()
    assert "scripts/qt_system_packages.py" in check and "libxcb" not in check
    assert "bash scripts/check_qt_libs.sh" in (ROOT / "scripts" / "test.sh").read_text()
    # The start command itself comes right after the packages.
    start = (ROOT / "README.md").read_text().split("## Start it", 1)[1].split("```", 2)[1]
    lines = [line for line in start.splitlines() if line and not line.startswith("  ")]
    assert lines[1:3] == ["sudo apt-get update", lines[2]]
    assert lines[2].startswith("sudo apt-get install -y python3-venv")
    assert lines[3].startswith("python3 -m venv .venv")
