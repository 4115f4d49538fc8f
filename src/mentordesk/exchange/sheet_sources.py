"""The rating sources side by side per skill on an assessment sheet, with the composite.

The skills table carries the assessors' level; this compact table beside it carries each
source's latest level (mentor, supervisor, teacher, self, peer, where rated) and, when the
programme weighs the sources, the composite printed with its parts, never a bare figure.
It reads the frozen summary only, so a signed sheet prints the same later.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ..core.models import RATER_ROLES
from .sheet_language import recorded, say
from .sheet_page import BODY_W, GREY
from .sheet_tables import Summary, fit, frame_style, para


def role_names() -> dict[str, str]:
    return {
        "mentor": say("Mentor", "导师", "\n"),
        "supervisor": say("Supervisor", "主管", "\n"),
        "teacher": say("Teacher", "教师", "\n"),
        "self": say("Self", "自评", "\n"),
        "peer": say("Peer", "同伴", "\n"),
    }


def _short_role(role: str) -> str:
    return role_names().get(role, role).replace("\n", " ")


def composite_text(grade: dict[str, Any] | None) -> str:
    """``3.70 = Mentor 4 × 70 % + Self 3 × 30 %``; the roles not rated named instead of a value."""
    if not grade:
        return "—"
    parts = grade.get("parts", [])
    said = " + ".join(
        f"{_short_role(p['role'])} {p['level'] if p.get('level') is not None else '–'}"
        f" × {p['weight']} %"
        for p in parts
    )
    if grade.get("value") is None:
        missing = say(", ", "、").join(
            _short_role(p["role"]) for p in parts if p.get("level") is None
        )
        return f"{said}\n" + say("no composite: not rated by", "无综合分：未评") + f" {missing}"
    # The value first, so that a wrapped line never parts it from its "=".
    return f"{grade['value']:.2f} = {said}"


def _roles_shown(skills: list[dict[str, Any]]) -> list[str]:
    rated = {role for sk in skills for role in (sk.get("sources") or {})}
    return [role for role in RATER_ROLES if role in rated]


def sources_flowables(summary: Summary) -> list[Flowable]:
    """The table, when a skill has a source besides the mentor or a composite; else nothing
    (the skills table already says all there is, and older frozen summaries have no sources)."""
    skills = summary.get("skills", [])
    roles = _roles_shown(skills)
    weighed = any(sk.get("composite") for sk in skills)
    if not weighed and set(roles) <= {"mentor"}:
        return []
    names = role_names()
    role_w = 14 * mm
    composite_w = 68 * mm if weighed else 0
    skill_w = BODY_W - 15 * mm - role_w * len(roles) - composite_w
    widths = [15 * mm, skill_w, *([role_w] * len(roles))] + ([composite_w] if weighed else [])
    head: list[Any] = [say("Code", "代码", "\n"), say("Skill", "技能"), *(names[r] for r in roles)]
    if weighed:
        head.append(say("Composite (weights of the programme)", "综合评定（项目权重）"))
    rows: list[list[Any]] = [head]
    for sk in skills:
        levels = sk.get("sources") or {}
        row: list[Any] = [
            sk["code"],
            fit(recorded(sk["name"], sk.get("name_zh", "")), skill_w),
            *(str(levels[r]) if r in levels else "—" for r in roles),
        ]
        if weighed:
            row.append(para(composite_text(sk.get("composite")), "small"))
        rows.append(row)
    last_role = 1 + len(roles)
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        frame_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), GREY),
                ("FONTSIZE", (0, 0), (-1, 0), 7.5),
                ("LEADING", (0, 0), (-1, 0), 9),
                ("ALIGN", (2, 0), (last_role, -1), "CENTER"),
            ]
        )
    )
    title = para(
        say("Sources side by side (latest level of each rater)", "多元评价（各评价者最新等级）"),
        "label",
    )
    title.keepWithNext = True
    return [Spacer(1, 2 * mm), title, t]
