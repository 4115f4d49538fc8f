"""The sheet as a reader sees it: text, embedded font, pages, and the all-or-nothing batch."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.core import assessments as A
from mentordesk.core.errors import UserError
from mentordesk.core.models import Note, Trainee
from mentordesk.core.progress import Cancelled, Progress
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.sheet_batch import write_sheets
from mentordesk.exchange.sheet_pdf import render_sheet
from mentordesk.exchange.signing import HeldKeySigner
from mentordesk.exchange.verify import verify_pdf

START, END = date(2026, 10, 1), date(2026, 11, 20)
COHORT = "2025 Steelmaking Order Class"


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _chinese_trainee(store):
    return next(t for t in list_trainees(store) if not t.name.isascii())


def test_sheet_shows_the_record_in_chinese_and_english(demo_store, tmp_path):
    t = _chinese_trainee(demo_store)
    view = A.create_draft(demo_store, t.uid, START, END)
    view = A.update_draft(demo_store, view.uid, result="pass", strengths="吊装指挥规范")
    sheet = render_sheet(view, A.result_choices(demo_store))
    text = _text(sheet.pdf, tmp_path)
    for expected in (
        t.name,
        t.trainee_id,
        "企业实训考核表",
        "Attendance",
        "吊装指挥规范",
        view.document_id,
        f"Page 1 of {sheet.pages}",
        "School teacher",
    ):
        assert expected in text, expected
    skill = view.summary["skills"][0]
    assert skill["name"][:20] in text
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "sheet.pdf")], capture_output=True, text=True
    ).stdout
    font_rows = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert font_rows and all(" yes " in row for row in font_rows)  # embedded
    assert set(sheet.boxes) == {"mentor", "trainee", "teacher"}


@pytest.mark.parametrize(
    ("language", "present", "absent"),
    [
        ("en", ["Workplace Training Assessment Sheet", "Attendance", "Page 1 of"], ["出勤情况"]),
        (
            "zh_CN",
            ["企业实训考核表", "出勤情况", "学校教师复核", "MentorDesk 考核表"],
            ["Attendance", "Page 1"],
        ),
    ],
)
def test_the_form_speaks_the_chosen_language(demo_store, tmp_path, language, present, absent):
    t = _chinese_trainee(demo_store)
    view = A.create_draft(demo_store, t.uid, START, END)
    view = A.update_draft(demo_store, view.uid, result="pass", strengths="吊装指挥规范 steady")
    text = _text(render_sheet(view, A.result_choices(demo_store), language=language).pdf, tmp_path)
    for expected in present:
        assert expected in text, expected
    for unexpected in absent:
        assert unexpected not in text, unexpected
    # What was recorded is printed as it was written, whatever the form's language.
    assert t.name in text and "吊装指挥规范 steady" in text


def test_long_record_flows_onto_further_pages(demo_store, tmp_path):
    t = list_trainees(demo_store)[2]
    with demo_store.write() as s:
        tid = s.scalar(select(Trainee.id).where(Trainee.uid == t.uid))
        for day in range(1, 29):
            s.add(
                Note(
                    trainee_id=tid,
                    category="teamwork" if day % 2 else "safety",
                    text=f"第{day}天：在换辊作业中主动提醒同伴检查吊具。 Helped the crew. " * 4,
                    written_at=datetime(2026, 10, day, 9, tzinfo=UTC),
                )
            )
    view = A.create_draft(demo_store, t.uid, START, END)
    view = A.update_draft(demo_store, view.uid, comment="Overall steady progress. " * 60)
    sheet = render_sheet(view, A.result_choices(demo_store))
    assert sheet.pages >= 3
    text = _text(sheet.pdf, tmp_path)
    assert f"Page {sheet.pages} of {sheet.pages}" in text
    assert "第28天" in text and "continued" in text
    # The signature boxes come last, after every note.
    assert sheet.boxes["mentor"][0] == sheet.pages - 1


@pytest.fixture
def signer(tmp_path: Path) -> HeldKeySigner:
    I.create_identity("Chen Hong 陈红", "correct horse battery", folder=tmp_path / "id")
    return HeldKeySigner(I.load_identity("correct horse battery", tmp_path / "id"))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _with_results(store, cohort: str) -> None:
    uids = A.cohort_trainees(store, cohort)
    for view in A.ensure_drafts(store, uids, START, END):
        A.update_draft(store, view.uid, result="pass")


def test_batch_signs_a_cohort(demo_store, signer, out):
    _with_results(demo_store, COHORT)
    result = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    files = sorted(out.iterdir())
    assert len(files) == len(A.cohort_trainees(demo_store, COHORT)) == result.signed
    assert all(f.suffix == ".pdf" for f in files)
    assert len(A.list_assessments(demo_store, state="signed")) == result.signed
    # After the first, signatures are spliced into a learnt CMS template: check several.
    for path in files[:2] + files[-2:]:
        assert verify_pdf(path.read_bytes()).ok(require_trust=False), path.name
        out_text = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        assert "Signature is Valid" in out_text and "Total document signed" in out_text
    again = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    assert again.signed == 0 and again.already_signed == result.signed


class _CancelAfter(Progress):
    def __init__(self, steps: int) -> None:
        super().__init__()
        self.steps = steps

    def report(self, what: str) -> None:
        if self.done >= self.steps:
            self.cancel()


def test_cancelled_batch_leaves_no_file_and_signs_nothing(demo_store, signer, out):
    _with_results(demo_store, COHORT)
    with pytest.raises(Cancelled):
        write_sheets(
            demo_store, out, START, END, cohort=COHORT, signer=signer, progress=_CancelAfter(4)
        )
    assert list(out.iterdir()) == []
    assert A.list_assessments(demo_store, state="signed") == []


def test_failed_batch_leaves_no_file(demo_store, signer, out, monkeypatch):
    _with_results(demo_store, COHORT)
    calls = iter(range(1000))

    def failing(*args, **kwargs):
        if next(calls) == 5:
            raise OSError("disk full")
        return original(*args, **kwargs)

    from mentordesk.exchange import sheet_batch

    original = sheet_batch.signed_pdf
    monkeypatch.setattr(sheet_batch, "signed_pdf", failing)
    with pytest.raises(OSError):
        write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    assert list(out.iterdir()) == []
    assert A.list_assessments(demo_store, state="signed") == []


def test_batch_without_results_writes_unsigned_drafts(demo_store, signer, out):
    result = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    assert result.signed == 0 and len(result.no_result) == len(result.written) > 0
    # A missing folder is created, owner-only (sheets hold names and marks).
    made = write_sheets(demo_store, out / "new" / "sheets", START, END, cohort=COHORT)
    assert len(made.written) == len(result.written)
    assert (out / "new" / "sheets").stat().st_mode & 0o777 == 0o700
    with pytest.raises(UserError, match="No cohort"):
        write_sheets(demo_store, out, START, END, cohort="No such class")


def test_qr_code_scans_to_the_document_id(demo_store, tmp_path):
    view = A.create_draft(demo_store, list_trainees(demo_store)[0].uid, START, END)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(render_sheet(view, A.result_choices(demo_store)).pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = next(tmp_path.glob("p*.png"))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
    assert scanned.stdout.strip() == view.document_id


def test_chinese_punctuation_never_starts_a_line(demo_store, tmp_path):
    view = A.create_draft(demo_store, list_trainees(demo_store)[1].uid, START, END)
    view = A.update_draft(demo_store, view.uid, comment="需要加强沟通，注意安全，" * 40)
    text = _text(render_sheet(view, A.result_choices(demo_store)).pdf, tmp_path)
    lines = [line.strip() for line in text.splitlines() if "需要加强" in line or "，" in line]
    assert lines and not any(line.startswith("，") for line in lines)
