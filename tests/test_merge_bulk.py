"""New records inserted in bulk leave the store exactly as the row-by-row ORM merge does."""

from __future__ import annotations

import shutil
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from mentordesk.core import merge, merge_bulk
from mentordesk.core.models import Base
from mentordesk.core.store import Store
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

# Records the merge creates itself (a staff member, cohort or programme a row names) get a new
# random UID and this moment's stamp on either path; compared by their id instead.
LOCAL_MADE = {"staff", "cohort", "programme"}


def _edit(path: Path) -> None:
    """A workbook with every kind of row a merge meets: new, duplicate UID, the same trainee
    and session under another UID, rejected, naming new staff, deleted."""
    wb = load_workbook(path)
    for title in ("Attendance", "Notes", "Ratings", "Sessions"):
        ws = wb[title]
        header = [c.value for c in ws[1]]
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
        col = header.index
        first = list(rows[0])
        ws.append(first)  # the same UID twice: refused
        if title == "Attendance":
            again = list(first)
            again[col("UID")] = str(uuid.UUID(int=7))
            again[col("Updated At")] = first[col("Updated At")] + timedelta(days=1)
            again[col("Note")] = "recorded twice"
            ws.append(again)  # the same pair under another UID, newer: updates the first
            ws.cell(row=4, column=col("Status") + 1).value = None  # refused: no status
            ws.cell(row=5, column=col("Recorded By") + 1).value = "Neue Person"
            ws.cell(row=12, column=col("Recorded By") + 1).value = "Zweite Person"
        if title == "Notes":
            ws.cell(row=3, column=col("Author") + 1).value = "Neue Person"
            ws.cell(row=6, column=col("Deleted") + 1).value = True
        if title == "Sessions":
            ws.cell(row=3, column=col("Cohort") + 1).value = "New Cohort"
    wb.save(path)


def _newer(path: Path, out: Path) -> None:
    """Another machine's later export: a few rows changed, so they meet local records."""
    wb = load_workbook(path)
    for title, column, value in (("Notes", "Text", "changed"), ("Attendance", "Hours", 0.5)):
        ws = wb[title]
        header = [c.value for c in ws[1]]
        for n, row in enumerate(ws.iter_rows(min_row=2, max_row=9)):
            if n % 2:
                row[header.index(column)].value = value
                row[header.index("Updated At")].value += timedelta(hours=1)
    wb.save(out)


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.read() as s:
        made = {
            (t, uid): pk
            for t in LOCAL_MADE
            for pk, uid in s.execute(
                select(Base.metadata.tables[t].c.id, Base.metadata.tables[t].c.uid)
            )
        }
        for table in Base.metadata.sorted_tables:
            skip = set()
            if table.name in LOCAL_MADE:
                skip = {"uid", "updated_at"}
            if table.name == "audit_event":
                skip = {"uid", "at"}  # a new random UID and the moment of writing
            columns = [c for c in table.columns if c.key not in skip]
            rows = []
            query = select(*columns).order_by(*table.primary_key.columns)
            for row in s.execute(query).mappings():
                values = dict(row)
                if table.name == "audit_event" and values["entity"] in LOCAL_MADE:
                    values["entity_uid"] = made[(values["entity"], values["entity_uid"])]
                rows.append(tuple(values.values()))
            out[table.name] = rows
    return out


def _report(report: Any) -> tuple[Any, ...]:
    return (report.counts(), report.applied, [tuple(vars(o).values()) for o in report.outcomes])


@pytest.mark.parametrize("chunk", [5, 1000])
def test_bulk_inserts_leave_the_same_store_as_the_orm(demo_store, tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(merge, "CHUNK", chunk)
    first = tmp_path / "first.xlsx"
    export_results(demo_store, first)
    _edit(first)
    second = tmp_path / "second.xlsx"
    _newer(first, second)
    empty = tmp_path / "empty.db"
    Store.open(empty).close()  # one device id for both copies
    results = {}
    for bulk in (False, True):
        monkeypatch.setattr(merge_bulk, "ENABLED", bulk)
        path = tmp_path / f"bulk-{bulk}.db"
        shutil.copy(empty, path)
        with Store.open(path) as store:
            dry = prepare_import(first).dry_run(store)
            untouched = _dump(store)
            reports = [_report(dry)]
            for workbook in (first, second, second):
                reports.append(_report(prepare_import(workbook).apply(store)))
            results[bulk] = (untouched, reports, _dump(store))
    orm, bulk_path = results[False], results[True]
    assert orm[0] == bulk_path[0]
    assert orm[1] == bulk_path[1]
    counts = orm[1][1][0]
    assert counts["new"] > 100 and counts["rejected"] >= 4
    assert orm[1][2][0].get("updated")
    for name, rows in orm[2].items():
        assert bulk_path[2][name] == rows, name
    assert orm[2]["audit_event"] and orm[2]["attendance"]


def test_new_records_in_bulk_on_either_database(demo_store, any_store, tmp_path):
    from mentordesk.core.merge_records import to_ms
    from mentordesk.core.models import Attendance, AuditEvent, Note, SkillRating

    path = export_results(demo_store, tmp_path / "a.xlsx").path
    report = prepare_import(path).apply(any_store)
    assert report.applied and not report.counts().get("rejected")
    for model in (Attendance, SkillRating, Note):
        with demo_store.read() as s:
            expected = {(r.uid, to_ms(r.updated_at), r.deleted) for r in s.scalars(select(model))}
        with any_store.read() as s:
            got = {(r.uid, r.updated_at, r.deleted) for r in s.scalars(select(model))}
            audits = s.scalars(
                select(AuditEvent).where(AuditEvent.entity == model.__tablename__)
            ).all()
        assert got == expected
        assert {a.entity_uid for a in audits} == {uid for uid, _, _ in expected}
        assert all(a.action == "merge" and a.changes["source"] for a in audits)
