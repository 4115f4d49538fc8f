"""Signing one assessment sheet and writing a cohort's sheets, as the Assessments area does them.

Both are chains of operations (``ui/operations.py``): what the store holds is read and changed
on the database worker, and the questions to the mentor (drawn signature, signing identity,
passphrase, another mentor on the form, the batch's plan) are asked on the GUI thread between
the steps. Writing a cohort's sheets runs with a progress dialog and Cancel.

Its words are the Assessments area's, translated in that context wherever the code sits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from ..core.assessment_views import AssessmentView
from ..core.drawn_signature import drawn_signature
from ..core.progress import NO_PROGRESS, Progress
from ..exchange import signing_identity
from ..exchange.sheet_batch import BatchPlan, BatchResult, plan_batch, write_sheets
from ..exchange.signing import HeldKeySigner, sign_assessment
from .assessment_dialogs import IdentityDialog, PeriodDialog, SignaturePadDialog, ask_passphrase
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .sheet_batch_text import batch_outcome, batch_question, confirm_other_mentor

if TYPE_CHECKING:
    from ..core.store import Store
    from .sheet_preview import PreviewPane


def unlocked_signer(secret: str) -> HeldKeySigner:
    """The signing identity opened with its passphrase (slow on purpose: run on the worker);
    a wrong passphrase is a ``UserError`` saying so."""
    return HeldKeySigner(signing_identity.load_identity(secret))


def sign_with_drawing(store: Store, uid: str, secret: str, *, language: str) -> AssessmentView:
    """On the worker: sign the draft with the local user's drawn signature as it is now."""
    signer = unlocked_signer(secret)
    return sign_assessment(store, uid, signer, drawn_signature(store), language=language)


def write_cohort_sheets(
    store: Store,
    folder: Path,
    start: date,
    end: date,
    *,
    cohort: str,
    secret: str | None,
    language: str,
    progress: Progress = NO_PROGRESS,
) -> BatchResult:
    """On the worker: a cohort's sheets, signed with the drawn signature when the identity's
    passphrase ``secret`` is given."""
    signer = unlocked_signer(secret) if secret is not None else None
    drawing = drawn_signature(store) if signer is not None else None
    return write_sheets(
        store,
        folder,
        start,
        end,
        cohort=cohort,
        signer=signer,
        drawing_png=drawing,
        language=language,
        progress=progress,
    )


class SheetActions:
    """Sign, draw the signature, and batch: the part of ``AssessmentsArea`` that signs sheets.

    A mixin of the area, which provides what is declared here."""

    worker: DatabaseWorker
    sheet_language: str
    preview: PreviewPane
    tabs: QTabWidget
    _current: AssessmentView | None
    save: Callable[..., None]
    reload: Callable[..., None]
    _say: Callable[..., None]
    # The running batch's progress (``cancel()`` stops it), None when none runs.
    _job: Progress | None = None

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    # -- the drawn signature and the identity ------------------------------------------------

    def draw_signature(self) -> bool:
        """The signature pad; True when the mentor saved a drawing."""
        if (
            SignaturePadDialog(self.worker, self._widget()).exec()
            != SignaturePadDialog.DialogCode.Accepted
        ):
            return False
        # Said where the mentor is looking: the Preview tab has a message line of its own.
        say = self.preview.say if self.tabs.currentWidget() is self.preview.tab else self._say
        say(
            QCoreApplication.translate("AssessmentsArea", "Your drawn signature is saved."), ok=True
        )
        return True

    def _signer(self) -> tuple[str, str] | None:
        """(name, passphrase) of the signing identity, made first if there is none; the
        identity is opened with the passphrase on the worker, which says if it is wrong."""
        if not signing_identity.has_identity() and IdentityDialog(
            self.worker, self._widget()
        ).exec() != (IdentityDialog.DialogCode.Accepted):
            return None
        info = signing_identity.identity_info()
        secret = ask_passphrase(
            self._widget(),
            QCoreApplication.translate("AssessmentsArea", "Passphrase of your signing identity"),
        )
        if secret is None or info is None:
            return None
        return info.name, secret

    # -- one sheet -----------------------------------------------------------------------

    def sign(self) -> None:
        """Save the draft as shown, then sign it: drawing, identity and passphrase asked first."""
        if self._current is None:
            return
        self.save(then=lambda view: self.reload(view.uid, then=self._sign_shown))

    def _sign_shown(self) -> None:
        if self._current is None or self._current.state != "draft":
            return
        QueryOp(drawn_signature).success(self._sign_drawn).failure(self._say).run(
            self.worker, self._widget()
        )

    def _sign_drawn(self, drawing: bytes | None) -> None:
        view = self._current
        if view is None:
            return
        if drawing is None:
            self.draw_signature()  # signing goes on without one when the mentor closes the pad
        signer = self._signer()
        if signer is None or not confirm_other_mentor(self._widget(), signer[0], view.mentor):
            return
        CollectionOp(
            sign_with_drawing,
            view.uid,
            signer[1],
            language=self.sheet_language,
            changes=Changes(assessments=True),
        ).success(self._signed).failure(self._say).run(self.worker, self._widget())

    def _signed(self, view: AssessmentView) -> None:
        said = QCoreApplication.translate("AssessmentsArea", "Signed. The sheet is now locked.")
        self.reload(view.uid, then=lambda: self._say(said, ok=True))

    # -- a cohort's sheets -------------------------------------------------------------------

    def batch(self) -> None:
        """Ask for the cohort, period and folder, say what will be done, then do it."""
        dialog = PeriodDialog(self.worker, batch=True, parent=self._widget())
        if dialog.exec() != PeriodDialog.DialogCode.Accepted:
            return
        start, end = dialog.period
        me = signing_identity.identity_info() if dialog.sign else None
        name = me.name if me else ""
        QueryOp(plan_batch, start, end, dialog.cohort or None, name).success(
            lambda plan: self._batch_planned(dialog, plan, name)
        ).failure(self._say).run(self.worker, self._widget())

    def _batch_planned(self, dialog: PeriodDialog, plan: BatchPlan, name: str) -> None:
        start, end = dialog.period
        text = batch_question(plan, start, end, dialog.folder, name)
        answer = QMessageBox.question(
            self._widget(),
            QCoreApplication.translate("AssessmentsArea", "Sheets for a cohort"),
            text,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        signer = self._signer() if dialog.sign else None
        if dialog.sign and signer is None:
            return
        folder, cohort = dialog.folder, dialog.cohort
        name, secret = signer if signer is not None else ("", None)

        def done(result: BatchResult) -> None:
            self._job = None
            said = batch_outcome(result, folder, name or None)
            self.reload(then=lambda: self._say(said, ok=not result.other_mentor))

        def failed(message: str) -> None:
            self._job = None
            QMessageBox.warning(
                self._widget(),
                QCoreApplication.translate("AssessmentsArea", "Sheets for a cohort"),
                message,
            )

        def cancelled() -> None:
            self._job = None
            self._say(
                QCoreApplication.translate(
                    "AssessmentsArea", "Cancelled: no sheet was written and nothing was signed."
                )
            )

        self._job = (
            CollectionOp(
                write_cohort_sheets,
                folder,
                start,
                end,
                cohort=cohort,
                secret=secret,
                language=self.sheet_language,
                changes=Changes(assessments=True),
            )
            .with_progress(
                self._widget(), QCoreApplication.translate("AssessmentsArea", "Writing sheets…")
            )
            .success(done)
            .failure(failed)
            .cancelled(cancelled)
            .run(self.worker, self._widget())
        )
