"""DESIGN.md's layering, checked on the source: core and exchange never import Qt; views run no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import mentordesk

PACKAGE = Path(mentordesk.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules_in(folder: str) -> list[Path]:
    files = sorted((PACKAGE / folder).rglob("*.py"))
    assert files, folder
    return files


def test_core_and_exchange_never_import_qt():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for folder in ("core", "exchange")
        for path in modules_in(folder)
        for name in imported_modules(path)
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
    ]
    assert offenders == []


def test_core_knows_no_file_formats():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in modules_in("core")
        for name in imported_modules(path)
        if name.split(".")[0] in {"openpyxl", "reportlab", "pyhanko"}
    ]
    assert offenders == []


def test_views_never_touch_the_database_directly():
    offenders = []
    for path in modules_in("ui"):
        source = path.read_text(encoding="utf-8")
        for name in imported_modules(path):
            if name.split(".")[0] == "sqlalchemy":
                offenders.append(f"{path.name} imports {name}")
        for needle in ("store.write(", "store.read(", ".engine", "Session("):
            if needle in source:
                offenders.append(f"{path.name} uses {needle}")
    assert offenders == []


def test_no_catch_all_module_names():
    banned = {"utils.py", "helpers.py", "manager.py", "misc.py", "common.py"}
    assert [p.name for p in PACKAGE.rglob("*.py") if p.name in banned] == []
