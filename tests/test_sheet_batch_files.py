"""The batch's files: unique, valid on Windows and Linux, never over someone else's file, and
never a signature recorded for a sheet that was not written."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core import assessments as A
from mentordesk.core import private_files
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.errors import UserError
from mentordesk.core.trainees import create_trainee
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.sheet_batch import write_sheets
from mentordesk.exchange.signing import HeldKeySigner
from mentordesk.exchange.verify import verify_pdf

START, END = date(2026, 10, 1), date(2026, 11, 20)
PASS = "correct horse battery"
COHORT = "Hostile names"
WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(10))}


@pytest.fixture
def signer(tmp_path: Path) -> HeldKeySigner:
    I.create_identity("Zhang Wei 张伟", PASS, folder=tmp_path / "id")
    return HeldKeySigner(I.load_identity(PASS, tmp_path / "id"))


def _cohort(store, people: list[tuple[str, str]]) -> list[str]:
    create_cohort(store, COHORT)
    uids = [create_trainee(store, ident, name, cohort=COHORT).uid for ident, name in people]
    for view in A.ensure_drafts(store, uids, START, END):
        A.update_draft(store, view.uid, result="pass")
    return uids


def _valid_everywhere(name: str) -> bool:
    stem = name.removesuffix(".pdf")
    return (
        len(name.encode("utf-8")) <= 255
        and not WINDOWS_FORBIDDEN.search(name)
        and stem.split(".")[0].upper() not in RESERVED
        and not stem.endswith((".", " "))
    )


def test_trainee_ids_that_clash_once_made_safe_get_their_own_files(demo_store, signer, tmp_path):
    _cohort(demo_store, [("A/1", "Li Wei"), ("A:1", "Li Wei"), ("a:1", "LI WEI")])
    out = tmp_path / "out"
    out.mkdir()
    result = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    files = sorted(out.iterdir())
    assert result.signed == len(result.written) == len(files) == 3
    assert len({f.name.casefold() for f in files}) == 3  # distinct on Windows and macOS too
    signed = A.list_assessments(demo_store, state="signed", cohort=COHORT)
    for view in signed:  # each locked assessment has its own sheet on disk
        (sheet,) = [f for f in files if view.uid.encode() in f.read_bytes()]
        assert verify_pdf(sheet.read_bytes()).ok(require_trust=False)
    # The next run writes the same names over its own sheets, not beside them.
    again = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    assert sorted(out.iterdir()) == files and again.kept == []


def test_names_are_valid_on_windows_and_linux(demo_store, signer, tmp_path):
    long_name = "张" * 80  # 240 bytes of UTF-8: with the ID and dates, over 255
    people = [
        ("T-LONG", long_name),
        ("CON", "Reserved Id"),
        ("NUL.1", "Dotted Reserved"),
        ("X 9", "Trailing dots. . ."),
        ('Q<>:"|?*', 'Wang\tFang\x01 / "boss"'),
        ("COM1", "COM1"),
    ]
    _cohort(demo_store, people)
    out = tmp_path / "out"
    out.mkdir()
    result = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    names = [p.name for p in out.iterdir()]
    assert len(names) == len(people) == result.signed
    assert all(_valid_everywhere(n) for n in names), names
    assert any(n.startswith("T-LONG_张张张") for n in names)


def test_an_unrelated_file_under_a_sheets_name_is_kept(demo_store, signer, tmp_path):
    _cohort(demo_store, [("B1", "Chen Hong")])
    out = tmp_path / "out"
    out.mkdir()
    first = write_sheets(demo_store, out, START, END, cohort=COHORT)  # unsigned drafts
    (sheet,) = first.written
    sheet.write_bytes(b"the mentor's own notes, saved under that name by hand")
    result = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    assert sheet.read_bytes().startswith(b"the mentor's own notes")
    assert result.kept == [sheet]
    (beside,) = result.written
    assert beside != sheet and beside.parent == out
    assert verify_pdf(beside.read_bytes()).ok(require_trust=False)
    # The next run finds its sheet beside the kept file again, instead of adding a third.
    again = write_sheets(demo_store, out, START, END, cohort=COHORT)
    assert again.written == [beside] and len(list(out.iterdir())) == 2


def test_a_failure_before_the_commit_locks_nothing_and_leaves_no_file(
    demo_store, signer, tmp_path, monkeypatch
):
    _cohort(demo_store, [("C1", "Liu Yang"), ("C2", "Zhao Lei"), ("C3", "Sun Li")])
    out = tmp_path / "out"
    out.mkdir()
    real_open = open
    written = []

    def full_disk(path, mode="r", *args, **kwargs):
        if "w" in mode and str(path).endswith(".part"):
            written.append(path)
            if len(written) == 3:
                raise OSError(28, "No space left on device")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_disk)
    with pytest.raises(UserError, match="disk is full"):
        write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    monkeypatch.undo()
    assert list(out.iterdir()) == []
    assert A.list_assessments(demo_store, state="signed", cohort=COHORT) == []


def test_a_rename_failing_after_the_commit_is_recoverable(
    demo_store, signer, tmp_path, monkeypatch
):
    _cohort(demo_store, [("D1", "Ma Jun"), ("D2", "Hu Jing"), ("D3", "Guo Qiang")])
    out = tmp_path / "out"
    out.mkdir()
    real_replace = os.replace

    def flaky(src, dst, *args, **kwargs):
        if "D2_" in os.path.basename(dst):
            raise OSError(13, "Permission denied")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(private_files.os, "replace", flaky)
    with pytest.raises(UserError) as raised:
        write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    monkeypatch.undo()
    said = str(raised.value)
    assert "3 signatures are recorded and 2 sheets written" in said
    assert "D2_Hu_Jing" in said and "run the same batch again" in said
    assert sorted(p.name[:3] for p in out.iterdir()) == ["D1_", "D3_"]  # no stray temporary
    again = write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    assert again.already_signed == 3 and len(list(out.iterdir())) == 3
    for path in out.iterdir():
        assert verify_pdf(path.read_bytes()).ok(require_trust=False)


def test_the_command_creates_the_folder_and_says_how_many_drafts_it_made(
    demo_store, tmp_path, capsys
):
    from mentordesk.exchange.sheet_batch import plan_batch

    create_cohort(demo_store, COHORT)
    for n in range(4):
        create_trainee(demo_store, f"E{n}", f"Trainee {n}", cohort=COHORT)
    assert plan_batch(demo_store, START, END, COHORT).drafts_to_create == 4
    out = tmp_path / "new" / "sheets"
    db = str(demo_store.path)
    period = ["--from", str(START), "--to", str(END)]
    assert main(["sheets", str(out), "--db", db, "--cohort", COHORT, *period]) == 0
    said = capsys.readouterr().out
    assert "4 drafts were created" in said and "4 sheets" in said
    assert out.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.iterdir())
    assert plan_batch(demo_store, START, END, COHORT).drafts_to_create == 0
    assert main(["sheets", str(out), "--db", db, "--cohort", COHORT, *period]) == 0
    assert "drafts were created" not in capsys.readouterr().out


def test_the_temporaries_of_a_killed_run_are_cleared_by_the_next(demo_store, signer, tmp_path):
    _cohort(demo_store, [("F1", "Tang Min")])
    out = tmp_path / "out"
    (sheet,) = write_sheets(demo_store, out, START, END, cohort=COHORT).written
    # What a run killed between writing and renaming leaves: a hidden temporary per sheet.
    stale = out / f".{sheet.name[:40]}-k1ll3d.part"
    stale.write_bytes(b"%PDF-1.4 half a sheet")
    unrelated = out / ".notes.part"
    unrelated.write_bytes(b"not ours")
    write_sheets(demo_store, out, START, END, cohort=COHORT, signer=signer)
    assert sorted(p.name for p in out.iterdir()) == [".notes.part", sheet.name]
