"""DESIGN.md's layering, checked on the source: core and exchange never import Qt; views run no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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


def mentordesk_imports(path: Path) -> set[str]:
    """The project's own modules a file imports, absolute or relative, as ``mentordesk.x.y``."""
    package = ["mentordesk", *path.parent.relative_to(PACKAGE).parts]
    return own_imports(path.read_text(encoding="utf-8"), package)


def own_imports(source: str, package: list[str]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "mentordesk"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            if name.split(".")[0] == "mentordesk":
                # ``from .. import exchange`` names the layer in the imported names.
                found |= {name} if node.module else {f"{name}.{a.name}" for a in node.names}
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [("core", {"exchange", "ui", "cli"}), ("exchange", {"ui", "cli"})],
)
def test_inner_layers_never_import_outer_ones(layer: str, forbidden: set[str]) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in modules_in(layer)
        for name in mentordesk_imports(path)
        if _layer(name) in forbidden
    ]
    assert offenders == []


def test_the_layer_check_sees_relative_imports() -> None:
    source = (
        "from ..exchange import results_export\nfrom ..ui.app import run\nfrom . import store\n"
    )
    assert own_imports(source, ["mentordesk", "core"]) == {
        "mentordesk.exchange",
        "mentordesk.ui.app",
        "mentordesk.core.store",
    }
