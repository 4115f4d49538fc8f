"""Importing any workbook: recognised by its content, always planned (dry run) before applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.bulk import fewer_collections
from ..core.import_report import REJECTED, ImportReport
from ..core.merge import merge_results
from ..core.progress import NO_PROGRESS, Progress
from ..core.roster import RosterData, apply_roster_in, plan_roster
from ..core.rubric_import import SkillSheet, apply_rubric_in, plan_rubric
from ..core.store import Store
from ..core.wording import user_text
from .results_import import read_about, read_results
from .roster_import import read_roster, roster_sheet
from .rubric_import import read_skills, skills_sheet
from .workbook_reading import WorkbookError, at, open_workbook

RESULTS = "results"
ROSTER = "roster"
RUBRIC = "rubric"


class _RollBack(Exception):
    """Raised inside the transaction to undo a strict import with rejected rows."""


@dataclass
class PreparedImport:
    """A workbook read and recognised; ``dry_run`` and ``apply`` may each be called again."""

    path: Path
    kinds: list[str]
    cohort: str = ""
    roster: RosterData | None = None
    skills: SkillSheet | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return " and ".join(self.kinds)

    def dry_run(self, store: Store, progress: Progress = NO_PROGRESS) -> ImportReport:
        with fewer_collections():
            return self._dry_run(store, progress)

    def _dry_run(self, store: Store, progress: Progress) -> ImportReport:
        if RESULTS in self.kinds:
            return self._merge(store, False, progress)
        parts = []
        if self.skills is not None:
            parts.append(plan_rubric(store, self.skills))
        if self.roster is not None:
            parts.append(plan_roster(store, self.roster, self.cohort, progress))
        return self._combined(parts, applied=False)

    def apply(
        self, store: Store, progress: Progress = NO_PROGRESS, *, strict: bool = False
    ) -> ImportReport:
        """Everything accepted, in one transaction; a failure leaves the store as it was.

        ``strict``: nothing at all when any row is rejected (``applied`` is then False).
        """
        with fewer_collections():
            return self._apply(store, progress, strict)

    def _apply(self, store: Store, progress: Progress, strict: bool) -> ImportReport:
        if RESULTS in self.kinds:
            return self._merge(store, True, progress, strict)
        parts: list[ImportReport] = []
        try:
            with store.write() as session:
                if self.skills is not None:
                    parts.append(apply_rubric_in(store, session, self.skills))
                if self.roster is not None:
                    parts.append(
                        apply_roster_in(store, session, self.roster, self.cohort, progress)
                    )
                if strict and any(p.counts().get(REJECTED) for p in parts):
                    raise _RollBack()
        except _RollBack:
            report = self._combined(parts, applied=False)
            report.held_back = True
            return report
        return self._combined(parts, applied=True)

    def _merge(
        self, store: Store, apply: bool, progress: Progress, strict: bool = False
    ) -> ImportReport:
        wb = open_workbook(self.path)
        try:
            about = read_about(self.path, wb)
            if about is None:
                raise WorkbookError(
                    at(
                        self.path.name,
                        user_text("Workbook", "the About sheet has changed since it was read"),
                    )
                )
            report = merge_results(
                store,
                read_results(self.path, wb, about),
                apply=apply,
                progress=progress,
                strict=strict,
            )
        finally:
            wb.close()
        report.notes.extend(self.notes)
        return report

    def _combined(self, parts: list[ImportReport], applied: bool) -> ImportReport:
        report = ImportReport(self.path.name, self.kind, applied=applied)
        for part in parts:
            report.outcomes.extend(part.outcomes)
            report.ignored_columns.extend(part.ignored_columns)
            report.notes.extend(part.notes)
        report.notes.extend(self.notes)
        return report


def prepare_import(path: Path, cohort: str = "") -> PreparedImport:
    """Open and recognise ``path``: a results workbook (About sheet), a roster, a rubric or both."""
    with fewer_collections():
        return _prepare(Path(path), cohort)


def _prepare(path: Path, cohort: str) -> PreparedImport:
    wb = open_workbook(path)
    try:
        about = read_about(path, wb)
        if about is not None:
            prepared = PreparedImport(path, [RESULTS], cohort)
            if cohort:
                prepared.notes.append(
                    user_text("Workbook", "--cohort does not apply to a results workbook; ignored")
                )
            return prepared
        prepared = PreparedImport(path, [], cohort)
        skills = skills_sheet(wb)
        if skills is not None:
            prepared.skills = read_skills(path, skills)
            prepared.kinds.append(RUBRIC)
        found = roster_sheet(path, wb)
        if found is not None:
            prepared.roster = read_roster(path, *found)
            prepared.kinds.append(ROSTER)
        if not prepared.kinds:
            names = ", ".join(ws.title for ws in wb.worksheets)
            raise WorkbookError(
                at(
                    path.name,
                    user_text(
                        "Workbook",
                        "no roster, Skills or results sheet found (sheets: {sheets}). A roster "
                        "needs a header row within the first 10 rows with at least Trainee ID "
                        "and Name (or 学号 and 姓名)",
                    ).format(sheets=names),
                )
            )
        return prepared
    finally:
        wb.close()
