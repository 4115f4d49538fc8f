"""Refresh the Qt Linguist sources from the code and forms, then compile them.

    python scripts/update_translations.py                # lupdate + lrelease
    python scripts/update_translations.py --release-only # lrelease only (what the bundle build runs)
    python scripts/update_translations.py --ts OUT.ts    # lupdate into OUT.ts (tests use this)

A new language is a new ``resources/translations/mentordesk_<lang>.ts``: create it with
``--ts`` and a ``language`` attribute, then translate it in Qt Linguist.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def qt_tool(name: str) -> str:
    """``pyside6-<name>`` from PATH, else the binary shipped inside the PySide6 wheel."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    bundled = Path(PySide6.__file__).parent / name
    if bundled.exists():
        return str(bundled)
    sys.exit(f"update_translations: neither pyside6-{name} nor {bundled} found")


def sources() -> list[Path]:
    # core and exchange speak to the user through user_text() (mentordesk.core.wording);
    # the command line stays English and is left out.
    package = ROOT / "src" / "mentordesk"
    code = sorted(p for part in ("ui", "core", "exchange") for p in (package / part).rglob("*.py"))
    forms = sorted((ROOT / "forms").glob("*.ui"))
    return code + forms


def ts_files() -> list[Path]:
    return [TRANSLATIONS / f"mentordesk_{lang}.ts" for lang in LANGUAGES]


def lupdate(ts: Path) -> None:
    # -no-obsolete: a string that left the UI leaves the catalogue (git keeps its history);
    # -locations none: line numbers would otherwise rewrite the .ts on every code edit.
    command = [
        qt_tool("lupdate"),
        *map(str, sources()),
        "-tr-function-alias",
        "translate+=user_text",
        "-no-obsolete",
        "-locations",
        "none",
    ]
    subprocess.run([*command, "-ts", str(ts)], check=True, capture_output=True, text=True)


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release-only", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--ts", type=Path, help="run lupdate into this .ts file and stop")
    args = parser.parse_args(argv)
    if args.ts:
        lupdate(args.ts)
        return 0
    for ts in ts_files():
        if not args.release_only:
            lupdate(ts)
        print(f"{lrelease(ts).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
