"""Moments read on the plant's clock and hours read in hours and minutes, everywhere."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from mentordesk.core.time_and_hours import (
    hours_text,
    hours_text_chinese,
    local_date,
    local_time,
    moment_text,
)


@pytest.fixture
def shanghai(monkeypatch):
    """The process runs on a plant's clock, UTC+8."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_utc_moment_reads_on_the_local_clock(shanghai):
    signed = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)
    assert moment_text(signed) == "2026-11-20 07:30"
    assert local_date(signed) == date(2026, 11, 20)
    assert local_time(signed).utcoffset().total_seconds() == 8 * 3600
    # A naive value is what SQLite hands back without the column type: UTC all the same.
    assert moment_text(datetime(2026, 11, 19, 23, 30)) == "2026-11-20 07:30"


@pytest.mark.parametrize(
    ("hours", "english", "chinese"),
    [
        (7 + 2 / 3, "7 h 40 min", "7小时40分"),
        (7.67, "7 h 40 min", "7小时40分"),
        (8.0, "8 h", "8小时"),
        (0.75, "45 min", "45分钟"),
        (0.0, "0 h", "0小时"),
        (7.999, "8 h", "8小时"),
    ],
)
def test_hours_read_as_hours_and_minutes(hours, english, chinese):
    assert str(hours_text(hours)) == english
    assert hours_text_chinese(hours) == chinese
