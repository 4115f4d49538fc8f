"""Merging records from another MentorDesk: matched by UID, the newer ``Updated At`` wins.

An older or equal record changes nothing and deletions travel as ``deleted`` flags. A row is
checked whole before anything is written for it: a rejected row leaves nothing behind, not even
the cohort, programme or staff member it named. Each sheet's rows become record values in
``merge_rows``; assessments, whose signed state a spreadsheet cannot carry, in
``merge_assessments``. The dry run is the same merge, rolled back; a strict merge is rolled back
as soon as one row is rejected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import known_certificates, merge_bulk, merge_documents
from .changes import KINDS, add
from .errors import UserError
from .import_report import NEW, REJECTED, UNCHANGED, UPDATED, ImportReport, Outcome
from .merge_limits import NAME_LIMITS, PROGRAMME_LIMIT, text_limits
from .merge_records import (
    CohortName,
    Incoming,
    IncomingSheet,
    MergeSource,
    Rejected,
    StaffName,
    field_label,
    row_label,
    to_ms,
)
from .merge_sheets import HANDLERS, MODELS, SHEET_NAMES, Handler
from .models import (
    Attendance,
    Cohort,
    DayOff,
    Programme,
    Skill,
    Staff,
    Trainee,
    Travelling,
    WorkshopSession,
)
from .programmes import KIND_NOT_SET, imported_programme, kind_not_set_note
from .progress import NO_PROGRESS, Progress
from .store import Store
from .wording import message_of, user_text

CHUNK = 1000

# What a row's reference names when the record it points to is missing ("no session with UID …").
SESSION = KINDS["session"]
SKILL = KINDS["skill"]


class _RollBack(Exception):
    pass


def _chunks(rows: Iterable[Incoming]) -> Iterator[list[Incoming]]:
    it = iter(rows)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


class Merger:
    def __init__(self, store: Store, session: Session, source: MergeSource) -> None:
        self.store = store
        self.s = session
        self.source = source
        self.report = ImportReport(source.source, "results")
        self.titles: dict[str, str] = {}
        self.report.ignored_columns = list(source.ignored_columns)
        self._staff: dict[str, int] = {
            name: sid for sid, name in session.execute(select(Staff.id, Staff.name))
        }
        self._cohorts = {c.name: c for c in session.scalars(select(Cohort))}
        self._programmes = {p.name: p for p in session.scalars(select(Programme))}
        self._unset_kinds: list[str] = []
        # uid -> database id of sessions and skills, which many rows refer to.
        self._ids: dict[str, int] = {}
        self.pairs: dict[tuple[int, int], Attendance] = {}
        self.trainees: dict[str, int] = {
            tid: pk for tid, pk in session.execute(select(Trainee.trainee_id, Trainee.id))
        }
        # (sheet kind, uid) -> row of the records this merge created: a second row with the
        # same new UID is refused, not inserted twice.
        self._created: dict[tuple[str, str], int] = {}
        self.kind = ""
        # Skills created by this merge, by (rubric id, code), before they are flushed.
        self.new_skills: dict[tuple[int, str], Skill] = {}
        # Read once per merge: a session's length in hours, a skill's scale and name.
        self.lengths: dict[int, float] = {}
        self.scales: dict[int, tuple[int | None, int | None, str]] = {}
        # New records inserted many at a time (merge_bulk).
        self.bulk = merge_bulk.BulkInserts(store, session, source.source, source.device)
        # (session, trainee) -> UID of attendance this merge inserted in bulk.
        self.bulk_pairs: dict[tuple[int, int], str] = {}

    # -- references by name or uid ------------------------------------------------------

    def staff_id(self, name: str) -> int | None:
        """The id of a staff member known by ``name``, without creating one."""
        return self._staff.get(name) if name else None

    def _staff_for(self, name: str) -> int | None:
        if not name:
            return None
        if name not in self._staff:
            self._staff[name] = add(self.store, self.s, Staff(name=name)).id
        return self._staff[name]

    def _cohort_for(self, ref: CohortName) -> int | None:
        if not ref.name:
            return None
        cohort = self._cohorts.get(ref.name)
        if cohort is None:
            cohort = self._cohorts[ref.name] = add(self.store, self.s, Cohort(name=ref.name))
        if ref.programme and cohort.programme_id is None:
            prog = self._programmes.get(ref.programme)
            if prog is None:
                prog = self._programmes[ref.programme] = add(
                    self.store, self.s, imported_programme(ref.programme)
                )
                self._unset_kinds.append(ref.programme)
            cohort.programme_id = prog.id
            self.store.stamp(cohort)
            self.store.audit(self.s, cohort, "merge", {"programme": [None, ref.programme]})
        return cohort.id

    def trainee(self, trainee_id: str) -> int:
        found = self.trainees.get(trainee_id)
        if found is None:
            raise Rejected(
                user_text(
                    "Merge", "no trainee with Trainee ID {id} here or in the Trainees sheet"
                ).format(id=trainee_id)
            )
        return found

    @overload
    def by_uid(self, model: type[Travelling], uid: str, what: str) -> int: ...
    @overload
    def by_uid(
        self, model: type[Travelling], uid: str, what: str, required: bool
    ) -> int | None: ...

    def by_uid(
        self, model: type[Travelling], uid: str, what: str, required: bool = True
    ) -> int | None:
        if not uid:
            if required:
                raise Rejected(user_text("Merge", "{what} UID is empty").format(what=what))
            return None
        found = self._ids.get(uid)
        if found is None:
            found = self.s.scalar(select(model.id).where(model.uid == uid))
            if found is not None:
                self._ids[uid] = found
        if found is None and required:
            raise Rejected(
                user_text("Merge", "no {what} with UID {uid} here or in this workbook").format(
                    what=what, uid=uid
                )
            )
        return found

    def column(self, header: str) -> str:
        """The column as the sheet heads it ("学号"), for refusals."""
        return self.titles.get(header, header)

    def value(self, header: str, check: Callable[..., Any], *args: Any) -> Any:
        """``check(value, *args)`` from ``record_values``; its refusal names the column."""
        try:
            return check(*args)
        except UserError as exc:
            raise Rejected(
                user_text("Merge", "column {column}: {problem}").format(
                    column=self.column(header), problem=message_of(exc)
                )
            ) from exc

    # -- the merge rule -----------------------------------------------------------------

    def outcome(
        self,
        r: Incoming,
        outcome: str,
        label: str,
        fields: Iterable[str] = (),
        reason: str = "",
    ) -> None:
        self.report.add(Outcome(r.sheet, r.row, outcome, label, tuple(fields), reason))

    def check(self, model: type[Travelling], values: dict[str, Any]) -> None:
        """Every text within its column, every named reference within its record's: all
        refusals come before anything is written for the row."""
        limits = text_limits(model)
        for key, value in values.items():
            limit = limits.get(key)
            if value.__class__ is str:
                if limit is not None and len(value) > limit:
                    self._too_long(field_label(key), len(value), limit)
            elif isinstance(value, StaffName | CohortName):
                limit = NAME_LIMITS[type(value)]
                if len(value.name) > limit:
                    self._too_long(field_label(key), len(value.name), limit)
                if isinstance(value, CohortName) and len(value.programme) > PROGRAMME_LIMIT:
                    self._too_long("Programme", len(value.programme), PROGRAMME_LIMIT)

    def _too_long(self, header: str, length: int, limit: int) -> None:
        raise Rejected(
            user_text(
                "Merge", "column {column}: {length:,} characters, more than the {limit} allowed"
            ).format(column=self.column(header), length=length, limit=limit)
        )

    def resolve(self, values: dict[str, Any]) -> dict[str, Any]:
        """Named references become ids, creating the staff, cohorts and programmes named."""
        out = {}
        for key, value in values.items():
            if isinstance(value, StaffName):
                value = self._staff_for(value.name)
            elif isinstance(value, CohortName):
                value = self._cohort_for(value)
            out[key] = value
        return out

    def merge(
        self,
        r: Incoming,
        model: type[Travelling],
        local: Travelling | None,
        values: dict[str, Any],
        label: str,
    ) -> Travelling | None:
        """The record now holding the row, or None when it went to the bulk inserts."""
        incoming_at = to_ms(r.updated_at)
        values = {**values, "deleted": r.deleted}
        self.check(model, values)
        if local is not None and incoming_at <= to_ms(local.updated_at):
            self.outcome(r, UNCHANGED, label)
            return local
        values = self.resolve(values)
        if local is None and self.bulk.takes(model):
            self.bulk.add(model, r.uid, incoming_at, values)
            self.created(r)
            self.outcome(r, NEW, label)
            return None
        if local is None:
            # Each travelling model takes its columns as keywords (SQLAlchemy's declarative
            # constructor); the mixin that types ``model`` declares none.
            make: Callable[..., Travelling] = model
            record = make(
                uid=r.uid,
                updated_at=incoming_at,
                origin_device=self.source.device,
                **values,
            )
            self.s.add(record)
            self.created(r)
            self.store.audit(self.s, record, "merge", {"source": self.source.source, **values})
            self.outcome(r, NEW, label)
            return record
        diff = {k: [getattr(local, k), v] for k, v in values.items() if getattr(local, k) != v}
        if not diff:
            self.outcome(r, UNCHANGED, label)
            return local
        for key, (_, new) in diff.items():
            setattr(local, key, new)
        local.updated_at = incoming_at
        local.origin_device = self.source.device
        self.store.audit(self.s, local, "merge", {"source": self.source.source, **diff})
        self.outcome(r, UPDATED, label, [field_label(k) for k in diff])
        return local

    def created(self, r: Incoming) -> None:
        self._created[(self.kind, r.uid)] = r.row

    def _locals(self, model: type[Travelling], chunk: list[Incoming]) -> dict[str, Any]:
        uids = [r.uid for r in chunk if r.uid]
        return {x.uid: x for x in self.s.scalars(select(model).where(model.uid.in_(uids)))}

    def note_unset_kinds(self) -> None:
        """Name the programmes this merge made (rows kept, not rolled back) for their kind."""
        if self._unset_kinds:
            made = self.s.scalars(
                select(Programme.name).where(
                    Programme.name.in_(self._unset_kinds), Programme.kind == KIND_NOT_SET
                )
            ).all()
            if made:
                self.report.notes.append(kind_not_set_note(list(made)))

    def run(self, sheets: list[IncomingSheet], progress: Progress) -> None:
        for sheet in sheets:
            handler = HANDLERS[sheet.kind]
            self.titles = sheet.titles
            self.kind = sheet.kind
            for chunk in _chunks(sheet.rows):
                local = self._locals(MODELS[sheet.kind], chunk)
                if sheet.kind == "Calendar":
                    # One sheet, two records: the plan's blocks and the days off.
                    local |= self._locals(DayOff, chunk)
                if sheet.kind == "Attendance":
                    self._prefetch_pairs(chunk, local)
                with self.s.no_autoflush:
                    self._chunk(handler, chunk, local)
                self.bulk.flush()
                self.s.flush()
                self.new_skills.clear()
                progress.step(
                    len(chunk),
                    user_text("Merge", "{sheet}: row {row:,}").format(
                        sheet=SHEET_NAMES.get(sheet.kind, sheet.kind), row=chunk[-1].row
                    ),
                )

    def _prefetch_pairs(self, chunk: list[Incoming], local: dict[str, Any]) -> None:
        """This chunk's sessions' attendance, by (session, trainee), for rows new by UID."""
        uids = {r.values.get("Session UID") for r in chunk if r.uid not in local}
        ids = {self.by_uid(WorkshopSession, u, SESSION, False) for u in uids if u}
        ids.discard(None)
        self.pairs = {}
        self.bulk_pairs = {}
        if ids:
            query = select(Attendance).where(Attendance.session_id.in_(ids))
            self.pairs = {(a.session_id, a.trainee_id): a for a in self.s.scalars(query)}

    def _chunk(self, handler: Handler, chunk: list[Incoming], local: dict[str, Any]) -> None:
        for r in chunk:
            label = row_label(r)
            if r.problem:
                self.outcome(r, REJECTED, label, reason=r.problem)
                continue
            first = self._created.get((self.kind, r.uid))
            if first is not None:
                self.outcome(
                    r,
                    REJECTED,
                    label,
                    reason=user_text(
                        "Merge",
                        "column {column}: UID {uid} is also on row {row} of this sheet; "
                        "one row per record",
                    ).format(column=self.column("UID"), uid=r.uid, row=first),
                )
                continue
            try:
                handler(self, r, local.get(r.uid), label)
            except Rejected as exc:
                self.outcome(r, REJECTED, label, reason=message_of(exc))


def merge_results(
    store: Store,
    source: MergeSource,
    *,
    apply: bool,
    progress: Progress = NO_PROGRESS,
    strict: bool = False,
) -> ImportReport:
    """Merge every sheet in one transaction; a dry run performs it and rolls it back, and so
    does a ``strict`` one in which any row is rejected."""
    progress.start(0, user_text("Merge", "Merging"))
    merger: Merger | None = None
    applied = held_back = False
    try:
        with store.write() as session:
            # Before anything is written: a refused certificate refuses the whole bundle.
            learned = known_certificates.checked_source(session, source, store.actor.name)
            merger = Merger(store, session, source)
            merger.run(source.sheets, progress)
            # A bundle's countersigned sheets, once the assessments they extend are merged.
            merge_documents.countersigned(merger, source.countersigned_sheets)
            known_certificates.record(session, learned, merger.report)
            session.flush()
            merger.bulk.close()
            merger.note_unset_kinds()
            held_back = apply and strict and bool(merger.report.counts().get(REJECTED))
            if not apply or held_back:
                raise _RollBack()
            applied = True
    except _RollBack:
        pass
    assert merger is not None
    merger.report.applied = applied
    merger.report.held_back = held_back
    return merger.report
