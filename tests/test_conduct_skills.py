"""Innovation and safety rated as dimensions of their own (issue 20, item 1): the shipped
steel-plant rubric's Conduct foundation module, shown on the record and the sheet."""

from __future__ import annotations

import subprocess
from datetime import date

from sqlalchemy import select

from mentordesk.core import assessments as A
from mentordesk.core import ratings
from mentordesk.core.models import Skill
from mentordesk.core.trainee_record import trainee_record
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange.sheet_pdf import render_sheet

START, END = date(2026, 10, 1), date(2026, 11, 20)
DAY = date(2026, 11, 12)


def test_the_rubric_has_innovation_and_safety_awareness_in_a_conduct_module(demo_store):
    with demo_store.read() as s:
        found = {
            sk.code: (sk.name, sk.name_zh, sk.module, len(sk.descriptors))
            for sk in s.scalars(select(Skill).where(Skill.code.in_(["P-01", "P-02"])))
        }
    assert found == {
        "P-01": ("Innovation and improvement", "创新与改进", "Conduct", 5),
        "P-02": ("Safety awareness", "安全意识", "Conduct", 5),
    }


def test_rated_innovation_and_safety_show_on_the_record_and_the_sheet(demo_store, tmp_path):
    t = list_trainees(demo_store)[0]
    with demo_store.read() as s:
        codes = dict(s.execute(select(Skill.code, Skill.uid).where(Skill.code.like("P-0%"))).all())
    ratings.rate(demo_store, t.uid, codes["P-01"], 3, rated_on=DAY)
    ratings.rate(demo_store, t.uid, codes["P-02"], 4, rated_on=DAY)
    record = {h.code: h.latest for h in trainee_record(demo_store, t.uid, START, END).skills}
    assert (record["P-01"], record["P-02"]) == (3, 4)
    view = A.create_draft(demo_store, t.uid, START, END)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_sheet(view, A.result_choices(demo_store)).pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for said in ("Innovation and improvement", "创新与改进", "Safety awareness", "安全意识"):
        assert said in text, said
