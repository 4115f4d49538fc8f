"""``mentordesk feedback``: the report to the school as a PDF, suggestions and reply."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.cli import main
from mentordesk.core.feedback import feedback_for, write_reply, write_suggestions
from mentordesk.core.models import SchoolFeedback
from mentordesk.core.store import Store

COHORT = "2025 Rolling Order Class"
PERIOD = ("--from", "2026-10-01", "--to", "2026-11-20")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _fonts(pdf: Path) -> list[str]:
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return lines


def test_suggest_reply_show_and_the_report_in_both_languages(demo_store, tmp_path, capsys):
    db = str(demo_store.path)
    code, out, _ = _run(
        capsys, "feedback", "suggest", COHORT, "--text", "Teach gauge control with mill data.",
        "--db", db, *PERIOD,
    )  # fmt: skip
    assert code == 0 and COHORT in out
    code, out, _ = _run(
        capsys, "feedback", "reply", COHORT, "--text", "同意，下学期增加实验课。", "--by", "王老师",
        "--db", db, *PERIOD,
    )  # fmt: skip
    assert code == 0
    code, out, _ = _run(capsys, "feedback", "show", COHORT, "--db", db, *PERIOD)
    assert "Teach gauge control" in out and "王老师" in out and "同意" in out

    both = tmp_path / "both.pdf"
    code, out, _ = _run(capsys, "feedback", COHORT, str(both), "--db", db, *PERIOD)
    assert code == 0 and str(both) in out
    text = _text(both)
    for words in (
        "Feedback to the school",
        "企业对学校的反馈",
        COHORT,
        "2026-10-01 – 2026-11-20",
        "Teach gauge control with mill data.",
        "同意，下学期增加实验课。",
        "王老师",
        "Skills furthest below target",
        "Foundation",
        "Attendance rate",
        "出勤率",
        "Unrecorded",
        "Teamwork",
        "团队协作",
    ):
        assert words in text, words
    assert all(" yes " in line for line in _fonts(both)), "every font embedded"

    chinese = tmp_path / "zh.pdf"
    assert main(["feedback", COHORT, str(chinese), "--language", "zh_CN", "--db", db, *PERIOD]) == 0
    text = _text(chinese)
    assert "企业对学校的反馈" in text and "Feedback to the school" not in text
    assert "Teach gauge control with mill data." in text  # what was written stays as written
    english = tmp_path / "en.pdf"
    assert main(["feedback", "report", COHORT, str(english), "--language", "en", "--db", db]) == 0
    assert "企业对学校的反馈" not in _text(english)
    assert oct(english.stat().st_mode & 0o777) == "0o600"


def test_the_report_says_when_nothing_was_written_yet(demo_store, tmp_path, capsys):
    pdf = tmp_path / "r.pdf"
    assert (
        main(["feedback", COHORT, str(pdf), "--language", "en", "--db", str(demo_store.path)]) == 0
    )
    text = _text(pdf)
    assert "No suggestions written yet." in text and "No reply yet." in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["feedback", "suggest", COHORT, "--text", "  "], "must not be empty"),
        (["feedback", "suggest", "No Such Class", "--text", "x"], "No cohort named"),
        (["feedback", "suggest", COHORT], "needs the text"),
        (["feedback", "reply", COHORT, "--text", ""], "must not be empty"),
        (
            [
                "feedback",
                "suggest",
                COHORT,
                "--text",
                "x",
                "--from",
                "2026-11-20",
                "--to",
                "2026-10-01",
            ],
            "after it ends",
        ),
        (
            ["feedback", COHORT, "OUT", "--from", "2026-11-20", "--to", "2026-10-01"],
            "after it ends",
        ),
        (["feedback", "No Such Class", "OUT"], "No cohort named"),
        (["feedback", COHORT], "Name the PDF"),
    ],
    ids=[
        "empty",
        "unknown-cohort",
        "no-text",
        "empty-reply",
        "from-after-to",
        "report-period",
        "report-cohort",
        "no-pdf",
    ],
)
def test_bad_input_says_what_and_changes_nothing(demo_store, tmp_path, capsys, argv, message):
    out = tmp_path / "out.pdf"
    argv = [str(out) if a == "OUT" else a for a in argv]
    code, _, err = _run(capsys, *argv, "--db", str(demo_store.path))
    assert code == 1 and "Traceback" not in err
    assert message in err and err.count("\n") == 1
    assert not out.exists()
    with demo_store.read() as s:
        assert s.scalar(select(func.count(SchoolFeedback.id))) == 0


def test_reply_keeps_the_suggestions(demo_store: Store, capsys):
    write_suggestions(demo_store, COHORT, "Earlier words.")
    write_reply(demo_store, COHORT, "Thanks.")
    view = feedback_for(demo_store, COHORT)
    assert (view.suggestions, view.reply) == ("Earlier words.", "Thanks.")
