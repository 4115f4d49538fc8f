"""The work-study calendar: blocks from a pattern, planned sessions, expected and unrecorded marks.

Each rule runs on SQLite and on a real PostgreSQL server (``any_store``).
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from mentordesk.core.attendance import mark
from mentordesk.core.calendar_plan import (
    add_block,
    edit_block,
    lay_out_plan,
    layout,
    list_blocks,
    parse_pattern,
)
from mentordesk.core.cohorts import create_cohort, list_cohorts
from mentordesk.core.days_off import DayOffEntry, add_days_off, parse_day_list
from mentordesk.core.errors import UserError
from mentordesk.core.expected import expectations, missing_marks, planned_hours
from mentordesk.core.leave import add_leave
from mentordesk.core.models import AuditEvent, CalendarBlock, Cohort, Trainee, WorkshopSession
from mentordesk.core.session_plan import (
    SlotSpec,
    cancel_session,
    parse_weekdays,
    plan_many_sessions,
    plan_sessions,
    set_week,
)
from mentordesk.core.trainees import create_trainee, withdraw_trainee
from mentordesk.core.workshop_sessions import create_session, list_recent_sessions

MON = date(2026, 9, 7)  # a Monday


def _rows(store, model) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def cohort(any_store):
    create_cohort(any_store, "2026 Rolling Order Class", start_date=MON, end_date=date(2027, 6, 30))
    return "2026 Rolling Order Class"


def test_pattern_reads_weeks_and_days_in_english_and_chinese():
    assert [(p.place, p.days) for p in parse_pattern("3w school, 1 week plant")] == [
        ("school", 21),
        ("plant", 7),
    ]
    assert [(p.place, p.days) for p in parse_pattern("3周 学校，2天 工厂")] == [
        ("school", 21),
        ("plant", 2),
    ]
    for bad in ("", "three weeks school", "3w office", "0w plant"):
        with pytest.raises(UserError):
            parse_pattern(bad)


def test_alternation_repeats_and_is_cut_at_the_end():
    blocks = layout(parse_pattern("3w school, 1w plant"), MON, date(2026, 10, 31))
    assert blocks == [
        (MON, date(2026, 9, 27), "school"),
        (date(2026, 9, 28), date(2026, 10, 4), "plant"),
        (date(2026, 10, 5), date(2026, 10, 25), "school"),
        (date(2026, 10, 26), date(2026, 10, 31), "plant"),
    ]


def test_laid_out_plan_plans_hours_of_working_days_less_holidays(any_store, cohort):
    add_days_off(any_store, [DayOffEntry(date(2026, 10, 1), "National Day")])
    blocks = lay_out_plan(
        any_store, cohort, start=MON, end=date(2026, 10, 4), pattern="3w school, 1w plant"
    )
    assert [(b.place, b.planned_hours) for b in blocks] == [("school", 0), ("plant", 32.0)]
    assert list_blocks(any_store, cohort) == blocks


@pytest.mark.parametrize(
    ("pattern", "start", "end", "words"),
    [
        ("4w school", MON, date(2026, 12, 31), "no plant day"),
        ("1w plant", date(2026, 9, 1), date(2026, 9, 30), "outside the cohort"),
        ("1w plant", date(2026, 10, 1), date(2026, 9, 30), "before the start"),
        ("1 fortnight plant", MON, date(2026, 9, 30), "not understood"),
    ],
)
def test_bad_plans_are_refused_with_their_reason_and_change_nothing(
    any_store, cohort, pattern, start, end, words
):
    with pytest.raises(UserError, match=words):
        lay_out_plan(any_store, cohort, start=start, end=end, pattern=pattern)
    assert _rows(any_store, CalendarBlock) == 0


def test_overlapping_blocks_are_refused(any_store, cohort):
    lay_out_plan(any_store, cohort, start=MON, end=date(2026, 10, 4), pattern="3w school, 1w plant")
    with pytest.raises(UserError, match="overlaps the plant block 2026-09-28 to 2026-10-04"):
        add_block(
            any_store,
            cohort,
            start=date(2026, 10, 2),
            end=date(2026, 10, 9),
            place="plant",
            planned_hours=40,
        )
    first = list_blocks(any_store, cohort)[0]
    with pytest.raises(UserError, match="overlaps"):
        edit_block(any_store, first.uid, ends_on=date(2026, 9, 29))
    assert _rows(any_store, CalendarBlock) == 2


def test_holiday_list_names_every_unreadable_line(any_store):
    text = "2026-10-01 National Day\n# a comment\n2026-10-02\n20261003 junk\n2026-13-01\n"
    with pytest.raises(UserError) as refused:
        parse_day_list(text, "holidays.txt")
    assert "holidays.txt, line 4" in str(refused.value)
    assert "holidays.txt, line 5" in str(refused.value)
    days = parse_day_list("2026-10-01 National Day\n2026-10-02\n", "holidays.txt")
    assert [(d.day, d.label) for d in days] == [
        (date(2026, 10, 1), "National Day"),
        (date(2026, 10, 2), ""),
    ]


def _planned_cohort(store, cohort):
    lay_out_plan(store, cohort, start=MON, end=date(2026, 10, 4), pattern="3w school, 1w plant")
    slots = [
        SlotSpec(d, time(8), time(12), "Bay 2", "Rolling basics") for d in parse_weekdays("mon-wed")
    ]
    set_week(store, cohort, slots)


def _sessions(store):
    with store.read() as s:
        return sorted(
            (w.held_on, w.start_time, w.planned, w.cancelled)
            for w in s.scalars(select(WorkshopSession).where(WorkshopSession.deleted.is_(False)))
        )


def test_plan_makes_the_plant_weeks_sessions_once(any_store, cohort):
    _planned_cohort(any_store, cohort)
    add_days_off(
        any_store, [DayOffEntry(date(2026, 9, 29), "closure")], kind="closure", cohort_key=cohort
    )
    dry = plan_sessions(any_store, cohort, dry_run=True)
    assert dry.added == [(date(2026, 9, 28), time(8)), (date(2026, 9, 30), time(8))]
    assert _sessions(any_store) == []
    plan_sessions(any_store, cohort)
    assert _sessions(any_store) == [
        (date(2026, 9, 28), time(8), True, False),
        (date(2026, 9, 30), time(8), True, False),
    ]
    again = plan_sessions(any_store, cohort)
    assert (again.added, again.removed, again.unchanged) == ([], [], 2)


def test_several_cohorts_planned_at_once_each_get_their_own_sessions_once(any_store, cohort):
    _planned_cohort(any_store, cohort)
    create_cohort(any_store, "2026 Casting", start_date=MON, end_date=date(2027, 6, 30))
    lay_out_plan(
        any_store, "2026 Casting", start=MON, end=date(2026, 10, 4), pattern="2w plant, 2w school"
    )
    set_week(any_store, "2026 Casting", [SlotSpec(4, time(13), time(17), "Bay 5", "Casting")])
    casting_uid = next(c.uid for c in list_cohorts(any_store) if c.name == "2026 Casting")
    # Named twice (by name, then by uid): planned once, the second time unchanged.
    done = plan_many_sessions(any_store, [cohort, "2026 Casting", casting_uid])
    assert [(c.cohort, len(c.added), c.unchanged) for c in done] == [
        (cohort, 3, 0),
        ("2026 Casting", 2, 0),
        ("2026 Casting", 0, 2),
    ]
    with any_store.read() as s:
        made = s.execute(
            select(Cohort.name, WorkshopSession.held_on, WorkshopSession.start_time)
            .join(Cohort, Cohort.id == WorkshopSession.cohort_id)
            .order_by(Cohort.name, WorkshopSession.held_on)
        ).all()
    assert made == [
        ("2026 Casting", date(2026, 9, 11), time(13)),
        ("2026 Casting", date(2026, 9, 18), time(13)),
        (cohort, date(2026, 9, 28), time(8)),
        (cohort, date(2026, 9, 29), time(8)),
        (cohort, date(2026, 9, 30), time(8)),
    ]
    again = plan_many_sessions(any_store, ["2026 Casting", cohort], dry_run=True)
    assert [(len(c.added), len(c.removed), c.unchanged) for c in again] == [(0, 0, 2), (0, 0, 3)]
    # One audit event per cohort planned, naming the sessions it added.
    with any_store.read() as s:
        events = s.execute(
            select(AuditEvent.entity_uid, AuditEvent.changes).where(
                AuditEvent.action == "plan sessions"
            )
        ).all()
        made_by = dict(s.execute(select(WorkshopSession.uid, WorkshopSession.cohort_id)).all())
        cohort_ids = dict(s.execute(select(Cohort.uid, Cohort.id)).all())
    assert len(events) == 2
    for cohort_uid, changes in events:
        assert changes["removed"] == 0
        assert {made_by[u] for u in changes["added"]} == {cohort_ids[cohort_uid]}
    assert sorted(u for _c, changes in events for u in changes["added"]) == sorted(made_by)


def test_plan_changed_adds_and_takes_away_only_what_changed(any_store, cohort):
    _planned_cohort(any_store, cohort)
    plan_sessions(any_store, cohort)
    plant = list_blocks(any_store, cohort)[1]
    edit_block(any_store, plant.uid, starts_on=date(2026, 9, 29))
    changes = plan_sessions(any_store, cohort)
    assert changes.removed == [(date(2026, 9, 28), time(8))]
    assert changes.added == []
    assert [d for d, *_ in _sessions(any_store)] == [date(2026, 9, 29), date(2026, 9, 30)]


def test_plan_never_takes_away_a_session_with_records(any_store, cohort):
    _planned_cohort(any_store, cohort)
    t = create_trainee(any_store, "R001", "Zhang Wei 张伟", cohort=cohort)
    plan_sessions(any_store, cohort)
    monday = next(s for s in list_recent_sessions(any_store, 10) if s.held_on == date(2026, 9, 28))
    mark(any_store, monday.uid, t.uid, "present")
    plant = list_blocks(any_store, cohort)[1]
    edit_block(any_store, plant.uid, starts_on=date(2026, 9, 29))
    before = _sessions(any_store)
    with pytest.raises(UserError, match="2026-09-28 08:00"):
        plan_sessions(any_store, cohort)
    assert _sessions(any_store) == before
    with pytest.raises(UserError, match="cannot be cancelled"):
        cancel_session(any_store, monday.uid)


def test_a_session_cancelled_by_hand_stays_cancelled(any_store, cohort):
    _planned_cohort(any_store, cohort)
    plan_sessions(any_store, cohort)
    monday = next(s for s in list_recent_sessions(any_store, 10) if s.held_on == date(2026, 9, 28))
    cancel_session(any_store, monday.uid)
    assert plan_sessions(any_store, cohort).added == []
    assert (date(2026, 9, 28), time(8), True, True) in _sessions(any_store)


def _expect(store, trainee_uid, start, end, as_of):
    with store.read() as s:
        tid = s.scalar(select(Trainee.id).where(Trainee.uid == trainee_uid))
        return expectations(s, start, end, as_of, [tid]).get(tid)


def test_a_forgotten_mark_is_unrecorded_not_dropped(any_store, cohort):
    t = create_trainee(any_store, "R001", "Zhang Wei 张伟", cohort=cohort)
    cohort_uid = list_cohorts(any_store)[0].uid
    sessions = [
        create_session(
            any_store,
            held_on=MON + timedelta(days=n),
            start_time=time(8),
            end_time=time(12),
            location="Bay 2",
            module="",
            task=f"day {n}",
            cohort_uid=cohort_uid,
        )
        for n in range(21)
    ]
    for ws in sessions[:20]:
        mark(any_store, ws.uid, t.uid, "present")
    got = _expect(any_store, t.uid, MON, MON + timedelta(days=30), MON + timedelta(days=30))
    assert (got.expected, got.unrecorded, got.recorded) == (21, 1, 20)
    # Not yet reached: the last session is not unrecorded before its day.
    got = _expect(any_store, t.uid, MON, MON + timedelta(days=30), MON + timedelta(days=19))
    assert (got.expected, got.unrecorded) == (20, 0)
    listed = missing_marks(any_store, since=MON, as_of=MON + timedelta(days=30))
    assert [(m.session_uid, m.expected, m.unrecorded) for m in listed] == [(sessions[20].uid, 1, 1)]


def test_not_expected_before_enrolment_after_leaving_on_leave_or_when_cancelled(any_store, cohort):
    cohort_uid = list_cohorts(any_store)[0].uid
    days = [MON + timedelta(days=n) for n in range(10)]
    sessions = [
        create_session(
            any_store,
            held_on=d,
            start_time=time(8),
            end_time=time(12),
            location="",
            module="",
            task=str(d),
            cohort_uid=cohort_uid,
        )
        for d in days
    ]
    late = create_trainee(any_store, "R002", "Li Na 李娜", cohort=cohort, enrolled_on=days[3])
    leaver = create_trainee(any_store, "R003", "Wang Fang 王芳", cohort=cohort)
    withdraw_trainee(any_store, leaver.uid, on=days[5])
    away = create_trainee(any_store, "R004", "Liu Yang 刘洋", cohort=cohort)
    add_leave(any_store, away.uid, start=days[1], end=days[2], reason="family")
    add_leave(any_store, away.uid, start=days[4], end=days[4], reason="asked", approved=False)
    cancel_session(any_store, sessions[9].uid)
    end = days[-1]
    assert _expect(any_store, late.uid, MON, end, end).expected == 6
    assert _expect(any_store, leaver.uid, MON, end, end).expected == 5
    assert _expect(any_store, away.uid, MON, end, end).expected == 7


def test_counts_for_the_whole_plant_match_each_trainees_and_skip_marks_not_expected(
    any_store, cohort, monkeypatch
):
    import mentordesk.core.expected as expected_module

    cohort_uid = list_cohorts(any_store)[0].uid
    create_cohort(any_store, "2026 Casting", start_date=MON, end_date=date(2027, 6, 30))
    other_uid = next(c.uid for c in list_cohorts(any_store) if c.name == "2026 Casting")
    days = [MON + timedelta(days=n) for n in range(10)]

    def held(day, cohort_uid, start=time(8)):
        return create_session(
            any_store, held_on=day, start_time=start, end_time=time(start.hour + 2),
            location="", module="", task=str(day), cohort_uid=cohort_uid,
        )  # fmt: skip

    sessions = [held(d, cohort_uid) for d in days]
    guest = held(days[2], other_uid, time(13))  # another cohort's: expected of nobody here
    cancel_session(any_store, sessions[9].uid)
    late = create_trainee(any_store, "R002", "Li Na 李娜", cohort=cohort, enrolled_on=days[3])
    leaver = create_trainee(any_store, "R003", "Wang Fang 王芳", cohort=cohort)
    away = create_trainee(any_store, "R004", "Liu Yang 刘洋", cohort=cohort)
    add_leave(any_store, away.uid, start=days[1], end=days[2], reason="family")
    # Marks everywhere up to day 6, before enrolment, on leave and at the other cohort's too.
    for t in (late, leaver, away):
        for ws in [*sessions[:7], guest]:
            mark(any_store, ws.uid, t.uid, "present")
    withdraw_trainee(any_store, leaver.uid, on=days[5])
    end = days[-1]
    want = {late.uid: (6, 2), leaver.uid: (5, 0), away.uid: (7, 2)}

    def counted(trainee_ids):
        with any_store.read() as s:
            ids = dict(s.execute(select(Trainee.id, Trainee.uid)).all())
            found = expectations(s, MON, end, end, trainee_ids and list(ids))
        return {ids[tid]: (e.expected, e.unrecorded) for tid, e in found.items()}

    assert counted([1]) == want  # each trainee named
    assert counted(None) == want  # the whole plant
    monkeypatch.setattr(expected_module, "SMALL_SCOPE", 0)  # marks counted for everyone
    assert counted(None) == want


def test_planned_hours_of_a_period_take_part_of_a_block(any_store, cohort):
    lay_out_plan(any_store, cohort, start=MON, end=date(2026, 10, 4), pattern="3w school, 1w plant")
    with any_store.read() as s:
        cid = s.scalar(select(Cohort.id))
        assert planned_hours(s, cid, MON, date(2026, 10, 4)) == 40.0
        assert planned_hours(s, cid, date(2026, 9, 30), date(2026, 12, 31)) == 24.0
        assert planned_hours(s, cid, MON, date(2026, 9, 27)) == 0.0


def test_the_record_flags_forgotten_marks_and_says_the_pace(any_store, cohort):
    from mentordesk.core.trainee_record import trainee_record

    lay_out_plan(any_store, cohort, start=MON, end=date(2026, 10, 4), pattern="3w school, 1w plant")
    t = create_trainee(any_store, "R001", "Zhang Wei 张伟", cohort=cohort)
    cohort_uid = list_cohorts(any_store)[0].uid
    days = [date(2026, 9, 28) + timedelta(days=n) for n in range(5)]
    sessions = [
        create_session(
            any_store, held_on=d, start_time=time(8), end_time=time(16), location="",
            module="Mill", task=str(d), cohort_uid=cohort_uid,
        )
        for d in days
    ]  # fmt: skip
    for ws in sessions[:2]:
        mark(any_store, ws.uid, t.uid, "present")
    record = trainee_record(any_store, t.uid, MON, date(2026, 10, 4))
    assert (record.expectation.expected, record.expectation.unrecorded) == (5, 3)
    assert [u.held_on for u in record.unrecorded] == days[:1:-1]
    assert record.planned_hours == 40
    assert record.pace == "behind"
    for ws in sessions[2:]:
        mark(any_store, ws.uid, t.uid, "present")
    record = trainee_record(any_store, t.uid, MON, date(2026, 10, 4))
    assert (record.expectation.unrecorded, record.unrecorded, record.pace) == (0, (), "on track")


def test_a_session_made_by_hand_at_a_planned_time_is_that_planned_session(any_store, cohort):
    _planned_cohort(any_store, cohort)
    cohort_uid = list_cohorts(any_store)[0].uid
    create_session(
        any_store, held_on=date(2026, 9, 28), start_time=time(9), end_time=time(11),
        location="Bay 2", module="", task="by hand", cohort_uid=cohort_uid,
    )  # fmt: skip
    changes = plan_sessions(any_store, cohort)
    assert (date(2026, 9, 28), time(8)) not in changes.added
    assert len(changes.added) == 2


def test_a_week_whose_sessions_share_time_is_refused(any_store, cohort):
    slots = [
        SlotSpec(0, time(8), time(12)),
        SlotSpec(0, time(11), time(15)),
    ]
    with pytest.raises(UserError, match="share time on mon at 11:00"):
        set_week(any_store, cohort, slots)
