"""A trainee's record: attendance with its rate, skill histories, notes, by period."""

from __future__ import annotations

from datetime import date, time

from mentordesk.core import attendance as att
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.notes import add_note
from mentordesk.core.ratings import rate
from mentordesk.core.rubrics import current_rubric, load_rubric_file
from mentordesk.core.trainee_record import trainee_record
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session
from mentordesk.paths import resources_dir


def test_record_by_period(store):
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    cohort = create_cohort(store, "Rolling")
    t = create_trainee(store, "1", "王伟", cohort="Rolling")
    skill = current_rubric(store).skills[0]
    statuses = ["present", "late", "absent", "excused", "present"]
    for day, status in enumerate(statuses, start=1):
        ws = create_session(
            store,
            held_on=date(2026, 3, day),
            start_time=time(8),
            end_time=time(12),
            location="",
            module="Foundation",
            task="",
            cohort_uid=cohort.uid,
        )
        att.mark(store, ws.uid, t.uid, status)
        rate(store, t.uid, skill.uid, min(day, 5), session_uid=ws.uid)
    add_note(store, t.uid, "teamwork", "Good handover")

    whole = trainee_record(store, t.uid)
    assert [e.status for e in whole.attendance] == list(reversed(statuses))
    # (present + late) / (sessions − excused) = 3 / 4
    assert whole.attendance_rate == 0.75
    assert [p.level for p in whole.skills[0].points] == [1, 2, 3, 4, 5]
    assert whole.skills[0].latest == 5
    assert [n.text for n in whole.notes] == ["Good handover"]

    early = trainee_record(store, t.uid, date(2026, 3, 1), date(2026, 3, 3))
    assert [e.held_on.day for e in early.attendance] == [3, 2, 1]
    assert early.attendance_rate == 2 / 3
    assert [p.level for p in early.skills[0].points] == [1, 2, 3]
    assert early.notes == ()
