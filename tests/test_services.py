"""Services for programmes, cohorts, trainees, staff and rubrics — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from mentordesk.core import cohorts, programmes, rubrics, staff, trainees
from mentordesk.core.errors import Conflict, NotFound, UserError
from mentordesk.core.models import AuditEvent
from mentordesk.core.rubrics import LevelView

LEVELS = [LevelView(1, "Observes"), LevelView(2, "Assisted"), LevelView(3, "Independent")]


def audit_trail(store, uid):
    with store.read() as s:
        rows = s.scalars(
            select(AuditEvent).where(AuditEvent.entity_uid == uid).order_by(AuditEvent.id)
        )
        return [(e.action, e.changes, e.actor, e.device) for e in rows]


def test_trainee_lifecycle_is_audited(any_store):
    t = trainees.create_trainee(
        any_store, " 20250101 ", "王小明", cohort="2025 Rolling", track="Rolling"
    )
    assert (t.trainee_id, t.cohort, t.status) == ("20250101", "2025 Rolling", "active")
    t = trainees.update_trainee(any_store, t.uid, name="王晓明", employee_no="NB001")
    assert (t.name, t.employee_no) == ("王晓明", "NB001")
    t = trainees.withdraw_trainee(any_store, t.uid, on=date(2026, 3, 1))
    assert (t.status, t.left_on) == ("withdrawn", date(2026, 3, 1))

    trail = audit_trail(any_store, t.uid)
    assert [a for a, *_ in trail] == ["create", "update", "withdraw"]
    assert trail[1][1] == {"name": ["王小明", "王晓明"], "employee_no": ["", "NB001"]}
    assert all(device == any_store.device_id for *_, device in trail)


def test_saving_unchanged_values_changes_nothing(any_store):
    t = trainees.create_trainee(any_store, "1", "Anna")
    trainees.update_trainee(any_store, t.uid, name="Anna", trainee_id="1")
    assert [a for a, *_ in audit_trail(any_store, t.uid)] == ["create"]


def test_trainee_ids_are_unique_and_required(any_store):
    trainees.create_trainee(any_store, "20250101", "A")
    with pytest.raises(Conflict, match="20250101 is already used"):
        trainees.create_trainee(any_store, "20250101", "B")
    with pytest.raises(UserError, match="Trainee ID must not be empty"):
        trainees.create_trainee(any_store, "\u3000 ", "C")
    with pytest.raises(UserError, match="Status 'gone'"):
        trainees.create_trainee(any_store, "2", "D", status="gone")
    assert [t.name for t in trainees.list_trainees(any_store)] == ["A"]


def test_trainee_search_matches_id_name_cohort_and_track(any_store):
    trainees.create_trainee(any_store, "20250101", "李明", cohort="Rolling 2025", track="Rolling")
    trainees.create_trainee(
        any_store, "20250102", "Anna Kowalska", cohort="Steel 2025", employee_no="NB77"
    )
    names = lambda q, **kw: [t.name for t in trainees.list_trainees(any_store, q, **kw)]  # noqa: E731
    assert names("李") == ["李明"]
    assert names("kowal") == ["Anna Kowalska"]
    assert names("0102") == ["Anna Kowalska"]
    assert names("nb77") == ["Anna Kowalska"]
    assert names("rolling") == ["李明"]
    assert names("", cohort="Steel 2025") == ["Anna Kowalska"]
    assert names("zzz") == []


def test_inactive_trainees_can_be_hidden(any_store):
    a = trainees.create_trainee(any_store, "1", "Active")
    b = trainees.create_trainee(any_store, "2", "Leaver")
    trainees.withdraw_trainee(any_store, b.uid)
    assert [t.uid for t in trainees.list_trainees(any_store, include_inactive=False)] == [a.uid]


def test_programme_and_cohort_services(any_store):
    p = programmes.create_programme(
        any_store, "Order class 2025", school="Vocational College", enterprise="Steel Co.",
        kind="order_class", start_date=date(2025, 9, 1), end_date=date(2026, 7, 1),
    )  # fmt: skip
    with pytest.raises(Conflict):
        programmes.create_programme(any_store, "Order class 2025")
    with pytest.raises(UserError, match="end date is before"):
        programmes.update_programme(any_store, p.uid, end_date=date(2025, 1, 1))
    with pytest.raises(UserError, match="kind"):
        programmes.create_programme(any_store, "X", kind="holiday")
    c = cohorts.create_cohort(
        any_store, "2025 Rolling", programme="Order class 2025", track="Rolling"
    )
    trainees.create_trainee(any_store, "1", "A", cohort="2025 Rolling")
    assert (c.programme, cohorts.get_cohort(any_store, c.uid).active_trainees) == (
        "Order class 2025",
        1,
    )
    with pytest.raises(NotFound, match="No programme named 'Nope'"):
        cohorts.create_cohort(any_store, "Other", programme="Nope")
    assert [x.name for x in programmes.list_programmes(any_store, "steel")] == ["Order class 2025"]
    with pytest.raises(Conflict, match="used by cohorts: 2025 Rolling"):
        programmes.withdraw_programme(any_store, p.uid)
    cohorts.update_cohort(any_store, c.uid, programme="")
    programmes.withdraw_programme(any_store, p.uid)
    assert programmes.list_programmes(any_store) == []
    assert [x.withdrawn for x in programmes.list_programmes(any_store, include_withdrawn=True)] == [
        True
    ]
    cohorts.update_cohort(any_store, c.uid, name="2025 Rolling A")
    assert [x.name for x in cohorts.list_cohorts(any_store, "rolling")] == ["2025 Rolling A"]
    cohorts.withdraw_cohort(any_store, c.uid)
    assert cohorts.list_cohorts(any_store) == []


def test_staff_and_local_profile(any_store):
    assert staff.local_user(any_store) is None
    me = staff.save_profile(any_store, "Zhang Wei 张伟", "supervisor", "Hot strip mill")
    assert any_store.actor.name == "Zhang Wei 张伟"
    again = staff.save_profile(any_store, "Zhang Wei", "mentor", "Hot strip mill")
    assert again.uid == me.uid and staff.local_user(any_store).role == "mentor"
    teacher = staff.create_staff(any_store, "Wang Fang", role="teacher", organisation="College")
    with pytest.raises(UserError, match="Role 'boss'"):
        staff.create_staff(any_store, "X", role="boss")
    assert [s.name for s in staff.list_staff(any_store, "college")] == ["Wang Fang"]
    staff.withdraw_staff(any_store, teacher.uid)
    assert [s.name for s in staff.list_staff(any_store)] == ["Zhang Wei"]
    # Changes are now attributed to the profile's name.
    t = trainees.create_trainee(any_store, "9", "Someone")
    assert audit_trail(any_store, t.uid)[0][2] == "Zhang Wei"


def test_rubric_versions_levels_and_skills(any_store):
    skills = [
        {"code": "R-01", "area": "Mill", "name": "Roll change", "module": "Rolling",
         "descriptors": ["watches", "assists", "does it"]},
        {"code": "S-01", "name": "Charging", "module": "Steelmaking"},
    ]  # fmt: skip
    r = rubrics.create_rubric(any_store, "Steel skills", LEVELS, skills)
    assert (r.version, r.max_level, r.modules, r.label(2)) == (
        1,
        3,
        ["Rolling", "Steelmaking"],
        "Assisted",
    )
    assert r.skills[0].descriptor(3) == "does it"
    r2 = rubrics.create_rubric(any_store, "Steel skills", LEVELS)
    assert r2.version == 2
    with pytest.raises(UserError, match="numbered 1, 2, 3"):
        rubrics.create_rubric(any_store, "Bad", [LevelView(1, "a"), LevelView(3, "c")])
    with pytest.raises(UserError, match="4 descriptors for a 3-level scale"):
        rubrics.add_skill(any_store, r.uid, {"code": "X", "name": "x", "descriptors": list("abcd")})
    with pytest.raises(Conflict, match="R-01 already exists"):
        rubrics.add_skill(any_store, r.uid, {"code": "R-01", "name": "again"})
    added = rubrics.add_skill(
        any_store, r.uid, {"code": "R-02", "name": "Gauge", "module": "Rolling"}
    )
    rubrics.update_skill(any_store, added.uid, name="Gauge control")
    rubrics.withdraw_skill(any_store, added.uid)
    got = rubrics.get_rubric(any_store, r.uid)
    assert [(s.code, s.name, s.withdrawn) for s in got.skills][-1] == (
        "R-02",
        "Gauge control",
        True,
    )
    assert [x.name for x in rubrics.list_rubrics(any_store, "gauge")] == ["Steel skills"]
    rubrics.withdraw_rubric(any_store, r2.uid)
    assert [x.version for x in rubrics.list_rubrics(any_store)] == [1]
    assert audit_trail(any_store, added.uid)[-1][0] == "withdraw"


def test_shipped_rubric_has_five_described_levels(store):
    from mentordesk.paths import resources_dir

    r = rubrics.load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    assert r.max_level == 5 and len(r.skills) >= 12
    assert all(len(s.descriptors) == 5 and all(s.descriptors) for s in r.skills)
    assert {"Foundation", "Steelmaking", "Rolling"} <= set(r.modules)


def test_invisible_format_characters_never_reach_an_id_or_a_name(store):
    t = trainees.create_trainee(store, "\u202e1010\u202c", "\ufeffAnna\u200b")
    assert (t.trainee_id, t.name) == ("1010", "Anna")
    with pytest.raises(UserError, match="Name must not be empty"):
        trainees.create_trainee(store, "1011", "\u2066\u2069\u200b")


def test_the_trainee_list_is_in_name_order_alike_on_every_database(any_store):
    """Names in pinyin order, Latin names among them alphabetically; equal keys by name in
    code-point order, equal names by trainee ID, however they were added; the same order on
    SQLite and PostgreSQL, whose locale would sort otherwise."""
    for trainee_id, name, cohort in (
        ("T4", "王伟", "2025 Rolling"),
        ("T2", "anna Li", ""),
        ("T9", "Zhou Jie", "2025 Rolling"),
        ("T1", "王伟", "2025 Steelmaking"),
        ("T3", "Anna Li", "2025 Steelmaking"),
        ("T8", "李娜", ""),
    ):
        trainees.create_trainee(
            any_store, trainee_id, name, cohort=cohort, employee_no="E" + trainee_id
        )
    listed = trainees.list_trainees(any_store)
    assert [(t.name, t.trainee_id) for t in listed] == [
        ("Anna Li", "T3"),
        ("anna Li", "T2"),
        ("李娜", "T8"),
        ("王伟", "T1"),
        ("王伟", "T4"),
        ("Zhou Jie", "T9"),
    ]
    assert (listed[3].cohort, listed[3].employee_no, listed[3].status) == (
        "2025 Steelmaking",
        "ET1",
        "active",
    )
    assert [t.trainee_id for t in trainees.list_trainees(any_store, "王")] == ["T1", "T4"]
