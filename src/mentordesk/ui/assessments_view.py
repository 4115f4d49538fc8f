"""The Assessments area: draft, preview the exact PDF, sign, amend, print, batch a cohort."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from ..core import assessments, cohorts
from ..core.drawn_signature import drawn_signature
from ..core.errors import UserError
from ..core.progress import Progress
from ..exchange import signing_identity
from ..exchange.sheet_batch import BatchResult, plan_batch, sheet_filename, write_sheets
from ..exchange.sheet_pdf import render_sheet
from ..exchange.signing import HeldKeySigner, attach_countersigned, sign_assessment
from .area import FormArea
from .assessment_dialogs import IdentityDialog, PeriodDialog, SignaturePadDialog, ask_passphrase
from .assessment_list import AssessmentList
from .assessment_summary_text import detail_heading, empty_list_hint, summary_html
from .forms import child
from .localised import localised
from .note_category_names import note_category_names
from .operations import Changes, CollectionOp, DatabaseWorker
from .pass_to_trainee import install_pass_button
from .sheet_batch_text import batch_outcome, batch_question, confirm_other_mentor
from .sheet_preview import PreviewPane
from .translation import current_language

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class AssessmentsArea(FormArea):
    # A cohort's sheets are written on the database worker; the rest still uses its store.
    takes_worker = True

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__("assessments", parent)
        self.worker = worker
        self.store = worker.store
        # Sheets speak the interface language (fixed until a restart: preview = signed sheet).
        self.sheet_language = "zh_CN" if current_language() == "zh_CN" else "en"
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
        self.preview = PreviewPane(f, self._sheet)
        self.pages = self.preview.pages
        self.preview_scroll = self.preview.scroll
        self.preview_scroll.viewport().installEventFilter(self)
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
        self.list = AssessmentList(self.table, self.states, self.result_names)
        self.state_filter.addItem(self.tr("Every state"), "")
        for key, label in self.states.items():
            self.state_filter.addItem(label, key)

        self._current: assessments.AssessmentView | None = None
        self._pdf: bytes | None = None
        # The running batch's progress (``cancel()`` stops it), None when none runs.
        self._job: Progress | None = None
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
        self.attach_button.clicked.connect(self.attach_countersigned)
        self.pass_button = install_pass_button(self)  # beside Sign; enabled with it
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
        rows = assessments.list_assessments(
            self.store,
            self.search.text(),
            cohort=self.cohort_filter.currentData() or None,
            state=self.state_filter.currentData() or None,
        )
        self.list.fill(rows, keep)
        # Always refresh the detail: the selected row may be the same record, changed.
        self._selection_changed()

    def _selection_changed(self) -> None:
        self._show(self.list.selected())

    # -- detail -------------------------------------------------------------------------

    def _show(self, view: assessments.AssessmentView | None) -> None:
        self._current = view
        self._pdf = None
        self._say("")
        self.preview.say("")
        editable = view is not None and view.state == "draft"
        for widget in (self.strengths, self.improvements, self.comment):
            widget.setReadOnly(not editable)
        for widget in (self.result_combo, self.save_button, self.refresh_button, self.sign_button):
            widget.setEnabled(editable)
        self.pass_button.setEnabled(editable)
        self.amend_button.setEnabled(view is not None and view.state == "signed")
        self.attach_button.setEnabled(view is not None and view.state == "signed")
        preview = self.preview
        for widget in (preview.open_button, preview.print_button, preview.save_as_button):
            widget.setEnabled(view is not None)
        if view is None:
            self.heading.setText(self.tr("No assessment selected"))
            filters = self.search.text(), self.cohort_filter.currentData()
            filtered = any(filters) or bool(self.state_filter.currentData())
            self.summary.setText(empty_list_hint(bool(self.list.rows), filtered))
            for widget in (self.strengths, self.improvements, self.comment):
                widget.setPlainText("")
            self.preview.clear()
            return
        self.heading.setText(detail_heading(view, self.states.get(view.state, view.state)))
        self.summary.setText(summary_html(view, self.note_categories))
        self.result_combo.setCurrentIndex(max(self.result_combo.findData(view.result), 0))
        self.strengths.setPlainText(view.strengths)
        self.improvements.setPlainText(view.improvements)
        self.comment.setPlainText(view.comment)
        self._show_preview_if_visible()

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def current_pdf(self) -> bytes | None:
        """The signed file as stored, or the draft exactly as it renders now."""
        v = self._current
        if v is None:
            return None
        if self._pdf is None:
            if v.state == "draft":
                self._pdf = render_sheet(
                    v, assessments.result_choices(self.store), language=self.sheet_language
                ).pdf
            else:
                self._pdf = assessments.latest_document(self.store, v.uid)
        return self._pdf

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.preview_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.preview.viewport_resized()
        return super().eventFilter(watched, event)

    def _sheet(self) -> tuple[bytes, str] | None:
        pdf, v = self.current_pdf(), self._current
        return (pdf, sheet_filename(v)) if pdf is not None and v is not None else None

    def _show_preview_if_visible(self) -> None:
        if self.tabs.currentWidget() is not self.preview.tab:
            return
        texts = {
            "draft": self.tr(
                "Draft: the sheet as it will be signed. Signing adds your drawn "
                "signature, name and date in the mentor's box."
            ),
            "signed": self.tr("The signed PDF as stored."),
            "superseded": self.tr("Superseded by an amendment; kept as it was signed."),
        }
        state = self._current.state if self._current else ""
        self.preview.show_pages(self.current_pdf(), texts.get(state, ""))

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

    def _guard(self, action, *args, **kwargs):
        try:
            return action(*args, **kwargs)
        except UserError as exc:
            return self._say(localised(exc))

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
        if SignaturePadDialog(self.store, self).exec() == SignaturePadDialog.DialogCode.Accepted:
            # Said where the mentor is looking: the Preview tab has a message line of its own.
            say = self.preview.say if self.tabs.currentWidget() is self.preview.tab else self._say
            say(self.tr("Your drawn signature is saved."), ok=True)

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
        if signer is None or not confirm_other_mentor(self, signer.name, self._current.mentor):
            return
        view = self._guard(
            sign_assessment,
            self.store,
            self._current.uid,
            signer,
            drawn_signature(self.store),
            language=self.sheet_language,
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

        def done(result: BatchResult) -> None:
            self._job = None
            self.reload()
            self._say(
                batch_outcome(result, dialog.folder, signer.name if signer else None),
                ok=not result.other_mentor,
            )

        def failed(message: str) -> None:
            self._job = None
            QMessageBox.warning(self, self.tr("Sheets for a cohort"), message)

        def cancelled() -> None:
            self._job = None
            self._say(self.tr("Cancelled: no sheet was written and nothing was signed."))

        self._job = (
            CollectionOp(
                write_sheets,
                dialog.folder,
                start,
                end,
                cohort=dialog.cohort,
                signer=signer,
                drawing_png=drawing,
                language=self.sheet_language,
                changes=Changes(assessments=True),
            )
            .with_progress(self, self.tr("Writing sheets…"))
            .success(done)
            .failure(failed)
            .cancelled(cancelled)
            .run(self.worker, self)
        )

    def _confirm_batch(self, dialog, start, end) -> bool:
        """Say what the batch will do, drafts it creates included, before it does it."""
        me = signing_identity.identity_info() if dialog.sign else None
        plan = self._guard(
            plan_batch, self.store, start, end, dialog.cohort or None, me.name if me else ""
        )
        if plan is None:
            return False
        text = batch_question(plan, start, end, dialog.folder, me.name if me else "")
        answer = QMessageBox.question(self, self.tr("Sheets for a cohort"), text)
        return answer == QMessageBox.StandardButton.Yes
