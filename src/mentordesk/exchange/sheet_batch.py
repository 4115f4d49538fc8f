"""A cohort's sheets for one period, written to a folder, optionally signed in one go.

All or nothing: sheets are written as ``.part`` files, the signatures recorded in one
transaction, and only then renamed. A cancelled or failed run removes what it wrote and
locks no assessment (drafts it created stay, to be edited or reused by the next run).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ..core import assessments
from ..core.errors import UserError
from ..core.progress import NO_PROGRESS, Progress
from ..core.store import Store
from ..core.wording import user_text
from .sheet_pdf import render_sheet
from .signing import HeldKeySigner, signed_pdf

UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    signed: int = 0
    already_signed: int = 0
    # Names of trainees whose draft has no result yet, so it was written unsigned.
    no_result: list[str] = field(default_factory=list)


def sheet_filename(view: assessments.AssessmentView) -> str:
    name = UNSAFE.sub("_", view.trainee_name).strip("._") or "trainee"
    ident = UNSAFE.sub("_", view.trainee_id)
    return f"{ident}_{name}_{view.period_start}_{view.period_end}_v{view.version}.pdf"


def write_sheets(
    store: Store,
    outdir: Path,
    start: date,
    end: date,
    *,
    cohort: str | None = None,
    signer: HeldKeySigner | None = None,
    drawing_png: bytes | None = None,
    progress: Progress = NO_PROGRESS,
) -> BatchResult:
    if not outdir.is_dir():
        raise UserError(
            user_text("Sheets", "{folder}: folder does not exist").format(folder=str(outdir))
        )
    trainees = assessments.cohort_trainees(store, cohort)
    if not trainees:
        if cohort:
            raise UserError(
                user_text("Sheets", "No active trainees in {cohort}").format(cohort=cohort)
            )
        raise UserError(user_text("Sheets", "No active trainees"))
    views = assessments.ensure_drafts(store, trainees, start, end)
    results = assessments.result_choices(store)
    outcome = BatchResult()
    to_lock: list[assessments.Signed] = []
    parts: list[tuple[Path, Path]] = []
    progress.start(len(views), user_text("Sheets", "Writing sheets"))
    try:
        for view in views:
            target = outdir / sheet_filename(view)
            if view.state != "draft":
                pdf = assessments.latest_document(store, view.uid) or b""
                outcome.already_signed += 1
            elif signer is not None and view.result:
                now = datetime.now(UTC)
                pdf = signed_pdf(view, results, signer, drawing_png, now)
                to_lock.append(assessments.Signed(view.uid, pdf, signer.name, now, view.updated_at))
            else:
                if signer is not None:
                    outcome.no_result.append(view.trainee_name)
                pdf = render_sheet(view, results).pdf
            part = target.with_name(target.name + ".part")
            parts.append((part, target))
            with open(part, "wb") as fh:
                fh.write(pdf)
            progress.step(1, view.trainee_name)
        progress.step(0, user_text("Sheets", "Recording signatures"))
        if to_lock:
            assessments.mark_signed_many(store, to_lock)
        # From here on nothing is refused: the files join the signatures just recorded.
        for part, target in parts:
            os.replace(part, target)
            outcome.written.append(target)
    except BaseException:
        for part, _target in parts:
            part.unlink(missing_ok=True)
        raise
    outcome.signed = len(to_lock)
    return outcome
