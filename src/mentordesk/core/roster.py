"""Roster import: trainees matched by Trainee ID, planned as a dry run, applied all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from .bulk_rows import insert_many, new_uids
from .changes import change
from .entry_rules import EntryRules, hire_date_problem, judged_row, roster_verdicts, rules_by_cohort
from .import_report import NEW, REJECTED, UNCHANGED, UPDATED, ImportReport, Outcome
from .models import TRAINEE_STATUSES, AuditEvent, Cohort, Programme, Trainee, utcnow
from .pinyin_keys import name_key
from .programmes import kind_not_set_note, unknown_programmes
from .progress import NO_PROGRESS, Progress
from .roster_groups import RosterGroups
from .roster_rows import (
    FIELDS,
    LABELS,
    LIMITS,
    LONG_LIMIT,
    RESTORED,
    UNASSIGNED,
    RosterData,
    RosterRow,
)
from .store import Store
from .wording import user_text

# The rows' definitions live in roster_rows; importers have found them here.
__all__ = [
    "FIELDS",
    "LABELS",
    "RosterData",
    "RosterRow",
    "apply_roster",
    "apply_roster_in",
    "plan_roster",
]


@dataclass(frozen=True)
class _Current:
    id: int
    uid: str
    values: dict[str, str]
    # Deleted here (by a merge, say) and listed again: the same record comes back.
    deleted: bool = False


@dataclass(frozen=True)
class _Planned:
    row: RosterRow
    outcome: Outcome
    target: dict[str, str]
    current: _Current | None


def _current(session: Session) -> dict[str, _Current]:
    query = select(
        Trainee.id,
        Trainee.uid,
        Trainee.trainee_id,
        Trainee.name,
        Cohort.name,
        Trainee.track,
        Trainee.employee_no,
        Trainee.status,
        Trainee.email,
        Trainee.deleted,
        Trainee.hire_date,
        Trainee.post,
    ).outerjoin(Cohort, Cohort.id == Trainee.cohort_id)
    found = {}
    for row in session.execute(query):
        tid, uid, trainee_id, name, cohort, track, emp, status, email, gone, hired, post = row
        values = {
            "trainee_id": trainee_id,
            "name": name,
            "cohort": cohort or "",
            "track": track,
            "employee_no": emp,
            "status": status,
            "email": email,
            "hire_date": hired.isoformat() if hired else "",
            "post": post,
        }
        found[trainee_id] = _Current(tid, uid, values, bool(gone))
    return found


def _cohort_programmes(session: Session) -> dict[str, str]:
    query = select(Cohort.name, Programme.name).outerjoin(
        Programme, Programme.id == Cohort.programme_id
    )
    return {c: p or "" for c, p in session.execute(query)}


def _plan(
    session: Session, data: RosterData, default_cohort: str, progress: Progress
) -> list[_Planned]:
    current = _current(session)
    programmes = _cohort_programmes(session)
    holders: dict[str, list[int]] = {}
    for row in data.rows:
        if not row.problem and row.values.get("trainee_id"):
            holders.setdefault(row.values["trainee_id"], []).append(row.row)
    planned: list[_Planned] = []
    progress.start(len(data.rows), user_text("RosterImport", "Checking rows"))
    for n, row in enumerate(data.rows):
        if n % 1000 == 999:
            progress.step(1000)
        values = row.values
        trainee_id = values.get("trainee_id", "")
        name = values.get("name", "")
        label = f"{trainee_id} {name}".strip() or user_text("RosterImport", "(no ID, no name)")
        if len(label) > 80:
            label = label[:77] + "…"

        def reject(reason: str, row: RosterRow = row, label: str = label) -> None:
            planned.append(
                _Planned(
                    row, Outcome(data.sheet, row.row, REJECTED, label, reason=reason), {}, None
                )
            )

        if row.problem:
            reject(row.problem)
            continue
        if not trainee_id:
            reject(user_text("RosterImport", "Trainee ID is empty"))
            continue
        if not name:
            reject(user_text("RosterImport", "Name is empty"))
            continue
        rows = holders.get(trainee_id, [])
        if len(rows) > 1:
            # Which of the rows is right is unknown: none of them goes in.
            others = ", ".join(str(n) for n in rows if n != row.row)
            reject(
                user_text(
                    "RosterImport", "Trainee ID {id} also appears in row {rows}; fix the duplicates"
                ).format(id=trainee_id, rows=others)
            )
            continue
        too_long = None
        if max(map(len, values.values())) > LONG_LIMIT or (
            len(values.get("status", "")) > LIMITS["status"]
        ):
            too_long = next((k for k, v in values.items() if len(v) > LIMITS[k]), None)
        if too_long:
            reject(
                user_text(
                    "RosterImport",
                    "column {column}: {length:,} characters, more than the {limit} allowed",
                ).format(
                    column=data.title(too_long),
                    length=len(values[too_long]),
                    limit=LIMITS[too_long],
                )
            )
            continue
        status = values.get("status", "")
        if status and status not in TRAINEE_STATUSES:
            reject(
                user_text(
                    "RosterImport",
                    "Status {status!r} is not one of: {allowed} (or 在读, 在训, 退出, 结业, 毕业)",
                ).format(status=status, allowed=", ".join(TRAINEE_STATUSES))
            )
            continue
        if (problem := hire_date_problem(values.get("hire_date", ""))) is not None:
            reject(
                user_text("RosterImport", "column {column}: {problem}").format(
                    column=data.title("hire_date"), problem=problem
                )
            )
            continue
        existing = current.get(trainee_id)
        cohort = values.get("cohort") or default_cohort or ("" if existing else UNASSIGNED)
        programme = values.get("programme", "")
        if cohort and programme:
            owner = programmes.get(cohort, "")
            if owner and owner != programme:
                reject(
                    user_text(
                        "RosterImport",
                        "Cohort {cohort!r} belongs to programme {owner!r}, not {programme!r}",
                    ).format(cohort=cohort, owner=owner, programme=programme)
                )
                continue
        target = {k: v for k, v in values.items() if v and k != "programme"}
        if cohort:
            target["cohort"] = cohort
        if existing is None:
            target.setdefault("status", "active")
            outcome = Outcome(data.sheet, row.row, NEW, label)
        else:
            changed = tuple(LABELS[k] for k, v in target.items() if existing.values.get(k) != v)
            if cohort and programme and not programmes.get(cohort):
                changed += ("Programme",)
            if existing.deleted:
                changed = (RESTORED, *changed)
            kind = UPDATED if changed else UNCHANGED
            outcome = Outcome(data.sheet, row.row, kind, label, changed)
        if programme:
            target["programme"] = programme
        planned.append(_Planned(row, outcome, target, existing))
    return planned


def _new_programmes(session: Session, planned: list[_Planned]) -> list[str]:
    """The programmes the accepted rows name that this database does not hold yet."""
    return unknown_programmes(
        session,
        {
            str(p.target["programme"])
            for p in planned
            if p.outcome.outcome in (NEW, UPDATED) and p.target.get("programme")
        },
    )


def _report(
    data: RosterData,
    planned: list[_Planned],
    new_programmes: list[str],
    rules: dict[str, EntryRules] | None = None,
) -> ImportReport:
    report = ImportReport(data.source, "roster")
    report.outcomes = [p.outcome for p in planned]
    if new_programmes:
        report.notes.append(kind_not_set_note(new_programmes))
    report.ignored_columns = list(data.ignored_columns)
    if data.skipped_rows:
        rows = ", ".join(map(str, data.skipped_rows))
        if len(data.skipped_rows) == 1:
            said = user_text(
                "RosterImport", "{sheet} row {rows} skipped: a single cell without a name"
            )
        else:
            said = user_text(
                "RosterImport", "{sheet} rows {rows} skipped: a single cell without a name"
            )
        report.notes.append(said.format(sheet=data.sheet, rows=rows))
    if rules:
        judged = [
            judged_row(
                p.outcome.row, p.outcome.record, p.target, p.current.values if p.current else None
            )
            for p in planned
            if p.outcome.outcome != REJECTED
        ]
        report.notes.extend(roster_verdicts(data.sheet, judged, rules, date.today()))
    return report


def plan_roster(
    store: Store, data: RosterData, default_cohort: str = "", progress: Progress = NO_PROGRESS
) -> ImportReport:
    """The dry run: what applying would do to each row. Changes nothing."""
    with store.read() as session:
        planned = _plan(session, data, default_cohort.strip(), progress)
        return _report(data, planned, _new_programmes(session, planned), rules_by_cohort(session))


def apply_roster(
    store: Store, data: RosterData, default_cohort: str = "", progress: Progress = NO_PROGRESS
) -> ImportReport:
    """Apply every accepted row in one transaction; any failure leaves the store untouched."""
    with store.write() as session:
        report = apply_roster_in(store, session, data, default_cohort, progress)
    report.applied = True
    return report


def apply_roster_in(
    store: Store,
    session: Session,
    data: RosterData,
    default_cohort: str = "",
    progress: Progress = NO_PROGRESS,
) -> ImportReport:
    """The same, inside a transaction the caller commits (with other sheets of the workbook)."""
    planned = _plan(session, data, default_cohort.strip(), progress)
    new_programmes = _new_programmes(session, planned)
    groups = RosterGroups(store, session)
    groups.create_missing(
        {
            str(p.target["cohort"])
            for p in planned
            if p.outcome.outcome in (NEW, UPDATED) and p.target.get("cohort")
        }
    )
    actor = store.actor.name
    now = utcnow()
    fresh = sum(1 for p in planned if p.outcome.outcome == NEW and p.current is None)
    # Handed out in sorted order: each unique index on them (the trainees', the audit log's)
    # is then filled at its end instead of at random places all over it.
    uids = iter(sorted(new_uids(2 * fresh)))
    new_rows: list[tuple[object, ...]] = []
    audits: list[tuple[object, ...]] = []
    for p in planned:
        if p.outcome.outcome not in (NEW, UPDATED):
            continue
        target = dict(p.target)
        programme = target.pop("programme", "")
        cohort = target.pop("cohort", "")
        fields: dict[str, object] = dict(target)
        if "hire_date" in fields:
            fields["hire_date"] = date.fromisoformat(str(fields["hire_date"]))
        cohort_id = groups.cohort(cohort, programme) if cohort else None
        if p.current is None:
            # Bulk insert (bulk_rows): a plant's roster is too large for a flush per trainee.
            uid = next(uids)
            new_rows.append(
                (
                    uid,
                    fields["trainee_id"],
                    fields["name"],
                    name_key(fields["name"]),
                    cohort_id,
                    fields.get("employee_no", ""),
                    fields.get("track", ""),
                    fields["status"],
                    fields.get("email", ""),
                    fields.get("hire_date"),
                    fields.get("post", ""),
                )
            )
            changes = {"source": data.source, "row": p.row.row, **p.target}
            audits.append((next(uids), uid, changes))
        else:
            if cohort:
                fields["cohort_id"] = cohort_id
            if p.current.deleted:
                fields["deleted"] = False
            trainee = session.get(Trainee, p.current.id)
            assert trainee is not None
            change(store, session, trainee, fields, action="import")
        if len(new_rows) >= 5000:
            _save_new(store, session, new_rows, audits, actor, now)
            new_rows, audits = [], []
            progress.step(0, user_text("RosterImport", "Saving trainees"))
    if new_rows:
        _save_new(store, session, new_rows, audits, actor, now)
    session.flush()
    return _report(data, planned, new_programmes, rules_by_cohort(session))


_TRAINEE_KEYS = (
    "uid",
    "trainee_id",
    "name",
    "name_key",
    "cohort_id",
    "employee_no",
    "track",
    "status",
    "email",
    "hire_date",
    "post",
)
_AUDIT_KEYS = ("uid", "entity_uid", "changes")


def _save_new(
    store: Store,
    session: Session,
    trainees: list[tuple[object, ...]],
    audits: list[tuple[object, ...]],
    actor: str,
    now: object,
) -> None:
    """New trainees and their audit events: two statements, each executed for many rows."""
    device = store.device_id
    same: dict[str, object] = {"updated_at": now, "origin_device": device, "deleted": False}
    # A declarative class with a __tablename__ maps a Table; SQLAlchemy types it as FromClause.
    insert_many(session, cast(Table, Trainee.__table__), _TRAINEE_KEYS, trainees, same)
    same = {"at": now, "actor": actor, "device": device, "entity": "trainee", "action": "import"}
    insert_many(session, cast(Table, AuditEvent.__table__), _AUDIT_KEYS, audits, same)
