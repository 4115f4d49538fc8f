"""A throwaway PostgreSQL server on loopback for the store tests (Debian's postgresql package)."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def available() -> bool:
    return _bin("initdb") is not None and _bin("pg_ctl") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """initdb + pg_ctl start in a temporary folder; as the ``postgres`` user when run as root."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mentordesk-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        if self.as_root:
            shutil.chown(self.dir, "postgres")
            os.chmod(self.dir, 0o700)
        self._run(_bin("initdb") or "initdb", "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--locale=C")  # fmt: skip
        self._run(
            _bin("pg_ctl") or "pg_ctl", "-D", str(self.data), "-w", "-l", str(self.dir / "log"),
            "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/postgres"

    def create_database(self, name: str) -> str:
        import psycopg2

        conn = psycopg2.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres"
        )
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        # -w: pg_ctl returns once the server is gone (its postmaster.pid removed), so the
        # folder is removed after it, not after a guessed pause.
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(
                _bin("pg_ctl") or "pg_ctl", "-D", str(self.data), "-w", "-m", "immediate", "stop"
            )
        shutil.rmtree(self.dir, ignore_errors=True)
