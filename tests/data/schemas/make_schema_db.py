"""Write ``schema-REV.db``: a database at migration REV holding the demo data.

``python tests/data/schemas/make_schema_db.py 0001`` — run once when REV is released, then
commit the file and never regenerate it: it stands for databases users already have.

The demo is loaded into a database at the current head (its services need the current models),
then copied, table by table and column by column, into one upgraded only to REV.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from alembic import command

from mentordesk.core.assessment_signing import Signed, mark_signed
from mentordesk.core.assessments import create_draft, update_draft
from mentordesk.core.database import alembic_config, make_engine, to_url
from mentordesk.core.demo import load_demo
from mentordesk.core.feedback import write_reply, write_suggestions
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees

HERE = Path(__file__).resolve().parent
# Tables the database derives from the records with triggers (migrations 0004, 0005, 0014 on).
DERIVED = ("attendance_month", "skill_rating_latest", "unexpected_mark")


def columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def add_assessments(store: Store) -> None:
    """A draft and a signed assessment, so the upgrade meets locked records too."""
    first, second = list_trainees(store)[:2]
    period = (date(2026, 10, 24), date(2026, 11, 20))
    create_draft(store, first.uid, *period)
    draft = create_draft(store, second.uid, *period)
    draft = update_draft(store, draft.uid, result="pass", comment="Steady progress.")
    signed_at = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    pdf = b"%PDF-1.7 stand-in for a signed sheet"
    mark_signed(store, Signed(draft.uid, pdf, "Zhang Wei 张伟", signed_at, None))


def add_feedback(store: Store) -> None:
    """Feedback to the school with its reply (from 0012 on; older revisions have no table)."""
    period = (date(2026, 10, 1), date(2026, 11, 20))
    cohort = "2025 Rolling Order Class"
    write_suggestions(store, cohort, "Teach crane signalling before the plant block.", *period)
    write_reply(store, cohort, "同意，下学期提前安排。", *period, replied_by="王老师")


def make(revision: str, out: Path) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.db"
        store = Store.open(demo)
        load_demo(store, today=date(2026, 11, 20), seed=1)
        add_assessments(store)
        add_feedback(store)
        store.close()

        partial = out.with_name(out.name + ".part")
        partial.unlink(missing_ok=True)
        engine = make_engine(to_url(partial))
        command.upgrade(alembic_config(engine), revision)
        engine.dispose()

        conn = sqlite3.connect(partial)
        conn.execute("ATTACH DATABASE ? AS demo", (str(demo),))
        counts = {}
        with conn:
            conn.execute("PRAGMA foreign_keys=OFF")
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM main.sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' AND name <> 'alembic_version'"
                )
            ]
            for table in tables:
                if table in DERIVED:
                    continue  # the target's own triggers fill it as the records go in
                shared = [
                    c for c in columns(conn, "main", table) if c in columns(conn, "demo", table)
                ]
                names = ", ".join(f'"{c}"' for c in shared)
                conn.execute(
                    f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM demo."{table}"'
                )
                counts[table] = conn.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
        conn.execute("DETACH DATABASE demo")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
        conn.close()
        partial.replace(out)
    return counts


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make_schema_db.py REVISION", file=sys.stderr)
        return 2
    out = HERE / f"schema-{argv[0]}.db"
    counts = make(argv[0], out)
    print(f"wrote {out}: " + ", ".join(f"{n} {t}" for t, n in counts.items() if n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
