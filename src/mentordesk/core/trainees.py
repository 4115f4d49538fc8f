"""Trainees: students and employees in training."""

from __future__ import annotations

from datetime import date
from functools import cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Select, SQLColumnExpression, bindparam, func, or_, select
from sqlalchemy.orm import Session

from .changes import add, change, find, not_found
from .cohorts import ensure_cohort
from .entry_rules import hire_date_value
from .errors import Conflict, UserError
from .models import TRAINEE_STATUSES, Cohort, Programme, Trainee
from .store import Store
from .text import clean, folded, like_escaped, required
from .wording import user_text

EDITABLE = (
    "trainee_id",
    "employee_no",
    "name",
    "cohort",
    "track",
    "status",
    "email",
    "hire_date",
    "post",
)
# What a refusal calls each text field, in the words of the Trainees form.
LABELS = {
    "trainee_id": user_text("Trainees", "Trainee ID"),
    "name": user_text("Trainees", "Name"),
    "track": user_text("Trainees", "Track"),
    "employee_no": user_text("Trainees", "Employee no."),
    "email": user_text("Trainees", "Email"),
    "post": user_text("Trainees", "Post"),
}


def is_empty(store: Store) -> bool:
    """No trainee at all yet: a new database, to be set up (or given the demo).

    Here, not in ``demo``, so that the check every start of the window makes does not import
    the demo's rubric files and builders.
    """
    with store.read() as s:
        return s.scalar(select(Trainee.id).limit(1)) is None


class TraineeView(NamedTuple):
    """One trainee as lists show them. A named tuple, not a frozen dataclass: a list makes one
    per trainee of the plant, and frozen dataclasses set each field through
    ``object.__setattr__``."""

    uid: str
    trainee_id: str
    employee_no: str
    name: str
    cohort: str
    programme: str
    track: str
    status: str
    email: str
    enrolled_on: date | None
    left_on: date | None
    # An employee's hire date and post: what the entry rules of on-the-job cohorts judge.
    hire_date: date | None
    post: str


class TraineeRow(NamedTuple):
    """One line of the trainee list: what the list shows and searches, no more: cheaper to read
    than whole ``TraineeView``s (no programme join, no dates to convert); the one being edited
    is read whole."""

    uid: str
    trainee_id: str
    name: str
    cohort: str
    track: str
    employee_no: str
    status: str


# What a trainee's view and the export's sheets show of a trainee, in TraineeView's order
# after its uid.
SHOWN = (
    Trainee.trainee_id,
    Trainee.employee_no,
    Trainee.name,
    func.coalesce(Cohort.name, ""),
    func.coalesce(Programme.name, ""),
    Trainee.track,
)


def trainee_select(*columns: SQLColumnExpression[Any]) -> Select[*tuple[Any, ...]]:
    """The columns given, of trainees joined to their cohort and its programme (either may be
    missing)."""
    return (
        select(*columns)
        .outerjoin(Cohort, Trainee.cohort_id == Cohort.id)
        .outerjoin(Programme, Cohort.programme_id == Programme.id)
    )


@cache
def _list_query() -> Select[str, str, str, str, str, str, str, str]:
    # Built once: the search field asks for the list again after every pause in typing.
    return (
        select(
            Trainee.uid,
            Trainee.trainee_id,
            Trainee.name,
            func.coalesce(Cohort.name, ""),
            Trainee.track,
            Trainee.employee_no,
            Trainee.status,
            Trainee.name_key,
        )
        .outerjoin(Cohort, Trainee.cohort_id == Cohort.id)
        .where(Trainee.deleted.is_(False))
    )


# The columns of a TraineeView: SHOWN is a tuple SQLAlchemy cannot type one by one.
def _query() -> Select[*tuple[Any, ...]]:
    return trainee_select(
        Trainee.uid,
        *SHOWN,
        Trainee.status,
        Trainee.email,
        Trainee.enrolled_on,
        Trainee.left_on,
        Trainee.hire_date,
        Trainee.post,
    ).where(Trainee.deleted.is_(False))


def _normalise(s: Session, store: Store, fields: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in fields.items():
        if key not in EDITABLE and key not in ("enrolled_on", "left_on"):
            raise UserError(
                user_text("Trainees", "Unknown trainee field {field!r}").format(field=key)
            )
        if key == "trainee_id":
            out[key] = required(value, user_text("Trainees", "Trainee ID"))
        elif key == "name":
            out[key] = required(value, user_text("Trainees", "Name"))
        elif key == "status":
            status = clean(value) or "active"
            if status not in TRAINEE_STATUSES:
                raise UserError(
                    user_text("Trainees", "Status {status!r} is not one of: {allowed}").format(
                        status=status, allowed=", ".join(TRAINEE_STATUSES)
                    )
                )
            out[key] = status
        elif key == "cohort":
            name = clean(value)
            out["cohort_id"] = ensure_cohort(store, s, name).id if name else None
        elif key == "hire_date":
            out[key] = hire_date_value(value)
        elif key in ("enrolled_on", "left_on"):
            out[key] = value
        else:
            out[key] = clean(value)
        if isinstance(out.get(key), str):
            _fits(key, str(out[key]))
    return out


def _fits(key: str, text: str) -> None:
    """Refuse text longer than its column holds, naming the field: PostgreSQL would refuse it
    with an error no user can read, SQLite would keep it and a roster round trip would not."""
    limit = getattr(Trainee.__table__.c[key].type, "length", None)
    if limit is not None and len(text) > limit:
        raise UserError(
            user_text(
                "Trainees", "{field}: {length:,} characters, more than the {limit} allowed"
            ).format(field=LABELS.get(key, key), length=len(text), limit=limit)
        )


def _unique_id(s: Session, trainee_id: str, own_id: int | None = None) -> None:
    other = s.scalar(select(Trainee.id).where(Trainee.trainee_id == trainee_id))
    if other is not None and other != own_id:
        raise Conflict(
            user_text("Trainees", "Trainee ID {id} is already used by another trainee").format(
                id=trainee_id
            )
        )


def create_trainee(
    store: Store,
    trainee_id: str,
    name: str,
    *,
    cohort: str = "",
    employee_no: str = "",
    track: str = "",
    status: str = "active",
    email: str = "",
    enrolled_on: date | None = None,
    hire_date: date | str | None = None,
    post: str = "",
) -> TraineeView:
    with store.write() as s:
        fields = _normalise(
            s,
            store,
            {
                "trainee_id": trainee_id,
                "name": name,
                "cohort": cohort,
                "employee_no": employee_no,
                "track": track,
                "status": status,
                "email": email,
                "enrolled_on": enrolled_on,
                "hire_date": hire_date,
                "post": post,
            },
        )
        _unique_id(s, str(fields["trainee_id"]))
        t = add(store, s, Trainee(**fields))
        uid = t.uid
    return get_trainee(store, uid)


def update_trainee(store: Store, uid: str, **fields: object) -> TraineeView:
    with store.write() as s:
        t = find(s, Trainee, uid, "trainee")
        values = _normalise(s, store, fields)
        if "trainee_id" in values:
            _unique_id(s, str(values["trainee_id"]), t.id)
        change(store, s, t, values)
    return get_trainee(store, uid)


def withdraw_trainee(store: Store, uid: str, on: date | None = None) -> TraineeView:
    """Mark a trainee as withdrawn from the given date; their records stay."""
    with store.write() as s:
        t = find(s, Trainee, uid, "trainee")
        change(
            store, s, t, {"status": "withdrawn", "left_on": on or date.today()}, action="withdraw"
        )
    return get_trainee(store, uid)


@cache
def _by_uid() -> Select[*tuple[Any, ...]]:
    return _query().add_columns(Trainee.id).where(Trainee.uid == bindparam("uid"))


def find_trainee(session: Session, uid: str) -> tuple[int, TraineeView]:
    """A trainee's database id and view, in an open session; NotFound when deleted or unknown."""
    row = session.connection().execute(_by_uid(), {"uid": uid}).one_or_none()
    if row is None:
        raise not_found("trainee", uid)
    return row[-1], TraineeView._make(row[:-1])


class PlacedTrainee(NamedTuple):
    """A trainee with where they stand: their database id, cohort id and programme's stored
    composite weights (empty for none)."""

    id: int
    cohort_id: int | None
    weights: str
    view: TraineeView


@cache
def _placed_by_uid() -> Select[*tuple[Any, ...]]:
    return (
        _query()
        .add_columns(Trainee.id, Trainee.cohort_id, Programme.rating_weights)
        .where(Trainee.uid == bindparam("uid"))
    )


def find_placed_trainee(session: Session, uid: str) -> PlacedTrainee:
    """``find_trainee`` with the cohort and the programme's weights, in the same statement: a
    trainee's record needs them all, and each statement costs more than the rows it reads."""
    row = session.connection().execute(_placed_by_uid(), {"uid": uid}).one_or_none()
    if row is None:
        raise not_found("trainee", uid)
    tid, cohort_id, weights = row[-3:]
    return PlacedTrainee(tid, cohort_id, weights or "", TraineeView._make(row[:-3]))


def get_trainee(store: Store, uid: str) -> TraineeView:
    with store.read() as s:
        return find_trainee(s, uid)[1]


def list_trainees(
    store: Store,
    search: str = "",
    *,
    cohort: str = "",
    include_inactive: bool = True,
) -> list[TraineeRow]:
    """Trainees in pinyin order (Latin names among them alphabetically); ``search`` matches ID,
    employee number, name, its pinyin or pinyin initials, cohort or track."""
    query = _list_query()
    if cohort:
        query = query.where(Cohort.name == cohort)
    if not include_inactive:
        query = query.where(Trainee.status == "active")
    needle = clean(search)
    if needle:
        # '%' and '_' are LIKE's wildcards; escaped, an ID such as "2025_01" finds itself.
        like = f"%{like_escaped(needle)}%"
        # Pinyin is typed with or without spaces between syllables; keys have none.
        spelled = f"%{like_escaped(folded(''.join(needle.split())))}%"
        query = query.where(
            or_(
                Trainee.name_key.like(spelled, escape="\\"),
                Trainee.trainee_id.ilike(like, escape="\\"),
                Trainee.employee_no.ilike(like, escape="\\"),
                Trainee.name.ilike(like, escape="\\"),
                Cohort.name.ilike(like, escape="\\"),
                Trainee.track.ilike(like, escape="\\"),
            )
        )
    with store.read() as s:
        rows = list(s.connection().execute(query).all())
    # Sorted here, so that every database orders names alike: Python orders code points as
    # SQLite's BINARY collation orders UTF-8 bytes, where PostgreSQL would follow its locale.
    # SQLite reads them from ix_trainee_list, already in that order (pinyin key, name, ID),
    # which the sort merely confirms in one pass.
    rows.sort(key=itemgetter(7, 2, 1))
    return [TraineeRow._make(r[:7]) for r in rows]
