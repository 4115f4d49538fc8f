"""Many new rows at once: the UIDs made for them and the rows inserted by groups."""

from __future__ import annotations

import uuid
from datetime import date, time

from sqlalchemy import select

from mentordesk.core.bulk import insert_groups
from mentordesk.core.bulk_rows import new_uids
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.models import Cohort, WorkshopSession, utcnow


def test_new_uids_are_distinct_random_version_4_uuids_as_text():
    made = new_uids(500)
    assert len(set(made)) == 500
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
    assert new_uids(0) == []
    assert len(new_uids(1)) == 1


def test_rows_inserted_by_groups_keep_each_groups_values_and_their_own(any_store):
    create_cohort(any_store, "2026 Welding")
    with any_store.read() as s:
        cohort_id = s.scalar(select(Cohort.id))
    now = utcnow()
    own = ("uid", "held_on")
    shared = ("start_time", "end_time", "location", "module", "task", "mentor_id",
              "updated_at", "origin_device", "deleted", "cohort_id", "planned", "cancelled")  # fmt: skip
    morning = (time(8), time(12), "Bay 1", "Welding", "", None, now, "dev", False, cohort_id,
               True, False)  # fmt: skip
    evening = (time(18), None, "Bay 2", "", "Night", None, now, "dev", False, cohort_id,
               True, True)  # fmt: skip
    days = [date(2026, 9, 7), date(2026, 9, 8), date(2026, 9, 7)]
    uids = new_uids(4)
    with any_store.write() as s:
        groups = [
            (morning, [(uids[0], days[0]), (uids[1], days[1])]),
            (evening, [(uids[2], days[2]), (uids[3], days[1])]),
            (morning, []),
        ]
        insert_groups(s, WorkshopSession.__table__, own, shared, groups)
    with any_store.read() as s:
        got = {
            r.uid: (r.held_on, r.start_time, r.end_time, r.location, r.task, r.cancelled)
            for r in s.execute(select(WorkshopSession)).scalars().all()
        }
    assert got == {
        uids[0]: (days[0], time(8), time(12), "Bay 1", "", False),
        uids[1]: (days[1], time(8), time(12), "Bay 1", "", False),
        uids[2]: (days[2], time(18), None, "Bay 2", "Night", True),
        uids[3]: (days[1], time(18), None, "Bay 2", "Night", True),
    }
