"""Layered, versioned rubrics with posts: every rule refuses with the row and field at fault and
changes nothing; a new version leaves the ratings of the old one where they were."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.core import programmes, rubrics
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.errors import Conflict, UserError
from mentordesk.core.models import AuditEvent, Rubric, SkillRating
from mentordesk.core.posts import add_post, get_post, list_posts
from mentordesk.core.ratings import rate
from mentordesk.core.rubric_files import read_rubric_file
from mentordesk.core.rubric_layers import (
    LevelSpec,
    ModuleSpec,
    PostSpec,
    RubricSpec,
    SkillSpec,
    create_version,
)
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee

LEVELS = tuple(LevelSpec(n, f"L{n}", label_zh=f"级{n}") for n in range(1, 6))
MODULES = (
    ModuleSpec("Foundation", "foundation", "基础"),
    ModuleSpec("Rolling", "direction", "轧钢", builds_on="Foundation"),
    ModuleSpec("Mill operator", "job", "轧机操作", builds_on="Rolling"),
)
SKILLS = (
    SkillSpec("F-01", "Safety", "Foundation", name_zh="安全"),
    SkillSpec("R-01", "Reheating", "Rolling", name_zh="加热"),
    SkillSpec("R-03", "Gauge control", "Mill operator", name_zh="厚度控制"),
)
POST = PostSpec("Rolling-mill operator", (("F-01", 3), ("R-03", 4)), name_zh="轧钢工")


def spec(**changes: object) -> RubricSpec:
    values: dict[str, object] = {
        "name": "Steel",
        "levels": LEVELS,
        "modules": MODULES,
        "skills": SKILLS,
        "posts": (POST,),
    }
    values.update(changes)
    return RubricSpec(**values)  # type: ignore[arg-type]


def rubric_count(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count(Rubric.id))) or 0,
            s.scalar(select(func.count(AuditEvent.id))) or 0,
        )


def refused(store: Store, bad: RubricSpec, *words: str) -> str:
    before = rubric_count(store)
    with pytest.raises(UserError) as caught:
        create_version(store, bad)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert rubric_count(store) == before, "a refused rubric changes nothing"
    return message


def test_a_layered_rubric_keeps_its_modules_posts_and_chinese(any_store: Store) -> None:
    view = rubrics.get_rubric(any_store, create_version(any_store, spec()))
    assert [(m.name, m.layer, m.builds_on) for m in view.layers] == [
        ("Foundation", "foundation", ""),
        ("Rolling", "direction", "Foundation"),
        ("Mill operator", "job", "Rolling"),
    ]
    assert [sk.layer for sk in view.skills] == ["foundation", "direction", "job"]
    assert view.skills[2].name_zh == "厚度控制" and view.levels[0].label_zh == "级1"
    (post,) = view.posts
    assert (post.name, post.name_zh) == ("Rolling-mill operator", "轧钢工")
    assert [(t.code, t.target) for t in post.targets] == [("F-01", 3), ("R-03", 4)]
    assert get_post(any_store, "轧钢工") == post
    assert list_posts(any_store, "rolling") == [post]


def test_layers_forming_a_cycle_are_refused_naming_the_module(store: Store) -> None:
    cycle = (
        ModuleSpec("Foundation", "foundation", builds_on="Mill operator"),
        *MODULES[1:],
    )
    message = refused(store, spec(modules=cycle), "modules row 1 (Foundation)", "cycle")
    assert "Foundation → Mill operator → Rolling → Foundation" in message


def test_a_module_building_on_a_later_layer_is_refused(store: Store) -> None:
    backwards = (MODULES[0], ModuleSpec("Rolling", "direction", builds_on="Mill operator"),
                 ModuleSpec("Mill operator", "job"))  # fmt: skip
    refused(store, spec(modules=backwards), "modules row 2 (Rolling)", "'Mill operator'", "job")


def test_an_unknown_layer_and_an_unknown_module_are_refused(store: Store) -> None:
    refused(store, spec(modules=(ModuleSpec("Foundation", "basics"),)), "modules row 1", "basics")
    odd = (*SKILLS, SkillSpec("X-01", "Crane", "Cranes"))
    refused(store, spec(skills=odd), "skills row 4 (X-01)", "'Cranes'")


def test_a_post_naming_a_skill_not_in_the_rubric_is_refused(store: Store) -> None:
    post = PostSpec("Rolling-mill operator", (("F-01", 3), ("R-09", 2)))
    refused(store, spec(posts=(post,)), "posts row 1 (Rolling-mill operator)", "R-09")


def test_a_target_above_the_scale_is_refused(store: Store) -> None:
    post = PostSpec("Rolling-mill operator", (("R-03", 6),))
    refused(store, spec(posts=(post,)), "posts row 1", "target 6 for R-03", "1–5")


def test_two_versions_with_the_same_number_are_refused(store: Store) -> None:
    create_version(store, spec(version=2))
    refused(store, spec(version=2), "'Steel' version 2 already exists")
    assert rubrics.get_rubric(store, create_version(store, spec())).version == 3


def test_adding_a_post_to_a_version_checks_it_the_same_way(store: Store) -> None:
    uid = create_version(store, spec(posts=()))
    with pytest.raises(UserError, match="R-09 is not in the rubric"):
        add_post(store, uid, PostSpec("Roller", (("R-09", 2),)))
    with pytest.raises(UserError, match="outside the scale 1–5"):
        add_post(store, uid, PostSpec("Roller", (("R-01", 0),)))
    assert rubrics.get_rubric(store, uid).posts == ()
    add_post(store, uid, POST)
    with pytest.raises(Conflict, match="already has a post"):
        add_post(store, uid, POST)


def test_a_new_version_leaves_ratings_on_the_old_skill_rows(store: Store) -> None:
    first = rubrics.get_rubric(store, create_version(store, spec()))
    trainee = create_trainee(store, "T1", "王伟")
    rate(store, trainee.uid, first.skills[2].uid, 3, rated_on=date(2026, 3, 2))
    second = rubrics.get_rubric(store, create_version(store, spec()))
    assert second.version == 2 and second.skills[2].uid != first.skills[2].uid
    with store.read() as s:
        (rating,) = s.scalars(select(SkillRating))
        assert rating.skill.uid == first.skills[2].uid and rating.skill.rubric.version == 1
    assert [p.rubric_uid for p in list_posts(store)] == [second.uid]
    assert len(list_posts(store, every_version=True)) == 2


def test_a_programme_in_use_by_a_rubric_is_neither_withdrawn_nor_deleted(store: Store) -> None:
    p = programmes.create_programme(store, "Order class", kind="订单班")
    create_version(store, spec(programme="Order class"))
    for action in (programmes.withdraw_programme, programmes.delete_programme):
        with pytest.raises(Conflict, match="used by rubrics: Steel"):
            action(store, p.uid)
    assert programmes.list_programmes(store)[0].name == "Order class"


def test_a_programme_in_use_by_a_cohort_is_not_deleted(store: Store) -> None:
    p = programmes.create_programme(store, "Order class")
    create_cohort(store, "2025 Rolling", programme="Order class")
    with pytest.raises(Conflict, match="used by cohorts: 2025 Rolling"):
        programmes.delete_programme(store, p.uid)
    unused = programmes.create_programme(store, "Old class")
    programmes.delete_programme(store, unused.uid)
    assert [x.name for x in programmes.list_programmes(store)] == ["Order class"]


def test_a_rubric_for_an_unknown_programme_is_refused(store: Store) -> None:
    refused(store, spec(programme="Nowhere"), "No programme named 'Nowhere'")


def test_a_rubric_file_with_a_bad_target_is_refused_naming_the_key(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "r.json"
    data = {"name": "R", "levels": [{"level": 1, "label": "a"}, {"level": 2, "label": "b"}],
            "skills": [{"code": "A", "name": "x"}],
            "posts": [{"name": "P", "targets": {"A": "high"}}]}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError, match=r"r.json: posts row 1 targets A: 'high' is not a whole"):
        read_rubric_file(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(UserError, match=r"r\.json is not a rubric file: line 1"):
        read_rubric_file(path)


def test_the_shipped_rubric_is_layered_with_posts_and_fully_bilingual(store: Store) -> None:
    from mentordesk.paths import resources_dir

    view = rubrics.load_rubric_file(store, resources_dir() / "rubrics" / "steel-plant-skills.json")
    assert {m.layer for m in view.layers} == {"foundation", "direction", "job"}
    assert view.posts and all(p.name_zh for p in view.posts)
    assert view.name_zh and all(m.name_zh for m in view.layers)
    assert all(lv.label_zh and lv.description_zh for lv in view.levels)
    for sk in view.skills:
        assert sk.name_zh, sk.code
        assert len(sk.descriptors_zh) == len(sk.descriptors) == 5, sk.code
        assert all(sk.descriptors_zh), sk.code


def test_a_skill_added_later_joins_its_module_or_a_new_one(store: Store) -> None:
    uid = create_version(store, spec())
    added = rubrics.add_skill(store, uid, {"code": "R-04", "name": "Coiling", "module": "Rolling"})
    assert added.layer == "direction"
    other = rubrics.add_skill(store, uid, {"code": "C-01", "name": "Casting", "module": "Casting"})
    view = rubrics.get_rubric(store, uid)
    assert other.layer == "direction" and [m.name for m in view.layers][-1] == "Casting"
    moved = rubrics.update_skill(store, added.uid, module="Foundation")
    assert moved.layer == "foundation"
