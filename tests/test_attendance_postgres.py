"""The capture services on SQLite and on PostgreSQL (a plant's shared database)."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select, text

from mentordesk.core import attendance as att
from mentordesk.core import attendance_totals, latest_ratings
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.models import SkillRating, SkillRatingLatest, Staff, Trainee
from mentordesk.core.notes import add_note, list_notes
from mentordesk.core.ratings import RatingState, rate, rating_grid
from mentordesk.core.rubrics import current_rubric, load_rubric_file
from mentordesk.core.staff import save_profile
from mentordesk.core.summary import period_figures
from mentordesk.core.trainee_record import trainee_record
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import (
    copy_session,
    create_session,
    delete_session,
    update_session,
)
from mentordesk.paths import resources_dir


def test_a_day_of_capture(any_store):
    store = any_store
    mentor = save_profile(store, "Zhang Wei 张伟", "mentor", "Plant")
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    cohort = create_cohort(store, "Rolling")
    ids = [create_trainee(store, f"T{n}", f"学员{n}", cohort="Rolling").uid for n in range(3)]
    first = create_session(
        store,
        held_on=date(2026, 3, 2),
        start_time=time(8),
        end_time=time(12),
        location="Bay 2",
        module="Foundation",
        task="",
        cohort_uid=cohort.uid,
    )
    second = copy_session(store, first.uid, date(2026, 3, 3))
    skill = next(sk for sk in current_rubric(store).skills if sk.module == "Foundation")

    att.mark(store, first.uid, ids[0], "late", minutes_late=30)
    att.mark_all_present(store, first.uid)
    att.mark(store, second.uid, ids[0], "absent")
    rate(store, ids[0], skill.uid, 2, session_uid=first.uid)
    typed = rate(store, ids[0], skill.uid, 5, session_uid=second.uid, evidence="Alone")
    # Retyped in the same session, and twice on one day without one: corrections, not new.
    retyped = rate(store, ids[0], skill.uid, 4, session_uid=second.uid, evidence=None)
    assert (retyped.uid, retyped.previous) == (typed.uid, RatingState(5, "Alone"))
    loose = rate(store, ids[1], skill.uid, 1, rated_on=date(2026, 3, 4))
    assert rate(store, ids[1], skill.uid, 2, rated_on=date(2026, 3, 4)).uid == loose.uid
    add_note(store, ids[0], "teamwork", "Good handover", session_uid=second.uid)

    assert [r.mark.status for r in att.session_roster(store, first.uid)] == [
        "late",
        "present",
        "present",
    ]
    cell = rating_grid(store, second.uid).cell(ids[0], skill.uid)
    assert (cell.level, cell.previous_level) == (4, 2)
    record = trainee_record(store, ids[0])
    assert record.attendance_rate == 0.5
    assert [p.level for p in record.skills[0].points] == [2, 4]
    assert list_notes(store, ids[0])[0].session_uid == second.uid
    assert [p.level for p in trainee_record(store, ids[1]).skills[0].points] == [2]
    with store.read() as s:
        assert attendance_totals.drift(s) == []
        assert latest_ratings.drift(s) == []
        raters = set(s.scalars(select(SkillRating.rater_id)))
        assert raters == {s.scalar(select(Staff.id).where(Staff.uid == mentor.uid))}


def test_latest_ratings_written_around_the_triggers_are_found_and_rebuilt(any_store):
    """``check`` finds the kept latest ratings edited behind the triggers; the repair's rebuild
    puts back each pair's latest (greatest date, then id), on either database."""
    store = any_store
    save_profile(store, "Li Na", "mentor", "Plant")
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    create_cohort(store, "Rolling")
    uids = [create_trainee(store, f"T{n}", f"Trainee {n}", cohort="Rolling").uid for n in (1, 2)]
    skills = [sk.uid for sk in current_rubric(store).skills[:2]]
    for uid in uids:
        for skill in skills:
            rate(store, uid, skill, 2, rated_on=date(2026, 3, 2))
            rate(store, uid, skill, 4, rated_on=date(2026, 3, 9))
    with store.read() as s:
        assert latest_ratings.drift(s) == []
        kept = s.execute(select(SkillRatingLatest.level)).scalars().all()
        assert kept == [4, 4, 4, 4]
    with store.write() as s:
        first, second, third = s.execute(
            select(SkillRatingLatest.trainee_id, SkillRatingLatest.skill_id)
            .order_by(SkillRatingLatest.trainee_id, SkillRatingLatest.skill_id)
            .limit(3)
        ).all()
        s.execute(
            text("DELETE FROM skill_rating_latest WHERE trainee_id = :t AND skill_id = :k"),
            {"t": first[0], "k": first[1]},
        )
        s.execute(
            text(
                "UPDATE skill_rating_latest SET level = 1 WHERE trainee_id = :t AND skill_id = :k"
            ),
            {"t": second[0], "k": second[1]},
        )
        s.execute(
            text("INSERT INTO skill_rating_latest VALUES (:t, :k, '2026-03-10', 5, 999999)"),
            {"t": third[0], "k": 999999},
        )
    with store.read() as s:
        assert latest_ratings.drift(s) == [
            "latest skill levels disagree with the ratings for 3 trainee-skill pairs; "
            "run `mentordesk check --repair`"
        ]
    with store.write() as s:
        latest_ratings.rebuild(s)
    with store.read() as s:
        assert latest_ratings.drift(s) == []
        assert s.execute(select(SkillRatingLatest.level)).scalars().all() == [4, 4, 4, 4]


def _march_sessions(store, cohort_uid: str, days: tuple[int, ...]) -> list:
    """Four-hour morning sessions of the cohort on the given days of March 2026."""
    return [
        create_session(
            store,
            held_on=date(2026, 3, day),
            start_time=time(8),
            end_time=time(12),
            location="Bay 2",
            module="",
            task="",
            cohort_uid=cohort_uid,
        )
        for day in days
    ]


def test_period_figures_follow_a_session_moved_or_deleted(any_store):
    """Whole months come from running totals the database keeps; they follow every change."""
    store = any_store
    save_profile(store, "Li Na", "mentor", "Plant")
    cohort = create_cohort(store, "Rolling")
    uid = create_trainee(store, "T1", "Trainee 1", cohort="Rolling").uid
    march = _march_sessions(store, cohort.uid, (2, 9, 16))
    for ws, status in zip(march, ("present", "absent", "late"), strict=True):
        att.mark(store, ws.uid, uid, status)

    def figures(start: date, end: date) -> tuple:
        f = trainee_record(store, uid, start, end).figures
        with store.read() as s:
            tid = s.scalar(select(Trainee.id).where(Trainee.uid == uid))
            # The whole plant's Summary reads part-months from the sessions held in them.
            assert period_figures(s, [tid], start, end, every_trainee=True) == {tid: f}
        return f.sessions, f.present, f.absent, f.late, f.hours

    assert figures(date(2026, 3, 1), date(2026, 3, 31)) == (3, 1, 1, 1, 8.0)
    update_session(store, march[1].uid, held_on=date(2026, 4, 6))
    assert figures(date(2026, 3, 1), date(2026, 3, 31)) == (2, 1, 0, 1, 8.0)
    assert figures(date(2026, 4, 1), date(2026, 4, 30)) == (1, 0, 1, 0, 0.0)
    # A period with part-months at both ends: March 10 to April 6.
    assert figures(date(2026, 3, 10), date(2026, 4, 6)) == (2, 0, 1, 1, 4.0)
    # Ends near a month's edge: March to May counted whole, less March 1-2 (the present of
    # March 2 taken away) and May 26-31.
    assert figures(date(2026, 3, 3), date(2026, 5, 25)) == (2, 0, 1, 1, 4.0)
    delete_session(store, march[0].uid)
    att.mark(store, march[2].uid, uid, "present")
    assert figures(date(2026, 1, 1), date(2026, 12, 31)) == (2, 1, 1, 0, 4.0)
    att.clear_mark(store, march[2].uid, uid)
    assert figures(date(2026, 1, 1), date(2026, 12, 31)) == (1, 0, 1, 0, 0.0)
    with store.read() as s:
        assert attendance_totals.drift(s) == []


def test_a_read_sees_the_database_as_it_was_when_it_began(any_store):
    """A period's figures take several statements (whole months, then the days to add or take
    away): a mark another mentor saves meanwhile must show in none of them, not in some."""
    from mentordesk.core.store import Store
    from mentordesk.core.summary import period_figures

    store = any_store
    save_profile(store, "Li Na", "mentor", "Plant")
    cohort = create_cohort(store, "Snapshot")
    uid = create_trainee(store, "T1", "Trainee 1", cohort="Snapshot").uid
    second, ninth = _march_sessions(store, cohort.uid, (2, 9))
    att.mark(store, ninth.uid, uid, "present")
    other = Store.open(store.engine.url.render_as_string(hide_password=False))
    try:
        with store.read() as s:
            tid = s.execute(text("SELECT id FROM trainee WHERE uid = :u"), {"u": uid}).scalar()
            before = period_figures(s, [tid], date(2026, 3, 1), date(2026, 3, 31))[tid]
            att.mark(other, second.uid, uid, "present")
            during = period_figures(s, [tid], date(2026, 3, 1), date(2026, 3, 31))[tid]
        with store.read() as s:
            after = period_figures(s, [tid], date(2026, 3, 1), date(2026, 3, 31))[tid]
    finally:
        other.close()
    assert (before.sessions, during.sessions, after.sessions) == (1, 1, 2)
