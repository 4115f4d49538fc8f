"""Broken and hostile files through the command line: a clear refusal, the database untouched.

Every file of ``tests/data/hostile`` (see its ``make_corpus.py`` and ``manifest.json``), plus a
zip bomb and a million blank rows made at test time, is fed to the command a user would feed it
to. Each must end with exit code 1 and one line on stderr naming the problem (no traceback), and
leave the database file byte for byte as it was — and no signing identity half-written.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
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


def _corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", HOSTILE / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def huge_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("huge")
    assert _corpus_module().make_huge(folder) == HUGE
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
