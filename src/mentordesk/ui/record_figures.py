"""The truth beside a trainee's rate: over how many expected sessions, how many unrecorded, and
the hours done against the hours the plan sets so far, with on track / behind as a word.

The counts and the word are core's (``TraineeRecord.expectation``, ``planned_hours``,
``pace``); this only says them in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.time_and_hours import hours_text
from ..core.trainee_record import TraineeRecord
from .localised import localised


def expectation_text(r: TraineeRecord) -> str:
    """Two lines (rich text) for the record's figures."""
    e = r.expectation
    rate = r.attendance_rate
    first = (
        QCoreApplication.translate(
            "RecordFigures", "%1 of %2 expected sessions, <b>%3 unrecorded</b>"
        )
        .replace("%1", f"{rate:.1%}" if rate is not None else "—")
        .replace("%2", str(e.expected))
        .replace("%3", str(e.unrecorded))
    )
    done = localised(hours_text(r.figures.hours))
    pace = localised(r.pace)
    if r.planned_hours:
        second = (
            QCoreApplication.translate(
                "RecordFigures", "Hours done %1 of %2 planned so far: <b>%3</b>"
            )
            .replace("%1", done)
            .replace("%2", localised(hours_text(r.planned_hours)))
            .replace("%3", pace)
        )
    else:
        second = (
            QCoreApplication.translate("RecordFigures", "Hours done %1: <b>%2</b> for this period")
            .replace("%1", done)
            .replace("%2", pace)
        )
    return f"{first}<br>{second}"
