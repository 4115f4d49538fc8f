"""New records of a merge inserted many at a time, with their audit events, in the merge's
own transaction.

Most rows of a results workbook name a record this store has never seen: such a row needs no
comparison with a local record, only an ``INSERT`` and its audit event. The unit of work
spends far longer preparing one object per row (and one audit object per row) than SQLite
takes to store them, so these rows are kept as plain tuples and inserted by executemany.
Rows that meet a local record keep the ORM path.

What the store ends up holding is the same as through the ORM, down to the order of ids:
pending rows are inserted before any ORM flush (a ``before_flush`` hook), and before a row is
kept here every object the ORM holds unflushed (a staff member the row named, its audit
event) is flushed first. A dry run rolls these inserts back with the rest of the transaction.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Table, event, select
from sqlalchemy.orm import Session

from .bulk_rows import insert_many, new_uids
from .models import Attendance, AuditEvent, Note, SkillRating, Travelling, WorkshopSession, utcnow
from .store import Store, _jsonable

PLAIN = frozenset({str, int, float, bool, type(None)})

# The records whose new rows go in bulk: the sheets with many rows whose new records no later
# row of the same merge needs as an object (trainees and skills are looked up by id at once).
BULK_MODELS: frozenset[type[Travelling]] = frozenset(
    {WorkshopSession, Attendance, SkillRating, Note}
)
# Off only in the test that proves both paths leave the same store.
ENABLED = True

T = TypeVar("T", bound=Travelling)
AUDIT: Table = AuditEvent.__table__  # type: ignore[assignment]


def _defaults(table: Table, given: set[str]) -> dict[str, Any]:
    """The plain defaults of the columns a row leaves out, as the ORM would fill them in."""
    out: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.key in given or column.primary_key or default is None:
            continue
        if getattr(default, "is_scalar", False):
            out[column.key] = default.arg  # type: ignore[attr-defined]
    return out


class BulkInserts:
    """New records of one model and their audit events, waiting for one executemany each."""

    def __init__(self, store: Store, session: Session, source: str, device: str) -> None:
        self.store = store
        self.s = session
        self.source = source
        self.device = device
        self._table: Table | None = None
        self._keys: tuple[str, ...] = ()
        self._rows: list[tuple[Any, ...]] = []
        self._audits: list[tuple[str, dict[str, Any]]] = []
        event.listen(session, "before_flush", self._before_flush)

    def close(self) -> None:
        """What waits stored, and the ORM's flushes no longer watched."""
        self.flush()
        event.remove(self.s, "before_flush", self._before_flush)

    def takes(self, model: type[Travelling]) -> bool:
        """Whether a new record of ``model`` goes in bulk."""
        return ENABLED and model in BULK_MODELS

    def inserted(self, model: type[T], uid: str) -> T | None:
        """A record inserted here, as an object: what waits stored first."""
        self.flush()
        return self.s.scalar(select(model).where(model.uid == uid))

    def _before_flush(self, *_: object) -> None:
        self.flush()

    def add(
        self, model: type[Travelling], uid: str, updated_at: Any, values: dict[str, Any]
    ) -> None:
        """A new record (``values`` already resolved to ids) and its ``merge`` audit event."""
        if self.s.new:
            # Objects the ORM holds came first (a staff member this row named, its audit).
            self.s.flush()
        table: Table = model.__table__  # type: ignore[attr-defined]
        keys = tuple(values)
        if table is not self._table or keys != self._keys:
            self.flush()
            self._table, self._keys = table, keys
        self._rows.append((uid, updated_at, *values.values()))
        # As Store.audit writes them (``_jsonable``), a value at a time: most are plain.
        changes: dict[str, Any] = {"source": self.source}
        changes |= {k: v if v.__class__ in PLAIN else _jsonable(v) for k, v in values.items()}
        self._audits.append((uid, changes))

    def flush(self) -> None:
        """Insert what is waiting: the records first, then their audit events in row order."""
        if not self._rows or self._table is None:
            return
        table, rows, audits = self._table, self._rows, self._audits
        self._rows, self._audits = [], []
        keys = ("uid", "updated_at", *self._keys)
        same: dict[str, object] = {"origin_device": self.device}
        same |= _defaults(table, {*keys, *same})
        insert_many(self.s, table, keys, rows, same)
        uids = new_uids(len(audits))
        audit_same = {
            "at": utcnow(),
            "actor": self.store.actor.name,
            "device": self.store.device_id,
            "entity": table.name,
            "action": "merge",
        }
        insert_many(
            self.s,
            AUDIT,
            ("uid", "entity_uid", "changes"),
            [
                (u, entity_uid, changes)
                for u, (entity_uid, changes) in zip(uids, audits, strict=True)
            ],
            audit_same,
        )
