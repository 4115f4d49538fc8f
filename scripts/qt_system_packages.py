"""The system packages the README's start command installs: its ``sudo apt-get install`` line.

The README is the one place the list lives; ``scripts/check_qt_libs.sh`` and
``tests/test_qt_system_libs.py`` read it from there. Prints one package per line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_packages(readme: Path = README) -> list[str]:
    text = readme.read_text(encoding="utf-8").replace("\\\n", " ")
    match = re.search(r"^sudo apt-get install -y ([^\n]+)$", text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{readme}: no 'sudo apt-get install -y …' line")
    return match.group(1).split()


if __name__ == "__main__":
    sys.stdout.write("".join(f"{name}\n" for name in readme_packages()))
