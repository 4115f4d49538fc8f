"""How a Calendar sheet's row becomes a plan block or a day off for the merge.

A row with `Place` `school` or `plant` is a block of a cohort's plan; `holiday` or `closure` is
a day off (`Start` = `End` = the day; an empty `Cohort` for every cohort). A block that wins
(new here, or newer) is held to the plan's rules before anything is written for it: inside its
cohort's dates and overlapping none of the cohort's blocks, as they stand after the rows above.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from .calendar_plan import _check_block, check_period
from .import_report import UNCHANGED
from .merge_records import CohortName, Incoming, Rejected, to_ms
from .models import DAY_OFF_KINDS, CalendarBlock, Cohort, DayOff, Travelling
from .wording import user_text

if TYPE_CHECKING:
    from .merge import Merger


def calendar(m: Merger, r: Incoming, local: Travelling | None, label: str) -> None:
    place = r.values["Place"]
    model = DayOff if place in DAY_OFF_KINDS else CalendarBlock
    if local is not None and not isinstance(local, model):
        said = (
            user_text("Merge", "column {column}: UID {uid} is a plan block here, not a day off")
            if model is DayOff
            else user_text("Merge", "column {column}: UID {uid} is a day off here, not a block")
        )
        raise Rejected(said.format(column=m.column("Place"), uid=r.uid))
    if model is DayOff:
        _day_off(m, r, local, label)  # type: ignore[arg-type]
    else:
        _block(m, r, local, label)  # type: ignore[arg-type]


def _start(m: Merger, r: Incoming) -> date:
    start = r.values["Start"]
    if not isinstance(start, date):
        raise Rejected(
            user_text("Merge", "column {column}: empty").format(column=m.column("Start"))
        )
    return start


def _block(m: Merger, r: Incoming, local: CalendarBlock | None, label: str) -> None:
    v = r.values
    start, end = _start(m, r), v["End"]
    if end is None:
        raise Rejected(user_text("Merge", "column {column}: empty").format(column=m.column("End")))
    if not v["Cohort"]:
        raise Rejected(
            user_text("Merge", "column {column}: a {place} block belongs to a cohort").format(
                column=m.column("Cohort"), place=v["Place"]
            )
        )
    m.value("End", check_period, start, end)
    hours = v["Planned Hours"] or 0.0
    if not math.isfinite(hours) or hours < 0 or hours > ((end - start).days + 1) * 24:
        raise Rejected(
            user_text(
                "Merge", "column {column}: {hours} hours are not possible from {start} to {end}"
            ).format(column=m.column("Planned Hours"), hours=hours, start=start, end=end)
        )
    wins = local is None or to_ms(r.updated_at) > to_ms(local.updated_at)
    if wins and not r.deleted:
        # The blocks written for the rows above must be seen by the overlap check.
        m.s.flush()
        cohort = m.s.scalar(select(Cohort).where(Cohort.name == v["Cohort"])) or Cohort(
            name=v["Cohort"]
        )
        own = local.id if local is not None else None
        m.value("Start", _check_block, m.s, cohort, start, end, v["Place"], hours, own)
    values = {
        "cohort_id": CohortName(v["Cohort"]),
        "starts_on": start,
        "ends_on": end,
        "place": v["Place"],
        "planned_hours": float(hours),
    }
    m.merge(r, CalendarBlock, local, values, label)


def _day_off(m: Merger, r: Incoming, local: DayOff | None, label: str) -> None:
    v = r.values
    day = _start(m, r)
    if v["End"] not in (None, day):
        raise Rejected(
            user_text(
                "Merge", "column {column}: a {place} is one day, so End must be the same as Start"
            ).format(column=m.column("End"), place=v["Place"])
        )
    if v["Planned Hours"]:
        raise Rejected(
            user_text("Merge", "column {column}: a {place} plans no hours").format(
                column=m.column("Planned Hours"), place=v["Place"]
            )
        )
    if local is None and not r.deleted and _already_off(m, day, v["Cohort"]):
        # Two offices typed in the same holiday: one day off, not two.
        m.outcome(r, UNCHANGED, label)
        return
    values = {
        "day": day,
        "kind": v["Place"],
        "label": v["Label"].strip(),
        "cohort_id": CohortName(v["Cohort"]),
    }
    m.merge(r, DayOff, local, values, label)


def _already_off(m: Merger, day: date, cohort: str) -> bool:
    m.s.flush()
    query = select(DayOff.id).where(DayOff.day == day, DayOff.deleted.is_(False))
    if cohort:
        query = query.join(Cohort, Cohort.id == DayOff.cohort_id).where(Cohort.name == cohort)
    else:
        query = query.where(DayOff.cohort_id.is_(None))
    return m.s.scalar(query.limit(1)) is not None
