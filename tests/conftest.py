"""Shared fixtures: a fresh store on a temporary SQLite file, or on PostgreSQL with --db."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any Qt import: GUI tests run without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MENTORDESK_TEST", "1")

from mentordesk.core.store import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real data location, settings or the user's database."""
    home = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(home))
    monkeypatch.delenv("MENTORDESK_DB", raising=False)


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
