"""Countersigning in the window (issue 20, item 3): the teacher's comment and result go into
the teacher's box as an incremental update, the mentor's signature stays valid, and the
comment and result are recorded with the assessment."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from mentordesk.core import assessments as A
from mentordesk.core.assessment_signing import countersign_comments
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity
from mentordesk.exchange.signing import HeldKeySigner, sign_assessment
from mentordesk.ui import countersign_dialog, sheet_actions
from mentordesk.ui.assessments_view import AssessmentsArea
from mentordesk.ui.countersign_dialog import CountersignDialog
from tests.gui_waits import settled

START, END = date(2026, 10, 1), date(2026, 11, 20)
SECRET = "correct horse battery"
COMMENT = "实习表现良好，安全意识强。"


@pytest.fixture
def signed(demo_store) -> A.AssessmentView:
    t = list_trainees(demo_store)[0]
    draft = A.create_draft(demo_store, t.uid, START, END)
    A.update_draft(demo_store, draft.uid, result="pass")
    signing_identity.create_identity("Wang Fang 王芳", SECRET)
    signer = HeldKeySigner(signing_identity.load_identity(SECRET))
    return sign_assessment(demo_store, draft.uid, signer, None)


@pytest.fixture
def area(qtbot, demo_store, signed, make_worker) -> AssessmentsArea:
    widget = AssessmentsArea(make_worker(demo_store))
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    settled(widget.worker)
    widget.reload(signed.uid)
    settled(widget.worker)
    return widget


def _answer(monkeypatch, comment: str, result: str, passphrase: str) -> None:
    def exec_(dialog: CountersignDialog) -> int:
        dialog.comment_edit.setPlainText(comment)
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(result))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CountersignDialog, "exec", exec_)
    monkeypatch.setattr(sheet_actions, "ask_passphrase", lambda *a: passphrase)


def test_the_window_countersigns_with_comment_and_result(
    area, demo_store, signed, monkeypatch, tmp_path
):
    assert area.countersign_button.isEnabled()
    _answer(monkeypatch, COMMENT, "distinction", "wrong passphrase")
    area.countersign_button.click()
    settled(area.worker)
    assert "does not unlock" in area.message.text()
    assert len(A.documents(demo_store, signed.uid)) == 1

    _answer(monkeypatch, COMMENT, "distinction", SECRET)
    area.countersign_button.click()
    settled(area.worker)
    assert "Countersigned" in area.message.text()
    said = countersign_comments(demo_store, signed.uid)
    assert (said[-1]["comment"], said[-1]["result"]) == (COMMENT, "distinction")
    docs = A.documents(demo_store, signed.uid)
    assert len(docs) == 2
    path = tmp_path / "countersigned.pdf"
    path.write_bytes(docs[-1].pdf)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert out.count("Signature is Valid") == 2 and "Invalid" not in out
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "安全意识强" in text


def test_countersigning_is_only_for_a_signed_sheet_and_cancel_changes_nothing(
    area, demo_store, signed, monkeypatch
):
    monkeypatch.setattr(CountersignDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    area.countersign_button.click()
    settled(area.worker)
    assert len(A.documents(demo_store, signed.uid)) == 1
    area._show(None)
    assert not area.countersign_button.isEnabled()
    countersign_dialog.countersign_shown(area)  # nothing selected: nothing asked, nothing done
    assert len(A.documents(demo_store, signed.uid)) == 1
