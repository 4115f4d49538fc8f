"""Days nobody trains: public holidays for every cohort, plant closures for one or all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from .calendar_plan import find_cohort
from .changes import add, change, find
from .errors import UserError
from .models import DAY_OFF_KINDS, Cohort, DayOff
from .periods import parse_date
from .store import Store
from .text import clean
from .wording import user_text

MAX_LABEL = 200


@dataclass(frozen=True)
class DayOffView:
    uid: str
    day: date
    kind: str
    label: str
    cohort: str  # "" for every cohort


@dataclass(frozen=True)
class DayOffEntry:
    day: date
    label: str


def _check(kind: str, label: str) -> str:
    if kind not in DAY_OFF_KINDS:
        raise UserError(
            user_text("Calendar", "Kind {kind!r} is neither 'holiday' nor 'closure'").format(
                kind=kind
            )
        )
    label = clean(label)
    if len(label) > MAX_LABEL:
        raise UserError(
            user_text("Calendar", "The label is longer than {count} characters").format(
                count=MAX_LABEL
            )
        )
    return label


def parse_day_list(text: str, source: str) -> list[DayOffEntry]:
    """One day a line, ``YYYY-MM-DD`` then an optional label; ``#`` starts a comment.

    Every unreadable line is named (``source``, line number) and nothing is taken.
    """
    entries, problems = [], []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = re.split(r"[\s,;\t]+", line, maxsplit=1)
        first, label = parts[0], parts[1] if len(parts) > 1 else ""
        try:
            entries.append(DayOffEntry(parse_date(first), _check("holiday", label)))
        except UserError as exc:
            problems.append(f"{source}, line {n}: {exc}")
    if problems:
        raise UserError("\n".join(problems))
    return entries


def add_days_off(
    store: Store, entries: list[DayOffEntry], *, kind: str = "holiday", cohort_key: str = ""
) -> list[DayOffView]:
    """Add the days (all or none); a day already off for the same cohorts is left as it is."""
    with store.write() as s:
        cohort = find_cohort(s, cohort_key) if cohort_key else None
        cohort_id = cohort.id if cohort else None
        existing = set(
            s.scalars(
                select(DayOff.day).where(
                    DayOff.deleted.is_(False),
                    DayOff.cohort_id.is_(None)
                    if cohort_id is None
                    else DayOff.cohort_id == cohort_id,
                )
            )
        )
        made = []
        for entry in entries:
            label = _check(kind, entry.label)
            if entry.day in existing:
                continue
            existing.add(entry.day)
            row = add(store, s, DayOff(day=entry.day, kind=kind, label=label, cohort_id=cohort_id))
            made.append(DayOffView(row.uid, row.day, kind, label, cohort.name if cohort else ""))
        return made


def remove_day_off(store: Store, uid: str) -> None:
    with store.write() as s:
        change(store, s, find(s, DayOff, uid, "day off"), {"deleted": True}, "delete")


def list_days_off(store: Store, start: date, end: date) -> list[DayOffView]:
    with store.read() as s:
        rows = s.execute(
            select(DayOff, Cohort.name)
            .outerjoin(Cohort, Cohort.id == DayOff.cohort_id)
            .where(DayOff.deleted.is_(False), DayOff.day.between(start, end))
            .order_by(DayOff.day)
        )
        return [DayOffView(d.uid, d.day, d.kind, d.label, name or "") for d, name in rows]
