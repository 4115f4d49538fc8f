"""A small store with one of every record, and edits to its export, for the import tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from mentordesk.core import attendance as att
from mentordesk.core.changes import add
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.models import Assessment, AuditEvent, Cohort, Programme, Staff, Trainee
from mentordesk.core.notes import add_note
from mentordesk.core.ratings import rate
from mentordesk.core.rubrics import current_rubric, load_rubric_file
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session
from mentordesk.paths import resources_dir


def fill(store: Store) -> dict[str, str]:
    """A cohort, two trainees, a four-hour session with marks, a rating, a note; their uids."""
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    cohort = create_cohort(store, "Rolling")
    first = create_trainee(store, "T001", "First 一", cohort="Rolling")
    second = create_trainee(store, "T002", "Second 二", cohort="Rolling")
    ws = create_session(
        store,
        held_on=date(2026, 11, 2),
        start_time=time(8),
        end_time=time(12),
        location="Bay 2",
        module="Foundation",
        task="",
        cohort_uid=cohort.uid,
    )
    att.mark(store, ws.uid, first.uid, "late", minutes_late=15, note="bus")
    att.mark(store, ws.uid, second.uid, "present")
    skill = next(sk for sk in current_rubric(store).skills if sk.module == "Foundation")
    rating = rate(store, first.uid, skill.uid, 2, session_uid=ws.uid, evidence="seen")
    note = add_note(store, first.uid, "teamwork", "Good handover", session_uid=ws.uid)
    return {
        "trainee": first.uid,
        "second": second.uid,
        "session": ws.uid,
        "skill": skill.uid,
        "rating": rating.uid,
        "note": note.uid,
    }


def sign(store: Store, result: str = "pass", state: str = "signed") -> str:
    """An assessment as signing leaves it: ``signed_at`` to the microsecond."""
    with store.write() as s:
        trainee = s.scalar(select(Trainee).order_by(Trainee.trainee_id))
        a = Assessment(
            trainee_id=trainee.id,
            period_start=date(2026, 10, 26),
            period_end=date(2026, 11, 20),
            state=state,
            result=result,
            signed_at=datetime(2026, 11, 20, 9, 30, 5, 123456, tzinfo=UTC),
            signed_by="Liu Jianguo 刘建国",
            document_sha256="ab" * 32,
        )
        return add(store, s, a).uid


def counts(store: Store) -> dict[str, int]:
    """How many of the records a merge might create as a side effect there are."""
    with store.read() as s:
        return {
            m.__name__: s.scalar(select(func.count()).select_from(m))
            for m in (Staff, Cohort, Programme, Trainee, Assessment, AuditEvent)
        }


def rows(path: Path, sheet: str) -> list[dict[str, object]]:
    wb = load_workbook(path, read_only=True)
    ws = wb[sheet]
    data = list(ws.iter_rows(values_only=True))
    wb.close()
    return [dict(zip(data[0], r, strict=False)) for r in data[1:]]


def edit(path: Path, sheet: str, uid: str, updates: dict[str, object], *, newer: bool = True):
    """Change the row whose UID is ``uid`` (made newer, as another machine's edit)."""
    wb = load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == uid:
            if newer:
                row[header.index("Updated At")].value += timedelta(hours=1)
            for name, value in updates.items():
                row[header.index(name)].value = value
    wb.save(path)


def append(path: Path, sheet: str, values: dict[str, object]) -> None:
    """A new row, by header; missing columns stay empty."""
    wb = load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    ws.append([values.get(h) for h in header])
    wb.save(path)
