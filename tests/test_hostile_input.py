"""Broken and hostile files through the command line: a clear refusal, the database untouched.

Every file of ``tests/data/hostile`` (see its ``make_corpus.py`` and ``manifest.json``), plus a
zip bomb and a million blank rows made at test time, is fed to the command a user would feed it
to. Each must end with exit code 1 and one line on stderr naming the problem (no traceback), and
leave the database file byte for byte as it was — and no signing identity half-written.

The hostile bundles (``make_bundles.py``) are made at test time from a bundle exported here,
since their sheets need signatures; each is fed to ``mentordesk import`` and to the service the
window calls, and must be refused naming the bundle, changing nothing.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from mentordesk.cli import main as cli_main
from mentordesk.core.store import Store

HOSTILE = Path(__file__).parent / "data" / "hostile"
MANIFEST = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
# A million blank rows are no trainees: only rows holding values count against the row limit.
HUGE = {"zip_bomb.xlsx": "zip bomb", "million_blank_rows.xlsx": "no trainees"}
# Files refused row by row (every row rejected) rather than as a whole.
ROW_BY_ROW = "rejected"


@functools.cache
def _corpus_module(name: str = "make_corpus"):
    spec = importlib.util.spec_from_file_location(f"hostile_{name}", HOSTILE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: its dataclasses look their module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def huge_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("huge")
    assert _corpus_module().make_huge(folder) == HUGE
    return folder


BUNDLES = _corpus_module("make_bundles").BUNDLES


@pytest.fixture(scope="session")
def hostile_bundles(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    module = _corpus_module("make_bundles")
    folder = tmp_path_factory.mktemp("bundles")
    good = module.good_bundle(folder / "made", _demo_template, HOSTILE)
    made = module.make_bundles(good, folder)
    assert made == {name: words for name, (words, _) in BUNDLES.items()}
    return folder


@pytest.fixture
def settled_db(_demo_template: Path, tmp_path: Path) -> Path:
    """A demo database, opened and closed once, so its file holds everything (no WAL left)."""
    db = tmp_path / "mentordesk.db"
    shutil.copy(_demo_template, db)
    Store.open(db).close()
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    return db


def fingerprint(db: Path) -> str:
    """The database as it would be read: the file and any write-ahead log not yet merged."""
    h = hashlib.sha256(db.read_bytes())
    wal = Path(f"{db}-wal")
    if wal.exists():
        h.update(wal.read_bytes())
    return h.hexdigest()


def argv_for(command: str, file: Path, db: Path, tmp: Path) -> list[str]:
    if command == "import":
        return ["import", str(file), "--db", str(db)]
    if command == "import-strict":
        return ["import", str(file), "--db", str(db), "--strict"]
    if command == "verify":
        return ["verify", str(file), "--db", str(db)]
    given, own = tmp / "file-pass.txt", tmp / "own-pass.txt"
    given.write_text("right\n", encoding="utf-8")
    own.write_text("a long enough passphrase 1\n", encoding="utf-8")
    return [
        "identity", "import", str(file), "--db", str(db),
        "--file-passphrase-file", str(given), "--passphrase-file", str(own),
    ]  # fmt: skip


CASES = [
    pytest.param(name, case["command"], case["expect"], id=name) for name, case in MANIFEST.items()
]
CASES += [pytest.param(name, "import", words, id=name) for name, words in HUGE.items()]
BUNDLE_CASES = [pytest.param(name, words, id=name) for name, (words, _) in BUNDLES.items()]


def test_corpus_is_complete() -> None:
    assert len(CASES) >= 40
    assert all((HOSTILE / name).exists() for name in MANIFEST)


def _feed(name: str, command: str, db: Path, huge: Path, tmp: Path, capsys) -> tuple:
    file = huge / name if name in HUGE else HOSTILE / name
    before = fingerprint(db)
    code = cli_main(argv_for(command, file, db, tmp))
    out, err = capsys.readouterr()
    return code, out, err, fingerprint(db) == before


@pytest.mark.parametrize(("name", "command", "expect"), CASES)
def test_hostile_file_is_refused_clearly_and_changes_nothing(
    name: str,
    command: str,
    expect: str,
    settled_db: Path,
    huge_files: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err, unchanged = _feed(name, command, settled_db, huge_files, tmp_path, capsys)

    assert "Traceback" not in out + err
    assert unchanged, f"the database changed; stdout: {out[:300]!r}"
    # Exit 1, so that a script can tell that nothing went in.
    assert code == 1, f"exit {code}; stdout: {out[-400:]!r}; stderr: {err[-400:]!r}"
    # An error goes to stderr; verify's verdict on a readable PDF is its normal output.
    lines = (err if err.strip() or command != "verify" else out).strip().splitlines()
    assert len(lines) == 1, (out + err)[-600:]
    assert lines[0].startswith("mentordesk: ") or not err.strip(), lines[0]
    assert len(lines[0]) < 400, "a message a user can read, not a dump"
    if expect == ROW_BY_ROW:
        # Refused row by row: the report names each row and why; the summary says so.
        assert "nothing was imported" in lines[0], lines[0]
        assert " 0 new, 0 updated" in out, out[:400]
        assert re.search(r"row \d+: rejected", out), out[:400]
    else:
        assert expect.lower() in lines[0].lower(), lines[0]
    if command == "identity-import":
        from mentordesk.exchange.signing_identity import has_identity

        assert not has_identity(), "a refused key left an identity behind"


@pytest.mark.parametrize(("name", "expect"), BUNDLE_CASES)
def test_hostile_bundle_is_refused_clearly_naming_it_and_changes_nothing(
    name: str,
    expect: str,
    settled_db: Path,
    hostile_bundles: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = fingerprint(settled_db)
    code = cli_main(argv_for("import", hostile_bundles / name, settled_db, tmp_path))
    out, err = capsys.readouterr()

    assert "Traceback" not in out + err
    assert fingerprint(settled_db) == before, f"the database changed; stdout: {out[:300]!r}"
    assert code == 1, f"exit {code}; stdout: {out[-400:]!r}; stderr: {err[-400:]!r}"
    lines = err.strip().splitlines()
    assert len(lines) == 1, (out + err)[-600:]
    line = lines[0]
    assert line.startswith("mentordesk: ") and len(line) < 400, line[:600]
    # The bundle is named (not a temporary copy of its workbook), and it was refused whole.
    assert line.startswith(f"mentordesk: {name}") and "nothing was imported" in line, line
    assert "/tmp" not in line and "mentordesk-bundle-" not in line, line
    assert expect.lower() in line.lower(), line


@pytest.mark.parametrize(("name", "expect"), BUNDLE_CASES)
def test_hostile_bundle_through_the_service_raises_a_user_error(
    name: str, expect: str, settled_db: Path, hostile_bundles: Path
) -> None:
    """What the window calls: prepare, then apply; refused with a user's message, or (rows
    rejected one by one) applied with nothing accepted, the database unchanged either way."""
    from mentordesk.core.errors import UserError
    from mentordesk.exchange.bundle_import import prepare_bundle

    before = fingerprint(settled_db)
    try:
        prepared = prepare_bundle(hostile_bundles / name)
        store = Store.open(settled_db)
        try:
            report = prepared.apply(store)
        finally:
            store.close()
    except UserError as exc:
        assert expect.lower() in str(exc).lower(), str(exc)
    else:
        assert expect == ROW_BY_ROW and report.accepted == 0, report.lines()[:5]
    assert fingerprint(settled_db) == before


class _Unseekable(io.RawIOBase):
    """A pipe-like target: zipfile then writes each member's sizes after its data."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[no-untyped-def]
        self.data += b
        return len(b)


def _streamed(members: list[tuple[str, bytes]]) -> bytes:
    import zipfile

    out = _Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            with zf.open(name, "w") as part:
                part.write(data)
    return bytes(out.data)


@pytest.mark.parametrize("how", ["stored", "streamed with data descriptors"])
def test_a_good_bundle_is_not_refused(
    how: str, hostile_bundles: Path, settled_db: Path, capsys
) -> None:
    """The refusals above come from each change, not from how the bundles were remade; a
    bundle zipped again by another tool (sizes after each member's data) still imports."""
    module = _corpus_module("make_bundles")
    members = _good_members(hostile_bundles / "made" / "good.zip")
    rezipped = hostile_bundles / "made" / f"rezipped-{how.split()[0]}.zip"
    rezipped.write_bytes(module.zipped(members) if how == "stored" else _streamed(members))
    code = cli_main(["import", str(rezipped), "--db", str(settled_db)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "results bundle, applied" in out


def _good_members(path: Path) -> list[tuple[str, bytes]]:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]
