"""The Sync area: import a workbook after seeing its dry run, and export results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QDate,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from ..core.cohorts import CohortView, list_cohorts
from ..core.export_scope import ExportScope
from ..core.import_report import CONFLICT, NEW, REJECTED, UNCHANGED, UPDATED, ImportReport
from ..core.known_certificates import CertificateRefused, CertificateView, list_certificates
from ..core.progress import Progress
from ..core.store import Store
from ..exchange.bundle_export import BundleResult, export_bundle
from ..exchange.bundle_import import PreparedBundle, is_bundle, prepare_bundle
from ..exchange.results_export import ExportResult, export_results
from ..exchange.workbook_import import PreparedImport, prepare_import
from .area import FormArea
from .certificate_dialogs import AcceptCertificateBox, KnownCertificatesDialog
from .forms import child
from .import_preview_model import RECORD_COLUMN, PreviewModel
from .localised import localised
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .translation import current_language

ERROR_STYLE = "color: #b00020;"


def dry_run(
    store: Store,
    path: Path,
    cohort: str,
    progress: Progress,
    accepted: frozenset[str] = frozenset(),
) -> tuple[PreparedImport | PreparedBundle, ImportReport] | CertificateRefused:
    """The workbook (or bundle) at ``path`` read and checked against the records; nothing
    changes. A bundle's members and signatures are checked whole first; a sheet signed by a
    certificate not known for its signer comes back as the refusal, which may be accepted."""
    prepared: PreparedImport | PreparedBundle
    if is_bundle(path):
        prepared = prepare_bundle(path)
        prepared.accepted_certificates = accepted
    else:
        prepared = prepare_import(path, cohort)
    try:
        return prepared, prepared.dry_run(store, progress)
    except CertificateRefused as refusal:
        return refusal


def export_file(
    store: Store, path: Path, scope: ExportScope, chinese_headers: bool, progress: Progress
) -> ExportResult | BundleResult:
    """The results workbook, or with a .zip name the bundle with the signed sheets."""
    if path.suffix.lower() == ".zip":
        return export_bundle(store, path, scope, chinese_headers=chinese_headers, progress=progress)
    return export_results(store, path, scope, chinese_headers=chinese_headers, progress=progress)


def apply_prepared(
    store: Store, prepared: PreparedImport | PreparedBundle, progress: Progress
) -> ImportReport:
    """Commit a previewed import, all accepted rows in one transaction."""
    return prepared.apply(store, progress)


OK_STYLE = "color: #1b5e20;"


class SyncArea(FormArea):
    """Reads, imports and exports through the database worker, with progress and Cancel."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__("sync", parent)
        self.worker = worker

        f = self.form
        self.choose_button = child(f, QPushButton, "chooseFileButton")
        self.file_edit = child(f, QLineEdit, "fileEdit")
        self.import_cohort = child(f, QComboBox, "importCohortCombo")
        self.summary = child(f, QLabel, "summaryLabel")
        self.table = child(f, QTableView, "previewTable")
        self.ignored = child(f, QLabel, "ignoredLabel")
        self.show_unchanged = child(f, QCheckBox, "showUnchangedCheck")
        self.apply_button = child(f, QPushButton, "applyButton")
        self.export_cohort = child(f, QComboBox, "exportCohortCombo")
        self.from_check = child(f, QCheckBox, "fromCheck")
        self.from_date = child(f, QDateEdit, "fromDate")
        self.to_check = child(f, QCheckBox, "toCheck")
        self.to_date = child(f, QDateEdit, "toDate")
        self.chinese = child(f, QCheckBox, "chineseHeadersCheck")
        # An export made in a Chinese window has Chinese headers unless the user unticks them;
        # the importer reads both (interchange.md).
        self.chinese.setChecked(current_language() == "zh_CN")
        self.export_button = child(f, QPushButton, "exportButton")
        self.message = child(f, QLabel, "messageLabel")
        self.accept_certificate = child(f, QPushButton, "acceptCertificateButton")
        self.known_certificates = child(f, QPushButton, "knownCertificatesButton")

        self.model = PreviewModel(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A record can be a 200-character name: sized to its contents it would push the reason
        # it was refused off the screen. It gets a fixed share, elided, the whole in a tooltip.
        header.setSectionResizeMode(RECORD_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RECORD_COLUMN, 260)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        today = QDate.currentDate()
        self.from_date.setDate(today.addMonths(-1))
        self.to_date.setDate(today)
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)

        self.prepared: PreparedImport | PreparedBundle | None = None
        self.report: ImportReport | None = None
        self.refusal: CertificateRefused | None = None
        self.accepted: frozenset[str] = frozenset()
        self.choose_button.clicked.connect(self.choose_file)
        self.accept_certificate.clicked.connect(self.ask_accept_certificate)
        self.known_certificates.clicked.connect(self.show_known_certificates)
        self.apply_button.clicked.connect(self.apply_import)
        self.export_button.clicked.connect(self.choose_export_file)
        self.show_unchanged.toggled.connect(self.model.set_show_unchanged)
        self.import_cohort.lineEdit().editingFinished.connect(self._cohort_changed)
        self.import_cohort.activated.connect(lambda _: self._cohort_changed())
        self.refresh()

    # -- state ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the cohort lists (another area may have added one)."""
        QueryOp(list_cohorts).success(self._cohorts).run(self.worker, self)

    def _cohorts(self, cohorts: list[CohortView]) -> None:
        names = [c.name for c in cohorts]
        typed = self.import_cohort.currentText()
        self.import_cohort.blockSignals(True)
        self.import_cohort.clear()
        self.import_cohort.addItem("")
        self.import_cohort.addItems(names)
        self.import_cohort.setCurrentText(typed)
        self.import_cohort.blockSignals(False)
        chosen = self.export_cohort.currentData()
        self.export_cohort.clear()
        self.export_cohort.addItem(self.tr("All cohorts"), "")
        for name in names:
            self.export_cohort.addItem(name, name)
        index = self.export_cohort.findData(chosen)
        self.export_cohort.setCurrentIndex(max(index, 0))

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def _failed(self, message: str) -> None:
        self._say(message, ok=False)

    # -- import ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a workbook to import"),
            "",
            self.tr("Excel workbooks (*.xlsx);;Bundles with signed sheets (*.zip);;All files (*)"),
        )
        if path:
            self.preview_file(Path(path))

    def preview_file(self, path: Path, accepted: frozenset[str] = frozenset()) -> None:
        """Read the workbook and show its dry run; nothing changes yet. ``accepted``: the
        certificates the user accepted for this bundle."""
        self.prepared = None
        self.report = None
        self.refusal = None
        self.accepted = accepted
        self.accept_certificate.setVisible(False)
        self.apply_button.setEnabled(False)
        self.model.set_outcomes([])
        self.ignored.clear()
        self.file_edit.setText(str(path))
        self._say("")
        cohort = self.import_cohort.currentText().strip()
        QueryOp(dry_run, path, cohort, accepted=accepted).with_progress(
            self, self.tr("Reading the workbook…")
        ).success(self._previewed).failure(self._failed).run(self.worker, self)

    def _cohort_changed(self) -> None:
        if self.prepared is not None and self.prepared.roster is not None:
            self.preview_file(self.prepared.path)

    def _previewed(
        self, result: tuple[PreparedImport | PreparedBundle, ImportReport] | CertificateRefused
    ) -> None:
        if isinstance(result, CertificateRefused):
            self.refusal = result
            self._say(localised(result), ok=False)
            self.accept_certificate.setVisible(True)
            return
        self.prepared, self.report = result
        self._show(self.report)
        self.apply_button.setEnabled(self.report.changes_anything)
        refused = self.report.counts().get(REJECTED, 0)
        if refused and not self.report.accepted:
            self._say(
                self.tr("No row of this workbook can be imported: the list says why for each."),
                ok=False,
            )
        elif refused and not self.report.changes_anything:
            self._say(
                self.tr(
                    "%n row(s) cannot be imported (the list says why); the others are already "
                    "here, unchanged.",
                    "",
                    refused,
                ),
                ok=False,
            )
        elif refused:
            self._say(
                self.tr(
                    "%n row(s) will be left out (the list says why); Apply imports the rest.",
                    "",
                    refused,
                ),
                ok=False,
            )
        elif not self.report.changes_anything:
            self._say(self.tr("Importing this workbook would change nothing."))

    def _show(self, report: ImportReport) -> None:
        counts = report.counts()
        names = {
            NEW: self.tr("new"),
            UPDATED: self.tr("updated"),
            UNCHANGED: self.tr("unchanged"),
            REJECTED: self.tr("rejected"),
            CONFLICT: self.tr("conflicts"),
        }
        kinds = {
            "roster": self.tr("roster"),
            "rubric": self.tr("rubric"),
            "results": self.tr("results"),
            "results bundle": self.tr("results bundle"),
        }
        separator = self.tr(", ", "between the items of a list")
        figures = separator.join(f"{n} {names[k]}" for k, n in counts.items())
        kind = separator.join(kinds.get(k, k) for k in report.kind.split(" and "))
        if report.applied:
            text = self.tr("Applied %1 (%2): %3")
        else:
            text = self.tr("Dry run of %1 (%2): %3. Nothing has changed yet.")
        self.summary.setText(
            text.replace("%1", report.source).replace("%2", kind).replace("%3", figures)
        )
        self.model.set_outcomes(report.outcomes)
        extra = []
        if report.ignored_columns:
            extra.append(
                self.tr("Ignored columns: %1").replace("%1", ", ".join(report.ignored_columns))
            )
        if report.unlisted_unchanged:
            extra.append(
                self.tr("%1 further unchanged rows are not listed.").replace(
                    "%1", str(report.unlisted_unchanged)
                )
            )
        extra.extend(localised(note) for note in report.notes)
        self.ignored.setText("\n".join(extra))

    def apply_import(self) -> None:
        """Commit the previewed import, all accepted rows in one transaction."""
        if self.prepared is None:
            return
        self.apply_button.setEnabled(False)
        # An import may touch any record: every area reads again what it shows.
        CollectionOp(apply_prepared, self.prepared, changes=Changes(everything=True)).with_progress(
            self, self.tr("Importing…")
        ).success(self._applied).failure(self._failed).run(self.worker, self)

    def ask_accept_certificate(self) -> None:
        """Both fingerprints shown; accepted, the bundle is read again with it."""
        refusal = self.refusal
        if refusal is None:
            return
        box = AcceptCertificateBox(refusal, self)
        box.exec()
        if box.accepted_certificate():
            path = Path(self.file_edit.text())
            self.preview_file(path, self.accepted | {refusal.fingerprint})

    def show_known_certificates(self) -> None:
        QueryOp(list_certificates).success(self._known).failure(self._failed).run(self.worker, self)

    def _known(self, known: list[CertificateView]) -> None:
        KnownCertificatesDialog(known, self).exec()

    def _applied(self, report: ImportReport) -> None:
        self.report = report
        self._show(report)
        self._say(self.tr("Import applied."))
        self.refresh()

    # -- export ---------------------------------------------------------------------------

    def scope(self) -> ExportScope:
        start = self.from_date.date().toPython() if self.from_check.isChecked() else None
        end = self.to_date.date().toPython() if self.to_check.isChecked() else None
        return ExportScope(self.export_cohort.currentData() or "", start, end)

    def choose_export_file(self) -> None:
        name = f"mentordesk-results-{date.today().isoformat()}.xlsx"
        bundles = self.tr("Bundles with signed sheets (*.zip)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export results"),
            name,
            self.tr("Excel workbooks (*.xlsx)") + ";;" + bundles,
        )
        if path:
            suffix = ".zip" if chosen == bundles else ".xlsx"
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        scope = self.scope()
        if scope.start and scope.end and scope.start > scope.end:
            self._say(self.tr("The period starts after it ends."), ok=False)
            return
        self._say("")
        QueryOp(export_file, path, scope, self.chinese.isChecked()).with_progress(
            self, self.tr("Exporting results…")
        ).success(self._exported).failure(self._failed).run(self.worker, self)

    def _exported(self, result: ExportResult | BundleResult) -> None:
        total = sum(result.rows.values())
        self._say(
            self.tr("Exported %1 rows to %2")
            .replace("%1", f"{total:,}")
            .replace("%2", str(result.path))
        )
