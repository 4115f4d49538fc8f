"""The Summary's levels from each pair's latest rating, which the database keeps (migration 0005).

A period ending on or after the newest rating reads ``skill_rating_latest`` instead of looking
up every trainee and skill; its figures must be exactly those of the lookup, after every kind
of change a rating can go through, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import shutil
import threading
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import delete, insert, inspect, select, text, update

from mentordesk.core import ratings, summary
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.database import alembic_config
from mentordesk.core.export_rows import ExportRows
from mentordesk.core.export_scope import ExportScope
from mentordesk.core.models import Skill, SkillRating, SkillRatingLatest, Trainee
from mentordesk.core.rubrics import current_rubric, load_rubric_file
from mentordesk.core.staff import save_profile
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee
from mentordesk.core.workshop_sessions import create_session
from mentordesk.paths import resources_dir

from .conftest import postgres_store

D = date(2026, 3, 2)
SCHEMA_0004 = Path(__file__).parent / "data" / "schemas" / "schema-0004.db"


@dataclass
class History:
    trainee_ids: list[int]  # database ids
    trainee_uids: list[str]
    skill_uids: list[str]
    skill_ids: list[int]


def _ids(store: Store, uids: list[str], model) -> list[int]:
    with store.read() as s:
        found = dict(s.execute(select(model.uid, model.id).where(model.uid.in_(uids))).all())
    return [found[u] for u in uids]


def _sql(store: Store, statement) -> None:
    with store.write() as s:
        s.execute(statement)


def _rating_id(store: Store, uid: str) -> int:
    return _ids(store, [uid], SkillRating)[0]


def make_history(store: Store) -> History:
    """Ratings through the services, then changed the ways only other programs change them."""
    save_profile(store, "Zhang Wei 张伟", "mentor", "Plant")
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    cohort = create_cohort(store, "Rolling")
    tuids = [create_trainee(store, f"T{n}", f"Trainee {n}", cohort="Rolling").uid for n in range(4)]
    skills = [sk.uid for sk in current_rubric(store).skills[:3]]
    h = History(_ids(store, tuids, Trainee), tuids, skills, _ids(store, skills, Skill))

    def session(day: int, start: int = 8) -> str:
        return create_session(
            store, held_on=D + timedelta(days=day), start_time=time(start),
            end_time=time(start + 4), location="Bay 2", module="", task="", cohort_uid=cohort.uid,
        ).uid  # fmt: skip

    # Two sessions on 03-16: morning and afternoon (one cohort is never in two at once).
    s_a, s_b, s_c1, s_c2, s_d = session(0), session(7), session(14), session(14, 13), session(35)

    def rate(t: int, k: int, level: int, where: str | None = None, on: date | None = None):
        return ratings.rate(store, tuids[t], skills[k], level, session_uid=where, rated_on=on)

    first = rate(0, 0, 2, s_a)
    second = rate(0, 0, 3, s_b)
    rate(0, 0, 4, s_c1)
    same_day = rate(0, 0, 1, s_c2)  # 03-16 twice: the later entry is the latest
    t0_k1_early = rate(0, 1, 3, s_a)
    t0_k1_late = rate(0, 1, 5, s_d)
    rate(1, 0, 2, s_b)
    t1_loose = rate(1, 0, 4, on=D + timedelta(days=18))
    rate(1, 1, 3, s_d)
    rate(1, 1, 5, s_d)  # retyped in the same session: a correction of the level
    rate(2, 2, 4, s_c1)
    rate(2, 2, 1, s_c2)
    t2_latest = rate(2, 2, 2, s_d)

    ratings.clear_rating(store, t2_latest.uid)  # the two of 03-16 tie again
    ratings.clear_rating(store, first.uid)
    ratings.clear_rating(store, second.uid)
    ratings.restore_rating(store, second.uid, ratings.RatingState(3))

    rid = _rating_id
    # Re-dated: an early rating becomes the newest of all, the latest becomes an early one.
    _sql(store, update(SkillRating).where(SkillRating.id == rid(store, second.uid))
         .values(rated_on=D + timedelta(days=49)))  # fmt: skip
    _sql(store, update(SkillRating).where(SkillRating.id == rid(store, same_day.uid))
         .values(rated_on=D - timedelta(days=1)))  # fmt: skip
    # Moved to another trainee, and to another skill.
    _sql(store, update(SkillRating).where(SkillRating.id == rid(store, t1_loose.uid))
         .values(trainee_id=h.trainee_ids[3]))  # fmt: skip
    _sql(store, update(SkillRating).where(SkillRating.id == rid(store, t0_k1_early.uid))
         .values(skill_id=h.skill_ids[2]))  # fmt: skip
    # Hard-deleted: a pair's only rating left, and one already marked deleted.
    _sql(store, delete(SkillRating).where(SkillRating.id == rid(store, t0_k1_late.uid)))
    _sql(store, delete(SkillRating).where(SkillRating.id == rid(store, first.uid)))
    # Written as deleted, newer than everything: it is nobody's latest.
    _sql(store, insert(SkillRating).values(
        uid="written-deleted", trainee_id=h.trainee_ids[1], skill_id=h.skill_ids[1], level=1,
        rated_on=D + timedelta(days=60), evidence="", deleted=True, origin_device="other",
    ))  # fmt: skip
    # A level changed and a deletion undone behind the services' back.
    _sql(store, update(SkillRating).where(SkillRating.id == rid(store, t2_latest.uid))
         .values(deleted=False, level=5))  # fmt: skip
    _sql(store, update(SkillRating).where(SkillRating.id == rid(store, t2_latest.uid))
         .values(deleted=True))  # fmt: skip
    return h


def latest_per_pair(store: Store, start: date | None, end: date | None) -> dict[tuple, tuple]:
    """Each pair's latest rating in the period, computed from every rating the plain way:
    (trainee, skill) -> (trainee, skill, date, level, id); deleted ratings left out."""
    with store.read() as s:
        rows = s.execute(
            select(
                SkillRating.trainee_id, SkillRating.skill_id, SkillRating.rated_on,
                SkillRating.level, SkillRating.id,
            ).where(SkillRating.deleted.is_(False))
        ).all()  # fmt: skip
    latest: dict[tuple, tuple] = {}
    for t, k, on, level, rid in rows:
        if (start is not None and on < start) or (end is not None and on > end):
            continue
        if (t, k) not in latest or (on, rid) > (latest[t, k][2], latest[t, k][4]):
            latest[t, k] = (t, k, on, level, rid)
    return latest


def recomputed(store: Store) -> set[tuple]:
    return set(latest_per_pair(store, None, None).values())


def kept(store: Store) -> set[tuple]:
    with store.read() as s:
        return {
            tuple(r)
            for r in s.execute(
                select(
                    SkillRatingLatest.trainee_id, SkillRatingLatest.skill_id,
                    SkillRatingLatest.rated_on, SkillRatingLatest.level,
                    SkillRatingLatest.rating_id,
                )
            )
        }  # fmt: skip


def levels_in_period(store: Store, start: date | None, end: date | None) -> dict[int, tuple]:
    """Per trainee, from the ratings themselves: skills rated in the period and the mean of
    each one's latest level in it."""
    per_trainee: dict[int, list[int]] = {}
    for t, _k, _on, level, _rid in latest_per_pair(store, start, end).values():
        per_trainee.setdefault(t, []).append(level)
    return {t: (len(v), sum(v) / len(v)) for t, v in per_trainee.items()}


def test_levels_in_any_period_equal_those_read_from_the_ratings(any_store) -> None:
    store = any_store
    h = make_history(store)
    with store.read() as s:
        days = set(s.scalars(select(SkillRating.rated_on)))  # deleted ones' too
    newest = max(r[2] for r in recomputed(store))
    one = timedelta(days=1)
    bounds = sorted(days | {newest - one, newest + one, min(days) - one, date(2026, 3, 31)})
    ends = [None, *bounds]
    starts = [None, *bounds, max(days) + one]

    fast = {}
    for start in starts:
        for end in ends:
            with store.read() as s:
                fast[start, end] = summary.period_figures(s, h.trainee_ids, start, end)
            expected = levels_in_period(store, start, end)
            for tid in h.trainee_ids:
                got = fast[start, end][tid]
                assert (got.skills_rated, got.mean_level) == expected.get(tid, (0, None)), (
                    start,
                    end,
                    tid,
                )

    t0 = h.trainee_ids[0]
    # Open-ended: skill 0's latest is the re-dated rating (3), skill 2 holds the moved one (3).
    assert (fast[None, None][t0].skills_rated, fast[None, None][t0].mean_level) == (2, 3.0)
    # To the end of March, skill 0's latest is 03-16's (4): the re-dated one lies after.
    march = fast[None, date(2026, 3, 31)][t0]
    assert (march.skills_rated, march.mean_level) == (2, 3.5)
    # The same-day tie of trainee 2 goes to the later entry (1), the deleted one counts not.
    assert fast[None, None][h.trainee_ids[2]].mean_level == 1.0
    assert fast[newest + one, None][t0].skills_rated == 0
    assert sum(f.skills_rated for f in fast[None, None].values()) == 6


def test_the_kept_latest_equal_a_recomputation_after_every_change(any_store) -> None:
    store = any_store
    make_history(store)
    assert kept(store) == recomputed(store)
    assert len(kept(store)) == 6


def test_every_trainee_gives_figures_for_exactly_the_ids_given(any_store) -> None:
    store = any_store
    h = make_history(store)
    some = h.trainee_ids[:2]
    for end in (None, date(2026, 3, 31)):
        with store.read() as s:
            asked = summary.period_figures(s, some, None, end)
            everyone = summary.period_figures(s, some, None, end, every_trainee=True)
        assert everyone == asked
        assert set(everyone) == set(some)


def test_summary_of_all_cohorts_lists_each_trainee_not_deleted_with_their_figures(
    any_store,
) -> None:
    store = any_store
    h = make_history(store)
    _sql(store, update(Trainee).where(Trainee.id == h.trainee_ids[3]).values(deleted=True))
    for end in (None, date(2026, 3, 31)):
        with store.read() as s:
            rows = ExportRows(s, ExportScope("", None, end)).summary()
        with store.read() as s:
            asked = summary.period_figures(s, h.trainee_ids[:3], None, end)
        assert [r[0] for r in rows] == ["T0", "T1", "T2"]
        for row, tid in zip(rows, h.trainee_ids[:3], strict=True):
            assert (row[16], row[17]) == (asked[tid].skills_rated, asked[tid].mean_level)
            assert row[8] == asked[tid].sessions and row[18] == asked[tid].notes


def test_downgrade_drops_the_table_and_upgrade_fills_it_again(any_store) -> None:
    store = any_store
    make_history(store)
    config = alembic_config(store.engine)
    command.downgrade(config, "0004")
    assert "skill_rating_latest" not in inspect(store.engine).get_table_names()
    # Without the table's triggers, ratings are written as before.
    _sql(store, update(SkillRating).values(level=2))
    command.upgrade(config, "head")
    assert kept(store) == recomputed(store)
    assert {row[3] for row in kept(store)} == {2}


def test_a_released_database_is_filled_on_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMA_0004, db)
    store = Store.open(db)
    try:
        assert len(kept(store)) > 100
        assert kept(store) == recomputed(store)
    finally:
        store.close()


@pytest.fixture
def pg_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    st = postgres_store(request)
    yield st
    st.close()


def _one_waiting_for_the_other(store: Store, first, second) -> None:
    """Runs ``first`` in a transaction left open, ``second`` in another until it waits on a lock,
    then commits both: the order two mentors' saves reach a shared database."""
    conn = store.engine.connect()
    conn.begin()
    conn.execute(first)
    failed: list[BaseException] = []

    def second_writer() -> None:
        try:
            with store.engine.begin() as other:
                other.execute(second)
        except BaseException as exc:  # reported by the assertion below
            failed.append(exc)

    writer = threading.Thread(target=second_writer)
    writer.start()
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    with store.engine.connect() as watch:
        for _ in range(100):
            if watch.execute(waiting).scalar():
                break
            clock.sleep(0.05)
        else:
            pytest.fail("the second writer never waited for the first")
    conn.commit()
    conn.close()
    writer.join(10)
    assert not writer.is_alive() and failed == []


def test_two_mentors_rating_one_pair_at_once_on_postgresql(pg_store: Store) -> None:
    """The second writer waits for the first, then sees its rating: both kept, no error."""
    store = pg_store
    h = make_history(store)
    t1, k2 = h.trainee_ids[1], h.skill_ids[2]
    row = {"trainee_id": t1, "skill_id": k2, "evidence": "", "origin_device": "pc"}

    def rating(uid: str, level: int, on: date):
        return insert(SkillRating).values(uid=uid, level=level, rated_on=on, **row)

    # Both add to a pair that had no rating: the later of the two is its latest.
    _one_waiting_for_the_other(
        store, rating("pc-1", 4, D), rating("pc-2", 2, D - timedelta(days=1))
    )
    assert kept(store) == recomputed(store)
    assert [r[3] for r in kept(store) if r[:2] == (t1, k2)] == [4]

    # One adds an earlier rating while the other removes the latest: the added one is left.
    removed = update(SkillRating).where(SkillRating.uid == "pc-1").values(deleted=True)
    _one_waiting_for_the_other(store, rating("pc-3", 3, D - timedelta(days=1)), removed)
    assert kept(store) == recomputed(store)
    assert [r[3] for r in kept(store) if r[:2] == (t1, k2)] == [3]
