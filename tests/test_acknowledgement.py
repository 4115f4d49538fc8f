"""The trainee's acknowledgement on the device: name and drawn signature, stamped into the
trainee box before the mentor signs, covered by the mentor's signature; no key needed."""

from __future__ import annotations

import struct
import subprocess
import zlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mentordesk.cli import main
from mentordesk.core import assessments as A
from mentordesk.core.acknowledgements import acknowledge, current_acknowledgement
from mentordesk.core.errors import UserError
from mentordesk.core.models import AuditEvent
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.signing import HeldKeySigner, sign_assessment
from mentordesk.exchange.verify import verify_pdf

START, END = date(2026, 10, 1), date(2026, 11, 20)
PASS = "correct horse battery"


def png(width: int = 60, height: int = 20) -> bytes:
    """A small black-on-white PNG: a stroke across the middle, as a pad would draw."""
    rows = b""
    for y in range(height):
        line = bytes(0 if y == height // 2 else 255 for _ in range(width))
        rows += b"\x00" + line

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> HeldKeySigner:
    folder = tmp_path_factory.mktemp("identity")
    I.create_identity("Zhang Wei 张伟", PASS, organisation="Northbay", folder=folder)
    return HeldKeySigner(I.load_identity(PASS, folder))


def _draft(store) -> A.AssessmentView:
    t = list_trainees(store)[0]
    view = A.create_draft(store, t.uid, START, END)
    return A.update_draft(store, view.uid, result="pass", comment="Steady.")


def _text(pdf: bytes, tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    signatures = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return signatures, text


def test_the_acknowledgement_is_stamped_and_the_mentors_signature_covers_it(
    demo_store, signer, tmp_path
):
    draft = _draft(demo_store)
    ack = acknowledge(demo_store, draft.uid, "Wang Xiaoming 王小明", png(), device="bay-3-pc")
    assert ack.device == "bay-3-pc"
    signed = sign_assessment(demo_store, draft.uid, signer, None)
    pdf = A.latest_document(demo_store, signed.uid)
    signatures, text = _text(pdf, tmp_path)
    assert "Signature is Valid" in signatures and "Total document signed" in signatures
    assert "Wang Xiaoming 王小明" in text
    report = verify_pdf(pdf)
    assert [(s.field, s.intact, s.unmodified) for s in report.signatures] == [
        ("MentorSignature", True, True)
    ]
    # The stamp is in the page content the mentor signed: the image is there, once per stamp.
    assert pdf.count(b"/Subtype /Image") >= 1


def test_the_audit_trail_says_when_and_on_which_device(demo_store):
    draft = _draft(demo_store)
    ack = acknowledge(demo_store, draft.uid, "Wang Xiaoming", png(), device="bay-3-pc")
    with demo_store.read() as s:
        event = s.scalar(
            select(AuditEvent).where(
                AuditEvent.entity_uid == draft.uid, AuditEvent.action == "acknowledge"
            )
        )
    assert event is not None
    assert event.changes["acknowledged_device"] == "bay-3-pc"
    assert event.changes["acknowledged_by"] == "Wang Xiaoming"
    assert event.changes["acknowledged_at"] == ack.at.isoformat()
    assert "acknowledgement_png" not in event.changes


def test_a_draft_changed_after_the_acknowledgement_is_not_stamped(demo_store, signer, tmp_path):
    draft = _draft(demo_store)
    acknowledge(demo_store, draft.uid, "Wang Xiaoming", png())
    assert current_acknowledgement(demo_store, draft.uid) is not None
    A.update_draft(demo_store, draft.uid, comment="Changed after the trainee read it.")
    assert current_acknowledgement(demo_store, draft.uid) is None
    signed = sign_assessment(demo_store, draft.uid, signer, None)
    _sigs, text = _text(A.latest_document(demo_store, signed.uid), tmp_path)
    assert "Wang Xiaoming" not in text


@pytest.mark.parametrize(
    ("name", "drawing", "problem"),
    [
        ("  ", png(), "name"),
        ("Wang", b"", "drawn PNG"),
        ("Wang", b"GIF89a", "drawn PNG"),
    ],
)
def test_bad_acknowledgements_are_refused_changing_nothing(demo_store, name, drawing, problem):
    draft = _draft(demo_store)
    with pytest.raises(UserError, match=problem):
        acknowledge(demo_store, draft.uid, name, drawing)
    assert current_acknowledgement(demo_store, draft.uid) is None


def test_a_signed_sheet_cannot_be_acknowledged(demo_store, signer):
    draft = _draft(demo_store)
    sign_assessment(demo_store, draft.uid, signer, None)
    with pytest.raises(UserError, match="amend it instead"):
        acknowledge(demo_store, draft.uid, "Wang", png())


def test_cli_acknowledge(demo_store, tmp_path, capsys):
    draft = _draft(demo_store)
    drawing = tmp_path / "sig.png"
    drawing.write_bytes(png())
    db = str(demo_store.path)
    argv = ["assessment", "acknowledge", draft.trainee_id, "--db", db, "--name", "Wang Xiaoming"]
    code = main([*argv, "--signature-png", str(drawing)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "acknowledged by Wang Xiaoming" in out
    assert current_acknowledgement(demo_store, draft.uid) is not None
    code = main([*argv, "--signature-png", str(tmp_path / "missing.png")])
    assert code != 0 and "missing.png" in capsys.readouterr().err
