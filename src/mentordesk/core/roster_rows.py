"""What a roster holds: its rows as read, the fields they may carry, and how long each may be."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, String

from .models import Cohort, Programme, Trainee

UNASSIGNED = "Unassigned"
# Fields a roster row may carry, in the order reports list them.
FIELDS = (
    "trainee_id",
    "name",
    "cohort",
    "programme",
    "track",
    "employee_no",
    "status",
    "email",
    "hire_date",
    "post",
)
LABELS = {
    "trainee_id": "Trainee ID",
    "name": "Name",
    "cohort": "Cohort",
    "programme": "Programme",
    "track": "Track",
    "employee_no": "Employee No",
    "status": "Status",
    "email": "Email",
    "hire_date": "Hire Date",
    "post": "Post",
}


def _size(column: ColumnElement[str]) -> int:
    kind = column.type
    if not isinstance(kind, String) or kind.length is None:
        raise TypeError(f"{column} is not a text column of limited length")
    return kind.length


# The longest text each field may hold: the store's column sizes.
LIMITS = {
    "trainee_id": _size(Trainee.__table__.c.trainee_id),
    "name": _size(Trainee.__table__.c.name),
    "cohort": _size(Cohort.__table__.c.name),
    "programme": _size(Programme.__table__.c.name),
    "track": _size(Trainee.__table__.c.track),
    "employee_no": _size(Trainee.__table__.c.employee_no),
    "status": _size(Trainee.__table__.c.status),
    "email": _size(Trainee.__table__.c.email),
    # Read as YYYY-MM-DD; the limit only keeps a pasted paragraph out of the message.
    "hire_date": 64,
    "post": _size(Trainee.__table__.c.post),
}

# What a report says of a deleted trainee the roster lists again (and so restores).
RESTORED = "Deleted"
SHORTEST_LIMIT = min(LIMITS.values())
# Every field but Status allows this much: a row whose longest value fits needs only Status checked.
LONG_LIMIT = min(n for k, n in LIMITS.items() if k != "status")


@dataclass(frozen=True)
class RosterRow:
    """One data row as read: the sheet's row number and the cleaned text of each known column.

    An empty optional cell means "not given": it never clears what the store holds.
    """

    row: int
    values: dict[str, str]
    problem: str = ""


@dataclass
class RosterData:
    source: str
    sheet: str
    rows: list[RosterRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # Rows holding a single cell and no name: titles and footers such as "合计: 42 人".
    skipped_rows: list[int] = field(default_factory=list)
    # field -> its header as the sheet writes it: a refusal names the column the user sees.
    titles: dict[str, str] = field(default_factory=dict)

    def title(self, name: str) -> str:
        return self.titles.get(name, LABELS[name])
