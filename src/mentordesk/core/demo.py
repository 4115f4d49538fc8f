"""Demo data: a steel plant's rolling and steelmaking order classes over a few weeks, and its
commissioned and on-the-job programmes, each with its layered rubric and posts."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from sqlalchemy import Select, insert, select

from ..paths import resources_dir
from .cohorts import create_cohort
from .demo_entry_rules import add_on_the_job_cohort
from .errors import UserError
from .models import (
    Attendance,
    AuditEvent,
    Cohort,
    Note,
    Skill,
    SkillRating,
    Staff,
    Trainee,
    WorkshopSession,
    new_uid,
    utcnow,
)
from .programmes import create_programme
from .rubrics import load_rubric_file
from .staff import create_staff, save_profile
from .store import Store
from .trainees import is_empty
from .wording import user_text

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "建华",
    "志强",
    "海燕",
    "晓东",
    "文博",
    "子涵",
    "宇航",
    "浩然",
    "思远",
]
LATIN = [
    "Ahmed Karimov",
    "Maria Petrova",
    "Nurlan Abenov",
    "Li Wei (Daniel)",
    "Olga Smirnova",
    "Bekzat Omarov",
    "Anna Kowalska",
    "Rustam Aliyev",
]
NOTES = {
    "teamwork": [
        "Helped the crew during the roll change without being asked.",
        "Shared the tundish watch fairly with the partner; good handover.",
        "主动配合班组完成换辊，沟通及时。",
    ],
    "safety": [
        "Stood inside the crane's swing zone; corrected on the spot.",
        "Checked the lockout tags of the whole crew before entry — exemplary.",
        "未按规定佩戴防护面罩，已当场纠正。",
    ],
    "communication": [
        "Reported a gauge deviation clearly to the shift leader.",
        "交接班记录清楚完整。",
    ],
    "initiative": [
        "Proposed a checklist for the ladle furnace additions.",
        "主动学习测温取样操作规程。",
    ],
    "innovation": ["Suggested marking the sampling positions on the converter platform."],
    "attitude": [
        "Arrived early every day this week, well prepared.",
        "Distracted during the briefing; discussed afterwards.",
        "学习态度认真，笔记详细。",
    ],
}


def load_demo(store: Store, *, today: date | None = None, seed: int = 2025) -> dict[str, int]:
    """Fill an empty database with a realistic demo; returns how many of each record it made."""
    if not is_empty(store):
        raise UserError(
            user_text(
                "Demo",
                "The database already holds trainees; demo data loads only into an empty one",
            )
        )
    rng = random.Random(seed)
    today = today or date.today()
    if store.get_setting("local_staff_uid") == "":
        save_profile(store, "Zhang Wei 张伟", "mentor", "Northbay Iron & Steel Co.")
    create_programme(
        store,
        "Rolling and steelmaking order classes 2025",
        school="Hebei Vocational College of Metallurgy",
        enterprise="Northbay Iron & Steel Co.",
        kind="order_class",
        start_date=date(today.year - 1, 9, 1),
        end_date=date(today.year + 1, 7, 15),
        description="Three weeks of theory at school, then one week on the plant's shop floor.",
    )
    cohorts = {
        "Rolling": create_cohort(
            store,
            "2025 Rolling Order Class",
            programme="Rolling and steelmaking order classes 2025",
            track="Rolling",
        ),
        "Steelmaking": create_cohort(
            store,
            "2025 Steelmaking Order Class",
            programme="Rolling and steelmaking order classes 2025",
            track="Steelmaking",
        ),
    }
    mentors = {
        "Rolling": create_staff(
            store, "Liu Jianguo 刘建国", role="supervisor", organisation="Hot strip mill"
        ),
        "Steelmaking": create_staff(
            store, "Chen Hong 陈红", role="mentor", organisation="BOF steelmaking plant"
        ),
    }
    create_staff(store, "Wang Fang 王芳", role="teacher", organisation="Hebei Vocational College")
    rubric = load_rubric_file(
        store,
        resources_dir() / "rubrics" / "steel-plant-skills.json",
        programme="Rolling and steelmaking order classes 2025",
    )
    _other_programmes(store, today)
    on_the_job = add_on_the_job_cohort(store, today)

    counts = {"trainees": on_the_job, "sessions": 0, "attendance": 0, "ratings": 0, "notes": 0}
    now = utcnow()
    stamp = {"updated_at": now, "origin_device": store.device_id}
    audits: list[dict[str, object]] = []

    def audited(entity: str, uid: str) -> None:
        audits.append(
            {
                "uid": _uid(rng),
                "at": now,
                "actor": store.actor.name,
                "device": store.device_id,
                "entity": entity,
                "entity_uid": uid,
                "action": "create",
                "changes": {"source": "demo"},
            }
        )

    rated = [sk.uid for sk in rubric.skills]
    with store.write() as s:
        cohort_ids = {k: s.scalar(select_id(c.uid, "cohort")) for k, c in cohorts.items()}
        mentor_ids = {k: s.scalar(select_id(m.uid, "staff")) for k, m in mentors.items()}
        skills = {sk.uid: sk for sk in s.scalars(select(Skill).where(Skill.uid.in_(rated)))}
        by_module: dict[str, list[Skill]] = {}
        for sk in skills.values():
            by_module.setdefault(sk.module, []).append(sk)

        number = 20250101
        trainees: dict[str, list[Trainee]] = {}
        for track, size in (("Rolling", 42), ("Steelmaking", 38)):
            people = []
            for i in range(size):
                latin = i % 9 == 4 and LATIN
                name = (
                    LATIN[(i // 9) % len(LATIN)]
                    if latin
                    else (rng.choice(SURNAMES) + rng.choice(GIVEN))
                )
                status = "withdrawn" if i == size - 1 else "active"
                t = Trainee(
                    uid=_uid(rng),
                    trainee_id=str(number),
                    employee_no=f"NB{number % 100000:05d}",
                    name=name,
                    cohort_id=cohort_ids[track],
                    track=track,
                    status=status,
                    email="",
                    enrolled_on=today - timedelta(days=120),
                    left_on=today - timedelta(days=10) if status == "withdrawn" else None,
                    **stamp,
                )
                number += 1
                people.append(t)
            s.add_all(people)
            trainees[track] = people
            counts["trainees"] += len(people)
        s.flush()
        for people in trainees.values():
            for t in people:
                audited("trainee", t.uid)

        # Four shop-floor weeks, the latest one ending today.
        start = today - timedelta(days=27)
        days = [start + timedelta(days=d) for d in range(28)]
        workdays = [d for d in days if d.weekday() < 5]
        for track, people in trainees.items():
            modules = ["Foundation", track]
            ability = {t.uid: rng.uniform(0.6, 1.4) for t in people}
            absent_streak: dict[str, int] = {}
            for n, day in enumerate(workdays):
                module = modules[0] if n < 5 else modules[1]
                ws = WorkshopSession(
                    uid=_uid(rng),
                    held_on=day,
                    start_time=time(8, 0),
                    end_time=time(16, 0),
                    location="Hot strip mill, bay 2"
                    if track == "Rolling"
                    else "BOF shop, platform 3",
                    module=module,
                    task=rng.choice(by_module[module]).name,
                    mentor_id=mentor_ids[track],
                    cohort_id=cohort_ids[track],
                    **stamp,
                )
                s.add(ws)
                s.flush()
                counts["sessions"] += 1
                audited("workshop_session", ws.uid)
                rows = []
                for t in people:
                    if t.left_on and day >= t.left_on:
                        continue
                    streak = absent_streak.get(t.uid, 0)
                    roll = rng.random()
                    if streak or roll < 0.03:
                        status, hours, late = "absent", 0.0, 0
                        absent_streak[t.uid] = (streak or rng.randint(1, 3)) - 1
                    elif roll < 0.07:
                        status, hours, late = "late", 7.5, rng.choice([10, 15, 20, 30])
                    elif roll < 0.09:
                        status, hours, late = "left_early", 6.0, 0
                    elif roll < 0.11:
                        status, hours, late = "excused", 0.0, 0
                    else:
                        status, hours, late = "present", 8.0, 0
                    rows.append(
                        {
                            "uid": _uid(rng),
                            "session_id": ws.id,
                            "trainee_id": t.id,
                            "status": status,
                            "minutes_late": late,
                            "hours": hours,
                            "note": "",
                            "recorded_by_id": mentor_ids[track],
                            "deleted": False,
                            **stamp,
                        }
                    )
                s.execute(insert(Attendance), rows)
                counts["attendance"] += len(rows)
                # Ratings at the end of each week, on that week's module.
                if day.weekday() == 4 or day == workdays[-1]:
                    week = n // 5
                    ratings = []
                    for t in people:
                        if t.left_on and day >= t.left_on:
                            continue
                        for sk in by_module[module]:
                            level = round(1 + week * 0.8 * ability[t.uid] + rng.uniform(-0.5, 0.5))
                            ratings.append(
                                {
                                    "uid": _uid(rng),
                                    "trainee_id": t.id,
                                    "skill_id": sk.id,
                                    "level": max(1, min(5, level)),
                                    "rated_on": day,
                                    "rater_id": mentor_ids[track],
                                    "session_id": ws.id,
                                    "evidence": "Observed on shift" if rng.random() < 0.4 else "",
                                    "deleted": False,
                                    **stamp,
                                }
                            )
                    s.execute(insert(SkillRating), ratings)
                    counts["ratings"] += len(ratings)
                if rng.random() < 0.9:
                    notes = []
                    for t in rng.sample(people, k=rng.randint(2, 5)):
                        category = rng.choice(list(NOTES))
                        notes.append(
                            {
                                "uid": _uid(rng),
                                "trainee_id": t.id,
                                "category": category,
                                "text": rng.choice(NOTES[category]),
                                "author_id": mentor_ids[track],
                                "session_id": ws.id,
                                "written_at": now - timedelta(days=(today - day).days),
                                "deleted": False,
                                **stamp,
                            }
                        )
                    s.execute(insert(Note), notes)
                    counts["notes"] += len(notes)
        s.execute(insert(AuditEvent), audits)
    store.refresh_actor()
    counts["skills"] = len(rubric.skills)
    return counts


def _other_programmes(store: Store, today: date) -> None:
    """A commissioned training and an on-the-job programme with their own layered rubrics,
    and the coordinator and HR who complete the staff, so that a new user sees every kind of
    record on first start."""
    folder = resources_dir() / "rubrics"
    for name, kind, months, rubric in (
        ("Caster operators commissioned training 2025", "commissioned", 36,
         "commissioned-caster-skills.json"),
        ("Mill maintenance on-the-job training", "on_the_job", 6,
         "on-the-job-maintenance-skills.json"),
    ):  # fmt: skip
        create_programme(
            store,
            name,
            school="Hebei Vocational College of Metallurgy",
            enterprise="Northbay Iron & Steel Co.",
            kind=kind,
            start_date=date(today.year, 3, 1),
            end_date=date(today.year, 3, 1) + timedelta(days=months * 30),
        )
        load_rubric_file(store, folder / rubric, programme=name)
    create_staff(
        store, "Zhao Min 赵敏", role="coordinator", organisation="Hebei Vocational College"
    )
    create_staff(store, "Sun Li 孙丽", role="hr", organisation="Northbay Iron & Steel Co.")


def select_id(uid: str, table: str) -> Select[int]:
    if table == "cohort":
        return select(Cohort.id).where(Cohort.uid == uid)
    if table == "staff":
        return select(Staff.id).where(Staff.uid == uid)
    raise KeyError(table)


def _uid(_rng: random.Random) -> str:
    # Random, not seeded: two machines that load the demo must not share record identities.
    return new_uid()
