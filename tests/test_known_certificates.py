"""Known signers' certificates (interchange.md 3.8): a bundle's sheet signed in a name this
database knows must be signed by a certificate known for that name.

MentorDesk's certificates are self-signed: anyone can make one naming the mentor. The plant
learns its mentor's certificate by signing here, a school learns it from the first bundle; a
sheet signed in that name by any other certificate is refused whole until it is accepted.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core import assessments as A
from mentordesk.core.database import backup_sqlite
from mentordesk.core.errors import UserError
from mentordesk.core.known_certificates import CertificateRefused, list_certificates
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.bundle_export import export_bundle
from mentordesk.exchange.bundle_import import prepare_bundle
from mentordesk.exchange.signing import HeldKeySigner, countersign_assessment, sign_assessment

START, END = date(2026, 11, 1), date(2026, 11, 20)
PASS = "correct horse battery"


@dataclass(frozen=True)
class World:
    plant: Path  # the mentor's database, after signing two sheets and exporting plant.zip
    blank: Path  # a database that never met any certificate
    school: Path  # took plant.zip, then the teacher countersigned there
    plant_zip: Path  # the mentor's two signed sheets
    school_zip: Path  # plant.zip imported at the school, one sheet countersigned by the teacher
    forged_zip: Path  # a sheet signed by another certificate naming the mentor
    renewed_zip: Path  # a sheet signed by the mentor's new certificate
    forged_teacher_zip: Path  # the teacher's countersignature made with a forged certificate
    lookalike_zip: Path  # signed as "Liu Jiаnguo", a Cyrillic а among Latin letters
    lookalike: str
    mentor: str  # fingerprints
    forger: str
    renewed: str
    teacher: str


def _signer(folder: Path, name: str) -> HeldKeySigner:
    I.create_identity(name, PASS, folder=folder)
    return HeldKeySigner(I.load_identity(PASS, folder))


def _sign(store: Store, signer: HeldKeySigner, trainees: list) -> list[str]:
    uids = []
    for t in trainees:
        view = A.create_draft(store, t.uid, START, END)
        A.update_draft(store, view.uid, result="pass")
        sign_assessment(store, view.uid, signer, None)
        uids.append(view.uid)
    return uids


def _copy(demo: Path, target: Path) -> Path:
    backup_sqlite(demo, target)
    Store.open(target).close()
    return target


@pytest.fixture(scope="module")
def world(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("certificates")
    mentor = _signer(folder / "mentor", "Liu Jianguo")
    forger = _signer(folder / "forger", "Liu Jianguo")
    renewed = _signer(folder / "renewed", "Liu Jianguo")
    lookalike = _signer(folder / "lookalike", "Liu Ji\u0430nguo")
    teacher = _signer(folder / "teacher", "Wang Fang")
    fake_teacher = _signer(folder / "fake-teacher", "Wang Fang")
    blank = _copy(_demo_template, folder / "blank.db")

    plant = _copy(_demo_template, folder / "plant.db")
    store = Store.open(plant)
    try:
        trainees = list_trainees(store)
        uids = _sign(store, mentor, trainees[:2])
        plant_zip = export_bundle(store, folder / "plant.zip").path
    finally:
        store.close()

    # The school takes the plant's bundle and countersigns one sheet.
    school = _copy(_demo_template, folder / "school.db")
    store = Store.open(school)
    try:
        prepare_bundle(plant_zip).apply(store)
        countersign_assessment(store, uids[0], teacher, "teacher")
        school_zip = export_bundle(store, folder / "school.zip").path
    finally:
        store.close()
    # Someone else countersigns in the teacher's name on a copy of the school's database.
    shutil.copy(school, folder / "fake-school.db")
    store = Store.open(folder / "fake-school.db")
    try:
        countersign_assessment(store, uids[1], fake_teacher, "teacher")
        forged_teacher_zip = export_bundle(store, folder / "forged-teacher.zip").path
    finally:
        store.close()

    def other(name: str, signer: HeldKeySigner, n: int) -> Path:
        db = _copy(_demo_template, folder / f"{name}.db")
        store = Store.open(db)
        try:
            _sign(store, signer, list_trainees(store)[n : n + 1])
            return export_bundle(store, folder / f"{name}.zip").path
        finally:
            store.close()

    return World(
        plant=plant,
        blank=blank,
        school=school,
        plant_zip=plant_zip,
        school_zip=school_zip,
        forged_zip=other("forged", forger, 5),
        renewed_zip=other("renewed", renewed, 6),
        forged_teacher_zip=forged_teacher_zip,
        lookalike_zip=other("lookalike", lookalike, 7),
        lookalike=lookalike.fingerprint,
        mentor=mentor.fingerprint,
        forger=forger.fingerprint,
        renewed=renewed.fingerprint,
        teacher=teacher.fingerprint,
    )


def _db(world_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "mentordesk.db"
    shutil.copy(world_db, db)
    return db


def _state(db: Path) -> str:
    h = hashlib.sha256(db.read_bytes())
    wal = Path(f"{db}-wal")
    if wal.exists():
        h.update(wal.read_bytes())
    return h.hexdigest()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _known(db: Path) -> dict[tuple[str, str], str]:
    store = Store.open(db)
    try:
        return {(c.signer, c.fingerprint): c.how for c in list_certificates(store)}
    finally:
        store.close()


def test_signing_here_records_the_local_certificate(world: World) -> None:
    assert _known(world.plant) == {("Liu Jianguo", world.mentor): "signed here"}


def test_countersigning_here_records_the_teachers_certificate(world: World) -> None:
    assert _known(world.school) == {
        ("Liu Jianguo", world.mentor): "first seen",
        ("Wang Fang", world.teacher): "signed here",
    }


def test_names_differing_only_in_what_does_not_show_are_one_name() -> None:
    from mentordesk.core.known_certificates import name_key

    same = {
        name_key(n)
        for n in ("Liu Jianguo", "ＬＩＵ  jianguo", "Liu Jianguo\u200b", "\u202aLiu Jianguo")
    }
    assert same == {"liu jianguo"}


def test_a_forged_same_name_certificate_is_refused_and_nothing_changes(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(world.plant, tmp_path)
    before = _state(db)
    code, out, err = _run(capsys, "import", str(world.forged_zip), "--db", str(db))
    assert code == 1
    assert _state(db) == before
    line = err.strip()
    assert line.startswith("mentordesk: forged.zip, member sheets/") and len(line.splitlines()) == 1
    assert "Liu Jianguo" in line and "nothing was imported" in line
    assert world.forger in line and world.mentor in line
    assert f"--accept-certificate {world.forger}" in out and "mentordesk identity show" in out
    assert "Traceback" not in out + err


def test_a_forged_certificate_is_refused_through_the_service(world: World, tmp_path: Path) -> None:
    db = _db(world.plant, tmp_path)
    before = _state(db)
    prepared = prepare_bundle(world.forged_zip)
    store = Store.open(db)
    try:
        with pytest.raises(CertificateRefused) as refused:
            prepared.dry_run(store)
        with pytest.raises(CertificateRefused):
            prepared.apply(store)
    finally:
        store.close()
    assert (refused.value.signer, refused.value.fingerprint) == ("Liu Jianguo", world.forger)
    assert refused.value.known == [world.mentor]
    assert _state(db) == before


def test_a_name_seen_first_is_accepted_recorded_and_reported(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(world.blank, tmp_path)
    code, out, err = _run(capsys, "import", str(world.plant_zip), "--db", str(db))
    assert code == 0, err
    assert (
        f"first sheet signed by Liu Jianguo seen here: certificate SHA-256 {world.mentor}; "
        "compare it with the fingerprint Liu Jianguo gives you (mentordesk identity show"
    ) in out
    assert _known(db) == {("Liu Jianguo", world.mentor): "first seen"}
    code, out, _ = _run(capsys, "certificates", "--db", str(db))
    assert code == 0 and world.mentor in out and "plant.zip" in out
    # From now on, the forger's sheet in that name is refused here too.
    assert _run(capsys, "import", str(world.forged_zip), "--db", str(db))[0] == 1


def test_a_renewed_certificate_goes_in_once_accepted(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(world.plant, tmp_path)
    code, out, err = _run(capsys, "import", str(world.renewed_zip), "--db", str(db))
    assert code == 1 and world.renewed in err
    spaced_lower = world.renewed.lower()
    code, out, err = _run(capsys, "import", str(world.renewed_zip), "--db", str(db),
                          "--accept-certificate", spaced_lower)  # fmt: skip
    assert code == 0, err
    assert f"certificate SHA-256 {world.renewed} accepted for Liu Jianguo" in out
    assert _known(db) == {
        ("Liu Jianguo", world.mentor): "signed here",
        ("Liu Jianguo", world.renewed): "accepted",
    }
    # Accepted once is known: the same bundle again needs nothing more; the forger still fails.
    assert _run(capsys, "import", str(world.renewed_zip), "--db", str(db))[0] == 0
    assert _run(capsys, "import", str(world.forged_zip), "--db", str(db))[0] == 1


def test_accepting_a_certificate_no_sheet_carries_is_refused(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(world.plant, tmp_path)
    before = _state(db)
    code, _, err = _run(capsys, "import", str(world.renewed_zip), "--db", str(db),
                        "--accept-certificate", world.forger)  # fmt: skip
    assert code == 1 and "nothing was imported" in err and _state(db) == before
    code, _, err = _run(capsys, "import", str(world.renewed_zip), "--db", str(db),
                        "--accept-certificate", "AB:CD")  # fmt: skip
    assert code == 1 and "not a SHA-256 fingerprint" in err


def test_the_mentors_own_sheets_come_back_and_the_teacher_is_learned(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(world.plant, tmp_path)
    code, out, err = _run(capsys, "import", str(world.school_zip), "--db", str(db))
    assert code == 0, err
    assert "first sheet signed by Liu Jianguo" not in out
    assert f"first sheet signed by Wang Fang seen here: certificate SHA-256 {world.teacher}" in out
    assert _known(db)[("Wang Fang", world.teacher)] == "first seen"
    # A countersignature in the teacher's name by another certificate is refused.
    before = _state(db)
    code, out, err = _run(capsys, "import", str(world.forged_teacher_zip), "--db", str(db))
    assert code == 1 and _state(db) == before
    assert "Wang Fang" in err and world.teacher in err
    assert "-r2.pdf" in err


def test_a_plain_workbook_refuses_accept_certificate(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "x.xlsx"
    book.write_bytes(b"")
    code, _, err = _run(capsys, "import", str(book), "--db", str(world.blank),
                        "--accept-certificate", world.mentor)  # fmt: skip
    assert code == 1 and "bundle" in err


def test_unknown_certificates_table_is_listed_empty(world: World, tmp_path: Path, capsys) -> None:
    db = _db(world.blank, tmp_path)
    code, out, _ = _run(capsys, "certificates", "--db", str(db))
    assert code == 0 and "No certificate known yet" in out
    with pytest.raises(UserError):
        from mentordesk.core.known_certificates import fingerprint_given

        fingerprint_given("zz")


@pytest.fixture
def plant_store(world: World, tmp_path: Path):
    store = Store.open(_db(world.plant, tmp_path))
    yield store
    store.close()


def test_the_sync_area_accepts_a_certificate_after_showing_both_fingerprints(
    qtbot, world: World, plant_store: Store, make_worker, monkeypatch
) -> None:
    from mentordesk.ui.certificate_dialogs import AcceptCertificateBox
    from mentordesk.ui.sync_view import SyncArea

    area = SyncArea(make_worker(plant_store))
    qtbot.addWidget(area)
    area.preview_file(world.renewed_zip)
    qtbot.waitUntil(lambda: area.refusal is not None, timeout=30000)
    assert area.accept_certificate.isVisibleTo(area) and not area.apply_button.isEnabled()
    said = area.message.text()
    assert world.renewed in said and world.mentor in said and "Liu Jianguo" in said

    shown: list[str] = []

    def answer(box: AcceptCertificateBox) -> int:
        shown.append(box.informativeText())
        box.accept_button.click()
        return 0

    monkeypatch.setattr(AcceptCertificateBox, "exec", answer)
    area.accept_certificate.click()
    assert world.renewed in shown[0] and world.mentor in shown[0]
    qtbot.waitUntil(lambda: area.apply_button.isEnabled(), timeout=30000)
    assert "accepted for Liu Jianguo" in area.ignored.text()
    assert not area.accept_certificate.isVisibleTo(area)
    # Nothing is learned before Apply.
    assert len(list_certificates(plant_store)) == 1
    area.apply_button.click()
    qtbot.waitUntil(lambda: "applied" in area.message.text(), timeout=30000)
    assert {c.fingerprint: c.how for c in list_certificates(plant_store)} == {
        world.mentor: "signed here",
        world.renewed: "accepted",
    }


def test_the_sync_area_lists_the_known_certificates(
    qtbot, world: World, plant_store: Store, make_worker, monkeypatch
) -> None:
    from mentordesk.ui.certificate_dialogs import KnownCertificatesDialog
    from mentordesk.ui.sync_view import SyncArea

    shown: list[KnownCertificatesDialog] = []
    monkeypatch.setattr(KnownCertificatesDialog, "exec", lambda d: shown.append(d) or 0)
    area = SyncArea(make_worker(plant_store))
    qtbot.addWidget(area)
    area.known_certificates.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    table = shown[0].table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == [
        "Liu Jianguo",
        world.mentor,
        "signed here",
    ]


def test_a_name_made_to_look_like_another_is_refused_even_when_accepted(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Cyrillic а in "Liu Jianguo" would be a name never seen here, and so accepted as
    first seen: one word mixing alphabets is refused, whatever the user accepted."""
    db = _db(world.plant, tmp_path)
    before = _state(db)
    for extra in ((), ("--accept-certificate", world.lookalike)):
        code, _out, err = _run(capsys, "import", str(world.lookalike_zip), "--db", str(db), *extra)
        assert code == 1
        assert "Liu Ji\\u0430nguo" in err and "Cyrillic + Latin" in err
        assert "nothing was imported" in err
        assert _state(db) == before
