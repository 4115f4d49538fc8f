"""The sync bundle (issue 20, item 4): signed sheets travel with the workbook, verified.

The round trip is the one between a plant and its school: signed on A, bundled, imported on B,
countersigned on B with a comment, bundled back, imported on A. Every refusal leaves the
database as it was, byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core import assessments as A
from mentordesk.core.assessment_signing import countersign_comments
from mentordesk.core.database import backup_sqlite
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.bundle_export import export_bundle
from mentordesk.exchange.signing import HeldKeySigner, sign_assessment

COHORT = "2025 Steelmaking Order Class"
START, END = date(2026, 11, 1), date(2026, 11, 20)
PASS = "correct horse battery"
COMMENT = "学员操作规范，安全意识强。Good progress on the converter."


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _pdfsig(pdf: bytes, tmp: Path) -> str:
    path = tmp / "check.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_round_trip_between_two_stores(demo_store, tmp_path, capsys, monkeypatch):
    a_db, b_db = str(demo_store.path), str(tmp_path / "school.db")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    plant, school = tmp_path / "plant-data", tmp_path / "school-data"
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(plant))
    assert _run(capsys, "identity", "create", "--name", "Liu Jianguo", "--db", a_db,
                "--passphrase-file", str(secret))[0] == 0  # fmt: skip
    trainee = A.cohort_trainees(demo_store, COHORT)[0]
    view = A.create_draft(demo_store, trainee, START, END)
    A.update_draft(demo_store, view.uid, result="pass")
    code, _, err = _run(capsys, "assessment", "sign", view.trainee_id, "--db", a_db,
                        "--from", "2026-11-01", "--to", "2026-11-20",
                        "--passphrase-file", str(secret))  # fmt: skip
    assert code == 0, err

    out = tmp_path / "plant.zip"
    code, said, err = _run(capsys, "export", str(out), "--bundle", "--db", a_db)
    assert code == 0, err
    assert "1 signed and countersigned sheets" in said
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert {e["kind"] for e in manifest["files"]} == {"workbook", "signed"}
        for entry in manifest["files"]:
            data = zf.read(entry["path"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size"]

    # The school's MentorDesk takes it: the assessment arrives signed, with its sheet.
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(school))
    code, said, err = _run(capsys, "import", str(out), "--db", b_db)
    assert code == 0, err
    assert "results bundle, applied" in said
    b = Store.open(Path(b_db))
    try:
        held = A.get_assessment(b, view.uid)
        assert held.state == "signed"
        signed_pdf = A.latest_document(b, view.uid)
    finally:
        b.close()
    assert signed_pdf is not None
    assert _pdfsig(signed_pdf, tmp_path).count("Signature is Valid") == 1

    # The teacher countersigns there with the existing command, with a comment.
    assert _run(capsys, "identity", "create", "--name", "Wang Fang", "--db", b_db,
                "--passphrase-file", str(secret))[0] == 0  # fmt: skip
    (tmp_path / "in.pdf").write_bytes(signed_pdf)
    code, said, err = _run(capsys, "countersign", str(tmp_path / "in.pdf"),
                           str(tmp_path / "countersigned.pdf"), "--db", b_db,
                           "--passphrase-file", str(secret), "--comment", COMMENT,
                           "--result", "pass")  # fmt: skip
    assert code == 0 and "recorded" in said, err
    back = tmp_path / "school.zip"
    assert _run(capsys, "export", str(back), "--bundle", "--db", b_db)[0] == 0

    # Back at the plant: the countersigned sheet and the teacher's words are kept.
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(plant))
    code, said, err = _run(capsys, "import", str(back), "--db", a_db)
    assert code == 0, err
    assert "sheets/" in said and "new" in said
    comments = countersign_comments(demo_store, view.uid)
    assert comments[-1]["comment"] == COMMENT and comments[-1]["result"] == "pass"
    docs = A.documents(demo_store, view.uid)
    assert [d.kind for d in docs] == ["signed", "countersigned"]
    assert _pdfsig(docs[-1].pdf, tmp_path).count("Signature is Valid") == 2

    # Importing the same bundle again changes nothing.
    code, said, _ = _run(capsys, "import", str(back), "--db", a_db)
    assert code == 0 and "): 0 new, 0 updated" in said
    assert len(A.documents(demo_store, view.uid)) == 2


# -- refusals ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle of two signed sheets, one of them countersigned."""
    folder = tmp_path_factory.mktemp("bundle")
    I.create_identity("Liu Jianguo", PASS, folder=folder / "id")
    signer = HeldKeySigner(I.load_identity(PASS, folder / "id"))
    db = folder / "plant.db"
    backup_sqlite(_demo_template, db)
    store = Store.open(db)
    try:
        for t in list_trainees(store)[:2]:
            view = A.create_draft(store, t.uid, START, END)
            A.update_draft(store, view.uid, result="pass")
            sign_assessment(store, view.uid, signer, None)
        from mentordesk.exchange.signing import countersign_assessment

        countersign_assessment(store, view.uid, signer, "teacher")
        return export_bundle(store, folder / "plant.zip").path
    finally:
        store.close()


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _rewritten(path: Path, target: Path, change: Callable[[list[tuple[str, bytes]]], list]) -> Path:
    members = change(_members(path))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    target.write_bytes(buf.getvalue())
    return target


def _manifest(members: list[tuple[str, bytes]]) -> dict:
    return json.loads(dict(members)["manifest.json"])


def _with_manifest(members: list, manifest: dict) -> list:
    return [(n, json.dumps(manifest).encode() if n == "manifest.json" else d) for n, d in members]


def _first_sheet(members: list) -> str:
    return next(n for n, _ in members if n.startswith("sheets/"))


def _flip(pdf: bytes) -> bytes:
    at = pdf.index(b"stream", pdf.index(b"/Length")) + 100
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


def _tampered_and_rehashed(members: list) -> list:
    """The PDF changed and the manifest made to match: only the signature can tell."""
    name = _first_sheet(members)
    members = [(n, _flip(d) if n == name else d) for n, d in members]
    manifest = _manifest(members)
    for entry in manifest["files"]:
        if entry["path"] == name:
            entry["sha256"] = hashlib.sha256(dict(members)[name]).hexdigest()
    return _with_manifest(members, manifest)


def _missing(members: list) -> list:
    name = _first_sheet(members)
    return [(n, d) for n, d in members if n != name]


def _altered(members: list) -> list:
    name = _first_sheet(members)
    return [(n, _flip(d) if n == name else d) for n, d in members]


def _extra(members: list) -> list:
    return [*members, ("sheets/not-listed.pdf", members[1][1])]


def _traversal(members: list) -> list:
    return [*members, ("../evil.pdf", b"%PDF-1.7")]


def _absolute(members: list) -> list:
    return [*members, ("/tmp/evil.pdf", b"%PDF-1.7")]


def _duplicate(members: list) -> list:
    name = _first_sheet(members)
    return [*members, (name, dict(members)[name])]


def _bomb(members: list) -> list:
    return [*members, ("sheets/bomb.pdf", b"\0" * (64 * 1024 * 1024))]


def _listed_traversal(members: list) -> list:
    manifest = _manifest(members)
    manifest["files"][1]["path"] = "../../outside.pdf"
    return _with_manifest(members, manifest)


def _no_manifest(members: list) -> list:
    return [(n, d) for n, d in members if n != "manifest.json"]


REFUSALS = {
    "tampered PDF, manifest rehashed": (_tampered_and_rehashed, "does not verify"),
    "PDF altered": (_altered, "altered"),
    "manifest entry without its file": (_missing, "missing"),
    "file not in the manifest": (_extra, "sheets/not-listed.pdf: extra"),
    "path traversal member": (_traversal, "'../evil.pdf': unsafe name"),
    "absolute member": (_absolute, "'/tmp/evil.pdf': unsafe name: an absolute path"),
    "duplicate member": (_duplicate, "twice"),
    "compressed bomb": (_bomb, "sheets/bomb.pdf: unpacks to 64 MB"),
    "path traversal in the manifest": (_listed_traversal, "unsafe path '../../outside.pdf'"),
    "no manifest": (_no_manifest, "manifest.json: missing"),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_a_bad_bundle_is_refused_whole_naming_the_member(bundle, tmp_path, capsys, case):
    change, words = REFUSALS[case]
    bad = _rewritten(bundle, tmp_path / "bad.zip", change)
    db = tmp_path / "school.db"
    Store.open(db).close()
    before = db.read_bytes()

    code, _, err = _run(capsys, "import", str(bad), "--db", str(db))

    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "bad.zip" in err and words in err and "nothing was imported" in err, err
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


@pytest.mark.parametrize(
    "limit, words",
    [
        ("MAX_SHEET_BYTES", "far larger than any signed sheet"),
        ("MAX_SHEETS_BYTES", "far more than any bundle holds"),
        ("MAX_BUNDLE_BYTES", "larger than any bundle"),
    ],
)
def test_an_oversized_bundle_or_member_is_refused(
    bundle, tmp_path, capsys, monkeypatch, limit, words
):
    from mentordesk.exchange import bundle_import

    monkeypatch.setattr(bundle_import, limit, 1000)
    db = tmp_path / "school.db"
    Store.open(db).close()
    before = db.read_bytes()
    code, _, err = _run(capsys, "import", str(bundle), "--db", str(db))
    assert code == 1 and words in err and "nothing was imported" in err, err
    assert db.read_bytes() == before


def test_an_untouched_rewritten_bundle_imports(bundle, tmp_path, capsys):
    """The refusals above come from each change, not from the rewriting itself."""
    good = _rewritten(bundle, tmp_path / "good.zip", lambda m: m)
    code, out, err = _run(capsys, "import", str(good), "--db", str(tmp_path / "school.db"))
    assert code == 0, err
    assert "results bundle, applied" in out


def test_export_bundle_needs_a_zip_name(demo_store, tmp_path, capsys):
    code, _, err = _run(
        capsys, "export", str(tmp_path / "x.xlsx"), "--bundle", "--db", str(demo_store.path)
    )
    assert code == 1 and "must be saved as .zip" in err
    assert not (tmp_path / "x.xlsx").exists()
