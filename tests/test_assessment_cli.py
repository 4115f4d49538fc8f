"""``mentordesk assessment list|set|sign|amend`` end to end, with their refusals."""

from __future__ import annotations

import subprocess

from mentordesk.cli import main
from mentordesk.core import assessment_signing as AS
from mentordesk.core import assessments as A

COHORT = "2025 Steelmaking Order Class"
PERIOD = ["--from", "2026-11-01", "--to", "2026-11-20"]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_set_sign_amend_list(demo_store, tmp_path, capsys):
    db = str(demo_store.path)
    secret = tmp_path / "pass.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    uid = A.cohort_trainees(demo_store, COHORT)[0]
    tid = A.get_assessment(demo_store, A.create_draft(demo_store, uid, *_dates()).uid).trainee_id

    # sign without a result: refused, nothing signed
    code, _, err = _run(capsys, "assessment", "sign", tid, "--db", db, *PERIOD)
    assert code == 1 and "Choose a result" in err
    code, out, _ = _run(
        capsys,
        "assessment",
        "set",
        tid,
        "--db",
        db,
        *PERIOD,
        "--result",
        "pass",
        "--comment",
        "Steady hands 稳",
    )
    assert code == 0 and "  draft  pass" in out
    code, _, err = _run(capsys, "assessment", "set", tid, "--db", db, "--result", "nonsense")
    assert code == 1 and "not one of" in err

    # sign without an identity: refused, still a draft
    code, _, err = _run(
        capsys, "assessment", "sign", tid, "--db", db, "--passphrase-file", str(secret)
    )
    assert code == 1 and "No signing identity" in err
    assert A.list_assessments(demo_store, trainee_uid=uid)[0].state == "draft"

    assert _run(capsys, "identity", "create", "--db", db, "--passphrase-file", str(secret))[0] == 0
    out_pdf = tmp_path / "signed.pdf"
    code, out, err = _run(
        capsys,
        "assessment",
        "sign",
        tid,
        "--db",
        db,
        "--passphrase-file",
        str(secret),
        "--out",
        str(out_pdf),
    )
    assert code == 0, err
    assert "  signed  pass" in out and str(out_pdf) in out
    check = subprocess.run(["pdfsig", str(out_pdf)], capture_output=True, text=True)
    assert "Signature is Valid" in check.stdout

    # set on a signed assessment: refused with the reason
    code, _, err = _run(capsys, "assessment", "set", tid, "--db", db, "--comment", "x")
    assert code == 1 and "cannot change; amend it instead" in err

    # amend needs a reason
    code, _, err = _run(capsys, "assessment", "amend", tid, "--db", db, "--reason", "  ")
    assert code == 1 and "reason" in err.lower()
    code, out, _ = _run(capsys, "assessment", "amend", tid, "--db", db, "--reason", "typo")
    assert code == 0 and "supersedes version 1" in out
    new = A.list_assessments(demo_store, trainee_uid=uid, state="draft")[0]
    assert new.version == 2 and new.amendment_reason == "typo" and new.supersedes_uid

    code, out, _ = _run(capsys, "assessment", "list", "--db", db, "--state", "superseded")
    assert code == 0 and tid in out and "  superseded  pass" in out
    code, out, _ = _run(capsys, "assessment", "list", "--db", db, "--cohort", COHORT)
    assert code == 0 and out.count(tid) == 2


def _dates():
    from datetime import date

    return date(2026, 11, 1), date(2026, 11, 20)


def test_amend_without_reason_is_a_usage_error(demo_store, capsys):
    code = None
    try:
        code = main(["assessment", "amend", "T1", "--db", str(demo_store.path)])
    except SystemExit as exc:
        code = exc.code
    assert code == 2


def test_countersign_with_comment_keeps_both_signatures_and_records_it(
    demo_store, tmp_path, capsys
):
    db = str(demo_store.path)
    secret = tmp_path / "pass.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    assert _run(capsys, "identity", "create", "--db", db, "--passphrase-file", str(secret))[0] == 0
    uid = A.cohort_trainees(demo_store, COHORT)[0]
    view = A.create_draft(demo_store, uid, *_dates())
    A.update_draft(demo_store, view.uid, result="pass")
    signed = tmp_path / "signed.pdf"
    code, _, err = _run(
        capsys,
        "assessment",
        "sign",
        view.trainee_id,
        "--db",
        db,
        "--passphrase-file",
        str(secret),
        "--out",
        str(signed),
    )
    assert code == 0, err
    comment = "学员操作规范，安全意识强，建议加强理论学习。" * 3 + " Good progress on the furnace."
    out_pdf = tmp_path / "countersigned.pdf"
    code, out, err = _run(
        capsys,
        "countersign",
        str(signed),
        str(out_pdf),
        "--db",
        db,
        "--passphrase-file",
        str(secret),
        "--comment",
        comment,
        "--result",
        "pass",
    )
    assert code == 0, err
    assert "recorded" in out
    check = subprocess.run(["pdfsig", str(out_pdf)], capture_output=True, text=True)
    assert check.stdout.count("Signature is Valid") == 2
    assert _run(capsys, "verify", str(out_pdf))[0] == 0
    said = AS.countersign_comments(demo_store, view.uid)
    assert said[-1]["comment"] == comment and said[-1]["result"] == "pass"
    assert len(A.documents(demo_store, view.uid)) == 2


def test_a_chinese_comment_wraps_inside_the_box():
    from reportlab.pdfbase import pdfmetrics

    from mentordesk.exchange.sheet_page import _wrapped, font_name

    f = font_name()
    lines = _wrapped("学员操作规范，安全意识强，建议加强理论学习。" * 3, f, 6, 150)
    assert len(lines) > 1
    assert all(pdfmetrics.stringWidth(line.rstrip("。，"), f, 6) <= 150 for line in lines)
    assert not any(line.startswith(("。", "，")) for line in lines)
