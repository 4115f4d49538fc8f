"""Rewrite migration 0001 from the models. Only until the first release ships schema 0001.

After a release, schema changes are new hand-reviewed revisions; this script then refuses.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from mentordesk.core.database import ALEMBIC_DIR, alembic_config, make_engine, to_url

RELEASED_MARKER = ALEMBIC_DIR / "RELEASED"
INITIAL = ALEMBIC_DIR / "versions" / "0001_initial_schema.py"


def main() -> int:
    if RELEASED_MARKER.exists():
        print("schema 0001 has been released; write a new revision instead", file=sys.stderr)
        return 1
    later = [p for p in (ALEMBIC_DIR / "versions").glob("*.py") if p != INITIAL]
    held = {p: p.read_text() for p in later}
    for p in later:
        p.unlink()
    INITIAL.unlink(missing_ok=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(to_url(Path(tmp) / "empty.db"))
            config = alembic_config(engine)
            command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")
        produced = next((ALEMBIC_DIR / "versions").glob("0001_*.py"))
        # Autogenerate renders false() as SQLite's 0, which PostgreSQL refuses for a boolean.
        source = produced.read_text().replace(
            "server_default=sa.text('0')", "server_default=sa.false()"
        )
        produced.unlink()
        INITIAL.write_text("\n".join(line.rstrip() for line in source.splitlines()) + "\n")
    finally:
        for p, text in held.items():
            p.write_text(text)
    subprocess.run(["ruff", "check", "--fix", "-q", str(INITIAL)], check=False)
    subprocess.run(["ruff", "format", "-q", str(INITIAL)], check=False)
    print(f"wrote {INITIAL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
