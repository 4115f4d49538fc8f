"""The paper sign-in sheet as a mentor holds it: the roster in Today's order, a header on every
page, a QR code that opens the session again, and the command that prints it."""

from __future__ import annotations

import re
import stat
import subprocess
from datetime import date, time
from pathlib import Path

import pytest

from mentordesk.cli import main
from mentordesk.core.attendance import mark, session_roster
from mentordesk.core.cohorts import list_cohorts
from mentordesk.core.errors import NotFound, UserError
from mentordesk.core.session_codes import session_code, session_uid_from_scan
from mentordesk.core.trainees import create_trainee, list_trainees, withdraw_trainee
from mentordesk.core.workshop_sessions import create_session, get_session, list_recent_sessions
from mentordesk.exchange.session_sheet import write_session_sheet
from mentordesk.exchange.session_sheet_page import name_lines

UID = "1d1531a2-2ac4-4e94-bf0b-6d2aaaec239c"
LONG_NAME = "Bartholomew Alexander Konstantinopoulos-Fitzgerald de la Cruz Montgomery"
TWO_LINE_NAME = "Muhammad Abdullah bin Abdul Rahman Al-Hashimi"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def _numbered_rows(page: str) -> list[tuple[int, str]]:
    """(No., trainee ID) of each roster line of a page, below the table's header row."""
    table = page.split("学员签名")[-1].split("Mentor signature")[0]
    return [
        (int(m[1]), m[2]) for m in re.finditer(r"^\s*(\d+)\s+(\S+)\s", table, flags=re.MULTILINE)
    ]


def _rows(pages: list[str]) -> list[tuple[int, str]]:
    return [row for page in pages for row in _numbered_rows(page)]


def _scan(pdf: Path, page: int, tmp_path: Path) -> str:
    stem = tmp_path / f"scan{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
    )
    image = next(tmp_path.glob(f"scan{page}*.png"))
    found = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
    return found.stdout.strip()


def _demo_session(store) -> str:
    return next(s.uid for s in list_recent_sessions(store, 10) if s.cohort)


@pytest.fixture
def big_session(store) -> str:
    """60 trainees: names in Chinese and Latin letters, one far too long for its box."""
    for n in range(1, 61):
        name = {7: LONG_NAME, 8: TWO_LINE_NAME}.get(n) or (
            f"学员{n:02d}号" if n % 2 else f"Trainee Number {n}"
        )
        create_trainee(store, f"2026{n:04d}", name, cohort="Big Rolling Class")
    return create_session(
        store,
        held_on=date(2026, 12, 3),
        start_time=time(8, 0),
        end_time=time(16, 0),
        location="Hot strip mill, bay 4",
        module="Rolling",
        task="Roll change",
        cohort_uid=next(c.uid for c in list_cohorts(store) if c.name == "Big Rolling Class"),
    ).uid


def test_one_row_per_trainee_in_the_rosters_order(demo_store, tmp_path):
    uid = _demo_session(demo_store)
    roster = session_roster(demo_store, uid)
    written = write_session_sheet(demo_store, uid, tmp_path / "sheet.pdf")
    pages = _pages(written.path)
    text = "\n".join(pages)
    assert _rows(pages) == [(n, r.trainee_id) for n, r in enumerate(roster, start=1)]
    assert written.trainees == len(roster)
    session = get_session(demo_store, uid)
    for expected in (
        session.module,
        session.cohort,
        session.location,
        session.mentor,
        "考勤签到表",
    ):
        assert expected in text, expected
    assert f"{session.held_on:%Y-%m-%d}" in text
    assert f"{session.start_time:%H:%M}–{session.end_time:%H:%M}" in text


def test_chinese_names_appear_on_the_sheet(demo_store, tmp_path):
    uid = _demo_session(demo_store)
    chinese = [r.name for r in session_roster(demo_store, uid) if not r.name.isascii()]
    assert chinese
    text = "\n".join(_pages(write_session_sheet(demo_store, uid, tmp_path / "s.pdf").path))
    for name in chinese:
        assert name in text, name
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "s.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert any("WenQuanYi" in row and " yes " in row for row in fonts.splitlines())  # embedded


def test_a_long_roster_spans_pages_each_with_the_header_row(store, big_session, tmp_path):
    written = write_session_sheet(store, big_session, tmp_path / "big.pdf")
    pages = _pages(written.path)
    assert written.pages == len(pages) >= 3
    rows = []
    for number, page in enumerate(pages, start=1):
        assert "Trainee ID" in page and "Signature" in page and "学员签名" in page
        assert f"Page {number} of {len(pages)}" in page
        rows += _numbered_rows(page)
    assert rows == [(n, f"2026{n:04d}") for n in range(1, 61)]
    # Rows stay the height of a handwritten line: no page is crammed.
    assert max(len(_numbered_rows(p)) for p in pages) <= 27
    text = "\n".join(pages)
    assert "学员59号" in text and "Trainee Number 60" in text


def test_a_long_name_goes_on_two_lines_and_is_cut_only_past_them(store, big_session, tmp_path):
    text = "\n".join(_pages(write_session_sheet(store, big_session, tmp_path / "b.pdf").path))
    for word in TWO_LINE_NAME.split():
        assert word in text, word
    assert "Bartholomew Alexander" in text and "Montgomery" not in text and "…" in text
    lines, size = name_lines(LONG_NAME, 110)
    assert lines.count("\n") == 1 and lines.endswith("…") and size == 8
    assert name_lines("王小明", 110) == ("王小明", 10)
    dotted, _ = name_lines("欧阳娜仁高娃·阿斯哈尔别克·努尔兰·巴图孟和·乌兰其其格", 110)
    assert dotted.count("\n") == 1 and dotted.split("\n")[0].endswith("·")


def test_the_qr_code_opens_the_session_from_any_page(store, big_session, tmp_path):
    written = write_session_sheet(store, big_session, tmp_path / "big.pdf")
    for page in (1, written.pages):
        scanned = _scan(written.path, page, tmp_path)
        assert scanned == session_code(big_session) == f"mentordesk:session:{big_session}"
        assert session_uid_from_scan(scanned) == big_session


def test_a_trainee_marked_but_not_expected_is_flagged(demo_store, tmp_path):
    uid = _demo_session(demo_store)
    session = get_session(demo_store, uid)
    outsider = next(t for t in list_trainees(demo_store) if t.cohort != session.cohort)
    mark(demo_store, uid, outsider.uid, "present")
    text = "\n".join(_pages(write_session_sheet(demo_store, uid, tmp_path / "s.pdf").path))
    assert f"{outsider.name} *" in text
    assert "not in the cohort on this date" in text


def test_unknown_session_and_folder_target_are_refused_before_writing(demo_store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(NotFound, match="No session"):
        write_session_sheet(demo_store, UID, folder / "x.pdf")
    with pytest.raises(UserError, match="is a folder"):
        write_session_sheet(demo_store, _demo_session(demo_store), folder)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "text",
    [
        f"mentordesk:session:{UID}",
        UID,
        f"  mentordesk:session:{UID}\r\n",
        f"\t{UID} ",
        f"MENTORDESK:SESSION:{UID.upper()}",
    ],
)
def test_scanned_or_typed_codes_give_the_session_uid(text):
    assert session_uid_from_scan(text) == UID


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "mentordesk:session:",
        f"mentordesk:assessment:{UID}",
        f"session:{UID}",
        f"mentordesk:session:{UID}x",
        f"mentordesk:session: {UID}",
        f"{UID} {UID}",
        UID.replace("-", ""),
        f"{{{UID}}}",
        f"urn:uuid:{UID}",
        UID[:-1],
        UID[:-1] + "g",
        f"mentordesk:session:mentordesk:session:{UID}",
        "20250101",
    ],
)
def test_anything_else_is_not_a_session_code(text):
    assert session_uid_from_scan(text) is None


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_command_writes_the_sheet_from_a_scanned_code(demo_store, tmp_path, capsys):
    uid = _demo_session(demo_store)
    out = tmp_path / "sheet.pdf"
    code, said, err = _run(
        capsys,
        "session",
        "sheet",
        "--db",
        str(demo_store.path),
        f" {session_code(uid)}\n",
        str(out),
    )
    assert (code, err) == (0, "")
    assert str(out) in said
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert _rows(_pages(out))[0][0] == 1


def test_command_refuses_an_unknown_session_in_one_line(demo_store, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    for session in (UID, "not-a-session"):
        code, said, err = _run(
            capsys, "session", "sheet", "--db", str(demo_store.path), session, str(out)
        )
        assert code == 1 and said == ""
        assert len(err.strip().splitlines()) == 1 and "session" in err
    assert not out.exists()


def test_command_refuses_a_folder_as_the_output(demo_store, tmp_path, capsys):
    code, _, err = _run(
        capsys,
        "session",
        "sheet",
        "--db",
        str(demo_store.path),
        _demo_session(demo_store),
        str(tmp_path),
    )
    assert code == 1
    assert err.strip() == f"mentordesk: {tmp_path}: is a folder; give a file name"
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_session_without_trainees_or_times_still_prints(store, tmp_path):
    create_trainee(store, "X1", "Someone", cohort="Empty Class")
    cohort = next(c.uid for c in list_cohorts(store) if c.name == "Empty Class")
    withdrawn = list_trainees(store)[0]
    withdraw_trainee(store, withdrawn.uid, date(2026, 1, 1))
    uid = create_session(
        store,
        held_on=date(2026, 12, 3),
        start_time=None,
        end_time=None,
        location="Bay <3> & co",
        module="",
        task="",
        cohort_uid=cohort,
    ).uid
    written = write_session_sheet(store, uid, tmp_path / "empty.pdf")
    text = "\n".join(_pages(written.path))
    assert (written.trainees, written.pages) == (0, 1)
    assert "No trainee is expected" in text and "Bay <3> & co" in text
    assert "Workshop session" in text and "Mentor signature" in text


@pytest.mark.parametrize(
    ("language", "present", "absent"),
    [
        ("en", ["Attendancesign-insheet", "Signature", "Page1of"], ["考勤签到表", "学员签名"]),
        ("zh_CN", ["考勤签到表", "学员签名", "第1/"], ["Attendancesign-insheet", "Signature"]),
    ],
)
def test_command_prints_the_form_in_the_chosen_language(
    demo_store, tmp_path, capsys, language, present, absent
):
    out = tmp_path / "sheet.pdf"
    argv = ["session", "sheet", "--db", str(demo_store.path), _demo_session(demo_store), str(out)]
    assert _run(capsys, *argv, "--language", language)[0] == 0
    # pdftotext spaces CJK text its own way: compare without spaces.
    text = "".join(_pages(out)).replace(" ", "")
    assert all(word in text for word in present) and not any(word in text for word in absent)
