"""A MentorDesk writer for ``test_kill_harness.py`` to SIGKILL at a random moment.

``python tests/kill_driver.py MODE DB [SEED | COMMAND ARGS...]`` prints ``ready``, then writes, printing an ``ack``
line (flushed) after each change whose service call has returned — what the user would have
seen as saved. Modes:

- ``capture``: shop-floor capture without end: a new session, then each trainee of a cohort
  marked (``ack mark SESSION TRAINEE STATUS``), every third rated (``ack rate TRAINEE SKILL
  SESSION LEVEL``), every tenth noted (``ack note UID``);
- ``foreign``: the same capture, but before each session the database's files are opened and
  closed in this process (what a file dialog browsing the folder does), and another process
  opens and closes the database (a plain ``sqlite3`` connection, or ``mentordesk backup``)
  — the case that drops this process's POSIX locks (``core/presence_lock.py``); ``ack touched``
  follows each such visit;
- ``import``, ``export``, ``sheets``: one ``mentordesk`` command (arguments after WORK), then
  ``ack done EXIT_CODE``.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date, time
from pathlib import Path

from mentordesk.cli import main as cli_main
from mentordesk.core.store import Store

STATUSES = ("present", "late", "left_early", "absent", "excused")


def ack(*words: object) -> None:
    print("ack", *words, flush=True)


def touch_from_outside(db: Path, visit: int) -> None:
    """Open and close the files here, then let another process open and close the database."""
    for name in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if name.exists():
            with open(name, "rb") as fh:
                fh.read(64)
    if visit % 2 == 0:
        other = [
            sys.executable, "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM attendance').fetchone(); c.close()",
            str(db),
        ]  # fmt: skip
    else:
        backup = db.with_name(f"visit-{visit}.db")
        other = [sys.executable, "-m", "mentordesk", "backup", str(backup), "--db", str(db)]
    subprocess.run(other, check=True, env=dict(os.environ), capture_output=True)
    ack("touched", visit)


def capture(db: Path, seed: int, foreign: bool = False) -> None:
    from mentordesk.core.attendance import mark
    from mentordesk.core.cohorts import list_cohorts
    from mentordesk.core.notes import add_note
    from mentordesk.core.ratings import rate
    from mentordesk.core.rubrics import current_rubric
    from mentordesk.core.trainees import list_trainees
    from mentordesk.core.workshop_sessions import create_session

    rng = random.Random(seed)
    store = Store.open(db)
    cohort = list_cohorts(store)[0]
    trainees = [t.uid for t in list_trainees(store, cohort=cohort.name, include_inactive=False)]
    rubric = current_rubric(store)
    assert rubric is not None
    skills = [sk.uid for sk in rubric.skills]
    print("ready", flush=True)
    day = date(2026, 12, 1)
    visit = 0
    while True:
        if foreign:
            touch_from_outside(db, visit)
            visit += 1
        session = create_session(
            store,
            held_on=day,
            start_time=time(8),
            end_time=time(12),
            location="Bay 2",
            module="Foundation",
            task="Kill test",
            cohort_uid=cohort.uid,
        )
        ack("session", session.uid)
        for n, trainee in enumerate(trainees):
            status = rng.choice(STATUSES)
            mark(store, session.uid, trainee, status)
            ack("mark", session.uid, trainee, status)
            if n % 3 == 0:
                skill, level = rng.choice(skills), rng.randint(1, 5)
                rate(store, trainee, skill, level, session_uid=session.uid, rated_on=day)
                ack("rate", trainee, skill, session.uid, level)
            if n % 10 == 0:
                note = add_note(store, trainee, "safety", f"kill test {n}", session_uid=session.uid)
                ack("note", note.uid)
        day = date.fromordinal(day.toordinal() + 1)


def main(argv: list[str]) -> int:
    mode, db = argv[0], Path(argv[1])
    if mode in ("capture", "foreign"):
        capture(db, int(argv[2]) if len(argv) > 2 else 0, foreign=mode == "foreign")
        return 0
    # Import everything first, so that the kill lands in the command's work, not in imports.
    import mentordesk.cli.sheet_commands
    import mentordesk.cli.sync_commands  # noqa: F401

    print("ready", flush=True)
    code = cli_main([*argv[2:], "--db", str(db)])
    ack("done", code)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
