"""The sheet shows the rating sources side by side per skill (issue 20, item 1), with the
programme's composite printed with its parts, frozen in the summary like the rest."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.core import assessments as A
from mentordesk.core import ratings
from mentordesk.core.models import Programme, Skill, Trainee
from mentordesk.core.rater_roles import set_programme_weights
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.sheet_pdf import render_sheet
from mentordesk.exchange.signing import HeldKeySigner, sign_assessment

START, END = date(2026, 10, 1), date(2026, 11, 20)
DAY = date(2026, 11, 10)
PASS = "correct horse battery"


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _rated(store) -> tuple[str, str]:
    """A trainee rated on F-01 by the mentor, the teacher and themselves; weights 50/30/20."""
    t = next(t for t in list_trainees(store) if not t.name.isascii())
    with store.read() as s:
        programme = s.scalar(
            select(Programme.uid).join(Programme.cohorts).join(Trainee).where(Trainee.uid == t.uid)
        )
        skill = s.scalar(select(Skill.uid).where(Skill.code == "F-01"))
    set_programme_weights(store, programme, "mentor=50,teacher=30,self=20")
    ratings.rate(store, t.uid, skill, 4, rated_on=DAY)
    ratings.rate(store, t.uid, skill, 5, rated_on=DAY, role="teacher")
    ratings.rate(store, t.uid, skill, 3, rated_on=DAY, role="self")
    return t.uid, programme


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            [
                "Sources side by side",
                "Teacher",
                "Self",
                "Mentor 4 × 50 %",
                "4.10 = Mentor 4 × 50 %",
            ],
        ),
        ("zh_CN", ["多元评价", "教师", "自评", "导师 4 × 50 %", "4.10 = 导师 4 × 50 %"]),
    ],
)
def test_the_sheet_prints_each_source_and_the_composite_with_its_parts(
    demo_store, tmp_path, language, words
):
    uid, _ = _rated(demo_store)
    view = A.create_draft(demo_store, uid, START, END)
    (f01,) = [sk for sk in view.summary["skills"] if sk["code"] == "F-01"]
    assert f01["sources"] == {"mentor": 4, "teacher": 5, "self": 3}
    assert f01["composite"]["value"] == pytest.approx(4.1)
    assert [p["role"] for p in f01["composite"]["parts"]] == ["mentor", "teacher", "self"]
    text = _text(render_sheet(view, A.result_choices(demo_store), language=language).pdf, tmp_path)
    for said in words:
        assert said in text, said


def test_a_signed_sheet_keeps_its_sources_when_ratings_and_weights_change(
    demo_store, tmp_path_factory
):
    folder = tmp_path_factory.mktemp("identity")
    I.create_identity("Liu Jianguo", PASS, folder=folder)
    signer = HeldKeySigner(I.load_identity(PASS, folder))
    uid, programme = _rated(demo_store)
    view = A.create_draft(demo_store, uid, START, END)
    A.update_draft(demo_store, view.uid, result="pass")
    signed = sign_assessment(demo_store, view.uid, signer, None)
    frozen = signed.summary["skills"]
    with demo_store.read() as s:
        skill = s.scalar(select(Skill.uid).where(Skill.code == "F-01"))
    ratings.rate(demo_store, uid, skill, 1, rated_on=DAY, role="self")
    set_programme_weights(demo_store, programme, "mentor=100")
    assert A.get_assessment(demo_store, view.uid).summary["skills"] == frozen


def test_no_sources_table_when_only_the_mentor_rated(demo_store, tmp_path):
    t = list_trainees(demo_store)[0]
    view = A.create_draft(demo_store, t.uid, START, END)
    text = _text(render_sheet(view, A.result_choices(demo_store), language="en").pdf, tmp_path)
    assert "Sources side by side" not in text
