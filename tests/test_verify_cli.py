"""The command line end to end: identity, sheets --sign, verify with and without trust."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core import assessments as A

COHORT = "2025 Steelmaking Order Class"
PERIOD = ["--from", "2026-11-01", "--to", "2026-11-20"]


@pytest.fixture
def secrets(tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "pass.txt"
    good.write_text("correct horse battery\n", encoding="utf-8")
    bad = tmp_path / "wrong.txt"
    bad.write_text("incorrect horse\n", encoding="utf-8")
    return good, bad


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_identity_sheets_and_verify(demo_store, secrets, tmp_path, capsys):
    good, bad = secrets
    db = str(demo_store.path)
    code, out, _ = _run(capsys, "identity", "create", "--db", db, "--passphrase-file", str(good))
    assert code == 0 and "Zhang Wei 张伟" in out  # the local user's profile name
    code, _, err = _run(capsys, "identity", "create", "--name", "X", "--passphrase-file", str(good))
    assert code == 1 and "already exists" in err
    cert = tmp_path / "mentor.pem"
    assert _run(capsys, "identity", "export-cert", str(cert))[0] == 0

    first_three = A.cohort_trainees(demo_store, COHORT)[:3]
    for view in A.ensure_drafts(demo_store, first_three, date(2026, 11, 1), date(2026, 11, 20)):
        A.update_draft(demo_store, view.uid, result="distinction")
    outdir = tmp_path / "sheets"
    outdir.mkdir()
    args = ["sheets", str(outdir), "--db", db, "--cohort", COHORT, *PERIOD, "--sign"]
    code, out, err = _run(capsys, *args, "--passphrase-file", str(bad))
    assert code == 1
    assert err.strip() == "mentordesk: The passphrase does not unlock the signing identity"
    assert list(outdir.iterdir()) == []
    code, out, _ = _run(capsys, *args, "--passphrase-file", str(good))
    assert code == 0 and "3 signed now" in out and "no result" in out
    signed = sorted(
        p for p in outdir.iterdir() if p.name.startswith(tuple(_signed_ids(demo_store)))
    )
    assert len(signed) == 3

    code, out, _ = _run(capsys, "verify", str(signed[0]))
    assert code == 0 and "intact" in out and "NOT TRUSTED" in out and "Zhang Wei" in out
    code, out, _ = _run(capsys, "verify", str(signed[0]), "--trust", str(cert))
    assert code == 0 and ", trusted" in out

    other = tmp_path / "other-id"
    from mentordesk.exchange.signing_identity import create_identity, export_certificate

    create_identity("Stranger", "correct horse battery", folder=other)
    stranger = export_certificate(tmp_path / "stranger.pem", other)
    code, out, _ = _run(capsys, "verify", str(signed[0]), "--trust", str(stranger))
    assert code == 1 and "NOT TRUSTED" in out

    data = signed[0].read_bytes()
    at = data.index(b"stream", data.index(b"/Length")) + 100
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])
    code, out, _ = _run(capsys, "verify", str(tampered))
    assert code == 1 and "TAMPERED" in out

    unsigned = next(p for p in outdir.iterdir() if p not in signed)
    code, out, _ = _run(capsys, "verify", str(unsigned))
    assert code == 1 and "no signature" in out


def _signed_ids(store) -> list[str]:
    return [v.trainee_id for v in A.list_assessments(store, state="signed")]


def test_passphrase_is_never_an_argument_and_needs_a_terminal(demo_store, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["identity", "create", "--name", "X", "--passphrase", "secret"])
    capsys.readouterr()
    code, _, err = _run(capsys, "identity", "create", "--name", "X")
    assert code == 1 and "--passphrase-file" in err


def test_verify_bad_input_is_one_line(tmp_path, capsys):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    code, _, err = _run(capsys, "verify", str(junk))
    assert code == 1 and len(err.strip().splitlines()) == 1
    code, _, err = _run(capsys, "verify", str(tmp_path / "missing.pdf"))
    assert code == 1 and "cannot be read" in err
