"""Killed at any moment: MentorDesk's writers SIGKILLed mid-work lose nothing they confirmed.

Each trial copies a prepared database, starts one writer in a child process
(``tests/kill_driver.py``: rapid marking, rating and notes through the services; a roster
import, a results merge, a results export or a batch of signed sheets through the command
line), kills it with
SIGKILL at a random moment of its work, and then checks what a user would rely on:

- the database passes ``PRAGMA integrity_check`` and ``foreign_key_check``;
- every change the child acknowledged (printed after its service call returned) is there;
- an import (a roster, or another PC's results workbook merged) is applied wholly or not at
  all; a batch of signatures likewise;
- no partial workbook or PDF is left under its final name.

Trials: ``MENTORDESK_KILL_TRIALS`` (default 8; the full run uses 100 or more), or
``--kill-trials N`` where the conftest registers it. ``MENTORDESK_KILL_SEED`` repeats a run;
``MENTORDESK_KILL_MODES`` names the writers to run (all of them by default).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("kill_driver.py")
# ``MENTORDESK_KILL_MODES=foreign,capture`` runs only those writers (a long run of one case).
MODES = tuple(
    m
    for m in os.environ.get("MENTORDESK_KILL_MODES", "").split(",")
    if m in ("capture", "import", "export", "sheets", "merge", "foreign")
) or ("capture", "import", "export", "sheets", "merge", "foreign")
ROSTER_ROWS = 400
MERGE_TRAINEES, MERGE_SESSIONS = 30, 12
PERIOD = ("--from", "2026-10-24", "--to", "2026-11-20")
PASSPHRASE = "kill harness passphrase 1"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "trial" in metafunc.fixturenames:
        trials = metafunc.config.getoption("kill_trials", None) or int(
            os.environ.get("MENTORDESK_KILL_TRIALS", "8")
        )
        metafunc.parametrize("trial", range(trials), ids=lambda n: f"trial{n:03d}")


SEED = int(os.environ.get("MENTORDESK_KILL_SEED", random.SystemRandom().randrange(10**6)))


@dataclass
class Prepared:
    db: Path
    data_dir: Path
    roster: Path
    roster_ids: set[str]
    merge: Path
    with_result: int
    durations: dict[str, float]


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["MENTORDESK_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("MENTORDESK_DB", None)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")])
    return env


def _command(mode: str, work: Path, prepared: Prepared) -> list[str]:
    if mode in ("capture", "foreign"):
        return [mode, str(work / "mentordesk.db"), str(random.randrange(10**6))]
    if mode == "import":
        return ["command", str(work / "mentordesk.db"), "import", str(prepared.roster)]
    if mode == "merge":
        return ["command", str(work / "mentordesk.db"), "import", str(prepared.merge)]
    if mode == "export":
        return ["command", str(work / "mentordesk.db"), "export", str(work / "results.xlsx")]
    (work / "sheets").mkdir(exist_ok=True)
    return [
        "command", str(work / "mentordesk.db"), "sheets", str(work / "sheets"), *PERIOD,
        "--sign", "--passphrase-file", str(prepared.data_dir / "passphrase.txt"),
    ]  # fmt: skip


class Child:
    """The writer: started, read line by line until ``ready``, then left to work or killed."""

    def __init__(self, mode: str, work: Path, prepared: Prepared) -> None:
        argv = [sys.executable, str(DRIVER), *_command(mode, work, prepared)]
        self.log = work / "child.out"
        self.err = work / "child.err"
        with self.log.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(argv, stdout=out, stderr=err, env=_env(prepared.data_dir))
        deadline = time.monotonic() + 60
        while b"ready" not in self.log.read_bytes():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"writer never became ready: {self.err.read_text()[-800:]}")
            time.sleep(0.01)
        self.started = time.monotonic()

    def kill_after(self, seconds: float) -> bool:
        """SIGKILL once ``seconds`` of work have passed; False if it had finished by then."""
        try:
            self.proc.wait(timeout=seconds)
            return False
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            return True

    def finish(self, timeout: float = 300) -> float:
        self.proc.wait(timeout=timeout)
        return time.monotonic() - self.started

    def acks(self) -> list[list[str]]:
        # A line cut by the kill is not an acknowledgement: only whole lines count.
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [ln.split()[1:] for ln in text.splitlines(keepends=True) if ln.endswith("\n")
                and ln.startswith("ack ")]  # fmt: skip


@pytest.fixture(scope="session")
def prepared(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> Prepared:
    """The demo, a signing identity, drafts with results, a roster; each writer run once whole."""
    from openpyxl import Workbook

    from mentordesk.cli import main as cli_main
    from mentordesk.core.assessments import cohort_trainees, ensure_drafts, update_draft
    from mentordesk.core.store import Store

    home = tmp_path_factory.mktemp("kill")
    data_dir = home / "data"
    data_dir.mkdir()
    db = home / "template.db"
    shutil.copy(_demo_template, db)
    (data_dir / "passphrase.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    old = os.environ.get("MENTORDESK_DATA_DIR")
    os.environ["MENTORDESK_DATA_DIR"] = str(data_dir)
    try:
        pass_file = str(data_dir / "passphrase.txt")
        assert (
            cli_main(["identity", "create", "--db", str(db), "--passphrase-file", pass_file]) == 0
        )
    finally:
        if old is None:
            os.environ.pop("MENTORDESK_DATA_DIR", None)
        else:
            os.environ["MENTORDESK_DATA_DIR"] = old
    store = Store.open(db)
    try:
        uids = cohort_trainees(store, None)
        views = ensure_drafts(store, uids, date(2026, 10, 24), date(2026, 11, 20))
        with_result = views[: len(views) // 2]
        for view in with_result:
            update_draft(store, view.uid, result="pass")
    finally:
        store.close()

    roster = home / "roster.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Trainees"
    ws.append(["Trainee ID", "Name", "Cohort", "Track"])
    ids = {f"K{n:06d}" for n in range(ROSTER_ROWS)}
    for n, tid in enumerate(sorted(ids)):
        ws.append([tid, f"Kill Trainee {n} 测试", "Kill Harness Class", "Rolling"])
    wb.save(roster)

    merge = home / "other-pc.xlsx"
    _other_machine_workbook(db, home / "other-pc.db", merge)

    result = Prepared(db, data_dir, roster, ids, merge, len(with_result), {})
    # Control runs, not killed: each writer completes and passes the same checks. Twice, and
    # the quicker counts: the first pays for a cold disk cache.
    for mode in ("import", "export", "sheets", "merge"):
        for run in (1, 2):
            work = home / f"control-{mode}-{run}"
            work.mkdir()
            shutil.copy(db, work / "mentordesk.db")
            child = Child(mode, work, result)
            took = child.finish()
            result.durations[mode] = min(took, result.durations.get(mode, took))
            assert child.acks() == [["done", "0"]], (child.err.read_text()[-800:], mode)
            problems = check(mode, work, result, child.acks(), killed=False)
            assert problems == [], problems
    return result


def _other_machine_workbook(template: Path, db: Path, out: Path) -> None:
    """A second PC's week (a new cohort, sessions, marks) exported as a results workbook."""
    from datetime import time as clock

    from mentordesk.core.attendance import mark_all_present
    from mentordesk.core.cohorts import create_cohort
    from mentordesk.core.store import Store
    from mentordesk.core.trainees import create_trainee
    from mentordesk.core.workshop_sessions import create_session
    from mentordesk.exchange.results_export import export_results

    shutil.copy(template, db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE setting SET value = 'other-pc' WHERE key = 'device_id'")
    conn.close()
    store = Store.open(db)
    try:
        cohort = create_cohort(store, "Merge Class")
        for n in range(MERGE_TRAINEES):
            create_trainee(store, f"MG{n:04d}", f"Merge Trainee {n}", cohort=cohort.name)
        for n in range(MERGE_SESSIONS):
            session = create_session(
                store, held_on=date(2026, 11, 2 + n), start_time=clock(8), end_time=clock(12),
                location="Bay 9", module="Foundation", task="", cohort_uid=cohort.uid,
            )  # fmt: skip
            mark_all_present(store, session.uid)
        export_results(store, out)
    finally:
        store.close()


def integrity(db: Path) -> list[str]:
    conn = sqlite3.connect(db)  # read-write: recovers the write-ahead log as MentorDesk would
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fks = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    problems = [] if rows == ["ok"] else [f"integrity_check: {rows[:5]}"]
    problems += [f"foreign key broken: {fk}" for fk in fks[:5]]
    if not problems:
        from mentordesk.core import attendance_totals, latest_ratings
        from mentordesk.core.store import Store

        # What the triggers keep (attendance totals, latest ratings) must still equal the records.
        store = Store.open(db)
        try:
            with store.read() as s:
                problems += attendance_totals.drift(s)
                problems += latest_ratings.drift(s)
        finally:
            store.close()
    return problems


def _query(db: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def check_capture(db: Path, acks: list[list[str]]) -> list[str]:
    problems = []
    for a in acks:
        kind = a[0]
        if kind == "session":
            found = _query(db, "SELECT 1 FROM workshop_session WHERE uid = ?", a[1])
        elif kind == "mark":
            found = _query(
                db,
                "SELECT 1 FROM attendance a JOIN workshop_session w ON w.id = a.session_id "
                "JOIN trainee t ON t.id = a.trainee_id "
                "WHERE w.uid = ? AND t.uid = ? AND a.status = ? AND a.deleted = 0",
                a[1], a[2], a[3],
            )  # fmt: skip
        elif kind == "rate":
            found = _query(
                db,
                "SELECT 1 FROM skill_rating r JOIN trainee t ON t.id = r.trainee_id "
                "JOIN skill s ON s.id = r.skill_id JOIN workshop_session w ON w.id = r.session_id "
                "WHERE t.uid = ? AND s.uid = ? AND w.uid = ? AND r.level = ? AND r.deleted = 0",
                a[1], a[2], a[3], int(a[4]),
            )  # fmt: skip
        elif kind == "note":
            found = _query(db, "SELECT 1 FROM note WHERE uid = ? AND deleted = 0", a[1])
        elif kind == "touched":
            continue
        else:
            problems.append(f"unknown acknowledgement {a}")
            continue
        if not found:
            problems.append(f"acknowledged but lost: {' '.join(a)}")
    return problems


def _complete_workbook(path: Path) -> str:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
        if bad:
            return f"{path.name}: damaged part {bad}"
        wb = load_workbook(path, read_only=True)
        names = wb.sheetnames
        wb.close()
    except Exception as exc:
        return f"{path.name}: not a complete workbook ({type(exc).__name__}: {exc})"
    return "" if "About" in names else f"{path.name}: no About sheet"


def _complete_pdf(path: Path) -> str:
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = path.read_bytes()
    if not data.startswith(b"%PDF") or not data.rstrip().endswith(b"%%EOF"):
        return f"{path.name}: partial PDF under its final name ({len(data)} bytes)"
    try:
        with path.open("rb") as fh:
            PdfFileReader(fh).root  # noqa: B018 - parsing the trailer and root is the check
    except Exception as exc:
        return f"{path.name}: unreadable PDF ({exc})"
    return ""


def check(
    mode: str, work: Path, prepared: Prepared, acks: list[list[str]], killed: bool
) -> list[str]:
    db = work / "mentordesk.db"
    problems = integrity(db)
    if problems:
        return problems
    done = ["done", "0"] in acks
    if mode in ("capture", "foreign"):
        problems += check_capture(db, acks)
    elif mode == "import":
        ids = {
            r[0] for r in _query(db, "SELECT trainee_id FROM trainee WHERE trainee_id LIKE 'K%'")
        }
        if ids & prepared.roster_ids and ids != prepared.roster_ids:
            problems.append(f"import half applied: {len(ids)} of {len(prepared.roster_ids)} rows")
        if done and ids != prepared.roster_ids:
            problems.append("import acknowledged but not applied")
    elif mode == "merge":
        trainees = _query(db, "SELECT count(*) FROM trainee WHERE trainee_id LIKE 'MG%'")[0][0]
        marks = _query(
            db,
            "SELECT count(*) FROM attendance a JOIN trainee t ON t.id = a.trainee_id "
            "WHERE t.trainee_id LIKE 'MG%'",
        )[0][0]
        whole = (MERGE_TRAINEES, MERGE_TRAINEES * MERGE_SESSIONS)
        if (trainees, marks) not in ((0, 0), whole):
            problems.append(f"merge half applied: {trainees} trainees, {marks} marks")
        if done and (trainees, marks) != whole:
            problems.append("merge acknowledged but not applied")
    elif mode == "export":
        target = work / "results.xlsx"
        if target.exists():
            problems += [p for p in [_complete_workbook(target)] if p]
        elif done:
            problems.append("export acknowledged but no file")
    elif mode == "sheets":
        pdfs = sorted((work / "sheets").glob("*.pdf"))
        problems += [p for p in map(_complete_pdf, pdfs) if p]
        signed = _query(db, "SELECT count(*) FROM assessment WHERE state = 'signed'")[0][0]
        documents = _query(
            db,
            "SELECT count(*) FROM assessment a WHERE a.state = 'signed' AND NOT EXISTS "
            "(SELECT 1 FROM assessment_document d WHERE d.assessment_id = a.id)",
        )[0][0]
        if signed not in (0, prepared.with_result):
            problems.append(f"signing half applied: {signed} of {prepared.with_result} signed")
        if documents:
            problems.append(f"{documents} signed assessments without their signed PDF")
        if done and (signed != prepared.with_result or not pdfs):
            problems.append("sheets acknowledged but not all signed and written")
    return problems


def test_killed_writer_loses_nothing_it_confirmed(
    trial: int, prepared: Prepared, tmp_path: Path
) -> None:
    rng = random.Random(SEED * 1000 + trial)
    random.seed(rng.random())
    mode = MODES[trial % len(MODES)]
    shutil.copy(prepared.db, tmp_path / "mentordesk.db")
    child = Child(mode, tmp_path, prepared)
    # Anywhere in the writer's work, and now and then just after it; a foreign visit takes a
    # second process's start, so that mode is given longer to reach its later sessions.
    window = {"capture": 2.0, "foreign": 6.0}.get(mode) or prepared.durations[mode] * 1.05
    delay = rng.uniform(0, window)
    killed = child.kill_after(delay)
    acks = child.acks()
    problems = check(mode, tmp_path, prepared, acks, killed)
    context = (
        f"seed {SEED} trial {trial}: {mode} killed after {delay:.3f} s"
        f" ({len(acks)} acknowledged, killed={killed})"
    )
    print(context)
    assert problems == [], f"{context}: {problems[:10]}"
    if not killed:
        assert child.proc.returncode == 0, child.err.read_text()[-800:]


def test_a_visit_from_outside_loses_no_later_change(prepared: Prepared, tmp_path: Path) -> None:
    """The window's own file dialog closes a descriptor of the database, another process opens
    and closes it, the window goes on saving and is killed: every saved change is there."""
    shutil.copy(prepared.db, tmp_path / "mentordesk.db")
    child = Child("foreign", tmp_path, prepared)
    deadline = time.monotonic() + 120
    # Two visits (a plain sqlite3 process, then ``mentordesk backup``), each followed by marks.
    while sum(a[0] == "touched" for a in child.acks()) < 3:
        assert child.proc.poll() is None, child.err.read_text()[-800:]
        assert time.monotonic() < deadline, "the writer made no progress"
        time.sleep(0.05)
    os.kill(child.proc.pid, signal.SIGKILL)
    child.proc.wait()
    acks = child.acks()
    marks = [a for a in acks if a[0] == "mark"]
    assert len(marks) > 20
    assert check("foreign", tmp_path, prepared, acks, killed=True) == []
