"""The assessment sheet prints the rubric's texts in the sheet's language, and a job-readiness
section frozen with the assessment."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from mentordesk.core import assessments as A
from mentordesk.core.ratings import rate
from mentordesk.core.rubric_layers import (
    LevelSpec,
    ModuleSpec,
    PostSpec,
    RubricSpec,
    SkillSpec,
    create_version,
)
from mentordesk.core.rubrics import get_rubric
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.sheet_pdf import render_sheet
from mentordesk.exchange.signing import HeldKeySigner, sign_assessment

START, END = date(2026, 3, 1), date(2026, 3, 31)
SKILLS = (
    SkillSpec("R-01", "Roll change", "Rolling", name_zh="轧辊更换"),
    SkillSpec("R-02", "Guide setting", "Rolling", name_zh="导卫调整"),
    SkillSpec("R-03", "Gauge control", "Rolling"),  # no Chinese written: falls back
)


def _rubric(store: Store, posts: bool = True) -> dict[str, str]:
    uid = create_version(
        store,
        RubricSpec(
            "Rolling",
            tuple(LevelSpec(n, f"Level {n}", label_zh=f"{n}级") for n in range(1, 6)),
            modules=(ModuleSpec("Rolling", "foundation", name_zh="轧制"),),
            skills=SKILLS,
            posts=(
                (
                    PostSpec(
                        "Rolling-mill operator", (("R-01", 3), ("R-02", 4), ("R-03", 3)), "轧钢工"
                    ),
                )
                if posts
                else ()
            ),
        ),
    )
    return {sk.code: sk.uid for sk in get_rubric(store, uid).skills}


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _rated(store: Store, posts: bool = True) -> A.AssessmentView:
    skills = _rubric(store, posts)
    t = create_trainee(store, "T1", "王伟")
    rate(store, t.uid, skills["R-01"], 3, rated_on=date(2026, 3, 2))
    rate(store, t.uid, skills["R-02"], 2, rated_on=date(2026, 3, 2))
    return A.create_draft(store, t.uid, START, END)


def test_a_chinese_sheet_prints_the_rubric_in_chinese(store: Store, tmp_path: Path) -> None:
    view = _rated(store)
    zh = _text(render_sheet(view, language="zh_CN").pdf, tmp_path)
    assert "轧辊更换" in zh and "导卫调整" in zh and "轧制" in zh and "3级" in zh
    assert "Roll change" not in zh and "Guide setting" not in zh
    en = _text(render_sheet(view, language="en").pdf, tmp_path)
    assert "Roll change" in en and "轧辊更换" not in en and "Level 3" in en
    both = _text(render_sheet(view, language="both").pdf, tmp_path)
    assert "Roll change 轧辊更换" in both


def test_the_readiness_section_says_each_post(store: Store, tmp_path: Path) -> None:
    view = _rated(store)
    en = _text(render_sheet(view, language="en").pdf, tmp_path)
    assert "Job readiness" in en
    assert "Ready for Rolling-mill operator: 1 of 3 skills at target; below: R-02 by 2" in en
    assert "not yet rated: R-03" in en
    zh = _text(render_sheet(view, language="zh_CN").pdf, tmp_path)
    assert "岗位胜任" in zh and "轧钢工：3 项技能中 1 项达标" in zh and "R-02 差 2 级" in zh


def test_no_readiness_section_without_posts(store: Store, tmp_path: Path) -> None:
    view = _rated(store, posts=False)
    text = _text(render_sheet(view, language="both").pdf, tmp_path)
    assert "Job readiness" not in text and "岗位胜任" not in text


def _rate_r02_to_target(store: Store) -> None:
    trainee = store_trainee_uid(store)
    skill = next(sk.uid for sk in get_rubric(store, _rubric_uid(store)).skills if sk.code == "R-02")
    rate(store, trainee, skill, 4, rated_on=date(2026, 3, 20))


def test_a_signed_sheets_readiness_does_not_change_after_a_new_rating(
    store: Store, tmp_path: Path
) -> None:
    I.create_identity("Chen Hong 陈红", "correct horse battery", folder=tmp_path / "id")
    signer = HeldKeySigner(I.load_identity("correct horse battery", tmp_path / "id"))
    view = A.update_draft(store, _rated(store).uid, result="pass")
    signed = sign_assessment(store, view.uid, signer, None, language="en")
    assert signed.state == "signed"
    _rate_r02_to_target(store)
    again = A.get_assessment(store, view.uid)
    assert again.summary["readiness"] == view.summary["readiness"]
    assert "below: R-02 by 2" in _text(render_sheet(again, language="en").pdf, tmp_path)
    pdf = A.latest_document(store, view.uid)
    assert pdf is not None and "below: R-02 by 2" in _text(pdf, tmp_path)


def test_a_draft_refreshed_sees_the_new_rating(store: Store, tmp_path: Path) -> None:
    view = _rated(store)
    _rate_r02_to_target(store)
    # Until refreshed, the draft shows what it froze.
    assert "below: R-02 by 2" in _text(
        render_sheet(A.get_assessment(store, view.uid), language="en").pdf, tmp_path
    )
    fresh = A.refresh_summary(store, view.uid)
    assert "below" not in _text(render_sheet(fresh, language="en").pdf, tmp_path)


def store_trainee_uid(store: Store) -> str:
    from mentordesk.core.trainees import list_trainees

    return list_trainees(store)[0].uid


def _rubric_uid(store: Store) -> str:
    from mentordesk.core.rubrics import list_rubrics

    return list_rubrics(store)[0].uid
