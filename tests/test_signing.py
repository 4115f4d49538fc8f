"""PAdES signing of sheets: pdfsig and pyHanko agree on valid, tampered and countersigned."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from mentordesk.core import assessments as A
from mentordesk.core.errors import UserError
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.signing import HeldKeySigner, countersign_assessment, sign_assessment
from mentordesk.exchange.verify import load_trust, verify_pdf

START, END = date(2026, 10, 1), date(2026, 11, 20)
PASS = "correct horse battery"


@pytest.fixture(scope="module")
def identity_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("identity")
    I.create_identity("Zhang Wei 张伟", PASS, organisation="Northbay Iron & Steel", folder=folder)
    return folder


@pytest.fixture(scope="module")
def signer(identity_folder: Path) -> HeldKeySigner:
    return HeldKeySigner(I.load_identity(PASS, identity_folder))


def _pdfsig(path: Path) -> str:
    # pdfsig exits 0 even on a digest mismatch: its text is the verdict.
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def _flip_signed_byte(pdf: bytes) -> bytes:
    """One bit inside the first page's content stream: structure intact, content changed."""
    at = pdf.index(b"stream", pdf.index(b"/Length")) + 100
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


def _signed_sheet(store, signer, index: int = 0) -> A.AssessmentView:
    t = list_trainees(store)[index]
    view = A.create_draft(store, t.uid, START, END)
    A.update_draft(store, view.uid, result="pass", comment="按规程操作，进步明显。")
    return sign_assessment(store, view.uid, signer, None)


def test_signed_sheet_is_valid_for_pdfsig_and_pyhanko(demo_store, signer, tmp_path):
    view = _signed_sheet(demo_store, signer)
    assert view.state == "signed"
    pdf = A.latest_document(demo_store, view.uid)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    out = _pdfsig(path)
    assert "Signature is Valid" in out
    assert "Total document signed" in out
    assert "ETSI.CAdES.detached" in out  # PAdES
    assert "Zhang Wei 张伟" in out
    report = verify_pdf(pdf)
    assert [(s.field, s.intact, s.unmodified) for s in report.signatures] == [
        ("MentorSignature", True, True)
    ]
    assert report.ok(require_trust=False)
    assert sorted(report.empty_fields) == ["TeacherCountersignature", "TraineeAcknowledgement"]


def test_a_flipped_byte_is_reported_tampered_by_both(demo_store, signer, tmp_path):
    view = _signed_sheet(demo_store, signer)
    bad = _flip_signed_byte(A.latest_document(demo_store, view.uid))
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bad)
    out = _pdfsig(path)
    assert "Digest Mismatch" in out
    assert "Signature is Valid" not in out
    report = verify_pdf(bad)
    assert [s.state for s in report.signatures] == ["TAMPERED"]
    assert not report.ok(require_trust=False)


def test_countersigning_keeps_every_signature_valid(demo_store, signer, tmp_path):
    view = _signed_sheet(demo_store, signer)
    first = A.latest_document(demo_store, view.uid)
    doc = countersign_assessment(demo_store, view.uid, signer, "teacher")
    assert doc.pdf.startswith(first)
    path = tmp_path / "countersigned.pdf"
    path.write_bytes(doc.pdf)
    out = _pdfsig(path)
    assert out.count("Signature is Valid") == 2
    assert "TeacherCountersignature" in out and "MentorSignature" in out
    report = verify_pdf(doc.pdf)
    assert {s.field for s in report.signatures} == {"MentorSignature", "TeacherCountersignature"}
    assert report.ok(require_trust=False)
    with pytest.raises(UserError, match="already signed"):
        countersign_assessment(demo_store, view.uid, signer, "teacher")
    third = countersign_assessment(demo_store, view.uid, signer, "trainee")
    assert verify_pdf(third.pdf).ok(require_trust=False)
    assert len(A.documents(demo_store, view.uid)) == 3


def test_trust_only_the_given_certificate(demo_store, signer, identity_folder, tmp_path):
    view = _signed_sheet(demo_store, signer)
    pdf = A.latest_document(demo_store, view.uid)
    pem = I.export_certificate(tmp_path / "mentor.pem", identity_folder)
    der = I.export_certificate(tmp_path / "mentor.der", identity_folder)
    assert pem.read_bytes().startswith(b"-----BEGIN CERTIFICATE")
    assert not der.read_bytes().startswith(b"-----")
    for cert in (pem, der):
        report = verify_pdf(pdf, [load_trust(cert)])
        assert report.ok(require_trust=True)
    other = tmp_path / "other"
    other.mkdir()
    I.create_identity("Someone Else", PASS, folder=other)
    stranger = load_trust(I.export_certificate(tmp_path / "other.pem", other))
    report = verify_pdf(pdf, [stranger])
    assert not report.signatures[0].trusted
    assert not report.ok(require_trust=True)


def test_wrong_passphrase_and_existing_identity(identity_folder):
    with pytest.raises(I.WrongPassphrase):
        I.load_identity("not the passphrase", identity_folder)
    with pytest.raises(UserError, match="already exists"):
        I.create_identity("Again", PASS, folder=identity_folder)
    with pytest.raises(UserError, match="at least"):
        I.create_identity("Short", "abc", folder=identity_folder, replace=True)
    info = I.identity_info(identity_folder)
    assert info is not None and info.name == "Zhang Wei 张伟" and info.self_signed


def test_import_pkcs12_with_an_ec_key_signs(demo_store, tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "陈红 Chen Hong")])
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    p12 = tmp_path / "chen.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"chen", key, cert, None, serialization.BestAvailableEncryption(b"file-secret")
        )
    )
    folder = tmp_path / "id"
    folder.mkdir()
    with pytest.raises(UserError, match="passphrase is wrong"):
        I.import_pkcs12(p12, "nope", PASS, folder=folder)
    assert I.import_pkcs12(p12, "file-secret", PASS, folder=folder).name == "陈红 Chen Hong"
    signer = HeldKeySigner(I.load_identity(PASS, folder))
    view = _signed_sheet(demo_store, signer, 5)
    path = tmp_path / "ec.pdf"
    path.write_bytes(A.latest_document(demo_store, view.uid))
    assert "Signature is Valid" in _pdfsig(path)
    assert verify_pdf(path.read_bytes()).ok(require_trust=False)
