"""Every Qt Designer form loads, and every widget name the code looks up exists in its form."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import mentordesk
from mentordesk.paths import forms_dir

UI_PACKAGE = Path(mentordesk.__file__).parent / "ui"
FORMS = sorted(forms_dir().glob("*.ui"))


def names_in_form(path: Path) -> set[str]:
    root = ET.parse(path).getroot()
    return {el.get("name") for el in root.iter() if el.tag in {"widget", "layout", "action"}} - {
        None
    }


def string_args(call: ast.Call) -> list[str]:
    return [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def lookups(path: Path) -> tuple[set[str], set[str]]:
    """(forms the module loads, widget names it looks up with child())."""
    loaded, used = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name == "load_form":
                loaded.update(string_args(node)[:1])
            elif name == "child":
                used.update(string_args(node)[-1:])
    return loaded, used


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.name)
def test_form_loads(qtbot, form):
    from mentordesk.ui.forms import load_form

    widget = load_form(form.stem)
    qtbot.addWidget(widget)
    assert widget.objectName()


def test_every_looked_up_widget_exists_in_the_forms_its_module_loads():
    all_forms = {f.stem: names_in_form(f) for f in FORMS}
    problems = []
    checked = 0
    for module in sorted(UI_PACKAGE.glob("*.py")):
        loaded, used = lookups(module)
        missing_forms = loaded - set(all_forms)
        problems += [f"{module.name} loads missing form {m}.ui" for m in missing_forms]
        pool = (
            set().union(*(all_forms[f] for f in loaded & set(all_forms)))
            if loaded
            else set().union(*all_forms.values())
        )
        for name in sorted(used):
            checked += 1
            if name not in pool:
                problems.append(f"{module.name} looks up {name!r}, which no form it loads defines")
    assert checked > 30
    assert problems == []


def test_forms_ship_inside_the_package_build():
    """pyproject's force-include maps the top-level forms/ and resources/ into the wheel."""
    text = (Path(__file__).parents[1] / "pyproject.toml").read_text()
    assert '"forms" = "mentordesk/forms"' in text
    assert '"resources" = "mentordesk/resources"' in text
