"""The assessment sheet's job-readiness section: for each post the trainee trains for, one
sentence (skills at target, below target by how much, not yet rated) and a compact table of
skill, target, latest level and gap.

Drawn from the readiness the assessment's summary froze (core/readiness_snapshot.py), so a
signed sheet reads the same after later ratings; a summary frozen before readiness existed, or
a rubric without posts, draws no section.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from .sheet_language import recorded, say
from .sheet_page import BODY_W, GREY
from .sheet_tables import Summary, fit, frame_style, para

# A gap's cell: pale where the trainee is close, stronger the further below target.
# The same shades in the exported workbook (readiness_matrix_xlsx), hence kept as hex.
GAP_HEX = ("#dff0d8", "#fcf3cf", "#f9d9b0", "#f2b8b0")
UNRATED_HEX = "#eeeeee"
GAP_COLOURS = tuple(colors.HexColor(h) for h in GAP_HEX)
UNRATED_COLOUR = colors.HexColor(UNRATED_HEX)


def gap_colour(gap: int | None) -> colors.Color:
    """The shade of a gap: green at target, yellow to red further below; grey unrated."""
    if gap is None:
        return UNRATED_COLOUR
    return GAP_COLOURS[min(gap, len(GAP_COLOURS) - 1)]


def gap_of(skill: dict[str, Any]) -> int | None:
    level = skill.get("level")
    return None if level is None else max(0, int(skill["target"]) - int(level))


def readiness_sentence(post: dict[str, Any]) -> str:
    """``Ready for Rolling-mill operator: 7 of 9 skills at target; below: R-03 by 1, …`` in
    the sheet's language(s)."""
    skills = post.get("skills", [])
    name_en = post.get("post", "") or post.get("post_zh", "")
    name_zh = post.get("post_zh", "") or name_en
    gaps = [(sk["code"], gap_of(sk)) for sk in skills]
    met = sum(1 for _, g in gaps if g == 0)
    below = [(c, g) for c, g in gaps if g]
    unrated = [c for c, g in gaps if g is None]
    en = f"Ready for {name_en}: {met} of {len(skills)} skills at target"
    zh = f"{name_zh}：{len(skills)} 项技能中 {met} 项达标"
    if below:
        en += "; below: " + ", ".join(f"{c} by {g}" for c, g in below)
        zh += "；未达标：" + "、".join(f"{c} 差 {g} 级" for c, g in below)
    if unrated:
        en += "; not yet rated: " + ", ".join(unrated)
        zh += "；尚未评定：" + "、".join(unrated)
    return say(en, zh, "\n")


def _post_table(post: dict[str, Any], max_level: int) -> Table:
    widths = [18 * mm, BODY_W - 78 * mm, 20 * mm, 20 * mm, 20 * mm]
    rows: list[list[Any]] = [
        [
            say("Code", "代码", "\n"),
            say("Skill", "技能"),
            say("Target", "目标", "\n"),
            say("Latest", "最新", "\n"),
            say("Gap", "差距", "\n"),
        ]
    ]
    shading: list[tuple[Any, ...]] = []
    for n, sk in enumerate(post.get("skills", []), start=1):
        gap = gap_of(sk)
        level = sk.get("level")
        rows.append(
            [
                sk["code"],
                fit(recorded(sk.get("name", ""), sk.get("name_zh", "")), widths[1]),
                f"{sk['target']} / {max_level}",
                "—" if level is None else f"{level} / {max_level}",
                say("not rated", "未评定", "\n") if gap is None else str(gap),
            ]
        )
        shading.append(("BACKGROUND", (4, n), (4, n), gap_colour(gap)))
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        frame_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), GREY),
                ("FONTSIZE", (0, 0), (-1, 0), 7.5),
                ("LEADING", (0, 0), (-1, 0), 9),
                ("ALIGN", (2, 0), (4, -1), "CENTER"),
                *shading,
            ]
        )
    )
    return t


def readiness_flowables(summary: Summary) -> list[Flowable]:
    """The section, or nothing when the summary holds no post."""
    posts = [p for p in summary.get("readiness", []) if p.get("skills")]
    if not posts:
        return []
    heading = para(say("Job readiness", "岗位胜任"), "section")
    # Keep-with-next: the heading and each post's sentence stay with the table under them.
    heading.keepWithNext = True
    out: list[Flowable] = [heading]
    max_level = int(summary.get("max_level") or 5)
    for n, post in enumerate(posts):
        sentence = para(readiness_sentence(post), "base")
        sentence.keepWithNext = True
        if n:
            gap = Spacer(1, 2.5 * mm)
            gap.keepWithNext = True
            out.append(gap)
        out += [sentence, _post_table(post, max_level)]
    return out
