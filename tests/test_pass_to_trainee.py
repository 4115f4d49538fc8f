"""Pass to trainee in the window: the draft full screen, name and drawn signature kept through
the worker, nothing else reachable, the way back needs the mentor's PIN; the mentor's signature
then covers the stamped acknowledgement."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from mentordesk.core import assessments as A
from mentordesk.core.acknowledgements import current_acknowledgement
from mentordesk.core.hand_back import HandBackLock
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.signing import HeldKeySigner, sign_assessment
from mentordesk.ui.assessments_view import AssessmentsArea
from mentordesk.ui.pass_to_trainee import pass_to_trainee
from tests.gui_waits import settled

START, END = date(2026, 10, 1), date(2026, 11, 20)


@pytest.fixture
def draft(demo_store) -> A.AssessmentView:
    t = list_trainees(demo_store)[0]
    view = A.create_draft(demo_store, t.uid, START, END)
    return A.update_draft(demo_store, view.uid, result="pass")


@pytest.fixture
def handed(qtbot, demo_store, draft, make_worker):
    worker = make_worker(demo_store)
    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    mode = pass_to_trainee(
        worker, draft.uid, draft.trainee_name, main, lock=HandBackLock("2468"), language="en"
    )
    assert mode is not None
    qtbot.addWidget(mode)
    settled(worker)
    return mode, main, worker


def _draw(qtbot, pad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 80))
    for x in range(40, 300, 20):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))


def test_the_sheet_is_shown_full_screen_and_nothing_else_is_reachable(handed):
    mode, main, _worker = handed
    assert mode.isFullScreen() and not main.isVisible()
    assert mode.windowModality() == Qt.WindowModality.ApplicationModal
    assert mode.pages_layout.count() >= 1  # the draft's pages, read through the worker
    mode.close()
    assert mode.isVisible()


def test_a_signature_is_needed_before_acknowledging(handed, demo_store, draft):
    mode, _main, worker = handed
    mode.ack_button.click()
    settled(worker)
    assert "Sign in the box first" in mode.message.text()
    assert current_acknowledgement(demo_store, draft.uid) is None


def test_name_and_drawing_are_kept_and_signed_over(handed, qtbot, demo_store, draft, tmp_path):
    mode, main, worker = handed
    mode.name.setEditText("Wang Xiaoming 王小明")
    _draw(qtbot, mode.pad)
    with qtbot.waitSignal(mode.acknowledged):
        mode.ack_button.click()
    assert not mode.ack_button.isEnabled()
    ack = current_acknowledgement(demo_store, draft.uid)
    assert ack is not None and ack.name == "Wang Xiaoming 王小明" and ack.device
    assert not mode.hand_back("0000") and mode.isVisible()
    assert mode.hand_back("2468") and main.isVisible()
    settled(worker)

    folder = tmp_path / "identity"
    I.create_identity("Zhang Wei 张伟", "correct horse battery", folder=folder)
    signer = HeldKeySigner(I.load_identity("correct horse battery", folder))
    signed = sign_assessment(demo_store, draft.uid, signer, None)
    path = tmp_path / "signed.pdf"
    path.write_bytes(A.latest_document(demo_store, signed.uid))
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in out and "Total document signed" in out
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Wang Xiaoming 王小明" in text


def test_the_assessments_area_offers_pass_to_trainee_for_drafts_only(
    qtbot, demo_store, draft, make_worker
):
    area = AssessmentsArea(make_worker(demo_store))
    qtbot.addWidget(area)
    area.show()
    button = area.findChild(QPushButton, "passToTraineeButton")
    assert button is area.pass_button
    area.reload(draft.uid)
    qtbot.waitUntil(lambda: area._current is not None)
    assert button.isEnabled()
    area._show(None)
    assert not button.isEnabled()
