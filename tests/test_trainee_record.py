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


def test_an_open_record_reads_again_once_marks_pause_and_not_while_hidden(
    qtbot, demo_store, make_worker, monkeypatch
):
    """Marks made in Today while a record is open: one reading once they pause, none while
    the record is hidden, and the record right when it is shown again."""
    from mentordesk.core.workshop_sessions import list_recent_sessions
    from mentordesk.ui import trainee_record_view
    from mentordesk.ui.operations import Changes, CollectionOp
    from tests.gui_waits import settled

    reads: list[str] = []
    real = trainee_record_view.trainee_record

    def counted(store, uid, start, end):
        reads.append(uid)
        return real(store, uid, start, end)

    monkeypatch.setattr(trainee_record_view, "trainee_record", counted)
    session = list_recent_sessions(demo_store, 1)[0]
    roster = att.session_roster(demo_store, session.uid)
    uid = roster[0].trainee_uid
    worker = make_worker(demo_store)
    dialog = trainee_record_view.TraineeRecordDialog(worker, uid)
    qtbot.addWidget(dialog)
    dialog.show()
    settled(worker)
    before = len(reads)

    def mark(status: str) -> None:
        CollectionOp(
            att.mark, session.uid, uid, status, changes=Changes(attendance=frozenset({session.uid}))
        ).run(worker, None)
        settled(worker)

    def status_shown() -> str:
        return next(a.status for a in dialog.record.attendance if a.session_uid == session.uid)

    for status in ("absent", "late", "present", "absent"):
        mark(status)
    assert len(reads) == before
    qtbot.waitUntil(lambda: len(reads) == before + 1)
    qtbot.waitUntil(lambda: status_shown() == "absent")

    dialog.hide()
    mark("excused")
    # Nothing read while hidden: the reading waits for the dialog, it is not on a timer.
    assert len(reads) == before + 1
    assert dialog._later.due
    dialog.show()
    qtbot.waitUntil(lambda: len(reads) == before + 2)
    qtbot.waitUntil(lambda: status_shown() == "excused")
