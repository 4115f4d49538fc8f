"""How long a merged text may be: the sizes of the columns it is written to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String

from .merge_records import CohortName, StaffName
from .models import Cohort, Programme, Staff, Travelling


def _length(column: ColumnElement[Any]) -> int:
    kind = column.type
    if not isinstance(kind, String) or kind.length is None:
        raise TypeError(f"{column} is not a text column of limited length")
    return kind.length


# The longest name a reference may hold: the columns of the records it may create.
NAME_LIMITS: dict[type[StaffName | CohortName], int] = {
    StaffName: _length(Staff.__table__.c.name),
    CohortName: _length(Cohort.__table__.c.name),
}
PROGRAMME_LIMIT = _length(Programme.__table__.c.name)


_LIMITS: dict[str, dict[str, int]] = {}


def text_limits(model: type[Travelling]) -> dict[str, int]:
    """The longest text each column of ``model`` holds (worked out once per model)."""
    found = _LIMITS.get(model.__tablename__)
    if found is None:
        columns = model.__table__.columns  # type: ignore[attr-defined]
        found = _LIMITS[model.__tablename__] = {
            c.key: c.type.length for c in columns if getattr(c.type, "length", None)
        }
    return found
