"""Several raters side by side: the rater's role on every rating, the latest level kept per
role, a programme's composite grade with its parts, and the Ratings sheet's Rater Role."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from mentordesk.cli import main
from mentordesk.core import latest_ratings, ratings
from mentordesk.core.errors import UserError
from mentordesk.core.export_rows import ExportScope
from mentordesk.core.models import Programme, SkillRating, SkillRatingLatest, Trainee
from mentordesk.core.rater_roles import composite, parse_weights, set_programme_weights
from mentordesk.core.store import Store
from mentordesk.core.trainee_record import trainee_record
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

DAY = date(2026, 11, 19)


def _subject(store: Store) -> tuple[str, str]:
    grid = ratings.rating_grid(store, cohort_uid=None, trainee_uid=_trainee(store))
    return grid.trainees[0].uid, grid.skills[0].uid


def _trainee(store: Store) -> str:
    with store.read() as s:
        return s.scalar(select(Trainee.uid).order_by(Trainee.trainee_id))


def _kept(store: Store, trainee_uid: str, skill_uid: str) -> int | None:
    with store.read() as s:
        row = s.execute(
            select(SkillRatingLatest.level)
            .join(SkillRating, SkillRating.id == SkillRatingLatest.rating_id)
            .join(Trainee, Trainee.id == SkillRatingLatest.trainee_id)
            .where(Trainee.uid == trainee_uid, SkillRating.skill.has(uid=skill_uid))
        ).first()
        return row[0] if row else None


def test_a_self_rating_never_overwrites_the_mentors_latest(demo_store):
    t, sk = _subject(demo_store)
    mentor = ratings.rate(demo_store, t, sk, 2, rated_on=DAY)
    self_view = ratings.rate(demo_store, t, sk, 5, rated_on=DAY, role="self")
    # Same day, other role: a rating of its own, not a correction of the mentor's.
    assert self_view.uid != mentor.uid
    assert _kept(demo_store, t, sk) == 2
    ratings.rate(demo_store, t, sk, 4, rated_on=DAY, role="peer")
    assert _kept(demo_store, t, sk) == 2
    with demo_store.read() as s:
        assert latest_ratings.drift(s) == []
    history = next(h for h in trainee_record(demo_store, t).skills if h.skill_uid == sk)
    assert history.sources["mentor"] == 2 and history.sources["self"] == 5
    assert history.sources["peer"] == 4 and history.latest == 2
    # The history the charts draw stays the assessors'; the other sources sit beside it.
    assert {p.role for p in history.points} == {"mentor"}
    assert {p.role for p in history.others} == {"self", "peer"}


def test_each_roles_grid_shows_only_that_roles_ratings(demo_store):
    t, sk = _subject(demo_store)
    ratings.rate(demo_store, t, sk, 3, rated_on=date.today())
    ratings.rate(demo_store, t, sk, 1, rated_on=date.today(), role="self")
    own = ratings.rating_grid(demo_store, trainee_uid=t, role="self")
    assert own.role == "self" and len(own.trainees) == 1
    assert own.cell(t, sk).level == 1
    assert ratings.rating_grid(demo_store, trainee_uid=t).cell(t, sk).level == 3


def test_an_unknown_role_is_refused_naming_the_roles(demo_store):
    t, sk = _subject(demo_store)
    with pytest.raises(UserError, match="not one of: mentor, supervisor, teacher, self, peer"):
        ratings.rate(demo_store, t, sk, 3, role="boss")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("mentor=50,teacher=30", "add up to 80 %, not 100 %"),
        ("mentor=50,mentor=50", "weighed twice"),
        ("mentor=50,boss=50", "not one of"),
        ("mentor=fifty,self=50", "whole percent"),
        ("mentor", "ROLE=PERCENT"),
    ],
)
def test_weights_that_do_not_add_up_are_refused_and_change_nothing(demo_store, text, problem):
    with demo_store.read() as s:
        uid = s.scalar(select(Programme.uid).order_by(Programme.id))
    with pytest.raises(UserError, match=problem):
        set_programme_weights(demo_store, uid, text)
    with demo_store.read() as s:
        assert s.scalar(select(Programme.rating_weights).where(Programme.uid == uid)) == ""


def test_composite_is_reported_with_its_parts_never_a_silent_average(demo_store):
    weights = parse_weights("mentor=50,teacher=30,self=20")
    grade = composite({"mentor": 4, "teacher": 3, "self": 5}, weights)
    assert grade is not None and grade.value == pytest.approx(3.9)
    assert [(p.role, p.weight, p.level) for p in grade.parts] == [
        ("mentor", 50, 4),
        ("teacher", 30, 3),
        ("self", 20, 5),
    ]
    assert grade.describe() == "mentor 4 × 50 % + teacher 3 × 30 % + self 5 × 20 % = 3.90"
    partial = composite({"mentor": 4}, weights)
    assert partial is not None and partial.value is None
    assert "not rated" in partial.describe() and "teacher, self" in partial.describe()
    assert composite({"mentor": 4}, {}) is None


def test_the_record_carries_the_programmes_composite(demo_store):
    t, sk = _subject(demo_store)
    with demo_store.read() as s:
        programme = s.scalar(
            select(Programme.uid).join(Programme.cohorts).join(Trainee).where(Trainee.uid == t)
        )
    set_programme_weights(demo_store, programme, "mentor=60,self=40")
    ratings.rate(demo_store, t, sk, 4, rated_on=DAY)
    ratings.rate(demo_store, t, sk, 2, rated_on=DAY, role="self")
    history = next(h for h in trainee_record(demo_store, t).skills if h.skill_uid == sk)
    assert history.composite is not None
    assert history.composite.value == pytest.approx(3.2)
    assert [p.role for p in history.composite.parts] == ["mentor", "self"]


def test_cli_rates_as_a_role_and_edits_weights(demo_store, capsys):
    db = str(demo_store.path)
    with demo_store.read() as s:
        trainee = s.scalar(select(Trainee).order_by(Trainee.trainee_id))
        tid, programme = trainee.trainee_id, trainee.cohort.programme.name
    code = main(["rate", tid, "F-01", "3", "--role", "self", "--db", db])
    assert code == 0, capsys.readouterr().err
    with demo_store.read() as s:
        roles = set(
            s.scalars(select(SkillRating.rater_role).join(Trainee).where(Trainee.trainee_id == tid))
        )
    assert "self" in roles
    code = main(["rate", tid, "F-01", "3", "--role", "boss", "--db", db])
    assert code != 0 and "not one of" in capsys.readouterr().err
    code = main(["programme", "edit", programme, "--weights", "mentor=50,self=20", "--db", db])
    assert code != 0 and "not 100 %" in capsys.readouterr().err
    code = main(
        ["programme", "edit", programme, "--weights", "mentor=50,teacher=30,self=20", "--db", db]
    )
    assert code == 0 and "mentor=50,teacher=30,self=20" in capsys.readouterr().out
    code = main(["record", tid, "--db", db])
    out = capsys.readouterr().out
    assert code == 0 and "composite:" in out and "self 3" in out


def test_ratings_sheet_ends_with_rater_role_and_import_reads_it(demo_store, tmp_path):
    t, sk = _subject(demo_store)
    ratings.rate(demo_store, t, sk, 4, rated_on=DAY)
    ratings.rate(demo_store, t, sk, 5, rated_on=DAY, role="self")
    scope = ExportScope(start=DAY, end=DAY)
    path = export_results(demo_store, tmp_path / "a.xlsx", scope).path
    wb = load_workbook(path)
    ws = wb["Ratings"]
    header = [c.value for c in ws[1]]
    assert header[-1] == "Rater Role"
    roles = {row[-1] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert roles == {"mentor", "self"}

    other = Store.open(tmp_path / "b.db")
    try:
        prepare_import(path).apply(other)
        with other.read() as s:
            assert set(s.scalars(select(SkillRating.rater_role))) == {"mentor", "self"}
    finally:
        other.close()

    # A workbook from before rater roles: its ratings are the mentor's.
    ws.delete_cols(len(header))
    old = tmp_path / "old.xlsx"
    wb.save(old)
    third = Store.open(tmp_path / "c.db")
    try:
        prepare_import(old).apply(third)
        with third.read() as s:
            assert set(s.scalars(select(SkillRating.rater_role))) == {"mentor"}
    finally:
        third.close()


def test_the_summary_and_the_sheet_count_only_the_assessors_levels(demo_store):
    from mentordesk.core.assessment_summary import compute_summary
    from mentordesk.core.summary import period_figures

    t, sk = _subject(demo_store)
    day, later = date(2026, 11, 10), date(2026, 11, 12)
    ratings.rate(demo_store, t, sk, 1, rated_on=day)
    ratings.rate(demo_store, t, sk, 5, rated_on=day, role="self")
    # A later assessor rating makes the Summary look the period's level up in the ratings.
    ratings.rate(demo_store, t, sk, 2, rated_on=later)
    with demo_store.read() as s:
        trainee = s.scalar(select(Trainee).where(Trainee.uid == t))
        figures = period_figures(s, [trainee.id], day, day)[trainee.id]
        assert figures.skills_rated == 1 and figures.mean_level == 1
        summary = compute_summary(s, trainee, day, day)
    levels = {row["code"]: row["level"] for row in summary["skills"]}
    assert list(levels.values()) == [1]
