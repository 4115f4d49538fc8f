"""A cohort's sheets: what is the same on every sheet is worked out once per process, and a
sheet reads the same whether it is the first of the process or the hundredth."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from reportlab.platypus import paragraph as rl_paragraph

from mentordesk.core import assessments as A
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import sheet_paragraph
from mentordesk.exchange.sheet_page import MentorStamp
from mentordesk.exchange.sheet_pdf import render_sheet

START, END = date(2026, 10, 1), date(2026, 11, 20)
WHEN = datetime(2026, 11, 21, 9, 30, 5, tzinfo=UTC)
# Long enough to break across pages: reportlab's page split edits the lines it splits.
LONG = "按规程操作，交接班记录完整，进步明显。Follows the procedure. " * 60


def _draft(store, index: int, **fields: str) -> A.AssessmentView:
    t = list_trainees(store)[index]
    view = A.create_draft(store, t.uid, START, END)
    A.update_draft(store, view.uid, result="pass", **fields)
    return A.get_assessment(store, view.uid)


def _forget() -> None:
    sheet_paragraph._BROKEN.clear()
    sheet_paragraph._PARSED.clear()


def test_the_next_sheet_breaks_no_line_the_first_already_broke(demo_store, monkeypatch):
    view = _draft(demo_store, 0, comment="进步明显。" * 30)
    results = A.result_choices(demo_store)
    render_sheet(view, results, language="both", created=WHEN)
    broken: list[str] = []
    original = rl_paragraph.Paragraph.breakLinesCJK

    def counted(self, widths):  # type: ignore[no-untyped-def]
        broken.append(self.text)
        return original(self, widths)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLinesCJK", counted)
    again = render_sheet(view, results, language="both", created=WHEN)
    assert again.pages >= 1
    assert broken == []


@pytest.mark.parametrize("language", ["both", "zh_CN", "en"])
def test_a_sheet_reads_the_same_first_or_after_others(demo_store, language):
    """The same bytes from a cold start and after sheets that share its texts, including a
    comment long enough to be split across pages (reportlab edits what it splits)."""
    results = A.result_choices(demo_store)
    stamp = MentorStamp("Zhang Wei 张伟", date(2026, 11, 21))
    first = _draft(demo_store, 0, comment=LONG, strengths=LONG)
    second = _draft(demo_store, 1, comment=LONG, strengths=LONG)
    _forget()
    cold = render_sheet(first, results, stamp, language=language, created=WHEN)
    assert cold.pages >= 2
    for view in (second, first, second):
        render_sheet(view, results, stamp, language=language, created=WHEN)
    warm = render_sheet(first, results, stamp, language=language, created=WHEN)
    assert warm.pdf == cold.pdf
    assert warm.boxes == cold.boxes
    _forget()
    draft_cold = render_sheet(second, results, language=language, created=WHEN).pdf
    render_sheet(first, results, language=language, created=WHEN)
    assert render_sheet(second, results, language=language, created=WHEN).pdf == draft_cold


def test_the_same_sheet_made_at_the_same_time_is_the_same_bytes_in_another_process(demo_store):
    view = _draft(demo_store, 2, comment="很好。")
    here = render_sheet(view, A.result_choices(demo_store), created=WHEN).pdf
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from mentordesk.core import assessments as A\n"
        "from mentordesk.core.store import Store\n"
        "from mentordesk.exchange.sheet_pdf import render_sheet\n"
        "store = Store.open(sys.argv[1])\n"
        "view = A.get_assessment(store, sys.argv[2])\n"
        "when = datetime(2026, 11, 21, 9, 30, 5, tzinfo=UTC)\n"
        "pdf = render_sheet(view, A.result_choices(store), created=when).pdf\n"
        "store.close()\n"
        "sys.stdout.buffer.write(pdf)\n"
    )
    there = subprocess.run(
        [sys.executable, "-c", code, str(demo_store.path), view.uid],
        capture_output=True,
        check=True,
    ).stdout
    assert there == here
