"""The Assessments area: draft, preview the exact PDF, sign, amend, print, batch a cohort."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import assessments, cohorts
from ..core.drawn_signature import drawn_signature
from ..core.errors import UserError
from ..core.store import Store
from ..exchange import signing_identity
from ..exchange.sheet_batch import plan_batch, sheet_filename, write_sheets
from ..exchange.sheet_language import set_sheet_language
from ..exchange.sheet_pdf import render_sheet
from ..exchange.signing import HeldKeySigner, attach_countersigned, sign_assessment
from ..paths import data_dir
from .assessment_dialogs import (
    IdentityDialog,
    PeriodDialog,
    SignaturePadDialog,
    ask_passphrase,
)
from .background import run_with_progress
from .forms import child, load_form
from .localised import localised
from .note_category_names import note_category_names
from .sheet_preview import page_pixmaps, print_pdf
from .translation import current_language

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
# The preview fits the page to the pane's width, within these bounds: below the lower one the
# text is unreadable and a scroll bar is the lesser evil; above the upper one it is only bigger.
PREVIEW_DPI_RANGE = (48, 120)
A4_WIDTH_INCHES = 210 / 25.4


class AssessmentsArea(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # The form's own words on a sheet follow the interface language; both change only at a
        # restart, so a preview and the sheet then signed read the same.
        set_sheet_language("zh_CN" if current_language() == "zh_CN" else "en")
        self.form = load_form("assessments", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        f = self.form
        self.search = child(f, QLineEdit, "searchEdit")
        self.cohort_filter = child(f, QComboBox, "cohortFilter")
        self.state_filter = child(f, QComboBox, "stateFilter")
        self.table = child(f, QTableWidget, "assessmentTable")
        self.tabs = child(f, QTabWidget, "detailTabs")
        self.heading = child(f, QLabel, "headingLabel")
        self.summary = child(f, QLabel, "summaryLabel")
        self.result_combo = child(f, QComboBox, "resultCombo")
        self.strengths = child(f, QPlainTextEdit, "strengthsEdit")
        self.improvements = child(f, QPlainTextEdit, "improvementsEdit")
        self.comment = child(f, QPlainTextEdit, "commentEdit")
        self.message = child(f, QLabel, "messageLabel")
        self.save_button = child(f, QPushButton, "saveButton")
        self.refresh_button = child(f, QPushButton, "refreshButton")
        self.sign_button = child(f, QPushButton, "signButton")
        self.amend_button = child(f, QPushButton, "amendButton")
        self.preview_info = child(f, QLabel, "previewInfo")
        self.pages = child(f, QWidget, "previewPages")
        self.preview_scroll = child(f, QScrollArea, "previewScroll")
        self.open_button = child(f, QPushButton, "openButton")
        self.print_button = child(f, QPushButton, "printButton")
        self.save_as_button = child(f, QPushButton, "saveAsButton")
        self.attach_button = child(f, QPushButton, "attachButton")

        self.states = {
            "draft": self.tr("Draft"),
            "signed": self.tr("Signed"),
            "superseded": self.tr("Superseded"),
        }
        self.result_names = {
            "distinction": self.tr("Distinction"),
            "pass": self.tr("Pass"),
            "not_yet_competent": self.tr("Not yet competent"),
        }
        self.note_categories = note_category_names()
        # Who, when, and where it stands first: at 1280 px the list shows about five columns.
        headers = [
            self.tr("Trainee"),
            self.tr("Trainee ID"),
            self.tr("Period"),
            self.tr("State"),
            self.tr("Result"),
            self.tr("Version"),
            self.tr("Signed on"),
            self.tr("Cohort"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.state_filter.addItem(self.tr("Every state"), "")
        for key, label in self.states.items():
            self.state_filter.addItem(label, key)

        self._rows: list[assessments.AssessmentView] = []
        self._current: assessments.AssessmentView | None = None
        self._pdf: bytes | None = None
        self._job = None
        self._sized = False
        self._preview_dpi = 0.0
        # Re-fitting the page waits until the user stops dragging the splitter.
        self._fit_timer = QTimer(self, singleShot=True, interval=200)
        self._fit_timer.timeout.connect(self._refit_preview)
        self.preview_scroll.viewport().installEventFilter(self)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.cohort_filter.currentIndexChanged.connect(lambda _: self.reload())
        self.state_filter.currentIndexChanged.connect(lambda _: self.reload())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.tabs.currentChanged.connect(lambda _: self._show_preview_if_visible())
        child(f, QPushButton, "newButton").clicked.connect(self.new_assessment)
        child(f, QPushButton, "batchButton").clicked.connect(self.batch)
        child(f, QPushButton, "signatureButton").clicked.connect(self.draw_signature)
        self.save_button.clicked.connect(self.save)
        self.refresh_button.clicked.connect(self.recompute)
        self.sign_button.clicked.connect(self.sign)
        self.amend_button.clicked.connect(self.amend)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_as_button.clicked.connect(self.save_as)
        self.attach_button.clicked.connect(self.attach_countersigned)
        splitter = child(f, QSplitter, "splitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Half and half to start with, not the detail's wide size hint (which left the list
        # two or three columns at 1280 px): who, period, state and result stay in view.
        splitter.setSizes([1000, 1000])
        self.refresh()

    # -- list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.cohort_filter.currentData()
        self.cohort_filter.blockSignals(True)
        self.cohort_filter.clear()
        self.cohort_filter.addItem(self.tr("All cohorts"), "")
        for c in cohorts.list_cohorts(self.store):
            self.cohort_filter.addItem(c.name, c.name)
        self.cohort_filter.setCurrentIndex(max(self.cohort_filter.findData(current or ""), 0))
        self.cohort_filter.blockSignals(False)
        self.result_combo.clear()
        self.result_combo.addItem(self.tr("(not decided)"), "")
        for r in assessments.result_choices(self.store):
            self.result_combo.addItem(self.result_names.get(r, r), r)
        self.reload()

    def reload(self, select_uid: str | None = None) -> None:
        keep = select_uid or (self._current.uid if self._current else None)
        self._rows = assessments.list_assessments(
            self.store,
            self.search.text(),
            cohort=self.cohort_filter.currentData() or None,
            state=self.state_filter.currentData() or None,
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._rows))
        for row, v in enumerate(self._rows):
            cells = [
                v.trainee_name,
                v.trainee_id,
                f"{v.period_start:%Y-%m-%d} – {v.period_end:%Y-%m-%d}",
                self.states.get(v.state, v.state),
                self.result_names.get(v.result, v.result),
                str(v.version),
                f"{v.signed_at:%Y-%m-%d}" if v.signed_at else "",
                v.cohort,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if v.state == "superseded":
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        if self._rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        uids = [v.uid for v in self._rows]
        self.table.blockSignals(True)
        if keep in uids:
            self.table.selectRow(uids.index(keep))
        elif self._rows:
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)
        # Always refresh the detail: the selected row may be the same record, changed.
        self._selection_changed()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show(self._rows[rows[0].row()] if rows else None)

    # -- detail -------------------------------------------------------------------------

    def _show(self, view: assessments.AssessmentView | None) -> None:
        self._current = view
        self._pdf = None
        self._say("")
        editable = view is not None and view.state == "draft"
        for widget in (self.strengths, self.improvements, self.comment):
            widget.setReadOnly(not editable)
        for widget in (self.result_combo, self.save_button, self.refresh_button, self.sign_button):
            widget.setEnabled(editable)
        self.amend_button.setEnabled(view is not None and view.state == "signed")
        self.attach_button.setEnabled(view is not None and view.state == "signed")
        for widget in (self.open_button, self.print_button, self.save_as_button):
            widget.setEnabled(view is not None)
        if view is None:
            self.heading.setText(self.tr("No assessment selected"))
            self.summary.setText(self._empty_hint())
            for widget in (self.strengths, self.improvements, self.comment):
                widget.setPlainText("")
            self._clear_pages()
            return
        self.heading.setText(
            self.tr("%1 — %2 to %3, version %4 (%5)")
            .replace("%1", view.trainee_name)
            .replace("%2", f"{view.period_start:%Y-%m-%d}")
            .replace("%3", f"{view.period_end:%Y-%m-%d}")
            .replace("%4", str(view.version))
            .replace("%5", self.states.get(view.state, view.state))
        )
        self.summary.setText(self._summary_html(view))
        self.result_combo.setCurrentIndex(max(self.result_combo.findData(view.result), 0))
        self.strengths.setPlainText(view.strengths)
        self.improvements.setPlainText(view.improvements)
        self.comment.setPlainText(view.comment)
        self._show_preview_if_visible()

    def _empty_hint(self) -> str:
        """What to do when the list is empty: nothing matches, or nothing drafted yet."""
        if self._rows:
            return ""
        if (
            self.search.text()
            or self.cohort_filter.currentData()
            or self.state_filter.currentData()
        ):
            return self.tr("No assessment matches the search and filters.")
        return self.tr(
            "No assessments yet. Draft one with New assessment…, or a whole cohort's with "
            "Sheets for a cohort…"
        )

    def _summary_html(self, v: assessments.AssessmentView) -> str:
        a = v.summary.get("attendance", {})
        rate = a.get("rate")
        lines = [
            self.tr(
                "Attendance: %1 sessions — %2 present, %3 late, %4 left early, %5 absent, "
                "%6 excused; %7 hours; rate %8"
            )
            .replace("%1", str(a.get("sessions", 0)))
            .replace("%2", str(a.get("present", 0)))
            .replace("%3", str(a.get("late", 0)))
            .replace("%4", str(a.get("left_early", 0)))
            .replace("%5", str(a.get("absent", 0)))
            .replace("%6", str(a.get("excused", 0)))
            .replace("%7", f"{a.get('hours', 0):g}")
            .replace("%8", f"{rate:.0%}" if rate is not None else "—"),
            self.tr("Skills rated: %1, mean level %2")
            .replace("%1", str(len(v.summary.get("skills", []))))
            .replace("%2", str(v.summary.get("mean_level") or "—")),
            self.tr("Notes: %1").replace(
                "%1",
                self.tr(", ", "between the items of a list").join(
                    f"{self.note_categories.get(k, k)} {len(n)}"
                    for k, n in v.summary.get("notes", {}).items()
                )
                or "0",
            ),
        ]
        if v.supersedes_uid:
            lines.append(
                self.tr("Amends version %1 because: %2")
                .replace("%1", str(v.version - 1))
                .replace("%2", v.amendment_reason)
            )
        if v.signed_at:
            lines.append(
                self.tr("Signed by %1 on %2")
                .replace("%1", v.signed_by)
                .replace("%2", f"{v.signed_at:%Y-%m-%d %H:%M} UTC")
            )
        return "<br>".join(line.replace("&", "&amp;").replace("<", "&lt;") for line in lines)

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # -- preview ------------------------------------------------------------------------

    def current_pdf(self) -> bytes | None:
        """The signed file as stored, or the draft exactly as it renders now."""
        v = self._current
        if v is None:
            return None
        if self._pdf is None:
            if v.state == "draft":
                self._pdf = render_sheet(v, assessments.result_choices(self.store)).pdf
            else:
                self._pdf = assessments.latest_document(self.store, v.uid)
        return self._pdf

    def _fitting_dpi(self) -> float:
        margins = self.pages.layout().contentsMargins()
        room = self.preview_scroll.viewport().width() - margins.left() - margins.right() - 4
        scroll_bar = self.preview_scroll.verticalScrollBar()
        if not scroll_bar.isVisible():
            # A page is taller than the pane: the bar the pages bring takes its width from them.
            room -= scroll_bar.sizeHint().width()
        low, high = PREVIEW_DPI_RANGE
        return max(low, min(high, room / A4_WIDTH_INCHES))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.preview_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def _refit_preview(self) -> None:
        if abs(self._fitting_dpi() - self._preview_dpi) >= 2:
            self._show_preview_if_visible()

    def _clear_pages(self) -> None:
        layout = self.pages.layout()
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def _show_preview_if_visible(self) -> None:
        if self.tabs.currentWidget() is not child(self.form, QWidget, "previewTab"):
            return
        self._clear_pages()
        pdf = self.current_pdf()
        if pdf is None or self._current is None:
            self.preview_info.setText("")
            return
        texts = {
            "draft": self.tr(
                "Draft: the sheet as it will be signed. Signing adds your drawn "
                "signature, name and date in the mentor's box."
            ),
            "signed": self.tr("The signed PDF as stored."),
            "superseded": self.tr("Superseded by an amendment; kept as it was signed."),
        }
        self.preview_info.setText(texts.get(self._current.state, ""))
        self._preview_dpi = self._fitting_dpi()
        ratio = self.devicePixelRatioF()
        for pixmap in page_pixmaps(pdf, self._preview_dpi * ratio):
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
            label.setStyleSheet("border: 1px solid #b0bec5;")
            self.pages.layout().addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages.layout().addStretch(1)
        self.pages.layout().activate()

    def save_as(self) -> None:
        pdf, v = self.current_pdf(), self._current
        if pdf is None or v is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), sheet_filename(v), self.tr("PDF files (*.pdf)")
        )
        if path:
            target = Path(path)
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(pdf)
            os.replace(partial, target)
            self._say(self.tr("Saved %1").replace("%1", str(target)), ok=True)

    def open_in_viewer(self) -> None:
        pdf, v = self.current_pdf(), self._current
        if pdf is None or v is None:
            return
        folder = data_dir() / "sheets"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / sheet_filename(v)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(pdf)
        os.replace(partial, target)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self._say(self.tr("No PDF viewer opened %1").replace("%1", str(target)))

    def print_sheet(self) -> None:
        pdf = self.current_pdf()
        if pdf is not None and print_pdf(self, pdf) is False:
            self._say(self.tr("The printer could not be started."))

    def attach_countersigned(self) -> None:
        if self._current is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach countersigned copy"), "", self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            pdf = Path(path).read_bytes()
        except OSError as exc:
            self._say(f"{path}: {exc.strerror}")
            return
        if self._guard(attach_countersigned, self.store, self._current.uid, pdf) is not None:
            self.reload(self._current.uid)
            self._say(self.tr("Countersigned copy attached."), ok=True)

    # -- actions ------------------------------------------------------------------------

    def _guard(self, action, *args):
        try:
            return action(*args)
        except UserError as exc:
            self._say(localised(exc))
            return None

    def new_assessment(self) -> None:
        dialog = PeriodDialog(self.store, batch=False, parent=self)
        if dialog.exec() != PeriodDialog.DialogCode.Accepted:
            return
        start, end = dialog.period
        view = self._guard(assessments.create_draft, self.store, dialog.trainee_uid, start, end)
        if view is not None:
            self.reload(view.uid)

    def save(self) -> assessments.AssessmentView | None:
        if self._current is None:
            return None
        view = self._guard(
            lambda: assessments.update_draft(
                self.store,
                self._current.uid,
                result=self.result_combo.currentData() or "",
                strengths=self.strengths.toPlainText(),
                improvements=self.improvements.toPlainText(),
                comment=self.comment.toPlainText(),
            )
        )
        if view is not None:
            self.reload(view.uid)
            self._say(self.tr("Draft saved."), ok=True)
        return view

    def recompute(self) -> None:
        if self._current is not None:
            view = self._guard(assessments.refresh_summary, self.store, self._current.uid)
            if view is not None:
                self.reload(view.uid)

    def draw_signature(self) -> None:
        SignaturePadDialog(self.store, self).exec()

    def _signer(self) -> HeldKeySigner | None:
        if not signing_identity.has_identity() and IdentityDialog(self.store, self).exec() != (
            IdentityDialog.DialogCode.Accepted
        ):
            return None
        secret = ask_passphrase(self, self.tr("Passphrase of your signing identity"))
        if secret is None:
            return None
        identity = self._guard(signing_identity.load_identity, secret)
        return HeldKeySigner(identity) if identity is not None else None

    def sign(self) -> None:
        if self._current is None or self.save() is None:
            return
        if drawn_signature(self.store) is None:
            self.draw_signature()
        signer = self._signer()
        if signer is None:
            return
        view = self._guard(
            sign_assessment, self.store, self._current.uid, signer, drawn_signature(self.store)
        )
        if view is not None:
            self.reload(view.uid)
            self._say(self.tr("Signed. The sheet is now locked."), ok=True)

    def amend(self) -> None:
        if self._current is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Amend"), self.tr("Why does this signed assessment need correcting?")
        )
        if ok:
            view = self._guard(assessments.amend, self.store, self._current.uid, reason)
            if view is not None:
                self.state_filter.setCurrentIndex(0)
                self.reload(view.uid)
                self._say(self.tr("Amendment drafted; the signed version is kept."), ok=True)

    def batch(self) -> None:
        dialog = PeriodDialog(self.store, batch=True, parent=self)
        if dialog.exec() != PeriodDialog.DialogCode.Accepted:
            return
        start, end = dialog.period
        if not self._confirm_batch(dialog, start, end):
            return
        signer = self._signer() if dialog.sign else None
        if dialog.sign and signer is None:
            return
        drawing = drawn_signature(self.store) if signer else None

        def work(progress):
            return write_sheets(
                self.store,
                dialog.folder,
                start,
                end,
                cohort=dialog.cohort,
                signer=signer,
                drawing_png=drawing,
                progress=progress,
            )

        def done(result) -> None:
            self.reload()
            said = (
                self.tr("%1 sheets written to %2 (%3 signed now).")
                .replace("%1", str(len(result.written)))
                .replace("%2", str(dialog.folder))
                .replace("%3", str(result.signed))
            )
            if result.other_mentor and signer is not None:
                said += " " + self.tr(
                    "Signed as %1, but the form names another mentor for %2 of them."
                ).replace("%1", signer.name).replace("%2", str(len(result.other_mentor)))
            self._say(said, ok=not result.other_mentor)

        def failed(message: str) -> None:
            QMessageBox.warning(self, self.tr("Sheets for a cohort"), message)

        def cancelled() -> None:
            self._say(self.tr("Cancelled: no sheet was written and nothing was signed."))

        job = run_with_progress(self, self.tr("Writing sheets…"), work, done, failed)
        job.was_cancelled.connect(cancelled)
        job.finished.connect(self._job_finished)
        self._job = job

    def _confirm_batch(self, dialog, start, end) -> bool:
        """Say what the batch will do, drafts it creates included, before it does it."""
        me = signing_identity.identity_info() if dialog.sign else None
        plan = self._guard(
            plan_batch, self.store, start, end, dialog.cohort or None, me.name if me else ""
        )
        if plan is None:
            return False
        text = (
            self.tr("Write the sheets of %1 trainees for %2 – %3 to %4?")
            .replace("%1", str(plan.trainees))
            .replace("%2", str(start))
            .replace("%3", str(end))
            .replace("%4", str(dialog.folder))
        )
        if plan.drafts_to_create:
            text += "\n\n" + self.tr(
                "%1 drafts will be created for the trainees who have no assessment for this period."
            ).replace("%1", str(plan.drafts_to_create))
        for mentor, count in plan.other_mentors.items():
            text += "\n\n" + (
                self.tr("You sign as %1, but the form names %2 as mentor on %3 of these sheets.")
                .replace("%1", me.name if me else "")
                .replace("%2", mentor)
                .replace("%3", str(count))
            )
        answer = QMessageBox.question(self, self.tr("Sheets for a cohort"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _job_finished(self) -> None:
        self._job = None
