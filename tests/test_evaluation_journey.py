"""Issue 20's "Done when", end to end: a plant (A) and a school (B), each its own MentorDesk.

At the plant a mentor rates, the trainee rates themselves, the programme weighs the sources,
the trainee acknowledges with a drawn signature and the mentor signs. The bundle goes to the
school, where a teacher countersigns with a comment and result and the school replies to the
plant's feedback. The bundle comes back and merges. ``pdfsig`` checks every signature at each
step. Everything goes through the commands and services a user has, nothing private.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.cli import main
from mentordesk.core import assessments as A
from mentordesk.core.assessment_signing import countersign_comments
from mentordesk.core.feedback import feedback_for
from mentordesk.core.models import Trainee
from mentordesk.core.store import Store
from mentordesk.core.trainee_record import trainee_record
from tests.test_acknowledgement import png

COHORT = "2025 Steelmaking Order Class"
START, END = date(2026, 11, 1), date(2026, 11, 20)
PERIOD = ("--from", "2026-11-01", "--to", "2026-11-20")
RATED_ON = "2026-11-10"
PASS = "correct horse battery"
COMMENT = "学员操作规范，安全意识强。Good progress on the converter."
SUGGESTION = "Teach converter charge calculations before the placement."
REPLY = "同意：下学期增加炉料计算实验课。"


def _run(capsys, *argv: str) -> str:
    """Run a command as a user would; it must succeed. Returns what it printed."""
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, f"{argv}: {captured.err}"
    return captured.out


def _valid_signatures(pdf: bytes, folder: Path) -> int:
    path = folder / "check.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Invalid" not in out, out
    return out.count("Signature is Valid")


def test_plant_to_school_and_back(demo_store, tmp_path, capsys, monkeypatch):
    a_db, b_db = str(demo_store.path), str(tmp_path / "school.db")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    drawing = tmp_path / "drawn.png"
    drawing.write_bytes(png())
    plant, school = tmp_path / "plant-data", tmp_path / "school-data"

    # -- At the plant --------------------------------------------------------------------
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(plant))
    _run(capsys, "identity", "create", "--name", "Liu Jianguo", "--db", a_db,
         "--passphrase-file", str(secret))  # fmt: skip
    uid = A.cohort_trainees(demo_store, COHORT)[0]
    tid = trainee_record(demo_store, uid).trainee.trainee_id
    with demo_store.read() as s:
        programme = s.scalars(select(Trainee).where(Trainee.uid == uid)).one().cohort.programme.name
    _run(capsys, "programme", "edit", programme, "--weights", "mentor=70,self=30", "--db", a_db)
    _run(capsys, "rate", tid, "F-01", "4", "--role", "mentor", "--date", RATED_ON, "--db", a_db)
    _run(capsys, "rate", tid, "F-01", "3", "--role", "self", "--date", RATED_ON, "--db", a_db)
    (f01,) = [h for h in trainee_record(demo_store, uid).skills if h.code == "F-01"]
    assert f01.composite is not None and f01.composite.value == pytest.approx(3.7)
    _run(capsys, "feedback", "suggest", COHORT, "--text", SUGGESTION, "--db", a_db, *PERIOD)

    _run(capsys, "assessment", "set", tid, "--result", "pass", "--comment", "Steady.",
         "--db", a_db, *PERIOD)  # fmt: skip
    said = _run(capsys, "assessment", "acknowledge", tid, "--name", "Wang Xiaoming 王小明",
                "--signature-png", str(drawing), "--db", a_db, *PERIOD)  # fmt: skip
    assert "acknowledged by Wang Xiaoming" in said
    _run(capsys, "assessment", "sign", tid, "--passphrase-file", str(secret), "--db", a_db,
         *PERIOD)  # fmt: skip
    (view,) = A.list_assessments(demo_store, trainee_uid=uid)
    assert view.state == "signed"
    signed = A.latest_document(demo_store, view.uid)
    assert signed is not None and _valid_signatures(signed, tmp_path) == 1

    out = tmp_path / "plant.zip"
    _run(capsys, "export", str(out), "--bundle", "--db", a_db)

    # -- At the school -------------------------------------------------------------------
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(school))
    assert "results bundle, applied" in _run(capsys, "import", str(out), "--db", b_db)
    b = Store.open(Path(b_db))
    try:
        arrived = A.latest_document(b, view.uid)
        assert A.get_assessment(b, view.uid).state == "signed"
        # The school sees both sources side by side. (The programme's weights are not in the
        # workbook, so the composite is the plant's: it is printed on the signed sheet.)
        (f01,) = [h for h in trainee_record(b, uid).skills if h.code == "F-01"]
        assert f01.sources == {"mentor": 4, "self": 3}
        assert feedback_for(b, COHORT, START, END).suggestions == SUGGESTION
    finally:
        b.close()
    assert arrived == signed and _valid_signatures(arrived, tmp_path) == 1

    _run(capsys, "identity", "create", "--name", "Wang Fang", "--db", b_db,
         "--passphrase-file", str(secret))  # fmt: skip
    (tmp_path / "in.pdf").write_bytes(arrived)
    countersigned = tmp_path / "countersigned.pdf"
    said = _run(capsys, "countersign", str(tmp_path / "in.pdf"), str(countersigned),
                "--db", b_db, "--passphrase-file", str(secret), "--comment", COMMENT,
                "--result", "pass")  # fmt: skip
    assert "recorded" in said
    assert _valid_signatures(countersigned.read_bytes(), tmp_path) == 2
    _run(capsys, "feedback", "reply", COHORT, "--text", REPLY, "--by", "王老师",
         "--db", b_db, *PERIOD)  # fmt: skip
    back = tmp_path / "school.zip"
    _run(capsys, "export", str(back), "--bundle", "--db", b_db)

    # -- Back at the plant ---------------------------------------------------------------
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(plant))
    _run(capsys, "import", str(back), "--db", a_db)
    (said,) = [c for c in countersign_comments(demo_store, view.uid)]
    assert (said["comment"], said["result"]) == (COMMENT, "pass")
    feedback = feedback_for(demo_store, COHORT, START, END)
    assert (feedback.suggestions, feedback.reply, feedback.replied_by) == (
        SUGGESTION,
        REPLY,
        "王老师",
    )
    (f01,) = [h for h in trainee_record(demo_store, uid).skills if h.code == "F-01"]
    assert f01.sources == {"mentor": 4, "self": 3}
    docs = A.documents(demo_store, view.uid)
    assert [d.kind for d in docs] == ["signed", "countersigned"]
    assert _valid_signatures(docs[-1].pdf, tmp_path) == 2
