"""Signatures that must not pass: unfit certificates, broken sheets, forged names, other mentors.

``pdfsig`` (poppler) is the independent reader: what it says of a sheet, ``mentordesk verify``
must not contradict.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from mentordesk.cli import main
from mentordesk.core import assessments as A
from mentordesk.core.errors import UserError
from mentordesk.core.models import AuditEvent
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.signing import (
    HeldKeySigner,
    countersign,
    countersign_file,
    sign_assessment,
)
from mentordesk.exchange.verify import verify_pdf

START, END = date(2026, 10, 1), date(2026, 11, 20)
PASS = "correct horse battery"
# Fixed windows: long past, far future, and one around today for the certificate not for signing.
WINDOWS = {
    "expired": (datetime(2001, 1, 1, tzinfo=UTC), datetime(2002, 1, 1, tzinfo=UTC)),
    "not_yet_valid": (datetime(2090, 1, 1, tzinfo=UTC), datetime(2091, 1, 1, tzinfo=UTC)),
    "not_for_signing": (datetime(2020, 1, 1, tzinfo=UTC), datetime(2080, 1, 1, tzinfo=UTC)),
    "good": (datetime(2020, 1, 1, tzinfo=UTC), datetime(2080, 1, 1, tzinfo=UTC)),
}
SAID = {
    "expired": "expired on 2002-01-01",
    "not_yet_valid": "valid only from 2090-01-01",
    "not_for_signing": "not meant for signing",
}
UNFIT = list(SAID)


def _identity(kind: str, name: str = "Zhang Wei 张伟") -> I.LoadedIdentity:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    start, end = WINDOWS[kind]
    usage = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    if kind == "not_for_signing":
        usage["key_encipherment"] = True  # an encryption certificate
    else:
        usage["digital_signature"] = True
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.KeyUsage(**usage), critical=True)
        .sign(key, hashes.SHA256())
    )
    return I.LoadedIdentity(key, cert)


def _p12(path: Path, identity: I.LoadedIdentity) -> Path:
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"id",
            identity.key,
            identity.certificate,
            None,
            serialization.BestAvailableEncryption(b"file-secret"),
        )
    )
    return path


def _pem(path: Path, identity: I.LoadedIdentity) -> Path:
    path.write_bytes(identity.certificate.public_bytes(serialization.Encoding.PEM))
    return path


def _pdfsig(path: Path) -> dict:
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    lines = [line.strip().lstrip("- ") for line in out.splitlines()]
    found = dict(line.split(": ", 1) for line in lines if ": " in line)
    found["whole"] = "Total document signed" in lines
    return found


def _draft(store, index: int) -> A.AssessmentView:
    t = list_trainees(store)[index]
    view = A.create_draft(store, t.uid, START, END)
    return A.update_draft(store, view.uid, result="pass")


def _forced_signer(identity: I.LoadedIdentity, monkeypatch) -> HeldKeySigner:
    """A signer that skips the checks, as the old code or another tool would sign."""
    monkeypatch.setattr(HeldKeySigner, "refuse_if_unfit", lambda self: None)
    return HeldKeySigner(identity)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- refused at import and at signing ---------------------------------------------------------


@pytest.mark.parametrize("kind", UNFIT)
def test_unfit_certificate_is_refused_at_import(kind, tmp_path):
    p12 = _p12(tmp_path / f"{kind}.p12", _identity(kind))
    folder = tmp_path / "id"
    with pytest.raises(UserError, match=SAID[kind]) as raised:
        I.import_pkcs12(p12, "file-secret", PASS, folder=folder)
    assert "not imported" in str(raised.value) and str(p12) in str(raised.value)
    assert not I.has_identity(folder)


def test_unfit_certificate_is_refused_by_the_import_command(tmp_path, capsys):
    p12 = _p12(tmp_path / "old.p12", _identity("expired"))
    secrets = tmp_path / "file.txt"
    secrets.write_text("file-secret\n")
    mine = tmp_path / "mine.txt"
    mine.write_text(PASS + "\n")
    code, _, err = _run(
        capsys,
        "identity",
        "import",
        str(p12),
        "--file-passphrase-file",
        str(secrets),
        "--passphrase-file",
        str(mine),
    )
    assert code == 1 and "expired on 2002-01-01" in err and "Traceback" not in err
    assert not I.has_identity()


@pytest.mark.parametrize("kind", UNFIT)
def test_unfit_certificate_signs_nothing(kind, demo_store, tmp_path, monkeypatch):
    # An identity imported while it was fine (here: written past the check) that is not now.
    identity = _identity(kind)
    folder = tmp_path / "id"
    with monkeypatch.context() as m:
        m.setattr(I, "refuse_unfit", lambda *a: None)
        I.import_pkcs12(_p12(tmp_path / "x.p12", identity), "file-secret", PASS, folder=folder)
    info = I.identity_info(folder)
    assert info is not None and SAID[kind] in info.problem
    with pytest.raises(UserError, match=SAID[kind]):
        I.load_identity(PASS, folder)
    with pytest.raises(UserError, match="Nothing was signed"):
        HeldKeySigner(identity)
    # Even a signer made before the certificate went bad is checked again when it signs.
    view = _draft(demo_store, 0)
    signer = _forced_signer(identity, monkeypatch)
    monkeypatch.undo()
    with pytest.raises(UserError, match=SAID[kind]):
        sign_assessment(demo_store, view.uid, signer, None)
    assert A.get_assessment(demo_store, view.uid).state == "draft"


# -- reported by verify, with and without --trust, as pdfsig does ------------------------------


@pytest.mark.parametrize("kind", UNFIT)
def test_verify_reports_an_unfit_certificate_as_pdfsig_does(
    kind, demo_store, tmp_path, monkeypatch, capsys
):
    identity = _identity(kind)
    view = _draft(demo_store, 1)
    sign_assessment(demo_store, view.uid, _forced_signer(identity, monkeypatch), None)
    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(A.latest_document(demo_store, view.uid))
    cert = _pem(tmp_path / "cert.pem", identity)

    pdfsig = _pdfsig(sheet)
    assert pdfsig["Signature Validation"] == "Signature is Valid."  # the bytes are fine...
    assert pdfsig["Certificate Validation"] in (  # ...the certificate is not
        "Certificate has Expired",
        "Unknown issue with Certificate or corrupted data.",
    )
    report = verify_pdf(sheet.read_bytes())
    assert SAID[kind] in report.signatures[0].certificate_problem
    assert not report.ok(require_trust=False)
    for trust in ([], ["--trust", str(cert)]):
        code, out, _ = _run(capsys, "verify", str(sheet), *trust)
        assert code == 1, trust
        assert "CERTIFICATE NOT VALID" in out and SAID[kind] in out
        assert ", trusted" not in out


def test_pdfsig_and_verify_agree_on_a_sheet_of_the_real_identity(demo_store, tmp_path, capsys):
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASS + "\n")
    db = str(demo_store.path)
    assert (
        _run(capsys, "identity", "create", "--db", db, "--passphrase-file", str(pass_file))[0] == 0
    )
    cert = tmp_path / "mentor.pem"
    code, out, _ = _run(capsys, "identity", "export-cert", str(cert))
    exported = out.split("SHA-256 fingerprint ")[1].split()[0]
    view = _draft(demo_store, 2)
    sign_assessment(demo_store, view.uid, HeldKeySigner(I.load_identity(PASS)), None)
    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(A.latest_document(demo_store, view.uid))

    pdfsig = _pdfsig(sheet)
    code, out, _ = _run(capsys, "verify", str(sheet), "--trust", str(cert))
    assert code == 0 and "intact, trusted" in out
    assert pdfsig["Signature Validation"] == "Signature is Valid."
    assert pdfsig["whole"]
    # pdfsig's "issuer is unknown" is the self-signed certificate it was not told to trust.
    assert pdfsig["Certificate Validation"] == "Certificate issuer is unknown."
    assert pdfsig["Signer Certificate Common Name"] in out
    assert f"certificate SHA-256 fingerprint {exported}" in out
    signed_at = A.get_assessment(demo_store, view.uid).signed_at
    assert f"{signed_at:%H:%M:%S}" in pdfsig["Signing Time"]


# -- countersign only what verifies ------------------------------------------------------------


def _signed_sheet(store, index: int) -> tuple[bytes, HeldKeySigner]:
    signer = HeldKeySigner(_identity("good"))
    view = _draft(store, index)
    sign_assessment(store, view.uid, signer, None)
    return A.latest_document(store, view.uid), signer


def test_countersign_refuses_a_sheet_with_a_flipped_byte(demo_store, tmp_path):
    pdf, signer = _signed_sheet(demo_store, 3)
    at = pdf.index(b"stream", pdf.index(b"/Length")) + 100
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(pdf[:at] + bytes([pdf[at] ^ 1]) + pdf[at + 1 :])
    out = tmp_path / "out.pdf"
    with pytest.raises(UserError, match=r"Not countersigned.*MentorSignature.*do not match"):
        countersign_file(bad, out, signer, "teacher")
    assert not out.exists()


def test_countersign_refuses_a_sheet_modified_after_signing(demo_store):
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf, signer = _signed_sheet(demo_store, 4)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    # A new mark on the signed page, appended after the signature: the bytes signed are intact.
    mark = writer.add_object(generic.StreamObject(stream_data=b"q 1 0 0 rg 10 10 300 300 re f Q"))
    writer.add_stream_to_page(0, mark)
    out = io.BytesIO()
    writer.write(out)
    changed = out.getvalue()
    assert verify_pdf(changed).signatures[0].intact
    with pytest.raises(UserError, match=r"Not countersigned.*changed after"):
        countersign(changed, signer, "teacher")
    assert verify_pdf(countersign(pdf, signer, "teacher")).ok(require_trust=False)


# -- a forged certificate with the same name ---------------------------------------------------


def test_a_forged_certificate_with_the_same_name_shows_another_fingerprint(
    demo_store, tmp_path, capsys
):
    real, forged = _identity("good"), _identity("good")  # both "Zhang Wei 张伟"
    sheets = []
    for n, identity in enumerate((real, forged)):
        view = _draft(demo_store, 5 + n)
        sign_assessment(demo_store, view.uid, HeldKeySigner(identity), None)
        sheets.append(tmp_path / f"{n}.pdf")
        sheets[-1].write_bytes(A.latest_document(demo_store, view.uid))
    outputs = []
    for sheet in sheets:
        code, out, _ = _run(capsys, "verify", str(sheet))
        assert code == 0 and "NOT TRUSTED (no --trust certificate given" in out
        outputs.append(out)
    prints = [out.split("SHA-256 fingerprint ")[1].split()[0] for out in outputs]
    assert prints[0] != prints[1]
    assert prints[0] == real.certificate.fingerprint(hashes.SHA256()).hex(":").upper()
    # With the mentor's exported certificate, the forgery is told apart.
    code, out, _ = _run(
        capsys, "verify", str(sheets[1]), "--trust", str(_pem(tmp_path / "r", real))
    )
    assert code == 1 and "NOT TRUSTED" in out


def test_identity_show_prints_the_fingerprint_verify_prints(tmp_path, capsys):
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASS + "\n")
    argv = ["identity", "create", "--name", "Li Ming", "--passphrase-file", str(pass_file)]
    assert _run(capsys, *argv)[0] == 0
    code, out, _ = _run(capsys, "identity", "show")
    shown = out.split("fingerprint ")[1].split()[0]
    code, out, _ = _run(capsys, "identity", "export-cert", str(tmp_path / "c.pem"))
    assert code == 0 and f"SHA-256 fingerprint {shown}" in out
    assert I.identity_info().fingerprint == shown  # type: ignore[union-attr]


# -- the form names another mentor -------------------------------------------------------------


def test_signing_for_another_mentor_warns_and_records_who_signed(
    demo_store, tmp_path, capsys, monkeypatch
):
    cohort = "2025 Steelmaking Order Class"
    first = A.cohort_trainees(demo_store, cohort)[:2]
    for view in A.ensure_drafts(demo_store, first, START, END):
        A.update_draft(demo_store, view.uid, result="pass")
        form_mentor = view.mentor
    assert form_mentor  # the local user's profile, the mentor on every new draft
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(PASS + "\n")
    argv = ["identity", "create", "--name", "Wang Fang", "--passphrase-file", str(pass_file)]
    assert _run(capsys, *argv)[0] == 0
    code, out, _ = _run(
        capsys,
        *("sheets", str(tmp_path / "out"), "--db", str(demo_store.path), "--cohort", cohort),
        *("--from", str(START), "--to", str(END), "--sign", "--passphrase-file", str(pass_file)),
    )
    assert code == 0 and "2 signed now" in out
    assert "WARNING: signed by Wang Fang" in out and f"(form: {form_mentor})" in out
    fingerprint = I.identity_info().fingerprint  # type: ignore[union-attr]
    assert fingerprint in out
    signed = A.list_assessments(demo_store, state="signed")
    assert {v.signed_by for v in signed} == {"Wang Fang"}
    with demo_store.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "signer")).all()
        recorded = [e.changes for e in events]
    assert len(recorded) == 2
    assert all(
        r
        == {"signed_by": "Wang Fang", "certificate_sha256": fingerprint, "form_mentor": form_mentor}
        for r in recorded
    )
