"""The Assessments area: draft, preview the exact PDF, sign, amend, print, batch a cohort.

It reads and changes assessments through operations (``ui/operations.py``); signing and a
cohort's sheets are in ``ui/sheet_actions.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from ..core import assessment_signing, assessments, cohorts
from ..core.assessment_views import AssessmentView
from ..exchange.sheet_batch import sheet_as_it_stands, sheet_filename
from ..exchange.signing import attach_countersigned
from .area import FormArea
from .assessment_dialogs import PeriodDialog
from .assessment_list import AssessmentList
from .assessment_summary_text import detail_heading, empty_list_hint, summary_html
from .countersign_dialog import install_countersign_button
from .forms import child
from .note_category_names import note_category_names
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .pass_to_trainee import install_pass_button
from .sheet_actions import SheetActions
from .sheet_preview import PreviewPane
from .translation import current_language

if TYPE_CHECKING:
    from ..core.store import Store

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def _choices(store: Store) -> tuple[list[str], list[str]]:
    """On the worker: the cohorts to filter by and the results a draft can have."""
    return [c.name for c in cohorts.list_cohorts(store)], assessments.result_choices(store)


class AssessmentsArea(SheetActions, FormArea):
    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__("assessments", parent)
        self.worker = worker
        self.has_read = False
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

        self._current: AssessmentView | None = None
        self._pdf: bytes | None = None
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
        self.save_button.clicked.connect(lambda: self.save())
        self.refresh_button.clicked.connect(self.recompute)
        self.sign_button.clicked.connect(self.sign)
        self.amend_button.clicked.connect(self.amend)
        self.attach_button.clicked.connect(self.attach_countersigned)
        self.pass_button = install_pass_button(self)  # beside Sign; enabled with it
        self.countersign_button = install_countersign_button(self)  # beside Attach
        splitter = child(f, QSplitter, "splitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Half and half to start with, not the detail's wide size hint (which left the list
        # two or three columns at 1280 px): who, period, state and result stay in view.
        splitter.setSizes([1000, 1000])
        worker.changes.subscribe(self, self._records_changed)
        self.refresh()

    def _records_changed(self, changes: Changes) -> None:
        # Names and cohorts show in the list; the list of results is a setting.
        if changes.assessments or changes.touches_trainees() or changes.settings:
            self.refresh()

    # -- list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        QueryOp(_choices).success(self._show_choices).failure(self._say).run(self.worker, self)

    def _show_choices(self, found: tuple[list[str], list[str]]) -> None:
        names, results = found
        current = self.cohort_filter.currentData()
        self.cohort_filter.blockSignals(True)
        self.cohort_filter.clear()
        self.cohort_filter.addItem(self.tr("All cohorts"), "")
        for name in names:
            self.cohort_filter.addItem(name, name)
        self.cohort_filter.setCurrentIndex(max(self.cohort_filter.findData(current or ""), 0))
        self.cohort_filter.blockSignals(False)
        self.result_combo.clear()
        self.result_combo.addItem(self.tr("(not decided)"), "")
        for r in results:
            self.result_combo.addItem(self.result_names.get(r, r), r)
        self.reload()

    def reload(self, select_uid: str | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the list again, keep (or select) a row; ``then()`` once it is on screen."""
        keep = select_uid or (self._current.uid if self._current else None)
        QueryOp(
            assessments.list_assessments,
            self.search.text(),
            cohort=self.cohort_filter.currentData() or None,
            state=self.state_filter.currentData() or None,
        ).success(lambda rows: self._listed(rows, keep, then)).failure(self._say).run(
            self.worker, self
        )

    def _listed(
        self, rows: list[AssessmentView], keep: str | None, then: Callable[[], None] | None
    ) -> None:
        self.list.fill(rows, keep)
        # Always refresh the detail: the selected row may be the same record, changed.
        self._selection_changed()
        if then is not None:
            then()
        if not self.has_read:
            self.has_read = True
            self.first_read.emit()

    def _selection_changed(self) -> None:
        self._show(self.list.selected())

    # -- detail -------------------------------------------------------------------------

    def _show(self, view: AssessmentView | None) -> None:
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
        self.countersign_button.setEnabled(self.attach_button.isEnabled())
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

    def with_pdf(self, then: Callable[[bytes | None], None]) -> None:
        """``then(pdf)``: the signed file as stored, or the draft exactly as it renders now
        (rendered on the worker, once per selection)."""
        v = self._current
        if v is None or self._pdf is not None:
            then(self._pdf if v is not None else None)
            return

        def arrived(pdf: bytes | None) -> None:
            if self._current is not v:
                return  # another row was chosen meanwhile: its own answer follows
            self._pdf = pdf
            then(pdf)

        QueryOp(sheet_as_it_stands, v, language=self.sheet_language).success(arrived).failure(
            self.preview.say
        ).run(self.worker, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.preview_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.preview.viewport_resized()
        return super().eventFilter(watched, event)

    def _sheet(self, then: Callable[[bytes, str], None]) -> None:
        v = self._current
        if v is not None:
            self.with_pdf(lambda pdf: then(pdf, sheet_filename(v)) if pdf is not None else None)

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
        if self._pdf is None:
            # Not the pages of the sheet chosen before while this one renders.
            self.preview.clear()
        self.with_pdf(lambda pdf: self.preview.show_pages(pdf, texts.get(state, "")))

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
        uid = self._current.uid
        said = self.tr("Countersigned copy attached.")
        self._change(attach_countersigned, uid, pdf).success(
            lambda _doc: self.reload(uid, then=lambda: self._say(said, ok=True))
        ).run(self.worker, self)

    # -- actions ------------------------------------------------------------------------

    def _change(self, call: Callable[..., Any], *args: object, **kwargs: object) -> QueryOp[Any]:
        """A change of assessments whose refusal is said on the area's message line."""
        return CollectionOp(call, *args, changes=Changes(assessments=True), **kwargs).failure(
            self._say
        )

    def new_assessment(self) -> None:
        dialog = PeriodDialog(self.worker, batch=False, parent=self)
        if dialog.exec() != PeriodDialog.DialogCode.Accepted:
            return
        start, end = dialog.period
        self._change(assessments.create_draft, dialog.trainee_uid, start, end).success(
            lambda view: self.reload(view.uid)
        ).run(self.worker, self)

    def save(self, then: Callable[[AssessmentView], None] | None = None) -> None:
        """Save the draft as shown; ``then(view)`` once saved, else the list shows it saved."""
        if self._current is None:
            return
        said = self.tr("Draft saved.")

        def saved(view: AssessmentView) -> None:
            if then is not None:
                then(view)
            else:
                self.reload(view.uid, then=lambda: self._say(said, ok=True))

        self._change(
            assessments.update_draft,
            self._current.uid,
            result=self.result_combo.currentData() or "",
            strengths=self.strengths.toPlainText(),
            improvements=self.improvements.toPlainText(),
            comment=self.comment.toPlainText(),
        ).success(saved).run(self.worker, self)

    def recompute(self) -> None:
        if self._current is not None:
            self._change(assessments.refresh_summary, self._current.uid).success(
                lambda view: self.reload(view.uid)
            ).run(self.worker, self)

    def amend(self) -> None:
        if self._current is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Amend"), self.tr("Why does this signed assessment need correcting?")
        )
        if ok:
            said = self.tr("Amendment drafted; the signed version is kept.")
            self._change(assessment_signing.amend, self._current.uid, reason).success(
                lambda view: self._amended(view, said)
            ).run(self.worker, self)

    def _amended(self, view: AssessmentView, said: str) -> None:
        # Every state: the new draft and the version it supersedes are both in the list.
        self.state_filter.blockSignals(True)
        self.state_filter.setCurrentIndex(0)
        self.state_filter.blockSignals(False)
        self.reload(view.uid, then=lambda: self._say(said, ok=True))
