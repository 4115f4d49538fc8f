"""A cohort's training calendar: blocks at school or in the plant, laid out by pattern or by hand.

An order class alternates ("3 weeks school, 1 week plant"), commissioned training runs years of
theory then a year on the job, on-the-job training is in the plant on every weekday. Blocks of
one cohort never overlap and stay inside the cohort's dates; a plant block carries the practice
hours it plans, which the record and the Summary compare with the hours done.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .changes import add, change, find
from .errors import NotFound, UserError
from .models import PLACES, CalendarBlock, Cohort, DayOff
from .store import Store
from .wording import user_text

# A plan longer than this is a typing mistake (a year 2206), not a programme.
MAX_PLAN_DAYS = 366 * 10
HOURS_PER_PLANT_DAY = 8.0


@dataclass(frozen=True)
class BlockView:
    uid: str
    cohort: str
    starts_on: date
    ends_on: date
    place: str
    planned_hours: float

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


@dataclass(frozen=True)
class PatternStep:
    place: str
    days: int


def find_cohort(s: Session, key: str) -> Cohort:
    """A cohort by uid or by name (what people type on the command line)."""
    found = s.scalars(
        select(Cohort).where(or_(Cohort.uid == key, Cohort.name == key), Cohort.deleted.is_(False))
    ).all()
    # A name that happens to be another cohort's uid is read as the uid.
    cohort = next((c for c in found if c.uid == key), found[0] if found else None)
    if cohort is None:
        raise NotFound(user_text("Calendar", "No cohort named {name!r}").format(name=key))
    return cohort


_STEP = re.compile(
    r"^\s*(?P<count>\d{1,3})\s*(?P<unit>w|wk|wks|weeks?|d|days?|周|天)\s*(?P<place>\w+)\s*$",
    re.IGNORECASE,
)
_PLACE_WORDS = {"school": "school", "学校": "school", "plant": "plant", "工厂": "plant"}


def parse_pattern(text: str) -> list[PatternStep]:
    """``"3w school, 1w plant"`` (also ``3 weeks school``, ``2d plant``, ``3周 学校``)."""
    steps = []
    for n, part in enumerate(re.split(r"[,;，；]", text), start=1):
        if not part.strip():
            continue
        match = _STEP.match(part)
        place = _PLACE_WORDS.get(match["place"].lower()) if match else None
        if match is None or place is None:
            raise UserError(
                user_text(
                    "Calendar",
                    "Pattern part {n} ({part!r}) is not understood: write a number of weeks or "
                    "days and a place, e.g. '3w school, 1w plant'",
                ).format(n=n, part=part.strip())
            )
        unit_days = 1 if match["unit"].lower().startswith(("d", "天")) else 7
        days = int(match["count"]) * unit_days
        if days == 0:
            raise UserError(
                user_text("Calendar", "Pattern part {n} ({part!r}) lasts no day").format(
                    n=n, part=part.strip()
                )
            )
        steps.append(PatternStep(place, days))
    if not steps:
        raise UserError(user_text("Calendar", "The pattern is empty"))
    return steps


def layout(steps: list[PatternStep], start: date, end: date) -> list[tuple[date, date, str]]:
    """The pattern repeated from ``start`` to ``end``; the last block is cut at ``end``."""
    check_period(start, end)
    blocks: list[tuple[date, date, str]] = []
    day = start
    while day <= end:
        for step in steps:
            if day > end:
                break
            last = min(day + timedelta(days=step.days - 1), end)
            if blocks and blocks[-1][2] == step.place and blocks[-1][1] + timedelta(1) == day:
                blocks[-1] = (blocks[-1][0], last, step.place)
            else:
                blocks.append((day, last, step.place))
            day = last + timedelta(days=1)
    return blocks


def check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError(
            user_text("Calendar", "The end ({end}) is before the start ({start})").format(
                end=end, start=start
            )
        )
    if (end - start).days > MAX_PLAN_DAYS:
        raise UserError(
            user_text("Calendar", "A plan from {start} to {end} is longer than ten years").format(
                start=start, end=end
            )
        )


def working_days(s: Session, cohort_id: int, start: date, end: date) -> list[date]:
    """Monday to Friday between the dates, less the holidays and this cohort's closures."""
    off = set(
        s.scalars(
            select(DayOff.day).where(
                DayOff.deleted.is_(False),
                DayOff.day.between(start, end),
                (DayOff.cohort_id.is_(None)) | (DayOff.cohort_id == cohort_id),
            )
        )
    )
    days = []
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in off:
            days.append(day)
        day += timedelta(days=1)
    return days


def _view(cohort: str, b: CalendarBlock) -> BlockView:
    return BlockView(b.uid, cohort, b.starts_on, b.ends_on, b.place, b.planned_hours)


def _check_block(
    s: Session, cohort: Cohort, start: date, end: date, place: str, hours: float, own: int | None
) -> None:
    check_period(start, end)
    if place not in PLACES:
        raise UserError(
            user_text("Calendar", "Place {place!r} is neither 'school' nor 'plant'").format(
                place=place
            )
        )
    if not math.isfinite(hours) or hours < 0 or hours > ((end - start).days + 1) * 24:
        raise UserError(
            user_text(
                "Calendar", "Planned hours {hours} are not possible from {start} to {end}"
            ).format(hours=hours, start=start, end=end)
        )
    if (cohort.start_date and start < cohort.start_date) or (
        cohort.end_date and end > cohort.end_date
    ):
        raise UserError(
            user_text(
                "Calendar",
                "The block {start} to {end} is outside the cohort {cohort}'s dates "
                "({first} to {last})",
            ).format(
                start=start,
                end=end,
                cohort=cohort.name,
                first=cohort.start_date or "…",
                last=cohort.end_date or "…",
            )
        )
    clash = s.scalar(
        select(CalendarBlock).where(
            CalendarBlock.cohort_id == cohort.id,
            CalendarBlock.deleted.is_(False),
            CalendarBlock.starts_on <= end,
            CalendarBlock.ends_on >= start,
            CalendarBlock.id != (own or 0),
        )
    )
    if clash is not None:
        raise UserError(
            user_text(
                "Calendar",
                "The block {start} to {end} overlaps the {place} block {first} to {last}",
            ).format(
                start=start, end=end, place=clash.place, first=clash.starts_on, last=clash.ends_on
            )
        )


def lay_out_plan(
    store: Store,
    cohort_key: str,
    *,
    start: date,
    end: date,
    pattern: str,
    hours_per_day: float = HOURS_PER_PLANT_DAY,
) -> list[BlockView]:
    """Blocks from a pattern (``"weekdays"`` is one plant block); all are added or none."""
    steps = [PatternStep("plant", 7)] if pattern.strip().lower() == "weekdays" else None
    steps = steps or parse_pattern(pattern)
    with store.write() as s:
        cohort = find_cohort(s, cohort_key)
        made = []
        for first, last, place in layout(steps, start, end):
            hours = len(working_days(s, cohort.id, first, last)) * hours_per_day
            made.append(
                _add(store, s, cohort, first, last, place, hours if place == "plant" else 0)
            )
        if not any(b.place == "plant" for b in made) or all(
            b.planned_hours == 0 for b in made if b.place == "plant"
        ):
            raise UserError(
                user_text(
                    "Calendar", "The pattern {pattern!r} gives no plant day from {start} to {end}"
                ).format(pattern=pattern, start=start, end=end)
            )
        return made


def _add(
    store: Store, s: Session, cohort: Cohort, start: date, end: date, place: str, hours: float
) -> BlockView:
    _check_block(s, cohort, start, end, place, hours, None)
    block = add(
        store,
        s,
        CalendarBlock(
            cohort_id=cohort.id, starts_on=start, ends_on=end, place=place, planned_hours=hours
        ),
    )
    s.flush()
    return _view(cohort.name, block)


def add_block(
    store: Store, cohort_key: str, *, start: date, end: date, place: str, planned_hours: float
) -> BlockView:
    with store.write() as s:
        return _add(store, s, find_cohort(s, cohort_key), start, end, place, planned_hours)


def edit_block(store: Store, uid: str, **fields: object) -> BlockView:
    """Change a block's ``starts_on``, ``ends_on``, ``place`` or ``planned_hours``."""
    allowed = {"starts_on", "ends_on", "place", "planned_hours"}
    unknown = set(fields) - allowed
    if unknown:
        raise UserError(
            user_text("Calendar", "Unknown block field {field!r}").format(field=sorted(unknown)[0])
        )
    with store.write() as s:
        block = find(s, CalendarBlock, uid, "calendar block")
        cohort = s.get(Cohort, block.cohort_id)
        assert cohort is not None
        values = {k: fields.get(k, getattr(block, k)) for k in allowed}
        values["planned_hours"] = float(values["planned_hours"])  # type: ignore[arg-type]
        _check_block(
            s,
            cohort,
            values["starts_on"],  # type: ignore[arg-type]
            values["ends_on"],  # type: ignore[arg-type]
            str(values["place"]),
            values["planned_hours"],  # type: ignore[arg-type]
            block.id,
        )
        change(store, s, block, values)
        return _view(cohort.name, block)


def delete_block(store: Store, uid: str) -> None:
    with store.write() as s:
        block = find(s, CalendarBlock, uid, "calendar block")
        change(store, s, block, {"deleted": True}, "delete")


def list_blocks(store: Store, cohort_key: str) -> list[BlockView]:
    with store.read() as s:
        cohort = find_cohort(s, cohort_key)
        blocks = s.scalars(
            select(CalendarBlock)
            .where(CalendarBlock.cohort_id == cohort.id, CalendarBlock.deleted.is_(False))
            .order_by(CalendarBlock.starts_on)
        )
        return [_view(cohort.name, b) for b in blocks]
