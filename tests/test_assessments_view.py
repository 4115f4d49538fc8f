"""The Assessments area as a mentor uses it: edit a draft, preview, sign, amend, batch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from mentordesk.core import assessments as A
from mentordesk.core.drawn_signature import drawn_signature, save_drawn_signature
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity
from mentordesk.exchange.verify import verify_pdf
from mentordesk.ui import assessments_view, sheet_actions
from mentordesk.ui.assessments_view import AssessmentsArea
from mentordesk.ui.signature_pad import SignaturePad
from tests.gui_waits import settled

START, END = date(2026, 10, 1), date(2026, 11, 20)
SECRET = "correct horse battery"


@pytest.fixture
def draft(demo_store) -> A.AssessmentView:
    t = next(t for t in list_trainees(demo_store) if not t.name.isascii())
    return A.create_draft(demo_store, t.uid, START, END)


@pytest.fixture
def area(qtbot, demo_store, draft, make_worker) -> AssessmentsArea:
    widget = AssessmentsArea(make_worker(demo_store))
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    settled(widget.worker)
    return widget


def _draw(qtbot, pad: SignaturePad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 80))
    for x in range(40, 300, 20):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))


def test_editing_a_draft_saves_through_the_service(area, demo_store, draft):
    assert area.table.rowCount() == 1
    assert draft.trainee_name in area.heading.text()
    area.result_combo.setCurrentIndex(area.result_combo.findData("distinction"))
    area.strengths.setPlainText("安全意识强，主动检查吊具")
    area.save_button.click()
    settled(area.worker)
    assert "Draft saved" in area.message.text()
    saved = A.get_assessment(demo_store, draft.uid)
    assert saved.result == "distinction"
    assert saved.strengths == "安全意识强，主动检查吊具"


def test_preview_shows_the_pages_of_the_pdf(area, qtbot):
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    labels = [w for w in area.pages.findChildren(QLabel) if w.pixmap() and not w.pixmap().isNull()]
    assert len(labels) >= 2  # the short demo record still takes two A4 pages
    assert labels[0].pixmap().height() > labels[0].pixmap().width()  # portrait A4


def _page_width(area) -> int:
    return next(w for w in area.pages.findChildren(QLabel) if w.pixmap()).width()


def test_preview_fits_the_page_to_the_pane_and_follows_its_width(area, qtbot):
    area.tabs.setCurrentIndex(1)
    settled(area.worker)
    qtbot.waitUntil(lambda: bool(area.pages.findChildren(QLabel)), timeout=5000)
    scroll = area.preview_scroll
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible(), timeout=3000)
    assert _page_width(area) <= scroll.viewport().width()
    narrow = _page_width(area)

    area.resize(1600, 900)
    qtbot.waitUntil(lambda: _page_width(area) > narrow + 40, timeout=3000)
    assert _page_width(area) <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()


def test_sign_then_locked_then_amend(area, demo_store, draft, monkeypatch):
    signing_identity.create_identity("Zhang Wei 张伟", SECRET)
    pad = SignaturePad()
    pad.resize(400, 150)
    _draw_offscreen(pad)
    save_drawn_signature(demo_store, pad.to_png())
    monkeypatch.setattr(sheet_actions, "ask_passphrase", lambda *a: "wrong passphrase")
    area.result_combo.setCurrentIndex(area.result_combo.findData("pass"))
    area.sign_button.click()
    settled(area.worker)
    assert "does not unlock" in area.message.text()
    assert A.get_assessment(demo_store, draft.uid).state == "draft"

    monkeypatch.setattr(sheet_actions, "ask_passphrase", lambda *a: SECRET)
    area.sign_button.click()
    settled(area.worker)
    assert "Signed" in area.message.text()
    signed = A.get_assessment(demo_store, draft.uid)
    assert signed.state == "signed"
    assert verify_pdf(A.latest_document(demo_store, draft.uid)).ok(require_trust=False)
    assert area.strengths.isReadOnly() and not area.sign_button.isEnabled()
    assert area.amend_button.isEnabled()

    monkeypatch.setattr(
        assessments_view.QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *a, **k: ("Hours of one session were missing", True)),
    )
    area.amend_button.click()
    settled(area.worker)
    assert "Amendment drafted" in area.message.text()
    assert area.table.rowCount() == 2
    assert area._current is not None and area._current.version == 2
    assert area.sign_button.isEnabled()
    assert A.get_assessment(demo_store, draft.uid).state == "superseded"


def _draw_offscreen(pad: SignaturePad) -> None:
    from PySide6.QtCore import QPointF

    pad._begin(QPointF(20, 90))
    for x in range(30, 360, 15):
        pad._extend(QPointF(x, 60 + (x % 45)))
    pad._end()


def test_signature_pad_draws_clears_and_saves_png(qtbot, demo_store):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    assert pad.is_empty() and pad.to_png() == b""
    _draw(qtbot, pad)
    assert not pad.is_empty()
    png = pad.to_png()
    assert png.startswith(b"\x89PNG")
    save_drawn_signature(demo_store, png)
    assert drawn_signature(demo_store) == png
    pad.clear()
    assert pad.is_empty()


class _Batch:
    """Stands in for the batch dialog, as if the mentor filled it in and pressed OK."""

    DialogCode = sheet_actions.PeriodDialog.DialogCode

    def __init__(self, folder: Path, sign: bool) -> None:
        self.folder, self.sign = folder, sign
        self.period = (START, END)
        self.cohort = "2025 Steelmaking Order Class"

    def __call__(self, *args, **kwargs) -> _Batch:
        return self

    def exec(self) -> int:
        return self.DialogCode.Accepted


def _answer_batch_question(monkeypatch, asked: list[str], yes: bool = True) -> None:
    answer = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    def question(parent, title, text, *args):
        asked.append(text)
        return answer

    monkeypatch.setattr(sheet_actions.QMessageBox, "question", question)


def test_batch_runs_off_the_gui_thread_and_writes_the_cohort(
    area, demo_store, qtbot, tmp_path, monkeypatch
):
    out = tmp_path / "sheets"
    out.mkdir()
    monkeypatch.setattr(sheet_actions, "PeriodDialog", _Batch(out, sign=False))
    _answer_batch_question(monkeypatch, [])
    area.batch()
    qtbot.waitUntil(lambda: area._job is not None, timeout=10_000)
    qtbot.waitUntil(lambda: area._job is None, timeout=120_000)
    settled(area.worker)
    files = list(out.glob("*.pdf"))
    assert len(files) == len(A.cohort_trainees(demo_store, "2025 Steelmaking Order Class"))
    assert "sheets written" in area.message.text()


def test_attach_a_countersigned_copy(area, demo_store, draft, tmp_path, monkeypatch):
    from mentordesk.exchange.signing import HeldKeySigner, countersign, sign_assessment

    signing_identity.create_identity("Zhang Wei 张伟", SECRET)
    signer = HeldKeySigner(signing_identity.load_identity(SECRET))
    A.update_draft(demo_store, draft.uid, result="pass")
    sign_assessment(demo_store, draft.uid, signer, None)
    area.reload(draft.uid)
    settled(area.worker)
    assert area.attach_button.isEnabled()
    signed = A.latest_document(demo_store, draft.uid)
    good = tmp_path / "countersigned.pdf"
    good.write_bytes(countersign(signed, signer, "teacher"))
    bad = tmp_path / "edited.pdf"
    data = good.read_bytes()
    at = data.index(b"stream", data.index(b"/Length")) + 100
    bad.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])

    chosen = iter([str(bad), str(good)])
    monkeypatch.setattr(
        assessments_view.QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (next(chosen), "")),
    )
    area.attach_button.click()
    settled(area.worker)
    assert "not attached" in area.message.text()
    assert len(A.documents(demo_store, draft.uid)) == 1
    area.attach_button.click()
    settled(area.worker)
    assert "attached" in area.message.text()
    assert [d.kind for d in A.documents(demo_store, draft.uid)] == ["signed", "countersigned"]


def test_cancelled_batch_writes_nothing(area, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "sheets"
    out.mkdir()
    monkeypatch.setattr(sheet_actions, "PeriodDialog", _Batch(out, sign=False))
    _answer_batch_question(monkeypatch, [])
    area.batch()
    qtbot.waitUntil(lambda: area._job is not None, timeout=10_000)
    area._job.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: area._job is None, timeout=120_000)
    settled(area.worker)
    assert list(out.iterdir()) == []
    assert "Cancelled" in area.message.text()


@pytest.mark.parametrize(("interface", "sheet"), [("zh_CN", "zh_CN"), ("en", "en")])
def test_sheets_made_in_the_window_speak_its_language(
    qtbot, demo_store, monkeypatch, interface, sheet, make_worker
):
    monkeypatch.setattr(assessments_view, "current_language", lambda: interface)
    area = AssessmentsArea(make_worker(demo_store))
    qtbot.addWidget(area)
    assert area.sheet_language == sheet
    # Passed to what draws the sheet, not left in a global for the next sheet to find.
    from mentordesk.exchange import sheet_language

    assert not hasattr(sheet_language, "set_sheet_language")
    assert sheet_language.sheet_language() == "both"


def test_batch_confirmation_says_how_many_drafts_it_creates(
    area, demo_store, qtbot, tmp_path, monkeypatch
):
    out = tmp_path / "sheets"
    out.mkdir()
    cohort = "2025 Steelmaking Order Class"
    uids = A.cohort_trainees(demo_store, cohort)
    have = {
        v.trainee_uid
        for v in A.list_assessments(demo_store)
        if (v.period_start, v.period_end) == (START, END) and v.state != "superseded"
    } & set(uids)
    before = len(A.list_assessments(demo_store))
    monkeypatch.setattr(sheet_actions, "PeriodDialog", _Batch(out, sign=False))
    asked: list[str] = []
    _answer_batch_question(monkeypatch, asked, yes=False)
    area.batch()
    settled(area.worker)
    assert f"{len(uids) - len(have)} drafts will be created" in asked[0]
    assert f"{len(uids)} trainees" in asked[0]
    # Declined: nothing drafted, nothing written.
    assert area._job is None and list(out.iterdir()) == []
    assert len(A.list_assessments(demo_store)) == before

    _answer_batch_question(monkeypatch, asked, yes=True)
    area.batch()
    settled(area.worker, 120)
    area.batch()
    settled(area.worker, 120)
    assert "drafts will be created" not in asked[-1]  # the second run creates none


def test_batch_confirmation_warns_when_the_form_names_another_mentor(
    area, demo_store, tmp_path, monkeypatch
):
    cohort = "2025 Steelmaking Order Class"
    store = demo_store
    for view in A.ensure_drafts(store, A.cohort_trainees(store, cohort)[:2], START, END):
        A.update_draft(store, view.uid, result="pass")
        mentor = view.mentor
    signing_identity.create_identity("Wang Fang", SECRET)
    monkeypatch.setattr(sheet_actions, "PeriodDialog", _Batch(tmp_path, sign=True))
    asked: list[str] = []
    _answer_batch_question(monkeypatch, asked, yes=False)
    area.batch()
    settled(area.worker)
    assert f"You sign as Wang Fang, but the form names {mentor} as mentor on 2" in asked[0]
    assert A.list_assessments(store, state="signed") == []


def test_signing_one_sheet_whose_form_names_another_mentor_asks_first(
    area, demo_store, draft, monkeypatch
):
    from mentordesk.ui import sheet_batch_text

    signing_identity.create_identity("Wang Fang", SECRET)
    pad = SignaturePad()
    pad.resize(400, 150)
    _draw_offscreen(pad)
    save_drawn_signature(demo_store, pad.to_png())
    monkeypatch.setattr(sheet_actions, "ask_passphrase", lambda *a: SECRET)
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers[len(asked) - 1]

    monkeypatch.setattr(sheet_batch_text.QMessageBox, "question", question)
    area.result_combo.setCurrentIndex(area.result_combo.findData("pass"))
    area.sign_button.click()
    settled(area.worker)
    assert f"You sign as Wang Fang, but the form names {draft.mentor} as mentor" in asked[0]
    assert A.get_assessment(demo_store, draft.uid).state == "draft"
    area.sign_button.click()
    settled(area.worker)
    assert A.get_assessment(demo_store, draft.uid).state == "signed"
