"""Job readiness: a trainee's latest levels against a post's targets, as a sentence and as a
cohort matrix."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.core.cohorts import create_cohort
from mentordesk.core.errors import NotFound
from mentordesk.core.posts import get_post, posts_for_trainee
from mentordesk.core.ratings import rate
from mentordesk.core.readiness import cohort_matrix, trainee_readiness
from mentordesk.core.rubric_layers import LevelSpec, PostSpec, RubricSpec, SkillSpec, create_version
from mentordesk.core.rubrics import get_rubric
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, list_trainees
from mentordesk.core.wording import Text

CODES = ("F-01", "F-02", "F-03", "F-04", "R-01", "R-02", "R-03", "R-04", "R-05", "R-06")
TARGETS = dict.fromkeys(CODES[:9], 3) | {"R-05": 4}


def rubric(store: Store) -> dict[str, str]:
    uid = create_version(
        store,
        RubricSpec(
            "Steel",
            tuple(LevelSpec(n, f"L{n}") for n in range(1, 6)),
            skills=tuple(SkillSpec(code, f"Skill {code}") for code in CODES),
            posts=(PostSpec("Rolling-mill operator", tuple(TARGETS.items()), name_zh="轧钢工"),),
        ),
    )
    return {sk.code: sk.uid for sk in get_rubric(store, uid).skills}


def test_the_sentence_counts_skills_at_target_and_says_each_gap(any_store: Store) -> None:
    skills = rubric(any_store)
    trainee = create_trainee(any_store, "T1", "王伟")
    for code in ("F-01", "F-02", "F-03", "F-04", "R-01", "R-02", "R-04"):
        rate(any_store, trainee.uid, skills[code], 4, rated_on=date(2026, 3, 2))
    rate(any_store, trainee.uid, skills["R-03"], 2, rated_on=date(2026, 3, 2))
    rate(any_store, trainee.uid, skills["R-05"], 3, rated_on=date(2026, 3, 1))
    # The latest rating counts, not the best: R-05 fell back to 2.
    rate(any_store, trainee.uid, skills["R-05"], 2, rated_on=date(2026, 3, 9))
    rate(any_store, trainee.uid, skills["R-06"], 1, rated_on=date(2026, 3, 9))  # not in the post
    post = get_post(any_store, "Rolling-mill operator")
    r = trainee_readiness(any_store, trainee.uid, post.uid)
    assert r.sentence() == (
        "ready for Rolling-mill operator: 7 of 9 skills at target; below: R-03 by 1, R-05 by 2"
    )
    assert [(s.code, s.gap) for s in r.below] == [("R-03", 1), ("R-05", 2)]
    assert not r.ready and r.unrated == ()


def test_skills_not_yet_rated_are_listed_apart_and_the_sentence_is_translatable(
    store: Store,
) -> None:
    skills = rubric(store)
    trainee = create_trainee(store, "T1", "Li Wei")
    rate(store, trainee.uid, skills["F-01"], 5, rated_on=date(2026, 3, 2))
    post = get_post(store, "轧钢工")
    r = trainee_readiness(store, trainee.uid, post.uid, language="zh")
    assert r.post == "轧钢工"
    said = r.sentence()
    assert said == "ready for 轧钢工: 1 of 9 skills at target; not yet rated: " + ", ".join(
        c for c in TARGETS if c != "F-01"
    )
    # The window translates each part: the sentence keeps its templates, not only English.
    assert isinstance(said, Text) and said.context == "Readiness"
    assert said.template == "{said}; not yet rated: {codes}"


def test_the_cohort_matrix_has_a_row_per_trainee_and_a_gap_per_post_skill(
    any_store: Store,
) -> None:
    skills = rubric(any_store)
    create_cohort(any_store, "2025 Rolling")
    a = create_trainee(any_store, "T1", "张伟", cohort="2025 Rolling")
    b = create_trainee(any_store, "T2", "Anna", cohort="2025 Rolling")
    create_trainee(any_store, "T3", "Gone", cohort="2025 Rolling", status="withdrawn")
    create_trainee(any_store, "T4", "Elsewhere")
    rate(any_store, a.uid, skills["R-05"], 2, rated_on=date(2026, 3, 2))
    rate(any_store, b.uid, skills["F-01"], 3, rated_on=date(2026, 3, 2))
    post = get_post(any_store, "Rolling-mill operator")
    m = cohort_matrix(any_store, "2025 Rolling", post.uid)
    assert [c.code for c in m.columns] == list(TARGETS)
    assert [c.target for c in m.columns][-1] == 4
    assert [r.name for r in m.rows] == ["Anna", "张伟"]  # pinyin order: anna < zhangwei
    anna, zhang = m.rows
    assert anna.levels[0] == 3 and anna.gaps[0] == 0 and anna.at_target == 1
    assert zhang.levels[-1] == 2 and zhang.gaps[-1] == 2 and zhang.gaps[0] is None
    with pytest.raises(NotFound, match="No cohort named 'Nobody'"):
        cohort_matrix(any_store, "Nobody", post.uid)


def test_the_demo_trainee_trains_for_the_posts_of_their_programme(demo_store: Store) -> None:
    trainee = next(t for t in list_trainees(demo_store) if t.track == "Rolling")
    posts = posts_for_trainee(demo_store, trainee.uid)
    assert "Rolling-mill operator" in [p.name for p in posts]
    assert "Continuous caster operator" not in [p.name for p in posts]
    post = next(p for p in posts if p.name == "Rolling-mill operator")
    r = trainee_readiness(demo_store, trainee.uid, post.uid)
    assert len(r.skills) == 9 and r.sentence().startswith("ready for Rolling-mill operator: ")
    # The job-position skill is taught later: nobody in the demo is rated on it yet.
    assert "R-06" in [s.code for s in r.unrated]
