"""``mentordesk rubric …``, ``mentordesk post …`` and ``mentordesk readiness …``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core.database import backup_sqlite
from mentordesk.paths import resources_dir


@pytest.fixture
def db(_demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    backup_sqlite(_demo_template, path)
    return path


def out(capsys, db: Path, *argv: str) -> str:
    words = [w for w in argv if not w.startswith("-")]
    split = 2 if words[0] in ("rubric", "post") else 1
    code = main([*argv[:split], "--db", str(db), *argv[split:]])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_rubric_list_and_show_in_both_languages(db: Path, capsys) -> None:
    listed = out(capsys, db, "rubric", "list")
    assert listed.splitlines()[0].startswith(
        "Steel plant practical skills  v1  Rolling and steelmaking order classes 2025  19 skills"
        "  3 posts"
    )
    assert "钢铁企业实操技能：委托培养  v1" in out(capsys, db, "rubric", "list", "--lang", "zh")
    shown = out(capsys, db, "rubric", "show", "钢铁企业实操技能", "--lang", "zh")
    assert "Job layer:  轧钢工岗位  (builds on 轧钢方向)" in shown
    assert "    R-03  轧制规程与厚度控制" in shown
    assert "Post:  轧钢工  (9 skills:" in shown


def test_post_list_and_show(db: Path, capsys) -> None:
    posts = out(capsys, db, "post", "list")
    assert [line.split("  ")[0] for line in posts.splitlines()] == [
        "Converter steelmaker",
        "Finishing inspector",
        "Rolling-mill operator",
        "Continuous caster operator",
        "Mill maintenance technician",
    ]
    shown = out(capsys, db, "post", "show", "轧钢工")
    assert "  R-03  Pass schedule and gauge control  target 4" in shown


def test_readiness_of_a_trainee_and_of_a_cohort(db: Path, capsys) -> None:
    said = out(capsys, db, "readiness", "20250101", "--post", "Rolling-mill operator")
    (line,) = said.splitlines()
    assert "ready for Rolling-mill operator: " in line and "of 9 skills at target" in line
    matrix = out(
        capsys, db, "readiness", "--cohort", "2025 Rolling Order Class", "--post", "轧钢工"
    ).splitlines()
    assert matrix[0] == "Rolling-mill operator — 2025 Rolling Order Class  (41 trainees)"
    assert matrix[1].startswith("Trainee ID  Name  F-01>=3") and matrix[1].endswith("At target")
    assert len(matrix) == 2 + 41 and all(r.endswith("/9 at target") for r in matrix[2:])


def test_rubric_import_of_a_json_file_checks_it_first(db: Path, tmp_path: Path, capsys) -> None:
    data = json.loads(
        (resources_dir() / "rubrics" / "commissioned-caster-skills.json").read_text("utf-8")
    )
    path = tmp_path / "caster.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "version next is valid  (dry run)" in out(
        capsys, db, "rubric", "import", str(path), "--dry-run"
    )
    assert "v2" not in out(capsys, db, "rubric", "list")
    assert out(capsys, db, "rubric", "import", str(path)).startswith(
        "Imported:  Steel plant skills: commissioned training  version 2  Caster operators"
    )
    data["posts"][0]["targets"]["C-09"] = 2
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["rubric", "import", "--db", str(db), str(path)]) == 1
    err = capsys.readouterr().err
    assert "posts row 1 (Continuous caster operator): the skill C-09 is not in the rubric" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_readiness_needs_a_trainee_or_a_cohort(db: Path, capsys) -> None:
    assert main(["readiness", "--db", str(db)]) == 1
    assert "Give a trainee, or --cohort" in capsys.readouterr().err
