"""What the Assessments area says of one assessment version: its frozen figures, amendment and
signature, as rich text in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.assessment_views import AssessmentView
from ..core.time_and_hours import hours_text, moment_text
from .localised import localised

# Literal translate() calls in the area's context: lupdate finds no string behind a helper.


def summary_html(v: AssessmentView, note_categories: dict[str, str]) -> str:
    a = v.summary.get("attendance", {})
    rate = a.get("rate")
    lines = [
        QCoreApplication.translate(
            "AssessmentsArea",
            "Attendance: %1 sessions — %2 present, %3 late, %4 left early, %5 absent, "
            "%6 excused; hours credited %7; rate %8",
        )
        .replace("%1", str(a.get("sessions", 0)))
        .replace("%2", str(a.get("present", 0)))
        .replace("%3", str(a.get("late", 0)))
        .replace("%4", str(a.get("left_early", 0)))
        .replace("%5", str(a.get("absent", 0)))
        .replace("%6", str(a.get("excused", 0)))
        .replace("%7", localised(hours_text(a.get("hours", 0))))
        .replace("%8", f"{rate:.0%}" if rate is not None else "—"),
        QCoreApplication.translate("AssessmentsArea", "Skills rated: %1, mean level %2")
        .replace("%1", str(len(v.summary.get("skills", []))))
        .replace("%2", str(v.summary.get("mean_level") or "—")),
        QCoreApplication.translate("AssessmentsArea", "Notes: %1").replace(
            "%1",
            QCoreApplication.translate("AssessmentsArea", ", ", "between the items of a list").join(
                f"{note_categories.get(k, k)} {len(n)}"
                for k, n in v.summary.get("notes", {}).items()
            )
            or "0",
        ),
    ]
    if v.supersedes_uid:
        lines.append(
            QCoreApplication.translate("AssessmentsArea", "Amends version %1 because: %2")
            .replace("%1", str(v.version - 1))
            .replace("%2", v.amendment_reason)
        )
    if v.signed_at:
        lines.append(
            QCoreApplication.translate("AssessmentsArea", "Signed by %1 on %2")
            .replace("%1", v.signed_by)
            .replace("%2", moment_text(v.signed_at))
        )
    return "<br>".join(line.replace("&", "&amp;").replace("<", "&lt;") for line in lines)


def detail_heading(view: AssessmentView, state_name: str) -> str:
    """Who, which period, which version and its state, over the detail of one assessment."""
    return (
        QCoreApplication.translate("AssessmentsArea", "%1 — %2 to %3, version %4 (%5)")
        .replace("%1", view.trainee_name)
        .replace("%2", f"{view.period_start:%Y-%m-%d}")
        .replace("%3", f"{view.period_end:%Y-%m-%d}")
        .replace("%4", str(view.version))
        .replace("%5", state_name)
    )


def empty_list_hint(any_rows: bool, filtered: bool) -> str:
    """What to do when the list is empty: nothing matches, or nothing drafted yet."""
    if any_rows:
        return ""
    if filtered:
        return QCoreApplication.translate(
            "AssessmentsArea", "No assessment matches the search and filters."
        )
    return QCoreApplication.translate(
        "AssessmentsArea",
        "No assessments yet. Draft one with New assessment…, or a whole cohort's with "
        "Sheets for a cohort…",
    )
