"""The assessment sheet's reading of attendance against the calendar: over how many expected
sessions the rate is, how many were left unmarked, and the hours done against the plan."""

from __future__ import annotations

from typing import Any

from ..core.expected import ON_TRACK_SHARE
from ..core.time_and_hours import hours_text, hours_text_chinese
from .sheet_language import say


def against_plan(attendance: dict[str, Any]) -> list[str]:
    """Two lines under the attendance figures; none for a sheet frozen before the calendar
    (its summary holds no expected count)."""
    if "expected" not in attendance:
        return []
    expected, unrecorded = attendance["expected"], attendance["unrecorded"]
    recorded = expected - unrecorded
    lines = [
        say(
            f"Expected {expected}, unrecorded {unrecorded}: the rate is over the {recorded} "
            f"recorded of the {expected} expected sessions (unrecorded is never present).",
            f"应到 {expected} 次，未记录 {unrecorded} 次：出勤率按应到 {expected} 次中"
            f"已记录的 {recorded} 次计算（未记录不计为出勤）。",
            "\n",
        )
    ]
    done, planned = attendance.get("hours", 0.0), attendance.get("planned_hours")
    upto = attendance.get("planned_to", "")
    if planned:
        lines.append(
            say(
                f"Hours done {hours_text(done)} of {hours_text(planned)} planned up to {upto} — "
                + _pace_en(done, planned),
                f"已完成学时 {hours_text_chinese(done)}，截至 {upto} 计划学时 "
                f"{hours_text_chinese(planned)}——" + _pace_zh(done, planned),
                "\n",
            )
        )
    else:
        lines.append(
            say(
                f"Hours done {hours_text(done)}; no plan for this period",
                f"已完成学时 {hours_text_chinese(done)}；本期无计划",
                "\n",
            )
        )
    return lines


def _pace_en(done: float, planned: float) -> str:
    return "on track" if done >= planned * ON_TRACK_SHARE else "behind"


def _pace_zh(done: float, planned: float) -> str:
    return "进度正常" if done >= planned * ON_TRACK_SHARE else "进度落后"
