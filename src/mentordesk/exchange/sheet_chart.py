"""The sheet's chart of levels by skill, drawn straight on the canvas."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .sheet_language import say
from .sheet_page import BODY_W, MID, font_name
from .sheet_tables import Summary

BAR = colors.Color(0.62, 0.62, 0.62)


class SkillChart(Flowable):
    """Columns of each skill's level (grey), a tick at its level before the period (black).

    Drawn straight on the canvas: reportlab's graphics shapes cost as much as the rest of
    the page.
    """

    def __init__(self, skills: list[dict[str, Any]], top: int) -> None:
        super().__init__()
        self.skills = skills
        self.top = max(top, 1)
        self.width, self.height = BODY_W - 12, 32 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, f, top = self.canv, font_name(), self.top
        left, bottom, right, upper = 12 * mm, 9 * mm, 2 * mm, 6 * mm
        plot_w, plot_h = self.width - left - right, self.height - bottom - upper
        for level in range(top + 1):
            y = bottom + plot_h * level / top
            c.setStrokeColor(MID if level else colors.black)
            c.setLineWidth(0.3 if level else 0.7)
            c.line(left, y, left + plot_w, y)
            c.setFont(f, 7)
            c.drawRightString(left - 3, y - 2.5, str(level))
        slot = plot_w / len(self.skills)
        bar = min(slot * 0.6, 9 * mm)
        c.setStrokeColor(colors.black)
        c.setFillColor(BAR)
        for i, sk in enumerate(self.skills):
            x = left + slot * i + (slot - bar) / 2
            c.setLineWidth(0.5)
            c.rect(x, bottom, bar, plot_h * sk["level"] / top, stroke=1, fill=1)
            if sk.get("previous") is not None:
                y = bottom + plot_h * sk["previous"] / top
                c.setLineWidth(1.6)
                c.line(x - 1, y, x + bar + 1, y)
        c.setFillColor(colors.black)
        c.setFont(f, 6)
        for i, sk in enumerate(self.skills):
            c.drawCentredString(left + slot * i + slot / 2, bottom - 7, sk["code"])
        c.setFont(f, 7)
        c.drawString(left, self.height - 5, say("Level by skill", "各技能等级"))
        key_x = left + 38 * mm
        c.setFillColor(BAR)
        c.setLineWidth(0.5)
        c.rect(key_x, self.height - 6, 6, 6, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.drawString(key_x + 9, self.height - 5, say("this period", "本期"))
        key_x += 30 * mm
        c.setLineWidth(1.6)
        c.line(key_x, self.height - 3, key_x + 8, self.height - 3)
        c.drawString(key_x + 11, self.height - 5, say("before the period", "期初"))


def skill_chart(summary: Summary) -> SkillChart | None:
    skills = summary.get("skills", [])
    return SkillChart(skills, summary.get("max_level", 5)) if skills else None
