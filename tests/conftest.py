"""Shared fixtures: a fresh store on a temporary SQLite file, or on PostgreSQL with --db."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any Qt import: GUI tests run without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MENTORDESK_TEST", "1")

from mentordesk.core.store import Store


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real data location, settings or the user's database."""
    home = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(home))
    monkeypatch.delenv("MENTORDESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _no_stale_qt_wrappers(request: pytest.FixtureRequest) -> None:
    """Widgets of earlier tests are gone, and so are their Python wrappers, before a GUI test.

    A wrapper that outlives its C++ widget (held in a reference cycle until the collector
    runs) still claims the widget's address; a new widget built at that address is then seen
    through the old wrapper's type (``findChild`` misses it, a call may crash). 2 runs in 30
    of the Today and record tests failed this way before this fixture.
    """
    if "qtbot" not in request.fixturenames:
        return
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def make_worker(qtbot) -> Iterator[object]:
    """``make_worker(store)``: the window's database worker over an open store."""
    from mentordesk.ui.operations import DatabaseWorker

    made: list[DatabaseWorker] = []

    def make(store: Store) -> DatabaseWorker:
        worker = DatabaseWorker(store)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        # What was asked is answered before the store goes: no callback into a closed test.
        qtbot.waitUntil(lambda w=worker: w.idle, timeout=10_000)
        worker.close()


@pytest.fixture
def settle(qtbot, make_worker) -> object:
    """``settle(worker)``: wait until every operation asked of it has run and been answered."""

    def wait(worker: object) -> None:
        qtbot.waitUntil(lambda: worker.idle, timeout=10_000)  # type: ignore[attr-defined]

    return wait


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "mentordesk.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    st = Store.open(db_path)
    yield st
    st.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from mentordesk.core.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    st = Store.open(path)
    load_demo(st, today=date(2026, 11, 20))
    st.close()
    return path


@pytest.fixture
def demo_store(_demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of a demo database (loaded once per run) as of 2026-11-20."""
    from mentordesk.core.database import backup_sqlite

    path = tmp_path / "demo.db"
    backup_sqlite(_demo_template, path)
    st = Store.open(path)
    yield st
    st.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg-url",
        default=os.environ.get("MENTORDESK_TEST_PG_URL", ""),
        help="run the store tests against this PostgreSQL server instead of starting one",
    )
    parser.addoption(
        "--kill-trials",
        dest="kill_trials",
        type=int,
        default=None,
        help="how many times the kill harness kills a writer (default $MENTORDESK_KILL_TRIALS or 8)",
    )


@pytest.fixture(scope="session")
def _postgres(request: pytest.FixtureRequest) -> Iterator[object]:
    from tests import postgres_server

    given = request.config.getoption("--pg-url")
    if given:
        yield given
        return
    if not postgres_server.available():
        pytest.fail("PostgreSQL is not installed: scripts/test.sh installs Debian's postgresql")
    server = postgres_server.PostgresServer()
    server.start()
    yield server
    server.stop()


_pg_counter = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same test on SQLite and on a fresh database of a real PostgreSQL server."""
    st = Store.open(tmp_path / "store.db") if request.param == "sqlite" else postgres_store(request)
    yield st
    st.close()


def postgres_store(request: pytest.FixtureRequest) -> Store:
    """A store on a fresh database of the session's PostgreSQL server (or the one given)."""
    server = request.getfixturevalue("_postgres")
    if isinstance(server, str):
        return Store.open(server)
    return Store.open(server.create_database(f"md_test_{next(_pg_counter)}"))
