"""Skill ratings: the rubric's scale, corrections within a session, the grid, undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from mentordesk.core import ratings
from mentordesk.core.errors import UserError
from mentordesk.core.models import SkillRating
from mentordesk.core.rubrics import current_rubric
from mentordesk.core.workshop_sessions import copy_session, list_recent_sessions


@pytest.fixture
def latest(demo_store):
    return next(
        s for s in list_recent_sessions(demo_store, 2) if s.cohort == "2025 Rolling Order Class"
    )


def _count(store):
    with store.read() as s:
        return s.scalar(
            select(func.count()).select_from(SkillRating).where(SkillRating.deleted.is_(False))
        )


def test_grid_shows_session_rating_and_previous_level(demo_store, latest):
    grid = ratings.rating_grid(demo_store, latest.uid)
    assert grid.module == "Rolling"
    assert {sk.module for sk in grid.skills} == {"Rolling"}
    assert len(grid.trainees) == 41
    rated = [c for c in grid.cells.values() if c.level is not None]
    assert rated and all(c.previous_level is not None for c in rated)
    assert [lv.label for lv in grid.levels][:3] == ["Observes", "Assisted", "Independent"]


def test_rating_in_a_new_session_shows_last_level_as_previous(demo_store, latest):
    today = copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=3))
    before = ratings.rating_grid(demo_store, latest.uid)
    trainee = before.trainees[0]
    skill = before.skills[0]
    was = before.cell(trainee.uid, skill.uid).level
    view = ratings.rate(demo_store, trainee.uid, skill.uid, 5, session_uid=today.uid)
    assert view.rated_on == today.held_on
    cell = ratings.rating_grid(demo_store, today.uid).cell(trainee.uid, skill.uid)
    assert (cell.level, cell.previous_level) == (5, was)


def test_retyping_in_the_same_session_corrects_instead_of_adding(demo_store, latest):
    grid = ratings.rating_grid(demo_store, latest.uid)
    t, sk = grid.trainees[1], grid.skills[1]
    n = _count(demo_store)
    first = ratings.rate(demo_store, t.uid, sk.uid, 2, session_uid=latest.uid, evidence="Watched")
    again = ratings.rate(demo_store, t.uid, sk.uid, 3, session_uid=latest.uid)
    assert first.uid == again.uid
    assert again.previous == ratings.RatingState(2, "Watched")
    assert _count(demo_store) == n
    assert ratings.rating_grid(demo_store, latest.uid).cell(t.uid, sk.uid).level == 3


@pytest.mark.parametrize("level", [0, 6, -1, "x", "2.5"])
def test_levels_off_the_scale_are_refused(demo_store, latest, level):
    grid = ratings.rating_grid(demo_store, latest.uid)
    n = _count(demo_store)
    with pytest.raises(UserError, match="from 1 to 5"):
        ratings.rate(demo_store, grid.trainees[0].uid, grid.skills[0].uid, level)
    assert _count(demo_store) == n


def test_new_rating_undo_and_redo(store_with_rubric):
    store, trainee_uid, skill_uid = store_with_rubric
    view = ratings.rate(store, trainee_uid, skill_uid, 2, rated_on=date(2026, 1, 5))
    assert view.previous.deleted
    ratings.restore_rating(store, view.uid, view.previous)
    assert _count(store) == 0
    ratings.restore_rating(store, view.uid, ratings.RatingState(2))
    assert _count(store) == 1
    cleared = ratings.clear_rating(store, view.uid)
    assert cleared.previous == ratings.RatingState(2) and _count(store) == 0


def test_cohort_grid_shows_latest_and_the_one_before(store_with_rubric):
    store, trainee_uid, skill_uid = store_with_rubric
    ratings.rate(store, trainee_uid, skill_uid, 1, rated_on=date(2026, 1, 5))
    ratings.rate(store, trainee_uid, skill_uid, 3, rated_on=date(2026, 2, 5))
    from mentordesk.core.cohorts import list_cohorts

    grid = ratings.rating_grid(store, cohort_uid=list_cohorts(store)[0].uid, module="Foundation")
    cell = grid.cell(trainee_uid, skill_uid)
    assert (cell.level, cell.previous_level) == (3, 1)
    assert grid.label(3) == "Independent"


@pytest.fixture
def store_with_rubric(store):
    from mentordesk.core.rubrics import load_rubric_file
    from mentordesk.core.trainees import create_trainee
    from mentordesk.paths import resources_dir

    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    t = create_trainee(store, "1", "王伟", cohort="Rolling")
    skill = next(sk for sk in current_rubric(store).skills if sk.module == "Foundation")
    return store, t.uid, skill.uid


def test_correcting_the_level_can_keep_the_evidence(demo_store, latest):
    grid = ratings.rating_grid(demo_store, latest.uid)
    t, sk = grid.trainees[2].uid, grid.skills[2].uid
    ratings.rate(demo_store, t, sk, 2, session_uid=latest.uid, evidence="Changed rolls alone")
    ratings.rate(demo_store, t, sk, 3, session_uid=latest.uid, evidence=None)
    cell = ratings.rating_grid(demo_store, latest.uid).cell(t, sk)
    assert (cell.level, cell.evidence) == (3, "Changed rolls alone")


def test_rating_outside_a_session_corrects_that_days_rating_only(store_with_rubric):
    store, trainee_uid, skill_uid = store_with_rubric
    day = date(2026, 3, 2)
    first = ratings.rate(store, trainee_uid, skill_uid, 2, rated_on=day, evidence="Slow")
    again = ratings.rate(store, trainee_uid, skill_uid, 4, rated_on=day, evidence=None)
    assert again.uid == first.uid and again.previous == ratings.RatingState(2, "Slow")
    assert (again.level, again.evidence) == (4, "Slow")
    assert _count(store) == 1
    next_day = ratings.rate(store, trainee_uid, skill_uid, 5, rated_on=day + timedelta(days=1))
    assert next_day.uid != first.uid and next_day.previous.deleted
    assert _count(store) == 2


def test_a_rating_in_a_session_is_not_corrected_by_one_outside_it(demo_store, latest):
    grid = ratings.rating_grid(demo_store, latest.uid)
    t, sk = grid.trainees[3].uid, grid.skills[3].uid
    inside = ratings.rate(demo_store, t, sk, 2, session_uid=latest.uid)
    n = _count(demo_store)
    outside = ratings.rate(demo_store, t, sk, 4, rated_on=latest.held_on)
    assert outside.uid != inside.uid and _count(demo_store) == n + 1
    assert ratings.rating_grid(demo_store, latest.uid).cell(t, sk).level == 2


def test_a_rating_of_someone_or_something_not_there_is_refused_by_name(demo_store, latest):
    from sqlalchemy import update

    from mentordesk.core.errors import NotFound
    from mentordesk.core.models import Skill

    grid = ratings.rating_grid(demo_store, latest.uid)
    t, sk = grid.trainees[0].uid, grid.skills[0].uid
    n = _count(demo_store)
    with pytest.raises(NotFound, match="No trainee with id nobody"):
        ratings.rate(demo_store, "nobody", sk, 3, session_uid=latest.uid)
    with pytest.raises(NotFound, match="No skill with id nothing"):
        ratings.rate(demo_store, t, "nothing", 3, session_uid=latest.uid)
    with pytest.raises(NotFound, match="No session with id never"):
        ratings.rate(demo_store, t, sk, 3, session_uid="never")
    # The level is judged before the session is looked for.
    with pytest.raises(UserError, match="from 1 to 5"):
        ratings.rate(demo_store, t, sk, 9, session_uid="never")
    with demo_store.write() as s:
        s.execute(update(Skill).where(Skill.uid == sk).values(deleted=True))
    with pytest.raises(NotFound, match=f"No skill with id {sk}"):
        ratings.rate(demo_store, t, sk, 3, session_uid=latest.uid)
    assert _count(demo_store) == n


def test_an_empty_session_id_rates_outside_any_session(store_with_rubric):
    store, trainee_uid, skill_uid = store_with_rubric
    view = ratings.rate(store, trainee_uid, skill_uid, 3, rated_on=date(2026, 3, 2), session_uid="")
    assert (view.session_uid, view.rated_on, view.level) == (None, date(2026, 3, 2), 3)
    assert _count(store) == 1


def test_a_rating_of_a_removed_trainee_or_session_is_refused(demo_store, latest):
    from sqlalchemy import update

    from mentordesk.core.errors import NotFound
    from mentordesk.core.models import Trainee
    from mentordesk.core.workshop_sessions import delete_session

    grid = ratings.rating_grid(demo_store, latest.uid)
    t, sk = grid.trainees[0].uid, grid.skills[0].uid
    spare = copy_session(demo_store, latest.uid, latest.held_on + timedelta(days=5))
    delete_session(demo_store, spare.uid)
    n = _count(demo_store)
    with pytest.raises(NotFound, match=f"No session with id {spare.uid}"):
        ratings.rate(demo_store, t, sk, 3, session_uid=spare.uid)
    with demo_store.write() as s:
        s.execute(update(Trainee).where(Trainee.uid == t).values(deleted=True))
    with pytest.raises(NotFound, match=f"No trainee with id {t}"):
        ratings.rate(demo_store, t, sk, 3, session_uid=latest.uid)
    assert _count(demo_store) == n
