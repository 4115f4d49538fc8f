"""An export never cuts a text (issue 16, item 7): over-long cells refuse it whole."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from mentordesk.core.changes import change
from mentordesk.core.errors import UserError
from mentordesk.core.models import Attendance, Note
from mentordesk.exchange.results_export import export_results

from .import_fixtures import fill


@pytest.mark.parametrize(
    ("model", "column", "text"),
    [(Note, "text", "x" * 40_000), (Attendance, "note", "=" + "1+" * 20_000)],
    ids=["plain", "formula-looking"],
)
def test_a_text_longer_than_a_cell_refuses_the_export(store, tmp_path, model, column, text):
    fill(store)
    # Written past the services' 4,000-character check, as an older version could have.
    with store.write() as s:
        record = s.scalar(select(model).order_by(model.id))
        change(store, s, record, {column: text})
        uid = record.uid
    out = tmp_path / "out"
    out.mkdir()
    target = out / "results.xlsx"
    target.write_bytes(b"the previous export")

    with pytest.raises(UserError) as refused:
        export_results(store, target)

    message = str(refused.value)
    assert "more than the 32,767 a spreadsheet cell holds" in message
    assert uid in message and "Nothing was written" in message
    assert target.read_bytes() == b"the previous export"
    assert os.listdir(out) == ["results.xlsx"]


def test_the_export_is_owner_only(store, tmp_path):
    fill(store)
    target = export_results(store, tmp_path / "results.xlsx").path
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
