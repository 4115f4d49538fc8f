"""Rubric files: a rubric version in layers as JSON (the shipped ones in ``resources/rubrics``
and those given to ``mentordesk rubric import``), read into a ``RubricSpec``.

```
{"name": …, "name_zh": …, "description": …, "programme": …, "version": …,
 "levels":  [{"level": 1, "label": …, "label_zh": …, "description": …, "description_zh": …}],
 "modules": [{"name": …, "name_zh": …, "layer": "foundation|direction|job", "builds_on": …}],
 "skills":  [{"code": …, "module": …, "area": …, "name": …, "name_zh": …,
              "descriptors": […], "descriptors_zh": […]}],
 "posts":   [{"name": …, "name_zh": …, "description": …, "targets": {"R-03": 4, …}}]}
```
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import UserError
from .rubric_layers import LevelSpec, ModuleSpec, PostSpec, RubricSpec, SkillSpec
from .text import clean
from .wording import user_text


def _bad(path: Path, where: str, what: str) -> UserError:
    return UserError(
        user_text("RubricFiles", "{file}: {where}: {what}").format(
            file=path.name, where=where, what=what
        )
    )


def _rows(path: Path, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = data.get(key) or []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise _bad(path, key, user_text("RubricFiles", "expected a list of objects"))
    return rows


def _texts(path: Path, where: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _bad(path, where, user_text("RubricFiles", "expected a list of texts"))
    return tuple(clean(v) for v in value)


def _number(path: Path, where: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _bad(
            path,
            where,
            user_text("RubricFiles", "{value!r} is not a whole number").format(value=value),
        )
    try:
        return int(value)
    except ValueError:
        raise _bad(
            path,
            where,
            user_text("RubricFiles", "{value!r} is not a whole number").format(value=value),
        ) from None


def _targets(path: Path, where: str, value: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict):
        raise _bad(path, where, user_text("RubricFiles", "targets must map skill codes to levels"))
    return tuple((clean(code), _number(path, f"{where} {code}", n)) for code, n in value.items())


def spec_from_data(path: Path, data: object) -> RubricSpec:
    """The rubric ``data`` (a file's parsed JSON) describes; refused naming the key at fault."""
    if not isinstance(data, dict):
        raise _bad(path, "/", user_text("RubricFiles", "expected an object with name and levels"))
    levels = tuple(
        LevelSpec(
            _number(path, f"levels row {n}", lv.get("level")),
            clean(lv.get("label")),
            clean(lv.get("description")),
            clean(lv.get("label_zh")),
            clean(lv.get("description_zh")),
        )
        for n, lv in enumerate(_rows(path, data, "levels"), start=1)
    )
    modules = tuple(
        ModuleSpec(
            clean(m.get("name")),
            clean(m.get("layer")),
            clean(m.get("name_zh")),
            clean(m.get("builds_on")),
        )
        for m in _rows(path, data, "modules")
    )
    skills = tuple(
        SkillSpec(
            clean(sk.get("code")),
            clean(sk.get("name")),
            clean(sk.get("module")),
            clean(sk.get("area")),
            clean(sk.get("name_zh")),
            _texts(path, f"skills row {n} descriptors", sk.get("descriptors")),
            _texts(path, f"skills row {n} descriptors_zh", sk.get("descriptors_zh")),
        )
        for n, sk in enumerate(_rows(path, data, "skills"), start=1)
    )
    posts = tuple(
        PostSpec(
            clean(p.get("name")),
            _targets(path, f"posts row {n} targets", p.get("targets")),
            clean(p.get("name_zh")),
            clean(p.get("description")),
        )
        for n, p in enumerate(_rows(path, data, "posts"), start=1)
    )
    version = data.get("version")
    return RubricSpec(
        clean(data.get("name")),
        levels,
        modules,
        skills,
        posts,
        name_zh=clean(data.get("name_zh")),
        description=clean(data.get("description")),
        programme=clean(data.get("programme")),
        version=None if version is None else _number(path, "version", version),
    )


def read_rubric_file(path: Path) -> RubricSpec:
    """The rubric a JSON file describes; a file that cannot be read or parsed is refused."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            user_text("RubricFiles", "Cannot read {file}: {reason}").format(
                file=str(path), reason=getattr(exc, "strerror", None) or str(exc)
            )
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            user_text(
                "RubricFiles", "{file} is not a rubric file: line {line}, column {column}: {reason}"
            ).format(file=path.name, line=exc.lineno, column=exc.colno, reason=exc.msg)
        ) from None
    return spec_from_data(path, data)
