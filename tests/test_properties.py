"""Properties over generated records: the Summary's figures, and merging results workbooks.

The Summary is checked against a plain recomputation of interchange.md's definitions from the
generated records; merging is checked as a user relies on it: a workbook merged twice changes
nothing the second time, and two mentors' workbooks give the same store in either order.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update

from mentordesk.core.models import (
    ATTENDANCE_STATUSES,
    Attendance,
    Cohort,
    Note,
    Skill,
    SkillRating,
    Trainee,
    WorkshopSession,
)
from mentordesk.core.rubrics import load_rubric_file
from mentordesk.core.store import Store
from mentordesk.core.summary import period_figures
from mentordesk.exchange import workbook_import as merge
from mentordesk.paths import resources_dir

DAY0 = date(2026, 3, 2)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def summary_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(tmp_path_factory.mktemp("props") / "summary.db")
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    with store.write() as s:
        s.add(Cohort(name="Generated"))
    yield store
    store.close()


# Two months and a bit: periods with whole months inside and part-months at their edges.
days = st.integers(min_value=0, max_value=75)
sessions_st = st.lists(st.tuples(days, st.booleans()), min_size=0, max_size=8)


@st.composite
def records(draw: st.DrawFn) -> dict:
    n_trainees = draw(st.integers(1, 4))
    sessions = draw(sessions_st)  # (day, deleted)
    attendance = {}
    for si in range(len(sessions)):
        for ti in range(n_trainees):
            if draw(st.booleans()):
                attendance[(si, ti)] = (
                    draw(st.sampled_from(ATTENDANCE_STATUSES)),
                    draw(st.sampled_from([0.0, 2.5, 4.0, 8.0])),
                    draw(st.booleans()) and draw(st.booleans()),  # deleted, now and then
                )
    ratings = draw(
        st.lists(
            st.tuples(
                st.integers(0, n_trainees - 1),
                st.integers(0, 3),  # skill
                st.integers(1, 5),  # level
                days,
                st.booleans(),  # deleted
            ),
            max_size=12,
        )
    )
    notes = draw(
        st.lists(
            st.tuples(st.integers(0, n_trainees - 1), days, st.integers(0, 23), st.booleans()),
            max_size=8,
        )
    )
    start = draw(st.none() | days)
    end = draw(st.none() | days)
    return {
        "trainees": n_trainees,
        "sessions": sessions,
        "attendance": attendance,
        "ratings": ratings,
        "notes": notes,
        "start": None if start is None else DAY0 + timedelta(days=start),
        "end": None if end is None else DAY0 + timedelta(days=end),
    }


def _store_records(store: Store, rec: dict) -> list[int]:
    """Write the generated records (replacing the last example's); returns trainee ids."""
    stamp = {"updated_at": datetime(2026, 1, 1, tzinfo=UTC), "origin_device": "gen"}
    with store.write() as s:
        for model in (Attendance, SkillRating, Note, WorkshopSession, Trainee):
            s.execute(delete(model))
        cohort_id = s.scalar(select(Cohort.id))
        skill_ids = list(s.scalars(select(Skill.id).order_by(Skill.id)))[:4]
        tids = []
        for i in range(rec["trainees"]):
            t = Trainee(trainee_id=f"T{i}", name=f"Trainee {i}", cohort_id=cohort_id, **stamp)
            s.add(t)
            s.flush()
            tids.append(t.id)
        # Every other session and attendance record is first written wrong (another month,
        # the other deletion mark, another status) and then corrected, and a few records are
        # written and removed: the database's running totals must follow every kind of change.
        sids = []
        for n, (day, deleted) in enumerate(rec["sessions"]):
            wrong = n % 2 == 1
            ws = WorkshopSession(
                held_on=DAY0 + timedelta(days=day + (33 if wrong else 0)),
                cohort_id=cohort_id,
                deleted=deleted != wrong,
                **stamp,
            )
            s.add(ws)
            s.flush()
            sids.append(ws.id)
        rows = [
            {"session_id": sids[si], "trainee_id": tids[ti], "status": status, "hours": hours,
             "deleted": deleted, "uid": f"a-{si}-{ti}", **stamp}
            for (si, ti), (status, hours, deleted) in rec["attendance"].items()
        ]  # fmt: skip
        for n, row in enumerate(rows):
            if n % 2:
                row.update(status="absent", hours=1.25, deleted=not row["deleted"])
        if rows:
            s.execute(insert(Attendance), rows)
        for n, ((si, ti), (status, hours, deleted)) in enumerate(rec["attendance"].items()):
            if n % 2:
                s.execute(
                    update(Attendance)
                    .where(Attendance.uid == f"a-{si}-{ti}")
                    .values(status=status, hours=hours, deleted=deleted)
                )
        for n, (day, deleted) in enumerate(rec["sessions"]):
            if n % 2:
                s.execute(
                    update(WorkshopSession)
                    .where(WorkshopSession.id == sids[n])
                    .values(held_on=DAY0 + timedelta(days=day), deleted=deleted)
                )
        extra = [
            {"session_id": sid, "trainee_id": tid, "status": "present", "hours": 3.0,
             "uid": f"x-{sid}-{tid}", **stamp}
            for sid in sids[:2]
            for tid in tids
            if (sids.index(sid), tids.index(tid)) not in rec["attendance"]
        ]  # fmt: skip
        if extra:
            s.execute(insert(Attendance), extra)
            s.execute(delete(Attendance).where(Attendance.uid.like("x-%")))
        # Ratings too: every other one first belongs to the next trainee and skill, 40 days
        # later, at another level and the other deletion mark; then one late rating per
        # trainee is written and removed. The kept latest ratings must follow each change.
        for n, (ti, sk, level, day, deleted) in enumerate(rec["ratings"]):
            wrong = n % 2 == 1
            s.add(
                SkillRating(
                    uid=f"r-{n}", trainee_id=tids[(ti + wrong) % len(tids)],
                    skill_id=skill_ids[(sk + wrong) % 4], level=6 - level if wrong else level,
                    rated_on=DAY0 + timedelta(days=day + (40 if wrong else 0)),
                    deleted=deleted != wrong, **stamp,
                )
            )  # fmt: skip
        s.flush()
        for n, (ti, sk, level, day, deleted) in enumerate(rec["ratings"]):
            if n % 2:
                s.execute(
                    update(SkillRating)
                    .where(SkillRating.uid == f"r-{n}")
                    .values(trainee_id=tids[ti], skill_id=skill_ids[sk], level=level,
                            rated_on=DAY0 + timedelta(days=day), deleted=deleted)
                )  # fmt: skip
        late = [
            {"trainee_id": tid, "skill_id": skill_ids[0], "level": 5, "uid": f"y-{tid}",
             "rated_on": DAY0 + timedelta(days=80), **stamp}
            for tid in tids
        ]  # fmt: skip
        s.execute(insert(SkillRating), late)
        s.execute(delete(SkillRating).where(SkillRating.uid.like("y-%")))
        for n, (ti, day, hour, deleted) in enumerate(rec["notes"]):
            at = datetime.combine(DAY0 + timedelta(days=day), time(hour), UTC)
            s.add(
                Note(uid=f"n-{n}", trainee_id=tids[ti], text="x", written_at=at, deleted=deleted,
                     **stamp)
            )  # fmt: skip
    return tids


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def expected_figures(rec: dict, ti: int) -> dict:
    """interchange.md's Summary definitions, computed the plain way."""
    start, end = rec["start"], rec["end"]
    statuses = [
        (status, hours)
        for (si, t), (status, hours, deleted) in rec["attendance"].items()
        if t == ti
        and not deleted
        and not rec["sessions"][si][1]
        and _within(DAY0 + timedelta(days=rec["sessions"][si][0]), start, end)
    ]
    latest: dict[int, tuple] = {}
    for n, (t, sk, level, day, deleted) in enumerate(rec["ratings"]):
        if t == ti and not deleted and _within(DAY0 + timedelta(days=day), start, end):
            key = (day, n)  # the latest by date, then by order of entry
            if sk not in latest or key > latest[sk][0]:
                latest[sk] = (key, level)
    levels = [level for _, level in latest.values()]
    return {
        "sessions": len(statuses),
        **{s: sum(1 for st_, _ in statuses if st_ == s) for s in ATTENDANCE_STATUSES},
        "hours": sum(h for _, h in statuses),
        "skills_rated": len(levels),
        "mean_level": sum(levels) / len(levels) if levels else None,
        "notes": sum(
            1
            for t, day, _, deleted in rec["notes"]
            if t == ti and not deleted and _within(DAY0 + timedelta(days=day), start, end)
        ),
    }


def _check_figures(store: Store, tids: list[int], rec: dict) -> None:
    with store.read() as s:
        got = period_figures(s, tids, rec["start"], rec["end"])
        # The generated trainees are all there are: asking for everyone gives the same.
        assert period_figures(s, tids, rec["start"], rec["end"], every_trainee=True) == got
    for ti, tid in enumerate(tids):
        f = got[tid]
        want = expected_figures(rec, ti)
        assert {k: getattr(f, k) for k in want if k != "mean_level"} == {
            k: v for k, v in want.items() if k != "mean_level"
        }, (rec["start"], rec["end"])
        assert f.mean_level == pytest.approx(want["mean_level"])
        rate = f.attendance_rate
        divisor = want["sessions"] - want["excused"]
        if divisor == 0:
            assert rate is None
        else:
            assert 0.0 <= rate <= 1.0
            attended = want["present"] + want["late"] + want["left_early"]
            assert rate == pytest.approx(attended / divisor)


@SETTINGS
@given(rec=records())
def test_summary_figures_match_their_definition(summary_store: Store, rec: dict) -> None:
    _check_figures(summary_store, _store_records(summary_store, rec), rec)


def test_summary_figures_for_periods_cut_anywhere_in_a_month(summary_store: Store) -> None:
    """A session every day for two and a half months, and periods starting and ending on
    either side of every month's middle: a part-month is read as it is or as its whole month
    less the rest, and either way the figures are the plain count."""
    n_days = 76  # 2026-03-02 to 2026-05-16: whole months and part-months at both ends
    statuses = ATTENDANCE_STATUSES
    attendance = {
        (day, ti): (statuses[(day + ti) % len(statuses)], (0.0, 2.5, 4.0, 8.0)[day % 4],
                    day % 13 == ti)
        for day in range(n_days)
        for ti in range(2)
        if (day + ti) % 9
    }  # fmt: skip
    rec = {
        "trainees": 2,
        "sessions": [(day, day % 17 == 5) for day in range(n_days)],
        "attendance": attendance,
        "ratings": [],
        "notes": [],
    }
    tids = _store_records(summary_store, rec)
    cuts = sorted({*range(0, n_days, 4), 28, 29, 30, 31, 32, 58, 59, 60, 61, 62, n_days - 1})
    bounds = [None, *(DAY0 + timedelta(days=d) for d in cuts)]
    for start in bounds:
        for end in bounds:
            _check_figures(summary_store, tids, dict(rec, start=start, end=end))


# -- merging ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plant's shared set-up every mentor's machine starts from: the rubric."""
    path = tmp_path_factory.mktemp("merge") / "base.db"
    store = Store.open(path)
    load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    store.close()
    return path


def machine(base: Path, folder: Path, name: str) -> Store:
    """A copy of the shared set-up with its own device id, as a second PC would have."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.db"
    shutil.copy(base, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE setting SET value = ? WHERE key = 'device_id'", (f"pc-{name}",))
    conn.close()
    return Store.open(path)


work = st.lists(
    st.tuples(
        st.integers(0, 3),  # trainee
        st.integers(0, 5),  # day
        st.sampled_from(ATTENDANCE_STATUSES),
        st.none() | st.integers(1, 5),  # a rating of the first skill that day
        st.none() | st.sampled_from(["teamwork", "safety", "attitude"]),  # a note
    ),
    min_size=1,
    max_size=10,
)


def record_work(store: Store, who: str, entries: list) -> None:
    """A mentor's week through the services: own cohort, trainees, sessions, marks, ratings."""
    from mentordesk.core.attendance import mark
    from mentordesk.core.cohorts import create_cohort
    from mentordesk.core.notes import add_note
    from mentordesk.core.ratings import rate
    from mentordesk.core.rubrics import current_rubric
    from mentordesk.core.trainees import create_trainee
    from mentordesk.core.workshop_sessions import create_session

    cohort = create_cohort(store, f"Cohort {who}")
    skill = current_rubric(store).skills[0].uid
    trainees: dict[int, str] = {}
    sessions: dict[int, str] = {}
    for ti, day, status, level, note in entries:
        if ti not in trainees:
            trainees[ti] = create_trainee(
                store, f"{who}{ti}", f"{who} {ti}", cohort=cohort.name
            ).uid
        if day not in sessions:
            sessions[day] = create_session(
                store, held_on=DAY0 + timedelta(days=day), start_time=time(8),
                end_time=time(12), location="Bay 1", module="Foundation", task="",
                cohort_uid=cohort.uid,
            ).uid  # fmt: skip
        mark(store, sessions[day], trainees[ti], status)
        if level is not None:
            rate(store, trainees[ti], skill, level, session_uid=sessions[day])
        if note is not None:
            add_note(store, trainees[ti], note, f"{who} noted {note}", session_uid=sessions[day])


def content(store: Store) -> dict[str, list]:
    """What a user sees of the store: every round-trip sheet an export writes, in order."""
    from mentordesk.core.export_columns import ROUND_TRIP
    from mentordesk.core.export_rows import ExportRows
    from mentordesk.core.export_scope import ExportScope

    with store.read() as s:
        rows = ExportRows(s, ExportScope())
        return {sheet: sorted(map(repr, getattr(rows, sheet.lower())())) for sheet in ROUND_TRIP}


def export(store: Store, path: Path) -> Path:
    from mentordesk.exchange.results_export import export_results

    export_results(store, path)
    return path


def merge_file(store: Store, path: Path) -> None:
    report = merge.prepare_import(path).apply(store)
    assert not [o for o in report.outcomes if o.outcome in ("rejected", "conflict")], report.lines()


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(a=work, b=work)
def test_merging_is_idempotent_and_order_free(
    base_db: Path, tmp_path_factory: pytest.TempPathFactory, a: list, b: list
) -> None:
    folder = tmp_path_factory.mktemp("m")
    files = {}
    for who, entries in (("A", a), ("B", b)):
        source = machine(base_db, folder, who)
        try:
            record_work(source, who, entries)
            files[who] = export(source, folder / f"{who}.xlsx")
        finally:
            source.close()

    x = machine(base_db, folder, "x")
    y = machine(base_db, folder, "y")
    try:
        merge_file(x, files["A"])
        once = content(x)
        merge_file(x, files["A"])
        assert content(x) == once, "merging the same workbook again changed it"

        merge_file(x, files["B"])
        merge_file(y, files["B"])
        merge_file(y, files["A"])
        assert content(x) == content(y), "A then B differs from B then A"
    finally:
        x.close()
        y.close()
