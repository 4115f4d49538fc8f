"""The five-year database every benchmark shares.

``python -m bench.dataset OUT.db [--years N] [--quick]`` builds a plant's records after N years
of use: about 400 new trainees a year in cohorts of 40 to 180, work–study blocks (weeks at
school, then weeks on the shop floor, two sessions a day), absences that come in streaks and
in winter waves, ratings that improve over a trainee's time, Chinese and English names.

Small records (programmes, cohorts, staff, the rubric) go through the services; the millions of
shop-floor rows go in as bulk ``insert()`` of the store's own model tables, with uid, updated_at
and origin_device set as the services would — the ORM per object would take an hour. The tables
the database derives from them (attendance totals per month, each latest rating) are computed
once at the end by the store's own repair, as ``mentordesk check --repair`` does, instead of by
its triggers row by row, which would dominate the build.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time as clock
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import event, func, insert, select, text

from mentordesk.core.backup import repair_totals
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.database import backup_sqlite, head_revision
from mentordesk.core.models import (
    Attendance,
    Cohort,
    Note,
    Skill,
    SkillRating,
    Staff,
    Trainee,
    WorkshopSession,
)
from mentordesk.core.programmes import create_programme
from mentordesk.core.rubrics import load_rubric_file
from mentordesk.core.staff import create_staff, save_profile
from mentordesk.core.store import Store
from mentordesk.paths import resources_dir

OUT_DIR = Path(__file__).resolve().parent / "out"
# The last day of the data: fixed, so two runs measure the same database.
END = date(2026, 11, 20)
CHUNK = 50_000

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "伟芳娜敏静强磊军洋勇艳杰涛明超霞平刚桂英华玉兰萍鹏辉宇浩然博文子涵思远晓东海燕志国建"
FIRST = [
    "James",
    "Mary",
    "Daniel",
    "Olga",
    "Maria",
    "Ahmed",
    "Anna",
    "Peter",
    "Sarah",
    "Rustam",
    "Nurlan",
    "Emily",
    "Ivan",
    "Grace",
    "Thomas",
    "Aisha",
    "Leo",
    "Chloe",
    "Samuel",
    "Elena",
    "Omar",
    "Lucy",
    "Victor",
    "Hannah",
]
LAST = [
    "Smith",
    "Petrova",
    "Karimov",
    "Kowalska",
    "Abenov",
    "Omarov",
    "Aliyev",
    "Brown",
    "Wilson",
    "Taylor",
    "Novak",
    "Ivanova",
    "Garcia",
    "Martin",
    "Schmidt",
    "Jones",
    "Clarke",
    "Müller",
]
NOTE_TEXT = {
    "teamwork": ["Helped the crew during the roll change.", "主动配合班组完成换辊，沟通及时。"],
    "communication": ["Reported a gauge deviation clearly.", "交接班记录清楚完整。"],
    "safety": ["Stood inside the crane's swing zone; corrected.", "未按规定佩戴防护面罩，已纠正。"],
    "initiative": ["Proposed a checklist for ladle additions.", "主动学习测温取样操作规程。"],
    "innovation": ["Suggested marking sampling positions on the platform."],
    "attitude": ["Arrived early every day this week.", "学习态度认真，笔记详细。"],
}
# (kind, months in training, weeks at school, weeks on the shop floor) per programme.
PROGRAMMES = (
    ("order_class", 24, 2, 2),
    ("concentrated", 12, 1, 3),
    ("on_the_job", 24, 0, 1),
    ("commissioned", 30, 1, 2),
)
STATUS_HOURS = {"present": 8.0, "late": 7.5, "left_early": 6.0, "absent": 0.0, "excused": 0.0}


@dataclass(frozen=True)
class Scale:
    cohorts_per_term: int
    size: tuple[int, int]


FULL = Scale(cohorts_per_term=2, size=(40, 180))
# Quick: smaller cohorts over one year — the same shape, a twenty-fifth of the rows, so that
# ``python -m bench --quick`` (an export of all of it included) stays under two minutes.
QUICK = Scale(cohorts_per_term=2, size=(40, 90))


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _name(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(SURNAMES) + given


def _shop_days(start: date, end: date, school_weeks: int, floor_weeks: int) -> list[date]:
    """Working days of the shop-floor blocks between start and end (Mondays on)."""
    days = []
    monday = start - timedelta(days=start.weekday())
    cycle = school_weeks + floor_weeks
    week = 0
    while monday <= end:
        # Three weeks around New Year and five in summer are holidays.
        holiday = (monday.month == 12 and monday.day > 22) or (monday.month == 1 and monday.day < 8)
        holiday = holiday or monday.month == 8
        if not holiday:
            if week % cycle >= school_weeks:
                days += [
                    d for d in (monday + timedelta(days=i) for i in range(5)) if start <= d <= end
                ]
            week += 1
        monday += timedelta(days=7)
    return days


def _chunks(rows: Iterator[dict]) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def populate(store: Store, years: int, quick: bool, seed: int = 5) -> dict[str, int]:
    """Fill an empty store; returns how many rows of each kind it wrote."""
    rng = random.Random(seed)
    scale = QUICK if quick else FULL
    first_day = END - timedelta(days=round(365.25 * years))
    save_profile(store, "Zhang Wei 张伟", "mentor", "Northbay Iron & Steel Co.")
    rubric = load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    mentors = [
        create_staff(store, f"{_name(rng)}", role=rng.choice(["mentor", "supervisor"]))
        for _ in range(12)
    ]
    for kind, *_ in PROGRAMMES:
        create_programme(
            store,
            f"Northbay {kind.replace('_', ' ')} programme",
            school="Hebei Vocational College of Metallurgy",
            enterprise="Northbay Iron & Steel Co.",
            kind=kind,
            start_date=first_day,
        )
    # Cohorts train for a direction (the job-position modules come after it).
    tracks = [m.name for m in rubric.layers if m.layer == "direction"] or ["Foundation"]

    # Cohorts start each March and September of the window.
    starts = [
        date(y, m, 1)
        for y in range(first_day.year, END.year + 1)
        for m in (3, 9)
        if first_day <= date(y, m, 1) <= END - timedelta(days=30)
    ]
    plans = []
    for n, start in enumerate(starts):
        for k in range(scale.cohorts_per_term):
            kind, months, school, floor = PROGRAMMES[(n + k) % len(PROGRAMMES)]
            track = tracks[(n + k) % len(tracks)]
            name = f"{start.year}-{start.month:02d} {track} {kind.replace('_', ' ')} {k + 1}"
            view = create_cohort(
                store,
                name,
                programme=f"Northbay {kind.replace('_', ' ')} programme",
                track=track,
                start_date=start,
                end_date=start + timedelta(days=months * 30),
            )
            plans.append((view.uid, start, months, school, floor, track, rng.randint(*scale.size)))

    now = datetime.combine(END, time(18), UTC)
    counts = dict.fromkeys(("trainees", "sessions", "attendance", "ratings", "notes"), 0)
    with store.write() as s:
        device = store.device_id
        skills_by_module: dict[str, list[int]] = {}
        for sid, module in s.execute(select(Skill.id, Skill.module)):
            skills_by_module.setdefault(module, []).append(sid)
        mentor_ids = list(
            s.scalars(select(Staff.id).where(Staff.uid.in_([m.uid for m in mentors])))
        )
        number = 100000
        for cohort_uid, start, months, school, floor, track, size in plans:
            cohort_id = s.scalar(select(Cohort.id).where(Cohort.uid == cohort_uid))
            end = min(END, start + timedelta(days=months * 30))
            stamp = {"updated_at": datetime.combine(start, time(9), UTC), "origin_device": device}
            people = []
            for _ in range(size):
                number += 1
                left = (
                    start + timedelta(days=rng.randint(30, months * 30))
                    if rng.random() < 0.06
                    else None
                )
                if left and left > END:
                    left = None
                status = "withdrawn" if left else ("graduated" if end < END else "active")
                people.append(
                    {
                        "uid": _uid(rng),
                        "trainee_id": f"{start.year}{number:06d}",
                        "employee_no": f"NB{number:06d}" if rng.random() < 0.7 else "",
                        "name": _name(rng),
                        "cohort_id": cohort_id,
                        "track": track,
                        "status": status,
                        "email": "",
                        "enrolled_on": start,
                        "left_on": left,
                        "deleted": False,
                        **stamp,
                    }
                )
            s.execute(insert(Trainee), people)
            ids = list(
                s.execute(select(Trainee.id, Trainee.left_on).where(Trainee.cohort_id == cohort_id))
            )
            counts["trainees"] += len(ids)
            days = _shop_days(start, end, school, floor)
            mentor = rng.choice(mentor_ids)
            sessions = []
            for day in days:
                for start_t, end_t in ((time(8), time(12)), (time(13), time(17))):
                    sessions.append(
                        {
                            "uid": _uid(rng),
                            "held_on": day,
                            "start_time": start_t,
                            "end_time": end_t,
                            "location": f"{track} shop, bay {rng.randint(1, 4)}",
                            "module": "Foundation" if day < start + timedelta(days=60) else track,
                            "task": "",
                            "mentor_id": mentor,
                            "cohort_id": cohort_id,
                            "deleted": False,
                            "updated_at": datetime.combine(day, end_t, UTC),
                            "origin_device": device,
                        }
                    )
            if not sessions:
                continue
            s.execute(insert(WorkshopSession), sessions)
            session_rows = list(
                s.execute(
                    select(WorkshopSession.id, WorkshopSession.held_on, WorkshopSession.module)
                    .where(WorkshopSession.cohort_id == cohort_id)
                    .order_by(WorkshopSession.held_on, WorkshopSession.start_time)
                )
            )
            counts["sessions"] += len(session_rows)
            span = max(1, (end - start).days)
            for kind, rows in _shop_rows(
                rng, ids, session_rows, skills_by_module, mentor, device, start, span, now
            ):
                for batch in _chunks(rows):
                    s.execute(insert(kind), batch)
                    counts[_COUNTER[kind]] += len(batch)
    return counts


_COUNTER = {Attendance: "attendance", SkillRating: "ratings", Note: "notes"}


def _shop_rows(rng, trainees, sessions, skills_by_module, mentor, device, start, span, now):
    """Attendance, ratings and notes of one cohort, as three row streams."""
    ability = {tid: rng.uniform(0.5, 1.5) for tid, _ in trainees}
    attendance, ratings, notes = [], [], []
    streak = dict.fromkeys(ability, 0)
    for n, (sid, day, module) in enumerate(sessions):
        stamp = {"updated_at": datetime.combine(day, time(17), UTC), "origin_device": device}
        winter = day.month in (12, 1, 2)
        week_end = (
            n + 1 == len(sessions) or sessions[n + 1][1].isocalendar()[1] != (day.isocalendar()[1])
        )
        progress = (day - start).days / span
        for tid, left in trainees:
            if left is not None and day >= left:
                continue
            # Absences come in streaks (an illness lasts days), more often in winter.
            if streak[tid]:
                status = "absent"
                streak[tid] -= 1
            else:
                roll = rng.random()
                if roll < (0.02 if winter else 0.008):
                    status = "absent"
                    streak[tid] = rng.randint(1, 8)
                elif roll < 0.05:
                    status = "late"
                elif roll < 0.065:
                    status = "left_early"
                elif roll < 0.08:
                    status = "excused"
                else:
                    status = "present"
            attendance.append(
                {
                    "uid": _uid(rng),
                    "session_id": sid,
                    "trainee_id": tid,
                    "held_on": day,
                    "status": status,
                    "minutes_late": rng.choice((5, 10, 15, 30)) if status == "late" else 0,
                    "hours": STATUS_HOURS[status] / 2,
                    "note": "",
                    "recorded_by_id": mentor,
                    "deleted": False,
                    **stamp,
                }
            )
            if status in ("absent", "excused"):
                continue
            if week_end:
                for skill in skills_by_module.get(module, ()) + skills_by_module["Foundation"][:1]:
                    level = 1 + progress * 4 * ability[tid] + rng.uniform(-0.7, 0.7)
                    ratings.append(
                        {
                            "uid": _uid(rng),
                            "trainee_id": tid,
                            "skill_id": skill,
                            "level": max(1, min(5, round(level))),
                            "rated_on": day,
                            "rater_id": mentor,
                            "evidence": "Observed on shift" if rng.random() < 0.3 else "",
                            "session_id": sid,
                            "deleted": False,
                            **stamp,
                        }
                    )
            if rng.random() < 0.11:
                category = rng.choice(list(NOTE_TEXT))
                notes.append(
                    {
                        "uid": _uid(rng),
                        "trainee_id": tid,
                        "category": category,
                        "text": rng.choice(NOTE_TEXT[category]),
                        "author_id": mentor,
                        "written_at": min(now, datetime.combine(day, time(16, 30), UTC)),
                        "session_id": sid,
                        "deleted": False,
                        **stamp,
                    }
                )
    yield Attendance, iter(attendance)
    yield SkillRating, iter(ratings)
    yield Note, iter(notes)


def _fingerprint(years: int, quick: bool) -> str:
    """Changes when this generator or the schema changes, so a stale cache is rebuilt."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + head_revision().encode()).hexdigest()
    return f"{years}y{'-quick' if quick else ''}-{digest[:10]}"


def _bulk_load_pragmas(dbapi_connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA cache_size=-524288")  # 512 MB
    cursor.close()


@contextmanager
def _triggers_set_aside(store: Store) -> Iterator[None]:
    """The database's triggers dropped for the block, then put back as they were and what they
    keep recomputed from the records."""
    with store.write() as s:
        triggers = s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        kept = triggers.all()
        for name, _ in kept:
            s.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    with store.write() as s:
        for _, sql in kept:
            s.execute(text(sql))
    repair_totals(store)


def build(path: Path, years: int, quick: bool) -> dict[str, int]:
    """Write a fresh dataset to ``path`` (replacing it), built beside it and then renamed."""
    path = Path(path)
    partial = path.with_name(path.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    store = Store.open(partial)
    # A generated file, built beside its final name: it needs no durability until the rename,
    # and a page cache that holds the indexes a million inserts walk (with SQLite's default
    # 2 MB they are read again from the OS page by page).
    event.listen(store.engine, "connect", _bulk_load_pragmas)
    store.engine.dispose()
    try:
        with _triggers_set_aside(store):
            counts = populate(store, years, quick)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    return counts


def build_dataset(path: Path | None = None, years: int | None = None, quick: bool = False) -> Path:
    """The shared dataset: built once into ``bench/out`` and reused; copied to ``path`` if given."""
    years = years or (1 if quick else 5)
    cached = OUT_DIR / f"dataset-{_fingerprint(years, quick)}.db"
    if not cached.exists():
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        for stale in OUT_DIR.glob(f"dataset-{years}y{'-quick' if quick else ''}-*.db"):
            stale.unlink()
        build(cached, years, quick)
    if path is None:
        return cached
    backup_sqlite(cached, Path(path))
    return Path(path)


def row_counts(path: Path) -> dict[str, int]:
    store = Store.open(path)
    try:
        with store.read() as s:
            return {
                model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
                for model in (Trainee, WorkshopSession, Attendance, SkillRating, Note)
            }
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dataset", description=__doc__)
    parser.add_argument("out", type=Path, help="database file to write (replaced if it exists)")
    parser.add_argument("--years", type=int, help="years of records (default 5; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="fewer, smaller cohorts")
    args = parser.parse_args(argv)
    if not args.out.parent.is_dir():
        print(f"{args.out.parent}: folder does not exist", file=sys.stderr)
        return 1
    began = clock.perf_counter()
    counts = build(args.out, args.years or (1 if args.quick else 5), args.quick)
    took = clock.perf_counter() - began
    size = args.out.stat().st_size / 1e6
    print(", ".join(f"{n:,} {what}" for what, n in counts.items()))
    print(f"wrote {args.out} ({size:.0f} MB) in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
