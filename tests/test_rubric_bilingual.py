"""Rubric texts in two languages: the text in the language asked for, falling back to the other;
the Skills sheet carries both, out and back in."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from mentordesk.core.models import Rubric
from mentordesk.core.rubric_layers import (
    LevelSpec,
    ModuleSpec,
    PostSpec,
    RubricSpec,
    SkillSpec,
    create_version,
)
from mentordesk.core.rubric_text import in_language, rubric_in
from mentordesk.core.rubrics import get_rubric
from mentordesk.core.store import Store
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import


def test_a_text_falls_back_to_the_other_language() -> None:
    assert in_language("Safety", "安全", "zh_CN") == "安全"
    assert in_language("Safety", "安全", "en") == "Safety"
    assert in_language("Safety", "", "zh") == "Safety"
    assert in_language("", "安全", "en") == "安全"


def test_a_rubric_in_chinese_shows_every_text_in_chinese_or_else_english(store: Store) -> None:
    uid = create_version(
        store,
        RubricSpec(
            "Steel",
            (LevelSpec(1, "Observes", label_zh="观察"), LevelSpec(2, "Independent")),
            (ModuleSpec("Rolling", "direction", "轧钢方向"),),
            (
                SkillSpec(
                    "R-01",
                    "Reheating",
                    "Rolling",
                    name_zh="加热炉操作",
                    descriptors=("Names zones", "Runs it"),
                    descriptors_zh=("说出各段",),
                ),
            ),
            (PostSpec("Rolling-mill operator", (("R-01", 2),), name_zh="轧钢工"),),
            name_zh="钢铁技能",
        ),
    )
    zh = rubric_in(get_rubric(store, uid), "zh")
    assert zh.name == "钢铁技能"
    assert [lv.label for lv in zh.levels] == ["观察", "Independent"]
    (skill,) = zh.skills
    assert (skill.name, skill.module) == ("加热炉操作", "轧钢方向")
    assert skill.descriptors == ("说出各段", "Runs it")
    assert zh.layers[0].name == "轧钢方向" and zh.posts[0].name == "轧钢工"
    en = rubric_in(get_rubric(store, uid), "en")
    assert (en.skills[0].name, en.posts[0].name) == ("Reheating", "Rolling-mill operator")


def test_the_skills_sheet_carries_the_chinese_texts(demo_store: Store, tmp_path: Path) -> None:
    out = export_results(demo_store, tmp_path / "results.xlsx").path
    wb = load_workbook(out, read_only=True)
    rows = list(wb["Skills"].iter_rows(values_only=True))
    wb.close()
    head = list(rows[0])
    # Added after every column the sheet had: nothing moved.
    assert head[: head.index("Updated At") + 1][-4:] == [
        "Level Labels",
        "UID",
        "Rubric UID",
        "Updated At",
    ]
    assert head[head.index("Updated At") + 1 :] == ["Skill (zh)"] + [
        f"Level {n} (zh)" for n in range(1, 6)
    ]
    r03 = next(dict(zip(head, r, strict=True)) for r in rows[1:] if r[2] == "R-03")
    assert r03["Skill (zh)"] == "轧制规程与厚度控制"
    assert r03["Level 3 (zh)"] == "按规程轧制达到厚度公差"


def test_a_skills_sheet_with_chinese_columns_gives_a_bilingual_rubric(
    store: Store, tmp_path: Path
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Skills"
    ws.append(["Code", "Skill", "Module", "Level 1", "Level 2", "技能（中文）", "等级1（中文）",
               "Level 2 (zh)"])  # fmt: skip
    ws.append(["R-01", "Roll change", "Rolling", "Watches", "Runs", "换辊", "观察", "独立完成"])
    path = tmp_path / "Rolling.xlsx"
    wb.save(path)
    report = prepare_import(path).apply(store)
    assert report.ignored_columns == []
    with store.read() as s:
        rubric = s.scalar(select(Rubric))
        (skill,) = rubric.skills
        assert (skill.name_zh, skill.descriptors_zh) == ("换辊", ["观察", "独立完成"])
        assert skill.module_record is not None and skill.module_record.layer == "direction"
    # The same sheet again is the same version; without its Chinese columns too.
    ws.delete_cols(6, 3)
    wb.save(path)
    prepare_import(path).apply(store)
    with store.read() as s:
        assert [r.version for r in s.scalars(select(Rubric))] == [1]
