"""What the Assessments area says before and after writing a cohort's sheets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..exchange.sheet_batch import BatchPlan, BatchResult
from ..exchange.signing import other_mentor

# The area's own words, in its context: literal translate() calls, for lupdate finds no string
# behind a helper or a variable.


def batch_question(plan: BatchPlan, start: date, end: date, folder: Path, signer: str) -> str:
    """The question before a batch: how many sheets, where, the drafts it creates, and whose
    name the form shows where someone else signs."""
    text = (
        QCoreApplication.translate(
            "AssessmentsArea", "Write the sheets of %1 trainees for %2 – %3 to %4?"
        )
        .replace("%1", str(plan.trainees))
        .replace("%2", str(start))
        .replace("%3", str(end))
        .replace("%4", str(folder))
    )
    if plan.drafts_to_create:
        text += "\n\n" + QCoreApplication.translate(
            "AssessmentsArea",
            "%1 drafts will be created for the trainees who have no assessment for this period.",
        ).replace("%1", str(plan.drafts_to_create))
    for mentor, count in plan.other_mentors.items():
        text += "\n\n" + (
            QCoreApplication.translate(
                "AssessmentsArea",
                "You sign as %1, but the form names %2 as mentor on %3 of these sheets.",
            )
            .replace("%1", signer)
            .replace("%2", mentor)
            .replace("%3", str(count))
        )
    return text


def batch_outcome(result: BatchResult, folder: Path, signer: str | None) -> str:
    """What a finished batch wrote and signed."""
    said = (
        QCoreApplication.translate("AssessmentsArea", "%1 sheets written to %2 (%3 signed now).")
        .replace("%1", str(len(result.written)))
        .replace("%2", str(folder))
        .replace("%3", str(result.signed))
    )
    if result.other_mentor and signer is not None:
        said += " " + QCoreApplication.translate(
            "AssessmentsArea", "Signed as %1, but the form names another mentor for %2 of them."
        ).replace("%1", signer).replace("%2", str(len(result.other_mentor)))
    return said


def confirm_other_mentor(parent: QWidget, signer: str, form_mentor: str) -> bool:
    """Before one sheet is signed: True to go on. Signing a form that names another mentor is
    asked about first (default No); who signed is kept in the audit trail either way."""
    if not other_mentor(form_mentor, signer):
        return True
    text = (
        QCoreApplication.translate(
            "AssessmentsArea",
            "You sign as %1, but the form names %2 as mentor. Sign it all the same? "
            "The audit trail keeps who signed.",
        )
        .replace("%1", signer)
        .replace("%2", form_mentor)
    )
    title = QCoreApplication.translate("AssessmentsArea", "Sign")
    answer = QMessageBox.question(parent, title, text, defaultButton=QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
