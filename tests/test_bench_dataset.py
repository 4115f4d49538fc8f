"""The benchmarks' dataset: built like a plant's own database, so what it measures is real.

The build sets the database's triggers aside and has the store's repair compute what they keep;
a database left without them, or with totals that disagree with its records, would make every
Summary and record figure of the benchmarks measure something the application never meets.
"""

from __future__ import annotations

from datetime import date

from bench.dataset import build
from sqlalchemy import func, select, text

from mentordesk.core.attendance import mark
from mentordesk.core.backup import check
from mentordesk.core.models import Attendance, Cohort, Trainee, WorkshopSession
from mentordesk.core.store import Store
from mentordesk.core.summary import period_figures


def _triggers(store: Store) -> set[tuple[str, str]]:
    with store.read() as s:
        return set(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")))


def test_the_quick_dataset_is_a_plant_database_with_its_triggers_and_totals(tmp_path):
    fresh = Store.open(tmp_path / "fresh.db")
    expected_triggers = _triggers(fresh)
    fresh.close()
    assert expected_triggers, "the schema keeps totals with triggers"

    path = tmp_path / "quick.db"
    counts = build(path, years=1, quick=True)
    assert not (tmp_path / "quick.db.building").exists()
    assert all(counts[kind] > 0 for kind in ("trainees", "sessions", "attendance", "ratings"))

    store = Store.open(path)
    try:
        assert _triggers(store) == expected_triggers
        report = check(store)
        assert report.ok, report.problems

        with store.read() as s:
            sizes = list(
                s.scalars(select(func.count()).select_from(Trainee).group_by(Trainee.cohort_id))
            )
            names = list(s.scalars(select(Trainee.name)))
            assert s.scalar(select(func.count()).select_from(Cohort)) == len(sizes)
            assert min(sizes) >= 40 and max(sizes) <= 90
            assert any(not n.isascii() for n in names) and any(n.isascii() for n in names)
            session_uid, held_on = s.execute(
                select(WorkshopSession.uid, WorkshopSession.held_on)
                .order_by(WorkshopSession.held_on.desc())
                .limit(1)
            ).one()
            trainee_uid, trainee_id = s.execute(
                select(Trainee.uid, Trainee.id)
                .join(Attendance, Attendance.trainee_id == Trainee.id)
                .join(WorkshopSession, WorkshopSession.uid == session_uid)
                .where(Attendance.session_id == WorkshopSession.id)
                .where(Attendance.status == "present")
                .limit(1)
            ).one()
            before = period_figures(s, [trainee_id], date(2000, 1, 1), held_on)[trainee_id]

        # The put-back triggers keep the totals after the build, as in the application: a
        # mark changes the figures, and the kept totals still equal the records.
        mark(store, session_uid, trainee_uid, "absent")
        with store.read() as s:
            after = period_figures(s, [trainee_id], date(2000, 1, 1), held_on)[trainee_id]
        assert (after.present, after.absent) == (before.present - 1, before.absent + 1)
        report = check(store)
        assert report.ok, report.problems
    finally:
        store.close()
